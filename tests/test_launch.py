"""briefing.launch: the garbage collector is paused while the reader starts, and only then."""

from __future__ import annotations

import gc
import sys

import pytest

import briefing.cli.cmd_analysis as cmd_analysis
import briefing.reader_start as reader_start
from briefing import launch, startup
from factories import bundled_corpus


@pytest.fixture
def collector():
    """Leave the test process's collector as it was found (run() freezes what exists)."""
    assert gc.isenabled()
    yield
    startup._paused = False
    gc.unfreeze()
    gc.enable()


def _run(monkeypatch, argv: list[str]) -> int:
    monkeypatch.setattr(sys, "argv", ["briefing", *argv])
    for name in launch.READ_ENV:
        monkeypatch.delenv(name, raising=False)
    try:
        launch.run()
    except SystemExit as exit_:  # click's way out
        return exit_.code
    return 0  # the bare reader's way out


@pytest.mark.parametrize("argv", [[], ["read"], ["read", "--theme", "nord"]])
def test_the_reader_starts_with_the_collector_paused(monkeypatch, collector, argv):
    seen = []
    monkeypatch.setattr(reader_start, "start_reader",
                        lambda *args, **kw: seen.append((gc.isenabled(), args)))
    assert _run(monkeypatch, argv) == 0
    assert [paused for paused, _ in seen] == [False]  # paused until the first paint ...
    assert gc.isenabled()   # ... and never left off, whatever happens
    if argv:  # through the command line: its options are passed on
        assert seen[0][1] == (None, None, argv[2] if len(argv) > 2 else None, None, None)


@pytest.mark.parametrize("env, via_click", [({}, False), ({"BRIEFING_DB": "x.json"}, True),
                                            ({"BRIEFING_LOW_BANDWIDTH": "1"}, True)])
def test_bare_briefing_starts_the_reader_without_click_unless_settings_need_parsing(
        tmp_path, env, via_click):
    """In a fresh interpreter, as the script runs: `briefing` alone never imports click."""
    import os
    import subprocess
    from pathlib import Path

    code = ("import sys; import briefing.reader_start as r; "
            "r.start_reader = lambda *a, **k: print('reader', a, 'click' in sys.modules); "
            "sys.argv = ['briefing']; from briefing.launch import run; run()")
    clean = {k: v for k, v in os.environ.items() if k not in launch.READ_ENV}
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-c", code], env={**clean, **env, "PYTHONPATH": str(root)},
                         capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("reader ")
    assert out.stdout.rstrip().endswith(str(via_click))


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
    startup.startup_done()
    assert not gc.isenabled()
    gc.enable()


async def test_the_reader_resumes_collecting_after_its_first_paint(collector):
    from briefing.tui.app import BriefingApp

    corpus = bundled_corpus()
    gc.disable()
    startup._paused = True
    app = BriefingApp(corpus, build_index=False)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert gc.isenabled()
