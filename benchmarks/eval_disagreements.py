"""Evaluate disagreement detection and framing significance against labelled briefings.

    python benchmarks/eval_disagreements.py [--labels tests/fixtures/disagreement_labels.yaml]

For each labelled briefing (the bundled one and a synthetic one on another topic):

- keyed figures and dates: for each key and pair of sources, the predicted relation
  (conflict / compatible / agree, briefing.analysis.disagreements.article_relations) against
  the gold one; precision and recall of "conflict" (what is reported as a disagreement) and of
  "agree" (what is reported as an agreement), and the confusion table;
- titles (briefing.analysis.offices) and attributions (briefing.analysis.attribution):
  precision and recall of the findings against the labelled ones;
- framing: for each event covered by two or more sources, how many sources have a term at
  z >= 1.96, measured on the sentences of the claims (what the app does) and, for contrast,
  on whole paragraphs with names kept (what it did before);
- lexicon: uses counted, and how many a naive per-term count would add (overlaps counted
  twice, exception phrases counted).

Labels are read from the YAML file; nothing here is tuned to them.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.analysis import attribution, offices  # noqa: E402
from briefing.analysis import disagreements as dis  # noqa: E402
from briefing.analysis.framing import (  # noqa: E402
    SIGNIFICANT_Z, background_counts, distinctive_terms, log_odds,
)
from briefing.analysis.lexicon import event_hits, load_lexicon  # noqa: E402
from briefing.analysis.names import Name, same_person  # noqa: E402
from briefing.analysis.tokens import content_terms  # noqa: E402
from briefing.loader import load_corpus  # noqa: E402


def ratio(a: int, b: int) -> str:
    return f"{a}/{b} = {a / b:.2f}" if b else f"{a}/0 = n/a"


def eval_values(corpus, labels) -> tuple[Counter, Counter]:
    gold: dict[tuple[str, frozenset], str] = {}
    for entry in labels:
        for pair, rel in entry["pairs"].items():
            a, b = pair.split("/")
            gold[(entry["key"], frozenset((a, b)))] = rel
    predicted: dict[tuple[str, frozenset], str] = {}
    for finding in dis.collect(corpus.claims.values()).values():
        for (a, b), (rel, _) in dis.article_relations(finding).items():
            predicted[(finding.quantity, frozenset((a, b)))] = rel
    confusion: Counter = Counter()
    for key in gold.keys() | predicted.keys():
        confusion[(gold.get(key, "unlabelled"), predicted.get(key, "not found"))] += 1
    return confusion, Counter(gold.values())


def prf(confusion: Counter, label: str) -> tuple[str, str]:
    tp = confusion[(label, label)]
    predicted = sum(n for (g, p), n in confusion.items() if p == label)
    gold = sum(n for (g, p), n in confusion.items() if g == label)
    return ratio(tp, predicted), ratio(tp, gold)


def eval_offices(corpus, labels) -> tuple[str, str, list[str]]:
    found = offices.find(corpus)
    matched_gold = 0
    used: set[int] = set()
    for g in labels:
        for n, f in enumerate(found):
            if n in used:
                continue
            if (f.kind == g["kind"] and same_person(Name.parse(f.person), Name.parse(g["person"]))
                    and g["source"] in f.articles):
                used.add(n)
                matched_gold += 1
                break
    shown = [f"{f.person} ({f.kind}): {f.a.article} {f.a.title.text!r} vs "
             f"{f.b.article} {f.b.title.text!r}" for f in found]
    return ratio(len(used), len(found)), ratio(matched_gold, len(labels)), shown


def eval_attributions(corpus, labels) -> tuple[str, str, list[str]]:
    found = attribution.for_corpus(corpus)
    predicted = {(f.event, frozenset(f.articles)) for f in found}
    gold = {(g["event"], frozenset(g["sources"])) for g in labels}
    shown = [f"{f.event}: {f.a.article} {f.a.written!r} vs {f.b.article} {f.b.written!r}"
             for f in found]
    return ratio(len(predicted & gold), len(predicted)), ratio(len(predicted & gold),
                                                               len(gold)), shown


def paragraph_framing(corpus, event_id, background) -> dict[str, int]:
    """The former measure, for contrast: whole paragraphs holding a claim, names kept."""
    texts: dict[str, list[str]] = {}
    for aid in corpus.sources_for_event(event_id):
        seen = set()
        for c in corpus.claims_for_article(aid):
            if event_id in c.events and c.paragraph_id and c.paragraph_id not in seen:
                seen.add(c.paragraph_id)
                texts.setdefault(aid, []).append(corpus.paragraph(c.paragraph_id).text)
    counts = {a: Counter(t for p in ps for t in content_terms(p)) for a, ps in texts.items()}
    result = log_odds(counts, background, top=1000, min_z=SIGNIFICANT_Z)
    return {a: len(ts) for a, ts in result.items()}


def eval_framing(corpus) -> list[str]:
    background = background_counts(corpus)
    old_background: Counter = Counter()
    for article in corpus.articles.values():
        for para in article.paragraphs():
            old_background.update(content_terms(para.text))
    events = [e for e in corpus.events if len(corpus.sources_for_event(e)) >= 2]
    cells = with_terms = terms = 0
    old_with = old_terms = 0
    no_term_events = []
    highest = (0.0, "", "")
    for e in events:
        every = distinctive_terms(corpus, e, background=background, top=1, min_z=-1e9)
        for aid, ts in every.items():
            if ts and ts[0].z > highest[0]:
                highest = (ts[0].z, ts[0].term, f"{aid} on {e}")
        new = distinctive_terms(corpus, e, background=background, top=1000)
        old = paragraph_framing(corpus, e, old_background)
        cells += len(new)
        with_terms += sum(1 for ts in new.values() if ts)
        terms += sum(len(ts) for ts in new.values())
        old_with += sum(1 for n in old.values() if n)
        old_terms += sum(old.values())
        if not any(new.values()):
            no_term_events.append(e)
    return [
        f"events with 2+ sources: {len(events)}; source x event cells: {cells}",
        f"sentences, names out (now): cells with a term at z >= {SIGNIFICANT_Z}: "
        f"{with_terms}; significant terms: {terms}",
        f"paragraphs, names in (before): cells with a term at z >= {SIGNIFICANT_Z}: "
        f"{old_with}; significant terms: {old_terms}",
        f"events where no source has a significant term (said so in views): "
        f"{len(no_term_events)}",
        f"highest z of any term: {highest[0]:.2f} ({highest[1]!r}, {highest[2]})",
    ]


def eval_lexicon(corpus) -> list[str]:
    path = Path(corpus.root) / "lexicon.yaml" if corpus.root else None
    if path is None or not path.exists():
        return ["no lexicon.yaml"]
    lexicon, _ = load_lexicon(path)
    kept = naive = 0
    from briefing.analysis.framing import event_texts
    from briefing.text import fold

    for e in corpus.events:
        kept += len(event_hits(lexicon, corpus, e))
        for sents in event_texts(corpus, e).values():
            for s in sents:
                folded = fold(s)
                naive += sum(len(list(t.pattern.finditer(folded)))
                             for g in lexicon.groups for t in g.terms)
    return [f"lexicon uses in event sentences: {kept}; a naive count (overlaps twice, "
            f"exception phrases in) would give {naive} ({naive - kept} dropped)"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--labels", type=Path,
                        default=ROOT / "tests" / "fixtures" / "disagreement_labels.yaml")
    args = parser.parse_args()
    data = yaml.safe_load(args.labels.read_text(encoding="utf-8"))
    total: Counter = Counter()
    for spec in data["briefings"]:
        corpus, problems = load_corpus(ROOT / spec["content"])
        if problems:
            print("\n".join(map(str, problems)), file=sys.stderr)
            return 1
        print(f"== {spec['name']}")
        confusion, gold = eval_values(corpus, spec["values"])
        total.update(confusion)
        p, r = prf(confusion, "conflict")
        print(f"  keyed values, {sum(gold.values())} labelled source pairs "
              f"({dict(sorted(gold.items()))})")
        print(f"    disagreements (conflict): precision {p}, recall {r}")
        p, r = prf(confusion, "agree")
        print(f"    agreements (agree):       precision {p}, recall {r}")
        p, r = prf(confusion, "compatible")
        print(f"    compatible:               precision {p}, recall {r}")
        wrong = {k: n for k, n in confusion.items() if k[0] != k[1]}
        if wrong:
            print(f"    errors (gold -> predicted): {wrong}")
        p, r, shown = eval_offices(corpus, spec.get("offices") or [])
        print(f"  titles that differ: precision {p}, recall {r}")
        for line in shown:
            print(f"    found: {line}")
        p, r, shown = eval_attributions(corpus, spec.get("attributions") or [])
        print(f"  go-betweens that differ: precision {p}, recall {r}")
        for line in shown:
            print(f"    found: {line}")
        print("  framing:")
        for line in eval_framing(corpus):
            print(f"    {line}")
        for line in eval_lexicon(corpus):
            print(f"  {line}")
    print("== all briefings, keyed values")
    for label in ("conflict", "agree", "compatible"):
        p, r = prf(total, label)
        print(f"  {label}: precision {p}, recall {r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
