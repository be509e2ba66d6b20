"""Curator: one briefing's content files, edited one step at a time, safely.

Every step (add a claim, merge two events...) runs the same way:

1. take the briefing's cross-process lock (a lock file in the content directory, its real
   path, so two people reaching it through different paths share one lock);
2. read the files it touches *under the lock*; if the caller says which version it read
   (``expected``: path -> :func:`signature`) and a file has changed since, refuse
   (:class:`StaleEditError`): the caller's view is out of date and saving would overwrite
   someone else's edit;
3. change the entries as text (briefing.curation.yamlentries: only changed entries differ);
4. check the result with the loader's rules (briefing.curation.validate); a new problem
   refuses the step (:class:`ValidationError`, ``path:line: message``) and nothing is written;
5. write each changed file atomically (briefing.fsio.write_atomic);
6. move the annotations of a claim whose id changed (the annotation store's own lock);
7. return a :class:`Result` with an :class:`UndoRecord` holding the exact bytes before.

:meth:`Curator.undo` puts those bytes back if the files are still as the step left them.
No Textual here: the reader and the CLI both call this.
"""

from __future__ import annotations

import hashlib
import os
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterator

from filelock import FileLock, Timeout

from briefing.curation.errors import (
    BusyError, CurationError, NotFoundError, StaleEditError, UndoConflictError, ValidationError,
)
from briefing.curation.layout import Layout
from briefing.curation.validate import new_problems
from briefing.curation.yamlentries import EntryFile
from briefing.fsio import write_atomic

if TYPE_CHECKING:
    from briefing.store import AnnotationStore
    from briefing.store.annotations import ClaimMove

Signature = str | None  # sha256 of the file's bytes; None: the file does not exist
Expected = dict[Path, Signature]


def signature_of(data: bytes | None) -> Signature:
    return None if data is None else hashlib.sha256(data).hexdigest()


def read_bytes(path: Path) -> bytes | None:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise CurationError(f"{path}: cannot read: {exc.strerror or exc}") from None


def signature(path: Path) -> Signature:
    """The signature of a file as it is now: pass it back as ``expected`` to refuse a stale edit."""
    return signature_of(read_bytes(Path(path)))


@dataclass(frozen=True, slots=True)
class FileChange:
    path: Path
    before: bytes | None  # None: the step created the file
    after: bytes | None  # None: the step deleted the file


@dataclass(frozen=True, slots=True)
class UndoRecord:
    """What one step changed, to put back exactly (see :meth:`Curator.undo`)."""

    description: str
    files: tuple[FileChange, ...]
    annotations: tuple["ClaimMove", ...] = ()


@dataclass(frozen=True, slots=True)
class Result:
    action: str  # "claims add", "events merge", "undo"...
    ids: tuple[str, ...]  # the claims/events the step made or changed (new ids)
    files: tuple[Path, ...]  # the files written
    undo: UndoRecord
    details: dict[str, Any] = field(default_factory=dict)
    renamed: dict[str, str] = field(default_factory=dict)  # claim id -> new id

    @property
    def changed(self) -> bool:
        return bool(self.files)

    def to_json(self) -> dict[str, Any]:
        return {"action": self.action, "ids": list(self.ids), "changed": self.changed,
                "files": [str(p) for p in self.files], "renamed": dict(self.renamed),
                **self.details}


class Edit:
    """The files one step reads and changes, read under the lock, kept as EntryFiles."""

    def __init__(self, layout: Layout, expected: Expected | None) -> None:
        self.layout = layout
        self.expected = {Path(k): v for k, v in (expected or {}).items()}
        self._files: dict[Path, tuple[bytes | None, EntryFile]] = {}
        self.renamed: dict[str, str] = {}  # claim id -> new claim id (annotations follow)
        self.requoted: dict[str, str] = {}  # claim id (after renaming) -> its corrected quote

    def file(self, path: Path, *, create: bool = False) -> EntryFile:
        path = Path(path)
        if path in self._files:
            return self._files[path][1]
        data = read_bytes(path)
        if path in self.expected and signature_of(data) != self.expected[path]:
            raise StaleEditError(
                f"{path}: changed since you read it (someone else edited it); reload it and "
                "make the change again: nothing was written")
        if data is None and not create:
            raise NotFoundError(f"{path}: no such file")
        try:
            text = (data or b"").decode("utf-8")
        except UnicodeDecodeError:
            raise CurationError(f"{path}: not UTF-8 text; fix it with `briefing check`") from None
        entries = EntryFile(text, label=str(path))
        self._files[path] = (data, entries)
        return entries

    def exists(self, path: Path) -> bool:
        """Whether the file exists, or this step has begun writing it."""
        known = self._files.get(Path(path))
        if known is not None:
            before, entries = known
            return before is not None or bool(entries.lines)
        return Path(path).exists()

    def changes(self) -> list[FileChange]:
        out = []
        for path, (before, entries) in self._files.items():
            after = entries.text().encode("utf-8")
            if after != (before or b"") or (before is None and after):
                out.append(FileChange(path, before, after))
        return out


class Curator:
    """Edits one briefing's claims and events.  ``store``: annotations follow renamed claims."""

    def __init__(self, root: Path | str, *, store: "AnnotationStore | None" = None,
                 lock_timeout: float = 10.0) -> None:
        self.layout = Layout(Path(root))
        self.store = store
        self.lock_timeout = lock_timeout
        if not self.layout.real_root.is_dir():
            raise NotFoundError(f"{self.layout.root}: no such briefing directory")

    @property
    def root(self) -> Path:
        return self.layout.root

    def snapshot(self, paths: list[Path] | None = None) -> Expected:
        """Signatures of the content files (or of ``paths``), as read now."""
        if paths is None:
            paths = [self.layout.events, self.layout.events_suggested,
                     *self.layout.claims_files(), *self.layout.suggested_claims_files()]
        return {Path(p): signature(Path(p)) for p in paths}

    @contextmanager
    def locked(self) -> Iterator[None]:
        lock = FileLock(str(self.layout.lock), timeout=self.lock_timeout)
        try:
            lock.acquire()
        except Timeout:
            raise BusyError(f"{self.layout.lock}: another curation of this briefing held the "
                            f"lock for more than {self.lock_timeout:g} s; try again") from None
        except OSError as exc:
            raise CurationError(f"{self.layout.lock}: cannot take the lock: "
                                f"{exc.strerror or exc}") from None
        try:
            yield
        finally:
            lock.release()

    def run(self, action: str, step: Callable[[Edit], tuple[list[str], dict[str, Any]]],
            expected: Expected | None = None) -> Result:
        """Run one step: ``step(edit)`` changes entries and returns (ids, details)."""
        with self.locked():
            edit = Edit(self.layout, expected)
            ids, details = step(edit)
            changes = edit.changes()
            record = UndoRecord(action, tuple(changes))
            if not changes:
                return Result(action, tuple(ids), (), record, details)
            self._check(changes)
            self._write(changes)
            moves: tuple = ()
            if (edit.renamed or edit.requoted) and self.store is not None:
                moves = self._move_annotations(edit.renamed, edit.requoted, changes)
            record = UndoRecord(action, tuple(changes), moves)
        return Result(action, tuple(ids), tuple(c.path for c in changes), record, details,
                      dict(edit.renamed))

    def undo(self, record: UndoRecord) -> Result:
        """Put back the files (and annotations) as they were before the step, if nothing has
        changed them since; otherwise refuse (:class:`UndoConflictError`), changing nothing."""
        with self.locked():
            for change in record.files:
                if signature_of(read_bytes(change.path)) != signature_of(change.after):
                    raise UndoConflictError(
                        f"{change.path}: changed after '{record.description}'; that step "
                        "cannot be undone without losing the later change (nothing was undone)")
            back = [FileChange(c.path, c.after, c.before) for c in reversed(record.files)]
            self._check(back)
            moves: tuple = ()
            if record.annotations and self.store is not None:
                from briefing.store import StoreError

                try:
                    moves = tuple(self.store.undo_claim_move(m) for m in reversed(record.annotations))
                except StoreError as exc:
                    raise UndoConflictError(f"{self.store.path}: {exc} (nothing was undone)") from None
            self._write(back)
        return Result("undo", (), tuple(c.path for c in back),
                      UndoRecord(f"undo {record.description}", tuple(back), moves),
                      {"undone": record.description})

    # ------------------------------------------------------------------ internals
    def _check(self, changes: list[FileChange]) -> None:
        # Every change is passed (a suggestion moved out of its file is no longer an id
        # taken there); the curated files are the ones checked.
        if any(c.path == self.layout.events or self.layout.is_curated_claims(c.path)
               for c in changes):
            problems = new_problems(self.layout, [(c.path, _text(c.before), _text(c.after))
                                                  for c in changes])
            if problems:
                raise ValidationError(problems)

    def _write(self, changes: list[FileChange]) -> None:
        done: list[FileChange] = []
        try:
            for change in changes:
                _put(change.path, change.after)
                done.append(change)
        except OSError as exc:
            for change in reversed(done):  # leave the briefing as a whole, not half edited
                try:
                    _put(change.path, change.before)
                except OSError:
                    pass
            raise CurationError(f"{change.path}: cannot write: {exc.strerror or exc} "
                                "(nothing was changed)") from None

    def _move_annotations(self, renamed: dict[str, str], requoted: dict[str, str],
                          changes: list[FileChange]) -> tuple["ClaimMove", ...]:
        from briefing.store import StoreError

        moves = []
        try:
            for old, new in renamed.items():
                moves.append(self.store.move_claim(old, new))
            for claim_id, quote in requoted.items():
                moves.append(self.store.requote_claim(claim_id, quote))
        except StoreError as exc:
            for move in reversed(moves):
                try:
                    self.store.undo_claim_move(move)
                except StoreError:
                    pass
            self._write([FileChange(c.path, c.after, c.before) for c in reversed(changes)])
            raise CurationError(f"{self.store.path}: the annotations could not follow the "
                                f"renamed claims: {exc} (nothing was changed)") from None
        return tuple(moves)


def _text(data: bytes | None) -> str | None:
    return None if data is None else data.decode("utf-8")


def _put(path: Path, data: bytes | None) -> None:
    if data is None:
        try:
            os.unlink(path)
        except FileNotFoundError:
            pass
        return
    try:
        like = os.stat(path)
    except FileNotFoundError:
        like = None
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, data, overwrite=True, like=like)


__all__ = ["Curator", "Edit", "Result", "UndoRecord", "FileChange", "signature", "Expected",
           "CurationError", "StaleEditError", "ValidationError", "UndoConflictError",
           "NotFoundError", "BusyError"]
