"""Snapshots of the reader's main views at 80x24 and 160x48 (pytest-textual-snapshot).

Regenerate after an intended change with `pytest tests/tui/test_snapshots.py --snapshot-update`
and review the SVGs.  The corpus is built in code so content edits do not churn them.
"""

from __future__ import annotations

import pytest
from textual.widgets import Input

from briefing.tui.app import BriefingApp
from briefing.tui.viewmodels.navigation import Location

from .conftest import make_corpus, make_app

SMALL = (80, 24)
LARGE = (160, 48)
SIZES = pytest.mark.parametrize("size", [SMALL, LARGE], ids=["80x24", "160x48"])


def _app(hostile: bool = False) -> BriefingApp:
    return make_app(make_corpus(hostile=hostile), build_index=False)


async def _steady(pilot) -> None:
    """No blinking cursors, and the claim panel (drawn a frame after the highlight) settled."""
    for _ in range(3):
        await pilot.pause(0.05)
    for widget in pilot.app.screen.query(Input):
        widget.cursor_blink = False
    await pilot.pause()


@SIZES
def test_reader_on_a_claim(snap_compare, size):
    assert snap_compare(_app(), terminal_size=size, press=["n", "n", "n"], run_before=_steady)


def test_reader_80x24_with_claim_panel_and_contents(snap_compare):
    assert snap_compare(_app(), terminal_size=SMALL, press=["n", "n", "n", "i", "o"],
                        run_before=_steady)


@SIZES
def test_search_results(snap_compare, size):
    async def run_before(pilot):
        await pilot.press("slash", *"peacekeepers", "enter")
        await pilot.pause()
        await _steady(pilot)

    assert snap_compare(_app(), terminal_size=size, run_before=run_before)


@SIZES
def test_help(snap_compare, size):
    assert snap_compare(_app(), terminal_size=size, press=["question_mark"], run_before=_steady)


def test_goto_event(snap_compare):
    async def run_before(pilot):
        await pilot.press("g")
        await pilot.pause()
        await _steady(pilot)

    assert snap_compare(_app(), terminal_size=SMALL, run_before=run_before)


def test_hostile_text_rendered_literally(snap_compare):
    async def run_before(pilot):
        await pilot.pause()
        pilot.app.screen.open(Location("gamma-2021"))
        await pilot.press("n")
        await _steady(pilot)

    assert snap_compare(_app(hostile=True), terminal_size=LARGE, run_before=run_before)
