"""Time the compare and events views against a one-screen Textual baseline, and their memory.

    .venv/bin/python benchmarks/bench_views.py [--sizes bundled,1000,5000] [--repeat 3]
        [--synthetic-dir /tmp/briefings]

For the bundled briefing and synthetic ones (benchmarks/make_synthetic.py, N articles; with
--synthetic-dir each is built once there and reused by later runs):
- the analysis: the first event from cold (what a view opened before the background warm-up
  reached its event waits for: the corpus-wide indexes, then that event) and then every event
  (viewmodels.event_index.warm, the background warm-up after loading), which the views then
  only read;
- the time to open each view at 160x48 (push + first full layout and paint, headless via
  Pilot), best of --repeat, next to the baseline measured in the same app and run: pushing a
  screen holding one Static (what any Textual view costs at least).  The garbage collector
  is handled as the `briefing` executable does (briefing.launch: paused during start-up,
  what exists then frozen out of its way after the first paint);
- RSS after 5 and after 50 opens (and closes) of each view, after a full collection, and the
  growth between the two (the issue's bar: within 10 %).
The compare view is opened on the event with the most sources.  Above --warm-max articles the
warm-up of every event is not awaited (only the compared event is analysed), so the figures
are the views' own cost; the events view's ≠ column is then empty.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

SIZE = (160, 48)


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        pages = int(f.read().split()[1])
    import os

    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


async def _measure(corpus, event_id: str, repeat: int, opens: tuple[int, int]):
    from textual.screen import Screen
    from textual.widgets import Static

    from briefing.tui.app import BriefingApp
    from briefing.tui.screens.compare import CompareScreen
    from briefing.tui.screens.events import EventsScreen

    class OneStatic(Screen[None]):
        def compose(self):
            yield Static("Hello, world")

    makers = {
        "baseline (one Static)": lambda: OneStatic(),
        "compare view": lambda: CompareScreen(corpus, event_id),
        "events view": lambda: EventsScreen(corpus),
    }
    times: dict[str, float] = {}
    cpu: dict[str, float] = {}
    rss: dict[int, float] = {}
    from briefing.startup import pause_collector

    pause_collector()  # as briefing.launch does; the reader's first paint resumes and freezes
    app = BriefingApp(corpus, build_index=False)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        for _ in range(200):  # the app's own background analysis, started after loading
            if any(w.group == "analysis" and not w.is_finished for w in app.workers):
                await pilot.pause(0.05)
            else:
                break
        for name, make in makers.items():
            best, best_cpu = float("inf"), float("inf")
            for _ in range(repeat):
                t, c = time.perf_counter(), time.process_time()
                await app.push_screen(make())
                await pilot.pause()
                best = min(best, time.perf_counter() - t)
                best_cpu = min(best_cpu, time.process_time() - c)
                app.pop_screen()
                await pilot.pause()
            times[name] = best
            cpu[name] = best_cpu
        done = 0
        for target in opens:
            while done < target:
                for make in (makers["compare view"], makers["events view"]):
                    await app.push_screen(make())
                    await pilot.pause()
                    app.pop_screen()
                    await pilot.pause()
                done += 1
            gc.collect()
            rss[target] = rss_mb()
    return times, cpu, rss


def bench(name: str, root: Path, repeat: int, warm_all: bool = True) -> list[str]:
    from briefing.loader import load_corpus
    from briefing.tui.viewmodels import event_index as ix
    from briefing.tui.viewmodels.event_index import analyse, event_index, warm

    corpus, problems = load_corpus(root)
    if problems:
        raise SystemExit(f"{name}: {len(problems)} problems, first: {problems[0]}")
    index = event_index(corpus)
    busiest = max(index.rows, key=lambda r: (r.sources, sum(r.counts.values()))).event.id
    row = index.row(busiest)
    t, c = time.perf_counter(), time.process_time()
    analyse(corpus, busiest)  # from cold: the corpus-wide indexes, then this event
    first, first_cpu = time.perf_counter() - t, time.process_time() - c
    t, c = time.perf_counter(), time.process_time()
    if warm_all:
        warm(corpus)
    else:
        ix.warm = lambda corpus, first=None: {}  # noqa: E731 (see the module's docstring)
    every, every_cpu = time.perf_counter() - t, time.process_time() - c
    times, cpu, rss = asyncio.run(_measure(corpus, busiest, repeat, (5, 50)))
    base, base_cpu = times["baseline (one Static)"], cpu["baseline (one Static)"]
    print(f"{name}: {len(corpus.articles)} sources, {len(corpus.events)} events, "
          f"{len(corpus.claims)} claims; compare on {busiest} ({row.sources} sources, "
          f"{sum(row.counts.values())} claims)")
    print(f"  {'analysis of the first event, from cold':<42}{first * 1000:8.0f} ms wall "
          f"{first_cpu * 1000:8.0f} ms cpu")
    if warm_all:
        print(f"  {'then of every other event (the warm-up)':<42}{every * 1000:8.0f} ms wall "
              f"{every_cpu * 1000:8.0f} ms cpu")
    for label, value in times.items():
        print(f"  {'open ' + label:<42}{value * 1000:8.1f} ms wall ({value / base:4.1f}x)"
              f"{cpu[label] * 1000:8.1f} ms cpu ({cpu[label] / base_cpu:4.1f}x baseline)")
    growth = (rss[50] - rss[5]) / rss[5] * 100
    print(f"  {'RSS after 5 / 50 opens of each view':<42}{rss[5]:8.1f} / {rss[50]:.1f} MB "
          f"({growth:+.1f} %)")

    def cell(label: str) -> str:
        return f"{times[label] * 1000:.0f} ms ({cpu[label] * 1000:.0f} cpu)"

    analysis = f"{first:.1f} s ({first_cpu:.1f} cpu)"
    analysis += f" + {every:.1f} s ({every_cpu:.1f} cpu)" if warm_all else " + not run"
    return [name, cell("baseline (one Static)"), cell("compare view"), cell("events view"),
            f"{rss[5]:.0f} → {rss[50]:.0f} MB ({growth:+.1f} %)", analysis]


def synthetic(size: int, keep: Path | None):
    """A directory holding the synthetic briefing of ``size`` articles (seed 1): built in a
    temporary directory, or once under ``keep`` and reused."""
    from contextlib import nullcontext

    from make_synthetic import write_briefing

    if keep is None:
        tmp = tempfile.TemporaryDirectory()
        write_briefing(Path(tmp.name), size, 20, seed=1)
        return tmp
    root = keep / f"synthetic-{size}"
    if not (root / "events.yaml").exists():
        write_briefing(root, size, 20, seed=1)
    return nullcontext(str(root))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="bundled,1000,5000",
                    help="comma-separated: bundled and/or numbers of synthetic articles")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--warm-max", type=int, default=5000,
                    help="analyse every event first only up to this many articles")
    ap.add_argument("--synthetic-dir", type=Path, default=None,
                    help="keep the synthetic briefings here and reuse them")
    args = ap.parse_args(argv)
    from briefing.paths import bundled_content

    rows = []
    for size in args.sizes.split(","):
        if size == "bundled":
            rows.append(bench("bundled", bundled_content(), args.repeat))
            continue
        with synthetic(int(size), args.synthetic_dir) as tmp:
            rows.append(bench(f"synthetic {size}", Path(tmp), args.repeat,
                              warm_all=int(size) <= args.warm_max))
    print("\n| briefing | baseline (one Static) | compare | events | RSS 5 → 50 opens "
          "| analysis: first event from cold + every other |")
    print("|---|---|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
