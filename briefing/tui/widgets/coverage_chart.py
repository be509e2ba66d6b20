"""A small chart for the events view: each source's claims by year of the event, and in total.

Drawn with block characters, so the shape reads without colour (16 colours, NO_COLOR, a
browser); colours come from theme variables.  The text is built by a pure function
(:func:`chart_lines`) so its layout can be tested at any width without an app.
"""

from __future__ import annotations

from textual.content import Content
from textual.widget import Widget

LEVELS = "▁▂▃▄▅▆▇█"
EIGHTHS = " ▏▎▍▌▋▊▉"
CELL = 4  # columns per year
LABEL = 11  # source label column
MIN_BAR = 8


def level(value: int, top: int) -> str:
    """One of ▁..█ for a value in 1..top (0 is drawn separately)."""
    if value <= 0 or top <= 0:
        return " "
    return LEVELS[min(len(LEVELS) - 1, max(0, round(value / top * len(LEVELS)) - 1))]


def bar(value: int, top: int, width: int) -> str:
    """A horizontal bar of ``width`` cells at most, in eighths of a cell."""
    if top <= 0 or width <= 0 or value <= 0:
        return ""
    eighths = max(1, round(value / top * width * 8))
    full, rest = divmod(eighths, 8)
    return "█" * full + (EIGHTHS[rest] if rest else "")


def buckets(years: list[int], room: int) -> list[tuple[str, list[int]]]:
    """Year columns that fit in ``room`` cells: early years merge into one "≤YY" column."""
    if not years:
        return []
    fit = max(1, room // CELL)
    if len(years) <= fit:
        return [(f"'{y % 100:02d}", [y]) for y in years]
    keep = years[-(fit - 1):] if fit > 1 else []
    early = years[: len(years) - len(keep)]
    return [(f"≤{early[-1] % 100:02d}", early)] + [(f"'{y % 100:02d}", [y]) for y in keep]


def chart_lines(width: int, sources: list[tuple[str, str]], years: list[int],
                per_year: dict[str, dict[int, int]], totals: dict[str, int]) -> list[Content]:
    """The chart, one Content per line, never wider than ``width``.

    ``sources`` are (article id, label); ``per_year`` article -> year -> claims;
    ``totals`` article -> claims.
    """
    width = max(width, 20)
    total_room = max(MIN_BAR + 4, min(30, width // 4))
    room = width - LABEL - total_room
    cols = buckets(years, room) if room >= CELL else []
    cells = {aid: [sum(per_year.get(aid, {}).get(y, 0) for y in ys) for _, ys in cols]
             for aid, _ in sources}
    top_cell = max((v for row in cells.values() for v in row), default=0)
    top_total = max(totals.values(), default=0)
    bar_width = total_room - 4
    header = Content.assemble(
        ("claims in".ljust(LABEL), "bold"),
        "".join(name.rjust(CELL - 1) + " " for name, _ in cols),
        (" total", "bold"))
    lines = [header]
    for aid, label in sources:
        parts: list[Content | tuple[str, str] | str] = [(label[:LABEL - 1].ljust(LABEL), "bold")]
        for value in cells[aid]:
            if value:
                parts.append((" " + level(value, top_cell) * 2 + " ", "$text-primary"))
            else:
                parts.append(("  · ", "$text-muted"))
        n = totals.get(aid, 0)
        parts.append((f" {n:>3} ", "bold"))
        parts.append((bar(n, top_total, bar_width), "$text-accent"))
        lines.append(Content.assemble(*parts))
    return [line.truncate(width) for line in lines]


class CoverageChart(Widget):
    """Claims per source by year (a row of ▁..█ per source) and total claims as bars."""

    DEFAULT_CSS = "CoverageChart { height: auto; }"

    def __init__(self, sources: list[tuple[str, str]], years: list[int],
                 per_year: dict[str, dict[int, int]], totals: dict[str, int],
                 *, others: int = 0, id: str | None = None) -> None:
        super().__init__(id=id)
        self.others = others  # sources left out of the chart (it draws the busiest only)
        self.sources = sources
        self.years = years
        self.per_year = per_year
        self.totals = totals

    def render(self) -> Content:
        width = self.content_region.width or self.size.width or 80
        lines = chart_lines(width, self.sources, self.years, self.per_year, self.totals)
        if self.others:
            lines.append(Content.styled(f"and {self.others} other sources", "$text-muted"))
        return Content("\n").join(lines)

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self.sources) + 1 + (1 if self.others else 0)

    def on_resize(self) -> None:
        self.refresh()
