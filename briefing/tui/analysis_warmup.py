"""After the whole corpus is in: analyse every event once, in a thread, so that opening a
comparison or the events view reads finished results instead of computing on the key press.

:func:`prepare` runs first, in the loading thread itself, before the corpus is handed to the
interface: the per-event coverage every view needs (one pass over the claims, ~0.15-0.6 s at
5,000 articles) is then counted before a view opened while loading fills in, not by it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from briefing.model import Corpus
    from briefing.tui.app import BriefingApp


def prepare(corpus: "Corpus") -> None:
    """In the thread that loaded ``corpus``: what the views need first (memoised)."""
    from briefing.tui.viewmodels.event_index import event_index

    event_index(corpus)


class _Closing(Exception):
    """Raised in the warm-up's thread once the reader has closed: it ends where it is."""


def start(app: "BriefingApp") -> None:
    from briefing.tui.viewmodels.event_index import warm

    corpus = app.corpus

    # Between events, and between the articles of the corpus-wide part, the warm-up waits
    # for a quiet interface: a key pressed meanwhile (a view opening) is answered first.
    def between() -> None:
        app.wait_for_quiet()
        if app.closing.is_set():  # the corpus-wide part: seconds at 5,000 articles
            raise _Closing

    def work() -> None:
        # It stops once the reader holds another corpus (reloaded after an edit): the
        # warm-up of that one would otherwise wait for the whole analysis of this one; and
        # once the reader closes, which would otherwise wait for it too.
        try:
            warm(corpus, between=between,
                 wanted=lambda: app.corpus is corpus and not app.closing.is_set())
        except _Closing:
            pass  # nothing half done is kept: the analyses are memoised only when complete

    app.run_worker(work, thread=True, exclusive=True, group="analysis", exit_on_error=False)
