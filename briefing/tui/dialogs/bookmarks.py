"""`B`: the bookmarks (set with b); enter jumps to one, d removes it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefing.tui import VIEWS_CSS
from briefing.tui.reading import Bookmark, ReadingState
from briefing.tui.viewmodels.reader import strip_for_display
from briefing.tui.widgets.line_keys import line_keys


class BookmarkList(OptionList):
    BINDINGS = line_keys("bookmarks")


class BookmarksScreen(ModalScreen[Bookmark | None]):
    CSS_PATH = VIEWS_CSS
    # why AUTO_FOCUS and not focus() in on_mount: see briefing.tui.dialogs
    AUTO_FOCUS = "BookmarkList"

    BINDINGS = [
        Binding("escape,q", "close", "Close", id="bookmarks.close"),
        Binding("d,delete", "remove", "Remove bookmark", id="bookmarks.remove"),
    ]

    def __init__(self, state: ReadingState) -> None:
        super().__init__()
        self.state = state

    def compose(self) -> ComposeResult:
        with Vertical(id="bookmarks-box", classes="dialog"):
            yield Static(Content("Bookmarks"), classes="dialog-title")
            yield BookmarkList(id="bookmarks-list")
            yield Static(Content("enter: go there · d: remove · escape: close"),
                         classes="dialog-hint")

    def on_mount(self) -> None:
        self._fill()

    def _fill(self) -> None:
        listing = self.query_one(BookmarkList)
        listing.clear_options()
        marks = self.state.bookmarks()
        # Labels come from article titles and quotes: literal Content, cleaned again.
        listing.add_options([Option(Content(strip_for_display(b.label)), id=str(n))
                             for n, b in enumerate(marks)]
                            or [Option(Content("No bookmarks yet: b marks the claim or section "
                                               "you are on."), disabled=True)])
        if marks:
            listing.highlighted = 0

    def _current(self) -> Bookmark | None:
        listing = self.query_one(BookmarkList)
        marks = self.state.bookmarks()
        if listing.highlighted is None or not marks:
            return None
        return marks[min(listing.highlighted, len(marks) - 1)]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        marks = self.state.bookmarks()
        index = int(event.option.id or 0)
        self.dismiss(marks[index] if index < len(marks) else None)

    def action_remove(self) -> None:
        mark = self._current()
        if mark is not None:
            self.state.toggle_bookmark(mark)
            self.state.save()
            self._fill()

    def action_close(self) -> None:
        self.dismiss(None)
