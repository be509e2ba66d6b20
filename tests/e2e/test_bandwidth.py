"""The issue's bandwidth target, checked on every run: bytes per keypress in a real pty.

Bytes, not seconds: the count depends on what is drawn, not on how busy the machine is.
benchmarks/bench_bandwidth.py prints the full table (low vs full, more keys).
"""

from __future__ import annotations

import importlib.util
import statistics
from pathlib import Path

import pytest

pytestmark = [pytest.mark.slow]

_BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "bench_bandwidth.py"


def _bench():
    spec = importlib.util.spec_from_file_location("bench_bandwidth", _BENCH)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_low_bandwidth_next_claim_under_4kb_and_page_down_without_animation(workdir):
    bench = _bench()
    low = bench.measure(True, None, 5, workdir / "low.json")
    assert statistics.median(low["next claim (n)"]) <= 4096
    # An animated page-down redraws a dozen frames (~60 KB measured); a jump is one frame.
    assert max(low["page down (PgDn)"]) <= 12_000
    assert low["idle 3 s, search open"] == [0]  # steady cursor: nothing sent while idle
