"""briefing.launch: the garbage collector is paused while the reader starts, and only then."""

from __future__ import annotations

import gc
import sys

import pytest

import briefing.cli.cmd_analysis as cmd_analysis
import briefing.cli.cmd_read as cmd_read
from briefing import launch


@pytest.fixture
def collector():
    """Leave the test process's collector as it was found (run() freezes what exists)."""
    assert gc.isenabled()
    yield
    launch._paused = False
    gc.unfreeze()
    gc.enable()


def _run(monkeypatch, argv: list[str]) -> int:
    monkeypatch.setattr(sys, "argv", ["briefing", *argv])
    with pytest.raises(SystemExit) as exit_:
        launch.run()
    return exit_.value.code


@pytest.mark.parametrize("argv", [[], ["read"]])
def test_the_reader_starts_with_the_collector_paused(monkeypatch, collector, argv):
    seen = []
    monkeypatch.setattr(cmd_read.read, "callback", lambda **kw: seen.append(gc.isenabled()))
    assert _run(monkeypatch, argv) == 0
    assert seen == [False]  # paused until the first paint ...
    assert gc.isenabled()   # ... and never left off, whatever happens


def test_other_commands_run_with_the_collector_on(monkeypatch, collector):
    seen = []
    monkeypatch.setattr(cmd_analysis.events, "callback", lambda **kw: seen.append(gc.isenabled()))
    assert _run(monkeypatch, ["events"]) == 0
    assert seen == [True]


def test_a_failing_start_turns_the_collector_back_on(monkeypatch, collector):
    assert _run(monkeypatch, ["read", "--content", "/nonexistent/briefing"]) != 0
    assert gc.isenabled()


def test_startup_done_leaves_a_collector_it_did_not_pause_alone(collector):
    gc.disable()
    launch.startup_done()
    assert not gc.isenabled()
    gc.enable()


async def test_the_reader_resumes_collecting_after_its_first_paint(collector):
    from briefing.loader import load_corpus
    from briefing.paths import bundled_content
    from briefing.tui.app import BriefingApp

    corpus, _ = load_corpus(bundled_content())
    gc.disable()
    launch._paused = True
    app = BriefingApp(corpus, build_index=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert gc.isenabled()
