"""JournalStorage: a TinyDB storage that several processes can share and that survives crashes.

Why not TinyDB's JSONStorage: it rewrites the whole file in place on every insert (~32 ms at
10,000 records, and a crash or a second process mid-write leaves a broken file).

The file format (one file, UTF-8, JSON lines)::

    {"format": "briefing-annotations", "version": 1, "tables": {}, "records": 2}  <- header
    {"ops": [{"op": "put", "t": "annotations", "id": "a1", "doc": {...}}]}  <- snapshot,
    {"ops": [{"op": "put", "t": "annotations", "id": "b2", "doc": {...}}]}     one per record
    {"ops": [{"op": "put", "t": "annotations", "id": "...", "doc": {...}}]}   <- journal
    {"ops": [{"op": "del", "t": "annotations", "id": "..."}]}

  (Files written before "records" existed hold every table inside line 1; they load the same.)

* A write appends one line (one transaction) and fsyncs it: ~0.1 ms, whatever the store size.
  Only then is it acknowledged and applied to memory, so a failed write (ENOSPC, EACCES, EIO)
  raises :class:`StoreError` and is never shown as saved; the partial line is cut off again.
* When the journal grows larger than the snapshot, the file is compacted: the whole state is
  written to a temporary file in the same folder, fsync'd, renamed over the store and the
  folder fsync'd; mode and group are kept so a shared team store stays shared.  The cost is
  amortised over as many writes as the store holds records.
* The path is resolved (realpath) first: a store reached through a symlink and through its
  real path is one store, with one lock, and compaction replaces the real file.
* Every read and write takes a cross-process lock (briefing.store.lock): ``<name>.lock``
  and the store's folder, which no cleanup script can delete from under a writer; never
  the data file itself, which compaction replaces.  Temporary files of killed writers are
  removed at the first write of each process.
* Other processes' writes are seen cheaply: the store keeps the data file open, so its inode
  cannot be reused; a different inode at the path (compaction) means re-read everything, a
  larger size means read only the new lines from the last offset.
* A crash can leave at most one torn (unterminated) last line: it was never acknowledged,
  because acknowledgement happens after the full line is fsync'd.  It is ignored, and the
  next writer cuts it off (keeping its bytes beside the store).
* An unreadable store (empty, truncated, not UTF-8, NUL-filled, not JSON, not ours) is moved
  aside to ``<name>.corrupt-<timestamp>`` (never overwritten, never deleted) and the caller is
  told through :attr:`JournalStorage.warnings`.  Unreadable lines, or a damaged first line:
  the file is moved aside the same way and a new one holds every record still readable
  (:func:`salvage`).  A missing store with a moved-aside one beside it that still holds
  records is reported with the command that brings them back, never shown as just empty.

System calls go through ``os`` at call time so tests can inject failures.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
import threading
from contextlib import contextmanager
from glob import escape as glob_escape
from pathlib import Path
from typing import Any, Iterator, Mapping

from tinydb.storages import Storage

from briefing.fsio import (
    move_aside, remove_stale_temporaries, save_bytes_aside, write_all, write_atomic,
)
from briefing.store.errors import StoreBusyError, StoreError
from briefing.store.lock import StoreLock, LockTimeout

FORMAT = "briefing-annotations"
FORMAT_VERSION = 1

Tables = dict[str, dict[str, dict[str, Any]]]
Signature = tuple[int, int, int, int]  # (st_dev, st_ino, st_size, st_mtime_ns)


class BadRecord(ValueError):
    """A journal line that is not a valid transaction."""


def _decode(raw: bytes) -> Any:
    return json.loads(raw.decode("utf-8"))


def _encode(obj: Any) -> bytes:
    try:
        text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise StoreError(f"this value cannot be stored: {exc}") from exc
    return text.encode("utf-8") + b"\n"


def _check_ops(record: Any) -> list[dict]:
    """Validate a whole transaction before any of it is applied (all or nothing)."""
    if not isinstance(record, dict) or not isinstance(record.get("ops"), list):
        raise BadRecord("not a transaction")
    for op in record["ops"]:
        if not isinstance(op, dict) or not isinstance(op.get("t"), str):
            raise BadRecord("operation without a table")
        kind = op.get("op")
        if kind == "put":
            if not isinstance(op.get("id"), str) or not isinstance(op.get("doc"), dict):
                raise BadRecord("put without id or document")
        elif kind == "del":
            if not isinstance(op.get("id"), str):
                raise BadRecord("delete without id")
        elif kind not in ("clear", "drop"):
            raise BadRecord(f"unknown operation {kind!r}")
    return record["ops"]


def apply_ops(tables: Tables, ops: list[dict], *, published: bool = False) -> None:
    """Apply a transaction.  ``published``: the table dicts may be in use by readers (other
    threads iterating a table_view), so each touched table is copied first and replaced,
    never changed in place (a 10,000-entry dict copies in ~0.1 ms)."""
    if published:
        for name in {op["t"] for op in ops}:
            if name in tables:
                tables[name] = dict(tables[name])
    for op in ops:
        kind, name = op["op"], op["t"]
        if kind == "put":
            tables.setdefault(name, {})[op["id"]] = op["doc"]
        elif kind == "del":
            tables.get(name, {}).pop(op["id"], None)
        elif kind == "clear":
            tables[name] = {}
        elif kind == "drop":
            tables.pop(name, None)


def _check_tables(obj: Any) -> Tables:
    if not isinstance(obj, dict) or not all(
        isinstance(t, dict) and all(isinstance(d, dict) for d in t.values()) for t in obj.values()
    ):
        raise BadRecord("the snapshot is not a set of tables")
    return obj


def _read_header(data: bytes) -> tuple[Tables | None, str, int]:
    """The snapshot's tables and how many record lines follow it (see snapshot_bytes), or
    None and why line 1 is unreadable (in words for the user)."""
    if not data:
        return None, "the file is empty", 0
    if not data.strip(b"\0"):
        return None, "the file holds only NUL bytes", 0
    first, sep, _ = data.partition(b"\n")
    try:
        text = first.decode("utf-8")
    except UnicodeDecodeError:
        return None, "the file is not UTF-8 text", 0
    if not sep:
        return None, "the file is truncated (its first line is incomplete)", 0
    try:
        header = json.loads(text)
    except ValueError:
        return None, "the file is not valid JSON", 0
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        return None, "the file is not a briefing annotation store", 0
    records = header.get("records", 0)
    records = records if type(records) is int else 0
    try:
        return _check_tables(header.get("tables", {})), "", records
    except BadRecord as exc:
        return None, str(exc), 0


def snapshot_bytes(tables: Tables) -> bytes:
    """A compacted store: a header line, then one line per record.

    One line per record rather than every table inside line 1: a damaged byte then costs at
    most the record on its line, and :func:`salvage` keeps every other one.  ``records``
    tells a reader where the compacted part ends (the compaction trigger measures the
    journal after it).  Readers that predate it simply replay the record lines."""
    puts = [_encode({"ops": [{"op": "put", "t": name, "id": doc_id, "doc": doc}]})
            for name, table in tables.items() for doc_id, doc in table.items()]
    header = _encode({"format": FORMAT, "version": FORMAT_VERSION, "tables": {},
                      "records": len(puts)})
    return header + b"".join(puts)


def _replay(data: bytes, tables: Tables, records: int) -> tuple[Tables, int, int, int]:
    """Apply the lines after the header, the first ``records`` of them being the compacted
    part: (tables, end of the last complete line, end of the compacted part, number of
    unreadable lines)."""
    first_end = data.index(b"\n") + 1
    offset, bad, seen, snapshot_end = first_end, 0, 0, first_end
    if records > 0:  # the compacted part parsed in one call: ~3x faster than line by line
        end = first_end
        for _ in range(records):
            end = data.find(b"\n", end) + 1
            if end == 0:
                break
        else:
            try:
                batch = _decode(b"[" + data[first_end:end - 1].replace(b"\n", b",") + b"]")
                for record in batch:
                    op = record.get("ops") if type(record) is dict else None
                    op = op[0] if type(op) is list and len(op) == 1 else None
                    if (type(op) is dict and op.get("op") == "put" and type(op.get("t")) is str
                            and type(op.get("id")) is str and type(op.get("doc")) is dict):
                        tables.setdefault(op["t"], {})[op["id"]] = op["doc"]  # the usual case
                    else:
                        apply_ops(tables, _check_ops(record))
            except (ValueError, BadRecord):
                pass  # a damaged line: the line-by-line loop below finds which
            else:
                offset = snapshot_end = end
                seen = records
    while True:
        end = data.find(b"\n", offset)
        if end < 0:
            break  # anything after `offset` is a torn tail: never acknowledged
        raw = data[offset:end]
        if raw.strip():
            try:
                apply_ops(tables, _check_ops(_decode(raw)))
            except (ValueError, BadRecord):  # UnicodeDecodeError is a ValueError
                bad += 1
        offset = end + 1
        seen += 1
        if seen == records:
            snapshot_end = offset
    return tables, offset, snapshot_end, bad


# Records of the snapshot format where every table sat inside line 1 (files written before
# snapshot_bytes): ``"<id>":{"claim_id":...}`` inside the "annotations" table.
_OLD_RECORD = re.compile(rb'"([^"\\]{1,200})"\s*:\s*(?=\{\s*"claim_id"\s*:)')
SALVAGE_TABLE = "annotations"


def salvage(data: bytes) -> Tables:
    """Every record that can still be read from a file whose first line is damaged: the
    journal lines after it, and annotation records inside an old-style snapshot line."""
    tables: Tables = {}
    first, sep, rest = data.partition(b"\n")
    text = first.decode("utf-8", errors="replace")
    decoder = json.JSONDecoder()
    for match in _OLD_RECORD.finditer(first):
        try:
            doc, _ = decoder.raw_decode(text, len(first[:match.end()].decode("utf-8", "replace")))
        except ValueError:
            continue
        if isinstance(doc, dict):
            key = match.group(1).decode("utf-8", errors="replace")
            tables.setdefault(SALVAGE_TABLE, {})[key] = doc
    if sep:
        for raw in rest.split(b"\n")[:-1]:  # the last piece is a torn tail or empty
            try:
                apply_ops(tables, _check_ops(_decode(raw)))
            except (ValueError, BadRecord):
                continue
    return tables


def _refuse_special_file(path: Path) -> None:
    """A store path must be a regular file (or not exist yet).  A device or a pipe given by
    mistake (--db /dev/null) was read as "empty", then renamed aside: as root that removed
    /dev/null from the system.  A FIFO or /dev/zero blocked the reader forever."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return
    except OSError:
        return  # unreadable: the read reports it with its reason
    if stat.S_ISDIR(mode):
        raise StoreError(f"The annotation store {path} is a folder; give a file path "
                         "(--db or BRIEFING_DB)")
    if not stat.S_ISREG(mode):
        raise StoreError(f"The annotation store {path} is not a regular file (a device or a "
                         "pipe); give a file path (--db or BRIEFING_DB)")


def _access_hint(exc: OSError) -> str:
    """What the user can do about a failed open or write, when we know it."""
    if exc.errno == errno.EROFS:
        return " (the store must be on a writable disk: choose another path with --db)"
    if exc.errno in (errno.EACCES, errno.EPERM):
        return (" (on a shared store, its owner can give the group access: chmod g+rw, "
                "and the folder: chmod g+rwx)")
    return ""


def _describe(exc: OSError) -> str:
    reasons = {
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is exceeded",
        errno.EACCES: "permission denied",
        errno.EPERM: "operation not permitted",
        errno.EROFS: "the file system is read-only",
        errno.EIO: "input/output error",
    }
    return reasons.get(exc.errno, exc.strerror or str(exc))


class JournalStorage(Storage):
    """TinyDB storage (``TinyDB(path, storage=JournalStorage)``); see the module docstring.

    The TinyDB ``read``/``write`` interface works (``write`` appends only what changed), and
    :class:`briefing.store.table.JournalTable` uses the faster :meth:`transaction`,
    :meth:`table_view` and :meth:`commit` so an insert never touches other records.
    """

    def __init__(self, path: str | os.PathLike[str], *, lock_timeout: float = 10.0,
                 compact_min_bytes: int = 256 * 1024) -> None:
        #: The path as given (a symlink, a relative path): for messages about it.
        self.given = Path(path)
        # Resolved before anything is named after it: the same store reached through a
        # symlink and through its real path must share one lock file, and compaction must
        # replace the real file, not turn the symlink into a separate store.
        self.path = Path(os.path.realpath(self.given))
        _refuse_special_file(self.path)
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.lock_timeout = lock_timeout
        self.compact_min_bytes = compact_min_bytes
        #: Messages for the user (file moved aside, change discarded...); see take_warnings().
        self.warnings: list[str] = []
        #: Bumped whenever the in-memory state changes (own writes or other processes').
        self.version = 0
        self._tables: Tables = {}
        self._fd: int | None = None  # read-only fd on the current file: pins its inode
        self._ident: tuple[int, int] | None = None  # (st_dev, st_ino) of that file
        self._offset = 0  # end of the last complete line applied
        self._snapshot_len = 0  # length of the compacted part (header and record lines)
        self._sig: Signature | None = None
        self._mutex = threading.RLock()
        self._lock: StoreLock | None = None  # made on first use
        self._depth = 0  # nesting of _locked()
        self._writing = 0  # nesting of transaction()
        self._unlocked = False  # reading without the lock (no permission to take it)
        self._issued: set[str] = set()
        self._lock_checked = False
        self._tidied = False  # leftovers of killed writers removed (once per process)
        self._aside_checked = False

    # ------------------------------------------------------------------ TinyDB interface
    def read(self) -> Tables | None:
        with self._locked(write=False):
            self._sync()
            if not self._tables:
                return None
            # A deep copy: TinyDB callers may change what they get before calling write().
            return json.loads(json.dumps(self._tables))

    def write(self, data: Mapping[str, Mapping[str, Mapping[str, Any]]]) -> None:
        with self.transaction():
            ops: list[dict] = []
            for name in list(self._tables):
                if name not in data:
                    ops.append({"op": "drop", "t": name})
            for name, table in data.items():
                old = self._tables.get(name)
                if old is None:
                    ops.append({"op": "clear", "t": name})
                    old = {}
                for doc_id, doc in table.items():
                    if old.get(str(doc_id)) != doc:
                        ops.append({"op": "put", "t": name, "id": str(doc_id), "doc": dict(doc)})
                keep = {str(k) for k in table}
                for doc_id in old:
                    if doc_id not in keep:
                        ops.append({"op": "del", "t": name, "id": doc_id})
            self.commit(ops)

    def close(self) -> None:
        with self._mutex:
            if self._fd is not None:
                os.close(self._fd)
            self._fd = None
            self._ident = None

    # ------------------------------------------------------------------ fast interface
    @contextmanager
    def transaction(self) -> Iterator["JournalStorage"]:
        """Hold the cross-process lock with the state brought up to date; commit() inside."""
        with self._locked(write=True):
            self._sync()
            self._writing += 1
            try:
                yield self
            finally:
                self._writing -= 1

    def table_view(self, name: str) -> Mapping[str, dict[str, Any]]:
        """The documents of a table, up to date.  Read-only: never modify them.  Safe to
        iterate while other threads write: a write replaces the table's dict, never edits it."""
        with self._locked(write=False):
            if not self._writing:
                self._sync()
            return self._tables.get(name, {})

    def commit(self, ops: list[dict]) -> None:
        """Durably append one transaction; call inside :meth:`transaction`.

        Raises StoreError if it could not be saved; then neither the file nor the memory
        state holds any of it.
        """
        if not self._writing:
            raise RuntimeError("commit() outside transaction()")
        if not ops:
            return
        line = _encode({"ops": ops})
        record_ops = _check_ops(_decode(line))  # memory mirrors exactly what is on disk
        if self._fd is None:
            self._create(record_ops)
        else:
            self._append(line, record_ops)
        self._maybe_compact()

    def refresh(self) -> bool:
        """Re-read whatever other processes wrote; True if the state changed."""
        with self._locked(write=False):
            before = self.version
            self._sync()
            return self.version != before

    def signature(self) -> Signature | None:
        """The data file's (dev, inode, size, mtime): cheap, no lock, for change polling."""
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)

    def last_signature(self) -> Signature | None:
        """The signature as of this process's last read or write."""
        return self._sig

    def take_warnings(self) -> list[str]:
        """Warnings not yet shown, and forget them."""
        with self._mutex:
            out, self.warnings = self.warnings, []
            return out

    def compact(self) -> None:
        """Rewrite the file as one snapshot line (atomically, keeping mode and group)."""
        with self.transaction():
            if self._fd is None:
                return
            self._remove_stale_temporaries()
            data = snapshot_bytes(self._tables)
            try:
                write_atomic(self.path, data, overwrite=True, like=os.fstat(self._fd),
                             check=self._check_lock)
            except OSError as exc:
                raise StoreError(f"could not compact {self.path}: {_describe(exc)}") from exc
            try:
                self._open_current(len(data), len(data))
            except OSError:
                self.close()  # the next read loads the new file in full

    def _remove_stale_temporaries(self) -> None:
        """Delete temporary files a killed process left mid-compaction (caller holds the lock:
        no live process is writing one now).  They are never data: the rename never happened."""
        remove_stale_temporaries(self.path)

    # ------------------------------------------------------------------ locking
    @contextmanager
    def _locked(self, *, write: bool) -> Iterator[None]:
        with self._mutex:
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            locked = self._acquire(write)
            self._depth = 1
            try:
                yield
            finally:
                self._depth = 0
                if locked:
                    self._lock.release()

    def _folder_exists(self) -> bool:
        """Whether the store's folder exists; a clear StoreError when it cannot be reached."""
        folder = self.path.parent
        try:
            mode = os.stat(folder).st_mode  # a stat; mkdir on every write costs more
        except FileNotFoundError:
            return False
        except OSError as exc:
            raise StoreError(f"cannot reach the folder {folder} of the annotation store: "
                             f"{_describe(exc)} (you need permission to enter every folder on "
                             "the way; ls -ld shows who may)") from exc
        if not stat.S_ISDIR(mode):
            raise StoreError(f"cannot use the annotation store {self.path}: {folder} is not "
                             "a folder")
        return True

    def _dangling_link(self) -> str:
        """A note for messages when the path given is a symlink to nothing."""
        if self.given != self.path and os.path.islink(self.given) and \
                not os.path.exists(self.given):
            return f" ({self.given} is a symbolic link to {self.path}, which does not exist)"
        return ""

    def _acquire(self, write: bool) -> bool:
        """Take the lock; False when reading without it (nothing to lock, or not allowed)."""
        self._unlocked = False
        if not self._folder_exists():
            if not write:
                return False  # no folder, no store: nothing to read, and nothing to create
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create the folder {self.path.parent}: "
                                 f"{_describe(exc)}{self._dangling_link()}") from exc
        if self._lock is None:
            mode = 0o644
            try:  # a lock file for a shared store must be openable by the same people
                mode = (os.stat(self.path).st_mode & 0o666) | 0o600
            except OSError:
                pass
            self._lock = StoreLock(self.lock_path, timeout=self.lock_timeout, mode=mode)
        try:
            self._lock.acquire()
        except LockTimeout as exc:
            raise StoreBusyError(f"the annotation store {self.path} is busy: another process "
                                 f"has held its lock for {self.lock_timeout:g} s") from exc
        except OSError as exc:
            if write:
                raise StoreError(f"cannot lock {self.lock_path}: {_describe(exc)}"
                                 f"{_access_hint(exc)}") from exc
            self._unlocked = True  # e.g. a read-only share: readers cope with a torn tail
            return False
        if not self._lock_checked:
            self._lock_checked = True
            self._match_lock_file()
        if write and not self._tidied:
            self._tidied = True
            self._remove_stale_temporaries()
        return True

    def _check_lock(self) -> None:
        """Refuse to go on when the lock file was deleted or replaced while we held it."""
        if self._lock is not None and not self._lock.still_held():
            raise StoreError(f"the lock file {self.lock_path} was deleted or replaced while "
                             "this process held it (a cleanup script?); nothing was saved, "
                             "try again")

    def _match_lock_file(self) -> None:
        """Give the lock file the data file's permissions and group (a shared team store).

        The lock keeps an existing lock file's mode, so a store made private at first and
        then opened to a group (chmod g+rw) would still have a lock file the group cannot
        open.  Only the lock file's owner can fix it; others get a clear error when locking.
        """
        try:
            data, lock = os.stat(self.path), os.stat(self.lock_path)
            if lock.st_uid != os.geteuid():
                return
            want = (data.st_mode & 0o666) | 0o600
            if stat.S_IMODE(lock.st_mode) != want:
                os.chmod(self.lock_path, want)
            if lock.st_gid != data.st_gid:
                os.chown(self.lock_path, -1, data.st_gid)
        except OSError:
            pass  # best effort: the lock still works for this user

    # ------------------------------------------------------------------ reading
    def _sync(self) -> None:
        """Bring memory up to date with the file (caller holds the lock)."""
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            if self._fd is not None or self._tables:
                self.close()
                self._tables, self._offset, self._snapshot_len = {}, 0, 0
                self.version += 1
            self._sig = None
            if not self._aside_checked:
                self._aside_checked = True
                self._report_data_aside()
            return
        except OSError as exc:
            raise StoreError(f"cannot read {self.path}: {_describe(exc)}") from exc
        if self._fd is None or (st.st_dev, st.st_ino) != self._ident or st.st_size < self._offset:
            self._load_full()
        elif st.st_size > self._offset and not self._load_tail(st.st_size):
            self._load_full()
        self._sig = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)

    def _read_from(self, fd: int, offset: int) -> bytes:
        chunks = []
        while True:
            chunk = os.pread(fd, 1 << 20, offset)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)
            offset += len(chunk)

    def _load_full(self) -> None:
        try:
            fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        except FileNotFoundError:
            self._sync()
            return
        except OSError as exc:
            raise StoreError(f"cannot read {self.path}: {_describe(exc)}") from exc
        try:
            data = self._read_from(fd, 0)
            st = os.fstat(fd)
        except OSError as exc:
            os.close(fd)
            raise StoreError(f"cannot read {self.path}: {_describe(exc)}") from exc
        tables, problem, records = _read_header(data)
        if tables is None:
            os.close(fd)
            self._quarantine(problem, salvage(data))
            return
        tables, offset, snapshot_end, bad = _replay(data, tables, records)
        self.close()
        self._fd, self._ident = fd, (st.st_dev, st.st_ino)
        self._tables, self._offset, self._snapshot_len = tables, offset, snapshot_end
        self.version += 1
        if bad:
            self._quarantine(f"{bad} line(s) in it are unreadable", tables)

    def _load_tail(self, size: int) -> bool:
        """Apply complete new lines after our offset; False if anything looks wrong."""
        try:
            data = self._read_from(self._fd, self._offset)
        except OSError:
            return False
        consumed, batch = 0, []
        while True:
            end = data.find(b"\n", consumed)
            if end < 0:
                break
            raw = data[consumed:end]
            if raw.strip():
                try:
                    batch.append(_check_ops(_decode(raw)))
                except (ValueError, BadRecord):
                    return False  # let a full load decide (and move the file aside if bad)
            consumed = end + 1
        for ops in batch:
            apply_ops(self._tables, ops, published=True)
        self._offset += consumed
        if batch:
            self.version += 1
        return True

    # ------------------------------------------------------------------ damage
    def _warn(self, message: str) -> None:
        if message not in self._issued:  # a poll must not repeat the same warning
            self._issued.add(message)
            self.warnings.append(message)

    def _quarantine(self, problem: str, recovered: Tables | None) -> None:
        """Move an unreadable store aside and start again with whatever could be read."""
        count = sum(len(t) for t in (recovered or {}).values())
        if self._unlocked:
            self._warn(f"The annotation store {self.path} cannot be read ({problem}); it was "
                       f"left untouched because this process may not write there.")
            self.close()
            self._tables = recovered or {}
            return
        try:
            like = os.stat(self.path)
            aside = move_aside(self.path, "corrupt")
        except OSError as exc:
            raise StoreError(f"The annotation store {self.path} cannot be read ({problem}) and "
                             f"could not be moved aside: {_describe(exc)}") from exc
        self.close()
        self._tables, self._offset, self._snapshot_len = {}, 0, 0
        self.version += 1
        kept = (f"a new store holds the {count} record(s) that could be read" if count
                else "a new, empty store was started")
        self._warn(f"The annotation store {self.path} could not be read ({problem}). It was "
                   f"moved to {aside} (nothing was deleted); {kept}.")
        if count:
            data = snapshot_bytes(recovered)
            try:
                write_atomic(self.path, data, overwrite=False, like=like)
            except OSError as exc:
                raise StoreError(f"could not write the recovered store {self.path}: "
                                 f"{_describe(exc)}; everything is still in {aside}") from exc
            self._tables = recovered
            self._open_current(len(data), len(data))

    def _report_data_aside(self) -> None:
        """No store, but an earlier one moved aside still holds records (a recovery that ran
        out of disk, say): say so, never just show an empty store."""
        try:
            candidates = sorted(self.path.parent.glob(f"{glob_escape(self.path.name)}.corrupt-*"),
                                key=lambda p: p.stat().st_mtime, reverse=True)
        except OSError:
            return
        for aside in candidates:
            try:
                data = aside.read_bytes()
            except OSError:
                continue
            tables, _, records = _read_header(data)
            found = _replay(data, tables, records)[0] if tables is not None else salvage(data)
            count = sum(len(t) for t in found.values())
            if count:
                self._warn(f"The annotation store {self.path} does not exist, but {aside} (an "
                           f"earlier store moved aside) holds {count} readable record(s). "
                           f"To get them back, stop every reader and run: mv '{aside}' "
                           f"'{self.path}' (the next run keeps every readable record).")
                return

    def _drop_torn_tail(self) -> None:
        """Cut off an unterminated last line left by a crashed writer (caller holds the lock)."""
        size = os.fstat(self._fd).st_size
        if size <= self._offset:
            return
        tail = self._read_from(self._fd, self._offset)
        note = ""
        if tail.strip(b"\0"):
            kept = save_bytes_aside(self.path, tail, "torn")
            note = f"; its bytes were kept in {kept}"
        fd = os.open(self.path, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))
        try:
            os.ftruncate(fd, self._offset)
            os.fsync(fd)
        finally:
            os.close(fd)
        self._warn("An incomplete change left by a process that stopped while writing was "
                   f"discarded (it had never been reported as saved){note}.")

    # ------------------------------------------------------------------ writing
    def _open_current(self, offset: int, snapshot_len: int) -> None:
        """Point at the file now at the path, which holds exactly our state up to ``offset``."""
        fd = os.open(self.path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
        st = os.fstat(fd)
        self.close()
        self._fd, self._ident = fd, (st.st_dev, st.st_ino)
        self._offset, self._snapshot_len = offset, snapshot_len
        self._sig = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)

    def _create(self, ops: list[dict]) -> None:
        tables: Tables = json.loads(json.dumps(self._tables))
        apply_ops(tables, ops)
        data = snapshot_bytes(tables)
        try:
            write_atomic(self.path, data, overwrite=False, check=self._check_lock)
        except OSError as exc:
            raise StoreError(f"could not save to {self.path}: {_describe(exc)}"
                             f"{_access_hint(exc)}{self._dangling_link()}") from exc
        self._tables = tables
        self.version += 1
        try:
            self._open_current(len(data), len(data))
        except OSError:
            self.close()  # saved all the same; the next read opens the file afresh

    def _append(self, line: bytes, ops: list[dict]) -> None:
        self._check_lock()
        try:
            self._drop_torn_tail()
            fd = os.open(self.path, os.O_WRONLY | getattr(os, "O_CLOEXEC", 0))
        except OSError as exc:
            raise StoreError(f"could not save to {self.path}: {_describe(exc)}"
                             f"{_access_hint(exc)}") from exc
        try:
            st = os.fstat(fd)
            if (st.st_dev, st.st_ino) != self._ident:
                raise StoreError(f"{self.path} was replaced by a program that does not take "
                                 "its lock; nothing was saved, try again")
            try:
                os.lseek(fd, self._offset, os.SEEK_SET)
                write_all(fd, line)
                os.fsync(fd)
            except OSError as exc:
                self._roll_back(fd)
                raise StoreError(f"could not save to {self.path}: {_describe(exc)}; "
                                 "nothing was saved") from exc
            self._confirm_append()
        finally:
            os.close(fd)
        apply_ops(self._tables, ops, published=True)
        self._offset += len(line)
        self.version += 1
        st = os.fstat(self._fd)
        self._sig = (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)

    def _confirm_append(self) -> None:
        """After the fsync, before acknowledging: was the lock ours throughout, and is the
        file we appended to still the store?  If not, another writer may have written over
        or replaced our line, so the write is reported as failed (never as saved) and the
        state is read afresh next time.  The line is left as it is: cutting it off without
        the lock could cut off someone else's."""
        try:
            st = os.stat(self.path)
            same_file = (st.st_dev, st.st_ino) == self._ident
        except OSError:
            same_file = False
        if self._lock is not None and self._lock.still_held() and same_file:
            return
        self.close()  # the next access re-reads the file from the start
        self._tables, self._offset, self._snapshot_len = {}, 0, 0
        self.version += 1
        raise StoreError(f"the lock file {self.lock_path} or the store was deleted or replaced "
                         "while saving (a cleanup script?); the change may not have been "
                         "saved: check, and try again")

    def _roll_back(self, fd: int) -> None:
        """Cut a failed append off again, so it never appears later as if it were saved."""
        try:
            os.ftruncate(fd, self._offset)
            os.fsync(fd)
        except OSError:
            # Best effort: if the cut fails too, a fully written line may appear later (the
            # change is then kept, not lost); a partial one is a torn tail and is ignored.
            pass

    def _maybe_compact(self) -> None:
        journal = self._offset - self._snapshot_len
        if self._fd is None or journal <= max(self.compact_min_bytes, self._snapshot_len):
            return
        try:
            self.compact()
        except StoreError as exc:
            # The write itself is safe in the journal: only the tidying failed.
            if not any("could not compact" in w for w in self.warnings):
                self._warn(f"{exc} (your changes are saved; the file is just larger)")
