"""Leaving a view for the reader, and coming back to it with back (backspace).

The reader is the bottom screen (``BriefingApp.reader``); the events and compare views are
pushed over it.  To show a passage, the views above the reader are popped, the reader opens
the passage, and the reader is told how to rebuild those views: its back key then returns to
them, as a browser's back returns to the page a link was followed from.  A view takes part by
being Reopenable: ``reopen()`` returns a fresh screen in the same state (same event, same
focused claim, same filter).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Protocol, runtime_checkable

from textual.screen import Screen

from briefing.tui.viewmodels.navigation import Location

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp
    from briefing.tui.screens.reader import ReaderScreen


@runtime_checkable
class Reopenable(Protocol):
    def reopen(self) -> Screen: ...


def reveal_reader(app: "BriefingApp") -> tuple["ReaderScreen", Callable[[], None] | None]:
    """Pop every screen above the reader; return it and a callable that pushes back the
    reopenable ones (None when none was popped)."""
    reader = app.reader
    factories: list[Callable[[], Screen]] = []
    while app.screen is not reader and len(app.screen_stack) > 1:
        top = app.screen
        if isinstance(top, Reopenable):
            factories.append(top.reopen)
        app.pop_screen()
    if not factories:
        return reader, None

    def restore() -> None:
        for factory in reversed(factories):  # bottom-most first
            app.push_screen(factory())

    return reader, restore


def open_in_reader(app: "BriefingApp", location: Location) -> None:
    """Show ``location`` in the reader; back from there returns to the views that were open."""
    reader, restore = reveal_reader(app)
    reader.open(location)
    reader.article_view.focus()
    if restore is not None:
        reader.return_on_back(restore)


def reader_command(app: "BriefingApp", action: Callable[[], None]) -> None:
    """Run a reader command (from the palette) with the reader showing.

    When a reopenable view (compare, events) is over the reader, it is popped first and back
    returns to it; other screens above the reader are left as they are.
    """
    stack = app.screen_stack
    above = stack[stack.index(app.reader) + 1:] if app.reader in stack else []
    if not any(isinstance(s, Reopenable) for s in above):
        action()
        return
    reader, restore = reveal_reader(app)
    action()
    if restore is not None:
        reader.return_on_back(restore)
