"""Background work stops when the reader closes (issue 19): Python joins worker threads on
exit, so work that ran to its end kept a closed reader alive (25 s for the first build of
the search index at 5,000 articles, seconds more for the corpus-wide part of the analysis
warm-up).  The search index keeps nothing half done: the next start builds it again.

Each is slowed per step (a source indexed, an article counted) so that the reader is quit in
the middle of it; each is watched to its end from outside the reader."""

from __future__ import annotations

import importlib.util
import threading
import time
from pathlib import Path

from briefing.analysis import framing
from briefing.index import Stopped, documents, open_index, store
from briefing.loader import load_corpus
from briefing.tui.viewmodels import event_index as ix

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


def watch(monkeypatch, module, name: str):
    """Replace ``module.name`` by itself, noting when a call ends and how: (ended, outcome)."""
    ended = threading.Event()  # the thread it runs in is a pool's: it lives on, idle
    outcome: list = []
    real = getattr(module, name)

    def watched(*args, **kwargs):
        try:
            outcome.append(real(*args, **kwargs))
        except BaseException as exc:
            outcome.append(exc)
            raise
        finally:
            ended.set()

    monkeypatch.setattr(module, name, watched)
    return ended, outcome


async def test_quitting_stops_the_warm_ups_corpus_wide_part(tmp_path, monkeypatch):
    corpus = synthetic(tmp_path / "content")
    counted: list[int] = []
    real = framing.framing_terms

    def slowly(text):
        counted.append(1)
        time.sleep(PER_SOURCE / 5)  # per paragraph: some 20 s for the whole prior
        return real(text)

    monkeypatch.setattr(framing, "framing_terms", slowly)
    ended, outcome = watch(monkeypatch, ix, "warm")
    app = make_app(corpus, build_index=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: len(counted) >= 5)  # the corpus-wide prior is under way
        await pilot.press("ctrl+q")
    assert ended.wait(10)  # a bound for a hang only: the whole prior would take ~20 s
    paragraphs = sum(1 for a in corpus.articles.values() for _ in a.paragraphs())
    assert len(counted) < paragraphs / 2, (len(counted), paragraphs)  # it stopped midway
    assert not outcome or not isinstance(outcome[0], dict)  # not finished: no counts
    assert ix.disagreement_counts(corpus) is None and ix.analysed(
        corpus, ix.event_index(corpus).rows[0].event.id) is None


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

    monkeypatch.setattr(documents, "source_documents", slowly)
    ended, outcome = watch(monkeypatch, store, "build")
    app = make_app(corpus, build_index=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: len(read) >= 3)  # the build is under way
        assert not app.search_index().ready
        await pilot.press("ctrl+q")
    assert ended.wait(10)  # a bound for a hang only: the whole build would take 6 s
    assert isinstance(outcome[0], Stopped)
    assert len(read) < SOURCES / 2, len(read)  # it stopped midway, not at its end
    path = store.index_path(corpus.root)
    assert not [p for p in path.parent.iterdir() if ".build-" in p.name]
    monkeypatch.setattr(documents, "source_documents", real)
    before = len(read)
    index = open_index(corpus)  # the next start: everything is read and found again
    assert index.find("the").total > 0
    assert set(index.article_ids()) == set(corpus.articles)
    assert len(read) == before  # (the slow reader is gone: counted no more)
    assert outcome[1:] == [True]  # a first build again, into a new file
