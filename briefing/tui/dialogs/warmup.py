"""After the first paint: what every dialog's first opening would otherwise pay on its key.

The first `e` imported the export code (~60 ms), the first ctrl+p Textual's palette (~15 ms),
and each first opening registered the Textual widgets' DEFAULT_CSS it had not seen yet (a
button, a text area, the palette's list...), which re-parses every stylesheet source of the
app (20-50 ms per dialog here).  :func:`start` imports the dialog modules in a thread, then,
back on the interface's thread, registers those widgets' stylesheets with one parse.  A key
pressed meanwhile finds a module half-imported and waits for it (Python's import lock), as it
would have imported it itself.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.app import App

MODULES = (
    "briefing.tui.dialogs.help_screen",
    "briefing.tui.dialogs.goto_event",
    "briefing.tui.dialogs.search_screen",
    "briefing.tui.dialogs.export_dialog",
    "briefing.tui.dialogs.tag_screen",
    "briefing.tui.dialogs.note_editor",
    "briefing.tui.dialogs.bookmarks",
    "briefing.tui.screens.annotations_view",
    "textual.command",
)


def _widget_classes() -> list[type]:
    """The Textual widgets that the dialogs mount and the reader screen does not."""
    from textual.command import CommandInput, CommandList, CommandPalette, SearchIcon
    from textual.containers import Horizontal, Vertical, VerticalScroll
    from textual.screen import ModalScreen
    from textual.widgets import (Button, Checkbox, Input, Label, LoadingIndicator, OptionList,
                                 RadioButton, RadioSet, Select, SelectionList, TextArea)
    from textual.widgets._select import SelectCurrent, SelectOverlay

    return [ModalScreen, Vertical, Horizontal, VerticalScroll, Input, OptionList, Button,
            Label, Checkbox, RadioButton, RadioSet, SelectionList, TextArea, Select,
            SelectCurrent, SelectOverlay, LoadingIndicator, CommandPalette, CommandInput,
            CommandList, SearchIcon]


def _register_styles(app: "App") -> None:
    """Add each widget class's DEFAULT_CSS (with its bases') as Textual adds it when the
    first instance is mounted, then parse once."""
    stylesheet = app.stylesheet
    for cls in _widget_classes():
        # Textual reads a class's DEFAULT_CSS from an instance (its _node_bases); a bare one
        # does, without running the widget's __init__.
        for read_from, css, tie_breaker, scope in cls.__new__(cls)._get_default_css():
            stylesheet.add_source(css, read_from=read_from, is_default_css=True,
                                  tie_breaker=tie_breaker, scope=scope)
    stylesheet.parse()


def start(app: "App") -> None:
    def imports() -> None:
        for name in MODULES:
            importlib.import_module(name)
        app.call_from_thread(_register_styles, app)

    app.run_worker(imports, thread=True, group="dialog-warmup", exit_on_error=False)
