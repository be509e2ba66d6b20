"""Curating in a real terminal (tmux, 80x24): highlight a passage with the keys, then make a
claim from it with a new event; the claims file gets the new entry, `check` stays clean."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest

from briefing.loader import load_corpus

from .curate_helpers import curated_briefing

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "e2e"))
from tmuxterm import Tmux  # noqa: E402 - the e2e harness, beside these tests

pytestmark = [pytest.mark.tmux, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]


def _command() -> list[str]:
    script = ROOT / ".venv" / "bin" / "briefing"
    return [str(script)] if script.exists() else [sys.executable, "-m", "briefing"]


@pytest.fixture
def term(tmp_path):
    term = Tmux(tmp_path)
    yield term
    term.kill()


def test_highlight_then_make_a_claim_in_a_real_terminal(term, tmp_path):
    root = curated_briefing(tmp_path / "b")
    before = (root / "claims/alpha.yaml").read_text()
    events_before = (root / "events.yaml").read_text()
    term.start([*_command(), "read", "--content", str(root)],
               env={"TERM": "xterm-256color", "BRIEFING_DB": str(tmp_path / "a.json"),
                    "BRIEFING_CACHE_DIR": str(tmp_path / "cache"), "HOME": str(tmp_path)})
    term.wait_for("Alpha article")
    term.send("n")  # the first claim: "The “peacekeepers” numbered 1,960 in total..."
    term.send("h")  # select its sentence
    term.wait_for("Selecting")
    for key in ("b", "b", "b", "b", "b"):  # back to "... numbered 1,960"
        term.send(key)
    term.wait_for("numbered 1,960”")
    term.send("Enter")  # a highlight
    term.wait_for("Passage highlighted")
    term.send("h")
    term.wait_for("Selecting")
    for key in ("b", "b", "b", "b", "b", "c"):  # the same passage, now a claim
        term.send(key)
    term.wait_for("New claim alpha-03")
    # One key at a time, as a person types: each is handled before the next arrives.
    steps = [("Tab", False), ("Tab", False), ("Russia", True),  # kind, speaker -> actors
             ("Tab", False), ("C-u", False),  # events: clear the current claim's event
             ("Tab", False), ("arrival", True), ("Tab", False), ("Peacekeepers arrive", True)]
    for keys, literal in steps:
        term.send(keys, literal=literal)
        time.sleep(0.3)
    term.send("C-s")
    term.wait_for("Claim alpha-03 saved")
    term.send("q")
    term.wait_dead()
    after = (root / "claims/alpha.yaml").read_text()
    assert after.startswith(before)
    added = after[len(before):]
    assert "- id: alpha-03" in added and "numbered 1,960" in added
    assert "events: [arrival]" in added and "actors: [Russia]" in added
    assert (root / "events.yaml").read_text().startswith(events_before)
    corpus, problems = load_corpus(root)
    assert [str(p) for p in problems] == []
    assert corpus.claims["alpha-03"].events == ["arrival"]
