"""Group claims from different sources into events, linking to curated events first.

A claim names a happening (a war, a ceasefire, a summit: lexicon.HAPPENINGS) and often a
date.  Claims naming the same kind of happening in the same year are one event (sources date
one happening by day, month or year); a dated claim naming no happening joins an event of
that year sharing an actor, or starts one for its month.  Groups of one kind whose words are
alike merge.  A claim without a dated happening joins the event whose words (idf-weighted)
it shares most, if enough; one still without an event takes that of the nearest claim of its
paragraph sharing an actor.  An event already in events.yaml whose
dates cover the claim's and whose title or summary names that kind of happening (or shares
its actors) is used rather than a new one.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from itertools import islice
from dataclasses import dataclass, field

from briefing.loading.dates import first_day, last_day
from briefing.model import Event
from briefing.suggest.claims import Proposal
from briefing.suggest.lexicon import HAPPENINGS
from briefing.suggest.names import slug

CONTEXT = 1.0  # weight of the paragraph's words beside the claim's own
TRIGGER_WEIGHT = 1.0  # weight of a kind of happening named (a word weighs its idf, log(n/df))
JOIN = 0.2  # cosine (plus TRIGGER_BONUS) for a claim to join an event rather than start one
SECOND = 0.3  # ... to join a second event whose kind of happening it names
TRIGGER_BONUS = 0.1  # added when the claim names the event's kind of happening
YEAR_SLACK = 1  # years either side of an event's dates a claim may be dated and join it
KEY_TERMS = 20  # terms of a claim used to find the events it may join
POSTING = 20  # events remembered per term to find candidates
CANDIDATES = 10  # events scored for each claim

_TITLES = {
    "war": "War", "attack": "Offensive", "ceasefire": "Ceasefire", "agreement": "Agreement",
    "meeting": "Talks", "mission": "Mission", "blockade": "Blockade", "election": "Election",
    "protest": "Protests", "sanctions": "Sanctions", "resolution": "Resolution",
    "membership": "Membership", "founding": "Founding", "strike": "Strike",
}


@dataclass(slots=True)
class Group:
    cls: str
    period: str | None  # YYYY or YYYY-MM
    claims: list[Proposal] = field(default_factory=list)
    terms: Counter = field(default_factory=Counter)
    existing: Event | None = None
    id: str = ""

    def actors(self) -> set[str]:
        return {a for p in self.claims for a in p.actors}

    def add(self, p: Proposal) -> None:
        self.claims.append(p)
        self.terms.update(p.terms)


def _period(p: Proposal) -> str | None:
    """The time bucket of a claim's happening (PERIOD_LENGTH characters of its first date)."""
    return p.dates[0][0].value[:PERIOD_LENGTH] if p.dates else None


def group(proposals: list[Proposal], existing: list[Event]) -> list[Group]:
    """Events for the proposals (each Group lists its claims); ``existing`` curated events
    are linked where they fit (Group.existing)."""
    out = cluster(proposals)
    for g in out:
        g.existing = _link(g, existing)
    return out


def _year(when: str | None) -> int | None:
    return int(when[:4]) if when else None


def _idf(everything: list[Proposal]) -> dict[str, float]:
    df: Counter = Counter(t for p in everything for t in p.terms)
    n = len(everything) or 1
    return {t: math.log(n / c) for t, c in df.items()}


def features(proposals: list[Proposal]) -> list[dict[str, float]]:
    """One vector a claim: its salient words and actors (tf-idf), the kinds of happening
    it names, plus (weighted by CONTEXT) those of its paragraph, since a paragraph keeps to
    one happening more often than not; normalised to length 1."""
    idf = _idf(proposals)
    own: list[Counter] = []
    by_para: dict[str, Counter] = {}
    for p in proposals:
        c: Counter = Counter({t: idf.get(t, 0.0) for t in p.terms})
        for cls in p.triggers:
            c["#" + cls] += TRIGGER_WEIGHT
        own.append(c)
        by_para.setdefault(p.paragraph.id, Counter()).update(c)
    out = []
    for p, c in zip(proposals, own):
        v = Counter({t: w * CONTEXT for t, w in by_para[p.paragraph.id].items()})
        v.update(c)
        norm = math.sqrt(sum(w * w for w in v.values())) or 1.0
        out.append({t: w / norm for t, w in sorted(v.items(), key=lambda x: -x[1]) if w > 0})
    return out


@dataclass(slots=True)
class _Cluster:
    members: list[int] = field(default_factory=list)
    centroid: dict[str, float] = field(default_factory=dict)  # sum of member vectors
    square: float = 0.0  # squared length of the centroid, kept as members are added
    years: Counter = field(default_factory=Counter)
    triggers: Counter = field(default_factory=Counter)

    def add(self, i: int, vec: dict[str, float], p: Proposal) -> None:
        self.members.append(i)
        for t, w in vec.items():
            old = self.centroid.get(t, 0.0)
            self.centroid[t] = old + w
            self.square += (old + w) ** 2 - old * old
        if p.when:
            self.years[_year(p.when)] += 1
        self.triggers.update(p.triggers)

    def cosine(self, vec: dict[str, float]) -> float:
        norm = math.sqrt(self.square) or 1.0
        get = self.centroid.get
        return sum(w * get(t, 0.0) for t, w in vec.items()) / norm


def _keys(vec: dict[str, float]) -> list[str]:
    """The heaviest terms of a vector: events sharing none of them are not scored."""
    return list(islice(vec, KEY_TERMS))  # features() orders a vector heaviest first


def _candidates(vec: dict[str, float], index: dict[str, list[int]]) -> list[int]:
    """The events sharing most of a claim's key terms (the latest POSTING events per term):
    scoring every event would make a large briefing quadratic."""
    shared: Counter = Counter()
    for t in _keys(vec):
        shared.update(index.get(t, [])[-POSTING:])
    return [k for k, _ in shared.most_common(CANDIDATES)]


def _index(index: dict[str, list[int]], vec: dict[str, float], k: int) -> None:
    for t in _keys(vec):
        posting = index.setdefault(t, [])
        if not posting or posting[-1] != k:
            if k in posting:
                posting.remove(k)
            posting.append(k)


def compatible_time(year: int | None, years: Counter) -> bool:
    """A happening dated to year Y fits an event whose claims are dated within a year of it
    (sources date one happening by day, month or year, and tell its run-up and aftermath)."""
    if year is None or not years:
        return True
    return min(years) - YEAR_SLACK <= year <= max(years) + YEAR_SLACK


def _score(c: _Cluster, vec: dict[str, float], p: Proposal) -> float:
    if not compatible_time(_year(p.when), c.years):
        return 0.0
    score = c.cosine(vec)
    if any(t in c.triggers for t in p.triggers):
        score += TRIGGER_BONUS
    return score


def cluster(proposals: list[Proposal]) -> list[Group]:
    """Claims into events: each claim joins the event it fits best (words, actors, kind of
    happening, compatible time), or starts one; claims naming a dated happening go first so
    that events start from concrete happenings.  A claim also joins a second event whose kind
    of happening it names when it fits that one nearly as well (a claim mentioning two)."""
    vecs = features(proposals)
    order = sorted(range(len(proposals)),
                   key=lambda i: (not proposals[i].triggers, proposals[i].when is None))
    clusters: list[_Cluster] = []
    index: dict[str, list[int]] = {}
    assigned: dict[int, int] = {}
    for i in order:
        p, vec = proposals[i], vecs[i]
        cands = _candidates(vec, index)
        scored = sorted(((_score(clusters[k], vec, p), k) for k in cands), reverse=True)
        if scored and scored[0][0] >= JOIN:
            k = scored[0][1]
        else:
            k = len(clusters)
            clusters.append(_Cluster())
        clusters[k].add(i, vec, p)
        assigned[i] = k
        _index(index, vec, k)
    extra: dict[int, list[int]] = {}
    for i, p in enumerate(proposals):
        if not p.triggers:
            continue
        vec = vecs[i]
        for k in _candidates(vec, index):
            if k == assigned[i]:
                continue
            c = clusters[k]
            if any(t in c.triggers for t in p.triggers) and _score(c, vec, p) >= SECOND:
                extra.setdefault(i, []).append(k)
    groups: list[Group] = []
    for k, c in enumerate(clusters):
        cls = c.triggers.most_common(1)[0][0] if c.triggers else "happening"
        year = c.years.most_common(1)[0][0] if c.years else None
        g = Group(cls, str(year) if year else None)
        for i in c.members:
            g.add(proposals[i])
        groups.append(g)
    for i, ks in extra.items():
        for k in ks:
            groups[k].add(proposals[i])
    return [g for g in groups if g.claims]


def _nearest_trigger(p: Proposal) -> str:
    text = p.quote.lower()
    dpos = min((d.start for d, _ in p.dates), default=0)
    best = None
    for m in re.finditer(r"[a-z][\w\-]+", text):
        cls = HAPPENINGS.get(m.group())
        if cls and (best is None or abs(m.start() - dpos) < best[0]):
            best = (abs(m.start() - dpos), cls)
    return best[1] if best else p.triggers[0]


def _link(g: Group, events: list[Event]) -> Event | None:
    best, best_score = None, 0.0
    actors = Counter(a for p in g.claims for a in p.actors)
    for e in events:
        if g.period and e.date:
            end = e.end or e.date
            if last_day(g.period) < first_day(e.date) or first_day(g.period) > last_day(end):
                continue
        elif g.period or e.date:
            continue
        words = set(re.findall(r"[a-z][\w\-]+", f"{e.title} {e.summary}".lower()))
        named = any(HAPPENINGS.get(w) == g.cls for w in words)
        shared = sum(1 for a in e.actors if a in actors)
        score = (2.0 if named else 0.0) + shared / max(1, len(e.actors))
        if named and score > best_score:
            best, best_score = e, score
    return best


def title_of(g: Group) -> str:
    actors = Counter(a for p in g.claims for a in p.actors)
    top = [a for a, _ in actors.most_common(2)]
    words = Counter(w for p in g.claims for w in re.findall(r"[a-z][\w\-]+", p.quote.lower())
                    if HAPPENINGS.get(w) == g.cls)
    if g.cls == "happening":  # dated, but no word says what happened
        return f"{', '.join(top) or 'Events'}: {g.period}" if g.period else ", ".join(top) or "Events"
    noun = words.most_common(1)[0][0] if words else _TITLES.get(g.cls, g.cls)
    title = f"{' and '.join(top)} {noun}".strip() if top else noun
    title = title[:1].upper() + title[1:]
    return f"{title}, {g.period}" if g.period else title


def event_id(g: Group) -> str:
    actors = Counter(a for p in g.claims for a in p.actors)
    top = actors.most_common(1)[0][0] if actors else ""
    parts = [g.cls] + ([top] if top else []) + ([g.period] if g.period else [])
    return slug("-".join(parts))
