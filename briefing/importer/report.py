"""What an import did: every dropped piece of text, notes on changes, and warnings.

Nothing the importer removes may vanish silently: each drop is recorded here with what it was,
why it went, and the line it came from, so ``briefing import --report`` can print it in full.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.text import visible


@dataclass(frozen=True, slots=True)
class Dropped:
    line: int  # 1-based line in the raw file
    what: str  # a short kind: "comment section", "byline", "category header", ...
    why: str  # the reason, in words a user understands
    text: str  # the dropped text, in full


@dataclass(slots=True)
class ImportReport:
    source: str
    dropped: list[Dropped] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # changes that lose nothing (joins, splits)
    warnings: list[str] = field(default_factory=list)  # things a person should check
    # words rejoined across a break ("weak-ening -> weakening"): the audit reads the halves here
    repairs: list[str] = field(default_factory=list)

    def drop(self, line: int, what: str, why: str, text: str) -> None:
        if text.strip():
            self.dropped.append(Dropped(line, what, why, text.strip()))

    def note(self, message: str) -> None:
        self.notes.append(message)

    def warn(self, message: str) -> None:
        self.warnings.append(message)

    def dropped_text(self) -> str:
        """All dropped text, for the no-word-lost audit."""
        return "\n".join(d.text for d in self.dropped)

    def summary(self) -> str:
        kinds: dict[str, int] = {}
        for d in self.dropped:
            kinds[d.what] = kinds.get(d.what, 0) + 1
        parts = ", ".join(f"{n} {k}" for k, n in kinds.items()) or "nothing"
        return f"dropped {parts}"

    def full(self) -> str:
        """Every dropped piece in full, then notes and warnings: what ``--report`` prints."""
        source = visible(self.source)  # a file name can hold escape sequences
        lines = [f"# {source}"]
        for d in sorted(self.dropped, key=lambda d: d.line):
            lines.append(f"{source}:{d.line}: dropped {d.what}: {d.why}")
            lines.extend("    " + t for t in d.text.splitlines())
        for n in self.notes:
            lines.append(f"note: {n}")
        if self.repairs:
            lines.append("note: hyphens removed where a break cut a word: " + ", ".join(self.repairs))
        for w in self.warnings:
            lines.append(f"warning: {w}")
        return "\n".join(lines)
