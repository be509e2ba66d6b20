"""Do two checkouts' `briefing search` give the same results?  Runs the same queries (both
kinds, --json: hits, scores, snippets, highlights, match tiers, totals) with each checkout's
code on one briefing, each with its own cache folder, and prints any difference.

    .venv/bin/python benchmarks/compare_search.py --code OLD --code NEW [--articles 1000]
        [--content DIR]

Without --content, a synthetic briefing of --articles articles (make_synthetic.py) is written
to a temporary folder.  Exit status 1 if any output differs.
"""

from __future__ import annotations

import argparse
import difflib
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Names and their spellings, word forms, phrases, prefixes (one and two letters), a common
# word, numbers with punctuation, accents, words in no paragraph.
QUERIES = ["Lachin", "Lachin ", "Latchine ", "Pashinyan", "peacekeepers ", "peace", "p", "pe",
           '"Lachin corridor"', "corridor Lachin", "Erevan ", "Türkiye", "turning point",
           "1,960", "the", "Stepanakert blockade", "zanzibarite", "Karabagh "]


def outputs(code: Path, content: Path, cache: Path) -> list[str]:
    env = {**os.environ, "PYTHONPATH": str(code), "BRIEFING_CACHE_DIR": str(cache)}
    env.pop("BRIEFING_NO_CACHE", None)
    runs = [["--limit", "50", "--kind", kind, q] for q in QUERIES for kind in ("paragraph", "claim")]
    runs.append(["--limit", "10000", "Lachin corridor"])
    out = []
    for args in runs:
        done = subprocess.run([sys.executable, "-m", "briefing", "search", "--json", "--content",
                               str(content), *args], env=env, cwd=code, capture_output=True,
                              text=True)
        out.append(f"### {' '.join(args)}\n{done.returncode}\n{done.stdout}{done.stderr}")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--code", type=Path, action="append", required=True)
    ap.add_argument("--articles", default="1000")
    ap.add_argument("--content", type=Path, default=None)
    args = ap.parse_args()
    if len(args.code) != 2:
        ap.error("give --code twice: the two checkouts to compare")
    with tempfile.TemporaryDirectory(prefix="compare-search-") as tmp:
        content = args.content
        if content is None:
            content = Path(tmp) / "content"
            subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_synthetic.py"),
                            str(content), "--articles", args.articles], check=True,
                           stdout=subprocess.DEVNULL)
        old, new = (outputs(code.resolve(), content, Path(tmp) / f"cache-{i}")
                    for i, code in enumerate(args.code))
    differ = [(a, b) for a, b in zip(old, new) if a != b]
    hits = sum(block.count('"kind":') for block in old)
    print(f"{len(old)} searches ({hits} hits in all): {len(differ)} differ")
    for a, b in differ[:5]:
        sys.stdout.writelines(difflib.unified_diff(a.splitlines(True), b.splitlines(True), n=1))
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
