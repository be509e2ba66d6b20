"""Coverage (events x sources, blindspots, counts) and the timeline order."""

from __future__ import annotations

from factories import build_corpus

from briefing.analysis.coverage import coverage
from briefing.analysis.timeline import date_key, ordered_events, timeline

SPEC = {
    "events": {
        "war": {"title": "War", "date": "2020-09-27", "end": "2020-11-10"},
        "blockade": {"title": "Blockade", "date": "2022-12-12"},
        "december": {"title": "Something in December", "date": "2022-12"},
        "founding": {"title": "Founding", "date": "2002"},
        "undated": {"title": "Undated"},
        "silent": {"title": "Nobody covers this", "date": "2021"},
    },
    "articles": {
        "b": ["The war. The blockade. Again the war."],
        "a": ["The war. Founding. December. Undated."],
    },
    "claims": [
        {"article": "b", "quote": "The war", "events": ["war"]},
        {"article": "b", "quote": "The blockade", "events": ["blockade"]},
        {"article": "b", "quote": "Again the war", "events": ["war"]},
        {"article": "a", "quote": "The war", "events": ["war", "founding"]},
        {"article": "a", "quote": "December", "events": ["december"]},
        {"article": "a", "quote": "Undated", "events": ["undated"]},
    ],
}


def test_matrix_counts_claims_per_event_and_source():
    cov = coverage(build_corpus(SPEC))
    assert cov.sources == ["b", "a"]  # corpus order
    assert cov.matrix["war"] == {"b": 2, "a": 1}
    assert cov.matrix["blockade"] == {"b": 1, "a": 0}
    assert cov.matrix["founding"] == {"b": 0, "a": 1}
    assert cov.covering("war") == ["b", "a"]


def test_single_source_events_and_uncovered():
    cov = coverage(build_corpus(SPEC))
    assert set(cov.single_source) == {"blockade", "founding", "december", "undated"}
    assert cov.uncovered == ["silent"]
    assert "war" not in cov.single_source


def test_counts_per_source():
    cov = coverage(build_corpus(SPEC))
    assert cov.per_source["b"] == {"claims": 3, "events": 2, "only_source": 1}
    assert cov.per_source["a"] == {"claims": 3, "events": 4, "only_source": 3}


def test_partial_dates_sort_at_the_start_of_their_period_and_undated_last():
    order = [e.id for e in ordered_events(build_corpus(SPEC))]
    assert order == ["founding", "war", "silent", "december", "blockade", "undated"]
    assert coverage(build_corpus(SPEC)).events == order


def test_date_key():
    assert date_key("2022") < date_key("2022-01") < date_key("2022-01-01") < date_key("2022-02")
    assert date_key("1994") < date_key("2002")
    assert date_key(None) == date_key("not a date") > date_key("9999-12-31")


def test_timeline_carries_coverage():
    entries = {t.event.id: t.sources for t in timeline(build_corpus(SPEC))}
    assert entries["war"] == ["b", "a"]
    assert entries["silent"] == []
