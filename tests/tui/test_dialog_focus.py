"""A key typed the moment a dialog shows goes to the widget the dialog is for.

Focus given in on_mount lands a message later (Textual's ``focus()`` is deferred), and until
then the dialog's first focusable widget has it: an Enter typed at once pressed "Replace" in
the confirm dialog, or ticked a format instead of exporting (seen over ssh under load).
"""

from __future__ import annotations

from briefing.analysis.search import build_index
from briefing.store import AnnotationStore
from briefing.tui.dialogs.confirm import ConfirmScreen
from briefing.tui.dialogs.export_dialog import ExportDialog
from briefing.tui.dialogs.search_screen import SearchScreen
from briefing.tui.dialogs.tag_screen import TagScreen

from .annotate_helpers import FIRST, make_reader

SMALL = (80, 24)


async def _focused_at_once(app, screen) -> str | None:
    await app.push_screen(screen)  # mounted; nothing else has run yet
    return app.focused.id if app.focused is not None else None


async def test_each_dialog_has_its_widget_focused_as_soon_as_it_is_mounted(tmp_path):
    app = make_reader(AnnotationStore(tmp_path / "a.json"))
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert await _focused_at_once(app, ConfirmScreen("Replace it?", yes="Replace",
                                                         no="Keep it")) == "confirm-no"
        app.pop_screen()
        await pilot.pause()
        assert await _focused_at_once(app, ExportDialog(app.corpus, [])) == "export-path"
        app.pop_screen()
        await pilot.pause()
        assert await _focused_at_once(app, SearchScreen(app.corpus, build_index(app.corpus))) == "search-input"
        app.pop_screen()
        await pilot.pause()
        assert await _focused_at_once(app, TagScreen(app.corpus.claims[FIRST], app.store)) \
            == "tag-input"


async def test_enter_typed_the_moment_confirm_shows_keeps_the_file(tmp_path):
    app = make_reader(AnnotationStore(tmp_path / "a.json"))
    answers = []
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await app.push_screen(ConfirmScreen("Replace it?", yes="Replace", no="Keep it"),
                              answers.append)
        await pilot.press("enter")
        await pilot.pause()
    assert answers == [False]
