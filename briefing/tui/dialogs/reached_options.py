"""Option lists over thousands of items that hold only the ones reached so far.

Textual's OptionList measures every option it holds (~20 ms per 1,000 here): a briefing of
5,000 articles has some 20,000 events, which the go-to-event list and the export dialog's
event filter listed in full before showing.  These lists take the first BATCH items and
more as the cursor or the scroll nears the end of what they hold; `end` takes them all.
"""

from __future__ import annotations

from typing import Any, Callable, Generic, Iterable, TypeVar

BATCH = 100  # items taken in at a time: more than two screens of them

Item = TypeVar("Item")


class ReachedOptions(Generic[Item]):
    """Mixin, before an OptionList (or a subclass) in the bases: ``hold`` items, made into
    options as they are reached."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.pending: list[Item] = []  # not reached yet, in order
        self._make: Callable[[Item], Any] = lambda item: item

    def hold(self, items: Iterable[Item], make: Callable[[Item], Any]) -> None:
        """List ``items``, each shown as the option ``make`` makes of it; the cursor on the
        first (as an OptionList made with its options has it)."""
        self.clear_options()  # type: ignore[attr-defined]
        self.pending, self._make = list(items), make
        self.take_more()
        if self.option_count:  # type: ignore[attr-defined]
            self.highlighted = 0

    def take_more(self, count: int = BATCH) -> None:
        if self.pending:
            batch, self.pending = self.pending[:count], self.pending[count:]
            self.add_options([self._make(item) for item in batch])  # type: ignore[attr-defined]

    def watch_highlighted(self, highlighted: int | None) -> None:
        if highlighted is not None and \
                highlighted >= self.option_count - BATCH // 2:  # type: ignore[attr-defined]
            self.take_more()
        super().watch_highlighted(highlighted)  # type: ignore[misc]

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        if new_value >= self.max_scroll_y - self.size.height:  # type: ignore[attr-defined]
            self.take_more()
        super().watch_scroll_y(old_value, new_value)  # type: ignore[misc]

    def action_last(self) -> None:
        self.take_more(len(self.pending))
        super().action_last()  # type: ignore[misc]
