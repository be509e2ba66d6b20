"""Dialogs on a briefing with many events: they hold what is reached, and behave as if they
held everything (Pilot, 160x48)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from briefing.loader import load_corpus
from briefing.tui.dialogs.goto_event import EventList, GotoEventScreen
from briefing.tui.dialogs.reached_options import BATCH

from .conftest import make_app

GENERATOR = Path(__file__).resolve().parents[2] / "benchmarks" / "make_synthetic.py"
LARGE = (160, 48)
EVENTS = 450


@pytest.fixture(scope="module")
def many_events(tmp_path_factory):
    spec = importlib.util.spec_from_file_location("make_synthetic", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    folder = tmp_path_factory.mktemp("many-events")
    module.write_briefing(folder, n_articles=6, claims_per_article=30, seed=5, n_events=EVENTS)
    corpus, problems = load_corpus(folder)
    assert not problems
    return corpus


def _listed(app) -> EventList:
    return app.screen.query_one(EventList)


async def test_goto_holds_the_first_events_and_end_reaches_the_last(many_events):
    app = make_app(many_events)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.press("g")
        assert isinstance(app.screen, GotoEventScreen)
        listing = _listed(app)
        assert listing.option_count == BATCH < EVENTS
        ordered = many_events.events_in_order()
        await pilot.press("down", "end")
        assert listing.option_count == EVENTS
        assert listing.highlighted == EVENTS - 1
        await pilot.press("enter")
        await pilot.pause()
        assert app.reader.went_to_event == ordered[-1].id or app.screen is app.reader


async def test_goto_cursor_walks_past_the_first_batch(many_events):
    app = make_app(many_events)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.press("g", "down")
        listing = _listed(app)
        for _ in range(6):
            await pilot.press("pagedown")
        assert listing.highlighted is not None and listing.highlighted > BATCH
        ordered = [e.id for e in many_events.events_in_order()]
        option = listing.get_option_at_index(listing.highlighted)
        assert option.id == ordered[listing.highlighted]
        assert listing.option_count > listing.highlighted


async def test_goto_scrolling_to_the_bottom_takes_in_more(many_events):
    app = make_app(many_events)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.press("g")
        listing = _listed(app)
        listing.scroll_end(animate=False)
        await pilot.pause()
        assert listing.option_count > BATCH


async def test_goto_counts_sources_and_filters_across_every_event(many_events):
    app = make_app(many_events)
    async with app.run_test(size=LARGE) as pilot:
        last = many_events.events_in_order()[-1]
        await pilot.press("g", *last.title)
        listing = _listed(app)
        await pilot.pause()
        ids = [listing.get_option_at_index(i).id for i in range(listing.option_count)]
        assert last.id in ids
        prompt = str(listing.get_option(last.id).prompt)
        n = len(many_events.sources_for_event(last.id))
        assert prompt.endswith(f"  {n} source{'s' if n != 1 else ''}")


async def test_after_the_warm_up_no_dialog_adds_a_stylesheet(bundled, store):
    """The dialogs' widget stylesheets are read once after the first paint: opening any of
    them then re-parses nothing (each new one re-parsed every source of the app)."""
    app = make_app(bundled, store=store, build_index=False)
    async with app.run_test(size=LARGE) as pilot:
        claim = next(iter(bundled.claims.values()))
        store.annotate(claim.id, claim.quote, add_tags=["warm"], note="a note")
        for _ in range(100):
            if not any(w.group == "dialog-warmup" for w in app.workers):
                break
            await pilot.pause(0.05)
        await pilot.pause(0.1)
        await pilot.press("n")
        known = set(app.stylesheet.source)
        for key in ("question_mark", "ctrl+p", "e", "t", "a", "A", "B", "g", "slash"):
            before = app.screen
            await pilot.press(key)
            await pilot.pause(0.1)
            assert app.screen is not before, key
            assert set(app.stylesheet.source) == known, (key, set(app.stylesheet.source) - known)
            await pilot.press("escape")
            await pilot.pause(0.1)


async def test_export_filters_hold_what_is_reached_and_keep_every_tick(many_events, tmp_path):
    from briefing.store.query import Filters
    from briefing.tui.dialogs.export_dialog import Choices, ExportDialog

    ordered = [e.id for e in many_events.events_in_order()]
    preset = Filters.make(events=[ordered[-1], ordered[0]])
    app = make_app(many_events)
    async with app.run_test(size=LARGE) as pilot:
        dialog = ExportDialog(many_events, [], preset)
        app.push_screen(dialog)
        await pilot.pause()
        events = dialog.query_one("#export-event", Choices)
        assert events.option_count == BATCH < EVENTS
        # the last event, ticked by the preset, is not listed yet and is still exported
        assert dialog.filters().events == (ordered[0], ordered[-1])
        events.focus()
        await pilot.press("end", "space")  # untick the last one
        assert events.option_count == EVENTS
        assert dialog.filters().events == (ordered[0],)
