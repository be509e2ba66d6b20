"""``claims/<article-id>.yaml``: the claims one article makes (anchored later, in ``anchor``)."""

from __future__ import annotations

from pathlib import Path
from sys import intern

from briefing.loading.events import read_yaml_file
from briefing.loading.fields import Fields, check_date, describe
from briefing.loading.suggested import MARK_FIELDS, read_marks
from briefing.loading.yamlsrc import YDict, YList
from briefing.model import CLAIM_KINDS, FRAMES, Claim, DateRef, Figure
from briefing.problems import Problem

CLAIM_FIELDS = ("id", "quote", "events", "kind", "speaker", "actors", "figures", "dates",
                "frame", "occurrence", *MARK_FIELDS)
FIGURE_FIELDS = ("quantity", "value", "unit", "text", "approx")
DATE_FIELDS = ("value", "what", "text")


class ClaimEntry:
    """A claim plus what the loader still needs to anchor it and check its events."""

    __slots__ = ("claim", "path", "occurrence", "quote_line", "events_lines")

    def __init__(self, claim: Claim, path: Path, occurrence: int | None, quote_line: int,
                 events_lines: list[int]) -> None:
        self.claim = claim
        self.path = path
        self.occurrence = occurrence
        self.quote_line = quote_line
        self.events_lines = events_lines


def load_claims(path: Path, article_id: str,
                suggested: bool = False) -> tuple[list[ClaimEntry], list[Problem]]:
    """``suggested``: a *.suggested.yaml file (a claim may have no event yet)."""
    data, problems = read_yaml_file(path, "a list of claims (write [] for none)")
    if data is None:
        return [], problems
    if not isinstance(data, YList):
        return [], problems + [Problem(path, getattr(data, "line", 1),
                                       f"expected a list of claims ('- id: ...'), not {describe(data)}")]
    entries: list[ClaimEntry] = []
    for index, item in enumerate(data):
        if not isinstance(item, YDict):
            problems.append(Problem(path, data.line_of(index),
                                    f"claim #{index + 1} must be fields (id: ..., quote: ...), not {describe(item)}"))
            continue
        entry = _claim(item, path, article_id, problems, suggested)
        if entry is not None:
            entries.append(entry)
    return entries, problems


def _claim(item: YDict, path: Path, article_id: str, problems: list[Problem],
           suggested: bool = False) -> ClaimEntry | None:
    ident = Fields(item, path, problems).ident("id")
    f = Fields(item, path, problems, f"claim {ident}" if ident else "claim")
    f.unknown(CLAIM_FIELDS)
    quote = f.text("quote", required=True, multiline=True)
    events = f.text_list("events", required=not suggested, allow_single=True)
    if events is not None and not events and "events" in item and not suggested:
        f.problem("events", "'events' is empty: a claim is about at least one event")
    kind = f.choice("kind", CLAIM_KINDS, required=True)
    speaker = f.text("speaker")
    actors = f.text_list("actors") or []
    figures = _figures(f)
    dates = _dates(f)
    frame = f.choice("frame", FRAMES)
    occurrence = f.positive_int("occurrence")
    status, by, confidence = read_marks(f, suggested)
    if ident is None or quote is None:
        return None
    events_value = item.get("events")
    if isinstance(events_value, YList):
        events_lines = list(events_value.lines)
    else:
        events_lines = [item.line_of("events")] * len(events or [])
    # The short values repeat across claims ("author", "fact", event ids): one string each
    # instead of one per claim (~20 MB at 5,000 articles, and smaller caches).
    claim = Claim(id=ident, article_id=article_id, quote=quote, events=_shared(events or []),
                  kind=intern(kind or "fact"), speaker=_share(speaker), actors=_shared(actors),
                  figures=figures, dates=dates, frame=_share(frame), line=item.line,
                  status=_share(status), by=_share(by), confidence=confidence)
    return ClaimEntry(claim, path, occurrence, item.line_of("quote"), events_lines)


def _share(value: str | None) -> str | None:
    return None if value is None else intern(value)


def _shared(values: list[str]) -> list[str]:
    return [intern(v) for v in values]


def _items(f: Fields, key: str) -> list[tuple[object, int, str | None]]:
    value = f.data.get(key)
    if value is None:
        return []
    if not isinstance(value, YList):
        f.problem(key, f"{key!r} must be a list, not {describe(value)}")
        return []
    return list(zip(value, value.lines, value.raw))


def _sublabel(f: Fields, part: str) -> str:
    """'claim x, figures #2' for messages about one item of a claim's list."""
    base = f.label.removesuffix(": ")
    return f"{base}, {part}" if base else part


def _figures(f: Fields) -> list[Figure]:
    out: list[Figure] = []
    for n, (item, line, _) in enumerate(_items(f, "figures"), 1):
        if not isinstance(item, YDict):
            f.problem(None, f"figures #{n} must be {{quantity, value, unit}}, not {describe(item)}",
                      line=line)
            continue
        sub = Fields(item, f.path, f.problems, _sublabel(f, f"figures #{n}"))
        sub.unknown(FIGURE_FIELDS)
        quantity = sub.text("quantity", required=True)
        value = sub.number("value", required=True)
        unit = sub.text("unit")
        text = sub.text("text")
        approx = sub.flag("approx")
        if quantity is not None and value is not None:
            out.append(Figure(quantity=intern(quantity), value=value, unit=_share(unit), text=text,
                              approx=approx))
    return out


def _dates(f: Fields) -> list[DateRef]:
    out: list[DateRef] = []
    for n, (item, line, raw) in enumerate(_items(f, "dates"), 1):
        if isinstance(item, YDict):
            sub = Fields(item, f.path, f.problems, _sublabel(f, f"dates #{n}"))
            sub.unknown(DATE_FIELDS)
            value = sub.date("value", required=True)
            what = sub.text("what")
            text = sub.text("text")
            if value is not None:
                out.append(DateRef(value=value, what=what, text=text))
        elif item is not None:
            value = check_date(f, "dates", item, raw, line)
            if value is not None:
                out.append(DateRef(value=value))
        else:
            f.problem(None, f"dates #{n} is empty", line=line)
    return out
