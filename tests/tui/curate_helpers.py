"""Helpers for the reader's curation tests: a briefing on disk with suggestions, the app on
it, and moving to a claim with the keys a person uses."""

from __future__ import annotations

import difflib
from pathlib import Path

from briefing_dirs import write_briefing

from briefing.loader import load_corpus

SUGGESTED_CLAIMS = """\
# Suggested by `briefing suggest`: review them in the reader.

- id: alpha-s01
  status: suggested
  by: briefing-suggest/1
  confidence: 0.72
  quote: "Ce paragraphe est en français"
  events: [new-talks]
  kind: fact
  speaker: author

- id: alpha-s02
  status: suggested
  by: briefing-suggest/1
  confidence: 0.4
  quote: "A second line with code"
  events: [war]
  kind: fact
  speaker: author
"""

SUGGESTED_EVENTS = """\
- id: new-talks
  status: suggested
  by: briefing-suggest/1
  confidence: 0.5
  title: New talks
  date: "2023-02"
"""


def curated_briefing(root: Path) -> Path:
    write_briefing(root, claims={"alpha.suggested.yaml": SUGGESTED_CLAIMS})
    (root / "events.suggested.yaml").write_text(SUGGESTED_EVENTS, encoding="utf-8")
    return root


def files_text(root: Path) -> dict[str, str]:
    """Every content file's text, by path relative to the briefing."""
    return {str(p.relative_to(root)): p.read_text(encoding="utf-8")
            for p in sorted(root.rglob("*.yaml"))}


def changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.unified_diff(before.splitlines(), after.splitlines(),
                                                  lineterm="", n=0)
            if line[:1] in "+-" and not line.startswith(("+++", "---"))]


def make_curating_app(root: Path, store, **kwargs):
    from briefing.tui.app import BriefingApp

    corpus, problems = load_corpus(root)
    assert not problems, problems
    return BriefingApp(corpus, store=store, build_index=False, **kwargs)


async def settle(pilot) -> None:
    """Wait for the background reload a curation step starts, and for the screen after it."""
    app = pilot.app
    for _ in range(50):
        await app.workers.wait_for_complete()
        await pilot.pause(0.02)
        if app.corpus_ready and not app.workers:
            break
    await pilot.pause(0.05)


async def go_to_claim(pilot, claim_id: str) -> None:
    reader = pilot.app.reader
    for _ in range(12):
        if reader.claim_id == claim_id:
            return
        await pilot.press("n")
        await pilot.pause()
    raise AssertionError(f"n never reached {claim_id} (at {reader.claim_id})")


def messages(app, severity: str | None = None) -> list[str]:
    return [n.message for n in app._notifications if severity is None or n.severity == severity]
