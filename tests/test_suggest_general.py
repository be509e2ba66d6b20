"""`briefing suggest`: rules that read a structure rather than one word, and speakers named
by an apposition, an "It said" or a group of people.

Every sentence is made up for these tests (a ferry service, a bakery chain, a hospital
merger, a wildfire), none taken from a bundled or labelled briefing.
"""

from __future__ import annotations

import pytest

from briefing.suggest import kinds, spans, speakers, worth
from briefing.suggest.mentions import find_names
from tests.test_suggest_claims import briefing, only


# --- a frame built on a noun, whatever the noun -------------------------------------------------

@pytest.mark.parametrize("text, claim", [
    ("The awkward truth is that the ferry ran without a licence for two years.",
     "the ferry ran without a licence for two years."),
    ("Our main concern remains that the harbour wall will not survive another winter.",
     "the harbour wall will not survive another winter."),
    ("One explanation was that the pilots had not been paid since March.",
     "the pilots had not been paid since March."),
    ("The bigger headache is simply that nobody owns the old pier any more.",
     "nobody owns the old pier any more."),
])
def test_a_noun_frame_is_left_out_whatever_the_noun(text, claim):
    piece = spans.trim(text, 0, len(text))
    assert text[piece.start:piece.end] == claim


def test_a_sentence_with_a_that_clause_but_no_frame_is_kept_whole():
    text = "The council said on Monday that the ferry would run again in May."
    piece = spans.trim(text, 0, len(text))
    assert text[piece.start:piece.end] == text


# --- the writer asking, not something that happened ---------------------------------------------

@pytest.mark.parametrize("text, signpost", [
    ("We asked the harbour master why the ferry was late.", True),
    ("I pressed her on whether the pier was safe.", True),
    ("We put these questions to the ferry company.", True),
    ("We asked for a 6 percent raise and got nothing.", False),  # a union's demand
    ("I wrote to the company in May and got no answer for a month.", False),  # an account
])
def test_the_writer_putting_a_question_is_a_signpost(text, signpost):
    features = worth.Features(figure=False, date=False, actors=1, reported=False,
                              forward=False, verb=True)
    assert (worth.score(text, features) < worth.MIN_WORTH) is signpost


# --- a modal before a verb of cause or change foresees a consequence ----------------------------

@pytest.mark.parametrize("text, expected", [
    ("A second closure could force the ferry operator out of business.", "prediction"),
    ("Higher fares might drive commuters back to their cars.", "prediction"),
    ("That would be a serious mistake by the council.", "assessment"),
    ("If the council would only listen, the service might survive.", "assessment"),
    ("If it fails, the island would lose its only link to the mainland.", "prediction"),
    ("The operator ordered a boat that would cut the crossing to an hour.", "fact"),
])
def test_a_modal_before_a_verb_of_consequence_predicts(text, expected):
    kind, _ = kinds.classify(text, quoted=False, has_figure=False, has_date=False,
                             has_actor=True)
    assert kind == expected


def test_a_modal_in_a_condition_or_relative_clause_predicts_nothing():
    assert not kinds._foresees("if the operator would cut its fares")
    assert not kinds._foresees("a new pier, which would cost little")
    assert kinds._foresees("if it fails, the island would lose its only link")


# --- bodies and people --------------------------------------------------------------------------

def test_a_plural_possessive_in_a_name_is_a_body_not_a_person():
    text = "Mara Holt spoke for the Ferrymen' Association and the Islanders' Council."
    found = {n.text: speakers._personal(n) for n in find_names(text)}
    assert found == {"Mara Holt": True, "Ferrymen' Association": False,
                     "Islanders' Council": False}


def test_the_noun_of_an_apposition_names_who_speaks(tmp_path):
    claims = briefing(tmp_path, bakery=(
        "Brennan Foods has agreed to buy Oakcrust, a regional bakery chain with 90 shops, "
        "for 40 million euros.\n\n"
        "The chain said on Tuesday that none of its shops would close before 2027.\n"))
    assert only(claims, "none of its shops").speaker == "Oakcrust"


def test_an_apposition_before_the_name_counts_too(tmp_path):
    claims = briefing(tmp_path, bakery=(
        "Shoppers queued outside the discount grocer Pennywise on Saturday.\n\n"
        "The grocer said that 3,000 people came through its doors in one day.\n"))
    assert only(claims, "3,000 people").speaker == "Pennywise"


def test_it_said_is_the_organisation_named_before_it(tmp_path):
    claims = briefing(tmp_path, hospital=(
        "The Northfield Health Authority approved the merger of the two hospitals on "
        "Friday. It said the new hospital would have 600 beds.\n"))
    assert only(claims, "600 beds").speaker == "Northfield Health Authority"


def test_it_said_after_a_sentence_about_a_document_names_nobody(tmp_path):
    claims = briefing(tmp_path, hospital=(
        "The Northfield Health Authority ordered a review in May. The review found that "
        "two wards had been understaffed for a year. It said the board had been warned "
        "twice.\n"))
    assert only(claims, "warned twice").speaker != "Northfield Health Authority"


def test_an_adverb_between_a_described_speaker_and_its_verb(tmp_path):
    claims = briefing(tmp_path, ferry=(
        "The ferry line cancelled 40 crossings in March. The operator first said that "
        "the engines of two boats had failed.\n"))
    assert only(claims, "engines of two boats").speaker == "operator"


# --- a group of people opening a sentence is no name --------------------------------------------

def test_a_plural_of_people_opening_a_sentence_is_not_a_name_or_an_actor(tmp_path):
    claims = briefing(tmp_path, fire=(
        "Firefighters worked through the night to save the village of Santa Lucia.\n\n"
        "Residents returned to Santa Lucia on Sunday.\n"))
    fire = only(claims, "worked through the night")
    assert "Firefighters" not in fire.actors and fire.kind == "fact"
    assert "Residents" not in only(claims, "returned to").actors


@pytest.mark.parametrize("text, name", [
    ("Four ferries were taken out of service after the storm on Tuesday.", None),
    ("Thousands of passengers were stranded at Port Ellen overnight.", "Port Ellen"),
    ("Twelve Harbour Board members resigned on Friday.", "Harbour Board"),
])
def test_a_number_word_opening_a_sentence_is_no_name(text, name):
    assert [n.text for n in find_names(text)] == ([name] if name else [])


def test_a_plural_capitalised_inside_a_sentence_stays_a_name(tmp_path):
    claims = briefing(tmp_path, fire=(
        "The Volunteers met the governor on Monday. Volunteers said the fire was out.\n\n"
        "The governor thanked the Volunteers in a speech on 3 May.\n"))
    assert "Volunteers" in only(claims, "thanked").actors


def test_the_title_of_the_one_person_holding_it_names_them(tmp_path):
    claims = briefing(tmp_path, ferry=(
        "Transport Minister Elena Varga visited the harbour on Monday.\n\n"
        "The minister said the new ferry would enter service in June.\n"))
    assert only(claims, "enter service").speaker == "Elena Varga"


def test_that_after_a_verb_of_its_own_is_no_complement_of_the_verb_of_saying(tmp_path):
    claims = briefing(tmp_path, ferry=(
        "Nordlink says it met that target; the council has not yet commented on it.\n\n"
        "The operator says it met that deadline in March.\n\n"
        "The Crew Union said it feared that crossings would stop.\n"))
    assert only(claims, "that target").quote == "Nordlink says it met that target"
    assert only(claims, "that deadline").quote == "it met that deadline in March."
    assert only(claims, "crossings would stop").quote == (
        "The Crew Union said it feared that crossings would stop.")


def test_a_finding_is_stated_by_who_found_it_and_two_findings_are_two_claims(tmp_path):
    claims = briefing(tmp_path, ferry=(
        "The inquiry found that the ferry carried 80 more passengers than allowed, and "
        "that its crew had not trained for an evacuation since 2021.\n\n"
        "Divers found the wreck on Monday.\n"))
    load = only(claims, "80 more passengers")
    assert load.quote == "the ferry carried 80 more passengers than allowed"
    assert load.speaker == "inquiry"
    crew = only(claims, "crew had not trained")
    assert crew.quote.startswith("its crew") and crew.speaker == "inquiry"
    assert only(claims, "found the wreck").speaker == "author"


def test_and_that_after_a_clause_without_that_is_no_second_finding():
    text = "The board approved the new timetable in May, and that decision was final."
    assert len(spans.clauses(text, 0, len(text))) == 1


def test_an_act_before_the_verb_of_saying_is_a_claim_of_its_own(tmp_path):
    claims = briefing(tmp_path, ferry=(
        "Nordlink cancelled the winter timetable and said the new boats would arrive in "
        "April.\n"))
    act = only(claims, "cancelled")
    assert act.quote == "Nordlink cancelled the winter timetable" and act.speaker == "author"
    said = only(claims, "new boats")
    assert said.quote.startswith("the new boats") and said.speaker == "Nordlink"


def test_a_statement_made_while_acting_is_the_subjects(tmp_path):
    claims = briefing(tmp_path, ferry=(
        "Nordlink raised its fares by 12 percent, saying that fuel costs had doubled "
        "since 2022.\n\n"
        "Following the Nordlink announcement, the council met, insisting on the fact that "
        "fares were a matter for the operator.\n"))
    fares = only(claims, "raised its fares")
    assert fares.quote == "Nordlink raised its fares by 12 percent"
    fuel = only(claims, "fuel costs")
    assert fuel.quote == "fuel costs had doubled since 2022." and fuel.speaker == "Nordlink"
    assert only(claims, "insisting").speaker == "author"


@pytest.mark.parametrize("text, contact", [
    ("Call the helpline on 0800 123 4567 for advice.", True),
    ("Farmers can ring 020 7946 0958 from Monday.", True),
    ("Readers can call +44 20 7946 0958.", True),
    # sums and counts grouped by spaces are figures, not phone numbers
    ("The fund holds 100 000 000 euros, the ministry said.", False),
    ("Stocks stood at 10 050 000 tonnes in May.", False),
])
def test_a_phone_number_is_service_but_a_figure_grouped_by_spaces_is_a_claim(text, contact):
    from briefing.suggest import worth

    features = worth.Features(figure=True, date=False, actors=1, reported=True, forward=False,
                              verb=True)
    assert (worth.score(text, features) < worth.MIN_WORTH) == contact
