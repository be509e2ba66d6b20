"""j / k on every list and tree of the reader, each pair with its own binding ids (so a
keymap can rebind them per list: ``search.down``, ``toc.up``...)."""

from __future__ import annotations

from textual.binding import Binding


def line_keys(scope: str) -> list[Binding]:
    """j moves the cursor down, k up; hidden from the footer (the arrows do the same)."""
    return [
        Binding("j", "cursor_down", "Down", show=False, id=f"{scope}.down"),
        Binding("k", "cursor_up", "Up", show=False, id=f"{scope}.up"),
    ]
