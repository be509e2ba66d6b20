"""Paragraphs of an imported page that state no claim of the story, and the dateline a wire
story opens with: `suggest` proposes nothing from the one and starts the first claim after
the other.  Sentences written for the test."""

from __future__ import annotations

import pytest

from briefing.suggest.notclaims import not_a_claim
from briefing.suggest.sentences import split_sentences


@pytest.mark.parametrize("text", [
    "Editor's note: This story was updated on 4 May with the board's reply.",
    "Correction: An earlier version of this article said the ferry carried 400 people. It "
    "carries 340.",
    "CLARIFICATION: The fare rise applies to single tickets only.",
    "(This story has been corrected to say the fares rise in June, not July, in paragraph 3)",
    "This article was amended on 5 May 2026 to give the right year.",
    "An earlier version of this report misnamed the harbour master.",
    "| Route | Before | Now |\n| Line 2 | Quay | Ferry port |",
    "The harbour board said on X:",
    "Mayor Ana Ruiz posted on Facebook:",
    "In a statement, the company told shareholders:",
])
def test_notes_tables_and_lead_ins_are_no_claims(text):
    assert not_a_claim(text)


@pytest.mark.parametrize("text", [
    "The board said on Monday that fares would rise by 8% from June.",
    "A correction to the timetable will be published next week, the board said.",
    "The story of the ferry began in 1921, when the first boat crossed the sound.",
    "Fares rise by 8% and the board gives three reasons: fuel, repairs and wages.",
    "The harbour board said the fare rise was needed to keep the service running every "
    "day of the year, and listed what it would pay for:",
    "Editors at the paper said the note had been added on Tuesday.",
])
def test_the_storys_own_sentences_are_claims(text):
    assert not not_a_claim(text)


@pytest.mark.parametrize("text, first", [
    ("MORVIK, Kestavia (Nordline) — Part of a bridge fell on Tuesday. It was old.",
     "Part of a bridge fell on Tuesday."),
    ("HALDEN, May 19 (Castell Press) - A court jailed her.", "A court jailed her."),
    ("WASHINGTON (AP) — The Senate voted on Friday.", "The Senate voted on Friday."),
    ("NEW YORK, March 3 (Reuters) - Shares fell.", "Shares fell."),
    ("ST. LOUIS, Mo. — \"We won,\" he said.", "\"We won,\" he said."),
    # no dateline: a capitalised acronym or a place alone before a dash stays
    ("NATO - the alliance - met on Monday.", "NATO - the alliance - met on Monday."),
    ("PARIS — Strikes spread to the railways.", "PARIS — Strikes spread to the railways."),
    ("EU officials said - in a statement - that prices rose.",
     "EU officials said - in a statement - that prices rose."),
    # a list of names before a dash is the sentence's subject, not where it was filed
    ("UK, France and Germany - The three countries agreed to send 40 ships.",
     "UK, France and Germany - The three countries agreed to send 40 ships."),
    ("US, UK warn Russia - Both said it.", "US, UK warn Russia - Both said it."),
])
def test_a_dateline_is_no_part_of_the_first_sentence(text, first):
    a, b = split_sentences(text)[0]
    assert text[a:b] == first
