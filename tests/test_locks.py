"""The locks install on a fresh machine: every requirement a dependency asks for with an
extra is pinned (scripts/pin_extras.py), so a newer release of it cannot break
``pip install --require-hashes`` of a lock that did not change."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
spec = importlib.util.spec_from_file_location("pin_extras", ROOT / "scripts" / "pin_extras.py")
pin_extras = importlib.util.module_from_spec(spec)
spec.loader.exec_module(pin_extras)

LOCK = """\
justext==3.0.2 \\
    --hash=sha256:aaa
lxml==6.2.0 \\
    --hash=sha256:bbb \\
    --hash=sha256:ccc
    # via
    #   justext
lxml-html-clean==0.4.7 \\
    --hash=sha256:ddd
"""


def test_the_extra_is_pinned_with_the_same_version_and_hashes_once():
    pinned = pin_extras.pin(LOCK)
    assert "lxml[html_clean]==6.2.0 \\\n    --hash=sha256:bbb \\\n    --hash=sha256:ccc\n" in pinned
    assert pinned.count("lxml==6.2.0") == 1 and pin_extras.pin(pinned) == pinned
    assert pinned.startswith(LOCK.split("    # via")[0])  # the rest is left as it was


@pytest.mark.parametrize("lock", ["app.lock", "test.lock"])
def test_each_lock_pins_the_extras_beside_their_package(lock):
    text = (ROOT / "requirements" / lock).read_text(encoding="utf-8")
    for name, extra in pin_extras.EXTRAS:
        base = re.search(rf"^{name}==(\S+)", text, re.M)
        with_extra = re.search(rf"^{re.escape(name)}\[{extra}\]==(\S+)", text, re.M)
        assert base and with_extra and base.group(1) == with_extra.group(1)
