"""A filter's list of values to tick (SelectionList): the export dialog's tags, sources and
events, and the annotations view's four filters.

Items are (shown text, value, ticked).  The 5,000 sources and 20,000 events of a large
briefing are made into options as they are reached (dialogs/reached_options.py); those not
reached yet keep the ticks they came with.  Shown text is untrusted (titles, tags): a str is
put on one line as plain text, a Content (a label with a count) is shown as it is.
"""

from __future__ import annotations

from typing import Any, Callable, Iterable

from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import SelectionList

from briefing.tui.dialogs.reached_options import ReachedOptions
from briefing.tui.viewmodels.annotations import one_line

Item = tuple[str | Content, str, bool]  # (shown text, value, ticked)


class Choices(ReachedOptions[Item], SelectionList[str]):
    listed: list[tuple[str, str | Content]]  # (value, shown text) of every item listed

    def ticked(self) -> list[str]:
        """The values ticked, in the order listed (the same filters, the same brief)."""
        chosen = set(self.selected)
        return [self.get_option_at_index(i).value for i in range(self.option_count)
                if self.get_option_at_index(i).value in chosen] \
            + [value for _, value, on in self.pending if on]

    def hold(self, items: Iterable[Item], make: Callable[[Item], Any]) -> None:
        items = list(items)
        self.listed = [(value, text) for text, value, _ in items]
        super().hold(items, make)

    def refill(self, items: list[Item]) -> None:
        """List ``items`` instead, unless they are what is listed: every tick stays (by
        value), and so does the cursor's item when it is still there.  Ticks kept are not a
        change of selection: no SelectedChanged is posted."""
        if [(value, text) for text, value, _ in items] == self.listed:
            return
        ticked = set(self.ticked())
        on = None if self.highlighted is None else self.get_option_at_index(self.highlighted).value
        with self.prevent(SelectionList.SelectedChanged):
            self.hold([(text, value, value in ticked) for text, value, _ in items], self.make)
        at = next((i for i, (_, value, _) in enumerate(items) if value == on), None)
        if at is not None:
            if at >= self.option_count:
                self.take_more(at + 1 - self.option_count)
            self.highlighted = at

    def clear_ticks(self) -> None:
        """Untick everything, those not reached yet too (one SelectedChanged if any was)."""
        self.pending = [(text, value, False) for text, value, _ in self.pending]
        self.deselect_all()

    @staticmethod
    def make(item: Item) -> tuple[Content, str, bool]:
        text = item[0]
        return (text if isinstance(text, Content) else Content(one_line(text, 40))), item[1], item[2]


class TagChoices(Choices):
    """The tags to tick, and whether an annotation needs all of them or any one (m)."""

    BINDINGS = [Binding("m", "toggle_match", "All / any tag", id="tags.match")]

    class MatchChanged(Message):
        """All ticked tags, or any one of them: the filter changed without a tick."""

    any_tag = False

    def set_match(self, any_tag: bool) -> None:
        self.any_tag = any_tag
        self.border_title = "tags (any)" if any_tag else "tags (all)"

    def action_toggle_match(self) -> None:
        self.set_match(not self.any_tag)
        self.post_message(self.MatchChanged())


def choices(id_: str, title: str, items: Iterable[Item], cls: type[Choices] = Choices) -> Choices:
    """A list to tick, titled on its border: (shown text, value, ticked) in the order listed."""
    made = cls(id=id_)
    made.hold(items, cls.make)
    made.border_title = title
    return made
