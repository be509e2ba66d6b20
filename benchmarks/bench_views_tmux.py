"""Opening the compare and events views in a real terminal (tmux, 160x48), against a baseline
in the same run.  Prints figures (no pass/fail).

    .venv/bin/python benchmarks/bench_views_tmux.py [--sizes bundled,1000,5000] [--runs 5]
        [--data DIR] [--settle 0.5]

For each briefing, each run starts the reader in a fresh tmux window (cache warm: one start
first fills it, and is left until its background work, the search index, is done; every
reader is gone, killed if need be, before the next run starts), moves to the first claim (`n`) and, --settle seconds (0.5) after the first
article shows, presses one view's key: soon after start, while a large briefing is still
loading its sources in the background.  It times, from `tmux send-keys`, until the view is
on the screen (polled with `capture-pane` about every millisecond; opened while loading, the
view shows its frame and a "Loading the briefing's N sources" note), then until its content
is in ("filled").  After escape it presses the key again, then opens and reopens the other
view.  Half the runs press `c` (compare the claim's event) first, half `v` (the events
view), so each view is timed soon after start, first after the load, and again.
The baseline, benchmarks/hello_views_app.py, is a Textual app whose `c` and `v` push a screen
holding one Static, timed the same way in the same run.  Targets (issue 19): a view within
100 ms at 160x48 on the bundled briefing and within 300 ms at 5,000 articles.

--data keeps the synthetic briefings (benchmarks/make_synthetic.py, seed 1) in DIR between
runs; without it they are made in a temporary folder.  At 5,000 articles the reader's first
start (building its cache) takes minutes.
"""

from __future__ import annotations

import argparse
import os
import shlex
import signal
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
# key -> (every one of these on screen: the view is up, this too: its content is in, name)
VIEWS = {
    "c": (("— Compare",), "sources cover it", "compare"),
    "v": (("— Events", " events "), "single-source", "events"),
}
BASELINE_VIEWS = {"c": (("Compare view opened",), "Compare view opened", "compare"),
                  "v": (("Events view opened",), "Events view opened", "events")}
LOADING = "Loading the briefing"  # what a view opened before every source is in shows


class Window:
    """One program in a private tmux server, driven by keys and read by capture-pane."""

    def __init__(self, workdir: Path, name: str, argv: list[str], env: dict[str, str]) -> None:
        conf = workdir / "tmux.conf"
        conf.write_text("set -g status off\nset -sg escape-time 0\n")
        self.base = ["tmux", "-u", "-S", str(workdir / f"{name}.sock"), "-f", str(conf)]
        command = "env " + " ".join(shlex.quote(f"{k}={v}") for k, v in env.items()) + " " \
            + " ".join(shlex.quote(a) for a in argv)
        self._tmux("new-session", "-d", "-s", "b", "-x", SIZE[0], "-y", SIZE[1], command)
        self.pid = int(self._tmux("display-message", "-p", "-t", "b", "#{pane_pid}").strip())

    def _tmux(self, *args: str) -> str:
        done = subprocess.run(self.base + list(args), capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"tmux {args[0]} failed: {done.stderr.strip()}")
        return done.stdout

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", "b")

    def wait(self, shown: tuple[str, ...] = (), gone: tuple[str, ...] = (),
             either: tuple[str, ...] = (), timeout: float = 60.0) -> str:
        """The screen once every text of ``shown``, one of ``either`` (if any) and none of
        ``gone`` are on it."""
        t0 = time.perf_counter()
        while True:
            screen = self.screen()
            if all(s in screen for s in shown) and not any(g in screen for g in gone) \
                    and (not either or any(e in screen for e in either)):
                return screen
            if time.perf_counter() - t0 > timeout:
                raise TimeoutError(f"{shown!r} not on screen after {timeout}s:\n{screen}")
            time.sleep(0.001)

    def press(self, key: str, shown: tuple[str, ...], content: str,
              timeout: float = 60.0) -> tuple[float, float, bool]:
        """Seconds from the key to the view on screen and to its content in, and whether it
        showed its loading note first."""
        t0 = time.perf_counter()
        self._tmux("send-keys", "-t", "b", key)
        screen = self.wait(shown, either=(content, LOADING), timeout=timeout)
        up = time.perf_counter() - t0
        loading = content not in screen
        if loading:
            self.wait(shown + (content,), timeout=timeout)
        return up, time.perf_counter() - t0, loading

    def settle(self, timeout: float = 900.0) -> None:
        """Until the program is nearly idle (under 5% of a CPU over a second): what it started
        in the background (the reader's search index: half a minute at 5,000 articles) is
        done and will not compete with the runs timed after it."""
        hz = os.sysconf("SC_CLK_TCK")
        t0 = time.perf_counter()
        used = _cpu_ticks(self.pid)
        while time.perf_counter() - t0 < timeout:
            time.sleep(1.0)
            now = _cpu_ticks(self.pid)
            if now < 0 or now - used <= 0.05 * hz:
                return
            used = now

    def close(self) -> None:
        """Close the window and make sure the program is gone: one still at work after its
        terminal closed would take the CPU from the next run."""
        subprocess.run(self.base + ["kill-server"], capture_output=True)
        for sig, wait in ((None, 2.0), (signal.SIGTERM, 2.0), (signal.SIGKILL, 2.0)):
            if sig is not None:
                try:
                    os.kill(self.pid, sig)
                except ProcessLookupError:
                    return
            t0 = time.perf_counter()
            while time.perf_counter() - t0 < wait:
                if not _alive(self.pid):
                    return
                time.sleep(0.05)


def _cpu_ticks(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime + stime
    except (OSError, IndexError, ValueError):
        return -1


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def first_title(content: Path) -> str:
    from briefing.loader import load_corpus

    corpus, _ = load_corpus(content)
    return next(iter(corpus.articles.values())).title[:30]


def one_run(workdir: Path, n: int, argv: list[str], env: dict[str, str], ready: str,
            views: dict, first: str, first_claim: bool, settle: float) -> dict[str, float]:
    """Seconds to open each view, in one fresh process: the ``first`` key soon after start,
    then again; then the other view, first and again."""
    window = Window(workdir, f"w{n}", argv, env)
    try:
        window.wait((ready,), timeout=900)
        if first_claim:
            window._tmux("send-keys", "-t", "b", "n")
        # The first article shows before the rest of a large briefing has loaded: the view
        # opened now shows at once and fills in when the sources are in.
        time.sleep(settle)
        out: dict[str, float] = {}
        order = [first] + [k for k in views if k != first]
        for key in order:
            shown, content, name = views[key]
            attempts = ("soon after start", "again") if key == first else \
                ("first after the load", "again")
            for attempt in attempts:
                up, filled, loading = window.press(key, shown, content)
                out[f"{name}, {attempt}"] = up
                if attempt == "soon after start":
                    out[f"{name}, {attempt}: filled"] = filled
                    out[f"{name}, {attempt}: opened loading"] = float(loading)
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
    window = Window(workdir, "warm", reader, env)  # fills the caches and the search index
    try:
        window.wait((ready,), timeout=1800)
        window.settle()
    finally:
        window.close()
    print(f"  {size}: first start (fills the cache) {time.perf_counter() - t0:.1f} s",
          flush=True)
    results: dict[str, dict[str, list[float]]] = {"baseline": {}, "briefing": {}}
    n = 0
    for _ in range(runs):  # interleaved, so drifting load weighs on both alike
        for first in VIEWS:
            for name, argv, ready_text, views, move in (
                    ("baseline", baseline, "Hello, world", BASELINE_VIEWS, False),
                    ("briefing", reader, ready, VIEWS, True)):
                n += 1
                for k, v in one_run(workdir, n, argv, env, ready_text, views, first, move,
                                    settle).items():
                    results[name].setdefault(k, []).append(v)
    return results


ATTEMPTS = ("soon after start", "soon after start: filled", "first after the load", "again")


def row_order(what: str) -> tuple[str, int]:
    view, _, attempt = what.partition(", ")
    return (view, ATTEMPTS.index(attempt) if attempt in ATTEMPTS else len(ATTEMPTS))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="bundled,1000,5000",
                    help="comma-separated: bundled and/or numbers of synthetic articles")
    ap.add_argument("--runs", type=int, default=3,
                    help="runs per view pressed first (each starts the reader afresh)")
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
            for what in sorted(res["briefing"], key=row_order):
                if what.endswith("opened loading"):
                    continue
                base = statistics.median(res["baseline"][what])
                mine = statistics.median(res["briefing"][what])
                loading = res["briefing"].get(what.removesuffix(": filled")
                                              + ": opened loading", [])
                rows.append((size, what, base, mine, int(sum(loading)), len(loading)))
    print(f"\nmedian of {args.runs} runs per row, ms from the key to the view on screen "
          f"(\"filled\": to its content in), tmux {SIZE[0]}x{SIZE[1]}, the first key "
          f"{args.settle} s after the first article showed")
    print("| briefing | view | baseline (one Static) | briefing | x baseline | target |")
    print("|---|---|---:|---:|---:|---|")
    for size, what, base, mine, loading, runs in rows:
        target = 100 if size == "bundled" else 300
        if what.endswith("filled"):  # the rest of the load, not the view: no target
            verdict = f"opened loading in {loading} of {runs} runs"
        else:
            verdict = f"{target} ms: " + ("met" if mine * 1000 <= target else "missed")
        print(f"| {size} | {what} | {base * 1000:.0f} | {mine * 1000:.0f} | {mine / base:.1f} "
              f"| {verdict} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
