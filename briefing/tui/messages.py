"""Messages between the reader's widgets: children ask, the screen decides and updates them."""

from __future__ import annotations

from textual.message import Message

from briefing.tui.viewmodels.navigation import Location


class OpenLocation(Message):
    """A widget asks to open an article, section, claim or search hit (recorded in history)."""

    def __init__(self, location: Location) -> None:
        super().__init__()
        self.location = location


class ClaimActivated(Message):
    """Enter was pressed on the current claim in the article: show its details."""

    def __init__(self, claim_id: str) -> None:
        super().__init__()
        self.claim_id = claim_id


class ClaimClicked(Message):
    """A claim's passage was clicked in the article: make it the current claim."""

    def __init__(self, claim_id: str) -> None:
        super().__init__()
        self.claim_id = claim_id


class AnnotationsChanged(Message):
    """The annotation store changed (a save here, or another process's write): every screen
    re-reads what it shows from the store.  Sent to each screen by briefing.tui.store_watch."""


class PassageDragged(Message):
    """A passage of one paragraph was selected with the mouse: start selecting it."""

    def __init__(self, paragraph_id: str, start: int, end: int) -> None:
        super().__init__()
        self.paragraph_id = paragraph_id
        self.start = start
        self.end = end


class SelectionChanged(Message):
    """The passage being selected moved or grew (``selection``: a viewmodels Selection)."""

    def __init__(self, selection) -> None:  # noqa: ANN001 - viewmodels.selection.Selection
        super().__init__()
        self.selection = selection


class SelectionDone(Message):
    """Selecting ended: ``then`` is "highlight", "tag", "note", "claim", or None (cancelled)."""

    def __init__(self, selection, then: str | None) -> None:  # noqa: ANN001
        super().__init__()
        self.selection = selection
        self.then = then
