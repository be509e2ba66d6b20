"""Titles and summaries of suggested events, as a reviewer reads them in the events view and
in `briefing events`: who did what, with its object, in a source's words ("Halvard Foods
agreed to buy its rival Brennick Markets"), as curated titles read.

A happening (frames.py) is titled by who did what in its first claim that says it with an
object, else in any claim that says it.  A storyline (storylines.py), in this order: by who
did what in the claim that tells the happening most of its sources name; by the matter its
claims name ("the takeover of Brennick Markets by Halvard Foods", matter_of); by the headline
of a telling claim naming its kind of happening and a main actor; else by its actors and
happening word.  When its title reads like that of a group sharing its claims (events.py
titles happenings first), it is titled without that happening and that title.  A group whose
claims name no happening takes the headline of its most telling claim (headline: a whole
clause, never an opening cut mid-phrase), and as a last resort the first whole phrase of
one, with "…".

Never someone's own words (is_quotation): a direct quotation or a first-person sentence
("Together we can keep prices low for families") says what a speaker wants, not what
happened.  The title carries no date: every view shows the event's date beside it.

Kept in the source's tense: a headline's present ("Halvard agrees to buy Brennick") needs
the verb's person and number ("Brennick's shareholders approve", "Halvard Foods agrees"),
which a word list cannot tell from "Halvard Foods" alone; a wrong agreement reads worse
than a past tense.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import TYPE_CHECKING

from briefing.suggest import happenings
from briefing.suggest.claims import Proposal
from briefing.suggest.frames import who_did_what
from briefing.suggest.lexicon import HAPPENINGS

if TYPE_CHECKING:
    from briefing.suggest.events import Group

MAX_WORDS = 14  # words of a headline taken from a claim
MIN_WORDS = 4  # fewer say nothing out of their sentence ("It is noteworthy")

_TITLES = {
    "war": "War", "attack": "Offensive", "ceasefire": "Ceasefire", "agreement": "Agreement",
    "meeting": "Talks", "mission": "Mission", "blockade": "Blockade", "election": "Election",
    "protest": "Protests", "sanctions": "Sanctions", "resolution": "Resolution",
    "membership": "Membership", "founding": "Founding", "strike": "Strike",
}

# --- someone's own words -----------------------------------------------------------------

# Not ’, which is also the apostrophe ("Halvard’s").
_QUOTE_MARKS = "\"“”«»„‘‹›"
_QUOTE_MARK = re.compile("[" + _QUOTE_MARKS + "]")
_FIRST_PERSON = re.compile(r"\b(?:I|[Ww]e|[Oo]ur|[Oo]urs|us|[Mm]y|me|[Mm]ine)\b")


def is_quotation(p: Proposal) -> bool:
    """The claim is someone's own words: holding or standing inside quotation marks, or said
    in the first person ("Together we can keep prices low").  A reported statement ("the
    ministry said it would not vaccinate poultry") is the author's words and may title."""
    if _QUOTE_MARK.search(p.quote):
        return True
    before = p.paragraph.text[:p.start].rstrip()
    if before and before[-1] in _QUOTE_MARKS:
        return True
    return bool(_FIRST_PERSON.search(p.quote))


# --- a headline from a sentence ------------------------------------------------------------

# Connectives and time words opening a sentence: not part of what happened.
_LEAD = re.compile(r"^(?:now|however|meanwhile|still|but|and|yet|so|also|then|instead|today|"
                   r"indeed|in fact|in the end|at the same time|by contrast|for now|already)"
                   r"\b,?\s+", re.IGNORECASE)
# A short phrase before the first comma, opened by one of these, sets the scene ("In 2019,",
# "Without shared data,", "After two weeks of talks,").
_SCENE = frozenset("in on at without with after before since during for under despite "
                   "according last this earlier later by until amid following".split())
_AUX = frozenset("is are was were has have had will would can could may might must should "
                 "shall does did do".split())
# Prepositions opening a phrase that places the subject ("people at the two head offices"):
# left out of a headline that is too long ("of" and "for" say what the subject is).
_PLACE = frozenset("at in on across near inside outside around throughout from".split())
# Words opening a phrase after the verb's object: a headline may end before them; before
# those of _CLAUSE first, so that where it happened stays ("halted production at its Tessa
# plant | on 15 April").
_PHRASE = frozenset("by on in at with for after before because which who while when that as "
                    "since until from during under over against and but amid despite within "
                    "according including except without".split())
_CLAUSE = _PHRASE - frozenset("in at with for from over under against within without".split())


def headline(quote: str) -> str | None:
    """A whole clause of ``quote`` of at most MAX_WORDS words: the sentence without its
    opening connective or scene-setting phrase, without a phrase placing its subject when
    too long ("1,500 people [at the two head offices] will lose their jobs"), cut before a
    phrase following the verb's object.  None when no cut leaves subject, verb and object
    (a title is never a sentence cut off mid-phrase)."""
    text = quote.strip(_QUOTE_MARKS + " ").rstrip(" .,;:")
    text = _LEAD.sub("", text, count=1)
    words = text.split()
    comma = next((n for n, w in enumerate(words[:7]) if w.endswith(",")), None)
    if comma is not None and words[0].lower() in _SCENE and len(words) - comma > 3:
        words = words[comma + 1:]
    words = _LEAD.sub("", " ".join(words), count=1).split()
    if not words or _dependent(words):
        return None
    words = _without_apposition(words)
    if len(words) > MAX_WORDS:
        words = _cut(words)
        if words is None:
            return None
    if len(words) < MIN_WORDS or _open_bracket(words) or _unfinished(words):
        return None
    text = " ".join(words).rstrip(" ,;:-")
    return text[:1].upper() + text[1:]


_DETERMINERS = frozenset("the a an its their his her this that these those our some".split())
# A relative or a conjunction before the verb: the verb found may be a subordinate clause's.
_RELATIVE = frozenset("who whose which that where when whom if because although".split())
# Words a phrase does not end on ("is most likely not", "the one found at", "to").
_OPEN_ENDED = _AUX | _DETERMINERS | frozenset("not no of to most more very likely also only "
                                              "just than and or so".split())


_SUBORDINATORS = frozenset("till until when while as because if although though since after "
                           "before unless whereas once whether".split())


def _without_apposition(words: list[str]) -> list[str]:
    """The sentence without a phrase set between commas after its subject, when its verb
    follows ("The deal, reached on 1 April with the help of a mediator, ended the strike")."""
    first = next((n for n, w in enumerate(words[:5]) if w.endswith(",")), None)
    if first is None:
        return words
    second = next((n for n in range(first + 1, min(len(words) - 1, first + 16))
                   if words[n].endswith(",")), None)
    if second is None:
        return words
    after = words[second + 1]
    if after.lower() in _AUX or (after.endswith("ed") and after[:1].islower()):
        return words[:first] + [words[first].rstrip(",")] + words[second + 1:]
    return words


_IRREGULAR = frozenset("held made given taken run owned led set paid done seen won sold built "
                       "hit kept chosen written known shown brought bought caught".split())


def _participle(word: str) -> bool:
    w = word.lower()
    return w.endswith("ed") or w in _IRREGULAR


def _deed(p: Proposal, heads: list[str]) -> str | None:
    """Who did what (frames.who_did_what), ending where a phrase can: cut at its length, it
    may stop on "to a" ("approved the sale of the national airline to a")."""
    text = who_did_what(p, heads)
    if text is None:
        return None
    words = text.split()
    while len(words) > 2 and _unfinished(words):
        words.pop()
    return " ".join(words).rstrip(" ,;:-")


def _unfinished(words: list[str]) -> bool:
    """The words end where their phrase cannot ("The patients at home are not", "a rise of
    most", "to"): the rest is in another sentence."""
    return words[-1].lower().strip(",;:.") in _OPEN_ENDED


def _dependent(words: list[str]) -> bool:
    """The sentence opens a clause that hangs on another ("Till violent clashes erupted
    again", "Especially as Yerevan did not hesitate"): no headline of its own."""
    first = words[0].lower().strip(",")
    second = words[1].lower() if len(words) > 1 else ""
    return first in _SUBORDINATORS or (first.endswith("ly") and second in _SUBORDINATORS)


def _verb_at(words: list[str]) -> int | None:
    """Where the verb of the sentence is: its first auxiliary or word in "-ed" that is not
    capitalised (a name) nor after a determiner ("the disputed region"), after the first
    word."""
    for n, w in enumerate(words[1:], 1):
        bare = w.lower().strip(",")
        if bare in _AUX or (w.endswith("ed") and w[:1].islower() and not words[n - 1].endswith(",")
                            and words[n - 1].lower() not in _DETERMINERS):
            return n
    return None


def _cut(words: list[str]) -> list[str] | None:
    """The words up to the end of the verb's object, within MAX_WORDS (see headline); the
    phrase placing the subject, or a relative clause after it ("Farmers [whose birds are
    culled on the orders of the vet] will be compensated"), left out when too long."""
    verb = _verb_at(words)
    if verb is None:
        return None
    relative = next((n for n in range(1, verb) if words[n].lower() in _RELATIVE), None)
    if relative is not None:
        main = next((n for n in range(verb + 1, len(words))
                     if words[n].lower() in _AUX and not words[n - 1].endswith(",")), None)
        if main is None or any(w.endswith((",", ";")) for w in words[relative:main - 1]):
            return None
        words = words[:relative] + words[main:]
        verb = relative
    if verb + 1 < len(words) and words[verb + 1].lower() in ("that", "whether", "if"):
        return None  # its object is a clause of its own: no short title in it
    whole = _object_end(words, verb)
    if whole is not None:
        return whole
    place = next((n for n in range(1, verb) if words[n].lower() in _PLACE), None)
    if place is None or any(w.endswith(",") for w in words[place:verb]):
        return None
    return _object_end(words[:place] + words[verb:], place)


def _object_end(words: list[str], verb: int) -> list[str] | None:
    return _end_before(words, verb, _CLAUSE) or _end_before(words, verb, _PHRASE)


def _end_before(words: list[str], verb: int, phrase: frozenset[str]) -> list[str] | None:
    """The words before the first of ``phrase`` (or a punctuation mark) after the verb's
    object; all of them when none comes and they are few enough."""
    for n in range(verb + 2, len(words) + 1):
        if n == len(words):
            return words if n <= MAX_WORDS and not _unfinished(words) else None
        if words[n].lower() == "by" and _participle(words[n - 1]):
            continue  # "accounts held | by his sister": who held them is part of the phrase
        if words[n].lower() in phrase or words[n - 1].endswith((",", ";", ":")) \
                or "—" in words[n] or words[n] in ("–", "-") or words[n].startswith("("):
            head = words[:n]
            if n > MAX_WORDS or _unfinished(head) or "—" in head[-1] or _open_bracket(head):
                return None
            return head
    return None


# --- the matter a storyline's claims name ---------------------------------------------------

# Up to six capitalised words: a name, checked against the actors (unbounded, a run of
# capitals in an all-caps PDF line made the search quadratic).
_NAME = r"[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,5}"
_MATTER = re.compile(
    rf"(?:\b(?P<owner>{_NAME})['’]s\s+|\b[Tt]he\s+)(?:[a-z][a-z\-]+\s+){{0,2}}?"
    rf"(?P<noun>[a-z][a-z\-]+)\s+(?:of|against|on|in|with)\s+(?:the\s+)?(?P<obj>{_NAME})"
    rf"(?:\s+by\s+(?:the\s+)?(?P<agent>{_NAME}))?")


def _actor_opening(text: str, actors: set[str]) -> str | None:
    """The longest actor ``text`` opens with, whole words ("Brennick Markets Monday" ->
    "Brennick Markets"), None when it opens with none."""
    best = None
    for a in actors:
        if (text == a or text.startswith(a + " ")) and (best is None or len(a) > len(best)):
            best = a
    return best


def matter_of(g: Group) -> str | None:
    """The happening the storyline's claims name as a thing, with whom it concerns: "the
    takeover of Brennick Markets by Halvard Foods", "Russia's invasion of Ukraine".  Of the
    phrases "<the|Actor's> [two words] <happening noun> of|against|on|in|with <Actor> [by
    <Actor>]", the head most sources use, then the phrase naming most actors, then the first
    in reading order.  One pattern for every claim, its names checked against the claim's
    actors (a pattern of each claim's actors cost a briefing of 1,000 articles 40 s)."""
    found: list[tuple[str, str, str, int]] = []  # head, phrase, article, actors named
    for p in g.claims:
        if not p.actors:
            continue
        quote = p.quote
        actors = set(p.actors)
        for m in _MATTER.finditer(quote):
            noun = m.group("noun")
            head = happenings.head_of(noun)
            if head is None or noun.endswith("ed"):  # "the troops established in": a verb
                continue
            owner = m.group("owner")
            if owner and owner.removeprefix("The ") not in actors and owner not in actors:
                continue
            obj = _actor_opening(m.group("obj"), actors)
            if obj is None or is_quotation(p):
                continue
            end = m.start("obj") + len(obj)
            agent = _actor_opening(m.group("agent"), actors) if m.group("agent") else None
            if agent and obj == m.group("obj"):
                end = m.start("agent") + len(agent)
            named = 1 + bool(owner) + bool(agent)
            found.append((head, quote[m.start():end], p.article_id, named))
    if not found:
        return None
    sources = Counter(h for h, _ in {(h, a) for h, _, a, _ in found})
    best = max(found, key=lambda f: (sources[f[0]], f[3]))  # max keeps the first among equals
    text = best[1]
    return text[:1].upper() + text[1:]


# --- titles ----------------------------------------------------------------------------------

_SMALL = frozenset("the a an of to in on at by for and or with from as its it is are was were "
                   "has have had will would that this their his her".split())


def _content_words(title: str) -> set[str]:
    return {w for w in re.findall(r"[\w’'\-]+", title.lower()) if w not in _SMALL}


def alike_titles(a: str, b: str) -> bool:
    """Two titles that say the same to a reader: the words of one within the other's
    ("Halvard Foods agreed" / "Halvard Foods agreed to buy Brennick Markets"), or most of
    their words shared."""
    x, y = _content_words(a), _content_words(b)
    if not x or not y:
        return False
    return x <= y or y <= x or len(x & y) >= 0.6 * len(x | y)


HEADLINES = 20  # a storyline's most telling claims whose headline may title it


def title_of(g: Group, taken: frozenset[str] = frozenset(), avoid: tuple[str, ...] = ()) -> str:
    """The event's title.  A storyline's: ``taken``, the happening heads and ``avoid``, the
    titles of the happening events sharing its claims whose titles read like its own (it is
    titled otherwise)."""
    if g.heads:
        return _happening_title(g)
    named = _named_heads(g)
    ranked = _by_telling(g)
    matter = None
    if (named and named[0] in taken) or g.cls != "happening":
        matter = matter_of(g)
        if matter and any(alike_titles(matter, t) for t in avoid):
            matter = None
    if named and named[0] in taken and matter:
        # Its main happening is an event of its own: the storyline is the matter around it.
        return matter
    text = _storyline_doing(g, named, ranked, taken)
    if text and not any(alike_titles(text, t) for t in avoid):
        return text
    if g.cls != "happening" and matter:
        return matter
    # The headline of one of its most telling claims: any when no word names what happened
    # ("Events" or "Garden" were titles of actors); else one stating a fact that names its
    # kind of happening and one of its main actors, which its actors and happening word
    # say otherwise ("Talks mediated by the African Union broke down in January 2021").
    found = []
    main = g.salient[:3]
    for rank, n in enumerate(ranked[:HEADLINES]):
        p = g.claims[n]
        if is_quotation(p) or not _of_period(p, g.period):
            continue
        text = headline(p.quote)
        if not text or any(alike_titles(text, t) for t in avoid):
            continue
        weaker = _weaker(p, text)
        if g.cls == "happening":
            found.append((weaker, rank, text))
        elif not weaker and any(a in text for a in main) and any(
                HAPPENINGS.get(w) == g.cls for w in re.findall(r"[a-z][\w\-]+", text.lower())):
            found.append((weaker, rank, text))
    if found:
        return min(found)[2]
    if g.cls == "happening":
        return _first_phrase(g, ranked) or _actors_and_word(g)
    return _actors_and_word(g)


# Subjects pointing back at what the paragraph said ("She is one of 37 people"); "it" and
# "they" stand for the body reported on often enough ("it would not vaccinate poultry").
_PRONOUNS = frozenset("he she this these those that we i you".split())


def _weaker(p: Proposal, text: str) -> int:
    """How much less a headline titles an event: a pronoun for its subject says nothing out
    of its paragraph ("She is one of 37 people"), an assessment, a recommendation or a
    reported statement says what someone thinks or wants rather than what happened or will
    (1 each)."""
    return (text.split()[0].lower() in _PRONOUNS) + (p.kind not in ("fact", "figure", "prediction"))


def _first_phrase(g: Group, ranked: list[int]) -> str | None:
    """The first phrase of the group's most telling claim that is not someone's own words,
    whole (up to a punctuation mark or a word opening the next phrase), with "…" for the
    rest of its sentence: the last resort of a group whose claims name no happening and
    give no short headline."""
    for n in ranked[:HEADLINES]:
        p = g.claims[n]
        if is_quotation(p):
            continue
        words = _LEAD.sub("", p.quote.strip(_QUOTE_MARKS + " ")).split()
        for k in range(MIN_WORDS, min(len(words), MAX_WORDS + 1)):
            last = words[k - 1].lower().strip(",;:")
            if (words[k].lower() in _PHRASE or words[k - 1].endswith((",", ";", ":"))) \
                    and last not in _OPEN_ENDED and not _open_bracket(words[:k]):
                text = " ".join(words[:k]).rstrip(",;:")
                return text[:1].upper() + text[1:] + "…"
    return None


def _open_bracket(words: list[str]) -> bool:
    text = " ".join(words)
    return text.count("(") > text.count(")") or text.count("[") > text.count("]")


def _actors_and_word(g: Group) -> str:
    """Its two most telling actors and the word its claims use most for its kind of happening
    ("Brennick and Corvel deal"); a word inside an actor's name ("Competition Authority")
    does not count."""
    names = {w for a in g.salient for w in a.lower().split()}
    words = Counter(w for p in g.claims for w in re.findall(r"[a-z][\w\-]+", _unnamed(p))
                    if HAPPENINGS.get(w) == g.cls and w not in names)
    noun = words.most_common(1)[0][0] if words else _TITLES.get(g.cls, g.cls)
    top = g.salient[:2]
    title = f"{' and '.join(top)} {noun}".strip() if top else noun
    return title[:1].upper() + title[1:]


def _unnamed(p: Proposal) -> str:
    """The claim's quote in lower case, its actors' names left out."""
    text = p.quote
    for a in sorted(p.actors, key=len, reverse=True):
        text = text.replace(a, " ")
    return text.lower()


def _happening_title(g: Group) -> str:
    """Who did what, in a source's words ("The Competition Authority cleared Halvard's
    takeover of Brennick"): from the first claim naming the happening itself with what was
    done after its word, those giving its month themselves first; then one naming it
    without; else the headline of one of them, else its actors and the word most used."""
    own = [p for p in g.claims if happenings.heads(p.quote) & set(g.heads)]
    own.sort(key=lambda p: p.anchored)  # stable: reading order among equals
    said = [(p, text) for p in own
            if not is_quotation(p) and (text := _deed(p, g.heads))]
    for p, text in said:
        if not _ends_on_deed(text, g.heads):
            return text
    if said:
        return said[0][1]
    for p in own:
        text = None if is_quotation(p) else headline(p.quote)
        if text and happenings.heads(text) & set(g.heads):  # it says the happening
            return text
    names = {w for a in g.salient for w in a.lower().split()}
    words = Counter(w for p in own for w in re.findall(r"[a-z][\w\-]+", _unnamed(p))
                    if happenings.head_of(w) in g.heads and w not in names
                    and not w.endswith("ed"))
    noun = _most(words) or g.cls
    top = g.salient[:2]
    title = f"{' and '.join(top)} {noun}".strip() if top else noun
    return title[:1].upper() + title[1:]


def _ends_on_deed(text: str, heads: list[str]) -> bool:
    """Nothing after the happening's word: "Halvard Foods agreed" says who, not what."""
    last = text.split()[-1].lower().strip(",;:.")
    return happenings.head_of(last) in heads


def _storyline_doing(g: Group, named: list[str], ranked: list[int],
                     taken: frozenset[str] = frozenset()) -> str | None:
    """Who did what in a storyline, in a source's words: of the happenings its claims name,
    the one most sources name ("agree", "attack") and no happening event titles already
    (``taken``), told by the most telling claim naming it with its doer before it
    (frames.who_did_what), so that the title says what happened ("Armenia asked the CSTO for
    help") rather than gluing two actors to a happening word ("CSTO and Russia treaty").
    None when no claim says it that way."""
    heads_of = [happenings.heads(p.quote) for p in g.claims]
    for head in named:
        if head in taken:
            continue
        for n in ranked:
            p = g.claims[n]
            if head not in heads_of[n] or not _of_period(p, g.period):
                continue
            text = _deed(p, [head])
            if text and _doer_then_deed(text, p.actors, head) and not is_quotation(p):
                return text
    return None


def _named_heads(g: Group) -> list[str]:
    """The happenings the group's claims name, those most sources name first."""
    named: dict[str, set[str]] = {}
    for p in g.claims:
        for h in happenings.heads(p.quote):
            named.setdefault(h, set()).add(p.article_id)
    return sorted(named, key=lambda h: (-len(named[h]), h))


def _of_period(p: Proposal, period: str | None) -> bool:
    """A claim that can title an event of ``period``: it gives no date, or one of that period
    (a claim recalling "first signed in 1992" does not title the storyline of 2022)."""
    return not period or not p.dates or any(d.value.startswith(period) for d, _ in p.dates)


# Words that may stand between a doer and its deed in a storyline's title ("Halvard has
# agreed", "Russia again intervened"); anything else between them (a preposition, a noun, a
# dash) makes the actor something other than the doer ("pressure Armenia into signing").
_BETWEEN = frozenset("has have had was were is are will would first again also then finally "
                     "formally officially later jointly unanimously".split())


def _doer_then_deed(text: str, actors: list[str], head: str) -> bool:
    """``text`` (frames.who_did_what) opens with an actor, followed by the happening's word
    or by auxiliaries and adverbs only (_BETWEEN, "-ly"); a verb in the past ("-ed") has
    two words or more after it, what was done ("stepped" alone is no deed, "signed an
    agreement" is)."""
    body = text[4:] if text.startswith("The ") else text
    actor = max((a for a in actors if body.startswith(a)), key=len, default=None)
    if actor is None:
        return False
    words = body[len(actor):].split()
    for n, word in enumerate(words):
        if happenings.head_of(word.lower().strip(",;:")) == head:
            return not word.endswith("ed") or len(words) - n > 2
        if word.lower() not in _BETWEEN and not word.lower().endswith("ly"):
            return False
    return False


def _most(counts: Counter) -> str | None:
    """The most frequent key; the first in sorted order among equals (stable across runs)."""
    if not counts:
        return None
    top = max(counts.values())
    return min(k for k, n in counts.items() if n == top)


def _by_telling(g: Group) -> list[int]:
    """The indexes of the group's claims, the most telling first: those sharing the most
    words with the other sources' claims.  Each word counts the other articles using it, so
    the cost grows with the claims' words, not with their pairs (a storyline can hold
    thousands of claims)."""
    users: dict[str, set[str]] = {}
    for p in g.claims:
        for t in p.terms:
            users.setdefault(t, set()).add(p.article_id)

    def shared(p: Proposal) -> float:
        if not p.terms:
            return 0.0
        return sum(len(users[t]) - 1 for t in p.terms) / math.sqrt(len(p.terms))

    return sorted(range(len(g.claims)),
                  key=lambda n: (-shared(g.claims[n]), -g.claims[n].confidence, n))


def summary_of(g: Group, limit: int = 200) -> str:
    """What the event is about, in a source's own words: the quote of its most telling claim
    (a bag of actors and a happening word makes a title, not a description a reviewer can
    check), with the article it is from."""
    if not g.claims:
        return ""
    best = g.claims[_by_telling(g)[0]]
    quote = " ".join(best.quote.split())
    if len(quote) > limit:
        quote = quote[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return f"“{quote}” ({best.article_id})"
