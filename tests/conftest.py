"""Suite-wide: the load cache (briefing.cache) writes to a temporary folder, never to the
user's own cache directory; tests that need their own set BRIEFING_CACHE_DIR themselves."""

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


@pytest.fixture(autouse=True)
def _private_state_dir(tmp_path_factory, monkeypatch):
    """The reader's own state (drafts, reading progress, bookmarks) starts empty in every test
    and never touches the user's state directory."""
    if "BRIEFING_STATE_DIR" not in os.environ:
        monkeypatch.setenv("BRIEFING_STATE_DIR", str(tmp_path_factory.mktemp("briefing-state")))
