"""Suite-wide: the load cache (briefing.cache) writes to a temporary folder, never to the
user's own cache directory; tests that need their own set BRIEFING_CACHE_DIR themselves.
Likewise the state folder (the export folder remembered, briefing.export.location)."""

from __future__ import annotations

import os

import pytest


@pytest.fixture(scope="session", autouse=True)
def _private_cache_dir(tmp_path_factory):
    if "BRIEFING_CACHE_DIR" in os.environ:
        yield
        return
    folder = tmp_path_factory.mktemp("briefing-cache")
    os.environ["BRIEFING_CACHE_DIR"] = str(folder)  # subprocesses inherit it too
    try:
        yield
    finally:
        os.environ.pop("BRIEFING_CACHE_DIR", None)


@pytest.fixture(scope="session", autouse=True)
def _private_xdg_state(tmp_path_factory):
    """Subprocesses (tmux, pty, web server tests) that drop BRIEFING_* still keep the reader's
    state out of the user's own state directory."""
    if "XDG_STATE_HOME" in os.environ:
        yield
        return
    os.environ["XDG_STATE_HOME"] = str(tmp_path_factory.mktemp("xdg-state"))
    try:
        yield
    finally:
        os.environ.pop("XDG_STATE_HOME", None)


@pytest.fixture(autouse=True)
def _private_state_dir(tmp_path_factory, monkeypatch):
    """The reader's own state (drafts, reading progress, bookmarks) starts empty in every test
    and never touches the user's state directory."""
    if "BRIEFING_STATE_DIR" not in os.environ:
        monkeypatch.setenv("BRIEFING_STATE_DIR", str(tmp_path_factory.mktemp("briefing-state")))
