"""Render an imported article in the content format (docs/content-format.md) and write it.

The front matter is written field by field (not yaml.dump of a dict) so its order and layout
match the documented example and diffs stay small when a person corrects it by hand.  Dates are
quoted so YAML keeps them as strings ("2023-07" and "2023-07-03" alike).
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from briefing.fsio import write_atomic
from briefing.importer.blocks import Block


class ExistsError(Exception):
    pass


def _scalar(value) -> str:
    if value is None:
        return "null"
    text = yaml.safe_dump(value, allow_unicode=True, default_flow_style=True, width=10**9)
    return text.removesuffix("\n").removesuffix("\n...").strip()


def _quoted(value: str | None) -> str:
    """A double-quoted YAML scalar, escaped by the YAML library itself (quotes, backslashes,
    line breaks), so no text from an article can break out of it."""
    if value is None:
        return "null"
    text = yaml.safe_dump(value, allow_unicode=True, default_style='"', width=10**9)
    return text.removesuffix("\n").removesuffix("\n...").strip()


def front_matter(fields: dict) -> str:
    lines = ["---"]
    for key in ("id", "title", "subtitle", "authors", "outlet", "published", "language", "genre",
                "translator", "source_file", "url"):
        value = fields.get(key)
        if key == "published":
            lines.append(f"{key}: {_quoted(value)}")
        elif key == "authors":
            lines.append(f"{key}: [" + ", ".join(_scalar(a) for a in value or []) + "]")
        else:
            lines.append(f"{key}: {_scalar(value)}")
    extra = {k: v for k, v in fields.items() if k not in {
        "id", "title", "subtitle", "authors", "outlet", "published", "language", "genre",
        "translator", "source_file", "url", "provenance"}}
    for key, value in extra.items():
        lines.append(f"{key}: {_scalar(value)}")
    lines.append("provenance:")
    for key, (basis, note) in fields.get("provenance", {}).items():
        lines.append(f"  {key}: {{basis: {basis}, note: {_quoted(note)}}}")
    lines.append("---")
    return "\n".join(lines) + "\n"


# Lines the content format reads as structure, not text: a paragraph line that looks like one
# is escaped with a backslash (Markdown shows the character, the loader sees text).
_STRUCTURAL = re.compile(r"^\s*(#{1,6}(\s|$)|\{:.*\}\s*$|\[\^[^\]\s]+\]:|([-*_])(?:[ \t]*\3){2,}\s*$)")


def _guard(line: str) -> str:
    return "\\" + line.lstrip() if _STRUCTURAL.match(line) else line


def body(blocks: list[Block], notes: dict[str, str]) -> str:
    parts: list[str] = []
    for block in blocks:
        if block.kind == "heading":
            parts.append("#" * block.level + " " + block.flat)
        elif block.kind == "para":
            text = "\n".join(_guard(line) for line in block.lines)
            if block.lang:
                text += '\n{: lang="' + block.lang + '"}'
            parts.append(text)
    for label, text in notes.items():
        parts.append(f"[^{label}]: {text}")
    return "\n\n".join(parts) + "\n"


def atomic_write(path: Path, text: str, force: bool = False) -> None:
    """Write durably and atomically (briefing.fsio); refuse to overwrite unless forced, with no
    window between the check and the write."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        write_atomic(path, text.encode("utf-8"), overwrite=force)
    except FileExistsError:
        raise ExistsError(str(path)) from None
