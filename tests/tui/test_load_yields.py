"""The background load of a cached start-up lets a view opened meanwhile go first (issue 19):
it stops between its steps from the key until that view is on the screen, then finishes, and
the view fills in with what the whole briefing says.

The load here is a loader in steps that calls the app's ``between`` before each, as the corpus
cache does between the pieces of its file (briefing.cache.files.load_pieces).
"""

from __future__ import annotations

import threading
import time

import pytest

from briefing.cache.head import head_of
from briefing.outline import outline
from briefing.tui import app as app_module
from briefing.tui.corpus_wait import LoadingNote
from briefing.tui.screens.events import EventsScreen
from briefing.tui.viewmodels.event_index import event_index

from .conftest import make_app, screen_text, until

LARGE = (160, 48)


class SteppedLoad:
    """load_full for the app: ``steps`` steps of ``pause`` seconds, ``between`` before each.
    Each step notes whether a view had been pushed and not yet painted when it ran."""

    def __init__(self, result, steps: int = 300, pause: float = 0.002) -> None:
        self.result, self.steps, self.pause = result, steps, pause
        self.running = threading.Event()
        self.ran: list[bool] = []  # per step: it ran while a view was still mounting
        self.mounting = threading.Event()  # set by the test from the push to the first paint

    def __call__(self, between):
        self.running.set()
        for _ in range(self.steps):
            between()
            self.ran.append(self.mounting.is_set())
            time.sleep(self.pause)
        return self.result


def watch_views(app, load: SteppedLoad, painted: list) -> None:
    """Marks ``load.mounting`` from the moment an events view is pushed until it has painted
    (its first call_after_refresh: run once it is idle with nothing left to draw)."""

    def pushed(screen) -> None:
        if isinstance(screen, EventsScreen) and not painted:
            load.mounting.set()

            def done() -> None:
                painted.append(len(load.ran))
                load.mounting.clear()

            screen.call_after_refresh(done)

    app.screen_change_signal.subscribe(app, pushed, immediate=True)


async def test_a_view_opened_while_loading_mounts_before_the_load_goes_on(bundled):
    load = SteppedLoad(bundled)
    app = make_app(head_of(bundled), outline=outline(bundled), load_full=load,
                   build_index=False)
    painted: list[int] = []
    async with app.run_test(size=LARGE) as pilot:
        watch_views(app, load, painted)
        await until(pilot, lambda: len(load.ran) > 20)  # the load is under way
        assert not app.corpus_ready
        await pilot.press("v")
        screen = app.screen
        assert isinstance(screen, EventsScreen) and screen.loading
        await until(pilot, lambda: painted)
        assert len(load.ran) < load.steps  # the view was up before the load was done
        assert not any(load.ran)  # no step of the load ran while the view was mounting
        await until(pilot, lambda: not screen.loading, tries=200)  # then the load finished
        await pilot.pause()
        assert len(load.ran) == load.steps and app.corpus is bundled
        assert not screen.query(LoadingNote)
        text = screen_text(app)
        lone = event_index(bundled).blindspots
        assert f"◆ {lone} single-source" in text and "coverage loading" not in text
        assert screen.table.row_count == len(bundled.events)


async def test_keys_pressed_all_through_the_load_only_slow_it(bundled, monkeypatch):
    # A screen that never settles (here: a new view every few milliseconds) holds the load
    # QUIET_WAIT_MAX in all, then it goes on: the briefing still arrives.
    monkeypatch.setattr(app_module, "QUIET_WAIT_MAX", 0.3)
    load = SteppedLoad(bundled, steps=100)
    app = make_app(head_of(bundled), outline=outline(bundled), load_full=load,
                   build_index=False)
    async with app.run_test(size=LARGE) as pilot:
        await until(pilot, load.running.is_set)
        started = time.monotonic()
        while not app.corpus_ready:
            assert time.monotonic() - started < 10, "the load never finished"
            app.interface_settled.clear()  # as a key that is never answered would leave it
            await pilot.pause(0.01)
        assert len(load.ran) == load.steps and app.corpus is bundled


@pytest.mark.parametrize("key", ["j", "v"])
async def test_the_interface_settles_once_what_a_key_brought_is_painted(bundled, key):
    app = make_app(head_of(bundled), outline=outline(bundled), load_full=SteppedLoad(bundled),
                   build_index=False)
    async with app.run_test(size=LARGE) as pilot:
        await until(pilot, app.interface_settled.is_set)
        await pilot.press(key)
        await until(pilot, app.interface_settled.is_set)  # not held for good
        assert isinstance(app.screen, EventsScreen) == (key == "v")
