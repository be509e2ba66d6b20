"""AnnotationStore: the API the CLI and the reader use for tags and notes on claims.

    store = AnnotationStore(path, author="ana")       # path None: briefing.paths.default_db_path()
    store.annotate("paylan-2023-07", claim.quote, add_tags=["russia"], note="Check the figure.")
    store.get("paylan-2023-07")                       # this author's annotation, or None
    store.all(); store.filter(tag="russia"); store.tags()   # [("russia", 3), ...]
    tok = store.token(); ...; if store.changed_since(tok): store.refresh(); tok = store.token()

One annotation per (author, claim): people sharing a store never overwrite each other, and
the same person in two processes edits one record.  Every change is a read-modify-write under
the store's cross-process lock, with tag changes given as additions/removals, so concurrent
edits merge instead of the last one winning.  The state before each change is kept in
``history``: the record holds at most HISTORY_CAP earlier versions; when it reaches that,
the oldest ARCHIVE_BATCH move, in the same write, to one new document of the
``annotation_history`` table, written once and never rewritten.  So an edit costs the same at
the 10th and the 10,000th version (it re-saved the whole history before: 860 edits of one
claim made a 4 MB record and a 9.9 s write), and nothing is dropped: :meth:`full_history`
puts the archive and the record back together.  Source and event filters need the corpus:
see briefing.store.query.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

from briefing.store.errors import StoreError
from briefing.store.model import (
    Annotation, Version, annotation_id, normalise_author, split_tags, unreadable_fields,
)
from briefing.store.storage import JournalStorage, Signature
from briefing.store.model import now_iso
from briefing.store.table import open_db, transform_tables
from briefing.text import clean, clean_line

if TYPE_CHECKING:
    from briefing.store.highlights import Highlights

TABLE = "annotations"
HISTORY_TABLE = "annotation_history"
HISTORY_CAP = 50  # earlier versions kept inside an annotation's record
ARCHIVE_BATCH = 25  # moved to the archive at once when the record reaches HISTORY_CAP


class AnnotationStore:
    def __init__(self, path: str | os.PathLike[str] | None = None, author: str | None = None,
                 *, lock_timeout: float = 10.0, compact_min_bytes: int = 256 * 1024) -> None:
        if path is None:
            from briefing.paths import default_db_path

            path = default_db_path()
        self.path = Path(path).expanduser()
        self.author = normalise_author(author)
        self.db = open_db(self.path, lock_timeout=lock_timeout,
                          compact_min_bytes=compact_min_bytes)
        self.storage: JournalStorage = self.db.storage  # type: ignore[assignment]
        self.table = self.db.table(TABLE)
        self._cache_version = -1
        self._cache: list[Annotation] = []
        self._by_claim: dict[str, list[Annotation]] = {}
        self._objs: dict[str, tuple[dict, Annotation | None]] = {}
        self._warnings: list[str] = []  # about single records; the storage has its own
        self._highlights: "Highlights | None" = None
        self.storage.refresh()  # read now, so a damaged file is reported at start
        self.all()  # ... and a record edited by hand that cannot be read as it is

    @property
    def highlights(self) -> "Highlights":
        """Passages that are not claims, with tags and notes (briefing.store.highlights)."""
        if self._highlights is None:
            from briefing.store.highlights import Highlights

            self._highlights = Highlights(self)
        return self._highlights

    # ------------------------------------------------------------------ lifecycle
    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "AnnotationStore":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    @property
    def warnings(self) -> list[str]:
        """Messages for the user not yet taken (e.g. an unreadable file was moved aside)."""
        return list(self.storage.warnings) + self._warnings

    def take_warnings(self) -> list[str]:
        taken, self._warnings = self._warnings, []
        return self.storage.take_warnings() + taken

    def _hand_edited(self, doc_id: str, fields: list[str]) -> str:
        return (f"The annotation {doc_id} in {self.path} was edited by hand and cannot be read "
                f"as it is: {', '.join(fields)}. It is left untouched in the file; correct it "
                f"there (see docs/annotations.md for the record's fields).")

    # ------------------------------------------------------------------ writing
    def annotate(self, claim_id: str, quote: str, add_tags: Iterable[str] = (),
                 remove_tags: Iterable[str] = (), note: str | None = None,
                 author: str | None = None) -> Annotation:
        """Add/remove tags and/or set the note of ``author``'s annotation on a claim.

        ``note=None`` leaves the note as it is; ``note=""`` clears it (the old text stays in
        the history).  Nothing changes, nothing is written.  Raises ValueError for an empty
        claim id or tag, StoreError when the change could not be saved (then nothing was).
        """
        claim_id = clean_line(claim_id)
        if not claim_id:
            raise ValueError("a claim id is needed")
        who = self.author if author is None else normalise_author(author)
        add = split_tags(add_tags)
        remove = set(split_tags(remove_tags))
        new_note = None if note is None else clean(note).strip("\n")
        new_quote = clean_line(quote)
        doc_id = annotation_id(who, claim_id)

        def change(current: dict | None) -> dict | None:
            if current and (bad := unreadable_fields(current)):
                # Rewriting it would drop what could not be read: refuse instead.
                raise StoreError(self._hand_edited(doc_id, bad))
            old = Annotation.from_doc(doc_id, current) if current else None
            tags = [t for t in (old.tags if old else ()) if t not in remove]
            tags += [t for t in add if t not in tags and t not in remove]
            text = new_note if new_note is not None else (old.note if old else "")
            if old is not None:
                if tuple(tags) == old.tags and text == old.note and new_quote == old.quote:
                    return None
            elif not tags and not text:
                return None  # nothing to record
            stamp = now_iso()
            history = old.history if old else ()
            if old is not None:
                history += (Version(old.version, old.quote, old.tags, old.note, old.author,
                                    old.updated),)
            return Annotation(
                id=doc_id, claim_id=claim_id, quote=new_quote or (old.quote if old else ""),
                tags=tuple(tags), note=text, author=who,
                created=old.created if old else stamp, updated=stamp,
                version=(old.version if old else 0) + 1, history=history,
            ).to_doc()

        doc = self._modify(doc_id, change)
        if doc is None:
            return Annotation(id=doc_id, claim_id=claim_id, quote=new_quote, author=who)
        result = Annotation.from_doc(doc_id, doc)
        assert result is not None
        return result

    def _modify(self, doc_id: str, change) -> dict | None:  # noqa: ANN001 - see annotate
        """Read-modify-write one annotation under the lock, archiving old versions in the same
        transaction (one journal line: the record and the archive change together or not at
        all).  Returns the document as stored afterwards."""
        with self.storage.transaction():
            current = self.storage.table_view(TABLE).get(doc_id)
            new = change(current)
            if new is None:
                return current
            ops = [{"op": "put", "t": TABLE, "id": doc_id, "doc": new}]
            # A loop: a record merged from two (move_claim) may bring several batches.  Ids
            # sort in the order the batches were archived: the record's version, then batch.
            batch = 0
            while len(new["history"]) >= HISTORY_CAP:
                moved, new["history"] = (new["history"][:ARCHIVE_BATCH],
                                         new["history"][ARCHIVE_BATCH:])
                batch += 1
                ops.append({"op": "put", "t": HISTORY_TABLE,
                            "id": f"{doc_id}-{new['version']:09d}-{batch:03d}",
                            "doc": {"annotation": doc_id, "claim_id": new["claim_id"],
                                    "author": new["author"], "versions": moved}})
            self.storage.commit(ops)
        return new

    def move_claim(self, old_claim_id: str, new_claim_id: str) -> "ClaimMove":
        """Every author's annotation on ``old_claim_id`` now on ``new_claim_id`` (a claim
        renamed or merged into another): where the author already annotated the new claim,
        the two merge (tags joined, notes kept one after the other, both histories kept,
        archived versions included).  One atomic write; returns what
        :meth:`undo_claim_move` needs to put it back."""
        old_claim_id, new_claim_id = clean_line(old_claim_id), clean_line(new_claim_id)
        authors = sorted({a.author for a in self.all(include_empty=True)
                          if a.claim_id == old_claim_id})
        move = ClaimMove(old_claim_id, new_claim_id, {}, {})

        def updater(table, archive) -> None:  # noqa: ANN001 - the store's table views
            for who in authors:
                src, dst = annotation_id(who, old_claim_id), annotation_id(who, new_claim_id)
                if src not in table or src == dst:
                    continue
                old_doc = dict(table[src])
                new_doc = dict(table[dst]) if dst in table else None
                move.before[src], move.before[dst] = old_doc, new_doc
                merged = _merged(dst, new_claim_id, old_doc, new_doc)
                table[dst] = merged
                del table[src]
                move.after[src], move.after[dst] = None, merged
                # The versions archived from the record follow it to its new owner.
                for key in [k for k in archive if archive[k].get("annotation") == src]:
                    doc = dict(archive[key])
                    move.archive_before[key] = doc
                    archive[key] = move.archive_after[key] = {
                        **doc, "annotation": dst, "claim_id": new_claim_id}

        transform_tables(self.storage, (TABLE, HISTORY_TABLE), updater)
        self.table.clear_cache()
        return move

    def requote_claim(self, claim_id: str, quote: str) -> "ClaimMove":
        """Every author's annotation on a claim whose quote was corrected now carries the new
        quote (the old one stays in its history), so `briefing check` does not report it as
        changed.  Undone like a move (:meth:`undo_claim_move`)."""
        claim_id, quote = clean_line(claim_id), clean_line(quote)
        doc_ids = sorted(a.id for a in self.all(include_empty=True) if a.claim_id == claim_id)
        before: dict[str, dict | None] = {}
        after: dict[str, dict | None] = {}

        def updater(table) -> None:  # noqa: ANN001
            for doc_id in doc_ids:
                if doc_id not in table:
                    continue
                doc = dict(table[doc_id])
                old = Annotation.from_doc(doc_id, doc)
                if old is None or old.quote == quote:
                    continue
                new = Annotation(
                    id=doc_id, claim_id=claim_id, quote=quote, tags=old.tags, note=old.note,
                    author=old.author, created=old.created, updated=now_iso(),
                    version=old.version + 1, history=old.history + (Version(
                        old.version, old.quote, old.tags, old.note, old.author, old.updated),),
                ).to_doc()
                before[doc_id], after[doc_id] = doc, new
                table[doc_id] = new

        self.table.transform(updater)
        return ClaimMove(claim_id, claim_id, before, after)

    def undo_claim_move(self, move: "ClaimMove") -> "ClaimMove":
        """Put the records :meth:`move_claim` changed back, if no one changed them since
        (else StoreError, nothing changed).  Returns the move that redoes it."""

        def updater(table, archive) -> None:  # noqa: ANN001
            for view, after in ((table, move.after), (archive, move.archive_after)):
                for doc_id, doc in after.items():
                    current = dict(view[doc_id]) if doc_id in view else None
                    if current != doc:
                        raise StoreError(f"the annotation {doc_id} changed since claim "
                                         f"{move.old_claim} became {move.new_claim}")
            for view, before in ((table, move.before), (archive, move.archive_before)):
                for doc_id, doc in before.items():
                    if doc is None:
                        if doc_id in view:
                            del view[doc_id]
                    else:
                        view[doc_id] = doc

        transform_tables(self.storage, (TABLE, HISTORY_TABLE), updater)
        self.table.clear_cache()
        return ClaimMove(move.new_claim, move.old_claim, move.after, move.before,
                         move.archive_after, move.archive_before)

    # ------------------------------------------------------------------ reading
    def full_history(self, claim_id: str, author: str | None = None) -> list[Version]:
        """Every earlier version of ``author``'s annotation on a claim, oldest first: the
        archived ones and those still in the record."""
        current = self.get(claim_id, author=author)
        return list(self.with_archived_history([current])[0].history) if current else []

    def with_archived_history(self, annotations: Iterable[Annotation]) -> list[Annotation]:
        """The annotations with their archived versions put back in front of ``history``
        (for exports: the JSON carries every version).  Costs nothing while no record has
        reached HISTORY_CAP: the archive is empty."""
        annotations = list(annotations)
        archive = self.storage.table_view(HISTORY_TABLE)
        if not archive:
            return annotations
        wanted = {a.id for a in annotations}
        archived: dict[str, list[Version]] = {}
        for key in sorted(archive):  # keys end in the zero-padded first version: in order
            doc = archive[key]
            owner = doc.get("annotation")
            if owner in wanted and type(doc.get("versions")) is list:
                archived.setdefault(owner, []).extend(
                    Version.from_doc(v) for v in doc["versions"] if type(v) is dict)
        # A record merged from two (move_claim) owns both's batches: put them in time order.
        return [replace(a, history=(*sorted(archived[a.id], key=lambda v: v.updated),
                                    *a.history)) if a.id in archived else a
                for a in annotations]

    def get(self, claim_id: str, author: str | None = None) -> Annotation | None:
        """``author``'s (default: this store's author) annotation on a claim, if any."""
        who = self.author if author is None else normalise_author(author)
        doc_id = annotation_id(who, clean_line(claim_id))
        doc = self.table.get(doc_id=doc_id)
        return Annotation.from_doc(doc_id, doc) if doc is not None else None

    def for_claim(self, claim_id: str) -> list[Annotation]:
        """Every author's non-empty annotation on a claim (indexed: cheap per render)."""
        self.all()
        return list(self._by_claim.get(claim_id, ()))

    def all(self, include_empty: bool = False) -> list[Annotation]:
        """Every annotation, ordered by claim id then author.  Empty ones (all tags removed,
        note cleared) are left out unless asked for: there is nothing in them to show."""
        view = self.table._read_table()  # brings the store up to date
        if self.storage.version != self._cache_version:
            # Rebuild only what changed: the storage replaces a document's dict when it
            # changes, so an unchanged dict (same object, kept alive here) is the same
            # annotation.  Another process's single write then costs one from_doc, not 10,000.
            objs: dict[str, tuple[dict, Annotation | None]] = {}
            for doc_id, doc in view.items():
                hit = self._objs.get(doc_id)
                if hit is not None and hit[0] is doc:
                    objs[doc_id] = hit
                    continue
                objs[doc_id] = (doc, Annotation.from_doc(doc_id, doc))
                if bad := unreadable_fields(doc):
                    self._warnings.append(self._hand_edited(doc_id, bad))
            self._objs = objs
            self._cache = sorted((a for _, a in objs.values() if a is not None),
                                 key=lambda a: (a.claim_id, a.author))
            self._by_claim = {}
            for a in self._cache:
                if not a.is_empty:
                    self._by_claim.setdefault(a.claim_id, []).append(a)
            self._cache_version = self.storage.version
        return [a for a in self._cache if include_empty or not a.is_empty]

    def filter(self, tag: str | Iterable[str] | None = None,
               author: str | Iterable[str] | None = None) -> list[Annotation]:
        """Annotations carrying every tag given and written by any author given."""
        tags = set(split_tags([tag] if isinstance(tag, str) else tag or []))
        authors = {clean_line(a) for a in ([author] if isinstance(author, str) else author or [])}
        return [a for a in self.all()
                if tags.issubset(a.tags) and (not authors or a.author in authors)]

    def tags(self) -> list[tuple[str, int]]:
        """Tags in use with how many annotations carry each, most used first."""
        counts = Counter(t for a in self.all() for t in a.tags)
        return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))

    def authors(self) -> list[str]:
        return sorted({a.author for a in self.all()})

    # ------------------------------------------------------------------ change polling
    @property
    def version(self) -> int:
        """Changes whenever the data seen by this process changes."""
        return self.storage.version

    def token(self) -> Signature | None:
        """The file's identity as of this process's last read or write (see changed_since)."""
        return self.storage.last_signature()

    def changed_since(self, token: Signature | None) -> bool:
        """True if the file changed since ``token`` (one stat call, no lock, no reading)."""
        return self.storage.signature() != token

    def refresh(self) -> bool:
        """Read other processes' changes; True if the annotations changed."""
        return self.storage.refresh()


@dataclass(frozen=True, slots=True)
class ClaimMove:
    """Annotations moved from one claim id to another: the records before and after, by id."""

    old_claim: str
    new_claim: str
    before: dict[str, dict | None]
    after: dict[str, dict | None]
    archive_before: dict[str, dict | None] = field(default_factory=dict)  # archived versions
    archive_after: dict[str, dict | None] = field(default_factory=dict)


def _merged(doc_id: str, claim_id: str, moving: dict, present: dict | None) -> dict:
    """The annotation ``moving`` under ``claim_id``, merged with the one already there."""
    old = Annotation.from_doc(doc_id, moving)
    assert old is not None
    stamp = now_iso()
    if present is None:
        return Annotation(id=doc_id, claim_id=claim_id, quote=old.quote, tags=old.tags,
                          note=old.note, author=old.author, created=old.created, updated=stamp,
                          version=old.version + 1, history=old.history
                          + (Version(old.version, old.quote, old.tags, old.note, old.author,
                                     old.updated),)).to_doc()
    cur = Annotation.from_doc(doc_id, present)
    assert cur is not None
    tags = cur.tags + tuple(t for t in old.tags if t not in cur.tags)
    notes = [n for n in (cur.note, old.note) if n.strip()]
    note = cur.note if old.note.strip() in ("", cur.note.strip()) else "\n\n".join(notes)
    history = tuple(sorted(cur.history + old.history, key=lambda v: v.updated)) + (
        Version(cur.version, cur.quote, cur.tags, cur.note, cur.author, cur.updated),
        Version(old.version, old.quote, old.tags, old.note, old.author, old.updated))
    return Annotation(id=doc_id, claim_id=claim_id, quote=cur.quote or old.quote, tags=tags,
                      note=note, author=cur.author, created=min(cur.created, old.created),
                      updated=stamp, version=max(cur.version, old.version) + 1,
                      history=history).to_doc()


__all__ = ["AnnotationStore", "Annotation", "ClaimMove", "StoreError", "now_iso", "TABLE"]
