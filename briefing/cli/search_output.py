"""How `briefing search` prints its hits for people: a heading, then per hit a line saying
where (id, kind, score, how the words matched) and the snippet indented below it.

On a terminal (or with FORCE_COLOR) the lines go through Rich as ``Text``: never markup, the
id in colour, the matched words highlighted, the snippet wrapped to the terminal's width.
Anywhere else (a pipe, a file) the same lines are written as plain text, one snippet per
line, without importing Rich (~20-30 ms of the command's time): grep-able, and each
untrusted string (snippet, id) reduced to one line of printable characters
(briefing.text.clean_line, visible).
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from briefing.analysis.hits import Hit


def styled_output() -> bool:
    """Whether stdout gets styles (a terminal, or FORCE_COLOR set, as Rich decides)."""
    return bool(os.environ.get("FORCE_COLOR")) or sys.stdout.isatty()


def where(hit: Hit) -> tuple[str, str]:
    """The hit's id, and its kind, score and (unless exact) how its words matched."""
    return hit.id, f"{hit.kind} {hit.score:.2f}" + ("" if hit.match == "exact" else f" {hit.match}")


def print_plain(heading: str, hits: list[Hit]) -> None:
    from briefing.text import clean_line, visible

    lines = [visible(heading)]
    for hit in hits:
        hit_id, detail = where(hit)
        lines += ["", f"{visible(hit_id)}  {detail}",
                  "  " + ("…" if hit.snippet_start else "") + clean_line(hit.snippet)]
    _echo("\n".join(lines))


def print_styled(heading: str, hits: list[Hit]) -> None:
    from briefing.cli.output import console, text

    out = console()
    out.print(text(heading))
    for hit in hits:
        hit_id, detail = where(hit)
        line = text(f"{hit_id}  {detail}")
        line.stylize("cyan", 0, len(hit_id))
        line.stylize("dim", len(hit_id))
        shift = 1 if hit.snippet_start else 0
        snippet = text(("…" if shift else "") + hit.snippet)
        for a, b in hit.matches:
            a, b = a - hit.snippet_start, b - hit.snippet_start
            if 0 <= a and b <= len(hit.snippet):
                snippet.stylize("bold reverse", a + shift, b + shift)
        out.print()
        out.print(line)
        for part in snippet.wrap(out, max(20, out.width - 2)):  # indented under the id
            out.print(text("  ") + part)


def _echo(s: str) -> None:
    """``s`` on stdout, each character the output's encoding lacks as '?' (an ASCII locale)."""
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    click.echo(s.encode(encoding, "replace").decode(encoding))


def print_nothing_found(heading: str) -> None:
    if styled_output():
        from briefing.cli.output import console, text

        console().print(text(heading))
    else:
        from briefing.text import visible

        _echo(visible(heading))
