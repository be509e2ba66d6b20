"""Load + index a 1,000-article synthetic briefing, cold and cached, then time searches.

    .venv/bin/python benchmarks/bench_core.py [--articles 1000] [--dir benchmarks/out/syn1000]

Targets (issue 3, Speed): load and index under 1 s; a search under 50 ms (median).
A baseline is measured in the same run, on the same files: just reading them (open + read +
decode), which no loader can beat; the ratio to it shows how much of the time is our work.
"Cold" is briefing.loader.load_corpus + build_index (what a first start, or any start after
an edit, costs); "warm" is briefing.cache.load_corpus_cached + search_index with the cache
filled (every later start), in a temporary cache folder.  Each timing is the best of
--repeat runs (loads, index) or the median over the queries (search), with the garbage
collector left on, as in real use.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # run from a checkout without installing
sys.path.insert(0, str(HERE))

QUERIES = [
    "peacekeepers", "lachin corridor", "ceasefire", '"security guarantee"', "pashinyan",
    "nagorno-karabakh", "1,960", "some 7,000", "humanitarian crisis", "zakharova said",
    "monitoring mission", "peacek", "lach", "türkiye", "turkiye", '"we will not accept"',
    "gas deal", "blockade checkpoint", "status quo", "minsk group", "episode 4242",
    "unprecedented mandate", "bilateral alliance", "alliance", "the",
]
LOAD_INDEX_TARGET = 1.0  # s
SEARCH_TARGET = 0.050  # s, median


def _best(fn, repeat: int):
    """(best wall time, best CPU time, result) over ``repeat`` runs.

    CPU time (time.process_time) is printed beside wall time because on a shared machine the
    wall clock also counts time spent waiting for a core.
    """
    best, best_cpu, result = float("inf"), float("inf"), None
    for _ in range(repeat):
        c0, t0 = time.process_time(), time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    return best, best_cpu, result


def read_all(root: Path) -> int:
    total = 0
    for p in sorted(root.rglob("*")):
        if p.is_file():
            total += len(p.read_text(encoding="utf-8"))
    return total


def _fresh_process(root: Path, env: dict[str, str]) -> float:
    """Wall time of a new Python process that imports the loader and loads from the cache."""
    code = ("import sys, time; t = time.perf_counter(); "
            "from briefing.cache import load_corpus_cached; "
            f"c, p = load_corpus_cached({str(root)!r}); assert not p; "
            "print(time.perf_counter() - t)")
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=HERE.parent,
                         capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Load/index/search timings on a synthetic briefing.")
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--dir", type=Path, default=None)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args(argv)

    from make_synthetic import write_briefing

    root = args.dir or HERE / "out" / f"syn{args.articles}"
    if not (root / "events.yaml").exists():
        t0 = time.perf_counter()
        totals = write_briefing(root, args.articles, 20, seed=1)
        print(f"generated {root} in {time.perf_counter() - t0:.1f} s: "
              + ", ".join(f"{v:,} {k}" for k, v in totals.items()))

    with tempfile.TemporaryDirectory(prefix="bench-core-cache-") as tmp:
        os.environ["BRIEFING_CACHE_DIR"] = tmp  # never the user's own cache
        os.environ.pop("BRIEFING_NO_CACHE", None)
        return _run(root, args.repeat, tmp)


def _run(root: Path, repeat: int, cache_dir: str) -> int:
    from briefing import cache
    from briefing.analysis.search import build_index
    from briefing.loader import load_corpus

    t_read, c_read, chars = _best(lambda: read_all(root), repeat)
    t_load, c_load, (corpus, problems) = _best(lambda: load_corpus(root), repeat)
    if problems:
        print(f"{len(problems)} problems loading the synthetic briefing, e.g. {problems[0]}")
        return 1
    t_index, c_index, index = _best(lambda: build_index(corpus), repeat)
    n_par = sum(1 for a in corpus.articles.values() for _ in a.paragraphs())

    # Filling the cache: the first start after an edit (a load, then pickling the corpus), and
    # the index's first build (then its dump is written).
    t_fill, c_fill, _ = _best(lambda: cache.load_corpus_cached(root), 1)
    cached, _ = cache.load_corpus_cached(root)
    cache.search_index(cached)
    sizes = {p.suffix: p.stat().st_size for p in Path(cache_dir).iterdir()}
    t_warm, c_warm, (cached, problems) = _best(lambda: cache.load_corpus_cached(root), repeat)
    assert not problems and cached == corpus, "the cache must give back the same corpus"
    t_restore, c_restore, restored = _best(lambda: cache.search_index(cached), repeat)
    env = dict(os.environ, PYTHONPATH=str(HERE.parent))
    t_process = min(_fresh_process(root, env) for _ in range(repeat))

    # First search of each query (cold: term frequencies are counted on first use), then the
    # median of 5 repeats (warm); on the built index and on the restored one.
    def timed(ix):
        cold, warm = [], []
        for q in QUERIES:
            t0 = time.perf_counter()
            ix.search(q, limit=20)
            cold.append(time.perf_counter() - t0)
            runs = []
            for _ in range(5):
                t0 = time.perf_counter()
                ix.search(q, limit=20)
                runs.append(time.perf_counter() - t0)
            warm.append(statistics.median(runs))
        return cold, warm

    restored_cold, _ = timed(restored)
    cold, warm = timed(index)

    ms = 1000
    print(f"corpus: {len(corpus.articles):,} articles, {n_par:,} paragraphs, "
          f"{len(corpus.claims):,} claims, {chars / 1e6:.1f} M characters; "
          f"index: {len(index):,} documents, {index.terms:,} terms; cache files: "
          + ", ".join(f"{k[1:]} {v / 1e6:.0f} MB" for k, v in sorted(sizes.items())))
    print(f"{'':36s}{'wall ms':>9s}{'cpu ms':>9s}{'x baseline':>12s}")

    def row(label: str, wall: float, cpu: float, target: float | None = None) -> None:
        verdict = ""
        if target is not None:
            verdict = f"   target < {target * ms:.0f} ms: {'PASS' if wall < target else 'MISS'}"
        print(f"{label:36s}{wall * ms:9.1f}{cpu * ms:9.1f}{wall / t_read:11.1f}x{verdict}")

    row("baseline (read every file)", t_read, c_read)
    row("cold load (load_corpus)", t_load, c_load)
    row("cold load + cache write", t_fill, c_fill)
    row("warm load (load_corpus_cached)", t_warm, c_warm)
    row("  same, new process incl. imports", t_process, t_process)
    row("index build (build_index)", t_index, c_index)
    row("index restore (search_index)", t_restore, c_restore)
    row("load + index, cold", t_load + t_index, c_load + c_index, LOAD_INDEX_TARGET)
    row("load + index, warm", t_warm + t_restore, c_warm + c_restore, LOAD_INDEX_TARGET)
    for label, times in (("search, first run", cold), ("search, repeated", warm),
                         ("search, first run on restored index", restored_cold)):
        med, worst = statistics.median(times), max(times)
        slowest = QUERIES[times.index(worst)]
        print(f"{label:36s}{med * ms:9.2f}{'':9s}{med / t_read:11.2f}x   target < "
              f"{SEARCH_TARGET * ms:.0f} ms: {'PASS' if med < SEARCH_TARGET else 'MISS'}"
              f"   (median of {len(QUERIES)}; worst {worst * ms:.1f} ms, {slowest!r})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
