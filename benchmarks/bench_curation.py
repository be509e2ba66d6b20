"""Time one curation step on a claims file of 1,000 claims, and re-loading the corpus after it.

    .venv/bin/python benchmarks/bench_curation.py [CLAIMS] [RUNS]

Builds a synthetic briefing (one article of CLAIMS paragraphs with a claims file of CLAIMS
claims, plus four small articles), then prints the median time of:
- ``add_claim`` (lock, verify the quote, append, validate with the loader, atomic write);
- ``edit_claim`` of an entry in the middle of the file (round-trip of that entry only);
- baselines measured in the same run: the atomic write of the file alone (the floor of any
  safe write), and a naive whole-file ruamel.yaml round trip (load + dump, no validation);
- re-loading the corpus after the edit: ``load_corpus`` and the cached load the reader uses
  (its cache is invalidated by the edit, so this is the honest re-open time).
Target: one claim written in under 50 ms.
"""

from __future__ import annotations

import io
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

WORDS = ("armenia russia azerbaijan csto mission corridor peacekeepers ceasefire border troops "
         "agreement security alliance moscow yerevan baku lachin karabakh treaty summit").split()


def build(root: Path, claims: int) -> None:
    rng = random.Random(7)
    (root / "articles").mkdir(parents=True)
    (root / "claims").mkdir()
    (root / "briefing.yaml").write_text("title: Bench\ndescription: synthetic\nquestions: []\n")
    (root / "events.yaml").write_text("# events\n\n- id: e1\n  title: E1\n  date: 2020-01-01\n")
    for a, n in enumerate([claims, 50, 50, 50, 50]):
        aid = f"art-{a}"
        paras = [f"opening {a} {p} " + " ".join(rng.choice(WORDS) for _ in range(50))
                 + f" marker {a}-{p}." for p in range(n)]
        body = "\n\n".join(f"## Section {p}\n\n{text}" if p % 10 == 0 else text
                           for p, text in enumerate(paras))
        (root / "articles" / f"{aid}.md").write_text(
            f"---\nid: {aid}\ntitle: A{a}\nauthors: [X]\nlanguage: en\n---\n\n{body}\n")
        lines = [f"# Claims of A{a}\n"]
        for c in range(n):
            quote = " ".join(paras[c].split()[-8:])  # ends with the paragraph's unique marker
            lines.append(f"\n- id: {aid}-{c + 1:02d}\n  quote: \"{quote}\"\n  events: [e1]\n"
                         f"  kind: fact   # synthetic\n  speaker: author\n")
        (root / "claims" / f"{aid}.yaml").write_text("".join(lines))


def median_ms(times: list[float]) -> float:
    return statistics.median(times) * 1000


def main() -> None:
    claims = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    runs = int(sys.argv[2]) if len(sys.argv) > 2 else 15
    os.environ["BRIEFING_CACHE_DIR"] = tempfile.mkdtemp(prefix="bench-cache-")
    from ruamel.yaml import YAML

    from briefing.cache import load_corpus_cached
    from briefing.curation import Curator, add_claim, edit_claim
    from briefing.fsio import write_atomic
    from briefing.loader import load_corpus

    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "content"
        build(root, claims)
        target = root / "claims" / "art-0.yaml"
        corpus, problems = load_corpus(root)
        assert not problems, problems[:3]
        print(f"corpus: 5 articles, {len(corpus.claims)} claims; art-0.yaml: "
              f"{claims} claims, {target.stat().st_size / 1024:.0f} KB")
        cur = Curator(root)

        openings = [" ".join(p.text.split()[:6]) for p in corpus.articles["art-0"].paragraphs()]
        add, edit, floor, naive = [], [], [], []
        for n in range(runs):
            start = time.perf_counter()
            add_claim(cur, "art-0", openings[n], events=["e1"])
            add.append(time.perf_counter() - start)
        for n in range(runs):
            start = time.perf_counter()
            edit_claim(cur, f"art-0-{claims // 2 + n:02d}", {"kind": "assessment"})
            edit.append(time.perf_counter() - start)
        data = target.read_bytes()
        for _ in range(runs):
            start = time.perf_counter()
            write_atomic(target, data, overwrite=True, like=target.stat())
            floor.append(time.perf_counter() - start)
        yaml = YAML()
        yaml.width = 4096
        for _ in range(max(3, runs // 5)):
            start = time.perf_counter()
            doc = yaml.load(data.decode())
            doc[len(doc) // 2]["kind"] = "fact"
            yaml.dump(doc, io.StringIO())
            naive.append(time.perf_counter() - start)
        _, problems = load_corpus(root)
        assert not problems, problems[:3]

        print(f"add one claim:        median {median_ms(add):6.1f} ms  (target < 50 ms: "
              f"{'met' if median_ms(add) < 50 else 'NOT met'})")
        print(f"edit one claim:       median {median_ms(edit):6.1f} ms")
        print(f"baseline atomic write of the file alone: {median_ms(floor):6.1f} ms "
              f"(add = {median_ms(add) / median_ms(floor):.1f}x)")
        print(f"baseline whole-file ruamel round trip (no lock, no check, no write): "
              f"{median_ms(naive):6.1f} ms (add = {median_ms(add) / median_ms(naive):.2f}x)")

        reload_plain, reload_cached = [], []
        for n in range(3):
            edit_claim(cur, "art-0-01", {"kind": "fact" if n % 2 else "assessment"})
            start = time.perf_counter()
            load_corpus(root)
            reload_plain.append(time.perf_counter() - start)
            edit_claim(cur, "art-0-02", {"kind": "fact" if n % 2 else "assessment"})
            start = time.perf_counter()
            load_corpus_cached(root)  # the cache is stale after the edit: a full load + save
            reload_cached.append(time.perf_counter() - start)
        start = time.perf_counter()
        load_corpus_cached(root)
        warm = time.perf_counter() - start
        print(f"re-load after an edit: load_corpus median {median_ms(reload_plain):6.1f} ms; "
              f"cached load (stale after the edit) {median_ms(reload_cached):6.1f} ms; "
              f"next cached load {warm * 1000:.1f} ms")


if __name__ == "__main__":
    main()
