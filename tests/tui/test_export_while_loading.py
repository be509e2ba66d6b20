"""The export dialog (`e`) pressed while a cached start-up is still loading the briefing
(issue 19): it opens at once with every filter (the sources from the outline, the events
from the first-screen corpus), says the export waits for the rest, exports once the app's
corpus_signal brings it, and loses nothing the user typed or ticked on the way.

The load is held with a threading.Event (test_views_while_loading.HeldLoad), as a slow disk
or a 5,000-article briefing holds it.  Exports are read back as CSV.
"""

from __future__ import annotations

import csv
import gc

import pytest
from textual.widgets import Input

from briefing.cache.head import head_of
from briefing.outline import outline
from briefing.tui.dialogs.export_dialog import Choices, ExportDialog
from briefing.tui.corpus_wait import LoadingNote

from .annotate_helpers import FIRST, bundled, messages
from .conftest import make_app, screen_text, until
from .test_views_while_loading import HeldLoad

SMALL = (80, 24)
ELSEWHERE = "jafarli-2023-03"  # a claim of a source the first screen has not loaded
ITS_SOURCE = "jafarli-2023"


# Every test exports into its own folder (conftest.export_dir).
pytestmark = pytest.mark.usefixtures("export_dir")


@pytest.fixture
def annotated(store):
    corpus = bundled()
    store.annotate(FIRST, corpus.claims[FIRST].quote, add_tags=["russia"], note="First.")
    store.annotate(ELSEWHERE, corpus.claims[ELSEWHERE].quote, add_tags=["eu-mission"],
                   note="Not in the first article.")
    return store


def loading_reader(store, result="full"):
    full = bundled()
    load = HeldLoad(full if result == "full" else result)
    app = make_app(head_of(full), outline=outline(full), load_full=load, build_index=False,
                   store=store)
    return app, load


async def press_export(app, pilot) -> ExportDialog:
    await pilot.pause()
    await pilot.press("e")
    dialog = app.screen  # at once: no wait for the load
    assert isinstance(dialog, ExportDialog) and dialog.loading and not app.corpus_ready
    await pilot.pause()
    return dialog


def listed(dialog, selector: str) -> list[str]:
    choices = dialog.query_one(selector, Choices)
    return [choices.get_option_at_index(i).value for i in range(choices.option_count)] \
        + [value for _, value, _ in choices.pending]


async def tick_source(pilot, dialog, source: str) -> None:
    """From the path field: tab to the sources (after the tags), down to ``source``, space."""
    await pilot.press("tab", "tab")
    assert pilot.app.focused is dialog.query_one("#export-source", Choices)
    await pilot.press(*["down"] * listed(dialog, "#export-source").index(source), "space")


def rows(path) -> list[dict[str, str]]:
    return list(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines()))


async def test_every_filter_is_there_at_once_and_what_was_set_survives_the_load(
        annotated, export_dir):
    full = bundled()
    app, load = loading_reader(annotated)
    async with app.run_test(size=SMALL) as pilot:
        dialog = await press_export(app, pilot)
        assert len(app.corpus.articles) == 1  # only the first source is loaded...
        assert listed(dialog, "#export-source") == list(full.articles)  # ...all are listed
        assert listed(dialog, "#export-event") == [e.id for e in full.events_in_order()]
        text = screen_text(app)
        assert "Loading the briefing's 5 sources" in text and "export waits" in text
        # The user sets everything before the load is in: CSV, a name, one source.
        await pilot.press("shift+tab", "right", "enter", "tab")
        await pilot.press("ctrl+u", *"mine.csv")
        await tick_source(pilot, dialog, ITS_SOURCE)
        load.release.set()
        await until(pilot, lambda: not dialog.loading)
        await pilot.pause()
        assert app.screen is dialog and not dialog.query(LoadingNote)
        assert "Loading the briefing" not in screen_text(app)
        assert dialog.corpus is full
        assert dialog.fmt == "csv" and dialog.path_input.value == "mine.csv"
        assert dialog.filters().sources == (ITS_SOURCE,)
        assert app.focused is dialog.query_one("#export-source", Choices)  # where it was
        await pilot.press("enter")  # on the list: ticks the highlighted source off again
        await pilot.press("space")  # and on
        dialog.path_input.focus()
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    exported = rows(export_dir / "mine.csv")
    assert [r["quote"] for r in exported] == [full.claims[ELSEWHERE].quote]


async def test_export_pressed_while_loading_waits_in_the_dialog_then_goes_ahead(
        annotated, export_dir):
    full = bundled()
    app, load = loading_reader(annotated)
    async with app.run_test(size=SMALL) as pilot:
        dialog = await press_export(app, pilot)
        await pilot.press("ctrl+u", *"all.csv")
        await pilot.press("shift+tab", "right", "enter", "tab", "enter")  # CSV, then export
        await pilot.pause()
        assert app.screen is dialog and dialog.waiting is not None
        assert "Exporting once the briefing's 5 sources are in" in screen_text(app)
        assert dialog.path_input.disabled  # what is exported is what the form shows
        assert not list(export_dir.iterdir())
        load.release.set()
        await until(pilot, lambda: app.screen is app.reader)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any("Exported 2 annotations" in m for m in messages(app, "information"))
    exported = rows(export_dir / "all.csv")
    # every source's annotations: the whole corpus was exported, not the first screen's
    assert sorted(r["quote"] for r in exported) == sorted(
        [full.claims[FIRST].quote, full.claims[ELSEWHERE].quote])


async def test_a_palette_over_the_waiting_dialog_is_not_closed_by_the_export(
        annotated, export_dir):
    """The load ends while the palette is over the waiting dialog: the palette stays, and
    the export goes once the dialog is back on top (a dismiss then had closed the palette
    and left the dialog locked; escape then raised)."""
    app, load = loading_reader(annotated)
    async with app.run_test(size=SMALL) as pilot:
        dialog = await press_export(app, pilot)
        await pilot.press("ctrl+u", *"all.md", "enter")
        await pilot.pause()
        assert dialog.waiting is not None
        await pilot.press("ctrl+p")
        await until(pilot, lambda: app.screen is not dialog)
        palette = app.screen
        load.release.set()
        await until(pilot, lambda: app.corpus_ready)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is palette and dialog.is_attached
        assert not list(export_dir.iterdir())
        await pilot.press("escape")  # the palette goes; the dialog, on top again, exports
        await until(pilot, lambda: app.screen is app.reader)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert any("Exported 2 annotations" in m for m in messages(app, "information"))
        assert app.is_running
    assert (export_dir / "all.md").is_file()


async def test_escape_while_waiting_goes_back_to_the_form_as_it_was(annotated, export_dir):
    app, load = loading_reader(annotated)
    async with app.run_test(size=SMALL) as pilot:
        dialog = await press_export(app, pilot)
        await pilot.press("ctrl+u", *"kept.md")
        await tick_source(pilot, dialog, ITS_SOURCE)
        dialog.path_input.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert dialog.waiting is not None
        await pilot.press("escape")  # not the dialog: the wait
        await pilot.pause()
        assert app.screen is dialog and dialog.waiting is None
        assert not dialog.path_input.disabled and app.focused is dialog.path_input
        assert dialog.path_input.value == "kept.md"
        assert dialog.filters().sources == (ITS_SOURCE,)
        text = screen_text(app)
        assert "Loading the briefing's 5 sources" in text and "Exporting once" not in text
        await pilot.press("escape")  # now the dialog
        await pilot.pause()
        assert app.screen is app.reader
        assert not list(app.corpus_signal._subscriptions)  # nobody left listening
        del dialog
        gc.collect()
        assert not any(isinstance(o, ExportDialog) for o in gc.get_objects())
        load.release.set()
        await until(pilot, lambda: app.corpus_ready)
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is app.reader and not list(export_dir.iterdir())


async def test_a_failed_load_is_said_and_nothing_is_exported(annotated, export_dir):
    app, load = loading_reader(annotated, result=None)
    async with app.run_test(size=SMALL) as pilot:
        dialog = await press_export(app, pilot)
        await pilot.press("ctrl+u", *"never.md", "enter")
        load.release.set()
        await until(pilot, lambda: dialog.query(".loading-note.-failed"))
        await pilot.pause()
        assert app.screen is dialog
        assert "Could not load the rest of the briefing" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is dialog and dialog.path_input.value == "never.md"
        await pilot.press("enter")  # again, now that the load is known to have failed
        await pilot.pause()
        assert app.screen is dialog and dialog.waiting is None
        assert any("Not exported" in m for m in messages(app, "error"))
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is app.reader and app.is_running
        assert not list(export_dir.iterdir())


async def test_lists_that_change_with_the_corpus_keep_ticks_and_cursor(annotated):
    """A dialog whose sources were not all known (a reload after an edit adds one): the
    corpus brings the full list, ticks and the cursor's source stay."""
    full = bundled()
    app, load = loading_reader(annotated)
    known = [(a.id, a.title) for a in full.articles.values()][:3]
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        dialog = ExportDialog(app.corpus, ["russia"], sources=known, loading=True)
        await app.push_screen(dialog)
        await pilot.pause()
        assert listed(dialog, "#export-source") == [a for a, _ in known]
        await tick_source(pilot, dialog, known[2][0])
        await pilot.press("up")  # the cursor on the second
        load.release.set()
        await until(pilot, lambda: not dialog.loading)
        await pilot.pause()
        sources = dialog.query_one("#export-source", Choices)
        assert listed(dialog, "#export-source") == list(full.articles)
        assert dialog.filters().sources == (known[2][0],)
        assert sources.get_option_at_index(sources.highlighted).value == known[1][0]
        assert dialog.query_one("#export-path", Input).value  # the proposal is still there
