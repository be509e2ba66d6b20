"""Writing an export: a safe default name, atomic, never overwriting without force.

A file is written with briefing.fsio.write_atomic.  A folder (the Obsidian export) is built
under a hidden temporary name beside its target, every file fsync'd, then renamed into
place: a reader sees no folder or the whole one.  ``--force`` replaces only a folder this
program wrote (it holds the marker file ``.briefing-export``), never any other folder.
"""

from __future__ import annotations

import os
import re
import shutil
import unicodedata
import uuid
from datetime import date
from pathlib import Path

from briefing.fsio import fsync_dir, remove_stale_temporaries, write_atomic

SUFFIXES = {"md": ".md", "json": ".json", "csv": ".csv", "obsidian": ""}
FOLDER_MARKER = ".briefing-export"
_SAFE_PART = re.compile(r"[a-z0-9][a-z0-9-]*(\.md)?")
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


def export_filename(title: str, fmt: str, today: date | None = None) -> str:
    """``armenia-russia-and-the-csto-2020-2023-2026-12-06.md``: the title, then the date."""
    stem = safe_filename(title, "", fallback="brief")[:100].strip("-") or "brief"
    return f"{stem}-{(today or date.today()).isoformat()}{SUFFIXES[fmt]}"


def default_export_path(title: str, fmt: str, directory: Path | None = None,
                        today: date | None = None) -> Path:
    return (directory or Path.cwd()) / export_filename(title, fmt, today)


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


def write_folder(path: Path, files: dict[str, str], *, force: bool = False) -> Path:
    """Write ``files`` (relative path -> text) as the folder ``path``, all at once."""
    path = Path(path)
    for rel in files:
        parts = rel.split("/")
        if not all(_SAFE_PART.fullmatch(part) for part in parts) or len(parts) > 2:
            raise ExportError(f"refusing an unsafe file name in the export: {rel!r}")
    if not path.parent.is_dir():
        raise ExportError(f"the folder {path.parent} does not exist")
    replacing = os.path.lexists(path)
    if replacing:
        if not force:
            raise ExportError(f"{path} already exists; use --force to replace it")
        if path.is_symlink() or not path.is_dir() or not (path / FOLDER_MARKER).is_file():
            raise ExportError(f"{path} exists and is not a folder written by `briefing export`;"
                              " not replacing it")
    tmp = path.parent / f".{path.name}.{uuid.uuid4().hex[:12]}.tmp"
    old: Path | None = None
    try:
        os.mkdir(tmp)
        for rel, text in {**files, FOLDER_MARKER: "briefing export\n"}.items():
            target = tmp / rel
            if not target.parent.is_dir():
                os.mkdir(target.parent)
            write_atomic(target, text.encode("utf-8"), overwrite=False)
        for folder in {(tmp / rel).parent for rel in files}:
            fsync_dir(folder)
        if replacing:
            old = path.parent / f".{path.name}.{uuid.uuid4().hex[:12]}.old"
            os.rename(path, old)
        os.rename(tmp, path)
        fsync_dir(path.parent)
    except OSError as exc:
        if old is not None and not os.path.lexists(path):
            os.rename(old, path)  # put the previous export back
            old = None
        shutil.rmtree(tmp, ignore_errors=True)
        raise ExportError(f"could not write {path}: {exc.strerror or exc}") from exc
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)
    return path
