"""The reader's first screen from a small cache, so `briefing read` paints in a fraction of a load.

briefing.cache.corpus keeps a whole loaded corpus (unpickling it: ~0.3 s for 1,000 articles,
too slow for the first paint).  This module adds a *head* next to it: the outline (every source and
section), the events, and the FIRST article with its claims, enough to paint the first screen.
The reader shows the head at once and takes the full corpus (load_corpus_cached)
in a background thread after the first paint.

The head is keyed like the corpus (every content file's path, size and mtime, the package and
Python versions, the loading code) and read and written with briefing.cache.files' rules:
atomic writes, private files in a private folder, header checked before unpickling.
BRIEFING_NO_CACHE=1 turns it off with the rest of the cache.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from briefing.cache.corpus import corpus_key, load_corpus_cached
from briefing.cache.files import enabled, load_payload, slot, write_payload
from briefing.model import Corpus
from briefing.outline import OutlineEntry, outline

HEAD_FORMAT = 1  # of the pickled (format, corpus, outline) tuple


def fingerprint(content_dir: Path) -> str:
    """Changes whenever a content file or the loading code changes (one stat per file)."""
    return corpus_key(Path(content_dir)) + f"|head{HEAD_FORMAT}"


@dataclass(slots=True)
class Head:
    """What the first screen needs."""

    corpus: Corpus  # briefing metadata, all events, the first article and its claims
    outline: list[OutlineEntry]
    key: str
    content_dir: Path


def head_of(corpus: Corpus) -> Corpus:
    """A corpus with only the first article (and its claims): what the first screen shows."""
    first = next(iter(corpus.articles), None)
    head = Corpus(title=corpus.title, description=corpus.description,
                  questions=list(corpus.questions), events=dict(corpus.events), root=corpus.root)
    if first is not None:
        head.articles[first] = corpus.articles[first]
        head.claims = {cid: c for cid, c in corpus.claims.items() if c.article_id == first}
    head.reindex()
    return head


def save(content_dir: Path, corpus: Corpus, key: str) -> bool:
    """Write the head of ``corpus`` (loaded from files with fingerprint ``key``)."""
    if not enabled():
        return False
    import pickle

    payload = (HEAD_FORMAT, head_of(corpus), [tuple(e) for e in outline(corpus)])
    try:
        return write_payload(slot(Path(content_dir), "head"), key,
                            lambda: pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL))
    except Exception:  # a cache that cannot be written only costs speed
        return False


def load_head(content_dir: Path) -> Head | None:
    """The cached head if it matches the files as they are now, else None."""
    if not enabled():
        return None
    content_dir = Path(content_dir)
    try:
        key = fingerprint(content_dir)
    except OSError:
        return None
    payload = load_payload(slot(content_dir, "head"), key)
    if not isinstance(payload, tuple) or len(payload) != 3 or payload[0] != HEAD_FORMAT:
        return None
    _, corpus, entries = payload
    if not isinstance(corpus, Corpus):
        return None
    try:
        return Head(corpus, [OutlineEntry(*e) for e in entries], key, content_dir)
    except TypeError:
        return None


def load_full(head: Head, between: Callable[[], object] | None = None) -> Corpus | None:
    """The whole corpus (the corpus cache, or a fresh load): None if it now has problems.
    ``between``: see load_corpus_cached."""
    corpus, problems = load_corpus_cached(head.content_dir, between=between)
    return None if problems else corpus
