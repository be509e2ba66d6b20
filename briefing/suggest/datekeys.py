"""Which happening a date in a claim is the date of, as a shared key ("csto-founding").

A date is keyed only when a happening word stands close before it ("founded in 2002",
"joining the CSTO in 1992", "since its establishment in 1994"), so that two sources giving
the date of the same happening compare.  The key names the happening and whose it is:
``<organisation>-founding``, ``<member>-joined-<organisation>``, ``<name>-<happening>``.
A happening word inside a longer name is not a happening ("the Collective Security Treaty
Organization, to which Armenia belongs, on 13 September": no treaty is dated).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from briefing.suggest.lexicon import (FUNCTION_WORDS, HAPPENINGS, NEWS_HAPPENINGS, PRICE_WORDS,
                                      RISE_WORDS)
from briefing.suggest.mentions import DateMention, Name
from briefing.suggest.names import slug

if TYPE_CHECKING:
    from briefing.suggest.claims import Proposal

WINDOW = 10  # lower-case words before a date searched for its happening word
# characters after "joining", "member of" in which the organisation is named (a long name
# written out before its acronym: "joining the Collective Security Treaty Organization (CSTO)")
_MEMBER_REACH = 60
_WORD = re.compile(r"[^\W\d_][\w’'\-]*")
_REACH = 400  # characters either side of a date in which its clause is read
# War and diplomacy first (a "closure" of a corridor is a blockade), then everyday news.
_DATED = {**NEWS_HAPPENINGS, **HAPPENINGS}
_MEMBER = frozenset({"member", "members", "membership", "joined", "joining", "join",
                     "accession", "acceded"})


def date_keys(text: str, date: DateMention, names: list[tuple[Name, str]]) -> list[str]:
    """Shared keys for ``date`` (offsets in ``text``, the claim's sentence); ``names`` are
    (name, canonical name) in the same text."""
    # A happening word across a semicolon or a dash is another clause's ("fell ill on 2
    # March; the most recent on 16 April": the second date is no onset).
    if _LIMIT.search(text, max(0, date.start - 30), date.start):
        return []  # "best-before dates up to 30 May", "before 9 April": a bound, not a day
    # Everything before a date is read through a bounded window, so that a long run of text
    # without a stop costs time in proportion to its length.
    lo = max(0, date.start - _REACH)
    clause = max(lo - 1, *(text.rfind(c, lo, date.start) for c in ";—–"))
    before = [m for m in _WORD.finditer(text, clause + 1, date.start)
              if m.start() > lo or not lo or not text[lo - 1].isalnum()]
    built = _built_key(text, clause + 1, date.start) or _published_key(text, clause + 1, date)
    if built:
        return [built]
    keys: list[str] = []
    words = 0
    for m in reversed(before):
        if not m.group()[:1].isupper():
            words += 1  # a long name ("the Collective Security Treaty Organization") is one
        if words > WINDOW:
            break
        low = m.group().lower()
        cls = "membership" if low in _MEMBER else _DATED.get(low) or _price_rise(text, m)
        if cls is None or _inside_name(text, m, names):
            continue
        if _ENDED.search(text, m.end(), date.start):
            break  # "the ban was lifted on 3 May", "rationing until June": its end, not it
        key = _key(text, cls, m.start(), m.end(), names)
        if key and key not in keys:
            keys.append(key)
        if cls not in ("membership", "founding"):
            break  # one happening per date, the nearest, unless it is about an organisation
    if not keys and _LEADING_TIME.search(text, max(0, date.start - _REACH), date.start):
        # "In September 2022, Azerbaijan launched an attack": a clause opening with its time
        # dates the happening that follows it.
        stop = _CLAUSE_STOP.search(text, date.end, date.end + _REACH)
        words = 0
        for m in _WORD.finditer(text, date.end, stop.start() if stop else date.end + _REACH):
            if not m.group()[:1].isupper():
                words += 1
            if words > WINDOW:
                break
            low = m.group().lower()
            cls = _DATED.get(low)
            if cls is None or cls in ("membership", "founding") or _inside_name(text, m, names):
                continue
            key = _key(text, cls, m.start(), m.end(), names)
            if key:
                keys.append(key)
            break
    return keys


# A thing built, and when it was opened or built: "The bridge, opened in 1967", "the Halvard
# Bridge, which opened in 1968", "the old terminal was built in 1961".  The key is the
# thing's noun and the verb ("bridge-opened"), so sources naming it differently ("the
# bridge", "the Halvard Bridge") compare; a name before the noun rides along after "@" for
# ``share_date_keys`` to check that no two sources name two such things.
_BUILT = re.compile(
    r"(?:\b(?P<det>[Tt]he|[Ii]ts|[Tt]heir|[Tt]his|[Tt]hat)\s+(?P<name>(?:[A-Z][\w’'-]*\s+)*)"
    r"(?P<mods>(?:[a-z][\w-]*\s+){0,2}?)(?P<head>[A-Za-z][a-z]+)"
    r"|\b(?P<name2>(?:[A-Z][\w’'-]*\s+)+)(?P<head2>[A-Z][a-z]+))"
    r"\s*(?:,\s*(?:which|that)\s+|,\s*|\s+(?:which|that)\s+)?"
    r"(?:(?:was|were|is|had|has|been|first|originally|only|finally)\s+)*"
    r"(?P<verb>opened|built|completed|constructed|erected)\s+(?:in|on)\s+(?:the\s+)?$")
_NOT_THINGS = frozenset({"year", "years", "month", "day", "week", "time", "one", "first", "last",
                         "same", "it", "which", "that", "who", "company", "firm", "police",
                         "fire", "inquiry", "investigation", "case", "trial", "market",
                         "markets", "season", "door", "doors", "way", "talks"})


def _built_key(text: str, start: int, date_start: int) -> str | None:
    m = _BUILT.search(text, max(start, date_start - 120), date_start)
    if m is None:
        return None
    head = (m["head"] or m["head2"]).lower()
    plural = head.endswith("s") and not head.endswith("ss")
    if head in _NOT_THINGS or head in FUNCTION_WORDS or plural:
        return None  # "the doors opened", "the bridges built": no one thing
    mods = "-".join((m["mods"] or "").split())
    written = " ".join((m["name"] or m["name2"] or "").split())
    name = slug(written) if written else ""  # "the Halvard Bridge": a named one
    verb = m["verb"]
    key = "-".join(x for x in (mods, head, verb) if x)
    return f"{key}@{name}" if name else key


# A report made public, and when: "the office today published its audit", "the report was
# published on Tuesday", "released the study on 3 May".  Sources call one document a
# report, an audit, a study: one key, "report-published", checked by ``_name_built_things``
# (dates of one month only: a briefing often cites an older report too).
_PUBLISHED = r"(?:published|released|issued|unveiled|presented)"
_DOCUMENTS = frozenset({"report", "audit", "study", "review", "survey", "findings", "analysis",
                        "assessment", "reports", "audits", "studies"})
_VERB_BEFORE = re.compile(r"\b" + _PUBLISHED + r"\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
_VERB_AFTER = re.compile(r"\s+" + _PUBLISHED + r"\b", re.IGNORECASE)
_DOC_AFTER_VERB = re.compile(r"\s*(?:(?:its|the|a|an|their|his|her|this|new|latest|annual|"
                             r"final|long-awaited)\s+)*([a-z]+)\b")
_PASSIVE = re.compile(r"\b(?:was|were|has been|have been|had been|is|are)\s+(?:\w+\s+){0,2}$")


def _published_key(text: str, start: int, date: DateMention) -> str | None:
    """"report-published@<words>": the words of the clause saying who published it and what
    about, for ``_name_built_things`` to check that two sources tell of one document."""
    verb = _VERB_AFTER.match(text, date.end)  # "the office today published its audit"
    if verb is None:
        before = _VERB_BEFORE.search(text, max(start, date.start - 40), date.start)
        if before is None:
            return None
        verb_end = before.start() + len(re.match(r"\w+", before.group()).group())
        verb_start = before.start()
    else:
        verb_start, verb_end = verb.end() - len(verb.group().lstrip()), verb.end()
    doc = _DOC_AFTER_VERB.match(text, verb_end)
    if doc and doc.group(1) in _DOCUMENTS:
        if _OTHER_DOCUMENT.search(doc.group()):
            return None  # "published a new report": not the one the others tell of
        return "report-published@" + _about(text, start, date)
    # "the report on the ferries was published": the nearest document noun before a passive
    words = list(_WORD.finditer(text, max(start, verb_start - 80), verb_start))[-8:]
    docs = [w for w in words if w.group().lower() in _DOCUMENTS]
    if docs and _PASSIVE.search(text, docs[-1].end(), verb_start):
        if _OTHER_BEFORE.search(text, max(start, docs[-1].start() - 40), docs[-1].start()):
            return None  # "a separate safety report ... was published"
        return "report-published@" + _about(text, start, date)
    return None


# "a separate report", "another study", "a second audit", "its new review": a document other
# than the one the sources tell of.
_OTHER = r"(?:separate|another|second|third|new|other|earlier|previous|further|different)"
_OTHER_DOCUMENT = re.compile(r"\b" + _OTHER + r"\b", re.IGNORECASE)
_OTHER_BEFORE = re.compile(r"\b" + _OTHER + r"\s+(?:[\w’'-]+\s+){0,2}$", re.IGNORECASE)
_NOT_ABOUT = FUNCTION_WORDS | _DOCUMENTS | frozenset(
    "published released issued unveiled presented report today yesterday on in was were has "
    "have had been is are said says found finds".split())


def _about(text: str, start: int, date: DateMention) -> str:
    """The content words of the date's clause, who published the document and what about,
    each cut to a stem ("ferries", "ferry" -> "ferry"; "inspectors", "inspectorate" ->
    "inspe") so that sources wording them differently still meet."""
    stop = _CLAUSE_STOP.search(text, date.end, date.end + _REACH)
    lo = max(start, date.start - 200)
    words = {w.lower() for w in _WORD.findall(text, lo, stop.start() if stop else date.end + 200)}
    return ".".join(sorted({_stem(w) for w in words if w not in _NOT_ABOUT} - {""}))


def _stem(word: str) -> str:
    word = re.sub(r"[’'].*$", "", word)
    word = re.sub(r"ies$", "y", word) if len(word) > 4 else word
    word = re.sub(r"(?:ses|xes|ches|shes)$", lambda m: m.group()[:-2], word)
    word = re.sub(r"(?<![su])s$", "", word)
    return word[:5]


_LIMIT = re.compile(r"\b(?:up to|until|till|before|after|through|no later than|by)\s+"
                   r"(?:the\s+)?(?:end of\s+|start of\s+)?$", re.IGNORECASE)
# An end word governs the date only right before it: "the ban was lifted on 3 May", "rationing
# until June"; "the cuts, which will last four hours a day, began on 12 January" is a start.
_ENDED = re.compile(r"\b(?:ended|ends|lifted|finished|until|till|expires|expired|extended|"
                    r"lasted|lasts|runs|ran)\s+(?:(?:on|in|at|to|into|through|until|till)\s+)?"
                    r"(?:the\s+)?(?:end\s+of\s+)?$", re.IGNORECASE)
_LEADING_TIME = re.compile(r"(?:^|[;:(—–]|,)\s*(?:(?:in|on|from|since|during|last|early|late|"
                           r"mid|the|night|of|end|start|beginning|by)\s+)*$", re.IGNORECASE)
_CLAUSE_STOP = re.compile(r"[;:()\[\]—–]|\.(?:\s|$)")


def _price_rise(text: str, m: re.Match[str]) -> str | None:
    """"pricerise" for a rise word with a price word among the three words before it or
    the two after ("tariffs will go up", "a tariff increase", "an increase in fares")."""
    if m.group().lower() not in RISE_WORDS:
        return None
    near = _WORD.findall(text[max(0, m.start() - 30):m.start()])[-3:]
    near += _WORD.findall(text[m.end():m.end() + 20])[:2]
    return "pricerise" if any(w.lower() in PRICE_WORDS for w in near) else None


def _inside_name(text: str, m: re.Match[str], names: list[tuple[Name, str]]) -> bool:
    """"Treaty" in "the Collective Security Treaty Organization" names an organisation, not a
    treaty signed; the last word of a name ("the Military Cooperation Treaty") still counts."""
    if m.group()[:1].isupper() and re.match(r"[ \u00a0-]+(?:of\s+)?[A-Z]", text[m.end():]):
        return True
    return any(n.start <= m.start() and m.end() < n.end for n, _ in names)


def _key(text: str, cls: str, start: int, end: int, names: list[tuple[Name, str]]) -> str | None:
    if not names:
        # "we recalled the cheese on 14 April": a briefing is on one topic, and the
        # happening alone is its key; ``share_date_keys`` keeps it only if unambiguous.
        return None if cls in ("membership", "founding") else cls
    if cls == "membership":
        after = [c for n, c in names if n.start >= end and n.start - end < _MEMBER_REACH]
        if not after:
            return None
        org = after[0]
        member = _antecedent(text, start, names, org)
        return f"{slug(member)}-joined-{slug(org)}" if member else None
    if cls == "founding":
        if not re.search(r"\w", text[:start]):  # "Conceived by X in 2002, the Y ...": Y
            comma = text.find(",", end)
            after = [c for n, c in names if comma >= 0 and n.start > comma]
            return f"{slug(after[0])}-founding" if after else None
        near = [(min(abs(n.start - end), abs(start - n.end)), c) for n, c in names
                if not re.search(r"\bby\s+(?:the\s+)?$", text[:n.start])]
        return f"{slug(min(near)[1])}-founding" if near else None
    near = [(min(abs(n.start - end), abs(start - n.end)), c) for n, c in names]
    return f"{slug(min(near)[1])}-{cls}"


def _antecedent(text: str, pos: int, names: list[tuple[Name, str]], org: str) -> str | None:
    """Who joins: the name a ", which"/", who" clause hangs on, else the nearest before."""
    before = [(n, c) for n, c in names if n.end <= pos and c != org]
    for n, c in reversed(before):
        if re.match(r"\s*,\s*(?:which|who)\b", text[n.end:]):
            return c
    return before[-1][1] if before else None


# Happenings whose key says whose they are only by the name nearest the date: sources name
# different sides of one attack ("Azerbaijan's attack", "the Armenian-Azerbaijani clashes").
# A founding or a membership is keyed by its organisation and member, and stays so.
_BY_NEAREST_NAME = frozenset(set(_DATED.values()) - {"founding", "membership"}) | {"pricerise"}


def share_date_keys(proposals: list[Proposal]) -> None:
    """One key for the dates of one happening across sources: keys of the same happening
    ("azerbaijan-attack", "armenian-azerbaijani-attack") from different articles whose dates
    all fall in one month (September 2022, 12 September 2022, 13 September 2022) are merged
    into the key most dates carry.  A key fitting two groups is left alone, and dates given
    only to the year are never merged (two attacks in one year are common)."""
    _name_built_things(proposals)
    values: dict[str, list[tuple[str, str]]] = {}  # key -> (article, ISO value)
    for p in proposals:
        for d, key in p.dates:
            if key and key.rsplit("-", 1)[-1] in _BY_NEAREST_NAME:
                values.setdefault(key, []).append((p.article_id, d.value))
    by_class: dict[str, list[str]] = {}
    for key in sorted(values, key=lambda k: (-len(values[k]), k)):
        by_class.setdefault(key.rsplit("-", 1)[-1], []).append(key)
    rename: dict[str, str] = {}
    for key, given in values.items():
        if _two_dates(given):
            rename[key] = ""  # two happenings under one key: neither is compared
    for keys in by_class.values():
        keys = [k for k in keys if k not in rename]
        groups: list[list[str]] = []
        for key in keys:
            fits = [g for g in groups if _same_month(values, g + [key])]
            if len(fits) == 1:
                fits[0].append(key)
            elif not fits:
                groups.append([key])
        for g in groups:
            articles = {a for k in g for a, _ in values[k]}
            if len(g) > 1 and len(articles) > 1:
                rename.update((k, g[0]) for k in g[1:])
    if not rename:
        return
    for p in proposals:
        p.dates = [(d, rename.get(key, key) or None if key else key) for d, key in p.dates]


def _two_dates(given: list[tuple[str, str]]) -> bool:
    """Whether a key names two happenings: one article gives it two dates, neither a less
    precise form of the other ("the strike began on 3 May ... the strike on 9 May"), or
    two articles give it dates of different years ("Armenia" and "agreement" near 2010 in
    one, near 9 November 2020 in another).  Sources disagreeing on the day or the month
    of one happening ("talks broke down in January 2021", "collapsed in April 2021") agree
    on its year far more often than one key names two."""
    return _one_source_two_dates(given) or len({v[:4] for _, v in given}) > 1


def _same_month(values: dict[str, list[tuple[str, str]]], keys: list[str]) -> bool:
    months = {v[:7] for k in keys for _, v in values[k]}
    return len(months) == 1 and len(next(iter(months))) == 7


def _name_built_things(proposals: list[Proposal]) -> None:
    """"bridge-opened@halvard-bridge" becomes "bridge-opened" unless the sources name two
    different such things ("the Halvard Bridge", "the Morvik Bridge"), or one source gives
    the key two dates: then no date of it is compared.  An unnamed "the bridge" is the bridge
    its own article names; when any source names one, an unnamed mention in an article that
    names none or several is left without a key (it may be another bridge)."""
    found: list[tuple[Proposal, int, str, str]] = []  # (claim, date index, base key, name)
    for p in proposals:
        for i, (d, key) in enumerate(p.dates):
            if key and key.partition("@")[0].rsplit("-", 1)[-1] in _BUILT_VERBS:
                base, _, name = key.partition("@")
                found.append((p, i, base, name))
    if not found:
        return
    own: dict[tuple[str, str], set[str]] = {}  # (article, base) -> the names it gives
    for p, _, base, name in found:
        if name:
            own.setdefault((p.article_id, base), set()).add(name)
    texts: dict[str, dict[str, str]] = {}
    for p in proposals:
        texts.setdefault(p.article_id, {})[p.paragraph.id] = p.paragraph.text
    resolved: list[tuple[Proposal, int, str, str | None]] = []
    for p, i, base, name in found:
        if base.endswith("-published"):
            name = None if name == "" else name
        elif not name:
            names = own.get((p.article_id, base)) or _names_in(texts[p.article_id].values(),
                                                               base.rsplit("-", 2)[-2])
            name = next(iter(names)) if len(names) == 1 else None
        resolved.append((p, i, base, name))
    named: dict[str, set[str]] = {}
    given: dict[str, list[tuple[str, str]]] = {}
    about: dict[str, list[tuple[str, set[str]]]] = {}  # documents: (article, its words)
    for p, i, base, name in resolved:
        if base.endswith("-published"):
            about.setdefault(base, []).append((p.article_id, set((name or "").split("."))))
        else:
            named.setdefault(base, set()).update([name] if name else [])
        given.setdefault(base, []).append((p.article_id, p.dates[i][0].value))
    bad = {b for b in given if len(named.get(b, ())) > 1 or _one_source_two_dates(given[b])
           or b.endswith("-published") and len({v[:7] for _, v in given[b] if len(v) == 10}
                                               | {v for _, v in given[b] if len(v) < 10}) > 1}
    # two sources tell of one document only when they share who published it or its subject
    bad |= {b for b, docs in about.items()
            if any(a1 != a2 and not (w1 & w2 - {""}) for a1, w1 in docs for a2, w2 in docs)}
    for p, i, base, name in resolved:
        lost = base in bad or (name is None and bool(named.get(base)))
        p.dates[i] = (p.dates[i][0], None if lost else base)


def _names_in(texts, head: str) -> set[str]:
    """The names an article gives a thing of kind ``head``: "the Halvard Bridge" -> "halvard"."""
    pattern = re.compile(r"\b((?:[A-Z][\w’'-]*\s+)+)" + re.escape(head.capitalize()) + r"\b")
    out: set[str] = set()
    for text in texts:
        for m in pattern.finditer(text):
            words = m.group(1).split()
            while words and words[0].lower() in _DETERMINERS:
                words.pop(0)
            if words:
                out.add(slug(" ".join(words)))
    return out


_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "this", "that"})


_BUILT_VERBS = frozenset({"opened", "built", "completed", "constructed", "erected", "published"})


def _one_source_two_dates(given: list[tuple[str, str]]) -> bool:
    """One article gives two dates, neither a less precise form of the other."""
    by_article: dict[str, set[str]] = {}
    for article, value in given:
        by_article.setdefault(article, set()).add(value)
    return any(a != b and not a.startswith(b) and not b.startswith(a)
               for vs in by_article.values() for a in vs for b in vs)
