"""How `briefing search` prints its hits for people: a heading, then per hit a line saying
where (id, kind, score, how the words matched) and the snippet indented below it.

On a terminal (or with FORCE_COLOR) the id is in colour, the matched words are highlighted
(bold, reverse) and the snippet is wrapped at spaces to the terminal's width; anywhere else
(a pipe, a file) the same lines come as plain text, each snippet on one line (grep-able).
Styles are click's SGR codes around text that holds no control character (every untrusted
string goes through briefing.text.clean or visible first): nothing in a snippet is read as
markup or reaches the terminal as an escape sequence.  Rich is not used here: importing and
laying out its console cost ~25 ms, a fifth of a search at 5,000 articles.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

import click

from briefing.text import clean, visible

if TYPE_CHECKING:
    from briefing.analysis.hits import Hit

INDENT = "  "


def styled_output() -> bool:
    """Whether stdout gets styles: a terminal, or FORCE_COLOR set (as Rich and click's
    users expect); never with NO_COLOR set."""
    if os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or sys.stdout.isatty()


def print_hits(heading: str, hits: list[Hit], styled: bool) -> None:
    width = _width() if styled else None
    lines = [visible(heading)]
    for hit in hits:
        detail = f"{hit.kind} {hit.score:.2f}" + ("" if hit.match == "exact" else f" {hit.match}")
        hit_id = visible(hit.id)
        lines += ["", f"{click.style(hit_id, fg='cyan')}  {click.style(detail, dim=True)}"
                  if styled else f"{hit_id}  {detail}"]
        lines += [INDENT + line for line in _snippet_lines(hit, width, styled)]
    _echo("\n".join(lines))


def print_line(line: str) -> None:
    _echo(visible(line))


def _snippet_lines(hit: Hit, width: int | None, styled: bool) -> list[str]:
    """The snippet ("…" first if it starts mid-text) as one line, or wrapped at spaces to
    ``width`` with the matched words styled.  Cleaned piece by piece between the matches, so
    that the match offsets still point into it; line breaks become spaces."""
    cuts = [(a - hit.snippet_start, b - hit.snippet_start) for a, b in hit.matches
            if 0 <= a - hit.snippet_start and b - hit.snippet_start <= len(hit.snippet)]
    pieces, spans, at = ["…" if hit.snippet_start else ""], [], 0
    for a, b in cuts:
        if a < at:
            continue  # overlapping matches: the first one is highlighted
        pieces.append(_flat(hit.snippet[at:a]))
        start = sum(map(len, pieces))
        pieces.append(_flat(hit.snippet[a:b]))
        spans.append((start, start + len(pieces[-1])))
        at = b
    pieces.append(_flat(hit.snippet[at:]))
    text = "".join(pieces)
    if width is None:
        return [text]
    import textwrap

    out, pos = [], 0
    for line in textwrap.wrap(text, max(20, width - len(INDENT)), break_on_hyphens=False):
        start = text.find(line, pos)  # wrap only drops spaces where it breaks
        end = pos = start + len(line)
        styled_line, at = [], start
        for a, b in spans:
            a, b = max(a, start), min(b, end)
            if a < b:
                styled_line += [text[at:a], click.style(text[a:b], bold=True, reverse=True)]
                at = b
        out.append("".join(styled_line) + text[at:end] if styled else line)
    return out


def _flat(s: str) -> str:
    """``s`` with no control character (briefing.text.clean) on one line."""
    return clean(s).replace("\n", " ").replace("\t", " ")


def _width() -> int:
    import shutil

    return shutil.get_terminal_size().columns  # COLUMNS first, as Rich and click read it


def _echo(s: str) -> None:
    """``s`` on stdout, each character the output's encoding lacks as '?' (an ASCII locale)."""
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    click.echo(s.encode(encoding, "replace").decode(encoding), color=True)
