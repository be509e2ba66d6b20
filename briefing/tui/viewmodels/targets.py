"""What the tag dialog and the note editor annotate: a claim, or a highlight (a passage that
is not a claim).  One interface over the store's two kinds of record, so each dialog is
written once (no Textual here)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from briefing.model import Claim

if TYPE_CHECKING:
    from briefing.store import AnnotationStore
    from briefing.store.highlights import Highlight
    from briefing.store.model import Version


class AnnotationTarget(Protocol):
    id: str
    quote: str
    noun: str  # "claim" or "passage", for titles

    def tags(self) -> tuple[str, ...]: ...
    def note(self) -> str: ...
    def history(self) -> "list[Version] | None": ...  # None: no versions kept
    def save(self, *, add_tags=(), remove_tags=(), note: str | None = None) -> str: ...


class ClaimTarget:
    """This user's annotation on a claim (tags, a note with its earlier versions)."""

    noun = "claim"

    def __init__(self, claim: Claim, store: "AnnotationStore") -> None:
        self.id, self.quote, self.store = claim.id, claim.quote, store

    def tags(self) -> tuple[str, ...]:
        mine = self.store.get(self.id)
        return mine.tags if mine is not None else ()

    def note(self) -> str:
        mine = self.store.get(self.id)
        return mine.note if mine is not None else ""

    def history(self) -> "list[Version] | None":
        mine = self.store.get(self.id)
        return list(mine.history) if mine is not None else []

    def save(self, *, add_tags=(), remove_tags=(), note: str | None = None) -> str:  # noqa: ANN001
        return self.store.annotate(self.id, self.quote, add_tags=add_tags,
                                   remove_tags=remove_tags, note=note).note


class HighlightTarget:
    """A highlight's tags and note (kept with the highlight in the store)."""

    noun = "passage"

    def __init__(self, highlight: "Highlight", store: "AnnotationStore") -> None:
        self.id, self.quote, self.store = highlight.id, highlight.quote, store

    def _current(self) -> "Highlight | None":
        return self.store.highlights.get(self.id)

    def tags(self) -> tuple[str, ...]:
        current = self._current()
        return current.tags if current is not None else ()

    def note(self) -> str:
        current = self._current()
        return current.note if current is not None else ""

    def history(self) -> None:
        return None

    def save(self, *, add_tags=(), remove_tags=(), note: str | None = None) -> str:  # noqa: ANN001
        return self.store.highlights.update(self.id, add_tags=add_tags,
                                            remove_tags=remove_tags, note=note).note


def target_of(subject: "Claim | Highlight", store: "AnnotationStore") -> AnnotationTarget:
    return ClaimTarget(subject, store) if isinstance(subject, Claim) else HighlightTarget(subject, store)
