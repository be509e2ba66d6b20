"""What the speed work on `briefing suggest` (speed14) must keep: the garbage collector is
paused only while suggest runs, and a figure's qualifier is read as before (one or two
words before it, in the order the phrases are listed)."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from briefing.analysis.numbers import find_numbers
from briefing.loader import load_corpus
from briefing.suggest import pipeline
from tests.test_suggest import make_briefing


@pytest.mark.parametrize("enabled", [True, False])
def test_suggest_leaves_the_collector_as_it_found_it(tmp_path: Path, enabled: bool):
    root = make_briefing(tmp_path)
    corpus, _ = load_corpus(root)
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        seen: list[bool] = []
        real = pipeline.proposals_for

        def spy(*args, **kwargs):
            seen.append(gc.isenabled())
            return real(*args, **kwargs)

        pipeline.proposals_for = spy
        try:
            result = pipeline.suggest(corpus, root)
        finally:
            pipeline.proposals_for = real
        assert seen == [False]  # paused while it ran
        assert result.claims  # and it did its work
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_collector_back_on_after_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    root = make_briefing(tmp_path)
    corpus, _ = load_corpus(root)

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(pipeline, "proposals_for", broken)
    assert gc.isenabled()
    with pytest.raises(RuntimeError):
        pipeline.suggest(corpus, root)
    assert gc.isenabled()


@pytest.mark.parametrize("text, qualifier, figure", [
    ("Officials counted more than 300 boats.", "more than", "more than 300 boats"),
    ("An estimated 4,000 people marched.", "an estimated", "An estimated 4,000 people"),
    ("The levy raised approx 40 million.", "approx.", "approx 40 million"),
    ("The queue held ~ 250 cars.", "~", "~ 250 cars"),
    ("Well over 70 flights were cancelled.", "well over", "Well over 70 flights"),
    # a two-word phrase broken by a paragraph break leaves its second word alone
    ("They spoke of an\n\nestimated 90 lorries.", "estimated", "estimated 90 lorries"),
    ("Up to 12 ferries may sail.", "up to", "Up to 12 ferries"),
    ("Prices rose 9 percent.", None, "9 percent"),
])
def test_qualifier_before_a_figure(text: str, qualifier: str | None, figure: str):
    n = find_numbers(text)[0]
    assert (n.qualifier, n.text) == (qualifier, figure)
