"""Opening the compare and events views in a real terminal (tmux, 160x48), against a baseline
in the same run.  Prints figures (no pass/fail).

    .venv/bin/python benchmarks/bench_views_tmux.py [--sizes bundled,1000,5000] [--runs 5]
        [--data DIR] [--settle 0.5]

For each briefing, each run starts the reader in a fresh tmux window (cache warm: one start
first fills it), moves to the first claim (`n`) --settle seconds (0.5) after the first
article shows, then times, from `tmux send-keys` until the view is on the screen (polled with
`capture-pane` about every millisecond):
  `c` (compare the claim's event) the first time and again after escape,
  `v` (the events view) the first time and again.
The baseline, benchmarks/hello_views_app.py, is a Textual app whose `c` and `v` push a screen
holding one Static, timed the same way in the same run.  Targets (issue 19): a view within
100 ms at 160x48 on the bundled briefing and within 300 ms at 5,000 articles.

--data keeps the synthetic briefings (benchmarks/make_synthetic.py, seed 1) in DIR between
runs; without it they are made in a temporary folder.  At 5,000 articles the reader's first
start (building its cache) takes minutes.
"""

from __future__ import annotations

import argparse
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

PYTHON = sys.executable
SIZE = ("160", "48")
VIEWS = {  # key -> (what must be on screen: every one of these, name)
    "c": (("— Compare", " claims"), "compare"),
    "v": (("— Events", " events "), "events"),
}
BASELINE_VIEWS = {"c": (("Compare view opened",), "compare"),
                  "v": (("Events view opened",), "events")}


class Window:
    """One program in a private tmux server, driven by keys and read by capture-pane."""

    def __init__(self, workdir: Path, name: str, argv: list[str], env: dict[str, str]) -> None:
        conf = workdir / "tmux.conf"
        conf.write_text("set -g status off\nset -sg escape-time 0\n")
        self.base = ["tmux", "-u", "-S", str(workdir / f"{name}.sock"), "-f", str(conf)]
        command = "env " + " ".join(shlex.quote(f"{k}={v}") for k, v in env.items()) + " " \
            + " ".join(shlex.quote(a) for a in argv)
        self._tmux("new-session", "-d", "-s", "b", "-x", SIZE[0], "-y", SIZE[1], command)

    def _tmux(self, *args: str) -> str:
        done = subprocess.run(self.base + list(args), capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"tmux {args[0]} failed: {done.stderr.strip()}")
        return done.stdout

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", "b")

    def wait(self, shown: tuple[str, ...] = (), gone: tuple[str, ...] = (),
             timeout: float = 60.0) -> float:
        """Seconds until every text of ``shown`` is on the screen and none of ``gone``."""
        t0 = time.perf_counter()
        while True:
            screen = self.screen()
            if all(s in screen for s in shown) and not any(g in screen for g in gone):
                return time.perf_counter() - t0
            if time.perf_counter() - t0 > timeout:
                raise TimeoutError(f"{shown!r} not on screen after {timeout}s:\n{screen}")
            time.sleep(0.001)

    def press(self, key: str, shown: tuple[str, ...], timeout: float = 60.0) -> float:
        t0 = time.perf_counter()
        self._tmux("send-keys", "-t", "b", key)
        self.wait(shown, timeout=timeout)
        return time.perf_counter() - t0

    def close(self) -> None:
        subprocess.run(self.base + ["kill-server"], capture_output=True)


def first_title(content: Path) -> str:
    from briefing.loader import load_corpus

    corpus, _ = load_corpus(content)
    return next(iter(corpus.articles.values())).title[:30]


def one_run(workdir: Path, n: int, argv: list[str], env: dict[str, str], ready: str,
            views: dict, first_claim: bool, settle: float) -> dict[str, float]:
    """Seconds to open each view the first and the second time, in one fresh process."""
    window = Window(workdir, f"w{n}", argv, env)
    try:
        window.wait((ready,), timeout=900)
        if first_claim:
            window._tmux("send-keys", "-t", "b", "n")
        # The first article shows before the rest of a large briefing has loaded: a view
        # opened sooner waits for it (what --settle sets apart).
        time.sleep(settle)
        out: dict[str, float] = {}
        for key, (shown, name) in views.items():
            for attempt in ("first", "again"):
                out[f"{name} {attempt}"] = window.press(key, shown)
                window._tmux("send-keys", "-t", "b", "Escape")
                window.wait(gone=shown)
                time.sleep(0.2)
        return out
    finally:
        window.close()


def content_for(size: str, data: Path | None, tmp: Path) -> Path:
    from briefing.paths import bundled_content
    from make_synthetic import write_briefing

    if size == "bundled":
        return bundled_content()
    folder = (data or tmp) / f"synthetic-{size}"  # bench_at_scale.py links it to its synN
    if not (folder / "briefing.yaml").exists():
        write_briefing(folder, int(size), 20, seed=1)
    return folder


def bench(size: str, content: Path, runs: int, workdir: Path,
          settle: float) -> dict[str, dict[str, list[float]]]:
    env = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "PYTHONPATH": str(ROOT),
           "XDG_CACHE_HOME": str(workdir / "cache"), "XDG_DATA_HOME": str(workdir / "data"),
           "XDG_STATE_HOME": str(workdir / "state")}
    reader = [PYTHON, "-m", "briefing", "read", "--content", str(content)]
    baseline = [PYTHON, str(HERE / "hello_views_app.py")]
    ready = first_title(content)
    t0 = time.perf_counter()
    window = Window(workdir, "warm", reader, env)  # fills the corpus cache
    try:
        window.wait((ready,), timeout=1800)
    finally:
        window.close()
    print(f"  {size}: first start (fills the cache) {time.perf_counter() - t0:.1f} s",
          flush=True)
    results: dict[str, dict[str, list[float]]] = {"baseline": {}, "briefing": {}}
    for n in range(runs):  # interleaved, so drifting load weighs on both alike
        for name, argv, ready_text, views, move in (
                ("baseline", baseline, "Hello, world", BASELINE_VIEWS, False),
                ("briefing", reader, ready, VIEWS, True)):
            for k, v in one_run(workdir, n * 2 + (name == "briefing"), argv, env, ready_text,
                                views, move, settle).items():
                results[name].setdefault(k, []).append(v)
    return results


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="bundled,1000,5000",
                    help="comma-separated: bundled and/or numbers of synthetic articles")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--data", type=Path, default=None,
                    help="keep the synthetic briefings here between runs")
    ap.add_argument("--settle", type=float, default=0.5,
                    help="seconds between the first article showing and the first key")
    args = ap.parse_args(argv)
    rows = []
    # A reader killed with its window may still be writing its cache as the folder goes.
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as tmp:
        for size in args.sizes.split(","):
            content = content_for(size, args.data, Path(tmp))
            work = Path(tmp) / f"work-{size}"
            work.mkdir()
            res = bench(size, content, args.runs, work, args.settle)
            for what in res["briefing"]:
                base = statistics.median(res["baseline"][what])
                mine = statistics.median(res["briefing"][what])
                rows.append((size, what, base, mine))
    print(f"\nmedian of {args.runs} runs, ms from the key to the view on screen, tmux "
          f"{SIZE[0]}x{SIZE[1]}, first key {args.settle} s after the first article showed")
    print("| briefing | view | baseline (one Static) | briefing | x baseline | target |")
    print("|---|---|---:|---:|---:|---|")
    for size, what, base, mine in rows:
        target = 100 if size == "bundled" else 300
        verdict = "met" if mine * 1000 <= target else "missed"
        print(f"| {size} | {what} | {base * 1000:.0f} | {mine * 1000:.0f} | {mine / base:.1f} "
              f"| {target} ms: {verdict} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
