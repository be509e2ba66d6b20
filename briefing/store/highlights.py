"""Highlights: a passage of an article that is not a claim, with tags and a note, in the store.

A highlight keeps its article, paragraph, character offsets in the paragraph's plain text
and the quote itself.  Articles get edited, so offsets are only where the quote *was*:
:func:`locate` finds it again (the loader's tolerant matching: case, quote marks, dashes,
spacing), the match nearest the old place winning, and ``briefing check --db`` reports a
highlight whose quote is no longer in its article.  Records live in the annotation store's
``highlights`` table, so they share its lock, journal and crash safety.

    hl = store.highlights.add("paylan-2023", "paylan-2023/1/2", 10, 52, "the quote", tags=["x"])
    store.highlights.all(); store.highlights.update(hl.id, add_tags=["y"], note="...")
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from briefing.store.errors import StoreError
from briefing.store.model import _str, _tags, normalise_author, now_iso, split_tags
from briefing.text import clean, clean_line, find_all, fold

if TYPE_CHECKING:
    from briefing.model import Article, Corpus
    from briefing.store.annotations import AnnotationStore
    from briefing.store.query import Filters

TABLE = "highlights"


@dataclass(frozen=True, slots=True)
class Highlight:
    id: str
    article_id: str
    paragraph_id: str
    start: int  # [start, end) in the paragraph's plain text, when last anchored
    end: int
    quote: str
    tags: tuple[str, ...] = ()
    note: str = ""
    author: str = ""
    created: str = ""
    updated: str = ""

    def to_doc(self) -> dict[str, Any]:
        return {"kind": "highlight", "article_id": self.article_id,
                "paragraph_id": self.paragraph_id, "start": self.start, "end": self.end,
                "quote": self.quote, "tags": list(self.tags), "note": self.note,
                "author": self.author, "created": self.created, "updated": self.updated}

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, **self.to_doc()}

    @classmethod
    def from_doc(cls, doc_id: str, doc: Mapping[str, Any]) -> "Highlight | None":
        article_id, quote = _str(doc.get("article_id")), _str(doc.get("quote"))
        if not article_id or not quote:
            return None  # edited by hand beyond use; left in the file untouched
        return cls(id=str(doc_id), article_id=article_id,
                   paragraph_id=_str(doc.get("paragraph_id")), start=_int(doc.get("start")),
                   end=_int(doc.get("end")), quote=quote, tags=_tags(doc.get("tags")),
                   note=_str(doc.get("note"), multiline=True), author=_str(doc.get("author")),
                   created=_str(doc.get("created")), updated=_str(doc.get("updated")))


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else -1


class Highlights:
    """The highlights of one annotation store (``store.highlights``)."""

    def __init__(self, store: "AnnotationStore") -> None:
        self.store = store
        self.table = store.db.table(TABLE)

    def add(self, article_id: str, paragraph_id: str, start: int, end: int, quote: str,
            tags: Iterable[str] = (), note: str = "", author: str | None = None) -> Highlight:
        """Save a new highlight.  ValueError for a bad tag or an empty quote; StoreError when
        it could not be saved (then nothing was)."""
        quote = " ".join(clean_line(quote).split())
        if not quote or not clean_line(article_id):
            raise ValueError("a highlight needs an article and a quote")
        stamp = now_iso()
        hl = Highlight(id=uuid.uuid4().hex, article_id=clean_line(article_id),
                       paragraph_id=clean_line(paragraph_id), start=start, end=end, quote=quote,
                       tags=tuple(split_tags(tags)), note=clean(note).strip("\n"),
                       author=normalise_author(author) if author else self.store.author,
                       created=stamp, updated=stamp)
        self.table.modify(hl.id, lambda _: hl.to_doc())
        return hl

    def update(self, highlight_id: str, *, add_tags: Iterable[str] = (),
               remove_tags: Iterable[str] = (), note: str | None = None,
               anchor: tuple[str, int, int] | None = None) -> Highlight:
        """Change tags, note or anchor (paragraph id, start, end) under the store's lock."""
        add, remove = split_tags(add_tags), set(split_tags(remove_tags))
        found: list[Highlight] = []

        def change(current: dict | None) -> dict | None:
            old = Highlight.from_doc(highlight_id, current) if current else None
            if old is None:
                raise StoreError(f"no highlight {highlight_id}")
            tags = [t for t in old.tags if t not in remove]
            tags += [t for t in add if t not in tags]
            new = replace(old, tags=tuple(tags),
                          note=old.note if note is None else clean(note).strip("\n"))
            if anchor is not None:
                new = replace(new, paragraph_id=anchor[0], start=anchor[1], end=anchor[2])
            if new == old:
                found.append(old)
                return None
            new = replace(new, updated=now_iso())
            found.append(new)
            return new.to_doc()

        self.table.modify(highlight_id, change)
        return found[0]

    def remove(self, highlight_id: str) -> bool:
        gone: list[bool] = []

        def updater(table) -> None:  # noqa: ANN001
            if highlight_id in table:
                del table[highlight_id]
                gone.append(True)

        self.table.transform(updater)
        return bool(gone)

    def get(self, highlight_id: str) -> Highlight | None:
        doc = self.table.get(doc_id=highlight_id)
        return Highlight.from_doc(highlight_id, doc) if doc is not None else None

    def all(self) -> list[Highlight]:
        """Every readable highlight, by article, paragraph and offset."""
        out = [h for doc_id, doc in self.table._read_table().items()
               if (h := Highlight.from_doc(doc_id, doc)) is not None]
        return sorted(out, key=lambda h: (h.article_id, h.paragraph_id, h.start, h.id))

    def for_article(self, article_id: str) -> list[Highlight]:
        return [h for h in self.all() if h.article_id == article_id]

    def reanchor(self, corpus: "Corpus") -> tuple[list[Highlight], list[Highlight]]:
        """Store the new place of every highlight whose article text moved it.
        Returns (moved, lost): lost ones are kept as they are, for the user to see."""
        moved, lost = [], []
        for hl in self.all():
            article = corpus.articles.get(hl.article_id)
            place = locate(hl, article) if article is not None else None
            if place is None:
                lost.append(hl)
            elif place != (hl.paragraph_id, hl.start, hl.end):
                moved.append(self.update(hl.id, anchor=place))
        return moved, lost


# ------------------------------------------------------------------------------- anchoring
def locate(hl: Highlight, article: "Article") -> tuple[str, int, int] | None:
    """Where the highlight's quote is now: (paragraph id, start, end), or None if it is no
    longer in the article.  Where it still stands at its offsets, that; else the match
    nearest its old paragraph, then its old offset."""
    paragraphs = list(article.paragraphs())
    order = {p.id: n for n, p in enumerate(paragraphs)}
    for para in paragraphs:
        if para.id == hl.paragraph_id and 0 <= hl.start < hl.end <= len(para.text):
            if fold(para.text[hl.start:hl.end]) == fold(hl.quote):
                return para.id, hl.start, hl.end
            break
    old = order.get(hl.paragraph_id, 0)
    best: tuple[tuple[int, int], tuple[str, int, int]] | None = None
    for n, para in enumerate(paragraphs):
        for start, end in find_all(para.text, hl.quote):
            key = (abs(n - old), abs(start - hl.start))
            if best is None or key < best[0]:
                best = (key, (para.id, start, end))
    return best[1] if best else None


def highlight_warnings(highlights: Iterable[Highlight], corpus: "Corpus") -> list[str]:
    """One line per highlight that cannot be placed in its article any more."""
    out = []
    for hl in highlights:
        article = corpus.articles.get(hl.article_id)
        if article is None:
            out.append(f"highlight {hl.id[:8]} by {hl.author}: article {hl.article_id!r} is no "
                       f"longer in the briefing (quote: \"{_short(hl.quote)}\")")
        elif locate(hl, article) is None:
            out.append(f"highlight {hl.id[:8]} by {hl.author} on {hl.paragraph_id or hl.article_id}"
                       f": its quote is no longer in the article: \"{_short(hl.quote)}\"")
    return out


def select_highlights(highlights: Iterable[Highlight], corpus: "Corpus | None",
                      filters: "Filters | None") -> list[Highlight]:
    """Highlights matching the annotation filters (tags all or any, sources/authors any; an event
    filter matches none: a highlight is not linked to events), in reading order, each at its
    current place in the article."""
    out = []
    for hl in highlights:
        if filters is not None:
            if not filters.has_tags(hl.tags):
                continue
            if filters.authors and hl.author not in filters.authors:
                continue
            if filters.sources and hl.article_id.casefold() not in filters.sources:
                continue
            if filters.events:
                continue
        if corpus is not None and (article := corpus.articles.get(hl.article_id)) is not None:
            place = locate(hl, article)
            if place is not None:
                hl = replace(hl, paragraph_id=place[0], start=place[1], end=place[2])
        out.append(hl)
    rank = {aid: n for n, aid in enumerate(corpus.articles)} if corpus is not None else {}
    para_rank: dict[str, tuple[int, int]] = {}
    if corpus is not None:  # the paragraphs of the highlighted articles, not all 85,000 at 5k
        for article_id in {h.article_id for h in out}:
            article = corpus.articles.get(article_id)
            for p in article.paragraphs() if article is not None else ():
                para_rank[p.id] = (p.section_index, p.index)
    return sorted(out, key=lambda h: (rank.get(h.article_id, 1 << 30), h.article_id,
                                      para_rank.get(h.paragraph_id, (1 << 30, 0)), h.start))


def _short(text: str) -> str:
    text = clean_line(text)
    return text if len(text) <= 60 else text[:59] + "…"
