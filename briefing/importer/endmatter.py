"""The end of an article: a closing author bio, and a trailing line that names the *next*
article's author (a scraped page that ran on into the next article).  Both leave the body and
are reported; a bio can supply the author when no byline did."""

from __future__ import annotations

import re

from briefing.importer.blocks import Block
from briefing.importer.meta import Meta
from briefing.importer.meta import plain as _plain
from briefing.importer.names import looks_like_name, surname
from briefing.importer.report import ImportReport
from briefing.text import fold

BIO_HEAD = re.compile(r"^(about the authors?|à propos de l'auteur|l'auteur|the authors?)\s*:?$",
                      re.I)
# What a bio says: without a known author name, a starred "X Y is ..." must also say one of these
BIO_WORDS = re.compile(
    r"\b(student|professor|researcher|journalist|analyst|fellow|director|editor|author|writer|"
    r"lawyer|expert|correspondent|lecturer|scholar|ph\.?d|candidate|consultant|diplomat|"
    r"founder|specialist|reporter|historian|economist|doctoral|graduate|teaches|works)\b", re.I)
NEXT_AUTHOR = re.compile(r"^([A-ZÀ-Ý][\w'’.-]+(?: [\w'’.-]+){1,3})\s*:$")


def _last_para(blocks: list[Block]) -> int | None:
    for i in range(len(blocks) - 1, -1, -1):
        if blocks[i].kind == "para":
            return i
    return None


def drop_trailing_author(blocks: list[Block], report: ImportReport) -> list[Block]:
    """A file ending with 'Talar Tumanian:' has the start of the next article's byline."""
    i = _last_para(blocks)
    if i is not None:
        text = _plain(blocks[i].flat)
        m = NEXT_AUTHOR.match(text)
        if m and looks_like_name(m.group(1)):
            report.drop(blocks[i].line, "trailing name",
                        "a name alone at the very end, followed by nothing: the next article's "
                        "author in the scraped page", blocks[i].text)
            return blocks[:i] + blocks[i + 1:]
    return blocks


def drop_signature(blocks: list[Block], meta: Meta, report: ImportReport) -> list[Block]:
    """A last line that is just the author's name ("— Anna Berg") is a signature: it leaves the
    body.  A bare name that is *not* the author's stays, with a warning: it may be the next
    article's author, or a quoted person, and only a person can tell."""
    i = _last_para(blocks)
    if i is None or i == 0:
        return blocks
    raw = _plain(blocks[i].flat)
    text = raw.lstrip("—–-~ ").rstrip(".")
    role = re.match(r"^(.+?),\s*([\w ]{2,40})$", text)
    if raw[:1] in "—–~" and role and looks_like_name(role.group(1), 4):
        # "— Fenna de Vries, editor": a newsletter's sign-off names its author
        if not meta.authors:
            meta.authors = [role.group(1)]
            meta.provenance["authors"] = ("stated", f"sign-off at the end, line "
                                                    f"{blocks[i].line}: '{raw}'")
        report.drop(blocks[i].line, "signature", "the author's sign-off at the end",
                    blocks[i].text)
        return blocks[:i] + blocks[i + 1:]
    if not looks_like_name(text, 4):
        return blocks
    if any(fold(text) == fold(a) for a in meta.authors):
        report.drop(blocks[i].line, "signature", "the author's name again at the end",
                    blocks[i].text)
        return blocks[:i] + blocks[i + 1:]
    report.warn(f"line {blocks[i].line}: the text ends with a name alone ({text!r}); kept - "
                "remove it by hand if it belongs to the next article")
    return blocks


def drop_bio(blocks: list[Block], meta: Meta, report: ImportReport) -> list[Block]:
    """Drop an author bio among the last paragraphs ('X is a ...', '* X is ...')."""
    paras = [i for i, b in enumerate(blocks) if b.kind == "para"][-3:]
    for i in reversed(paras):
        block = blocks[i]
        text = _plain(block.flat)
        if i > 0 and BIO_HEAD.match(_plain(blocks[i - 1].flat).lstrip("#").strip()):
            report.drop(blocks[i - 1].line, "author bio", "about the author, not the article",
                        blocks[i - 1].text + "\n" + block.text)
            return blocks[:i - 1] + blocks[i + 1:]
        starred = re.match(r"^\s*\*\s*", text)
        body = text[starred.end():] if starred else text
        if len(body.split()) > 80 or len(block.lines) > 1:
            continue  # a bio is one short paragraph, not a list
        names = list(meta.authors)
        m = re.match(r"^([A-ZÀ-Ý][\w'’-]+(?: [A-ZÀ-Ý][\w'’-]+){1,3}) (is|was|est|ist)\b", body)
        matches_author = any(
            body.startswith(n) or body.startswith(surname(n) + " ") for n in names)
        if matches_author and re.match(r"^[^.]*\b(is|was|est|ist|has been)\b", body) or (
                starred and m and BIO_WORDS.search(body)):
            if not meta.authors and m:
                meta.authors = [m.group(1)]
                meta.provenance["authors"] = ("inferred", f"author bio at line {block.line}")
            report.drop(block.line, "author bio", "about the author, not the article", block.text)
            return blocks[:i] + blocks[i + 1:]
    return blocks


WRITTEN_BY = re.compile(r"^(?:written|words|posted|published|story) by\s+(.+)$", re.I)
END_BLOCKS = 5  # a closing "Written by X" stands among the last blocks
BIO_MAX_WORDS = 60


def drop_written_by(blocks: list[Block], meta: Meta, report: ImportReport) -> list[Block]:
    """A closing author box: 'Written by X' (perhaps with 'Follow' and a follower count, gone
    already) and the one short paragraph about X that follows."""
    paras = [i for i, b in enumerate(blocks) if b.kind in ("para", "heading")][-END_BLOCKS:]
    for i in paras:
        text = _plain(blocks[i].flat).lstrip("#").strip()
        m = WRITTEN_BY.match(text)
        if not m or not looks_like_name(m.group(1), 5) or i == 0:
            continue
        if not meta.authors:
            meta.authors = [m.group(1)]
            meta.provenance["authors"] = ("stated", f"'{text}' at the end, line {blocks[i].line}")
        report.drop(blocks[i].line, "byline", "the author box at the end", blocks[i].text)
        end = i + 1
        if end < len(blocks) and blocks[end].kind == "para" and len(blocks[end].lines) == 1 \
                and len(blocks[end].flat.split()) <= BIO_MAX_WORDS and end == len(blocks) - 1:
            report.drop(blocks[end].line, "author bio", "about the author, not the article",
                        blocks[end].text)
            end += 1
        return blocks[:i] + blocks[end:]
    return blocks
