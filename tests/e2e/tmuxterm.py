"""A real terminal for end-to-end tests: one tmux server on its own socket, one 80x24 window.

tmux is the terminal emulator here: it interprets what the program writes, and capture-pane
gives us the screen as a person would see it (text, or text with SGR colour codes).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

import pytest

_SGR = re.compile(r"\x1b\[([0-9;:]*)m")


def require(*tools: str) -> None:
    """Skip the calling test, naming what is missing (visible with ``pytest -rs``)."""
    missing = [t for t in tools if not (shutil.which(t) or Path(t).is_file())]
    if missing:
        pytest.skip(f"needs {', '.join(missing)} (bash .ci/run installs them as root)")


class Tmux:
    """One detached tmux session running one command at a fixed size."""

    def __init__(self, workdir: Path, width: int = 80, height: int = 24) -> None:
        require("tmux")
        self.socket = workdir / "tmux.sock"
        self.width, self.height = width, height
        conf = workdir / "tmux.conf"
        # Keep the pane after the command exits so the last screen can still be read; no status
        # bar so the program gets all 24 rows; no delay on ESC.
        conf.write_text("set -g remain-on-exit on\nset -g status off\nset -sg escape-time 0\n"
                        "set -g history-limit 0\n")
        self.conf = conf
        self.target = "e2e"

    def _tmux(self, *args: str, check: bool = True, env: Mapping[str, str] | None = None):
        return subprocess.run(["tmux", "-u", "-S", str(self.socket), "-f", str(self.conf), *args],
                              capture_output=True, text=True, check=check, timeout=20, env=env)

    def start(self, argv: Sequence[str], env: Mapping[str, str] | None = None) -> None:
        """Start ``argv`` in the window; ``env`` is the environment the command sees."""
        # Not our own terminal's state: a developer running the tests over SSH must not turn
        # on the reader's SSH behaviour in a "local" test.
        # The reader's own state (reading progress, drafts) stays in this test's folder.
        full = {**clean_env(), "LANG": "C.UTF-8",
                "XDG_STATE_HOME": str(self.socket.parent / "state"), **(env or {})}
        self._tmux("new-session", "-d", "-s", self.target, "-x", str(self.width),
                   "-y", str(self.height), shlex.join(argv), env=full)

    def send(self, *keys: str, literal: bool = False) -> None:
        """Send keys by tmux name (``q``, ``Enter``, ``PageDown``, ``]``)."""
        self._tmux("send-keys", "-t", self.target, *(["-l"] if literal else []), *keys)

    def screen(self, escapes: bool = False) -> str:
        args = ["capture-pane", "-p", "-t", self.target] + (["-e"] if escapes else [])
        return self._tmux(*args).stdout

    def dead(self) -> bool:
        """True once the command in the pane has exited."""
        out = self._tmux("display-message", "-p", "-t", self.target, "#{pane_dead}", check=False)
        return out.stdout.strip() == "1"

    def wait_until(self, predicate: Callable[[str], bool], timeout: float = 15.0,
                   what: str = "condition") -> str:
        """Poll the screen until ``predicate(screen)``; fail with the last screen shown."""
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            dead = self.dead()  # read before the screen: a last frame is never missed
            screen = self.screen()
            if predicate(screen):
                return screen
            if dead:
                raise AssertionError(f"the program exited before {what}; screen:\n{screen}")
            time.sleep(0.1)
        raise AssertionError(f"timed out after {timeout}s waiting for {what}; screen:\n{screen}")

    def wait_for(self, text: str, timeout: float = 15.0) -> str:
        return self.wait_until(lambda s: text in s, timeout, repr(text))

    def wait_dead(self, timeout: float = 10.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.dead():
                return
            time.sleep(0.1)
        raise AssertionError(f"program still running after {timeout}s:\n{self.screen()}")

    def kill(self) -> None:
        self._tmux("kill-server", check=False)


def sgr_colours(screen_with_escapes: str) -> set[str]:
    """The colour parameters used on a captured screen: ``38;5;196``, ``31``, ``48;2;1;2;3``."""
    found: set[str] = set()
    for match in _SGR.finditer(screen_with_escapes):
        params = match.group(1).replace(":", ";").split(";")
        i = 0
        while i < len(params):
            p = params[i]
            if p in ("38", "48") and i + 1 < len(params):
                width = 3 if params[i + 1] == "5" else 5
                found.add(";".join(params[i:i + width]))
                i += width
                continue
            if p.isdigit() and (30 <= int(p) <= 37 or 40 <= int(p) <= 47
                                or 90 <= int(p) <= 97 or 100 <= int(p) <= 107):
                found.add(p)
            i += 1
    return found


def clean_env() -> dict[str, str]:
    """Our environment without anything that would leak a terminal/locale/SSH state."""
    drop = ("TMUX", "SSH_", "LC_", "LANG", "COLORTERM", "NO_COLOR", "TEXTUAL", "BRIEFING_")
    return {k: v for k, v in os.environ.items() if not k.startswith(drop)}
