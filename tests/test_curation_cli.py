"""`briefing claims|events <step>`: curation from the shell, each step with --json."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from briefing.cli import cmd_analysis, main
from briefing.loader import load_corpus
from briefing_dirs import write_briefing

SUGGESTED = """\
- id: alpha-s01
  status: suggested
  by: briefing-suggest/1
  confidence: 0.7
  quote: "Ce paragraphe est en français"
  events: ["talks"]
  kind: fact
  speaker: "author"
- id: alpha-s02
  status: suggested
  by: briefing-suggest/1
  confidence: 0.2
  quote: "A second line"
  events: []
  kind: fact
"""
SUGGESTED_EVENTS = """\
- id: talks
  status: suggested
  by: briefing-suggest/1
  confidence: 0.5
  title: "Talks"
- id: noise
  status: suggested
  by: briefing-suggest/1
  confidence: 0.1
  title: "Noise"
"""


@pytest.fixture
def content(tmp_path, monkeypatch):
    root = write_briefing(tmp_path / "content")
    (root / "claims/alpha.suggested.yaml").write_text(SUGGESTED)
    (root / "events.suggested.yaml").write_text(SUGGESTED_EVENTS)
    monkeypatch.setenv("BRIEFING_CONTENT", str(root))
    monkeypatch.setenv("BRIEFING_DB", str(tmp_path / "annotations.json"))
    return root


def run(*args):
    return CliRunner().invoke(main, list(args))


def ok_json(*args) -> dict:
    r = run(*args, "--json")
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def curated_ok(root) -> None:
    _, problems = load_corpus(root)
    assert [str(p) for p in problems if not str(p.path).endswith(".suggested.yaml")] == []


def test_listing_without_a_step_is_unchanged(content):
    for args in (["--json"], ["--json", "--source", "alpha"], ["--kind", "figure"]):
        direct = CliRunner().invoke(cmd_analysis.claims, args)
        assert run("claims", *args).stdout == direct.stdout
    assert run("events", "--json").stdout == CliRunner().invoke(cmd_analysis.events,
                                                                 ["--json"]).stdout
    # the group's options still apply to the step
    assert json.loads(run("claims", "--json", "add", "alpha", "--quote", "Lead paragraph",
                          "--event", "war").stdout)["ids"] == ["alpha-03"]


def test_claims_steps(content):
    data = ok_json("claims", "add", "alpha", "--quote", "lead PARAGRAPH with emphasis",
                   "--event", "war", "--kind", "assessment", "--speaker", "Jane Doe",
                   "--actor", "EU", "--actor", "Russia")
    assert data["ids"] == ["alpha-03"] and data["paragraph"] == "alpha/0/1"
    assert data["claim"]["quote"] == "Lead paragraph with emphasis"
    data = ok_json("claims", "edit", "alpha-03", "--kind", "fact", "--clear", "actors")
    assert data["claim"]["kind"] == "fact" and "actors" not in data["claim"]
    data = ok_json("claims", "move", "alpha-03", "--to", "ceasefire", "--from", "war")
    assert data["ids"] == ["alpha-03"]
    data = ok_json("claims", "accept", "alpha-s01")
    assert data["events_accepted"] == ["talks"]
    data = ok_json("claims", "reject", "alpha-s02")
    assert data["ids"] == ["alpha-s02"]
    assert "status: rejected" in (content / "claims/alpha.suggested.yaml").read_text()
    assert ok_json("claims", "accept", "alpha-s02", "--event", "war")["ids"] == ["alpha-s02"]
    assert "  events: [war]\n  kind: fact\n" in (content / "claims/alpha.yaml").read_text()
    corpus, _ = load_corpus(content)
    c = corpus.claims["alpha-03"]
    assert (c.kind, c.speaker, c.actors, c.events) == ("fact", "Jane Doe", [], ["ceasefire"])
    assert corpus.claims["alpha-s01"].events == ["talks"]
    curated_ok(content)


def test_events_steps(content):
    assert ok_json("events", "add", "summit", "--title", "Summit", "--date", "2023-05",
                   "--actor", "EU")["ids"] == ["summit"]
    assert ok_json("events", "rename", "summit", "--title", "The summit")["event"]["title"] == \
        "The summit"
    assert ok_json("events", "edit", "summit", "--end", "2023-06")["event"]["end"] == "2023-06"
    assert ok_json("events", "accept", "talks")["ids"] == ["talks"]
    assert ok_json("events", "reject", "noise")["ids"] == ["noise"]
    ok_json("claims", "move", "alpha-01", "--to", "summit")
    data = ok_json("events", "merge", "summit", "war")
    assert data["merged"] == "summit" and data["claims_moved"] == ["alpha-01"]
    corpus, _ = load_corpus(content)
    assert "summit" not in corpus.events and corpus.events["talks"].title == "Talks"
    curated_ok(content)
    text = run("events", "merge", "talks", "ceasefire")
    assert text.exit_code == 0 and text.stdout.startswith("events merge: ceasefire (")


@pytest.mark.parametrize("args, message", [
    (["claims", "add", "alpha", "--quote", "Lead paragraph", "--event", "nope"],
     "alpha.yaml:20: claim alpha-03: event 'nope' is not in events.yaml"),
    (["claims", "add", "alpha", "--quote", "Lead paragraph"], "give --event"),
    (["claims", "add", "alpha", "--quote", "xyz abc", "--event", "war"], "quote not found"),
    (["claims", "edit", "alpha-01", "--quote", "not there"], "alpha.yaml:2: claim alpha-01: quote"),
    (["claims", "edit", "alpha-99", "--kind", "fact"], "no claim 'alpha-99'"),
    (["claims", "edit", "alpha-01", "--kind", "opinion"], "kind 'opinion' is not one of"),
    (["claims", "accept", "alpha-s02"], "suggested claim alpha-s02 is about no event yet"),
    (["claims", "accept", "alpha-s02", "--event", "nope"], "event 'nope' is not in"),
    (["claims", "reject", "alpha-01"], "no suggested claim 'alpha-01'"),
    (["events", "add", "war", "--title", "x"], "event 'war' already exists"),
    (["events", "add", "x", "--title", "X", "--date", "2023-13"], "events.yaml:"),
    (["events", "merge", "war", "war"], "cannot be merged into itself"),
    (["events", "accept", "war"], "no suggested event 'war'"),
])
def test_errors_are_path_line_messages_and_change_nothing(content, args, message):
    before = {p: p.read_bytes() for p in sorted(content.rglob("*.yaml"))}
    for extra in ([], ["--json"]):
        r = run(*args, *extra)
        assert r.exit_code == 1, r.output
        assert message in r.stderr
        assert "Traceback" not in r.output and r.stdout == ""
    assert {p: p.read_bytes() for p in sorted(content.rglob("*.yaml"))} == before


def test_annotations_follow_a_claim_renamed_from_the_shell(content):
    assert run("annotate", "alpha-01", "--tag", "troops").exit_code == 0
    data = ok_json("claims", "edit", "alpha-01", "--id", "alpha-10")
    assert data["renamed"] == {"alpha-01": "alpha-10"}
    listed = json.loads(run("annotations", "--json").stdout)
    assert [a["claim_id"] for a in listed["annotations"]] == ["alpha-10"]
    assert "alpha-01" not in run("check").output
