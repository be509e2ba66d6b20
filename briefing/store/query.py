"""Queries that join annotations with the corpus: source and event filters, reading order,
and annotations whose claim no longer exists (for ``briefing check``).

Filters: several tags must all be present (or any one of them, with ``any_tag``); several
sources, events or authors match any of them.  A source is an article id; an event is an event id (both case-insensitive).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from briefing.model import Corpus
from briefing.store.annotations import AnnotationStore
from briefing.store.model import Annotation, split_tags
from briefing.text import clean_line


@dataclass(frozen=True, slots=True)
class Filters:
    tags: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    events: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    # An analyst gathering "russia or eu" wants either; "tags" stays all of them, as before.
    any_tag: bool = False

    @classmethod
    def make(cls, tags: Iterable[str] = (), sources: Iterable[str] = (),
             events: Iterable[str] = (), authors: Iterable[str] = (),
             any_tag: bool = False) -> "Filters":
        return cls(tags=tuple(split_tags(tags)),
                   sources=tuple(clean_line(s).casefold() for s in sources if clean_line(s)),
                   events=tuple(clean_line(e).casefold() for e in events if clean_line(e)),
                   authors=tuple(clean_line(a) for a in authors if clean_line(a)),
                   any_tag=any_tag)

    def has_tags(self, tags: Iterable[str]) -> bool:
        """Whether something carrying ``tags`` passes the tag filter."""
        if not self.tags:
            return True
        return not set(self.tags).isdisjoint(tags) if self.any_tag \
            else set(self.tags).issubset(tags)

    def as_dict(self) -> dict[str, list[str]]:
        """Only the filters in use, for export front matter and JSON; several tags of which
        any one will do are ``tags_any``."""
        tags = "tags_any" if self.any_tag and len(self.tags) > 1 else "tags"
        return {k: list(v) for k, v in ((tags, self.tags), ("sources", self.sources),
                                        ("events", self.events), ("authors", self.authors)) if v}

    def needs_corpus(self) -> bool:
        return bool(self.sources or self.events)


def matches(annotation: Annotation, corpus: Corpus | None, filters: Filters) -> bool:
    if not filters.has_tags(annotation.tags):
        return False
    if filters.authors and annotation.author not in filters.authors:
        return False
    if filters.needs_corpus():
        claim = corpus.claims.get(annotation.claim_id) if corpus is not None else None
        if claim is None:
            return False
        if filters.sources and claim.article_id.casefold() not in filters.sources:
            return False
        if filters.events and not {e.casefold() for e in claim.events} & set(filters.events):
            return False
    return True


def reading_order(corpus: Corpus | None):
    """Sort key: claims in article order then reading order; unknown claims last, by id.

    Ranks only the articles the annotations are on: ranking every claim cost a pass over
    100,000 claims per call at 5,000 articles (each refresh of the annotations view)."""
    articles = {aid: n for n, aid in enumerate(corpus.articles)} if corpus is not None else {}
    places: dict[str, dict[str, int]] = {}  # article -> claim -> place in it, when first asked

    def rank(claim_id: str) -> tuple[int, int]:
        claim = corpus.claims.get(claim_id) if corpus is not None else None
        if claim is None or claim.article_id not in articles:
            return (1 << 30, 0)
        place = places.get(claim.article_id)
        if place is None:
            place = places[claim.article_id] = {
                c.id: n for n, c in enumerate(corpus.claims_for_article(claim.article_id))}
        n = place.get(claim_id)
        return (1 << 30, 0) if n is None else (articles[claim.article_id], n)

    def key(annotation: Annotation) -> tuple:
        return (rank(annotation.claim_id), annotation.claim_id, annotation.author)

    return key


def select(annotations: AnnotationStore | Iterable[Annotation], corpus: Corpus | None = None,
           filters: Filters | None = None, **kwargs: Iterable[str]) -> list[Annotation]:
    """Annotations matching ``filters`` (or keyword lists: tags=, sources=, events=,
    authors=), in reading order.  A source or event filter needs ``corpus``."""
    if filters is None:
        filters = Filters.make(**kwargs)
    if filters.needs_corpus() and corpus is None:
        raise ValueError("filtering by source or event needs the corpus")
    items = annotations.all() if isinstance(annotations, AnnotationStore) else annotations
    chosen = sorted((a for a in items if matches(a, corpus, filters)), key=reading_order(corpus))
    if isinstance(annotations, AnnotationStore):  # exports carry every version
        chosen = annotations.with_archived_history(chosen)
    return chosen


def orphaned(store: AnnotationStore | Iterable[Annotation], corpus: Corpus) -> list[Annotation]:
    """Annotations whose claim id no longer exists in the corpus (their quote is kept)."""
    items = store.all() if isinstance(store, AnnotationStore) else store
    return sorted((a for a in items if a.claim_id not in corpus.claims),
                  key=lambda a: (a.claim_id, a.author))


def requoted(store: AnnotationStore | Iterable[Annotation], corpus: Corpus) -> list[Annotation]:
    """Annotations whose claim still exists but whose quote changed since they were made
    (compared folded: case, quote marks, dashes and spacing do not count)."""
    from briefing.text import fold

    items = store.all() if isinstance(store, AnnotationStore) else store
    out = []
    for a in items:
        claim = corpus.claims.get(a.claim_id)
        if claim is not None and a.quote and fold(a.quote) != fold(claim.quote):
            out.append(a)
    return sorted(out, key=lambda a: (a.claim_id, a.author))


def annotation_warnings(store: AnnotationStore | Iterable[Annotation], corpus: Corpus) -> list[str]:
    """One line per annotation that no longer fits the corpus, for ``briefing check``."""
    items = list(store.all() if isinstance(store, AnnotationStore) else store)

    def short(text: str) -> str:
        text = clean_line(text)
        return text if len(text) <= 60 else text[:59] + "…"

    lines = [f"annotation by {a.author} on claim {a.claim_id}: the claim no longer exists "
             f"(annotated quote: \"{short(a.quote)}\")" for a in orphaned(items, corpus)]
    lines += [f"annotation by {a.author} on claim {a.claim_id}: the claim's quote changed since "
              f"it was annotated (was: \"{short(a.quote)}\")" for a in requoted(items, corpus)]
    return lines
