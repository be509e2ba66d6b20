"""Curation steps on events: add, edit or rename, accept or reject a suggestion, merge.

Same contract as briefing.curation.claims: one step, one Result with its undo record, or a
CurationError and nothing changed.  Claims refer to events by id, so a step that renames or
removes an event rewrites the references in every claims file, curated and suggested, in the
same step.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable

from briefing.curation.common import (
    IDENT, REJECTED, SUGGESTION_KEYS, did_you_mean, event_list, id_list, replace_event,
)
from briefing.curation.curator import Curator, Edit, Expected, Result
from briefing.curation.errors import CurationError, NotFoundError
from briefing.curation.yamlentries import EntryFile, edit_entry, new_entry, plain
from briefing.text import clean, clean_line

EVENT_ORDER = ("id", "title", "date", "end", "summary", "actors")
EDITABLE = frozenset(EVENT_ORDER)


def add_event(curator: Curator, event_id: str, title: str, *, date: str | None = None,
              end: str | None = None, summary: str | None = None,
              actors: Iterable[str] = (), expected: Expected | None = None) -> Result:
    """Append an event to events.yaml (the loader checks the dates)."""
    event_id = clean_line(event_id)
    if not IDENT.match(event_id):
        raise CurationError(f"{event_id!r} is not a usable event id (lower-case letters, "
                            "digits and hyphens, e.g. nov-2020-ceasefire)")
    title = clean_line(title)
    if not title:
        raise CurationError("an event needs a title")

    def step(edit: Edit) -> tuple[list[str], dict[str, Any]]:
        events = edit.file(curator.layout.events, create=True)
        if event_id in events.ids():
            raise CurationError(f"{curator.layout.events}: event {event_id!r} already exists")
        suggested = _suggested(edit)
        if suggested is not None and event_id in suggested.ids():
            raise CurationError(f"{curator.layout.events_suggested}: event {event_id!r} is "
                                "suggested already: accept it (`briefing events accept`)")
        fields: dict[str, Any] = {"id": event_id, "title": title}
        if date:
            fields["date"] = date
        if end:
            fields["end"] = end
        if summary:
            fields["summary"] = clean(summary).strip()
        if actors:
            fields["actors"] = [clean_line(a) for a in actors if clean_line(a)]
        events.append(new_entry(fields, quoted=()))
        return [event_id], {"event": fields}

    return curator.run("events add", step, expected)


def edit_event(curator: Curator, event_id: str, changes: dict[str, Any],
               expected: Expected | None = None) -> Result:
    """Change an event's fields (curated or suggested); a new ``id`` is carried to every
    claim that refers to the event.  ``rename`` in the CLI is this with a new title."""
    unknown = set(changes) - EDITABLE
    if unknown:
        raise CurationError(f"cannot edit {', '.join(sorted(unknown))}: an event's fields are "
                            + ", ".join(EVENT_ORDER))
    new_id = changes.get("id")
    if new_id is not None and not IDENT.match(str(new_id)):
        raise CurationError(f"{new_id!r} is not a usable event id")
    if "title" in changes and not clean_line(changes["title"] or ""):
        raise CurationError("an event needs a title")

    def step(edit: Edit) -> tuple[list[str], dict[str, Any]]:
        path, entries, block = find_event(edit, event_id)
        entry = entries.entry(block)
        if edit_entry(entry, changes, quoted=()):
            entries.replace(block, entry)
        moved: list[str] = []
        if new_id and new_id != event_id:
            moved = retarget_claims(edit, event_id, str(new_id))
        return [str(entry["id"])], {"event": plain(entry), "claims_moved": moved,
                                    "file": str(path)}

    return curator.run("events edit", step, expected)


def rename_event(curator: Curator, event_id: str, title: str,
                 expected: Expected | None = None) -> Result:
    return edit_event(curator, event_id, {"title": title}, expected)


def accept_events(curator: Curator, event_ids: Iterable[str],
                  expected: Expected | None = None) -> Result:
    """Move suggested events into events.yaml without the suggestion's markers."""
    event_ids = id_list(event_ids, "event")

    def step(edit: Edit) -> tuple[list[str], dict[str, Any]]:
        for event_id in event_ids:
            _accept(edit, event_id)
        return event_ids, {}

    return curator.run("events accept", step, expected)


def reject_events(curator: Curator, event_ids: Iterable[str],
                  expected: Expected | None = None) -> Result:
    """Mark suggested events ``status: rejected`` (kept, so they are not proposed again)."""
    event_ids = id_list(event_ids, "event")

    def step(edit: Edit) -> tuple[list[str], dict[str, Any]]:
        for event_id in event_ids:
            entries = _suggested(edit)
            block = entries.find(event_id) if entries is not None else None
            if block is None:
                raise NotFoundError(f"no suggested event {event_id!r} in "
                                    f"{edit.layout.events_suggested}")
            entry = entries.entry(block)
            if edit_entry(entry, {"status": REJECTED}, quoted=()):
                entries.replace(block, entry)
            # Only suggested claims may name a suggested event; left naming a rejected one,
            # they failed `check` until the next `suggest`.
            retarget_claims(edit, event_id, None)
        return event_ids, {}

    return curator.run("events reject", step, expected)


def merge_events(curator: Curator, event_id: str, into_id: str,
                 expected: Expected | None = None) -> Result:
    """Every claim about ``event_id`` becomes about ``into_id``, and ``event_id`` is removed
    (from events.yaml, or from the suggestions if it was one).  ``into_id`` is kept as it is."""
    if event_id == into_id:
        raise CurationError("an event cannot be merged into itself")

    def step(edit: Edit) -> tuple[list[str], dict[str, Any]]:
        _, into_entries, _ = find_event(edit, into_id)
        if into_entries is _suggested(edit):
            _accept(edit, into_id)  # curated claims may only refer to curated events
        _, entries, block = find_event(edit, event_id)
        entries.remove(block)
        moved = retarget_claims(edit, event_id, into_id)
        return [into_id], {"merged": event_id, "claims_moved": moved}

    return curator.run("events merge", step, expected)


# ---------------------------------------------------------------------------- helpers
def accept_referenced_events(edit: Edit, event_ids: list[str]) -> list[str]:
    """Accept those of ``event_ids`` that are still only suggested (for an accepted claim)."""
    curated = set(edit.file(edit.layout.events, create=True).ids())
    accepted = []
    for event_id in event_ids:
        suggested = _suggested(edit)
        if event_id in curated or suggested is None or suggested.find(event_id) is None:
            continue
        _accept(edit, event_id)
        curated.add(event_id)
        accepted.append(event_id)
    return accepted


def _accept(edit: Edit, event_id: str) -> None:
    entries = _suggested(edit)
    block = entries.find(event_id) if entries is not None else None
    if block is None:
        raise NotFoundError(f"no suggested event {event_id!r} in {edit.layout.events_suggested}")
    entry = entries.entry(block)
    for key in SUGGESTION_KEYS:
        entry.pop(key, None)
    curated = edit.file(edit.layout.events, create=True)
    if event_id in curated.ids():
        raise CurationError(f"{edit.layout.events}: event {event_id!r} already exists; merge "
                            f"the suggestion into it instead (`briefing events merge`)")
    entries.remove(block)
    curated.append(entry)


def _suggested(edit: Edit) -> EntryFile | None:
    path = edit.layout.events_suggested
    return edit.file(path) if edit.exists(path) else None


def find_event(edit: Edit, event_id: str) -> tuple[Path, EntryFile, Any]:
    layout = edit.layout
    for path in (layout.events, layout.events_suggested):
        if not edit.exists(path):
            continue
        entries = edit.file(path)
        block = entries.find(event_id)
        if block is not None:
            return path, entries, block
    known = [i for p in (layout.events, layout.events_suggested) if edit.exists(p)
             for i in edit.file(p).ids()]
    raise NotFoundError(f"no event {event_id!r} in {layout.events}"
                        + did_you_mean(event_id, known))


def retarget_claims(edit: Edit, old: str, new: str | None) -> list[str]:
    """Replace event ``old`` by ``new`` (None: remove it) in every claim, curated and
    suggested; the claim ids."""
    moved = []
    layout = edit.layout
    for path in [*layout.claims_files(), *layout.suggested_claims_files()]:
        if old not in path.read_text(encoding="utf-8", errors="replace"):
            continue  # most files do not mention the event: skip parsing them
        entries = edit.file(path)
        for i in range(len(entries.blocks)):  # a replaced entry is still one block
            block = entries.blocks[i]
            if old not in entries.block_text(block):
                continue
            entry = entries.entry(block)
            events = event_list(entry.get("events"))
            if old not in events:
                continue
            kept = replace_event(events, old, new) if new else [e for e in events if e != old]
            if edit_entry(entry, {"events": kept}):
                entries.replace(block, entry)
            moved.append(str(entry.get("id")))
    return moved
