"""The benchmark and evaluation scripts still run against the code they measure.

They are not part of the package, so nothing else notices when a refactor renames what
they import; two went stale that way before this test.  Every script is imported (its
module-level imports resolved) and every command-line one answers ``--help``; the
evaluations, which take a few seconds each, run in full and must print their figures.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
SCRIPTS = sorted(BENCHMARKS.glob("*.py"))


def test_the_scripts_are_found():
    names = {p.name for p in SCRIPTS}
    assert {"eval_suggest.py", "bench_views.py", "make_synthetic.py"} <= names


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.stem)
def test_script_imports(script: Path, monkeypatch):
    # The scripts put the repository on sys.path themselves; importing must not run them.
    monkeypatch.setattr(sys, "argv", [str(script)])
    spec = importlib.util.spec_from_file_location(f"_bench_{script.stem}", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if not script.stem.startswith("hello_"):  # the baselines are apps, run as they are
        assert callable(module.main)


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, timeout=300, cwd=BENCHMARKS.parent
    )


@pytest.mark.parametrize(
    "script",
    [p for p in SCRIPTS if "argparse" in p.read_text(encoding="utf-8")],
    ids=lambda p: p.stem,
)
def test_script_answers_help(script: Path):
    done = _run(str(script), "--help")
    assert done.returncode == 0, done.stderr
    assert "usage:" in done.stdout


@pytest.mark.parametrize(
    ("script", "args", "expect"),
    [
        ("eval_suggest.py", ["--no-timing"], "event pair recall"),
        ("eval_import.py", [], "boilerplate"),
        ("eval_disagreements.py", [], "precision"),
        ("train_linker.py", [], "verdict:"),
    ],
)
def test_evaluation_prints_its_figures(script: str, args: list[str], expect: str):
    done = _run(str(BENCHMARKS / script), *args)
    assert done.returncode == 0, done.stderr[-2000:]
    assert expect in done.stdout
    assert "Traceback" not in done.stderr
