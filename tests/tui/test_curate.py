"""Curating in the reader (issue 15): highlight a passage, tag it, make a claim from it with
a new event, review suggestions, undo, export; minimal YAML diffs; concurrent edits."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from textual.widgets import Input, Select, Static, TextArea

from briefing.loader import load_corpus
from briefing.tui.viewmodels.navigation import Location

from .curate_helpers import (
    changed_lines, curated_briefing, files_text, go_to_claim, make_curating_app, messages,
    settle,
)

ROOT = Path(__file__).resolve().parents[2]
SIZE = (110, 40)


@pytest.fixture
def root(tmp_path):
    return curated_briefing(tmp_path / "b")


def _problems(root: Path) -> list[str]:
    _, problems = load_corpus(root)
    return [str(p) for p in problems]


# ------------------------------------------------------------------------- highlights
async def test_highlight_a_passage_by_word_and_sentence_then_tag_it(root, store, tmp_path,
                                                                      monkeypatch):
    monkeypatch.setenv("BRIEFING_EXPORT_DIR", str(tmp_path / "out"))
    (tmp_path / "out").mkdir()
    app = make_curating_app(root, store)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_claim(pilot, "alpha-01")
        await pilot.press("h")  # the current claim's sentence
        await pilot.pause()
        bar = app.screen.query_one("#selection-bar")
        assert bar.selection.quote.startswith("The “peacekeepers” numbered 1,960 in total")
        await pilot.press("b", "b")  # the end back by two words
        assert bar.selection.quote == "The “peacekeepers” numbered 1,960 in total, see"
        await pilot.press("B")  # cannot extend left of the paragraph: unchanged
        await pilot.press("W")  # the start one word right
        assert bar.selection.quote == "“peacekeepers” numbered 1,960 in total, see"
        # Shown in the article while selecting, with its own style.
        passage = app.reader.article_view._by_paragraph[bar.selection.paragraph_id][0]
        assert passage.state.selection == (bar.selection.start, bar.selection.end)
        await pilot.press("t")  # save it and open the tag dialog on it
        await pilot.pause()
        assert type(app.screen).__name__ == "TagScreen"
        assert "Tag passage" in app.screen.query_one(".dialog-title", Static).render().plain
        await pilot.press(*"[b]Evidence", "enter")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        [highlight] = store.highlights.all()
        assert highlight.quote == "“peacekeepers” numbered 1,960 in total, see"
        assert highlight.tags == ("[b]evidence",)
        para = app.corpus.paragraph(highlight.paragraph_id)
        assert para.text[highlight.start:highlight.end] == highlight.quote
        # Marked in the article (a distinct component style), the selection gone.
        assert passage.state.highlights == ((highlight.start, highlight.end),)
        assert passage.state.selection is None
        rendered = passage.render()
        style = app.reader.article_view.highlight_styles()["highlight"]
        assert any(span.style == style for span in rendered.spans)
        # The note editor works on the highlight too.
        await pilot.press("h")
        await pilot.pause()
        await pilot.press("b", "b", "W", "a")
        await pilot.pause()
        assert type(app.screen).__name__ == "NoteEditor"
        app.screen.query_one(TextArea).load_text("Check the [red]count[/red].")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.highlights.get(highlight.id).note == "Check the [red]count[/red]."
        assert len(store.highlights.all()) == 1  # the same passage again is the same highlight
        # The annotations view lists it, filtered by its tag; enter goes to it.
        await pilot.press("A")
        await pilot.pause(0.2)
        assert "“peacekeepers” numbered 1,960 in total, see" in _screen(app)
        assert "#[b]evidence" in _screen(app)
        await pilot.press("e")  # export what is shown
        await app.workers.wait_for_complete()
        await pilot.pause()
        [exported] = list((tmp_path / "out").iterdir())
        text = exported.read_text()
        assert "## Highlights" in text and "numbered 1,960 in total, see" in text
        assert "Check the" in text
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is app.reader
        assert app.reader.article_view._match == (highlight.paragraph_id, highlight.start,
                                                  highlight.end)


async def test_escape_cancels_a_selection_and_saves_nothing(root, store):
    app = make_curating_app(root, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        await pilot.pause()
        assert app.screen.query("#selection-bar")
        await pilot.press("j", "w", "escape")
        await pilot.pause()
        assert not app.screen.query("#selection-bar")
        assert store.highlights.all() == []
        assert app.focused is app.reader.article_view


async def test_a_mouse_drag_selects_words_of_a_paragraph(root, store):
    app = make_curating_app(root, store)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_claim(pilot, "alpha-01")
        view = app.reader.article_view
        passage = view._by_claim["alpha-01"][0]
        await pilot.mouse_down(passage, offset=(0, 0))
        await pilot.hover(passage, offset=(14, 0))
        await pilot.mouse_up(passage, offset=(14, 0))
        await pilot.pause()
        bar = app.screen.query_one("#selection-bar")
        assert bar.selection.quote == "The “peacekeepers”"
        await pilot.press("w", "enter")
        await pilot.pause()
        assert [h.quote for h in store.highlights.all()] == ["The “peacekeepers” numbered"]


# ------------------------------------------------------------------------- making claims
async def test_make_a_claim_from_a_highlight_with_a_new_event(root, store):
    before = files_text(root)
    app = make_curating_app(root, store)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_claim(pilot, "alpha-01")
        await pilot.press("h", "b", "b", "b", "b", "b", "c")  # "The “peacekeepers” numbered 1,960"
        await pilot.pause()
        form = app.screen
        assert type(form).__name__ == "ClaimForm"
        # Pre-filled from the quote by the parsers `briefing claims add` uses.
        assert form.query_one("#form-kind", Select).value == "figure"
        assert "value: 1960" in form.query_one("#form-figures", TextArea).text
        assert "alpha-03-1" in form.query_one("#form-figures", TextArea).text
        assert form.query_one("#form-events", Input).value == "ceasefire"  # the current claim's
        form.query_one("#form-events", Input).value = ""
        form.query_one("#form-actors", Input).value = "Russia, [b]Armenia"
        form.query_one("#form-new-id", Input).value = "peacekeepers-arrive"
        form.query_one("#form-new-title", Input).value = "Peacekeepers arrive"
        form.query_one("#form-new-date", Input).value = "2020-11-10"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is app.reader
        assert app.reader.claim_id == "alpha-03"  # selected after the reload
        claim = app.corpus.claims["alpha-03"]
        assert claim.events == ["peacekeepers-arrive"] and claim.actors == ["Russia", "[b]Armenia"]
        assert app.corpus.events["peacekeepers-arrive"].title == "Peacekeepers arrive"
        assert "alpha-03" in app.reader.article_view._by_claim  # shown in the article
    after = files_text(root)
    # Only the new entries: appended to the claims file and to events.yaml.
    assert {k for k in after if after[k] != before[k]} == {"claims/alpha.yaml", "events.yaml"}
    assert after["claims/alpha.yaml"].startswith(before["claims/alpha.yaml"])
    assert after["events.yaml"].startswith(before["events.yaml"])
    assert all(line.startswith("+") for line in
               changed_lines(before["claims/alpha.yaml"], after["claims/alpha.yaml"]))
    assert _problems(root) == []


async def test_form_problems_are_shown_and_nothing_typed_is_lost(root, store):
    before = files_text(root)
    app = make_curating_app(root, store)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_claim(pilot, "alpha-01")
        await pilot.press("C")  # the sentence of the current claim
        await pilot.pause()
        form = app.screen
        form.query_one("#form-events", Input).value = "no-such-event"
        form.query_one("#form-speaker", Input).value = "[bold]Someone[/bold]"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        errors = form.query_one("#form-errors", Static).render().plain
        assert "no-such-event" in errors and "claims/alpha.yaml" in errors  # path:line: message
        assert form.query_one("#form-speaker", Input).value == "[bold]Someone[/bold]"
        form.query_one("#form-new-id", Input).value = "Bad Id"
        form.query_one("#form-new-title", Input).value = "x"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "not a usable event id" in form.query_one("#form-errors", Static).render().plain
        await pilot.press("escape")  # something was typed: asks first
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmScreen"
    assert files_text(root) == before


# ------------------------------------------------------------------------- suggestions
async def test_suggested_claims_look_distinct_and_say_how_sure(root, store):
    app = make_curating_app(root, store)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_claim(pilot, "alpha-s01")
        await pilot.pause(0.1)
        body = app.screen.query_one("#claim-body", Static)
        assert "suggested (72%) by briefing-suggest/1" in body.render().plain
        assert body.has_class("-suggested")
        view = app.reader.article_view
        passage = view._by_claim["alpha-s01"][0]
        style = view.highlight_styles()["claim--suggested"]
        assert any(span.style == style for span in passage.render().spans)
        curated = app.corpus.claims["alpha-01"]
        chunk = view._by_claim["alpha-01"][0]
        marked = [(s.start + chunk.start, s.end + chunk.start) for s in chunk.render().spans
                  if s.style == style]
        assert marked and not any(a < curated.end and b > curated.start for a, b in marked)


async def test_accept_reject_edit_and_undo_suggestions(root, store):
    before = files_text(root)
    app = make_curating_app(root, store)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_claim(pilot, "alpha-s02")
        await pilot.press("y")  # accept
        await settle(pilot)
        claim = app.corpus.claims["alpha-s02"]
        assert claim.status is None and app.reader.claim_id == "alpha-s02"
        accepted = files_text(root)
        assert changed_lines(before["claims/alpha.yaml"], accepted["claims/alpha.yaml"]) == [
            "+- id: alpha-s02", '+  quote: "A second line with code"', "+  events: [war]",
            "+  kind: fact", '+  speaker: author']
        await go_to_claim(pilot, "alpha-s01")
        await pilot.press("x")  # reject: kept in the suggestions file, marked
        await settle(pilot)
        assert "alpha-s01" not in app.corpus.claims
        rejected = files_text(root)
        assert changed_lines(accepted["claims/alpha.suggested.yaml"],
                             rejected["claims/alpha.suggested.yaml"]) == [
            "-  status: suggested", "+  status: rejected"]
        await pilot.press("x")  # a curated claim is not a suggestion
        await pilot.pause()
        await pilot.press("u")  # undo the rejection
        await settle(pilot)
        assert files_text(root) == accepted
        assert app.corpus.claims["alpha-s01"].status == "suggested"
        await pilot.press("ctrl+z")  # and the acceptance
        await settle(pilot)
        assert files_text(root) == before
        assert app.corpus.claims["alpha-s02"].status == "suggested"
        await pilot.press("u")
        await pilot.pause()
        assert "Nothing to undo." in messages(app)


async def test_edit_a_suggestion_in_the_form(root, store):
    app = make_curating_app(root, store)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_claim(pilot, "alpha-s02")
        await pilot.press("E")
        await pilot.pause()
        form = app.screen
        assert "suggested (40%)" in form.query_one("#form-suggested", Static).render().plain
        form.query_one("#form-kind", Select).value = "assessment"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.corpus.claims["alpha-s02"].kind == "assessment"
        assert app.corpus.claims["alpha-s02"].status == "suggested"  # still to review


async def test_accept_all_suggestions_of_a_source_and_toggle_them(root, store):
    app = make_curating_app(root, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("S")  # hide suggestions
        await settle(pilot)
        assert not any(c.status for c in app.corpus.claims.values())
        await pilot.press("S")
        await settle(pilot)
        assert {"alpha-s01", "alpha-s02"} <= set(app.corpus.claims)
        await go_to_claim(pilot, "alpha-01")
        await pilot.press("Y")
        await settle(pilot)
        assert app.corpus.claims["alpha-s01"].status is None
        assert app.corpus.claims["alpha-s02"].status is None
        assert app.corpus.events["new-talks"].status is None  # accepted with its claim
    assert _problems(root) == []


async def test_review_a_suggested_event_merge_it_into_another(root, store):
    app = make_curating_app(root, store)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_claim(pilot, "alpha-s01")
        await pilot.press("V")
        await pilot.pause()
        assert type(app.screen).__name__ == "EventReview"
        listing = app.screen.query_one("#review-events")
        labels = [listing.get_option_at_index(i).prompt.plain for i in range(listing.option_count)]
        assert labels[:3] == ["Accept this event", "Reject this event",
                              "Accept its 1 suggested claim"]
        listing.highlighted = labels.index("Merge into another event…")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press(*"ceasefire", "enter")
        await settle(pilot)
        assert app.screen is app.reader
        assert "new-talks" not in app.corpus.events
        assert app.corpus.claims["alpha-s01"].events == ["ceasefire"]
        await pilot.press("u")
        await settle(pilot)
        assert app.corpus.claims["alpha-s01"].events == ["new-talks"]


# ------------------------------------------------------------------------- two processes
async def test_a_concurrent_edit_is_neither_lost_nor_overwritten(root, store):
    app = make_curating_app(root, store)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_claim(pilot, "alpha-s02")
        # Another person edits the same file from the shell meanwhile.
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        done = subprocess.run(
            [sys.executable, "-m", "briefing", "claims", "edit", "alpha-s01", "--kind",
             "assessment", "--content", str(root)],
            env=env, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr
        other = (root / "claims/alpha.suggested.yaml").read_text()
        await pilot.press("y")
        await settle(pilot)
        errors = messages(app, "error")
        assert errors and "changed since you read it" in errors[-1]
        assert (root / "claims/alpha.suggested.yaml").read_text() == other  # not overwritten
        assert app.corpus.claims["alpha-s01"].kind == "assessment"  # reloaded with it
        await go_to_claim(pilot, "alpha-s02")
        await pilot.press("y")  # on what is there now: works, and keeps the other edit
        await settle(pilot)
        assert app.corpus.claims["alpha-s02"].status is None
        assert app.corpus.claims["alpha-s01"].kind == "assessment"
        assert "kind: assessment" in (root / "claims/alpha.suggested.yaml").read_text()


async def test_a_stale_form_keeps_what_was_typed(root, store):
    app = make_curating_app(root, store)
    async with app.run_test(size=SIZE) as pilot:
        await go_to_claim(pilot, "alpha-s02")
        await pilot.press("E")
        await pilot.pause()
        form = app.screen
        form.query_one("#form-actors", Input).value = "EU"
        text = (root / "claims/alpha.suggested.yaml").read_text()
        (root / "claims/alpha.suggested.yaml").write_text(text.replace("confidence: 0.4",
                                                                       "confidence: 0.45"))
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form
        assert "changed since you read it" in form.query_one("#form-errors", Static).render().plain
        assert form.query_one("#form-actors", Input).value == "EU"
        await pilot.press("ctrl+s")  # after the reload: saved, the other change kept
        await settle(pilot)
        assert app.screen is app.reader
        saved = (root / "claims/alpha.suggested.yaml").read_text()
        assert "confidence: 0.45" in saved and "actors: [EU]" in saved


# ------------------------------------------------------------------------- keys
async def test_curation_keys_are_in_the_help_and_the_palette(root, store):
    from briefing.tui.keys import bound_actions

    app = make_curating_app(root, store, keymap={"reader.accept_claim": "ctrl+y"})
    async with app.run_test(size=SIZE) as pilot:
        ids = {a.binding.id: a.keys for a in bound_actions(app, app.reader, app.keymap)}
        for name in ("highlight", "make_claim", "accept_claim", "reject_claim", "edit_claim",
                     "accept_source", "review_event", "undo", "toggle_suggestions"):
            assert f"reader.{name}" in ids
        assert ids["reader.accept_claim"] == ("^y",)
        await pilot.press("question_mark")
        await pilot.pause()
        rows = app.screen.rows
        assert ("Reader", "^y", "Accept suggestion") in rows
        assert ("Selecting a passage (h, or drag)", "w", "Word +") in rows
        await pilot.press("escape")
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"accept all")
        await pilot.pause(0.5)
        assert "Accept all suggestions in this source" in _screen(app)


def _screen(app) -> str:
    from .conftest import screen_text

    return screen_text(app)


async def test_palette_accepts_every_suggestion_of_one_event(root, store):
    app = make_curating_app(root, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"accept all suggestions of the war")
        await pilot.pause(0.5)
        assert "Accept all suggestions of The war" in _screen(app)
        await pilot.press("enter")
        await settle(pilot)
        assert app.corpus.claims["alpha-s02"].status is None  # about the war
        assert app.corpus.claims["alpha-s01"].status == "suggested"  # about new talks


async def test_without_a_briefing_directory_curating_says_why(store):
    from .conftest import make_app

    app = make_app(store=store, build_index=False)  # a corpus built in code: no files
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("n", "C")
        await pilot.pause()
        assert app.screen is app.reader
        assert any("Curating is not available" in m for m in messages(app, "warning"))
        await pilot.press("h", "enter")  # highlights live in the store: they still work
        await pilot.pause()
        assert len(store.highlights.all()) == 1


async def test_a_selection_made_before_moving_to_another_source_stays_in_its_own(root, store):
    app = make_curating_app(root, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h")  # alpha's first sentence
        await pilot.pause()
        app.reader.open(Location("beta"))  # as the palette or a jump would
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        [highlight] = store.highlights.all()
        assert highlight.article_id == "alpha" and highlight.paragraph_id.startswith("alpha/")
