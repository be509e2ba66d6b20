"""The same event credited to different actors: who brokered, mediated or negotiated it.

Read in the sentences of each source's claims on an event, from the phrasings that name the
go-between outright:

- "brokered / mediated / negotiated / facilitated by X (and Y)";
- "under / with the mediation of X";
- "X-brokered" / "X-mediated" ("a Russian-brokered ceasefire");
- "X (and Y) brokered / mediated / negotiated a|the ceasefire|truce|deal|agreement|talks...";
- "X stepped in to broker a ceasefire".

Actors are normalised so that one actor named several ways counts once: countries by their
demonym, capital or usual abbreviation ("Moscow", "Russian", "the Kremlin" -> Russia; "US",
"Washington" -> United States), and a person by the country or body their title names ("French
President Emmanuel Macron" is Emmanuel Macron and France).  Two sources disagree when both
name go-betweens for the same event and no actor is common to both: "Russia brokered the
ceasefire" against "a Qatar-brokered ceasefire".  One naming more actors than the other
("Saudi Arabia and the United States" against "Saudi Arabia") is not a disagreement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.analysis.framing import event_sentences
from briefing.analysis.names import skeleton
from briefing.model import Corpus

_VERBS = r"(?:brokered|mediated|negotiated|facilitated|arranged)"
# Kinds of things one can broker; an attribution counts for an event of the same kind only
# (a ceasefire's broker says nothing about who mediated a summit).
_KINDS = {
    "ceasefire": "ceasefire", "cease-fire": "ceasefire", "truce": "ceasefire",
    "armistice": "ceasefire", "agreement": "agreement", "deal": "agreement",
    "accord": "agreement", "declaration": "agreement", "settlement": "agreement",
    "protocol": "agreement", "treaty": "agreement", "statement": "agreement",
    "talks": "talks", "negotiations": "talks", "meeting": "talks", "summit": "talks",
    "exchange": "exchange", "swap": "exchange",
}
_DEAL = r"(?P<deal>" + "|".join(sorted(map(re.escape, _KINDS), key=len, reverse=True)) + r")s?"
_WORD = r"[A-Z][\w'’.-]*"
_ONE = rf"(?:the\s+)?{_WORD}(?:\s+(?:of\s+(?:the\s+)?)?{_WORD})*"
_ACTORS = rf"{_ONE}(?:\s*,\s*{_ONE})*(?:,?\s+and\s+{_ONE})?"
_PATTERNS = [
    # "the truce, brokered by Saudi Arabia and the United States"
    re.compile(rf"\b{_DEAL}\b[^.;:]{{0,40}}?\b{_VERBS}\s+by\s+(?P<who>{_ACTORS})"),
    # "talks under the mediation of Charles Michel"
    re.compile(rf"\b{_DEAL}\b[^.;:]{{0,40}}?\b(?:under|with|through)\s+the\s+mediation\s+of"
               rf"\s+(?P<who>{_ACTORS})"),
    # "a Qatar-brokered ceasefire", "the Russian-mediated talks"
    re.compile(rf"\b(?P<who>{_WORD}(?:\s{_WORD})?)-{_VERBS}\s+(?:[\w-]+\s+)?{_DEAL}\b"),
    # "Washington stepped in to broker a ceasefire"
    re.compile(rf"(?P<who>{_ACTORS})\s+(?:[a-z]+\s+){{0,3}}?to\s+(?:broker|mediate|negotiate)"
               rf"\s+(?:a|an|the)\s+(?:[\w-]+\s+){{0,2}}?{_DEAL}\b"),
    # "Russia brokered a ceasefire"
    re.compile(rf"(?P<who>{_ACTORS})\s+(?:has\s+|had\s+|jointly\s+)?{_VERBS}\s+(?:a|an|the)\s+"
               rf"(?:[\w-]+\s+){{0,2}}?{_DEAL}\b"),
]
# One actor, many names: demonyms, capitals, seats of government, abbreviations.
_ALIASES = {
    "russia": "Russia", "russian": "Russia", "moscow": "Russia", "kremlin": "Russia",
    "the kremlin": "Russia", "russian federation": "Russia",
    "us": "United States", "u.s.": "United States", "usa": "United States",
    "united states": "United States", "american": "United States", "washington": "United States",
    "white house": "United States", "the white house": "United States",
    "eu": "European Union", "european union": "European Union", "brussels": "European Union",
    "un": "United Nations", "united nations": "United Nations", "au": "African Union",
    "african union": "African Union", "france": "France", "french": "France", "paris": "France",
    "turkey": "Turkey", "turkish": "Turkey", "ankara": "Turkey", "turkiye": "Turkey",
    "qatar": "Qatar", "qatari": "Qatar", "doha": "Qatar", "saudi arabia": "Saudi Arabia",
    "saudi": "Saudi Arabia", "riyadh": "Saudi Arabia", "iran": "Iran", "iranian": "Iran",
    "tehran": "Iran", "china": "China", "chinese": "China", "beijing": "China",
    "egypt": "Egypt", "egyptian": "Egypt", "cairo": "Egypt", "germany": "Germany",
    "german": "Germany", "berlin": "Germany", "uk": "United Kingdom", "britain": "United Kingdom",
    "british": "United Kingdom", "london": "United Kingdom", "united kingdom": "United Kingdom",
    "kazakhstan": "Kazakhstan", "kazakh": "Kazakhstan", "astana": "Kazakhstan",
}
_TITLE_WORDS = {"president", "prime", "minister", "foreign", "chairman", "chair", "council",
                "secretary", "envoy", "special", "representative", "leader", "king", "emir",
                "state", "general", "deputy", "chief", "head", "commission"}


@dataclass(frozen=True, slots=True)
class Attribution:
    article: str
    claim: str
    event: str
    actors: tuple[str, ...]  # normalised
    written: str  # the go-betweens as written
    sentence: str


@dataclass(slots=True)
class AttributionFinding:
    event: str
    a: Attribution
    b: Attribution

    @property
    def articles(self) -> list[str]:
        return [self.a.article, self.b.article]


def normalise(actor: str) -> set[str]:
    """The actors one written go-between stands for ("French President Emmanuel Macron" ->
    {"Emmanuel Macron", "France"})."""
    text = re.sub(r"^the\s+", "", actor.strip(), flags=re.IGNORECASE).strip(" ,.")
    low = text.lower()
    if low in _ALIASES:
        return {_ALIASES[low]}
    out: set[str] = set()
    words = text.split()
    rest: list[str] = []
    for n, w in enumerate(words):
        lw = w.lower().strip(".,")
        if lw in _ALIASES and n < len(words) - 1:
            out.add(_ALIASES[lw])  # a modifier: "French President ..."
        elif lw in _TITLE_WORDS or lw in ("of", "the"):
            continue
        else:
            rest.append(w)
    if rest:
        name = " ".join(rest)
        out.add(_ALIASES.get(name.lower(), "person:" + skeleton(rest[-1])))
    return out


def _split_actors(who: str) -> list[str]:
    return [p for p in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", who) if p.strip()]


def read(sentence: str, kind: str | None = None) -> list[str]:
    """The go-betweens a sentence names, as written; with ``kind`` ("ceasefire", "talks",
    ...), only those of a thing of that kind."""
    found: list[str] = []
    for pattern in _PATTERNS:
        for m in pattern.finditer(sentence):
            if kind is not None and _KINDS[m.group("deal").lower()] != kind:
                continue
            for part in _split_actors(m.group("who")):
                if part not in found:
                    found.append(part)
    return found


def event_kind(title: str, summary: str = "") -> str | None:
    """What kind of brokerable thing an event is, from its title (else its summary's start)."""
    for text in (title, " ".join(summary.split()[:8])):
        for word in re.findall(r"[\w-]+", text.lower()):
            word = word[:-1] if word.endswith("s") and word[:-1] in _KINDS else word
            if word in _KINDS:
                return _KINDS[word]
    return None


def attributions(corpus: Corpus, event_id: str) -> list[Attribution]:
    out: list[Attribution] = []
    event = corpus.events.get(event_id)
    kind = event_kind(event.title, event.summary) if event is not None else None
    if kind is None:
        return out  # not something one brokers: a war, a blockade
    claims = corpus.claims_for_event(event_id)
    for aid, sents in event_sentences(corpus, event_id).items():
        for pid, offset, sent in sents:
            written = read(sent, kind)
            if not written:
                continue
            claim = next((c.id for c in claims if c.article_id == aid
                          and c.paragraph_id == pid and c.start < offset + len(sent)
                          and offset < c.end), "")
            actors: set[str] = set()
            for w in written:
                actors |= normalise(w)
            out.append(Attribution(aid, claim, event_id, tuple(sorted(actors)),
                                   ", ".join(written), sent))
    return out


def for_event(corpus: Corpus, event_id: str) -> list[AttributionFinding]:
    found = attributions(corpus, event_id)
    out: list[AttributionFinding] = []
    seen: set[tuple[str, str]] = set()
    for x, a in enumerate(found):
        for b in found[x + 1:]:
            pair = (a.article, b.article)
            if a.article == b.article or pair in seen or set(a.actors) & set(b.actors):
                continue
            if any(set(o.actors) & set(b.actors) for o in found if o.article == a.article) or \
                    any(set(o.actors) & set(a.actors) for o in found if o.article == b.article):
                continue  # elsewhere the two sources name a common go-between
            seen.add(pair)
            out.append(AttributionFinding(event_id, a, b))
    return out


def for_corpus(corpus: Corpus) -> list[AttributionFinding]:
    return [f for eid in corpus.events for f in for_event(corpus, eid)]
