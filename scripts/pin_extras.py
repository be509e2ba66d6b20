"""Pin, in a lock written by `uv pip compile`, each requirement that a dependency asks for
with an extra (justext asks for ``lxml[html_clean]``).

pip's ``--require-hashes`` wants every requirement pinned, and it takes ``lxml[html_clean]>=4.4.2``
as a requirement of its own: pinned only by ``lxml==X``, it fails as soon as a newer lxml is
published ("all requirements must have their versions pinned with =="). A line
``lxml[html_clean]==X`` with the same hashes pins it.  Run by scripts/lock.sh after each compile.

    python scripts/pin_extras.py requirements/app.lock requirements/test.lock
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

# (package, extra as the dependency writes it)
EXTRAS = [("lxml", "html_clean")]


def pin(text: str) -> str:
    for name, extra in EXTRAS:
        if f"\n{name}[{extra}]==" in text:
            continue
        entry = re.search(rf"^{re.escape(name)}==\S+ \\\n(?:    --hash=\S+(?: \\)?\n)+", text, re.M)
        if entry is None:
            continue
        block = entry.group(0)
        pinned = block.replace(f"{name}==", f"{name}[{extra}]==", 1)
        text = text.replace(block, block + f"    # pins the {extra} extra some dependency asks for\n"
                            + pinned, 1)
    return text


def main(paths: list[str]) -> None:
    for path in map(Path, paths):
        path.write_text(pin(path.read_text(encoding="utf-8")), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
