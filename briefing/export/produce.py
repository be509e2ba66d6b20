"""One way to produce an export, shared by `briefing export` and the reader's export dialog:
gather what goes in, render it in a format, write it atomically.

    brief, highlights = gather(store, corpus, filters, author="Ana")
    rendered = render(brief, "csv", highlights, corpus)   # text, or files for "obsidian"
    write(path, rendered, force=False)                    # ExportError if it exists
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from briefing.export.brief import Brief, build_brief
from briefing.export.csv_export import render_csv
from briefing.export.highlights import with_highlights
from briefing.export.json_export import render_json
from briefing.export.markdown import render_markdown
from briefing.export.obsidian import render_obsidian
from briefing.export.write import write_export, write_folder
from briefing.model import Corpus
from briefing.store.highlights import Highlight, select_highlights
from briefing.store.query import Filters, select
from briefing.store.synthesis import syntheses
from briefing.text import clean_line

if TYPE_CHECKING:
    from briefing.store import AnnotationStore

Rendered = str | dict[str, str]  # a file's text, or a folder's files (relative path -> text)


def gather(store: "AnnotationStore", corpus: Corpus, filters: Filters,
           author: str = "") -> tuple[Brief, list[Highlight]]:
    """The brief of the annotations matching ``filters`` (with every author's synthesis, or
    the filtered authors'), and the highlights matching them.  Raises StoreError/OSError
    when the store cannot be read."""
    highlights = select_highlights(store.highlights.all(), corpus, filters)
    brief = build_brief(select(store, corpus, filters), corpus, filters, author=author,
                        synthesis=syntheses(store, corpus.title, filters.authors),
                        highlighted_by=[clean_line(h.author) for h in highlights])
    return brief, highlights


def render(brief: Brief, fmt: str, highlights: list[Highlight], corpus: Corpus) -> Rendered:
    if fmt == "obsidian":
        return render_obsidian(brief, highlights, corpus)
    text = {"md": render_markdown, "csv": render_csv, "json": render_json}[fmt](brief)
    return with_highlights(text, fmt, highlights, corpus, brief)


def write(path: Path, rendered: Rendered, *, force: bool = False) -> Path:
    """Atomically; an existing target is replaced only with ``force`` (ExportError)."""
    if isinstance(rendered, dict):
        return write_folder(path, rendered, force=force)
    return write_export(path, rendered, force=force)
