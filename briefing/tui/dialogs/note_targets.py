"""What the note editor (dialogs/note_editor.py) edits: this user's note on a claim (`a`), or
their synthesis of the briefing (`W`).  Each target reads and saves its own store record; the
editor is the same (unsaved changes asked about, history, $EDITOR, failed saves kept open).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from textual.content import Content

from briefing.model import Claim
from briefing.store.model import Version
from briefing.store.synthesis import get_synthesis, set_synthesis
from briefing.tui.viewmodels.annotations import one_line

if TYPE_CHECKING:
    from briefing.store import AnnotationStore


class NoteTarget(Protocol):
    noun: str  # "note", "synthesis": in the editor's messages
    versions_of: str  # shown in the earlier versions' title

    def title(self) -> Content: ...
    def context(self) -> Content: ...
    def stored(self) -> str:
        """This user's text as it is in the store now (StoreError/OSError if unreadable)."""
    def save(self, text: str) -> str:
        """Save; the text as stored.  StoreError/OSError/ValueError: nothing saved."""
    def history(self) -> tuple[list[Version], str]:
        """Earlier versions, oldest first, and the current text."""


@dataclass(slots=True)
class ClaimNote:
    claim: Claim
    store: "AnnotationStore"
    noun: str = "note"

    @property
    def versions_of(self) -> str:
        return self.claim.id

    def title(self) -> Content:
        return Content.assemble(("Note on claim ", "bold"), (self.claim.id, "dim"))

    def context(self) -> Content:
        return Content.assemble(("“", "dim"), one_line(self.claim.quote, 150), ("”", "dim"))

    def stored(self) -> str:
        mine = self.store.get(self.claim.id)
        return mine.note if mine is not None else ""

    def save(self, text: str) -> str:
        return self.store.annotate(self.claim.id, self.claim.quote, note=text).note

    def history(self) -> tuple[list[Version], str]:
        mine = self.store.get(self.claim.id)
        return (list(mine.history) if mine is not None else [],
                mine.note if mine is not None else "")


@dataclass(slots=True)
class SynthesisNote:
    """The analyst's own text about the briefing as a whole (briefing.store.synthesis): it
    opens the exported brief."""

    store: "AnnotationStore"
    briefing: str  # the briefing's title: the store is shared by every briefing
    noun: str = "synthesis"
    versions_of: str = "the synthesis"

    def title(self) -> Content:
        return Content.assemble(("Synthesis: ", "bold"), one_line(self.briefing, 70))

    def context(self) -> Content:
        return Content("What you conclude from the briefing as a whole, in your words. It "
                       "opens the exported brief (e).")

    def stored(self) -> str:
        mine = get_synthesis(self.store, self.briefing)
        return mine.text if mine is not None else ""

    def save(self, text: str) -> str:
        return set_synthesis(self.store, self.briefing, text).text

    def history(self) -> tuple[list[Version], str]:
        mine = get_synthesis(self.store, self.briefing)
        if mine is None:
            return [], ""
        return ([Version(version=v, quote="", tags=(), note=t, author=mine.author, updated=u)
                 for v, t, u in mine.history], mine.text)
