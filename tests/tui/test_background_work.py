"""Background work gives way to the interface: the analysis warm-up waits, between events
and between articles of its corpus-wide part, until nobody has typed or clicked for a moment
(a view opened by a key paints first)."""

from __future__ import annotations

from briefing.tui.viewmodels import event_index as ix
from factories import build_corpus

from .conftest import make_app, until


def test_the_warm_up_asks_before_each_event():
    corpus = build_corpus({
        "events": {"a": "Event a", "b": "Event b", "c": "Event c"},
        "articles": {"s1": ["One said a. One said b."], "s2": ["Two said c."]},
        "claims": [{"article": "s1", "quote": "One said a", "events": ["a"]},
                   {"article": "s1", "quote": "One said b", "events": ["b"]},
                   {"article": "s2", "quote": "Two said c", "events": ["c"]}],
    })
    asked: list[int] = []
    ix.warm(corpus, between=lambda: asked.append(len(asked)))
    # before each of the 3 events, and before each of the 2 articles in the corpus-wide prior
    assert len(asked) == 5 and ix.disagreement_counts(corpus) == {}
    assert all(ix.analysed(corpus, e) is not None for e in "abc")


async def test_a_key_makes_the_interface_busy_for_a_moment(bundled, monkeypatch):
    import briefing.tui.app as app_module

    app = make_app(bundled, build_index=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.interface_quiet.is_set()
        monkeypatch.setattr(app_module, "QUIET_AFTER_INPUT", 30.0)  # slow machines too
        await pilot.press("v")
        assert not app.interface_quiet.is_set()  # the warm-up would wait here
        monkeypatch.setattr(app_module, "QUIET_AFTER_INPUT", 0.05)
        await pilot.press("escape")  # a later key restarts the wait with its own delay
        await pilot.pause(0.5)
        assert app.interface_quiet.is_set()
        monkeypatch.setattr(app_module, "QUIET_AFTER_INPUT", 30.0)
        await pilot.press("v")
        assert not app.interface_quiet.is_set()
    assert app.interface_quiet.is_set()  # never left waiting once the reader closes


def _orchard(tag: str):
    return build_corpus({
        "events": {"bloom": "Early bloom", "frost": "Late frost", "yield": "Poor yield"},
        "articles": {f"{tag}1": ["Growers saw the bloom early. The frost came late."],
                     f"{tag}2": ["The yield was poor."]},
        "claims": [{"article": f"{tag}1", "quote": "Growers saw the bloom", "events": ["bloom"]},
                   {"article": f"{tag}1", "quote": "The frost came", "events": ["frost"]},
                   {"article": f"{tag}2", "quote": "The yield was poor", "events": ["yield"]}],
    })


def test_a_warm_up_stops_once_the_reader_holds_another_corpus():
    old, new = _orchard("o"), _orchard("n")
    reading = [old]

    def reloaded_meanwhile() -> None:
        reading[0] = new  # an edit reloaded the briefing while the warm-up waited

    assert ix.warm(old, between=reloaded_meanwhile, wanted=lambda: reading[0] is old) is None
    assert all(ix.analysed(old, e) is None for e in ("bloom", "frost", "yield"))
    assert ix.disagreement_counts(old) is None  # nothing half-counted is kept
    assert ix.warm(new) == {}  # the next warm-up does not wait behind it


async def test_the_readers_warm_up_is_wanted_while_its_corpus_is_read(bundled, monkeypatch):
    import copy

    from briefing.tui import analysis_warmup

    asked: list = []
    monkeypatch.setattr(ix, "warm", lambda corpus, **kw: asked.append((corpus, kw)))
    app = make_app(bundled, build_index=False)
    async with app.run_test(size=(80, 24)) as pilot:
        analysis_warmup.start(app)  # as after the first paint and after each reload
        # Not wait_for_complete: the app's own warm-up, started after the first paint,
        # may come after this one and cancel it (one warm-up at a time).
        await until(pilot, lambda: all(w.is_finished for w in app.workers))
        await pilot.pause()
        assert asked and all(corpus is bundled and kw["wanted"]() for corpus, kw in asked)
        app.corpus = copy.copy(bundled)  # what a reload after an edit does
        assert not any(kw["wanted"]() for _, kw in asked)


async def test_the_warm_up_is_not_wanted_once_the_reader_closes(bundled, monkeypatch):
    # Python joins worker threads on exit: a warm-up that ran on after quitting kept the
    # process alive for minutes at 5,000 articles.
    from briefing.tui import analysis_warmup

    asked: list = []
    monkeypatch.setattr(ix, "warm", lambda corpus, **kw: asked.append(kw))
    app = make_app(bundled, build_index=False)
    async with app.run_test(size=(80, 24)) as pilot:
        analysis_warmup.start(app)
        await until(pilot, lambda: all(w.is_finished for w in app.workers))
        await pilot.pause()
        assert asked and all(kw["wanted"]() for kw in asked)
    assert not any(kw["wanted"]() for kw in asked)


async def test_the_thread_switch_interval_is_the_readers_only_while_it_runs(bundled):
    import sys

    from briefing.tui.app import SWITCH_INTERVAL

    before = sys.getswitchinterval()
    assert before != SWITCH_INTERVAL
    app = make_app(bundled, build_index=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert sys.getswitchinterval() == SWITCH_INTERVAL  # set after the first paint
    assert sys.getswitchinterval() == before
