"""JournalTable: a TinyDB table whose writes append only the documents they change.

TinyDB's own ``Table._update_table`` reads the whole database, lets an updater change it,
and writes the whole database back.  Here the updater gets a copy-on-write view of the live
table, under the store's cross-process lock, and only what it changed is committed (one
journal line).  Document ids are random UUIDs (``document_id_class = str``): TinyDB's
``max(id) + 1``, computed before the lock is taken, would hand two processes the same id.
"""

from __future__ import annotations

import copy
import uuid
from collections.abc import MutableMapping
from typing import Any, Callable, Iterator, Mapping

from tinydb import TinyDB
from tinydb.table import Table

from briefing.store.storage import JournalStorage


class _Overlay(MutableMapping):
    """What an updater sees: the live table, with its changes kept apart until commit.

    A document is deep-copied when first accessed, so an updater that changes documents in
    place (TinyDB's ``update`` does) never touches the live state before it is saved.
    """

    def __init__(self, base: Mapping[str, dict[str, Any]]):
        self._base = base
        self._cleared = False
        self._changed: dict[str, dict[str, Any]] = {}
        self._deleted: set[str] = set()

    def _in_base(self, key: str) -> bool:
        return not self._cleared and key not in self._deleted and key in self._base

    def __getitem__(self, key: Any) -> dict[str, Any]:
        key = str(key)
        if key in self._changed:
            return self._changed[key]
        if not self._in_base(key):
            raise KeyError(key)
        doc = copy.deepcopy(self._base[key])
        self._changed[key] = doc
        return doc

    def __setitem__(self, key: Any, doc: Mapping[str, Any]) -> None:
        key = str(key)
        self._deleted.discard(key)
        self._changed[key] = dict(doc)

    def __delitem__(self, key: Any) -> None:
        key = str(key)
        if key not in self:
            raise KeyError(key)
        self._changed.pop(key, None)
        self._deleted.add(key)

    def __contains__(self, key: object) -> bool:
        key = str(key)
        return key in self._changed or self._in_base(key)

    def __iter__(self) -> Iterator[str]:
        if not self._cleared:
            for key in self._base:
                if key not in self._deleted:
                    yield key
        for key in self._changed:
            if self._cleared or key not in self._base:
                yield key

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def clear(self) -> None:
        self._cleared = True
        self._changed.clear()
        self._deleted.clear()

    def ops(self, table: str) -> list[dict[str, Any]]:
        out: list[dict[str, Any]] = [{"op": "clear", "t": table}] if self._cleared else []
        for key in self._deleted:
            if not self._cleared and key in self._base:
                out.append({"op": "del", "t": table, "id": key})
        for key, doc in self._changed.items():
            if self._cleared or self._base.get(key) != doc:  # read but unchanged: skip
                out.append({"op": "put", "t": table, "id": key, "doc": doc})
        return out


class JournalTable(Table):
    """A TinyDB Table for :class:`JournalStorage` (falls back to TinyDB's behaviour otherwise)."""

    document_id_class = str

    def __init__(self, storage: Any, name: str, cache_size: int = 10, persist_empty: bool = False):
        self._seen_version = -1
        super().__init__(storage, name, cache_size=cache_size, persist_empty=persist_empty)

    def _get_next_id(self) -> str:
        return uuid.uuid4().hex

    def _journal(self) -> JournalStorage | None:
        storage = self._storage
        return storage if isinstance(storage, JournalStorage) else None

    def _read_table(self) -> Mapping[str, Mapping]:
        journal = self._journal()
        if journal is None:
            return super()._read_table()
        table = journal.table_view(self.name)
        if journal.version != self._seen_version:  # another process wrote: cached queries are stale
            self._seen_version = journal.version
            self.clear_cache()
        return table

    def search(self, cond):  # noqa: ANN001 - TinyDB's signature
        self._read_table()  # brings the store up to date and drops a stale query cache
        return super().search(cond)

    def _update_table(self, updater: Callable[[dict], None]) -> None:
        journal = self._journal()
        if journal is None:
            super()._update_table(updater)
            return
        with journal.transaction():
            view = _Overlay(journal.table_view(self.name))
            updater(view)  # type: ignore[arg-type] - a MutableMapping, as TinyDB's updaters need
            journal.commit(view.ops(self.name))
        self.clear_cache()

    def transform(self, updater: Callable[[MutableMapping], None]) -> None:
        """Run ``updater`` on the table under the cross-process lock: what it changes is
        committed as one journal line (all or nothing), e.g. several documents at once."""
        self._update_table(updater)  # type: ignore[arg-type]

    def modify(self, doc_id: str, change: Callable[[dict | None], dict | None]) -> dict | None:
        """Atomic read-modify-write of one document under the cross-process lock.

        ``change`` gets a copy of the current document (None if absent) and returns the new
        one, or None to leave it as it is.  Returns the document as stored afterwards.
        """
        result: list[dict | None] = [None]

        def updater(table: MutableMapping) -> None:
            current = table[doc_id] if doc_id in table else None
            new = change(copy.deepcopy(current))
            if new is not None:
                table[doc_id] = new
            final = new if new is not None else current
            result[0] = dict(final) if final is not None else None

        self._update_table(updater)
        return result[0]


def transform_tables(storage: JournalStorage, names: tuple[str, ...],
                     updater: Callable[..., None]) -> None:
    """Run ``updater`` on several tables of a journal store under the cross-process lock,
    one mutable view each (in the order of ``names``): all their changes are committed as
    one journal line, so the tables change together or not at all."""
    with storage.transaction():
        views = [_Overlay(storage.table_view(name)) for name in names]
        updater(*views)
        storage.commit([op for name, view in zip(names, views) for op in view.ops(name)])


class BriefingDB(TinyDB):
    """TinyDB with the journal storage and table: ``BriefingDB(path)``."""

    table_class = JournalTable
    default_storage_class = JournalStorage


def open_db(path: Any, **storage_options: Any) -> BriefingDB:
    return BriefingDB(path, storage=JournalStorage, **storage_options)
