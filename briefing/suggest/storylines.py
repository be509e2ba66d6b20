"""Claims into storylines: what several sources tell about one matter, found by the words
they share (story link detection over tf-idf vectors).

1. A claim is a tf-idf vector of its salient words and actors plus, at half weight, those of
   its paragraph (a claim is read in its paragraph, which keeps to one matter more often than
   not).  Only words that at least two sources use count: a word one source alone uses cannot
   link sources, and it would only dilute the rest.
2. Claims of one paragraph whose vectors are alike (cosine >= ALIKE) start as one group.
3. Groups are merged, most alike first, while their group-average similarity over pairs of
   claims from *different* sources stays >= LINK (average linkage on cross-source pairs:
   an article's own vocabulary cannot hold a storyline together, other sources must tell it
   too).  Pairs are only scored between groups sharing one of their heaviest words, so a
   large briefing is not quadratic.
4. The date of a claim's happening (happenings.when: its own first date that is not a bound,
   relative dates resolved against the article's date) is one more term of its vector, as
   its month or year and its day, so that claims giving one date are more alike.
5. A storyline whose claims give MIXED or more happening dates tells several happenings
   ("agreed in January", "approved in March", "cleared in August"): it is grouped again as in
   3, from its claims' own words (paragraph at HAPPENING_CONTEXT) and happening heads, each
   cross-source pair of claims whose dates differ in year or month taking CONFLICT off.  A
   storyline of fewer dates is kept whole: a storyline runs over months, and a claim's date
   is often that of something it recalls.  One of more than SPLIT_MAX claims is kept whole
   too (splitting it would cost about as much as grouping the rest).
6. A claim that gives no date of its own is read as news of its article's publication month
   ("#published-2025-06", at PUBLISHED_WEIGHT): reports published in one month tell the same
   current happening more often than not, and what they recall carries its own date.  The
   term counts only between sources that share a month, as any term (step 1).
Steps 4 and 5 are off by default (DATE_WEIGHT 0, MIXED None): measured in docs/benchmarks.md,
they help short labelled sets and cost recall on long articles that recall many dates.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from dataclasses import dataclass, field
from itertools import islice
from operator import itemgetter, mul

from briefing.suggest import happenings
from briefing.suggest.claims import Proposal

CONTEXT = 0.5  # weight of the paragraph's words beside the claim's own
ALIKE = 0.7  # cosine for two claims of one paragraph to start as one group
LINK = 0.1  # cross-source average cosine for two groups to merge
KEY_TERMS = 12  # heaviest words of a group used to find the groups it may merge with
COMMON = 50  # a word that is a key word of more groups than this does not select candidates
# An undated claim is read as news of its article's month: claims of sources published in one
# month that give no date of their own share that month as a term, at this weight (times its
# idf; a month every source shares, or one source alone has, weighs nothing).  Step 6.
PUBLISHED_WEIGHT = 0.7
# Signals of one happening (steps 4 and 5 of the module docstring).  Measured and not on by
# default: they help the short labelled sets and cost recall on the long ones (bundled,
# held out; docs/benchmarks.md), so DATE_WEIGHT is 0 and MIXED None (no split).
HEAD_WEIGHT = 0.5  # a happening head (happenings.heads) beside the words, times its idf
DATE_WEIGHT = 0.0  # the date of the claim's happening beside the words, times its idf (1.0)
# A storyline whose claims give MIXED or more happening dates tells several happenings: it
# is split again, on the claims' own words (paragraph at HAPPENING_CONTEXT), average
# cross-source similarity >= HAPPENING_LINK, each pair of different dates costing CONFLICT.
MIXED: int | None = None  # (5)
HAPPENING_CONTEXT = 0.25
HAPPENING_LINK = 0.05
CONFLICT = 1.0
SPLIT_MAX = 1000

Vector = dict[str, float]


def features(p: Proposal, when: str | None = None, head: float = 0.0,
             published: str | None = None) -> dict[str, float]:
    """A claim's terms (weight 1), the date of its happening ("#2026-03", and "#2026-03-18"
    for a day it gives), at weight ``head`` the happenings it names ("@approve") and, for a
    claim whose words give no date, its article's month of publication (``published``:
    "#published-2025-06", at PUBLISHED_WEIGHT)."""
    out = dict.fromkeys(p.terms, 1.0)
    if PUBLISHED_WEIGHT and published and len(published) >= 7 and not p.dates:
        out["#published-" + published[:7]] = PUBLISHED_WEIGHT
    if head:
        for h in happenings.heads(p.quote):
            out["@" + h] = head
    if when and DATE_WEIGHT:
        out["#" + when] = DATE_WEIGHT
    for d, _ in p.dates:
        if DATE_WEIGHT and len(d.value) == 10:  # a day names one happening more surely than a month
            out["#" + d.value] = DATE_WEIGHT
    return out


def shared_document_counts(proposals: list[Proposal],
                           feats: list[dict[str, float]] | None = None) -> Counter:
    """How many claims use each term, for the terms at least two sources use (every term
    when there is one source): a word one source alone uses cannot link sources."""
    feats = [dict.fromkeys(p.terms, 1.0) for p in proposals] if feats is None else feats
    df: Counter = Counter()
    sources: dict[str, set[str]] = {}
    for p, f in zip(proposals, feats):
        df.update(f.keys())
        for t in f:
            sources.setdefault(t, set()).add(p.article_id)
    needed = min(2, len({p.article_id for p in proposals}))
    return Counter({t: c for t, c in df.items() if len(sources[t]) >= needed})


def whens(proposals: list[Proposal], published: dict[str, str | None] | None = None) -> list[str | None]:
    """The date of each claim's happening (happenings.when), from its own words only."""
    published = published or {}
    return [happenings.when(p.quote, [d for d, _ in p.dates], published.get(p.article_id))
            for p in proposals]


def vectors(proposals: list[Proposal], dates: list[str | None] | None = None,
            context: float = CONTEXT, head: float = 0.0,
            only: set[int] | None = None,
            published: dict[str, str | None] | None = None) -> list[Vector]:
    """One unit-length vector a claim (see the module docstring), heaviest terms first;
    ``context``: the weight of its paragraph's terms; ``head``: of its happening heads;
    ``only``: the claims whose vectors are wanted (the others' are left empty);
    ``published``: article id -> its publication date."""
    dates = [None] * len(proposals) if dates is None else dates
    published = published or {}
    feats = [features(p, w, head, published.get(p.article_id)) for p, w in zip(proposals, dates)]
    n = len(proposals) or 1
    idf = {t: math.log(n / c) for t, c in shared_document_counts(proposals, feats).items() if c < n}
    wanted = set(range(len(proposals))) if only is None else only
    paragraphs = {proposals[i].paragraph.id for i in wanted}
    # Plain dicts summed with _add, not Counters: the same sums in the same order (so the
    # same floats), without Counter's per-call overhead, paid once per claim.
    own: dict[int, Vector] = {}
    by_para: dict[str, Vector] = {}
    for i, (p, f) in enumerate(zip(proposals, feats)):
        if p.paragraph.id not in paragraphs:
            continue
        c = {t: idf[t] * w for t, w in f.items() if t in idf}
        own[i] = c
        _add(by_para.setdefault(p.paragraph.id, {}), c)
    # the paragraph's share of each of its claims' vectors, scaled once per paragraph
    around = {pid: {t: w * context for t, w in c.items()} for pid, c in by_para.items()}
    out: list[Vector] = []
    for i, p in enumerate(proposals):
        if i not in wanted:
            out.append({})
            continue
        v = dict(around[p.paragraph.id])
        _add(v, own[i])
        norm = math.sqrt(sum(map(mul, v.values(), v.values()))) or 1.0
        out.append({t: w / norm for t, w in _heaviest_first(v)})
    return out


def _heaviest_first(v: Vector) -> list[tuple[str, float]]:
    """The terms of ``v`` by weight, heaviest first, ties in alphabetical order: two sorts
    on C-level keys (the second is stable) in place of one on a Python key function."""
    items = sorted(v.items())
    items.sort(key=itemgetter(1), reverse=True)
    return items


def dot(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    get = b.get
    return sum(w * get(t, 0.0) for t, w in a.items())


def _add(into: Vector, v: Vector) -> None:
    if not into:
        into.update(v)  # the same as adding to zeros: every weight is positive
        return
    get = into.get
    for t, w in v.items():
        into[t] = get(t, 0.0) + w


def paragraph_groups(proposals: list[Proposal], vecs: list[Vector]) -> list[list[int]]:
    """Claims of one paragraph that are alike, as lists of indexes, in reading order.

    A claim's average likeness to a group is its dot product with the sum of the group's
    vectors over the group's size: one product per group, not one per member (a paragraph
    of a thousand sentences, as a page imported without breaks has, made this quadratic)."""
    by_para: dict[str, list[tuple[list[int], Vector]]] = {}
    out: list[list[int]] = []
    for i, p in enumerate(proposals):
        groups = by_para.setdefault(p.paragraph.id, [])
        best, best_score = None, ALIKE
        for g in groups:
            score = dot(vecs[i], g[1]) / len(g[0])
            if score >= best_score:
                best, best_score = g, score
        if best is None:
            best = ([], {})
            groups.append(best)
            out.append(best[0])
        best[0].append(i)
        _add(best[1], vecs[i])
    return out


@dataclass(slots=True)
class _Unit:
    members: list[int]
    by_source: dict[str, Vector] = field(default_factory=dict)  # sum of its claims' vectors
    counts: Counter = field(default_factory=Counter)  # claims per source
    total: Vector = field(default_factory=dict)
    dated: Counter = field(default_factory=Counter)  # dated claims, counted for _conflicts
    version: int = 0

    def size(self) -> int:
        return len(self.members)


def _cross(a: _Unit, b: _Unit, conflict: float = 0.0) -> float:
    """Average similarity of the pairs of claims, one in each unit, from different sources."""
    if len(a.counts) > len(b.counts):
        a, b = b, a  # a merged storyline holds many sources: walk the other's
    pairs = a.size() * b.size() - sum(n * b.counts.get(s, 0) for s, n in a.counts.items())
    if pairs <= 0:
        return 0.0
    total = dot(a.total, b.total)
    total -= sum(dot(v, b.by_source[s]) for s, v in a.by_source.items() if s in b.by_source)
    if conflict:
        total -= conflict * _conflicts(a.dated, b.dated)
    return total / pairs




def _date_keys(src: str, when: str) -> list[tuple]:
    """The counters a claim's happening date adds to (see _conflicts); each once for all
    sources and once for its own."""
    keys: list[tuple] = [("n",), ("y", when[:4])]
    if len(when) >= 7:
        keys += [("ym", when[:4]), ("m", when[:7])]
    return keys + [(*k, src) for k in keys]


def _conflicts(a: Counter, b: Counter) -> int:
    """Pairs from different sources whose happening dates differ (happenings.conflict):
    the dated pairs, less those of one year unless both give another month.  Each count of
    pairs is over all sources less those within one source, so that a merged storyline of
    thousands of claims costs the number of its dates, not of its pairs."""
    if len(a) > len(b):
        a, b = b, a

    def pairs(kind: str) -> int:
        total = 0
        for k, n in a.items():
            if k[0] == kind:
                m = b.get(k, 0)
                total += n * m if len(k) == (1 if kind == "n" else 2) else -n * m
        return total

    same_year, both_months, same_month = pairs("y"), pairs("ym"), pairs("m")
    return pairs("n") - (same_year - (both_months - same_month))


def _keys(u: _Unit) -> list[str]:
    """The heaviest words of a unit, which find the units it may merge with.  Dates are not
    among them: a date links groups that words already link, and a date every source gives
    would make each group a candidate of hundreds."""
    words = {t: w for t, w in u.total.items() if t[0] != "#"}
    return [t for t, _ in islice(_heaviest_first(words), KEY_TERMS)]


def storylines(proposals: list[Proposal],
               published: dict[str, str | None] | None = None) -> list[list[int]]:
    """The storylines of the proposals, as lists of indexes in reading order.  A claim is in
    one storyline, and also in a second one it fits at least as well (see _second).
    ``published``: article id -> publication date, for relative dates ("on Monday")."""
    # Off (the default), the dates would only be counted for conflicts nobody weighs.
    dates = (whens(proposals, published) if DATE_WEIGHT or MIXED is not None
             else [None] * len(proposals))
    vecs = vectors(proposals, dates, published=published)
    units = _merge(proposals, vecs, dates, paragraph_groups(proposals, vecs))
    extra = _second(proposals, vecs, units, dates)
    out = []
    for k, u in units.items():
        out.append(sorted(u.members + extra.get(k, [])))
    out = sorted(out, key=lambda m: m[0])
    if MIXED is None:
        return out
    mixed = [m for m in out
             if len(m) <= SPLIT_MAX and len({dates[i] for i in m if dates[i]}) >= MIXED]
    if not mixed:
        return out
    own = vectors(proposals, dates, HAPPENING_CONTEXT, HEAD_WEIGHT, {i for m in mixed for i in m},
                  published)
    chosen = {id(m) for m in mixed}
    split = [m for m in out if id(m) not in chosen]
    for members in mixed:
        local = paragraph_groups([proposals[i] for i in members], [own[i] for i in members])
        starts = [[members[j] for j in group] for group in local]
        parts = _merge(proposals, own, dates, starts, HAPPENING_LINK, CONFLICT)
        split.extend(sorted(u.members) for u in parts.values())
    return sorted(split, key=lambda m: m[0])


def _unit(members: list[int], proposals: list[Proposal], vecs: list[Vector],
          dates: list[str | None]) -> _Unit:
    u = _Unit(list(members))
    for i in members:
        src = proposals[i].article_id
        _add(u.by_source.setdefault(src, {}), vecs[i])
        u.counts[src] += 1
        _add(u.total, vecs[i])
        if dates[i]:
            u.dated.update(_date_keys(src, dates[i]))
    return u


def _index(keys: dict[int, list[str]]) -> dict[str, list[int]]:
    """Word -> the units it is a key word of; words of more than COMMON units are left out."""
    index: dict[str, list[int]] = {}
    for k in sorted(keys):
        for t in keys[k]:
            index.setdefault(t, []).append(k)
    return {t: ks for t, ks in index.items() if len(ks) <= COMMON}


def _merge(proposals: list[Proposal], vecs: list[Vector], dates: list[str | None],
           starts: list[list[int]], link: float = LINK,
           conflict: float = 0.0) -> dict[int, _Unit]:
    """Groups (``starts``) merged by average linkage on cross-source pairs (>= link)."""
    units = {k: _unit(m, proposals, vecs, dates) for k, m in enumerate(starts)}
    neighbours: dict[int, set[int]] = {k: set() for k in units}
    for posting in _index({k: _keys(u) for k, u in units.items()}).values():
        for a in posting:
            neighbours[a].update(posting)
    heap: list[tuple[float, int, int, int, int]] = []

    def push(a: int, b: int) -> None:
        a, b = min(a, b), max(a, b)
        score = _cross(units[a], units[b], conflict)
        if score >= link:
            heapq.heappush(heap, (-score, a, b, units[a].version, units[b].version))

    for a in sorted(units):
        neighbours[a].discard(a)
        for b in sorted(neighbours[a]):
            if a < b:
                push(a, b)
    while heap:
        _, a, b, va, vb = heapq.heappop(heap)
        if a not in units or b not in units or units[a].version != va or units[b].version != vb:
            continue
        ua, ub = units[a], units.pop(b)
        ua.members.extend(ub.members)
        for s, v in ub.by_source.items():
            _add(ua.by_source.setdefault(s, {}), v)
        ua.counts.update(ub.counts)
        ua.dated.update(ub.dated)
        _add(ua.total, ub.total)
        ua.version += 1
        around = (neighbours[a] | neighbours.pop(b)) - {a, b}
        neighbours[a] = around
        for c in sorted(around):
            neighbours[c].discard(b)
            neighbours[c].add(a)
            push(a, c)
    return units


def _fit(i: int, src: str, vec: Vector, u: _Unit) -> float:
    """Average similarity of claim i to the claims of unit u from other sources."""
    own = u.by_source.get(src)
    others = u.size() - u.counts.get(src, 0)
    if others <= 0:
        return 0.0
    return (dot(vec, u.total) - (dot(vec, own) if own else 0.0)) / others


def _second(proposals: list[Proposal], vecs: list[Vector], units: dict[int, _Unit],
            dates: list[str | None]) -> dict[int, list[int]]:
    """Claims that fit a second storyline at least as well as their own (cross-source
    average >= LINK and >= that of their own): a claim often links two matters ("the
    blockade began after the ceasefire"), and belongs to both."""
    home = {i: k for k, u in units.items() for i in u.members}
    index = _index({k: _keys(u) for k, u in units.items()})
    extra: dict[int, list[int]] = {}
    for i, vec in enumerate(vecs):
        src = proposals[i].article_id
        k = home[i]
        candidates = {c for t in islice(vec, KEY_TERMS) for c in index.get(t, ())} - {k}
        if not candidates:
            continue
        own = units[k]
        # its own storyline, without the claim itself (it is from its own source: not counted)
        best = max((_fit(i, src, vec, units[c]), -c) for c in candidates)
        if best[0] >= max(LINK, _fit(i, src, vec, own)):
            extra.setdefault(-best[1], []).append(i)
    return extra
