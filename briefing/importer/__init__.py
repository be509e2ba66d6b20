"""The importer: raw text or Markdown articles -> the content format (docs/content-format.md).

One module per job: reading (bytes -> clean text), blocks (split), boilerplate (page furniture),
metadata (title, byline, date, translator, bio), paragraphs (page-break joins), structure
(headings, interviews, footnotes), inline (links, escapes, markers), passages (languages),
writer (front matter, body, atomic write), audit (nothing lost), pipeline (the order).
No Textual here.
"""

from briefing.importer.pipeline import ImportResult, import_file, import_text
from briefing.importer.reading import ReadError
from briefing.importer.report import Dropped, ImportReport

__all__ = ["Dropped", "ImportReport", "ImportResult", "ReadError", "import_file", "import_text"]
