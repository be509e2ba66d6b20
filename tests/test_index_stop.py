"""The search index told to stop (the reader closing, issue 19): a first build or a refresh
ends before its next source and keeps nothing half done, so the next opening does not take a
part of the briefing for all of it; a wait for another process's build ends too."""

from __future__ import annotations

import itertools
import sqlite3
import threading
import time

import pytest
from filelock import FileLock

from briefing.index import Stopped, open_index, store
from test_search_index import settle, write_briefing


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(folder))
    return folder


def briefing_of(root, n: int):
    """``n`` sources, each with its own word (wordNNN) and the shared one (Lachin)."""
    content = write_briefing(root, {f"a{i:03d}": [f"Lachin and word{i:03d} here."]
                                    for i in range(n)})
    settle(content)
    return content


def after(asked: int):
    """A ``stop`` that says yes from its ``asked``-th question on; counts the questions."""
    counter = itertools.count(1)
    questions: list[int] = []

    def stop() -> bool:
        questions.append(next(counter))
        return questions[-1] >= asked

    stop.questions = questions  # type: ignore[attr-defined]
    return stop


def indexed_sources(content) -> int:
    path = store.index_path(content)
    if not path.exists():
        return 0
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT count(*) FROM sources").fetchone()[0]
    except sqlite3.OperationalError:  # no tables: nothing indexed
        return 0
    finally:
        con.close()


def documents_saying(content, word: str) -> int:
    con = sqlite3.connect(store.index_path(content))
    try:
        return con.execute("SELECT count(*) FROM docs WHERE text LIKE ?",
                           (f"%{word}%",)).fetchone()[0]
    finally:
        con.close()


@pytest.mark.parametrize("n", [10, 60])  # in place (under store.BULK) and into a new file
def test_a_first_build_told_to_stop_keeps_nothing_and_the_next_builds_it_all(
        tmp_path, cache, n):
    content = briefing_of(tmp_path / "content", n)
    stop = after(5)
    with pytest.raises(Stopped):
        open_index(content, stop=stop)
    assert stop.questions[-1] == 5  # stopped at once, not at the end
    assert indexed_sources(content) == 0  # not a part taken for the whole
    assert not [p for p in store.index_path(content).parent.iterdir() if ".build-" in p.name]
    index = open_index(content)
    assert index.find("Lachin ").total == n
    assert index.find(f"word{n - 1:03d}").total == 1


def test_a_refresh_told_to_stop_rolls_back_and_the_next_re_reads_every_edit(tmp_path, cache):
    content = briefing_of(tmp_path / "content", 60)
    open_index(content)
    edited = sorted((content / "articles").glob("*.md"))[:10]
    for path in edited:
        path.write_text(path.read_text(encoding="utf-8").replace("Lachin", "Goris"),
                        encoding="utf-8")
    settle(content)
    with pytest.raises(Stopped):
        open_index(content, stop=after(4))
    assert documents_saying(content, "Goris") == 0  # all or nothing: the three re-read too
    index = open_index(content, stop=lambda: False)  # re-reads all ten, not six
    assert index.find("Goris").total == 10
    assert index.find("Lachin ").total == 50


def test_a_build_waiting_for_another_processs_build_stops_when_told(tmp_path, cache):
    content = briefing_of(tmp_path / "content", 60)
    path = store.index_path(content)
    path.parent.mkdir(parents=True, exist_ok=True)
    told = threading.Event()
    with FileLock(f"{path}.lock"):  # as another process building the index holds it
        threading.Timer(0.3, told.set).start()
        started = time.monotonic()
        with pytest.raises(Stopped):
            store.build(path, content, fts=store.fts5_available(), stop=told.is_set)
        waited = time.monotonic() - started
    assert waited < 0.3 + 10 * store.LOCK_POLL  # not store.LOCK_TIMEOUT (300 s)
    assert open_index(content).find("Lachin ").total == 60
