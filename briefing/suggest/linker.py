"""Pairwise event linking: the probability that two suggested claims tell the same event.

Word likeness alone ranks same-event pairs poorly (storylines.py), so a pair is described by
what an indexer looks at beside the words: the actors both name, the kind of happening both
name (lexicon.HAPPENINGS), whether their dates agree (same day, month, year, a year apart,
further apart), the thing a figure of each counts, the speaker, where they sit (one
paragraph, neighbouring paragraphs, one section, one source), the rarest word they share and
the likeness of their paragraphs.  A logistic model weighs these; its weights are learned
from labelled sets of other topics by benchmarks/train_linker.py and shipped as
linker_weights.WEIGHTS.

Only pairs that share an actor or one of their heaviest words are scored (candidates()): a
pair sharing neither has a probability near nothing, and a large briefing is not quadratic.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from itertools import islice

from briefing.suggest.claims import Proposal

KEY_TERMS = 12  # heaviest words of a claim through which candidate pairs are found
COMMON = 60  # a word or actor in more claims than this does not select candidates

FEATURES = (
    "bias", "cosine", "own_cosine", "paragraph_cosine", "shared_words", "rarest_word",
    "shared_actors", "actor_weight", "kind_same", "kind_differ",
    "date_day", "date_month", "date_year", "date_near", "date_apart", "date_one",
    "figure_same", "speaker_same", "same_source", "same_paragraph", "adjacent_paragraph",
    "same_section", "cosine_x_kind", "cosine_x_cross",
)

Vector = dict[str, float]


def _unit(c: Counter) -> Vector:
    norm = math.sqrt(sum(w * w for w in c.values())) or 1.0
    return {t: w / norm for t, w in sorted(c.items(), key=lambda x: (-x[1], x[0]))}


def _dot(a: Vector, b: Vector) -> float:
    if len(a) > len(b):
        a, b = b, a
    get = b.get
    return sum(w * get(t, 0.0) for t, w in a.items())


class Pairs:
    """What the features of pairs of one briefing's proposals are computed from."""

    def __init__(self, proposals: list[Proposal]) -> None:
        self.proposals = proposals
        n = len(proposals) or 1
        self.log_n = math.log(n + 1)
        df: Counter = Counter()
        sources: dict[str, set[str]] = {}
        for p in proposals:
            df.update(p.terms)
            for t in p.terms:
                sources.setdefault(t, set()).add(p.article_id)
        needed = min(2, len({p.article_id for p in proposals}))
        # a word one source alone uses cannot link sources: it is left out
        self.idf = {t: math.log((n + 1) / c) for t, c in df.items() if len(sources[t]) >= needed}
        self.df = df
        named = Counter(a for p in proposals for a in set(p.actors))
        self.actor_idf = {a: math.log((n + 1) / c) for a, c in named.items()}
        own = [Counter({t: self.idf[t] for t in p.terms if t in self.idf}) for p in proposals]
        by_para: dict[str, Counter] = {}
        for p, c in zip(proposals, own):
            by_para.setdefault(p.paragraph.id, Counter()).update(c)
        self.own = [_unit(c) for c in own]
        self.para = {k: _unit(c) for k, c in by_para.items()}
        self.mixed = []
        for p, c in zip(proposals, own):
            v = Counter({t: w * 0.5 for t, w in by_para[p.paragraph.id].items()})
            v.update(c)
            self.mixed.append(_unit(v))
        self.counted = [{f.counted for f in p.figures if f.counted} for p in proposals]

    def features(self, i: int, j: int) -> list[float]:
        a, b = self.proposals[i], self.proposals[j]
        cos = _dot(self.mixed[i], self.mixed[j])
        own = _dot(self.own[i], self.own[j])
        pcos = _dot(self.para[a.paragraph.id], self.para[b.paragraph.id])
        shared = [t for t in a.terms & b.terms if t in self.idf]
        rarest = max((self.idf[t] for t in shared), default=0.0) / self.log_n
        actors = set(a.actors) & set(b.actors)
        actor_weight = min(1.0, sum(self.actor_idf[x] for x in actors) / self.log_n)
        kinds_a, kinds_b = set(a.triggers), set(b.triggers)
        kind_same = float(bool(kinds_a & kinds_b))
        kind_differ = float(bool(kinds_a and kinds_b and not kinds_a & kinds_b))
        date = _dates(a.when, b.when)
        same_source = a.article_id == b.article_id
        pa, pb = a.paragraph, b.paragraph
        same_section = same_source and pa.section_index == pb.section_index
        speaker = a.speaker == b.speaker and a.speaker != "author"
        return [
            1.0, cos, own, pcos, math.log1p(len(shared)) / 2, rarest,
            min(len(actors), 3) / 3, actor_weight, kind_same, kind_differ,
            *date,
            float(bool(self.counted[i] & self.counted[j])), float(speaker),
            float(same_source), float(pa.id == pb.id),
            float(same_section and abs(pa.index - pb.index) == 1), float(same_section),
            cos * kind_same, cos * (not same_source),
        ]

    def candidates(self) -> list[tuple[int, int]]:
        """Pairs (i < j) sharing an actor or one of their heaviest words, each once."""
        index: dict[str, list[int]] = {}
        for i, (p, v) in enumerate(zip(self.proposals, self.mixed)):
            keys = {f"w:{t}" for t in islice(v, KEY_TERMS)} | {f"a:{x}" for x in p.actors}
            for k in keys:
                index.setdefault(k, []).append(i)
        pairs: set[tuple[int, int]] = set()
        for posting in index.values():
            if len(posting) > COMMON:
                continue
            for x, i in enumerate(posting):
                for j in posting[x + 1:]:
                    pairs.add((i, j))
        return sorted(pairs)


def _dates(x: str | None, y: str | None) -> list[float]:
    """day, month, year, a year apart, further apart, only one dated (none dated: all 0)."""
    out = [0.0] * 6
    if x is None and y is None:
        return out
    if x is None or y is None:
        out[5] = 1.0
        return out
    gap = abs(int(x[:4]) - int(y[:4]))
    if gap > 1:
        out[4] = 1.0
    elif gap == 1:
        out[3] = 1.0
    elif len(x) >= 10 and len(y) >= 10 and x[:10] == y[:10]:
        out[0] = 1.0
    elif len(x) >= 7 and len(y) >= 7 and x[:7] == y[:7]:
        out[1] = 1.0
    else:
        out[2] = 1.0
    return out


def probability(weights: list[float], x: list[float]) -> float:
    z = sum(w * v for w, v in zip(weights, x))
    if z < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))


def linked(proposals: list[Proposal], weights: list[float]) -> dict[tuple[int, int], float]:
    """The probability of each candidate pair (i < j) telling one event."""
    pairs = Pairs(proposals)
    return {(i, j): probability(weights, pairs.features(i, j)) for i, j in pairs.candidates()}


def clusters(n: int, probs: dict[tuple[int, int], float], threshold: float,
             sources: list[str] | None = None) -> list[list[int]]:
    """Average-linkage agglomeration of n claims: the two groups whose pairs have the highest
    mean probability merge, while that mean stays >= threshold (an unscored pair counts 0).
    Then a claim whose mean probability with another group is >= threshold and at least that
    with its own joins it too (a claim in at most two groups).  Lists of indexes, sorted."""
    links: dict[int, dict[int, float]] = {i: {} for i in range(n)}
    for (i, j), p in probs.items():
        if sources and sources[i] == sources[j]:
            continue  # only pairs from different sources hold a group together
        links[i][j] = links[i].get(j, 0.0) + p
        links[j][i] = links[j].get(i, 0.0) + p
    members = {i: [i] for i in range(n)}
    counts = {i: Counter([sources[i]]) for i in range(n)} if sources else None
    version = dict.fromkeys(range(n), 0)
    heap: list[tuple[float, int, int, int, int]] = []

    def pairs(a: int, b: int) -> int:
        total = len(members[a]) * len(members[b])
        if counts is not None:
            ca, cb = counts[a], counts[b]
            total -= sum(k * cb.get(s, 0) for s, k in ca.items())
        return total

    def push(a: int, b: int) -> None:
        a, b = min(a, b), max(a, b)
        m = pairs(a, b)
        mean = links[a][b] / m if m else 0.0
        if mean >= threshold:
            heapq.heappush(heap, (-mean, a, b, version[a], version[b]))

    for a in range(n):
        for b in links[a]:
            if a < b:
                push(a, b)
    while heap:
        _, a, b, va, vb = heapq.heappop(heap)
        if a not in members or b not in members or version[a] != va or version[b] != vb:
            continue
        members[a].extend(members.pop(b))
        if counts is not None:
            counts[a].update(counts.pop(b))
        version[a] += 1
        for c, s in links.pop(b).items():
            if c == a:
                continue
            links[c].pop(b, None)
            links[a][c] = links[a].get(c, 0.0) + s
            links[c][a] = links[a][c]
        links[a].pop(b, None)
        for c in sorted(links[a]):
            push(a, c)
    return _second(members, probs, threshold, sources)


def _second(members: dict[int, list[int]], probs: dict[tuple[int, int], float],
            threshold: float, sources: list[str] | None) -> list[list[int]]:
    home = {i: k for k, ms in members.items() for i in ms}
    to: dict[int, dict[int, float]] = {}  # claim -> group -> summed probability
    for (i, j), p in probs.items():
        if sources and sources[i] == sources[j]:
            continue
        to.setdefault(i, {}).setdefault(home[j], 0.0)
        to[i][home[j]] += p
        to.setdefault(j, {}).setdefault(home[i], 0.0)
        to[j][home[i]] += p

    def others(i: int, k: int) -> int:
        """The claims of group k that a pair with claim i may count."""
        if sources:
            return sum(1 for m in members[k] if sources[m] != sources[i])
        return len(members[k]) - (home[i] == k)

    extra: dict[int, list[int]] = {}
    for i in sorted(to):
        k = home[i]
        n_own = others(i, k)
        own = to[i].get(k, 0.0) / n_own if n_own else 0.0
        best = max(((s / others(i, c), -c) for c, s in to[i].items() if c != k), default=None)
        if best and best[0] >= max(threshold, own):
            extra.setdefault(-best[1], []).append(i)
    return sorted((sorted(ms + extra.get(k, [])) for k, ms in members.items()), key=lambda m: m[0])
