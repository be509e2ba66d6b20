"""The bar under the article while a passage is being selected (`h`, or a mouse drag).

It has the focus meanwhile, so its keys come first: w / b move the end by a word, W / B the
start, ) / ( the end by a sentence, j / k (↓ / ↑) go to the next / previous sentence; enter
saves a highlight, t and a save it and open the tag dialog or the note editor, c makes a
claim from it, escape cancels.  It only tells the screen (SelectionChanged, SelectionDone).
"""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.widget import Widget

from briefing.tui.keys import KeyGroup
from briefing.tui.messages import SelectionChanged, SelectionDone
from briefing.tui.viewmodels.annotations import one_line
from briefing.tui.viewmodels.selection import Selection


class SelectionBar(KeyGroup, Widget, can_focus=True):
    HELP_GROUP = "Selecting a passage (h, or drag)"
    BINDINGS = [
        Binding("enter", "done('highlight')", "Highlight", id="selection.highlight"),
        Binding("c", "done('claim')", "Make claim", id="selection.claim"),
        Binding("t", "done('tag')", "Tag", id="selection.tag"),
        Binding("a", "done('note')", "Note", id="selection.note"),
        Binding("escape", "done('')", "Cancel", id="selection.cancel"),
        Binding("w", "end_word(1)", "Word +", id="selection.end_word_right"),
        Binding("b", "end_word(-1)", "Word -", id="selection.end_word_left"),
        Binding("W", "start_word(1)", "Start word +", show=False, id="selection.start_word_right"),
        Binding("B", "start_word(-1)", "Start word -", show=False, id="selection.start_word_left"),
        Binding("right_parenthesis", "end_sentence(1)", "Sentence +", key_display=")",
                show=False, id="selection.end_sentence_right"),
        Binding("left_parenthesis", "end_sentence(-1)", "Sentence -", key_display="(",
                show=False, id="selection.end_sentence_left"),
        Binding("j,down", "move(1)", "Next sentence", show=False, id="selection.next_sentence"),
        Binding("k,up", "move(-1)", "Previous sentence", show=False, id="selection.prev_sentence"),
    ]

    def __init__(self, selection: Selection) -> None:
        super().__init__(id="selection-bar")
        self.selection = selection

    def render(self) -> Content:
        quote = one_line(self.selection.quote, 200)
        return Content.assemble(("Selecting ", "bold"), ("“", "dim"), quote, ("”  ", "dim"),
                                ("w/b W/B ( ) j/k · enter highlight · c claim · esc", "dim"))

    def _set(self, selection: Selection | None) -> None:
        if selection is None or selection.end <= selection.start or selection == self.selection:
            return
        self.selection = selection
        self.refresh(layout=True)
        self.post_message(SelectionChanged(selection))

    def action_end_word(self, step: int) -> None:
        self._set(self.selection.end_by_word(step))

    def action_start_word(self, step: int) -> None:
        self._set(self.selection.start_by_word(step))

    def action_end_sentence(self, step: int) -> None:
        self._set(self.selection.end_by_sentence(step))

    def action_move(self, step: int) -> None:
        self._set(self.selection.next_sentence(step))

    def action_done(self, then: str) -> None:
        self.post_message(SelectionDone(self.selection, then or None))
