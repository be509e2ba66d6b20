"""Loading and checking at scale: `check` (incremental and --full), a load after editing one
file, a warm load, `claims --json` and `events`, each against `briefing --version`, and the
peak RSS of a load; at the bundled briefing, 1,000 and 5,000 articles in one run.

    .venv/bin/python benchmarks/bench_scale.py [--sizes bundled,1000,5000] [--repeat 3]
        [--code DIR] [--data DIR] [--only 'check,check after edit']

--code DIR runs another checkout's code (PYTHONPATH=DIR), e.g. the main branch, to print the
"before" table with the same script on the same files; --data DIR takes the synthetic
briefings from DIR/syn1000, DIR/syn5000 when they exist (else make_synthetic.py writes them);
--only measures those columns alone (the loads go together).

Every figure is the median of --repeat runs of a fresh process, in a fresh cache folder
(BRIEFING_CACHE_DIR) per size.  One round, in order:

- `--version`: the baseline, a process that loads nothing;
- edited load: one article gets a paragraph appended, then a process loads the corpus
  (briefing.cache.load_corpus_cached, as every command does): the first start after an edit;
- settling load: the next load, nothing edited since (it may save the whole corpus);
- warm load: a load with the cache filled;
- `check` with nothing changed since the two checks before it (the first after the edit, and
  the settling one), `check` right after editing another article, `check --full`;
- `claims --json` and `events` (warm).

Each cell: wall seconds, the ratio to `--version`, and CPU seconds (the command's own, from
getrusage of the children; a load's own process_time): on a machine shared with other jobs
the wall clock also counts the wait for a core, the CPU time does not.

The load processes print their own load time (without Python's start-up) and their peak
RSS (ru_maxrss), so the table shows both a load's cost and a command's.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_search import content_for  # noqa: E402 - the same briefings, made the same way

LOAD = ("import resource, sys, time\n"
        "t, c = time.perf_counter(), time.process_time()\n"
        "from briefing.cache import load_corpus_cached\n"
        "corpus, problems = load_corpus_cached(sys.argv[1])\n"
        "assert not problems, problems[:3]\n"
        "print(time.perf_counter() - t, time.process_time() - c,\n"
        "      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)\n")


class Runner:
    """Runs `python -m briefing` and the load script in ``code`` (the folder is the first entry
    of sys.path for `-m` and `-c`, so that checkout's package is the one imported)."""

    def __init__(self, env: dict[str, str], code: Path) -> None:
        self.env = env
        self.code = code

    def command(self, *args: str) -> float:
        self.cpu = _children_cpu()
        start = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "briefing", *args], env=self.env,
                              cwd=self.code, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        elapsed = time.perf_counter() - start
        self.cpu = _children_cpu() - self.cpu  # what the command itself used, however busy
        if done.returncode != 0:
            sys.exit(f"briefing {' '.join(args)} failed:\n{done.stderr[-2000:]}")
        return elapsed

    def load(self, content: Path) -> tuple[float, float]:
        """(seconds loading, peak RSS in MB) of a fresh process that loads ``content``; its
        CPU seconds loading in ``self.cpu``."""
        done = subprocess.run([sys.executable, "-c", LOAD, str(content)], env=self.env, cwd=self.code,
                              capture_output=True, text=True)
        if done.returncode != 0:
            sys.exit(f"load failed:\n{done.stderr[-2000:]}")
        seconds, cpu, rss_kb = done.stdout.split()
        self.cpu = float(cpu)
        return float(seconds), int(rss_kb) / 1024

    def has_full_check(self) -> bool:
        done = subprocess.run([sys.executable, "-m", "briefing", "check", "--help"], env=self.env,
                              cwd=self.code, capture_output=True, text=True)
        return "--full" in done.stdout


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def edit(content: Path, n: int) -> None:
    """Append a paragraph to one article (a different one each time)."""
    articles = sorted((content / "articles").glob("*.md"))
    with open(articles[n % len(articles)], "a", encoding="utf-8") as fh:
        fh.write(f"\n\nA late addition, number {n}, to this article.\n")


def bench(size: str, work: Path, repeat: int, env: dict[str, str], code: Path,
          data: Path | None, columns: tuple[str, ...]) -> dict:
    content = content_for(size, work, data)
    env = {**env, "BRIEFING_CACHE_DIR": str(work / f"cache-{size}")}
    env.pop("BRIEFING_NO_CACHE", None)
    run = Runner(env, code)
    full = ["check", "--full"] if run.has_full_check() else ["check"]  # before: always full
    c = ["--content", str(content)]
    f: dict[str, list[float]] = {}

    def add(key: str, value: float) -> None:
        f.setdefault(key, []).append(value)
        if key != "version" and not key.endswith("rss"):
            f.setdefault(key + " cpu", []).append(run.cpu)

    run.load(content)  # fills the caches
    for n in range(repeat):
        add("version", run.command("--version"))
        edit(content, 2 * n)
        if loads_in(columns):
            seconds, rss = run.load(content)
            add("edited load", seconds)
            add("edited rss", rss)
            add("settling load", run.load(content)[0])
            seconds, rss = run.load(content)
            add("warm load", seconds)
            add("warm rss", rss)
        if "check" in columns:
            for _ in range(2):  # after the edit above: a check that parses it, then one that
                run.command("check", *c)  # saves the whole corpus again (the settling load)
            add("check", run.command("check", *c))
        edit(content, 2 * n + 1)
        if "check after edit" in columns:
            add("check after edit", run.command("check", *c))
        if "check --full" in columns:
            add("check --full", run.command(*full, *c))
        if "claims --json" in columns:
            add("claims --json", run.command("claims", "--json", *c))
        if "events" in columns:
            add("events", run.command("events", *c))
        add("version", run.command("--version"))
    return {k: statistics.median(v) for k, v in f.items()}


def loads_in(columns: tuple[str, ...]) -> bool:
    return any(k in columns for k in ("edited load", "settling load", "warm load"))


COLUMNS = ("check", "check after edit", "check --full", "edited load", "settling load",
           "warm load", "claims --json", "events")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="bundled,1000,5000")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--code", type=Path, default=None, help="run this checkout's code instead")
    ap.add_argument("--data", type=Path, default=None, help="folder with syn1000/, syn5000/")
    ap.add_argument("--only", default=None,
                    help="comma-separated columns to measure (e.g. 'check,check after edit')")
    args = ap.parse_args()
    columns = COLUMNS if args.only is None else tuple(
        c for c in COLUMNS if c in {x.strip() for x in args.only.split(",")})
    env = dict(os.environ)
    code = (args.code or ROOT).resolve()
    env["PYTHONPATH"] = str(code)
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    with tempfile.TemporaryDirectory(prefix="bench-scale-") as tmp:
        results = {}
        for size in sizes:
            results[size] = bench(size, Path(tmp), args.repeat, env, code, args.data, columns)
            print(f"{size}: done", file=sys.stderr, flush=True)
    print(f"code: {code}; median of {args.repeat}; wall seconds (x = times `briefing --version` "
          f"in the same run) / CPU seconds; loads: time inside the process, RSS = its peak")
    loads = loads_in(columns)
    print(f"{'articles':>8} {'--version':>9} " + " ".join(f"{k:>19}" for k in columns)
          + (f" {'RSS edited':>10} {'RSS warm':>9}" if loads else ""))
    for size, r in results.items():
        base = r["version"]
        cells = [f"{r[k]:6.2f} {r[k] / base:5.1f}x {r[k + ' cpu']:5.2f}" for k in columns]
        print(f"{size:>8} {base * 1000:6.0f} ms " + " ".join(cells)
              + (f" {r['edited rss']:7.0f} MB {r['warm rss']:6.0f} MB" if loads else ""))


if __name__ == "__main__":
    main()
