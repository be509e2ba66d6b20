"""The reader's first build of the search index stops when the reader closes (issue 19):
Python joins worker threads on exit, so a build that ran to its end (25 s at 5,000 articles)
kept a closed reader alive.  What it had indexed is not kept as if it were the whole; the
next start builds the index again.

The build is slowed per source (briefing.index.documents.source_documents, which it calls
for each source it reads) so that the reader is quit in the middle of it."""

from __future__ import annotations

import importlib.util
import threading
import time
from pathlib import Path

from briefing.index import Stopped, documents, open_index, store
from briefing.loader import load_corpus

from .conftest import make_app, until

GENERATOR = Path(__file__).resolve().parents[2] / "benchmarks" / "make_synthetic.py"
SOURCES = 60  # over store.BULK: a first build into a new file, as at 5,000 articles
PER_SOURCE = 0.1  # seconds: the whole build takes 6 s


def synthetic(folder: Path):
    spec = importlib.util.spec_from_file_location("make_synthetic", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.write_briefing(folder, n_articles=SOURCES, claims_per_article=2, seed=3, n_events=20)
    corpus, problems = load_corpus(folder)
    assert not problems
    return corpus


async def test_quitting_stops_the_first_index_build_and_keeps_nothing_half_done(
        tmp_path, monkeypatch):
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path / "cache"))
    corpus = synthetic(tmp_path / "content")
    read: list[str] = []
    real = documents.source_documents

    def slowly(md, cl, parts=None):
        read.append(md.stem)
        time.sleep(PER_SOURCE)
        return real(md, cl, parts)

    ended = threading.Event()  # the build's thread is a pool's: it lives on, idle
    outcome: list[BaseException | bool] = []
    build = store.build

    def watched(*args, **kwargs):
        try:
            outcome.append(build(*args, **kwargs))
        except BaseException as exc:
            outcome.append(exc)
            raise
        finally:
            ended.set()

    monkeypatch.setattr(documents, "source_documents", slowly)
    monkeypatch.setattr(store, "build", watched)
    app = make_app(corpus, build_index=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: len(read) >= 3)  # the build is under way
        assert not app.search_index().ready
        await pilot.press("ctrl+q")
        quit_at = time.monotonic()
    assert ended.wait(10)
    took = time.monotonic() - quit_at
    assert isinstance(outcome[0], Stopped)
    assert took < 1.5 and len(read) < SOURCES / 2, (took, len(read))  # not to its end
    path = store.index_path(corpus.root)
    assert not [p for p in path.parent.iterdir() if ".build-" in p.name]
    monkeypatch.setattr(documents, "source_documents", real)
    before = len(read)
    index = open_index(corpus)  # the next start: everything is read and found again
    assert index.find("the").total > 0
    assert set(index.article_ids()) == set(corpus.articles)
    assert len(read) == before  # (the slow reader is gone: counted no more)
    assert outcome[1:] == [True]  # a first build again, into a new file
