"""The suggested files, in the content format: one claim or event per block, easy to diff.

Strings are written as JSON strings, which YAML reads as double-quoted scalars: any quote,
colon or hash inside an article's text stays text.  Rejected entries are written back as the
reviewer left them, so they are kept and never proposed again.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from briefing.fsio import write_atomic


def _s(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _list(values: list[str]) -> str:
    return "[" + ", ".join(_s(v) for v in values) + "]"


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else repr(v)


def claim_block(c: dict[str, Any]) -> str:
    lines = [f"- id: {c['id']}", f"  status: {c['status']}", f"  by: {c['by']}",
             f"  confidence: {c['confidence']}", f"  quote: {_s(c['quote'])}",
             f"  events: {_list(c['events'])}", f"  kind: {c['kind']}",
             f"  speaker: {_s(c['speaker'])}"]
    if c.get("actors"):
        lines.append(f"  actors: {_list(c['actors'])}")
    if c.get("figures"):
        lines.append("  figures:")
        for f in c["figures"]:
            parts = [f"quantity: {f['quantity']}", f"value: {_num(f['value'])}"]
            if f.get("unit"):
                parts.append(f"unit: {_s(f['unit'])}")
            parts.append(f"text: {_s(f['text'])}")
            if f.get("approx"):
                parts.append("approx: true")
            lines.append("    - {" + ", ".join(parts) + "}")
    if c.get("dates"):
        lines.append("  dates:")
        for d in c["dates"]:
            parts = [f"value: {_s(d['value'])}"]
            if d.get("what"):
                parts.append(f"what: {d['what']}")
            parts.append(f"text: {_s(d['text'])}")
            lines.append("    - {" + ", ".join(parts) + "}")
    if c.get("occurrence"):
        lines.append(f"  occurrence: {c['occurrence']}")
    return "\n".join(lines) + "\n"


def event_block(e: dict[str, Any]) -> str:
    lines = [f"- id: {e['id']}", f"  status: {e['status']}", f"  by: {e['by']}",
             f"  confidence: {e['confidence']}", f"  title: {_s(e['title'])}"]
    if e.get("summary"):
        lines.append(f"  summary: {_s(e['summary'])}")
    if e.get("date"):
        lines.append(f"  date: {_s(e['date'])}")
    if e.get("end"):
        lines.append(f"  end: {_s(e['end'])}")
    if e.get("actors"):
        lines.append(f"  actors: {_list(e['actors'])}")
    return "\n".join(lines) + "\n"


def kept_block(entry: dict[str, Any]) -> str:
    """A reviewer's entry (a rejection), written back unchanged in meaning."""
    return yaml.safe_dump([entry], allow_unicode=True, sort_keys=False, width=100)


HEADER = ("# Suggested by `briefing suggest`: review, then move what you keep to the curated file.\n"
          "# Mark an entry `status: rejected` to keep it from being proposed again.\n\n")


def render(blocks: list[str]) -> str:
    return HEADER + ("\n".join(blocks) if blocks else "[]\n")


def write_file(path: Path, text: str) -> None:
    """Atomically, keeping the mode of the file replaced (briefing.fsio)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        like = path.stat()
    except FileNotFoundError:
        like = None
    write_atomic(path, text.encode("utf-8"), overwrite=True, like=like)
