"""The persistent search index (SQLite FTS5 in the user cache dir) and the one search function
that the CLI (`briefing search`) and the reader's search screen both call.

    from briefing.index import open_index
    results = open_index(content_dir).find("Lachin corridor")   # Results(total, hits)

``open_index`` takes a content directory (the CLI: no corpus is loaded) or a loaded Corpus (the
reader).  terms.py turns text into tokens, documents.py reads one source's files, store.py
keeps the SQLite file up to date (listing.py stats the content files, possibly in a thread
started early), engine.py searches it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from typing import Any

if TYPE_CHECKING:
    from briefing.index.engine import SearchEngine
    from briefing.index.listing import Prefetch
    from briefing.model import Corpus

__all__ = ["Results", "SearchEngine", "open_index", "parse_query"]


def __getattr__(name: str) -> Any:
    # The engine on first use: briefing.index.listing can be started before it is imported.
    if name in ("Results", "SearchEngine", "parse_query"):
        from briefing.index import engine

        return getattr(engine, name)
    raise AttributeError(f"module 'briefing.index' has no attribute {name!r}")


def open_index(source: Path | str | Corpus, ahead: Prefetch | None = None) -> SearchEngine:
    """The up-to-date search index of a content directory (``ahead``: its files' listing,
    started early) or of a loaded corpus."""
    from briefing.index.engine import SearchEngine

    if isinstance(source, (str, os.PathLike)):  # the CLI: briefing.model is not even imported
        return SearchEngine.for_content(Path(source), ahead=ahead)
    return SearchEngine.for_corpus(source)
