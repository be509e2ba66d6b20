"""Figures as the five sources write them (briefing.analysis.numbers)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.analysis.numbers import find_numbers, parse_number, parse_numeral


@pytest.mark.parametrize(
    "text, value, unit, approx",
    [
        ("1,960", 1960, None, False),  # English thousands comma (Paylan)
        ("1 900 men", 1900, "men", False),  # French space groups (Dupuy)
        ("More 3 000 Russians", 3000, "russians", True),  # sic, Dupuy: "More" = more than
        ("$3,8 billion", 3.8e9, "USD", False),  # decimal comma + scale (Jafarli)
        ("\\$3,8 billion", 3.8e9, "USD", False),  # the raw seed's escaped dollar
        ("2,5-fold", 2.5, "fold", False),
        ("two years", 2, "years", False),
        ("some 7,000", 7000, None, True),
        ("some 7,000 victims", 7000, "victims", True),
        ("100", 100, None, False),
        ("41%", 41, "percent", False),
        ("41 per cent", 41, "percent", False),
        ("150 square kilometers", 150, "km2", False),
        ("838.6 km", 838.6, "km", False),
        ("approximately 100", 100, None, True),
        ("around 100 staff", 100, "staff", True),
        ("a 40-member civilian observer group", 40, "member", False),
        ("the 44-day war", 44, "days", False),
        ("Forty-four days", 44, "days", False),
        ("120,000 Armenians", 120_000, "armenians", False),
        ("$1,7 billion", 1.7e9, "USD", False),
        ("3.8 million", 3.8e6, None, False),
        ("thousands of deaths", 1000, "deaths", True),
        ("four-day talks", 4, "days", False),  # the Italian analysis
        ("the five-year deployment", 5, "years", False),  # Paylan
        ("a two-month mission", 2, "months", False),
        ("over 150 square kilometers", 150, "km2", True),
    ],
)
def test_formats_in_these_texts(text, value, unit, approx):
    n = parse_number(text)
    assert n is not None, text
    assert n.value == pytest.approx(value)
    assert n.unit == unit
    assert n.approx is approx


@pytest.mark.parametrize(
    "word, value",
    [("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7),
     ("eight", 8), ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12), ("thirteen", 13),
     ("fourteen", 14), ("fifteen", 15), ("sixteen", 16), ("seventeen", 17), ("eighteen", 18),
     ("nineteen", 19), ("twenty", 20), ("a dozen", 12), ("hundred", 100), ("a hundred", 100),
     ("thousand", 1000), ("million", 1e6), ("billion", 1e9), ("two hundred", 200),
     ("one hundred and twenty", 120), ("five thousand", 5000), ("two million", 2e6),
     ("twenty-one", 21), ("Seven", 7)],
)
def test_number_words(word, value):
    n = parse_number(word)
    assert n is not None and n.value == value


def test_range_between_and():
    n = parse_number("settle between 170,000 and 200,000 formerly displaced Azeri people")
    assert (n.low, n.high, n.value) == (170_000, 200_000, 185_000)
    assert n.is_range and n.qualifier == "between"
    assert n.text.startswith("between 170,000 and 200,000")


def test_range_from_to_and_dash():
    n = parse_number("a member of the CSTO from 1992 to 1999")
    assert (n.low, n.high) == (1992, 1999)
    assert parse_number("pages 130-134").low == 130
    assert parse_number("pages 130-134").high == 134


def test_decimal_comma_versus_thousands_comma():
    assert parse_numeral("1,960") == 1960
    assert parse_numeral("120,000") == 120_000
    assert parse_numeral("1,000,000") == 1_000_000
    assert parse_numeral("3,8") == 3.8
    assert parse_numeral("2,5") == 2.5
    assert parse_numeral("1,75") == 1.75
    assert parse_numeral("1 900") == 1900
    assert parse_numeral("3\u00a0000") == 3000  # no-break space as the group separator
    assert parse_numeral("838.6") == 838.6


@pytest.mark.parametrize("junk", ["", "abc", "1,2,3", "1.2.3", "--", "$"])
def test_not_numbers(junk):
    assert parse_numeral(junk) is None


@pytest.mark.parametrize("text", ["", "no figures here", "the 102nd Military Base", "a"])
def test_nothing_to_parse(text):
    assert parse_number(text) is None


def test_offsets_point_at_the_text():
    text = ("For the first 10 months of 2022, the bilateral trade increased by 85% to \\$3,8 "
            "billion, with Armenia's exports to Russia surging 2,5-fold to \\$1,7 billion.")
    found = find_numbers(text)
    for n in found:
        assert text[n.start:n.end] == n.text
    values = [n.value for n in found]
    assert values == [10, 2022, 85, 3.8e9, 2.5, 1.7e9]


def test_dates_are_not_figures():
    text = "On 23 January 2023 and on February 24, 2022, the EU sent 100 observers."
    assert [(n.value, n.unit) for n in find_numbers(text)] == [(100, "observers")]


def test_iso_dates_are_not_ranges():
    assert [n.value for n in find_numbers("On 2022-12-12 and in 2023-07, 40 people")] == [40]
    assert parse_number("1992-1999").high == 1999  # but a span of years is a range


def test_several_figures_in_one_passage():
    text = ("a good part of the Russian troops (1 900 men, 90 transport vehicles and 88 special "
            "units)")
    assert [(n.value, n.unit) for n in find_numbers(text)] == [
        (1900, "men"), (90, "transport"), (88, "special")]


@settings(deadline=None)
@given(st.integers(min_value=1000, max_value=10**12))
def test_grouped_integers_round_trip(n):
    assert parse_numeral(f"{n:,}") == n
    assert parse_numeral(f"{n:,}".replace(",", " ")) == n
    assert parse_number(f"some {n:,} people").value == n


@settings(deadline=None)
@given(st.text(max_size=60))
def test_never_raises(text):
    for n in find_numbers(text):
        assert text[n.start:n.end] == n.text


def test_figure_checks_catch_slips():
    from factories import build_corpus

    from briefing.analysis.figures import figure_problems

    c = build_corpus({
        "articles": {"a": ["Trade rose to $3,8 billion with some 7,000 firms and 1,960 men."]},
        "claims": [
            {"article": "a", "quote": "Trade rose to $3,8 billion",
             "figures": [{"quantity": "trade", "value": 38e9, "text": "$3,8 billion"}]},
            {"article": "a", "quote": "some 7,000 firms",
             "figures": [{"quantity": "firms", "value": 7000, "text": "some 7,000"}]},
            {"article": "a", "quote": "1,960 men",
             "figures": [{"quantity": "men", "value": 1960, "text": "1 960"},
                         {"quantity": "men2", "value": 1960, "text": "1,960"},
                         {"quantity": "men3", "value": 3, "text": "three"}]},
        ],
    })
    messages = [p.message for p in figure_problems(c)]
    assert messages == [
        "a-01: figure trade: '$3,8 billion' reads as 3800000000, but value is 3.8e+10",
        "a-02: figure firms: 'some 7,000' is approximate ('some'); add approx: true",
        "a-03: figure men: text '1 960' is not in the quote",
        "a-03: figure men3: text 'three' is not in the quote",
    ]


def test_derive_figure():
    from briefing.analysis.figures import derive_figure

    fig = derive_figure("trade", "$3,8 billion")
    assert (fig.value, fig.unit, fig.approx, fig.text) == (3.8e9, "USD", False, "$3,8 billion")
    fig = derive_figure("deaths", "some 7,000", unit="people")
    assert (fig.value, fig.unit, fig.approx) == (7000, "people", True)
    assert derive_figure("x", "no number") is None
