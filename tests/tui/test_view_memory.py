"""Closed views are let go: after opening and closing the compare and events views many
times, no closed screen and no more widgets than after the first few stay alive (issue 19:
Textual's StylesCache.get_inner_outer lru_cache, textual#6665, and watchers on the app)."""

from __future__ import annotations

import gc

from textual.widget import Widget

from briefing.tui.screens.compare import CompareScreen
from briefing.tui.screens.events import EventsScreen

from .conftest import make_app

EVENT = "nov-2020-ceasefire"


def live(kind=Widget) -> int:
    gc.collect()
    return sum(1 for o in gc.get_objects() if isinstance(o, kind))


async def settled(app, pilot) -> None:
    """Background work done (the analysis, the events view's count) and the frames drawn, so
    that only what the views keep is counted, not what is still on its way out."""
    from briefing.tui.viewmodels.event_index import disagreement_counts

    for _ in range(400):
        if disagreement_counts(app.corpus) is not None:
            break
        await pilot.pause(0.05)
    await app.workers.wait_for_complete()
    for _ in range(3):
        await pilot.pause(0.05)


async def _cycle(app, pilot, times: int) -> None:
    for _ in range(times):
        for make in (lambda: CompareScreen(app.corpus, EVENT), lambda: EventsScreen(app.corpus)):
            await app.push_screen(make())
            await pilot.pause()
            app.pop_screen()
            await pilot.pause()


async def test_live_widgets_do_not_grow_with_views_opened(bundled):
    app = make_app(bundled, build_index=False)
    async with app.run_test(size=(160, 48)) as pilot:
        await settled(app, pilot)
        await _cycle(app, pilot, 3)
        await settled(app, pilot)
        widgets = live()
        await _cycle(app, pilot, 12)
        await settled(app, pilot)
        assert live() <= widgets
        assert live(CompareScreen) == 0 and live(EventsScreen) == 0


async def test_without_unwatching_closed_views_stay_alive(bundled):
    # The test above can fail: a view left watching the app (as the title bar watches its
    # title) is kept alive by the app until the attribute next changes; memory.unwatch
    # lets it go.
    from textual.screen import Screen
    from textual.widgets import Static

    from briefing.tui.memory import unwatch

    class Watching(Screen[None]):
        def __init__(self, release: bool) -> None:
            super().__init__()
            self.release = release

        def compose(self):
            yield Static("watching")

        def on_mount(self) -> None:
            self.watch(self.app, "theme", lambda: None, init=False)

        def on_unmount(self) -> None:
            if self.release:
                unwatch(self, self.app, "theme")

    class Released(Watching):
        pass

    app = make_app(bundled, build_index=False)
    async with app.run_test(size=(160, 48)) as pilot:
        await settled(app, pilot)
        for make in [lambda: Watching(False)] * 3 + [lambda: Released(True)] * 3:
            await app.push_screen(make())
            await pilot.pause()
            app.pop_screen()
            await pilot.pause()
        await settled(app, pilot)
        assert live(Watching) - live(Released) == 3 and live(Released) == 0


async def test_views_opened_while_loading_do_not_grow_live_widgets(bundled):
    # Opened and closed while a cached start-up still loads: each waits on the app's corpus
    # signal, which must not keep it (nor its loading note) alive once closed.
    import threading

    from briefing.cache.head import head_of
    from briefing.outline import outline

    release = threading.Event()

    def load_full(_between):
        release.wait(20)
        return bundled

    app = make_app(head_of(bundled), outline=outline(bundled), load_full=load_full,
                   build_index=False)

    async def cycle(pilot, times: int) -> None:
        for _ in range(times):
            for make in (lambda: CompareScreen(app.corpus, EVENT, loading=True),
                         lambda: EventsScreen(app.corpus, loading=True)):
                await app.push_screen(make())
                await pilot.pause()
                app.pop_screen()
                await pilot.pause()

    async with app.run_test(size=(160, 48)) as pilot:
        await pilot.pause(0.1)
        await cycle(pilot, 3)
        await pilot.pause(0.1)
        widgets = live()
        await cycle(pilot, 12)
        await pilot.pause(0.1)
        assert live() <= widgets
        assert live(CompareScreen) == 0 and live(EventsScreen) == 0
        release.set()
        await settled(app, pilot)
        assert app.corpus_ready and live(CompareScreen) == 0


async def test_a_dialog_closed_before_a_reload_is_still_collected(bundled):
    # The reader freezes the loaded corpus out of the collector's way; a freeze on a reload
    # (after each curation edit) kept with it, for good, whatever garbage was waiting then.
    import weakref

    from briefing.cache.head import head_of
    from briefing.outline import outline
    from briefing.tui.dialogs.help_screen import HelpScreen

    app = make_app(head_of(bundled), outline=outline(bundled), load_full=lambda _between: bundled,
                   build_index=False)
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(100):
            if app.corpus_ready:
                break
            await pilot.pause(0.05)
        assert app.corpus_ready and app.corpus is bundled
        gc.disable()  # the closed dialog is surely still waiting for the collector below
        try:
            await pilot.press("question_mark")
            assert isinstance(app.screen, HelpScreen)
            closed = weakref.ref(app.screen)
            await pilot.press("escape")
            await pilot.pause()
            assert not isinstance(app.screen, HelpScreen)
            app.reload_corpus(lambda _between: bundled)
            for _ in range(100):
                await pilot.pause(0.05)
                if app.corpus_ready:
                    break
            assert app.corpus_ready
        finally:
            gc.enable()
        await settled(app, pilot)
        gc.collect()
        assert closed() is None
