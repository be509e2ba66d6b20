"""The compare view: one event, every source on it, side by side.

Opened with `c` on a claim in the reader, enter in the events view, "Compare: <event>" in the
command palette, or `briefing read --compare EVENT`.  At the top: the event, who covers it and
who is silent, the figures and dates the sources disagree (≠) or agree (=) on, and the curated
framing words each source uses.  Below: one column per covering source, its distinctive terms
underlined in its quotes.  Columns sit side by side when the terminal is wide and stack when
it is narrow; the layout is chosen from the screen size on every resize.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical, VerticalScroll
from textual.content import Content
from textual.events import Resize
from textual.screen import Screen
from textual.widgets import Static

from briefing.analysis.compare import Comparison
from briefing.analysis.timeline import ordered_events
from briefing.model import Corpus
from briefing.tui.viewmodels.compare import (
    comparison_for, finding_rows, lexicon_rows, short_labels, source_line, when,
)
from briefing.tui.viewmodels.reader import strip_for_display
from briefing.tui import VIEWS_CSS
from briefing.tui.widgets.compare_column import (
    AGREE_STYLE, DISAGREE_STYLE, MUTED, ClaimCard, CompareColumn,
)
from briefing.tui.widgets.key_bar import KeyBar
from briefing.tui.widgets.title_bar import TitleBar

NARROW_BELOW = 100  # columns: below this, sources are stacked sections
COLUMN_MIN = 32  # columns: a source column is never narrower than this when side by side
MAX_COLUMNS = 6


def column_count(width: int, sources: int) -> int:
    """How many source columns fit side by side (1 = stacked)."""
    if width < NARROW_BELOW or sources <= 1:
        return 1
    return max(1, min(sources, MAX_COLUMNS, max(2, width // COLUMN_MIN)))


class CompareBody(VerticalScroll, inherit_bindings=False):
    """The scrolling part of the view: pages with pgup / pgdn, claims move with the arrows."""

    BINDINGS = [
        Binding("pagedown,space", "page_down", "Page down", show=False, id="compare.page_down"),
        Binding("pageup", "page_up", "Page up", show=False, id="compare.page_up"),
    ]


def _terms_text(cell: tuple[tuple[str, int], ...]) -> str:
    return ", ".join(f"{t} ×{n}" if n > 1 else t for t, n in cell)


class CompareScreen(Screen[None]):
    """Every covering source's claims on one event, side by side."""

    CSS_PATH = VIEWS_CSS
    # on_mount focuses the claim `c` was pressed on; Textual's default would first focus the
    # first card, and each move restyles both columns and recomposes the footer (~50 ms).
    AUTO_FOCUS = ""

    # Every key is the screen's (so help lists them); the scrolling body has no arrow keys of
    # its own (CompareBody), else it would take them from the focused claim.
    BINDINGS = [
        Binding("escape,backspace,q", "close", "Back", id="compare.back"),
        Binding("enter", "open", "Open in reader", id="compare.open"),
        Binding("f", "toggle_framing", "Framing", id="compare.framing"),
        Binding("right_square_bracket", "step_event(1)", "Next event", key_display="]",
                id="compare.next_event"),
        Binding("left_square_bracket", "step_event(-1)", "Prev event", key_display="[",
                id="compare.prev_event"),
        Binding("down,j", "move(1)", "Next claim", show=False, id="compare.next"),
        Binding("up,k", "move(-1)", "Prev claim", show=False, id="compare.prev"),
        Binding("right,l", "source(1)", "Next source", id="compare.next_source"),
        Binding("left,h", "source(-1)", "Prev source", id="compare.prev_source"),
        Binding("c", "claim_event", "This claim's next event", show=False,
                id="compare.claim_event"),
    ]

    def __init__(self, corpus: Corpus, event_id: str, claim_id: str | None = None) -> None:
        super().__init__()
        self.corpus = corpus
        self.event_id = event_id
        self.claim_id = claim_id  # the claim to start on (the one `c` was pressed on)
        self.comparison: Comparison = comparison_for(corpus, event_id)  # UnknownEvent if bad
        self.labels = short_labels(corpus)
        try:  # styled for the terminal's size from the start, not restyled on mount
            self.set_classes(self._layout_classes(self.app.size.width))
        except RuntimeError:  # NoActiveAppError: built outside an app; on_mount applies them
            pass
        self._scrolled_since_layout = False
        # The claim we moved to: focus() takes effect a moment later, and keys pressed in a
        # row must each move on from where the previous one went.
        self._current: ClaimCard | None = None

    # ------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        result = self.comparison
        yield TitleBar()
        with Vertical(id="compare-head"):
            yield Static(self._title(), id="compare-title")
            yield Static(self._coverage_line(), id="compare-meta")
            yield Static(self._findings(), id="compare-findings")
        with CompareBody(id="compare-body"):
            if result.event.summary:
                yield Static(Content(strip_for_display(result.event.summary)),
                             id="compare-summary")
            yield from self._lexicon()
            with Grid(id="compare-columns"):
                for source in result.sources:
                    if not source.covers:
                        continue
                    article = self.corpus.articles[source.article]
                    yield CompareColumn(result, article, source.claims,
                                        result.framing.get(source.article, []), self.labels,
                                        self.corpus.events)
            yield Static(self._silent(), id="compare-silent")
        yield KeyBar()

    def _title(self) -> Content:
        event = self.comparison.event
        return Content.assemble(("Compare  ", "bold $text-accent"),
                                (strip_for_display(event.title), "bold"),
                                (f"  {when(event)}", MUTED))

    def _coverage_line(self) -> Content:
        result = self.comparison
        covering, silent = result.covering, result.not_covering
        total = len(result.sources)
        parts: list[Content | str | tuple[str, str]] = [
            (f"{len(covering)} of {total} sources cover it", "bold")]
        if len(covering) == 1:
            parts.append(("  ◆ single source (blindspot)", "bold $text-warning"))
        parts.append(("  ·  not covering: ", MUTED))
        parts.append(", ".join(self.labels[a] for a in silent) if silent else "none")
        return Content.assemble(*parts)

    def _findings(self) -> Content:
        rows = finding_rows(self.comparison)
        if not rows:
            return Content.styled("No figure or date given by two sources on this event.", MUTED)
        lines: list[Content] = []
        for row in rows:
            disagree = row.verdict == "disagree"
            style = DISAGREE_STYLE if disagree else AGREE_STYLE
            values = Content("  ").join(
                Content.assemble((self.labels.get(a, a), MUTED), " ", (v, "bold"))
                for a, _claim, v in row.values)
            lines.append(Content.assemble(
                ("≠ differ  " if disagree else "= agree   ", f"bold {style}"),
                (row.key, style), ": ", values))
        return Content("\n").join(lines)

    def _lexicon(self) -> ComposeResult:
        rows = lexicon_rows(self.comparison)
        covering = self.comparison.covering
        if not rows or not covering:
            return
        yield Static(Content.styled("Framing words (curated lexicon), by source  (f hides)",
                                    "bold"), classes="compare-section", id="lexicon-title")
        # Wide: a grid, one column per source, so word choices line up side by side.
        with Grid(id="lexicon-grid", classes=f"-n{min(len(covering), MAX_COLUMNS)}"):
            yield Static(Content(""), classes="lex-head")
            for aid in covering[:MAX_COLUMNS]:
                yield Static(Content.styled(self.labels[aid], "bold"), classes="lex-head")
            for row in rows:
                yield Static(Content.styled(strip_for_display(row.label), "italic"),
                             classes="lex-label")
                for aid in covering[:MAX_COLUMNS]:
                    cell = row.cells.get(aid)
                    yield Static(Content(_terms_text(cell)) if cell else Content.styled("·", MUTED),
                                 classes="lex-cell")
        # Narrow: the same, one paragraph per group ("label: source terms · source terms"),
        # so the claims below are a few lines away rather than a screen.
        lines: list[Content] = []
        for row in rows:
            uses = Content("  ·  ").join(
                Content.assemble((self.labels[aid], "bold"), " ", _terms_text(row.cells[aid]))
                for aid in covering if aid in row.cells)
            lines.append(Content.assemble((strip_for_display(row.label), "italic"), ": ", uses))
        yield Static(Content("\n").join(lines), id="lexicon-list")

    def _silent(self) -> Content:
        silent = self.comparison.not_covering
        if not silent:
            return Content.styled("Every source in the briefing covers this event.", MUTED)
        lines = [Content.styled("Not covering this event", "bold")]
        for aid in silent:
            article = self.corpus.articles[aid]
            lines.append(Content.assemble(
                ("  " + self.labels[aid].ljust(11), "bold"), strip_for_display(article.title),
                (f"  {strip_for_display(source_line(article))}", MUTED)))
        return Content("\n").join(lines)

    def on_mount(self) -> None:
        self.sub_title = "Compare"
        self.query_one("#compare-body").can_focus = False
        self._apply_layout(self.size.width)
        cards = self.cards
        start = next((c for c in cards if c.claim.id == self.claim_id), None)
        if start is not None:  # the claim `c` was pressed on: bring it into view
            self._current = start
            start.focus(scroll_visible=False)
            self.call_after_refresh(self._reveal, start, True)
        elif cards:  # otherwise stay at the top, where the findings and framing words are
            self._current = cards[0]
            cards[0].focus(scroll_visible=False)

    def on_resize(self, event: Resize) -> None:
        self._apply_layout(event.size.width)

    def _layout_classes(self, width: int) -> set[str]:
        n = column_count(width, len(self.comparison.covering))
        classes = {f"-cols-{n}"}
        if width < NARROW_BELOW:
            classes.add("-narrow")
        if width >= 160:
            classes.add("-wide")
        return classes

    def _apply_layout(self, width: int) -> None:
        """Size classes, changed in one go: each class change restyles the whole view."""
        wanted = self._layout_classes(width)
        mine = {c for c in self.classes if c.startswith("-cols-") or c in ("-narrow", "-wide")}
        if wanted != mine:
            self.set_classes((set(self.classes) - mine) | wanted)

    # ------------------------------------------------------------------ moving
    @property
    def columns(self) -> list[CompareColumn]:
        return list(self.query(CompareColumn))

    @property
    def cards(self) -> list[ClaimCard]:
        return list(self.query(ClaimCard))

    @property
    def _body(self) -> VerticalScroll:
        return self.query_one("#compare-body", VerticalScroll)

    def _visible(self, card: ClaimCard) -> bool:
        if self._scrolled_since_layout:
            return True  # regions are from before our last scroll: trust that scroll
        region, body = card.region, self._body.content_region
        return bool(region) and region.y < body.bottom and region.bottom > body.y

    def _reveal(self, card: ClaimCard, top: bool = False) -> None:
        """Scroll the body so ``card`` shows (at the top with ``top``, else minimally)."""
        self._body.scroll_to_widget(card, animate=False, top=top, immediate=True)
        # Screen regions are stale until the next layout; keys pressed quickly in a row
        # (a held j) must not take the card for hidden and scroll to it again.
        self._scrolled_since_layout = True
        self.call_after_refresh(self._layout_done)

    def _layout_done(self) -> None:
        self._scrolled_since_layout = False

    def _focused_card(self) -> ClaimCard | None:
        if self._current is not None and self._current.is_attached:
            return self._current
        return self.focused if isinstance(self.focused, ClaimCard) else None

    def on_descendant_focus(self, event) -> None:
        if isinstance(event.widget, ClaimCard):  # tab, a click: follow it
            self._current = event.widget

    def _focus(self, card: ClaimCard) -> None:
        self._current = card
        card.focus(scroll_visible=False)
        self._reveal(card)

    def action_move(self, step: int) -> None:
        """Next / previous claim in reading order: down a column, then on to the next one."""
        cards = self.cards
        if not cards:
            return
        current = self._focused_card()
        if current is not None and not self._visible(current):
            self._reveal(current)  # first show where the focus is
            return
        index = cards.index(current) if current in cards else -1
        target = index + step
        if target < 0:
            self._body.scroll_home(animate=False)
            return
        if target < len(cards):
            self._focus(cards[target])

    def action_source(self, step: int) -> None:
        """The neighbouring source's column, at the same position (or its last claim)."""
        columns = [c for c in self.columns if c.cards]
        if not columns:
            return
        current = self._focused_card()
        col = next((i for i, c in enumerate(columns) if current in c.cards), 0)
        row = columns[col].cards.index(current) if current is not None else 0
        target = col + step
        if 0 <= target < len(columns):
            cards = columns[target].cards
            self._focus(cards[min(row, len(cards) - 1)])

    def action_claim_event(self) -> None:
        """Compare the next of the current claim's events (a claim can be about several)."""
        card = self._focused_card()
        events = [e for e in (card.claim.events if card else []) if e in self.corpus.events]
        if card is None or len(events) < 2:
            self.notify("This claim is about this event only.", markup=False, timeout=2)
            return
        pos = events.index(self.event_id) if self.event_id in events else -1
        target = events[(pos + 1) % len(events)]
        self.app.switch_screen(CompareScreen(self.corpus, target, card.claim.id))

    def action_toggle_framing(self) -> None:
        """Hide or show the framing words (and the summary), to see more claims at once."""
        self.toggle_class("-hide-framing")

    def action_step_event(self, step: int) -> None:
        """Previous / next event in date order, in place (back still leaves the comparison)."""
        order = [e.id for e in ordered_events(self.corpus)]
        pos = order.index(self.event_id) if self.event_id in order else -1
        target = pos + step
        if 0 <= target < len(order):
            self.app.switch_screen(CompareScreen(self.corpus, order[target]))
        else:
            self.notify("No more events in this direction.", markup=False, timeout=2)

    # ------------------------------------------------------------------ leaving
    def action_open(self) -> None:
        card = self._focused_card()
        if card is not None:
            card.post_message(ClaimCard.Open(card))

    @on(ClaimCard.Open)
    def _open_claim(self, message: ClaimCard.Open) -> None:
        message.stop()
        from briefing.tui.screens.detour import open_in_reader
        from briefing.tui.widgets.claim_panel import claim_location

        claim = message.card.claim
        if not claim.paragraph_id:
            self.notify("This claim is not anchored to a passage.", markup=False)
            return
        self.claim_id = claim.id  # come back to this claim
        open_in_reader(self.app, claim_location(self.corpus, claim))

    def reopen(self) -> "CompareScreen":
        """A fresh comparison in the same state (detour: back from the reader comes here)."""
        card = self._focused_card()
        return CompareScreen(self.corpus, self.event_id,
                             card.claim.id if card is not None else self.claim_id)

    def action_close(self) -> None:
        self.app.pop_screen()
