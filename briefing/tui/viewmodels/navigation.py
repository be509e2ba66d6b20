"""Where the reader is, and the browser-like history of what was opened.

Plain Python (no Textual) so it is trivially testable and cheap to import.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Location:
    """Something the reader can open: an article, optionally a section, claim or passage.

    ``match`` is a ``(start, end)`` range in ``paragraph_id``'s text, used to highlight a
    search hit.
    """

    article_id: str
    section_index: int | None = None
    claim_id: str | None = None
    paragraph_id: str | None = None
    match: tuple[int, int] | None = None


@dataclass(slots=True)
class History:
    """Back/forward stacks, like a browser: opening something new clears the forward stack."""

    limit: int = 200
    _back: list[Location] = field(default_factory=list)
    _forward: list[Location] = field(default_factory=list)
    current: Location | None = None

    def visit(self, location: Location) -> None:
        if location == self.current:
            return
        if self.current is not None:
            self._back.append(self.current)
            del self._back[: -self.limit]
        self._forward.clear()
        self.current = location

    def replace(self, location: Location) -> None:
        """Update where we are without creating a history entry (e.g. moving claim to claim)."""
        self.current = location

    @property
    def depth(self) -> int:
        """How many places back can return to."""
        return len(self._back)

    @property
    def can_go_forward(self) -> bool:
        return bool(self._forward)

    def back(self) -> Location | None:
        if not self._back:
            return None
        if self.current is not None:
            self._forward.append(self.current)
        self.current = self._back.pop()
        return self.current

    def forward(self) -> Location | None:
        if not self._forward:
            return None
        if self.current is not None:
            self._back.append(self.current)
        self.current = self._forward.pop()
        return self.current
