"""`C` (make a claim) and `E` (edit one): the claim form.

Kind, speaker, actors, events (the briefing's event ids are offered as you type: → completes;
the matching events are listed under the field), a new event (id, title, date), figures and
dates pre-filled from the quote by the parsers `briefing claims add` uses.  ctrl+s saves
through the app's curation session (briefing.tui.curation_session): a problem the save would
cause (``path:line: message``), a stale file or a field that cannot be read is shown in the
form, which stays open with everything typed; escape closes (asking first if something was
changed).  Dismisses with the id of the saved claim.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, Select, Static, TextArea

from briefing.curation.errors import CurationError
from briefing.model import CLAIM_KINDS, Corpus
from briefing.tui import VIEWS_CSS
from briefing.tui.dialogs.confirm import ConfirmScreen
from briefing.tui.dialogs.note_editor import NoteArea
from briefing.tui.viewmodels.annotations import one_line
from briefing.tui.viewmodels.claim_draft import ClaimDraft, split_list, suggestion_line

if TYPE_CHECKING:
    from briefing.tui.app import BriefingApp

INPUTS = ("speaker", "actors", "events", "new-id", "new-title", "new-date", "dates")


class ClaimForm(ModalScreen[str | None]):
    CSS_PATH = VIEWS_CSS
    # why AUTO_FOCUS and not focus() in on_mount: see briefing.tui.dialogs
    AUTO_FOCUS = "#form-kind"

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="claim_form.save", priority=True),
        Binding("escape", "close", "Close", id="claim_form.close"),
    ]

    app: "BriefingApp"

    def __init__(self, corpus: Corpus, draft: ClaimDraft) -> None:
        super().__init__()
        self.corpus = corpus
        self.draft = draft
        self._start = self._values_of(draft)

    @staticmethod
    def _values_of(draft: ClaimDraft) -> tuple:
        return (draft.kind, draft.speaker, draft.actors, draft.events, draft.figures,
                draft.dates, tuple(sorted(draft.new_event.items())))

    def compose(self) -> ComposeResult:
        d = self.draft
        verb = "Edit claim" if d.existing is not None else "New claim"
        with VerticalScroll(id="claim-form", classes="dialog"):
            yield Static(Content.assemble((f"{verb} ", "bold"), (d.claim_id, "dim"),
                                          (f" · {d.article_id}", "dim")), classes="dialog-title")
            if d.existing is not None and d.existing.status == "suggested":
                yield Static(Content(suggestion_line(d.existing)), id="form-suggested")
            yield Static(Content.assemble(("“", "dim"), one_line(d.quote, 300), ("”", "dim")),
                         id="form-quote")
            yield self._row("Kind", Select([(k, k) for k in CLAIM_KINDS], value=d.kind,
                                           allow_blank=False, compact=True, id="form-kind"))
            yield self._row("Speaker", self._input("speaker", d.speaker, "author, or who is quoted"))
            yield self._row("Actors", self._input("actors", d.actors, "commas between"))
            events = self._input("events", d.events, "event ids, commas between (→ completes)")
            events.suggester = SuggestFromList(list(self.corpus.events), case_sensitive=False)
            yield self._row("Events", events)
            yield Static(Content(""), id="form-event-matches")
            with Horizontal(classes="form-row"):
                yield Label("New event", classes="form-label")
                yield self._input("new-id", d.new_event.get("id", ""), "id")
                yield self._input("new-title", d.new_event.get("title", ""), "title")
                yield self._input("new-date", d.new_event.get("date", ""), "date")
            yield Label("Figures (one {quantity: key, value: n, unit: u, text: as written} a line)",
                        classes="form-label-wide")
            # NoteArea: a paste is cleaned of escape sequences before it is shown.
            yield NoteArea(d.figures, id="form-figures", soft_wrap=True, show_line_numbers=False,
                           tab_behavior="focus", compact=True)
            yield self._row("Dates", self._input("dates", d.dates, "2020-11-09=key, 2021"))
            yield Static(Content(""), id="form-errors")
            yield Static(Content("ctrl+s save · esc close · tab next field"), classes="dialog-hint")

    @staticmethod
    def _row(label: str, widget) -> Horizontal:  # noqa: ANN001
        return Horizontal(Label(label, classes="form-label"), widget, classes="form-row")

    @staticmethod
    def _input(name: str, value: str, placeholder: str) -> Input:
        return Input(value, placeholder=placeholder, id=f"form-{name}", compact=True,
                     select_on_focus=False)

    def on_mount(self) -> None:
        self._show_matches(self.draft.events)

    # ------------------------------------------------------------------ reading the form
    def _value(self, name: str) -> str:
        return self.query_one(f"#form-{name}", Input).value

    def read(self) -> ClaimDraft:
        d = self.draft
        kind = self.query_one("#form-kind", Select).value
        d.kind = str(kind) if kind is not Select.NULL else d.kind
        d.speaker, d.actors, d.events = self._value("speaker"), self._value("actors"), self._value("events")
        d.dates = self._value("dates")
        d.figures = self.query_one("#form-figures", TextArea).text
        d.new_event = {"id": self._value("new-id"), "title": self._value("new-title"),
                       "date": self._value("new-date")}
        return d

    @on(Input.Changed, "#form-events")
    def _on_events_changed(self, event: Input.Changed) -> None:
        self._show_matches(event.value)

    def _show_matches(self, typed: str) -> None:
        """The events whose id or title holds the last id being typed (their titles)."""
        last = (typed.split(",")[-1] if typed else "").strip().casefold()
        chosen = set(split_list(typed))
        lines = []
        for e in self.corpus.events_in_order():
            if last and (last in e.id.casefold() or last in e.title.casefold()) or e.id in chosen:
                mark = "✓ " if e.id in chosen else "  "
                tail = " (suggested)" if e.status == "suggested" else ""
                lines.append(Content.assemble(mark, (e.id, "bold"), f"  {one_line(e.title, 60)}",
                                              (f" {e.date or ''}{tail}", "dim")))
        self.query_one("#form-event-matches", Static).update(Content("\n").join(lines[:5]))

    # ------------------------------------------------------------------ saving
    def show_errors(self, text: str) -> None:
        self.query_one("#form-errors", Static).update(Content(text))

    def action_save(self) -> None:
        draft = self.read()
        try:
            steps = draft.steps()
            session = self.app.curation
            if not steps:
                self.dismiss(draft.claim_id)
                return
            verb = "edit claim" if draft.existing is not None else "add claim"
            session.focus_claim = draft.claim_id
            results = session.run(f"{verb} {draft.claim_id}", *steps)
        except CurationError as exc:
            from briefing.tui.curation_session import describe

            self.show_errors(describe(exc))  # the form stays open, with what was typed
            return
        except LookupError as exc:
            self.show_errors(f"Cannot curate here: {exc}")
            return
        ids = [i for r in results if r.action.startswith("claims") for i in r.ids]
        saved = ids[-1] if ids else draft.claim_id
        self.app.notify(f"Claim {saved} saved (u undoes).", markup=False, timeout=4)
        self.dismiss(saved)

    def action_close(self) -> None:
        if self._values_of(self.read()) == self._start:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmScreen("Close the form without saving?"), answered)

