"""`briefing events | claims | compare | coverage | search`: tables, JSON shapes, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import main

ARTICLE = """---
id: {id}
title: "{title}"
authors: [{author}]
outlet: null
published: {published}
language: en
genre: analysis
translator: null
source_file: null
url: null
---

{body}
"""

EVENTS = """\
- id: ceasefire
  title: November 2020 ceasefire
  date: 2020-11-09
  summary: Russia brokered a ceasefire.
  actors: [Russia]
- id: blockade
  title: Lachin corridor blockade
  date: 2022-12-12
  summary: The road was blocked.
  actors: [Azerbaijan]
- id: csto-founding
  title: CSTO founded
  date: "2002"
  summary: The CSTO was founded.
  actors: [CSTO]
"""

CLAIMS_A = """\
- id: alpha-01
  quote: "the deployment of 1,960 Russian armed peacekeepers"
  events: [ceasefire]
  kind: figure
  speaker: author
  figures:
    - {quantity: russian-peacekeepers, value: 1960, unit: troops, text: "1,960"}
- id: alpha-02
  quote: "so-called environmental activists blocked the corridor [/claim] [bold]x[/bold]"
  events: [blockade]
  kind: fact
  speaker: author
- id: alpha-03
  quote: "the CSTO, founded in 1994"
  events: [csto-founding]
  kind: fact
  speaker: author
  dates:
    - {value: "1994", what: csto-founded}
"""

CLAIMS_B = """\
- id: beta-01
  quote: "1 900 men"
  events: [ceasefire]
  kind: figure
  speaker: Dupuy
  figures:
    - {quantity: russian-peacekeepers, value: 1900, unit: troops, text: "1 900 men"}
- id: beta-02
  quote: "the CSTO, founded in 2002"
  events: [csto-founding]
  kind: fact
  speaker: author
  dates:
    - {value: "2002", what: csto-founded}
"""


@pytest.fixture(scope="module")
def content(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("briefing")
    (root / "articles").mkdir()
    (root / "claims").mkdir()
    (root / "briefing.yaml").write_text("title: Test briefing\ndescription: x\nquestions: []\n")
    (root / "events.yaml").write_text(EVENTS)
    (root / "articles" / "alpha.md").write_text(ARTICLE.format(
        id="alpha", title="Alpha", author="A. Writer", published="2022-09",
        body="Russia agreed to the deployment of 1,960 Russian armed peacekeepers.\n\n"
             "## The blockade\n\nThe so-called environmental activists blocked the corridor "
             "[/claim] [bold]x[/bold] and a blockade followed.\n\nAnd the CSTO, founded in 1994, "
             "did nothing."))
    (root / "articles" / "beta.md").write_text(ARTICLE.format(
        id="beta", title="Beta", author="B. Writer", published="2023-01",
        body="A good part of the Russian troops (1 900 men) left; the peacekeepers stayed.\n\n"
             "Meanwhile the CSTO, founded in 2002, stayed silent about the roadblock."))
    (root / "claims" / "alpha.yaml").write_text(CLAIMS_A)
    (root / "claims" / "beta.yaml").write_text(CLAIMS_B)
    (root / "lexicon.yaml").write_text(
        "- group: blockade\n  label: Blockade words\n  terms: [blockade, roadblock, "
        "environmental activists]\n")
    return root


def run(content: Path, *args: str):
    result = CliRunner().invoke(main, [*args, "--content", str(content)])
    return result


def run_json(content: Path, *args: str):
    result = run(content, *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_fixture_is_a_valid_briefing(content):
    result = CliRunner().invoke(main, ["check", "--content", str(content)])
    assert result.exit_code == 0, result.output


def test_events_json(content):
    data = run_json(content, "events")
    assert [e["id"] for e in data] == ["csto-founding", "ceasefire", "blockade"]  # date order
    for e in data:
        assert {"id", "title", "date", "sources"} <= set(e)
    by_id = {e["id"]: e for e in data}
    assert by_id["ceasefire"]["sources"] == ["alpha", "beta"]
    assert by_id["blockade"]["sources"] == ["alpha"]
    assert by_id["ceasefire"]["date"] == "2020-11-09"


def test_claims_json_shape_and_filters(content):
    data = run_json(content, "claims")
    assert [c["id"] for c in data] == ["alpha-01", "alpha-02", "alpha-03", "beta-01", "beta-02"]
    claim = data[0]
    assert {"id", "article", "events", "quote", "kind", "speaker", "figures",
            "paragraph"} <= set(claim)
    assert claim["article"] == "alpha" and claim["events"] == ["ceasefire"]
    assert claim["paragraph"] == "alpha/0/1"
    assert claim["figures"] == [{"quantity": "russian-peacekeepers", "value": 1960,
                                 "unit": "troops", "text": "1,960", "approx": False}]
    assert [c["id"] for c in run_json(content, "claims", "--event", "ceasefire")] == [
        "alpha-01", "beta-01"]
    assert [c["id"] for c in run_json(content, "claims", "--source", "beta")] == [
        "beta-01", "beta-02"]
    assert [c["id"] for c in run_json(content, "claims", "--kind", "figure", "--source",
                                      "alpha")] == ["alpha-01"]


def test_compare_json(content):
    data = run_json(content, "compare", "ceasefire")
    assert set(data) >= {"event", "sources", "disagreements", "agreements", "framing"}
    assert data["event"]["id"] == "ceasefire"
    assert [s["article"] for s in data["sources"]] == ["alpha", "beta"]
    assert [c["id"] for c in data["sources"][1]["claims"]] == ["beta-01"]
    [d] = data["disagreements"]
    assert d["quantity"] == "russian-peacekeepers"
    assert [(v["article"], v["claim"], v["value"]) for v in d["values"]] == [
        ("alpha", "alpha-01", 1960), ("beta", "beta-01", 1900)]
    assert data["agreements"] == []
    assert set(data["framing"]) == {"alpha", "beta"}
    for terms in data["framing"].values():
        for t in terms:
            assert {"term", "z", "count"} <= set(t)


def test_compare_dates_and_not_covering(content):
    data = run_json(content, "compare", "csto-founding")
    [d] = data["disagreements"]
    assert (d["quantity"], d["kind"]) == ("csto-founded", "date")
    assert [v["value"] for v in d["values"]] == ["1994", "2002"]
    blockade = run_json(content, "compare", "blockade")
    assert blockade["not_covering"] == ["beta"]
    assert [s["claims"] for s in blockade["sources"]][1] == []
    used = {t["term"]: t["counts"] for g in blockade["lexicon"] for t in g["terms"]}
    assert used == {"blockade": {"alpha": 1}, "environmental activists": {"alpha": 1}}


def test_coverage_json(content):
    data = run_json(content, "coverage")
    assert [s["article"] for s in data["sources"]] == ["alpha", "beta"]
    assert data["sources"][0]["claims"] == 3
    assert data["single_source"] == ["blockade"]
    by_id = {e["id"]: e for e in data["events"]}
    assert by_id["ceasefire"]["claims"] == {"alpha": 1, "beta": 1}


def test_search_json(content):
    data = run_json(content, "search", "peacekeepers")
    assert data["query"] == "peacekeepers"
    hit = data["hits"][0]
    assert {"kind", "id", "article", "paragraph", "claim", "score", "snippet", "snippet_start",
            "matches"} <= set(hit)
    assert data["total"] == len(data["hits"])
    kinds = {(h["kind"], h["id"]) for h in data["hits"]}
    assert ("paragraph", "beta/0/1") in kinds  # passages by default, as the reader counts
    both = run_json(content, "search", "peacekeepers", "--kind", "paragraph", "--kind", "claim")
    assert ("claim", "alpha-01") in {(h["kind"], h["id"]) for h in both["hits"]}
    for h in data["hits"]:
        for s, e in h["matches"]:
            piece = h["snippet"][s - h["snippet_start"]:e - h["snippet_start"]]
            assert piece.lower() == "peacekeepers"
    assert run_json(content, "search", "nothing-like-this")["hits"] == []
    prefixed = run_json(content, "search", "peace", "--kind", "claim")["hits"]
    assert [h["id"] for h in prefixed] == ["alpha-01"]  # the last word is a prefix


def test_search_kind_and_source_filters(content):
    data = run_json(content, "search", "csto", "--kind", "claim", "--source", "beta")
    assert [h["id"] for h in data["hits"]] == ["beta-02"]


@pytest.mark.parametrize("args, needle", [
    (["compare", "no-such-event"], "unknown event 'no-such-event'"),
    (["claims", "--event", "cease-fire"], "Did you mean: ceasefire"),
    (["claims", "--source", "gamma"], "unknown source 'gamma'"),
    (["claims", "--kind", "rumour"], "'rumour' is not one of"),
    (["search", "x", "--source", "gamma"], "unknown source 'gamma'"),
])
def test_unknown_names_exit_2_with_a_clear_message(content, args, needle):
    result = run(content, *args)
    assert result.exit_code == 2
    assert needle in result.output
    assert "Traceback" not in result.output


def test_tables_print_untrusted_text_literally(content):
    # The quote holds "[/claim] [bold]x[/bold]": Rich markup would raise or swallow it.
    result = run(content, "claims", "--source", "alpha")
    assert result.exit_code == 0, result.output
    assert "[/claim]" in result.output and "[bold]x[/bold]" in result.output
    result = run(content, "compare", "blockade")
    assert result.exit_code == 0, result.output
    assert "[/claim]" in result.output
    result = run(content, "search", "bold")
    assert result.exit_code == 0 and "[bold]x[/bold]" in result.output


@pytest.mark.parametrize("command", [["events"], ["claims"], ["compare", "ceasefire"],
                                     ["coverage"], ["search", "csto"]])
def test_tables_for_people(content, command):
    result = run(content, *command)
    assert result.exit_code == 0, result.output
    assert result.output.strip()


def test_compare_table_shows_disagreement_values(content):
    out = run(content, "compare", "ceasefire").output
    assert "Disagreements" in out and "1960" in out and "1900" in out and "1 900 men" in out


def test_broken_content_exits_1_with_problems(tmp_path):
    result = CliRunner().invoke(main, ["events", "--content", str(tmp_path / "missing")])
    assert result.exit_code == 1
    assert "no such directory" in result.output


def test_analysis_commands_do_not_import_textual(content):
    import subprocess
    import sys

    code = ("import sys; from click.testing import CliRunner; from briefing.cli import main; "
            "r = CliRunner().invoke(main, ['compare', 'ceasefire', '--content', "
            f"{str(content)!r}]);"
            "assert r.exit_code == 0, r.output; "
            "print(any(m == 'textual' or m.startswith('textual.') for m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=Path(__file__).resolve().parent.parent)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


def test_disagreements_json_corpus_wide_and_per_event(content):
    data = run_json(content, "disagreements")
    assert data["event"] is None
    assert [(d["quantity"], d["kind"]) for d in data["disagreements"]] == [
        ("russian-peacekeepers", "figure"), ("csto-founded", "date")]
    assert data["agreements"] == []
    per_event = run_json(content, "disagreements", "--event", "csto-founding")
    assert [d["quantity"] for d in per_event["disagreements"]] == ["csto-founded"]
    out = run(content, "disagreements").output
    assert "Disagreements (2)" in out and "1 900 men" in out


def test_lexicon_json_corpus_wide_and_per_event(content):
    data = run_json(content, "lexicon")
    assert data["sources"] == ["alpha", "beta"]
    [group] = data["groups"]
    used = {t["term"]: t["counts"] for t in group["terms"]}
    assert used == {"blockade": {"alpha": 1}, "roadblock": {"beta": 1},
                    "environmental activists": {"alpha": 1}}
    per_event = run_json(content, "lexicon", "--event", "blockade")
    assert per_event["sources"] == ["alpha"]
    assert "roadblock" not in {t["term"] for g in per_event["groups"] for t in g["terms"]}
    out = run(content, "lexicon").output
    assert "Blockade words" in out and "roadblock" in out


@pytest.mark.parametrize("command", ["disagreements", "lexicon"])
def test_new_commands_reject_unknown_events(content, command):
    result = run(content, command, "--event", "nope")
    assert result.exit_code == 2 and "unknown event 'nope'" in result.output


@pytest.mark.parametrize("query", ["", "   ", '""', "…"])
def test_search_without_a_word_is_a_usage_error(content, query):
    # It used to print "0 hit(s) for" and an empty table, exit 0.
    result = run(content, "search", query)
    assert result.exit_code == 2
    assert "give at least one word" in result.output


def test_search_without_hits_says_so_on_one_line(content):
    result = run(content, "search", "[red]zebra", "[/x]")
    assert result.exit_code == 0
    assert result.output == "No hits for [red]zebra [/x]\n"  # as typed: never markup


def test_output_that_is_not_utf8_gets_question_marks_not_a_traceback():
    # A Latin-1 or ASCII locale: the en dash in the bundled briefing's title (or a quote's
    # accents) raised UnicodeEncodeError from Rich.
    import os
    import subprocess
    import sys

    for args in (["events"], ["claims", "--source", "jafarli-2023"], ["search", "Lachin"]):
        done = subprocess.run(
            [sys.executable, "-m", "briefing", *args], capture_output=True, timeout=60,
            env={**os.environ, "PYTHONIOENCODING": "ascii", "BRIEFING_CONTENT": ""},
            cwd=Path(__file__).resolve().parent.parent)
        assert done.returncode == 0 and b"Traceback" not in done.stderr, done.stderr[-400:]
        assert done.stdout.isascii() and b"?" in done.stdout


def test_compare_top_must_not_be_negative(content):
    # --top -1 was taken as a slice end: every distinctive term but the last.
    result = run(content, "compare", "ceasefire", "--top", "-1")
    assert result.exit_code == 2 and "--top" in result.output
    data = run_json(content, "compare", "ceasefire", "--top", "0")
    assert all(terms == [] for terms in data["framing"].values())
