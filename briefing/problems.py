"""A problem found in user input, reported as ``path:line: message`` (never a traceback)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefing.text import visible


@dataclass(frozen=True, slots=True)
class Problem:
    path: Path | str
    line: int  # 1-based; 0 when the problem is about the whole file
    message: str

    def __str__(self) -> str:
        # File names come from outside too: an escape sequence in one must not reach the
        # terminal, and a newline must not break the one-line format.
        path, message = visible(str(self.path)), visible(self.message)
        return f"{path}:{self.line}: {message}" if self.line else f"{path}: {message}"

