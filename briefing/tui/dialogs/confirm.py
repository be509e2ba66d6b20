"""A yes/no question in a small dialog; the safe answer (keep what you have) is the default."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from briefing.tui import VIEWS_CSS


class ConfirmScreen(ModalScreen[bool]):
    """Dismisses with True (do it) or False (escape, n, or the safe button: focused first)."""

    CSS_PATH = VIEWS_CSS
    # why AUTO_FOCUS and not focus() in on_mount: see briefing.tui.dialogs
    AUTO_FOCUS = "#confirm-no"

    BINDINGS = [
        Binding("escape,n", "answer(False)", "Cancel", id="confirm.no"),
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("left,right", "app.focus_next", show=False, id="confirm.switch"),
    ]

    def __init__(self, question: str, yes: str = "Discard", no: str = "Keep editing") -> None:
        super().__init__()
        self.question = question
        self.yes = yes
        self.no = no

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box", classes="dialog"):
            yield Static(Content(self.question), id="confirm-question")
            yield Static(Content(f"y: {self.yes.lower()} · n or escape: {self.no.lower()}"),
                         classes="dialog-hint")
            with Horizontal(id="confirm-buttons"):
                yield Button(Content(self.no), id="confirm-no", variant="primary")
                yield Button(Content(self.yes), id="confirm-yes", variant="error")

    @on(Button.Pressed, "#confirm-yes")
    def _yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def _no(self) -> None:
        self.dismiss(False)

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
