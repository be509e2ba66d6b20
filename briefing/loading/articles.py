"""One article file: YAML front matter between ``---`` lines, then the Markdown body."""

from __future__ import annotations

import re
from pathlib import Path

from briefing.loading.body import parse_body
from briefing.loading.fields import ID_HINT, ID_RE, Fields, describe
from briefing.loading.files import read_text
from briefing.loading.yamlsrc import YDict, parse_yaml
from briefing.model import GENRES, Article, Provenance
from briefing.problems import Problem

FIELDS = ("id", "title", "subtitle", "authors", "outlet", "published", "language", "genre",
          "translator", "source_file", "url", "provenance")
BASES = ("stated", "inferred", "unknown")
_DELIMS = ("---", "...")
_LANG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


def split_front_matter(text: str, path: Path) -> tuple[tuple[str, int, str, int] | None, list[Problem]]:
    """(front matter, its first line, body, its first line), or None and why not."""
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        return None, [Problem(path, 1, "missing front matter: an article must start with a line "
                                       "'---', its YAML metadata, and another line '---'")]
    for i in range(1, len(lines)):
        if lines[i].rstrip() in _DELIMS:
            return ("\n".join(lines[1:i]), 2, "\n".join(lines[i + 1:]), i + 2), []
    return None, [Problem(path, 1, "front matter is not closed: add a line '---' after the "
                                   "metadata, before the article text")]


def load_article(path: Path) -> tuple[Article | None, list[Problem]]:
    """Read one ``articles/<id>.md``; the article is None only when it cannot be read at all."""
    text, problems = read_text(path)
    if text is None:
        return None, problems
    parts, problems = split_front_matter(text, path)
    if parts is None:
        return None, problems
    fm_text, fm_line, body_text, body_line = parts
    meta, problems = parse_yaml(fm_text, path, fm_line)
    if meta is None and not problems:
        return None, [Problem(path, 1, "front matter is empty: it needs at least id, title, "
                                       "authors and language")]
    if meta is None:
        return None, problems
    if not isinstance(meta, YDict):
        return None, problems + [Problem(path, fm_line, "front matter must be YAML fields "
                                                        f"(key: value), not {describe(meta)}")]
    article = _metadata(meta, path, problems)
    body = parse_body(article.id, body_text, body_line, path)
    article.sections = body.sections
    article.footnotes = body.footnotes
    problems.extend(body.problems)
    return article, problems


def _metadata(meta: YDict, path: Path, problems: list[Problem]) -> Article:
    f = Fields(meta, path, problems)
    f.unknown(FIELDS)
    stem = path.stem
    ident = f.ident("id")
    if ident is not None and ident != stem:
        f.problem("id", f"id {ident!r} does not match the file name {path.name!r} "
                        f"(rename the file to {ident}.md or change the id)")
    if ident is None and not ID_RE.match(stem):
        f.problem("id", f"the file name {path.name!r} is not a valid article id ({ID_HINT})")
    article = Article(
        id=ident or stem,
        title=f.text("title", required=True) or stem,
        subtitle=f.text("subtitle"),
        authors=f.text_list("authors", required=True) or [],
        outlet=f.text("outlet"),
        published=f.date("published"),
        language=_language(f),
        genre=f.choice("genre", GENRES),
        translator=f.text("translator"),
        source_file=f.text("source_file"),
        url=f.text("url"),
        provenance=_provenance(f),
        path=path,
    )
    return article


def _language(f: Fields) -> str:
    lang = f.text("language", required=True)
    if lang is not None and not _LANG.match(lang):
        f.problem("language", f"language {lang!r} is not a language code (like en, fr or pt-BR)")
        return "en"
    return lang or "en"


def _provenance(f: Fields) -> dict[str, Provenance]:
    value = f.data.get("provenance")
    if value is None:
        return {}
    if not isinstance(value, YDict):
        f.problem("provenance", f"'provenance' must map field names to {{basis, note}}, "
                                f"not {describe(value)}")
        return {}
    out: dict[str, Provenance] = {}
    for name, entry in value.items():
        line = value.line_of(name)
        if name not in FIELDS:
            f.problem(None, f"provenance: {name!r} is not an article field", line=line)
            continue
        if not isinstance(entry, YDict):
            f.problem(None, f"provenance.{name} must be {{basis: stated|inferred|unknown, "
                            f"note: ...}}, not {describe(entry)}", line=line)
            continue
        sub = Fields(entry, f.path, f.problems, f"provenance.{name}")
        sub.unknown(("basis", "note"))
        basis = sub.choice("basis", BASES, required=True)
        note = sub.text("note", multiline=True, empty_ok=True) or ""
        if basis is not None:
            out[name] = Provenance(basis=basis, note=note)
    return out
