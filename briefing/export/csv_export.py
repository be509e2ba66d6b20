"""The CSV export: one row per annotation, in Hypothesis' columns, for spreadsheets and for
tools that import Hypothesis exports.

Columns: created, author, source, URL, quote, comment, tags.  ``source`` is the full
citation (author, title, outlet, date, translator; section and paragraph), ``tags`` are
separated by commas; ``author`` is named as in the brief (Brief.author_name: never "root").  RFC 4180 quoting (the csv module), UTF-8 with a byte-order mark so
Excel reads accents right, CRLF line ends.  A cell that a spreadsheet would run as a formula
(starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return: OWASP's list) gets a
leading apostrophe, which spreadsheets show as text.
"""

from __future__ import annotations

import csv
import io

from briefing.export import cite
from briefing.export.brief import Brief
from briefing.text import clean, clean_line

COLUMNS = ("created", "author", "source", "URL", "quote", "comment", "tags")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def rows(brief: Brief) -> list[dict[str, str]]:
    out = []
    for entry in brief.entries:
        url = entry.article.url or "" if entry.article is not None else ""
        source = cite.plain_citation(entry)
        for ann in entry.annotations:
            quote = entry.quote if entry.claim is not None else (ann.quote or entry.quote)
            out.append({"created": ann.created, "author": brief.author_name(clean_line(ann.author)),
                        "source": source, "URL": clean_line(url), "quote": clean_line(quote),
                        "comment": clean(ann.note), "tags": ", ".join(ann.tags)})
    return out


def render_csv(brief: Brief) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in rows(brief):
        writer.writerow({k: _cell(v) for k, v in row.items()})
    return "\ufeff" + buffer.getvalue()
