"""The events view on the bundled briefing: timeline order, coverage markers, blindspots,
filters, enter to compare, the chart (as a pure function and on screen), and snapshots."""

from __future__ import annotations

import pytest
from textual.widgets import Input

from briefing.analysis.coverage import coverage
from briefing.analysis.timeline import ordered_events
from briefing.tui.viewmodels.compare import matches_filter
from briefing.tui.viewmodels.event_index import event_index
from briefing.tui.screens.compare import CompareScreen
from briefing.tui.screens.events import FILTER_DELAY, EventsScreen, EventsTable
from briefing.tui.dialogs.help_screen import HelpScreen
from briefing.tui.screens.reader import ReaderScreen
from briefing.tui.widgets.coverage_chart import LEVELS, bar, buckets, chart_lines, level
from factories import bundled_corpus

from .conftest import screen_text, make_app

SMALL = (80, 24)
LARGE = (160, 48)


def row_keys(table: EventsTable) -> list[str]:
    return list(table.row_keys)


def cells(table: EventsTable, event_id: str) -> list[str]:
    return table.row_cells(event_id)


async def test_v_lists_every_event_in_date_order_with_coverage(bundled):
    app = make_app(bundled, build_index=False)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("v")
        await analysed(pilot)
        screen = app.screen
        assert isinstance(screen, EventsScreen) and isinstance(app.focused, EventsTable)
        table = screen.table
        assert row_keys(table) == [e.id for e in ordered_events(bundled)]
        assert table.row_count == len(bundled.events) == 49
        # one marker per source: ● and the number of claims, · when silent
        row = cells(table, "nov-2020-ceasefire")
        assert row[0] == "2020-11-09" and row[2] == "5" and row[3] == "≠"
        assert [c.strip() for c in row[4:]] == ["●1", "●6", "●2", "●6", "●1"]
        lone = cells(table, "bishkek-protocol")
        assert lone[2] == "1◆" and [c.strip() for c in lone[4:]] == ["·", "●3", "·", "·", "·"]
        text = screen_text(app)
        assert "49 events  ·  ◆ 19 single-source" in text
        assert "Dupuy  Rese…  Jafa…  Payl…  Tade…" in text  # labels by author or outlet
        assert all(len(line) <= 80 for line in text.splitlines())


async def test_filter_by_text_and_by_actor_then_blindspots(bundled):
    app = make_app(bundled, build_index=False)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("v", "slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"lachin")
        await pilot.pause(FILTER_DELAY + 0.2)  # the table is refilled once typing pauses
        table = app.screen.table
        keys = row_keys(table)
        assert {"lachin-blockade", "icj-lachin-order", "lachin-checkpoint"} <= set(keys)
        assert all("lachin" in (bundled.events[k].title + bundled.events[k].summary).lower()
                   for k in keys)
        assert keys == [e.id for e in ordered_events(bundled) if e.id in keys]  # still in order
        assert f"{len(keys)} of 49 events" in screen_text(app) and len(keys) < 49
        await pilot.press(*["backspace"] * 6, *"actor:iran")
        await pilot.pause(FILTER_DELAY + 0.2)
        assert row_keys(table) == ["rasht-astara-railway"]
        await pilot.press("escape")  # leaves the filter, keeps it
        assert isinstance(app.focused, EventsTable) and app.screen.query_text == "actor:iran"
        await pilot.press("slash", *["backspace"] * 10, "enter")
        await pilot.press("b")
        await pilot.pause()
        keys = row_keys(table)
        assert len(keys) == 19 and "bishkek-protocol" in keys and "nov-2020-ceasefire" not in keys
        assert "19 of 49 events  ·  ◆ single-source only (b)" in screen_text(app)
        await pilot.press("b")
        assert table.row_count == 49


def test_filter_words_all_match_and_actor_prefix(bundled):
    rows = {r.event.id: r for r in event_index(bundled).rows}
    ceasefire = rows["nov-2020-ceasefire"]
    assert matches_filter(ceasefire, "")
    assert matches_filter(ceasefire, "Peacekeepers  RUSSIA")  # folded, every word
    assert not matches_filter(ceasefire, "peacekeepers iran")
    assert matches_filter(ceasefire, "actor:nagorno")
    assert not matches_filter(rows["pelosi-visit"], "actor:russia")
    assert matches_filter(rows["pelosi-visit"], "2022-09")
    assert matches_filter(rows["armenia-turkey-normalization"], "turkiye")  # accents folded


async def test_enter_and_c_open_the_comparison_and_escape_returns(bundled):
    app = make_app(bundled, build_index=False)
    async with app.run_test(size=SMALL) as pilot:
        reader = app.screen
        await pilot.press("v")
        events = app.screen
        await pilot.press("j", "j", "j", "k")  # 3rd row: minsk-group
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen) and app.screen.event_id == "minsk-group"
        await pilot.press("escape")
        assert app.screen is events and events.event_id == "minsk-group"
        await pilot.press("down", "c")
        await pilot.pause()
        assert app.screen.event_id == "collective-security-treaty-signed"
        await pilot.press("backspace", "backspace")
        assert app.screen is reader


async def test_typing_refills_the_table_once_enter_at_once(bundled):
    app = make_app(bundled, build_index=False)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("v", "slash", *"pelosi")
        screen = app.screen
        assert screen.table.row_count == 49  # not yet: still typing
        await pilot.press("enter")
        assert row_keys(screen.table) == ["pelosi-visit"] and isinstance(app.focused, EventsTable)


async def test_filter_with_no_match_and_compare_says_so(bundled):
    app = make_app(bundled, build_index=False)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("v", "slash", *"zzzz", "enter", "c")
        await pilot.pause()
        assert isinstance(app.screen, EventsScreen) and app.screen.table.row_count == 0
        assert "No event matches the filter." in [n.message for n in app._notifications]


async def test_chart_on_screen_and_hidden_when_short(bundled):
    app = make_app(bundled, build_index=False)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("v")
        await pilot.pause()
        text = screen_text(app)
        assert "claims in  '88" in text and "total" in text
        jafarli = next(line for line in text.splitlines() if line.startswith(" Jafarli "))
        assert " 78 " in jafarli and "█" in jafarli  # most claims: the longest bar
        await pilot.resize_terminal(80, 16)
        await pilot.pause()
        assert not app.screen.query_one("#events-chart").display
        await pilot.resize_terminal(*LARGE)
        await pilot.pause()
        assert app.screen.query_one("#events-chart").display
        assert "Tadevosian" in screen_text(app).splitlines()[2]  # longer labels when wide


def test_chart_lines_fit_the_width_and_scale():
    sources = [("a", "alpha"), ("b", "beta")]
    years = [1992, 2002, 2020, 2021, 2022, 2023]
    per_year = {"a": {2022: 8, 1992: 1}, "b": {2023: 2}}
    totals = {"a": 9, "b": 2}
    for width in (20, 40, 80, 160):
        lines = chart_lines(width, sources, years, per_year, totals)
        assert len(lines) == 3 and all(line.cell_length <= width for line in lines)
    wide = [line.plain for line in chart_lines(80, sources, years, per_year, totals)]
    assert wide[0].startswith("claims in  '92 '02 '20 '21 '22 '23")
    assert "████" in wide[1] and wide[1].count("█") > wide[2].count("█")
    assert "  · " in wide[2]  # a year with no claims
    narrow = chart_lines(36, sources, years, per_year, totals)[0].plain
    assert "≤" in narrow  # early years merged into one column


def test_chart_helpers():
    assert level(8, 8) == LEVELS[-1] and level(1, 8) == LEVELS[0] and level(0, 8) == " "
    assert bar(10, 10, 4) == "████" and bar(5, 10, 4) == "██" and bar(1, 100, 4) == "▏"
    assert bar(0, 10, 4) == ""
    assert buckets([2001, 2002, 2003], 12) == [("'01", [2001]), ("'02", [2002]), ("'03", [2003])]
    assert buckets([2001, 2002, 2003], 8) == [("≤02", [2001, 2002]), ("'03", [2003])]


@pytest.mark.parametrize("theme", ["ansi-dark", "textual-light"])
async def test_sixteen_colours_and_light_theme(bundled, theme):
    app = make_app(bundled, build_index=False, theme=theme)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("v")
        await pilot.pause()
        table = app.screen.table
        assert table.rich("events--covered") != table.rich("events--silent")
        assert table.rich("events--blindspot").bold
        assert "●" in screen_text(app)


async def test_help_lists_the_events_keys(bundled):
    app = make_app(bundled, build_index=False)
    async with app.run_test(size=(100, 50)) as pilot:
        await pilot.press("question_mark")
        assert "Events" in screen_text(app)  # the reader's v key
        await pilot.press("escape", "v", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "Events view" in text
        for description in ("Filter", "Blindspots only", "Compare", "Back"):
            assert description in text


async def test_palette_opens_the_events_view(bundled):
    app = make_app(bundled, build_index=False)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.press("ctrl+p", *"Events: timeline")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EventsScreen)
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


# ---------------------------------------------------------------- snapshots


async def analysed(pilot) -> None:
    """Until the background analysis has counted the disagreements (the ≠ column)."""
    from briefing.tui.viewmodels.event_index import disagreement_counts

    for _ in range(200):
        if disagreement_counts(pilot.app.corpus) is not None:
            break
        await pilot.pause(0.05)
    await pilot.pause()
    await pilot.pause()


def _events_app():
    corpus = bundled_corpus()
    return make_app(corpus, build_index=False)


async def _open_events(pilot):
    await pilot.press("v")
    await analysed(pilot)
    pilot.app.screen.query_one(Input).cursor_blink = False


def test_snapshot_events_80x24(snap_compare):
    assert snap_compare(_events_app(), terminal_size=SMALL, run_before=_open_events)


def test_snapshot_events_160x48(snap_compare):
    assert snap_compare(_events_app(), terminal_size=LARGE, run_before=_open_events)


async def test_the_events_keys_are_in_the_palette(bundled):
    app = make_app(bundled, build_index=False)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.press("v", "ctrl+p", *"Events view: Blindspots only")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, EventsScreen) and app.screen.table.row_count == 19


def synthetic_corpus(root, sources: int, claims: int, seed: int, events: int):
    """A briefing of many sources (benchmarks/make_synthetic.py), loaded."""
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from make_synthetic import write_briefing

    from briefing.loader import load_corpus

    write_briefing(root, sources, claims, seed=seed, n_events=events)
    corpus, problems = load_corpus(root)
    assert not problems
    return corpus


async def test_only_the_source_columns_that_fit_and_a_summary_column(tmp_path):
    # 60 sources: the busiest get columns, the others are summed per event in "others"
    corpus = synthetic_corpus(tmp_path, 60, 6, seed=3, events=30)
    app = make_app(corpus, build_index=False)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("v")
        await pilot.pause()
        screen = app.screen
        shown = screen.shown_sources
        assert 0 < len(shown) < 60
        keys = [c.key for c in screen.table.columns]
        assert keys[4:] == [*shown, "others"]
        index = event_index(corpus)
        for row in index.rows[:10]:
            others = sum(1 for a in row.counts if a not in shown)
            assert cells(screen.table, row.event.id)[-1].strip() == (f"+{others}" if others else "·")
        # the chart draws the busiest sources and says how many it leaves out
        assert "and 52 other sources" in screen_text(app) or not screen.query_one("#events-chart").display
        await pilot.resize_terminal(*LARGE)
        await pilot.pause()
        assert len(screen.shown_sources) > len(shown)
        assert "and 52 other sources" in screen_text(app)


def test_the_event_index_agrees_with_the_coverage_matrix(bundled):
    from briefing.tui.viewmodels.event_index import event_to_compare

    cov = coverage(bundled)
    index = event_index(bundled)
    assert [r.event.id for r in index.rows] == cov.events
    for row in index.rows:
        dense = {a: n for a, n in cov.matrix[row.event.id].items() if n}
        assert row.counts == dense and row.sources == len(dense)
        assert row.blindspot == (row.event.id in cov.single_source)
    assert index.claims_per_source == {a: v["claims"] for a, v in cov.per_source.items()}
    assert event_index(bundled) is index  # counted once per corpus
    assert event_to_compare(["a", "b"], "b") == "b"
    assert event_to_compare(["a", "b"], "c") == "a"
    assert event_to_compare(["a", "b"], None) == "a"


async def test_paging_keys_and_the_mouse(bundled):
    from textual.geometry import Offset

    app = make_app(bundled, build_index=False)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("v")
        await pilot.pause()
        table = app.screen.table
        order = [e.id for e in ordered_events(bundled)]
        await pilot.press("end")
        assert table.cursor_row == 48 and app.screen.event_id == order[-1]
        assert table.row_cells(order[-1])[1] in screen_text(app)  # scrolled to the cursor
        await pilot.press("home", "pagedown")
        page = table.cursor_row
        assert 5 <= page < 48
        assert table.row_cells(order[page])[1] in screen_text(app)
        await pilot.press("pageup")
        assert table.cursor_row == 0
        # a click on a row highlights it; a click on the highlighted row compares it
        await pilot.click("#events-table", offset=Offset(20, 3))  # header, row 0, row 1, row 2
        await pilot.pause()
        assert table.cursor_row == 2 and app.screen.event_id == order[2]
        await pilot.click("#events-table", offset=Offset(20, 3))
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen) and app.screen.event_id == order[2]


async def test_untrusted_event_titles_are_shown_as_text(bundled):
    import copy
    import dataclasses

    corpus = copy.copy(bundled)
    corpus.events = dict(bundled.events)
    evil = "[@click=app.quit]Boom[/] [/claim] \x1b]52;c;ZXZpbA==\x07end\u202e"
    first = ordered_events(bundled)[0].id
    old = bundled.events[first]
    corpus.events[first] = dataclasses.replace(old, title=evil)
    app = make_app(corpus, build_index=False)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.press("v")
        await pilot.pause()
        text = screen_text(app)
        assert "[@click=app.quit]Boom[/] [/claim] ]52;c;ZXZpbA==end" in text
        assert "\x1b" not in text and "\x07" not in text and "\u202e" not in text
        # a click on the title is a click on the row (it compares), not the title's "action"
        await pilot.click("#events-table", offset=(30, 1))
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, CompareScreen)
        assert app.screen.event_id == first


async def test_a_wider_window_with_the_same_title_width_redraws_every_column(tmp_path):
    # The title's width repeats every (label + 2) cells of window; the rows drawn for the
    # narrower layout must not be reused for one with a source column more.
    corpus = synthetic_corpus(tmp_path, 40, 4, seed=5, events=20)
    app = make_app(corpus, build_index=False)
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.press("v")
        await analysed(pilot)  # its ≠ marks redraw every row: done before the resize
        screen = app.screen
        before = screen._layout
        await pilot.resize_terminal(80 + before[1] + 2, 30)
        await pilot.pause()
        after = screen._layout
        assert after[:2] == before[:2] and after[2] == before[2] + 1
        shown = set(screen.shown_sources)
        columns = screen.table.columns
        for row in event_index(corpus).rows:
            drawn = cells(screen.table, row.event.id)
            assert len(drawn) == len(columns)
            others = sum(1 for a in row.counts if a not in shown)
            assert drawn[-1].strip() == (f"+{others}" if others else "·")
