"""The store's answers to the attack of issue 18: one store whatever path reaches it, a lock
that notices its file's deletion, clear messages for unreachable folders, read-only disks and
dangling links, nothing hidden aside, every readable record salvaged, no leftover temp files.

Failures are injected through ``os`` (the store calls it at call time) where this machine
cannot produce them for real: the tests run as root, which no permission stops.
"""

from __future__ import annotations

import errno
import json
import os

import pytest
from click.testing import CliRunner

from briefing.cli import main
from briefing.store import AnnotationStore, StoreError
from briefing.store.lock import LockTimeout, StoreLock
from briefing.store.storage import FORMAT
from briefing_dirs import write_briefing


def claims(store):
    return sorted(a.claim_id for a in store.all())


# ---------------------------------------------------------------------------- one store
def test_symlink_and_real_path_are_one_store(tmp_path):
    real = tmp_path / "real" / "db.json"
    real.parent.mkdir()
    link = tmp_path / "link.json"
    link.symlink_to(real)
    via_link = AnnotationStore(link, author="ana", compact_min_bytes=0)
    via_real = AnnotationStore(real, author="bob", compact_min_bytes=0)
    assert via_link.storage.lock_path == via_real.storage.lock_path
    for n in range(30):  # compaction after almost every write
        (via_link if n % 2 else via_real).annotate(f"c-{n:02d}", "q", add_tags=["x"])
    assert link.is_symlink()  # compaction replaced the real file, not the link
    assert claims(AnnotationStore(real)) == claims(AnnotationStore(link)) == \
        [f"c-{n:02d}" for n in range(30)]
    assert not list(tmp_path.glob("link.json.lock"))


def test_a_dangling_link_creates_its_target(tmp_path):
    link = tmp_path / "db.json"
    link.symlink_to(tmp_path / "target.json")
    AnnotationStore(link, author="ana").annotate("c-1", "q", add_tags=["x"])
    assert link.is_symlink() and (tmp_path / "target.json").is_file()
    assert claims(AnnotationStore(link)) == ["c-1"]


def test_a_dangling_link_into_a_missing_folder_says_so(tmp_path, monkeypatch):
    link = tmp_path / "db.json"
    link.symlink_to(tmp_path / "gone" / "target.json")
    store = AnnotationStore(link, author="ana")
    real_mkdir = os.mkdir

    def no_mkdir(path, *a, **kw):  # the folder cannot be made (a removed mount, say)
        if str(path).startswith(str(tmp_path / "gone")):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_mkdir(path, *a, **kw)

    monkeypatch.setattr(os, "mkdir", no_mkdir)
    with pytest.raises(StoreError) as err:
        store.annotate("c-1", "q", add_tags=["x"])
    assert "is a symbolic link to" in str(err.value) and "does not exist" in str(err.value)


# ---------------------------------------------------------------------------- the lock
def test_a_deleted_lock_file_lets_no_second_writer_in(tmp_path):
    from briefing.store.errors import StoreBusyError

    path = tmp_path / "db.json"
    store = AnnotationStore(path, author="ana")
    store.annotate("c-1", "q", add_tags=["x"])
    other = AnnotationStore(path, author="bob", lock_timeout=0.3)
    with store.storage.transaction():
        os.unlink(store.storage.lock_path)  # a cleanup script, while this process holds it
        with pytest.raises(StoreBusyError):  # bob makes a new lock file, and still waits
            other.annotate("c-2", "q", add_tags=["x"])
        store.storage.commit([{"op": "put", "t": "annotations", "id": "zz", "doc": {"x": 1}}])
    other.annotate("c-2", "q", add_tags=["x"])
    assert claims(AnnotationStore(path)) == ["c-1", "c-2"]
    assert "zz" in AnnotationStore(path).storage.table_view("annotations")


def test_without_the_folder_lock_a_replaced_lock_file_is_noticed(tmp_path):
    path = tmp_path / "x.lock"
    first = StoreLock(path, timeout=1, lock_folder=False)
    first.acquire()
    os.unlink(path)
    second = StoreLock(path, timeout=1, lock_folder=False)
    second.acquire()  # a new file: nothing stops it, so the first must find out
    assert second.still_held() and not first.still_held()
    first.release()
    second.release()


def test_the_folder_lock_outlives_the_lock_file(tmp_path):
    path = tmp_path / "x.lock"
    first = StoreLock(path, timeout=1)
    first.acquire()
    os.unlink(path)
    assert first.still_held()
    with pytest.raises(LockTimeout):  # a second locker waits on the folder
        StoreLock(path, timeout=0.2).acquire()
    first.release()
    StoreLock(path, timeout=0.2).acquire()


# ---------------------------------------------------------------------------- messages
@pytest.fixture
def briefing_env(tmp_path, monkeypatch):
    content = write_briefing(tmp_path / "content")
    monkeypatch.setenv("BRIEFING_CONTENT", str(content))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _deny(monkeypatch, folder, err=errno.EACCES, calls=("stat", "lstat", "open", "mkdir")):
    """Every system call on a path inside ``folder`` fails with ``err`` (as for a user who
    may not enter it: the tests run as root, whom no permission stops)."""
    inside = str(folder) + os.sep
    for name in calls:
        real = getattr(os, name)

        def fake(path, *a, _real=real, **kw):
            if isinstance(path, (str, os.PathLike)) and os.fspath(path).startswith(inside):
                raise OSError(err, os.strerror(err), os.fspath(path))
            return _real(path, *a, **kw)

        monkeypatch.setattr(os, name, fake)


@pytest.mark.parametrize("args", [["annotations"], ["annotate", "alpha-01", "--tag", "x"],
                                  ["export", "-o", "brief.md"], ["check"]])
def test_an_unreachable_folder_is_a_clear_error(briefing_env, monkeypatch, args):
    db = briefing_env / "private" / "sub" / "db.json"
    _deny(monkeypatch, briefing_env / "private")
    result = CliRunner().invoke(main, [*args, "--db", str(db)])
    assert result.exit_code != 0 or args == ["check"]  # for check, the store is a warning
    assert result.exception is None or isinstance(result.exception, SystemExit), \
        result.exception  # a message, not a traceback
    assert "permission denied" in result.output and "private" in result.output


def test_a_read_only_disk_gets_the_right_hint(tmp_path, monkeypatch):
    path = tmp_path / "ro" / "db.json"
    path.parent.mkdir()
    _deny(monkeypatch, path.parent, errno.EROFS, calls=("open",))
    store = AnnotationStore(path, author="ana")
    with pytest.raises(StoreError) as err:
        store.annotate("c-1", "q", add_tags=["x"])
    assert "read-only" in str(err.value) and "chmod" not in str(err.value)


# ---------------------------------------------------------------------------- recovery
def _old_snapshot(path, n):
    """A store as compacted before one-line-per-record snapshots: every record in line 1."""
    table = {f"{i:032x}": {"claim_id": f"c-{i:02d}", "quote": "q", "tags": ["t"], "note": "",
                           "author": "ana", "created": "", "updated": "", "version": 1,
                           "history": []} for i in range(n)}
    path.write_text(json.dumps({"format": FORMAT, "version": 1,
                                "tables": {"annotations": table}}) + "\n")


def test_a_damaged_old_snapshot_line_keeps_every_readable_record(tmp_path):
    path = tmp_path / "db.json"
    _old_snapshot(path, 20)
    data = bytearray(path.read_bytes())
    hit = data.index(b'"c-07"')
    data[hit + 2] = ord('"')  # one bad byte inside record 7: its JSON is broken
    path.write_bytes(bytes(data))
    store = AnnotationStore(path, author="ana")
    [warning] = store.take_warnings()
    assert "19 record(s) that could be read" in warning
    assert claims(store) == [f"c-{i:02d}" for i in range(20) if i != 7]


def test_a_damaged_record_line_costs_only_that_record(tmp_path):
    path = tmp_path / "db.json"
    store = AnnotationStore(path, author="ana")
    for i in range(10):
        store.annotate(f"c-{i:02d}", "q", add_tags=["x"])
    store.storage.compact()
    lines = path.read_bytes().split(b"\n")
    lines[4] = lines[4][:30] + b"\x00garbage"
    path.write_bytes(b"\n".join(lines))
    assert len(AnnotationStore(path).all()) == 9


def test_a_recovery_that_ran_out_of_disk_is_reported_next_time(tmp_path, monkeypatch):
    path = tmp_path / "db.json"
    store = AnnotationStore(path, author="ana")
    for i in range(5):
        store.annotate(f"c-{i:02d}", "q", add_tags=["x"])
    store.close()
    with path.open("ab") as f:
        f.write(b"not json\n")  # an unreadable line: the next open rewrites the store
    real_write = os.write

    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", full)
    with pytest.raises(StoreError, match="disk is full"):
        AnnotationStore(path, author="ana")
    monkeypatch.setattr(os, "write", real_write)
    assert not path.exists()
    later = AnnotationStore(path, author="ana")
    [warning] = later.take_warnings()
    assert "does not exist" in warning and "5 readable record(s)" in warning and "mv " in warning
    aside = next(tmp_path.glob("db.json.corrupt-*"))
    os.rename(aside, path)  # the advice works
    assert len(AnnotationStore(path).all()) == 5


def test_temp_files_of_killed_writers_are_removed_on_the_next_write(tmp_path):
    path = tmp_path / "db.json"
    AnnotationStore(path, author="ana").annotate("c-1", "q", add_tags=["x"])
    leftover = tmp_path / ".db.json.0123456789ab.tmp"
    leftover.write_bytes(b"x" * 1000)
    other = tmp_path / ".other.json.0123456789ab.tmp"  # another file's: not ours to remove
    other.write_bytes(b"x")
    AnnotationStore(path, author="ana").annotate("c-2", "q", add_tags=["x"])
    assert not leftover.exists() and other.exists()


# ---------------------------------------------------------------------------- history
def test_history_is_bounded_in_the_record_and_complete_with_the_archive(tmp_path):
    from briefing.store.annotations import ARCHIVE_BATCH, HISTORY_CAP, HISTORY_TABLE

    path = tmp_path / "db.json"
    store = AnnotationStore(path, author="ana")
    sizes = []
    for n in range(1, 241):
        before = path.stat().st_size if path.exists() else 0
        store.annotate("c-1", "q", note=f"version {n}")
        sizes.append(path.stat().st_size - before)
    current = store.get("c-1")
    assert current.version == 240 and len(current.history) < HISTORY_CAP
    full = AnnotationStore(path).full_history("c-1", author="ana")
    assert [v.version for v in full] == list(range(1, 240))  # nothing dropped, in order
    assert [v.note for v in full][:2] == ["version 1", "version 2"]
    archive = store.storage.table_view(HISTORY_TABLE)
    assert all(len(doc["versions"]) == ARCHIVE_BATCH for doc in archive.values())
    # each edit appends about the same: the 240th no more than the 40th (compactions aside)
    appended = sorted(sizes[200:240])[20]
    assert appended < 2 * sorted(sizes[30:50])[10] and appended < 20_000


def test_exports_carry_the_archived_versions(tmp_path):
    from briefing.store.query import select

    store = AnnotationStore(tmp_path / "db.json", author="ana")
    for n in range(1, 121):
        store.annotate("c-1", "q", note=f"version {n}")
    store.annotate("c-2", "q", note="only one")
    chosen = {a.claim_id: a for a in select(store)}
    assert [v.version for v in chosen["c-1"].history] == list(range(1, 120))
    assert chosen["c-2"].history == ()
    assert len(store.get("c-1").history) < 50  # the record itself stays small
