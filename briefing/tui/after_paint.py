"""Run a callback once a widget's screen has painted, without ever losing it.

Textual's ``call_after_refresh`` hands the callback to whichever screen is on top when the
message is handled, not to the caller's own screen.  If that screen is a dialog opened and
closed at once (``/`` then Escape while the contents fill), and it closes before its next
refresh, the callback goes with it: the contents stopped filling, and the rest of the first
article or the start-up load could have too.  A timer on the caller itself backs it up.
"""

from __future__ import annotations

from collections.abc import Callable

from textual.widget import Widget

# Longer than a refresh under load (the callback normally runs from the refresh), short
# enough that a lost one is not noticed.
BACKUP_SECONDS = 0.25


def after_paint(widget: Widget, callback: Callable[[], object]) -> None:
    """Call ``callback`` once, after the next refresh, or at the latest ``BACKUP_SECONDS``
    later; not at all once ``widget`` has been removed."""
    done = False

    def once() -> None:
        nonlocal done
        if done or not widget.is_attached:
            return
        done = True
        backup.stop()
        callback()

    backup = widget.set_timer(BACKUP_SECONDS, once, name="after-paint backup")
    widget.call_after_refresh(once)
