"""Turn raw bytes into clean text: decoding, mojibake, line endings, control characters.

Scraped files arrive as UTF-8 (sometimes with a byte-order mark) or as Windows cp1252, and
sometimes double-encoded ("cafÃ©", "itâ€™s"): ftfy repairs that, and every repaired line is
listed in the report.  A file that is not text at all (NUL bytes) or has nothing in it is
refused with a line number.  The size limit is the loader's: an article the importer writes
must be one the loader opens.
"""

from __future__ import annotations

from briefing.loading.files import MAX_BYTES
from briefing.problems import Problem
from briefing.text import clean

__all__ = ["MAX_BYTES", "ReadError", "decode", "repair_mojibake", "too_large"]


class ReadError(Exception):
    def __init__(self, problem: Problem):
        self.problem = problem
        super().__init__(str(problem))


def too_large(path: str, size: int | None = None) -> ReadError:
    had = f"{size / 2**20:.1f} MB; " if size else "more than "
    return ReadError(Problem(path, 0, f"too large ({had}the limit is {MAX_BYTES // 2**20} MB, "
                                      "the same as for content files)"))


def repair_mojibake(text: str, notes: list[str]) -> str:
    """Undo double encoding line by line with ftfy; each changed line is noted.

    Only the encoding fixes are on: quotes, ligatures, widths and HTML entities are the
    author's and stay as they are."""
    if text.isascii():
        return text
    import ftfy

    config = ftfy.TextFixerConfig(unescape_html=False, remove_terminal_escapes=False,
                                  fix_latin_ligatures=False, fix_character_width=False,
                                  uncurl_quotes=False, fix_line_breaks=False,
                                  remove_control_chars=False, normalization=None,
                                  explain=False)
    lines = text.split("\n")
    for number, line in enumerate(lines, 1):
        if line.isascii():
            continue
        fixed = ftfy.fix_text(line, config)
        if fixed != line:
            notes.append(f"line {number}: repaired mis-encoded text (mojibake): "
                         f"{_excerpt(line, fixed)}")
            lines[number - 1] = fixed
    return "\n".join(lines)


def _excerpt(before: str, after: str) -> str:
    """The first changed stretch, 'itâ€™s' -> 'it’s', not the whole line."""
    start = 0
    while start < min(len(before), len(after)) and before[start] == after[start]:
        start += 1
    end_b, end_a = len(before), len(after)
    while end_b > start and end_a > start and before[end_b - 1] == after[end_a - 1]:
        end_b, end_a = end_b - 1, end_a - 1
    lo = max(0, start - 12)
    return repr(before[lo:end_b + 12][:60]) + " -> " + repr(after[lo:end_a + 12][:60])


def decode(data: bytes, path: str, warnings: list[str], notes: list[str] | None = None) -> str:
    """Decode ``data``: UTF-8 (BOM dropped), else cp1252 with a warning; repair mojibake
    (noted in ``notes``); then clean it."""
    if len(data) > MAX_BYTES:
        raise too_large(path, len(data))
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
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # before clean(): C1 characters are part of some mojibake ("â\x80\x99") and ftfy needs them
    text = repair_mojibake(text, notes if notes is not None else warnings)
    text = clean(text.replace("\ufeff", ""))
    text = "\n".join(line.rstrip() for line in text.split("\n"))
    if not text.strip():
        raise ReadError(Problem(path, 1, "empty file: no text to import"))
    return text
