"""Everything issue 19 asks for at the bundled, 1,000- and 5,000-article briefings, in one run.

    .venv/bin/python benchmarks/bench_at_scale.py [--sizes bundled,1000,5000] [--data DIR]

Builds each synthetic briefing once (benchmarks/make_synthetic.py, seed 1) in DIR (default:
a temporary folder) and runs, one after the other on the same files, each printing its own
table with its baseline measured in the same run:
  bench_views_tmux.py  view-open times in a real terminal (tmux 160x48) against a Textual
                       app pushing a one-Static screen;
  bench_views.py       view-open times in process, RSS after 5 and 50 opens of each view,
                       the background analysis;
  bench_search.py      `briefing search` (warm, and first after an edit) against
                       `briefing --version`, and the index's first build;
  bench_scale.py       `check` (nothing changed, after an edit, --full), loads, RSS,
                       against `briefing --version`.
At 5,000 articles the whole run takes the better part of an hour on a 2-core machine.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
STEPS = [  # (script, how it is told where the synthetic briefings are)
    ("bench_views_tmux.py", "--data"),
    ("bench_views.py", "--synthetic-dir"),
    ("bench_search.py", "--data"),
    ("bench_scale.py", "--data"),
]


def prepare(data: Path, sizes: list[str]) -> None:
    """DIR/synN for each synthetic size, and DIR/synthetic-N pointing at it (the two names
    the scripts look for)."""
    for size in sizes:
        if size == "bundled":
            continue
        built = data / f"syn{size}"
        if not (built / "events.yaml").exists():
            t0 = time.perf_counter()
            subprocess.run([sys.executable, str(HERE / "make_synthetic.py"), str(built),
                            "--articles", size], check=True, stdout=subprocess.DEVNULL)
            print(f"built {size} articles in {time.perf_counter() - t0:.0f} s", flush=True)
        alias = data / f"synthetic-{size}"
        if not alias.exists():
            alias.symlink_to(built.name)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="bundled,1000,5000")
    ap.add_argument("--data", type=Path, default=None,
                    help="keep the synthetic briefings here between runs")
    ap.add_argument("--only", default=None,
                    help="comma-separated script names to run (default: all four)")
    args = ap.parse_args(argv)
    sizes = args.sizes.split(",")
    wanted = set(args.only.split(",")) if args.only else None
    with tempfile.TemporaryDirectory() as tmp:
        data = args.data or Path(tmp)
        data.mkdir(parents=True, exist_ok=True)
        prepare(data, sizes)
        failed = []
        for script, flag in STEPS:
            if wanted is not None and script.removesuffix(".py") not in wanted \
                    and script not in wanted:
                continue
            print(f"\n=== {script} --sizes {args.sizes}", flush=True)
            t0 = time.perf_counter()
            done = subprocess.run([sys.executable, str(HERE / script), "--sizes", args.sizes,
                                   flag, str(data)])
            print(f"=== {script}: {time.perf_counter() - t0:.0f} s, exit {done.returncode}",
                  flush=True)
            if done.returncode != 0:
                failed.append(script)
    if failed:
        print("failed: " + ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
