"""What an export contains, independent of its format: annotations joined with the corpus,
grouped by event (in date order) then by source (in corpus order), claims in reading order.

A claim linked to several events is shown under its earliest event (its citation lists all
of them), so each annotation appears once and the counts add up.  Claims with no known
event come after the events; annotations whose claim no longer exists come last, with the
quote they were made on.  Markdown and JSON render this same structure.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone

from briefing.model import Article, Claim, Corpus, Event, Paragraph, Section
from briefing.store.model import Annotation
from briefing.store.query import Filters, reading_order


@dataclass(slots=True)
class ClaimEntry:
    claim: Claim | None  # None: the claim no longer exists (orphaned annotation)
    claim_id: str
    quote: str  # the passage as it stands in the article, or the annotated quote for orphans
    article: Article | None = None
    section: Section | None = None
    paragraph: Paragraph | None = None
    events: list[Event] = field(default_factory=list)
    annotations: list[Annotation] = field(default_factory=list)


@dataclass(slots=True)
class SourceGroup:
    article: Article
    claims: list[ClaimEntry] = field(default_factory=list)


@dataclass(slots=True)
class EventGroup:
    event: Event | None  # None: claims not linked to a known event
    sources: list[SourceGroup] = field(default_factory=list)


@dataclass(slots=True)
class Brief:
    title: str
    generated: str
    filters: Filters
    groups: list[EventGroup]
    orphans: list[ClaimEntry]
    sources: list[Article]  # every article cited, in corpus order
    by_tag: list[tuple[str, int]]
    by_source: list[tuple[Article, int]]
    by_event: list[tuple[Event, int]]
    annotation_count: int
    claim_count: int


def _passage(corpus: Corpus, claim: Claim) -> tuple[str, Paragraph | None]:
    para = corpus.paragraph(claim.paragraph_id) if claim.paragraph_id else None
    if para is not None and 0 <= claim.start < claim.end <= len(para.text):
        return para.text[claim.start:claim.end], para
    return claim.quote, para


def _section(article: Article | None, para: Paragraph | None) -> Section | None:
    if article is None or para is None:
        return None
    return next((s for s in article.sections if s.index == para.section_index), None)


def build_brief(annotations: list[Annotation], corpus: Corpus, filters: Filters | None = None,
                title: str | None = None, generated: str | None = None) -> Brief:
    filters = filters or Filters()
    generated = generated or datetime.now(timezone.utc).isoformat(timespec="seconds").replace(
        "+00:00", "Z")
    annotations = sorted((a for a in annotations if not a.is_empty), key=reading_order(corpus))
    event_rank = {e.id: n for n, e in enumerate(corpus.events_in_order())}
    article_rank = {aid: n for n, aid in enumerate(corpus.articles)}

    entries: dict[str, ClaimEntry] = {}
    for ann in annotations:
        entry = entries.get(ann.claim_id)
        if entry is None:
            claim = corpus.claims.get(ann.claim_id)
            if claim is None:
                entry = ClaimEntry(claim=None, claim_id=ann.claim_id, quote=ann.quote)
            else:
                quote, para = _passage(corpus, claim)
                article = corpus.articles.get(claim.article_id)
                events = sorted((corpus.events[e] for e in claim.events if e in corpus.events),
                                key=lambda e: event_rank[e.id])
                entry = ClaimEntry(claim=claim, claim_id=claim.id, quote=quote, article=article,
                                   section=_section(article, para), paragraph=para,
                                   events=events)
            entries[ann.claim_id] = entry
        entry.annotations.append(ann)

    groups: dict[str | None, EventGroup] = {}
    orphans: list[ClaimEntry] = []
    for entry in entries.values():
        if entry.claim is None or entry.article is None:
            orphans.append(entry)
            continue
        event = entry.events[0] if entry.events else None
        group = groups.setdefault(event.id if event else None, EventGroup(event))
        source = next((s for s in group.sources if s.article.id == entry.article.id), None)
        if source is None:
            source = SourceGroup(entry.article)
            group.sources.append(source)
        source.claims.append(entry)
    ordered = sorted(groups.values(), key=lambda g: (g.event is None,
                                                     event_rank.get(g.event.id, 0) if g.event else 0))
    for group in ordered:
        group.sources.sort(key=lambda s: article_rank.get(s.article.id, 1 << 30))

    cited = [e.article for e in entries.values() if e.article is not None]
    sources = sorted({a.id: a for a in cited}.values(),
                     key=lambda a: article_rank.get(a.id, 1 << 30))
    tag_counts = Counter(t for a in annotations for t in a.tags)
    source_counts = Counter(entries[a.claim_id].article.id for a in annotations
                            if entries[a.claim_id].article is not None)
    event_counts = Counter(e.id for a in annotations for e in entries[a.claim_id].events)
    return Brief(
        title=title or f"{corpus.title}: annotations",
        generated=generated,
        filters=filters,
        groups=ordered,
        orphans=sorted(orphans, key=lambda e: e.claim_id),
        sources=sources,
        by_tag=sorted(tag_counts.items(), key=lambda kv: (-kv[1], kv[0])),
        by_source=[(a, source_counts[a.id]) for a in sources if source_counts[a.id]],
        by_event=[(e, event_counts[e.id]) for e in corpus.events_in_order() if event_counts[e.id]],
        annotation_count=len(annotations),
        claim_count=len(entries),
    )
