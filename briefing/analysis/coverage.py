"""Which source covers which event: the events x sources matrix and the blindspots.

A source covers an event when it has at least one claim on it.  An event covered by exactly
one source is a "blindspot" in Ground News' sense: the others are silent on it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.model import Corpus


@dataclass(slots=True)
class Coverage:
    events: list[str]  # event ids, in timeline order
    sources: list[str]  # article ids, in corpus order
    matrix: dict[str, dict[str, int]]  # event -> article -> number of claims (0 = not covered)
    single_source: list[str] = field(default_factory=list)  # events exactly one source covers
    uncovered: list[str] = field(default_factory=list)  # events no claim is about
    per_source: dict[str, dict[str, int]] = field(default_factory=dict)  # article -> counts

    def covering(self, event_id: str) -> list[str]:
        return [a for a, n in self.matrix[event_id].items() if n]


def coverage(corpus: Corpus) -> Coverage:
    from briefing.analysis.timeline import ordered_events

    events = [e.id for e in ordered_events(corpus)]
    sources = list(corpus.articles)
    matrix = {eid: {aid: 0 for aid in sources} for eid in events}
    for claim in corpus.claims.values():
        for eid in claim.events:
            row = matrix.get(eid)
            if row is not None and claim.article_id in row:
                row[claim.article_id] += 1
    result = Coverage(events=events, sources=sources, matrix=matrix)
    for eid in events:
        n = sum(1 for v in matrix[eid].values() if v)
        if n == 1:
            result.single_source.append(eid)
        elif n == 0:
            result.uncovered.append(eid)
    for aid in sources:
        claims = corpus.claims_for_article(aid)
        covered = [e for e in events if matrix[e][aid]]
        result.per_source[aid] = {
            "claims": len(claims),
            "events": len(covered),
            "only_source": sum(1 for e in result.single_source if matrix[e][aid]),
        }
    return result
