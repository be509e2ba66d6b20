"""The corpus and its search index, reused while no content file changes.

Loading validates every file and anchors every claim (about 1.5 s for a 1,000-article briefing);
unpickling the result takes about a tenth of a second, and restoring the search index from
its dump a tenth of building it.  ``load_corpus_cached`` is ``load_corpus`` with this cache in
front; ``search_index`` builds an index or restores it.

Validity.  A corpus file is keyed by the content directory's absolute path (and the path as
given, which the corpus's paths are built from), every content file's path, size and
mtime_ns, the package version, the Python version and the size and mtime of the code that
loads (so an edit to the loader is not masked during development).  The key is checked from
a plain-text header *before* anything is unpickled.  An index file is keyed by a digest of
the documents it indexes (their kinds, ids and texts) and of the indexing code, so it matches
whichever way its corpus was loaded.  Only problem-free loads are cached, and only if no file
changed while loading.  When the corpus file misses, the load goes through the per-file cache
(briefing.cache.parts): only the files changed since are read.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from briefing.cache.files import (
    LOAD_CODE, code_key, enabled, load_pieces, read_payload, slot, stat_tree, write_payload,
    write_pieces,
)
from briefing.model import Corpus

if TYPE_CHECKING:
    from briefing.analysis.search import SearchIndex
    from briefing.problems import Problem

# The code whose changes change what an index produces, relative to the package.
INDEX_CODE = ("text.py", "analysis/search.py", "analysis/tokens.py", "cache")
# A corpus file is written in pieces (briefing.cache.files.load_pieces): this many articles,
# or claims, to a piece (at 5,000 articles, ~0.6 MB and a few ms of unpickling each).
ARTICLES_PER_PIECE = 32
CLAIMS_PER_PIECE = 2000


def load_corpus(path: Path) -> tuple[Corpus, list[Problem], bool]:
    """briefing.loader.load_corpus, imported only when the cache misses: a cached start then
    never imports YAML or Markdown parsers (~55 ms).  Unchanged files' results come from the
    per-file cache (briefing.cache.parts): after an edit only the edited files are read.
    The flag: worth saving whole (see load_corpus_cached)."""
    from briefing import loader

    if not enabled():
        return (*loader.load_corpus(path), False)
    from briefing.cache.parts import FileParts

    parts = FileParts(path)
    corpus, problems = loader.load_corpus(path, parts=parts)
    return corpus, problems, not (parts.parsed and parts.reused)


def load_corpus_cached(path: Path, *, between: Callable[[], object] | None = None,
                       ) -> tuple[Corpus, list[Problem]]:
    """``load_corpus(path)``, from the cache when no content file changed since it was saved.
    ``between`` is called between the pieces of a cached corpus (files.load_pieces), and
    every few hundred files while they are stat'ed for the key: a thread loading in the
    background lets the interface go first there."""
    path = Path(path)
    if not enabled():
        return load_corpus(path)[:2]
    try:
        key = corpus_key(path, between)
    except OSError:
        return load_corpus(path)[:2]  # the loader reports what is wrong with the directory
    file = slot(path, "corpus")
    pieces = load_pieces(file, key, between)
    corpus = _from_pieces(pieces) if pieces is not None else None
    if corpus is not None:
        return corpus, []
    corpus, problems, settled = load_corpus(path)
    # Right after an edit (some files parsed, the rest reused) the whole corpus is not saved:
    # pickling and writing it costs more than the per-file load it would spare (0.3 s and
    # 20 MB at 1,000 articles), and while someone edits, the next load is after another edit.
    # The next load that reuses every file saves it.
    if not problems and settled:
        try:
            unchanged = corpus_key(path) == key  # no edit during the load
        except OSError:
            unchanged = False
        if unchanged and _indexed(corpus):
            write_pieces(file, key, lambda: _to_pieces(corpus))
    return corpus, problems


# --- the corpus in pieces -----------------------------------------------------------------------
# Each piece is unpickled on its own (own memo), so no object may be shared between pieces:
# articles (with their sections and paragraphs) in runs, claims in runs, and the rest of the
# corpus (events, lexicon, ...) without them.  The lookup tables refer across pieces: the
# paragraphs' goes with the articles, the claims' are stored as positions in the claims'
# order (a number is found faster than an id: no string to hash and compare).

def _indexed(corpus: Corpus) -> bool:
    """The corpus's lookup tables are those its pieces rebuild (as after Corpus.reindex,
    which the loader ends with); else it is not cached, rather than cached wrong."""
    claims = corpus.claims
    paragraphs = _paragraphs_of(corpus.articles.values())
    return (list(corpus._paragraphs) == list(paragraphs)
            and all(p is paragraphs[pid] for pid, p in corpus._paragraphs.items())
            and all(key == c.id for key, c in claims.items())
            and all(claims.get(c.id) is c for table in (corpus._by_event, corpus._by_article)
                    for listed in table.values() for c in listed))


def _paragraphs_of(articles) -> dict:
    return {p.id: p for a in articles for p in a.paragraphs()}


def _to_pieces(corpus: Corpus) -> list[Any]:
    articles = list(corpus.articles.items())
    claims = list(corpus.claims.values())
    rest = dataclasses.replace(corpus, articles={}, claims={}, _paragraphs={}, _by_event={},
                               _by_article={})
    position = {id(c): n for n, c in enumerate(claims)}
    tables = tuple({key: [position[id(c)] for c in listed] for key, listed in table.items()}
                   for table in (corpus._by_event, corpus._by_article))
    return ([("rest", rest, tables)]
            + [_articles_piece(dict(articles[i:i + ARTICLES_PER_PIECE]))
               for i in range(0, len(articles), ARTICLES_PER_PIECE)]
            + [("claims", {c.id: c for c in claims[i:i + CLAIMS_PER_PIECE]})
               for i in range(0, len(claims), CLAIMS_PER_PIECE)])


def _articles_piece(articles: dict) -> tuple[str, dict, dict]:
    # With their paragraphs' part of the lookup table, pickled with them (the same objects).
    return ("articles", articles, _paragraphs_of(articles.values()))


def _from_pieces(pieces: list[Any]) -> Corpus | None:
    """The corpus the pieces were cut from, or None if they are not such pieces."""
    try:
        kind, corpus, (by_event, by_article) = pieces[0]
        if kind != "rest" or not isinstance(corpus, Corpus):
            return None
        for kind, *parts in pieces[1:]:
            if kind == "articles":
                articles, paragraphs = parts
                corpus.articles.update(articles)
                corpus._paragraphs.update(paragraphs)
            elif kind == "claims":
                corpus.claims.update(*parts)
            else:
                return None
        claim = list(corpus.claims.values()).__getitem__
        corpus._by_event = {key: list(map(claim, at)) for key, at in by_event.items()}
        corpus._by_article = {key: list(map(claim, at)) for key, at in by_article.items()}
    except (TypeError, ValueError, KeyError, AttributeError):
        return None
    return corpus


def search_index(corpus: Corpus) -> "SearchIndex":
    """The corpus's search index (``build_index``), restored from the cache when it matches."""
    was_enabled = gc.isenabled()
    gc.disable()  # tens of thousands of new objects and no garbage (as in SearchIndex)
    try:
        return _search_index(corpus)
    finally:
        if was_enabled:
            gc.enable()


def _search_index(corpus: Corpus) -> "SearchIndex":
    from briefing.analysis.search import SearchIndex, corpus_documents

    docs = list(corpus_documents(corpus))
    if not enabled() or corpus.root is None:
        index = SearchIndex()
        index.add_documents(docs)
        return index
    try:
        key = index_key(docs)
    except OSError:
        key = None
    file = slot(Path(corpus.root), "index")
    blob = read_payload(file, key) if key is not None else None
    if blob is not None:
        try:
            return SearchIndex.restore(blob, docs)
        except ValueError:
            pass  # another layout or other documents: rebuild, which rewrites it
    index = SearchIndex()
    index.add_documents(docs)
    if key is not None:
        write_payload(file, key, index.dump)
    return index


def corpus_key(content: Path, between: Callable[[], object] | None = None) -> str:
    h = hashlib.sha256(code_key(LOAD_CODE).encode())
    h.update(f"|{content.resolve()}|{content}|".encode("utf-8", "surrogatepass"))
    if not content.is_dir():
        raise NotADirectoryError(str(content))
    for rel, size, mtime in stat_tree(content, between):
        h.update(f"{rel}|{size}|{mtime}\n".encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def index_key(docs: list) -> str:
    h = hashlib.sha256(code_key(INDEX_CODE).encode())
    # One join and one encode: about 20 ms for 16 M characters.  NUL separates fields; the
    # counts make the split unambiguous even if a text contained NUL.
    h.update(f"{len(docs)}|".encode())
    parts: list[str] = []
    for d in docs:
        parts += (d.kind, d.id, str(len(d.text)), d.text)
    h.update("\0".join(parts).encode("utf-8", "surrogatepass"))
    return h.hexdigest()
