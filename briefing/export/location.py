"""Where an export goes: a proposed path for the reader's export dialog, and the folder
remembered from the last export.

    path = propose_export_path(corpus.title, "md")     # shown to the user, who may change it
    ... write it ...
    remember_export_folder(path.parent)

The proposal: the folder of the last export if it still exists, else $BRIEFING_EXPORT_DIR,
else the user's Documents folder, else the home folder (never silently the current
directory, which for a reader started from anywhere is an accident); the name is the brief's
title and today's date, with ``-2``, ``-3`` ... if taken, so the proposal never overwrites.
The remembered folder is kept in ``export.json`` in the user state folder (platformdirs;
``~/.local/state/briefing`` on Linux; BRIEFING_STATE_DIR overrides it).  Remembering is a
convenience: a state folder that cannot be written is ignored.
"""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

from briefing.export.write import export_filename
from briefing.fsio import write_atomic

STATE_DIR_ENV = "BRIEFING_STATE_DIR"
EXPORT_DIR_ENV = "BRIEFING_EXPORT_DIR"
STATE_FILE = "export.json"


def state_dir() -> Path:
    configured = os.environ.get(STATE_DIR_ENV, "").strip()
    if configured:
        return Path(configured).expanduser()
    from platformdirs import user_state_path

    return user_state_path("briefing", appauthor=False)


def last_export_folder() -> Path | None:
    """The folder of the last export, if remembered and still a folder."""
    try:
        data = json.loads((state_dir() / STATE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    folder = data.get("last_folder") if isinstance(data, dict) else None
    if not isinstance(folder, str) or not folder:
        return None
    path = Path(folder)
    return path if path.is_absolute() and path.is_dir() else None


def remember_export_folder(folder: Path) -> bool:
    """Remember ``folder`` for the next proposal; False if it could not be recorded."""
    directory = state_dir()
    data = json.dumps({"last_folder": str(Path(folder).resolve())}, ensure_ascii=False)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        write_atomic(directory / STATE_FILE, data.encode("utf-8"), overwrite=True)
    except OSError:
        return False
    return True


def default_folder() -> Path:
    remembered = last_export_folder()
    if remembered is not None:
        return remembered
    configured = os.environ.get(EXPORT_DIR_ENV, "").strip()
    if configured and Path(configured).expanduser().is_dir():
        return Path(configured).expanduser()
    from platformdirs import user_documents_path

    documents = user_documents_path()
    return documents if documents.is_dir() else Path.home()


def propose_export_path(title: str, fmt: str, folder: Path | None = None,
                        today: date | None = None) -> Path:
    """A path to offer the user: ``folder`` (default: see the module doc) / title-date.ext,
    numbered if the name is taken."""
    folder = folder if folder is not None else default_folder()
    name = export_filename(title, fmt, today)
    stem, suffix = (name[: -len(ext)], ext) if (ext := Path(name).suffix) else (name, "")
    candidate, n = folder / name, 2
    while os.path.lexists(candidate):
        candidate, n = folder / f"{stem}-{n}{suffix}", n + 1
    return candidate
