"""What a curation step raises; the CLI prints the message (``path:line: message``), exit 1.

Whenever one of these is raised, no file was changed.
"""

from __future__ import annotations

from briefing.problems import Problem


class CurationError(Exception):
    """An edit that cannot be made as asked (unknown id, bad value, a file that is not a list)."""


class NotFoundError(CurationError):
    """An id (claim, event, article, suggestion) that does not exist."""


class StaleEditError(CurationError):
    """A file changed since the caller read it: the edit was made against an old version."""


class UndoConflictError(CurationError):
    """A file changed after the step being undone: undoing would lose that later change."""


class ValidationError(CurationError):
    """The edit would leave the briefing with problems ``briefing check`` reports."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class BusyError(CurationError):
    """Another process kept the briefing's curation lock for longer than the timeout."""
