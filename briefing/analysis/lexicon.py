"""The curated framing lexicon (content/lexicon.yaml): which source uses which word for a thing.

File format (a list of groups; see content/lexicon.yaml)::

    - group: use-of-force
      label: Words for the use of force
      terms:
        - attack
        - {term: eco-activists, forms: [eco-activists, eco-activist, "eco activists"]}

A plain term also matches its regular inflections (attack -> attacks, attacked, attacking;
ally -> allies); ``forms`` lists the variants explicitly instead; ``except`` lists phrases in
which a form is used in another sense and is not counted (``{term: strike, forms: [strike,
strikes], except: [strikes a blow]}``).  Matching is on folded text (case, accents, quote
marks and dashes ignored) at word boundaries, so "clash" does not count inside "clashes"
twice and "ally" does not match "really".

Each stretch of text counts once, for the longest form that covers it, across the whole
lexicon: "peacekeeping troops" is one use of "peacekeepers", not also one of "troops";
"strategic partners" is not also "partners".  Counted per event, the text is the sentences of
the sources' claims on the event (briefing.analysis.framing.event_sentences), so "invasion"
in a sentence about Ukraine does not count for an event in Karabakh; :func:`hits` gives each
use with its paragraph and offsets, so every count can be traced to its sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from briefing.problems import Problem
from briefing.text import fold, folded_with_map


def _alternation(forms) -> re.Pattern[str] | None:
    alts = sorted({fold(f) for f in forms if f.strip()}, key=len, reverse=True)
    if not alts:
        return None
    body = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in alts)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])")


@dataclass(slots=True)
class LexTerm:
    term: str
    forms: tuple[str, ...]
    pattern: re.Pattern[str] = field(repr=False, compare=False, default=None)  # type: ignore
    exceptions: tuple[str, ...] = ()  # phrases where a form is in another sense
    except_pattern: re.Pattern[str] | None = field(repr=False, compare=False, default=None)

    def __post_init__(self) -> None:
        self.pattern = _alternation(self.forms) or re.compile(r"(?!x)x")
        self.except_pattern = _alternation(self.exceptions)

    def spans(self, folded_text: str) -> list[tuple[int, int]]:
        """[start, end) of each use in the intended sense (exception phrases left out)."""
        found = [m.span() for m in self.pattern.finditer(folded_text)]
        if self.except_pattern is None or not found:
            return found
        blocked = [m.span() for m in self.except_pattern.finditer(folded_text)]
        return [(a, b) for a, b in found if not any(x <= a and b <= y for x, y in blocked)]

    def count(self, folded_text: str) -> int:
        return len(self.spans(folded_text))


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
                exceptions = t.get("except") or []
                if not isinstance(exceptions, list) or not all(
                        isinstance(x, str) for x in exceptions):
                    problems.append(Problem(path, 0, f"group {gid!r}: except of {t['term']!r} "
                                                     "must be a list of strings"))
                    continue
                terms.append(LexTerm(str(t["term"]), tuple(forms),
                                     exceptions=tuple(exceptions)))
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


@dataclass(frozen=True, slots=True)
class Hit:
    """One use of a lexicon term: where it stands ([start, end) in ``text``, whose own offset
    in its paragraph is ``offset``), so a count can be traced to its sentence."""

    group: str
    term: str
    article: str
    start: int
    end: int
    text: str  # the sentence (or paragraph) searched
    paragraph: str | None = None
    offset: int = 0

    @property
    def written(self) -> str:
        return self.text[self.start:self.end]


def _matches(lexicon: Lexicon, text: str) -> list[tuple[int, int, LexGroup, LexTerm]]:
    """Every use in ``text``, overlaps resolved: the longest form covering a stretch wins."""
    folded, where = folded_with_map(text)  # where: folded offset -> offset in text
    found = [(where[a], where[b - 1] + 1, g, t)
             for g in lexicon.groups for t in g.terms for a, b in t.spans(folded) if b > a]
    found.sort(key=lambda x: (-(x[1] - x[0]), x[0]))
    taken: list[tuple[int, int]] = []
    kept = []
    for a, b, g, t in found:
        if any(a < y and x < b for x, y in taken):
            continue
        taken.append((a, b))
        kept.append((a, b, g, t))
    kept.sort(key=lambda x: x[0])
    return kept


def hits_in(lexicon: Lexicon, article: str, text: str, paragraph: str | None = None,
            offset: int = 0) -> list[Hit]:
    return [Hit(g.group, t.term, article, a, b, text, paragraph, offset)
            for a, b, g, t in _matches(lexicon, text)]


def usage(lexicon: Lexicon, texts: dict[str, list[str]]) -> list[GroupUsage]:
    """For each group, each term used at least once in ``texts`` (article -> texts)."""
    counts: dict[tuple[str, str], dict[str, int]] = {}
    for aid, chunks in texts.items():
        for chunk in chunks:
            for _, _, g, t in _matches(lexicon, chunk):
                per = counts.setdefault((g.group, t.term), {})
                per[aid] = per.get(aid, 0) + 1
    out: list[GroupUsage] = []
    for group in lexicon.groups:
        used = [TermUsage(t.term, counts[(group.group, t.term)]) for t in group.terms
                if (group.group, t.term) in counts]
        if used:
            out.append(GroupUsage(group.group, group.label, used))
    return out


def corpus_texts(corpus) -> dict[str, list[str]]:
    """Every paragraph of every article (passages in another language left out)."""
    return {aid: [p.text for p in a.paragraphs() if not p.lang]
            for aid, a in corpus.articles.items()}


def event_hits(lexicon: Lexicon, corpus, event_id: str,
               found: dict[str, list[tuple[str, int, str]]] | None = None) -> list[Hit]:
    """Every lexicon use in the sentences of the sources' claims on one event.
    ``found``: framing.event_sentences(corpus, event_id), if already computed."""
    from briefing.analysis.framing import event_sentences

    if found is None:
        found = event_sentences(corpus, event_id)
    return [h for aid, sents in found.items()
            for pid, offset, sent in sents for h in hits_in(lexicon, aid, sent, pid, offset)]
