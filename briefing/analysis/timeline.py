"""Events in date order, each with the sources that cover it.

Dates are ISO and may be partial ("2023", "2023-07", "2023-07-03").  A partial date sorts at
the start of its period, before the more precise dates inside it ("2022-12" before
"2022-12-12"), which is where a reader scanning in order expects it.  Undated events, and
dates that are not ISO at all, come last, in id order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.model import Corpus, Event

_ISO = re.compile(r"^(-?\d{1,4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def date_key(value: str | None) -> tuple[int, int, int, int]:
    """Sort key for an ISO (partial) date; unknown or malformed dates sort last."""
    m = _ISO.match((value or "").strip())
    if not m:
        return (1, 0, 0, 0)
    year, month, day = int(m.group(1)), int(m.group(2) or 0), int(m.group(3) or 0)
    return (0, year, month, day)


@dataclass(slots=True)
class TimelineEntry:
    event: Event
    sources: list[str]  # covering article ids, corpus order


def ordered_events(corpus: Corpus) -> list[Event]:
    return sorted(corpus.events.values(), key=lambda e: (date_key(e.date), date_key(e.end), e.id))


def timeline(corpus: Corpus) -> list[TimelineEntry]:
    return [TimelineEntry(e, corpus.sources_for_event(e.id)) for e in ordered_events(corpus)]
