"""The keys the user really has: each binding after their keymap (briefing.keymap).

One helper for the help screen and the command palette, so that a remapped key shows as
remapped everywhere.  (The key bar reads Screen.active_bindings, which Textual builds the same
way for the focused widgets.)
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import ClassVar, Mapping

from textual.app import App
from textual.binding import Binding, BindingsMap
from textual.dom import DOMNode


class KeyGroup:
    """Mixed into the app, a screen or a widget whose own keys `?` lists, under HELP_GROUP.

    A class says where its keys belong, so that the help screen need not know the classes
    (dialogs may not import screens) nor match them by name."""

    HELP_GROUP: ClassVar[str]


@dataclass(frozen=True)
class BoundAction:
    keys: tuple[str, ...]  # as shown to the user ("?", "ctrl+t"), in binding order
    binding: Binding


def bound_actions(app: App, node: DOMNode, keymap: Mapping[str, str]) -> list[BoundAction]:
    """Every action bound on ``node`` with the keys it has after ``keymap``, one per binding id."""
    bindings = declared_bindings(type(node)).copy()
    if keymap:
        bindings.apply_keymap(dict(keymap))
    found: dict[str, tuple[list[str], Binding]] = {}
    for _key, binding in bindings:
        keys, _ = found.setdefault(binding.id or binding.action, ([], binding))
        display = app.get_key_display(binding)
        if display not in keys:
            keys.append(display)
    return [BoundAction(tuple(keys), binding) for keys, binding in found.values()]


@lru_cache(maxsize=None)
def declared_bindings(kind: type[DOMNode]) -> BindingsMap:
    """The bindings a node class declares in ``BINDINGS``, its bases' included, merged as
    Textual merges them (a key bound by a subclass replaces its bases' bindings of that key).

    Textual 8 has no public view of an unfocused widget's bindings (Screen.active_bindings
    covers the focus chain only, and the help lists panes that are not focused), so they are
    read from where every class declares them.  Two things Textual keeps private are not
    seen: a class made with ``inherit_bindings=False`` (ours: the compare view's ClaimList,
    whose keys are not listed anywhere) and the command palette key the App adds at run
    time (the help lists it on its own).  tests/tui/test_reader_fixes.py checks this agrees
    with what Textual binds on every node whose keys are listed."""
    keys: dict[str, list[Binding]] = {}
    for cls in reversed(kind.__mro__):
        if issubclass(cls, DOMNode):
            keys.update(BindingsMap(vars(cls).get("BINDINGS", ())).key_to_bindings)
    return BindingsMap.from_keys(keys)
