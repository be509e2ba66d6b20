"""What an earlier run and the reviewer left in the suggested files: ids and rejections.

Read leniently with PyYAML (``briefing check`` is where their problems are reported): a
suggested file that cannot be read keeps nothing, and the run says so rather than failing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from briefing.text import fold

SUGGESTED_SUFFIX = ".suggested.yaml"
EVENTS_SUGGESTED = "events" + SUGGESTED_SUFFIX


def quote_key(quote: str) -> str:
    return " ".join(fold(quote).split())


@dataclass(slots=True)
class Previous:
    rejected_claims: dict[str, list[dict[str, Any]]] = field(default_factory=dict)  # article -> entries
    rejected_quotes: set[tuple[str, str]] = field(default_factory=set)  # (article, folded quote)
    rejected_ids: set[str] = field(default_factory=set)
    rejected_events: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _entries(path: Path, previous: Previous) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        previous.warnings.append(f"{path}: not read ({exc.__class__.__name__}); its rejections "
                                 "are not known, fix it with `briefing check`")
        return []
    return [e for e in data if isinstance(e, dict)] if isinstance(data, list) else []


def read_previous(root: Path, article_ids: list[str]) -> Previous:
    previous = Previous()
    for aid in article_ids:
        for entry in _entries(root / "claims" / f"{aid}{SUGGESTED_SUFFIX}", previous):
            if entry.get("status") == "rejected":
                previous.rejected_claims.setdefault(aid, []).append(entry)
                previous.rejected_ids.add(str(entry.get("id")))
                if isinstance(entry.get("quote"), str):
                    previous.rejected_quotes.add((aid, quote_key(entry["quote"])))
    for entry in _entries(root / EVENTS_SUGGESTED, previous):
        if entry.get("status") == "rejected":
            previous.rejected_events.append(entry)
            previous.rejected_ids.add(str(entry.get("id")))
    return previous
