"""How well search finds other spellings of a name, and only them: precision and recall of
search's word rule (briefing.index.engine.match_tier: exact, word form or spelling variant)
on labelled pairs.

    .venv/bin/python benchmarks/eval_search_variants.py [benchmarks/data/name_variants.tsv]

The pairs are written for the purpose, from names of several regions and languages (not from
the bundled briefing): romanisation and translation variants of one name ("yes"), and
different names or words a letter or two apart ("no").  A variant is found in a corpus
only if it is written there as a name; the pairs assume it is.  Prints the confusion counts,
precision, recall, and every pair the rule gets wrong.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.index.engine import match_tier  # noqa: E402


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "benchmarks/data/name_variants.tsv"
    tp = fp = fn = tn = 0
    wrong: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, name, label, *note = line.split("\t")
        expected = label == "yes"
        got = match_tier(word, name) is not None
        if got and expected:
            tp += 1
        elif got:
            fp += 1
        elif expected:
            fn += 1
        else:
            tn += 1
        if got != expected:
            wrong.append(f"  {'found' if got else 'missed'}: {word} / {name}"
                         + (f"  ({note[0]})" if note and note[0] else ""))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    print(f"pairs: {tp + fp + fn + tn} ({tp + fn} variants, {fp + tn} different)")
    print(f"found as variants: {tp} right, {fp} wrong; missed: {fn}")
    print(f"precision {precision:.2f}  recall {recall:.2f}")
    if wrong:
        print("errors:")
        print("\n".join(wrong))


if __name__ == "__main__":
    main()
