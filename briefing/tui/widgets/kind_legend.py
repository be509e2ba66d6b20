"""What the claim highlights mean: each kind in its own colour, with a few words.

Shown in the claim panel and the help screen.  The colours are the article's own
(``.claim--<kind>`` in briefing.tcss applies to this widget too), so the legend follows the
theme, 16 colours and NO_COLOR included."""

from __future__ import annotations

from textual.content import Content
from textual.style import Style
from textual.widget import Widget

from briefing.model import CLAIM_KINDS
from briefing.tui.viewmodels.reader import KIND_MEANINGS


class KindLegend(Widget):
    """One line per claim kind: the kind in its highlight, then what it means."""

    COMPONENT_CLASSES = {f"claim--{kind}" for kind in CLAIM_KINDS}

    def render(self) -> Content:
        width = max(len(kind) for kind in CLAIM_KINDS) + 2
        lines = [Content.styled("Highlights", "bold")]
        for kind in CLAIM_KINDS:
            name = f"claim--{kind}"
            style = self.get_visual_style(name)
            if self.get_component_styles(name).text_style.reverse:
                style = style + Style(reverse=True)
            swatch = Content(f" {kind} ".ljust(width)).stylize(style)
            lines.append(Content.assemble(swatch, " ", (KIND_MEANINGS.get(kind, ""), "dim")))
        return Content("\n").join(lines)
