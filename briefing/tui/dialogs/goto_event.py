"""`g`: pick an event (type to filter); the reader opens a claim on it."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from briefing.model import Corpus, Event
from briefing.text import fold
from briefing.tui.widgets.line_keys import line_keys
from briefing.tui import VIEWS_CSS


class EventList(OptionList):
    BINDINGS = line_keys("events")


class GotoEventScreen(ModalScreen[str | None]):
    CSS_PATH = VIEWS_CSS
    # why AUTO_FOCUS and not focus() in on_mount: see briefing.tui.dialogs
    AUTO_FOCUS = "#goto-input"

    BINDINGS = [
        Binding("escape", "dismiss_none", "Close", id="goto.close"),
        Binding("down", "focus_list", "Events", show=False, id="goto.to_list"),
    ]

    def __init__(self, corpus: Corpus) -> None:
        super().__init__()
        self.corpus = corpus
        self.events = corpus.events_in_order()

    def compose(self) -> ComposeResult:
        with Vertical(id="goto-box", classes="dialog"):
            yield Static(Content("Go to event"), classes="dialog-title")
            yield Input(placeholder="filter events…", id="goto-input")
            yield EventList(id="goto-events")

    def on_mount(self) -> None:
        self._fill("")

    def _prompt(self, event: Event) -> Content:
        n = len(self.corpus.sources_for_event(event.id))
        return Content.assemble((f"{event.date or 'n.d.':<10} ", "dim"), (event.title, "bold"),
                                (f"  {n} source{'s' if n != 1 else ''}", "dim"))

    def _fill(self, query: str) -> None:
        needle = fold(query)
        events = self.query_one(EventList)
        events.clear_options()
        shown = [e for e in self.events
                 if not needle or needle in fold(f"{e.title} {e.id} {e.date or ''}")]
        events.add_options([Option(self._prompt(e), id=e.id) for e in shown])
        if shown:
            events.highlighted = 0

    @on(Input.Changed, "#goto-input")
    def _changed(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#goto-input")
    def _submitted(self) -> None:
        events = self.query_one(EventList)
        if events.highlighted is not None and events.option_count:
            self.dismiss(events.get_option_at_index(events.highlighted).id)

    @on(OptionList.OptionSelected, "#goto-events")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_focus_list(self) -> None:
        self.query_one(EventList).focus()

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
