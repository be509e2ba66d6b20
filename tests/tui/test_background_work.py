"""Background work gives way to the interface: the analysis warm-up waits, between events
and between articles of its corpus-wide part, until nobody has typed or clicked for a moment
(a view opened by a key paints first)."""

from __future__ import annotations

from briefing.tui.viewmodels import event_index as ix
from factories import build_corpus

from .conftest import make_app


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
