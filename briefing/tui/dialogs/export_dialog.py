"""`e`: where and how to export the brief.

The format (Markdown, CSV, JSON, an Obsidian folder), the path (proposed by
briefing.export.location.propose_export_path: the last export's folder, then
$BRIEFING_EXPORT_DIR, Documents, home; editable; a name without a folder goes in the proposed
folder) and the filters the CLI has, several of each as its repeated options take them (tags:
all of those ticked, sources and events: any; an author filter given by the annotations view
is kept and named).  enter or the Export button answers; escape cancels.

An existing target is never replaced without asking: a confirm dialog whose default is No,
which leaves this dialog open with what was typed.  The dialog only asks: it dismisses with an
ExportRequest, and briefing.tui.exporting writes it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import (Button, Input, Label, RadioButton, RadioSet, SelectionList,
                             Static)

from briefing.export.location import default_folder, propose_export_path
from briefing.export.write import SUFFIXES
from briefing.model import Corpus
from briefing.store.query import Filters
from briefing.tui import VIEWS_CSS
from briefing.tui.dialogs.confirm import ConfirmScreen
from briefing.tui.dialogs.reached_options import ReachedOptions
from briefing.tui.viewmodels.annotations import one_line

FORMATS = (("md", "Markdown"), ("csv", "CSV"), ("json", "JSON"), ("obsidian", "Obsidian folder"))


@dataclass(frozen=True, slots=True)
class ExportRequest:
    fmt: str
    path: Path
    filters: Filters
    replace: bool = False  # the user said yes to replacing what is there


def with_format(path: Path, fmt: str) -> Path:
    """``path`` with the suffix of ``fmt`` (a folder for Obsidian has none)."""
    known = {s for s in SUFFIXES.values() if s}
    stem = path.stem if path.suffix.lower() in known else path.name
    return path.with_name(stem + SUFFIXES[fmt])


class Choices(ReachedOptions[tuple[str, str, bool]], SelectionList[str]):
    """A filter's list of (shown text, value, ticked): the 5,000 sources and 20,000 events of
    a large briefing are made into options as they are reached (reached_options); those not
    reached yet keep the ticks they came with."""


class ExportDialog(ModalScreen[ExportRequest | None]):
    CSS_PATH = VIEWS_CSS
    # why AUTO_FOCUS and not focus() in on_mount: see briefing.tui.dialogs
    AUTO_FOCUS = "#export-path"

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export.cancel")]

    def __init__(self, corpus: Corpus, tags: list[str], preset: Filters | None = None,
                 *, ask_before_replacing: bool = True) -> None:
        super().__init__()
        self.corpus = corpus
        self.tags = tags
        self.preset = preset or Filters()
        self.ask_before_replacing = ask_before_replacing  # not in a browser: a download
        self.folder = default_folder()
        self.proposed = propose_export_path(corpus.title, "md", self.folder)

    # ------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        articles = {a.casefold(): a for a in self.corpus.articles}
        events = {e.casefold(): e for e in self.corpus.events}
        sources = {articles[s] for s in self.preset.sources if s in articles}
        chosen_events = {events[e] for e in self.preset.events if e in events}
        with Vertical(id="export-box", classes="dialog"):
            yield Static(Content.assemble(("Export the brief: ", "bold"),
                                          one_line(self.corpus.title, 60)),
                         classes="dialog-title")
            with RadioSet(id="export-format"):
                for n, (fmt, label) in enumerate(FORMATS):
                    yield RadioButton(label, value=n == 0, name=fmt)
            yield Label("Write to", classes="export-label")
            yield Input(str(self.proposed), id="export-path", select_on_focus=False)
            yield Label("Only (optional; space ticks)", classes="export-label")
            with Horizontal(id="export-filters"):
                yield self._choices("export-tag", "tags (all)",
                                    [(t, t, t in self.preset.tags) for t in self.tags])
                yield self._choices("export-source", "sources (any)",
                                    [(self.corpus.articles[a].title, a, a in sources)
                                     for a in self.corpus.articles])
                yield self._choices("export-event", "events (any)",
                                    [(e.title, e.id, e.id in chosen_events)
                                     for e in self.corpus.events_in_order()])
            hint = "enter export · esc cancel · shift+tab format (arrows) · tab filters"
            if self.preset.authors:
                hint = "by " + ", ".join(self.preset.authors) + " · " + hint
            yield Static(Content(hint), classes="dialog-hint", id="export-hint")
            with Horizontal(id="export-buttons"):
                yield Button(Content("Export"), id="export-go", variant="primary")
                yield Button(Content("Cancel"), id="export-cancel")

    def on_mount(self) -> None:
        field = self.path_input
        field.cursor_position = len(field.value)

    @property
    def path_input(self) -> Input:
        return self.query_one("#export-path", Input)

    @property
    def fmt(self) -> str:
        pressed = self.query_one("#export-format", RadioSet).pressed_button
        return pressed.name if pressed is not None and pressed.name else "md"

    @staticmethod
    def _choices(id_: str, title: str, items: list[tuple[str, str, bool]]) -> SelectionList:
        """A list to tick: (shown text, value, ticked) in the order listed."""
        choices = Choices(id=id_)
        choices.hold(items, lambda item: (Content(one_line(item[0], 40)), item[1], item[2]))
        choices.border_title = title
        return choices

    def filters(self) -> Filters:
        def ticked(selector: str) -> list[str]:
            choices = self.query_one(selector, Choices)
            chosen = set(choices.selected)
            # In the order listed, not the order ticked: the same filters, the same brief.
            return [choices.get_option_at_index(i).value for i in range(choices.option_count)
                    if choices.get_option_at_index(i).value in chosen] \
                + [value for _, value, on in choices.pending if on]

        return Filters.make(tags=ticked("#export-tag"), sources=ticked("#export-source"),
                            events=ticked("#export-event"), authors=self.preset.authors)

    # ------------------------------------------------------------------ format
    @on(RadioSet.Changed, "#export-format")
    def _format_changed(self) -> None:
        """The path follows the format: a fresh proposal while the user has not edited it,
        else the same name with the format's suffix."""
        field = self.path_input
        typed = Path(field.value.strip()).expanduser()
        if field.value.strip() == str(self.proposed):
            self.proposed = propose_export_path(self.corpus.title, self.fmt, self.folder)
            field.value = str(self.proposed)
        elif field.value.strip():
            field.value = str(with_format(typed, self.fmt))

    # ------------------------------------------------------------------ answer
    def target(self) -> Path | None:
        typed = self.path_input.value.strip()
        if not typed:
            return None
        path = Path(typed).expanduser()
        return path if path.is_absolute() else self.folder / path

    @on(Input.Submitted, "#export-path")
    @on(Button.Pressed, "#export-go")
    def action_export(self) -> None:
        path = self.target()
        if path is None:
            self.notify("Give a file name to write to.", severity="warning", markup=False)
            self.path_input.focus()
            return
        if not path.parent.is_dir() and self.ask_before_replacing:
            self.notify(f"The folder {path.parent} does not exist.", severity="error",
                        markup=False, timeout=8)
            self.path_input.focus()
            return
        request = ExportRequest(self.fmt, path, self.filters())
        if not (self.ask_before_replacing and os.path.lexists(path)):
            self.dismiss(request)
            return
        kind = "folder" if path.is_dir() else "file"

        def answered(replace: bool | None) -> None:
            if replace:
                self.dismiss(ExportRequest(request.fmt, path, request.filters, replace=True))
            else:
                self.path_input.focus()  # still open, with what was typed

        self.app.push_screen(ConfirmScreen(f"The {kind} {path} already exists. Replace it?",
                                           yes="Replace", no="Keep it"), answered)

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
