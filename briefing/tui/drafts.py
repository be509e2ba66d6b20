"""Drafts of notes not saved yet, so that nothing typed is lost: written while the user
types (debounced by the note editor), on quit, suspend and a dropped connection (SIGHUP),
and offered back the next time the note editor opens on that claim.

One file in the user's state directory (briefing.paths.state_dir), ``drafts.json``:
{claim id: {"text": ..., "base": the saved note it started from, "at": ISO time}}."""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from briefing.tui.userstate import StateFile


@dataclass(frozen=True, slots=True)
class Draft:
    claim_id: str
    text: str
    base: str  # the saved note the draft was written over
    at: str  # when, ISO 8601 UTC


class Drafts:
    """The drafts file; every change is written at once (atomically)."""

    def __init__(self, path: Path | None = None) -> None:
        if path is None:
            from briefing.paths import state_dir

            path = state_dir() / "drafts.json"
        self.file = StateFile(path)

    def get(self, claim_id: str) -> Draft | None:
        entry = self.file.data.get(claim_id)
        if not isinstance(entry, dict) or not isinstance(entry.get("text"), str):
            return None
        return Draft(claim_id, entry["text"], str(entry.get("base") or ""), str(entry.get("at") or ""))

    def keep(self, claim_id: str, text: str, base: str) -> bool:
        """Keep ``text`` as the draft of ``claim_id`` (typed over the saved note ``base``)."""
        entry = {"text": text, "base": base,
                 "at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())}
        current = self.file.data.get(claim_id)
        if isinstance(current, dict) and current.get("text") == text and current.get("base") == base:
            return True
        self.file.data[claim_id] = entry
        return self.file.save()

    def drop(self, claim_id: str) -> None:
        """The note was saved or its changes discarded: no draft to offer any more."""
        if claim_id in self.file.data:
            del self.file.data[claim_id]
            self.file.save()
