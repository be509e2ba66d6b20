"""Low-bandwidth behaviour that needs Textual: text cursors that do not blink.

A blinking cursor redraws its cell twice a second for as long as an input has focus:
~1.6 KB/s measured here with the search box open (benchmarks/bench_bandwidth.py's pty), paid
on every SSH link while the reader sits idle. The rest of low-bandwidth mode (no animation,
no mouse) is decided in briefing.terminal.
"""

from __future__ import annotations

from typing import TypeVar

from textual import events, on
from textual.app import App

AppT = TypeVar("AppT", bound=type[App])


def steady_cursors(app_class: AppT) -> AppT:
    """A subclass of ``app_class`` in which every focused Input/TextArea stops blinking."""

    class SteadyCursors(app_class):  # type: ignore[misc, valid-type]
        @on(events.DescendantFocus)
        def _steady_cursor(self, event: events.DescendantFocus) -> None:
            if getattr(event.widget, "cursor_blink", False):
                event.widget.cursor_blink = False  # type: ignore[attr-defined]

    # Same name as the app: CSS type selectors and screenshots keep matching it.
    SteadyCursors.__name__ = SteadyCursors.__qualname__ = app_class.__name__
    return SteadyCursors  # type: ignore[return-value]
