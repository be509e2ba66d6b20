"""briefing.cache: the load cache gives back the same corpus and index, is invalidated by any
edit, survives damage, can be turned off, never stores problems, and reads only private files."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from briefing import cache
from briefing import loader
from briefing.analysis.search import SearchIndex, build_index
from briefing.loader import load_corpus

sys.path.insert(0, str(Path(__file__).resolve().parent))
from briefing_dirs import write_briefing  # noqa: E402


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(folder))
    monkeypatch.delenv("BRIEFING_NO_CACHE", raising=False)
    return folder


@pytest.fixture
def content(tmp_path, cache_dir):
    root = tmp_path / "content"
    write_briefing(root)
    return root


@pytest.fixture
def loads(monkeypatch):
    """Counts the real loads done behind load_corpus_cached."""
    calls: list[Path] = []

    def counting(path, **options):
        calls.append(path)
        return load_corpus(path, **options)

    monkeypatch.setattr(loader, "load_corpus", counting)
    return calls


def corpus_file(cache_dir: Path) -> Path:
    (found,) = cache_dir.glob("*.corpus")
    return found


def test_hit_returns_an_equal_corpus(content, cache_dir, loads):
    fresh, problems = load_corpus(content)
    assert problems == []
    first, problems = cache.load_corpus_cached(content)
    assert problems == [] and first == fresh and len(loads) == 1
    second, problems = cache.load_corpus_cached(content)
    assert problems == [] and len(loads) == 1  # from the cache
    assert second == fresh and second is not first
    claim = next(iter(fresh.claims.values()))
    assert second.paragraph(claim.paragraph_id) == fresh.paragraph(claim.paragraph_id)
    assert second.claims_for_article(claim.article_id) == fresh.claims_for_article(claim.article_id)
    assert stat.S_IMODE(corpus_file(cache_dir).stat().st_mode) == 0o600
    assert stat.S_IMODE(cache_dir.stat().st_mode) == 0o700


def test_editing_or_adding_a_file_invalidates(content, loads):
    cache.load_corpus_cached(content)
    article = content / "articles" / "alpha.md"
    article.write_text(article.read_text().replace("Alpha article", "Alpha, edited"))
    corpus, problems = cache.load_corpus_cached(content)
    assert problems == [] and corpus.articles["alpha"].title == "Alpha, edited"
    assert len(loads) == 2
    st = article.stat()  # same size and text, only the time changes: still a new load
    os.utime(article, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000))
    cache.load_corpus_cached(content)
    assert len(loads) == 3
    (content / "articles" / "notes.txt").write_text("a stray file\n")
    corpus, problems = cache.load_corpus_cached(content)
    assert len(loads) == 4 and problems  # the loader's near-miss warning, not a stale hit


@pytest.mark.parametrize("damage", [
    b"garbage",  # no header
    "header",  # the right header, then bytes that are not a pickle
    "truncated",  # cut in the middle of the pickle
    "wrong type",  # a valid pickle of something else
])
def test_corrupt_cache_file_means_a_normal_load_and_a_rewrite(content, cache_dir, loads, damage):
    expected, _ = cache.load_corpus_cached(content)
    file = corpus_file(cache_dir)
    data = file.read_bytes()
    header = data[: data.index(b"\n") + 1]
    if damage == "header":
        file.write_bytes(header + b"\x80\x05not a pickle")
    elif damage == "truncated":
        file.write_bytes(data[: len(data) // 2])
    elif damage == "wrong type":
        file.write_bytes(header + b"\x80\x05K\x01.")
    else:
        file.write_bytes(damage)
    damaged = file.read_bytes()
    corpus, problems = cache.load_corpus_cached(content)
    assert problems == [] and corpus == expected and len(loads) == 2
    assert file.read_bytes() != damaged and file.read_bytes().startswith(header)  # rewritten
    again, _ = cache.load_corpus_cached(content)
    assert len(loads) == 2 and again == expected  # from the rewritten file


def test_no_cache_env_is_honoured(content, cache_dir, loads, monkeypatch):
    monkeypatch.setenv("BRIEFING_NO_CACHE", "1")
    cache.load_corpus_cached(content)
    cache.load_corpus_cached(content)
    assert len(loads) == 2 and not cache_dir.exists()
    corpus, _ = load_corpus(content)
    cache.search_index(corpus)
    assert not cache_dir.exists()


def test_problems_are_never_cached(content, cache_dir, loads):
    claims = content / "claims" / "alpha.yaml"
    claims.write_text(claims.read_text().replace("kind: fact", "kind: rumour", 1))
    for _ in range(2):
        _, problems = cache.load_corpus_cached(content)
        assert any("kind 'rumour'" in str(p) for p in problems)
    assert len(loads) == 2 and not list(cache_dir.glob("*.corpus"))


def test_missing_directory_is_reported_not_cached(tmp_path, cache_dir):
    corpus, problems = cache.load_corpus_cached(tmp_path / "nope")
    assert [p.message for p in problems] == ["no such directory"]
    assert not cache_dir.exists()


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_cache_file_writable_by_others_is_ignored(content, cache_dir, loads):
    cache.load_corpus_cached(content)
    file = corpus_file(cache_dir)
    file.chmod(0o666)
    cache.load_corpus_cached(content)
    assert len(loads) == 2  # not read; the rewrite replaced it with a private file
    assert stat.S_IMODE(file.stat().st_mode) == 0o600
    cache.load_corpus_cached(content)
    assert len(loads) == 2


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_shared_cache_directory_is_neither_read_nor_written(content, cache_dir, loads):
    cache.load_corpus_cached(content)
    cache_dir.chmod(0o777)
    file = corpus_file(cache_dir)
    before = file.stat().st_mtime_ns
    cache.load_corpus_cached(content)
    cache.load_corpus_cached(content)
    assert len(loads) == 3 and file.stat().st_mtime_ns == before


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_symlinked_cache_file_is_ignored(content, cache_dir, loads, tmp_path):
    cache.load_corpus_cached(content)
    file = corpus_file(cache_dir)
    elsewhere = tmp_path / "elsewhere.corpus"
    file.rename(elsewhere)
    file.symlink_to(elsewhere)
    cache.load_corpus_cached(content)
    assert len(loads) == 2


@pytest.mark.skipif(not hasattr(os, "getuid") or os.getuid() != 0,
                    reason="needs root to give a file to another user")
def test_a_cache_file_owned_by_another_user_is_ignored(content, cache_dir, loads):
    cache.load_corpus_cached(content)
    os.chown(corpus_file(cache_dir), 12345, 12345)
    cache.load_corpus_cached(content)
    assert len(loads) == 2


def test_search_index_is_restored_and_rebuilt_when_texts_change(content, cache_dir, monkeypatch):
    corpus, _ = cache.load_corpus_cached(content)
    built = cache.search_index(corpus)
    assert list(cache_dir.glob("*.index"))
    expected = [(h.kind, h.id, h.score, h.matches) for h in build_index(corpus).search("peace")]
    assert expected and [(h.kind, h.id, h.score, h.matches)
                         for h in built.search("peace")] == expected

    def no_build(self, docs):
        raise AssertionError("restored, not built")

    monkeypatch.setattr(SearchIndex, "add_documents", no_build)
    restored = cache.search_index(corpus)
    assert [(h.kind, h.id, h.score, h.matches) for h in restored.search("peace")] == expected
    monkeypatch.undo()
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(cache_dir))
    # Same ids, another text: the index must not be restored from the old dump.
    para = next(iter(corpus.articles.values())).sections[0].paragraphs[0]
    para.text = "zebra crossing"
    changed = cache.search_index(corpus)
    assert changed.search("zebra") and changed.search("zebra")[0].id == para.id
