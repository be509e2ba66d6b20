"""The baseline for bench_views_tmux.py: a Textual app whose `c` and `v` push a screen holding
one Static, and escape pops it: the least a view can cost to open in this terminal."""

from textual.app import App, ComposeResult
from textual.screen import Screen
from textual.widgets import Static


class OneStatic(Screen[None]):
    BINDINGS = [("escape", "app.pop_screen", "Back")]

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield Static(self.text)


class Hello(App[None]):
    BINDINGS = [("c", "open('Compare view opened')", "Compare"),
                ("v", "open('Events view opened')", "Events")]

    def compose(self) -> ComposeResult:
        yield Static("Hello, world")

    def action_open(self, text: str) -> None:
        self.push_screen(OneStatic(text))


if __name__ == "__main__":
    Hello().run()
