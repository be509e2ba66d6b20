"""`briefing disagreements --json` on the bundled briefing: what issue 16 asks of it."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from briefing.cli import main

CONTENT = Path(__file__).resolve().parent.parent / "content"


def run_json(tmp_path, monkeypatch, *args):
    monkeypatch.setenv("BRIEFING_DB", str(tmp_path / "none.json"))
    result = CliRunner().invoke(main, ["disagreements", "--json", "--content", str(CONTENT),
                                       *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def nested(a: str, b: str) -> bool:
    """One ISO date inside the other ("2022-09" and "2022-09-13")."""
    short, long = sorted((str(a), str(b)), key=len)
    return short != long and long.startswith(short + "-")


def test_no_month_against_day_and_the_real_ones_kept(tmp_path, monkeypatch):
    data = run_json(tmp_path, monkeypatch)
    keys = {f["quantity"] for f in data["disagreements"]}
    assert {"csto-founded", "armenia-joined-csto", "russian-peacekeepers-nk"} <= keys
    assert "sept-2022-offensive-start" not in keys  # "the night of 12-13 September"
    assert "sept-2022-offensive-start" in {f["quantity"] for f in data["compatible"]}
    for f in data["disagreements"]:
        values = {v["claim"]: v["value"] for v in f["values"]}
        for p in f["pairs"]:
            assert p["relation"] == "conflict"
            assert values[p["a"]] != values[p["b"]]  # never a value against itself
            assert not nested(values[p["a"]], values[p["b"]])
    for f in data["agreements"]:  # an agreement confirms: a month never "agrees" with a day
        dates = [v["value"] for v in f["values"] if f["kind"] == "date"]
        assert not any(nested(a, b) for a in dates for b in dates)


def test_titles_that_differ_are_listed_with_their_place(tmp_path, monkeypatch):
    data = run_json(tmp_path, monkeypatch)
    sidorov = [o for o in data["offices"] if o["person"] == "Anatoly Sidorov"]
    assert [o["kind"] for o in sidorov] == ["rank"]
    [o] = sidorov
    assert {o["a"]["rank"], o["b"]["rank"]} == {"colonel", "colonel general"}
    for side in (o["a"], o["b"]):
        para = side["paragraph"]
        assert side["sentence"] and side["end"] > side["start"] and para.count("/") == 2
    assert data["marked"] == []


def test_one_event(tmp_path, monkeypatch):
    data = run_json(tmp_path, monkeypatch, "--event", "nov-2020-ceasefire")
    assert [f["quantity"] for f in data["disagreements"]] == ["russian-peacekeepers-nk"]
    assert "nov-2020-ceasefire-signed" in {f["quantity"] for f in data["compatible"]}
