"""The same person given different ranks or offices by different sources.

Titles are read where the text writes them next to a name:

- before it: "Russian Foreign Minister Sergei Lavrov", "President of the European Council
  Charles Michel", "Colonel General of the Russian Armed Forces Anatoly Sidorov";
- in apposition after it: "Anatoly Sidorov, Chief of Staff of the CSTO",
  "Lavrov, Russia's foreign minister".

A title is split into a military RANK ("colonel", "colonel general"), an OFFICE (its office
words in order, nationality and country words left out: "foreign minister", "deputy prime
minister", "president") and the BODY it names after "of" ("european council"), if any.
Two titles of one person, from two different articles, disagree when

- both give a rank and the ranks differ ("colonel" vs "colonel general");
- both give an office, neither office's words contain the other's ("foreign minister" vs
  "deputy prime minister"; but "minister" and "foreign minister" do not disagree), and the
  offices are not known equivalents ("chairman" / "president" of a body);
- both give the same office of a named body and the bodies differ ("President of the
  European Council" vs "President of the Council of Europe").

Titles marked as past or acting ("former", "ex-", "then", "acting", "late") are left out: a
person's office changes over time and these say so.  Precision over recall: a title must
stand right next to the name, and people are matched by names (briefing.analysis.names).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from briefing.analysis import sentences
from briefing.analysis.names import Name, same_person
from briefing.model import Corpus

# Office words: only these make up an office (everything else in a title is a modifier).
_OFFICE_WORDS = {
    "minister", "president", "premier", "chairman", "chairwoman", "chair", "chairperson",
    "speaker", "secretary", "ambassador", "envoy", "representative", "commander", "chief",
    "spokesman", "spokeswoman", "spokesperson", "head", "director", "governor", "mayor",
    "foreign", "defence", "defense", "interior", "finance", "deputy", "vice", "prime", "first",
    "state", "general-secretary", "secretary-general", "staff", "special", "high", "senator",
    "chancellor", "king", "queen", "emir", "ombudsman", "prosecutor", "economy", "justice",
    "chief-of-staff",
}
_HEADS = {
    "minister", "president", "premier", "chairman", "chairwoman", "chair", "chairperson",
    "speaker", "secretary", "ambassador", "envoy", "representative", "commander", "chief",
    "spokesman", "spokeswoman", "spokesperson", "director", "governor", "mayor", "senator",
    "chancellor", "secretary-general", "ombudsman", "prosecutor", "chief-of-staff",
}
_RANKS = ("field marshal", "colonel general", "lieutenant general", "major general",
          "brigadier general", "lieutenant colonel", "general", "colonel", "major", "captain",
          "lieutenant", "admiral", "vice admiral", "rear admiral", "marshal", "sergeant",
          "brigadier")
_RANK_WORDS = {w for r in _RANKS for w in r.split()}
_RANK_RES = [(r, re.compile(rf"\b{r}\b")) for r in _RANKS]
# Heads of a body that sources translate into each other.
_EQUIVALENT = [{"chairman", "chairwoman", "chair", "chairperson", "president", "head"},
               {"premier", "prime minister"}, {"defence", "defense"},
               {"envoy", "representative"}]
_PAST = {"former", "ex", "then", "acting", "late", "outgoing", "incoming", "future", "interim"}
# Capitalised words that end a name run: they belong to bodies, not to people.
_BODY_WORDS = {
    "council", "union", "parliament", "assembly", "committee", "organization", "organisation",
    "ministry", "forces", "armed", "security", "house", "representatives", "commission",
    "staff", "affairs", "states", "republic", "federation", "europe", "duma", "mejlis",
    "senate", "congress", "court", "bank", "government", "army", "navy", "office", "state",
    "department", "cabinet", "agency", "service", "guard", "nations", "treaty", "group",
}
_HEAD_OR_RANK = _HEADS | _RANK_WORDS
_TITLE_WORD = _HEADS | _RANK_WORDS | _OFFICE_WORDS
_NOT_NAME = _BODY_WORDS | _OFFICE_WORDS | _RANK_WORDS
_OFFICE_OR_RANK = _OFFICE_WORDS | _RANK_WORDS
# Every mention has a head or rank word as a whole token (_WORD, _low): a paragraph without
# one (most) has no mention and is skipped with one pass instead of being tokenised.  Such a
# token's lower case is a whole run of ASCII letters in the lower-cased text (a letter before
# or after it would be part of the token), or starts one ("chief" of "chief-of-staff").  Of
# all other characters only the Kelvin sign lower-cases to an ASCII letter ("k"): text with
# one is read in full.
_TITLE_STARTS = frozenset(w.split("-")[0] for w in _HEAD_OR_RANK)
_LETTER_RUN = re.compile(r"[a-z]+")


def _may_hold_a_title(text: str) -> bool:
    if "\u212a" in text:
        return True
    return not _TITLE_STARTS.isdisjoint(_LETTER_RUN.findall(text.lower()))


# A name token: "Nikol", "N.", "al-Burhan" (Arabic article), "O'Brien".
_NAME_TOKEN = r"(?:[A-Z]\.|(?:al|el|ul|ad|as|ash|at|az)-[A-Z][\w'’-]*|[A-ZÀ-Ý][\w'’-]*[a-zà-ÿ][\w'’-]*)"
_WORD = re.compile(r"[A-Za-zÀ-ÿ][\w'’.-]*[\w]|[A-Za-z]\.|[A-Za-z]|,")


@dataclass(frozen=True, slots=True)
class Title:
    rank: str | None  # "colonel general"
    office: tuple[str, ...]  # ("foreign", "minister")
    body: str | None  # "european council"
    text: str  # the title as written

    @property
    def empty(self) -> bool:
        return self.rank is None and not self.office


@dataclass(frozen=True, slots=True)
class Mention:
    article: str
    paragraph: str  # paragraph id
    name: Name
    title: Title
    start: int  # offsets of title + name in the paragraph text
    end: int
    sentence: str
    claims: tuple[str, ...] = ()  # claims whose quote overlaps the mention


@dataclass(slots=True)
class OfficeFinding:
    """One person, and two titles from different articles that cannot both be right."""

    person: str  # the fullest spelling seen
    kind: str  # "rank" | "office" | "body"
    a: Mention
    b: Mention
    mentions: list[Mention] = field(default_factory=list)  # every titled mention of the person

    @property
    def articles(self) -> list[str]:
        return [self.a.article, self.b.article]


# --------------------------------------------------------------------------- reading titles


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]


def _is_cap(tok: str) -> bool:
    return tok[:1].isupper()


def _low(tok: str) -> str:
    return tok.lower().rstrip(".").removesuffix("'s").removesuffix("’s")


def parse_title(words: list[str], text: str) -> Title:
    """Rank, office and body of a title given as words ("Russian", "Foreign", "Minister")."""
    low = " ".join(_low(w) for w in words).replace("chief of staff", "chief-of-staff").split()
    body = None
    if "of" in low:
        k = low.index("of")
        body_words = [w for w in low[k + 1:] if w not in ("the", "of", "and")]
        if body_words:
            body = " ".join(body_words)
        low = low[:k]
    joined = " ".join(low)
    rank = None
    for r, pattern in _RANK_RES:  # longest first in each family: "colonel general", "general"
        if pattern.search(joined):
            rank = r
            joined = pattern.sub(" ", joined)
            break
    office = tuple(w for w in joined.split() if w in _OFFICE_WORDS)
    if office and not any(w in _HEADS for w in office):
        office = ()  # "Foreign" alone is not an office
    return Title(rank, office, body, text)


def _title_start(toks: list[tuple[str, int, int]], i: int, text: str) -> int | None:
    """Index of the first word of a title whose first head or rank word is token i: the
    capitalised modifiers right before it ("Russian Foreign", "Deputy Prime", "EU Council").
    None when the title is marked as past or acting ("former Foreign Minister")."""
    j = i
    while j > 0 and i - j < 4 and not text[toks[j - 1][2]:toks[j][1]].strip() and (
            _is_cap(toks[j - 1][0]) or toks[j - 1][0] in _OFFICE_WORDS):
        j -= 1  # "Russian Foreign", or lower case: "Russian foreign minister Sergei Lavrov"
    if j > 0 and _low(toks[j - 1][0]) in _PAST or any(_low(toks[k][0]) in _PAST
                                                      for k in range(j, i)):
        return None
    while j < i and _low(toks[j][0]) not in _OFFICE_OR_RANK and (
            toks[j][2] - toks[j][1] < 2 or not _nationality(toks[j][0])):
        j += 1  # "In", "Meanwhile", a sentence's first word: not part of the title
    return j


def _lower_case_title(toks, i: int) -> bool:
    """A title in lower case right before a name ("foreign minister Sergei Lavrov", "army
    chief Abdel Fattah al-Burhan").  Ranks are not read in lower case: "general" and "major"
    are also adjectives."""
    w = toks[i][0]
    return (w in _HEADS and i + 1 < len(toks) and _is_cap(toks[i + 1][0])
            and re.fullmatch(_NAME_TOKEN, toks[i + 1][0]) is not None
            and _low(toks[i + 1][0]) not in _NOT_NAME)


def _nationality(word: str) -> bool:
    """A modifier a title may carry: "Russian", "Azerbaijani", "US", "EU", "Russia's"."""
    w = word.removesuffix("'s").removesuffix("’s")
    return w.isupper() or w.endswith(("an", "ani", "ese", "ish", "ch", "ic", "i")) or w != word


def _split_name(run: list[int], toks, title_has_of: bool) -> tuple[list[int], list[int]]:
    """A run of capitalised tokens after a title: (the part that belongs to the title, name)."""
    cut = 0
    for k, idx in enumerate(run):
        if _low(toks[idx][0]) in _NOT_NAME:
            cut = k + 1
    rest = run[cut:]
    if title_has_of and cut == 0 and len(rest) >= 3:  # "of Armenia Nikol Pashinyan"
        cut = len(run) - 2
    return run[:cut], run[cut:][:3]


def _of_phrase(toks, j: int) -> tuple[int, list[int]]:
    """After a head, at token j = "of": the title's last token and the name's tokens
    ("of the European Council Charles Michel" -> ... "Council", [Charles, Michel])."""
    of_words: list[int] = []
    k = j + 1
    while k < len(toks) and (toks[k][0] in ("the", "of") or (
            _is_cap(toks[k][0]) and re.fullmatch(_NAME_TOKEN, toks[k][0])
            and _low(toks[k][0]) not in _HEAD_OR_RANK)):
        of_words.append(k)
        k += 1
    caps_tail: list[int] = []
    for k in reversed(of_words):
        if toks[k][0] in ("the", "of"):
            break
        caps_tail.insert(0, k)
    keep, name_idx = _split_name(caps_tail, toks, True)
    title_end = j - 1
    if keep:
        title_end = keep[-1]
    elif caps_tail and caps_tail[0] - 1 > j:
        title_end = caps_tail[0] - 1
        while toks[title_end][0] in ("the", "of") and title_end > j:
            title_end -= 1
    return title_end, name_idx


def _name_after(toks, j: int) -> list[int]:
    """The name's tokens right after a title ending before token j (a comma may stand
    between: "Armenian Prime Minister, Nikol Pachinian")."""
    if j < len(toks) and toks[j][0] == ",":
        j += 1
    name_idx: list[int] = []
    while j < len(toks) and len(name_idx) < 3 and re.fullmatch(_NAME_TOKEN, toks[j][0]) \
            and _low(toks[j][0]) not in _NOT_NAME:
        name_idx.append(j)
        j += 1
    return name_idx


def mentions_in(text: str, article: str, paragraph: str) -> list[Mention]:
    """Titled mentions of people in one paragraph."""
    if not _may_hold_a_title(text):
        return []
    toks = _tokens(text)
    out: list[Mention] = []
    used: set[int] = set()
    i = 0
    while i < len(toks):
        w = toks[i][0]
        if i in used or _low(w) not in _HEAD_OR_RANK or not (
                _is_cap(w) or _lower_case_title(toks, i)):
            i += 1
            continue
        # extend right over the rest of the title ("Minister of Armenia") and the name
        j = i + 1
        while j < len(toks) and (_low(toks[j][0]) in _TITLE_WORD and _is_cap(toks[j][0])):
            j += 1
        if j + 1 < len(toks) and toks[j][0] == "of":
            title_end, name_idx = _of_phrase(toks, j)
        else:
            title_end, name_idx = j - 1, _name_after(toks, j)
        first = _title_start(toks, i, text)
        if not name_idx or first is None:
            i += 1
            continue
        title_words = [toks[k][0] for k in range(first, title_end + 1) if toks[k][0] != ","]
        title = parse_title(title_words, text[toks[first][1]:toks[title_end][2]])
        name = Name.parse(" ".join(toks[k][0] for k in name_idx))
        end = toks[name_idx[-1]][2]
        if not title.empty and len(name.surname) > 2:
            out.append(Mention(article, paragraph, name, title, toks[first][1], end, ""))
        # an appositive title after the name: "Anatoly Sidorov, Chief of Staff of the CSTO"
        k = name_idx[-1] + 1
        if k + 1 < len(toks) and toks[k][0] == ",":
            app = _appositive(toks, k + 1, text)
            if app is not None:
                a_title, a_end = app
                out.append(Mention(article, paragraph, name, a_title, toks[name_idx[0]][1],
                                   a_end, ""))
        used.update(range(i, name_idx[-1] + 1))
        i = name_idx[-1] + 1
    # a name, then its title in apposition, with no title before ("Lavrov, Russia's foreign
    # minister,")
    for m in _APPOSITION.finditer(text):
        name = Name.parse(m.group(1))
        if any(o.start <= m.start() < o.end for o in out) or len(name.surname) <= 2:
            continue
        if name.surname.lower() in _BODY_WORDS or _low(m.group(1).split()[0]) in _HEADS:
            continue
        words = m.group(2).split()
        if any(_low(w) in _PAST for w in words):
            continue
        title = parse_title(words, m.group(2))
        if not title.empty:
            out.append(Mention(article, paragraph, name, title, m.start(), m.end(), ""))
    return out


_APPOSITION = re.compile(rf"({_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,2}}),\s+(?:the\s+)?"
                         rf"((?:[A-Z][\w]*(?:'s|’s)?\s+)?(?:[a-z-]+\s+){{0,3}}"
                         rf"(?:{'|'.join(sorted(_HEADS, key=len, reverse=True))}))\b")


def _appositive(toks, k: int, text: str) -> tuple[Title, int] | None:
    j = k
    if j < len(toks) and toks[j][0] == "the":
        j += 1
    words: list[int] = []
    while j < len(toks) and toks[j][0] != "," and len(words) < 10 and (
            _is_cap(toks[j][0]) or toks[j][0] in ("of", "the", "and")):
        words.append(j)
        j += 1
    while words and toks[words[-1]][0] in ("of", "the", "and"):
        words.pop()
    if not words or not any(_low(toks[w][0]) in _HEADS for w in words):
        return None
    if _low(toks[words[0]][0]) in _PAST:
        return None
    low = [_low(toks[w][0]) for w in words]
    head_part = low[:low.index("of")] if "of" in low else low
    if not head_part or head_part[-1] not in _HEAD_OR_RANK and head_part[-1] != "staff":
        return None  # "..., Prime Minister N. Pachinian": the next item of a list, not apposition
    title = parse_title([toks[w][0] for w in words], text[toks[words[0]][1]:toks[words[-1]][2]])
    return None if title.empty else (title, toks[words[-1]][2])


# --------------------------------------------------------------------------- comparing


def _office_key(office: tuple[str, ...]) -> set[str]:
    words = set(office)
    for group in _EQUIVALENT:
        if words & group or " ".join(office) in group:
            words = (words - group) | {"<" + sorted(group)[0] + ">"}
    return words


def conflict(a: Title, b: Title) -> str | None:
    """"rank", "office" or "body" when two titles of one person cannot both be right."""
    if a.rank and b.rank and a.rank != b.rank:
        return "rank"
    if a.office and b.office:
        ka, kb = _office_key(a.office), _office_key(b.office)
        if not (ka <= kb or kb <= ka):
            return "office"
        if a.body and b.body and ka == kb and not _same_body(a.body, b.body):
            return "body"
    return None


def _same_body(a: str, b: str) -> bool:
    if a == b:
        return True
    wa, wb = a.split(), b.split()
    initials = lambda ws: "".join(w[0] for w in ws)  # noqa: E731 - "european union" -> "eu"
    if len(wa) == 1 and wa[0] == initials(wb) or len(wb) == 1 and wb[0] == initials(wa):
        return True
    return False


def corpus_mentions(corpus: Corpus) -> list[Mention]:
    out: list[Mention] = []
    for aid, article in corpus.articles.items():
        claims = corpus.claims_for_article(aid)
        for para in article.paragraphs():
            if para.lang:  # a passage in another language: its titles are not read
                continue
            found = mentions_in(para.text, aid, para.id)
            if not found:
                continue
            sents = sentences.split(para.text)
            for m in found:
                sent = next((s.text for s in sents if s.start <= m.start < s.end), "")
                ids = tuple(c.id for c in claims if c.paragraph_id == para.id
                            and c.start < m.end and m.start < c.end)
                out.append(Mention(m.article, m.paragraph, m.name, m.title, m.start, m.end,
                                   sent, ids))
    return out


def _people(mentions: list[Mention]) -> list[list[Mention]]:
    """Mentions grouped by person: a mention joins the first group whose every mention is
    the same person (names.same_person).  Compared by distinct spelling, not by mention: a
    group of 5,000 mentions holds a handful of spellings, so the grouping is linear in the
    mentions instead of quadratic."""
    # (mentions, spellings, spelling -> joins this group), the last forgotten when the
    # group gains a spelling
    groups: list[tuple[list[Mention], set[Name], dict[Name, bool]]] = []
    for m in mentions:
        for group, names, verdicts in groups:
            joins = verdicts.get(m.name)
            if joins is None:
                joins = verdicts[m.name] = all(same_person(m.name, o) for o in names)
            if joins:
                group.append(m)
                if m.name not in names:
                    names.add(m.name)
                    verdicts.clear()
                break
        else:
            groups.append(([m], {m.name}, {}))
    return [group for group, _, _ in groups]


def _title_key(title: Title) -> tuple:
    return (title.rank, title.office, title.body)


def _first_conflicts(group: list[Mention]) -> list[tuple[str, Mention, Mention]]:
    """(kind, a, b) for each kind of conflict, a and b the first such pair in the group's
    order (a before b, from different articles), in the order the pairs come.

    The same as trying every pair in order, but titles are compared once per pair of
    distinct titles and, for each mention, only the first later mention of each conflicting
    title is looked at: linear in the mentions, not quadratic."""
    by_title: dict[tuple, list[int]] = {}
    for x, m in enumerate(group):
        by_title.setdefault(_title_key(m.title), []).append(x)
    if len(by_title) < 2:
        return []
    titles = {key: group[xs[0]].title for key, xs in by_title.items()}
    against: dict[tuple, list[tuple[str, list[int]]]] = {
        ka: [(kind, by_title[kb]) for kb in by_title
             if (kind := conflict(titles[ka], titles[kb])) is not None]
        for ka in by_title}
    seen: set[str] = set()
    out: list[tuple[str, Mention, Mention]] = []
    kinds = {kind for pairs in against.values() for kind, _ in pairs}
    for x, a in enumerate(group):
        if seen >= kinds:
            break
        found: list[tuple[int, str]] = []
        for kind, positions in against[_title_key(a.title)]:
            if kind in seen:
                continue
            k = bisect_right(positions, x)
            while k < len(positions) and group[positions[k]].article == a.article:
                k += 1
            if k < len(positions):
                found.append((positions[k], kind))
        for y, kind in sorted(found):
            if kind not in seen:
                seen.add(kind)
                out.append((kind, a, group[y]))
    return out


def find(corpus: Corpus) -> list[OfficeFinding]:
    """Every person whose titles in two articles disagree (one finding per person and kind)."""
    out: list[OfficeFinding] = []
    for group in _people(corpus_mentions(corpus)):
        conflicts = _first_conflicts(group)
        if conflicts:
            person = max((str(m.name) for m in group), key=len)
            out.extend(OfficeFinding(person, kind, a, b, list(group)) for kind, a, b in conflicts)
    return out


def on_event(finding: OfficeFinding, corpus: Corpus, event_id: str) -> bool:
    """True when one of the two titles stands in a claim on the event."""
    return any(event_id in corpus.claims[c].events
               for m in (finding.a, finding.b) for c in m.claims if c in corpus.claims)


def for_event(corpus: Corpus, event_id: str) -> list[OfficeFinding]:
    """Findings with one of the two titles inside a claim on the event."""
    return [f for f in find(corpus) if on_event(f, corpus, event_id)]
