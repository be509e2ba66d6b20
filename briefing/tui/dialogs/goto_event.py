"""`g`: pick an event (type to filter); the reader opens a claim on it.

A briefing of 5,000 articles has some 20,000 events: the list holds the first ones and takes
in more as the cursor or the scroll nears its end (Textual's OptionList measures every option
it holds, ~20 ms per 1,000), and the source counts come from the event index counted once
after loading, not from a pass over each event's claims.
"""

from __future__ import annotations

from typing import Callable

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
from briefing.tui.viewmodels.event_index import event_index
from briefing.tui.widgets.line_keys import line_keys
from briefing.tui import VIEWS_CSS

BATCH = 100  # options taken in at a time: more than two screens of them


class EventList(OptionList):
    """An OptionList over many events that holds only the ones reached so far."""

    BINDINGS = line_keys("events")

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self._pending: list[Event] = []
        self._make: Callable[[Event], Option] = lambda e: Option(e.title, id=e.id)

    def show(self, events: list[Event], make: Callable[[Event], Option]) -> None:
        """List ``events`` (each shown as ``make`` makes it), the cursor on the first."""
        self.clear_options()
        self._pending, self._make = list(events), make
        self.take_more()
        if self.option_count:
            self.highlighted = 0

    def take_more(self, count: int = BATCH) -> None:
        if self._pending:
            batch, self._pending = self._pending[:count], self._pending[count:]
            self.add_options([self._make(e) for e in batch])

    def watch_highlighted(self, highlighted: int | None) -> None:
        if highlighted is not None and highlighted >= self.option_count - BATCH // 2:
            self.take_more()
        super().watch_highlighted(highlighted)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        if new_value >= self.max_scroll_y - self.size.height:
            self.take_more()
        super().watch_scroll_y(old_value, new_value)

    def action_last(self) -> None:
        self.take_more(len(self._pending))
        super().action_last()


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
        self.query_one(EventList).show(shown, self._option)

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
