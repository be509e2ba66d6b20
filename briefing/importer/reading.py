"""Turn raw bytes into clean text: decoding, line endings, control characters.

Scraped files arrive as UTF-8 (sometimes with a byte-order mark) or as Windows cp1252.  A file
that is not text at all (NUL bytes) or has nothing in it is refused with a line number.
"""

from __future__ import annotations

from briefing.problems import Problem
from briefing.text import clean

MAX_BYTES = 20 * 1024 * 1024  # an article is a few tens of KB; refuse what cannot be one


class ReadError(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


def decode(data: bytes, path: str, warnings: list[str]) -> str:
    """Decode ``data``: UTF-8 (BOM dropped), else cp1252 with a warning; then clean it."""
    if len(data) > MAX_BYTES:
        raise ReadError(Problem(path, 0, f"file too large (more than {MAX_BYTES // 2**20} MB; "
                                         "an article is a few tens of KB)"))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 (Windows "Unicode" text)
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError:
            raise ReadError(Problem(path, 1, "UTF-16 byte-order mark but invalid UTF-16")) from None
        warnings.append("decoded as UTF-16 (byte-order mark)")
    nul = data.find(b"\x00")
    if nul != -1:
        line = data.count(b"\n", 0, nul) + 1
        raise ReadError(Problem(path, line, "binary file (NUL byte): not a text article"))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        try:
            text = data.decode("cp1252")
        except UnicodeDecodeError:
            raise ReadError(Problem(path, line, "not UTF-8 or cp1252 text")) from None
        warnings.append(f"line {line}: not valid UTF-8; decoded as cp1252 (Windows) - check accents")
    text = clean(text.replace("\ufeff", ""))
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    if not text.strip():
        raise ReadError(Problem(path, 1, "empty file: no text to import"))
    return text
