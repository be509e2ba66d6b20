"""Titles cut to a column's width so that two different titles never look the same."""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size

ELLIPSIS = "…"


def _end_cut(title: str, width: int) -> str:
    return set_cell_size(title, width - 1).rstrip() + ELLIPSIS


def _middle_cut(title: str, width: int) -> str:
    """The start and the end of ``title`` (where titles of a series differ), "…" between."""
    head_width = (width - 1) // 2
    tail_width = width - 1 - head_width
    head = set_cell_size(title, head_width).rstrip()
    tail = ""
    for ch in reversed(title):  # by cells, so wide scripts keep the column aligned
        if cell_len(ch + tail) > tail_width:
            break
        tail = ch + tail
    return head + ELLIPSIS + tail.lstrip()


def fit_titles(titles: dict[str, str], width: int) -> dict[str, str]:
    """Each title (by key) cut to ``width`` cells: at the end, or, where that would make two
    different titles read the same ("Collective Security T…"), in the middle."""
    width = max(width, 3)
    cut = {key: title if cell_len(title) <= width else _end_cut(title, width)
           for key, title in titles.items()}
    seen: dict[str, list[str]] = {}
    for key, shown in cut.items():
        seen.setdefault(shown, []).append(key)
    for shown, keys in seen.items():
        if len(keys) > 1 and len({titles[k] for k in keys}) > 1:
            for key in keys:
                if cell_len(titles[key]) > width:
                    cut[key] = _middle_cut(titles[key], width)
    return cut
