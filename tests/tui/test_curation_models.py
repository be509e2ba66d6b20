"""The selection and the claim draft behind the reader's curation keys (no app needed)."""

from __future__ import annotations

import pytest

from briefing.curation.errors import CurationError
from briefing.model import Claim, DateRef, Figure
from briefing.tui.viewmodels.claim_draft import ClaimDraft, parse_dates, parse_figures
from briefing.tui.viewmodels.selection import Selection

TEXT = "Dr. Smith said 1 900 men came. They left in 2021! Nobody knows why."


def test_a_selection_starts_on_a_sentence_and_moves_by_words_and_sentences():
    s = Selection.sentence("p", TEXT, 5)
    assert s.quote == "Dr. Smith said 1 900 men came."  # "Dr." is not a sentence end
    assert s.end_by_word(1).quote == "Dr. Smith said 1 900 men came. They"
    assert s.end_by_word(-1).quote == "Dr. Smith said 1 900 men"
    assert s.start_by_word(1).quote == "Smith said 1 900 men came."
    assert s.start_by_word(-1) == s  # nothing before it
    assert s.end_by_sentence(1).quote == "Dr. Smith said 1 900 men came. They left in 2021!"
    assert s.next_sentence(1).quote == "They left in 2021!"
    assert s.next_sentence(1).next_sentence(1).next_sentence(1) is None
    last = Selection.sentence("p", TEXT, len(TEXT) - 1)
    assert last.next_sentence(-1).quote == "They left in 2021!"


def test_a_selection_never_shrinks_to_nothing_and_a_drag_takes_whole_words():
    one = Selection("p", TEXT, 0, 3)
    assert one.end_by_word(-1) == one
    assert one.start_by_word(1) == one
    assert Selection.between("p", TEXT, 7, 12).quote == "Smith said"
    assert Selection.between("p", TEXT, 12, 7).quote == "Smith said"  # dragged leftwards


def test_a_new_draft_is_prefilled_by_the_core_parsers(bundled):
    article = next(iter(bundled.articles))
    draft = ClaimDraft.from_quote(bundled, article, "Some 1 900 men arrived on 10 November 2020")
    assert draft.kind == "figure"
    [figure] = parse_figures(draft.figures)
    assert figure["value"] == 1900 and figure["quantity"] == f"{draft.claim_id}-1"
    assert parse_dates(draft.dates) == ["2020-11-10"]
    assert draft.claim_id not in bundled.claims


def test_an_edit_changes_only_the_fields_that_differ():
    claim = Claim("a-01", "a", "q", events=["e"], kind="figure", speaker="author",
                  figures=[Figure("k", 1960.0, "troops", "1,960")],
                  dates=[DateRef("2020-11-09", "signed")])
    draft = ClaimDraft.from_claim(claim)
    assert parse_figures(draft.figures) == [{"quantity": "k", "value": 1960, "unit": "troops",
                                             "text": "1,960"}]
    assert draft.dates == "2020-11-09=signed"
    assert draft._changes({"kind": "figure", "speaker": "author", "actors": [], "events": ["e"]},
                          parse_figures(draft.figures), parse_dates(draft.dates)) == {}
    draft.actors, draft.dates = "Russia", ""
    [step] = draft.steps()
    assert step.args == ("a-01", {"actors": ["Russia"], "dates": None})


@pytest.mark.parametrize("figures, message", [
    ("{quantity: k, value: [", "figures, line 1: not a YAML mapping"),
    ("\n- 3", "figures, line 2: write {quantity"),
])
def test_unreadable_figures_are_a_clear_error(figures, message):
    draft = ClaimDraft("a", "q", "a-01", events="e", figures=figures)
    with pytest.raises(CurationError, match=message.replace("{", r"\{").replace("[", r"\[")):
        draft.steps()


def test_a_draft_needs_an_event_and_a_new_event_a_title():
    with pytest.raises(CurationError, match="give the claim an event"):
        ClaimDraft("a", "q", "a-01").steps()
    draft = ClaimDraft("a", "q", "a-01", new_event={"id": "talks", "title": " "})
    with pytest.raises(CurationError, match="needs a title"):
        draft.steps()


def test_a_new_draft_takes_events_and_speaker_from_the_claim_beside_it(bundled):
    near = bundled.claims["dupuy-2022-01"]
    draft = ClaimDraft.from_quote(bundled, "dupuy-2022", "Armenia has not sent any troops", near)
    assert draft.speaker == "Emmanuel Dupuy" and draft.events == ", ".join(near.events)
    other = ClaimDraft.from_quote(bundled, "paylan-2023", "few friends", near)  # another source
    assert other.speaker == "author" and other.events == ""
