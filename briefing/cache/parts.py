"""Each content file's own load result, reused while that file is unchanged.

The whole-corpus cache (briefing.cache.corpus) is invalidated by any edit; without this module
the first load after editing one article re-read every file (2 s at 1,000 articles, 9 s at
5,000).  Here every article's result (the Article and its problems) and every claims file's
(its entries, problems, and each claim's anchoring in its article) is stored on its own, so a
load re-reads only the files that changed, then redoes the steps that span files (ids used
twice, event references, the indexes: briefing.loader).  ``briefing check`` uses it too: its
problems, ``path:line`` included, are reproduced exactly from what was stored.

A record is reused when the file's size and mtime_ns are those recorded; when they differ
(a `touch`, a checkout), when the file's SHA-256 is the recorded one.  A claims record also
names the digest of the article it was anchored in, so an edit to an article re-anchors its
claims.  Records are kept in BUCKETS files per content directory (a file's bucket is fixed by
its name), each written with briefing.cache.files' rules (atomic, private, keyed by the
loading code's version, header checked before unpickling): a first build costs BUCKETS writes,
not one per file, and an edit rewrites one bucket.  A record is pickled once, when its file is
parsed, so the steps after (which anchor claims again in rare cases) cannot change what is
stored.  A bucket is re-read just before it is rewritten and only this load's records replace
its own, so two processes loading at once mostly keep each other's records (one lost in a
race only means its file is parsed again: every record is checked against its file); anything
unreadable is a miss, and the file is parsed again.
"""

from __future__ import annotations

import gc
import hashlib
import io
import os
import pickle
from pathlib import Path
from typing import Any

from briefing.cache.files import LOAD_CODE, code_key, load_payload, safe_dir, slot, write_payload
from briefing.loader import ClaimsPart, Parts
from briefing.model import Article
from briefing.problems import Problem

BUCKETS = 64
PARTS_FORMAT = 2

# A record: (size, mtime_ns, sha256 of the file, what it depends on, pickled result).
Record = tuple[int, int, str, str, bytes]


def bucket_of(name: str) -> int:
    return int(hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:8], 16) % BUCKETS


class FileParts(Parts):
    """Parts from the cache where a file is unchanged, parsed (and stored) where not."""

    def __init__(self, content: Path, prune: bool = True, store: bool = True) -> None:
        self.folder = slot(Path(content), "parts")
        self.key = code_key(LOAD_CODE)
        # A folder inside a shared cache folder could be swapped by someone else: both private.
        self.usable = all(not f.exists() or safe_dir(f) for f in (self.folder.parent, self.folder))
        self.prune = prune  # drop the records of files this load did not ask for
        self.store = store  # False: only reuse records (the search index's first build)
        self.buckets: dict[int, dict[str, Record]] = {}  # the records not used yet
        self.stored: dict[int, set[str]] = {}  # the names each bucket held when read
        self.changed: dict[int, dict[str, Record]] = {}
        self.asked: set[str] = set()
        self.digests: dict[str, str | None] = {}  # article file -> its digest, for its claims
        self.parsed: list[Path] = []  # the files read and parsed in this load (tests count them)
        self.reused = 0  # the files whose stored result was used

    # --- Parts ----------------------------------------------------------------------------------

    def article(self, file: Path) -> tuple[Article | None, list[Problem]]:
        result, digest = self._get(file, "", lambda: super(FileParts, self).article(file))
        self.digests[_name(file)] = digest
        return result

    def claims(self, file: Path, stem: str, suggested: bool, article_file: Path,
               article: Article | None) -> ClaimsPart:
        article_digest = self.digests.get(_name(article_file))
        deps = None if article_digest is None else f"{int(suggested)}|{article_digest}"
        result, _ = self._get(file, deps, lambda: super(FileParts, self).claims(
            file, stem, suggested, article_file, article))
        return result

    def done(self) -> None:
        if not self.usable:
            return
        dirty = set(self.changed)
        if self.prune:  # records of files gone (deleted, renamed) are dropped
            dirty.update(index for index, names in self.stored.items() if names - self.asked)
        if not dirty:
            return
        try:
            self.folder.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError:
            return
        if not safe_dir(self.folder.parent):
            return
        for index in sorted(dirty):
            self._write(index)

    # --- records --------------------------------------------------------------------------------

    def _get(self, file: Path, deps: str | None, parse) -> tuple[Any, str | None]:
        """(the file's result, its digest or None); ``deps`` None: not storable."""
        name = _name(file)
        self.asked.add(name)
        # Taken out of the bucket: its bytes are freed once used (a bucket is re-read before
        # it is rewritten), so a load never holds every stored record at once.
        record = self._bucket(bucket_of(name)).pop(name, None) if self.usable else None
        try:
            st = os.stat(file)
        except OSError:
            st = None
        if record is not None and st is not None and record[3] == deps:
            size, mtime, digest, _, blob = record
            if (size, mtime) == (st.st_size, st.st_mtime_ns):
                result = _unpickle(blob, file)
                if result is not None:
                    self.reused += 1
                    return result, digest
            now = _digest(file)
            if now == digest:
                result = _unpickle(blob, file)
                if result is not None:
                    self.reused += 1
                    self._store(name, (st.st_size, st.st_mtime_ns, digest, deps, blob))
                    return result, digest
        digest = _digest(file) if st is not None else None
        result = parse()
        self.parsed.append(file)
        if digest is not None and deps is not None and self.usable and self.store \
                and _same(file, st):
            blob = _pickle(result, file)
            self._store(name, (st.st_size, st.st_mtime_ns, digest, deps, blob))
        return result, (digest if _same(file, st) else None)

    def _store(self, name: str, record: Record) -> None:
        self.changed.setdefault(bucket_of(name), {})[name] = record

    def _file(self, index: int) -> Path:
        return self.folder / f"{index:02x}"

    def _bucket(self, index: int) -> dict[str, Record]:
        found = self.buckets.get(index)
        if found is None:
            found = self.buckets[index] = self._read(index)
            self.stored[index] = set(found)
        return found

    def _read(self, index: int) -> dict[str, Record]:
        payload = load_payload(self._file(index), self.key)
        if (isinstance(payload, tuple) and len(payload) == 3 and payload[0] == PARTS_FORMAT
                and payload[1] == index and isinstance(payload[2], dict)):
            return {name: rec for name, rec in payload[2].items() if _is_record(rec)}
        return {}

    def _write(self, index: int) -> None:
        records = self._read(index)  # as it is now: another process may have added to it
        records.update(self.changed.get(index, {}))
        if self.prune:
            records = {name: rec for name, rec in records.items() if name in self.asked}
        payload = (PARTS_FORMAT, index, records)
        write_payload(self._file(index), self.key,
                      lambda: pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL))


class _Pickler(pickle.Pickler):
    """Stores the file's own path (in the result, its problems, its claims) as a reference,
    restored as the path of this load: no Path rebuilt per record (~0.4 s at 5,000 articles)."""

    def __init__(self, out: io.BytesIO, file: Path) -> None:
        super().__init__(out, protocol=pickle.HIGHEST_PROTOCOL)
        self.file = file

    def persistent_id(self, obj: object) -> str | None:
        return "file" if type(obj) is type(self.file) and obj == self.file else None


class _Unpickler(pickle.Unpickler):
    def __init__(self, data: io.BytesIO, file: Path) -> None:
        super().__init__(data)
        self.file = file

    def persistent_load(self, pid: object) -> Path:
        if pid != "file":
            raise pickle.UnpicklingError("unknown reference")
        return self.file


def _pickle(result: object, file: Path) -> bytes:
    out = io.BytesIO()
    _Pickler(out, file).dump(result)
    return out.getvalue()


def _unpickle(blob: bytes, file: Path) -> Any:
    """The stored result, or None if it cannot be read (as briefing.cache.files.unpickle)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _Unpickler(io.BytesIO(blob), file).load()
    except Exception:  # noqa: BLE001 - an unreadable record is parsed again
        return None
    finally:
        if was_enabled:
            gc.enable()


def _name(file: Path) -> str:
    return f"{file.parent.name}/{file.name}"  # articles/x.md, claims/x.yaml


def _is_record(rec: object) -> bool:
    return (isinstance(rec, tuple) and len(rec) == 5 and isinstance(rec[0], int)
            and isinstance(rec[1], int) and isinstance(rec[4], bytes))


def _digest(file: Path) -> str | None:
    try:
        with open(file, "rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except (OSError, AttributeError):
        return None


def _same(file: Path, before: os.stat_result | None) -> bool:
    """The file was not changed while it was read (else its record would not match it)."""
    if before is None:
        return False
    try:
        after = os.stat(file)
    except OSError:
        return False
    return (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
