"""The reader's export dialog (`e`) and the synthesis editor (`W`), driven with Pilot on the
bundled briefing and a store in a temp folder; every export is read back by parsing it."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
import yaml
from textual.widgets import Input, RadioSet

from briefing.export.location import propose_export_path, state_dir
from briefing.store.synthesis import get_synthesis
from briefing.tui.dialogs.confirm import ConfirmScreen
from briefing.tui.dialogs.export_dialog import ExportDialog
from briefing.tui.dialogs.note_editor import NoteEditor
from briefing.tui.screens.reader import ReaderScreen

from .annotate_helpers import FIRST, bundled, make_reader, messages, screen_text

SMALL = (80, 24)
SECOND = "jafarli-2023-03"


# Every test exports into its own folder (conftest.export_dir).
pytestmark = pytest.mark.usefixtures("export_dir")


@pytest.fixture
def annotated(store):
    corpus = bundled()
    store.annotate(FIRST, corpus.claims[FIRST].quote, add_tags=["russia", "csto"],
                   note="Compare with [bold]Tadevosian[/bold].")
    store.annotate(SECOND, corpus.claims[SECOND].quote, add_tags=["eu-mission"], note="EU.")
    article = corpus.articles["paylan-2023"]
    para = next(p for p in article.paragraphs() if len(p.text) > 40)
    store.highlights.add(article.id, para.id, 0, 30, para.text[:30], tags=["context"],
                         note="Background, not a claim.")
    return store


async def open_dialog(pilot) -> ExportDialog:
    await pilot.press("e")
    for _ in range(20):
        await pilot.pause()
        if isinstance(pilot.app.screen, ExportDialog):
            break
    assert isinstance(pilot.app.screen, ExportDialog)
    return pilot.app.screen


async def choose_format(pilot, steps: int) -> None:
    """Move from the path field to the format buttons, step right, pick, come back."""
    await pilot.press("shift+tab", *["right"] * steps, "enter", "tab")


async def finish(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_e_proposes_a_dated_path_and_the_format_changes_its_suffix(annotated, export_dir):
    app = make_reader(annotated)
    async with app.run_test(size=SMALL) as pilot:
        dialog = await open_dialog(pilot)
        field = dialog.query_one("#export-path", Input)
        assert app.focused is field
        expected = propose_export_path(app.corpus.title, "md", export_dir)
        assert field.value == str(expected) and date.today().isoformat() in field.value
        await choose_format(pilot, 1)
        assert dialog.fmt == "csv" and field.value == str(expected.with_suffix(".csv"))
        await choose_format(pilot, 2)  # from CSV two steps on: Obsidian, a folder
        assert dialog.fmt == "obsidian" and field.value == str(expected.with_suffix(""))
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen) and list(export_dir.iterdir()) == []


async def test_a_csv_export_from_the_reader_has_a_row_per_annotation_and_highlight(
        annotated, export_dir):
    app = make_reader(annotated)
    async with app.run_test(size=SMALL) as pilot:
        await open_dialog(pilot)
        await choose_format(pilot, 1)
        await pilot.press("enter")
        await finish(pilot)
    [path] = export_dir.iterdir()
    assert path.suffix == ".csv"
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert [r["comment"] for r in rows] == ["Compare with [bold]Tadevosian[/bold].", "EU.",
                                            "Background, not a claim."]
    assert list(rows[0]) == ["created", "author", "source", "URL", "quote", "comment", "tags"]
    assert rows[0]["tags"] == "russia, csto" and rows[2]["tags"] == "context"
    assert "Paylan" in rows[2]["source"] and "paragraph" in rows[2]["source"]
    assert any(str(path) in m and "2 annotations and 1 highlight" in m
               for m in messages(app, "information"))


async def test_an_obsidian_export_from_the_reader_is_a_folder_of_linked_notes(
        annotated, export_dir):
    app = make_reader(annotated)
    async with app.run_test(size=SMALL) as pilot:
        await open_dialog(pilot)
        await choose_format(pilot, 3)
        await pilot.press("enter")
        await finish(pilot)
    [folder] = export_dir.iterdir()
    assert folder.is_dir()
    notes = {p.relative_to(folder).as_posix(): p.read_text(encoding="utf-8")
             for p in folder.rglob("*.md")}
    front = {name: yaml.safe_load(text.split("---")[1]) for name, text in notes.items()}
    sources = {front[n]["title"]: notes[n] for n in notes if n.startswith("sources/")}
    corpus = bundled()
    paylan = sources[corpus.articles["paylan-2023"].title]  # a note for the highlight alone
    assert "## Highlights" in paylan and "Background, not a claim." in paylan
    assert "## Annotated claims" not in paylan
    dupuy = sources[corpus.articles["dupuy-2022"].title]
    assert "## Annotated claims" in dupuy and r"Compare with \[bold\]Tadevosian" in dupuy
    [index] = [n for n in notes if "/" not in n]
    links = {t.split("|")[0] for t in notes[index].split("[[")[1:]}
    assert {n[:-3] for n in notes if n.startswith("sources/")} <= links


async def test_an_existing_file_is_replaced_only_when_the_user_says_so(annotated, export_dir):
    target = export_dir / "brief.md"
    target.write_text("my own file\n", encoding="utf-8")
    app = make_reader(annotated)
    async with app.run_test(size=SMALL) as pilot:
        dialog = await open_dialog(pilot)
        await pilot.press("ctrl+u", *str(target), "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")  # the focused answer: keep it
        await pilot.pause()
        assert app.screen is dialog and dialog.query_one("#export-path", Input).value \
            == str(target)
        assert target.read_text(encoding="utf-8") == "my own file\n"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")
        await finish(pilot)
    text = target.read_text(encoding="utf-8")
    assert text.startswith("---\n") and "## Evidence" in text
    assert sorted(p.name for p in export_dir.iterdir()) == ["brief.md"]  # no stray files


async def test_a_name_alone_goes_in_the_proposed_folder_and_a_missing_folder_is_refused(
        annotated, export_dir):
    app = make_reader(annotated)
    async with app.run_test(size=SMALL) as pilot:
        dialog = await open_dialog(pilot)
        await pilot.press("ctrl+u", *"/no/such/folder/x.md", "enter")
        await pilot.pause()
        assert app.screen is dialog
        assert any("does not exist" in m for m in messages(app, "error"))
        await pilot.press("ctrl+u", *"mine.json")
        await choose_format(pilot, 2)
        await pilot.press("enter")
        await finish(pilot)
    data = json.loads((export_dir / "mine.json").read_text(encoding="utf-8"))
    assert data["highlights"][0]["note"] == "Background, not a claim."


async def test_the_folder_written_to_is_proposed_next_time(annotated, export_dir, tmp_path):
    elsewhere = tmp_path / "[b]reports[u]"  # markup in a path is shown as typed
    elsewhere.mkdir()
    app = make_reader(annotated)
    async with app.run_test(size=SMALL) as pilot:
        await open_dialog(pilot)
        await pilot.press("ctrl+u", *str(elsewhere / "first.md"), "enter")
        await finish(pilot)
        assert (elsewhere / "first.md").is_file()
        assert any(str(elsewhere / "first.md") in m for m in messages(app, "information"))
        assert json.loads((state_dir() / "export.json").read_text())["last_folder"] \
            == str(elsewhere)
        dialog = await open_dialog(pilot)
        proposed = dialog.query_one("#export-path", Input).value
        assert proposed == str(propose_export_path(app.corpus.title, "md", elsewhere))


async def test_the_filters_limit_what_is_exported(annotated, export_dir):
    app = make_reader(annotated)
    async with app.run_test(size=SMALL) as pilot:
        dialog = await open_dialog(pilot)
        # tab to the tag list, down to eu-mission, space ticks it
        await pilot.press("tab", *["down"] * dialog.tags.index("eu-mission"), "space")
        await pilot.pause()
        assert dialog.filters().tags == ("eu-mission",)
        await pilot.press("shift+tab", "enter")
        await finish(pilot)
    [path] = export_dir.iterdir()
    text = path.read_text(encoding="utf-8")
    front = yaml.safe_load(text.split("---")[1])
    assert front["filters"] == {"tags": ["eu-mission"]}
    assert "EU." in text and "Compare with" not in text


def exported_front_and_text(path: Path) -> tuple[dict, str]:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---")[1]), text


async def test_several_tags_sources_or_events_can_be_ticked(annotated, export_dir):
    # As `briefing export --tag A --tag B --source S --source T`: every tag ticked, any source.
    corpus = bundled()
    first, second = corpus.claims[FIRST], corpus.claims[SECOND]
    assert first.article_id != second.article_id
    articles = list(corpus.articles)
    app = make_reader(annotated)
    async with app.run_test(size=SMALL) as pilot:
        dialog = await open_dialog(pilot)
        await pilot.press("tab", "tab")  # the source list
        for aid in sorted((first.article_id, second.article_id), key=articles.index):
            await pilot.press("home", *["down"] * articles.index(aid), "space")
        await pilot.pause()
        ticked = dialog.filters().sources
        assert ticked == tuple(sorted((first.article_id, second.article_id), key=articles.index))
        await pilot.press("shift+tab", "shift+tab", "enter")
        await finish(pilot)
        [both] = export_dir.iterdir()
        front, text = exported_front_and_text(both)
        assert front["filters"] == {"sources": list(ticked)}
        assert "EU." in text and "Compare with" in text  # a claim from either source

        dialog = await open_dialog(pilot)
        await pilot.press("tab")  # the tag list
        for tag in ("russia", "csto"):
            await pilot.press("home", *["down"] * dialog.tags.index(tag), "space")
        await pilot.pause()
        assert set(dialog.filters().tags) == {"russia", "csto"}
        await pilot.press("shift+tab", "enter")
        await finish(pilot)
    [tagged] = set(export_dir.iterdir()) - {both}
    front, text = exported_front_and_text(tagged)
    assert sorted(front["filters"]["tags"]) == ["csto", "russia"]
    assert "Compare with" in text and "EU." not in text  # only the claim with both tags


async def test_tags_in_the_filter_list_are_shown_as_typed_never_as_markup(store):
    corpus = bundled()
    store.annotate(FIRST, corpus.claims[FIRST].quote, add_tags=["[@click=app.quit]x"])
    app = make_reader(store)
    async with app.run_test(size=SMALL) as pilot:
        await open_dialog(pilot)
        assert "[@click=app" in screen_text(app)  # cut to the list's width
        await pilot.press("tab", "space")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, ExportDialog)
        assert "[@click=app" in screen_text(app)
        assert app.screen.filters().tags == ("[@click=app.quit]x",)


async def test_w_writes_the_synthesis_which_opens_the_exported_brief(annotated, export_dir):
    app = make_reader(annotated)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("W")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"The guarantee failed [red]twice[/red].", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        mine = get_synthesis(annotated, app.corpus.title)
        assert mine is not None and mine.text == "The guarantee failed [red]twice[/red]."
        await open_dialog(pilot)
        await pilot.press("enter")
        await finish(pilot)
    [path] = export_dir.iterdir()
    text = path.read_text(encoding="utf-8")
    synthesis = text.split("## Synthesis", 1)[1].split("\n## ", 1)[0]
    assert r"The guarantee failed \[red\]twice\[/red\]." in synthesis


async def test_w_escape_asks_before_discarding_and_keeps_the_text(annotated):
    app = make_reader(annotated)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("W", *"Half a thought")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.text_area.text == "Half a thought"
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
    assert get_synthesis(annotated, bundled().title) is None


async def test_w_ctrl_r_brings_back_an_earlier_synthesis(annotated):
    from briefing.store.synthesis import set_synthesis
    from briefing.tui.dialogs.note_versions import NoteVersionsScreen

    title = bundled().title
    set_synthesis(annotated, title, "First reading.")
    set_synthesis(annotated, title, "Second reading.")
    app = make_reader(annotated)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("W")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.text_area.text == "Second reading."
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, NoteVersionsScreen)
        assert [v.note for v in app.screen.versions] == ["First reading."]
        assert "Synthesis" in str(app.screen.query_one(".dialog-title").render())
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.text_area.text == "First reading."
        assert get_synthesis(annotated, title).text == "Second reading."  # not saved yet
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
    mine = get_synthesis(annotated, title)
    assert mine.text == "First reading."
    assert [t for _v, t, _u in mine.history] == ["First reading.", "Second reading."]


async def test_the_synthesis_is_in_the_command_palette(annotated):
    app = make_reader(annotated)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("ctrl+p", *"synthesis")
        for _ in range(20):
            await pilot.pause(0.05)
        await pilot.press("enter")
        for _ in range(10):
            await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert "Synthesis" in str(app.screen.query_one(".dialog-title").render())


def test_snapshot_export_dialog_80x24(snap_compare, tmp_path, monkeypatch):
    """Fixed folder and date, so the proposed path is the same on every run."""
    from briefing.store import AnnotationStore

    class Today(date):
        @classmethod
        def today(cls):
            return date(2026, 12, 6)

    monkeypatch.setattr("briefing.export.write.date", Today)
    monkeypatch.setattr("briefing.tui.dialogs.export_dialog.default_folder",
                        lambda: Path("/exports"))
    store = AnnotationStore(tmp_path / "annotations.json", author="ana")
    corpus = bundled()
    store.annotate(FIRST, corpus.claims[FIRST].quote, add_tags=["russia"])
    app = make_reader(store)

    async def run_before(pilot) -> None:
        await pilot.press("e")
        await pilot.pause()
        for widget in app.screen.query(Input):
            widget.cursor_blink = False
        await pilot.pause()

    assert snap_compare(app, terminal_size=SMALL, run_before=run_before)
    store.close()
