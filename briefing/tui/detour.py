"""Leaving a view for the reader, and coming back to it with back (backspace).

The reader is the bottom screen; the events and compare views are pushed over it.  To show a
passage, the views above the reader are popped, the reader opens the passage, and the reader
is told how to rebuild those views: its back key then returns to them, as a browser's back
returns to the page a link was followed from.  A view takes part by having ``reopen()``,
which returns a fresh screen in the same state (same event, same focused claim, same filter).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Callable, Protocol

from textual.screen import Screen

from briefing.tui.navigation import Location

if TYPE_CHECKING:
    from briefing.tui.screens.reader import ReaderScreen


class Reopenable(Protocol):
    def reopen(self) -> Screen: ...


def find_reader(app) -> "ReaderScreen | None":
    from briefing.tui.screens.reader import ReaderScreen

    for screen in reversed(app.screen_stack):
        if isinstance(screen, ReaderScreen):
            return screen
    return None


def reveal_reader(app) -> tuple["ReaderScreen | None", Callable[[], None] | None]:
    """Pop every screen above the reader; return it and a callable that pushes them back.

    The callable is None when nothing reopenable was popped.
    """
    reader = find_reader(app)
    if reader is None:
        return None, None
    factories: list[Callable[[], Screen]] = []
    while app.screen is not reader and len(app.screen_stack) > 1:
        top = app.screen
        reopen = getattr(top, "reopen", None)
        if callable(reopen):
            factories.append(reopen)
        app.pop_screen()
    if not factories:
        return reader, None

    def restore() -> None:
        for factory in reversed(factories):  # bottom-most first
            app.push_screen(factory())

    return reader, restore


def open_in_reader(app, location: Location) -> bool:
    """Show ``location`` in the reader; back from there returns to the views that were open."""
    reader, restore = reveal_reader(app)
    if reader is None:
        return False
    reader.open(location)
    reader.article_view.focus()
    if restore is not None:
        hook = getattr(reader, "return_on_back", None)
        if callable(hook):
            hook(restore)
    return True


def reader_command(app, action: Callable[[], None]) -> None:
    """Run a reader command (from the palette) with the reader showing.

    When a reopenable view (compare, events) is over the reader, it is popped first and back
    returns to it; other screens above the reader are left as they are.
    """
    reader = find_reader(app)
    above = app.screen_stack[app.screen_stack.index(reader) + 1:] if reader is not None else []
    if not any(callable(getattr(s, "reopen", None)) for s in above):
        action()
        return
    reader, restore = reveal_reader(app)
    action()
    if reader is not None and restore is not None:
        reader.return_on_back(restore)
