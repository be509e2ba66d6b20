"""Snapshots of curating at 80x24: the claim form, and a suggested claim under review.

Regenerate after an intended change with `--snapshot-update` and review the SVGs."""

from __future__ import annotations

from textual.widgets import Input, TextArea

from .curate_helpers import curated_briefing, make_curating_app

SMALL = (80, 24)


async def _steady(pilot) -> None:
    for _ in range(3):
        await pilot.pause(0.05)
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    for widget in pilot.app.screen.query(TextArea):
        widget.cursor_blink = False
    await pilot.pause()


def test_claim_form_80x24(snap_compare, tmp_path, store):
    app = make_curating_app(curated_briefing(tmp_path / "b"), store)
    # n: the first claim; C: a claim from its sentence (figures and dates pre-filled).
    assert snap_compare(app, terminal_size=SMALL, press=["n", "C"], run_before=_steady)


def test_suggested_claim_80x24(snap_compare, tmp_path, store):
    app = make_curating_app(curated_briefing(tmp_path / "b"), store)
    # The second claim is a suggestion: italic in the article, "suggested (40%)" in the panel
    # (i shows the panel under the article at 80 columns).
    assert snap_compare(app, terminal_size=SMALL, press=["n", "n", "i"], run_before=_steady)
