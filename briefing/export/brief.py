"""What an export contains, independent of its format: a brief.

In the order a reader meets it: the briefing's title, the analyst's synthesis (their own
text, briefing.store.synthesis), key findings (the annotated claims under each tag), where
the sources disagree (briefing.analysis.disagreements), then the evidence: annotations
joined with the corpus, grouped by event (in date order) then by source (in corpus order),
claims in reading order, and the sources cited.

A claim about several events is listed under EACH of them (its entry names the others), so
no claim sits under an event it is not about.  Every count is a count of what a section
shows: an event's count is the number of claims listed under it, a tag's the number of
claims listed under it in the key findings, a source's the number of its annotated claims.
Claims with no known event form their own group; annotations whose claim no longer exists
come last, with the quote they were made on.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timezone

from briefing.analysis.disagreements import Finding, find
from briefing.export.labels import quantity_label
from briefing.model import Article, Claim, Corpus, Event, Paragraph, Section
from briefing.store.model import Annotation, default_author
from briefing.store.query import Filters, reading_order
from briefing.store.synthesis import Synthesis


# Accounts that are not a person: a container's or a server's login (the store records the OS
# user name when no --author is given), or no name at all.
NOT_PEOPLE = frozenset({"root", "unknown", ""})


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

    @property
    def tags(self) -> list[str]:
        """Every author's tags on the claim, each once, in the order first given."""
        return list(dict.fromkeys(t for a in self.annotations for t in a.tags))

    @property
    def created(self) -> str:
        return min((a.created for a in self.annotations if a.created), default="")


@dataclass(slots=True)
class SourceGroup:
    article: Article
    claims: list[ClaimEntry] = field(default_factory=list)


@dataclass(slots=True)
class EventGroup:
    event: Event | None  # None: claims not linked to a known event
    sources: list[SourceGroup] = field(default_factory=list)

    @property
    def claim_count(self) -> int:
        return sum(len(s.claims) for s in self.sources)


@dataclass(slots=True)
class KeyFinding:
    tag: str
    claims: list[ClaimEntry]


@dataclass(slots=True)
class Brief:
    title: str
    generated: str
    filters: Filters
    author: str | None  # who the brief is by, when configured; never guessed from the OS
    synthesis: list[Synthesis]
    findings: list[KeyFinding]
    disagreements: list[Finding]
    groups: list[EventGroup]
    orphans: list[ClaimEntry]
    entries: list[ClaimEntry]  # every annotated claim once, in reading order (orphans last)
    sources: list[Article]  # every article cited, in corpus order
    articles: dict[str, Article]  # every article of the briefing (disagreements cite them)
    events: dict[str, Event]
    quantity_labels: dict[str, str]  # each disagreement's shared key as words
    annotation_count: int
    show_authors: bool  # more than one person wrote here: name them

    @property
    def claim_count(self) -> int:
        return len(self.entries)

    @property
    def by_tag(self) -> list[tuple[str, int]]:
        return [(f.tag, len(f.claims)) for f in self.findings]

    @property
    def by_source(self) -> list[tuple[Article, int]]:
        counts = Counter(e.article.id for e in self.entries if e.article is not None)
        return [(a, counts[a.id]) for a in self.sources if counts[a.id]]

    @property
    def by_event(self) -> list[tuple[Event, int]]:
        return [(g.event, g.claim_count) for g in self.groups if g.event is not None]

    @property
    def unlinked_count(self) -> int:
        return sum(g.claim_count for g in self.groups if g.event is None)

    def author_name(self, stored: str) -> str:
        """How to name an annotation's author: this user's annotations by the brief's author
        when one is configured; an account that is not a person (root) by no name."""
        if self.author and stored == default_author():
            return self.author
        return "" if stored in NOT_PEOPLE else stored

    def source_number(self, article_id: str) -> int | None:
        """1-based position in the list of sources cited (None: not cited)."""
        for n, article in enumerate(self.sources, start=1):
            if article.id == article_id:
                return n
        return None


def now_stamp() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


def _passage(corpus: Corpus, claim: Claim) -> tuple[str, Paragraph | None]:
    para = corpus.paragraph(claim.paragraph_id) if claim.paragraph_id else None
    if para is not None and 0 <= claim.start < claim.end <= len(para.text):
        return para.text[claim.start:claim.end], para
    return claim.quote, para


def section_of(article: Article | None, para: Paragraph | None) -> Section | None:
    if article is None or para is None:
        return None
    return next((s for s in article.sections if s.index == para.section_index), None)


def _entry(corpus: Corpus, claim_id: str, quote: str, event_rank: dict[str, int]) -> ClaimEntry:
    claim = corpus.claims.get(claim_id)
    article = corpus.articles.get(claim.article_id) if claim is not None else None
    if claim is None or article is None:
        return ClaimEntry(claim=None, claim_id=claim_id, quote=quote)
    text, para = _passage(corpus, claim)
    events = sorted((corpus.events[e] for e in claim.events if e in corpus.events),
                    key=lambda e: event_rank[e.id])
    return ClaimEntry(claim=claim, claim_id=claim.id, quote=text, article=article,
                      section=section_of(article, para), paragraph=para, events=events)


def _disagreements(corpus: Corpus, filters: Filters) -> list[Finding]:
    """The briefing's disagreements, or those among the claims on the events filtered on."""
    if filters.events:
        wanted = set(filters.events)
        claims = [c for c in corpus.claims.values()
                  if {e.casefold() for e in c.events} & wanted]
    else:
        claims = list(corpus.claims.values())
    return find(claims, list(corpus.articles)).disagreements


def _quantity_labels(corpus: Corpus, findings: list[Finding]) -> dict[str, str]:
    labels = {}
    for f in findings:
        claims = [corpus.claims[v.claim] for v in f.values if v.claim in corpus.claims]
        texts = [c.quote for c in claims] + [a for c in claims for a in c.actors]
        labels[f.quantity] = quantity_label(f.quantity, texts)
    return labels


def build_brief(annotations: list[Annotation], corpus: Corpus, filters: Filters | None = None,
                title: str | None = None, generated: str | None = None, *,
                synthesis: list[Synthesis] | tuple[Synthesis, ...] = (),
                author: str | None = None, highlighted_by: Iterable[str] = ()) -> Brief:
    """``highlighted_by``: the authors of the highlights exported with the brief, who count
    when deciding whether to name people."""
    filters = filters or Filters()
    annotations = sorted((a for a in annotations if not a.is_empty), key=reading_order(corpus))
    event_rank = {e.id: n for n, e in enumerate(corpus.events_in_order())}
    article_rank = {aid: n for n, aid in enumerate(corpus.articles)}

    entries: dict[str, ClaimEntry] = {}
    for ann in annotations:
        if ann.claim_id not in entries:
            entries[ann.claim_id] = _entry(corpus, ann.claim_id, ann.quote, event_rank)
        entries[ann.claim_id].annotations.append(ann)

    groups: dict[str | None, EventGroup] = {}
    orphans: list[ClaimEntry] = []
    for entry in entries.values():
        if entry.article is None:
            orphans.append(entry)
            continue
        for event in entry.events or [None]:
            group = groups.setdefault(event.id if event else None, EventGroup(event))
            source = next((s for s in group.sources if s.article.id == entry.article.id), None)
            if source is None:
                source = SourceGroup(entry.article)
                group.sources.append(source)
            source.claims.append(entry)
    ordered = sorted(groups.values(), key=lambda g: (g.event is None,
                                                     event_rank[g.event.id] if g.event else 0))
    for group in ordered:
        group.sources.sort(key=lambda s: article_rank.get(s.article.id, 1 << 30))

    linked = [e for e in entries.values() if e.article is not None]
    orphans.sort(key=lambda e: e.claim_id)
    tag_claims: dict[str, list[ClaimEntry]] = {}
    for entry in linked + orphans:
        for tag in entry.tags:
            tag_claims.setdefault(tag, []).append(entry)
    findings = [KeyFinding(tag, claims) for tag, claims in
                sorted(tag_claims.items(), key=lambda kv: (-len(kv[1]), kv[0]))]
    sources = sorted({e.article.id: e.article for e in linked}.values(),
                     key=lambda a: article_rank.get(a.id, 1 << 30))
    people = {a.author for a in annotations} | {s.author for s in synthesis} | set(highlighted_by)
    disagreements = _disagreements(corpus, filters)
    brief = Brief(
        title=title or corpus.title,
        generated=generated or now_stamp(),
        filters=filters,
        author=author or None,
        synthesis=list(synthesis),
        findings=findings,
        disagreements=disagreements,
        quantity_labels=_quantity_labels(corpus, disagreements),
        groups=ordered,
        orphans=orphans,
        entries=linked + orphans,
        sources=sources,
        articles=dict(corpus.articles),
        events=dict(corpus.events),
        annotation_count=len(annotations),
        show_authors=False,
    )
    brief.show_authors = len({brief.author_name(p) for p in people}) > 1
    return brief
