"""Shared helpers for the reader's tests: a corpus built in code, the bundled briefing, an
annotation store in a temp folder, and screen text."""

from __future__ import annotations

import os

import pytest
from factories import bundled_corpus, make_corpus


@pytest.fixture(autouse=True)
def _no_reading_progress_in_snapshots(request, monkeypatch):
    """The contents show how far each source was read, measured TRACK_DELAY after the article
    last moved: whether a screenshot came before or after that timer (or between two steps
    of a key sequence) depended on the machine's speed, and a snapshot failed under load.
    Not measured in snapshot tests, so never shown there (test_reader_fixes.py checks it)."""
    if "snap_compare" in request.fixturenames:
        import briefing.tui.reading_tracker as tracker

        monkeypatch.setattr(tracker, "TRACK_DELAY", 3600.0)


@pytest.fixture
def corpus():
    return make_corpus()


@pytest.fixture
def hostile_corpus():
    return make_corpus(hostile=True)


@pytest.fixture
def bundled():
    """The bundled briefing, loaded once per test session."""
    return bundled_corpus()


@pytest.fixture
def db(tmp_path):
    return tmp_path / "annotations.json"


@pytest.fixture
def store(db):
    from briefing.store import AnnotationStore

    s = AnnotationStore(db, author="ana")
    yield s
    s.close()


@pytest.fixture
def export_dir(tmp_path, monkeypatch):
    """A folder of the test's own for exports and the reader's state, and no editor."""
    out = tmp_path / "exports"
    out.mkdir()
    monkeypatch.setenv("BRIEFING_EXPORT_DIR", str(out))
    monkeypatch.setenv("BRIEFING_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    return out


def screen_text(app) -> str:
    """The text currently on the app's active screen, line by line."""
    strips = app.screen._compositor.render_strips()
    return "\n".join(strip.text for strip in strips)


def rendered_text(renderable, width: int = 100) -> str:
    """A Rich renderable (the help screen's table) as the plain text it shows at ``width``."""
    from rich.console import Console

    console = Console(width=width, record=True, file=open(os.devnull, "w"), color_system=None)
    console.print(renderable)
    return console.export_text()


def make_app(corpus=None, **kwargs):
    """The reader on ``corpus`` (default: make_corpus()); every test app is made here."""
    from briefing.tui.app import BriefingApp

    return BriefingApp(corpus if corpus is not None else make_corpus(), **kwargs)


async def until(pilot, condition, tries: int = 100) -> None:
    """Let the app run (0.05 s a turn) until ``condition()`` holds; fail after ``tries``."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError("condition not reached")
