"""What the importer learns about an article (its front matter), and how it learnt it."""

from __future__ import annotations

import re
from dataclasses import dataclass, field


@dataclass(slots=True)
class Meta:
    title: str | None = None
    subtitle: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    translator: str | None = None
    original_language: str | None = None
    genre: str | None = None
    outlet: str | None = None
    url: str | None = None
    language: str | None = None  # stated by the source (front matter); else detected
    provenance: dict[str, tuple[str, str]] = field(default_factory=dict)


def plain(text: str) -> str:
    """A metadata line without bold/italic markers and escapes: '**date créée**' -> 'date créée'."""
    text = re.sub(r"(\*\*|__)", "", text)
    # a line wrapped in one HTML element: '<div class="byline">By Karen Holt</div>'
    text = re.sub(r"^\s*<([a-zA-Z][\w-]*)\b[^>]*>(.*)</\1\s*>\s*$", r"\2", text)
    # a whole line in single emphasis, as Markdown bylines often are: '*By J. Smith*'
    text = re.sub(r"^\s*([*_])(?=\S)(.+?)(?<=\S)\1\s*$", r"\2", text)
    text = re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)  # Markdown escapes: \* -> *
    return text.replace("\xa0", " ").strip()
