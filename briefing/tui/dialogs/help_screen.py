"""`?`: the keys, generated from the live bindings (so user keymaps show up correctly)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Iterable

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.dom import DOMNode
from textual.screen import ModalScreen
from textual.widgets import Static

from briefing.tui.keys import KeyGroup, bound_actions
from briefing.tui import VIEWS_CSS
from briefing.tui.widgets.kind_legend import KindLegend

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp

# Keys inherited from Textual's scroll/list widgets that are worth listing.
BUILTIN_ROWS = [
    ("Article pane", "↑ ↓ / pgup pgdn / home end", "Scroll / page / top and bottom"),
    ("Contents pane", "↑ ↓ j k / enter", "Move / open a source or section"),
    ("Claim panel", "↑ ↓ j k / enter", "Move / jump to another source's claim"),
    ("Everywhere", "ctrl+p", "Command palette: sources, sections, events, claims, actions"),
]


def binding_rows(app: "BriefingApp", nodes: Iterable[DOMNode]) -> list[tuple[str, str, str]]:
    """(group, keys, description) for every binding of ``nodes``, after the user's keymap.

    Only the project's own bindings (ids "scope.action"): what the panes inherit from
    Textual's scroll and list widgets is summed up in BUILTIN_ROWS.  A key bound the same way
    on several nodes (? on the app and the reader) is listed once, under the first."""
    rows: list[tuple[str, str, str]] = []
    seen: set[tuple[str, str]] = set()
    for node in nodes:
        group = node.HELP_GROUP if isinstance(node, KeyGroup) else type(node).__name__
        for action in bound_actions(app, node, app.keymap):
            binding = action.binding
            if not binding.description or "." not in (binding.id or ""):
                continue
            keys = " / ".join(action.keys)
            if (keys, binding.description) in seen:
                continue
            seen.add((keys, binding.description))
            rows.append((group, keys, binding.description))
    return rows


class HelpScreen(ModalScreen[None]):
    CSS_PATH = VIEWS_CSS

    BINDINGS = [Binding("escape,question_mark,q", "dismiss_help", "Close", id="help.close")]

    def __init__(self, rows: list[tuple[str, str, str]]) -> None:
        super().__init__()
        self.rows = rows + BUILTIN_ROWS

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box", classes="dialog"):
            yield Static(Content("Keys  (escape closes)"), classes="dialog-title")
            with VerticalScroll(id="help-scroll"):
                yield Static(self._table(), id="help-keys")
                yield KindLegend(id="help-legend")

    def _table(self) -> Table:
        # A grid rather than padded lines: a long description wraps under itself, not under
        # the keys.  Keys and descriptions are Text, never markup (a keymap file is the user's).
        table = Table.grid(padding=(0, 2))
        table.add_column(no_wrap=True)
        table.add_column()
        for n, group in enumerate(dict.fromkeys(g for g, _, _ in self.rows)):
            if n:
                table.add_row("", "")
            table.add_row(Text(group, style="bold underline"), "")
            for g, keys, description in self.rows:
                if g == group:
                    table.add_row(Text(keys, style="bold"), Text(description))
        return table

    def action_dismiss_help(self) -> None:
        self.dismiss(None)
