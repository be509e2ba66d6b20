"""Bare `briefing` opens the reader exactly as `briefing read` would, environment included."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

import briefing.cli.cmd_read as cmd_read
from briefing.cli import main


@pytest.mark.parametrize("args", [[], ["read"]])
def test_bare_briefing_reads_the_same_environment_variables(monkeypatch, tmp_path, args):
    seen = {}
    monkeypatch.setattr(cmd_read.read, "callback", lambda **kw: seen.update(kw))
    env = {"BRIEFING_LOW_BANDWIDTH": "0", "BRIEFING_CONTENT": str(tmp_path),
           "BRIEFING_DB": str(tmp_path / "db.json")}
    result = CliRunner().invoke(main, args, env=env)
    assert result.exit_code == 0, result.output
    assert seen["low_bandwidth"] is False
    assert seen["content_dir"] == tmp_path and seen["db_path"] == tmp_path / "db.json"
