"""The last ``briefing check``'s output, printed again while nothing it read has changed.

A check with nothing changed since the last one is the common case (CI, an editor's hook, a
habit before committing), and at 5,000 articles it still unpickled the whole corpus (~1 s)
to print the same lines.  Its output depends on the content files, the annotation store (its
warnings), where problems are shown relative to, and the code; the key here covers all of
them: every content file's path, size and mtime (corpus_key, as the corpus cache), the
store's files (the store and every ``<store name>.*`` beside it: lock, journal, backups),
and the code of the loader, the store and the command.  An output is saved only if that key
is the same after the check as before it (no edit meanwhile, and opening the store did not
recover or rewrite it), so what is printed is what a check would print.  ``check --full``
never uses it.  Files: briefing.cache.files' rules (private, atomic, header checked).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

from briefing.cache.files import LOAD_CODE, code_key, enabled, load_payload, slot, write_payload

FORMAT = 1
CODE = LOAD_CODE + ("cli/cmd_check.py", "store", "cache/checked.py", "problems.py", "paths.py")


def check_key(content: Path, store: Path, base: Path | None) -> str | None:
    """The key of a check of ``content`` with the annotation store ``store`` and problems
    shown relative to ``base``; None when the cache is off or a file cannot be listed."""
    if not enabled():
        return None
    from briefing.cache.corpus import corpus_key

    try:
        h = hashlib.sha256(f"{FORMAT}|{code_key(CODE)}|{corpus_key(Path(content))}|"
                           f"{base}|{store}|".encode("utf-8", "surrogatepass"))
        h.update(_store_files(store).encode("utf-8", "surrogatepass"))
    except OSError:
        return None
    return h.hexdigest()


def _store_files(store: Path) -> str:
    folder, name = store.parent, store.name
    try:
        names = sorted(n for n in os.listdir(folder) if n == name or n.startswith(name + "."))
    except FileNotFoundError:
        return "-"
    out = []
    for n in names:
        st = os.stat(folder / n)
        out.append(f"{n}|{st.st_size}|{st.st_mtime_ns}|{st.st_ino}\n")
    return "".join(out)


def load(content: Path, key: str) -> tuple[list[str], int] | None:
    """(lines printed, exit code) of the check saved under ``key``, or None."""
    found = load_payload(slot(Path(content), "check"), key)
    if (isinstance(found, tuple) and len(found) == 2 and isinstance(found[0], list)
            and all(isinstance(line, str) for line in found[0]) and isinstance(found[1], int)):
        return found
    return None


def save(content: Path, key: str, lines: list[str], code: int) -> None:
    import pickle

    write_payload(slot(Path(content), "check"), key,
                  lambda: pickle.dumps((lines, code), protocol=pickle.HIGHEST_PROTOCOL))
