"""briefing.tui.lowband: in low-bandwidth mode a focused input does not blink."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Input

from briefing.tui.lowband import steady_cursors


class InputApp(App[None]):
    def compose(self) -> ComposeResult:
        yield Input(id="box")


async def test_focused_input_stops_blinking_only_in_low_bandwidth_mode():
    for app_class, blinks in ((InputApp, True), (steady_cursors(InputApp), False)):
        app = app_class()
        async with app.run_test() as pilot:
            app.query_one("#box", Input).focus()
            await pilot.pause()
            assert app.query_one("#box", Input).cursor_blink is blinks
    assert steady_cursors(InputApp).__name__ == "InputApp"
