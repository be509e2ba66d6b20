"""Check claims' figures against the text they quote: the value must be what the text says.

A figure carries ``value`` (what is compared across sources) and ``text`` (as written, e.g.
"1 900 men").  Reading ``text`` with briefing.analysis.numbers catches slips such as a value
of 1900 for "1,960", a decimal comma read as a thousands comma ("$3,8 billion" is 3.8e9,
not 38e9), or "some 7,000" not marked approximate.  Returned as Problems (``path:line:``)
so ``briefing check`` can print them; they are advisory, the loader does not need them.
"""

from __future__ import annotations

from pathlib import Path

from briefing.analysis.numbers import parse_number
from briefing.model import Claim, Corpus, Figure
from briefing.problems import Problem
from briefing.text import fold

REL_TOLERANCE = 1e-9


def derive_figure(quantity: str, text: str, unit: str | None = None) -> Figure | None:
    """A Figure from a figure as written ("some 7,000", "$3,8 billion"), or None if unreadable.

    For people (and the importer) writing claims: the value, approx flag and, unless given,
    the unit come from the text, so they cannot disagree with it.
    """
    number = parse_number(text)
    if number is None:
        return None
    return Figure(quantity=quantity, value=number.value, unit=unit or number.unit,
                  text=text, approx=number.approx)


def check_figure(claim: Claim, figure: Figure) -> list[str]:
    """Messages (without location) for one figure; empty when it is consistent."""
    if not figure.text:
        return []
    messages = []
    if fold(figure.text) not in fold(claim.quote):
        messages.append(f"figure {figure.quantity}: text {figure.text!r} is not in the quote")
    number = parse_number(figure.text)
    if number is None:
        messages.append(f"figure {figure.quantity}: cannot read a number in {figure.text!r}")
        return messages
    if abs(number.value - figure.value) > REL_TOLERANCE * max(1.0, abs(figure.value)):
        shown = int(number.value) if number.value.is_integer() else number.value
        messages.append(f"figure {figure.quantity}: {figure.text!r} reads as {shown}, "
                        f"but value is {figure.value:g}")
    if number.approx and not figure.approx:
        messages.append(f"figure {figure.quantity}: {figure.text!r} is approximate "
                        f"({number.qualifier!r}); add approx: true")
    return messages


def figure_problems(corpus: Corpus) -> list[Problem]:
    problems = []
    for claim in corpus.claims.values():
        path = (Path(corpus.root) / "claims" / f"{claim.article_id}.yaml" if corpus.root
                else Path(f"claims/{claim.article_id}.yaml"))
        for figure in claim.figures:
            for message in check_figure(claim, figure):
                problems.append(Problem(path, claim.line, f"{claim.id}: {message}"))
    return problems
