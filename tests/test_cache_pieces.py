"""The corpus cache file in pieces (briefing.cache.corpus, files.load_pieces): the corpus read
back piece by piece is the one written, lookup tables included (the same objects, in the same
order), the caller's ``between`` runs before each piece, and a corpus whose tables are stale
is not cached rather than cached wrong."""

from __future__ import annotations

import copy
import sys
from pathlib import Path

import pytest

from briefing import cache, loader
from briefing.cache import corpus as corpus_cache
from briefing.loader import load_corpus

sys.path.insert(0, str(Path(__file__).resolve().parent))
from briefing_dirs import write_briefing  # noqa: E402
from tests.test_cache import loads  # noqa: E402,F401 (a fixture: counts the real loads)


@pytest.fixture
def content(tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("BRIEFING_NO_CACHE", raising=False)
    # Small pieces, so that the small briefing is cut into several of each kind.
    monkeypatch.setattr(corpus_cache, "ARTICLES_PER_PIECE", 1)
    monkeypatch.setattr(corpus_cache, "CLAIMS_PER_PIECE", 2)
    root = tmp_path / "content"
    write_briefing(root)
    return root




def test_the_corpus_read_piece_by_piece_is_the_one_written(content, loads):
    fresh, _ = load_corpus(content)
    cache.load_corpus_cached(content)  # writes the file
    steps: list[int] = []
    again, problems = cache.load_corpus_cached(content, between=lambda: steps.append(1))
    assert problems == [] and len(loads) == 1  # from the cache
    assert again == fresh
    pieces = 1 + len(fresh.articles) + -(-len(fresh.claims) // 2)
    assert len(fresh.articles) > 1 and len(fresh.claims) > 2
    assert len(steps) == pieces  # one call before each piece
    # Orders, and the tables hold the very objects of the articles and claims.
    assert list(again.articles) == list(fresh.articles)
    assert list(again.claims) == list(fresh.claims)
    assert list(again._paragraphs) == list(fresh._paragraphs)
    paragraphs = {p.id: p for a in again.articles.values() for p in a.paragraphs()}
    assert all(p is paragraphs[pid] for pid, p in again._paragraphs.items())
    for table, expected in ((again._by_event, fresh._by_event),
                            (again._by_article, fresh._by_article)):
        assert list(table) == list(expected)
        assert {k: [c.id for c in v] for k, v in table.items()} == \
            {k: [c.id for c in v] for k, v in expected.items()}
        assert all(again.claims[c.id] is c for v in table.values() for c in v)
    some = next(iter(fresh.claims.values()))
    assert again.claims_for_article(some.article_id) == fresh.claims_for_article(some.article_id)
    assert again.paragraph(some.paragraph_id) is paragraphs[some.paragraph_id]


@pytest.mark.parametrize("table", ["paragraphs", "claims"])
def test_a_corpus_with_stale_tables_is_not_cached(content, monkeypatch, table):
    # Tables the pieces would not rebuild as they are (changed without Corpus.reindex): the
    # corpus is not cached, where a cached one would come back different.
    def stale(path, **options):
        corpus, problems = load_corpus(path, **options)
        if table == "paragraphs":
            pid, para = next(iter(corpus._paragraphs.items()))
            corpus._paragraphs[pid] = copy.copy(para)
        else:
            first = next(iter(corpus.claims))
            corpus.claims[first] = copy.copy(corpus.claims[first])
        return corpus, problems

    monkeypatch.setattr(loader, "load_corpus", stale)
    cache.load_corpus_cached(content)
    assert not list(Path(content.parent / "cache").glob("*.corpus"))


def test_a_file_cut_between_pieces_means_a_normal_load(content, loads):
    expected, _ = cache.load_corpus_cached(content)
    (file,) = Path(content.parent / "cache").glob("*.corpus")
    data = file.read_bytes()
    file.write_bytes(data[: int(len(data) * 0.8)])  # the last pieces are missing
    corpus, problems = cache.load_corpus_cached(content)
    assert problems == [] and corpus == expected and len(loads) == 2
    again, _ = cache.load_corpus_cached(content)
    assert again == expected and len(loads) == 2  # from the file written again, whole


def test_between_also_runs_while_the_files_are_stated_for_the_key(content, monkeypatch):
    from briefing.cache import files

    cache.load_corpus_cached(content)
    monkeypatch.setattr(files, "STATS_BETWEEN", 2)
    steps: list[int] = []
    cache.load_corpus_cached(content, between=lambda: steps.append(1))
    fresh, _ = load_corpus(content)
    pieces = 1 + len(fresh.articles) + -(-len(fresh.claims) // 2)
    entries = sum(1 for p in content.rglob("*") if not p.name.startswith("."))
    assert len(steps) == pieces + entries // 2
