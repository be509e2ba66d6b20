"""The note of a disagreement marked by hand in the compare view (`d`, then `d` on another
claim): the two claims, and one line of why.  Enter saves, escape cancels."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from briefing.model import Claim
from briefing.text import clean_line
from briefing.tui import VIEWS_CSS
from briefing.tui.viewmodels.reader import strip_for_display


class MarkDisagreementScreen(ModalScreen[str | None]):
    """Dismisses with the note (possibly empty) or None when cancelled."""

    CSS_PATH = VIEWS_CSS
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="mark.cancel")]

    def __init__(self, first: Claim, second: Claim, note: str = "") -> None:
        super().__init__()
        self.first = first
        self.second = second
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="mark-box", classes="dialog"):
            yield Static(Content("Mark a disagreement between"), classes="dialog-title")
            for claim in (self.first, self.second):
                yield Static(Content.assemble((claim.id, "bold"), "  “",
                                              strip_for_display(claim.quote), "”"),
                             classes="mark-quote")
            yield Input(self.note, placeholder="why they disagree (a note)", id="mark-note")
            yield Static(Content("enter: save · escape: cancel"), classes="dialog-hint")

    @on(Input.Submitted, "#mark-note")
    def _save(self, event: Input.Submitted) -> None:
        self.dismiss(clean_line(event.value))

    def action_cancel(self) -> None:
        self.dismiss(None)
