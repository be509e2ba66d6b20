"""The compare and events views opened while a cached start-up is still loading the rest of
the briefing (issue 19): they show at once with the event and a loading note, fill in when
the corpus is in, keep what was typed meanwhile, and let go of themselves when closed early.

The load is held with a threading.Event, as a slow disk or a 5,000-article briefing holds it.
"""

from __future__ import annotations

import gc
import re
import threading

from textual.widgets import Input

from briefing.cache.head import head_of
from briefing.outline import outline
from briefing.tui.screens.compare import CompareScreen
from briefing.tui.corpus_wait import LoadingNote
from briefing.tui.screens.events import EventsScreen
from briefing.tui.viewmodels.event_index import event_index
from briefing.tui.widgets.compare_column import ClaimList
from briefing.tui.widgets.events_table import EventsTable

from .conftest import make_app, screen_text, until

LARGE = (160, 48)
FIRST_CLAIM = "dupuy-2022-01"  # the first claim of the first article, in the head
ITS_EVENT = "sept-2022-azerbaijani-offensive"


class HeldLoad:
    """load_full for the app: returns ``result`` only once released."""

    def __init__(self, result) -> None:
        self.result = result
        self.release = threading.Event()

    def __call__(self, _between):
        self.release.wait(10)
        return self.result


def loading_app(full, result="full"):
    load = HeldLoad(full if result == "full" else result)
    app = make_app(head_of(full), outline=outline(full), load_full=load, build_index=False)
    return app, load


async def on_first_claim(app, pilot) -> None:
    await pilot.pause()
    await pilot.press("n")
    assert app.screen.claim_id == FIRST_CLAIM and not app.corpus_ready


async def test_compare_pressed_while_loading_opens_at_once_then_fills_in(bundled):
    app, load = loading_app(bundled)
    async with app.run_test(size=LARGE) as pilot:
        await on_first_claim(app, pilot)
        await pilot.press("c")
        screen = app.screen
        assert isinstance(screen, CompareScreen) and screen.loading  # no wait for the load
        text = screen_text(app)
        title = bundled.events[ITS_EVENT].title
        assert title in text
        assert "Loading the briefing's 5 sources" in text
        assert "sources cover it" not in text and not screen.query(ClaimList)  # nothing partial
        load.release.set()
        await until(pilot, lambda: not screen.loading and screen.query(ClaimList))
        await pilot.pause()
        assert app.screen is screen and not screen.query(LoadingNote)
        covering = event_index(bundled).row(ITS_EVENT).sources
        text = screen_text(app)
        assert f"{covering} of 5 sources cover it" in text
        assert screen.current_claim.id == FIRST_CLAIM  # on the claim `c` was pressed on
        await pilot.press("escape")
        assert app.screen is app.reader


async def test_events_pressed_while_loading_list_the_events_then_their_coverage(bundled):
    app, load = loading_app(bundled)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        await pilot.press("v")
        screen = app.screen
        assert isinstance(screen, EventsScreen) and screen.loading
        await pilot.pause()
        text = screen_text(app)
        assert f"{len(bundled.events)} events  ·  coverage loading" in text
        assert "Loading the briefing's 5 sources" in text
        # The events are whole in the head: listed by date and title, with no coverage
        # columns (nothing counted from one article).
        assert screen.table.row_count == len(bundled.events)
        assert [c.key for c in screen.table.columns] == ["date", "event"]
        assert "single-source" not in text and not re.search(r"●\d", text)
        await pilot.press("slash", *"ceasefire")
        await pilot.pause(0.3)  # the filter's debounce
        shown = [r.event.id for r in screen.visible_rows()]
        assert shown and len(shown) < len(bundled.events)
        assert all("ceasefire" in (bundled.events[e].title + bundled.events[e].summary
                                   + e).lower() for e in shown)
        assert screen.table.row_count == len(shown)
        await pilot.press("enter", "enter")  # leave the filter, then compare: at once, loading
        compare = app.screen
        assert isinstance(compare, CompareScreen) and compare.loading
        assert compare.event_id == shown[0]
        await pilot.press("escape")
        assert app.screen is screen
        load.release.set()
        await until(pilot, lambda: not screen.loading)
        await pilot.pause()
        text = screen_text(app)
        assert "single-source" in text and "coverage loading" not in text
        assert not screen.query(LoadingNote) and screen.query("#events-chart")
        assert screen.query_one(Input).value == "ceasefire"  # the filter typed meanwhile
        assert screen.table.row_count == len(shown)
        assert len(screen.table.columns) > 2  # who covers each event
        assert any(f"{r.sources}" in text for r in screen.visible_rows())


async def test_blindspots_asked_for_while_loading_apply_once_loaded(bundled):
    app, load = loading_app(bundled)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        await pilot.press("v", "b")
        screen = app.screen
        assert screen.table.row_count == len(bundled.events)  # not known yet: not applied
        load.release.set()
        await until(pilot, lambda: not screen.loading)
        await pilot.pause()
        lone = [r for r in event_index(bundled).rows if r.blindspot]
        assert screen.table.row_count == len(lone)


async def test_keys_in_a_loading_compare_neither_raise_nor_show_partial_content(bundled):
    app, load = loading_app(bundled)
    async with app.run_test(size=LARGE) as pilot:
        await on_first_claim(app, pilot)
        await pilot.press("c")
        for key in ("j", "k", "l", "h", "enter", "d", "c", "space", "f"):
            await pilot.press(key)
        screen = app.screen
        assert isinstance(screen, CompareScreen) and screen.loading
        assert screen.has_class("-details")  # f is kept and applies once filled in
        await pilot.press("right_square_bracket")  # the next event: also loading, also at once
        await pilot.pause()
        nxt = app.screen
        assert isinstance(nxt, CompareScreen) and nxt is not screen and nxt.loading
        assert nxt.event_id != ITS_EVENT
        load.release.set()
        await until(pilot, lambda: not nxt.loading)
        await pilot.pause()
        covering = event_index(bundled).row(nxt.event_id).sources
        assert f"{covering} of 5 sources cover it" in screen_text(app)
        assert app.is_running


async def test_a_view_closed_before_the_load_ends_is_let_go(bundled):
    app, load = loading_app(bundled)
    async with app.run_test(size=LARGE) as pilot:
        await on_first_claim(app, pilot)
        for _ in range(3):
            await pilot.press("c")
            assert isinstance(app.screen, CompareScreen)
            await pilot.press("escape")
            await pilot.press("v")
            assert isinstance(app.screen, EventsScreen)
            await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.reader
        assert not list(app.corpus_signal._subscriptions)  # nobody left listening
        gc.collect()
        assert not any(isinstance(o, (CompareScreen, EventsScreen)) for o in gc.get_objects())
        load.release.set()
        await until(pilot, lambda: app.corpus_ready)
        await pilot.pause()
        assert app.screen is app.reader and app.is_running


async def test_a_failed_load_is_said_in_the_view(bundled):
    app, load = loading_app(bundled, result=None)
    async with app.run_test(size=LARGE) as pilot:
        await on_first_claim(app, pilot)
        await pilot.press("c")
        screen = app.screen
        load.release.set()
        await until(pilot, lambda: screen.query(".loading-note.-failed"))
        await pilot.pause()
        assert "Could not load the rest of the briefing" in screen_text(app)
        await pilot.press("escape")
        assert app.screen is app.reader and app.is_running


async def test_a_view_opened_as_the_load_ends_takes_the_corpus(bundled):
    # The load ends between the key press and the view's mount: the signal is gone by then,
    # the view takes the corpus the app holds.
    app, load = loading_app(bundled)
    async with app.run_test(size=LARGE) as pilot:
        await on_first_claim(app, pilot)
        screen = CompareScreen(app.corpus, ITS_EVENT, FIRST_CLAIM, loading=True)
        load.release.set()
        await until(pilot, lambda: app.corpus_ready)
        await app.push_screen(screen)
        await until(pilot, lambda: not screen.loading and screen.query(ClaimList))
        await pilot.pause()
        assert screen.corpus is bundled
        assert f"{event_index(bundled).row(ITS_EVENT).sources} of 5 sources cover it" \
            in screen_text(app)


async def test_palette_compare_opens_at_once_while_loading(bundled):
    from briefing.tui.palette.views import open_compare

    app, load = loading_app(bundled)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        open_compare(app, "nov-2020-ceasefire")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen) and screen.loading
        load.release.set()
        await until(pilot, lambda: not screen.loading and screen.query(ClaimList))
        await pilot.pause()
        assert "5 of 5 sources cover it" in screen_text(app)


async def test_coverage_is_counted_in_the_loading_thread(bundled, monkeypatch):
    # What the views need first is counted before the corpus is handed over, so a view
    # waiting for it fills in without counting on the interface thread.
    from briefing.tui.viewmodels import event_index as ix

    counted_in = []
    real = ix.event_index

    def spy(corpus):
        counted_in.append((corpus is bundled, threading.current_thread()))
        return real(corpus)

    monkeypatch.setattr(ix, "event_index", spy)
    app, load = loading_app(bundled)
    async with app.run_test(size=LARGE) as pilot:
        await on_first_claim(app, pilot)
        await pilot.press("c")
        load.release.set()
        await until(pilot, lambda: not app.screen.loading)
        first = next(thread for full, thread in counted_in if full)
        assert first is not threading.main_thread()
