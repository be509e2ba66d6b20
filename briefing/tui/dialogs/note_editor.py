"""`a`: write or edit the note on the current claim or a highlighted passage, `W`: the
synthesis of the briefing -- any briefing.tui.viewmodels.targets target, in a multi-line editor.

ctrl+s saves and closes.  escape closes; with unsaved changes it asks first (the safe answer,
keep editing, is the default).  ctrl+r lists the note's earlier versions (the store keeps
them all) and loads one back.  ctrl+o opens the note in $VISUAL / $EDITOR (the reader is
suspended meanwhile); what the editor leaves comes back here unsaved, so ctrl+s still decides.
Not offered in a browser tab, where there is no terminal to hand over.  (ctrl+e would clash
with the editor's own end-of-line key.)

A failed save is an error notification and the editor stays open with the text intact:
nothing the user wrote is lost, and nothing is shown as saved that was not.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Static, TextArea

from briefing.store.errors import StoreError
from briefing.text import clean
from briefing.tui.messages import AnnotationsChanged
from briefing.tui import VIEWS_CSS
from briefing.tui.dialogs.confirm import ConfirmScreen
from briefing.tui.store_watch import store_changed

if TYPE_CHECKING:
    from briefing.tui.viewmodels.targets import AnnotationTarget


class NoteArea(TextArea):
    """A TextArea that cleans pasted text (escape sequences and bidi overrides never reach
    the terminal, not even before the note is saved)."""

    async def _on_paste(self, event: events.Paste) -> None:
        cleaned = clean(event.text)
        if cleaned != event.text:
            event.prevent_default()
            event.stop()
            if not self.read_only:
                result = self._replace_via_keyboard(cleaned, *self.selection)
                if result:
                    self.move_cursor(result.end_location)
            return
        await super()._on_paste(event)


def editor_command() -> list[str] | None:
    """$VISUAL or $EDITOR as an argument list, or None when neither is set."""
    for name in ("VISUAL", "EDITOR"):
        value = os.environ.get(name, "").strip()
        if value:
            try:
                return shlex.split(value)
            except ValueError:
                return None
    return None


class NoteEditor(ModalScreen[bool]):
    """Edit this user's text for one target (a note on a claim or a passage, the synthesis);
    dismisses True when saved."""

    CSS_PATH = VIEWS_CSS
    # why AUTO_FOCUS and not focus() in on_mount: see briefing.tui.dialogs
    AUTO_FOCUS = "#note-text"

    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="note.save", priority=True),
        Binding("escape", "close", "Close", id="note.close"),
        Binding("ctrl+o", "external_editor", "Open in $EDITOR", id="note.external_editor"),
        Binding("ctrl+r", "versions", "Earlier versions", id="note.versions"),
    ]

    def __init__(self, target: AnnotationTarget) -> None:
        super().__init__()
        self.target = target
        self.original = target.note()
        self._keeps_versions = target.history() is not None  # read here: errors are reported
        self._warned_conflict = False
        self._draft_timer = None  # Timer: the debounced draft write
        self._warned_draft = False

    def compose(self) -> ComposeResult:
        with Vertical(id="note-box", classes="dialog"):
            yield Static(self.target.title(), classes="dialog-title")
            yield Static(self.target.context(), id="note-quote")
            yield NoteArea(self.original, id="note-text", soft_wrap=True, tab_behavior="focus",
                           show_line_numbers=False)
            hint = "ctrl+s save · esc close"
            if self._keeps_versions:
                hint += " · ctrl+r history"
            if self._external_editor_available():
                hint += " · ctrl+o $EDITOR"
            yield Static(Content(hint), classes="dialog-hint")

    @property
    def text_area(self) -> NoteArea:
        return self.query_one("#note-text", NoteArea)

    def on_mount(self) -> None:
        area = self.text_area
        self._offer_draft()
        area.move_cursor(area.document.end)

    @property
    def changed(self) -> bool:
        return self.text_area.text.strip("\n") != self.original.strip("\n")

    @on(AnnotationsChanged)
    def _on_annotations_changed(self, message: AnnotationsChanged) -> None:
        """The same person saved this text elsewhere (another window or session) meanwhile:
        say so.  Saving here still keeps both: the other text stays in the history."""
        try:
            stored = self.target.note()
        except (StoreError, OSError):
            return
        noun = self.target.text_noun
        if stored != self.original and not self._warned_conflict:
            self._warned_conflict = True
            self.notify(f"This {noun} was just changed elsewhere. Saving keeps your text; the "
                        f"other version stays in the {noun}'s history.", severity="warning",
                        markup=False, timeout=10)

    # ------------------------------------------------------------------ saving
    def action_save(self) -> None:
        text = self.text_area.text
        noun = self.target.text_noun.capitalize()
        try:
            saved = self.target.save(note=text)
        except (StoreError, OSError, ValueError) as exc:
            self.notify(f"{noun} not saved: {exc}", title="Annotation store", severity="error",
                        markup=False, timeout=10)
            return  # stay open: the text is still here to save again
        self.original = saved
        self.app.drafts.drop(self.target.id)
        store_changed(self.app)
        kept = " (earlier text kept in the history)" if self._keeps_versions else ""
        self.notify(f"{noun} saved." if text.strip() else f"{noun} cleared{kept}.",
                    markup=False, timeout=3)
        self.dismiss(True)

    def action_close(self) -> None:
        if not self.changed:
            self.dismiss(False)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.app.drafts.drop(self.target.id)
                self.dismiss(False)
            else:
                self.text_area.focus()

        self.app.push_screen(
            ConfirmScreen(f"Discard the changes to this {self.target.text_noun}?"), answered)

    # ------------------------------------------------------------------ drafts
    DRAFT_DELAY = 0.5  # seconds after the last key: a crash loses at most this much typing

    def _offer_draft(self) -> None:
        """A draft left by a quit, a crash or a dropped connection comes back in the editor
        (unsaved: ctrl+s saves it, escape asks before dropping it)."""
        draft = self.app.drafts.get(self.target.id)
        if draft is None or draft.text == self.original:
            return
        self.text_area.load_text(draft.text)
        changed = " (the saved note has changed since)" if draft.base != self.original else ""
        self.notify(f"Your unsaved draft of {draft.at or 'earlier'} is back{changed}: ctrl+s "
                    "saves it, escape discards it.", markup=False, timeout=8)

    @on(TextArea.Changed, "#note-text")
    def _typed(self) -> None:
        if self._draft_timer is not None:
            self._draft_timer.stop()
        self._draft_timer = self.set_timer(self.DRAFT_DELAY, self.keep_draft)

    def has_unsaved_text(self) -> bool:
        return self.is_mounted and self.changed

    def keep_draft(self) -> None:
        """Write the text as this claim's draft now (or drop the draft if nothing changed)."""
        if not self.is_mounted:
            return
        if self.changed:
            kept = self.app.drafts.keep(self.target.id, self.text_area.text, self.original)
            if not kept and not self._warned_draft:  # once: the note itself can still be saved
                self._warned_draft = True
                self.notify(f"Could not keep a draft of this note: {self.app.drafts.file.problem}",
                            severity="warning", markup=False, timeout=8)
        else:
            self.app.drafts.drop(self.target.id)

    # ------------------------------------------------------------------ history
    def action_versions(self) -> None:
        from briefing.tui.dialogs.note_versions import NoteVersionsScreen

        try:
            history = self.target.history()
            current = self.target.note()
        except (StoreError, OSError) as exc:
            self.notify(f"Could not read the annotation store: {exc}", severity="error",
                        markup=False)
            return
        if history is None:
            self.notify(f"Earlier versions are not kept for a {self.target.text_noun} on a "
                        f"{self.target.noun}.", markup=False)
            return

        def picked(text: str | None) -> None:
            if text is not None:
                self.text_area.load_text(text)
                self.text_area.move_cursor(self.text_area.document.end)
                self.notify("Earlier version loaded: ctrl+s saves it (the current text is "
                            "kept in the history).", markup=False, timeout=5)
            self.text_area.focus()

        self.app.push_screen(NoteVersionsScreen(self.target.title(), history, current,
                                                self.target.text_noun), picked)

    # ------------------------------------------------------------------ $EDITOR
    def _external_editor_available(self) -> bool:
        return not self.app.is_web and editor_command() is not None

    def action_external_editor(self) -> None:
        if self.app.is_web:
            self.notify("An external editor is not available in the browser.", markup=False)
            return
        command = editor_command()
        if command is None:
            self.notify("Set VISUAL or EDITOR to use an external editor.", markup=False)
            return
        fd, name = tempfile.mkstemp(prefix="briefing-note-", suffix=".md")
        path = Path(name)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(self.text_area.text)
            try:
                with self.app.suspend():
                    result = subprocess.run([*command, str(path)], check=False)
            except Exception as exc:  # SuspendNotSupported, editor not found, ...
                self.notify(f"Could not run the editor: {exc}", severity="error", markup=False)
                return
            if result.returncode != 0:
                self.notify(f"The editor exited with status {result.returncode}; the "
                            f"{self.target.text_noun} is unchanged.", severity="warning",
                            markup=False)
                return
            text = clean(path.read_text(encoding="utf-8", errors="replace")).rstrip("\n")
        finally:
            path.unlink(missing_ok=True)
        self.text_area.load_text(text)
        self.text_area.move_cursor(self.text_area.document.end)
        self.text_area.focus()
        self.notify(f"Back from the editor: ctrl+s saves the {self.target.text_noun}.",
                    markup=False, timeout=4)


def open_note_editor(screen: Screen, target: "AnnotationTarget") -> None:
    """Push the note editor for ``target``; a store that cannot be read is an error message."""
    try:
        editor = NoteEditor(target)
    except (StoreError, OSError) as exc:
        screen.notify(f"Could not read the annotation store: {exc}", severity="error",
                      markup=False)
        return
    screen.app.push_screen(editor)
