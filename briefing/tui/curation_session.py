"""The reader's curation: one Curator, what was read (for stale edits), and the undo stack.

Owned by the app (``app.curation``), so every screen and dialog that changes the content
files goes through one place:

- each user action (make a claim with a new event, accept a suggestion...) is one or more
  curation steps; if a later step fails, the earlier ones are undone, so an action is whole
  or not at all;
- each step passes the signatures of the files as last loaded (``expected``): a file another
  process changed since is refused (StaleEditError) rather than written over;
- after a write the corpus is re-read in a thread and the reader updated through the app's
  one readiness path (``BriefingApp.reload_corpus``);
- ``undo`` puts back the last action's files (Curator.undo), newest first.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from briefing.curation import (
    CurationError, Curator, Result, StaleEditError, UndoRecord, ValidationError,
)
from briefing.curation.curator import Expected, signature_of

if TYPE_CHECKING:
    from briefing.model import Corpus
    from briefing.tui.app import BriefingApp

Step = Callable[[Curator, Expected], Result]
MAX_UNDO = 50


@dataclass(frozen=True, slots=True)
class Action:
    """One user action: its steps' undo records, in the order they ran."""

    label: str
    records: tuple[UndoRecord, ...]


class CurationSession:
    def __init__(self, app: "BriefingApp", root: Path) -> None:
        self.app = app
        self.curator = Curator(root, store=app.store)
        self.expected: Expected = self.curator.snapshot()
        self.undo_stack: list[Action] = []
        self.show_suggested = True
        self.focus_claim: str | None = None  # the claim to select once the corpus is re-read

    # ------------------------------------------------------------------ running steps
    def run(self, label: str, *steps: Step) -> list[Result]:
        """Run the steps of one action; raises CurationError (nothing changed) on failure.
        A stale edit also starts a reload, so the next try works on what is there now."""
        self.curator.store = self.app.store  # opened after the first paint
        done: list[Result] = []
        try:
            for step in steps:
                result = step(self.curator, dict(self.expected))
                self._remember(result)
                done.append(result)
                if self.focus_claim in result.renamed:
                    self.focus_claim = result.renamed[self.focus_claim]
        except CurationError as exc:
            for result in reversed(done):  # the action is whole or not at all
                try:
                    self._remember(self.curator.undo(result.undo))
                except CurationError:
                    pass
            if done or isinstance(exc, StaleEditError):  # show what is there now
                self.reload()
            raise
        records = tuple(r.undo for r in done if r.changed)
        if records:
            self.undo_stack.append(Action(label, records))
            del self.undo_stack[:-MAX_UNDO]
            self.reload()
        return done

    def attempt(self, label: str, *steps: Step) -> bool:
        """``run`` for keys without a form: a failure is an error notification."""
        try:
            self.run(label, *steps)
        except CurationError as exc:
            self.notify_error(exc)
            return False
        self.app.notify(f"{label[:1].upper()}{label[1:]} (u undoes).", markup=False, timeout=3)
        return True

    def notify_error(self, exc: CurationError) -> None:
        self.app.notify(describe(exc), title="Not changed", severity="error", markup=False,
                        timeout=12)

    def undo(self) -> None:
        if not self.undo_stack:
            self.app.notify("Nothing to undo.", markup=False, timeout=2)
            return
        action = self.undo_stack[-1]
        self.curator.store = self.app.store
        undone: list[UndoRecord] = []
        try:
            for record in reversed(action.records):
                result = self.curator.undo(record)
                self._remember(result)
                undone.append(result.undo)
        except CurationError as exc:
            for record in reversed(undone):  # put back what this undo already undid
                try:
                    self._remember(self.curator.undo(record))
                except CurationError:
                    pass
            self.notify_error(exc)
            self.reload()
            return
        self.undo_stack.pop()
        self.app.notify(f"Undone: {action.label}.", markup=False, timeout=3)
        self.reload()

    # ------------------------------------------------------------------ what was read
    def _remember(self, result: Result) -> None:
        for change in result.undo.files:
            self.expected[change.path] = signature_of(change.after)

    def load(self, between: Callable[[], None] | None = None) -> "Corpus | None":
        """Re-read the briefing (in a thread): the signatures first, so an edit made while
        reading leaves a stale signature, never stale content.  ``between``: the app's, see
        BriefingApp._start_full_load."""
        from briefing.cache import load_corpus_cached
        from briefing.loading.suggested import hide_suggested

        expected = self.curator.snapshot()
        corpus, _problems = load_corpus_cached(self.curator.root, between=between)
        self.expected = expected
        return corpus if self.show_suggested else hide_suggested(corpus)

    def reload(self) -> None:
        self.app.reload_corpus(self.load)
        reader = self.app.reader
        self.app.when_corpus_ready(lambda: reader.curation_reloaded(self.take_focus()),
                                   slot="curation", quiet=True)

    def take_focus(self) -> str | None:
        claim_id, self.focus_claim = self.focus_claim, None
        return claim_id

    def toggle_suggestions(self) -> bool:
        self.show_suggested = not self.show_suggested
        self.reload()
        return self.show_suggested


def describe(exc: CurationError) -> str:
    """The message for a failed step: problems one per line, a stale edit explained."""
    if isinstance(exc, StaleEditError):
        return (f"{exc}\nThe briefing is being reloaded with the other change; what you "
                "typed is kept: save again.")
    if isinstance(exc, ValidationError):
        return "\n".join(str(p) for p in exc.problems)
    return str(exc)
