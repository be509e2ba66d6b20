"""The persistent search index (SQLite FTS5 in the user cache dir) and the one search function
that the CLI (`briefing search`) and the reader's search screen both call.

    from briefing.index import open_index
    results = open_index(content_dir).find("Lachin corridor")   # Results(total, hits)

``open_index`` takes a content directory (the CLI: no corpus is loaded) or a loaded Corpus (the
reader).  terms.py turns text into tokens, documents.py reads one source's files, store.py
keeps the SQLite file up to date, engine.py searches it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from briefing.index.engine import Results, SearchEngine, parse_query
from briefing.index.store import Stop, Stopped

if TYPE_CHECKING:
    from briefing.model import Corpus

__all__ = ["Results", "SearchEngine", "Stopped", "open_index", "parse_query"]


def open_index(source: Path | str | Corpus, *, claims: bool = True,
               stop: Stop = None) -> SearchEngine:
    """The up-to-date search index of a content directory or of a loaded corpus.  ``claims``
    False: a content directory's claims files are compared with the index only when claims
    are searched (a search of paragraphs stats half the files).  ``stop``: asked before each
    source a build or refresh reads; once it says True, Stopped is raised and nothing half
    done is kept (the reader closing during a first build)."""
    if isinstance(source, (str, os.PathLike)):  # the CLI: briefing.model is not even imported
        return SearchEngine.for_content(Path(source), claims=claims, stop=stop)
    return SearchEngine.for_corpus(source, stop)
