"""Does a stretch of text state something: is there a verb in it, or is it a fragment?

A claim states something, so it needs a verb: "After the invasion of Ukraine", "Lebanon,
the US and Canada" or "large-scale military aggression" are fragments, to be read with the
clause they belong to.  Without a part-of-speech tagger (none fast enough ships without a
model download), a verb is recognised by its form: an auxiliary or modal, a known irregular
or reporting verb, a regular past ("-ed") that is not an adjective after a determiner, or a
present "-s" form right after its subject (a pronoun, a name or "the X").  Participles
("putting thousands at risk") and infinitives ("to support Armenia") alone do not state.
"""

from __future__ import annotations

import re

from briefing.suggest.lexicon import REPORTING

_TOKEN = re.compile(r"[A-Za-z][\w’'\-]*")

AUXILIARIES = frozenset("""
is are was were am has have had does do did will would shall should can could may might
must isn't aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't won't wouldn't
shouldn't can't cannot couldn't mustn't it's that's there's he's she's
""".split())

# Common irregular verbs in finite forms (past and third person present), the ones a
# regular-form rule cannot see.
IRREGULAR = frozenset("""
began begins became becomes broke breaks brought brings built builds bought buys came comes
cost costs chose chooses dealt deals drew draws drove drives fell falls felt feels fought
fights found finds fled flees flew flies forgot forgets gave gives got gets goes went grew
grows held holds hit hits hung kept keeps knew knows laid lays led leads left leaves lent
lends let lets lay lies lost loses made makes meant means met meets paid pays put puts quit
ran runs rose rises said says saw sees sought seeks sold sells sent sends set sets shook
shot shows showed shut shuts slid sped spent spends split spread stood stands stole
struck strikes swore swept took takes taught teaches tore told tells thought thinks threw
throws understood understands undertook wore won wins withdrew withdraws wrote writes
remains remained seems seemed appears appeared wants wanted needs needed tends tend
cut cuts hurt hurts cast casts heard hears read reads rode rides sank sinks sat sits slept
sleeps spoke speaks stuck sticks bore bears bent bends bound binds fed feeds forbade forbids
forgave forgives froze freezes hid hides lit lights overtook overtakes rang rings shone shines
shrank shrinks spun spins sprang springs swam swims thrust thrusts upheld upholds withheld
withholds overturned overturns woke wakes wound winds dug digs bled bleeds
""".split())

# Irregular "-s" forms that are plural nouns as often as verbs: a verb only after a subject.
NOUN_TOO = frozenset("""
costs cuts hits falls sets shows leads lays lies runs rises strikes wins deals draws drives
flies holds keeps pays puts sells sends spends stands lights springs bears feeds rings sinks
winds digs hurts casts reads rides binds bends spins swims sits sticks shines shrinks wakes
thrusts
""".split())

_DETERMINERS = frozenset("""
the a an its their his her our your this that these those some any no each every such
so-called well-known
""".split())
_SUBJECT_PRONOUNS = frozenset("he she it this that which who what one nobody everyone "
                              "somebody someone everybody each neither either".split())
_PLURAL_SUBJECTS = frozenset("they we i you who which that".split())
# "-s" words that are not verbs however placed.
_NOT_VERB_S = re.compile(r"(?:ss|us|is|ics|ous|ness|ments|tions|sions)$")
_PRESENT_PLURAL = frozenset("""
say think believe want need fear hope expect argue claim agree disagree remain seem appear
know see consider continue try refuse accept reject insist warn worry plan face hold keep
live work own control depend rely tend make take give get go come stand lose win help
begin start intend
""".split())


def has_verb(text: str) -> bool:
    """Whether ``text`` holds a finite verb (by its form; see the module's docstring)."""
    tokens = _TOKEN.findall(text)
    low = [t.lower().replace("’", "'") for t in tokens]
    for i, word in enumerate(low):
        before = low[i - 1] if i else ""
        if word in ("will", "may", "can", "must") and (
                before in _DETERMINERS or (i + 1 < len(low) and low[i + 1] in ("of", "to"))):
            continue  # "the good will of", "a can of", "the May of": nouns
        if word in AUXILIARIES or word in IRREGULAR or word in REPORTING:
            if word in REPORTING and before in _DETERMINERS:
                continue  # "the claims", "its calls"
            if (word in REPORTING and word not in IRREGULAR and word.endswith("s")
                    and not (i > 0 and _after_subject(tokens, low, i))):
                continue  # "compensation claims", "calls for calm": nouns as often as verbs
            if word in NOUN_TOO and not (i > 0 and _after_subject(tokens, low, i)):
                continue  # "job cuts at the stores", "the spring winds": nouns
            return True
        if word.endswith("ed") and len(word) > 4:
            if before in _DETERMINERS or before in ("of", "and", "or"):
                continue  # "the disputed region", "an alleged shooting"
            if i == 0:
                continue  # "Based on ...", "Backed by ...": a participle opening
            return True
        if (word.endswith("s") and len(word) > 3 and not _NOT_VERB_S.search(word)
                and i > 0 and _after_subject(tokens, low, i)):
            return True
        if word in _PRESENT_PLURAL and (before in _PLURAL_SUBJECTS or (
                before.endswith("s") and not _NOT_VERB_S.search(before))):
            return True  # "they fear", "analysts expect"
        if (word in _PRESENT_PLURAL and i + 1 < len(low) and low[i + 1] == "to"
                and before not in _DETERMINERS and before != "to"):
            return True  # "sentiment and mistrust continue to grow"
    return False


_ADVERB = re.compile(r"(?:ly|also|still|now|already|never|often|always|even|only|thus|"
                     r"again|just|rarely|seldom)$")


def _after_subject(tokens: list[str], low: list[str], i: int) -> bool:
    """Whether the "-s" word at ``i`` follows a singular subject: "it seeks", "Turkey wants",
    "the (territorial) conflict (still) rages"."""
    if not tokens[i][:1].islower():
        return False
    j = i - 1
    while j > 0 and _ADVERB.search(low[j]):
        j -= 1  # "the mission also serves", "this agreement undoubtedly contributes"
    before, prev = low[j], tokens[j]
    if before in _SUBJECT_PRONOUNS:
        return True
    if before.endswith("s") or before in _DETERMINERS:
        return False
    if prev[:1].isupper():
        return True
    # a singular noun after a determiner, up to two words back ("the territorial conflict")
    return any(k >= 0 and low[k] in _DETERMINERS for k in (j - 1, j - 2))
