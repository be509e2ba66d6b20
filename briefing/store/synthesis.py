"""The analyst's synthesis: their own text about a briefing, opening the exported brief.

A record of its own in the annotation store (table ``synthesis``), one per (author,
briefing), written like annotations: a read-modify-write of one document under the store's
cross-process lock (``JournalTable.modify``), with every earlier text kept in ``history``.

    set_synthesis(store, corpus.title, "Russia's guarantee failed in 2022 ...")
    get_synthesis(store, corpus.title)          # this author's, or None
    syntheses(store, corpus.title)              # every author's, by author

The briefing is named by its title: the store is shared by every briefing a person reads.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any, Mapping

from briefing.store.annotations import AnnotationStore
from briefing.store.errors import StoreError
from briefing.store.model import normalise_author, now_iso
from briefing.text import clean, clean_line

TABLE = "synthesis"
MAX_CHARS = 200_000  # a page or ten; a whole book pasted by mistake is refused
_NAMESPACE = uuid.UUID("0b7f6a52-4f1e-4d8e-9a55-3c1e2f1b9a20")


@dataclass(frozen=True, slots=True)
class Synthesis:
    briefing: str
    text: str
    author: str
    created: str = ""
    updated: str = ""
    version: int = 0
    history: tuple[tuple[int, str, str], ...] = ()  # (version, text, updated), oldest first

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any]) -> "Synthesis | None":
        text, briefing = doc.get("text"), doc.get("briefing")
        if type(text) is not str or type(briefing) is not str:
            return None  # edited by hand into something else: not shown, left in the file
        history = doc.get("history") if type(doc.get("history")) is list else []
        return cls(briefing=clean_line(briefing), text=clean(text),
                   author=clean_line(str(doc.get("author", ""))),
                   created=clean_line(str(doc.get("created", ""))),
                   updated=clean_line(str(doc.get("updated", ""))),
                   version=doc["version"] if type(doc.get("version")) is int else 0,
                   history=tuple((h.get("version", 0), clean(str(h.get("text", ""))),
                                  clean_line(str(h.get("updated", ""))))
                                 for h in history if type(h) is dict))

    def to_doc(self) -> dict[str, Any]:
        return {"briefing": self.briefing, "text": self.text, "author": self.author,
                "created": self.created, "updated": self.updated, "version": self.version,
                "history": [{"version": v, "text": t, "updated": u}
                            for v, t, u in self.history]}


def synthesis_id(author: str, briefing: str) -> str:
    return uuid.uuid5(_NAMESPACE, f"{author}\x00{briefing}").hex


def set_synthesis(store: AnnotationStore, briefing: str, text: str,
                  author: str | None = None) -> Synthesis:
    """Replace ``author``'s synthesis of ``briefing`` (the old text stays in its history).
    ``text=""`` clears it.  Raises ValueError for a text too long, StoreError when it could
    not be saved (then nothing was)."""
    who = store.author if author is None else normalise_author(author)
    briefing = clean_line(briefing)
    new_text = clean(text).strip("\n")
    if len(new_text) > MAX_CHARS:
        raise ValueError(f"the synthesis is longer than {MAX_CHARS:,} characters")
    doc_id = synthesis_id(who, briefing)

    def change(current: dict | None) -> dict | None:
        old = Synthesis.from_doc(current) if current else None
        if current and old is None:
            raise StoreError(f"the synthesis record {doc_id} in {store.path} was edited by hand "
                             "and cannot be read; it is left untouched")
        if (old.text if old else "") == new_text:
            return None
        stamp = now_iso()
        history = (old.history + ((old.version, old.text, old.updated),)) if old else ()
        return Synthesis(briefing=briefing, text=new_text, author=who,
                         created=old.created if old else stamp, updated=stamp,
                         version=(old.version if old else 0) + 1, history=history).to_doc()

    doc = store.db.table(TABLE).modify(doc_id, change)
    found = Synthesis.from_doc(doc) if doc else None
    return found or Synthesis(briefing=briefing, text="", author=who)


def get_synthesis(store: AnnotationStore, briefing: str,
                  author: str | None = None) -> Synthesis | None:
    who = store.author if author is None else normalise_author(author)
    doc = store.db.table(TABLE).get(doc_id=synthesis_id(who, clean_line(briefing)))
    return Synthesis.from_doc(doc) if doc is not None else None


def syntheses(store: AnnotationStore, briefing: str,
              authors: tuple[str, ...] = ()) -> list[Synthesis]:
    """Every author's non-empty synthesis of ``briefing`` (only ``authors`` if given)."""
    briefing = clean_line(briefing)
    found = (Synthesis.from_doc(doc) for doc in store.db.table(TABLE).all())
    return sorted((s for s in found if s is not None and s.briefing == briefing and s.text
                   and (not authors or s.author in authors)), key=lambda s: s.author)
