"""Time `load_corpus` and `briefing check` on a synthetic briefing; prints figures.

    .venv/bin/python benchmarks/bench_check.py [ARTICLES] [PARAGRAPHS_PER_ARTICLE] [CLAIMS_PER_ARTICLE]

Defaults (5, 200, 60) are ~4x the bundled briefing, so a regression shows up clearly.
"""

from __future__ import annotations

import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from briefing.loader import load_corpus

WORDS = ("armenia russia azerbaijan csto mission corridor peacekeepers ceasefire border troops "
         "agreement security alliance moscow yerevan baku lachin karabakh treaty summit").split()


def build(root: Path, articles: int, paragraphs: int, claims: int) -> None:
    rng = random.Random(7)
    (root / "articles").mkdir(parents=True)
    (root / "claims").mkdir()
    (root / "briefing.yaml").write_text("title: Bench\ndescription: synthetic\nquestions: []\n")
    (root / "events.yaml").write_text("- id: e1\n  title: E1\n  date: 2020-01-01\n")
    for a in range(articles):
        aid = f"art-{a}"
        paras = [" ".join(rng.choice(WORDS) for _ in range(60)) + f" marker {a}-{p}."
                 for p in range(paragraphs)]
        body = "\n\n".join(f"## Section {p}\n\n{text}" if p % 10 == 0 else text
                           for p, text in enumerate(paras))
        (root / "articles" / f"{aid}.md").write_text(
            f"---\nid: {aid}\ntitle: A{a}\nauthors: [X]\nlanguage: en\n---\n\n{body}\n")
        lines = []
        for c in range(claims):
            p = rng.randrange(paragraphs)
            quote = " ".join(paras[p].split()[-8:])  # ends with the unique marker
            lines.append(f"- id: {aid}-{c:02d}\n  quote: \"{quote}\"\n  events: [e1]\n  kind: fact\n")
        (root / "claims" / f"{aid}.yaml").write_text("".join(lines))


def main() -> None:
    articles, paragraphs, claims = (int(x) for x in (sys.argv[1:] + ["5", "200", "60"][len(sys.argv[1:]):]))
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "content"
        build(root, articles, paragraphs, claims)
        size = sum(f.stat().st_size for f in root.rglob("*") if f.is_file())
        times = []
        for _ in range(5):
            start = time.perf_counter()
            corpus, problems = load_corpus(root)
            times.append(time.perf_counter() - start)
        assert not problems, problems[:3]
        print(f"corpus: {articles} articles x {paragraphs} paragraphs, "
              f"{len(corpus.claims)} claims, {size / 1024:.0f} KB")
        print(f"load_corpus: median {statistics.median(times) * 1000:.0f} ms, "
              f"best {min(times) * 1000:.0f} ms (5 runs, in-process)")
        exe = Path(sys.executable).parent / "briefing"
        runs = []
        for _ in range(3):
            start = time.perf_counter()
            subprocess.run([str(exe), "check", "--content", str(root)], check=True,
                           capture_output=True)
            runs.append(time.perf_counter() - start)
        print(f"briefing check (process, incl. start-up): median {statistics.median(runs) * 1000:.0f} ms")
        start = time.perf_counter()
        subprocess.run([str(exe), "--help"], check=True, capture_output=True)
        print(f"briefing --help: {(time.perf_counter() - start) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
