"""The events view's table: a header line over rows, drawn line by line (Textual's Line API).

Textual's DataTable measures and renders every cell of every row whenever its rows change
(201k cell measurements at 1,000 sources before columns were cut to what fits, still the
whole first paint at 5,000); this widget asks for a row's cells only when the row is on
screen, so opening the view costs the rows that show, however many events there are.

Cells are plain strings with the name of a component class for their colour: nothing is
parsed as markup, a cell with a control character is cleaned (event titles and source labels
are untrusted; the screen cleans them first), and colours come from the stylesheet, so themes
apply.  The cursor is a whole row; the header stays on the first line while the rows scroll
under it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style as RichStyle
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from briefing.text import clean_line

Cell = tuple[str, str]  # (text, component class for its colour, or "")
PADDING = 1  # cells of space on each side of a column


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    label: str
    width: int  # cells of content, without the padding


class _RowMessage(Message):
    """About one row of a table, named by its key."""

    def __init__(self, table: "EventsTable", key: str | None) -> None:
        super().__init__()
        self.table = table
        self.key = key

    @property
    def control(self) -> "EventsTable":
        return self.table


class EventsTable(ScrollView, can_focus=True):
    """Rows of cells under a fixed header, one row highlighted; enter or a click selects."""

    COMPONENT_CLASSES = {
        "events--header", "events--cursor", "events--even-row",
        "events--covered", "events--blindspot", "events--silent", "events--disagree",
    }
    BINDINGS = [
        Binding("enter", "select", "Select", show=False),
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("pageup", "page(-1)", "Page up", show=False),
        Binding("pagedown", "page(1)", "Page down", show=False),
        Binding("home", "edge(0)", "First", show=False),
        Binding("end", "edge(1)", "Last", show=False),
    ]

    class Highlighted(_RowMessage):
        """The cursor moved to another row (``key`` is None when no row is left)."""

    class Selected(_RowMessage):
        """A row was chosen: enter, or a click on the highlighted row."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.columns: list[Column] = []
        self.row_keys: list[str] = []
        self._cells: Callable[[str], list[Cell]] = lambda key: []
        self.cursor_row = 0
        self._strips: dict[tuple[str, str], Strip] = {}  # (row key, row style) -> line

    # ------------------------------------------------------------------ data
    @property
    def row_count(self) -> int:
        return len(self.row_keys)

    @property
    def cursor_key(self) -> str | None:
        return self.row_keys[self.cursor_row] if self.row_keys else None

    def set_columns(self, columns: list[Column]) -> None:
        self.columns = columns
        self.forget_lines()

    def set_rows(self, keys: list[str], cells: Callable[[str], list[Cell]],
                 cursor_key: str | None = None) -> None:
        """Show ``keys`` in order; ``cells(key)`` is asked for a row's cells when it shows.
        The cursor goes to ``cursor_key`` if it is among them, else to the first row."""
        self.row_keys = keys
        self._cells = cells
        self.forget_lines()
        self.virtual_size = Size(self.scrollable_content_region.width, len(keys) + 1)
        self._move_to(keys.index(cursor_key) if cursor_key in keys else 0, force=True)

    def row_cells(self, key: str) -> list[str]:
        """The texts of one row, as drawn."""
        return [text for text, _ in self._cells(key)]

    def forget_lines(self) -> None:
        """Draw every line afresh (the data, the layout or the theme changed)."""
        self._strips.clear()
        self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    # ------------------------------------------------------------------ cursor
    def move_cursor(self, row: int) -> None:
        self._move_to(row)

    def _move_to(self, row: int, force: bool = False) -> None:
        row = max(0, min(row, self.row_count - 1)) if self.row_keys else 0
        if row == self.cursor_row and not force:
            return
        old = self.cursor_row
        self.cursor_row = row
        self._scroll_to_cursor()
        self._refresh_row(old)
        self._refresh_row(row)
        self.post_message(self.Highlighted(self, self.cursor_key))

    def _page(self) -> int:
        return max(1, self.scrollable_content_region.height - 1)  # less the header

    def _scroll_to_cursor(self) -> None:
        top = round(self.scroll_y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + self._page():
            self.scroll_to(y=self.cursor_row - self._page() + 1, animate=False, immediate=True)

    def _refresh_row(self, row: int) -> None:
        y = row - round(self.scroll_y) + 1
        if 0 < y < self.size.height:
            self.refresh_line(y)

    def action_select(self) -> None:
        if self.row_keys:
            self.post_message(self.Selected(self, self.row_keys[self.cursor_row]))

    def action_move(self, step: int) -> None:
        self._move_to(self.cursor_row + step)

    def action_page(self, step: int) -> None:
        self._move_to(self.cursor_row + step * self._page())

    def action_edge(self, end: int) -> None:
        self._move_to(self.row_count - 1 if end else 0)

    def on_click(self, event: events.Click) -> None:
        row = round(self.scroll_y) + event.y - 1
        if event.y < 1 or not 0 <= row < self.row_count:
            return  # the header, or below the last row
        if row == self.cursor_row:
            self.post_message(self.Selected(self, self.row_keys[row]))
        else:
            self._move_to(row)

    def on_resize(self) -> None:
        self.virtual_size = Size(self.scrollable_content_region.width, self.row_count + 1)
        self._scroll_to_cursor()

    # ------------------------------------------------------------------ drawing
    def rich(self, name: str) -> RichStyle:
        """A cell's colour (only what the class sets, laid over the row's own style)."""
        return self.get_component_rich_style(name, partial=True)

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if y == 0:
            return self._line("", [(c.label, "") for c in self.columns],
                              "events--header", width)
        row = round(self.scroll_y) + y - 1
        if not 0 <= row < self.row_count:
            return Strip.blank(width, self.rich_style)
        key = self.row_keys[row]
        if row == self.cursor_row:
            look = "events--cursor"
        else:
            look = "events--even-row" if row % 2 == 0 else ""
        return self._line(key, None, look, width)

    def _line(self, key: str, cells: list[Cell] | None, look: str, width: int) -> Strip:
        cached = self._strips.get((key, look))
        if cached is not None and cached.cell_length == width:
            return cached
        if cells is None:
            cells = self._cells(key)
        base = self.rich_style
        row_style = base + self.get_component_rich_style(look) if look else base
        pad = " " * PADDING
        cursor = look == "events--cursor"
        segments: list[Segment] = []
        for column, (text, colour) in zip(self.columns, cells):
            if not text.isprintable():  # the screen cleans its text; a table never trusts it
                text = clean_line(text)
            # The cursor row is one colour, as DataTable's (its cells' colours would not
            # read on the cursor's background).
            style = row_style + self.rich(colour) if colour and not cursor else row_style
            segments.append(Segment(pad, row_style))
            segments.append(Segment(set_cell_size(text, column.width)
                                    if cell_len(text) != column.width else text, style))
            segments.append(Segment(pad, row_style))
        strip = Strip(segments).crop_extend(0, width, row_style)
        if len(self._strips) > 512:  # a screenful or two per layout; never the corpus
            self._strips.clear()
        self._strips[(key, look)] = strip
        return strip
