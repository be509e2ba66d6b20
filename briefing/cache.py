"""A load cache: a loaded corpus and its search index, reused while no content file changes.

Loading validates every file and anchors every claim (about 1.5 s for a 1,000-article briefing);
unpickling the result takes about a tenth of a second, and restoring the search index from
its dump a tenth of building it.  ``load_corpus_cached`` is ``load_corpus`` with this cache in
front; ``search_index`` builds an index or restores it.

Validity.  A corpus file is keyed by the content directory's absolute path (and the path as
given, which the corpus's paths are built from), every content file's path, size and
mtime_ns, the package version, the Python version and the size and mtime of the code that
loads (so an edit to the loader is not masked during development).  The key is checked from
a plain-text header *before* anything is unpickled.  An index file is keyed by a digest of
the documents it indexes (their kinds, ids and texts) and of the indexing code, so it matches
whichever way its corpus was loaded.  Only problem-free loads are cached, and only if no file
changed while loading.

Safety.  Unpickling runs code, so a cache file is read only if it is a regular file (not a
symlink) owned by the current user and writable by no one else, in a directory that is also
the user's and not writable by others; anything else is ignored (and the cache not written).
Files are written atomically (temporary file in the same directory, then os.replace), mode
0600 in a 0700 directory.  Any error reading a cache (corrupt, truncated, another version)
means a normal load, which rewrites it.  BRIEFING_NO_CACHE=1 turns the cache off;
BRIEFING_CACHE_DIR puts it elsewhere (default: platformdirs' user cache directory).
"""

from __future__ import annotations

import gc
import hashlib
import os
import pickle
import stat
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import briefing
from briefing.model import Corpus

if TYPE_CHECKING:
    from briefing.analysis.search import SearchIndex
    from briefing.problems import Problem

FORMAT = 1
MAGIC = b"briefing-cache"
# The code whose changes change what a load (or an index) produces, relative to the package.
LOAD_CODE = ("model.py", "text.py", "loader.py", "loading", "analysis/lexicon.py", "cache.py")
INDEX_CODE = ("text.py", "analysis/search.py", "analysis/tokens.py", "cache.py")


def enabled() -> bool:
    return os.environ.get("BRIEFING_NO_CACHE", "").strip() in ("", "0")


def cache_dir() -> Path:
    env = os.environ.get("BRIEFING_CACHE_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_cache_path

    return user_cache_path("briefing", appauthor=False)


def load_corpus(path: Path) -> tuple[Corpus, list[Problem]]:
    """briefing.loader.load_corpus, imported only when the cache misses: a cached start then
    never imports YAML or Markdown parsers (~55 ms)."""
    from briefing.loader import load_corpus as load

    return load(path)


# --- public API ---------------------------------------------------------------------------------

def load_corpus_cached(path: Path) -> tuple[Corpus, list[Problem]]:
    """``load_corpus(path)``, from the cache when no content file changed since it was saved."""
    path = Path(path)
    if not enabled():
        return load_corpus(path)
    try:
        key = _corpus_key(path)
    except OSError:
        return load_corpus(path)  # the loader reports what is wrong with the directory
    file = _slot(path, "corpus")
    cached = _read(file, key)
    if cached is not None:
        corpus = _unpickle(cached)
        if isinstance(corpus, Corpus):
            return corpus, []
    corpus, problems = load_corpus(path)
    if not problems:
        try:
            unchanged = _corpus_key(path) == key  # no edit during the load
        except OSError:
            unchanged = False
        if unchanged:
            _write(file, key, lambda: pickle.dumps(corpus, protocol=pickle.HIGHEST_PROTOCOL))
    return corpus, problems


def search_index(corpus: Corpus) -> "SearchIndex":
    """The corpus's search index (``build_index``), restored from the cache when it matches."""
    was_enabled = gc.isenabled()
    gc.disable()  # tens of thousands of new objects and no garbage (as in SearchIndex)
    try:
        return _search_index(corpus)
    finally:
        if was_enabled:
            gc.enable()


def _search_index(corpus: Corpus) -> "SearchIndex":
    from briefing.analysis.search import SearchIndex, corpus_documents

    docs = list(corpus_documents(corpus))
    if not enabled() or corpus.root is None:
        index = SearchIndex()
        index.add_documents(docs)
        return index
    try:
        key = _index_key(docs)
    except OSError:
        key = None
    file = _slot(Path(corpus.root), "index")
    blob = _read(file, key) if key is not None else None
    if blob is not None:
        try:
            return SearchIndex.restore(blob, docs)
        except ValueError:
            pass  # another layout or other documents: rebuild, which rewrites it
    index = SearchIndex()
    index.add_documents(docs)
    if key is not None:
        _write(file, key, index.dump)
    return index


# The helpers below (_corpus_key, _slot, _read, _write, _unpickle) are also used by
# briefing.corpus_cache for the reader's first-screen "head" file: keep their signatures.

# --- keys ---------------------------------------------------------------------------------------

_CODE_KEYS: dict[tuple[str, ...], str] = {}


def _code_key(names: tuple[str, ...]) -> str:
    """Version, Python, and the size and mtime of each code file (once per process)."""
    found = _CODE_KEYS.get(names)
    if found is None:
        h = hashlib.sha256(f"{FORMAT}|{briefing.__version__}|{sys.version}|".encode())
        package = Path(briefing.__file__).resolve().parent
        for name in names:
            for rel, size, mtime in _stat_tree(package / name):
                h.update(f"{name}/{rel}|{size}|{mtime}\n".encode("utf-8", "surrogatepass"))
        found = _CODE_KEYS[names] = h.hexdigest()
    return found


def _corpus_key(content: Path) -> str:
    h = hashlib.sha256(_code_key(LOAD_CODE).encode())
    h.update(f"|{content.resolve()}|{content}|".encode("utf-8", "surrogatepass"))
    if not content.is_dir():
        raise NotADirectoryError(str(content))
    for rel, size, mtime in _stat_tree(content):
        h.update(f"{rel}|{size}|{mtime}\n".encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _index_key(docs: list) -> str:
    h = hashlib.sha256(_code_key(INDEX_CODE).encode())
    # One join and one encode: about 20 ms for 16 M characters.  NUL separates fields; the
    # counts make the split unambiguous even if a text contained NUL.
    h.update(f"{len(docs)}|".encode())
    parts: list[str] = []
    for d in docs:
        parts += (d.kind, d.id, str(len(d.text)), d.text)
    h.update("\0".join(parts).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _stat_tree(root: Path) -> list[tuple[str, int, int]]:
    """(relative path, size, mtime_ns) of every file under ``root``, sorted; hidden names and
    __pycache__ skipped (the loader skips hidden files; editors' swap files are hidden)."""
    if root.is_file():
        st = root.stat()
        return [("", st.st_size, st.st_mtime_ns)]
    out: list[tuple[str, int, int]] = []
    stack = [(str(root), "")]
    while stack:
        folder, prefix = stack.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
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


def _slot(content: Path, kind: str) -> Path:
    """One file per content directory and kind, so stale versions replace each other."""
    where = f"{content.resolve()}\0{content}"
    digest = hashlib.sha256(where.encode("utf-8", "surrogatepass")).hexdigest()[:32]
    return cache_dir() / f"{digest}.{kind}"


# --- files --------------------------------------------------------------------------------------

def _unpickle(data: bytes) -> Any:
    """pickle.loads, or None if it fails; the cyclic GC is paused meanwhile (unpickling a
    corpus creates ~a million objects and no garbage: ~5x faster without collections)."""
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


def _safe_dir(folder: Path) -> bool:
    """The folder is the user's and nobody else can add or replace files in it.  A symlink to
    such a folder is fine: wherever it points, only the user can have written the files."""
    try:
        st = os.stat(folder)
    except OSError:
        return False
    return stat.S_ISDIR(st.st_mode) and _private(st)


def _header(key: str) -> bytes:
    return MAGIC + f" {FORMAT} {key}\n".encode()


def _read(file: Path, key: str) -> bytes | None:
    """The payload of ``file`` if it is safe to unpickle and was saved under ``key``."""
    if not _safe_dir(file.parent):
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
            return fh.read()
    except OSError:
        return None
    finally:
        if fd >= 0:
            os.close(fd)


def _write(file: Path, key: str, payload: Any) -> bool:
    """Write ``payload()`` (bytes) under ``key`` atomically; False if it cannot be done safely."""
    folder = file.parent
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if not _safe_dir(folder):
            return False  # someone else's or a shared folder: never leave pickles there
        was_enabled = gc.isenabled()
        gc.disable()  # pickling a corpus: ~25% faster without collections
        try:
            data = payload()
        finally:
            if was_enabled:
                gc.enable()
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=file.name + ".", suffix=".tmp")
    except Exception:  # noqa: BLE001 - a cache that cannot be written only costs speed
        return False
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(_header(key))
            fh.write(data)
        os.replace(tmp, file)
        return True
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        return False
