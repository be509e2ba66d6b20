"""Bytes the reader writes to the terminal per keypress, at 80x24, low-bandwidth on vs off.

Runs `briefing read` in a pseudo-terminal (what an SSH session gives the program), waits for
the screen to settle, then presses each key several times and counts the bytes the app
writes between the keypress and the next quiet period. Prints the median per key.

    .venv/bin/python benchmarks/bench_bandwidth.py [--content DIR] [--presses 12]

Target (issue 7): next claim (`n`) at most 4 KB median.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import time
from pathlib import Path

KEYS = {  # name -> bytes a terminal sends for it
    "next claim (n)": b"n",
    "next section (])": b"]",
    "page down (PgDn)": b"\x1b[6~",
}
QUIET = 0.35  # seconds without output that count as "the screen has settled"


class PtyApp:
    """The reader on the slave side of a pty; we are the terminal on the master side."""

    def __init__(self, argv: list[str], env: dict[str, str], cols: int = 80, rows: int = 24):
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.proc = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave, env=env,
                                     start_new_session=True, close_fds=True)
        os.close(slave)
        self.total = 0
        self.tail = b""  # the last output, to show when the app dies

    def pump(self, quiet: float = QUIET, limit: float = 20.0, first: float = 0.0) -> int:
        """Read until no output for ``quiet`` seconds; return the bytes read.

        ``first``: wait up to this long for the first byte (start-up on a busy machine).
        """
        got = 0
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            wait = first if not got and first else quiet
            ready, _, _ = select.select([self.master], [], [], wait)
            if not ready:
                break
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # the app exited
                break
            got += len(chunk)
            self.tail = (self.tail + chunk)[-4000:]
        self.total += got
        return got

    def press(self, key: bytes) -> int:
        os.write(self.master, key)
        return self.pump()

    def close(self) -> None:
        os.write(self.master, b"q")
        self.pump(quiet=0.5, limit=5)
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self.master)


def page_downs(app: PtyApp, key: bytes, presses: int) -> list[int]:
    """Page-down costs, counting only presses that scrolled.

    The reader shows one section at a time; at a section's end page-down does nothing (0 B),
    which says nothing about scrolling, so we move on to the next section (not counted).
    """
    costs: list[int] = []
    for _ in range(presses * 4):
        cost = app.press(key)
        if cost:
            costs.append(cost)
            if len(costs) == presses:
                break
        else:
            app.press(b"]")
    return costs


def measure(low: bool, content: Path | None, presses: int, db: Path) -> dict[str, list[int]]:
    exe = Path(sys.executable).parent / "briefing"
    argv = [str(exe), "read", "--db", str(db), "--low-bandwidth" if low else "--no-low-bandwidth"]
    if content:
        argv += ["--content", str(content)]
    drop = ("SSH_", "TMUX", "COLORTERM", "NO_COLOR", "TEXTUAL", "BRIEFING_")
    env = {k: v for k, v in os.environ.items() if not k.startswith(drop)}
    env.update(TERM="xterm-256color", LANG="C.UTF-8",
               BRIEFING_STATE_DIR=str(db.parent / "state"))  # no reading place of the user's
    app = PtyApp(argv, env)
    try:
        startup = app.pump(quiet=1.0, first=20.0)
        if app.proc.poll() is not None:
            raise RuntimeError(f"the reader exited ({app.proc.returncode}):\n"
                               + app.tail.decode(errors="replace"))
        results: dict[str, list[int]] = {"start-up": [startup]}
        for name, key in KEYS.items():
            if name.startswith("page down"):
                results[name] = page_downs(app, key, presses)
            else:
                results[name] = [app.press(key) for _ in range(presses)]
            if name.startswith("next section"):
                for _ in range(presses):  # back to the start
                    app.press(b"[")
        # Sitting idle with the search box open: a blinking cursor keeps sending.
        app.press(b"/")
        results["idle 3 s, search open"] = [app.pump(quiet=3.0, limit=3.0)]
        app.press(b"\x1b")
        return results
    finally:
        app.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--content", type=Path, default=None)
    parser.add_argument("--presses", type=int, default=12)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        runs = {mode: measure(mode == "low", args.content, args.presses, Path(tmp) / f"{mode}.json")
                for mode in ("low", "full")}
    print(f"bytes written to an 80x24 xterm-256color pty per keypress ({args.presses} presses; "
          "median / max)")
    print(f"{'key':<20}{'low-bandwidth':>22}{'full':>22}")
    for name in runs["low"]:
        cells = []
        for mode in ("low", "full"):
            values = runs[mode][name]
            cells.append(f"{statistics.median(values):>10,.0f} / {max(values):>8,}")
        print(f"{name:<20}{cells[0]:>22}{cells[1]:>22}")
    med = statistics.median(runs["low"]["next claim (n)"])
    verdict = "OK" if med <= 4096 else "OVER"
    print(f"target: next claim <= 4,096 B median in low-bandwidth mode: {med:,.0f} B -> {verdict}")


if __name__ == "__main__":
    main()
