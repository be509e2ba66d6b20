"""Shared helpers for the reader's tests: a corpus built in code, the bundled briefing, an
annotation store in a temp folder, and screen text."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "fixtures"))

from tui_corpus import make_corpus  # noqa: E402


@pytest.fixture
def corpus():
    return make_corpus()


@pytest.fixture
def hostile_corpus():
    return make_corpus(hostile=True)


@pytest.fixture
def bundled():
    """The bundled briefing, loaded once per test session (annotate_helpers.bundled)."""
    from .annotate_helpers import bundled as load_bundled

    return load_bundled()


@pytest.fixture
def db(tmp_path):
    return tmp_path / "annotations.json"


@pytest.fixture
def store(db):
    from briefing.store import AnnotationStore

    s = AnnotationStore(db, author="ana")
    yield s
    s.close()


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
    from briefing.tui.app import BriefingApp

    return BriefingApp(corpus if corpus is not None else make_corpus(), **kwargs)
