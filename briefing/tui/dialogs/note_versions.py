"""ctrl+r in the note editor: the note's earlier versions (the store keeps every one).

Enter loads the highlighted version into the editor, unsaved: ctrl+s there makes it the
current note (and the text it replaces becomes one more earlier version), escape leaves
the editor as it was.  Nothing is ever deleted from the history.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from briefing.store.model import Version
from briefing.tui.viewmodels.annotations import one_line
from briefing.tui.widgets.line_keys import line_keys
from briefing.tui import VIEWS_CSS


class VersionList(OptionList):
    BINDINGS = line_keys("versions")


class NoteVersionsScreen(ModalScreen[str | None]):
    """Pick an earlier text of a note or the synthesis; dismisses with it, or None."""

    CSS_PATH = VIEWS_CSS

    BINDINGS = [Binding("escape", "close", "Close", id="versions.close")]

    def __init__(self, of: Content, versions: list[Version], current: str = "",
                 noun: str = "note") -> None:
        super().__init__()
        self.of, self.noun = of, noun  # the editor's title; "note", "synthesis"
        # Newest first, each distinct text once (a version saved for a tag change repeats
        # the same note), and not the text the note has now.
        seen: list[Version] = []
        texts = {current.strip("\n")}
        for version in reversed(versions):
            text = version.note.strip("\n")
            if text.strip() and text not in texts:
                texts.add(text)
                seen.append(version)
        self.versions = seen

    def compose(self) -> ComposeResult:
        with Vertical(id="versions-box", classes="dialog"):
            yield Static(Content.assemble(("Earlier versions · ", "bold"), self.of),
                         classes="dialog-title")
            yield VersionList(id="versions-list")
            yield Static(Content("enter loads it into the editor (ctrl+s there saves it) · "
                                 "esc closes"), classes="dialog-hint")

    def on_mount(self) -> None:
        listing = self.query_one("#versions-list", VersionList)
        if not self.versions:
            listing.add_option(Option(Content(f"No earlier versions of this {self.noun}."),
                                      disabled=True))
        for index, version in enumerate(self.versions):
            lines = version.note.strip("\n").splitlines() or [""]
            more = f"  (+{len(lines) - 1} lines)" if len(lines) > 1 else ""
            prompt = Content.assemble(
                (f"v{version.version}  {version.updated[:16].replace('T', ' ')}", "bold"),
                (f"  {one_line(version.author)}", "dim"), "\n",
                one_line(lines[0], 200), (more, "dim"))
            listing.add_option(Option(prompt, id=str(index)))
        if self.versions:
            listing.highlighted = 0
        listing.focus()

    @on(OptionList.OptionSelected, "#versions-list")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.dismiss(self.versions[int(event.option.id)].note)

    def action_close(self) -> None:
        self.dismiss(None)
