"""`briefing search` against `briefing --version`, at the bundled briefing, 1,000 and 5,000
articles, in one run; prints a table of medians and ratios.

    .venv/bin/python benchmarks/bench_search.py [--sizes bundled,1000,5000] [--repeat 5]

For each size a fresh cache folder (BRIEFING_CACHE_DIR) and a content directory (a copy of the
bundled briefing, or benchmarks/make_synthetic.py's output) in a temporary folder:

- first build: the first search ever, which builds the index from nothing (once per size);
- warm: a search with no file changed since the last one (the index is only checked);
- cold: the first search after editing one article (a paragraph appended), which re-reads
  that article and nothing else;

each for a common word of the corpus ("Lachin", in thousands of paragraphs of the synthetic
briefings) and a rare one (a word only the edited paragraph holds).  Every figure is the
median of --repeat runs of the real `briefing` command in a subprocess; ratios are against
`briefing --version` measured in the same run, alternating with the searches.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.paths import bundled_content  # noqa: E402

BRIEFING = [sys.executable, "-m", "briefing"]


def run(args: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    done = subprocess.run(BRIEFING + args, env=env, cwd=ROOT, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"briefing {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return elapsed


def content_for(size: str, work: Path) -> Path:
    out = work / f"content-{size}"
    if size == "bundled":
        shutil.copytree(bundled_content(), out)
    else:
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_synthetic.py"), str(out),
                        "--articles", size], check=True, stdout=subprocess.DEVNULL)
    return out


def edit(content: Path, n: int) -> None:
    """Append a paragraph to one article (a different one each time)."""
    articles = sorted((content / "articles").glob("*.md"))
    path = articles[n % len(articles)]
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(f"\n\nA late addition mentions the zanzibarite number {n}.\n")


def bench(size: str, work: Path, repeat: int) -> dict[str, float]:
    content = content_for(size, work)
    env = {**os.environ, "BRIEFING_CACHE_DIR": str(work / f"cache-{size}")}
    env.pop("BRIEFING_NO_CACHE", None)
    common = ["search", "--content", str(content), "Lachin"]
    rare = ["search", "--content", str(content), "zanzibarite"]
    figures: dict[str, list[float]] = {k: [] for k in
                                       ("version", "warm common", "warm rare", "cold common",
                                        "cold rare")}
    figures["first build"] = [run(common, env)]
    for n in range(repeat):
        figures["version"].append(run(["--version"], env))
        edit(content, 2 * n)
        figures["cold common"].append(run(common, env))
        figures["warm common"].append(run(common, env))
        figures["version"].append(run(["--version"], env))
        edit(content, 2 * n + 1)
        figures["cold rare"].append(run(rare, env))
        figures["warm rare"].append(run(rare, env))
    return {k: statistics.median(v) for k, v in figures.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="bundled,1000,5000")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
        results = {size: bench(size, Path(tmp), args.repeat) for size in sizes}
    print(f"`briefing search` vs `briefing --version` (median of {args.repeat}; "
          f"x = times --version in the same run)")
    print(f"{'articles':>9} {'--version':>10} {'first build':>12} {'warm common':>17} "
          f"{'warm rare':>17} {'cold common':>17} {'cold rare':>17}")
    for size, f in results.items():
        base = f["version"]
        cells = [f"{f[k] * 1000:7.0f} ms {f[k] / base:5.1f}x"
                 for k in ("warm common", "warm rare", "cold common", "cold rare")]
        print(f"{size:>9} {base * 1000:7.0f} ms {f['first build']:10.1f} s " + " ".join(cells))


if __name__ == "__main__":
    main()
