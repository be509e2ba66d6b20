"""Values with their precision: what a figure or a date, as written, allows the truth to be.

A source rarely gives a point.  "2022-09" covers the whole month; "the night of 12-13
September" covers two days; "late 2022" the second half of the year; "some 7,000" anything
near 7,000; "1 900 men" a figure rounded to the hundred; "more than 100" anything above.
Each value becomes a :class:`Span` (low, high, and the nominal value written), and two values
are weighed by :func:`relation`:

- ``"conflict"``: the spans do not overlap, so both cannot be true (1992 vs 2002; 1,960 vs a
  figure rounded to 1 900, i.e. 1,850-1,950);
- ``"agree"``: the values confirm each other: the same span at the same precision (two
  "2022-09", two "2022-09-12"; 100 and "approximately 100" - the same figure given);
- ``"compatible"``: both can be true but neither confirms the other (a month and a day in it,
  "the night of 12-13 September" and "13 September", "about 7,000" and 7,150).

Tolerances, stated once here (they are how these words are read, not tuned values):
- an unhedged round figure is read as rounded at its last non-zero digit (1 900 -> +-50),
  at most 5 % of it (so "100" is not 50-150);
- "about", "around", "some", "approximately", "roughly", "circa", "~", "estimated": +-10 %,
  or the rounding, whichever is wider;
- "nearly", "almost", "just under": up to 10 % below; "just over": up to 10 % above;
- "more than", "over", "at least", "well over": the figure and anything above;
  "less than", "fewer than", "up to", "at most", "under": anything up to the figure;
- "thousands of", "hundreds": from one to a thousand of that scale (a vague lower bound);
- ranges ("between 170,000 and 200,000", "1992-1994") cover their ends.
"""

from __future__ import annotations

import calendar
import math
import re
from dataclasses import dataclass
from datetime import date

from briefing.analysis.numbers import Number, parse_number

HEDGE_TOLERANCE = 0.10  # "about X": +-10 %
ROUNDING_CAP = 0.05  # an unhedged round figure: at most +-5 %

_AROUND = {"about", "around", "some", "approximately", "approx.", "roughly", "circa", "c.",
           "~", "estimated", "an estimated"}
_BELOW = {"nearly", "almost", "just under"}
_ABOVE_NEAR = {"just over"}
_AT_LEAST = {"more than", "over", "at least", "well over", "more"}
_AT_MOST = {"less than", "fewer than", "up to", "at most", "under"}


@dataclass(frozen=True, slots=True)
class Span:
    """What a value allows: [low, high], with the value as given (``nominal``) and its grain.

    For dates the numbers are proleptic ordinals (``date.toordinal``) and ``grain`` is "year",
    "month", "day" or "range"; for figures ``grain`` is "exact", "rounded", "hedged", "bound"
    or "range".
    """

    low: float
    high: float
    nominal: float | str
    grain: str

    def overlaps(self, other: "Span") -> bool:
        return self.low <= other.high and other.low <= self.high


# --------------------------------------------------------------------------- figures


def _rounding(value: float) -> float:
    """Half a unit of the last non-zero digit of an integral figure: 1900 -> 50, 1960 -> 5."""
    if value <= 0 or not float(value).is_integer():
        return 0.0
    n = int(value)
    step = 1
    while n % 10 == 0:
        n //= 10
        step *= 10
    return step / 2 if step > 1 else 0.0


def figure_span(value: float, text: str | None = None, approx: bool = False) -> Span:
    """The span a figure allows, read from how it was written (``text``) when given."""
    number: Number | None = parse_number(text) if text else None
    if number is not None and abs(number.value - value) > 1e-9 * max(1.0, abs(value)):
        number = None  # the text does not give this value (a second figure in it): trust value
    qualifier = number.qualifier if number is not None else None
    if number is not None and number.is_range:
        return Span(number.low, number.high, value, "range")
    rounding = min(_rounding(value), ROUNDING_CAP * abs(value))
    if qualifier in _AT_LEAST:
        return Span(value, math.inf, value, "bound")
    if qualifier in _AT_MOST:
        return Span(-math.inf if value < 0 else 0.0, value, value, "bound")
    if qualifier in ("dozens", "hundreds", "thousands", "millions", "billions"):
        return Span(value, value * 1000, value, "bound")
    hedge = max(HEDGE_TOLERANCE * abs(value), rounding)
    if qualifier in _BELOW:
        return Span(value - hedge, value, value, "hedged")
    if qualifier in _ABOVE_NEAR:
        return Span(value, value + hedge, value, "hedged")
    if qualifier in _AROUND or (approx and qualifier is None and not rounding):
        # a figure flagged approximate without a word saying how: read as "about"
        return Span(value - hedge, value + hedge, value, "hedged")
    if rounding:
        return Span(value - rounding, value + rounding, value, "rounded")
    return Span(value, value, value, "exact")


# --------------------------------------------------------------------------- dates

_MONTHS = {m.lower(): n for n, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): n for n, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_MONTH_RE = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DAY_RANGE = re.compile(
    rf"\b(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s*(?:-|–|—|/|to|and)\s*(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?"
    rf"\s+(?:of\s+)?(?P<m>{_MONTH_RE})\b"
    rf"|\b(?P<m2>{_MONTH_RE})\s+(?P<d3>[0-3]?\d)\s*(?:-|–|—|to)\s*(?P<d4>[0-3]?\d)\b",
    re.IGNORECASE,
)
_PART = re.compile(r"\b(?P<part>early|earlier|beginning of|start of|mid|middle of|late|end of"
                   r"|the end of|the beginning of|the first half of|the second half of"
                   r"|first half of|second half of)[\s-]+(?:the\s+)?(?P<what>"
                   + _MONTH_RE + r"|(?:19|20)\d\d)\b", re.IGNORECASE)
_YEAR_RANGE = re.compile(r"\b(?:between\s+)?((?:19|20)\d\d)\s*(?:-|–|—|and|to)\s*"
                         r"((?:19|20)\d\d)\b", re.IGNORECASE)
_DECADE = re.compile(r"\b(?:the\s+)?((?:19|20)\d)0s\b", re.IGNORECASE)
_CIRCA_YEAR = re.compile(r"\b(?:around|about|circa|c\.|approximately)\s+((?:19|20)\d\d)\b",
                         re.IGNORECASE)
# "early", "mid" and "late" are vague: read generously (a half of the period, the middle half),
# so that a conflict is only claimed when the words cannot stretch that far ("late May" admits
# 20 May; "late 2022" does not admit March).  "The end of", "the beginning of": a third.
_PARTS = {"early": (0, 1 / 2), "earlier": (0, 1 / 2), "beginning of": (0, 1 / 3),
          "start of": (0, 1 / 3), "the beginning of": (0, 1 / 3), "mid": (1 / 4, 3 / 4),
          "middle of": (1 / 4, 3 / 4), "late": (1 / 2, 1), "end of": (2 / 3, 1),
          "the end of": (2 / 3, 1), "first half of": (0, 1 / 2),
          "the first half of": (0, 1 / 2), "second half of": (1 / 2, 1),
          "the second half of": (1 / 2, 1)}


def _iso_parts(value: str) -> tuple[int, int | None, int | None] | None:
    m = re.fullmatch(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?", value.strip())
    if not m:
        return None
    return int(m[1]), int(m[2]) if m[2] else None, int(m[3]) if m[3] else None


def _period(year: int, month: int | None = None) -> tuple[int, int]:
    if month is None:
        return date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
    last = calendar.monthrange(year, month)[1]
    return date(year, month, 1).toordinal(), date(year, month, last).toordinal()


def _part_of(lo: int, hi: int, part: str) -> tuple[int, int]:
    a, b = _PARTS[part.lower()]
    length = hi - lo + 1
    return lo + int(round(a * length)), lo + int(round(b * length)) - 1


def date_span(value: str, text: str | None = None) -> Span | None:
    """The days an ISO (partial) date allows, narrowed or widened by how it was written.

    ``value`` fixes the year (and month, day); ``text`` may say more: "the night of 12-13
    September" (two days), "late 2022" (September-December), "between 1992 and 1994", "around
    2002" (a year either side), "the 1990s".  A reading of the text that does not meet the
    value is ignored (the text may be about something else).  None for an unreadable value.
    """
    parts = _iso_parts(value)
    if parts is None:
        return None
    year, month, day = parts
    try:
        if day is not None:
            lo = hi = date(year, month or 1, day).toordinal()
            grain = "day"
        else:
            lo, hi = _period(year, month)
            grain = "month" if month else "year"
    except ValueError:
        return None
    if text:
        spanned = _text_span(text, year, month)
        if spanned is not None and spanned[0] <= hi and lo <= spanned[1] and spanned != (lo, hi):
            return Span(spanned[0], spanned[1], value, "range")
    return Span(lo, hi, value, grain)


def _text_span(text: str, year: int, month: int | None) -> tuple[int, int] | None:
    try:
        m = _DAY_RANGE.search(text)
        if m:
            name = (m["m"] or m["m2"]).lower()
            d1, d2 = (int(m["d1"]), int(m["d2"])) if m["m"] else (int(m["d3"]), int(m["d4"]))
            mon = _MONTHS[name]
            if d1 > d2:
                d1, d2 = d2, d1
            return date(year, mon, d1).toordinal(), date(year, mon, d2).toordinal()
        m = _YEAR_RANGE.search(text)
        if m and int(m[1]) < int(m[2]):
            return _period(int(m[1]))[0], _period(int(m[2]))[1]
        m = _PART.search(text)
        if m:
            what = m["what"].lower()
            if what.isdigit():
                lo, hi = _period(int(what))
            else:
                lo, hi = _period(year, _MONTHS[what])
            return _part_of(lo, hi, m["part"])
        m = _CIRCA_YEAR.search(text)
        if m:
            y = int(m[1])
            return _period(y - 1)[0], _period(y + 1)[1]
        m = _DECADE.search(text)
        if m:
            start = int(m[1]) * 10
            return _period(start)[0], _period(start + 9)[1]
    except ValueError:
        return None
    return None


# --------------------------------------------------------------------------- relation

AGREE, COMPATIBLE, CONFLICT = "agree", "compatible", "conflict"
RANK = {CONFLICT: 0, COMPATIBLE: 1, AGREE: 2}


def relation(a: Span, b: Span) -> str:
    """"agree", "compatible" or "conflict" for two values of the same thing (see module doc)."""
    if not a.overlaps(b):
        return CONFLICT
    if a.grain == b.grain == "range" or a.grain in ("day", "month", "year", "range"):
        # dates (and ranges): confirmed only by the same span at the same precision
        return AGREE if (a.low, a.high) == (b.low, b.high) else COMPATIBLE
    if a.grain == "bound" or b.grain == "bound" or "range" in (a.grain, b.grain):
        return AGREE if (a.low, a.high, a.nominal) == (b.low, b.high, b.nominal) else COMPATIBLE
    # point-like figures (exact, rounded, hedged): the same figure given confirms
    return AGREE if float(a.nominal) == float(b.nominal) else COMPATIBLE
