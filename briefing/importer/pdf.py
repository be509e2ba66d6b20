"""PDF files: the text of each page with pypdf, running headers/footers and page numbers off.

A line that opens or closes most pages (the same words once the digits are set aside:
"Farm Review, Vol. 3 - page 4") is the page's running header or footer; a line that is only a
number ("7", "- 7 -", "Page 7 of 12") is a page number.  Both are reported as dropped.  Pages
are joined with a blank line, so a sentence cut by a page break is rejoined by the page-break
rules (paragraphs.py) and a word hyphenated across it by the word list (hyphens.py).
"""

from __future__ import annotations

import io
import re
from collections import Counter

from briefing.importer.boilerplate import PAGE_NUMBER
from briefing.importer.reading import ReadError
from briefing.problems import Problem

PDF_MAGIC = b"%PDF-"
EDGE = 2  # lines at the top and at the bottom of a page that may be running heads


def _key(line: str) -> str:
    return " ".join(re.sub(r"\d+", "#", line).split()).casefold()


def _page_text(page) -> str:
    """The layout mode keeps the vertical gaps between paragraphs as blank lines (the plain
    mode loses them); its column padding is stripped, and runs of blank lines become one."""
    try:
        text = page.extract_text(extraction_mode="layout") or ""
    except Exception:  # noqa: BLE001 - the layout mode fails on some fonts; the plain one copes
        text = page.extract_text() or ""
    lines = [s.strip() for s in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")


def pdf_pages(data: bytes, path: str) -> list[str]:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings are not the user's
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception:  # noqa: BLE001 - pypdf raises several kinds here
                raise ReadError(Problem(path, 0, "encrypted PDF: cannot read its text")) from None
        return [_page_text(page) for page in reader.pages]
    except ReadError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ReadError(Problem(path, 0, f"cannot read this PDF: {exc}")) from None


def pdf_text(data: bytes, path: str, drops: list[tuple[int, str, str]]) -> str:
    """The document's text, pages separated by a blank line; ``drops`` gets (line, kind, text)
    for each running head and page number taken out (line = line of the returned text)."""
    pages = [[s.rstrip() for s in page.split("\n")] for page in pdf_pages(data, path)]
    if not any(s.strip() for page in pages for s in page):
        raise ReadError(Problem(path, 1, "PDF without a text layer (a scan?): no text to "
                                         "import; run it through OCR first"))
    edges: Counter = Counter()
    for page in pages:
        content = [s for s in page if s.strip()]
        for line in set(content[:EDGE] + content[-EDGE:]):
            edges[_key(line)] += 1
    running = {k for k, n in edges.items() if n >= 2 and n >= len(pages) / 2 and k}
    out: list[str] = []
    for page in pages:
        content = [i for i, s in enumerate(page) if s.strip()]
        edge = set(content[:EDGE] + content[-EDGE:])
        if out:
            out.append("")
        for i, line in enumerate(page):
            stripped = line.strip()
            if i in edge and (_key(stripped) in running or PAGE_NUMBER.match(stripped)):
                kind = "page number" if PAGE_NUMBER.match(stripped) else "running header"
                drops.append((len(out) + 1, kind, stripped))
                continue
            out.append(line)
    return "\n".join(out)
