"""Articles read for curation, kept while their file is unchanged.

One step reads its article twice (to find the quote, then to check the result as the loader
would), and the reader makes many steps on one article: parsing a long article each time
would be most of a step's cost.  The key is the file's identity, size and mtime, so an edit
to the article is always seen.
"""

from __future__ import annotations

import os
from pathlib import Path

from briefing.loading.anchor import ArticleIndex
from briefing.loading.articles import load_article
from briefing.model import Article
from briefing.problems import Problem

_KEEP = 8  # articles kept: the ones being curated now
_cache: dict[str, tuple[tuple[int, int, int], Article | None, list[Problem], list]] = {}


def _read(path: Path) -> tuple[Article | None, list[Problem], list]:
    try:
        st = os.stat(path)
    except OSError:
        article, problems = load_article(path)
        return article, problems, []
    key = os.path.realpath(path)
    stamp = (st.st_ino, st.st_size, st.st_mtime_ns)
    hit = _cache.get(key)
    if hit is not None and hit[0] == stamp:
        return hit[1], hit[2], hit[3]
    article, problems = load_article(path)
    if len(_cache) >= _KEEP:
        _cache.pop(next(iter(_cache)))
    _cache[key] = (stamp, article, problems, [])
    return article, problems, _cache[key][3]


def article_at(path: Path) -> Article | None:
    return _read(path)[0]


def article_and_problems(path: Path) -> tuple[Article | None, list[Problem]]:
    article, problems, _ = _read(path)
    return article, problems


def index_of(path: Path) -> ArticleIndex | None:
    """The article's anchoring index (folded paragraphs), built once per version."""
    article, _, slot = _read(path)
    if article is None:
        return None
    if not slot:
        slot.append(ArticleIndex(article))
    return slot[0]
