"""What the claim and event steps share: ids, suggestion markers, event lists, messages."""

from __future__ import annotations

import difflib
import re
from typing import Any, Iterable

from briefing.curation.errors import CurationError
from briefing.text import clean_line

IDENT = re.compile(r"^[a-z0-9][a-z0-9-]*$")
# What `briefing suggest` adds to a proposal; accepting one drops them.
SUGGESTION_KEYS = ("status", "by", "confidence")
REJECTED = "rejected"


def replace_event(events: list[str], old: str | None, new: str) -> list[str]:
    out: list[str] = []
    for event in events:
        value = new if event == old else event
        if value not in out:
            out.append(value)
    if new not in out:
        out.append(new)
    return out


def event_list(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [str(value)]
    return [str(v) for v in value]


def id_list(values: Iterable[str], kind: str) -> list[str]:
    out = [clean_line(v) for v in values if clean_line(v)]
    if not out:
        raise CurationError(f"give at least one {kind} id")
    return out


def did_you_mean(value: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(value or "", list(known), n=3, cutoff=0.5)
    return f"; did you mean {', '.join(close)}?" if close else ""
