"""`briefing suggest`: dates of everyday news happenings (cuts, recalls, closures,
evacuations, price rises...) get a shared key, and what must not share one (a bound such
as "up to 30 May", an end, two happenings under one key).

Hand-written sentences on topics unlike the labelled sets (a ferry strike, a bridge
closure, a river flood, a toy recall, bus fares); each test runs the whole pipeline.
"""

from __future__ import annotations

import pytest

from briefing.analysis.disagreements import for_corpus
from briefing.loader import load_corpus
from briefing.suggest.mentions import find_dates
from briefing.suggest.pipeline import suggest, write
from tests.test_suggest_figurekeys import briefing, date_keys


def _one(d: dict, key: tuple[str, str]) -> str | None:
    return d[key][0]


def test_a_recall_dated_by_two_sources_without_a_name_shares_a_key(tmp_path):
    d = date_keys(tmp_path,
                  "The toys were recalled on 3 June after two children were hurt.",
                  "We recalled every batch on 3 June, the day the tests came back.")
    assert _one(d, ("src1", "2024-06-03")) and _one(d, ("src1", "2024-06-03")) == _one(d, ("src2", "2024-06-03"))


def test_a_closure_said_as_halted_stopped_or_closed_shares_a_key_and_disagrees(tmp_path):
    root = briefing(tmp_path,
                    "The operator halted traffic on the bridge on 14 March after cracks were found.",
                    "Traffic stopped on 15 March, when engineers found cracks in two piers.")
    result = suggest(load_corpus(root)[0], root)
    write(result)
    found = for_corpus(load_corpus(root)[0]).disagreements
    assert any(f.kind == "date" for f in found)


def test_an_evacuation_and_a_flood_are_two_happenings(tmp_path):
    d = date_keys(tmp_path,
                  "Villages along the river were evacuated on 9 May.",
                  "The river flooded on 11 May, two days after the warning.")
    assert _one(d, ("src1", "2024-05-09")) != _one(d, ("src2", "2024-05-11"))


def test_a_bound_or_an_end_is_not_the_date_of_the_happening(tmp_path):
    d = date_keys(tmp_path,
                  "The recall covers batches with use-by dates up to 30 June.",
                  "The ban on river fishing was lifted on 12 June.")
    assert _one(d, ("src1", "2024-06-30")) is None
    assert _one(d, ("src2", "2024-06-12")) is None


def test_a_happening_word_in_another_clause_dates_nothing_after_a_semicolon(tmp_path):
    d = date_keys(tmp_path,
                  "The first ferry crew walked out on 2 April; the last boat sailed on 9 April.")
    assert _one(d, ("src1", "2024-04-09")) is None


def test_a_key_given_two_dates_by_one_source_or_two_years_is_dropped(tmp_path):
    d = date_keys(tmp_path,
                  "Rationing began on 2 April. Rationing was tightened on 20 April.",
                  "Rationing began on 2 April, the utility said.")
    assert _one(d, ("src2", "2024-04-02")) is None
    d = date_keys(tmp_path / "years",
                  "The ferry strike of 2019 is remembered.",
                  "A ferry strike in 2023 lasted a week.")
    assert _one(d, ("src1", "2019")) is None and _one(d, ("src2", "2023")) is None


def test_a_price_rise_is_a_happening_only_with_a_price_word(tmp_path):
    d = date_keys(tmp_path,
                  "Bus fares will go up by 10 percent from 1 July.",
                  "A 10% fare increase takes effect on 1 July, the council said.",
                  "Cases will rise from 1 July, doctors fear.")
    assert _one(d, ("src1", "2024-07-01")) == _one(d, ("src2", "2024-07-01")) is not None
    assert _one(d, ("src3", "2024-07-01")) is None


def test_restrictions_and_rationing_are_one_kind_of_happening_and_an_emergency_dates(tmp_path):
    d = date_keys(tmp_path,
                  "Water restrictions began on 4 August in the capital.",
                  "Rationing started on 4 August, officials said.",
                  "The government declared a state of emergency on 2 August.")
    assert _one(d, ("src1", "2024-08-04")) == _one(d, ("src2", "2024-08-04")) is not None
    assert _one(d, ("src3", "2024-08-02")) not in (None, _one(d, ("src1", "2024-08-04")))


@pytest.mark.parametrize("text, found", [
    ("The cuts began on Jan. 12, after a dry autumn.", [("2026-01-12", "Jan. 12")]),
    ("Shares fell on Sept 3, 2025, the day of the results.", [("2025-09-03", "Sept 3, 2025")]),
    ("Talks ran from 12 Feb. to 3 Mar.", [("2026-02-12", "12 Feb"), ("2026-03-03", "3 Mar")]),
    ("The plant closed in Oct. 2021 and again in Sept. 2023.",
     [("2021-10", "Oct. 2021"), ("2023-09", "Sept. 2023")]),
    ("The vote is on 12 june.", [("2026-06-12", "12 june")]),  # a full name in lower case
    # an abbreviation is a month only with a day beside it and a capital
    ("Jones and Mar spoke on the radio.", []),
    ("The ships docked 12 mar later.", []),
])
def test_wire_style_abbreviated_months_beside_a_day_are_dates(text, found):
    assert [(d.value, d.text) for d in find_dates(text, 2026)] == found


@pytest.mark.parametrize("first, second, key", [
    ("The cuts, which will last four hours a day, began on 12 January.",
     "Rolling power cuts began on 12 January, the grid operator said.", "cuts"),
    ("Floods hit the valley last week, on 3 May.", "The floods of 3 May destroyed 40 homes.",
     "flood"),
])
def test_an_end_word_away_from_the_date_does_not_make_it_an_end(tmp_path, first, second, key):
    keys = date_keys(tmp_path, first, second)
    assert {k for v in keys.values() for k in v} == {key}


def test_an_end_word_right_before_the_date_makes_it_an_end(tmp_path):
    keys = date_keys(tmp_path, "The ban on hosepipes was lifted on 3 May.",
                     "A ban on hosepipes began on 3 May in the north.")
    assert keys[("src1", "2024-05-03")] == [None]


# --- keys14r: days named by their weekday, placed by the article's date ---------------------
# 2026-03-15 is a Sunday, 2026-03-17 a Tuesday.

def _days(text: str, published: str | None) -> list[tuple[str, str]]:
    return [(d.value, d.text) for d in find_dates(text, 2026, published)]


def test_a_weekday_is_the_most_recent_such_day_and_keeps_its_words():
    assert _days("The ministry said on Friday that two ferries had sunk.", "2026-03-15") == [
        ("2026-03-13", "on Friday")]
    assert _days("The mayor resigned on Tuesday night.", "2026-03-17") == [
        ("2026-03-17", "on Tuesday night")]  # published on a Tuesday: that very day
    assert _days("Last Wednesday the dam gave way.", "2026-03-18") == [
        ("2026-03-11", "Last Wednesday")]  # "last" is a week back on the day itself
    assert _days("Yesterday the pickers walked out.", "2026-03-17") == [
        ("2026-03-16", "Yesterday")]


def test_a_lone_weekday_is_a_day_after_a_time_preposition_a_part_of_the_day_or_a_possessive():
    assert _days("Since Friday, 900 homes have lost power.", "2026-03-15") == [
        ("2026-03-13", "Friday")]  # the preposition stays outside: "since" is a bound
    assert _days("About 300 people spent Saturday night in the gym.", "2026-03-15") == [
        ("2026-03-14", "Saturday night")]
    assert _days("Thursday's vote was close.", "2026-03-15") == [("2026-03-12", "Thursday")]
    assert _days("Police said Tuesday that 12 were hurt.", "2026-03-18") == [
        ("2026-03-17", "Tuesday")]  # American wire style, without "on"
    assert _days("Monday marks a new start for the club.", "2026-03-15") == []


def test_what_is_still_to_come_is_dated_forward_and_what_was_to_come_not_at_all():
    assert _days("The council will reopen the bridge on Friday, its engineers said.",
                 "2026-03-17") == [("2026-03-20", "on Friday")]
    assert _days("On Saturday, the union is expected to vote.", "2026-03-17") == [
        ("2026-03-21", "On Saturday")]
    assert _days("Next Monday the trial opens.", "2026-03-16") == [("2026-03-23", "Next Monday")]
    assert _days("The bridge was due to reopen on Friday.", "2026-03-17") == []


def test_no_weekday_is_placed_without_a_full_publication_date():
    assert _days("The vote took place on Friday.", "2026-03") == []
    assert _days("The vote took place on Friday.", None) == []


def test_named_days_and_weekdays_beside_a_written_date_are_not_relative_days():
    assert _days("Shops stayed shut on Good Friday.", "2026-04-08") == []
    assert _days("The Sunday Times broke the story.", "2026-04-08") == []
    assert _days("The river peaked on Saturday 14 March.", "2026-03-17") == [
        ("2026-03-14", "14 March")]
    assert _days("It was signed on Friday, March 13.", "2026-03-17") == [
        ("2026-03-13", "March 13")]


def test_a_range_of_weekdays_placed_out_of_order_is_dropped():
    # an interview published on a Friday about rain "between Thursday and Saturday" a week
    # before: placed by the publication date, the range would run backwards
    assert _days("We measured 230 mm between Thursday evening and Saturday morning.",
                 "2026-03-20") == []
    assert _days("We measured 230 mm between Thursday evening and Saturday morning.",
                 "2026-03-15") == [("2026-03-12", "Thursday evening"),
                                   ("2026-03-14", "Saturday morning")]


def _dated_briefing(tmp_path, *articles: tuple[str, str]):
    root = tmp_path / "content"
    (root / "articles").mkdir(parents=True)
    (root / "events.yaml").write_text("[]\n", encoding="utf-8")
    for n, (published, text) in enumerate(articles, 1):
        (root / "articles" / f"src{n}.md").write_text(
            f"---\nid: src{n}\ntitle: Source {n}\nauthors: [Writer {n}]\noutlet: null\n"
            f"published: {published}\nlanguage: en\ngenre: news\n---\n\n{text}\n",
            encoding="utf-8")
    return root


def test_a_weekday_in_a_suggested_claim_is_written_with_its_words(tmp_path):
    root = _dated_briefing(tmp_path, ("2024-06-09", "The ferry company recalled 40 boats on "
                                                   "Friday, the ministry said."))
    result = suggest(load_corpus(root)[0], root)
    write(result)
    dates = [d for c in result.claims["src1"] for d in c["dates"]]
    assert [(d["value"], d["text"]) for d in dates] == [("2024-06-07", "on Friday")]
    corpus, problems = load_corpus(root)
    assert not [p for p in problems if "date" in str(p).lower()]


def test_two_sources_placing_one_recall_on_different_weekdays_disagree(tmp_path):
    root = _dated_briefing(
        tmp_path,
        ("2024-06-09", "The toys were recalled on Friday after two children were hurt."),
        ("2024-06-11", "The maker recalled every batch on Saturday, the day the tests came back."))
    result = suggest(load_corpus(root)[0], root)
    write(result)
    found = for_corpus(load_corpus(root)[0]).disagreements
    assert any(f.kind == "date" for f in found)


# --- keys14r: the year a thing was opened or built ---------------------------------------------

def test_the_year_a_bridge_opened_compares_however_the_bridge_is_named(tmp_path):
    # the first source names the bridge in another sentence; the third names none, and as
    # another source names one, its bridge may be another and is not compared
    root = briefing(tmp_path,
                    "The Tarvik Bridge carries 9,000 cars a day. The bridge, opened in 1967, "
                    "was the oldest of the town's crossings.",
                    "A section of the Tarvik Bridge, which opened in 1968, fell into the river.",
                    "The bridge was opened in 1969, one of nine built that decade.")
    result = suggest(load_corpus(root)[0], root)
    write(result)
    found = [f for f in for_corpus(load_corpus(root)[0]).disagreements if f.kind == "date"]
    assert len(found) == 1 and found[0].quantity == "bridge-opened"


def test_two_named_things_of_one_kind_or_two_dates_in_one_source_share_no_key(tmp_path):
    d = date_keys(tmp_path,
                  "The Tarvik Bridge opened in 1968.",
                  "The Orsa Bridge opened in 1972, upstream.")
    assert _one(d, ("src1", "1968")) is None and _one(d, ("src2", "1972")) is None
    d = date_keys(tmp_path / "one",
                  "The terminal was built in 1961. The terminal was built in 1990, it says.",
                  "The terminal was built in 1961.")
    assert _one(d, ("src2", "1961")) is None


def test_an_old_and_a_new_thing_or_several_or_a_figure_of_speech_are_not_one_opening(tmp_path):
    d = date_keys(tmp_path,
                  "The old terminal was built in 1961.",
                  "The new terminal was built in 2012.",
                  "The first locks were built in 1890.",
                  "Police opened fire on 3 May, and the doors opened in 2001.")
    assert _one(d, ("src1", "1961")) != _one(d, ("src2", "2012"))
    assert _one(d, ("src3", "1890")) is None
    assert _one(d, ("src4", "2024-05-03")) is None and _one(d, ("src4", "2001")) is None


def test_today_beside_a_verb_is_the_day_of_publication_and_alone_is_no_date():
    assert _days("The regulator today fined the bank.", "2026-03-03") == [("2026-03-03", "today")]
    assert _days("The minister said today that the mine would close.", "2026-03-03") == [
        ("2026-03-03", "today")]
    assert _days("Today, the valley is quiet again.", "2026-03-03") == []


def test_a_report_published_on_a_weekday_and_today_is_one_publication(tmp_path):
    root = _dated_briefing(
        tmp_path,
        ("2026-03-03", "The inspectorate today published its review of the city's ferries."),
        ("2026-03-06", "The inspectors' report on the ferries was published on Monday."))
    result = suggest(load_corpus(root)[0], root)
    write(result)
    found = [f for f in for_corpus(load_corpus(root)[0]).disagreements if f.kind == "date"]
    assert [f.quantity for f in found] == ["report-published"]  # 3 March vs 2 March


def test_reports_published_in_different_months_or_albums_released_share_no_key(tmp_path):
    d = date_keys(tmp_path,
                  "The first study was published on 3 April.",
                  "A report was released on 9 June, the ministry said.",
                  "The band released a new album on 9 June.")
    assert _one(d, ("src1", "2024-04-03")) is None and _one(d, ("src2", "2024-06-09")) is None
    assert _one(d, ("src3", "2024-06-09")) is None


def test_a_weekday_after_a_past_verb_is_dated_back_whatever_the_clause_says_next():
    # published on a Wednesday; the future in what was said does not move the saying
    published = "2026-05-06"
    assert _days("The council said on Friday it will reopen the bridge in June.", published) == [
        ("2026-05-01", "on Friday"), ("2026-06", "June")]
    assert _days("Police said Tuesday that the suspect will appear in court.", published) == [
        ("2026-05-05", "Tuesday")]
    assert _days("The union announced on Tuesday that it plans to strike.", published) == [
        ("2026-05-05", "on Tuesday")]
    assert _days("Ministers met on Monday and are expected to meet again.", published) == [
        ("2026-05-04", "on Monday")]
    assert _days("On Friday the mayor said the council will vote.", published) == [
        ("2026-05-01", "On Friday")]


def test_a_future_that_governs_the_weekday_still_dates_it_forward():
    published = "2026-05-06"
    assert _days("The council on Friday will vote on the plan.", published) == [
        ("2026-05-08", "on Friday")]
    assert _days("The report will be published on Friday.", published) == [
        ("2026-05-08", "on Friday")]


def test_an_unnamed_bridge_is_the_one_its_own_article_names(tmp_path):
    # the first article's bridge is the Halvard Bridge: the Osby Bridge's year is no rival
    d = date_keys(tmp_path,
                  "The Halvard Bridge was shut on Monday. The bridge, opened in 1967, carries "
                  "9,000 cars a day.",
                  "Traffic moved to the Osby Bridge, which opened in 1975.")
    assert _one(d, ("src1", "1967")) is None and _one(d, ("src2", "1975")) is None
    # an article naming no bridge says nothing of which one, once another source names one
    d = date_keys(tmp_path / "none",
                  "The bridge, opened in 1967, carries 9,000 cars a day.",
                  "Traffic moved to the Osby Bridge, which opened in 1975.")
    assert _one(d, ("src1", "1967")) is None
    # with no bridge named anywhere, the unnamed ones still compare
    d = date_keys(tmp_path / "unnamed",
                  "The bridge, opened in 1967, carries 9,000 cars a day.",
                  "The bridge was opened in 1968, one of nine built that decade.")
    assert _one(d, ("src1", "1967")) == _one(d, ("src2", "1968")) == "bridge-opened"


def test_two_documents_published_in_one_month_share_no_key(tmp_path):
    # the audit of the ferry contracts and a safety report on buses: two documents
    root = _dated_briefing(
        tmp_path,
        ("2026-05-14", "The national audit office on 14 May published its audit of the Morvik "
                       "ferry contracts, finding that the county overpaid by 3 million crowns."),
        ("2026-05-20", "The county's ferry contracts cost 3 million crowns more than they should "
                       "have, auditors found. A separate safety report on the county's buses "
                       "was published on 2 May and found 40 faults."))
    result = suggest(load_corpus(root)[0], root)
    write(result)
    found = [f for f in for_corpus(load_corpus(root)[0]).disagreements if f.kind == "date"]
    assert found == []
    d = date_keys(tmp_path / "unrelated",
                  "The ministry on 3 June published its review of rail fares.",
                  "A study of hospital waiting lists was released on 9 June.",
                  "The regulator published a new report on 12 June.")
    assert _one(d, ("src1", "2024-06-03")) is None and _one(d, ("src3", "2024-06-12")) is None


def test_one_document_told_by_its_publisher_or_its_subject_shares_a_key(tmp_path):
    d = date_keys(tmp_path,
                  "The ministry on 3 June published its review of rail fares.",
                  "A review of rail fares was released on 4 June.")
    assert _one(d, ("src1", "2024-06-03")) == _one(d, ("src2", "2024-06-04")) == \
        "report-published"
