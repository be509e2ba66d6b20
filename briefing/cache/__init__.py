"""The load cache: what a load produced, reused while no content file changes.

Public API:

- ``load_corpus_cached(path)``: ``briefing.loader.load_corpus`` with the cache in front.
- ``search_index(corpus)``: the corpus's search index, restored from the cache when it matches.
- ``briefing.cache.head``: the reader's first screen (``load_head``, ``save``, ``load_full``,
  ``fingerprint``), so that `briefing read` paints before the whole corpus is in.

Modules: corpus (the corpus and the index), parts (each content file's own result, so that
a load after an edit re-reads only the edited files), head (the first screen), checked (the
last `briefing check`'s output, while nothing changed), files (where the
files live, how they are keyed, read and written safely; ``slot``, ``code_key`` and
``safe_dir`` are shared with the on-disk search index, briefing.index).  BRIEFING_NO_CACHE=1 turns the
cache off; BRIEFING_CACHE_DIR puts it elsewhere.
"""

from __future__ import annotations

from typing import Any

from briefing.cache.files import cache_dir, code_key, enabled, safe_dir, slot

__all__ = ["cache_dir", "code_key", "enabled", "load_corpus_cached", "safe_dir", "search_index",
           "slot"]


def __getattr__(name: str) -> Any:
    # The corpus cache imports the model: `briefing search`, which needs only files.py (for
    # its index's place and key), does without it.
    if name in ("load_corpus_cached", "search_index"):
        from briefing.cache import corpus

        return getattr(corpus, name)
    raise AttributeError(f"module 'briefing.cache' has no attribute {name!r}")
