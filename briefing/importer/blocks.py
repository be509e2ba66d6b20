"""Split text into blocks (runs of non-blank lines) that remember where they came from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

RULE = re.compile(r"^\s*([-*_])(?:[ \t]*\1){2,}\s*$")  # ---, ***, - - -: a break, no text
ATX = re.compile(r"^#{1,6}(\s|$)")  # a Markdown heading line is a block even without blank lines
SETEXT = re.compile(r"^\s*(={3,}|-{3,})\s*$")


@dataclass(slots=True)
class Block:
    lines: list[str]
    line: int  # 1-based line of the first line in the raw file
    kind: str = "para"  # para | heading | rule | footnote
    level: int = 0  # heading level
    label: str = ""  # footnote label
    lang: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "\n".join(self.lines)

    @text.setter
    def text(self, value: str) -> None:
        self.lines = value.split("\n")

    @property
    def flat(self) -> str:
        """The block on one line: lines joined with spaces."""
        return " ".join(s.strip() for s in self.lines if s.strip())


def split_blocks(text: str) -> list[Block]:
    """Blank lines separate blocks; a horizontal rule is a block of its own."""
    blocks: list[Block] = []
    current: list[str] = []
    start = 0
    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.strip()
        setext = SETEXT.match(line)
        if setext and len(current) == 1 and len(current[0]) <= 100:
            # "Title" underlined by === or --- (Markdown setext heading), not a page-break rule
            level = 1 if setext.group(1)[0] == "=" else 2
            blocks.append(Block(["#" * level + " " + current[0]], start))
            current = []
            continue
        if RULE.match(line):
            if current:
                blocks.append(Block(current, start))
                current = []
            blocks.append(Block([line], number, kind="rule"))
            continue
        if ATX.match(line):
            if current:
                blocks.append(Block(current, start))
                current = []
            blocks.append(Block([line], number))
            continue
        if not line:
            if current:
                blocks.append(Block(current, start))
                current = []
            continue
        if not current:
            start = number
        current.append(line)
    if current:
        blocks.append(Block(current, start))
    return blocks
