"""Disagreements and agreements between sources, on synthetic corpora."""

from __future__ import annotations

from factories import build_corpus

from briefing.analysis import disagreements as dis
from briefing.analysis.disagreements import Value, value_relation

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


def test_a_month_is_compatible_with_its_days_and_only_the_two_days_conflict():
    c = corpus([
        {"article": "a", "quote": "founded in 1994", "dates": [("2022-09", "start")]},
        {"article": "b", "quote": "founded in 2002", "dates": [("2022-09-12", "start")]},
        {"article": "c", "quote": "dates from 2002", "dates": [("2022-09-13", "start")]},
    ])
    [f] = dis.for_corpus(c).disagreements
    assert len(f.values) == 3  # every value is still listed
    # only the two days are behind the verdict: the month conflicts with neither
    assert [(p.a.claim, p.b.claim, p.relation) for p in f.pairs] == [("b-01", "c-01", "conflict")]
    assert f.against("a-01") == []


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


def test_hedged_figures_are_compatible_and_the_same_figure_agrees():
    c = corpus([
        {"article": "a", "quote": "Some 7,000 died", "figures": [("deaths", "some 7,000")]},
        {"article": "b", "quote": "Around 7,050 died", "figures": [("deaths", "around 7,050")]},
        {"article": "c", "quote": "About 7,000 died", "figures": [("deaths", "about 7,000")]},
    ])
    found = dis.for_corpus(c)
    assert found.disagreements == [] and found.agreements == []
    assert keys(found.compatible) == [("figure", "deaths")]
    c = corpus([
        {"article": "a", "quote": "Some 7,000 died", "figures": [("deaths", "some 7,000")]},
        {"article": "c", "quote": "About 7,000 died", "figures": [("deaths", "about 7,000")]},
    ])
    assert keys(dis.for_corpus(c).agreements) == [("figure", "deaths")]


def test_exact_figures_that_differ_conflict():
    c = corpus([
        {"article": "a", "quote": "Some 7,000 died", "figures": [("deaths", 7001)]},
        {"article": "b", "quote": "Around 7,050 died", "figures": [("deaths", 7050)]},
    ])
    assert keys(dis.for_corpus(c).disagreements) == [("figure", "deaths")]


def fig(value, text=None, approx=False):
    return Value("a", "a-1", value, text, approx=approx)


def test_figure_relations_with_tolerances():
    r = lambda x, y: value_relation("figure", x, y)  # noqa: E731
    assert r(fig(1900, "1 900 men", True), fig(1960, "1,960")) == "conflict"  # 1,850-1,950
    assert r(fig(1900, "about 1,900"), fig(1960, "1,960")) == "compatible"  # +-10 %
    assert r(fig(100, "approximately 100", True), fig(100, "100 staff")) == "agree"
    assert r(fig(100, "100 staff"), fig(120, "120 staff")) == "conflict"  # rounding <= 5 %
    assert r(fig(1000, "more than 1,000", True), fig(5000, "5,000")) == "compatible"
    assert r(fig(1000, "more than 1,000", True), fig(900, "900")) == "conflict"
    assert r(fig(500, "up to 500", True), fig(450, "450")) == "compatible"
    assert r(fig(185000, "between 170,000 and 200,000"), fig(190000, "190,000")) == "compatible"
    assert r(fig(185000, "between 170,000 and 200,000"), fig(150000, "150,000")) == "conflict"
    assert r(fig(1000, "nearly 1,000", True), fig(1040, "1,040")) == "conflict"


def date(value, text=None):
    return Value("a", "a-1", value, text)


def test_date_relations_with_precision_and_ranges():
    r = lambda x, y: value_relation("date", x, y)  # noqa: E731
    assert r(date("2022-09"), date("2022-09-13")) == "compatible"  # never "agree"
    assert r(date("2022-09"), date("2022-09")) == "agree"
    assert r(date("2022-09-12"), date("2022-09-13")) == "conflict"
    night = date("2022-09-12", "the night of 12-13 September")
    assert r(night, date("2022-09-13")) == "compatible"
    assert r(night, date("2022-09-14")) == "conflict"
    assert r(date("2022", "late 2022"), date("2022-11-20")) == "compatible"
    assert r(date("2022", "late 2022"), date("2022-03")) == "conflict"
    assert r(date("2022", "early 2022"), date("2022-02-24")) == "compatible"
    assert r(date("1993", "between 1992 and 1994"), date("1994")) == "compatible"
    assert r(date("2002", "around 2002"), date("2001")) == "compatible"
    assert r(date("2002"), date("1994")) == "conflict"
    assert r(date("2022-01"), date("2022-12")) == "conflict"


def test_an_article_is_read_as_a_whole_against_another():
    # One source writes "12 September" and elsewhere "the night of 12-13 September": with the
    # other source's "13 September" it is compatible, not a conflict.
    c = corpus([
        {"article": "a", "quote": "founded in 1994", "dates": [("2022-09-12", "start")]},
        {"article": "a", "quote": "Some 7,000 died",
         "dates": [{"value": "2022-09-12", "what": "start", "text": "Some 7,000"}]},
        {"article": "b", "quote": "founded in 2002", "dates": [("2022-09-13", "start")]},
    ])
    found = dis.for_corpus(c)
    assert keys(found.disagreements) == [("date", "start")]  # "Some 7,000" says no range
    c = corpus([
        {"article": "a", "quote": "founded in 1994", "dates": [("2022-09-12", "start")]},
        {"article": "a", "quote": "Again: 1,960 peacekeepers",
         "dates": [{"value": "2022-09-12", "what": "start",
                    "text": "on the night of 12-13 September"}]},
        {"article": "b", "quote": "founded in 2002", "dates": [("2022-09-13", "start")]},
    ])
    found = dis.for_corpus(c)
    assert found.disagreements == [] and keys(found.compatible) == [("date", "start")]


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
