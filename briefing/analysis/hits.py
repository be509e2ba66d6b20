"""What a search returns, and the documents it searches: small types shared by the in-memory
index (briefing.analysis.search) and the on-disk one (briefing.index), importable without
either (the CLI's search imports only this)."""

from __future__ import annotations

from dataclasses import dataclass

SNIPPET_CHARS = 200


@dataclass(frozen=True, slots=True)
class Document:
    kind: str  # "paragraph" | "claim" | "note" | ...
    id: str  # paragraph id, claim id, note id: unique within its kind
    text: str  # the original text; hit offsets point into it
    article: str | None = None
    paragraph: str | None = None  # the paragraph a claim (or note) belongs to


@dataclass(frozen=True, slots=True)
class Hit:
    kind: str
    id: str
    article: str | None
    paragraph: str | None
    score: float
    snippet: str  # an excerpt of the original text around the first match
    snippet_start: int  # offset of the snippet in the document's text
    matches: tuple[tuple[int, int], ...]  # [start, end) of each match in the document's text
    match: str = "exact"  # how the words matched: "exact", "form" (stem) or "variant" (spelling)

    @property
    def claim(self) -> str | None:
        return self.id if self.kind == "claim" else None


def snippet_around(text: str, first: int) -> tuple[str, int]:
    """About SNIPPET_CHARS of ``text`` around offset ``first``, cut at spaces."""
    if len(text) <= SNIPPET_CHARS:
        return text, 0
    start = max(0, first - SNIPPET_CHARS // 3)
    if start > 0:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < first else start
    end = min(len(text), start + SNIPPET_CHARS)
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > first else end
    return text[start:end], start


def hit_json(hit: Hit) -> dict:
    return {
        "kind": hit.kind,
        "id": hit.id,
        "article": hit.article,
        "paragraph": hit.paragraph,
        "claim": hit.claim,
        "score": hit.score,
        "snippet": hit.snippet,
        "snippet_start": hit.snippet_start,
        "matches": [list(m) for m in hit.matches],
        "match": hit.match,
    }
