"""Views opened before the whole corpus is in: they show at once, then fill in.

With a cached start-up the reader paints from the first article while the rest of the
briefing loads in a thread (BriefingApp._start_full_load): seconds at 5,000 articles.  A view
opened meanwhile (compare `c`, events `v`, the export dialog `e`) mounts at once with what is already whole (the
event's title and date, the filter) and a LoadingNote where the rest goes, and fills in when
the app publishes ``corpus_signal``, the one readiness signal: sent as each load ends, with the
full corpus, or None when it could not be read (the note then says so).  Nothing computed from
the part loaded so far (one article) is shown: coverage and claims need every source.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import LoadingIndicator, Static

from briefing.model import Corpus

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp

ResultType = TypeVar("ResultType")

FAILED = "Could not load the rest of the briefing; run `briefing check`. (escape goes back)"


class LoadingNote(Vertical):
    """Where a view's content goes while the corpus loads: what it waits for, and a spinner."""

    def __init__(self, sources: int, what: str, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="loading-note")
        self._text = f"Loading the briefing's {sources:,} sources… {what}"

    def compose(self) -> ComposeResult:
        yield Static(Content(self._text), classes="loading-text")
        yield LoadingIndicator()

    def say(self, text: str | None = None) -> None:
        """Say ``text`` while still waiting (None: what it said first)."""
        self.query_one(".loading-text", Static).update(Content(text or self._text))

    def failed(self, why: str = FAILED) -> None:
        self.add_class("-failed")
        self.query_one(".loading-text", Static).update(Content(why))
        self.query(LoadingIndicator).remove()


class WaitsForCorpus(Screen[ResultType]):
    """A screen that may open while the corpus is still loading (``loading`` True).
    A dialog waits the same way: ``class D(WaitsForCorpus[R], ModalScreen[R])``.

    Subclasses compose a LoadingNote while loading and implement :meth:`corpus_in`, called
    once with the whole corpus; :meth:`wait_for_corpus` goes in their ``on_mount`` and
    :meth:`stop_waiting` in their ``on_unmount``."""

    app: "BriefingApp"
    loading = False

    def wait_for_corpus(self) -> None:
        """Listen for the end of the load (or take the corpus now if it has just ended)."""
        if not self.loading:
            return
        signal = self.app.corpus_signal
        signal.subscribe(self, self._signalled)
        if self.app.corpus_ready:  # it ended between the key press and this mount
            self.call_next(self._signalled, self.app.corpus)

    def stop_waiting(self) -> None:
        """For ``on_unmount``: a view closed before the load ended must not be kept alive by
        the signal (its subscription holds the screen until the next publish)."""
        self.app.corpus_signal.unsubscribe(self)

    async def _signalled(self, corpus: Corpus | None) -> None:
        if not self.loading or not self.is_attached:
            return
        if corpus is None:
            for note in self.query(LoadingNote):
                note.failed()
            return
        self.app.corpus_signal.unsubscribe(self)
        self.loading = False
        await self.corpus_in(corpus)

    async def corpus_in(self, corpus: Corpus) -> None:
        raise NotImplementedError

    def source_count(self) -> int:
        """Sources in the briefing, known from the outline before they are loaded."""
        return len(self.app.reader.outline_entries)

    def still_loading(self) -> bool:
        """True, and a word to the user, when a key needs what is still loading."""
        if self.loading:
            self.notify("Still loading the briefing: this works once its sources are in.",
                        markup=False, timeout=2)
        return self.loading
