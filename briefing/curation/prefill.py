"""Figures and dates a new claim's quote gives, read by the parsers the analysis uses.

The pre-filled figures get a quantity key of their own (``<claim-id>-1``...): a shared key is
what makes two sources comparable, and guessing one would invent disagreements; the person
curating renames it to the key other sources use.  A bare year (1992) is a date, not a figure.
"""

from __future__ import annotations

import re
from typing import Any

from briefing.analysis.numbers import find_numbers
from briefing.importer.dates import parse_date

_YEAR = re.compile(r"(?<![\d,.])(1[5-9]\d\d|20\d\d)(?![\d,])")


def _is_year(number) -> bool:  # noqa: ANN001 - briefing.analysis.numbers.Number
    return (number.unit is None and not number.approx and number.value == int(number.value)
            and 1500 <= number.value <= 2099 and number.text.strip().isdigit())


def figures_in(quote: str, claim_id: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for number in find_numbers(quote):
        if _is_year(number):
            continue
        value: float | int = int(number.value) if number.value == int(number.value) else number.value
        figure: dict[str, Any] = {"quantity": f"{claim_id}-{len(out) + 1}", "value": value}
        if number.unit:
            figure["unit"] = number.unit
        figure["text"] = number.text
        if number.approx:
            figure["approx"] = True
        out.append(figure)
    return out


def dates_in(quote: str) -> list[str]:
    """ISO dates (possibly partial) the quote names: a full date if one is written, then years."""
    found: list[str] = []
    value, _ = parse_date(quote)
    if value:
        found.append(value)
    for m in _YEAR.finditer(quote):
        year = m.group(1)
        if not any(d.startswith(year) for d in found):
            found.append(year)
    return found
