"""`briefing serve`: loopback by default, a warning otherwise, the reader command it runs."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import main
from briefing.cli.cmd_serve import exposure_warning, is_loopback, reader_command


@pytest.mark.parametrize("host", ["127.0.0.1", "127.8.0.1", "localhost", "::1", "[::1]"])
def test_loopback_needs_no_warning(host):
    assert is_loopback(host) and exposure_warning(host, 8000) is None


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.0.2.7", "reader.example.org"])
def test_other_addresses_warn(host):
    warning = exposure_warning(host, 8123)
    assert warning and "no login" in warning and "ssh -L 8123:127.0.0.1:8123" in warning


def test_reader_command_uses_this_interpreter_and_absolute_paths(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    argv = shlex.split(reader_command(tmp_path / "my content", Path("db.json")))
    assert argv[:4] == [sys.executable, "-m", "briefing", "read"]
    assert argv[argv.index("--content") + 1] == str(tmp_path / "my content")
    assert argv[argv.index("--db") + 1] == str(tmp_path / "db.json")


class FakeServer:
    made: list["FakeServer"] = []

    def __init__(self, command, *, host, port, title, public_url, allowed_origins, max_sessions):
        self.command, self.host, self.port, self.public_url = command, host, port, public_url
        self.allowed_origins, self.max_sessions = allowed_origins, max_sessions
        FakeServer.made.append(self)

    def serve(self):
        pass


@pytest.mark.parametrize(("args", "warned", "host"), [([], False, "127.0.0.1"),
                                                      (["--host", "0.0.0.0"], True, "0.0.0.0")])
def test_serve_defaults_to_loopback_and_warns_otherwise(monkeypatch, args, warned, host):
    import briefing.serve_guard

    monkeypatch.setattr(briefing.serve_guard, "GuardedServer", FakeServer)
    FakeServer.made.clear()
    result = CliRunner().invoke(main, ["serve", *args])
    assert result.exit_code == 0, result.output
    assert ("warning" in result.output) is warned
    (server,) = FakeServer.made
    assert server.host == host and server.port == 8000
    assert " -m briefing read" in server.command
    assert server.max_sessions == 8 and server.allowed_origins == ()


def test_content_problems_are_reported_before_serving(monkeypatch, tmp_path):
    import briefing.serve_guard

    monkeypatch.setattr(briefing.serve_guard, "GuardedServer", FakeServer)
    FakeServer.made.clear()
    (tmp_path / "articles").mkdir()
    result = CliRunner().invoke(main, ["serve", "--content", str(tmp_path)])
    assert result.exit_code == 1
    assert "briefing.yaml" in result.output  # a path:line: message, not a traceback
    assert FakeServer.made == []
