"""The import pipeline: raw text in, an article in the content format and a report out.

Order matters: furniture goes first (so the title is found), then metadata (so bylines are not
mistaken for paragraphs), then page-break joins (before heading detection, so a sentence cut
after "its concern" is not read as a heading), then headings, interview, notes, inline fixes,
and last the language marks on the final paragraphs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from briefing.importer import (boilerplate, frontmatter, inline, linebreaks, metadata, paragraphs,
                               passages, structure)
from briefing.importer.audit import lost_words
from briefing.importer.blocks import Block, split_blocks
from briefing.importer.meta import Meta
from briefing.importer.names import surname
from briefing.importer.fetch import fetch
from briefing.importer.html import extract as extract_html
from briefing.importer.html import looks_like_html
from briefing.importer.pdf import PDF_MAGIC, pdf_text
from briefing.importer.reading import MAX_BYTES, ReadError, decode, repair_mojibake, too_large
from briefing.problems import Problem
from briefing.importer.report import ImportReport
from briefing.importer.writer import body as render_body
from briefing.importer.writer import front_matter
from briefing.text import clean

MIN_PAGE_WORDS = 10
ID_OK = re.compile(r"^[a-z0-9][a-z0-9-]*$")


@dataclass(slots=True)
class ImportResult:
    article_id: str
    meta: Meta
    language: str
    blocks: list[Block]
    notes: dict[str, str]
    report: ImportReport
    front_matter: str = ""
    body: str = ""
    raw: str = ""
    fields: dict = field(default_factory=dict)

    @property
    def empty(self) -> bool:
        """True when no paragraph of article text is left (a file of boilerplate only)."""
        return not any(b.kind == "para" for b in self.blocks)

    @property
    def markdown(self) -> str:
        return self.front_matter + "\n" + self.body


def slugify(text: str, max_words: int = 6) -> str:
    import unicodedata

    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"['’]", "", text)  # "Armenia’s" -> "armenias", not "armenia-s"
    words = re.findall(r"[a-z0-9]+", text)
    return "-".join(words[:max_words])


def default_id(meta: Meta, source: str) -> str:
    """Author surname + year when known, else a slug of the title, else of the file name."""
    year = meta.published[:4] if meta.published else None
    if meta.authors:
        slug = slugify(surname(meta.authors[0]), 1)
        if slug:
            return f"{slug}-{year}" if year else slug
    if meta.title:
        return slugify(meta.title) or "article"
    return slugify(Path(source).stem) or "article"


def _inline(blocks: list[Block], notes: dict[str, str], report: ImportReport) -> None:
    labels = set(notes)
    for block in blocks:
        if block.kind not in ("para", "heading"):
            continue
        text, n = inline.reduce_dead_links(block.text)
        if n:
            report.note(f"line {block.line}: {n} link(s) to '#' reduced to their text")
        text = inline.undo_escapes(text)
        if block.kind == "heading":  # a section title is plain text to the loader: "[1]" stays
            block.text = text
            continue
        text, missing = inline.link_footnotes(text, labels)
        for marker in missing:
            report.warn(f"line {block.line}: footnote marker {marker!r} has no note; kept as text")
        block.text = text
    for label, text in list(notes.items()):
        text = inline.undo_escapes(inline.reduce_dead_links(text)[0])
        notes[label] = text


def import_text(text: str, source: str, article_id: str | None = None,
                report: ImportReport | None = None, meta: Meta | None = None,
                audit_base: str | None = None) -> ImportResult:
    """Import ``text``.  ``meta`` carries what the source already told (a page's metadata);
    ``audit_base`` is the text whose every word must survive, when it is not ``text`` itself
    (a web page's visible text, of which ``text`` is the extracted part)."""
    report = report or ImportReport(Path(source).name)
    text = clean(text)  # untrusted: control characters and bidi overrides never get through
    meta = meta or Meta()
    body_text, _ = frontmatter.read_front_matter(text, meta, report)
    blocks = split_blocks(body_text)
    blocks = linebreaks.split_paragraphs(blocks, report)
    blocks = boilerplate.drop_boilerplate(blocks, report)
    meta, blocks = metadata.extract_metadata(blocks, report, meta)
    blocks = paragraphs.rejoin(blocks, report)
    blocks = structure.markdown_headings(blocks, report)
    blocks, notes = structure.footnotes(blocks, report)
    paragraphs.flatten_lines(blocks, report)
    structure.interview(blocks, meta, report)
    structure.plain_headings(blocks, report)
    _inline(blocks, notes, report)
    language = meta.language or passages.document_language(blocks)
    blocks = passages.mark_passages(blocks, language, report)
    if not any(b.kind == "para" for b in blocks):
        report.warn("no paragraph of article text is left after removing boilerplate")
    if not meta.title:
        meta.title = Path(source).stem
        meta.provenance["title"] = ("unknown", "no title in the text; the file name is used")
        report.warn("no title found; the file name is used")
    article_id = article_id or default_id(meta, source)
    fields = build_fields(meta, article_id, language, Path(source).name)
    result = ImportResult(article_id, meta, language, blocks, notes, report, raw=text,
                          fields=fields)
    result.front_matter = front_matter(fields)
    result.body = render_body(blocks, notes)
    lost = lost_words(clean(audit_base) if audit_base is not None else text,
                      result.front_matter, result.body, report.dropped_text(),
                      "\n".join(report.repairs))
    if lost:
        report.warn("words not found in the output or the report (importer bug): "
                    + ", ".join(sorted(lost)))
    return result


def build_fields(meta: Meta, article_id: str, language: str, source_file: str) -> dict:
    provenance = dict(meta.provenance)
    for key, value in (("authors", meta.authors), ("published", meta.published),
                       ("outlet", meta.outlet)):
        if not value and key not in provenance:
            provenance[key] = ("unknown", "")
    if meta.original_language and meta.translator:
        provenance.setdefault("translator", ("stated", ""))
        note = provenance["translator"][1]
        provenance["translator"] = ("stated", f"{note}; original language {meta.original_language}")
    return {
        "id": article_id,
        "title": meta.title,
        "subtitle": meta.subtitle,
        "authors": meta.authors,
        "outlet": meta.outlet,
        "published": meta.published,
        "language": language,
        "genre": meta.genre,
        "translator": meta.translator,
        "source_file": source_file,
        "url": meta.url,
        "provenance": provenance,
    }


def _read(path: Path) -> bytes:
    import stat

    try:
        st = path.stat()
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(st.st_mode):  # a FIFO or a device (/dev/zero) would block or never end
            raise ReadError(Problem(path, 0, "not a regular file"))
        if st.st_size > MAX_BYTES:
            raise too_large(str(path), st.st_size)
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)  # the file may have grown since stat()
    except FileNotFoundError:
        raise ReadError(Problem(path, 0, "no such file")) from None
    except IsADirectoryError:
        raise ReadError(Problem(path, 0, "is a directory, not a file")) from None
    except OSError as exc:
        raise ReadError(Problem(path, 0, f"cannot read: {exc.strerror}")) from None
    if len(data) > MAX_BYTES:
        raise too_large(str(path))
    return data


def import_file(path: Path, article_id: str | None = None) -> ImportResult:
    """Read and import one raw file (text, Markdown, HTML or PDF, told apart by content);
    raises reading.ReadError with a Problem on bad input."""
    return import_bytes(_read(path), str(path), article_id)


def import_url(url: str, article_id: str | None = None) -> ImportResult:
    """Fetch ``url`` and import what it serves (a page, plain text or a PDF)."""
    fetched = fetch(url)
    name = fetched.url.rstrip("/").rsplit("/", 1)[-1] or "page"
    return import_bytes(fetched.data, url, article_id, kind=fetched.kind, url=fetched.url,
                        charset=fetched.charset, name=name)


def import_bytes(data: bytes, source: str, article_id: str | None = None, kind: str | None = None,
                 url: str | None = None, charset: str | None = None,
                 name: str | None = None) -> ImportResult:
    """Import the bytes of a file or a download: a PDF by its first bytes (or the server's
    content type), a web page by its content, else text."""
    report = ImportReport(name or Path(source).name)
    if kind == "pdf" or (kind is None and data.startswith(PDF_MAGIC)):
        drops: list[tuple[int, str, str]] = []
        text = clean(pdf_text(data, source, drops))
        for line, what, dropped in drops:
            report.drop(line, what, "a page header, footer or number of the PDF", dropped)
        text = repair_mojibake(text, report.notes)
        meta = Meta(url=url)
        return import_text(text, source, article_id, report, meta=meta,
                           audit_base=text + "\n" + "\n".join(d for _, _, d in drops))
    if charset and charset.lower() not in ("utf-8", "utf8"):
        try:
            data = data.decode(charset).encode("utf-8")
        except (LookupError, UnicodeDecodeError):
            pass  # the header is wrong: decode() tries UTF-8 and cp1252 itself
    text = decode(data, source, report.warnings, report.notes)
    if kind == "html" or (kind is None and looks_like_html(text)):
        page = extract_html(text, url)
        if len(page.text.split()) < MIN_PAGE_WORDS:  # a menu or a cookie notice, no article
            raise ReadError(Problem(source, 0, "no article text found in this web page"))
        for line, what, dropped in page.removed:
            report.drop(line, what, "taken out of the page before the main-text extraction "
                        "(a caption or credit, a sign-up box, an embedded post's author line)",
                        dropped)
        for line, dropped in page.left_out:
            report.drop(line, "page furniture", "left out by the main-text extraction "
                        "(menus, captions, related links, comments, footer)", dropped)
        report.note("web page: main text and metadata extracted with trafilatura")
        return import_text(page.text, source, article_id, report, meta=page.meta,
                           audit_base=page.visible)
    return import_text(text, source, article_id, report, meta=Meta(url=url))
