"""A passage being selected in one paragraph, moved by word and sentence (no Textual here).

The selection is [start, end) in the paragraph's plain text, always on word boundaries so
that a highlight or a claim's quote never starts or ends inside a word.  Sentences come from
the same splitter `briefing suggest` uses (briefing.suggest.sentences).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from briefing.suggest.sentences import split_sentences

_WORD = re.compile(r"\S+")


def words(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _WORD.finditer(text)]


def sentences(text: str) -> list[tuple[int, int]]:
    return split_sentences(text) or ([(0, len(text))] if text.strip() else [])


def sentence_at(text: str, offset: int) -> tuple[int, int]:
    """The sentence holding ``offset`` (or the next one after it, or the last one)."""
    spans = sentences(text)
    if not spans:
        return 0, 0
    for start, end in spans:
        if offset < end:
            return start, end
    return spans[-1]


@dataclass(frozen=True, slots=True)
class Selection:
    paragraph_id: str
    text: str  # the paragraph's plain text
    start: int
    end: int

    @property
    def quote(self) -> str:
        return " ".join(self.text[self.start:self.end].split())

    @classmethod
    def sentence(cls, paragraph_id: str, text: str, offset: int = 0) -> "Selection":
        start, end = sentence_at(text, offset)
        return cls(paragraph_id, text, start, end)

    @classmethod
    def between(cls, paragraph_id: str, text: str, a: int, b: int) -> "Selection":
        """The words touched by [min(a, b), max(a, b)] (a drag with the mouse)."""
        lo, hi = min(a, b), max(a, b)
        spans = [w for w in words(text) if w[1] > lo and w[0] <= max(hi - 1, lo)]
        if not spans:
            return cls.sentence(paragraph_id, text, lo)
        return cls(paragraph_id, text, spans[0][0], spans[-1][1])

    # -- the end moves: extend (+1) or shrink (-1) by a word or to a sentence's end
    def end_by_word(self, step: int) -> "Selection":
        spans = words(self.text)
        if step > 0:
            later = [e for _, e in spans if e > self.end]
            return replace(self, end=later[0]) if later else self
        earlier = [e for s, e in spans if e < self.end and s >= self.start]
        return replace(self, end=earlier[-1]) if earlier else self

    def start_by_word(self, step: int) -> "Selection":
        spans = words(self.text)
        if step < 0:
            earlier = [s for s, _ in spans if s < self.start]
            return replace(self, start=earlier[-1]) if earlier else self
        later = [s for s, e in spans if s > self.start and e <= self.end]
        return replace(self, start=later[0]) if later else self

    def end_by_sentence(self, step: int) -> "Selection":
        ends = [e for _, e in sentences(self.text)]
        if step > 0:
            later = [e for e in ends if e > self.end]
            return replace(self, end=later[0]) if later else replace(self, end=len(self.text.rstrip()))
        earlier = [e for e in ends if self.start < e < self.end]
        return replace(self, end=earlier[-1]) if earlier else self.end_by_word(-1)

    def next_sentence(self, step: int) -> "Selection | None":
        """The sentence after (step 1) or before (-1) this selection; None past the paragraph."""
        spans = sentences(self.text)
        if step > 0:
            later = [s for s in spans if s[0] >= self.end]
            return replace(self, start=later[0][0], end=later[0][1]) if later else None
        earlier = [s for s in spans if s[1] <= self.start]
        return replace(self, start=earlier[-1][0], end=earlier[-1][1]) if earlier else None
