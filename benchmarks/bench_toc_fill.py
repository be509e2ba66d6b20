"""How long the contents pane holds the interface thread while a large briefing's sources go
in (issue 19), against a plain Textual Tree given the same sources at once, in the same run.
Prints figures (no pass/fail).

    .venv/bin/python benchmarks/bench_toc_fill.py [--sizes 1000,5000] [--runs 3]

Each run mounts the pane (briefing.tui.widgets.toc.TocTree) in a headless 160x48 app and,
from the mount until 0.2 s after every source is in, wakes a heartbeat every millisecond:
the longest gap between two beats is the longest a key pressed meanwhile would wait.  The baseline is a
Tree whose sources are all added in one go after the first paint, as the pane did before.
The sources are made up (seeded): titles, bylines, outlets and dates of realistic lengths,
three to eight sections each.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rich.text import Text  # noqa: E402
from textual.app import App, ComposeResult  # noqa: E402
from textual.widgets import Tree  # noqa: E402

from briefing.outline import OutlineEntry  # noqa: E402
from briefing.tui.widgets.toc import TocTree  # noqa: E402

WORDS = ("ceasefire corridor talks border offensive shelling mediators envoy villages "
         "refugees pipeline summit sanctions monitors enclave peacekeepers frontier").split()


def outline(n: int, seed: int = 1) -> list[OutlineEntry]:
    rng = random.Random(seed)
    entries = []
    for i in range(n):
        title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 12))).capitalize()
        byline = " and ".join(f"{rng.choice(WORDS).title()} {rng.choice(WORDS).title()}"
                              for _ in range(rng.randint(1, 3)))
        sections = tuple((s, None if s == 0 else rng.choice(WORDS).title())
                         for s in range(rng.randint(3, 8)))
        entries.append(OutlineEntry(f"src-{i:05d}", title, byline,
                                    rng.choice((None, "The Ledger", "Caucasus Weekly")),
                                    f"2022-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                                    sections))
    return entries


class AtOnce(Tree[str]):
    """The baseline: every source added in one go after the first paint."""

    def __init__(self, entries: list[OutlineEntry]) -> None:
        super().__init__("Sources")
        self.entries = entries
        self.show_root = False

    def on_mount(self) -> None:
        self.call_after_refresh(self._fill)

    def _fill(self) -> None:
        for entry in self.entries:
            label = Text(entry.title, style="bold")
            label.append(f"  {entry.byline} · {entry.outlet or ''} · {entry.published}",
                         style="dim")
            self.root.add(label, data=entry.article_id, allow_expand=bool(entry.sections))
        self.post_message(TocTree.Filled())


class Pane(App[None]):
    def __init__(self, tree: Tree) -> None:
        super().__init__()
        self.pane = tree
        self.filled = asyncio.Event()

    def compose(self) -> ComposeResult:
        yield self.pane

    def on_toc_tree_filled(self, message: TocTree.Filled) -> None:
        self.filled.set()


async def one_run(make_tree) -> tuple[float, float]:
    """(longest gap between heartbeats, time until every source is in), in ms."""
    app = Pane(make_tree())
    async with app.run_test(size=(160, 48)) as pilot:
        start = last = time.perf_counter()
        longest, filled = 0.0, None
        # Beats go on for a moment after the last source is in: its lines are built then.
        while filled is None or last - start < filled + 0.2:
            await asyncio.sleep(0.001)
            now = time.perf_counter()
            longest, last = max(longest, now - last), now
            if filled is None and app.filled.is_set():
                filled = now - start
        await pilot.pause()
    return longest * 1000, filled * 1000


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,5000")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args(argv)
    print(f"median of {args.runs} runs, ms; 'longest wait': the longest the event loop was held "
          "from the mount until 0.2 s after the last source is in")
    print("| sources | pane | longest wait | x baseline | all sources in | x baseline |")
    print("|---:|---|---:|---:|---:|---:|")
    for size in (int(s) for s in args.sizes.split(",")):
        entries = outline(size)
        figures = {}
        for name, make in (("baseline (one go)", lambda: AtOnce(entries)),
                           ("contents (slices)", lambda: TocTree(entries))):
            runs = [asyncio.run(one_run(make)) for _ in range(args.runs)]
            figures[name] = (statistics.median(r[0] for r in runs),
                             statistics.median(r[1] for r in runs))
        base_wait, base_fill = figures["baseline (one go)"]
        for name, (wait, fill) in figures.items():
            print(f"| {size:,} | {name} | {wait:.0f} | {wait / base_wait:.2f} | {fill:.0f} | "
                  f"{fill / base_fill:.2f} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
