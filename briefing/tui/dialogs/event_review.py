"""`V`: review one event (the current claim's, suggested or not).

Accept it (a suggestion), reject it, rename it (a new title), merge it into another event,
move its claims to another event, or accept every suggested claim on it.  Merging and moving
pick the other event from a list filtered as you type.  Each choice is one curation step
through the app's session; a problem is shown here and nothing is changed.
"""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from briefing.curation import (
    CurationError, accept_claims, accept_events, merge_events, move_claims, reject_events,
    rename_event,
)
from briefing.model import Corpus, Event
from briefing.tui import VIEWS_CSS
from briefing.tui.viewmodels.annotations import one_line
from briefing.tui.widgets.line_keys import line_keys

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp


class ReviewChoices(OptionList):
    BINDINGS = line_keys("review")


class EventReview(ModalScreen[str | None]):
    CSS_PATH = VIEWS_CSS
    BINDINGS = [Binding("escape", "close", "Close", id="event_review.close")]

    app: "BriefingApp"

    def __init__(self, corpus: Corpus, event: Event) -> None:
        super().__init__()
        self.corpus = corpus
        self.event = event
        self.mode = "menu"  # "menu", "rename", "merge", "move"

    def suggested_claims(self) -> list[str]:
        return [c.id for c in self.corpus.claims_for_event(self.event.id) if c.status == "suggested"]

    def compose(self) -> ComposeResult:
        e = self.event
        with Vertical(id="event-review", classes="dialog"):
            tail = (f" · suggested ({e.confidence:.0%})" if e.confidence is not None else
                    " · suggested") if e.status == "suggested" else ""
            yield Static(Content.assemble(("Event ", "bold"), (e.id, "dim"), (tail, "dim")),
                         classes="dialog-title")
            yield Static(Content.assemble((one_line(e.title, 70), "bold"),
                                          (f"  {e.date or 'date unknown'}", "dim")))
            yield Input(id="review-input", compact=True)
            yield ReviewChoices(id="review-events")
            yield Static(Content(""), id="form-errors")
            yield Static(Content("enter chooses · esc closes"), classes="dialog-hint")

    def on_mount(self) -> None:
        self.show_menu()

    def show_menu(self) -> None:
        self.mode = "menu"
        self.query_one("#review-input", Input).display = False
        listing = self.query_one("#review-events", ReviewChoices)
        listing.clear_options()
        n = len(self.suggested_claims())
        choices = []
        if self.event.status == "suggested":
            choices += [("accept", "Accept this event"), ("reject", "Reject this event")]
        if n:
            choices.append(("accept_claims", f"Accept its {n} suggested claim{'s' * (n != 1)}"))
        choices += [("rename", "Rename (a new title)…"), ("merge", "Merge into another event…"),
                    ("move", "Move its claims to another event…")]
        listing.add_options(Option(Content(text), id=key) for key, text in choices)
        listing.highlighted = 0
        listing.focus()

    def _pick_event(self, mode: str) -> None:
        self.mode = mode
        box = self.query_one("#review-input", Input)
        box.display = True
        box.placeholder = "filter events"
        box.value = ""
        self._list_events("")
        box.focus()

    def _list_events(self, typed: str) -> None:
        listing = self.query_one("#review-events", ReviewChoices)
        listing.clear_options()
        typed = typed.strip().casefold()
        for e in self.corpus.events_in_order():
            if e.id == self.event.id or typed and typed not in (e.id + " " + e.title).casefold():
                continue
            listing.add_option(Option(Content.assemble((e.id, "bold"), f"  {one_line(e.title, 50)}"),
                                      id=e.id))
        if listing.option_count:
            listing.highlighted = 0

    @on(Input.Changed, "#review-input")
    def _on_typed(self, event: Input.Changed) -> None:
        if self.mode in ("merge", "move"):
            self._list_events(event.value)

    @on(Input.Submitted, "#review-input")
    def _on_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.mode == "rename":
            title = event.value
            self._run(f"rename event {self.event.id}",
                      lambda cur, exp: rename_event(cur, self.event.id, title, expected=exp))
        elif self.mode in ("merge", "move"):
            listing = self.query_one("#review-events", ReviewChoices)
            if listing.highlighted is not None and listing.option_count:
                self._chosen(listing.get_option_at_index(listing.highlighted).id or "")

    @on(OptionList.OptionSelected, "#review-events")
    def _on_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        choice = event.option.id or ""
        if self.mode != "menu":
            self._chosen(choice)
            return
        eid = self.event.id
        if choice == "accept":
            self._run(f"accept event {eid}", lambda cur, exp: accept_events(cur, [eid], expected=exp))
        elif choice == "reject":
            self._run(f"reject event {eid}", lambda cur, exp: reject_events(cur, [eid], expected=exp))
        elif choice == "accept_claims":
            ids = self.suggested_claims()
            self._run(f"accept {len(ids)} claims on {eid}",
                      lambda cur, exp: accept_claims(cur, ids, expected=exp))
        elif choice == "rename":
            self.mode = "rename"
            box = self.query_one("#review-input", Input)
            box.display = True
            box.value = self.event.title
            box.focus()
        else:
            self._pick_event(choice)

    def _chosen(self, other: str) -> None:
        eid = self.event.id
        if self.mode == "merge":
            self._run(f"merge event {eid} into {other}", partial(_merge, eid, other))
        elif self.mode == "move":
            ids = [c.id for c in self.corpus.claims_for_event(eid)]
            self._run(f"move {len(ids)} claims from {eid} to {other}",
                      partial(_move, ids, eid, other))

    def _run(self, label: str, step) -> None:  # noqa: ANN001
        try:
            self.app.curation.run(label, step)
        except CurationError as exc:
            from briefing.tui.curation_session import describe

            self.query_one("#form-errors", Static).update(Content(describe(exc)))
            return
        self.dismiss(label)

    def action_close(self) -> None:
        if self.mode != "menu":
            self.show_menu()
            return
        self.dismiss(None)


def _merge(eid: str, other: str, curator, expected):  # noqa: ANN001
    return merge_events(curator, eid, other, expected=expected)


def _move(ids: list[str], eid: str, other: str, curator, expected):  # noqa: ANN001
    return move_claims(curator, ids, other, from_event=eid, expected=expected)
