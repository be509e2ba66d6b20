"""JournalStorage and JournalTable: the file format, other processes' writes, damaged files,
failed writes, compaction keeping mode and group.  (Concurrency and kill -9: test_store_crash.)"""

from __future__ import annotations

import errno
import grp
import json
import os
import stat

import pytest
from tinydb import Query, TinyDB

from briefing.store import AnnotationStore, StoreError
from briefing.store.storage import FORMAT, JournalStorage
from briefing.store.table import open_db


def lines(path):
    return path.read_bytes().split(b"\n")


def aside_files(path, tag="corrupt"):
    return sorted(path.parent.glob(f"{path.name}.{tag}-*"))


# ---------------------------------------------------------------------------- format, TinyDB
def test_an_insert_appends_one_line_and_never_rewrites_the_file(tmp_path):
    path = tmp_path / "a.json"
    db = open_db(path)
    table = db.table("t")
    table.insert({"n": 0})
    inode, first = os.stat(path).st_ino, path.read_bytes()
    for n in range(1, 6):
        table.insert({"n": n})
    assert os.stat(path).st_ino == inode  # same file: appended, not replaced
    assert path.read_bytes().startswith(first)
    body = lines(path)
    assert json.loads(body[0])["format"] == FORMAT
    # header, the first record, five journal lines, final empty string
    assert len(body) == 1 + 1 + 5 + 1 and json.loads(body[0])["records"] == 1
    assert all(json.loads(line)["ops"][0]["op"] == "put" for line in body[1:7])


def test_tinydb_api_round_trip_through_a_second_instance(tmp_path):
    path = tmp_path / "a.json"
    db = open_db(path)
    t = db.table("t")
    a = t.insert({"name": "a", "tags": ["x"]})
    b = t.insert({"name": "b"})
    assert isinstance(a, str) and a != b
    t.update({"name": "A"}, Query().name == "a")
    t.update(lambda doc: doc["tags"].append("y"), doc_ids=[a])
    t.remove(doc_ids=[b])
    other = open_db(path).table("t")
    assert [dict(d) for d in other.all()] == [{"name": "A", "tags": ["x", "y"]}]
    assert other.get(doc_id=a)["name"] == "A"
    db.drop_table("t")
    assert other.all() == [] and open_db(path).tables() == set()


def test_generic_storage_write_diffs_instead_of_rewriting(tmp_path):
    path = tmp_path / "a.json"
    db = TinyDB(path, storage=JournalStorage)  # plain TinyDB tables: the generic read/write path
    db.insert({"n": 1})
    db.insert({"n": 2})
    db.update({"n": 3}, Query().n == 1)
    assert sorted(d["n"] for d in db.all()) == [2, 3]
    assert sorted(d["n"] for d in TinyDB(path, storage=JournalStorage).all()) == [2, 3]
    # Each write appended only its change: a put per insert, one put for the update.
    body = lines(path)
    ops = [json.loads(x)["ops"] for x in body[1 + json.loads(body[0])["records"]:] if x]
    assert [len(o) for o in ops] == [1, 1] and ops[-1][0]["doc"] == {"n": 3}


def test_a_failed_updater_writes_nothing(tmp_path):
    db = open_db(tmp_path / "a.json")
    t = db.table("t")
    doc_id = t.insert({"n": 1})

    def boom(doc):
        doc["n"] = 99  # changed in place, then the updater fails
        raise RuntimeError("updater failed")

    with pytest.raises(RuntimeError):
        t.update(boom, doc_ids=[doc_id])
    assert t.get(doc_id=doc_id)["n"] == 1  # the live state was not touched
    assert open_db(tmp_path / "a.json").table("t").get(doc_id=doc_id)["n"] == 1


def test_other_processes_writes_are_seen_and_polling_is_cheap(tmp_path):
    path = tmp_path / "a.json"
    ours = AnnotationStore(path, author="ana")
    theirs = AnnotationStore(path, author="bob")
    ours.annotate("c-01", "q", add_tags=["x"])
    token = ours.token()
    assert not ours.changed_since(token)
    theirs.annotate("c-02", "q", add_tags=["y"])
    assert ours.changed_since(token)
    assert ours.refresh() is True
    assert [(a.claim_id, a.author) for a in ours.all()] == [("c-01", "ana"), ("c-02", "bob")]
    assert ours.refresh() is False  # nothing new
    # A compaction by the other process (new inode) is picked up too.
    theirs.storage.compact()
    theirs.annotate("c-03", "q", note="n")
    assert ours.changed_since(ours.token()) and ours.refresh()
    assert {a.claim_id for a in ours.all()} == {"c-01", "c-02", "c-03"}


# ---------------------------------------------------------------------------- damaged files
def good_store(path, n=3):
    store = AnnotationStore(path, author="ana")
    for i in range(n):
        store.annotate(f"c-{i:02d}", f"quote {i}", add_tags=["t"], note=f"note {i}")
    store.close()
    return path.read_bytes()


@pytest.mark.parametrize("case", ["empty", "truncated", "not-utf8", "nul-filled", "not-json",
                                  "other-format"])
def test_an_unreadable_store_is_moved_aside_and_the_user_told(tmp_path, case):
    path = tmp_path / "annotations.json"
    good = good_store(path)
    damaged = {
        "empty": b"",
        "truncated": good[: len(good) // 3] if b"\n" not in good[: len(good) // 3] else good[:20],
        "not-utf8": b"\xff\xfe\x00{" + good[4:],
        "nul-filled": b"\0" * 8192,
        "not-json": b"{this is not json\n",
        "other-format": b'{"_default": {"1": {"a": 1}}}\n',
    }[case]
    path.write_bytes(damaged)
    store = AnnotationStore(path, author="ana")
    [message] = store.take_warnings()
    [aside] = aside_files(path)
    assert aside.read_bytes() == damaged  # kept byte for byte
    assert str(aside) in message and "could not be read" in message
    salvaged = ["c-00", "c-01", "c-02"] if case == "not-utf8" else []
    if salvaged:  # only line 1 is damaged: every record line is salvaged
        assert "3 record(s) that could be read" in message
    else:
        assert not path.exists()
    assert [a.claim_id for a in store.all()] == salvaged
    store.annotate("c-09", "q", add_tags=["new"])  # and the store works again
    assert [a.claim_id for a in AnnotationStore(path).all()] == [*salvaged, "c-09"]
    assert aside.read_bytes() == damaged


def test_unreadable_journal_lines_keep_everything_readable(tmp_path):
    path = tmp_path / "a.json"
    good = good_store(path, 3)
    head, *journal = good.rstrip(b"\n").split(b"\n")
    damaged = b"\n".join([head, journal[0], b"\xff garbage \x00", *journal[1:]]) + b"\n"
    path.write_bytes(damaged)
    store = AnnotationStore(path)
    [message] = store.take_warnings()
    assert "1 line(s)" in message and "3 record(s)" in message
    assert [a.claim_id for a in store.all()] == ["c-00", "c-01", "c-02"]
    [aside] = aside_files(path)
    assert aside.read_bytes() == damaged
    assert [a.note for a in AnnotationStore(path).all()] == ["note 0", "note 1", "note 2"]


def test_a_torn_last_line_is_ignored_then_cut_off_and_kept_aside(tmp_path):
    path = tmp_path / "a.json"
    good = good_store(path, 2)
    torn = b'{"ops":[{"op":"put","t":"annotations","id":"x","doc":{"claim_id":"c-0'
    path.write_bytes(good + torn)
    store = AnnotationStore(path, author="ana")
    assert [a.claim_id for a in store.all()] == ["c-00", "c-01"]
    assert store.take_warnings() == []  # reading alone changes nothing
    store.annotate("c-05", "q", add_tags=["t"])
    [message] = store.take_warnings()
    assert "incomplete change" in message
    [kept] = aside_files(path, "torn")
    assert kept.read_bytes() == torn
    assert path.read_bytes().startswith(good) and torn not in path.read_bytes()
    assert [a.claim_id for a in AnnotationStore(path).all()] == ["c-00", "c-01", "c-05"]


# ---------------------------------------------------------------------------- failed writes
class FailAt:
    """Make the k-th call (counting from 1) to any of the watched os functions raise ENOSPC."""

    NAMES = ("open", "write", "fsync", "replace", "link", "ftruncate", "rename", "lseek")

    def __init__(self, monkeypatch, k, err=errno.ENOSPC):
        self.k, self.calls, self.failed = k, 0, None
        self.after_rename = False  # the failure came after the new file got its name
        for name in self.NAMES:
            real = getattr(os, name)
            monkeypatch.setattr(os, name, self._wrap(name, real, err))

    def _wrap(self, name, real, err):
        def fake(*args, **kwargs):
            self.calls += 1
            if self.calls == self.k:
                self.failed = name
                raise OSError(err, os.strerror(err))
            result = real(*args, **kwargs)
            if name in ("replace", "link", "rename") and self.failed is None:
                self.after_rename = True
            return result
        return fake


def state(path):
    return sorted((a.claim_id, a.tags, a.note) for a in AnnotationStore(path).all())


@pytest.mark.parametrize("scenario", ["append", "create", "compact"])
@pytest.mark.parametrize("err", [errno.ENOSPC, errno.EACCES])
def test_a_failure_at_each_step_of_a_write_keeps_old_data_and_is_reported(tmp_path, monkeypatch,
                                                                           scenario, err):
    k = 0
    while True:
        k += 1
        folder = tmp_path / f"{k}"
        folder.mkdir()
        path = folder / "a.json"
        if scenario != "create":
            good_store(path, 3)
        before = state(path)
        store = AnnotationStore(path, author="ana",
                                compact_min_bytes=0 if scenario == "compact" else 1 << 20)
        with monkeypatch.context() as m:
            fail = FailAt(m, k, err)
            try:
                store.annotate("c-new", "q", add_tags=["new"], note="new note")
                raised = None
            except StoreError as exc:
                raised = exc
        if fail.failed is None:  # k ran past the last step: every step has been tried
            assert raised is None
            assert k > 3
            break
        after = state(path)
        new = ("c-new", ("new",), "new note")
        assert set(before) <= set(after), f"old data lost when {fail.failed} failed"
        if raised is None:
            # Not reported as failed: then it is saved.  (Steps that may fail without failing
            # the write: compaction, reopening the new file, filelock's retried open.)
            assert new in after, f"{fail.failed} failed silently and the write was lost"
        else:
            # Reported as failed yet there: only if the failure (fsync of the folder) came
            # after the new file was renamed into place; the user retries, tags merge.
            assert new not in after or (scenario == "create" and fail.after_rename), (
                f"reported as failed but saved ({fail.failed})")
        # What this process shows matches the disk, and the next write works.
        store.refresh()
        assert sorted((a.claim_id, a.tags, a.note) for a in store.all()) == after
        store.annotate("c-later", "q", add_tags=["later"])
        assert ("c-later", ("later",), "") in state(path)
        store.close()


def test_a_failed_write_is_never_shown_as_saved(tmp_path, monkeypatch):
    path = tmp_path / "a.json"
    good_store(path, 1)
    store = AnnotationStore(path, author="ana")
    with monkeypatch.context() as m:
        m.setattr(os, "fsync", lambda fd: (_ for _ in ()).throw(OSError(errno.ENOSPC, "full")))
        with pytest.raises(StoreError, match="disk is full"):
            store.annotate("c-00", "q", add_tags=["lost"])
    assert store.get("c-00").tags == ("t",)
    assert AnnotationStore(path, author="ana").get("c-00").tags == ("t",)


# ---------------------------------------------------------------------------- shared stores
def other_group() -> int:
    mine = os.getgid()
    for group in grp.getgrall():
        if group.gr_gid != mine:
            return group.gr_gid
    pytest.skip("no second group on this system")


@pytest.mark.skipif(os.geteuid() != 0 and not os.getgroups(), reason="needs a second group")
def test_compaction_keeps_mode_and_group(tmp_path):
    path = tmp_path / "team.json"
    good_store(path, 1)
    gid = other_group() if os.geteuid() == 0 else next(g for g in os.getgroups()
                                                         if g != os.getgid())
    os.chown(path, -1, gid)
    os.chmod(path, 0o660)
    store = AnnotationStore(path, author="ana", compact_min_bytes=0)
    inode = os.stat(path).st_ino
    for n in range(1, 4):  # once the journal is larger than the snapshot, it compacts
        store.annotate(f"c-{n:02d}", "q", add_tags=["x"])
    st = os.stat(path)
    assert st.st_ino != inode  # really rewritten
    assert stat.S_IMODE(st.st_mode) == 0o660 and st.st_gid == gid
    store.storage.compact()  # explicit compaction too: a header and 4 records, same mode/group
    st = os.stat(path)
    assert len(lines(path)) == 1 + 4 + 1 and stat.S_IMODE(st.st_mode) == 0o660 and st.st_gid == gid
    assert {a.claim_id for a in AnnotationStore(path).all()} == {"c-00", "c-01", "c-02", "c-03"}
    lock = os.stat(path.with_name("team.json.lock"))
    assert stat.S_IMODE(lock.st_mode) & 0o060 == 0o060  # teammates can take the lock too


def test_new_store_created_only_on_first_write(tmp_path):
    path = tmp_path / "sub" / "dir" / "a.json"
    store = AnnotationStore(path)
    assert store.all() == [] and not path.parent.exists()  # reading creates nothing
    store.annotate("c-01", "q", note="hello")
    assert path.exists() and path.with_name("a.json.lock").exists()


def test_a_table_view_is_never_changed_under_a_reader(tmp_path):
    """A reader thread iterating while this process writes must not see the dict change."""
    db = open_db(tmp_path / "a.json")
    table = db.table("t")
    table.insert({"n": 0})
    view = db.storage.table_view("t")
    snapshot = dict(view)
    for n in range(1, 4):
        table.insert({"n": n})
    table.truncate()
    assert dict(view) == snapshot  # the old view is untouched...
    assert len(db.storage.table_view("t")) == 0  # ...and the current one is up to date


def test_a_store_path_that_is_a_pipe_or_a_folder_is_refused_untouched(tmp_path):
    # A device or pipe given as the store (--db /dev/null) was read as empty and renamed
    # aside (as root: /dev/null gone); a FIFO blocked forever.  The path must stay as it is.
    from briefing.store import AnnotationStore, StoreError

    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(StoreError, match="not a regular file"):
        AnnotationStore(fifo)
    with pytest.raises(StoreError, match="is a folder"):
        AnnotationStore(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe.json"]  # no lock, no aside
