"""User key bindings: a plain file of ``binding-id = keys`` lines, given to Textual's keymap.

Every binding of the reader has an id (``reader.next_claim``, ``app.quit``...; `?` lists
them with their keys).  The file is ``$BRIEFING_KEYMAP`` or ``<config dir>/briefing/keymap``:

    # comments and blank lines are ignored
    reader.next_claim = j          # several keys: comma-separated (j,down)
    reader.prev_claim = k

No Textual import here: ``briefing read`` checks the file before the app starts and prints
problems as ``path:line: message``.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from briefing.problems import Problem
from briefing.text import clean_line

_ID = re.compile(r"^[a-z][a-z0-9_-]*(\.[a-z][a-z0-9_-]*)+$")
_KEY = re.compile(r"^[A-Za-z0-9_+\-]+$|^[^\sA-Za-z0-9,=#]$")


def default_path() -> Path:
    env = os.environ.get("BRIEFING_KEYMAP")
    if env:
        return Path(env).expanduser()
    base = os.environ.get("XDG_CONFIG_HOME")
    return (Path(base).expanduser() if base else Path.home() / ".config") / "briefing" / "keymap"


def parse_keymap(text: str, path: Path | str = "keymap") -> tuple[dict[str, str], list[Problem]]:
    keymap: dict[str, str] = {}
    problems: list[Problem] = []
    for number, raw in enumerate(text.splitlines(), 1):
        line = clean_line(raw.split("#", 1)[0]) if not raw.lstrip().startswith("#") else ""
        if not line:
            continue
        binding, sep, keys = (part.strip() for part in line.partition("="))
        if not sep or not binding or not keys:
            problems.append(Problem(path, number, "expected `binding-id = keys`"))
            continue
        if not _ID.match(binding):
            problems.append(Problem(path, number, f"not a binding id: {binding!r} (see `?`)"))
            continue
        names = [k.strip() for k in keys.split(",") if k.strip()]
        bad = [k for k in names if not _KEY.match(k)]
        if bad or not names:
            problems.append(Problem(path, number, f"not a key: {(bad or [keys])[0]!r}"))
            continue
        keymap[binding] = ",".join(names)
    return keymap, problems


def load_keymap(path: Path | None = None) -> tuple[dict[str, str], list[Problem]]:
    """The user's keymap ({} when there is no file)."""
    path = path or default_path()
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}, []
    except (OSError, UnicodeDecodeError) as exc:
        return {}, [Problem(path, 0, f"cannot read the keymap: {exc}")]
    return parse_keymap(text, path)
