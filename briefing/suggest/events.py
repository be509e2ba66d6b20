"""Group claims from different sources into events, linking to curated events first.

A claim names a happening (a war, a ceasefire, a summit: lexicon.HAPPENINGS) and often a
date.  Claims naming the same kind of happening in the same month (or year, when that is all
they give) are one event.  A claim that names a happening but no date joins the event of
that kind whose actors and words it shares most.  An event already in events.yaml whose
dates cover the claim's and whose title or summary names that kind of happening (or shares
its actors) is used rather than a new one.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from briefing.loading.dates import first_day, last_day
from briefing.model import Event
from briefing.suggest.claims import Proposal
from briefing.suggest.lexicon import HAPPENINGS
from briefing.suggest.names import slug

MIN_SHARE = 0.12  # word overlap (Jaccard) for an undated claim to join an event

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

    def add(self, p: Proposal) -> None:
        self.claims.append(p)
        self.terms.update(p.terms)


def _period(p: Proposal) -> str | None:
    months = [d.value[:7] for d, _ in p.dates if len(d.value) >= 7]
    if months:
        return months[0]
    years = [d.value[:4] for d, _ in p.dates]
    return years[0] if years else None


def _share(p: Proposal, g: Group) -> float:
    if not p.terms or not g.terms:
        return 0.0
    common = sum(1 for t in p.terms if t in g.terms)
    return common / len(p.terms | set(g.terms))


def group(proposals: list[Proposal], existing: list[Event]) -> list[Group]:
    groups: dict[tuple[str, str | None], Group] = {}
    dated = [p for p in proposals if p.triggers and _period(p)]
    for p in sorted(dated, key=lambda p: -len(_period(p) or "")):
        period = _period(p) or ""
        cls = p.triggers[0] if len(p.triggers) == 1 else _nearest_trigger(p)
        key = (cls, period)
        if len(period) == 4:  # a year: the month-precise event of that year, if only one
            months = [g for (c, per), g in groups.items() if c == cls and per and per[:4] == period]
            if len(months) == 1:
                months[0].add(p)
                continue
        groups.setdefault(key, Group(cls, period)).add(p)
    by_cls: dict[str, list[Group]] = {}
    for g in groups.values():
        by_cls.setdefault(g.cls, []).append(g)
    for p in proposals:
        if p in dated or not p.triggers:
            continue
        best, score = None, MIN_SHARE
        for cls in p.triggers:
            for g in by_cls.get(cls, []):
                s = _share(p, g)
                if s > score:
                    best, score = g, s
        if best is not None:
            best.add(p)
    out = [g for g in groups.values()]
    for g in out:
        g.existing = _link(g, existing)
    return out


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
    noun = words.most_common(1)[0][0] if words else _TITLES.get(g.cls, g.cls)
    title = f"{' and '.join(top)} {noun}".strip() if top else noun
    title = title[:1].upper() + title[1:]
    return f"{title}, {g.period}" if g.period else title


def event_id(g: Group) -> str:
    actors = Counter(a for p in g.claims for a in p.actors)
    top = actors.most_common(1)[0][0] if actors else ""
    parts = [g.cls] + ([top] if top else []) + ([g.period] if g.period else [])
    return slug("-".join(parts))
