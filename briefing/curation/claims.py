"""Curation steps on claims: add, edit, accept or reject a suggestion, move between events.

Each function takes a :class:`~briefing.curation.curator.Curator`, does one step and returns
its :class:`~briefing.curation.curator.Result` (with the undo record), or raises a
:class:`~briefing.curation.errors.CurationError` having changed nothing.  ``expected``
(path -> signature, from :meth:`Curator.snapshot`) refuses an edit made against files that
have changed since the caller read them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from briefing.curation.common import (
    IDENT, REJECTED, SUGGESTION_KEYS, did_you_mean, event_list, id_list, replace_event,
)
from briefing.curation.curator import Curator, Edit, Expected, Result
from briefing.curation.errors import CurationError, NotFoundError
from briefing.curation.events import accept_referenced_events
from briefing.curation.layout import Layout
from briefing.curation.prefill import dates_in, figures_in
from briefing.curation.yamlentries import EntryFile, edit_entry, entry_ids, new_entry, plain
from briefing.curation.articles import article_and_problems, index_of
from briefing.model import CLAIM_KINDS, FRAMES
from briefing.text import clean_line

CLAIM_ORDER = ("id", "quote", "events", "kind", "speaker", "actors", "figures", "dates",
               "frame", "occurrence")
EDITABLE = frozenset(CLAIM_ORDER)


def add_claim(curator: Curator, article_id: str, quote: str, *, events: Iterable[str] = (),
              kind: str | None = None, speaker: str | None = None, actors: Iterable[str] = (),
              figures: list[dict[str, Any]] | None = None, dates: list[Any] | None = None,
              frame: str | None = None, occurrence: int | None = None,
              claim_id: str | None = None, expected: Expected | None = None) -> Result:
    """Write a new claim to ``claims/<article>.yaml``.

    The quote must be found in the article (whitespace, case, quote marks and dashes are
    tolerated; it is written as the article has it).  ``figures``/``dates`` None: read from
    the quote (briefing.curation.prefill); ``[]``: none.  The id is ``<article>-NN``, the next
    free number, unless ``claim_id`` is given.
    """
    layout = curator.layout
    events = [clean_line(e) for e in events if clean_line(e)]
    if not events:
        raise CurationError("a claim is about at least one event: give --event (an id from "
                            "`briefing events`, or add one with `briefing events add`)")
    _check_choice("kind", kind, CLAIM_KINDS)
    _check_choice("frame", frame, FRAMES)
    passage = find_passage(layout.root, article_id, quote, occurrence)
    text = passage.text

    def step(edit: Edit) -> tuple[list[str], dict[str, Any]]:
        target = edit.file(layout.claims(article_id), create=True)
        ident = claim_id or next_claim_id(article_id, _ids_near(edit, article_id))
        if not IDENT.match(ident):
            raise CurationError(f"{ident!r} is not a usable claim id (lower-case letters, "
                                "digits and hyphens)")
        found_figures = figures_in(text, ident) if figures is None else figures
        found_dates = dates_in(text) if dates is None else dates
        fields: dict[str, Any] = {"id": ident, "quote": text, "events": events,
                                  "kind": kind or ("figure" if found_figures else "fact"),
                                  "speaker": speaker or "author"}
        if actors:
            fields["actors"] = [clean_line(a) for a in actors if clean_line(a)]
        if found_figures:
            fields["figures"] = found_figures
        if found_dates:
            fields["dates"] = found_dates
        if frame:
            fields["frame"] = frame
        if occurrence:
            fields["occurrence"] = occurrence
        target.append(new_entry(fields))
        return [ident], {"claim": fields, "paragraph": passage.paragraph_id}

    return curator.run("claims add", step, expected)


def edit_claim(curator: Curator, claim_id: str, changes: dict[str, Any],
               expected: Expected | None = None) -> Result:
    """Change fields of a claim (curated or suggested).  A value None removes the field;
    ``id`` renames the claim, and its annotations follow."""
    unknown = set(changes) - EDITABLE
    if unknown:
        raise CurationError(f"cannot edit {', '.join(sorted(unknown))}: a claim's fields are "
                            + ", ".join(CLAIM_ORDER))
    for key in ("id", "quote", "events", "kind"):
        if key in changes and not changes[key]:
            raise CurationError(f"a claim needs its {key!r}: it cannot be removed")
    _check_choice("kind", changes.get("kind"), CLAIM_KINDS)
    _check_choice("frame", changes.get("frame"), FRAMES)
    new_id = changes.get("id")
    if new_id is not None and not IDENT.match(str(new_id)):
        raise CurationError(f"{new_id!r} is not a usable claim id (lower-case letters, digits "
                            "and hyphens)")

    def step(edit: Edit) -> tuple[list[str], dict[str, Any]]:
        path, entries, block = find_claim(edit, claim_id)
        entry = entries.entry(block)
        if edit_entry(entry, changes):
            entries.replace(block, entry)
        if new_id and new_id != claim_id:
            edit.renamed[claim_id] = str(new_id)
        if "quote" in changes:
            edit.requoted[str(entry["id"])] = str(entry["quote"])
        return [str(entry["id"])], {"claim": plain(entry), "file": str(path)}

    return curator.run("claims edit", step, expected)


def accept_claims(curator: Curator, claim_ids: Iterable[str], events: Iterable[str] = (),
                  expected: Expected | None = None) -> Result:
    """Move suggested claims into their article's curated file, without the suggestion's
    markers.  ``events`` are added to each (a suggestion may have none yet).  Suggested
    events they refer to are accepted with them.  A suggestion whose id is taken by a
    curated claim gets the next free ``<article>-NN`` (annotations follow)."""
    claim_ids = id_list(claim_ids, "claim")
    extra = [clean_line(e) for e in events if clean_line(e)]

    def step(edit: Edit) -> tuple[list[str], dict[str, Any]]:
        accepted, events = [], []
        for claim_id in claim_ids:
            path, entries, block = find_claim(edit, claim_id, suggested=True)
            entry = entries.entry(block)
            for key in SUGGESTION_KEYS:
                entry.pop(key, None)
            current = event_list(entry.get("events"))
            if extra:
                edit_entry(entry, {"events": current + [e for e in extra if e not in current]})
            elif not current:
                raise CurationError(f"{path}: suggested claim {claim_id} is about no event yet: "
                                    "give it one (accept --event E, or `briefing claims edit "
                                    f"{claim_id} --event E`)")
            article_id = curator.layout.article_of(path)
            curated = edit.file(curator.layout.claims(article_id), create=True)
            if claim_id in _curated_ids(edit):
                entry["id"] = next_claim_id(article_id, _ids_near(edit, article_id))
                edit.renamed[claim_id] = str(entry["id"])
            entries.remove(block)
            curated.append(entry)
            accepted.append(str(entry["id"]))
            events += accept_referenced_events(edit, event_list(entry.get("events")))
        return accepted, {"events_accepted": events}

    return curator.run("claims accept", step, expected)


def reject_claims(curator: Curator, claim_ids: Iterable[str],
                  expected: Expected | None = None) -> Result:
    """Mark suggested claims ``status: rejected``: kept in the suggestions file so that
    `briefing suggest` does not propose them again, and hidden from review."""
    claim_ids = id_list(claim_ids, "claim")

    def step(edit: Edit) -> tuple[list[str], dict[str, Any]]:
        for claim_id in claim_ids:
            _, entries, block = find_claim(edit, claim_id, suggested=True)
            entry = entries.entry(block)
            if edit_entry(entry, {"status": REJECTED}):
                entries.replace(block, entry)
        return claim_ids, {}

    return curator.run("claims reject", step, expected)


def move_claims(curator: Curator, claim_ids: Iterable[str], to_event: str,
                from_event: str | None = None, expected: Expected | None = None) -> Result:
    """Make claims be about ``to_event`` instead of ``from_event`` (None: in addition to
    their events)."""
    claim_ids = id_list(claim_ids, "claim")

    def step(edit: Edit) -> tuple[list[str], dict[str, Any]]:
        for claim_id in claim_ids:
            _, entries, block = find_claim(edit, claim_id)
            entry = entries.entry(block)
            events = event_list(entry.get("events"))
            if from_event is not None and from_event not in events:
                raise CurationError(f"claim {claim_id} is not about event {from_event!r} "
                                    f"(its events: {', '.join(events) or 'none'})")
            events = replace_event(events, from_event, to_event)
            if edit_entry(entry, {"events": events}):
                entries.replace(block, entry)
        return claim_ids, {"event": to_event}

    return curator.run("claims move", step, expected)


# ---------------------------------------------------------------------------- helpers
def find_claim(edit: Edit, claim_id: str, *, suggested: bool | None = None
               ) -> tuple[Path, EntryFile, Any]:
    """(file, its entries, the claim's block): curated files first, then suggestions.
    ``suggested``: True only suggestions, None both."""
    layout = edit.layout
    files: list[Path] = []
    if not suggested:
        files += layout.claims_files()
    files += layout.suggested_claims_files()
    # The id usually starts with its article's id: look there first.
    files.sort(key=lambda p: not claim_id.startswith(layout.article_of(p) + "-"))
    for path in files:
        if claim_id not in _peek(path):
            continue
        entries = edit.file(path)
        block = entries.find(claim_id)
        if block is not None:
            return path, entries, block
    what = "suggested claim" if suggested else "claim"
    raise NotFoundError(f"no {what} {claim_id!r} in {layout.claims_dir}"
                        + did_you_mean(claim_id, _all_ids(files)))


def _peek(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""


def _all_ids(files: list[Path]) -> list[str]:
    return [i for p in files for i in entry_ids(_peek(p))]


def _curated_ids(edit: Edit) -> set[str]:
    return {i for p in edit.layout.claims_files() for i in entry_ids(_peek(p))}


def _ids_near(edit: Edit, article_id: str) -> set[str]:
    """Ids of the article's curated and suggested claims (a new id must differ from both)."""
    ids = set(edit.file(edit.layout.claims(article_id), create=True).ids())
    suggested = edit.layout.suggested_claims(article_id)
    if suggested.exists():
        ids |= set(edit.file(suggested).ids())
    return ids


def next_claim_id(article_id: str, taken: set[str]) -> str:
    pattern = re.compile(re.escape(article_id) + r"-(\d+)$")
    numbers = [int(m.group(1)) for i in taken if (m := pattern.match(i))]
    n = max(numbers, default=0) + 1
    while f"{article_id}-{n:02d}" in taken:
        n += 1
    return f"{article_id}-{n:02d}"


@dataclass(frozen=True, slots=True)
class Passage:
    """Where a quote stands in its article: the text as written there, and its place."""

    text: str
    paragraph_id: str
    start: int
    end: int


def find_passage(root: Path, article_id: str, quote: str,
                 occurrence: int | None = None) -> Passage:
    """Find ``quote`` in ``articles/<article_id>.md`` the way the loader anchors claims;
    CurationError unless found exactly once (or at ``occurrence``)."""
    article_path = Layout(Path(root)).article(article_id)
    if not IDENT.match(article_id or "") or not article_path.is_file():
        known = sorted(p.stem for p in article_path.parent.glob("*.md"))
        raise NotFoundError(f"{article_path}: no such article" + did_you_mean(article_id, known))
    quote = " ".join(clean_line(quote).split())
    if not quote:
        raise CurationError("the quote is empty")
    article, problems = article_and_problems(article_path)
    index = index_of(article_path)
    if article is None or index is None:
        raise CurationError("\n".join(str(p) for p in problems) or f"{article_path}: unreadable")
    matches = index.find(quote)
    if not matches:
        raise CurationError(f"{article_path}: quote not found in {article_id}: "
                            f"{index.explain_missing(quote)}")
    if occurrence is not None:
        if not 1 <= occurrence <= len(matches):
            raise CurationError(f"{article_path}: occurrence {occurrence} asked for, but the "
                                f"quote is found {len(matches)} time(s)")
        para, start, end = matches[occurrence - 1]
    elif len(matches) > 1:
        where = ", ".join(p.id for p, _, _ in matches[:5])
        raise CurationError(f"{article_path}: the quote is found {len(matches)} times ({where});"
                            " lengthen it or give --occurrence N")
    else:
        para, start, end = matches[0]
    return Passage(" ".join(para.text[start:end].split()), para.id, start, end)


def _check_choice(name: str, value: str | None, choices: tuple[str, ...]) -> None:
    if value is not None and value not in choices:
        raise CurationError(f"{name} {value!r} is not one of: {', '.join(choices)}")
