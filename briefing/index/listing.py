"""What the index is compared with on every search: each content file's size and mtime.

The one cost of a warm search that grows with the corpus (10,000 files at 5,000 articles),
and nearly all of it waiting on the file system: so a search can start it in a thread
(:class:`Prefetch`) while the rest of the command loads, and the refresh takes the result.  Light on purpose: only os and threading.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

Stat = tuple[int, int]  # a file's size and mtime_ns
Listing = tuple[dict[str, Stat], dict[str, Stat]]  # articles/*.md, claims/*.yaml by stem

_DIR_FD = os.stat in os.supports_dir_fd


def files(folder: Path, suffix: str) -> dict[str, Stat]:
    """{file stem: (size, mtime_ns)} of the folder's visible files ending in ``suffix`` (as the
    loader sees them), with one stat per name relative to the open folder (a third cheaper
    than DirEntry.stat here)."""
    out: dict[str, Stat] = {}
    try:
        names = os.listdir(folder)
    except (FileNotFoundError, NotADirectoryError):
        return out
    cut = -len(suffix)
    fd = os.open(folder, os.O_RDONLY) if _DIR_FD else None
    try:
        for name in names:
            if name.startswith(".") or not name.endswith(suffix):
                continue
            try:
                st = os.stat(name, dir_fd=fd) if fd is not None else os.stat(folder / name)
            except OSError:
                continue
            out[name[:cut]] = (st.st_size, st.st_mtime_ns)
    finally:
        if fd is not None:
            os.close(fd)
    return out


def listing(content_dir: Path) -> Listing:
    content_dir = Path(content_dir)
    return files(content_dir / "articles", ".md"), files(content_dir / "claims", ".yaml")


class Prefetch:
    """The listing of ``content_dir``, started now in a thread (the stat calls release the
    GIL, so it goes on while the command imports its modules); :meth:`result` waits for it."""

    def __init__(self, content_dir: Path) -> None:
        self.content_dir = Path(content_dir)
        self._box: list[Listing] = []
        self._thread = threading.Thread(target=lambda: self._box.append(listing(self.content_dir)),
                                        daemon=True, name="briefing-index-listing")
        self._thread.start()

    def result(self) -> Listing:
        self._thread.join()
        return self._box[0] if self._box else listing(self.content_dir)  # it failed: again
