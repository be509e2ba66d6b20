"""Suggestions (``claims/<article>.suggested.yaml``, ``events.suggested.yaml``).

They are in the content format with three more fields: ``status`` (``suggested``, or
``rejected`` for one the reviewer turned down: kept in the file so it is not proposed again,
never loaded), ``by`` (what produced it) and ``confidence`` (0..1).  ``hide_suggested`` gives
a corpus without them, for the reader's toggle and ``briefing --no-suggested``.
"""

from __future__ import annotations

import copy

from briefing.loading.fields import Fields
from briefing.model import Corpus

SUFFIX = ".suggested.yaml"
EVENTS_FILE = "events" + SUFFIX
MARK_FIELDS = ("status", "by", "confidence")
STATUSES = ("suggested", "rejected")


def read_marks(f: Fields, suggested: bool) -> tuple[str | None, str | None, float | None]:
    """(status, by, confidence); in a suggested file ``status`` defaults to "suggested"."""
    status = f.choice("status", STATUSES)
    by = f.text("by")
    confidence = f.number("confidence")
    if confidence is not None and not 0 <= confidence <= 1:
        f.problem("confidence", f"confidence {confidence} must be between 0 and 1")
        confidence = None
    if status is None and suggested:
        status = "suggested"
    return status, by, None if confidence is None else float(confidence)


def hide_suggested(corpus: Corpus) -> Corpus:
    """A copy of ``corpus`` with the curated claims and events only."""
    out = copy.copy(corpus)
    out.claims = {cid: c for cid, c in corpus.claims.items() if c.status is None}
    out.events = {eid: e for eid, e in corpus.events.items() if e.status is None}
    out.reindex()
    return out
