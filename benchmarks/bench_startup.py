"""Reader start-up and next-claim redraw.  Prints figures (no pass/fail).

    .venv/bin/python benchmarks/bench_startup.py [--runs 7] [--synthetic DIR] [--articles 1000]

Start-up, in one run, in a real terminal (tmux, 80x24): the time from launching the command
until a given text is on screen, polled with `tmux capture-pane` every millisecond or so:
  (a) a hello-world Textual app (benchmarks/hello_app.py) until "Hello, world";
  (b) `briefing` (python -m briefing) on the bundled briefing, as people start it, until its
      first article's title; also `briefing read --content DIR` (through click) for comparison;
  (c) `briefing read --content DIR` on a 1,000-article synthetic briefing
      (benchmarks/make_synthetic.py) until its first article's title.
Medians over --runs, and ratios to (a) (targets: b <= 1.3x, c <= 1.6x).  Each briefing is
started once before timing, so the corpus cache is warm (a cold start is printed separately).

Redraw: in a headless app on the synthetic briefing, the time from pressing `n` (next claim)
to the end of the next screen refresh, median over many presses (target: one frame, 16 ms).
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

PYTHON = sys.executable
BRIEFING = [PYTHON, "-m", "briefing"]


class Terminal:
    """tmux servers on private sockets; a fresh server (and socket) for each measured launch."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        conf = workdir / "tmux.conf"
        conf.write_text("set -g status off\nset -sg escape-time 0\nset -g remain-on-exit on\n")
        self.conf = str(conf)
        self.count = 0

    def tmux(self, socket: str, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["tmux", "-u", "-S", socket, "-f", self.conf, *args],
                              capture_output=True, text=True)

    def time_until(self, argv: list[str], needle: str, env: dict[str, str],
                   timeout: float = 60.0) -> float:
        """Seconds from launching ``argv`` in a fresh 80x24 window until ``needle`` shows."""
        self.count += 1
        socket = str(self.workdir / f"t{self.count}.sock")
        # The server is started first (a session running `sleep`) so its own start-up is not
        # counted; the command is then launched in a new window of that server.
        started = self.tmux(socket, "new-session", "-d", "-s", "bench", "-x", "80", "-y", "24",
                            "sleep 600")
        if started.returncode != 0:
            raise RuntimeError(f"tmux new-session failed: {started.stderr}")
        # a value of None unsets the variable (the tmux server passes on the bench's own);
        # env takes its -u options before any NAME=VALUE
        envs = ([f"-u {_q(k)}" for k, v in env.items() if v is None]
                + [_q(f"{k}={v}") for k, v in env.items() if v is not None])
        command = "env " + " ".join(envs) + " " + " ".join(_q(a) for a in argv)
        try:
            t0 = time.perf_counter()
            launched = self.tmux(socket, "new-window", "-t", "bench", "-n", "run", command)
            if launched.returncode != 0:
                raise RuntimeError(f"tmux new-window failed: {launched.stderr}")
            while True:
                screen = self.tmux(socket, "capture-pane", "-p", "-t", "bench:run").stdout
                if needle in screen:
                    return time.perf_counter() - t0
                if time.perf_counter() - t0 > timeout:
                    raise TimeoutError(f"{needle!r} not on screen after {timeout}s:\n{screen}")
                time.sleep(0.001)
        finally:
            self.tmux(socket, "kill-server")


def _q(s: str) -> str:
    import shlex

    return shlex.quote(s)


def first_title(content: Path) -> str:
    from briefing.loader import load_corpus

    corpus, _ = load_corpus(content)
    return next(iter(corpus.articles.values())).title


def measure_startup(args, cache_dir: Path) -> dict[str, list[float]]:
    from briefing.paths import bundled_content

    # The store goes in a temporary XDG data folder rather than BRIEFING_DB: with no
    # BRIEFING_* variable set, a bare `briefing` starts the way people start it (no click).
    env: dict[str, str | None] = {
        "TERM": "xterm-256color", "XDG_CACHE_HOME": str(cache_dir), "LANG": "C.UTF-8",
        "XDG_DATA_HOME": str(cache_dir / "data"), "PYTHONPATH": str(ROOT),
        "XDG_STATE_HOME": str(cache_dir / "state"),  # the reader's progress: not the user's
        "BRIEFING_DB": None, "BRIEFING_CONTENT": None, "BRIEFING_LOW_BANDWIDTH": None}
    cases = [("hello", [PYTHON, str(HERE / "hello_app.py")], "Hello, world")]
    bundled = bundled_content()
    # the title as it appears on a narrow screen: its first words are enough
    title = first_title(bundled)[:30]
    cases.append(("bundled", BRIEFING, title))  # `briefing`: what people type
    cases.append(("bundled-read", BRIEFING + ["read", "--content", str(bundled)], title))
    if args.synthetic is not None:
        cases.append(("synthetic", BRIEFING + ["read", "--content", str(args.synthetic)],
                      first_title(args.synthetic)[:30]))
    results: dict[str, list[float]] = {name: [] for name, _, _ in cases}
    with tempfile.TemporaryDirectory() as tmp:
        term = Terminal(Path(tmp))
        for name, argv, needle in cases:  # cold start: builds the corpus cache
            cold = term.time_until(argv, needle, env, timeout=600)
            print(f"  cold start {name:<12} {cold * 1000:8.0f} ms (first run; fills the cache)")
        for _ in range(args.runs):  # interleaved so drift affects all cases alike
            for name, argv, needle in cases:
                results[name].append(term.time_until(argv, needle, env))
    return results


async def measure_redraw(content: Path, presses: int,
                         size: tuple[int, int]) -> tuple[list[float], list[float]]:
    """Seconds from `n` to the end of the following refresh, in a headless app: (moves within
    an article, moves that open the next article)."""
    from briefing.loader import load_corpus
    from briefing.tui.app import BriefingApp

    corpus, _ = load_corpus(content)
    app = BriefingApp(corpus, build_index=False)
    timings: list[float] = []
    crossing: list[float] = []
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        reader = app.screen
        for _ in range(presses):
            done = asyncio.get_running_loop().create_future()
            # call_after_refresh runs once the screen has been composited and written out;
            # registered first, it fires after the frame with the new highlight (the claim
            # panel fills in on the frame after, by design).
            app.call_after_refresh(lambda: done.done() or done.set_result(time.perf_counter()))
            before = reader.article_id
            t0 = time.perf_counter()
            reader.action_next_claim()
            elapsed = await done - t0
            (timings if reader.article_id == before else crossing).append(elapsed)
            await pilot.pause()
    return timings, crossing


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--synthetic", type=Path, default=HERE / "out" / "syn1000")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--presses", type=int, default=200)
    parser.add_argument("--no-synthetic", action="store_true", help="only (a) and (b)")
    args = parser.parse_args()
    if args.no_synthetic:
        args.synthetic = None
    if shutil.which("tmux") is None:
        sys.exit("bench_startup needs tmux")
    if args.synthetic is not None and not (args.synthetic / "articles").is_dir():
        maker = HERE / "make_synthetic.py"
        if maker.exists():
            print(f"generating {args.articles}-article synthetic briefing in {args.synthetic} ...")
            subprocess.run([PYTHON, str(maker), str(args.synthetic), "--articles",
                            str(args.articles)], check=True)
        else:
            print("no synthetic briefing (benchmarks/make_synthetic.py missing): skipping (c)")
            args.synthetic = None
    # An installed package has its bytecode compiled by pip; a checkout run with
    # PYTHONDONTWRITEBYTECODE set would otherwise recompile every module at every launch.
    compileall.compile_dir(str(ROOT / "briefing"), quiet=1)
    with tempfile.TemporaryDirectory() as cache:
        print(f"start-up in tmux 80x24, median of {args.runs} runs:")
        results = measure_startup(args, Path(cache))
    hello = statistics.median(results["hello"])
    targets = {"bundled": 1.3, "synthetic": 1.6}
    for name, values in results.items():
        med = statistics.median(values)
        line = f"  {name:<12} median {med * 1000:7.0f} ms  (min {min(values) * 1000:.0f}, max {max(values) * 1000:.0f})"
        if name != "hello":
            # Runs are interleaved, so each round's ratio compares launches made moments
            # apart: its median is less swayed by the machine's load drifting than the ratio
            # of the two medians.  Both are printed.
            paired = statistics.median(v / h for v, h in zip(values, results["hello"]))
            line += f"  ratio {med / hello:.2f}x, paired {paired:.2f}x"
            line += (f"  (target <= {targets[name]}x)" if name in targets
                     else "  (the bundled case through click, for comparison)")
        print(line)
    if args.synthetic is not None:
        print(f"next claim (n) at {args.articles} articles, headless, time to the redrawn frame:")
        for size in ((80, 24), (160, 48)):
            timings, crossing = asyncio.run(measure_redraw(args.synthetic, args.presses, size))
            ms = sorted(t * 1000 for t in timings)
            line = (f"  {size[0]}x{size[1]}: within an article ({len(ms)} presses) median "
                    f"{statistics.median(ms):.1f} ms, p90 {ms[int(len(ms) * 0.9)]:.1f} ms "
                    f"(target <= 16 ms)")
            if crossing:
                line += (f"; into the next article ({len(crossing)}) median "
                         f"{statistics.median(crossing) * 1000:.0f} ms")
            print(line)


if __name__ == "__main__":
    main()
