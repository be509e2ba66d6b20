"""A new content directory gets the two files a briefing needs besides its articles.

Importing into an empty folder should give something `briefing check` and the reader accept:
``briefing.yaml`` (a title to edit) and ``events.yaml`` (``[]``, no events yet).  Existing files
are never touched.
"""

from __future__ import annotations

from pathlib import Path

from briefing.importer.writer import ExistsError, _quoted, atomic_write

BRIEFING = """\
# Written by `briefing import` because the folder had none: edit the title and add questions.
title: {title}
description: ""
questions: []
"""
EVENTS = """\
# The events the claims are about (docs/content-format.md); none yet.
[]
"""


def ensure_briefing(out_dir: Path) -> list[Path]:
    """Create briefing.yaml and events.yaml in ``out_dir`` when missing; return what was made."""
    made: list[Path] = []
    for name, text in (("briefing.yaml", BRIEFING.format(
            title=_quoted(f"{out_dir.resolve().name} briefing"))),
                       ("events.yaml", EVENTS)):
        path = out_dir / name
        if path.exists():
            continue
        try:
            atomic_write(path, text)
        except ExistsError:  # created meanwhile by someone else: theirs wins
            continue
        made.append(path)
    return made
