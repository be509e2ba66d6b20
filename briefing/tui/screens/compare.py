"""The compare view: one event, its sources side by side, their claims in view from the start.

Opened with `c` on a claim in the reader (the event gone to with `g` if the claim is about
it), enter in the events view, "Compare: <event>" in the command palette, or
`briefing read --compare EVENT`.  At the top, compact: the event, who covers it, then the
disagreements, titles that differ, go-betweens and hand marks, then compatible values and
agreements.  Below: one column per covering source, as many as fit, each with a header that
stays (who, what, the framing words it uses, folded to one line) over its claims, which
scroll on their own.  ← → page through the sources; `f` opens the whole lexicon, the summary
and the silent sources; `d` marks a disagreement by hand between two claims.

What it shows about the event comes from the analysis done once per event in the background
(viewmodels.event_index.warm); if that has not reached this event yet, the claims show at
once and the findings a moment later.
"""

from __future__ import annotations

from itertools import islice

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical, VerticalScroll
from textual.content import Content
from textual.events import Resize
from textual.widgets import OptionList, Static

from briefing.analysis.compare import UnknownEvent
from briefing.analysis.event_analysis import EventAnalysis
from briefing.analysis.timeline import ordered_events
from briefing.model import Claim, Corpus
from briefing.tui import VIEWS_CSS
from briefing.tui.keys import KeyGroup
from briefing.tui.memory import release_closed_views
from briefing.tui.corpus_wait import LoadingNote, WaitsForCorpus
from briefing.tui.viewmodels import event_index as ix
from briefing.tui.viewmodels.event_index import event_to_compare  # noqa: F401 (reader's c)
from briefing.tui.viewmodels.compare import (
    FindingLine, also_about, claim_notes, claims_on, distinctive, finding_lines,
    lexicon_by_group, lexicon_by_source, marked_against, marks_on_event, office_claims,
    source_line, terms_text, when,
)
from briefing.tui.viewmodels.reader import strip_for_display
from briefing.tui.viewmodels.source_labels import source_labels
from briefing.tui.widgets.compare_column import (
    AGREE_STYLE, COMPATIBLE_STYLE, DISAGREE_STYLE, MUTED, ClaimList, ClaimView, ColumnData,
    CompareColumn,
)
from briefing.tui.widgets.key_bar import KeyBar
from briefing.tui.widgets.title_bar import TitleBar

COLUMN_MIN = 38  # a source column is never narrower than this (two fit at 80 columns)
MAX_COLUMNS = 6
SILENT_NAMED = 6  # sources named in the coverage line; the rest are counted
VERDICT_STYLE = {"disagreement": DISAGREE_STYLE, "title": DISAGREE_STYLE,
                 "go-between": DISAGREE_STYLE, "marked": DISAGREE_STYLE,
                 "compatible": COMPATIBLE_STYLE, "agreement": AGREE_STYLE}
VERDICT_WORD = {"disagreement": "≠ differ", "title": "≠ title", "go-between": "≠ brokered",
                "marked": "✎ marked", "compatible": "≈ fits", "agreement": "= agree"}


def column_count(width: int, sources: int) -> int:
    """How many source columns fit side by side (at least one)."""
    return max(1, min(sources, MAX_COLUMNS, width // COLUMN_MIN))


def findings_room(height: int) -> int:
    """Lines of findings shown folded: the claims keep most of the screen."""
    return 3 if height < 30 else 6


class CompareScreen(KeyGroup, WaitsForCorpus):
    """Every covering source's claims on one event, side by side."""

    HELP_GROUP = "Compare view"

    CSS_PATH = VIEWS_CSS
    AUTO_FOCUS = ""  # on_mount focuses the column of the claim `c` was pressed on

    # Every key is the screen's (so help and keymaps list them); the claim lists have none.
    BINDINGS = [
        Binding("escape,backspace,q", "close", "Back", id="compare.back"),
        Binding("enter", "open", "Open in reader", id="compare.open"),
        Binding("f", "toggle_framing", "Framing", id="compare.framing"),
        Binding("right_square_bracket", "step_event(1)", "Next event", key_display="]",
                id="compare.next_event"),
        Binding("left_square_bracket", "step_event(-1)", "Prev event", key_display="[",
                id="compare.prev_event"),
        Binding("d", "mark", "Mark disagreement", id="compare.mark"),
        Binding("down,j", "move(1)", "Next claim", show=False, id="compare.next"),
        Binding("up,k", "move(-1)", "Prev claim", show=False, id="compare.prev"),
        Binding("right,l", "source(1)", "Next source", id="compare.next_source"),
        Binding("left,h", "source(-1)", "Prev source", id="compare.prev_source"),
        Binding("pagedown,space", "page(1)", "Page down", show=False, id="compare.page_down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="compare.page_up"),
        Binding("c", "claim_event", "This claim's next event", show=False,
                id="compare.claim_event"),
    ]

    def __init__(self, corpus: Corpus, event_id: str, claim_id: str | None = None, *,
                 loading: bool = False) -> None:
        """``loading``: ``corpus`` is the part of a cached start-up loaded so far (it has every
        event, not every source); the view shows the event at once and its sources when the
        app's corpus_signal brings the rest (corpus_wait.py)."""
        super().__init__()
        event = corpus.events.get(event_id)
        if event is None:
            raise UnknownEvent(event_id)
        self.corpus = corpus
        self.event = event
        self.event_id = event_id
        self.claim_id = claim_id  # the claim to start on (the one `c` was pressed on)
        self.loading = loading
        self.set_class(loading, "-loading")
        self.covering: list[str] = []
        self.labels: dict[str, str] = {}
        self.analysis: EventAnalysis | None = None
        self.marks = []  # hand marks on this event's claims, read from the store on mount
        self.picking: str | None = None  # first claim of a hand mark being made
        self._current_list: ClaimList | None = None
        self._columns: list[CompareColumn] = []
        self._silent_shown = False  # the silent sources, listed once the details open
        self.first = 0  # the first source shown (columns page through `covering`)
        self.n_columns = 1
        try:
            width, height = self.app.size
        except RuntimeError:  # NoActiveAppError: built outside an app
            width, height = 80, 24
        self._room = findings_room(height)
        if not loading:
            self._take(corpus, width)

    def _take(self, corpus: Corpus, width: int) -> None:
        """Everything the view shows about the event, from the whole corpus."""
        self.corpus = corpus
        self.event = corpus.events[self.event_id]
        row = ix.event_index(corpus).row(self.event_id)
        self.covering = list(row.counts) if row is not None else []
        self.labels = source_labels(corpus)
        self.analysis = ix.analysed(corpus, self.event_id)
        claim = corpus.claims.get(self.claim_id or "")
        if claim is not None and claim.article_id in self.covering:
            self.first = self.covering.index(claim.article_id)
        self.n_columns = column_count(width, len(self.covering))
        self.first = max(0, min(self.first, len(self.covering) - self.n_columns))
        self._read_marks()

    # ------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        yield TitleBar()
        with Vertical(id="compare-head"):
            yield Static(self._title(), id="compare-title")
            yield Static(self._findings(), id="compare-findings")
        with VerticalScroll(id="compare-details"):
            yield Static(self._lexicon(), id="compare-lexicon")
            if self.event.summary:
                yield Static(Content(strip_for_display(self.event.summary)),
                             id="compare-summary")
            # Filled when the details first open (`f`): up to 200 lines nobody sees before.
            yield Static(Content(""), id="compare-silent")
        if self.loading:
            yield LoadingNote(self.source_count(),
                              "their claims on this event show when they are in.",
                              id="compare-loading")
            yield KeyBar()
            return
        self._columns = [CompareColumn(i, self._column_data(self.first + i))
                         for i in range(self.n_columns)]
        with Grid(id="compare-columns", classes=f"-cols-{self.n_columns}"):
            for column in self._columns:  # a row of headers over a row of lists
                yield column.head
            for column in self._columns:
                yield column.claims
        yield KeyBar()

    def _title(self) -> Content:
        event, covering = self.event, self.covering
        line = [("Compare  ", "bold $text-accent"), (strip_for_display(event.title), "bold"),
                (f"  {when(event)}", MUTED)]
        if self.loading:  # who covers it is known once every source is in
            return Content.assemble(*line)
        silent = len(self.corpus.articles) - len(covering)
        cover: list = [(f"{len(covering)} of {len(self.corpus.articles)} sources cover it",
                        "bold")]
        if len(covering) == 1:
            cover.append(("  ◆ single source (blindspot)", "bold $text-warning"))
        covered = set(covering)
        names = list(islice((self.labels[a] for a in self.corpus.articles if a not in covered),
                            SILENT_NAMED))
        shown = ", ".join(names) + (f" and {silent - SILENT_NAMED} more"
                                                   if silent > SILENT_NAMED else "")
        cover.append(("  ·  not covering: ", MUTED))
        cover.append(shown or "none")
        return Content.assemble(*line) + Content("\n") + Content.assemble(*cover)

    def _silent(self) -> Content:
        covered = set(self.covering)
        silent = [a for a in self.corpus.articles if a not in covered]
        if not silent:
            return Content.styled("Every source in the briefing covers this event.", MUTED)
        lines = [Content.styled("Not covering this event", "bold")]
        for aid in silent[:200]:
            article = self.corpus.articles[aid]
            lines.append(Content.assemble(
                ("  " + self.labels[aid].ljust(17), "bold"), strip_for_display(article.title),
                (f"  {strip_for_display(source_line(article))}", MUTED)))
        if len(silent) > 200:
            lines.append(Content.styled(f"  and {len(silent) - 200} more", MUTED))
        return Content("\n").join(lines)

    def on_mount(self) -> None:
        self._page_line()
        self.wait_for_corpus()
        if not self.loading:
            self._start()

    def _start(self) -> None:
        """Focus the claim `c` was pressed on and fetch the analysis if not done yet."""
        self._page_line()
        column = self._column_of(self.claim_id)
        if column is not None:
            self._focus_claim(self.claim_id)
        elif self.columns:
            self._current_list = self.columns[0].claims
            self._current_list.focus(scroll_visible=False)
        if self.analysis is None:
            self.run_worker(self._analyse, thread=True, exclusive=True, group="compare",
                            exit_on_error=False)

    async def corpus_in(self, corpus: Corpus) -> None:
        if self.event_id not in corpus.events:  # a reload after an edit removed it
            self.query_one(LoadingNote).failed("This event is no longer in the briefing "
                                               "(escape goes back).")
            return
        self._take(corpus, self.size.width or self.app.size.width)
        self.remove_class("-loading")
        await self.recompose()
        if self.has_class("-details"):  # `f` pressed while loading
            self._silent_shown = True
            self.query_one("#compare-silent", Static).update(self._silent())
        self._start()

    def on_unmount(self) -> None:
        self.stop_waiting()
        release_closed_views()

    def _analyse(self) -> None:
        result = ix.analyse(self.corpus, self.event_id)
        self.app.call_from_thread(self._analysed, result)

    def _analysed(self, result: EventAnalysis) -> None:
        if not self.is_attached:
            return
        self.analysis = result
        self._show_findings()
        self._fill_columns()

    async def on_resize(self, event: Resize) -> None:
        if self.loading:
            return
        wanted = column_count(event.size.width, len(self.covering))
        if findings_room(event.size.height) != self._room:
            self._show_findings()
        if wanted == self.n_columns:
            return
        focused = self.current_claim
        self.n_columns = wanted
        self.first = max(0, min(self.first, len(self.covering) - wanted))
        box = self.query_one("#compare-columns")
        await box.remove_children()
        self._columns = [CompareColumn(i, self._column_data(self.first + i))
                         for i in range(wanted)]
        box.set_classes(f"-cols-{wanted}")
        await box.mount_all([c.head for c in self._columns] + [c.claims for c in self._columns])
        self._page_line()
        self._focus_claim(focused.id if focused else None)

    # ------------------------------------------------------------------ what is shown
    def _read_marks(self) -> None:
        try:
            store = self.app.store
        except RuntimeError:  # NoActiveAppError: built outside an app, no store to read
            return
        if store is None:
            return
        from briefing.store.marks import marks

        try:
            self.marks = marks_on_event(marks(store), self.corpus, self.event_id)
        except Exception as exc:  # a store another process broke: say so, show the rest
            self.notify(f"Hand marks not read: {exc}", severity="warning", markup=False)

    def _show_findings(self) -> None:
        self._room = findings_room(self.size.height or self.app.size.height)
        self.query_one("#compare-findings", Static).update(self._findings())
        self.query_one("#compare-lexicon", Static).update(self._lexicon())

    def _findings(self) -> Content:
        if self.analysis is None:
            return Content.styled("Analysing the sources…", MUTED)
        lines = [self._finding_line(f) for f in
                 finding_lines(self.analysis, self.labels, self.marks, self.corpus)]
        if not lines:
            lines = [Content.styled("No figure, date or title given differently by two "
                                    "sources; nothing marked by hand.", MUTED)]
        if not self.analysis.has_distinctive_terms:
            lines.append(Content.styled("Distinctive terms: none significant on this event "
                                        "(no term reaches z ≥ 1.96).", MUTED))
        room = self._room
        if not self.has_class("-details") and len(lines) > room:
            more = len(lines) - room + 1
            lines = lines[:room - 1] + [Content.styled(f"… {more} more (f shows all)", MUTED)]
        return Content("\n").join(lines)

    def _finding_line(self, line: FindingLine) -> Content:
        style = VERDICT_STYLE[line.verdict]
        sides = Content("  ").join(Content.assemble((label, MUTED), " ",
                                                    (strip_for_display(said), "bold"))
                                   for label, said in line.sides)
        parts = [(VERDICT_WORD[line.verdict].ljust(11), f"bold {style}"),
                 (strip_for_display(line.key), style), ": ", sides]
        if line.note:
            parts.append((f"  “{strip_for_display(line.note)}”", "italic"))
        return Content.assemble(*parts)

    def _lexicon(self) -> Content:
        if self.analysis is None:
            return Content("")
        lexicon = self.corpus.lexicon
        labels = {g.group: g.label for g in lexicon.groups} if lexicon is not None else {}
        rows = lexicon_by_group(self.analysis, labels)
        if not rows:
            return Content.styled("Framing words: no curated lexicon word in these sources' "
                                  "sentences on the event.", MUTED)
        lines = [Content.styled("Framing words (curated lexicon), by group and source  (f folds)",
                                "bold")]
        for label, per in rows:
            uses = Content("  ·  ").join(
                Content.assemble((self.labels.get(a, a), "bold"), " ", terms_text(terms))
                for a, terms in per.items())
            lines.append(Content.assemble((strip_for_display(label), "italic"), ": ", uses))
        return Content("\n").join(lines)

    def _claim_views(self, article_id: str) -> list[ClaimView]:
        analysis, events = self.analysis, self.corpus.events
        titled = office_claims(analysis) if analysis is not None else set()
        views = []
        for claim in claims_on(self.corpus, article_id, self.event_id):
            views.append(ClaimView(
                claim,
                tuple(claim_notes(analysis, claim, self.labels)) if analysis else (),
                tuple(marked_against(self.marks, claim.id)),
                claim.id in titled,
                tuple(also_about(claim, self.event_id, events)),
                claim.id == self.picking))
        return views

    def _column_data(self, position: int) -> ColumnData | None:
        if not 0 <= position < len(self.covering):
            return None
        aid = self.covering[position]
        analysis = self.analysis
        return ColumnData(self.corpus.articles[aid], self.labels[aid], self._claim_views(aid),
                          distinctive(analysis, aid) if analysis is not None else [],
                          lexicon_by_source(analysis).get(aid, []) if analysis is not None
                          else [])

    def _fill_columns(self) -> None:
        for i, column in enumerate(self.columns):
            data = self._column_data(self.first + i)
            column.display = data is not None
            if data is not None:
                column.show(data)
        self._page_line()

    def _page_line(self) -> None:
        total = len(self.covering)
        if total > self.n_columns:
            last = min(total, self.first + self.n_columns)
            self.sub_title = f"Compare · sources {self.first + 1}-{last} of {total} (← →)"
        else:
            self.sub_title = "Compare"

    # ------------------------------------------------------------------ moving
    @property
    def columns(self) -> list[CompareColumn]:
        return self._columns

    def _position(self, lst: ClaimList) -> int:
        return next(i for i, c in enumerate(self._columns) if c.claims is lst)

    def _column_of(self, claim_id: str | None) -> CompareColumn | None:
        claim = self.corpus.claims.get(claim_id or "")
        if claim is None:
            return None
        return next((c for c in self.columns
                     if c.display and c.article is not None and c.article.id == claim.article_id),
                    None)

    @property
    def current_list(self) -> ClaimList | None:
        # The list moved to last: focus() takes effect a moment later, and keys pressed in a
        # row must each move on from where the previous one went.
        mine = self._current_list
        if mine is not None and mine.is_attached and mine.display:
            return mine
        if isinstance(self.focused, ClaimList):
            return self.focused
        shown = [c for c in self.columns if c.display]
        return shown[0].claims if shown else None

    @property
    def current_claim(self) -> Claim | None:
        lst = self.current_list
        cid = lst.claim_id if lst is not None else None
        return self.corpus.claims.get(cid) if cid else None

    def _focus_claim(self, claim_id: str | None) -> None:
        column = self._column_of(claim_id)
        if column is None:
            return
        column.claims.go_to(claim_id)
        column.claims.focus(scroll_visible=False)
        self._current_list = column.claims
        # Before the first layout the list has no size to scroll in: again once it has.
        self.call_after_refresh(column.claims.scroll_to_highlight)

    def action_move(self, step: int) -> None:
        """Next / previous claim; past a column's end, on to the next source's first."""
        lst = self.current_list
        if lst is None or not lst.option_count:
            return
        index = lst.highlighted if lst.highlighted is not None else -1
        target = index + step
        if 0 <= target < lst.option_count:
            lst.highlighted = target
            return
        pos = self.first + self._position(lst)
        other = pos + (1 if step > 0 else -1)
        if 0 <= other < len(self.covering):
            claims = claims_on(self.corpus, self.covering[other], self.event_id)
            self._show_source(other, claims[0 if step > 0 else -1].id)

    def action_page(self, step: int) -> None:
        lst = self.current_list
        if lst is not None:
            (lst.action_page_down if step > 0 else lst.action_page_up)()

    def action_source(self, step: int) -> None:
        """The neighbouring source, at the same position (or its last claim); pages the
        columns when it is off screen."""
        lst = self.current_list
        if lst is None:
            return
        pos = self.first + self._position(lst)
        target = pos + step
        if not 0 <= target < len(self.covering):
            return
        row = lst.highlighted or 0
        claims = claims_on(self.corpus, self.covering[target], self.event_id)
        self._show_source(target, claims[min(row, len(claims) - 1)].id)

    def _show_source(self, position: int, claim_id: str) -> None:
        if position < self.first:
            self.first = position
            self._fill_columns()
        elif position >= self.first + self.n_columns:
            self.first = position - self.n_columns + 1
            self._fill_columns()
        self._focus_claim(claim_id)

    def action_claim_event(self) -> None:
        """Compare the next of the current claim's events (a claim can be about several)."""
        if self.still_loading():
            return
        claim = self.current_claim
        events = [e for e in (claim.events if claim else []) if e in self.corpus.events]
        if claim is None or len(events) < 2:
            self.notify("This claim is about this event only.", markup=False, timeout=2)
            return
        pos = events.index(self.event_id) if self.event_id in events else -1
        target = events[(pos + 1) % len(events)]
        self.app.switch_screen(CompareScreen(self.corpus, target, claim.id))

    def action_toggle_framing(self) -> None:
        """Open or fold the whole lexicon, the summary, every finding and the silent sources."""
        self.toggle_class("-details")
        if self.loading:  # the details fill in with the sources
            return
        if self.has_class("-details") and not self._silent_shown:
            self._silent_shown = True
            self.query_one("#compare-silent", Static).update(self._silent())
        self._show_findings()

    def action_step_event(self, step: int) -> None:
        """Previous / next event in date order, in place (back still leaves the comparison)."""
        order = [e.id for e in ordered_events(self.corpus)]
        pos = order.index(self.event_id) if self.event_id in order else -1
        target = pos + step
        if 0 <= target < len(order):
            self.app.switch_screen(CompareScreen(self.corpus, order[target],
                                                 loading=self.loading))
        else:
            self.notify("No more events in this direction.", markup=False, timeout=2)

    # ------------------------------------------------------------------ marking by hand
    def action_mark(self) -> None:
        """`d` on a claim, then `d` on another: a disagreement marked by hand, with a note."""
        if self.still_loading():
            return
        claim = self.current_claim
        if claim is None:
            return
        if self.picking is None or self.picking == claim.id:
            cancelled = self.picking == claim.id
            self.picking = None if cancelled else claim.id
            self._fill_columns()
            self._focus_claim(claim.id)
            self.notify("Mark cancelled." if cancelled else
                        "Now move to the claim it disagrees with and press d (escape cancels).",
                        markup=False, timeout=3)
            return
        first = self.corpus.claims[self.picking]
        from briefing.tui.dialogs.mark_disagreement import MarkDisagreementScreen

        self.app.push_screen(MarkDisagreementScreen(first, claim),
                             lambda note: self._save_mark(first, claim, note))

    def _save_mark(self, first: Claim, second: Claim, note: str | None) -> None:
        if note is None:
            return  # cancelled: still picking, another claim can be chosen
        store = self.app.store
        if store is None:
            self.notify(f"Not saved: {self.app.store_problem or 'no annotation store'}",
                        severity="error", markup=False)
            return
        from briefing.store.errors import StoreError
        from briefing.store.marks import mark

        try:
            mark(store, first.id, second.id, note, quotes=(first.quote, second.quote))
        except (StoreError, ValueError) as exc:
            self.notify(f"Not saved: {exc}", severity="error", markup=False)
            return
        self.picking = None
        self._read_marks()
        self._show_findings()
        self._fill_columns()
        self._focus_claim(second.id)
        self.notify(f"Marked: {first.id} ≠ {second.id}", markup=False, timeout=2)

    # ------------------------------------------------------------------ leaving
    def action_open(self) -> None:
        if self.still_loading():
            return
        claim = self.current_claim
        if claim is not None:
            self._open_claim(claim)

    @on(OptionList.OptionSelected)
    def _selected(self, message: OptionList.OptionSelected) -> None:
        message.stop()
        claim = self.corpus.claims.get(message.option.id or "")
        if claim is not None:
            self._open_claim(claim)

    def _open_claim(self, claim: Claim) -> None:
        from briefing.tui.screens.detour import open_in_reader
        from briefing.tui.widgets.claim_panel import claim_location

        if not claim.paragraph_id:
            self.notify("This claim is not anchored to a passage.", markup=False)
            return
        self.claim_id = claim.id  # come back to this claim
        open_in_reader(self.app, claim_location(self.corpus, claim))

    def reopen(self) -> "CompareScreen":
        """A fresh comparison in the same state (detour: back from the reader comes here)."""
        claim = self.current_claim
        return CompareScreen(self.corpus, self.event_id,
                             claim.id if claim is not None else self.claim_id,
                             loading=self.loading)

    def action_close(self) -> None:
        if self.picking is not None:  # escape first cancels a mark being made
            self.picking = None
            self._fill_columns()
            return
        self.app.pop_screen()

    def on_descendant_focus(self, event) -> None:
        if isinstance(event.widget, ClaimList):  # tab, a click: follow it
            self._current_list = event.widget
