"""Disagreements and agreements between sources, on synthetic corpora."""

from __future__ import annotations

from factories import build_corpus

from briefing.analysis import disagreements as dis
from briefing.analysis.disagreements import Value, same_date, same_figure

EVENTS = {"ceasefire": {"title": "Ceasefire", "date": "2020-11-09"},
          "csto": {"title": "CSTO founded", "date": "2002"}}


def corpus(claims, articles=None):
    return build_corpus({
        "events": EVENTS,
        "articles": articles or {
            "a": ["Russia sent 1,960 peacekeepers. The CSTO was founded in 1994. Some 7,000 died.",
                  "Again: 1,960 peacekeepers, as said. Armenia joined in 1992."],
            "b": ["Some 1 900 men were sent. The CSTO, founded in 2002. Around 7,050 died."],
            "c": ["The organisation dates from 2002. Armenia joined in 1992. About 7,000 died."],
        },
        "claims": claims,
    })


def keys(findings):
    return [(f.kind, f.quantity) for f in findings]


def test_figure_disagreement_lists_every_value():
    c = corpus([
        {"article": "a", "quote": "1,960 peacekeepers", "events": ["ceasefire"],
         "figures": [("peacekeepers", "1,960")]},
        {"article": "b", "quote": "1 900 men", "events": ["ceasefire"],
         "figures": [("peacekeepers", "1 900 men")]},
    ])
    found = dis.for_corpus(c)
    assert keys(found.disagreements) == [("figure", "peacekeepers")]
    assert found.agreements == []
    [f] = found.disagreements
    assert [(v.article, v.claim, v.value, v.text) for v in f.values] == [
        ("a", "a-01", 1960, "1,960"), ("b", "b-01", 1900, "1 900 men")]
    assert f.events == ["ceasefire"]
    assert f.distinct() == [1960, 1900]


def test_date_disagreement_founding_year():
    c = corpus([
        {"article": "a", "quote": "founded in 1994", "dates": [("1994", "csto-founded")]},
        {"article": "b", "quote": "founded in 2002", "dates": [("2002", "csto-founded")]},
        {"article": "c", "quote": "dates from 2002", "dates": [("2002", "csto-founded")]},
    ])
    found = dis.for_corpus(c)
    assert keys(found.disagreements) == [("date", "csto-founded")]
    [f] = found.disagreements
    assert [(v.article, v.value) for v in f.values] == [("a", "1994"), ("b", "2002"), ("c", "2002")]
    assert f.articles == ["a", "b", "c"]
    assert f.distinct() == ["1994", "2002"]


def test_distinct_dates_drop_partial_dates_that_others_refine():
    c = corpus([
        {"article": "a", "quote": "founded in 1994", "dates": [("2022-09", "start")]},
        {"article": "b", "quote": "founded in 2002", "dates": [("2022-09-12", "start")]},
        {"article": "c", "quote": "dates from 2002", "dates": [("2022-09-13", "start")]},
    ])
    [f] = dis.for_corpus(c).disagreements
    assert f.distinct() == ["2022-09-12", "2022-09-13"]
    assert len(f.values) == 3  # every value is still listed


def test_agreement_is_not_a_disagreement():
    c = corpus([
        {"article": "a", "quote": "Armenia joined in 1992", "dates": [("1992", "armenia-joined")]},
        {"article": "c", "quote": "Armenia joined in 1992", "dates": [("1992", "armenia-joined")]},
    ])
    found = dis.for_corpus(c)
    assert found.disagreements == []
    assert keys(found.agreements) == [("date", "armenia-joined")]
    assert found.agreements[0].articles == ["a", "c"]


def test_same_article_repeats_are_neither():
    # One source giving its own figure twice (even differently) is not a cross-source finding.
    c = corpus([
        {"article": "a", "quote": "Russia sent 1,960 peacekeepers",
         "figures": [("peacekeepers", 1960)]},
        {"article": "a", "quote": "Again: 1,960 peacekeepers", "figures": [("peacekeepers", 1960)]},
        {"article": "a", "quote": "Some 7,000 died", "figures": [("deaths", 7000)]},
        {"article": "a", "quote": "Armenia joined in 1992", "figures": [("deaths", 7001)]},
    ])
    found = dis.for_corpus(c)
    assert found.disagreements == [] and found.agreements == []


def test_repeat_in_one_source_plus_a_second_source_agreeing():
    c = corpus([
        {"article": "a", "quote": "Russia sent 1,960 peacekeepers", "figures": [("pk", 1960)]},
        {"article": "a", "quote": "Again: 1,960 peacekeepers", "figures": [("pk", 1960)]},
        {"article": "b", "quote": "1 900 men", "figures": [("pk", 1960)]},
    ])
    found = dis.for_corpus(c)
    assert keys(found.agreements) == [("figure", "pk")]
    assert len(found.agreements[0].values) == 3


def test_approximate_figures_within_one_percent_agree():
    c = corpus([
        {"article": "a", "quote": "Some 7,000 died", "figures": [("deaths", "some 7,000")]},
        {"article": "b", "quote": "Around 7,050 died", "figures": [("deaths", "around 7,050")]},
        {"article": "c", "quote": "About 7,000 died", "figures": [("deaths", "about 7,000")]},
    ])
    found = dis.for_corpus(c)
    assert found.disagreements == []
    assert keys(found.agreements) == [("figure", "deaths")]


def test_exact_figures_never_match_loosely():
    c = corpus([
        {"article": "a", "quote": "Some 7,000 died", "figures": [("deaths", 7000)]},
        {"article": "b", "quote": "Around 7,050 died", "figures": [("deaths", 7050)]},
    ])
    assert keys(dis.for_corpus(c).disagreements) == [("figure", "deaths")]


def test_one_exact_one_approximate_must_be_equal():
    assert not same_figure(Value("a", "a-1", 7000, approx=True), Value("b", "b-1", 7050))
    assert same_figure(Value("a", "a-1", 7000, approx=True), Value("b", "b-1", 7000))
    assert same_figure(Value("a", "a-1", 100, approx=True), Value("b", "b-1", 101, approx=True))
    assert not same_figure(Value("a", "a-1", 100, approx=True),
                           Value("b", "b-1", 102, approx=True))


def test_partial_dates_are_compared_at_common_precision():
    def v(x):
        return Value("a", "a-1", x)

    assert same_date(v("2022-12"), v("2022-12-12"))
    assert same_date(v("2022"), v("2022-12-12"))
    assert not same_date(v("2022-12-12"), v("2022-12-13"))
    assert not same_date(v("2022-01"), v("2022-12"))
    assert not same_date(v("2002"), v("1994"))
    assert not same_date(v("2022-1"), v("2022-12"))  # not a prefix at a field boundary


def test_dates_without_a_key_are_not_compared():
    c = corpus([
        {"article": "a", "quote": "founded in 1994", "dates": ["1994"]},
        {"article": "b", "quote": "founded in 2002", "dates": ["2002"]},
    ])
    found = dis.for_corpus(c)
    assert found.disagreements == [] and found.agreements == []


def test_per_event_only_sees_that_events_claims():
    c = corpus([
        {"article": "a", "quote": "1,960 peacekeepers", "events": ["ceasefire"],
         "figures": [("pk", 1960)]},
        {"article": "b", "quote": "1 900 men", "events": ["csto"], "figures": [("pk", 1900)]},
    ])
    assert dis.for_event(c, "ceasefire").disagreements == []
    assert keys(dis.for_corpus(c).disagreements) == [("figure", "pk")]


def test_values_follow_corpus_order_and_findings_are_sorted():
    c = corpus([
        {"article": "c", "quote": "dates from 2002", "dates": [("2002", "founded")]},
        {"article": "a", "quote": "founded in 1994", "dates": [("1994", "founded")]},
        {"article": "b", "quote": "1 900 men", "figures": [("pk", 1900)]},
        {"article": "a", "quote": "1,960 peacekeepers", "figures": [("pk", 1960)]},
    ])
    found = dis.for_corpus(c)
    assert keys(found.disagreements) == [("figure", "pk"), ("date", "founded")]
    assert [v.article for v in found.disagreements[1].values] == ["a", "c"]
