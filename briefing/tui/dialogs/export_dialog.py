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

Pressed while a cached start-up still loads the briefing (``loading``), it opens at once all
the same: the sources are those of the outline (every source, known before they are loaded)
and the events those of the first-screen corpus (it holds every event), so every filter can
be set.  Only the brief needs every claim: a loading note says so, and an export asked for
meanwhile waits in the dialog (the form locked, escape goes back to it) until the app's
corpus_signal brings the whole corpus (corpus_wait.py), then goes ahead as chosen.
When the corpus comes, the filters take its sources and events, keeping every tick.
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
from textual.widgets import Button, Input, Label, RadioButton, RadioSet, Static

from briefing.export.location import default_folder, propose_export_path
from briefing.export.write import SUFFIXES
from briefing.model import Corpus
from briefing.store.query import Filters
from briefing.tui import VIEWS_CSS
from briefing.tui.dialogs.confirm import ConfirmScreen
from briefing.tui.corpus_wait import LoadingNote, WaitsForCorpus
from briefing.tui.dialogs.choices import Choices, Item, TagChoices, choices
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


class ExportDialog(WaitsForCorpus[ExportRequest | None], ModalScreen[ExportRequest | None]):
    CSS_PATH = VIEWS_CSS
    # why AUTO_FOCUS and not focus() in on_mount: see briefing.tui.dialogs
    AUTO_FOCUS = "#export-path"

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="export.cancel")]

    def __init__(self, corpus: Corpus, tags: list[str], preset: Filters | None = None,
                 *, ask_before_replacing: bool = True,
                 sources: list[tuple[str, str]] | None = None, loading: bool = False) -> None:
        """``loading``: ``corpus`` is the part of a cached start-up loaded so far (every
        event, the first source) and ``sources`` the (id, title) of every source, from the
        outline; the whole corpus comes with the app's corpus_signal."""
        super().__init__()
        self.corpus = corpus
        self.tags = tags
        self.preset = preset or Filters()
        self.ask_before_replacing = ask_before_replacing  # not in a browser: a download
        self.loading = loading
        self.sources = sources if sources is not None else _sources_of(corpus)
        self.waiting: ExportRequest | None = None  # asked for while loading
        self.folder = default_folder()
        self.proposed = propose_export_path(corpus.title, "md", self.folder)

    # ------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        articles = {a.casefold(): a for a, _ in self.sources}
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
            yield Label("Only (optional; space ticks, m: all or any tag)", classes="export-label")
            with Horizontal(id="export-filters"):
                tags = choices("export-tag", "tags (all)",
                               [(t, t, t in self.preset.tags) for t in self.tags], TagChoices)
                tags.set_match(self.preset.any_tag)
                yield tags
                yield choices("export-source", "sources (any)",
                                    [(title, a, a in sources) for a, title in self.sources])
                yield choices("export-event", "events (any)",
                                    _event_items(self.corpus, chosen_events))
            if self.loading:
                yield LoadingNote(len(self.sources), "The filters can be set now; the export "
                                  "waits for them.", id="export-loading")
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
        self.wait_for_corpus()

    def on_unmount(self) -> None:
        self.stop_waiting()

    @property
    def path_input(self) -> Input:
        return self.query_one("#export-path", Input)

    @property
    def fmt(self) -> str:
        pressed = self.query_one("#export-format", RadioSet).pressed_button
        return pressed.name if pressed is not None and pressed.name else "md"

    def filters(self) -> Filters:
        def ticked(selector: str) -> list[str]:
            return self.query_one(selector, Choices).ticked()

        return Filters.make(tags=ticked("#export-tag"), sources=ticked("#export-source"),
                            events=ticked("#export-event"), authors=self.preset.authors,
                            any_tag=self.query_one("#export-tag", TagChoices).any_tag)

    # ------------------------------------------------------------------ the whole corpus
    async def corpus_in(self, corpus: Corpus) -> None:
        """The load is in: the filters list its sources and events (ticks kept), and an
        export asked for meanwhile goes ahead with what the form holds."""
        self.corpus = corpus
        self.sources = _sources_of(corpus)
        sources = self.query_one("#export-source", Choices)
        sources.refill([(title, a, False) for a, title in self.sources])
        self.query_one("#export-event", Choices).refill(_event_items(corpus, set()))
        await self.query_one(LoadingNote).remove()
        # On top, not is_current: that is also true behind a modal such as the palette.
        if self.waiting is not None and self.app.screen is self:
            self._export_waiting()

    def on_screen_resume(self) -> None:
        # The load can end while the palette or help is over this dialog, and a dismiss then
        # would close that screen instead: the waiting export goes once the dialog is on top.
        if self.waiting is not None and not self.loading:
            self._export_waiting()

    def _export_waiting(self) -> None:
        waiting, self.waiting = self.waiting, None
        if waiting is not None:
            self.dismiss(ExportRequest(waiting.fmt, waiting.path, self.filters(),
                                       replace=waiting.replace))

    def _wait_with(self, request: ExportRequest) -> None:
        """Export once the corpus is in: the form is locked meanwhile (what is exported is
        what it shows), escape unlocks it."""
        self.waiting = request
        self._lock_form(True)
        self.query_one(LoadingNote).say(
            f"Exporting once the briefing's {len(self.sources):,} sources are in… "
            "(esc: back to the form)")

    def _lock_form(self, locked: bool) -> None:
        for selector in ("#export-format", "#export-path", "#export-filters", "#export-go"):
            self.query_one(selector).disabled = locked
        if locked:
            self.query_one("#export-cancel", Button).focus()
        else:
            self.path_input.focus()

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
        # At the end, as when the dialog opened: a ".csv" one longer than ".md" left the
        # cursor before its last letter, and ctrl+u then kept that letter.
        field.cursor_position = len(field.value)

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
            self._answer(request)
            return
        kind = "folder" if path.is_dir() else "file"

        def answered(replace: bool | None) -> None:
            if replace:
                self._answer(ExportRequest(request.fmt, path, request.filters, replace=True))
            else:
                self.path_input.focus()  # still open, with what was typed

        self.app.push_screen(ConfirmScreen(f"The {kind} {path} already exists. Replace it?",
                                           yes="Replace", no="Keep it"), answered)

    def _answer(self, request: ExportRequest) -> None:
        if not self.loading:
            self.dismiss(request)
        elif self.query(".loading-note.-failed"):
            self.notify("Not exported: the rest of the briefing could not be loaded; run "
                        "`briefing check`.", severity="error", markup=False, timeout=8)
        else:
            self._wait_with(request)

    @on(Button.Pressed, "#export-cancel")
    def action_cancel(self) -> None:
        if self.waiting is None:
            self.dismiss(None)
            return
        self.waiting = None  # back to the form, as it was
        self._lock_form(False)
        for note in self.query(LoadingNote).exclude(".-failed"):
            note.say()


def _sources_of(corpus: Corpus) -> list[tuple[str, str]]:
    return [(a.id, a.title) for a in corpus.articles.values()]


def _event_items(corpus: Corpus, chosen: set[str]) -> list[Item]:
    return [(e.title, e.id, e.id in chosen) for e in corpus.events_in_order()]
