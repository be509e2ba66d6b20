"""`t`: tag the current claim, or a highlighted passage (briefing.tui.viewmodels.targets).

Type a tag and press enter (commas add several).  Tags already in use elsewhere are offered as
you type -- inline (right arrow completes) and in a list with how many annotations carry each
(down moves into it, enter picks one) -- so one idea keeps one spelling.  The claim's tags are
listed below: x or delete removes the highlighted one.  The store normalises every tag
(`Russia ` and `#russia` are `russia`).

Nothing is shown as added until the store has saved it: a failed write is an error
notification and the lists stay as they were.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from briefing.model import Claim
from briefing.tui.viewmodels.targets import target_of
from briefing.store.errors import StoreError
from briefing.store.model import normalise_tag
from briefing.tui.widgets.line_keys import line_keys
from briefing.tui.messages import AnnotationsChanged
from briefing.tui import VIEWS_CSS
from briefing.tui.store_watch import store_changed

if TYPE_CHECKING:
    from briefing.store import AnnotationStore
    from briefing.store.highlights import Highlight

MAX_SUGGESTIONS = 50


class TagSuggestions(OptionList):
    """Tags in use that match what is typed, with their counts; enter adds one."""

    BINDINGS = line_keys("tag-suggestions")


class ClaimTags(OptionList):
    """The claim's tags (this user's); x or delete removes the highlighted one."""

    BINDINGS = [
        Binding("x,delete", "remove_tag", "Remove tag", id="tag.remove"),
        *line_keys("claim-tags"),
    ]

    def action_remove_tag(self) -> None:
        screen = self.screen
        if isinstance(screen, TagScreen) and self.highlighted is not None:
            option = self.get_option_at_index(self.highlighted)
            if option.id:
                screen.remove_tag(option.id)


class TagScreen(ModalScreen[None]):
    """Add and remove tags on one claim or highlight."""

    CSS_PATH = VIEWS_CSS
    # why AUTO_FOCUS and not focus() in on_mount: see briefing.tui.dialogs
    AUTO_FOCUS = "#tag-input"

    BINDINGS = [
        Binding("escape", "close", "Close", id="tag.close"),
        Binding("down", "to_suggestions", "Suggestions", show=False, id="tag.to_suggestions"),
    ]

    def __init__(self, claim: "Claim | Highlight", store: "AnnotationStore") -> None:
        super().__init__()
        self.claim = claim
        self.store = store
        self.target = target_of(claim, store)
        self.tags: tuple[str, ...] = ()  # this user's tags on the claim, as saved
        self.counts: list[tuple[str, int]] = []  # every tag in use, most used first

    def compose(self) -> ComposeResult:
        with Vertical(id="tag-box", classes="dialog"):
            yield Static(Content.assemble((f"Tag {self.target.noun} ", "bold"),
                                          (self.claim.id[:20], "dim")),
                         classes="dialog-title")
            yield Static(self.target.context(), id="tag-quote")
            yield Input(placeholder="New tag (enter adds; commas for several)", id="tag-input",
                        select_on_focus=False)
            yield Static(Content("Tags in use").stylize("bold"), classes="pane-title")
            yield TagSuggestions(id="tag-suggestions")
            yield Static(Content(f"On this {self.target.noun} (x or delete removes)").stylize("bold"),
                         classes="pane-title")
            yield ClaimTags(id="tag-current")
            yield Static(Content("enter adds · → completes · ↓ suggestions · tab next · "
                                 "esc closes"), classes="dialog-hint")

    @property
    def input(self) -> Input:
        return self.query_one("#tag-input", Input)

    def on_mount(self) -> None:
        self.reload()

    # ------------------------------------------------------------------ reading the store
    def reload(self) -> None:
        """Re-read this claim's tags and the tags in use (after any change, ours or not)."""
        try:
            self.tags = self.target.tags()
            self.counts = self.store.tags()
        except (StoreError, OSError) as exc:
            self.notify(f"Could not read the annotation store: {exc}", severity="error",
                        markup=False)
            return
        self.input.suggester = SuggestFromList([t for t, _ in self.counts], case_sensitive=False)
        self._show_current()
        self._show_suggestions(self.input.value)

    def _show_current(self) -> None:
        current = self.query_one("#tag-current", ClaimTags)
        keep = current.highlighted
        current.clear_options()
        if self.tags:
            current.add_options(Option(Content("#" + tag), id=tag) for tag in self.tags)
            current.highlighted = min(keep or 0, len(self.tags) - 1)
        else:
            current.add_option(Option(Content("No tags yet."), disabled=True))

    def _show_suggestions(self, typed: str) -> None:
        wanted = normalise_tag(typed.split(",")[-1]) if typed else ""
        matches = [(tag, n) for tag, n in self.counts if tag not in self.tags and wanted in tag]
        # Tags starting with what was typed first, then the rest (both by use).
        matches.sort(key=lambda tn: (not tn[0].startswith(wanted), -tn[1], tn[0]))
        box = self.query_one("#tag-suggestions", TagSuggestions)
        box.clear_options()
        if matches:
            box.add_options(
                Option(Content.assemble(("#" + tag, "bold"),
                                        (f"  {n} annotation{'s' if n != 1 else ''}", "dim")),
                       id=tag)
                for tag, n in matches[:MAX_SUGGESTIONS])
            box.highlighted = 0
        else:
            if not self.counts:
                hint = "No tags in use yet."
            elif wanted:
                hint = "No tag in use matches; enter adds it as a new tag."
            else:
                hint = "No other tags in use."
            box.add_option(Option(Content(hint), disabled=True))

    @on(AnnotationsChanged)
    def _on_annotations_changed(self, message: AnnotationsChanged) -> None:
        self.reload()

    # ------------------------------------------------------------------ changing tags
    def _save(self, add: list[str] | tuple[str, ...] = (), remove: tuple[str, ...] = ()) -> bool:
        try:
            self.target.save(add_tags=add, remove_tags=remove)
        except ValueError as exc:
            text = str(exc)
            self.notify(text[:1].upper() + text[1:], severity="warning", markup=False)
            return False
        except (StoreError, OSError) as exc:
            self.notify(f"Not saved: {exc}", title="Annotation store", severity="error",
                        markup=False, timeout=10)
            return False
        store_changed(self.app)  # every pane, this dialog included, re-reads the store
        self.reload()
        return True

    def add_tags(self, text: str) -> bool:
        parts = [p for p in text.split(",") if p.strip()]
        if not parts:
            return False
        return self._save(add=parts)

    def remove_tag(self, tag: str) -> bool:
        if self._save(remove=(tag,)):
            self.notify(f"Removed #{tag}", markup=False, timeout=2)
            return True
        return False

    @on(Input.Submitted, "#tag-input")
    def _on_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self.dismiss(None)  # enter on an empty line: done
            return
        if self.add_tags(event.value):
            self.input.value = ""

    @on(Input.Changed, "#tag-input")
    def _on_changed(self, event: Input.Changed) -> None:
        self._show_suggestions(event.value)

    @on(OptionList.OptionSelected, "#tag-suggestions")
    def _on_suggestion(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id and self.add_tags(event.option.id):
            self.input.value = ""
            self.input.focus()

    @on(OptionList.OptionSelected, "#tag-current")
    def _on_current_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # enter on one of the claim's tags does nothing; x removes

    def action_to_suggestions(self) -> None:
        box = self.query_one("#tag-suggestions", TagSuggestions)
        usable = box.option_count and not box.get_option_at_index(0).disabled
        if self.focused is self.input and usable:
            box.focus()

    def action_close(self) -> None:
        self.dismiss(None)
