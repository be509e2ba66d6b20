"""`briefing check` with nothing changed prints the last check's output (briefing.cache.checked),
and checks again as soon as a content file, the annotation store or the flags change."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from briefing.cli import cmd_check, main
from briefing_dirs import write_briefing

SUMMARY = "2 articles, 4 sections, 5 paragraphs, 2 events, 3 claims"


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("BRIEFING_DB", str(tmp_path / "data" / "annotations.json"))
    monkeypatch.delenv("BRIEFING_NO_CACHE", raising=False)
    write_briefing(tmp_path / "c")
    return tmp_path


def check(*args: str):
    return CliRunner().invoke(main, ["check", "--content", "c", *args])


@pytest.fixture
def checks_run(monkeypatch):
    """The real checks run (not the saved output), counted."""
    runs = []
    real = cmd_check._check

    def counted(*args, **kwargs):
        runs.append(args)
        return real(*args, **kwargs)

    monkeypatch.setattr(cmd_check, "_check", counted)
    return runs


def test_an_unchanged_briefing_is_not_checked_again(env, checks_run):
    first = check()
    assert (first.exit_code, first.output) == (0, SUMMARY + "\n")
    second = check()
    assert (second.exit_code, second.output) == (0, first.output)
    assert len(checks_run) == 1
    assert check("--full").output == first.output  # --full always reads everything
    assert len(checks_run) == 2


def test_an_edit_is_checked_and_problems_are_reprinted_the_same(env, checks_run):
    check()
    article = env / "c" / "articles" / "alpha.md"
    article.write_text(article.read_text(encoding="utf-8").replace("id: alpha", "id: [alpha"),
                       encoding="utf-8")
    bad = check()
    assert bad.exit_code == 1 and "c/articles/alpha.md:" in bad.output
    again = check()
    assert (again.exit_code, again.output) == (1, bad.output)
    assert len(checks_run) == 2


def test_a_changed_annotation_store_is_checked_again(env, checks_run):
    assert check().output == SUMMARY + "\n"
    store = env / "data" / "annotations.json"
    store.parent.mkdir()
    store.write_text("this is not a store", encoding="utf-8")
    warned = check()
    assert "warning:" in warned.output and "annotations" in warned.output, warned.output
    assert len(checks_run) == 2


def test_without_the_cache_every_check_runs(env, checks_run, monkeypatch):
    monkeypatch.setenv("BRIEFING_NO_CACHE", "1")
    check()
    check()
    assert len(checks_run) == 2
