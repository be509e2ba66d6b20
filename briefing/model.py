"""The in-memory corpus: plain dataclasses, no I/O and no Textual.

Everything downstream (analysis, CLI, TUI, export) reads these.  Identifiers are stable and
citable: a paragraph id is ``<article>/<section>/<paragraph>`` with 1-based numbers, so
``jafarli-2023/2/3`` is the third paragraph of the article's second section (section 0 is the
untitled lead before the first heading, if any).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    from briefing.analysis.lexicon import Lexicon
    from briefing.problems import Problem

CLAIM_KINDS = ("fact", "figure", "quote", "assessment", "prediction", "recommendation")
GENRES = ("analysis", "interview", "op-ed", "news", "commentary", "report")

# The 15 framing dimensions of the Media Frames Corpus (Card et al. 2015), an optional claim field.
FRAMES = (
    "economic", "capacity_and_resources", "morality", "fairness_and_equality",
    "legality_constitutionality_jurisprudence", "policy_prescription_and_evaluation",
    "crime_and_punishment", "security_and_defense", "health_and_safety", "quality_of_life",
    "cultural_identity", "public_opinion", "political", "external_regulation_and_reputation",
    "other",
)


@dataclass(frozen=True, slots=True)
class Span:
    """Inline styling inside a paragraph's plain text: [start, end) with a style name."""

    start: int
    end: int
    style: str  # "em", "strong", "link", "code"
    href: str | None = None


@dataclass(slots=True)
class Paragraph:
    id: str
    article_id: str
    section_index: int
    index: int  # 1-based within its section
    text: str  # plain text, cleaned; claims anchor to offsets in this string
    spans: tuple[Span, ...] = ()
    footnote_refs: tuple[tuple[int, str], ...] = ()  # (offset in text, footnote label)
    lang: str | None = None  # set when the passage is in another language than the article
    line: int = 0  # 1-based line in the article file, for error messages


@dataclass(slots=True)
class Section:
    id: str  # "<article>/<index>"
    article_id: str
    index: int  # 0 = untitled lead; 1.. = headed sections in order
    title: str | None
    level: int = 2
    paragraphs: list[Paragraph] = field(default_factory=list)
    line: int = 0


@dataclass(slots=True)
class Footnote:
    label: str
    text: str
    line: int = 0


@dataclass(slots=True)
class Provenance:
    """How an uncertain metadata field was established: 'stated' or 'inferred', and from what."""

    basis: str  # "stated" | "inferred" | "unknown"
    note: str = ""


@dataclass(slots=True)
class Article:
    id: str
    title: str
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)
    outlet: str | None = None
    published: str | None = None  # ISO date, possibly partial: "2023", "2023-07", "2023-07-03"
    language: str = "en"
    genre: str | None = None
    translator: str | None = None
    source_file: str | None = None
    url: str | None = None
    provenance: dict[str, Provenance] = field(default_factory=dict)
    sections: list[Section] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    path: Path | None = None

    def paragraphs(self) -> Iterator[Paragraph]:
        for section in self.sections:
            yield from section.paragraphs

    @property
    def byline(self) -> str:
        return ", ".join(self.authors) if self.authors else "unknown author"


@dataclass(frozen=True, slots=True)
class Figure:
    """A number a claim gives: ``quantity`` is a shared key so that sources can be compared."""

    quantity: str  # e.g. "russian-peacekeepers-nk"
    value: float
    unit: str | None = None
    text: str | None = None  # as written in the article, e.g. "1 900 men"
    approx: bool = False


@dataclass(frozen=True, slots=True)
class DateRef:
    """A date a claim refers to; ``what`` (a shared key) makes it comparable across sources."""

    value: str  # ISO, possibly partial
    what: str | None = None  # e.g. "csto-founded"
    text: str | None = None


@dataclass(slots=True)
class Claim:
    id: str
    article_id: str
    quote: str
    events: list[str] = field(default_factory=list)
    kind: str = "fact"
    speaker: str | None = None  # "author" or the person quoted
    actors: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    frame: str | None = None
    # Anchor, filled in by the loader: the paragraph and exact [start, end) offsets in its text.
    paragraph_id: str | None = None
    start: int = -1
    end: int = -1
    line: int = 0  # line of the claim in its YAML file
    # Set on suggestions (claims/<article>.suggested.yaml): "suggested"; None when curated.
    status: str | None = None
    by: str | None = None  # what produced the suggestion
    confidence: float | None = None  # 0..1


@dataclass(slots=True)
class Event:
    id: str
    title: str
    date: str | None = None  # ISO, possibly partial
    end: str | None = None
    summary: str = ""
    actors: list[str] = field(default_factory=list)
    line: int = 0
    status: str | None = None  # "suggested" for events.suggested.yaml; None when curated
    by: str | None = None
    confidence: float | None = None


@dataclass(slots=True)
class Corpus:
    title: str = "Untitled briefing"
    description: str = ""
    questions: list[str] = field(default_factory=list)
    articles: dict[str, Article] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)
    root: Path | None = None
    # The curated framing lexicon (lexicon.yaml, optional) and its problems, which are
    # warnings: read by the loader with the rest, so nothing downstream reads files.
    lexicon: Lexicon | None = None
    lexicon_problems: list[Problem] = field(default_factory=list)
    _paragraphs: dict[str, Paragraph] = field(default_factory=dict, repr=False)
    _by_event: dict[str, list[Claim]] = field(default_factory=dict, repr=False)
    _by_article: dict[str, list[Claim]] = field(default_factory=dict, repr=False)

    def reindex(self) -> None:
        """Rebuild the lookup tables; call after changing articles or claims."""
        self._paragraphs = {p.id: p for a in self.articles.values() for p in a.paragraphs()}
        self._by_event = {}
        self._by_article = {}
        for claim in self.claims.values():
            self._by_article.setdefault(claim.article_id, []).append(claim)
            for event_id in claim.events:
                self._by_event.setdefault(event_id, []).append(claim)
        for claims in self._by_article.values():
            claims.sort(key=lambda c: (self._paragraph_order(c.paragraph_id), c.start))

    def _paragraph_order(self, pid: str | None) -> tuple[int, int]:
        para = self._paragraphs.get(pid or "")
        return (para.section_index, para.index) if para else (1 << 30, 0)

    def paragraph(self, paragraph_id: str) -> Paragraph | None:
        return self._paragraphs.get(paragraph_id)

    def claims_for_article(self, article_id: str) -> list[Claim]:
        """Claims of one article in reading order."""
        return self._by_article.get(article_id, [])

    def claims_for_event(self, event_id: str) -> list[Claim]:
        return self._by_event.get(event_id, [])

    def events_in_order(self) -> list[Event]:
        return sorted(self.events.values(), key=lambda e: (e.date or "9999", e.id))

    def sources_for_event(self, event_id: str) -> list[str]:
        """Article ids that have at least one claim on the event, in corpus order."""
        covering = {c.article_id for c in self.claims_for_event(event_id)}
        return [aid for aid in self.articles if aid in covering]
