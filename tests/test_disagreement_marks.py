"""Disagreements marked by hand: kept in the annotation store, listed by `briefing
disagreements` (table and JSON), made and removed with `briefing disagree`."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from briefing.cli import main
from briefing.store import AnnotationStore
from briefing.store.marks import mark, marks, unmark
from briefing_dirs import write_briefing


def run(*args):
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


@pytest.fixture
def env(tmp_path, monkeypatch):
    content = write_briefing(tmp_path / "content")
    db = tmp_path / "store" / "annotations.json"
    monkeypatch.setenv("BRIEFING_CONTENT", str(content))
    monkeypatch.setenv("BRIEFING_DB", str(db))
    return db


def test_a_mark_is_one_record_per_pair_and_author_whatever_the_order(tmp_path):
    path = tmp_path / "s.json"
    with AnnotationStore(path, author="ana") as store:
        first = mark(store, "b-02", "a-01", note="1994 vs 2002", quotes=("qb", "qa"))
        assert first.claims == ("a-01", "b-02") and first.quotes == ("qa", "qb")
        again = mark(store, "a-01", "b-02", note="the founding year")
        assert again.id == first.id and again.quotes == ("qa", "qb")  # quotes kept
        mark(store, "a-01", "b-02", note="I disagree too", author="bob")
        store.annotate("a-01", "qa", add_tags=["csto"])  # annotations live beside marks
    with AnnotationStore(path, author="ana") as store:  # survives reopening
        found = marks(store)
        assert [(m.author, m.note) for m in found] == [("ana", "the founding year"),
                                                      ("bob", "I disagree too")]
        assert [a.claim_id for a in store.all()] == ["a-01"]
        assert unmark(store, "b-02", "a-01") is True
        assert unmark(store, "b-02", "a-01") is False
        assert [m.author for m in marks(store)] == ["bob"]


def test_a_claim_cannot_disagree_with_itself(tmp_path):
    with AnnotationStore(tmp_path / "s.json") as store:
        with pytest.raises(ValueError):
            mark(store, "a-01", "a-01")


def test_cli_marks_lists_and_removes(env):
    r = run("disagree", "alpha-01", "beta-01", "--note", "[bold]not markup[/bold]",
            "--author", "ana")
    assert r.exit_code == 0, r.output
    assert "alpha-01 ≠ beta-01" in r.output
    data = json.loads(run("disagreements", "--json").stdout)
    [m] = data["marked"]
    assert [c["claim"] for c in m["claims"]] == ["alpha-01", "beta-01"]
    assert all(c["found"] for c in m["claims"]) and m["claims"][0]["quote"]
    assert m["note"] == "[bold]not markup[/bold]" and m["author"] == "ana"
    table = run("disagreements").stdout
    assert "Marked by hand (1)" in table and "[bold]not markup[/bold]" in table
    r = run("disagree", "alpha-01", "beta-01", "--remove", "--author", "ana")
    assert r.exit_code == 0 and "removed" in r.output
    assert json.loads(run("disagreements", "--json").stdout)["marked"] == []


def test_cli_refuses_unknown_or_identical_claims(env):
    r = run("disagree", "alpha-01", "nope-99")
    assert r.exit_code == 2 and "unknown claim 'nope-99'" in r.output
    r = run("disagree", "alpha-01", "alpha-01")
    assert r.exit_code == 2 and "itself" in r.output
    assert not env.exists()  # nothing written


def test_listing_never_creates_a_store(env):
    assert run("disagreements", "--json").exit_code == 0
    assert not env.exists()
