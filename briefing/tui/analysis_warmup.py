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


def start(app: "BriefingApp") -> None:
    from briefing.tui.viewmodels.event_index import warm

    corpus = app.corpus
    # Between events the warm-up waits for a quiet interface: a key pressed meanwhile (a
    # view opening) is answered before the next event is analysed.
    # It stops once the reader holds another corpus (reloaded after an edit): the warm-up of
    # that one would otherwise wait for the whole analysis of this one; and once the reader
    # closes, which would otherwise wait for it too.
    app.run_worker(lambda: warm(corpus, between=app.wait_for_quiet,
                                wanted=lambda: app.corpus is corpus and not app.closing.is_set()),
                   thread=True, exclusive=True, group="analysis", exit_on_error=False)
