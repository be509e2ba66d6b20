"""One event, source by source: what each says, where they disagree, how each words it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from briefing.analysis import disagreements as dis
from briefing.analysis.framing import DEFAULT_TOP, Term, distinctive_terms, event_texts
from briefing.analysis.lexicon import GroupUsage, Lexicon, usage
from briefing.model import Claim, Corpus, Event


class UnknownEvent(KeyError):
    """Raised for an event id that the corpus does not have."""

    def __init__(self, event_id: str):
        super().__init__(event_id)
        self.event_id = event_id

    def __str__(self) -> str:
        return f"unknown event: {self.event_id!r}"


@dataclass(slots=True)
class SourceClaims:
    article: str
    claims: list[Claim]  # in reading order; empty when the source does not cover the event

    @property
    def covers(self) -> bool:
        return bool(self.claims)


@dataclass(slots=True)
class Comparison:
    event: Event
    sources: list[SourceClaims]  # every article, in corpus order
    disagreements: list[dis.Finding] = field(default_factory=list)
    agreements: list[dis.Finding] = field(default_factory=list)
    compatible: list[dis.Finding] = field(default_factory=list)  # both can be true, unconfirmed
    framing: dict[str, list[Term]] = field(default_factory=dict)  # covering article -> terms
    lexicon: list[GroupUsage] = field(default_factory=list)

    @property
    def covering(self) -> list[str]:
        return [s.article for s in self.sources if s.covers]

    @property
    def not_covering(self) -> list[str]:
        return [s.article for s in self.sources if not s.covers]


def compare(
    corpus: Corpus,
    event_id: str,
    lexicon: Lexicon | None = None,
    background: Counter[str] | None = None,
    top: int = DEFAULT_TOP,
) -> Comparison:
    """Compare the sources on one event.  Raises :class:`UnknownEvent` for an unknown id.

    ``background`` (framing.background_counts) can be passed in when comparing many events,
    so the corpus-wide prior is counted once.
    """
    event = corpus.events.get(event_id)
    if event is None:
        raise UnknownEvent(event_id)
    sources = [
        SourceClaims(aid, [c for c in corpus.claims_for_article(aid) if event_id in c.events])
        for aid in corpus.articles
    ]
    found = dis.for_event(corpus, event_id)
    result = Comparison(
        event=event, sources=sources,
        disagreements=found.disagreements, agreements=found.agreements,
        compatible=found.compatible,
        framing=distinctive_terms(corpus, event_id, background=background, top=top),
    )
    if lexicon is not None:
        result.lexicon = usage(lexicon, event_texts(corpus, event_id))
    return result
