"""Keep every screen in step with the annotation store, whoever wrote to it.

Other processes (a teammate's reader on the same shared store, `briefing annotate` in another
terminal) append to the store file.  Once a second we ask the store whether the file changed
(one stat call, no lock, no reading); only then does it read the new lines.  When the data
this process sees has changed -- another process's write, or a save made here -- each screen
on the stack gets an AnnotationsChanged message and re-reads what it shows.  Saves made here
call :func:`store_changed` so the panes update at once instead of at the next tick.

Store warnings (an unreadable file moved aside at start or later) become notifications.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.timer import Timer

from briefing.store.errors import StoreBusyError, StoreError
from briefing.tui.messages import AnnotationsChanged

if TYPE_CHECKING:
    from briefing.store import AnnotationStore
    from briefing.tui.app import BriefingApp

POLL_SECONDS = 1.0
# Reading waits for the store's lock (up to its timeout, 10 s): if another process holds it
# that long, stop polling for a while rather than freeze the reader again every second.
BUSY_BACKOFF_SECONDS = 30.0


def broadcast(app: App) -> None:
    """Tell every screen on the stack that the annotations changed."""
    for screen in list(app.screen_stack):
        screen.post_message(AnnotationsChanged())


class StoreWatch:
    """Polls one store for other processes' changes and reports its warnings."""

    def __init__(self, app: App, store: "AnnotationStore | None", problem: str | None = None,
                 interval: float = POLL_SECONDS) -> None:
        self.app = app
        self.store = store
        self.problem = problem  # why the store could not be opened (`briefing read` says)
        self.interval = interval
        self._timer: Timer | None = None
        self._token: Any = None
        self._version: int | None = None
        self._last_error: str | None = None
        self._paused_until = 0.0

    def start(self) -> None:
        self.report_warnings()
        if self.store is None:
            if self.problem:
                self.app.notify(self.problem, title="Annotation store", severity="error",
                                markup=False, timeout=30)
            return
        self._token = self.store.token()
        self._version = self.store.version
        self._timer = self.app.set_interval(self.interval, self.poll, name="store-watch")

    def stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def poll(self) -> bool:
        """Read other processes' changes if the file changed; True if screens were told."""
        store = self.store
        if store is None or time.monotonic() < self._paused_until:
            return False
        try:
            if store.changed_since(self._token):
                store.refresh()
                self._token = store.token()
        except (StoreError, OSError) as exc:
            if isinstance(exc, StoreBusyError):
                self._paused_until = time.monotonic() + BUSY_BACKOFF_SECONDS
            # Say it once, not every second; it is said again if the problem changes.
            message = f"Could not read the annotation store: {exc}"
            if message != self._last_error:
                self._last_error = message
                self.app.notify(message, title="Annotations", severity="error", markup=False,
                                timeout=10)
            return False
        self._last_error = None
        self.report_warnings()
        if store.version != self._version:
            self._version = store.version
            broadcast(self.app)
            return True
        return False

    def report_warnings(self) -> None:
        """Show the store's messages for the user (e.g. a damaged file was moved aside)."""
        if self.store is None:
            return
        for message in self.store.take_warnings():
            self.app.notify(message, title="Annotation store", severity="warning",
                            markup=False, timeout=30)


def store_changed(app: "BriefingApp") -> None:
    """Call after a save made in this process: panes update now (through the watcher, so the
    next poll does not announce the same change again)."""
    watch = app.store_watch
    if watch is not None:
        watch.poll()
    else:
        broadcast(app)
