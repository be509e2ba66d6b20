"""After the whole corpus is in: analyse every event once, in a thread, so that opening a
comparison or the events view reads finished results instead of computing on the key press.

When it is done the collector is told to leave everything alive so far alone (gc.freeze):
the corpus and the analyses live as long as the app, and full collections that walk them
again on every view opened were a fifth of the compare view's opening time."""

from __future__ import annotations

import gc
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp


def start(app: "BriefingApp") -> None:
    from briefing.tui.viewmodels.event_index import warm

    corpus = app.corpus

    def work() -> None:
        warm(corpus)
        app.call_from_thread(gc.freeze)

    app.run_worker(work, thread=True, exclusive=True, group="analysis", exit_on_error=False)
