"""``events.yaml`` (a list of events) and ``briefing.yaml`` (title, description, questions)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from briefing.loading.dates import first_day, last_day
from briefing.loading.fields import Fields, describe
from briefing.loading.suggested import MARK_FIELDS, read_marks
from briefing.loading.files import read_text
from briefing.loading.yamlsrc import YDict, YList, parse_yaml
from briefing.model import Event
from briefing.problems import Problem

EVENT_FIELDS = ("id", "title", "date", "end", "summary", "actors", *MARK_FIELDS)
BRIEFING_FIELDS = ("title", "description", "questions")


def read_yaml_file(path: Path, expected: str) -> tuple[Any, list[Problem]]:
    """Read and parse a YAML file; an empty document is a problem (``expected`` says what)."""
    text, problems = read_text(path)
    if text is None:
        # Say what belongs in the file, so a hand-made briefing folder can be mended at once.
        if problems and problems[0].message in ("file is empty", "file not found"):
            first = problems[0]
            return None, [Problem(path, first.line, f"{first.message}: expected {expected}")]
        return None, problems
    value, problems = parse_yaml(text, path)
    if value is None and not problems:
        problems = [Problem(path, 1, f"file is empty: expected {expected}")]
    return value, problems


def load_briefing_meta(path: Path) -> tuple[dict[str, Any], list[Problem]]:
    """title, description and questions, as a plain dict for Corpus's fields."""
    data, problems = read_yaml_file(path, "title, description and questions")
    if data is None:
        return {}, problems
    if not isinstance(data, YDict):
        return {}, problems + [Problem(path, getattr(data, "line", 1),
                                       f"expected fields (title: ..., description: ...), not {describe(data)}")]
    f = Fields(data, path, problems)
    f.unknown(BRIEFING_FIELDS)
    meta: dict[str, Any] = {}
    title = f.text("title", required=True)
    if title:
        meta["title"] = title
    meta["description"] = f.text("description", multiline=True, empty_ok=True) or ""
    meta["questions"] = f.text_list("questions") or []
    return meta, problems


def load_events(path: Path, suggested: bool = False) -> tuple[list[Event] | None, list[Problem]]:
    """The events, or None when the file could not be read at all (then claims' event ids
    cannot be checked, and reporting each of them as unknown would only bury the real error)."""
    data, problems = read_yaml_file(path, "a list of events (write [] for none)")
    if data is None:
        return None, problems
    if not isinstance(data, YList):
        return None, problems + [Problem(path, getattr(data, "line", 1),
                                       f"expected a list of events ('- id: ...'), not {describe(data)}")]
    events: list[Event] = []
    for index, entry in enumerate(data):
        if not isinstance(entry, YDict):
            problems.append(Problem(path, data.line_of(index),
                                    f"event #{index + 1} must be fields (id: ..., title: ...), not {describe(entry)}"))
            continue
        event = _event(entry, path, problems, suggested)
        if event is not None:
            events.append(event)
    return events, problems


def _event(entry: YDict, path: Path, problems: list[Problem], suggested: bool = False) -> Event | None:
    ident = Fields(entry, path, problems).ident("id")
    f = Fields(entry, path, problems, f"event {ident}" if ident else "event")
    f.unknown(EVENT_FIELDS)
    title = f.text("title", required=True)
    date = f.date("date")
    end = f.date("end")
    if end is not None and date is None and "date" not in entry:
        f.problem("end", "'end' needs a 'date' to start from")
    if date and end and last_day(end) < first_day(date):
        f.problem("end", f"end {end} is before the date {date}")
    summary = f.text("summary", multiline=True, empty_ok=True) or ""
    actors = f.text_list("actors") or []
    status, by, confidence = read_marks(f, suggested)
    if ident is None:
        return None  # kept despite other problems, so claims on it do not cascade into more
    return Event(id=ident, title=title or ident, date=date, end=end, summary=summary,
                 actors=actors, line=entry.line, status=status, by=by, confidence=confidence)
