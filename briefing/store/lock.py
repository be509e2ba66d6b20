"""A cross-process lock on ``<store>.lock`` that knows when its file has been deleted.

flock(2) locks an inode, not a name.  If a cleanup script or a person deletes the lock file
while a writer holds it, the next writer creates a new file at the same name and locks that:
two writers then believe they hold "the" lock (the attack lost 867-1,041 of ~1,180
acknowledged writes this way through filelock).  So:

* after taking the flock, the lock checks that the file at the path is still the one it
  locked (same device and inode) and otherwise starts again with the new file;
* :meth:`InodeLock.still_held` repeats that check; the store calls it just before and just
  after writing, and reports a write as failed when the lock was lost in between.

filelock cannot do this (it exposes no descriptor to compare), so this module uses fcntl
directly.  It is POSIX-only, like the store's other guarantees (see docs/annotations.md).
"""

from __future__ import annotations

import errno
import fcntl
import os
import time
from pathlib import Path


class LockTimeout(Exception):
    """Another process held the lock for longer than the timeout."""


class InodeLock:
    """An exclusive flock on ``path`` (created with ``mode`` if missing); not re-entrant."""

    def __init__(self, path: Path, *, timeout: float, mode: int = 0o644,
                 poll_interval: float = 0.002) -> None:
        self.path = path
        self.timeout = timeout
        self.mode = mode
        self.poll_interval = poll_interval
        self._fd: int | None = None
        self._ident: tuple[int, int] | None = None

    @property
    def is_locked(self) -> bool:
        return self._fd is not None

    def _open(self) -> int:
        flags = getattr(os, "O_CLOEXEC", 0)
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | flags, self.mode)
        except OSError as exc:
            # A reader without write access to a shared lock file can still flock it read-only.
            if exc.errno not in (errno.EACCES, errno.EPERM, errno.EROFS):
                raise
            return os.open(self.path, os.O_RDONLY | flags)
        try:  # a new file gets the mode asked for, whatever the umask
            if os.fstat(fd).st_uid == os.geteuid():
                os.fchmod(fd, self.mode)
        except OSError:
            pass
        return fd

    def acquire(self) -> None:
        deadline = time.monotonic() + self.timeout
        while True:
            fd = self._open()
            try:
                while True:
                    try:
                        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                        break
                    except BlockingIOError:
                        if time.monotonic() >= deadline:
                            raise LockTimeout(str(self.path)) from None
                        time.sleep(self.poll_interval)
                st = os.fstat(fd)
                ident = (st.st_dev, st.st_ino)
                if self._at_path() == ident:
                    self._fd, self._ident = fd, ident
                    return
            except BaseException:
                os.close(fd)
                raise
            os.close(fd)  # the file was deleted or replaced while we waited: lock the new one

    def _at_path(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return (st.st_dev, st.st_ino)

    def still_held(self) -> bool:
        """True if the file at the path is the one this process holds locked."""
        return self._fd is not None and self._at_path() == self._ident

    def release(self) -> None:
        fd, self._fd, self._ident = self._fd, None, None
        if fd is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_UN)
            finally:
                os.close(fd)
