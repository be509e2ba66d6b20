"""Everything the analysis says about one event, computed once per (corpus, event).

Every part is a pure function of the corpus and the event id (briefing.analysis.disagreements,
offices, framing, lexicon), so a view can compute it in a background worker and ask again for
free.  What spans the corpus (the framing prior, every title finding, indexed by event) is
computed once per corpus, in time linear in it; after that an event costs only the sentences
of its own claims.  The cache holds a few corpora by identity: a reloaded corpus is a new
object and is analysed afresh.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from briefing.analysis import attribution
from briefing.analysis import disagreements as dis
from briefing.analysis import offices
from briefing.analysis.framing import Term, background_counts, distinctive_terms, event_sentences
from briefing.analysis.lexicon import Hit, Lexicon, event_hits
from briefing.model import Corpus

_KEEP_CORPORA = 4


@dataclass(frozen=True, slots=True)
class EventAnalysis:
    event: str
    findings: dis.Findings
    offices: tuple[offices.OfficeFinding, ...]
    attributions: tuple[attribution.AttributionFinding, ...]
    framing: dict[str, list[Term]]  # only significant terms (z >= 1.96); [] when none
    lexicon_hits: tuple[Hit, ...]  # each with its sentence, paragraph and offsets

    @property
    def has_distinctive_terms(self) -> bool:
        return any(self.framing.values())


class _PerCorpus:
    def __init__(self, corpus: Corpus):
        self.corpus = corpus
        # The corpus-wide parts are computed once: a view's worker asking while the warm-up
        # computes them waits for that result instead of computing it again beside it.
        self.lock = threading.Lock()
        self.background: Counter[str] | None = None
        self.offices: dict[str, list[offices.OfficeFinding]] | None = None  # by event
        self.events: dict[tuple[str, int], EventAnalysis] = {}


_CACHE: dict[int, _PerCorpus] = {}
_CACHE_LOCK = threading.Lock()


def _entry(corpus: Corpus) -> _PerCorpus:
    with _CACHE_LOCK:
        hit = _CACHE.get(id(corpus))
        if hit is None or hit.corpus is not corpus:
            if len(_CACHE) >= _KEEP_CORPORA:
                _CACHE.pop(next(iter(_CACHE)))
            hit = _CACHE[id(corpus)] = _PerCorpus(corpus)
        return hit


def _offices_by_event(corpus: Corpus) -> dict[str, list[offices.OfficeFinding]]:
    """Each event's title findings (offices.on_event), the corpus's findings read once."""
    out: dict[str, list[offices.OfficeFinding]] = {}
    for finding in offices.find(corpus):
        events = {e for m in (finding.a, finding.b) for c in m.claims if c in corpus.claims
                  for e in corpus.claims[c].events}
        for event_id in events:
            out.setdefault(event_id, []).append(finding)
    return out


def analyse(corpus: Corpus, event_id: str, lexicon: Lexicon | None = None,
            between: Callable[[], object] | None = None) -> EventAnalysis:
    """The event's findings, title disagreements, framing and lexicon uses (memoised).
    ``between``: called now and then during the corpus-wide part (framing.background_counts)."""
    entry = _entry(corpus)
    key = (event_id, id(lexicon))
    cached = entry.events.get(key)
    if cached is not None:
        return cached
    with entry.lock:
        if entry.background is None:
            entry.background = background_counts(corpus, between)
        if entry.offices is None:
            entry.offices = _offices_by_event(corpus)
    found = event_sentences(corpus, event_id)  # for the framing and the lexicon both
    result = EventAnalysis(
        event=event_id,
        findings=dis.for_event(corpus, event_id),
        offices=tuple(entry.offices.get(event_id, ())),
        attributions=tuple(attribution.for_event(corpus, event_id)),
        framing=distinctive_terms(corpus, event_id, background=entry.background, found=found),
        lexicon_hits=tuple(event_hits(lexicon, corpus, event_id, found)) if lexicon else (),
    )
    entry.events[key] = result
    return result
