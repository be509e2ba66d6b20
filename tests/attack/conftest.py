"""The attack suite of issue 18: each test attacks one layer and records its figures
(tried / lost / tracebacks); they are printed at the end of the run, whatever the -q level,
and docs/annotations.md quotes them."""

from __future__ import annotations

import pytest

FIGURES: list[tuple[str, int, int, int, str]] = []


@pytest.fixture
def figures():
    """figures(item, tried, lost, tracebacks, note): one line of the summary."""
    def record(item: str, tried: int, lost: int, tracebacks: int, note: str = "") -> None:
        FIGURES.append((item, tried, lost, tracebacks, note))
    return record


def pytest_terminal_summary(terminalreporter):
    if not FIGURES:
        return
    write = terminalreporter.write_line
    terminalreporter.section("attack suite (issue 18): tried / lost / tracebacks")
    write(f"{'item':<46} {'tried':>7} {'lost':>5} {'tb':>4}  note")
    for item, tried, lost, tracebacks, note in FIGURES:
        write(f"{item:<46} {tried:>7} {lost:>5} {tracebacks:>4}  {note}")
