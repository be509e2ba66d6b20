"""The line at the top of every full screen: the palette icon, then the title — what is open."""

from __future__ import annotations

from textual.content import Content
from textual.events import Click
from textual.widget import Widget

from briefing.tui.memory import unwatch
from briefing.tui.viewmodels.reader import strip_for_display as shown

ICON = "≡"
ICON_CELLS = 8  # the icon's cell on the left; a click there opens the command palette
RIGHT_CELLS = 10  # kept blank on the right so the title sits centred between the two


class TitleBar(Widget):
    """Textual's Header, as one widget.

    Header is four widgets whose styles are parsed when the first screen mounts, and it looks
    up its title widget whenever a title changes, which fails (NoMatches) if that happens while
    it is still composing.  This one renders the current titles whenever it paints, so a title
    set at any moment simply shows on the next frame.  Same layout as Header without a clock.
    """

    def on_mount(self) -> None:
        for node in (self.app, self.screen):
            self.watch(node, "title", self._titles_changed, init=False)
            self.watch(node, "sub_title", self._titles_changed, init=False)

    def on_unmount(self) -> None:
        # Else the app and the screen keep this bar (and its closed screen) alive (memory.py).
        for node in (self.app, self.screen):
            unwatch(self, node, "title", "sub_title")

    def _titles_changed(self) -> None:
        self.refresh()

    def _titles(self) -> tuple[str, str]:
        screen = self.screen
        title = screen.title if screen.title is not None else self.app.title
        sub_title = screen.sub_title if screen.sub_title is not None else self.app.sub_title
        return shown(title or ""), shown(sub_title or "")

    def render(self) -> Content:
        width = self.size.width
        icon = Content(f" {ICON}").pad_right(ICON_CELLS - 2)
        room = max(width - ICON_CELLS - RIGHT_CELLS, 1)
        title = self.app.format_title(*self._titles()).truncate(room, ellipsis=True)
        return icon + title.pad_left((room - title.cell_length) // 2)

    async def on_click(self, event: Click) -> None:
        if event.x < ICON_CELLS and self.app.ENABLE_COMMAND_PALETTE:
            event.stop()
            await self.run_action("app.command_palette")
