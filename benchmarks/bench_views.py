"""Time the compare and events views against a one-screen Textual baseline, and their memory.

    .venv/bin/python benchmarks/bench_views.py [--sizes bundled,1000,5000] [--repeat 3]

For the bundled briefing and synthetic ones (benchmarks/make_synthetic.py, N articles):
- the background analysis done once after loading (viewmodels.event_index.warm), which the
  views then only read;
- the time to open each view at 160x48 (push + first full layout and paint, headless via
  Pilot), best of --repeat, next to the baseline measured in the same app and run: pushing a
  screen holding one Static (what any Textual view costs at least);
- RSS after 5 and after 50 opens (and closes) of each view, after a full collection, and the
  growth between the two (the issue's bar: within 10 %).
The compare view is opened on the event with the most sources.  Above --warm-max articles the
analysis of every event (minutes at 5,000 articles, in analysis/) is not awaited: only the
compared event is analysed first and the background warm-up is left out of the run, so the
figures are the views' own cost; the events view's ≠ column is then empty.
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
    t = time.perf_counter()
    if warm_all:
        warm(corpus)
    else:
        analyse(corpus, busiest)
        ix.warm = lambda corpus, first=None: {}  # noqa: E731 (see the module's docstring)
    analysis = time.perf_counter() - t
    times, cpu, rss = asyncio.run(_measure(corpus, busiest, repeat, (5, 50)))
    base, base_cpu = times["baseline (one Static)"], cpu["baseline (one Static)"]
    print(f"{name}: {len(corpus.articles)} sources, {len(corpus.events)} events, "
          f"{len(corpus.claims)} claims; compare on {busiest} ({row.sources} sources, "
          f"{sum(row.counts.values())} claims)")
    what = ("background analysis, once after loading" if warm_all
            else "analysis of the compared event only")
    print(f"  {what:<42}{analysis * 1000:8.0f} ms")
    for label, value in times.items():
        print(f"  {'open ' + label:<42}{value * 1000:8.1f} ms wall ({value / base:4.1f}x)"
              f"{cpu[label] * 1000:8.1f} ms cpu ({cpu[label] / base_cpu:4.1f}x baseline)")
    growth = (rss[50] - rss[5]) / rss[5] * 100
    print(f"  {'RSS after 5 / 50 opens of each view':<42}{rss[5]:8.1f} / {rss[50]:.1f} MB "
          f"({growth:+.1f} %)")
    def cell(label: str) -> str:
        return f"{times[label] * 1000:.0f} ms ({cpu[label] * 1000:.0f} cpu)"

    return [name, cell("baseline (one Static)"), cell("compare view"), cell("events view"),
            f"{rss[5]:.0f} → {rss[50]:.0f} MB ({growth:+.1f} %)",
            f"{analysis:.1f} s" + ("" if warm_all else " (one event)")]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="bundled,1000,5000",
                    help="comma-separated: bundled and/or numbers of synthetic articles")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--warm-max", type=int, default=1000,
                    help="analyse every event first only up to this many articles")
    args = ap.parse_args(argv)
    from briefing.paths import bundled_content
    from make_synthetic import write_briefing

    rows = []
    for size in args.sizes.split(","):
        if size == "bundled":
            rows.append(bench("bundled", bundled_content(), args.repeat))
            continue
        with tempfile.TemporaryDirectory() as tmp:
            write_briefing(Path(tmp), int(size), 20, seed=1)
            rows.append(bench(f"synthetic {size}", Path(tmp), args.repeat,
                              warm_all=int(size) <= args.warm_max))
    print("\n| briefing | baseline (one Static) | compare | events | RSS 5 → 50 opens | analysis (once) |")
    print("|---|---|---|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
