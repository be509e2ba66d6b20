"""The keys the user really has: each binding after their keymap (briefing.keymap).

One helper for the help screen and the command palette, so that a remapped key shows as
remapped everywhere.  (The key bar reads Screen.active_bindings, which Textual builds the same
way for the focused widgets.)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from textual.app import App
from textual.binding import Binding
from textual.dom import DOMNode


@dataclass(frozen=True)
class BoundAction:
    keys: tuple[str, ...]  # as shown to the user ("?", "ctrl+t"), in binding order
    binding: Binding


def bound_actions(app: App, node: DOMNode, keymap: Mapping[str, str]) -> list[BoundAction]:
    """Every action bound on ``node`` with the keys it has after ``keymap``, one per binding id.

    Textual offers no public view of an unfocused widget's bindings (Screen.active_bindings
    covers the focus chain only; the help lists panes that are not focused), so this is the
    one place that reads a node's merged bindings map."""
    bindings = node._bindings.copy()
    if keymap:
        bindings.apply_keymap(dict(keymap))
    found: dict[str, tuple[list[str], Binding]] = {}
    for _key, binding in bindings:
        keys, _ = found.setdefault(binding.id or binding.action, ([], binding))
        display = app.get_key_display(binding)
        if display not in keys:
            keys.append(display)
    return [BoundAction(tuple(keys), binding) for keys, binding in found.values()]

