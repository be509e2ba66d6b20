"""Markdown files that already carry YAML front matter (Jekyll, Hugo, Obsidian, Pandoc).

Their title, author(s), date, language, translator and URL are taken as stated; the block itself
leaves the body and is reported in full, so keys the content format has no place for are not
lost either.
"""

from __future__ import annotations

import re

import yaml

from briefing.importer.dates import parse_date
from briefing.importer.meta import Meta
from briefing.importer.names import split_names
from briefing.importer.report import ImportReport

FENCE = re.compile(r"\A(?:\s*\n)*---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
TITLE_KEYS = ("title", "headline")
SUBTITLE_KEYS = ("subtitle", "description", "dek", "standfirst")
AUTHOR_KEYS = ("authors", "author", "byline", "creator", "creators")
DATE_KEYS = ("published", "date", "pubdate", "publishdate", "publication_date", "created")
URL_KEYS = ("url", "link", "canonical_url", "source_url", "permalink")
OUTLET_KEYS = ("outlet", "publication", "publisher", "site", "source", "site_name")


def _first(data: dict, keys: tuple[str, ...]):
    for key in keys:
        value = data.get(key)
        if value not in (None, "", []):
            return key, value
    return None, None


def read_front_matter(text: str, meta: Meta, report: ImportReport) -> tuple[str, dict | None]:
    """Strip a leading front matter block from ``text``, filling ``meta``; return the rest.

    The rest keeps its line numbers: the block is replaced by as many empty lines.
    """
    match = FENCE.match(text)
    if not match:
        return text, None
    try:
        data = yaml.safe_load(match.group(1))
    except (yaml.YAMLError, ValueError, RecursionError):
        # not YAML after all (or a value PyYAML cannot build: "date: 2023-13-45" raises
        # ValueError, deep nesting RecursionError): leave it to the other steps (a rule + text)
        return text, None
    if not isinstance(data, dict):
        return text, None
    data = {str(k).lower(): v for k, v in data.items()}
    where = "the file's front matter"
    key, value = _first(data, TITLE_KEYS)
    if isinstance(value, str):
        meta.title = " ".join(value.split())
    key, value = _first(data, SUBTITLE_KEYS)
    if isinstance(value, str) and key == "subtitle":
        meta.subtitle = " ".join(value.split())
    key, value = _first(data, AUTHOR_KEYS)
    if value:
        names = value if isinstance(value, list) else split_names(str(value))
        meta.authors = [str(n).strip() for n in names if str(n).strip()]
        meta.provenance["authors"] = ("stated", f"{where} ({key})")
    key, value = _first(data, DATE_KEYS)
    if value:
        iso, how = parse_date(str(value))
        if iso:
            meta.published = iso
            meta.provenance["published"] = ("stated", f"{where} ({key}: {value})")
        else:
            report.warn(f"front matter {key}: {value!r}: {how}")
    key, value = _first(data, ("translator", "translated_by"))
    if value:
        meta.translator = str(value)
        meta.provenance["translator"] = ("stated", f"{where} ({key})")
    key, value = _first(data, URL_KEYS)
    if isinstance(value, str) and re.match(r"^https?://\S+$", value.strip()):
        meta.url = value.strip()
    key, value = _first(data, OUTLET_KEYS)
    if isinstance(value, str):
        meta.outlet = value.strip()
        meta.provenance["outlet"] = ("stated", f"{where} ({key})")
    key, value = _first(data, ("lang", "language"))
    if isinstance(value, str) and re.match(r"^[a-z]{2,3}(-[A-Za-z0-9]+)?$", value.strip()):
        meta.language = value.strip()
    key, value = _first(data, ("genre", "type"))
    if isinstance(value, str) and value.strip().lower() in (
            "analysis", "interview", "op-ed", "news", "commentary", "report"):
        meta.genre = value.strip().lower()
        meta.provenance["genre"] = ("stated", f"{where} ({key})")
    block = match.group(0)
    report.drop(text[:match.start()].count("\n") + 1, "source front matter",
                "metadata of the source file: used for the front matter", block)
    rest = "\n" * block.count("\n") + text[match.end():]
    return rest, data
