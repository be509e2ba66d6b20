"""The line at the bottom of every full screen: the keys that apply now, and the palette's."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.events import Click
from textual.widget import Widget

PALETTE_EDGE = "▏"


class KeyBar(Widget):
    """Textual's Footer, as one widget.

    Footer mounts a widget per key and builds them all again whenever the bindings change (the
    focus moved, a check_action answer changed), each new one restyled in turn: opening the
    compare view did that three times over.  This one works out the same keys, in the same
    order, when it paints.  A click on a key presses it; disabled keys are dimmed.
    """

    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description", "key-bar--disabled"}

    # (start column, end column, binding, enabled) of each key painted, for clicks.
    _targets: list[tuple[int, int, Binding, bool]] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen) -> None:
        self.refresh()

    def entries(self) -> tuple[list[tuple[Binding, bool]], tuple[Binding, bool] | None]:
        """(the keys shown, in the screen's order, one per action; the palette's key)."""
        active = self.screen.active_bindings
        shown: dict[str, tuple[Binding, bool]] = {}
        for _node, binding, enabled, _tooltip in active.values():
            if binding.show and binding.action not in shown:
                shown[binding.action] = (binding, enabled)
        palette = None
        if self.app.ENABLE_COMMAND_PALETTE:
            found = active.get(self.app.COMMAND_PALETTE_BINDING)
            if found is not None:
                palette = (found.binding, found.enabled)
        return list(shown.values()), palette

    def render(self) -> Content:
        key_style = self.get_visual_style("key-bar--key")
        text_style = self.get_visual_style("key-bar--description")
        dim_style = self.get_visual_style("key-bar--disabled")

        def label(binding: Binding, enabled: bool) -> Content:
            # Key names and descriptions are ours or from the user's keymap: plain text.
            text = Content.assemble((self.app.get_key_display(binding), key_style), " ",
                                    (binding.description, text_style))
            return text if enabled else text.stylize(dim_style)

        keys, palette = self.entries()
        width = self.size.width
        targets: list[tuple[int, int, Binding, bool]] = []
        tail = Content("")
        if palette is not None:
            tail = Content(PALETTE_EDGE + " ") + label(*palette)
        room = max(width - tail.cell_length, 0)
        line = Content("")
        for binding, enabled in keys:
            piece = label(binding, enabled)
            start = line.cell_length + 1 if line.cell_length else 0
            if start + piece.cell_length > room - 1:
                break  # no room left before the palette's key
            line = line + " " + piece if line.cell_length else piece
            targets.append((start, start + piece.cell_length, binding, enabled))
        if palette is not None:
            start = room + len(PALETTE_EDGE) + 1
            targets.append((start, width, *palette))
        self._targets = targets
        return line.pad_right(room - line.cell_length) + tail

    def on_click(self, event: Click) -> None:
        for start, end, binding, enabled in self._targets:
            if start <= event.x < end:
                event.stop()
                if enabled:
                    self.app.simulate_key(binding.key.split(",")[0])
                else:
                    self.app.bell()
                return
