"""The curated framing lexicon (content/lexicon.yaml): which source uses which word for a thing.

File format (a list of groups; see content/lexicon.yaml)::

    - group: use-of-force
      label: Words for the use of force
      terms:
        - attack
        - {term: eco-activists, forms: [eco-activists, eco-activist, "eco activists"]}

A plain term also matches its regular inflections (attack -> attacks, attacked, attacking;
ally -> allies); ``forms`` lists the variants explicitly instead.  Matching is on folded text
(case, accents, quote marks and dashes ignored) at word boundaries, so "clash" does not
count inside "clashes" twice and "ally" does not match "really".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from briefing.analysis.tokens import fast_fold
from briefing.problems import Problem
from briefing.text import fold


@dataclass(slots=True)
class LexTerm:
    term: str
    forms: tuple[str, ...]
    pattern: re.Pattern[str] = field(repr=False, compare=False, default=None)  # type: ignore

    def __post_init__(self) -> None:
        alts = sorted({fold(f) for f in self.forms if f.strip()}, key=len, reverse=True)
        body = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in alts)
        self.pattern = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")

    def count(self, folded_text: str) -> int:
        return sum(1 for _ in self.pattern.finditer(folded_text))


@dataclass(slots=True)
class LexGroup:
    group: str
    label: str
    terms: list[LexTerm]


@dataclass(slots=True)
class Lexicon:
    groups: list[LexGroup] = field(default_factory=list)


def inflections(term: str) -> tuple[str, ...]:
    """Regular English inflections of a term's last word: plural, past, -ing."""
    head, _, last = term.rpartition(" ")
    prefix = f"{head} " if head else ""
    forms = {last, last + "s"}
    if last.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {last + "es"}
    if last.endswith("y") and len(last) > 2 and last[-2] not in "aeiou":
        forms |= {last[:-1] + "ies", last[:-1] + "ied"}
    elif last.endswith("e"):
        forms |= {last + "d", last[:-1] + "ing"}
    else:
        forms |= {last + "ed", last + "ing"}
    return tuple(sorted(prefix + f for f in forms))


def parse_lexicon(data: object, path: Path | str = "lexicon.yaml") -> tuple[Lexicon, list[Problem]]:
    problems: list[Problem] = []
    lexicon = Lexicon()
    if data is None:
        return lexicon, problems
    if isinstance(data, dict) and "groups" in data:
        data = data["groups"]
    if not isinstance(data, list):
        return lexicon, [Problem(path, 0, "expected a list of term groups")]
    seen: set[str] = set()
    for n, entry in enumerate(data, start=1):
        if not isinstance(entry, dict) or not entry.get("group") or not isinstance(
            entry.get("terms"), list
        ):
            problems.append(Problem(path, 0, f"group #{n}: needs 'group' and a list of 'terms'"))
            continue
        gid = str(entry["group"])
        if gid in seen:
            problems.append(Problem(path, 0, f"group {gid!r} appears twice"))
            continue
        seen.add(gid)
        terms: list[LexTerm] = []
        for t in entry["terms"]:
            if isinstance(t, str) and t.strip():
                terms.append(LexTerm(t.strip(), inflections(fold(t))))
            elif isinstance(t, dict) and t.get("term"):
                forms = t.get("forms") or [t["term"]]
                if not isinstance(forms, list) or not all(isinstance(f, str) for f in forms):
                    problems.append(Problem(path, 0, f"group {gid!r}: forms of {t['term']!r} "
                                                     "must be a list of strings"))
                    continue
                terms.append(LexTerm(str(t["term"]), tuple(forms)))
            else:
                problems.append(Problem(path, 0, f"group {gid!r}: a term must be a string "
                                                 "or {term, forms}"))
        lexicon.groups.append(LexGroup(gid, str(entry.get("label") or gid), terms))
    return lexicon, problems


@dataclass(slots=True)
class TermUsage:
    term: str
    counts: dict[str, int]  # article id -> occurrences (only articles that use it)


@dataclass(slots=True)
class GroupUsage:
    group: str
    label: str
    terms: list[TermUsage]


def usage(lexicon: Lexicon, texts: dict[str, list[str]]) -> list[GroupUsage]:
    """For each group, each term used at least once in ``texts`` (article -> paragraphs)."""
    folded = {aid: fast_fold("\n".join(paras)) for aid, paras in texts.items()}
    out: list[GroupUsage] = []
    for group in lexicon.groups:
        used: list[TermUsage] = []
        for term in group.terms:
            counts = {aid: n for aid, text in folded.items() if (n := term.count(text))}
            if counts:
                used.append(TermUsage(term.term, counts))
        if used:
            out.append(GroupUsage(group.group, group.label, used))
    return out


def corpus_texts(corpus) -> dict[str, list[str]]:
    """Every paragraph of every article, for corpus-wide usage."""
    return {aid: [p.text for p in a.paragraphs()] for aid, a in corpus.articles.items()}
