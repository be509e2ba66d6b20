"""What the tag dialog and the note editor annotate: a claim, a highlight (a passage that is
not a claim), or the briefing as a whole (the synthesis, `W`: the editor only).  One
interface over the store's kinds of record, so each dialog is written once.  Titles and the
context line are Content built from untrusted text with no markup read in it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from textual.content import Content

from briefing.model import Claim
from briefing.store.model import Version
from briefing.store.synthesis import get_synthesis, set_synthesis
from briefing.tui.viewmodels.annotations import one_line

if TYPE_CHECKING:
    from briefing.store import AnnotationStore
    from briefing.store.highlights import Highlight


class AnnotationTarget(Protocol):
    id: str
    quote: str
    noun: str  # "claim", "passage", "briefing": what is annotated, in titles
    text_noun: str  # "note", "synthesis": what the editor's text is, in its messages

    def title(self) -> Content: ...  # the note editor's title
    def context(self) -> Content: ...  # the line under it (the quote)
    def tags(self) -> tuple[str, ...]: ...
    def note(self) -> str: ...
    def history(self) -> "list[Version] | None": ...  # None: no versions kept
    def save(self, *, add_tags=(), remove_tags=(), note: str | None = None) -> str: ...


class _QuoteNote:
    """A note on a passage of the text: titled by what it is, the quote under the title."""

    id: str
    quote: str
    noun: str
    text_noun = "note"

    def title(self) -> Content:
        return Content.assemble((f"Note on {self.noun} ", "bold"), (self.id[:20], "dim"))

    def context(self) -> Content:
        return Content.assemble(("“", "dim"), one_line(self.quote, 150), ("”", "dim"))


class ClaimTarget(_QuoteNote):
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


class HighlightTarget(_QuoteNote):
    """A highlight's tags and note (kept with the highlight in the store, no versions)."""

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


class SynthesisTarget:
    """This user's synthesis of the briefing (briefing.store.synthesis): their own text about
    it as a whole, which opens the exported brief.  No tags; every earlier text is kept."""

    noun = "briefing"
    text_noun = "synthesis"
    quote = ""

    def __init__(self, store: "AnnotationStore", briefing: str) -> None:
        # The briefing is named by its title: the store is shared by every briefing.
        self.id, self.store = briefing, store

    def title(self) -> Content:
        return Content.assemble(("Synthesis: ", "bold"), one_line(self.id, 70))

    def context(self) -> Content:
        return Content("What you conclude from the briefing as a whole, in your words. It "
                       "opens the exported brief (e).")

    def tags(self) -> tuple[str, ...]:
        return ()

    def note(self) -> str:
        mine = get_synthesis(self.store, self.id)
        return mine.text if mine is not None else ""

    def history(self) -> list[Version]:
        mine = get_synthesis(self.store, self.id)
        if mine is None:
            return []
        return [Version(version=v, quote="", tags=(), note=text, author=mine.author, updated=u)
                for v, text, u in mine.history]

    def save(self, *, add_tags=(), remove_tags=(), note: str | None = None) -> str:  # noqa: ANN001
        if add_tags or remove_tags:
            raise ValueError("a synthesis has no tags")
        if note is None:
            return self.note()
        return set_synthesis(self.store, self.id, note).text


def target_of(subject: "Claim | Highlight", store: "AnnotationStore") -> AnnotationTarget:
    return ClaimTarget(subject, store) if isinstance(subject, Claim) else HighlightTarget(subject, store)
