"""Tagging and annotating claims in the reader (Pilot, bundled briefing, a temp store)."""

from __future__ import annotations

import errno
import os
import sys
from contextlib import nullcontext

import pytest
from textual.widgets import Input, OptionList, TextArea

from briefing.store import AnnotationStore, StoreError
from briefing.tui.palette.reader import ActionsProvider
from briefing.tui.dialogs.confirm import ConfirmScreen
from briefing.tui.dialogs.help_screen import HelpScreen
from briefing.tui.dialogs.note_editor import NoteEditor
from briefing.tui.screens.reader import ReaderScreen
from briefing.tui.dialogs.tag_screen import TagScreen
from briefing.tui.widgets.article_view import Passage

from .annotate_helpers import (
    FIRST, annotate_elsewhere, bundled, make_reader, messages, screen_text,
)
from .conftest import rendered_text

LARGE = (160, 48)  # the claim panel is visible beside the article
SMALL = (80, 24)


# Every test exports into its own folder (conftest.export_dir).
pytestmark = pytest.mark.usefixtures("export_dir")


def passage_marks(app, claim_id: str) -> bool:
    return any(claim_id in p.state.annotated for p in app.query(Passage))


def panel_text(app) -> str:
    reader = app.reader
    return "\n".join(str(w.render()) for w in reader.claim_panel.query("Static"))


@pytest.mark.slow  # many keys typed at 160x48
async def test_t_adds_a_tag_saved_normalised_and_shown(store):
    app = make_reader(store)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.press("n")
        assert app.reader.claim_id == FIRST
        await pilot.press("t")
        assert isinstance(app.screen, TagScreen)
        assert isinstance(app.focused, Input)
        await pilot.press(*"Security Guarantees", "enter")
        await pilot.pause()
        saved = store.get(FIRST)
        assert saved is not None and saved.tags == ("security-guarantees",)
        current = app.screen.query_one("#tag-current", OptionList)
        assert [current.get_option_at_index(i).id for i in range(current.option_count)] == [
            "security-guarantees"]
        assert app.screen.query_one("#tag-input", Input).value == ""  # ready for the next tag
        await pilot.press(*"#Russia, csto", "enter")  # several at once, normalised
        await pilot.pause()
        assert store.get(FIRST).tags == ("security-guarantees", "russia", "csto")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        text = panel_text(app)
        assert "#security-guarantees" in text and "#russia" in text and "✎ annotated" in text
        assert passage_marks(app, FIRST)


async def test_tag_input_suggests_tags_in_use_with_counts(store):
    corpus = bundled()
    others = [c for c in corpus.claims if c != FIRST][:3]
    for cid in others[:2]:
        store.annotate(cid, corpus.claims[cid].quote, add_tags=["csto-membership"])
    store.annotate(others[2], corpus.claims[others[2]].quote, add_tags=["russia", "crisis"])
    app = make_reader(store)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("n", "t")
        screen = app.screen
        box = screen.query_one("#tag-suggestions", OptionList)
        ids = [box.get_option_at_index(i).id for i in range(box.option_count)]
        assert ids == ["csto-membership", "crisis", "russia"]  # most used first
        assert "2 annotations" in str(box.get_option_at_index(0).prompt)
        await pilot.press("c", "s")
        await pilot.pause()
        ids = [box.get_option_at_index(i).id for i in range(box.option_count)]
        assert ids == ["csto-membership"]  # filtered as you type
        assert screen.query_one("#tag-input", Input)._suggestion == "csto-membership"
        await pilot.press("down")  # into the list
        assert app.focused is box
        await pilot.press("enter")
        await pilot.pause()
        assert store.get(FIRST).tags == ("csto-membership",)
        assert isinstance(app.focused, Input)
        # A tag already on the claim is no longer offered.
        ids = [box.get_option_at_index(i).id for i in range(box.option_count)]
        assert "csto-membership" not in ids


async def test_a_highlighted_tag_is_removed_with_one_key(store):
    corpus = bundled()
    store.annotate(FIRST, corpus.claims[FIRST].quote, add_tags=["one", "two", "three"])
    app = make_reader(store)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.press("n", "t")
        current = app.screen.query_one("#tag-current", OptionList)
        await pilot.press("tab", "tab")
        assert app.focused is current
        await pilot.press("down", "x")
        await pilot.pause()
        assert store.get(FIRST).tags == ("one", "three")
        assert current.get_option_at_index(current.highlighted).id == "three"  # the next one
        await pilot.press("up", "delete")
        await pilot.pause()
        assert store.get(FIRST).tags == ("three",)
        assert [current.get_option_at_index(i).id for i in range(current.option_count)] == ["three"]
        await pilot.press("escape")
        await pilot.pause()
        assert "#two" not in panel_text(app) and "#three" in panel_text(app)


@pytest.mark.slow  # many keys typed at 160x48
async def test_a_writes_a_note_and_ctrl_s_saves_it(store):
    app = make_reader(store)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.press("n", "a")
        assert isinstance(app.screen, NoteEditor)
        assert isinstance(app.focused, TextArea)
        await pilot.press(*"Compare with Paylan", "enter", *"- second line")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert store.get(FIRST).note == "Compare with Paylan\n- second line"
        assert "Note saved." in messages(app)
        assert "Compare with Paylan" in panel_text(app) and passage_marks(app, FIRST)
        # Editing again starts from the saved note; the earlier version stays in the history.
        await pilot.press("a")
        assert app.screen.query_one(TextArea).text == "Compare with Paylan\n- second line"
        await pilot.press(*["backspace"] * 14, "ctrl+s")
        await pilot.pause()
        saved = store.get(FIRST)
        assert saved.note == "Compare with Paylan"
        assert saved.history[-1].note.endswith("second line")


async def test_escape_with_changes_asks_cancel_keeps_editing_confirm_discards(store):
    corpus = bundled()
    store.annotate(FIRST, corpus.claims[FIRST].quote, note="kept")
    app = make_reader(store)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("n", "a")
        await pilot.press("escape")  # no change: closes at once
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("a", *" plus a draft")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")  # cancel: back in the editor with the draft
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one(TextArea).text == "kept plus a draft"
        assert isinstance(app.focused, TextArea)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")  # discard
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert store.get(FIRST).note == "kept"


@pytest.mark.slow
async def test_another_process_annotation_appears_without_restart(store, db):
    app = make_reader(store)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.press("n")
        assert not passage_marks(app, FIRST)
        annotate_elsewhere(db, FIRST, tags=["from-elsewhere"], note="written by bob")
        for _ in range(40):  # the reader polls once a second
            await pilot.pause(0.1)
            if passage_marks(app, FIRST) and "from-elsewhere" in panel_text(app):
                break
        assert passage_marks(app, FIRST)
        text = panel_text(app)
        assert "#from-elsewhere" in text and "written by bob" in text and "bob" in text


async def test_e_then_enter_exports_markdown_and_says_where_never_overwriting(store,
                                                                             export_dir):
    corpus = bundled()
    store.annotate(FIRST, corpus.claims[FIRST].quote, add_tags=["russia"], note="A note.")
    app = make_reader(store)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("e", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        files = sorted(export_dir.iterdir())
        assert len(files) == 1 and files[0].suffix == ".md"
        text = files[0].read_text(encoding="utf-8")
        assert "A note." in text and "russia" in text
        assert any(str(files[0]) in m for m in messages(app, "information"))
        await pilot.press("e", "enter")  # the next proposal is a new name
        await app.workers.wait_for_complete()
        await pilot.pause()
        again = sorted(export_dir.iterdir())
        assert len(again) == 2 and files[0].read_text(encoding="utf-8") == text
        assert {p.name for p in again} - {files[0].name} == {files[0].stem + "-2.md"}


async def test_a_failed_export_is_an_error(store, export_dir, monkeypatch):
    corpus = bundled()
    store.annotate(FIRST, corpus.claims[FIRST].quote, add_tags=["russia"])

    def disk_full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr("briefing.export.write.write_atomic", disk_full)
    app = make_reader(store)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("e", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        errors = messages(app, "error")
        assert errors and "Export failed" in errors[-1] and "No space left" in errors[-1]
        assert not any("Exported" in m for m in messages(app))
        assert list(export_dir.iterdir()) == []


async def test_export_with_nothing_to_export_warns_and_writes_nothing(store, export_dir):
    app = make_reader(store)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("e")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert list(export_dir.iterdir()) == []
        assert any("Nothing to export" in m for m in messages(app, "warning"))


async def test_export_in_a_browser_is_a_download(store, export_dir, monkeypatch):
    corpus = bundled()
    store.annotate(FIRST, corpus.claims[FIRST].quote, add_tags=["russia"])
    app = make_reader(store)
    sent = []
    async with app.run_test(size=SMALL) as pilot:
        monkeypatch.setattr(type(app), "is_web", property(lambda self: True))
        monkeypatch.setattr(app, "deliver_text", lambda f, **kw: sent.append((f.read(), kw)))
        await pilot.press("e", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    assert list(export_dir.iterdir()) == []  # nothing written on the server
    assert len(sent) == 1 and "russia" in sent[0][0]
    assert sent[0][1]["save_filename"].endswith(".md")


async def test_a_failed_tag_write_is_an_error_and_never_shown_as_saved(store, monkeypatch):
    app = make_reader(store)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.press("n", "t")

        def disk_full(fd):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(os, "fsync", disk_full)  # the store's durable append fails
        await pilot.press(*"lost", "enter")
        await pilot.pause()
        monkeypatch.undo()
        errors = messages(app, "error")
        assert errors and "Not saved" in errors[-1]
        current = app.screen.query_one("#tag-current", OptionList)
        assert current.get_option_at_index(0).id is None  # still "No tags yet."
        assert app.screen.query_one("#tag-input", Input).value == "lost"  # kept to retry
        await pilot.press("escape")
        await pilot.pause()
        assert store.get(FIRST) is None
        assert AnnotationStore(store.path).all() == []
        assert "#lost" not in panel_text(app) and not passage_marks(app, FIRST)


async def test_a_failed_note_save_keeps_the_editor_open_with_the_text(store, monkeypatch):
    app = make_reader(store)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.press("n", "a", *"precious words")

        def fail(*args, **kwargs):
            raise StoreError("permission denied: annotations.json")

        monkeypatch.setattr(store, "annotate", fail)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one(TextArea).text == "precious words"
        assert any("permission denied" in m for m in messages(app, "error"))
        assert "Note saved." not in messages(app)
        monkeypatch.undo()
        await pilot.press("ctrl+s")  # the problem is gone: saving again works
        await pilot.pause()
        assert store.get(FIRST).note == "precious words"


async def test_a_store_moved_aside_at_start_is_reported(db):
    db.write_bytes(b"\x00\x00\x00 not a store")
    damaged = AnnotationStore(db, author="ana")
    app = make_reader(damaged)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        warnings = messages(app, "warning")
        assert any("moved to" in m and "corrupt" in m for m in warnings)
        assert list(db.parent.glob("annotations.json.corrupt-*"))
        await pilot.press("n", "t", *"works", "enter")  # and the new store is usable
        await pilot.pause()
        assert damaged.get(FIRST).tags == ("works",)
    damaged.close()


async def test_a_store_that_cannot_be_opened_is_reported(tmp_path):
    app = make_reader(None)
    app.store_problem = "Annotations are off: the store could not be opened: denied"
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert any("denied" in m for m in messages(app, "error"))
        await pilot.press("n", "t")
        assert isinstance(app.screen, ReaderScreen)
        assert any("not available" in m for m in messages(app, "warning"))


HOSTILE_TAGS = ["[/x]", "[@click=app.quit]"]
HOSTILE_NOTE = "[b]not bold[/b] [@click=app.quit]quit[/]\x1b]52;c;SGVsbG8=\x07\x1b[2J end"


@pytest.mark.slow  # many keys typed at 160x48
async def test_hostile_tags_and_notes_are_shown_literally(store):
    app = make_reader(store)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.press("n", "t", *"[/x]", "enter")
        await pilot.press(*"[@click=app.quit]", "enter")
        await pilot.pause()
        assert store.get(FIRST).tags == tuple(HOSTILE_TAGS)
        await pilot.press("escape", "a")
        app.screen.query_one(TextArea).insert(HOSTILE_NOTE)
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = store.get(FIRST).note
        assert "\x1b" not in saved and "\x07" not in saved  # cleaned by the store
        assert app.is_running
        text = screen_text(app)
        assert "#[/x]" in text and "#[@click=app.quit]" in text
        # the panel's note, literally (read from the pane: it wraps at the panel's width)
        shown_note = str(app.screen.query_one("#claim-annotation").render())
        assert "[b]not bold[/b] [@click=app.quit]quit[/]" in shown_note
        assert "\x1b" not in text and "\x1b" not in shown_note
        await pilot.press("t")  # the suggestion list and tag list show them literally too
        await pilot.pause()
        assert "#[@click=app.quit]" in screen_text(app)
        await pilot.press("escape", "n", "t", "[", "@")  # on another claim: offered inline
        await pilot.pause()
        assert app.screen.query_one("#tag-input", Input)._suggestion == "[@click=app.quit]"
        text = screen_text(app)
        assert "[@click=app.quit]" in text.split("Tags in use")[0]  # in the input line
        assert "#[@click=app.quit]  1 annotation" in text
        await pilot.press("escape", "A")
        await pilot.pause()
        text = screen_text(app)
        assert "#[/x]" in text and "[b]not bold[/b]" in text and app.is_running


async def test_a_pasted_escape_sequence_never_reaches_the_editor(store):
    app = make_reader(store)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("n", "a")
        area = app.screen.query_one(TextArea)
        from textual.events import Paste

        area.post_message(Paste("before\x1b]52;c;SGVsbG8=\x07after"))
        await pilot.pause()
        assert "\x1b" not in area.text and "before" in area.text and "after" in area.text


async def test_keys_need_a_claim_first(store):
    app = make_reader(store)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("t")
        assert isinstance(app.screen, ReaderScreen)
        assert any("Move to a claim first" in m for m in messages(app))


async def test_keys_have_ids_and_are_in_help_and_palette(store):
    app = make_reader(store)
    async with app.run_test(size=LARGE) as pilot:
        ids = {b.id for _, b in app.screen._bindings}
        assert {"reader.tag", "reader.annotate", "reader.annotations", "reader.export",
                "reader.synthesis"} <= ids
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = rendered_text(app.screen.query_one("#help-keys").content)
        for row in (("t", "Tag"), ("a", "Note"), ("A", "Annotations"), ("e", "Export"),
                    ("W", "Write")):
            assert any(line.split()[:2] == list(row) for line in text.splitlines()), row
        await pilot.press("escape")
        reader = app.reader
        titles = [text for text, _help, _cb in ActionsProvider(app.screen).entries(reader)]
        for wanted in ("Tag claim", "Annotate claim", "Annotations", "Export the brief",
                       "Write the synthesis"):
            assert any(t.startswith(wanted) for t in titles), wanted


async def test_keymap_rebinds_tag_key(store):
    app = make_reader(store, keymap={"reader.tag": "ctrl+t"})
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("n", "ctrl+t")
        assert isinstance(app.screen, TagScreen)


async def test_external_editor_through_suspend(store, tmp_path, monkeypatch):
    script = tmp_path / "fake_editor.py"
    script.write_text("import sys\n"
                      "open(sys.argv[1], 'a').write(' and more from the editor\\n')\n")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    app = make_reader(store)
    async with app.run_test(size=SMALL) as pilot:
        monkeypatch.setattr(app, "suspend", lambda: nullcontext())  # headless cannot suspend
        await pilot.press("n", "a", *"typed here", "ctrl+o")
        await pilot.pause()
        area = app.screen.query_one(TextArea)
        assert area.text == "typed here and more from the editor"
        assert store.get(FIRST) is None  # not saved until ctrl+s
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.get(FIRST).note == "typed here and more from the editor"


async def test_external_editor_not_offered_in_a_browser(store, monkeypatch):
    monkeypatch.setenv("EDITOR", "vi")
    app = make_reader(store)
    async with app.run_test(size=SMALL) as pilot:
        monkeypatch.setattr(type(app), "is_web", property(lambda self: True))
        await pilot.press("n", "a", "ctrl+o")
        await pilot.pause()
        assert any("not available in the browser" in m for m in messages(app))
        assert isinstance(app.screen, NoteEditor)


def test_annotated_claims_get_a_mark_after_them_in_the_text():
    from textual.style import Style

    from briefing.tui.widgets.render import ANNOTATED_MARK, ChunkState, render_chunk

    corpus = bundled()
    claim = corpus.claims[FIRST]
    para = corpus.paragraph(claim.paragraph_id)
    claims = corpus.claims_for_article(claim.article_id)
    plain = render_chunk(para, 0, len(para.text), claims, {}, ChunkState()).plain
    styles = {"claim--annotated": Style(underline=True)}
    marked = render_chunk(para, 0, len(para.text), claims, styles,
                          ChunkState(annotated=frozenset({FIRST}))).plain
    assert ANNOTATED_MARK not in plain
    assert marked == plain[:claim.end] + ANNOTATED_MARK + plain[claim.end:]


async def test_the_mark_appears_and_goes_with_the_annotation(store):
    app = make_reader(store)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.press("n")
        assert "Nagorno-Karabakh✎" not in screen_text(app)
        await pilot.press("t", *"x1", "enter", "escape")
        await pilot.pause()
        assert "Nagorno-Karabakh✎" in screen_text(app)
        await pilot.press("t", "tab", "tab", "x", "escape")  # remove the only tag
        await pilot.pause()
        assert store.get(FIRST).tags == ()
        assert "Nagorno-Karabakh✎" not in screen_text(app) and not passage_marks(app, FIRST)


async def test_a_note_changed_elsewhere_while_editing_is_flagged_and_nothing_is_lost(store, db):
    app = make_reader(store)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("n", "a", *"mine")
        other = AnnotationStore(db, author="ana")  # the same person in another window
        other.annotate(FIRST, bundled().claims[FIRST].quote, note="from the other window")
        other.close()
        for _ in range(40):
            await pilot.pause(0.1)
            if any("changed elsewhere" in m for m in messages(app, "warning")):
                break
        assert any("changed elsewhere" in m for m in messages(app, "warning"))
        assert app.screen.query_one(TextArea).text == "mine"  # the editor is not overwritten
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = store.get(FIRST)
        assert saved.note == "mine" and saved.history[-1].note == "from the other window"


async def test_a_busy_store_is_reported_once_and_polling_backs_off(store, db, monkeypatch):
    from briefing.store import StoreBusyError

    app = make_reader(store)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        watch = app.store_watch
        calls = []

        def busy():
            calls.append(1)
            raise StoreBusyError("the annotation store is busy")

        monkeypatch.setattr(store, "refresh", busy)
        monkeypatch.setattr(store, "changed_since", lambda token: True)
        for _ in range(5):
            assert watch.poll() is False
        assert len(calls) == 1  # not retried every second
        await pilot.pause()
        assert sum("busy" in m for m in messages(app, "error")) == 1
        assert app.is_running


async def test_an_unusable_tag_is_refused_with_a_message(store):
    app = make_reader(store)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("n", "t", "#", "enter")
        await pilot.pause()
        assert isinstance(app.screen, TagScreen)
        assert any(m.startswith("Not a usable tag") for m in messages(app, "warning"))
        assert store.get(FIRST) is None


async def test_ctrl_r_brings_back_an_earlier_version_of_the_note(store):
    from briefing.tui.dialogs.note_versions import NoteVersionsScreen

    quote = bundled().claims[FIRST].quote
    store.annotate(FIRST, quote, note="first thoughts")
    store.annotate(FIRST, quote, add_tags=["russia"])  # a tag change: same note, no new entry
    store.annotate(FIRST, quote, note="second thoughts")
    store.annotate(FIRST, quote, note="third thoughts")
    app = make_reader(store)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("n", "a", "ctrl+r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, NoteVersionsScreen)
        assert [v.note for v in screen.versions] == ["second thoughts", "first thoughts"]
        assert "first thoughts" in screen_text(app)
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.query_one(TextArea).text == "first thoughts"
        assert store.get(FIRST).note == "third thoughts"  # not saved yet
        await pilot.press("ctrl+s")
        await pilot.pause()
        saved = store.get(FIRST)
        assert saved.note == "first thoughts" and saved.history[-1].note == "third thoughts"


async def test_a_note_without_history_says_so(store):
    app = make_reader(store)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("n", "a", "ctrl+r")
        await pilot.pause()
        assert "No earlier versions of this note." in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
