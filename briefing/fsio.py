"""Durable file writes shared by the annotation store and the exports.

A file is never written in place: the new content goes to a temporary file in the same
folder (so the rename cannot cross file systems), is fsync'd, then renamed over the target
(or hard-linked to it when overwriting is not allowed, which fails atomically if the target
exists), and the folder is fsync'd so the rename itself survives a power cut.  A reader
therefore sees either the old file or the new one, never a mixture.

Every system call goes through the ``os`` module at call time so tests can inject failures
(``monkeypatch.setattr(os, "fsync", ...)``).
"""

from __future__ import annotations

import errno
import os
import stat
import time
import uuid
from glob import escape as glob_escape
from pathlib import Path
from typing import Callable


def write_all(fd: int, data: bytes) -> None:
    """os.write until every byte is written (a regular file may accept fewer bytes per call)."""
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:  # pragma: no cover - a regular file never does this without raising
            raise OSError(errno.EIO, "write made no progress")
        view = view[written:]


def fsync_dir(directory: Path) -> None:
    """fsync a folder so a rename or a new name in it is durable."""
    fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def temp_path(path: Path) -> Path:
    """A hidden, unique temporary name beside ``path`` (same folder, same file system)."""
    return path.with_name(f".{path.name}.{uuid.uuid4().hex[:12]}.tmp")


def remove_stale_temporaries(path: Path, older_than: float = 0.0) -> int:
    """Delete the temporary files (:func:`temp_path`) a killed writer left beside ``path``,
    if at least ``older_than`` seconds old (a live writer's is younger: it renames it within
    a second or so).  They never hold data anyone was told was saved.  Returns how many."""
    path = Path(path)
    removed = 0
    now = time.time()
    try:
        leftovers = list(path.parent.glob(f".{glob_escape(path.name)}.*.tmp"))
    except OSError:
        return 0
    for leftover in leftovers:
        try:
            if now - leftover.lstat().st_mtime >= older_than:
                leftover.unlink()
                removed += 1
        except OSError:
            pass
    return removed


def write_atomic(path: Path, data: bytes, *, overwrite: bool,
                 like: os.stat_result | None = None, mode: int = 0o666,
                 check: Callable[[], None] | None = None) -> None:
    """Write ``data`` to ``path`` durably and atomically.

    ``overwrite=False`` refuses (FileExistsError) when ``path`` exists, without a race.
    ``like``: the stat of the file being replaced; its permission bits and group are copied
    to the new file so a shared team store stays shared.  If the group cannot be kept
    (PermissionError), nothing is replaced: losing the group would lock teammates out.
    A new file without ``like`` gets ``mode & ~umask`` (0o600 keeps it private).
    ``check`` runs just before the rename and may raise to stop it (the store checks that it
    still holds its lock: the closer to the rename, the smaller the window).
    """
    path = Path(path)
    tmp = temp_path(path)
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), mode)
    try:
        try:
            if like is not None:
                os.fchmod(fd, stat.S_IMODE(like.st_mode))
                if os.fstat(fd).st_gid != like.st_gid:
                    os.fchown(fd, -1, like.st_gid)
            write_all(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)
        if check is not None:
            check()
        if overwrite:
            os.replace(tmp, path)
        else:
            _link_no_replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    fsync_dir(path.parent)


def _link_no_replace(tmp: Path, path: Path) -> None:
    """Give ``tmp`` the name ``path`` unless ``path`` exists; the temporary name goes away."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise
    except OSError as exc:
        # Some file systems (FAT, some FUSE mounts) have no hard links: fall back to a check
        # then a rename; the window between them is the only one left.
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EMLINK):
            raise
        if os.path.lexists(path):
            raise FileExistsError(errno.EEXIST, "file exists", str(path)) from None
        os.rename(tmp, path)
        return
    os.unlink(tmp)


def aside_name(path: Path, tag: str) -> Path:
    """``<name>.<tag>-<UTC timestamp>``, with ``-N`` appended until the name is free."""
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    candidate = path.with_name(f"{path.name}.{tag}-{stamp}")
    n = 1
    while os.path.lexists(candidate):
        candidate = path.with_name(f"{path.name}.{tag}-{stamp}-{n}")
        n += 1
    return candidate


def move_aside(path: Path, tag: str = "corrupt") -> Path:
    """Rename ``path`` to a fresh ``<name>.<tag>-<timestamp>`` name, never overwriting one."""
    path = Path(path)
    for _ in range(100):
        target = aside_name(path, tag)
        try:
            os.link(path, target)
        except FileExistsError:
            continue  # another process took that name a moment ago
        except OSError as exc:
            if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EMLINK):
                raise
            os.rename(path, target)
            fsync_dir(path.parent)
            return target
        os.unlink(path)
        fsync_dir(path.parent)
        return target
    raise OSError(errno.EEXIST, "no free name to move the file aside", str(path))


def save_bytes_aside(path: Path, data: bytes, tag: str = "corrupt") -> Path:
    """Keep ``data`` (bytes about to be dropped from ``path``) in a new file beside it."""
    for _ in range(100):
        target = aside_name(path, tag)
        try:
            write_atomic(target, data, overwrite=False)
        except FileExistsError:
            continue
        return target
    raise OSError(errno.EEXIST, "no free name to save bytes aside", str(path))
