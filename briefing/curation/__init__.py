"""Curating the claim index: edit claims and events in the content files, safely.

The API the CLI and the reader call (no Textual here)::

    cur = Curator(content_dir, store=annotation_store)      # store: annotations follow renames
    snap = cur.snapshot()                                     # signatures of what you read
    res = add_claim(cur, "paylan-2023", "some quote", events=["x"], expected=snap)
    res.ids, res.files, res.to_json()
    cur.undo(res.undo)                                        # exact previous bytes, or refuse

Every step takes the briefing's lock, re-reads what it changes, refuses a stale edit
(StaleEditError) or one that `briefing check` would fault (ValidationError, path:line:
message), writes atomically, and changes only the entries it edits.  See curator.py.
"""

from briefing.curation.claims import (
    Passage, accept_claims, add_claim, edit_claim, find_passage, move_claims, reject_claims,
)
from briefing.curation.curator import Curator, Result, UndoRecord, signature
from briefing.curation.errors import (
    BusyError, CurationError, NotFoundError, StaleEditError, UndoConflictError, ValidationError,
)
from briefing.curation.events import (
    accept_events, add_event, edit_event, merge_events, reject_events, rename_event,
)

__all__ = [
    "Curator", "Result", "UndoRecord", "signature",
    "Passage", "find_passage", "add_claim", "edit_claim", "accept_claims", "reject_claims", "move_claims",
    "add_event", "edit_event", "rename_event", "accept_events", "reject_events", "merge_events",
    "CurationError", "NotFoundError", "StaleEditError", "UndoConflictError", "ValidationError",
    "BusyError",
]
