"""Events for suggested claims: storylines (storylines.py) told by several sources, each with
a kind of happening, a year, a title and actors, linked to curated events first; and beside
them happenings (frames.py: one happening word in one month, told by several sources), each
titled by who did what.

A storyline's kind of happening is the one its claims name most (lexicon.HAPPENINGS), its year
the one its claims' own dates give most.  An event already in events.yaml whose title, summary
and actors are like the storyline's words, and whose years hold a date of its claims, is used
rather than a new one (_links), each by one storyline at most.  Titles and summaries are
titles.py's.  A group of one claim is no event to propose (it links no sources), unless it
is linked to a curated event.  An event's actors are its claims' most named, less words that
the briefing never capitalises inside a sentence ("Together we can...", "Selon lui") and
the days and months, a short form folded into the full name it shortens ("Halvard" into
"Halvard Foods"); its date runs from its claims' first date of its period to their last.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from briefing.model import Event
from briefing.suggest.claims import Proposal
from briefing.suggest.frames import Frame, frames, happening_groups
from briefing.suggest.lexicon import BUSINESS_HEADS, MONTH_NAMES, WEEKDAYS
from briefing.suggest.names import slug
from briefing.suggest.storylines import LINK, storylines
from briefing.suggest.titles import alike_titles, summary_of, title_of as _title_of

__all__ = ["Group", "actors_of", "cluster", "event_id", "group", "span_of", "summary_of",
           "title_of"]

HAPPENINGS_ON = True  # happenings beside the storylines (frames.py; measured in docs/benchmarks.md)
# A storyline holding claims of this many happenings, with a main month (this share of its
# dated claims), keeps only the happening claims of that month (one_happening_each).
MIXED_HAPPENINGS = 3
MAIN_MONTH_SHARE = 0.3

@dataclass(slots=True)
class Group:
    cls: str
    period: str | None  # YYYY or YYYY-MM
    claims: list[Proposal] = field(default_factory=list)
    terms: Counter = field(default_factory=Counter)
    existing: Event | None = None
    id: str = ""
    salient: list[str] = field(default_factory=list)  # its actors, most telling first
    heads: list[str] = field(default_factory=list)  # a happening's (frames.py): what happened
    title: str = ""  # set by cluster (titles.py), each group knowing the others
    not_names: frozenset[str] = frozenset()  # capitalised words of the briefing that are no names

    def add(self, p: Proposal) -> None:
        self.claims.append(p)
        self.terms.update(p.terms)


def group(proposals: list[Proposal], existing: list[Event],
          published: dict[str, str | None] | None = None) -> list[Group]:
    """Events for the proposals (each Group lists its claims); ``existing`` curated events
    are linked where they fit (Group.existing); ``published``: article id -> its date."""
    out = cluster(proposals, published)
    if existing:
        # One storyline per curated event, the most like it first: an event a reviewer
        # accepted from one storyline must not swallow the others that name its actors.
        # Storylines first (as before happenings were proposed), then happenings take the
        # curated events no storyline took.
        idf = _idf(proposals)
        taken: set[int] = set()
        for happening in (False, True):
            pairs = sorted(((score, n, k) for n, g in enumerate(out) if bool(g.heads) == happening
                            for score, k in _links(g, existing, idf)), reverse=True)
            for _, n, k in pairs:
                if out[n].existing is None and k not in taken:
                    out[n].existing = existing[k]
                    taken.add(k)
    return [g for g in out if len(g.claims) > 1 or g.existing is not None]


def cluster(proposals: list[Proposal],
            published: dict[str, str | None] | None = None) -> list[Group]:
    """One Group a storyline, in reading order of their first claims, then one a happening
    (frames.py) several sources tell, in order of month."""
    not_names = _not_names(proposals)
    named = Counter(a for p in proposals for a in set(p.actors) if a not in not_names)
    out = []
    lines = storylines(proposals, published)
    told: list[tuple[list[str], str, list[int]]] = []
    if HAPPENINGS_ON:
        frames_ = frames(proposals, published)
        told = happening_groups(proposals, frames_, {tuple(m) for m in lines})
        lines = one_happening_each(lines, told, frames_)
    for members in lines:
        if not members:
            continue
        claims = [proposals[i] for i in members]
        kinds = Counter(t for p in claims for t in p.triggers)
        years = Counter(y for p in claims for y in {d.value[:4] for d, _ in p.dates})
        g = Group(_most(kinds) or "happening", _most(years), not_names=not_names)
        for p in claims:
            g.add(p)
        g.salient = _salient(claims, named, len(proposals))
        out.append(g)
    for heads, month, members in told:
        g = Group(heads[0], month, heads=heads, not_names=not_names)
        for i in members:
            g.add(proposals[i])
        g.salient = _salient(g.claims, named, len(proposals))
        out.append(g)
    _title(out)
    return out


def _title(groups: list[Group]) -> None:
    """Each group's title (titles.py), happenings first: a storyline is not titled like a
    group sharing its claims titled before it (the two would read alike side by side,
    "Halvard Foods agreed to buy Brennick Markets"), nor by a happening such a happening
    event is titled by."""
    holding: dict[int, list[Group]] = {}
    order = [g for g in groups if g.heads] + [g for g in groups if not g.heads]
    for g in order:
        g.title = _title_of(g)
        if not g.heads:
            sharing = {id(h): h for p in g.claims for h in holding.get(id(p), [])}
            alike = [h for h in sharing.values() if alike_titles(h.title, g.title)]
            if alike:
                g.title = _title_of(g, frozenset(x for h in alike for x in h.heads),
                                    tuple(h.title for h in alike))
        for p in g.claims:
            holding.setdefault(id(p), []).append(g)


def title_of(g: Group) -> str:
    """The group's title: the one cluster gave it, else titles.title_of's."""
    return g.title or _title_of(g)


def one_happening_each(lines: list[list[int]], told: list[tuple[list[str], str, list[int]]],
                       frames_: list[Frame]) -> list[list[int]]:
    """The storylines' claims less those that name, in their own words, a happening of
    another month than their storyline's: one happening is one event.

    Only for a storyline holding claims of MIXED_HAPPENINGS or more happenings (``told``:
    happening_groups) whose most given month (frames.Frame.month) is that of at least
    MAIN_MONTH_SHARE of its dated claims: it tells one happening and recalls others ("the
    takeover, agreed in January", "approved in March" in a storyline of the August
    clearance), and each of those is an event of its own already.  A storyline of many
    months and no main one (a matter told over years) keeps its claims: the happenings
    are its steps.  A claim's happening is the one holding it (a claim has one month, and
    happenings of one month that share a claim are one)."""
    happening_of: dict[int, int] = {}
    for n, (_, _, held) in enumerate(told):
        for i in held:
            if frames_[i].own:
                happening_of.setdefault(i, n)
    out = []
    for members in lines:
        out.append(members)
        if len({happening_of[i] for i in members if i in happening_of}) < MIXED_HAPPENINGS:
            continue
        months = Counter(frames_[i].month for i in members if frames_[i].month)
        main = _most(months)
        if main is None or months[main] < MAIN_MONTH_SHARE * sum(months.values()):
            continue
        out[-1] = [i for i in members if i not in happening_of or told[happening_of[i]][1] == main]
    return out


def _salient(claims: list[Proposal], named: Counter, n: int) -> list[str]:
    """The storyline's actors, the most telling first: named by many of its claims and few
    others (tf-idf), so that "CSTO" titles a storyline about it rather than the country every
    storyline names."""
    here = Counter(a for p in claims for a in set(p.actors) if a in named)
    score = {a: c * math.log((n + 1) / named[a]) for a, c in here.items()}
    return sorted(score, key=lambda a: (-score[a], a))


def _most(counts: Counter) -> str | None:
    """The most frequent key; the first in sorted order among equals (stable across runs)."""
    if not counts:
        return None
    top = max(counts.values())
    return min(k for k, n in counts.items() if n == top)


def _idf(proposals: list[Proposal]) -> dict[str, float]:
    df = Counter(t for p in proposals for t in p.terms)
    n = len(proposals) + 1
    return {t: math.log(n / c) for t, c in df.items()}


_WORD = re.compile(r"[^\W\d_][\w\-]{3,}")


def _years(e: Event) -> tuple[int, int] | None:
    if not e.date:
        return None
    return int(e.date[:4]), int((e.end or e.date)[:4])


def _links(g: Group, events: list[Event], idf: dict[str, float]) -> list[tuple[float, int]]:
    """(score, index) of the curated events the storyline may tell: those whose title,
    summary and actors are like the storyline's words (cosine of tf-idf weights >= LINK),
    among those whose years (give or take one: sources tell the run-up and the aftermath)
    hold a date of its claims."""
    profile = {t: n * idf.get(t, 0.0) for t, n in g.terms.items()}
    norm = math.sqrt(sum(w * w for w in profile.values())) or 1.0
    years = {int(d.value[:4]) for p in g.claims for d, _ in p.dates}
    out = []
    for k, e in enumerate(events):
        span = _years(e)
        if span and years and not any(span[0] - 1 <= y <= span[1] + 1 for y in years):
            continue
        words = set(_WORD.findall(f"{e.title} {e.summary}".lower())) | {a.lower() for a in e.actors}
        weights = {t: idf[t] for t in words if t in idf}
        if not weights:
            continue
        score = sum(w * profile.get(t, 0.0) for t, w in weights.items())
        score /= norm * math.sqrt(sum(w * w for w in weights.values()))
        if score > LINK:
            out.append((score, k))
    return out


def event_id(g: Group) -> str:
    top = g.salient[0] if g.salient else ""
    parts = [g.cls] + ([top] if top else []) + ([g.period] if g.period else [])
    return slug("-".join(parts))


_DAYS_AND_MONTHS = frozenset(WEEKDAYS + MONTH_NAMES)
_CAPITALISED = re.compile(r"\b[A-Z][\w\-]*")  # "Nagorno-Karabakh" whole
_SENTENCE_END = re.compile(r"(?:^|[.!?:;•|\n])[\s\"“”‘’'(\[*_-]*$")
# A full stop that ends a title or an initial, not a sentence ("Mr. Brandt", "St. Kilda").
_ABBREVIATION = re.compile(r"\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Gov|Prof|Rep|Sgt|Col|Lt|Capt|Mt|Jr|"
                           r"Sr|[A-Z])\.\s*$")
# A day or month used as one: after "in", "on", "last", a number or a dash, or before one.
_DATE_BEFORE = re.compile(r"(?:\b(?:in|on|by|since|until|till|from|to|of|last|next|early|late|"
                          r"mid|this|each|every|through|between|and)\s+|\d\s*|-)$", re.IGNORECASE)
_DATE_AFTER = re.compile(r"\s*,?\s*\d")


def _not_names(proposals: list[Proposal]) -> frozenset[str]:
    """One-word actors that are no names: days and months used as dates, and words that the
    paragraphs holding the claims capitalise only at the start of a sentence, a line or a table cell
    ("Together we can...", "Selon lui", "Region | Cases"): a name is capitalised where it
    stands, and a briefing names its actors mid-sentence somewhere."""
    single = {a for p in proposals for a in p.actors if " " not in a and not a.isupper()}
    if not single:
        return frozenset()
    inside: set[str] = set()
    seen: set[str] = set()
    for p in proposals:
        if p.paragraph.id in seen:
            continue
        seen.add(p.paragraph.id)
        text = p.paragraph.text
        for m in _CAPITALISED.finditer(text):
            word = m.group()
            if word not in single or word in inside:
                continue
            before = text[max(0, m.start() - 12):m.start()]
            if _SENTENCE_END.search(before[-8:]) and not _ABBREVIATION.search(before):
                continue
            if word.lower() in _DAYS_AND_MONTHS and (
                    _DATE_BEFORE.search(before) or _DATE_AFTER.match(text, m.end())):
                continue  # "in May", "May 3": a date, not Theresa May
            inside.add(word)
    return frozenset(a for a in single if a not in inside)


def actors_of(g: Group, limit: int = 6) -> list[str]:
    """The event's actors, the most named by its claims first: no word that is no name
    (_not_names); a short form ("Halvard", "Farmers' Association") counted with the full
    name holding its words ("Halvard Foods", "Dairy Farmers' Association")."""
    counts = Counter(a for p in g.claims for a in p.actors if a not in g.not_names)
    words = {a: set(a.split()) for a in counts}
    for a in sorted(counts, key=lambda a: (len(words[a]), a)):
        longer = [b for b in counts if b != a and words[a] < words[b]]
        if len(longer) == 1 and _short_form(a, longer[0]):  # of one name only
            counts[longer[0]] += counts.pop(a)
    return [a for a, _ in counts.most_common(limit)]


_FIRM_WORDS = BUSINESS_HEADS | {"group", "company", "corporation", "companies"}


def _short_form(short: str, name: str) -> bool:
    """Whether a source writing ``short`` means ``name``: its tail ("Farmers' Association"
    for "Dairy Farmers' Association", "Azerbaijan" for "Republic of Azerbaijan"), or its
    head before a firm's word ("Halvard" for "Halvard Foods"); "Russia" is not "Russia
    Today"."""
    if name.endswith(" " + short):
        return True
    rest = name[len(short):].split() if name.startswith(short + " ") else []
    return bool(rest) and all(w.lower() in _FIRM_WORDS for w in rest)


def span_of(g: Group) -> tuple[str | None, str | None]:
    """The event's date and end: its claims' first and last dates of its period, an end
    only where it is not within the date ("2026-03" to "2026-08-21"; "2026" to "2026-08" is
    the year itself); the period alone when no claim gives a date in it."""
    dates = sorted(d.value for p in g.claims for d, _ in p.dates
                   if g.period and d.value.startswith(g.period))
    if not dates:
        return g.period, None
    first, last = dates[0], dates[-1]
    return first, (last if not last.startswith(first) else None)
