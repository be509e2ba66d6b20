"""The reader's head cache: the first screen's part of the corpus, invalidated by any edit."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from briefing.cache import head as head_cache
from briefing.loader import load_corpus

sys.path.insert(0, str(Path(__file__).resolve().parent))
from briefing_dirs import write_briefing  # noqa: E402


@pytest.fixture
def content(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("BRIEFING_NO_CACHE", raising=False)
    root = tmp_path / "content"
    write_briefing(root)
    return root


def _fill(content: Path):
    key = head_cache.fingerprint(content)
    corpus, problems = load_corpus(content)
    assert problems == []
    assert head_cache.save(content, corpus, key)
    return corpus


def test_head_holds_the_first_article_and_the_whole_outline(content):
    corpus = _fill(content)
    head = head_cache.load_head(content)
    assert head is not None
    first = next(iter(corpus.articles))
    assert list(head.corpus.articles) == [first]
    assert set(head.corpus.claims) == {c.id for c in corpus.claims.values() if c.article_id == first}
    assert head.corpus.events.keys() == corpus.events.keys()
    assert [e.article_id for e in head.outline] == list(corpus.articles)
    assert head.outline[0].sections == tuple((s.index, s.title) for s in corpus.articles[first].sections)
    full = head_cache.load_full(head)
    assert full is not None and full.claims.keys() == corpus.claims.keys()
    some = next(iter(corpus.claims))
    assert full.paragraph(corpus.claims[some].paragraph_id) is not None


def test_any_edit_or_new_file_invalidates(content):
    _fill(content)
    article = next((content / "articles").glob("*.md"))
    stat = article.stat()
    os.utime(article, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    assert head_cache.load_head(content) is None
    _fill(content)
    (content / "claims" / "extra.yaml").write_text("[]\n")
    assert head_cache.load_head(content) is None


def test_damaged_or_foreign_head_is_ignored(content):
    _fill(content)
    cache_dir = Path(os.environ["BRIEFING_CACHE_DIR"])
    head_file = next(cache_dir.glob("*.head"))
    data = head_file.read_bytes()
    head_file.write_bytes(data[: len(data) // 2])  # truncated
    assert head_cache.load_head(content) is None
    head_file.write_bytes(data)
    os.chmod(head_file, 0o666)  # writable by others: never unpickled
    assert head_cache.load_head(content) is None


def test_turned_off_with_the_rest_of_the_cache(content, monkeypatch):
    _fill(content)
    monkeypatch.setenv("BRIEFING_NO_CACHE", "1")
    assert head_cache.load_head(content) is None
