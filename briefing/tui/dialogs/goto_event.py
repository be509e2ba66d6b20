"""`g`: pick an event (type to filter); the reader opens a claim on it.

A briefing of 5,000 articles has some 20,000 events: the list holds the ones reached
(reached_options), and the source counts come from the event index counted once after
loading, not from a pass over each event's claims.
"""

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
from briefing.tui.dialogs.reached_options import ReachedOptions
from briefing.tui.viewmodels.event_index import event_index
from briefing.tui.widgets.line_keys import line_keys
from briefing.tui import VIEWS_CSS


class EventList(ReachedOptions[Event], OptionList):
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
        self._haystacks: list[str] | None = None  # folded, at the first filter typed

    def compose(self) -> ComposeResult:
        with Vertical(id="goto-box", classes="dialog"):
            yield Static(Content("Go to event"), classes="dialog-title")
            yield Input(placeholder="filter events…", id="goto-input")
            yield EventList(id="goto-events")

    def on_mount(self) -> None:
        self._fill("")

    def _option(self, event: Event) -> Option:
        row = event_index(self.corpus).row(event.id)
        n = row.sources if row is not None else 0
        return Option(Content.assemble((f"{event.date or 'n.d.':<10} ", "dim"),
                                       (event.title, "bold"),
                                       (f"  {n} source{'s' if n != 1 else ''}", "dim")),
                      id=event.id)

    def _fill(self, query: str) -> None:
        needle = fold(query)
        if needle and self._haystacks is None:
            self._haystacks = [fold(f"{e.title} {e.id} {e.date or ''}") for e in self.events]
        shown = self.events if not needle else \
            [e for e, hay in zip(self.events, self._haystacks or []) if needle in hay]
        self.query_one(EventList).hold(shown, self._option)

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
