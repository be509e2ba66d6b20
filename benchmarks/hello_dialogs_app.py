"""The baseline for bench_dialogs_tmux.py: a Textual app whose every dialog key (as the
reader binds them) pushes a screen holding one Static, and escape pops it: the least a dialog
can cost to open in this terminal.  Its own command palette is off, so ctrl+p is one more
such key."""

import sys
from pathlib import Path

from textual.app import App, ComposeResult
from textual.widgets import Static

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hello_views_app import OneStatic  # noqa: E402

# key -> what its screen says; bench_dialogs_tmux.py waits for these words
DIALOG_KEYS = {"g": "Opened go-to-event", "slash": "Opened search", "question_mark": "Opened help",
               "A": "Opened annotations", "e": "Opened export", "ctrl+p": "Opened palette",
               "t": "Opened tag", "a": "Opened note", "B": "Opened bookmarks"}


class HelloDialogs(App[None]):
    ENABLE_COMMAND_PALETTE = False
    BINDINGS = [(key, f"open({text!r})", text) for key, text in DIALOG_KEYS.items()]

    def compose(self) -> ComposeResult:
        yield Static("Hello, world")

    def action_open(self, text: str) -> None:
        self.push_screen(OneStatic(text))


if __name__ == "__main__":
    HelloDialogs().run()
