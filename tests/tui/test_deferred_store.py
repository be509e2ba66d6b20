"""`briefing read` opens the annotation store just after the first paint (BriefingApp's
``open_store``): the reader must then mark, show and save annotations as if it had the store
from the start, and report a store that cannot be opened."""

from __future__ import annotations

from briefing.store import AnnotationStore
from briefing.tui.screens.reader import ReaderScreen

from .annotate_helpers import FIRST, bundled, messages
from .conftest import make_app

SMALL = (80, 24)


async def test_a_deferred_store_marks_and_saves_annotations(tmp_path):
    corpus = bundled()
    store = AnnotationStore(tmp_path / "annotations.json", author="ana")
    store.annotate(FIRST, corpus.claims[FIRST].quote, add_tags=["early"])
    opened = []

    def open_store():
        opened.append(True)
        return store, None

    app = make_app(corpus, build_index=False, open_store=open_store)
    try:
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            reader = app.screen
            assert isinstance(reader, ReaderScreen)
            assert opened == [True] and app.store is store and reader.store is store
            assert reader.claim_panel.store is store
            assert FIRST in reader.article_view._annotated  # the mark catches up
            await pilot.press("n", "t", *"later", "enter")
            await pilot.pause()
            assert store.get(FIRST).tags == ("early", "later")
    finally:
        store.close()


async def test_a_deferred_store_that_cannot_be_opened_is_reported():
    app = make_app(bundled(), build_index=False,
                      open_store=lambda: (None, "Annotations are off: denied"))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert app.store is None
        assert any("denied" in m for m in messages(app, "error"))


async def test_an_annotation_key_before_the_deferred_opening_opens_the_store(tmp_path, monkeypatch):
    """Keys typed as the first screen appears can arrive before the after-paint work: `t`
    must open the store then, not report it as broken (seen in a real terminal)."""
    monkeypatch.setattr(ReaderScreen, "_first_paint_done", lambda self: None)
    store = AnnotationStore(tmp_path / "annotations.json", author="ana")
    app = make_app(bundled(), build_index=False, open_store=lambda: (store, None))
    try:
        async with app.run_test(size=SMALL) as pilot:
            await pilot.pause()
            assert app.store is None  # the after-paint opening has not run
            await pilot.press("n", "t", *"early", "enter")
            await pilot.pause()
            assert app.store is store and app.screen.__class__.__name__ == "TagScreen"
            assert not messages(app, "warning")
            assert store.get(FIRST).tags == ("early",)
    finally:
        store.close()
