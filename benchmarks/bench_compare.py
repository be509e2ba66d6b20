"""Time the compare and events views (headless) on the bundled briefing and a synthetic one.

    .venv/bin/python benchmarks/bench_compare.py [--articles 40] [--events 200]

Prints, for each briefing: the analysis of every event (done once, in the background, after
loading), reading one event's analysis afterwards, the time to open the compare view on the event with the most sources and to open the events
view (push + first layout, at 160x48), one filter keystroke in the events view, and one
claim-to-claim move in the compare view.  Wall and CPU time; best of --repeat.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))


def _clock():
    return time.perf_counter(), time.process_time()


def _since(start) -> str:
    wall, cpu = time.perf_counter() - start[0], time.process_time() - start[1]
    return f"{wall * 1000:7.1f} ms wall {cpu * 1000:7.1f} ms cpu"


async def _views(corpus, event_id: str, size=(160, 48)) -> list[tuple[str, str]]:
    from briefing.tui.app import BriefingApp
    from briefing.tui.screens.compare import CompareScreen
    from briefing.tui.screens.events import EventsScreen

    rows: list[tuple[str, str]] = []
    app = BriefingApp(corpus, build_index=False)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        t = _clock()
        await app.push_screen(CompareScreen(corpus, event_id))
        await pilot.pause()
        n = sum(len(c.claims.claim_ids()) for c in app.screen.columns if c.display)
        rows.append((f"open compare view ({n} claims in view)", _since(t)))
        t = _clock()
        app.screen.action_move(1)
        app.screen.action_move(1)
        await pilot.pause()
        rows.append(("two claim moves", _since(t)))
        app.pop_screen()
        await pilot.pause()
        t = _clock()
        await app.push_screen(EventsScreen(corpus))
        await pilot.pause()
        rows.append((f"open events view ({app.screen.table.row_count} rows)", _since(t)))
        t = _clock()
        await pilot.press("slash", "e")
        await pilot.pause()
        rows.append(("filter keystroke", _since(t)))
    return rows


def bench(name: str, root: Path) -> None:
    from briefing.loader import load_corpus
    from briefing.tui.viewmodels.event_index import analyse, warm

    corpus, problems = load_corpus(root)
    if problems:
        raise SystemExit(f"{name}: {len(problems)} problems, first: {problems[0]}")
    busiest = max(corpus.events, key=lambda e: (len(corpus.sources_for_event(e)),
                                                 len(corpus.claims_for_event(e))))
    n_src = len(corpus.sources_for_event(busiest))
    print(f"{name}: {len(corpus.articles)} sources, {len(corpus.events)} events, "
          f"{len(corpus.claims)} claims; busiest event {busiest} ({n_src} sources, "
          f"{len(corpus.claims_for_event(busiest))} claims)")
    t = _clock()
    warm(corpus)
    print(f"  {'every event analysed (once, in the background)':<44}{_since(t)}")
    t = _clock()
    analyse(corpus, busiest)
    print(f"  {'one event analysis when the view opens':<44}{_since(t)}")
    for label, figure in asyncio.run(_views(corpus, busiest)):
        print(f"  {label:<44}{figure}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=40)
    ap.add_argument("--claims", type=int, default=20)
    ap.add_argument("--events", type=int, default=200)
    args = ap.parse_args(argv)
    from briefing.paths import bundled_content
    from make_synthetic import write_briefing

    bench("bundled", bundled_content())
    with tempfile.TemporaryDirectory() as tmp:
        write_briefing(Path(tmp), args.articles, args.claims, seed=1, n_events=args.events)
        bench(f"synthetic ({args.articles} articles)", Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
