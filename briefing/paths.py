"""Where things live: the bundled briefing and the user's data directory."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "briefing"


def bundled_content() -> Path:
    """The briefing shipped with the package.

    In a wheel it is ``briefing/_content``; in a source checkout (or an editable install) it is
    the repository's top-level ``content/``.
    """
    here = Path(__file__).resolve().parent
    packaged = here / "_content"
    if packaged.is_dir():
        return packaged
    return here.parent / "content"


def default_db_path() -> Path:
    """The annotation store: BRIEFING_DB, else the user data directory (XDG on Linux)."""
    env = os.environ.get("BRIEFING_DB")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path  # imported here: only callers that need it pay

    return user_data_path(APP_NAME, appauthor=False) / "annotations.json"


def state_dir() -> Path:
    """The reader's own state (drafts of unsaved notes, reading progress, bookmarks):
    BRIEFING_STATE_DIR, else the user state directory (XDG_STATE_HOME on Linux)."""
    env = os.environ.get("BRIEFING_STATE_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_state_path

    return user_state_path(APP_NAME, appauthor=False)
