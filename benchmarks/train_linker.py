"""Train the pairwise event linker (briefing/suggest/linker.py) and print its figures.

    .venv/bin/python benchmarks/train_linker.py [--write] [--train DIR...] [--score DIR...]

For each labelled training set (other topics: the Nile dam, the port strike, the Sudan war, a tram
derailment),
the claims `suggest` proposes on a copy stripped of claims and events are matched to the
curated claims as eval_suggest.py matches them; a pair of matched proposals is a positive
when their curated claims share an event, a negative otherwise.  A logistic model (L2,
Newton's method, standard library only) is fitted on those pairs.

Printed: leave-one-set-out figures (fitted on the other training sets, scored on the one
left out): the AUC of the probability on pairs from different sources, and the event pair
recall / precision of the clustering (linker.clusters) at each threshold; the threshold with
the best mean F1 over the left-out sets is chosen.  Then the model fitted on all training
sets, scored on the --score sets (the bundled briefing and the held-out set by default: never
used to fit or choose anything).  --write stores the weights and threshold in
briefing/suggest/linker_weights.py.
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from eval_suggest import matches, overlap, strip_copy  # noqa: E402

from briefing.loader import load_corpus  # noqa: E402
from briefing.model import Claim  # noqa: E402
from briefing.suggest.claims import Proposal  # noqa: E402
from briefing.suggest.linker import FEATURES, Pairs, clusters, probability  # noqa: E402
from briefing.suggest.pipeline import proposals_for  # noqa: E402
from briefing.suggest.state import read_previous  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
TRAIN = [FIXTURES / "suggest", FIXTURES / "suggest_port", FIXTURES / "eval_sudan",
         FIXTURES / "suggest_tram"]
SCORE = [ROOT / "content", FIXTURES / "suggest_heldout"]
THRESHOLDS = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6]
L2 = 1.0


class Labelled:
    """One labelled set: its proposals, the curated claims each matches, and the gold pairs."""

    def __init__(self, content: Path, tmp: Path) -> None:
        self.name = content.name
        gold_corpus, problems = load_corpus(content)
        assert not problems, problems[:3]
        root = strip_copy(content, tmp / content.name)
        corpus, problems = load_corpus(root)
        assert not problems, problems[:3]
        self.proposals: list[Proposal] = proposals_for(corpus, read_previous(root, list(corpus.articles)))
        self.gold = list(gold_corpus.claims.values())
        by_para: dict[str, list[int]] = {}
        for i, p in enumerate(self.proposals):
            by_para.setdefault(p.paragraph.id, []).append(i)
        self.gold_of: dict[int, list[Claim]] = {}
        self.best: dict[str, int] = {}
        for g in self.gold:
            cands = [i for i in by_para.get(g.paragraph_id or "", []) if matches(g, self._claim(i))]
            for i in cands:
                self.gold_of.setdefault(i, []).append(g)
            if cands:
                self.best[g.id] = max(cands, key=lambda i: overlap(g, self._claim(i)))
        self.pairs = Pairs(self.proposals)
        judged = sorted(self.gold_of)
        self.x: list[list[float]] = []
        self.y: list[int] = []
        self.cross: list[bool] = []
        self.index: list[tuple[int, int]] = []
        for i, j in combinations(judged, 2):
            self.x.append(self.pairs.features(i, j))
            self.y.append(int(self.same_event(i, j)))
            self.cross.append(self.proposals[i].article_id != self.proposals[j].article_id)
            self.index.append((i, j))

    def _claim(self, i: int) -> Claim:
        p = self.proposals[i]
        return Claim(id=str(i), article_id=p.article_id, quote=p.quote, kind=p.kind,
                     speaker=p.speaker, paragraph_id=p.paragraph.id)

    def same_event(self, i: int, j: int) -> bool:
        return any(set(a.events) & set(b.events) for a in self.gold_of[i] for b in self.gold_of[j])

    def grouping(self, weights: list[float], threshold: float) -> tuple[float, float]:
        """Event pair recall and precision of linker.clusters, scored as eval_suggest does."""
        probs = {(i, j): probability(weights, self.pairs.features(i, j))
                 for i, j in self.pairs.candidates()}
        groups = clusters(len(self.proposals), probs, threshold)
        of: dict[int, set[int]] = {}
        for k, g in enumerate(groups):
            for i in g:
                of.setdefault(i, set()).add(k)
        gold_pairs = [(a, b) for a, b in combinations(self.gold, 2)
                      if a.article_id != b.article_id and set(a.events) & set(b.events)]
        hit = sum(1 for a, b in gold_pairs if a.id in self.best and b.id in self.best
                  and of[self.best[a.id]] & of[self.best[b.id]])
        judged = sorted(self.gold_of)
        s_pairs = [(i, j) for i, j in combinations(judged, 2)
                   if self.proposals[i].article_id != self.proposals[j].article_id and of[i] & of[j]]
        good = sum(1 for i, j in s_pairs if self.same_event(i, j))
        return hit / max(1, len(gold_pairs)), good / max(1, len(s_pairs))


def fit(x: list[list[float]], y: list[int], l2: float = L2) -> list[float]:
    """L2-regularised logistic regression by Newton's method (the bias is not penalised)."""
    d = len(x[0])
    w = [0.0] * d
    for _ in range(25):
        grad = [l2 * w[k] if k else 0.0 for k in range(d)]
        hess = [[(l2 if a == b and a else 0.0) for b in range(d)] for a in range(d)]
        for xi, yi in zip(x, y):
            p = probability(w, xi)
            r = p - yi
            s = p * (1 - p)
            for a in range(d):
                if xi[a] == 0.0:
                    continue
                grad[a] += r * xi[a]
                row = hess[a]
                sa = s * xi[a]
                for b in range(d):
                    if xi[b]:
                        row[b] += sa * xi[b]
        step = solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return w


def solve(a: list[list[float]], b: list[float]) -> list[float]:
    """a x = b by Gaussian elimination with partial pivoting (a small ridge keeps it regular)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for i in range(n):
        m[i][i] += 1e-9
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        if abs(m[c][c]) < 1e-12:
            continue
        for r in range(n):
            if r != c and m[r][c]:
                f = m[r][c] / m[c][c]
                m[r] = [u - f * v for u, v in zip(m[r], m[c])]
    return [m[i][n] / m[i][i] if abs(m[i][i]) > 1e-12 else 0.0 for i in range(n)]


def auc(scores: list[float], labels: list[int]) -> float:
    pos = [s for s, y in zip(scores, labels) if y]
    neg = [s for s, y in zip(scores, labels) if not y]
    if not pos or not neg:
        return float("nan")
    ranked = sorted(scores)
    rank: dict[float, float] = {}
    i = 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j] == ranked[i]:
            j += 1
        rank[ranked[i]] = (i + j + 1) / 2
        i = j
    total = sum(rank[s] for s in pos)
    return (total - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg))


def cross_auc(s: Labelled, w: list[float], feature: int | None = None) -> float:
    pick = [k for k, c in enumerate(s.cross) if c]
    score = [s.x[k][feature] if feature is not None else probability(w, s.x[k]) for k in pick]
    return auc(score, [s.y[k] for k in pick])


def f1(r: float, p: float) -> float:
    return 2 * r * p / (r + p) if r + p else 0.0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--train", type=Path, nargs="*", default=TRAIN)
    ap.add_argument("--score", type=Path, nargs="*", default=SCORE)
    ap.add_argument("--write", action="store_true", help="store the weights in the package")
    args = ap.parse_args()
    cosine = FEATURES.index("cosine")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        train = [Labelled(d, tmp) for d in args.train]
        for s in train:
            print(f"{s.name}: {len(s.proposals)} proposals, {len(s.y)} labelled pairs, "
                  f"{sum(s.y)} same-event")
        print("\nleave one set out (fitted on the others):")
        by_threshold = {t: [] for t in THRESHOLDS}
        for s in train:
            rest = [o for o in train if o is not s]
            w = fit([x for o in rest for x in o.x], [y for o in rest for y in o.y])
            print(f"  {s.name}: AUC cross-source {cross_auc(s, w):.3f} "
                  f"(word cosine alone {cross_auc(s, w, cosine):.3f})")
            for t in THRESHOLDS:
                r, p = s.grouping(w, t)
                by_threshold[t].append(f1(r, p))
                print(f"    threshold {t:.2f}: event pair recall {r:6.1%} precision {p:6.1%}")
        threshold = max(THRESHOLDS, key=lambda t: (sum(by_threshold[t]), -t))
        print(f"  chosen threshold {threshold} (mean F1 {sum(by_threshold[threshold]) / len(train):.3f})")
        weights = fit([x for o in train for x in o.x], [y for o in train for y in o.y])
        print("\nweights (fitted on all training sets):")
        for name, v in zip(FEATURES, weights):
            print(f"  {name:<20} {v:+.3f}")
        print("\nscored sets (not used for fitting or choosing):")
        for d in args.score:
            s = Labelled(d, tmp)
            r, p = s.grouping(weights, threshold)
            print(f"  {s.name}: AUC cross-source {cross_auc(s, weights):.3f} (word cosine alone "
                  f"{cross_auc(s, weights, cosine):.3f}); event pair recall {r:.1%} precision {p:.1%}")
        if args.write:
            write(weights, threshold)


def write(weights: list[float], threshold: float) -> None:
    lines = ['"""Weights of the pairwise event linker (linker.py), written by',
             'benchmarks/train_linker.py --write: do not edit by hand."""', "",
             f"THRESHOLD = {threshold}", "", "WEIGHTS = {"]
    lines += [f"    {name!r}: {v:.4f}," for name, v in zip(FEATURES, weights)]
    lines += ["}", ""]
    path = ROOT / "briefing" / "suggest" / "linker_weights.py"
    path.write_text("\n".join(lines), encoding="utf-8")
    print(f"\nwrote {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
