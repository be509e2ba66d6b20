"""The cache's files: where they live, how they are keyed, read and written safely.

Safety.  Unpickling runs code, so a cache file is read only if it is a regular file (not a
symlink) owned by the current user and writable by no one else, in a directory that is also
the user's and not writable by others; anything else is ignored (and the cache not written).
Files are written atomically (briefing.fsio.write_atomic), mode 0600 in a 0700 directory.  Any error reading a cache (corrupt, truncated, another version)
means a normal load, which rewrites it.  BRIEFING_NO_CACHE=1 turns the cache off;
BRIEFING_CACHE_DIR puts it elsewhere (default: platformdirs' user cache directory).
"""

from __future__ import annotations

import gc
import hashlib
import os
import stat
import sys
from pathlib import Path
from typing import Any, Callable

import briefing

FORMAT = 1
MAGIC = b"briefing-cache"
PIECES = "pieces-1"  # the first pickle of a file written by write_pieces: (PIECES, count)
# The code whose changes change what a load produces (the corpus, one file's part), relative
# to the package.
LOAD_CODE = ("model.py", "text.py", "loader.py", "loading", "analysis/lexicon.py", "cache")


def enabled() -> bool:
    return os.environ.get("BRIEFING_NO_CACHE", "").strip() in ("", "0")


def cache_dir() -> Path:
    env = os.environ.get("BRIEFING_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_path

    return user_cache_path("briefing", appauthor=False)


_CODE_KEYS: dict[tuple[str, ...], str] = {}


def code_key(names: tuple[str, ...]) -> str:
    """Version, Python, and the size and mtime of each code file (once per process)."""
    found = _CODE_KEYS.get(names)
    if found is None:
        h = hashlib.sha256(f"{FORMAT}|{briefing.__version__}|{sys.version}|".encode())
        package = Path(briefing.__file__).resolve().parent
        for name in names:
            for rel, size, mtime in stat_tree(package / name):
                h.update(f"{name}/{rel}|{size}|{mtime}\n".encode("utf-8", "surrogatepass"))
        found = _CODE_KEYS[names] = h.hexdigest()
    return found


STATS_BETWEEN = 256  # files stat'ed between two calls of stat_tree's ``between``


def stat_tree(root: Path, between: Callable[[], object] | None = None,
              ) -> list[tuple[str, int, int]]:
    """(relative path, size, mtime_ns) of every file under ``root``, sorted; hidden names and
    __pycache__ skipped (the loader skips hidden files; editors' swap files are hidden).

    ``between`` is called every STATS_BETWEEN files: a thread that stats 10,000 files hands
    the interpreter back and forth at each system call, and another thread that computes
    meanwhile (the reader's interface) runs in slices of a millisecond or less."""
    if root.is_file():
        st = root.stat()
        return [("", st.st_size, st.st_mtime_ns)]
    out: list[tuple[str, int, int]] = []
    stack = [(str(root), "")]
    seen = 0
    while stack:
        folder, prefix = stack.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                seen += 1
                if between is not None and seen % STATS_BETWEEN == 0:
                    between()
                name = entry.name
                if name.startswith(".") or name == "__pycache__":
                    continue
                rel = prefix + name
                if entry.is_dir():
                    stack.append((entry.path, rel + "/"))
                else:
                    st = entry.stat()
                    out.append((rel, st.st_size, st.st_mtime_ns))
    out.sort()
    return out


def slot(content: Path, kind: str) -> Path:
    """One file per content directory and kind, so stale versions replace each other."""
    where = f"{content.resolve()}\0{content}"
    digest = hashlib.sha256(where.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return cache_dir() / f"{digest}.{kind}"


# --- files --------------------------------------------------------------------------------------

def unpickle(data: bytes) -> Any:
    """pickle.loads, or None if it fails; the cyclic GC is paused meanwhile (unpickling a
    corpus creates ~a million objects and no garbage: ~5x faster without collections)."""
    import pickle  # here: `briefing search` uses this module for its index's key only

    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return pickle.loads(data)
    except Exception:  # noqa: BLE001 - any unreadable cache is only a slower start
        return None
    finally:
        if was_enabled:
            gc.enable()


def _private(st: os.stat_result) -> bool:
    """Owned by the current user and writable by no one else (POSIX; elsewhere: true)."""
    getuid = getattr(os, "getuid", None)
    if getuid is None:
        return True
    return st.st_uid == getuid() and not st.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def safe_dir(folder: Path) -> bool:
    """The folder is the user's and nobody else can add or replace files in it.  A symlink to
    such a folder is fine: wherever it points, only the user can have written the files."""
    try:
        st = os.stat(folder)
    except OSError:
        return False
    return stat.S_ISDIR(st.st_mode) and _private(st)


def _header(key: str) -> bytes:
    return MAGIC + f" {FORMAT} {key}\n".encode()


def read_payload(file: Path, key: str) -> bytes | None:
    """The payload of ``file`` if it is safe to unpickle and was saved under ``key``."""
    return _with_payload(file, key, lambda fh: fh.read())


def load_payload(file: Path, key: str) -> Any:
    """The unpickled payload of ``file`` (as read_payload), or None.  Unpickled from the open
    file rather than from its bytes: the bytes are never all in memory at once (a 5,000-article
    corpus: ~95 MB less at the peak, and no slower)."""
    return _with_payload(file, key, _unpickle_from)


def _unpickle_from(fh: Any) -> Any:
    import pickle

    was_enabled = gc.isenabled()
    gc.disable()  # as in unpickle
    try:
        return pickle.load(fh)
    except Exception:  # noqa: BLE001 - any unreadable cache is only a slower start
        return None
    finally:
        if was_enabled:
            gc.enable()


def load_pieces(file: Path, key: str, between: Callable[[], object] | None = None,
                ) -> list[Any] | None:
    """The pieces written by ``write_pieces`` (as load_payload), or None.  ``between`` is
    called before each piece: the caller's chance to let another thread run.

    One pickle of a whole corpus holds the interpreter: the C unpickler lets go of it only
    to read the file, and dropping its memo (a reference to each of millions of objects)
    takes 0.2 s in one go at 5,000 articles.  Pieces unpickled one by one, each with its
    own memo, hold it a few milliseconds at a time.  The cyclic collector stays paused
    across all of them (see unpickle), not only within each."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _with_payload(file, key, lambda fh: _pieces_from(fh, between))
    finally:
        if was_enabled:
            gc.enable()


def _pieces_from(fh: Any, between: Callable[[], object] | None) -> list[Any] | None:
    count = _unpickle_from(fh)
    if not (isinstance(count, tuple) and len(count) == 2 and count[0] == PIECES
            and isinstance(count[1], int)):
        return None
    pieces = []
    for _ in range(count[1]):
        if between is not None:
            between()
        piece = _unpickle_from(fh)
        if piece is None:
            return None
        pieces.append(piece)
    return pieces


def write_pieces(file: Path, key: str, pieces: Callable[[], list[Any]]) -> bool:
    """Write ``pieces()`` as separate pickles under ``key`` (see load_pieces)."""
    import pickle

    def payload() -> bytes:
        parts = pieces()
        return b"".join([pickle.dumps((PIECES, len(parts)), protocol=pickle.HIGHEST_PROTOCOL)]
                        + [pickle.dumps(p, protocol=pickle.HIGHEST_PROTOCOL) for p in parts])

    return write_payload(file, key, payload)


def _with_payload(file: Path, key: str, read: Callable[[Any], Any]) -> Any:
    """``read(file handle after the header)`` if the file is safe and saved under ``key``."""
    if not safe_dir(file.parent):
        return None
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(file, flags)
    except OSError:
        return None
    try:
        st = os.fstat(fd)  # of the file actually opened: no race with a swapped path
        if not stat.S_ISREG(st.st_mode) or not _private(st):
            return None
        with os.fdopen(fd, "rb") as fh:
            fd = -1
            header = _header(key)
            if fh.read(len(header)) != header:
                return None
            return read(fh)
    except OSError:
        return None
    finally:
        if fd >= 0:
            os.close(fd)


def write_payload(file: Path, key: str, payload: Callable[[], bytes]) -> bool:
    """Write ``payload()`` under ``key`` atomically; False if it cannot be done safely."""
    from briefing.fsio import write_atomic

    folder = file.parent
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not safe_dir(folder):
            return False  # someone else's or a shared folder: never leave pickles there
        was_enabled = gc.isenabled()
        gc.disable()  # pickling a corpus: ~25% faster without collections
        try:
            data = payload()
        finally:
            if was_enabled:
                gc.enable()
        write_atomic(file, _header(key) + data, overwrite=True, mode=0o600)
        return True
    except Exception:  # noqa: BLE001 - a cache that cannot be written only costs speed
        return False
