"""Who makes a claim: the author, or the person a quotation or report attributes it to.

Looks for attribution in the sentence: "according to X", "X said (that)", "said X",
"X: “...”".  A quotation without attribution continues the last attributed speaker of the
paragraph.  In an interview (genre ``interview``) the answers are the interviewee's: the
article's named author.
"""

from __future__ import annotations

from bisect import bisect_left
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from briefing.suggest.lexicon import BUSINESS_HEADS, REPORTING
from briefing.suggest.mentions import Name
from briefing.suggest.verbs import has_verb

# Documents that speak for whoever wrote them: "The report found", "according to the audit".
_DOC_WORDS = ("report|study|survey|audit|review|analysis|assessment|inspection|investigation|"
              "research|bulletin|forecast|inquiry|poll|evaluation")
DOCUMENT_NOUNS = frozenset(_DOC_WORDS.split("|"))

# A quotation holds no opening mark of its own kind: one never closed then ends at the next
# (else it swallowed the quotation after it, and each such mark scanned to the end of the
# paragraph: quadratic in a long one).
# Bounded: a quotation mark left open would otherwise be followed to the paragraph's end,
# once for each one (quadratic on a long paragraph of "the '90s").
_QUOTED = re.compile(r"“([^”“]{3,3000})”|\"([^\"]{3,3000})\"|«\s*([^»«]{3,3000}?)\s*»"
                     # single quotation marks, as British news uses them: an apostrophe
                     # inside a word ("board’s", "don't") neither opens nor closes one
                     r"|(?<!\w)‘((?:[^‘’]|’(?=\w)){3,800}?)’(?!\w)"
                     r"|(?<![\w'])'((?:[^'\n]|'(?=\w)){3,800}?)'(?![\w'])")
_ACCORDING = re.compile(r"\b(?:according to|as per the words of|in the words of|as per"
                        r"|in the (?:view|opinion|estimate|estimation|judg(?:e)?ment|assessment) of"
                        r"|in(?=\s[^,;.]{0,60}['’]s (?:opinion|view|words|estimate|estimation|"
                        r"judg(?:e)?ment)\b))\s+(?:the\s+)?",
                        re.IGNORECASE)
_VIEW_NOUN = re.compile(r"['’]s\s+(?:opinion|view|words|estimate|estimation|judg(?:e)?ment)$")
# "The union's position is that ...": whose view, then the view.
_POSITION_IS = re.compile(r"\W*(?:[Tt]he\s+)?((?:[\w\-]+\s+){0,3}?[\w\-]+)['’]s\s+(?:[a-z]+\s+)?"
                          r"(?:view|position|argument|assessment|estimate|conclusion|"
                          r"contention|belief|expectation|forecast)\s+is\s+that\s+")
_TOKEN = re.compile(r"[\w’']+")
MIN_QUOTE_WORDS = 4  # shorter quoted words are scare quotes ("contact line"), not statements
# Between a speaker's name and the verb: nothing but auxiliaries and adverbs, or an apposition.
# "Meridian's spokesman said", "the ministry's press office said": the owner speaks.
_OWNED = re.compile(r"['’]s\s+(?:[a-z][\w\-]*\s+){0,2}(?:spokes(?:man|woman|person)|minister|"
                    r"ministry|office|leader|president|chief|head|director|lawyers?|envoy|"
                    r"representative|ambassador|government|embassy|secretary|chairman|chair|"
                    r"board|council|management|owners?|union)\s+"
                    r"(?:(?:also|has|had|then|later)\s+)?$")
# "A Tessa Water spokesperson said": the name a spokesperson is named by speaks.
_NAME_SPOKES = re.compile(r"\s+(?:spokes(?:man|woman|person)|press\s+officer|official|"
                          r"representative)\s+(?:(?:also|has|had|then|later)\s+)?$")
# "The company's chief executive said": a body named by a common noun, through its officer.
_OWNER_ROLE = re.compile(r"(?:^|(?<=[.!?,;:]\s)|(?<=\band\s)|(?<=\bbut\s))[Tt]he\s+"
                         r"((?:[a-z][\w\-]*\s+)?[a-z][\w\-]*)['’]s\s+(?:[a-z][\w\-]*\s+){0,2}?"
                         r"(?:spokes(?:man|woman|person)|executive|director|chairman|chairwoman|"
                         r"chair|president|head|chief|leader|secretary|manager|lawyers?|"
                         r"representative|owner|founder)\s+(?:(?:also|has|had|then|later)\s+)?$")
# "said in a statement on Monday that", "told reporters in Geneva that": where and when
# the words were said, then the statement.
_SAID_WHERE_THAT = re.compile(
    r"(?:\s+(?:in|on|at|to|during|after|before|late|earlier|a|an|the|his|her|their|its|this|"
    r"last|[A-Z][\w’'\-]*|\w+day|statement|interview|speech|press|conference|briefing|"
    r"reporters|journalists|parliament|television|radio|letter|post|message|week|month|"
    r"year|night|morning|evening|afternoon),?)+\s+that\s+")
# Between a subject and its verb of saying: an aside (", which represents about 4,000 farms,"
# -- a thousands comma is no break), a first verb it did too ("welcomed the ruling and"),
# adverbs.
_TO_VERB = re.compile(r"\s*(?:,(?:[^,;]|(?<=\d),(?=\d)){1,90},|,(?=\s))?"
                      r"(?:\s+[a-z]+ed\b[^,;.:“”\"]{0,60}?\s+and)?"
                      r"(?:\s+(?:also|has|had|have|then|later|again|repeatedly"
                      r"|recently|once|publicly|reportedly|previously|himself|herself|itself|now|still"
                      r"|currently))*\s*$")


@dataclass(frozen=True, slots=True)
class Attribution:
    speaker: str  # as written (canonicalised later)
    start: int  # where the attribution phrase is, in the text searched
    end: int
    content_start: int  # the reported content follows "that", when there is one
    reported: bool  # a verb of saying, "according to", or a quotation: a reported statement
    # someone's words ("X said that", "according to X"), not a reported act ("X accused Y
    # of", "X urged Y to")
    said: bool = False
    pronoun: bool = False  # "he said", "according to her": the speaker is named earlier
    # "according to the audit": a document, spoken for by whoever the article says wrote
    # it; nobody when the article does not say
    document: bool = False


def quotations(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Quoted passages of at least MIN_QUOTE_WORDS words in text[start:end] (inner offsets)."""
    out = []
    for m in _QUOTED.finditer(text, start, end):
        g = next(i for i in (1, 2, 3, 4, 5) if m.group(i) is not None)
        tokens = _TOKEN.findall(m.group(g))
        if len(tokens) >= MIN_QUOTE_WORDS and not _title_case(tokens):
            out.append((m.start(g), m.end(g)))
    return out


_SMALL = frozenset("of the and for in on at to a an de la".split())


def _title_case(tokens: list[str]) -> bool:
    """"Lapis Lazuli Transport Corridor", "The Day of the Jackal": a quoted name or title,
    not someone's words."""
    return all(t[:1].isupper() or t in _SMALL or not t[:1].isalpha() for t in tokens)


def attribution(text: str, start: int, end: int, names: list[Name]) -> Attribution | None:
    """The speaker a sentence (text[start:end]) attributes its content to, if any.

    ``names`` are the names in the sentence, offsets in ``text``."""
    sentence = text[start:end]
    # "Meridian said": a name right before a verb of saying speaks, whatever its ending.
    # A possessive ("Meridian's spokesman") is an owner, never an adjective either.
    names = [n for n in names if can_speak(n) or _SAYS_NEXT.match(text, n.end)
             or text[n.end:n.end + 2] in ("'s", "’s")]
    m = _ACCORDING.search(sentence)
    if m and re.match(r"(?:him|her)\b", sentence[m.end():]):
        return Attribution(sentence[m.end():m.end() + 3].strip(), start + m.start(),
                           start + m.end() + 3, start, True, said=True, pronoun=True)
    if m:
        phrase = _phrase_after(sentence, m.end())
        source = _EVIDENCE_BY.match(phrase)
        if source:
            # "according to a report published by the ministry on Wednesday": the ministry
            phrase = source.group(1)
        # "according to the EU's foreign policy chief Josep Borrell": the title's holder,
        # the last name of the phrase (which ends at the next comma).
        within = [n for n in names if start + m.end() <= n.start
                  and n.end <= start + m.end() + len(phrase)]
        if not within and not source:
            owned = _according_owned(text, start, start + m.start(), phrase, names)
            if owned is not None:
                opens = re.match(r"\W*$", sentence[:m.start()]) and re.match(
                    r"[^,;:.()]*,\s+", sentence[m.end():])
                content = start + m.end() + opens.end() if opens else start
                return Attribution(owned, start + m.start(), start + m.end() + len(phrase),
                                   content, True, said=True, pronoun=owned in ("it", "they"),
                                   document=owned in DOCUMENT_NOUNS)
        after = within[-1:] or [n for n in names if start + m.end() <= n.start
                                <= start + m.end() + 40
                                and not _BY_WHO_SAW.search(text, max(start, n.start - 30), n.start)]
        speaker = after[0] if after else None
        who = _with_role(speaker) if speaker else _VIEW_NOUN.sub("", phrase)
        if who and not _NOT_A_SOURCE.match(who):
            # "According to Weber, the board has ...": the statement follows the phrase.
            opens = re.match(r"\W*$", sentence[:m.start()]) and re.match(
                r"[^,;:.()]*,\s+", sentence[m.end():])
            content = start + m.end() + opens.end() if opens else start
            return Attribution(who, start + m.start(), start + m.end() + len(phrase), content,
                               True, said=True)
    evidence = _evidence(text, start, end, names) or quoted_as(text, start, end, names)
    if evidence is not None:
        return evidence
    m = _POSITION_IS.match(text, start, end)
    if m and m.group(1).split()[-1].lower() not in _NOT_SPEAKERS:
        return Attribution(m.group(1), m.start(1), m.end(), m.end(), True, said=True)
    first: re.Match[str] | None = None
    prev_tm: re.Match[str] | None = None
    word = ""
    quoted = _quoted_in(sentence)
    for i, tm in enumerate(_TOKEN.finditer(sentence)):
        prev, word = word, tm.group().lower()
        before_tm, prev_tm = prev_tm, tm
        first = first or tm
        if any(a <= tm.start() < b for a, b in quoted):
            continue  # '"... Nobody told us," said X': a verb inside the words is not whose
        if word in _CALLING and _CALLED_ACT.match(sentence, tm.end()):
            continue  # "The union has called a strike": an act, not words
        if prev in _PASSIVE and (word in REPORTING or word in SAYING or word in _FINDING):
            # "It was announced today that X": no one is named, the writer reports X;
            # "The disease was confirmed by the laboratory": a fact, not someone's words.
            that = _THAT.match(sentence, tm.end()) or _SAID_WHERE_THAT.match(sentence, tm.end())
            if i == 2 and first.group().lower() == "it" and that:
                return Attribution("", start + first.start(), start + tm.end(),
                                   start + that.end(), False)
            continue
        # "The association is calling for ...": a demand made, as "calls for" is.
        progressive = word in _PROGRESSIVE and prev in ("is", "are", "was", "were")
        # "The inquiry found that ...", "the court ruled that ...": a finding is stated.
        finding = word in _FINDING and _THAT_NEXT.match(sentence, tm.end()) is not None
        saying = word in SAYING or finding
        put_at = word in ("put", "puts", "estimated", "estimates") and _PUT_AT.match(
            sentence, tm.end())
        # "Analysts at Corbel estimate the recall will cost ...", "the institute now counts
        # 37 cases": a body's estimate or count, its statement (subject checked below).
        estimating = word in _ESTIMATING and not _NOT_COUNTING.match(sentence, tm.end())
        closes = word in ("estimated", "estimates", "estimate") and _CLOSES.match(
            sentence, tm.end())
        # "Meteorologist Piet Mol believes the drought ...": a person's view, said.
        opinion = word in _OPINION_VERBS and any(
            _personal(n) and n.end <= start + tm.start() and _TO_VERB.match(text, n.end, start + tm.start())
            for n in names)
        # "Economists from the Varn Institute expect ...": the body's people, its view.
        opinion = opinion or (word in _OPINION_PLURAL | _OPINION_VERBS and any(
            n.end <= start + tm.start() and _TO_VERB.match(text, n.end, start + tm.start())
            and _PEOPLE_AT.search(text, max(start, n.start - 40), n.start) for n in names))
        # "The board expects the reservoirs to be empty by November": a body's forecast.
        body_view = (word in _OPINION_VERBS and _BODY_VIEW.search(text, start, start + tm.start())
                     and not _SAID_AT_END.search(sentence))  # "..., she said.": hers
        opinion = opinion or bool(body_view)
        saying = saying or opinion
        if word in _MORE_SAYING and (_QUOTE_MARK.search(sentence) or (
                _AFTER_SAYING.match(sentence, tm.end()) and (
                    word not in _ALSO_NOT_SAYING or _THAT_WORD.match(sentence, tm.end())))):
            saying = True  # '"...," Ruiz tweeted', "she conceded that", "Kol complained."
        elif (word not in REPORTING and not finding and not put_at and not closes
                and not progressive and not opinion and not estimating):
            continue
        pos = start + (before_tm.start() if progressive and before_tm else tm.start())
        # "X said", "X, Head of the Y, also said": the subject, not the nearest name.
        before = [n for n in names if n.end <= pos and pos - n.end <= 100
                  and (_TO_VERB.match(text, n.end, pos) or _OWNED.match(text, n.end, pos)
                       or _NAME_SPOKES.match(text, n.end, pos))]
        group = _GROUP_AT.fullmatch(text, start, before[0].start) if before else None
        if group and not _body(before[0]) and group.group(1).lower() not in _NOT_SPEAKERS:
            # "Shopkeepers on Bridge Street say ...": the people at the place, not the place
            that = ((_THAT.match(sentence, tm.end()) or _SAID_WHERE_THAT.match(sentence, tm.end())
                     or _BARE_CONTENT.match(sentence, tm.end())) if saying else None)
            return Attribution(group.group(1).lower(), start + group.start(1), start + tm.end(),
                               start + that.end() if that else start, True, said=saying)
        if before and _ASKED_BY.search(text, max(start, before[0].start - 40), before[0].start):
            # "Residents interviewed by the Tessa Post said": the residents, not the paper
            group = _GROUP_OPENING.match(text, start, before[0].start)
            if group:
                return Attribution(group.group(1), start + 0, start + tm.end(), start, True,
                                   said=saying)
            before = []
        before = _person_in_apposition(text, _body_at(text, before[:1], names), names, pos)
        acting = (_ACTING_FOR.search(text, max(start, before[0].start - 50), before[0].start)
                  if before and _personal(before[0]) else None)
        if acting:
            # "A lawyer for Ms Berg said she would appeal": the lawyer speaks, not Berg
            who = text[acting.start():before[0].end]
            return Attribution(re.sub(r"^(?:[Aa]n?|[Tt]he)\s+", "", who), acting.start(),
                               start + tm.end(), start, True, said=saying)
        after = [n for n in names if n.start >= start + tm.end()
                 and (n.start - (start + tm.end()) <= 2
                      # "..., says the Meteorological Institute.": the name closing a clause
                      or (_THE_ONLY.fullmatch(text, start + tm.end(), n.start)
                          and _CLAUSE_END.match(text, n.end) and not _personal(n)
                          and tm.start() > 0 and _COMMA_BEFORE.search(text, start, start + tm.start()))
                      or n.role
                      and re.fullmatch(r"\s*(?:the\s+)?[\w\s]{0,30}", text[start + tm.end():n.start])
                      and not _THAT_NEXT.search(text, start + tm.end() - 1, n.start + 1))]
        if estimating and not before:
            after = []  # "the recall will cost an estimated ..." names no one estimating
        if not before and not after and saying:
            # '"...," said senior prosecutor Daniel Aberg.': a role in lower case, then
            # the person, closing the sentence or its clause.
            after = [n for n in names if n.start >= start + tm.end() and _personal(n)
                     and _ROLE_WORDS.fullmatch(text, start + tm.end(), n.start)
                     and _CLAUSE_END.match(text, n.end)][:1]
        if not before and not after:
            # "said a spokesman for Green Valley", "said the head of the Water Board"
            after = [n for n in names if n.start >= start + tm.end()
                     and _SPOKESPERSON.fullmatch(text, start + tm.end(), n.start)]
        if not before and not after:
            # "said the union's president, Karl Weiss", "said one, Mira Sol, a teacher"
            after = [n for n in names if n.start >= start + tm.end() and _personal(n)
                     and _ROLE_THEN_NAME.fullmatch(text, start + tm.end(), n.start)][:1]
        speaker = before[-1] if before else (after[0] if after else None)
        if speaker is None:
            # "A board spokesperson said", "said a spokesman for the water authority": the
            # body the spokesperson speaks for, named by a common noun.
            spokes = (_SPOKES_BEFORE.search(text, start, pos)
                      or _SPOKES_AFTER.match(text, start + tm.end(), end))
            if spokes:
                # "The spokesperson added": no body named, the one who spoke last
                body = spokes.group("org") or spokes.group("pre") or _SPOKES_NOUN.search(
                    spokes.group()).group()
                that = ((_THAT.match(sentence, tm.end()) or _SAID_WHERE_THAT.match(sentence, tm.end())
                         or _BARE_CONTENT.match(sentence, tm.end()))
                        if saying and spokes.end() <= pos else None)
                content = start + that.end() if that else start
                return Attribution(body.split()[-1] if not spokes.group("org") else body,
                                   start + spokes.start(), max(pos, spokes.end()), content,
                                   True, said=saying)
            owner = _OWNER_ROLE.search(text, start, pos)
            if owner and owner.group(1).split()[-1] not in _NOT_SPEAKERS:
                that = (_THAT.match(sentence, tm.end()) or _SAID_WHERE_THAT.match(sentence, tm.end())
                        or _BARE_CONTENT.match(sentence, tm.end())) if saying else None
                content = start + that.end() if that else start
                return Attribution(owner.group(1), owner.start(1), start + tm.end(), content,
                                   True, said=saying)
            pronoun = (_PRONOUN_SUBJECT.search(text, start, pos)
                       or _IT_SUBJECT.fullmatch(text, start, pos)
                       or (_IT_CLOSING.search(text, start, pos)
                           if _CLAUSE_END.fullmatch(text, start + tm.end(), end)
                           or _WHEN_CLOSING.fullmatch(text, start + tm.end(), end) else None))
            if pronoun and saying:
                that = (_THAT.match(sentence, tm.end()) or _SAID_WHERE_THAT.match(sentence, tm.end())
                        or _BARE_CONTENT.match(sentence, tm.end()))
                content = start + that.end() if that else start
                return Attribution(pronoun.group(1), pronoun.start(1),
                                   start + tm.end(), content, True, said=True, pronoun=True)
            # "The operator put the number at ...", "the ministry said that ...": a speaker
            # named by a common noun (the subject right before the verb).
            described = (_DESCRIBED_SUBJECT.search(text, start, pos)
                         or (_COUNTING_SUBJECT.search(text, start, pos) if estimating else None))
            first_verb = (_FIRST_VERB_SUBJECT.match(text, start, pos)
                          if saying and not described else None)
            if first_verb:
                # what it did and what it said are one claim, its words
                return Attribution(first_verb.group(1), first_verb.start(1), start + tm.end(),
                                   start, True, said=False)
            if estimating and described and described.group(1).split()[-1] not in _BODIES:
                described = None  # "the recall will cost ...": a thing counts nothing
            if described and described.group(1).split()[-1] not in _NOT_SPEAKERS:
                that = ((_THAT.match(sentence, tm.end()) or _SAID_WHERE_THAT.match(sentence, tm.end())
                         or _BARE_CONTENT.match(sentence, tm.end()))
                        if saying and not _stated_before(text, start, described.start(1))
                        else None)
                content = start + that.end() if that else start
                return Attribution(described.group(1), described.start(1), start + tm.end(),
                                   content, True, said=saying)
            continue
        rest = sentence[tm.end():]
        told = None
        if word in ("told", "tells", "tell"):
            told = _TOLD_THAT.match(rest) or _TOLD_OBJECT.match(rest)
        if told and not has_verb(told.group()):
            # "told Nordpress the birds had ...": whom it was told, then the statement
            rest = rest[told.end():]
            tm_end = tm.end() + told.end()
        else:
            tm_end = tm.end()
        that = _SAID_WHERE_THAT.match(rest) or _NAMED_THAT.match(rest)
        # What follows "X said (that)" is the claim; what follows "X accused Y of", "X put
        # the number at" is not a statement of its own: the whole sentence is the claim.
        states = that is not None and (saying or "that" in that.group()
                                       or ":" in that.group())
        content = (start + tm_end + that.end()
                   if states and speaker.end <= pos and not _stated_before(text, start, speaker.start)
                   # "X confirmed that A, but said B": both X's, the sentence is the claim
                   and not _SAID_AGAIN.search(sentence, tm_end + that.end())
                   else start)
        return Attribution(_with_role(speaker), speaker.start, start + tm.end(), content, True,
                           said=saying)
    return _unnamed(text, start, end)


# The quoted stretches of a sentence, with one whose opening mark is in an earlier
# sentence ('Nobody told us," said X.': the words up to the closing mark).
_CLOSING_FIRST = re.compile(r"^[^\"“”]*?[\w.,!?…](?:”|\"(?=[\s,.;:!?]|$))")


def _quoted_in(sentence: str) -> list[tuple[int, int]]:
    if not _QUOTE_MARK.search(sentence):
        return []
    m = _CLOSING_FIRST.match(sentence)
    head = [(0, m.end())] if m else []
    return head + [(q.start(), q.end()) for q in _QUOTED.finditer(sentence, m.end() if m else 0)]


# A second verb of saying for the same subject: "..., but said", "and added that".
_SAID_AGAIN = re.compile(r",?\s+(?:but|and)\s+(?:also\s+)?(?:said|says|added|adds|insisted|"
                         r"insists|warned|warns|stressed|stresses|noted|notes)\b")
# "called a strike", "calls an election", "called off the talks": calling as an act.
_CALLING = frozenset("call calls called".split())
_CALLED_ACT = re.compile(r"\s+(?:an?|off|in)\b")
# A group of people at a place opening the sentence: "Shopkeepers on Bridge Street",
# "Farmers near Tessa", "Commuters in the Old Town".
_GROUP_AT = re.compile(r"\W*((?:[A-Z]?[a-z\-]+\s+)?[A-Za-z][a-z\-]+s)\s+(?:on|in|along|near|"
                       r"around|outside|across|from|by)\s+(?:the\s+)?")

_VERBS = "|".join(sorted(REPORTING, key=len, reverse=True))
# A speaker named by a common noun: "..., the chamber of commerce said." at the end,
# "Officials say that ..." / "Fruit growers said ..." at the start.
_OPINION = "expect|believe|estimate|predict|forecast|fear|think|warn|say|argue|insist|agree"
_SPOKES = (r"(?:[Aa]n?|[Tt]he)\s+(?:(?P<pre>[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,2})\s+)?"
           r"(?:spokes(?:person|man|woman)|press officer|official|representative)"
           r"(?:\s+(?:for|of|at|from)\s+(?:the\s+)?(?P<org>[a-z][\w\-]*(?:\s+[a-z][\w\-]*){0,3}))?")
_SPOKES_NOUN = re.compile(r"spokes(?:person|man|woman)|press officer|official|representative")
SPOKES_NOUNS = frozenset("spokesperson spokesman spokeswoman officer official representative".split())
_SPOKES_BEFORE = re.compile(r"(?:^|(?<=[\s,;:]))" + _SPOKES + r"\s*(?:,[^,]{0,60},\s*)?"
                            r"(?:(?:also|has|had|then|later)\s+)?$")
_SPOKES_AFTER = re.compile(r"\s+" + _SPOKES + r"\s*(?:[,.;]|$)")
# When or how the closing attribution was made: "..., the office said on Tuesday.",
# "..., officials said in a statement late on Friday."
_WHEN_SAID = (r"(?:\s+(?:on|late|early|earlier|later|last|this|in\s+a|in\s+an|in\s+its|"
              r"in\s+their|at\s+a|at\s+the)\b[^,.;:“”\"]{0,40}?)?")
# Estimating closing a sentence: "..., the ministry estimated on Friday."
_ESTIMATED = "estimated|calculated|reckoned|predicted|forecast|forecasts|reckons|calculates"
_TRAILING = re.compile(r",\s+((?:the|a|an|some|many|several|other)\s+)?([a-z][\w’'\-]*(?:\s+[\w’'\-]+){0,6}?)"
                       r"\s+(?:" + _VERBS + "|" + _OPINION + "|" + _ESTIMATED + r")" + _WHEN_SAID
                       + r"[.!]?[\"”’]?$")
_ASIDE = re.compile(r",\s+((?:the|a|an|some|many|several|other)\s+)?([a-z][\w’'\-]*(?:\s+[\w’'\-]+){0,3}?)"
                    r"\s+(?:" + _VERBS + "|" + _OPINION + r"),\s+")
_LEADING = re.compile(r"((?:[A-Z]?[a-z]+s?['’]?\s+){0,2}(?!(?:was|has|is|does|this|thus|as|us)\b)[a-z]+s"
                      r"|[A-Z][a-z]+s)\s+(?:(?:have|had|also|long|repeatedly)\s+)*(?:"
                      + _VERBS + "|" + _OPINION + r"|described|recounted)\s+(?:that\s+)?(?=[a-z\d])")
# "Residents who use the bridge said ...": a group described by a relative clause.
_GROUP_WHO = re.compile(r"\W*([A-Z][a-z\-]{2,}[^s\W]s)\s+who\s+[^,;:.\"“”]{3,80}?\s+"
                        r"(?:(?:have|had|also)\s+)*(?:said|say|told|tell|described|describe|"
                        r"recalled|recall|warned|warn|insisted|insist)\s+(?:that\s+)?(?=[a-z\d])")


_PEOPLE_LEADING = re.compile(
    r"\W*((?:[A-Z]?[a-z\-]+\s+)?(?:[Aa]nalysts|[Ee]conomists|[Rr]esearchers|[Ss]cientists|"
    r"[Ee]xperts|[Oo]fficials|[Ss]taff|[Ii]nvestigators|[Ll]awyers|[Dd]octors|[Ii]nspectors|"
    r"[Ee]mployees|[Ww]orkers|[Rr]esidents|[Ss]ources)\s+(?:at|for|from|of|in)\s+"
    r"(?:the\s+|a\s+)?(?:[\w’'\-]+\s+){0,3}?[\w’'\-]+)\s+"
    r"(?:(?:also|have|had|now|still)\s+)?(?:said|says|say|argued|argue|warned|warn|told|tell|"
    r"insisted|insist|expected|expect|believed|believe|feared|fear|estimated|estimate|"
    r"alleged|allege|claimed|claim)\b(?:\s+that)?\s*")


# A clause closing on "say" that is no attribution: "..., whatever the farmers say."
_NOT_OPENING = frozenset("""whatever whoever whichever however as if when because unless
though although what than""".split())


def _stated_before(text: str, start: int, at: int) -> bool:
    """"The wells ran dry in May, Lopez told the Herald": the statement comes before its
    speaker, and what follows the verb is where it was said."""
    before = text[start:at].rstrip()
    if _CIRCUMSTANCE.match(before):
        return False  # "Asked whether prices would rise, Berg said ...": when, not what
    return before.endswith(",") and len(_TOKEN.findall(before)) >= 4 and has_verb(before)


# A participle opening on when or how the words were said.
_CIRCUMSTANCE = re.compile(r"\W*(?:Asked|Pressed|Questioned|Challenged|Interviewed|Speaking|"
                           r"Responding|Replying|Writing|Talking|Commenting|Addressing)\b")


# "X was quoted by the Post as saying (that) ...", "X is quoted as saying ...".
_QUOTED_AS = re.compile(r"\s+(?:was|is|were|are|has\s+been|had\s+been)\s+(?:also\s+)?quoted\s+"
                        r"(?:by\s+[^,;]{1,50}?\s+|in\s+[^,;]{1,50}?\s+)?as\s+saying\b(?:\s+that\b)?[,:]?\s*")
# "..., the Post reported, citing two officials at the ministry.": whom the outlet cites.
_CITING = re.compile(r",\s+citing\s+((?:an?|the|two|three|several|unnamed|anonymous)?\s*"
                     r"[^,;.]{2,60}?)\s*[.!]?[\"”’]?$")
# Unnamed sources: "A source familiar with the plan said", "People close to the talks say".
_FAMILIAR = re.compile(r"\W*((?:[Aa]n?|[Tt]wo|[Tt]hree|[Ss]everal|[Ss]ome)?\s*(?:[a-z]+\s+)?"
                       r"(?:[Ss]ources?|[Pp]eople|[Pp]erson|[Oo]fficials?|[Dd]iplomats?|"
                       r"[Ii]nsiders?)\s+(?:familiar\s+with|close\s+to|with\s+knowledge\s+of|"
                       r"briefed\s+on|involved\s+in|aware\s+of)\s+[^,;.]{2,60}?)\s+"
                       r"(?:said|say|says|told|tell|added)\b(?:\s+that)?\s*")
# "Local media reported that ...": the press as a speaker.
_MEDIA_LEADING = re.compile(r"\W*((?:[A-Z]?[a-z]+\s+){0,2}?(?:media|press|newspapers|reports))\s+"
                            r"(?:reported|report|say|said|says)\b(?:\s+that)?\s*")


def quoted_as(text: str, start: int, end: int, names: list[Name]) -> Attribution | None:
    """"X was quoted by the Post as saying that ...": X's words."""
    m = _QUOTED_AS.search(text, start, end) if "quoted" in text[start:end] else None
    if m is None:
        return None
    who = [n for n in names if n.end == m.start() and can_speak(n)]
    if not who:
        return None
    return Attribution(who[0].text, who[0].start, m.end(), m.end(), True, said=True)


def _unnamed(text: str, start: int, end: int) -> Attribution | None:
    sentence = text[start:end]
    m = _CITING.search(sentence) if "citing" in sentence else None
    if m and has_verb(sentence[:m.start()]):
        return Attribution(re.sub(r"^(?:an?|the)\s+", "", m.group(1)), start + m.start(1), end,
                           start, True)
    m = _FAMILIAR.match(sentence) or _MEDIA_LEADING.match(sentence)
    if m:
        return Attribution(re.sub(r"^(?:[Aa]n?|[Tt]he)\s+", "", m.group(1).strip()),
                           start + m.start(1), start + m.end(), start + m.end(), True, said=True)
    m = _TRAILING.search(sentence)
    if m and m.group(2).split()[0] not in _NOT_SPEAKERS | _NOT_OPENING:
        return Attribution(m.group(2), start + m.start(2), end, start, True)
    m = _ASIDE.search(sentence)
    if m and m.group(2).split()[0] not in _NOT_SPEAKERS and has_verb(sentence[:m.start()]):
        # "Water use fell by 18 percent, officials said, but not enough."
        return Attribution(m.group(2), start + m.start(2), start + m.end(), start, True)
    m = _PEOPLE_LEADING.match(sentence)
    if m:
        # "Lawyers for the family argue that X", "Staff at the plant said X"
        content = start + m.end() if has_verb(sentence[m.end():]) else start
        return Attribution(m.group(1), start + m.start(1), start + m.end(), content, True,
                           said=content > start)
    m = _GROUP_WHO.match(sentence)
    if m:
        # who they are is part of what is checked: the whole sentence is the claim
        return Attribution(m.group(1).lower(), start + m.start(1), start + m.end(), start,
                           True, said=True)
    m = _LEADING.match(sentence)
    if m and m.group(1).split()[-1].lower() not in _NOT_SPEAKERS:
        # "Officials say that X": X is the claim; "Analysts expect traffic to return": the
        # whole sentence is (what follows is no statement of its own).
        verb = next(w for w in sentence[m.end(1):m.end()].lower().split()
                    if w not in ("have", "had", "also", "long", "repeatedly"))
        # "Witnesses described hearing a crack": what they told, not a statement of its own
        content = (start + m.end() if has_verb(sentence[m.end():])
                   and verb not in ("described", "recounted") else start)
        return Attribution(m.group(1), start, start + m.end(), content, True,
                           said=content > start and verb in SAYING)
    return None


# Verbs of saying whose object is the statement itself ("said the strike was illegal");
# other reporting verbs ("accused X of", "urged X to") report an act, not a quotable claim.
SAYING = frozenset("""
said says stated states declared declares told tells announced announces added adds noted
notes stressed stresses insisted insists argued argues claimed claims warned warns explained
explains wrote writes asserted asserts emphasized emphasised emphasizes emphasises
acknowledged acknowledges admitted admits replied replies affirmed affirms reiterated
reiterates confirmed confirms repeated repeats maintained maintains reported reports
say warn argue insist tell explain acknowledge admit stress confirm reiterate assert
""".split())
_FINDING = frozenset("""
found finds concluded concludes ruled rules showed shows revealed reveals established
establishes determined determines judged judges
""".split())
_THAT_NEXT = re.compile(r"\s+that\s")
_SAYS_NEXT = re.compile(r"\s+(?:(?:also|has|had|have|then|later|again)\s+)?(?:" +
                        "|".join(sorted(SAYING, key=len, reverse=True)) + r")\b")
_PUT_AT = re.compile(r"\s+(?:the|its|their|his|her)\s+(?:[a-z]+\s+){0,2}?(?:number|figure|toll|"
                     r"count|cost|total|losses|loss|damage|turnout|attendance|bill|shortfall|"
                     r"fall|rise|drop|decline|increase|growth|gap|overspend|overpayment|"
                     r"deficit|value|amount|rate|share|level|size|tally)(?:\s+(?:of|in|for)\s+[^,.;]{1,50}?|,[^,]{1,40},)?"
                     r"\s+at\b")
# Verbs of estimating or counting: a statement when a name is their subject.
_ESTIMATING = frozenset("""estimate estimates count counts reckon reckons calculate
calculates calculated""".split())
_NOT_COUNTING = re.compile(r"\s+(?:on|upon|for|towards|against|down|up)\b")  # "counts on"
# "... 1,850 households the cooperative now counts": a body's count in a relative clause.
_COUNTING_SUBJECT = re.compile(r"(?<=\s)[Tt]he\s+([a-z][\w\-]*)\s+(?:(?:now|still|also|"
                               r"currently)\s+)?$")
# "The company halted production and said ...": the subject opening the sentence says.
_FIRST_VERB_SUBJECT = re.compile(r"\W*[Tt]he\s+((?:[a-z][\w\-]*\s+)?(?:" + "|".join(
    ("company", "firm", "group", "cooperative", "bank", "insurer", "regulator", "ministry",
     "authority", "council", "agency", "union", "court", "board", "institute", "police",
     "government", "operator", "retailer", "carrier", "airline", "maker", "utility",
     "association", "federation", "commission", "office", "department")) + r"))\s+"
    r"(?!said|says)[a-z]+ed\b[^,;:.“”\"]{0,90}?\s+and\s+(?:(?:also|then|later)\s+)?$")
_ROLE_WORDS = re.compile(r"\s+(?:(?!the\b|a\b|an\b|that\b|it\b|they\b)[a-z][\w\-]*\s+){1,3}")
_CLAUSE_END = re.compile(r"\s*(?:[,.;!]|$)")
_SPOKESPERSON = re.compile(
    r"\s+(?:a|an|the)\s+(?:[a-z]+\s+){0,2}(?:spokes(?:man|woman|person)|representative|"
    r"official|officials|member|lawyer|leader|head|director|chief|chair|chairman|"
    r"chairwoman|president|secretary|minister|adviser|advisor|source|analyst|economist|"
    r"researcher|engineer|expert)\s+(?:for|of|at|from|with)\s+(?:the\s+)?")
# "..., the union estimates.": an estimate closing its sentence is a statement.
_CLOSES = re.compile(r"\s*(?:that\b|[.!]?[\"”’]?$)")
# "he said", "she has repeatedly warned": a pronoun right before the verb of saying.
_PRONOUN_SUBJECT = re.compile(r"\b([Hh]e|[Ss]he)\s+(?:(?:\w+ly|also|has|had|then|later|again)\s+)*$")
# "It said ...", "They say ..." opening a sentence: a body named before, not a person.
_IT_SUBJECT = re.compile(r"\W*(It|They)\s+(?:(?:\w+ly|also|has|have|had|then|later|again)\s+)*$")
# "..., it warned.": a body named before, closing the sentence it said.
_IT_CLOSING = re.compile(r"(?<=,)\s+(it|they)\s+(?:(?:\w+ly|also|has|have|had|then|later)\s+)*$")
_WHEN_CLOSING = re.compile(_WHEN_SAID[3:-2] + r"\s*[.!]?[\"”’]?\s*")
# The subject of a clause: at the start of the sentence or after a comma or conjunction,
# not the end of a phrase ("the dissolution of the USSR and eventually declared").
_DESCRIBED_SUBJECT = re.compile(r"(?:^|(?<=[.!?,;:]\s)|(?<=[.!?,;:][”\"]\s)|(?<=\band\s)"
                                r"|(?<=\bbut\s)|(?<=\bwhile\s))"
                                r"[Tt]he\s+((?:[A-Z][\w\-]*\s+)?(?:[a-z][\w\-]*['’]?\s+)?"
                                r"(?!(?:and|or|but|of|in|on|at|to|for|with|by|from|also|has|"
                                r"had|then|later|again|first|now|already|still|since)\b)"
                                r"[a-z][\w\-]*)\s*(?:,\s+(?:which|who|whose|in|on)\b"
                                r"(?:[^,;]|(?<=\d),(?=\d)){1,90},)?\s+"
                                r"(?:(?:\w+ly|also|has|had|then|later|again|first|now|"
                                r"already|still|since)\s+)*$")


_ROLE_THEN_NAME = re.compile(r"\s+(?:one|(?:the|a|an|its|their|his|her|[A-Z][\w’'\-]*['’]s)"
                             r"(?:\s+[\w’'\-]+){1,5}),\s+(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)?")
# Verbs of saying beyond the lexicon's, as news writes them with a quotation or before
# "that" ("Russia continued its offensive" says nothing).
_MORE_SAYING = frozenset("""tweeted posted continued conceded concedes countered responded
complained complains concluded observed remarked joked boasted allege alleges alleged
contend contends contended testified testifies disclosed discloses cautioned cautions
""".split())
# Saying only with a quotation or "that": "The shelling continued: ...", "The talks
# concluded." and "Prices responded." say nothing.
_ALSO_NOT_SAYING = frozenset("""posted continued concluded observed responded complained
complains""".split())
_THAT_WORD = re.compile(r"\s*that\b")
_QUOTE_MARK = re.compile(r"[\"“”‘«»]")
_AFTER_SAYING = re.compile(r"\s*(?:that\b|[,.;:!]|$)")
_BODY_VIEW = re.compile(r"(?:^|(?<=[.!?,;:]\s)|(?<=\band\s)|(?<=\bbut\s))[Tt]he\s+(?:[a-z][\w\-]*\s+)?(?:"
                        + "|".join(("board", "institute", "ministry", "authority", "council",
                                    "agency", "union", "bank", "company", "firm", "group",
                                    "regulator", "operator", "utility", "association",
                                    "federation", "commission", "office", "department",
                                    "government", "insurer", "lender", "fund", "service"))
                        + r")\s+(?:(?:also|now|still|currently)\s+)?$")
_SAID_AT_END = re.compile(r",\s+(?:[\w’'\-]+\s+){1,5}?(?:said|says|added|adds|told|tells|"
                          r"warned|warns|insisted|insists)\b[^,;]{0,40}$")
_OPINION_VERBS = frozenset("""believes believed thinks thought expects expected fears feared
predicts predicted doubts doubted suspects suspected""".split())
# The same in the plural, for people at a body: "Economists at the bank expect ...".
_OPINION_PLURAL = frozenset("believe think expect fear predict doubt suspect forecast".split())
# People speaking for a body: "analysts at X", "economists from X", "officials of X".
_PEOPLE_AT = re.compile(
    r"\b(?:[A-Za-z][\w\-]*\s+)?(?:analysts?|economists?|researchers?|scientists?|experts?|"
    r"officials?|staff|strategists?|investigators?|accountants?|auditors?|engineers?|"
    r"doctors?|inspectors?|executives?|managers?|sources?|people|employees|academics?|"
    r"statisticians?|epidemiologists?|lawyers?|prosecutors?|officers?)\s+"
    r"(?:at|from|of|with|for|in)\s+(?:the\s+)?$", re.IGNORECASE)
# Whom a lawyer or an aide acts for is not who speaks: "A lawyer for Ms Berg said".
_ACTING_FOR = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Hh]is|[Hh]er|[Tt]heir)\s+(?:[a-z]+\s+){0,2}?"
                         r"(?:lawyers?|attorneys?|solicitors?|counsel|barristers?|aides?|"
                         r"advisers?|advisors?)\s+(?:for|of|to)\s+"
                         r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?$")
_PASSIVE = frozenset("was were been being be is are".split())
_PROGRESSIVE = frozenset("calling urging demanding pressing".split())
# Whom something was told: a name, a pronoun, "reporters", "the BBC".
_TOLD_OBJECT = re.compile(r"\s+(?:(?:the\s+)?[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,3}|reporters|"
                          r"journalists|him|her|them|us|me|parliament|lawmakers|MPs)(?=\s+[a-z])")
# Evidence a body gave: "data from the statistics office", "images analysed by the
# University of Kelden", "a report published by the ministry".
_EVIDENCE_NOUNS = (r"(?:data|figures|statistics|numbers|images|records|documents?|reports?|"
                   r"stud(?:y|ies)|surveys?|polls?|research|analys[ie]s|audits?|reviews?|tests?|"
                   r"results|estimates?|bulletins?|census|registers?|forecasts?)")
_EVIDENCE_BY = re.compile(r"(?:an?\s+|the\s+|new\s+|latest\s+|official\s+|its\s+)*(?:[a-z]+\s+)?"
                          r"(?:statement|letter|filing|notice|press release|memo|" + _EVIDENCE_NOUNS[3:]
                          + r"\s+(?:(?:published|released|compiled|analy[sz]ed|"
                          r"commissioned|issued|carried out|gathered)\s+)?(?:by|from)\s+(?:the\s+)?"
                          r"(.+?)(?:\s+(?:on|in|last|this|earlier|late|at|for|from|since)\b.*)?$",
                          re.IGNORECASE)
_EVIDENCE_SHOWS = re.compile(
    r"(?:^|,\s+|\b(?:and|but)\s+)((?:[\w\-]+\s+){0,3}?(?:statement|letter|" + _EVIDENCE_NOUNS[3:]
    + r"\s+(?:(?:published|released|compiled|analy[sz]ed|commissioned|issued|gathered)\s+)?"
    r"(?:by|from)\s+(?:the\s+)?([^,;:.]{2,60}?)"
    r"|(?:the\s+)?((?:[A-Z][\w\-]*\s+){0,4}?[\w\-]+)['’]s\s+(?:(?:latest|new|own|annual|monthly|"
    r"weekly|first|last|final|written)\s+)?(?:[a-z]+\s+)?(?:statement|letter|" + _EVIDENCE_NOUNS[3:]
    + r")\s+(?:(?:also|now|have|has|had)\s+)?"
    r"(?:said|says|stated|states|added|noted|warned|"
    r"show|shows|showed|shown|found|find|finds|suggest|suggests|suggested|indicate|"
    r"indicates|indicated|reveal|reveals|revealed)\b", re.IGNORECASE)


_EVIDENCE_VERB = re.compile(r"\b(?:said|says|stated|states|added|noted|warned|show|shows|showed|"
                            r"shown|found|find|finds|suggest|suggests|suggested|indicate|"
                            r"indicates|indicated|reveal|reveals|revealed)\b")
_EVIDENCE_WORD = re.compile(r"\b(?:statement|letter|" + _EVIDENCE_NOUNS[3:] + r"\b",
                            re.IGNORECASE)


def _evidence(text: str, start: int, end: int, names: list[Name]) -> Attribution | None:
    """"Satellite images analysed by the University of Kelden show that X", "X, data from
    the statistics office showed on Wednesday": the body whose evidence it is speaks."""
    sentence = text[start:end]
    if not (_EVIDENCE_VERB.search(sentence) and _EVIDENCE_WORD.search(sentence)):
        return None  # the common case, found cheaply
    m = _EVIDENCE_SHOWS.search(sentence)
    if m is None:
        return None
    g = 2 if m.group(2) else 3
    a, b = start + m.start(g), start + m.end(g)
    inside = [n for n in names if a <= n.start and n.end <= b]
    who = inside[-1].text if inside else m.group(g).strip()
    rest = sentence[m.end():]
    that = _THAT.match(rest) or _BARE_CONTENT.match(rest) if m.start(1) == 0 else None
    content = start + m.end() + that.end() if that else start
    return Attribution(who, start + m.start(1), start + m.end(), content, True, said=True)


class _Complement:
    """A "that" opening what was said, a few words after the verb ("told reporters that",
    "said on Monday that"); not when those words hold a verb of their own: in "says it met
    that deadline" the "that" points at the deadline."""

    def __init__(self, pattern: str) -> None:
        self._re = re.compile(pattern)

    def match(self, s: str, pos: int = 0) -> re.Match[str] | None:
        m = self._re.match(s, pos)
        if m and re.search(r"\bthat\s*$", m.group()) and has_verb(m.group()[:-5]):
            return None
        return m


# "told a council meeting that", "told the committee on Tuesday that": whom, then what.
_TOLD_THAT = re.compile(r"(?:\s+(?!that\b)[\w’'\-]+,?){1,6}?(?=\s+that\s)")
_THAT = _Complement(r"\s+(?:[\w’']+\s+){0,2}?that\s+|\s*:\s*")
_NAMED_THAT = _Complement(r"\s+(?:[\w’']+\s+){0,2}?that\s+|\s*:\s*"
                          r"|\s+(?=[A-Za-z])(?!(?:to|in|on|at|by|for|with|of|about)\b)")
# "the ministry said the fund had paid out ...": the statement right after the verb.
_BARE_CONTENT = re.compile(r"\s+(?=[A-Za-z])(?!(?:to|in|on|at|by|for|with|of|about|from|after|"
                           r"before|during|as|so|and|but|or|reporters|journalists)\b)")
# "according to our information", "according to the report": no one to name.
_NOT_A_SOURCE = re.compile(r"(?:our|my|their|its|his|her|this|these|some|the)\s+"
                           r"(?:information|sources?|data|figures?|reports?|estimates?)\b"
                           r"|(?:our|my)\b"
                           # "according to an internal memo": no one to name
                           r"|(?:(?:an?|the)\s+)?(?:[a-z]+\s+)?(?:memo|memos|letter|document|"
                           r"documents|email|emails|filing|draft|minutes|notes)$", re.IGNORECASE)


def _person_in_apposition(text: str, before: list[Name], names: list[Name],
                          pos: int) -> list[Name]:
    """For "Egypt's leader, President Sissi, said": the person in the apposition, not the
    country owning the title."""
    if before:
        # "The Chief Veterinary Officer, Dr Karin Holm, said", "A spokeswoman for the
        # Farmers' Association, Maria Lund, said": the person the commas set off.
        for n in names:
            if (before[0].end < n.start and n.end <= pos and _personal(n)
                    and _APPOSED.fullmatch(text, before[0].end, n.start)
                    and re.fullmatch(r",\s*(?:\w+ly\s+|also\s+)*", text[n.end:pos])):
                return [n]
    if not before or not re.match(r"['’]s\b", text[before[0].end:before[0].end + 2]):
        return before
    inside = [n for n in names if before[0].end < n.start and n.end <= pos and _personal(n)]
    return inside[:1] or before


def _body_at(text: str, before: list[Name], names: list[Name]) -> list[Name]:
    """For "A study by the Institute for Urban Mobility at Varn University ... put": the
    body at a place or a parent body, not the place."""
    if before:
        for n in names:
            if (n.end < before[0].start and _body(n) and not _personal(n)
                    and _AT_BODY.fullmatch(text, n.end, before[0].start)):
                return [n]
    return before


_THE_ONLY = re.compile(r"\s+the\s+")
_COMMA_BEFORE = re.compile(r",\s*[\"”’]?\s*$")
# Whom a newsroom asked is no part of who speaks: "Residents interviewed by the Post said".
_ASKED_BY = re.compile(r"\b(?:interviewed|contacted|reached|polled|surveyed|quoted|cited|"
                       r"questioned)\s+by\s+(?:the\s+)?$")
_GROUP_OPENING = re.compile(r"\W*((?:[A-Z]?[a-z\-]+\s+){0,2}?[A-Za-z][a-z\-]+s)\s+(?:interviewed|"
                            r"contacted|reached|polled|surveyed|quoted|cited|questioned)\b")
_AT_BODY = re.compile(r"\s+(?:at|of)\s+(?:the\s+)?")
_APPOSED = re.compile(r",\s+(?:(?:Dr|Mr|Mrs|Ms|Prof|Professor|Sir|Dame)\.?\s+)?")


_NOT_SPEAKERS = frozenset("""it this that which who he she they we there here one
this report reports statement statements data figures results study studies document""".split())


def _personal(name: Name) -> bool:
    """A person's name: a title before it, or two or three capitalised words, the last not
    the head of an organisation's name ("Orvan Water Board", "Hydrology Institute")."""
    return _personal_form(name.text, bool(name.role))


@lru_cache(maxsize=65536)
def _personal_form(text: str, titled: bool) -> bool:
    parts = text.split()
    if parts and parts[-1].lower().strip("’'") in _BODIES:
        return False
    if not titled and _body_form(text):
        # "Halden Ferries", "Corran Logistics": a company's name; "Institute for Urban
        # Mobility"; "the Tramworkers' Guild", "Dairy Farmers’ Association": its members'
        return False
    return titled or (2 <= len(parts) <= 6 and all(p[:1].isupper() for p in parts[-2:]))


_BODY_SUBJECT = re.compile(r"\W*[Tt]he\s+((?:[a-z][\w\-]*\s+){0,2}?(?:board|institute|union|ministry|"
                           r"authority|council|agency|company|bank|party|court|commission|"
                           r"federation|association|committee|government|department|"
                           r"police|army|regulator|operator|utility|firm|group|office))\b")
_BODIES = frozenset("""
board institute institution union ministry authority authorities council agency company
bank party court commission federation association group office department committee
service services corporation corp inc ltd plc organisation organization foundation
university college school hospital police army forces navy government parliament senate
assembly chamber league club society trust fund network alliance coalition centre
center bureau directorate administration secretariat tribunal cabinet press times post
news herald journal radio television cooperative co-operative firm insurer regulator
operator utility lender
""".split())


# A plural possessive inside a name names a body of people, not a person: "Tramworkers'
# Union", "Farmers’ Cooperative", "Veterans' Affairs" ("Russia's Sergey Lavrov" is one).
_MEMBERS_OWN = re.compile(r"\ws['’]\s+[A-Z]")


_ADJECTIVAL = re.compile(r"(?:ian|ani|ese|ish|ean|ic)$|-[a-z]")


def can_speak(name: Name) -> bool:
    """"Turkish-Azerbaijani", "Iranian": qualifiers of someone, not someone."""
    return not _ADJECTIVAL.search(name.text)


def subject_speaker(text: str, start: int, quote_start: int, names: list[Name]) -> str | None:
    """For "X made a veiled threat: “...”": the person named before the quotation."""
    before = [n for n in names if start <= n.start and n.end <= quote_start and _personal(n)]
    return before[0].text if before else None


def last_person(text: str, names: list[Name], before: int) -> str | None:
    """The person a "he" or "she" at ``before`` most likely stands for: the last person
    named before it (a title or a first and last name), leaving out one introduced as
    someone's relation ("his counterpart, Speaker X": not the "he" who then speaks)."""
    people = [n for n in names if n.end <= before and _personal(n) and can_speak(n)
              and not _RELATION.search(text, max(0, n.start - 70), n.start)]
    return people[-1].text if people else None


def last_body(names: list[Name], before: int) -> Name | None:
    """The organisation an "It said" at ``before`` stands for: the last name before it in
    its paragraph that is a body by its form (an organisation's head word, an acronym, a
    plural possessive: "Transport Safety Board", "NTSB", "Farmers' Union")."""
    bodies = [n for n in names if n.end <= before and _body(n)]
    return bodies[-1] if bodies else None


def is_person_name(text: str) -> bool:
    """Whether ``text`` is, by its form, a person's name (for the bodies that spoke)."""
    return _personal(Name(text, 0, len(text)))


def is_body_name(text: str) -> bool:
    """Whether a speaker is a body by its form: a common noun ("ministry", "the union") or
    an organisation's name ("Tessa Water Board"); a lone surname is not."""
    return text[:1].islower() or _body(Name(text, 0, len(text)))


# Common nouns for the business named last before them in a paragraph ("Tessa Water said
# ... The utility added"): FIRM_NOUNS and the trades a business names itself by.
LOCAL_FIRM_NOUNS = frozenset("""utility operator brewer bakery carmaker shipper shipbuilder
miner producer""".split())


def last_business(names: list[Name], before: int) -> Name | None:
    """The company a "the company said" at ``before`` stands for: the last business name
    (by its form: "Halden Ferries disputed the findings. In a statement, the company said")
    before it in its paragraph."""
    firms = [n for n in names if n.end <= before and business(n)]
    return firms[-1] if firms else None


def body_subject(text: str, s_start: int) -> str | None:
    """For "The ministry of agriculture defended the plan. It said ...": the body, named
    by a common noun, that the last sentence before ``s_start`` opened on."""
    from briefing.suggest.sentences import split_sentences

    lo = max(0, s_start - _LOOK_BACK)  # the last sentence is enough: not the whole paragraph
    before = [(lo + a, lo + b) for a, b in split_sentences(text[lo:s_start])]
    if not before:
        return None
    a, b = before[-1]
    m = _BODY_SUBJECT.match(text, a, b)
    return m.group(1) if m else None


_LOOK_BACK = 3000  # characters: longer than any one sentence
_COMMON_SUBJECT = re.compile(r"\W*(?:The|This|That|Its|Their)\s+[a-z]")


def nearer_subject(text: str, body: Name, s_start: int) -> bool:
    """Whether a sentence between ``body`` and the sentence at ``s_start`` opens on a
    common noun ("The report found ..."): the nearer thing an "It" stands for."""
    from briefing.suggest.sentences import split_sentences

    # Bounds are found by local rules, so splitting from the body's own start gives the
    # same sentences after it as splitting the whole paragraph, at the cost of the span.
    lo = body.start
    return any(body.end <= lo + a and _COMMON_SUBJECT.match(text, lo + a, lo + b)
               for a, b in split_sentences(text[lo:s_start]))


def business(name: Name) -> bool:
    """A company's name by its last word: "Halden Ferries", "Corran Logistics"."""
    parts = name.text.split()
    return len(parts) >= 2 and parts[-1].lower().strip("’'.,") in BUSINESS_HEADS


def _body(name: Name) -> bool:
    return _body_form(name.text)


@lru_cache(maxsize=65536)
def _body_form(text: str) -> bool:
    parts = text.split()
    return bool(parts) and (parts[-1].lower().strip("’'") in _BODIES
                            or (len(parts) >= 2 and parts[-1].lower().strip("’'.,") in BUSINESS_HEADS)
                            # "Institute for Urban Mobility", "Ministry of Health"
                            or (len(parts) > 2 and parts[0].lower() in _BODIES
                                and parts[1] in ("of", "for"))
                            or _MEMBERS_OWN.search(text) is not None
                            or (text.isupper() and 2 <= len(text) <= 6 and text.isalpha()))


# An apposition says what a name is: "the discount chain Corvel", "Corvel, a discount
# chain with 300 outlets", "Calloway, the country's largest pharmacy chain,".  Its head
# noun then names it: "the chain said" is Corvel's word.
_NOUN_BEFORE = re.compile(r"\b(?:the|a|an)\s+(?:[\w’'\-]+\s+){0,3}?([a-z][a-z\-]{2,})\s+$")
_NOUN_AFTER = re.compile(r",?\s+(?:the|a|an)\s+(?:[\w’'\-]+\s+){0,4}?([a-z][a-z\-]{2,})"
                         r"(?=\s*[,.;:)]|\s+(?:with|of|in|on|at|for|that|which|who|whose|"
                         r"based|and|since|from)\b)")


def descriptions(paragraphs: Iterable, found: dict[str, list[Name]]) -> dict[str, set[str]]:
    """head noun -> the names the article describes by it, from appositions."""
    out: dict[str, set[str]] = {}
    for para in paragraphs:
        text = para.text
        for n in found.get(para.id, ()):
            for word in (n.role or "").lower().split():
                if word not in _COURTESY:  # "Labour Minister Ana Ruiz": "the minister said"
                    out.setdefault(word.strip("’'s"), set()).add(n.text)
            if can_speak(n):
                # "a report published by the Hydrology Institute", "the institute's annual
                # report", "X released a study": "the report says" is its author's word
                m = (_DOC_BY.search(text, max(0, n.start - 60), n.start)
                     or _DOC_OWN.match(text, n.end) or _DOC_ISSUED.match(text, n.end))
                if m:
                    out.setdefault(m.group(1), set()).add(n.text)
            if not can_speak(n):
                continue  # a qualifier is named by nothing
            if _personal(n):
                # "Piet Mol, a hydrologist at ...": "the hydrologist said"; "Anna Berg, 54,":
                # "the 54-year-old said" (a role before the name is read above)
                m = _NOUN_AFTER.match(text, n.end) if text[n.end:n.end + 1] == "," else None
                if m and m.group(1) not in _NOT_HEADS:
                    out.setdefault(m.group(1), set()).add(n.text)
                age = _AGE_AFTER.match(text, n.end)
                if age:
                    out.setdefault(f"{age.group(1)}-year-old", set()).add(n.text)
                continue
            m = _NOUN_BEFORE.search(text, max(0, n.start - 60), n.start)
            if m and m.group(1) not in _NOT_HEADS:
                out.setdefault(m.group(1), set()).add(n.text)
            m = _NOUN_AFTER.match(text, n.end)
            if m and m.group(1) not in _NOT_HEADS:
                out.setdefault(m.group(1), set()).add(n.text)
    return out


_AGE_AFTER = re.compile(r",\s*(\d{1,3}),")
_DOCUMENTS = "(" + _DOC_WORDS + ")"
_DOC_BY = re.compile(r"\b" + _DOCUMENTS + r"\s+(?:(?:published|released|issued|commissioned|"
                     r"written|compiled|carried out)\s+)?(?:by|from)\s+(?:the\s+)?$")
_DOC_OWN = re.compile(r"['’]s?\s+(?:(?:new|latest|annual|own|first|final|full|\d{4})\s+)?"
                      r"(?:[a-z]+\s+)?" + _DOCUMENTS + r"\b")
_DOC_ISSUED = re.compile(r"\s+(?:(?:has|have|today|yesterday|on\s+[A-Z][a-z]+day)\s+)*"
                         r"(?:published|released|issued|commissioned)\s+"
                         r"(?:a|an|its|their|the)\s+(?:[\w\-]+\s+){0,3}?" + _DOCUMENTS + r"\b")
# "The report says ...": a document speaking for whoever wrote it.
_DOC_SAYS = re.compile(r"\W*(?:The|This|That|Its|Their)\s+(?:(?:new|latest|annual|final|full)\s+)?"
                       + _DOCUMENTS + r"\s+(?:also\s+)?(?:says|said|found|finds|warns|warned|"
                       r"concludes|concluded|shows|showed|estimates|estimated|notes|noted|"
                       r"states|stated|predicts|predicted)\b(?:\s+that)?\s+")


# The people who wrote a document, by the document they write: "the auditors added", "the
# researchers found", "its authors estimate" (any document).
_WRITERS = {"auditors": "audit", "inspectors": "inspection", "investigators": "investigation",
            "researchers": None, "authors": None, "reviewers": "review", "pollsters": "poll",
            "evaluators": "evaluation"}
# A body's name sharing the document's stem wrote it: "Audit Office", "Schools Inspectorate".
_DOC_STEMS = {"audit": "audit", "inspection": "inspect", "investigation": "investigat",
              "research": "research", "survey": "survey"}
_DOC_SUBJECT = re.compile(r"\W*(?:The|This|That|Its|Their)\s+(?:(?:new|latest|annual|final|"
                          r"full|preliminary|draft|\d{4})\s+)?(?:[a-z\-]+\s+)?"
                          r"(" + _DOC_WORDS + r")(?:,[^,;]{1,60},)?\s+"
                          r"(?:[a-z]+\s+){0,2}?"
                          r"(?:[a-z]+s|[a-z]+ed|said|found|shows?|says?|put|sets?|made|gave|drew)\b")


def document_authors(paragraphs: Iterable, found: dict[str, list[Name]]) -> list[tuple[int, int, str, str]]:
    """(paragraph index, offset, document noun, author) for each document the article
    says someone wrote: "a study by the Institute of X", "the Audit Office's report",
    "the board published its review today"; in the order of the text."""
    out = []
    for i, para in enumerate(paragraphs):
        text = para.text
        if not _DOC_ANY.search(text):
            continue  # most paragraphs name no document: one scan, not one per name
        for n in found.get(para.id, ()):
            if not can_speak(n):
                continue
            m = (_DOC_BY.search(text, max(0, n.start - 60), n.start)
                 or _DOC_OWN.match(text, n.end) or _DOC_ISSUED.match(text, n.end))
            if m:
                out.append((i, n.start, m.group(1), n.text))
        # "a report published by the ministry", "the safety board's preliminary report": a
        # body named by a common noun (the reader names it, as "the ministry said")
        for m in _DOC_BY_BODY.finditer(text):
            if m.group(2).split()[-1] in _BODIES:
                out.append((i, m.start(2), m.group(1), m.group(2)))
        for m in _BODY_OWNS_DOC.finditer(text):
            if m.group(1).split()[-1] in _BODIES:
                out.append((i, m.start(1), m.group(2), m.group(1)))
    return sorted(out)


_DOC_ANY = re.compile(r"\b(?:" + _DOC_WORDS + r")\b")
_DOC_BY_BODY = re.compile(r"\b" + _DOCUMENTS + r"\s+(?:(?:published|released|issued|"
                          r"commissioned|written|compiled|carried out)\s+)?(?:by|from)\s+the\s+"
                          r"((?:[a-z][\w\-]*\s+){0,2}?[a-z][\w\-]*)\b")
_BODY_OWNS_DOC = re.compile(r"\b[Tt]he\s+((?:[a-z][\w\-]*\s+){0,2}?[a-z][\w\-]*)['’]s\s+"
                            r"(?:(?:new|latest|annual|own|first|final|full|preliminary|draft|"
                            r"\d{4})\s+)?" + _DOCUMENTS + r"\b")


def document_writer(word: str) -> tuple[bool, str | None] | None:
    """For a speaker's head word: (a document?, the document noun it points at) when it is
    a document ("audit") or its writers ("auditors": audit, "researchers": any), else
    None."""
    if word in DOCUMENT_NOUNS:
        return True, word
    if word in _WRITERS:
        return False, _WRITERS[word]
    return None


def author_of(docs: list[tuple[int, int, str, str]], p_index: int, pos: int,
              noun: str | None, bodies: Iterable[str]) -> str | None:
    """Who wrote the document ``noun`` (any document when None) read at (p_index, pos):
    the last one the article gave an author before that point, else a body (``bodies``,
    the latest first) whose name shares the document's stem ("Audit Office")."""
    # ``docs`` is in reading order: start where ``pos`` is and look back (a list of every
    # earlier one, made for each claim, grew with the square of the documents named).
    for k in range(bisect_left(docs, (p_index, pos)) - 1, -1, -1):
        if noun is None or docs[k][2] == noun:
            return docs[k][3]
    stem = _DOC_STEMS.get(noun or "")
    if stem:
        for body in bodies:
            if _has_stem(body, stem):
                return body
    return None


@lru_cache(maxsize=65536)
def _has_stem(body: str, stem: str) -> bool:
    """Whether a word of ``body`` starts with ``stem``: asked of every name for each claim
    about a document, so remembered."""
    return any(w.lower().startswith(stem) for w in _TOKEN.findall(body))


def document_subject(text: str, start: int, end: int) -> str | None:
    """The document a sentence opens on as its subject ("The report found ...", "The
    study also notes ..."): what an "It" in the next sentence stands for."""
    m = _DOC_SUBJECT.match(text, start, end)
    return m.group(1) if m else None


# The verb of a sentence in reported (backshifted) speech: "Its team would be doubled",
# "the line could reopen in May".
_BACKSHIFTED = re.compile(r"\W*(?:[\w’'\-]+,?\s+){1,8}?(?:would|could|might)\s+"
                          r"(?:not\s+|also\s+|still\s+|soon\s+)?[a-z]+\b")


def continues_report(text: str, start: int, end: int) -> bool:
    """Whether a sentence with no attribution of its own reads as the reported speech of
    the sentence before it: its first verb a backshifted modal ("would", "could")."""
    m = _BACKSHIFTED.match(text, start, end)
    if m is None:
        return False
    subject = _TOKEN.findall(text[start:m.end()])[:-2]
    # "Prices fell and would fall again": a verb before the modal, the writer's sentence
    return not any(w.lower() in _NOT_SUBJECT or w.endswith("ed") for w in subject)


_NOT_SUBJECT = frozenset("and but or that which who if when because fell rose said told".split())


def document_says(text: str, s_start: int, s_end: int) -> tuple[str, int, int, int] | None:
    """(the document, where the phrase starts, ends, where the statement starts) for a
    sentence opening "The report says ..."."""
    m = _DOC_SAYS.match(text, s_start, s_end)
    return (m.group(1), m.start(1), m.end(), m.end()) if m else None


_COURTESY = frozenset("mr mrs ms dr prof sir dame lord".split())
# Words an apposition ends on that are no description of the name.
_NOT_HEADS = frozenset("""
year years month months week weeks day days time times number part total percent
""".split())


_RELATION = re.compile(r"\b(?:his|her)\s+[^.;]{0,60}$", re.IGNORECASE)


def _with_role(name: Name) -> str:
    return name.text


# "according to its response", "according to figures it gave the committee": the owner
# of the words is a body named before, most often the sentence's own subject.
_OWNED_WORDS = re.compile(r"(?:its|their)\s+(?:[a-z\-]+\s+){0,2}?[a-z\-]+$"
                          r"|(?:the\s+)?[a-z\-]+(?:\s+[a-z\-]+)?\s+(?:that\s+)?(?:it|they)\s+"
                          r"(?:had\s+|has\s+|have\s+)?[a-z]+(?:ed|ve|id|ot|ent|ublished)\b.*$")
# "according to the audit", "according to the study": a document, its author's word.
_DOC_PHRASE = re.compile(r"(?:(?:the|this|that|a|an)\s+)?(?:(?:new|latest|annual|final|full|"
                         r"preliminary|draft|internal|official|\d{4})\s+)?"
                         r"(?:[a-z\-]+\s+)?(" + _DOC_WORDS + r")$")


def _according_owned(text: str, start: int, at: int, phrase: str,
                     names: list[Name]) -> str | None:
    """Who an "according to" naming no one points at: the body owning the words ("its
    response": the sentence's subject when a name opens it, else an "it" for the reader
    to resolve), or the document named ("the audit"), whose author the article gives."""
    doc = _DOC_PHRASE.fullmatch(phrase)
    if doc:
        return doc.group(1)
    if not _OWNED_WORDS.fullmatch(phrase):
        return None
    opening = [n for n in names if start <= n.start < at and can_speak(n) and not _personal(n)
               and re.fullmatch(r"\W*(?:[Tt]he\s+)?", text[start:n.start])]
    if opening:
        return opening[0].text
    return "they" if re.match(r"(?:their\b|.*\bthey\b)", phrase) else "it"


def _phrase_after(sentence: str, pos: int) -> str:
    """The noun phrase after "according to": up to the next comma or clause end."""
    m = re.match(r"[^,;:.()]{2,100}", sentence[pos:])
    # "a memo seen by the Post": who saw it reports it, not who wrote it
    return _SEEN_BY.sub("", m.group()).strip() if m else ""


_BY_WHO_SAW = re.compile(r"\b(?:seen|obtained|reviewed|cited|quoted|reported)\s+by\s+(?:the\s+)?$")
_SEEN_BY = re.compile(r"\s+(?:seen|obtained|reviewed|cited|quoted|reported)\s+by\b.*$")


# --- interviews ---------------------------------------------------------------------------------

# A question put by the interviewer: a paragraph ending on a question mark (in bold or not),
# or one labelled "Q:" as transcripts do.
_QUESTION_LABEL = re.compile(r"\W*(?:Q|Question)\s*[:.]\s", re.IGNORECASE)


def is_question(text: str) -> bool:
    stripped = text.strip().rstrip("*_ ").strip()
    return stripped.endswith("?") or _QUESTION_LABEL.match(text) is not None


def interviewee(article, found: dict[str, list[Name]]) -> str | None:
    """Who answers in an interview.  The standfirst (the paragraphs before the first
    question) introduces them: "Marta Lenk is the mayor of Tessa. We asked her ...".  A
    byline that is the interviewer's ("Interview by Ines Varga") is not named there while
    the interviewee is, opening it ("Ines Varga asked her" names the interviewer later);
    otherwise the named author answers (the convention of a byline given to the
    interviewee)."""
    if article.genre != "interview" and not _asked_in_qa(article, found):
        return None
    author = article.authors[0] if article.authors else None
    paragraphs = list(article.paragraphs())
    first_q = _first_question(article)
    if first_q is None:
        return author  # no question found: the byline answers
    author_words = set(_TOKEN.findall(author.lower())) if author else set()

    def is_author(n: Name) -> bool:
        return bool(author_words & set(_TOKEN.findall(n.text.lower())))

    people = [(p.text, n) for p in paragraphs[:first_q] for n in found.get(p.id, ())
              if _personal(n) and can_speak(n)]
    if not people:
        # No standfirst to introduce them: the title does ("The hydrologist Ana Ruiz on
        # the aquifer"), unless it names the byline's author or no one.
        from briefing.suggest.mentions import find_names

        titled = [n for n in find_names(article.title or "", frozenset())
                  if _personal(n) and can_speak(n)]
        if titled and not any(is_author(n) for n in titled):
            return titled[0].text
        return author

    # The one the writer put questions to, else the person the standfirst opens on (a
    # standfirst may open on the company or the place before "we asked its chief
    # executive, X"), else the first person it names other than the writer.
    for text, n in people:
        if not is_author(n) and (_ASKED.search(text, max(0, n.start - 60), n.start)
                                 or _ANSWERED.match(text, n.end)):
            return n.text
    text, first = people[0]
    if first.start <= 4:
        return author if is_author(first) else first.text
    others = [n for _, n in people if not is_author(n)]
    if author and any(is_author(n) for _, n in people):
        return author
    return others[0].text if others else author


_ASKED = re.compile(r"\b(?:asked|spoke\s+(?:to|with)|talked\s+(?:to|with)|interviewed|met|"
                    r"questioned|caught\s+up\s+with)\s+(?:(?:the|a|an|its|their|our|[a-z]+['’]s|"
                    r"[A-Z][\w’'\-]*['’]s)\s+)?(?:[a-z][\w\-]*,?\s+){0,6},?\s*$")
# The person answering, named first: "Holt answered our questions", "Holt spoke to the
# Herald", "Holt sat down with us".
_ANSWERED = re.compile(r"(?:,[^,]{1,60},)?\s+(?:(?:answered|took|fielded)\s+(?:[\w’']+\s+){0,2}?"
                       r"questions|(?:spoke|talked)\s+(?:to|with)\s+(?:us|me|the\s+[A-Z]\w*|"
                       r"[A-Z]\w*)|sat\s+down\s+with)\b")
# A transcript's label before an answer: "Ruiz: The reservoirs ...", "**Karin Holm:** ...".
SPEAKER_LABEL = re.compile(r"\s*\**([A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,2})\**\s*:\**\s+")


def labelled_speaker(text: str, people: Iterable[str]) -> tuple[str, int] | None:
    """(who, where the answer starts) when a paragraph opens on a person's name and a
    colon, as transcripts do; only names the article gives a person (not "Update:")."""
    m = SPEAKER_LABEL.match(text)
    if m is None:
        return None
    label = set(_TOKEN.findall(m.group(1).lower()))
    for person in people:
        if label <= set(_TOKEN.findall(person.lower())):
            return person, m.end()
    return None


# Head words of news outlets: a byline "Continental Press" is a newsroom writing, not a
# party to the story speaking.
_OUTLET_WORDS = frozenset("""press times post news herald journal radio television tv wire
gazette courier tribune telegraph chronicle observer guardian mail express daily weekly
review magazine newspaper bulletin broadcasting""".split())


def body_byline(article) -> str | None:
    """The organisation that wrote the article, when its byline is one ("Ministry of
    Energy", "Lights On Coalition" on their own release or report): what the text states is
    that body's word, as a speaker named like any other."""
    if not article.authors:
        return None
    author = article.authors[0]
    words = [w.lower().strip("’'") for w in _TOKEN.findall(author)]
    if not words or any(w in _OUTLET_WORDS for w in words):
        return None
    # An acronym alone says nothing: AFP and DPA are newsrooms, UNICEF a body.
    body = any(w in _BODIES for w in words) or _MEMBERS_OWN.search(author) is not None
    return author if body else None


def standfirst_count(article, found: dict[str, list[Name]] | None = None) -> int:
    """How many paragraphs open an interview before its first question: the writer's."""
    if article.genre != "interview" and not (found is not None and _asked_in_qa(article, found)):
        return 0
    return _first_question(article) or 0


def _asked_in_qa(article, found: dict[str, list[Name]]) -> bool:
    """An interview whatever its genre says: questions, each followed by an answer, after
    a standfirst saying whom the writer asked ("We asked its director, Rika Moen, ...").
    An explainer's questions ("What is the treaty?") are answered by the writer: no one
    is said to be asked there."""
    paragraphs = list(article.paragraphs())
    first = _first_question(article)
    if not first:
        return False
    asked = any(_personal(n) and (_ASKED.search(p.text, max(0, n.start - 60), n.start)
                                  or _ANSWERED.match(p.text, n.end))
                for p in paragraphs[:first] for n in found.get(p.id, ()))
    if not asked:
        return False
    questions = 0
    for section in article.sections:
        heading = bool(section.title) and is_question(section.title)
        questions += heading
        ps = section.paragraphs
        questions += sum(1 for i, p in enumerate(ps) if is_question(p.text)
                         and i + 1 < len(ps) and not is_question(ps[i + 1].text))
    return questions >= 2


def _first_question(article) -> int | None:
    """The index (among the article's paragraphs) of the first question: a paragraph that
    asks, or the first paragraph under a heading that does (the importer makes each
    question of an interview a heading)."""
    i = 0
    for section in article.sections:
        asked = bool(section.title) and is_question(section.title)
        for n, p in enumerate(section.paragraphs):
            if is_question(p.text) or (asked and n == 0):
                return i
            i += 1
    return None


# "Half of the losses will be covered by the fund. That is the estimate of the Savers'
# Association.": the attribution in the sentence after the statement.
_THAT_IS_OF = re.compile(
    r"\W*(?:That|This)\s+(?:is|was)\s+(?:at\s+least\s+)?(?:the\s+)?(?:[a-z]+\s+){0,2}?"
    r"(?:view|estimate|assessment|conclusion|finding|forecast|verdict|opinion|reckoning|"
    r"calculation|prediction|projection|argument|position|expectation|judgement|judgment)"
    r"\s+(?:of|from|by)\s+")


def attributed_after(text: str, start: int, end: int, names: list[Name]) -> str | None:
    """The speaker that the sentence text[start:end] ("That is the view of X.") gives the
    sentence before it: the name right after "of", or the common noun it opens on."""
    m = _THAT_IS_OF.match(text, start, end)
    if m is None:
        return None
    named = [n for n in names if m.end() <= n.start <= m.end() + 4 and can_speak(n)]
    if named:
        return named[0].text
    noun = re.match(r"(?:the\s+|its\s+)?((?:[a-z][\w\-]*\s+){0,2}?[a-z][\w\-]*s?)(?=[\s,.;])",
                    text[m.end():end])
    return noun.group(1) if noun and noun.group(1).split()[0] not in _NOT_SPEAKERS else None


# Common nouns a business goes by: "the company said" is the article's business when no
# name contains the noun and no apposition gives it.
FIRM_NOUNS = frozenset("""company firm chain group business retailer maker manufacturer
producer supplier carrier airline insurer lender developer builder""".split())
# A dateline before the lead: "TESSA, April 16 (Meridian News) - ".
_DATELINE = re.compile(r"[A-Z][A-Z .,'’\-]+,[^-–—]{0,40}?(?:\([^)]{1,40}\))?\s*[-–—]+\s*")
_OPENER = re.compile(r"\W*(?:[Tt]he\s+)?")


def main_firm(paragraphs: Iterable, found: dict[str, list[Name]], canonical) -> str | None:
    """The organisation the article is about: the name that most often opens a sentence
    as its subject, not a person and not a public body ("Brannock Creamery has recalled
    ...", "Brannock's shares fell ..."); None when two tie or none does."""
    from collections import Counter

    from briefing.suggest.sentences import split_sentences

    count: Counter[str] = Counter()
    for para in paragraphs:
        text = para.text
        names = found.get(para.id, ())
        for a, b in split_sentences(text):
            dateline = _DATELINE.match(text, a, b)
            a = dateline.end() if dateline else _OPENER.match(text, a, b).end()
            head = [n for n in names if n.start == a]
            if not head:
                continue
            n = head[0]
            if (_personal(n) or (_body(n) and not business(n)) or not can_speak(n)
                    or n.text.isupper()):
                continue
            if re.match(r"\s*(?:,|['’]s\b|\s+(?:said|[a-z]+(?:s|ed))\b)", text[n.end:n.end + 20]):
                count[canonical(n.text)] += 1  # a subject: a verb, an aside, its own thing
    top = count.most_common(2)
    if not top or (len(top) == 2 and top[0][1] == top[1][1]):
        return None
    return top[0][0]
