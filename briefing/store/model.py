"""Annotations as values: what one person wrote about one claim, with its earlier versions.

Tags are normalised so the same tag is always spelled the same way (``Russia``,
``  russia `` and ``RUSSIA`` are one tag, ``Peace Keeping`` becomes ``peace-keeping``):

1. control characters, bidi overrides and every invisible character removed
   (briefing.text.drop_invisible: "rus\u200bsia" is "russia");
2. Unicode NFKC (full-width and compatibility forms folded), then casefold;
3. a leading ``#`` dropped (people type ``#russia``);
4. runs of whitespace turned into one ``-``; commas split a string into several tags.

Everything else is kept (``état-major``, ``c++``): the export escapes what Markdown would read.
"""

from __future__ import annotations

import getpass
import unicodedata
import uuid
from datetime import datetime, timezone
from functools import lru_cache
from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping

from briefing.text import clean, clean_line, drop_invisible

MAX_TAG_LENGTH = 64
_ID_NAMESPACE = uuid.UUID("6f1c3c1e-6a55-4f0e-9d55-1b0c0a8e4b11")



def now_iso() -> str:
    """The time of a change, UTC to the second: what every record's created/updated holds."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds").replace("+00:00", "Z")


@lru_cache(maxsize=4096)  # loading a store normalises the same few tags thousands of times
def normalise_tag(raw: str) -> str:
    """One tag in its canonical spelling; "" if nothing is left (the caller rejects it)."""
    text = unicodedata.normalize("NFKC", drop_invisible(raw)).casefold().strip()
    text = text.lstrip("#").strip()
    return "-".join(text.split())[:MAX_TAG_LENGTH].strip("-")


def split_tags(values: Iterable[str]) -> list[str]:
    """Normalise tags given by a user (commas separate tags); raises ValueError on an empty one."""
    out: list[str] = []
    for value in values:
        for part in str(value).split(","):
            tag = normalise_tag(part)
            if not tag:
                raise ValueError(f"not a usable tag: {value!r}")
            if tag not in out:
                out.append(tag)
    return out


def normalise_author(raw: str | None) -> str:
    name = drop_invisible(raw or "")
    return name or default_author()


def default_author() -> str:
    """The OS user name, or "unknown" where there is none (a container without a passwd entry)."""
    try:
        return clean_line(getpass.getuser()) or "unknown"
    except Exception:  # noqa: BLE001 - getpass raises OSError or KeyError depending on platform
        return "unknown"


def annotation_id(author: str, claim_id: str) -> str:
    """Stable id for one author's annotation on one claim.

    Derived (uuid5) rather than random: two processes annotating the same claim as the same
    person meet on the same record (their changes merge under the lock) instead of creating
    duplicates; different people never collide.
    """
    return uuid.uuid5(_ID_NAMESPACE, f"{author}\x00{claim_id}").hex


@dataclass(frozen=True, slots=True)
class Version:
    """An earlier state of an annotation, kept when it was changed."""

    version: int
    quote: str
    tags: tuple[str, ...]
    note: str
    author: str
    updated: str

    def to_doc(self) -> dict[str, Any]:
        return {"version": self.version, "quote": self.quote, "tags": list(self.tags),
                "note": self.note, "author": self.author, "updated": self.updated}

    @classmethod
    def from_doc(cls, doc: Mapping[str, Any]) -> "Version":
        return cls(version=_int(doc.get("version")), quote=_str(doc.get("quote")),
                   tags=_tags(doc.get("tags")), note=_str(doc.get("note"), multiline=True),
                   author=_str(doc.get("author")), updated=_str(doc.get("updated")))


@dataclass(frozen=True, slots=True)
class Annotation:
    id: str
    claim_id: str
    quote: str  # the claim's text when it was annotated: survives content edits
    tags: tuple[str, ...] = ()
    note: str = ""  # Markdown, as the user wrote it (cleaned of control characters)
    author: str = ""
    created: str = ""  # ISO 8601, UTC
    updated: str = ""
    version: int = 0  # 1 for the first save, +1 for each change
    history: tuple[Version, ...] = field(default=())  # earlier versions, oldest first

    @property
    def is_empty(self) -> bool:
        """No tags and no note: nothing to list or export (the history is still kept)."""
        return not self.tags and not self.note.strip()

    def to_doc(self) -> dict[str, Any]:
        return {"claim_id": self.claim_id, "quote": self.quote, "tags": list(self.tags),
                "note": self.note, "author": self.author, "created": self.created,
                "updated": self.updated, "version": self.version,
                "history": [v.to_doc() for v in self.history]}

    def to_json(self) -> dict[str, Any]:
        """For exports and ``--json``: the id included."""
        return {"id": self.id, **self.to_doc()}

    @classmethod
    def from_doc(cls, doc_id: str, doc: Mapping[str, Any]) -> "Annotation | None":
        """Build from a stored document, tolerating a hand-edited store; None if unusable."""
        claim_id = _str(doc.get("claim_id"))
        if not claim_id:
            return None
        history = doc.get("history")
        return cls(
            id=str(doc_id), claim_id=claim_id, quote=_str(doc.get("quote")),
            tags=_tags(doc.get("tags")), note=_str(doc.get("note"), multiline=True),
            author=_str(doc.get("author")), created=_str(doc.get("created")),
            updated=_str(doc.get("updated")), version=_int(doc.get("version")),
            history=tuple(Version.from_doc(v) for v in history if type(v) is dict)
            if type(history) is list else (),
        )


_TEXT_FIELDS = ("quote", "note", "author", "created", "updated")


def unreadable_fields(doc: Mapping[str, Any]) -> list[str]:
    """The fields of a stored document that from_doc cannot take as they are (a store edited
    by hand): ``["note (a list)", "version (text)"]``.  Absent optional fields are fine."""
    out: list[str] = []
    claim_id = doc.get("claim_id")
    if type(claim_id) is not str or not claim_id.strip():
        out.append("claim_id (" + ("missing" if claim_id is None else _kind(claim_id)) + ")")
    for name in _TEXT_FIELDS:
        if name in doc and type(doc[name]) is not str:
            out.append(f"{name} ({_kind(doc[name])})")
    tags = doc.get("tags", [])
    if type(tags) is not list or any(type(t) is not str for t in tags):
        out.append("tags (" + (_kind(tags) if type(tags) is not list else "not all text") + ")")
    version = doc.get("version", 0)
    if not isinstance(version, int) or isinstance(version, bool):
        out.append(f"version ({_kind(version)})")
    history = doc.get("history", [])
    if type(history) is not list or any(type(v) is not dict for v in history):
        out.append("history (" + (_kind(history) if type(history) is not list
                                  else "not all records") + ")")
    return out


def _kind(value: Any) -> str:
    names = {str: "text", int: "a number", float: "a number", bool: "true/false",
             list: "a list", dict: "a record", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def _str(value: Any, multiline: bool = False) -> str:
    if type(value) is not str:
        return ""
    # Fast path (loading 10,000 annotations): text written by this program is already clean,
    # and str.isprintable() is False for every control, format (bidi) and separator character
    # that cleaning would touch, so only unusual strings pay for the regex.
    if multiline:
        if value.replace("\n", "").isprintable():
            return value
        return clean(value)
    return value if value.isprintable() else clean_line(value)


def _int(value: Any) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _tags(value: Any) -> tuple[str, ...]:
    if type(value) is not list:
        return ()
    out: list[str] = []
    for item in value:
        tag = normalise_tag(item) if type(item) is str else ""
        if tag and tag not in out:
            out.append(tag)
    return tuple(out)
