"""Read a content file as text, refusing what is not a reasonable UTF-8 text file.

Every refusal is a Problem with the line where it was found, so a user can open the file at
the right place; the caller never sees an exception.
"""

from __future__ import annotations

import stat
from pathlib import Path

from briefing.problems import Problem
from briefing.text import clean

MAX_BYTES = 5 * 1024 * 1024  # a briefing article is tens of KB; anything this big is a mistake
# The events file is an index of the whole briefing and grows with it: `briefing suggest` on
# 1,000 articles writes 7.5 MB of suggested events.
INDEX_MAX_BYTES = 64 * 1024 * 1024


def max_bytes_for(path: Path) -> int:
    """The size past which ``path`` is refused: the events files (curated and suggested)
    may be as large as the briefing they index; any other file is one article's worth."""
    return INDEX_MAX_BYTES if path.name in ("events.yaml", "events.suggested.yaml") else MAX_BYTES

_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def read_text(path: Path) -> tuple[str | None, list[Problem]]:
    """The file's text, cleaned (briefing.text.clean), or None and the reason why not."""
    try:
        st = path.stat()
    except FileNotFoundError:
        return None, [Problem(path, 0, "file not found")]
    except OSError as exc:
        return None, [Problem(path, 1, f"cannot read the file: {exc.strerror or exc}")]
    if stat.S_ISDIR(st.st_mode):
        return None, [Problem(path, 0, "is a directory, expected a file")]
    if not stat.S_ISREG(st.st_mode):  # a FIFO or device would block or never end
        return None, [Problem(path, 0, "not a regular file")]
    limit = max_bytes_for(path)
    if st.st_size > limit:
        return None, [_too_large(path, st.st_size, limit)]
    try:
        with open(path, "rb") as handle:
            data = handle.read(limit + 1)  # the file may have grown since stat()
    except OSError as exc:
        return None, [Problem(path, 1, f"cannot read the file: {exc.strerror or exc}")]
    if len(data) > limit:
        return None, [_too_large(path, len(data), limit)]
    return decode(path, data)


def _too_large(path: Path, size: int, limit: int) -> Problem:
    return Problem(
        path, 1,
        f"file is too large ({size / 1024 / 1024:.1f} MB; the limit is "
        f"{limit // 1024 // 1024} MB): is this really a briefing file?",
    )


def decode(path: Path, data: bytes) -> tuple[str | None, list[Problem]]:
    """Decode bytes as UTF-8 (a UTF-8 BOM is allowed) and clean the text."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return None, [Problem(path, 1, f"file is encoded as {name}; save it as UTF-8")]
    if not data.strip():
        return None, [Problem(path, 1, "file is empty")]
    nul = data.find(b"\x00")
    if nul != -1:
        return None, [Problem(
            path, _line_of(data, nul),
            f"contains a NUL byte (byte offset {nul}): not a text file, or not UTF-8",
        )]
    skip = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        text = data[skip:].decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = exc.start + skip  # an offset in the file as a hex editor shows it
        return None, [Problem(
            path, _line_of(data, offset),
            f"not valid UTF-8 (byte 0x{data[offset]:02X} at byte offset {offset}); "
            "save the file as UTF-8",
        )]
    return clean(text), []
