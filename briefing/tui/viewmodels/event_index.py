"""What the events and compare views need about every event, counted once per corpus.

analysis.coverage builds a dense events x sources matrix (a million cells at 5,000 sources)
and the old rows scanned every source per call; here one pass over the claims gives, per
event, only the sources that cover it, so a row costs what it shows.  The per-event analysis
(analysis.event_analysis, memoised) is run for every event in a background thread after
loading (:func:`warm`), so opening a comparison only reads a finished result.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from briefing.analysis import event_analysis
from briefing.analysis.timeline import date_key, ordered_events
from briefing.model import Corpus, Event


@dataclass(frozen=True, slots=True)
class EventRow:
    event: Event
    counts: dict[str, int]  # covering article -> claims on the event (only those that cover)
    sources: int = 0  # how many sources cover it

    @property
    def blindspot(self) -> bool:
        return self.sources == 1


@dataclass(slots=True)
class EventIndex:
    rows: list[EventRow]  # timeline order
    claims_per_source: dict[str, int]  # article -> claims (all events)
    by_year: dict[str, dict[int, int]]  # article -> year -> claims on that year's events
    years: list[int]
    disagreements: dict[str, int] | None = None  # event -> disagreements, once analysed
    blindspots: int = 0
    by_id: dict[str, EventRow] = field(default_factory=dict)

    def row(self, event_id: str) -> EventRow | None:
        return self.by_id.get(event_id)


_INDEX: dict[int, tuple[Corpus, EventIndex]] = {}
_ANALYSED: dict[int, tuple[Corpus, dict[str, event_analysis.EventAnalysis]]] = {}
_LOCK = threading.Lock()
_WARMING = threading.Lock()  # one warm-up at a time: a second caller waits and reads its results


def year_of(event: Event) -> int | None:
    key = date_key(event.date)
    return key[1] if key[0] == 0 else None


def event_index(corpus: Corpus) -> EventIndex:
    """Rows, per-source totals and per-year counts, one pass over the claims (memoised)."""
    hit = _INDEX.get(id(corpus))
    if hit is not None and hit[0] is corpus:
        return hit[1]
    per_event: dict[str, dict[str, int]] = {}
    totals = {aid: 0 for aid in corpus.articles}
    for claim in corpus.claims.values():
        if claim.article_id in totals:
            totals[claim.article_id] += 1
        for eid in claim.events:
            per = per_event.setdefault(eid, {})
            per[claim.article_id] = per.get(claim.article_id, 0) + 1
    order = {aid: n for n, aid in enumerate(corpus.articles)}
    rows: list[EventRow] = []
    by_year: dict[str, dict[int, int]] = {}
    years: set[int] = set()
    for event in ordered_events(corpus):
        counts = {a: n for a, n in sorted(per_event.get(event.id, {}).items(),
                                          key=lambda kv: order.get(kv[0], len(order)))
                  if a in order}
        rows.append(EventRow(event, counts, len(counts)))
        year = year_of(event)
        if year is not None:
            years.add(year)
            for aid, n in counts.items():
                per = by_year.setdefault(aid, {})
                per[year] = per.get(year, 0) + n
    index = EventIndex(rows, totals, by_year, sorted(years),
                       blindspots=sum(1 for r in rows if r.blindspot),
                       by_id={r.event.id: r for r in rows})
    with _LOCK:
        if len(_INDEX) >= 4:
            _INDEX.pop(next(iter(_INDEX)))
        _INDEX[id(corpus)] = (corpus, index)
    return index


def event_to_compare(claim_events: list[str], navigated: str | None) -> str:
    """The event `c` compares: the one the reader went to (g) if the claim is about it."""
    return navigated if navigated in claim_events else claim_events[0]


def analysed(corpus: Corpus, event_id: str) -> event_analysis.EventAnalysis | None:
    """The event's analysis if it is already done, else None (never computes)."""
    hit = _ANALYSED.get(id(corpus))
    if hit is None or hit[0] is not corpus:
        return None
    return hit[1].get(event_id)


def analyse(corpus: Corpus, event_id: str,
            between: Callable[[], object] | None = None) -> event_analysis.EventAnalysis:
    """The event's analysis (computed now if the warm-up has not reached it)."""
    done = analysed(corpus, event_id)
    if done is not None:
        return done
    result = event_analysis.analyse(corpus, event_id, corpus.lexicon, between)
    with _LOCK:
        hit = _ANALYSED.get(id(corpus))
        if hit is None or hit[0] is not corpus:
            if len(_ANALYSED) >= 4:
                _ANALYSED.pop(next(iter(_ANALYSED)))
            hit = _ANALYSED[id(corpus)] = (corpus, {})
        hit[1][event_id] = result
    return result


def disagreement_counts(corpus: Corpus) -> dict[str, int] | None:
    """Disagreements per event once every event is analysed, else None."""
    return event_index(corpus).disagreements


def warm(corpus: Corpus, first: str | None = None,
         between: Callable[[], object] | None = None,
         wanted: Callable[[], bool] | None = None) -> dict[str, int] | None:
    """Analyse every event (``first`` first), then count disagreements per event.

    Meant for a background thread after loading; each event is analysed once per corpus, and
    a second caller (the events view opened meanwhile) waits for the first instead of
    analysing the same events beside it.  ``between`` is called before each event and now
    and then in the corpus-wide part (the reader's: wait until the interface is quiet).
    ``wanted`` is asked before each event: once it says no (the reader reloaded the corpus
    after an edit), the warm-up stops and returns None, so the next corpus's warm-up does
    not wait behind a whole analysis of one nobody reads any more."""
    with _WARMING:
        return _warm(corpus, first, between, wanted)


def _warm(corpus: Corpus, first: str | None,
          between: Callable[[], object] | None = None,
          wanted: Callable[[], bool] | None = None) -> dict[str, int] | None:
    index = event_index(corpus)
    if index.disagreements is not None:
        return index.disagreements
    ids = [r.event.id for r in index.rows]
    if first in ids:  # the event on screen first
        ids.remove(first)
        ids.insert(0, first)
    counts: dict[str, int] = {}
    for eid in ids:
        if between is not None:
            between()
        if wanted is not None and not wanted():
            return None
        n = len(analyse(corpus, eid, between).findings.disagreements)
        if n:
            counts[eid] = n
    index.disagreements = counts
    return counts
