"""The reader in a real terminal (tmux) where the terminal itself matters: 16 colours,
a dropped connection (SIGHUP), reopening where the reader left off."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tmuxterm import Tmux

pytestmark = [pytest.mark.tmux, pytest.mark.slow]


def _env(workdir: Path) -> dict[str, str]:
    return {"XDG_DATA_HOME": str(workdir / "data"), "XDG_STATE_HOME": str(workdir / "state"),
            "XDG_CACHE_HOME": str(workdir / "cache"), "XDG_CONFIG_HOME": str(workdir / "config")}


def _ansi_black_cells(screen: str, rows: range, columns: int) -> list[str]:
    """Text drawn in ANSI black (SGR 30) on the given rows, within the first ``columns``."""
    found = []
    for row in rows:
        line = screen.splitlines()[row]
        for m in re.finditer(r"\x1b\[([0-9;]*)m([^\x1b]*)", line):
            if "30" in m.group(1).split(";") and m.group(2).strip():
                found.append(m.group(2))
    return found


def test_contents_tree_is_readable_with_16_colours(tmux: Tmux, workdir: Path, briefing_exe: str):
    tmux.width, tmux.height = 120, 30
    tmux.start(["env", "TERM=xterm", briefing_exe], env=_env(workdir))
    tmux.wait_for("Next claim", timeout=30)
    tmux.wait_until(lambda s: "├" in s, timeout=15, what="the contents tree")
    screen = tmux.screen(escapes=True)
    assert not _ansi_black_cells(screen, range(1, 20), 40)
    tmux.send("q")


def _pane_pid(tmux: Tmux) -> int:
    out = tmux._tmux("display-message", "-p", "-t", tmux.target, "#{pane_pid}")
    return int(out.stdout.strip())


def test_a_dropped_connection_keeps_the_note_being_written(tmux: Tmux, workdir: Path,
                                                           briefing_exe: str):
    import json
    import os
    import signal

    env = {**_env(workdir), "BRIEFING_STATE_DIR": str(workdir / "state"),
           "BRIEFING_DB": str(workdir / "annotations.json")}
    tmux.start([briefing_exe], env=env)
    tmux.wait_for("Next claim", timeout=30)
    tmux.send("n")
    tmux.send("a")
    tmux.wait_for("Note on claim", timeout=15)
    tmux.send("typed over ssh", literal=True)
    tmux.wait_for("typed over ssh")
    os.kill(_pane_pid(tmux), signal.SIGHUP)  # what sshd sends when the connection drops
    tmux.wait_dead(timeout=15)
    drafts = json.loads((workdir / "state" / "drafts.json").read_text(encoding="utf-8"))
    assert [d["text"] for d in drafts.values()] == ["typed over ssh"]


@pytest.mark.parametrize("settle", [0.0, 1.0])
def test_the_reader_ends_when_its_terminal_is_gone(tmux: Tmux, workdir: Path, briefing_exe: str,
                                                   settle: float):
    # The terminal closed under it (a terminal window closed, tmux killed): Textual's goodbye
    # to the terminal blocked for good, and readers were found alive hours later.
    import os
    import time

    tmux.start([briefing_exe], env={**_env(workdir),
                                    "BRIEFING_DB": str(workdir / "annotations.json")})
    tmux.wait_for("Next claim", timeout=30)
    time.sleep(settle)  # at once (while the rest loads) or once it is all in
    pid = _pane_pid(tmux)
    tmux.kill()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    os.kill(pid, 9)
    raise AssertionError("the reader was still running 20 s after its terminal was gone")
