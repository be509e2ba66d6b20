"""How long `briefing import` takes: the five seeds, and large synthetic files.

Prints figures; asserts nothing (timings belong here, not in tests).
Run: .venv/bin/python benchmarks/bench_import.py
"""

from __future__ import annotations

import random
import time
from pathlib import Path

from briefing.importer import import_text

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
WORDS = ("the corridor border mission Armenia Russia Azerbaijan talks peace troops agreement "
         "of in and to a with for on by").split()


def synthetic(paragraphs: int, seed: int = 1) -> str:
    rnd = random.Random(seed)
    out = ["A synthetic article", "By Anna Berg"]
    for i in range(paragraphs):
        text = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(20, 120)))
        if i % 7 == 3:
            out.append(text)  # no full stop: a page break follows
            out.append("---")
            continue
        if i % 11 == 5:
            out.append("Section " + str(i))
            continue
        out.append(text.capitalize() + ".")
    return "\n\n".join(out) + "\n"


def timed(label: str, text: str) -> None:
    took = float("inf")
    for _ in range(3):  # best of three: the machine is shared
        start = time.perf_counter()
        result = import_text(text, "bench.txt", "bench")
        took = min(took, time.perf_counter() - start)
    paras = sum(1 for b in result.blocks if b.kind == "para")
    print(f"{label:<34} {len(text) / 1024:9.1f} KiB {paras:7d} paragraphs {took * 1000:9.1f} ms")


def main() -> None:
    if SEEDS.is_dir():
        for path in sorted(SEEDS.glob("*.txt")):
            timed(path.name, path.read_text(encoding="utf-8"))
    for n in (100, 1_000, 5_000):
        timed(f"synthetic, {n} paragraphs", synthetic(n))
    # One sentence cut by 5,000 page breaks: joining must stay linear (it was quadratic once).
    fragments = "\n\n".join(f"piece {i} of one sentence that goes on without" for i in range(5000))
    timed("5,000 breaks in one paragraph", "Title\n\n" + fragments + " end.\n")


if __name__ == "__main__":
    main()
