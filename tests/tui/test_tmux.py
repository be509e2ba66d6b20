"""The installed `briefing` in a real terminal (tmux): it paints, navigates, resizes and quits."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest


pytestmark = [pytest.mark.tmux, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]


def _command() -> list[str]:
    script = ROOT / ".venv" / "bin" / "briefing"
    return [str(script)] if script.exists() else [sys.executable, "-m", "briefing"]


class Tmux:
    def __init__(self, tmp: Path) -> None:
        if shutil.which("tmux") is None:
            pytest.skip("needs tmux")
        self.socket = str(tmp / "tmux.sock")
        self.conf = tmp / "tmux.conf"
        self.conf.write_text("set -g status off\nset -g remain-on-exit on\nset -sg escape-time 0\n")

    def run(self, *args: str) -> str:
        return subprocess.run(["tmux", "-u", "-S", self.socket, "-f", str(self.conf), *args],
                              capture_output=True, text=True, timeout=20).stdout

    def screen(self) -> str:
        return self.run("capture-pane", "-p", "-t", "t")

    def wait_for(self, text: str, timeout: float = 30.0) -> str:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if text in screen:
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"{text!r} not on screen after {timeout}s:\n{screen}")
            time.sleep(0.05)

    def keys(self, *keys: str) -> None:
        for key in keys:
            self.run("send-keys", "-t", "t", key)
            time.sleep(0.15)

    def exit_status(self) -> str | None:
        """The app's exit status once it has quit (the shell prints it), else None."""
        for line in self.screen().splitlines():
            if line.startswith("EXIT:"):
                return line[5:].strip()
        return None

    def wait_exit(self, timeout: float = 10.0) -> str:
        deadline = time.monotonic() + timeout
        while (status := self.exit_status()) is None:
            assert time.monotonic() < deadline, self.screen()
            time.sleep(0.05)
        return status


@pytest.fixture
def term(tmp_path):
    (tmp_path / "exports").mkdir(exist_ok=True)
    term = Tmux(tmp_path)
    env = {"TERM": "xterm-256color", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
           "BRIEFING_DB": str(tmp_path / "annotations.json"),
           "BRIEFING_CACHE_DIR": str(tmp_path / "cache"),
           "BRIEFING_EXPORT_DIR": str(tmp_path / "exports"),
           "BRIEFING_STATE_DIR": str(tmp_path / "state"),
           "HOME": os.environ.get("HOME", str(tmp_path)), "PATH": os.environ.get("PATH", "")}
    # The exit status is printed by the shell after the app leaves the alternate screen.
    command = ("env -i " + " ".join(f"{k}={v}" for k, v in env.items()) + " "
               + " ".join(_command()) + "; echo EXIT:$?; sleep 30")
    term.run("new-session", "-d", "-s", "t", "-x", "80", "-y", "24", command)
    yield term
    term.run("kill-server")


def test_reads_navigates_and_quits_in_a_real_terminal(term, bundled):
    first = next(iter(bundled.articles.values()))
    term.wait_for(first.title[:30])
    claim = bundled.claims_for_article(first.id)[0]
    term.keys("n", "i")  # next claim, then show the claim panel (hidden at 80x24)
    term.wait_for(claim.id)
    second_heading = next(s.title for s in first.sections if s.title)
    term.keys("]")
    term.wait_for(second_heading[:25])
    term.keys("q")
    assert term.wait_exit() == "0"


def test_resizing_40x12_to_250x70_and_back(term, bundled):
    first = next(iter(bundled.articles.values()))
    term.wait_for(first.title[:20])
    for width, height in [(40, 12), (250, 70), (40, 12), (80, 24)]:
        term.run("resize-window", "-t", "t", "-x", str(width), "-y", str(height))
        time.sleep(0.4)
        term.keys("n")
        assert term.exit_status() is None, term.screen()
    term.wait_for(bundled.title[:20])  # the header, whatever the article scrolled to
    term.keys("q")
    assert term.wait_exit() == "0"


@pytest.fixture
def annotated_db(tmp_path, bundled):
    """A store with one tagged, noted claim, written before the reader starts."""
    from briefing.store import AnnotationStore

    claim = bundled.claims_for_article(next(iter(bundled.articles)))[0]
    store = AnnotationStore(tmp_path / "annotations.json", author="ana")
    store.annotate(claim.id, claim.quote, add_tags=["in-tmux"], note="Written before.")
    store.close()
    return claim


def test_e_then_enter_writes_a_markdown_brief(annotated_db, term, tmp_path):
    term.wait_for("Armenia")
    term.keys("e")
    exports = tmp_path / "exports"
    # The dialog paints in more than one frame under load: wait for each part, not the title.
    term.wait_for("Export the brief")
    term.wait_for("Obsidian folder")
    screen = term.wait_for(str(exports)[:20])  # the proposed path, in BRIEFING_EXPORT_DIR
    assert "Markdown" in screen
    term.keys("Enter")
    term.wait_for("Exported 1 annotation")
    (brief,) = exports.iterdir()
    text = brief.read_text(encoding="utf-8")
    assert brief.suffix == ".md" and text.startswith("---\n")
    assert "`in-tmux`" in text and "Written before." in text and "## Evidence" in text
    term.keys("q")
    assert term.wait_exit() == "0"
