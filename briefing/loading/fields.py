"""Typed reads of one YAML mapping, each failure a Problem at the offending key's line.

A ``Fields`` wraps a :class:`YDict` (front matter, an event, a claim) and a label for messages
("claim paylan-2023-07: ...").  Getters return a usable value or None and never raise.
"""

from __future__ import annotations

import math
import re
from pathlib import Path
from typing import Any, Iterable

from briefing.loading.dates import check_iso
from briefing.loading.yamlsrc import YDict, YList
from briefing.problems import Problem
from briefing.text import clean_line

ID_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
ID_HINT = "lower-case letters, digits and '-', starting with a letter or digit"


def describe(value: Any) -> str:
    """A short, user-facing name for a YAML value's type."""
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


class Fields:
    def __init__(self, data: YDict, path: Path, problems: list[Problem], label: str = "") -> None:
        self.data = data
        self.path = path
        self.problems = problems
        self.label = f"{label}: " if label else ""

    def line(self, key: str | None = None) -> int:
        return self.data.line_of(key) if key else self.data.line

    def problem(self, key: str | None, message: str, line: int | None = None) -> None:
        self.problems.append(Problem(self.path, line or self.line(key), self.label + message))

    def unknown(self, allowed: Iterable[str]) -> None:
        """Report keys the format does not have: a typo would otherwise be lost silently."""
        allowed = tuple(allowed)
        for key in self.data:
            if key not in allowed:
                self.problem(key, f"unknown field {key!r} (expected one of: {', '.join(allowed)})")

    def _text(self, key: str, value: Any, raw: str | None) -> str | None:
        """Text from a scalar; numbers and YAML 1.1 booleans (``no``) keep their written form."""
        if isinstance(value, str):
            return value
        if isinstance(value, (bool, int, float)) and raw is not None:
            return raw
        return None

    def text(self, key: str, required: bool = False, multiline: bool = False,
             empty_ok: bool = False) -> str | None:
        if key not in self.data or self.data[key] is None:
            if required:
                self.problem(None, f"missing required field {key!r}")
            return None
        value = self.data[key]
        text = self._text(key, value, self.data.raw.get(key))
        if text is None:
            self.problem(key, f"{key!r} must be text, not {describe(value)}")
            return None
        text = text.strip() if multiline else clean_line(text)
        if not text and not empty_ok:
            self.problem(key, f"{key!r} is empty")
            return None
        return text

    def ident(self, key: str = "id") -> str | None:
        ident = self.text(key, required=True)
        if ident is not None and not ID_RE.match(ident):
            self.problem(key, f"{key} {ident!r} is not a valid id ({ID_HINT})")
            return None
        return ident

    def text_list(self, key: str, required: bool = False, allow_single: bool = False) -> list[str] | None:
        """A list of text items; with ``allow_single`` a lone string counts as a list of one."""
        if key not in self.data or self.data[key] is None:
            if required:
                self.problem(None, f"missing required field {key!r}")
            return None
        value = self.data[key]
        if allow_single and isinstance(value, str):
            value = [value]
            value_lines, raws = [self.line(key)], [self.data.raw.get(key)]
        elif isinstance(value, YList):
            value_lines, raws = value.lines, value.raw
        else:
            self.problem(key, f"{key!r} must be a list, not {describe(value)}")
            return None
        out: list[str] = []
        for item, line, raw in zip(value, value_lines, raws):
            text = self._text(key, item, raw)
            text = clean_line(text) if text is not None else None
            if not text:
                self.problem(key, f"{key!r}: each item must be non-empty text, not {describe(item)}",
                             line=line)
                continue
            out.append(text)
        return out

    def choice(self, key: str, choices: Iterable[str], required: bool = False) -> str | None:
        value = self.text(key, required=required)
        choices = tuple(choices)
        if value is not None and value not in choices:
            self.problem(key, f"{key} {value!r} is not one of: {', '.join(choices)}")
            return None
        return value

    def date(self, key: str, required: bool = False) -> str | None:
        if key not in self.data or self.data[key] is None:
            if required:
                self.problem(None, f"missing required field {key!r}")
            return None
        return check_date(self, key, self.data[key], self.data.raw.get(key), self.line(key))

    def number(self, key: str, required: bool = False) -> float | int | None:
        if key not in self.data or self.data[key] is None:
            if required:
                self.problem(None, f"missing required field {key!r}")
            return None
        value = self.data[key]
        if isinstance(value, bool) or not isinstance(value, (int, float)) or (
                isinstance(value, float) and not math.isfinite(value)):
            self.problem(key, f"{key!r} must be a number (like 1960 or 2.5), "
                              f"not {self.data.raw.get(key, describe(value))!r}")
            return None
        return value

    def flag(self, key: str) -> bool:
        value = self.data.get(key)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.problem(key, f"{key!r} must be true or false")
            return False
        return value

    def positive_int(self, key: str) -> int | None:
        if key not in self.data or self.data[key] is None:
            return None
        value = self.data[key]
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            self.problem(key, f"{key!r} must be a whole number from 1, not {self.data.raw.get(key, describe(value))!r}")
            return None
        return value


def check_date(fields: Fields, key: str, value: Any, raw: str | None, line: int) -> str | None:
    """A (partial) ISO date from a YAML scalar, or None with a problem reported."""
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        fields.problem(key, f"{key!r} must be a date like 2023-07-03, not {describe(value)}", line=line)
        return None
    text = raw if raw is not None and not isinstance(value, str) else str(value)
    text = text.strip()
    why = check_iso(text)
    if why:
        fields.problem(key, f"{key}: {why}", line=line)
        return None
    return text
