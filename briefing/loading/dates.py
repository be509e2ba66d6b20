"""ISO dates, possibly partial (``2023``, ``2023-07``, ``2023-07-03``), checked for real."""

from __future__ import annotations

import calendar
import datetime as dt
import re

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

DATE_HINT = "use YYYY, YYYY-MM or YYYY-MM-DD"


def check_iso(value: str) -> str | None:
    """None if ``value`` is a valid (partial) ISO date, else why not."""
    m = _ISO.match(value)
    if not m:
        return f"{value!r} is not an ISO date ({DATE_HINT})"
    year, month, day = (int(g) if g else None for g in m.groups())
    if year == 0:
        return f"{value!r}: year 0 does not exist"
    if month is not None and not 1 <= month <= 12:
        return f"{value!r}: there is no month {month}"
    if day is not None:
        try:
            dt.date(year, month, day)
        except ValueError:
            return f"{value!r} is not a calendar date"
    return None


def first_day(value: str) -> dt.date:
    """The earliest day a valid partial date can mean."""
    parts = [int(p) for p in value.split("-")]
    return dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def last_day(value: str) -> dt.date:
    """The latest day a valid partial date can mean."""
    parts = [int(p) for p in value.split("-")]
    year = parts[0]
    month = parts[1] if len(parts) > 1 else 12
    day = parts[2] if len(parts) > 2 else calendar.monthrange(year, month)[1]
    return dt.date(year, month, day)
