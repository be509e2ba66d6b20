"""The events view (`v`): every event in date order, which source covers it, and a chart.

A table of events × sources: one marker per source (● and its number of claims, · when the
source is silent) for the sources whose columns fit, the rest summed in a last "others"
column; events only one source covers marked ◆ (Ground News' "blindspot"), events whose
sources disagree on a figure or date marked ≠ (once the background analysis has them).
Coverage is counted once per corpus (viewmodels.event_index) and the table draws only the rows
on screen (widgets.events_table), so opening the view costs what it shows.  Type after `/` to
filter by words or ``actor:NAME``; `b` keeps only blindspots; enter (or `c`) opens the
comparison.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.events import Resize
from textual.widgets import Input, Static

from briefing.analysis.timeline import ordered_events
from briefing.model import Corpus
from briefing.tui.keys import KeyGroup
from briefing.tui.memory import release_closed_views
from briefing.tui.corpus_wait import LoadingNote, WaitsForCorpus
from briefing.tui.viewmodels import event_index as ix
from briefing.tui.viewmodels.compare import matches_filter
from briefing.tui.viewmodels.event_index import EventRow
from briefing.tui.viewmodels.reader import strip_for_display
from briefing.tui.viewmodels.source_labels import source_labels
from briefing.tui import VIEWS_CSS
from briefing.tui.widgets.coverage_chart import CoverageChart
from briefing.tui.widgets.events_table import Cell, Column, EventsTable
from briefing.tui.widgets.key_bar import KeyBar
from briefing.tui.widgets.title_bar import TitleBar

SHORT_BELOW = 20  # rows: below this the chart is hidden to leave room for the table
WIDE_FROM = 120  # columns: from here source columns get longer labels
TITLE_MIN = 20  # the event title keeps at least this many cells before sources get columns
CHART_SOURCES = 8  # sources drawn in the chart (those with the most claims)
FILTER_DELAY = 0.12  # seconds after the last keystroke before the table is refilled


class EventsScreen(KeyGroup, WaitsForCorpus):
    """All events, their coverage by source, a filter, and a chart of claims per source."""

    HELP_GROUP = "Events view"

    CSS_PATH = VIEWS_CSS
    # Focused as the view is composed, not moved there from the first focusable widget
    # (the filter) after it: each move restyles and recomposes the footer.
    AUTO_FOCUS = "#events-table"

    BINDINGS = [
        Binding("escape,backspace,q", "close", "Back", id="events.back"),
        Binding("slash", "focus_filter", "Filter", key_display="/", id="events.filter"),
        Binding("b", "toggle_blindspots", "Blindspots only", id="events.blindspots"),
        # enter is also the table's own key (select -> Selected -> compare).
        Binding("enter,c", "compare", "Compare", id="events.compare"),
        Binding("j", "cursor(1)", "Down", show=False, id="events.down"),
        Binding("k", "cursor(-1)", "Up", show=False, id="events.up"),
    ]

    def __init__(self, corpus: Corpus, *, query: str = "", blindspots: bool = False,
                 event_id: str | None = None, loading: bool = False) -> None:
        """``loading``: ``corpus`` is the part of a cached start-up loaded so far (every event,
        not every source): the view lists the events at once, by date and title, and adds
        who covers them when the app's corpus_signal brings every source (corpus_wait.py)."""
        super().__init__()
        self.corpus = corpus
        self.query_text = query
        self.blindspots = blindspots
        self.event_id = event_id  # the highlighted row, kept across filters and reopening
        self.loading = loading
        self.index: ix.EventIndex | None = None
        # Until every source is in, rows without coverage (nobody counted from one article).
        self.rows = [EventRow(e, {}) for e in ordered_events(corpus)] if loading else []
        self.by_id = {r.event.id: r for r in self.rows}
        self.disagreements: dict[str, int] = {}
        self.sources: list[str] = []
        self._busiest: list[str] = []
        self.shown_sources: list[str] = []
        self._layout: tuple[int, int, int] | None = None  # (title, label width, sources)
        self._cell_cache: dict[str, list[Cell]] = {}  # event -> cells, for the current layout
        self._filter_timer = None
        self._fitted: tuple[int | None, dict[str, str]] = (None, {})  # (width, titles)
        if not loading:
            self._take(corpus)
        try:  # styled for the terminal's size from the start, not restyled on mount
            self.set_class(self.app.size.height < SHORT_BELOW, "-short")
        except RuntimeError:  # NoActiveAppError: built outside a running app; on_resize sets it
            pass

    def _take(self, corpus: Corpus) -> None:
        """Coverage of every event, counted once per corpus (viewmodels.event_index)."""
        self.corpus = corpus
        self.index = ix.event_index(corpus)
        self.rows = self.index.rows
        self.by_id = self.index.by_id
        self.disagreements = ix.disagreement_counts(corpus) or {}
        self.sources = list(corpus.articles)
        totals = self.index.claims_per_source
        # When not every source has a column, the busiest ones do (shown in corpus order).
        self._busiest = sorted(self.sources, key=lambda a: -totals.get(a, 0))

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Horizontal(id="events-bar"):
            yield Input(self.query_text, placeholder="/ filter: words, or actor:Russia",
                        id="events-filter")
            yield Static(Content(""), id="events-status")
        yield EventsTable(id="events-table")
        if self.loading:  # where the chart goes
            yield LoadingNote(self.source_count(), "Who covers each event shows when they "
                              "are in.", id="events-loading")
        else:
            yield self._chart()
        yield KeyBar()

    def _chart(self) -> CoverageChart:
        """Claims per source and year: it needs every source."""
        labels = source_labels(self.corpus)
        top = set(self._busiest[:CHART_SOURCES])
        charted = [a for a in self.sources if a in top]
        return CoverageChart([(a, labels[a]) for a in charted], self.index.years,
                             self.index.by_year, {a: self.index.claims_per_source[a]
                                                  for a in charted},
                             others=len(self.sources) - len(charted), id="events-chart")

    def on_mount(self) -> None:
        self.sub_title = "Events"
        self.wait_for_corpus()
        self._apply_size(self.size.width, self.size.height)
        if not self.loading:
            self._count_later()

    def _count_later(self) -> None:
        if ix.disagreement_counts(self.corpus) is None:
            self.run_worker(self._count_disagreements, thread=True, group="events",
                            exit_on_error=False)

    async def corpus_in(self, corpus: Corpus) -> None:
        self._take(corpus)
        await self.query_one(LoadingNote).remove()
        await self.mount(self._chart(), before=self.query_one(KeyBar))
        self._layout = None  # the source columns join the table
        self._cell_cache.clear()
        self._apply_size(self.size.width, self.size.height)
        self._count_later()

    def on_unmount(self) -> None:
        self.stop_waiting()
        release_closed_views()

    def _count_disagreements(self) -> None:
        counts = ix.warm(self.corpus)
        if counts is not None:  # None only for a warm-up told to stop: this one is not
            self.app.call_from_thread(self._disagreements_counted, counts)

    def _disagreements_counted(self, counts: dict[str, int]) -> None:
        if self.is_attached:
            self.disagreements = counts
            self._cell_cache.clear()
            self._fill()

    def on_resize(self, event: Resize) -> None:
        self._apply_size(event.size.width, event.size.height)

    @property
    def table(self) -> EventsTable:
        return self.query_one(EventsTable)

    # ------------------------------------------------------------------ table
    def _apply_size(self, width: int, height: int) -> None:
        if self.has_class("-short") != (height < SHORT_BELOW):
            self.set_class(height < SHORT_BELOW, "-short")
        label = 10 if width >= WIDE_FROM else 5
        # date 10, sources-count 2, ≠ 1, each column 2 of padding, the scrollbar 2
        fixed = 10 + 2 + 1 + 4 * 2 + 2
        room = max(0, width - fixed - TITLE_MIN)
        n = len(self.sources)
        fit = room // (label + 2)
        if fit < n:  # the last column sums the sources that have none of their own
            fit = max(0, fit - 1)
        extra = 0 if fit >= n else 1
        used = min(fit, n) * (label + 2) + extra * (label + 2)
        layout = (max(12, width - fixed - used), label, min(fit, n))
        if layout != self._layout:
            # Cleared for any change of layout: the title's width repeats every label's
            # width of window, so rows cut for fewer source columns would be shown again.
            self._cell_cache.clear()
            self._layout = layout
            top = set(self._busiest[:layout[2]])
            self.shown_sources = [a for a in self.sources if a in top]
            self._fill(rebuild_columns=True)

    def _fill(self, rebuild_columns: bool = False) -> None:
        if self._layout is None:
            return
        table = self.table
        title_width, label_width, _ = self._layout
        keep = self.event_id or table.cursor_key
        if rebuild_columns and self.loading:  # what the events say; coverage comes later
            table.set_columns([Column("date", "date", 10),
                               Column("event", "event", title_width)])
        elif rebuild_columns:
            columns = [Column("date", "date", 10), Column("event", "event", title_width),
                       Column("n", "#", 2), Column("disagree", "≠", 1)]
            narrow = source_labels(self.corpus, label_width)  # unique at this width
            columns += [Column(aid, narrow[aid], label_width) for aid in self.shown_sources]
            if len(self.shown_sources) < len(self.sources):
                columns.append(Column("others", "others"[:label_width], label_width))
            table.set_columns(columns)
        shown = [r.event.id for r in self.visible_rows()]
        table.set_rows(shown, self._row_cells, cursor_key=keep)
        self._status(len(shown))
        self.event_id = table.cursor_key

    def visible_rows(self) -> list[EventRow]:
        # Blindspots are known once every source is in: until then the filter waits.
        lone = self.blindspots and not self.loading
        return [r for r in self.rows
                if (not lone or r.blindspot) and matches_filter(r, self.query_text)]

    def _row_cells(self, event_id: str) -> list[Cell]:
        """One row's cells for the current layout; asked by the table for rows on screen."""
        title_width, label_width, _ = self._layout or (TITLE_MIN, 5, 0)
        cells = self._cell_cache.get(event_id)
        if cells is None:  # built once per row and layout; filtering only re-shows them
            cells = self._cell_cache[event_id] = self._cells(self.by_id[event_id],
                                                             title_width, label_width)
        return cells

    def _cells(self, row: EventRow, title_width: int, label_width: int) -> list[Cell]:
        lone = "events--blindspot" if row.blindspot else ""
        title = Text(self._fitted_titles(title_width)[row.event.id], no_wrap=True)
        title.truncate(title_width, overflow="ellipsis")  # by cells: wide scripts stay aligned
        if self.loading:
            return [(row.event.date or "n.d.", ""), (title.plain, "")]
        n = row.sources
        cells: list[Cell] = [
            (row.event.date or "n.d.", ""),
            (title.plain, lone),
            (f"{n}◆" if row.blindspot else str(n), lone),
            ("≠" if self.disagreements.get(row.event.id) else "", "events--disagree"),
        ]
        for aid in self.shown_sources:
            count = row.counts.get(aid, 0)
            if count:
                mark = f"●{count}" if count < 100 else "●99+"
                cells.append((mark[:label_width].center(label_width),
                              lone or "events--covered"))
            else:
                cells.append(("·".center(label_width), "events--silent"))
        if len(self.shown_sources) < len(self.sources):  # the other covering sources, summed
            others = len(row.counts) - sum(1 for a in self.shown_sources if a in row.counts)
            cells.append(((f"+{others}" if others else "·").center(label_width),
                          "events--covered" if others else "events--silent"))
        return cells

    def _fitted_titles(self, width: int) -> dict[str, str]:
        """Every event's title cut to ``width``, no two alike (viewmodels.titles)."""
        from briefing.tui.viewmodels.titles import fit_titles

        if self._fitted[0] != width:
            titles = {r.event.id: strip_for_display(r.event.title) for r in self.rows}
            self._fitted = (width, fit_titles(titles, width))
        return self._fitted[1]

    def _status(self, shown: int) -> None:
        total = len(self.rows)
        if self.loading:  # the events are whole in the part loaded first; coverage is not
            parts = [f"{shown} of {total} events" if shown != total else f"{total} events",
                     "coverage loading"]
            self.query_one("#events-status", Static).update(Content("  ·  ".join(parts)))
            return
        lone = self.index.blindspots
        parts = [f"{shown} of {total} events" if shown != total else f"{total} events",
                 "◆ single-source only (b)" if self.blindspots else f"◆ {lone} single-source"]
        self.query_one("#events-status", Static).update(Content("  ·  ".join(parts)))

    def _cursor_event(self) -> str | None:
        return self.table.cursor_key

    # ------------------------------------------------------------------ actions
    @on(EventsTable.Highlighted, "#events-table")
    def _highlighted(self, event: EventsTable.Highlighted) -> None:
        self.event_id = event.key

    @on(EventsTable.Selected, "#events-table")
    def _selected(self, event: EventsTable.Selected) -> None:
        event.stop()
        self.event_id = event.key
        self.action_compare()

    def action_compare(self) -> None:
        event_id = self._cursor_event()
        if event_id is None:
            self.notify("No event matches the filter.", markup=False, timeout=2)
            return
        from briefing.tui.screens.compare import CompareScreen

        self.event_id = event_id
        self.app.push_screen(CompareScreen(self.corpus, event_id, loading=self.loading))

    @on(Input.Changed, "#events-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value
        self.event_id = None  # follow the first match while typing
        # A short debounce: typing a word refills the table once, not once per letter.
        if self._filter_timer is not None:
            self._filter_timer.stop()
        self._filter_timer = self.set_timer(FILTER_DELAY, self._fill)

    @on(Input.Submitted, "#events-filter")
    def _filter_done(self) -> None:
        if self._filter_timer is not None:  # enter applies the filter at once
            self._filter_timer.stop()
            self._filter_timer = None
            self._fill()
        self.table.focus()

    def action_cursor(self, step: int) -> None:
        self.table.move_cursor(self.table.cursor_row + step)

    def action_focus_filter(self) -> None:
        self.query_one("#events-filter", Input).focus()

    def action_toggle_blindspots(self) -> None:
        self.blindspots = not self.blindspots
        if self.loading:  # applied when the table fills in
            self.notify("Single-source events only: shown once every source is in."
                        if self.blindspots else "All events.", markup=False, timeout=2)
            return
        self._fill()

    def action_close(self) -> None:
        if isinstance(self.focused, Input):  # escape leaves the filter first
            self.table.focus()
            return
        self.app.pop_screen()

    def reopen(self) -> "EventsScreen":
        """The same view again (detour: back from the reader comes here)."""
        return EventsScreen(self.corpus, query=self.query_text, blindspots=self.blindspots,
                            event_id=self.event_id, loading=self.loading)
