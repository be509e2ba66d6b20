"""What `briefing import` prints: a narrow table on a terminal, plain lines when piped, JSON.

The table has only short columns (source, id, counts) so it fits 80 columns; the metadata and
the kinds of dropped text follow as plain lines, which a terminal wraps and a pipe keeps whole.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from briefing.problems import Problem
from briefing.text import visible


@dataclass(slots=True)
class Summary:
    dry_run: bool = False
    results: list[tuple[str, Path, object]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    created: list[str] = field(default_factory=list)

    @property
    def failures(self) -> int:
        return len(self.problems)

    def fail(self, problem: Problem) -> None:
        self.problems.append(problem)

    def add(self, source: str, target: Path, result) -> None:
        self.results.append((source, target, result))

    @staticmethod
    def _counts(result) -> tuple[int, int, int]:
        paras = sum(1 for b in result.blocks if b.kind == "para")
        heads = sum(1 for b in result.blocks if b.kind == "heading")
        words = sum(len(d.text.split()) for d in result.report.dropped)
        return paras, heads, words

    @staticmethod
    def _meta_lines(result) -> list[str]:
        """One short line per fact, so that 80 columns rarely wrap them."""
        m = result.meta
        lines = [f"  title: {m.title}",
                 "  authors: " + (", ".join(m.authors) or "unknown"),
                 f"  published: {m.published or 'unknown'}; outlet: {m.outlet or 'unknown'}"]
        if m.url:
            lines.append(f"  url: {m.url}")
        return lines

    def lines(self) -> list[str]:
        """Plain lines, one fact each: the piped form."""
        out = []
        for source, target, result in self.results:
            paras, heads, words = self._counts(result)
            where = "not written (dry run)" if self.dry_run else f"-> {target}"
            out.append(visible(f"{source} {where}"))
            out.append(visible(f"  id {result.article_id}: {paras} paragraphs, {heads} "
                               f"sections, {len(result.report.warnings)} warnings"))
            out.extend(visible(line) for line in self._meta_lines(result))
            out.append(visible(f"  {words} words {result.report.summary()}"))
            for warning in result.report.warnings:
                out.append(visible(f"  warning: {warning}"))
        for path in self.created:
            out.append(visible(f"created {path} (the folder had none; edit it)"))
        return out

    def print(self, terminal: bool, full_report: bool, console=None) -> None:
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text

        if not self.results and not self.created:
            return
        if not terminal:
            for line in self.lines():
                print(line)
        else:
            console = console or Console(highlight=False)
            table = Table(title="briefing import", show_lines=False, pad_edge=False)
            for column in ("source", "id", "paras", "secs", "dropped", "warn"):
                table.add_column(column, overflow="fold", no_wrap=column not in ("source", "id"),
                                 justify="left" if column in ("source", "id") else "right",
                                 max_width=28 if column == "source" else None)
            for source, _, result in self.results:
                paras, heads, words = self._counts(result)
                table.add_row(Text(visible(Path(source).name or source)),
                              Text(result.article_id), str(paras), str(heads),
                              f"{words}w", str(len(result.report.warnings)))
            console.print(table)
            for line in self.lines():
                console.print(Text(line), soft_wrap=False)
        if not full_report:
            (console.print if console else print)(
                "Run with --report to see every dropped piece in full.")

    def as_json(self) -> dict:
        articles = []
        for source, target, result in self.results:
            paras, heads, words = self._counts(result)
            fields = dict(result.fields)
            fields["provenance"] = {k: {"basis": b, "note": n}
                                    for k, (b, n) in fields.get("provenance", {}).items()}
            articles.append({
                "source": source, "path": None if self.dry_run else str(target),
                "fields": fields, "paragraphs": paras, "sections": heads,
                "dropped_words": words,
                "dropped": [{"line": d.line, "what": d.what, "why": d.why, "text": d.text}
                            for d in result.report.dropped],
                "notes": result.report.notes, "repairs": result.report.repairs,
                "warnings": result.report.warnings})
        return {"articles": articles, "created": self.created,
                "errors": [str(p) for p in self.problems]}
