"""Events for suggested claims: storylines (storylines.py) told by several sources, each with
a kind of happening, a year, a title and actors, linked to curated events first; and beside
them happenings (frames.py: one happening word in one month, told by several sources), each
titled by who did what.

A storyline's kind of happening is the one its claims name most (lexicon.HAPPENINGS), its year
the one its claims' own dates give most.  An event already in events.yaml whose title, summary
and actors are like the storyline's words, and whose years hold a date of its claims, is used
rather than a new one (_links), each by one storyline at most.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from briefing.model import Event
from briefing.suggest import happenings
from briefing.suggest.claims import Proposal
from briefing.suggest.frames import Frame, frames, happening_groups, who_did_what
from briefing.suggest.lexicon import HAPPENINGS
from briefing.suggest.names import slug
from briefing.suggest.storylines import LINK, storylines

HAPPENINGS_ON = True  # happenings beside the storylines (frames.py; measured in docs/benchmarks.md)
# A storyline holding claims of this many happenings, with a main month (this share of its
# dated claims), keeps only the happening claims of that month (one_happening_each).
MIXED_HAPPENINGS = 3
MAIN_MONTH_SHARE = 0.3

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
    salient: list[str] = field(default_factory=list)  # its actors, most telling first
    heads: list[str] = field(default_factory=list)  # a happening's (frames.py): what happened

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
    return out


def cluster(proposals: list[Proposal],
            published: dict[str, str | None] | None = None) -> list[Group]:
    """One Group a storyline, in reading order of their first claims, then one a happening
    (frames.py) several sources tell, in order of month."""
    named = Counter(a for p in proposals for a in set(p.actors))
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
        g = Group(_most(kinds) or "happening", _most(years))
        for p in claims:
            g.add(p)
        g.salient = _salient(claims, named, len(proposals))
        out.append(g)
    for heads, month, members in told:
        g = Group(heads[0], month, heads=heads)
        for i in members:
            g.add(proposals[i])
        g.salient = _salient(g.claims, named, len(proposals))
        out.append(g)
    return out


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
    here = Counter(a for p in claims for a in set(p.actors))
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


def title_of(g: Group) -> str:
    if g.heads:
        return _happening_title(g)
    top = g.salient[:2]
    words = Counter(w for p in g.claims for w in re.findall(r"[a-z][\w\-]+", p.quote.lower())
                    if HAPPENINGS.get(w) == g.cls)
    if g.cls == "happening" and g.claims:
        # No word says what happened: actors alone made titles such as "Events" or
        # "Garden"; the opening words of its most telling claim say what it is about.
        title = _opening(_most_telling(g).quote)
        return f"{title}, {g.period}" if g.period else title
    noun = words.most_common(1)[0][0] if words else _TITLES.get(g.cls, g.cls)
    title = f"{' and '.join(top)} {noun}".strip() if top else noun
    title = title[:1].upper() + title[1:]
    return f"{title}, {g.period}" if g.period else title


def _happening_title(g: Group) -> str:
    """Who did what, in a source's words ("The Competition Authority cleared Halvard's
    takeover of Brennick, 2026-08"): from the first claim naming the happening itself,
    those giving its month themselves first; else its actors and the word most used for it."""
    own = [p for p in g.claims if happenings.heads(p.quote) & set(g.heads)]
    own.sort(key=lambda p: p.anchored)  # stable: reading order among equals
    for p in own:
        text = who_did_what(p, g.heads)
        if text:
            return f"{text}, {g.period}" if g.period else text
    words = Counter(w for p in own for w in re.findall(r"[a-z][\w\-]+", p.quote.lower())
                    if happenings.head_of(w) in g.heads)
    noun = _most(words) or g.cls
    top = g.salient[:2]
    title = f"{' and '.join(top)} {noun}".strip() if top else noun
    title = title[:1].upper() + title[1:]
    return f"{title}, {g.period}" if g.period else title


def _most_telling(g: Group) -> Proposal:
    """The claim sharing the most words with the other sources' claims.  Each word counts the
    other articles using it, so the cost grows with the claims' words, not with their pairs
    (a storyline can hold thousands of claims)."""
    users: dict[str, set[str]] = {}
    for p in g.claims:
        for t in p.terms:
            users.setdefault(t, set()).add(p.article_id)

    def shared(p: Proposal) -> float:
        if not p.terms:
            return 0.0
        return sum(len(users[t]) - 1 for t in p.terms) / math.sqrt(len(p.terms))

    return max(enumerate(g.claims), key=lambda ip: (shared(ip[1]), ip[1].confidence, -ip[0]))[1]


def _opening(quote: str, words: int = 10) -> str:
    """The first ``words`` words of a quote, cut at a word with "…" when longer."""
    split = quote.strip("“”\"' ").split()
    text = " ".join(split[:words]).rstrip(",;:")
    text = text[:1].upper() + text[1:]
    return text + "…" if len(split) > words else text.rstrip(".")


def summary_of(g: Group, limit: int = 200) -> str:
    """What the event is about, in a source's own words: the quote of its most telling claim
    (a bag of actors and a happening word makes a title, not a description a reviewer can
    check), with the article it is from."""
    if not g.claims:
        return ""
    best = _most_telling(g)
    quote = " ".join(best.quote.split())
    if len(quote) > limit:
        quote = quote[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return f"“{quote}” ({best.article_id})"


def event_id(g: Group) -> str:
    top = g.salient[0] if g.salient else ""
    parts = [g.cls] + ([top] if top else []) + ([g.period] if g.period else [])
    return slug("-".join(parts))
