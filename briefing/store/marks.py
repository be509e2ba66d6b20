"""Disagreements marked by hand between two claims, with a note, kept in the annotation store.

    from briefing.store.marks import mark, marks, unmark
    mark(store, "jafarli-2023-60", "dupuy-2022-05", note="1994 vs 2002", quotes=(qa, qb))
    marks(store)                         # every mark, ordered by claim ids

A mark lives in its own table of the same store file (same lock, journal and recovery as
annotations).  One mark per (author, pair of claims), whichever order the claims are given
in: marking again updates the note.  Each claim's quote is kept, so a mark survives edits.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, Mapping

from briefing.store.annotations import AnnotationStore, now_iso
from briefing.store.model import normalise_author
from briefing.text import clean, clean_line

TABLE = "disagreements"
_NAMESPACE = uuid.UUID("0b7c1f64-5f55-4bb4-a7a3-0c8f2f7d9e21")


@dataclass(frozen=True, slots=True)
class DisagreementMark:
    id: str
    claims: tuple[str, str]  # sorted
    quotes: tuple[str, str]
    note: str
    author: str
    created: str
    updated: str

    def to_doc(self) -> dict[str, Any]:
        return {"claims": list(self.claims), "quotes": list(self.quotes), "note": self.note,
                "author": self.author, "created": self.created, "updated": self.updated}

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, **self.to_doc()}

    @classmethod
    def from_doc(cls, doc_id: str, doc: Mapping[str, Any]) -> "DisagreementMark | None":
        claims, quotes = doc.get("claims"), doc.get("quotes")
        if (type(claims) is not list or len(claims) != 2
                or not all(type(c) is str and c for c in claims)):
            return None  # edited by hand beyond use: left in the file, not shown
        if type(quotes) is not list or len(quotes) != 2:
            quotes = ["", ""]
        text = lambda v: clean_line(v) if type(v) is str else ""  # noqa: E731
        return cls(str(doc_id), (claims[0], claims[1]), (text(quotes[0]), text(quotes[1])),
                   clean(doc["note"]) if type(doc.get("note")) is str else "",
                   text(doc.get("author")), text(doc.get("created")), text(doc.get("updated")))


def mark_id(author: str, a: str, b: str) -> str:
    x, y = sorted((a, b))
    return uuid.uuid5(_NAMESPACE, f"{author}\x00{x}\x00{y}").hex


def mark(store: AnnotationStore, claim_a: str, claim_b: str, note: str = "",
         quotes: tuple[str, str] = ("", ""), author: str | None = None) -> DisagreementMark:
    """Record (or update the note of) a hand-marked disagreement.  Raises ValueError for a
    claim marked against itself or an empty id; StoreError when it could not be saved."""
    a, b = clean_line(claim_a), clean_line(claim_b)
    if not a or not b:
        raise ValueError("two claim ids are needed")
    if a == b:
        raise ValueError(f"a claim cannot disagree with itself: {a}")
    who = store.author if author is None else normalise_author(author)
    (x, qx), (y, qy) = sorted(((a, clean_line(quotes[0])), (b, clean_line(quotes[1]))))
    doc_id = mark_id(who, x, y)
    text = clean(note).strip("\n")

    def change(current: dict | None) -> dict:
        stamp = now_iso()
        old = DisagreementMark.from_doc(doc_id, current) if current else None
        kept = old.quotes if old else ("", "")
        quoted = (qx or kept[0], qy or kept[1])  # marking again without quotes keeps them
        created = current.get("created") if current and type(current.get("created")) is str \
            else stamp
        return DisagreementMark(doc_id, (x, y), quoted, text, who, created, stamp).to_doc()

    doc = store.db.table(TABLE).modify(doc_id, change)
    result = DisagreementMark.from_doc(doc_id, doc or {})
    assert result is not None
    return result


def unmark(store: AnnotationStore, claim_a: str, claim_b: str,
           author: str | None = None) -> bool:
    """Remove this author's mark between two claims; False if there was none."""
    who = store.author if author is None else normalise_author(author)
    doc_id = mark_id(who, clean_line(claim_a), clean_line(claim_b))
    table = store.db.table(TABLE)
    if table.get(doc_id=doc_id) is None:
        return False
    table.remove(doc_ids=[doc_id])
    return True


def marks(store: AnnotationStore) -> list[DisagreementMark]:
    """Every readable mark, by claim ids then author."""
    view = store.db.table(TABLE)._read_table()
    found = (DisagreementMark.from_doc(k, v) for k, v in view.items())
    return sorted((m for m in found if m is not None), key=lambda m: (m.claims, m.author))
