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
from dataclasses import dataclass, field

from briefing.loading.dates import first_day, last_day
from briefing.model import Event
from briefing.suggest.claims import Proposal
from briefing.suggest.lexicon import HAPPENINGS
from briefing.suggest.names import slug

PERIOD_LENGTH = 4  # events are bucketed by year: sources date one happening by day, month or year
SIMILARITY = 0.2  # cosine (idf-weighted words) for a claim to join an event
MERGE_SAME = 0.4  # cosine between two groups of one kind of happening that makes them one
MERGE_OTHER = 0.5  # ... of two kinds
TRIGGER_BONUS = 0.1  # added when the claim names the event's kind of happening

_TITLES = {
    "war": "War", "attack": "Offensive", "ceasefire": "Ceasefire", "agreement": "Agreement",
    "meeting": "Talks", "mission": "Mission", "blockade": "Blockade", "election": "Election",
    "protest": "Protests", "sanctions": "Sanctions", "resolution": "Resolution",
    "membership": "Membership", "founding": "Founding",
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
    out = _group_by_happening(proposals)
    for g in out:
        g.existing = _link(g, existing)
    return out


def _group_by_happening(proposals: list[Proposal]) -> list[Group]:
    groups: dict[tuple[str, str | None], Group] = {}
    # A dated happening; a claim naming none but giving a day or month is a happening too.
    dated = [p for p in proposals if p.dates and (p.triggers or len(p.dates[0][0].value) >= 7)]
    for p in sorted(dated, key=lambda p: (not p.triggers, -len(_period(p) or ""))):
        period = _period(p) or ""
        if not p.triggers:
            same = [g for g in groups.values() if g.period and g.period[:4] == period[:4]
                    and any(a in g.actors() for a in p.actors)]
            if same:  # "troops entered X on 14 March" beside "the deployment in X, March"
                max(same, key=lambda g: len(g.claims)).add(p)
                continue
            period = p.dates[0][0].value[:7]
        cls = (p.triggers[0] if len(p.triggers) == 1 else _nearest_trigger(p)) if p.triggers else "happening"
        key = (cls, period)
        if len(period) == 4:  # a year: the month-precise event of that year, if only one
            months = [g for (c, per), g in groups.items() if c == cls and per and per[:4] == period]
            if len(months) == 1:
                months[0].add(p)
                continue
        groups.setdefault(key, Group(cls, period)).add(p)
    out = _merge_similar(list(groups.values()), proposals)
    in_groups = {id(p) for g in out for p in g.claims}
    _attach_similar([p for p in proposals if id(p) not in in_groups], out, proposals)
    _attach_neighbours(proposals, out)
    return out


def _idf(everything: list[Proposal]) -> dict[str, float]:
    df: Counter = Counter(t for p in everything for t in p.terms)
    n = len(everything) or 1
    return {t: math.log(n / c) for t, c in df.items()}


def _vector(terms: Counter, idf: dict[str, float]) -> tuple[dict[str, float], float]:
    vec = {t: c * idf.get(t, 0.0) for t, c in terms.items()}
    return vec, math.sqrt(sum(v * v for v in vec.values())) or 1.0


def _merge_similar(groups: list[Group], everything: list[Proposal]) -> list[Group]:
    """Groups of one kind of happening whose words are alike are one event told with
    different dates (a mission "decided in January", "deployed in February", "since 2022")."""
    idf = _idf(everything)
    groups.sort(key=lambda g: -len(g.claims))
    kept: list[tuple[Group, dict[str, float], float]] = []
    for g in groups:
        vec, norm = _vector(g.terms, idf)
        best, best_score = None, 0.0
        for k, kvec, knorm in kept:
            dot = sum(w * kvec.get(t, 0.0) for t, w in vec.items())
            score = dot / (norm * knorm)
            need = MERGE_SAME if k.cls == g.cls else MERGE_OTHER
            if score >= need and score > best_score:
                best, best_score = k, score
        if best is None:
            kept.append((g, vec, norm))
        else:
            for p in g.claims:
                best.add(p)
    return [k for k, _, _ in kept]


def _attach_similar(rest: list[Proposal], groups: list[Group], everything: list[Proposal]) -> None:
    """A claim without a dated happening joins the event whose words it shares most, weighted
    by rarity (idf), when the dates it gives do not contradict the event's."""
    idf = _idf(everything)
    index: dict[str, list[int]] = {}
    vectors = []
    for i, g in enumerate(groups):
        vec, norm = _vector(g.terms, idf)
        vectors.append((vec, norm))
        for t in vec:
            index.setdefault(t, []).append(i)
    placed: list[tuple[Proposal, Group]] = []
    for p in rest:
        pv = {t: idf.get(t, 0.0) for t in p.terms}
        pnorm = math.sqrt(sum(v * v for v in pv.values())) or 1.0
        scores: dict[int, float] = {}
        for t, w in pv.items():
            for i in index.get(t, ()):
                scores[i] = scores.get(i, 0.0) + w * vectors[i][0][t]
        period = _period(p)
        best, best_score = None, SIMILARITY
        for i, dot in scores.items():
            g = groups[i]
            score = dot / (pnorm * vectors[i][1])
            if g.cls in p.triggers:
                score += TRIGGER_BONUS
            if period and g.period and period[:4] != g.period[:4]:
                continue
            if score > best_score:
                best, best_score = g, score
        if best is not None:
            placed.append((p, best))
    for p, g in placed:  # after scoring, so the groups' words are those of dated claims
        g.add(p)


def _attach_neighbours(proposals: list[Proposal], groups: list[Group]) -> None:
    """A claim still without an event takes that of the nearest claim of its paragraph:
    a paragraph keeps to one happening more often than not."""
    member = {id(p): g for g in groups for p in g.claims}
    by_para: dict[str, list[Proposal]] = {}
    for p in proposals:
        by_para.setdefault(p.paragraph.id, []).append(p)
    for claims in by_para.values():
        for i, p in enumerate(claims):
            if id(p) in member:
                continue
            for d in range(1, len(claims)):
                near = [claims[j] for j in (i - d, i + d) if 0 <= j < len(claims)
                        and id(claims[j]) in member and set(claims[j].actors) & set(p.actors)]
                if near:
                    member[id(p)] = member[id(near[0])]
                    member[id(p)].claims.append(p)
                    break


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
        return f"{', '.join(top) or 'Events'}: {g.period}" if g.period else ", ".join(top)
    noun = words.most_common(1)[0][0] if words else _TITLES.get(g.cls, g.cls)
    title = f"{' and '.join(top)} {noun}".strip() if top else noun
    title = title[:1].upper() + title[1:]
    return f"{title}, {g.period}" if g.period else title


def event_id(g: Group) -> str:
    actors = Counter(a for p in g.claims for a in p.actors)
    top = actors.most_common(1)[0][0] if actors else ""
    parts = [g.cls] + ([top] if top else []) + ([g.period] if g.period else [])
    return slug("-".join(parts))
