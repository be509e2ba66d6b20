"""A cross-process lock for the store that survives the deletion of its lock file.

flock(2) locks an inode, not a name.  If a cleanup script or a person deletes the lock file
while a writer holds it, the next writer creates a new file at the same name and locks that:
two writers then believe they hold "the" lock (the attack lost 867-1,041 of ~1,180
acknowledged writes this way through filelock).  Checking the file's identity before and
after each write narrows that window but cannot close it: a writer can be descheduled for
milliseconds between its check and its write (the attack still lost 2 of 400).  So:

* the lock file ``<store>.lock`` is taken as before (processes of earlier versions take it
  too), and after the flock the lock checks that the file at the path is still the one it
  locked (same device and inode), else starts again with the new file;
* then the store's *folder* is flocked as well.  A folder that holds the store cannot be
  deleted from under its writers, so this is the lock that no cleanup can remove.  Where the
  folder cannot be opened (search-only permission) the lock file alone is used, with
  :meth:`StoreLock.still_held` checked around each write.

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


def _flock(fd: int, deadline: float, poll_interval: float, what: Path) -> None:
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() >= deadline:
                raise LockTimeout(str(what)) from None
            time.sleep(poll_interval)


class StoreLock:
    """An exclusive flock on ``path`` (created with ``mode`` if missing) and on its folder;
    not re-entrant."""

    def __init__(self, path: Path, *, timeout: float, mode: int = 0o644,
                 poll_interval: float = 0.002, lock_folder: bool = True) -> None:
        self.path = path
        self.timeout = timeout
        self.mode = mode
        self.poll_interval = poll_interval
        self.lock_folder = lock_folder
        self._fd: int | None = None
        self._ident: tuple[int, int] | None = None
        self._folder_fd: int | None = None

    @property
    def is_locked(self) -> bool:
        return self._fd is not None

    def _open(self) -> int:
        flags = getattr(os, "O_CLOEXEC", 0)
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_EXCL | flags, self.mode)
        except FileExistsError:
            pass
        except OSError as exc:
            if exc.errno not in (errno.EACCES, errno.EPERM, errno.EROFS):
                raise
        else:
            try:  # a new file gets the mode asked for, whatever the umask
                os.fchmod(fd, self.mode)
            except OSError:
                pass
            return fd
        try:
            return os.open(self.path, os.O_RDWR | os.O_CREAT | flags, self.mode)
        except OSError as exc:
            # A reader without write access to a shared lock file can still flock it read-only.
            if exc.errno not in (errno.EACCES, errno.EPERM, errno.EROFS):
                raise
            return os.open(self.path, os.O_RDONLY | flags)

    def acquire(self) -> None:
        deadline = time.monotonic() + self.timeout
        while True:
            fd = self._open()
            try:
                _flock(fd, deadline, self.poll_interval, self.path)
                st = os.fstat(fd)
                ident = (st.st_dev, st.st_ino)
                if self._at_path() == ident:
                    self._fd, self._ident = fd, ident
                    break
            except BaseException:
                os.close(fd)
                raise
            os.close(fd)  # the file was deleted or replaced while we waited: lock the new one
        if self.lock_folder:
            try:
                self._lock_folder(deadline)
            except BaseException:
                self.release()
                raise

    def _lock_folder(self, deadline: float) -> None:
        try:
            fd = os.open(self.path.parent, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0)
                         | getattr(os, "O_CLOEXEC", 0))
        except OSError:
            return  # no read permission on the folder: the lock file alone (still_held)
        try:
            _flock(fd, deadline, self.poll_interval, self.path.parent)
        except LockTimeout:
            os.close(fd)
            raise
        except OSError:
            os.close(fd)  # a file system without flock on folders: the lock file alone
            return
        self._folder_fd = fd

    def _at_path(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return (st.st_dev, st.st_ino)

    def still_held(self) -> bool:
        """True while this process holds the lock: the folder's, or else the lock file that
        is still at the path."""
        if self._fd is None:
            return False
        return self._folder_fd is not None or self._at_path() == self._ident

    def release(self) -> None:
        for fd in (self._folder_fd, self._fd):
            if fd is not None:
                try:
                    fcntl.flock(fd, fcntl.LOCK_UN)
                finally:
                    os.close(fd)
        self._fd = self._ident = self._folder_fd = None
