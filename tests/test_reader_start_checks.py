"""Issue 17, reader items that are decided before Textual starts: no terminal (2), `--theme`
on the bare command and the theme list (8)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.theme import BUILTIN_THEMES

import briefing.reader_start as reader_start
from briefing import terminal
from briefing.cli import main

ROOT = Path(__file__).resolve().parents[1]
REPORT = ("import atexit, sys; atexit.register(lambda: sys.stderr.write("
          "'\\ntextual imported: %s\\n' % any(m.split('.')[0] == 'textual' for m in sys.modules)))"
          "; sys.argv = {argv!r}; from briefing.launch import run; run()")


@pytest.mark.parametrize("argv", [["briefing"], ["briefing", "read"],
                                  ["briefing", "--theme", "nord"]])
def test_piped_output_says_no_terminal_and_exits_at_once(tmp_path, argv):
    """`briefing | head`: stdout is a pipe, stdin is not a terminal either (as under cron)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TEXTUAL_", "BRIEFING_DB"))}
    env.update(PYTHONPATH=str(ROOT), BRIEFING_DB=str(tmp_path / "db.json"))
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", REPORT.format(argv=argv)], env=env,
                          stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True, timeout=30, cwd=tmp_path)
    assert done.returncode == 1
    assert "the reader needs a terminal" in done.stderr
    assert "textual imported: False" in done.stderr  # stopped before Textual was loaded
    assert done.stdout == ""  # nothing drawn into the pipe
    assert time.monotonic() - started < 20


def test_a_terminal_on_stdin_but_a_pipe_on_stdout_is_refused_too(monkeypatch):
    monkeypatch.delenv("TEXTUAL_DRIVER", raising=False)
    monkeypatch.setattr(terminal, "_isatty", lambda fd: fd == 0)
    msg = terminal.check_tty()
    assert msg is not None and "output is not a terminal" in msg


@pytest.mark.parametrize("args", [["--theme", "nord"], ["--theme", "textual-ansi", "read"],
                                  ["read", "--theme", "nord"]])
def test_theme_on_the_bare_command_reaches_the_reader(monkeypatch, args):
    seen = []
    monkeypatch.setattr(reader_start, "start_reader", lambda *a, **k: seen.append(a))
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0, result.output
    assert seen[0][2] == args[args.index("--theme") + 1]


def test_theme_with_another_command_is_a_usage_error():
    result = CliRunner().invoke(main, ["--theme", "nord", "events"])
    assert result.exit_code == 2 and "--theme is for the reader" in result.stderr


@pytest.mark.parametrize("args", [["--theme", "nope"], ["read", "--theme", "nope"]])
def test_an_unknown_theme_lists_every_theme(monkeypatch, args):
    monkeypatch.setattr(terminal, "check_tty", lambda env=None: None)
    monkeypatch.setattr(terminal, "check_locale", lambda env=None: None)
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    assert "unknown theme 'nope'" in result.stderr
    listed = result.stderr.split("choose one of:", 1)[1].replace("\n", " ")
    names = {n.strip(" .") for n in listed.split(",")}
    assert "textual-ansi" in names and set(BUILTIN_THEMES) <= names
