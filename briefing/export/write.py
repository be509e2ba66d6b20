"""Writing an export file: a safe default name, atomic, never overwriting without force."""

from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from briefing.fsio import remove_stale_temporaries, write_atomic

STALE_SECONDS = 120  # an export's temporary file older than this was left by a killed run


class ExportError(Exception):
    """The export could not be written; the message says why (no traceback for the user)."""


def safe_filename(name: str, suffix: str, fallback: str = "briefing-annotations") -> str:
    """A plain file name from any text: no folders, no traversal, no hidden or odd characters.

    ``"../../etc/passwd"`` -> ``"etc-passwd.md"``; ``"Armenia, Russia & the CSTO"`` ->
    ``"armenia-russia-the-csto.md"``.
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    stem = re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:80].strip("-") or fallback
    return f"{stem}{suffix}"


def default_export_path(title: str, fmt: str, directory: Path | None = None) -> Path:
    suffix = ".json" if fmt == "json" else ".md"
    return (directory or Path.cwd()) / safe_filename(title, suffix)


def write_export(path: Path, text: str, *, force: bool = False) -> Path:
    """Write atomically; refuse an existing file unless ``force`` (and never a folder)."""
    path = Path(path)
    if path.is_dir():
        raise ExportError(f"{path} is a folder; give a file name")
    if not path.parent.is_dir():
        if path.parent.exists():
            raise ExportError(f"{path.parent} is not a folder")
        raise ExportError(f"the folder {path.parent} does not exist")
    remove_stale_temporaries(path, older_than=STALE_SECONDS)  # left by a killed export
    like = None
    if force and path.exists():
        if not path.is_file():
            raise ExportError(f"{path} is not a regular file; not overwriting it")
        like = os.stat(path)  # keep the mode of the file being replaced
    try:
        write_atomic(path, text.encode("utf-8"), overwrite=force, like=like)
    except FileExistsError:
        raise ExportError(f"{path} already exists; use --force to overwrite it") from None
    except OSError as exc:
        raise ExportError(f"could not write {path}: {exc.strerror or exc}") from exc
    return path
