"""Claims of one article: spans chosen, speaker, kind, actors, figures and dates filled in."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field, replace

from briefing.model import Article, Paragraph
from briefing.suggest import kinds, spans, speakers, worth
from briefing.suggest.datekeys import date_keys
from briefing.suggest.figures import FoundFigure, demonym, describe, find_figures, is_substantive
from briefing.suggest.lexicon import AGENT_PLURAL, BODY_KINDS, FUNCTION_WORDS, HAPPENINGS
from briefing.suggest.mentions import DateMention, Name, find_dates, find_names
from briefing.suggest.names import NameIndex
from briefing.suggest import notclaims
from briefing.suggest.sentences import split_sentences
from briefing.suggest.verbs import has_verb

_TERM = re.compile(r"[^\W\d_][\w\-]{3,}")


@dataclass(slots=True)
class Proposal:
    article_id: str
    paragraph: Paragraph
    start: int
    end: int
    kind: str
    speaker: str
    confidence: float
    actors: list[str] = field(default_factory=list)
    figures: list[FoundFigure] = field(default_factory=list)
    dates: list[tuple[DateMention, str | None]] = field(default_factory=list)
    triggers: list[str] = field(default_factory=list)  # happening classes named
    terms: set[str] = field(default_factory=set)
    events: list[str] = field(default_factory=list)
    # When the claim's happening took place: its own first date, else the date in force in
    # its paragraph (the last one an earlier sentence gave: "In May 2021 ... Later, troops
    # crossed ..."), None when the paragraph gives none before it.
    when: str | None = None
    anchored: bool = False  # ``when`` comes from an earlier sentence, not the claim
    id: str = ""

    @property
    def quote(self) -> str:
        return self.paragraph.text[self.start:self.end]


def common_words(article: Article) -> frozenset[str]:
    """Capitalisable words this article also writes in lower case (not names), and plural
    nouns that open a sentence as its subject and are never capitalised elsewhere
    ("Firefighters said", "Residents fled"): a group of people, not a name."""
    seen: set[str] = set()
    opening: set[str] = set()
    inside: set[str] = set()
    for para in article.paragraphs():
        seen.update(re.findall(r"\b[a-z][a-z’']+\b", para.text))
        opening.update(m.group(1) for m in _PLURAL_OPENING.finditer(para.text))
        inside.update(m.group(1) for m in _CAPITAL_INSIDE.finditer(para.text))
    seen.update(w.lower() for w in opening - inside if not _NOT_COMMON_PLURAL.search(w))
    return frozenset(seen)


# A plural of a noun of agent or group ("Firefighters", "Analysts", "Employees",
# "Officials") opening a sentence before a lower-case word (its verb).
_PLURAL_OPENING = re.compile(r"(?:^|[.!?][\"”’)]?\s+)[\"“]?(?=[A-Z])(" + AGENT_PLURAL
                             + r")\s+(?=[a-z])")
# A capitalised word inside a sentence (after a word, not after a full stop).
_CAPITAL_INSIDE = re.compile(r"(?<=[\w,;:’'\"”)])\s+([A-Z][a-z]+)")
# Plurals that are names or name peoples: "Brussels", "Armenians", "Pakistanis", "Swiss".
_NOT_COMMON_PLURAL = re.compile(r"(?:ss|us|is|ans|ese|ians)$")


def paragraph_names(article: Article, common: frozenset[str]) -> dict[str, list[Name]]:
    return {p.id: find_names(p.text, common) for p in article.paragraphs()}


def _names_within(names: list[Name], starts: list[int], start: int, end: int) -> list[Name]:
    """The names (in order of ``starts``) inside [start, end), found by bisection: a
    paragraph of thousands of sentences is not walked once per sentence."""
    out = []
    for n in names[bisect_left(starts, start):]:
        if n.start >= end:
            break
        if n.end <= end:
            out.append(n)
    return out


def propose(article: Article, names: NameIndex, common: frozenset[str],
            found: dict[str, list[Name]]) -> list[Proposal]:
    """``found``: the names of each paragraph (paragraph_names)."""
    out: list[Proposal] = []
    answers = speakers.interviewee(article, found)
    answers = names.canonical(answers) if answers and answers not in article.authors else answers
    standfirst = speakers.standfirst_count(article, found)
    asking = _writer_asking(article.authors)
    writer = speakers.body_byline(article) or "author"  # a body's own release speaks for it
    people = sorted({n.text for ns in found.values() for n in ns if speakers.can_speak(n)}
                    | set(article.authors), key=len, reverse=True)
    year = int(article.published[:4]) if article.published else None
    known = sorted({n.text for ns in found.values() for n in ns})
    described = speakers.descriptions(article.paragraphs(), found)
    firm = speakers.main_firm(article.paragraphs(), found, names.canonical)
    docs = speakers.document_authors(article.paragraphs(), found)
    # Bodies that spoke so far, the latest first: "the city's audit office said ...
    # According to the audit, ...": the office wrote it.
    spoken: list[str] = []
    for noun in speakers.FIRM_NOUNS if firm else ():
        described.setdefault(noun, {firm})  # "the company said": the business it is about
    # News carries a speaker over a paragraph break: a paragraph that opens with a
    # quotation and names nobody continues the last speaker's words, and "he said" with no
    # one named before it in its paragraph is the last person named before.
    carried_speaker: str | None = None
    carried_person: str | None = None
    introduced: str | None = None  # the person the last paragraph named, quoting no one
    for p_index, para in enumerate(article.paragraphs()):
        if para.lang and para.lang != article.language:
            continue  # a passage left in another language: its claims need a reader
        text = para.text
        if notclaims.not_a_claim(text):
            continue  # an editor's note, a correction, a table, a lead-in to an embed
        # The standfirst of an interview is the writer's; the answers the interviewee's.
        interviewee = answers if p_index >= standfirst else None
        if answers and speakers.is_question(text):
            continue  # the interviewer's question: what it states frames the answer
        label = speakers.labelled_speaker(text, people)
        if label and answers and label[0] in article.authors and answers not in article.authors:
            continue  # "Varga: And the relief fund?": the interviewer speaking
        if label:
            interviewee = label[0] if label[0] in article.authors else names.canonical(label[0])
        para_names = sorted(found[para.id], key=lambda n: n.start)
        name_starts = [n.start for n in para_names]
        opens_quoted = text.lstrip().startswith(("\"", "“", "«")) and not interviewee
        # A quotation opening a paragraph after one that introduced a person ("Ruiz was
        # unapologetic.") is that person's.
        last_speaker: str | None = (carried_speaker or introduced) if opens_quoted else None
        in_force: str | None = None  # the date an earlier sentence of the paragraph set
        # Whom the last sentence's "It" or document subject stood for ("The report found
        # ... It said ... It also found ..."), and whose reported speech it was ("X said it
        # had been understaffed. Its team would be doubled ...").
        it_stood_for: str | None = None
        reporting: str | None = None
        # Quotations are found in the whole paragraph: a quotation often runs over several
        # sentences, its speaker named once, before it or after its end ("..., Y added.").
        # A short one is one statement, read as one sentence.
        regions = speakers.quotations(text, 0, len(text))
        sentences = _join_quoted(text, split_sentences(text), regions)
        if label:  # the transcript's label is no part of what was said, but says whose
            sentences = [(max(a, label[1]), b) for a, b in sentences if b > label[1]]
            last_speaker = interviewee
        for s_index, (s_start, s_end) in enumerate(sentences):
            sentence = text[s_start:s_end]
            dates_here = find_dates(sentence, year, article.published)
            written = [d for d in dates_here if not d.relative]
            if written and len(written[-1].value) >= 7:
                year = int(written[-1].value[:4])  # "In May ..." after "in April 2021"
            if sentence.rstrip("”\"’' )").endswith("?"):
                continue
            if p_index < standfirst and asking.match(sentence):
                continue  # "We asked her why.", "Ines Varga spoke to him": the interview itself
            s_names = _names_within(para_names, name_starts, s_start, s_end)
            att = speakers.attribution(text, s_start, s_end, s_names)
            if att is not None and att.pronoun:
                # "he said that ...": the last person named in the paragraph, else the
                # paragraph's last speaker; nobody to name, no attribution.
                if att.speaker.lower() in ("it", "they") and it_stood_for:
                    who = it_stood_for  # "The report found ... It said ...": the report's
                elif att.speaker.lower() in ("it", "they"):  # not a person: a body
                    body = speakers.last_body(para_names, att.start)
                    if body and speakers.nearer_subject(text, body, s_start):
                        body = None  # "The report found ... It said": the report
                    phrase = None if body else speakers.body_subject(text, s_start)
                    who = (names.canonical(body.text) if body else
                           names.canonical(_named(phrase, known, names, described)) if phrase
                           else None)
                    if who is None and last_speaker and speakers.is_body_name(last_speaker):
                        # "In a statement, the ministry said ... , it said.": the body that
                        # spoke last in the paragraph
                        who = last_speaker
                else:
                    who = (speakers.last_person(text, para_names, att.start) or last_speaker
                           or carried_person)
                # "It said the crack had been visible for months": nobody to name, but
                # still a statement someone made, worth checking.
                unnamed = att.said and not who
                att = replace(att, speaker=who) if who else None
            else:
                unnamed = False
            if att is None and s_index + 1 < len(sentences):
                # "... will be covered by the fund. That is the estimate of X."
                n_start, n_end = sentences[s_index + 1]
                after = speakers.attributed_after(
                    text, n_start, n_end, _names_within(para_names, name_starts, n_start, n_end))
                if after:
                    att = speakers.Attribution(after, n_start, n_end, s_start, True)
            doc = speakers.document_says(text, s_start, s_end) if att is None else None
            if doc is not None:
                # "The report says X": X is the word of whoever the article says wrote it
                author_of = (_document_author(doc[0], doc[1], known, names, described,
                                              (docs, p_index, spoken)) or doc[0])
                if author_of != doc[0]:
                    att = speakers.Attribution(author_of, doc[1], doc[2], doc[3], True, said=True)
            quotes = _quotes_in(text, regions, s_start, s_end)
            if quotes and att is None:
                who = (speakers.subject_speaker(text, s_start, quotes[0][0], s_names)
                       or _region_speaker(text, regions, sentences, para_names, s_start,
                                          s_end))
                att_speaker: str | None = names.canonical(who) if who else last_speaker
            else:
                who = (_speaker_named(att, para_names, known, names, described,
                                      (docs, p_index, spoken))
                       if att and att.speaker else None)
                if att is not None and att.document and who is None:
                    att = None  # "according to the report" by no one the article names
                att_speaker = names.speaker(who) if who else None
            if att is None and not quotes and reporting and not interviewee and \
                    speakers.continues_report(text, s_start, s_end):
                # "X said it had been understaffed. Its team would be doubled ...": still X
                att = speakers.Attribution(reporting, s_start, s_start, s_start, True, said=True)
                att_speaker = reporting
            # Backshifted speech follows a verb in the past ("said it had"); after "say" a
            # "would" is the writer's own conditional.
            reporting = (att_speaker if att is not None and att.said and not quotes
                         and att_speaker and att_speaker not in ("author", writer)
                         and _PAST_SAYING.search(text, att.start, att.end) else None)
            subject_doc = speakers.document_subject(text, s_start, s_end)
            opens_it = re.match(r"\W*(?:It|They)\s", sentence) is not None
            if subject_doc:
                it_stood_for = (att_speaker if att_speaker and att_speaker != writer else
                                _document_author(subject_doc, s_start, known, names, described,
                                                 (docs, p_index, spoken)))
            elif not opens_it:
                it_stood_for = None
            elif att is not None and att.pronoun and att_speaker:
                it_stood_for = att_speaker
            if att_speaker and att_speaker not in ("author", writer) and \
                    not speakers.is_person_name(att_speaker):
                spoken.insert(0, att_speaker)
            if att_speaker:
                last_speaker = att_speaker
            pieces: list[tuple[int, int, bool]] = []
            quoted_total = sum(b - a for a, b in quotes)
            if quotes and att_speaker:
                pieces += [(a, b, True) for a, b in quotes]
            arguing = _arguing(text, s_start, s_end, s_names, att)
            if not (quotes and att_speaker and quoted_total > 0.5 * (s_end - s_start)):
                first = att.content_start if att and att.content_start > s_start else s_start
                last = _before_trailing(text, s_start, s_end, att) if first == s_start else s_end
                if arguing:
                    last = min(last, arguing[0])
                for piece in spans.clauses(text, first, last):
                    inside = sum(min(b, piece.end) - max(a, piece.start) for a, b, _ in pieces
                                 if a < piece.end and piece.start < b)
                    if inside >= 0.5 * (piece.end - piece.start):
                        continue  # the quotation is the claim; the rest is its attribution
                    if (att is not None and att.said and piece.start <= att.start < piece.end
                            and any(piece.start <= a and b <= piece.end and has_verb(text[a:b])
                                    for a, b, _ in pieces)):
                        continue  # 'X warned that "all options are open" if ...': the same
                    if any(piece.start < a and b <= piece.end + 2 and quoted
                           and _INTRODUCES.search(text, piece.start, a)
                           for a, b, quoted in pieces):
                        continue  # 'Kol had a simple message: "..."': the quotation's frame
                    pieces.append((piece.start, piece.end, False))
            act = _act_before_saying(text, s_start, att)
            for a, b, quoted in ([act] if act else []) + pieces:
                piece_att, piece_speaker = att, att_speaker
                if not quoted and len(pieces) > 1:
                    # "X accuses Y of ..., while Z says ...": each clause its own speaker.
                    own = speakers.attribution(
                        text, a, b, [n for n in s_names if a <= n.start and n.end <= b])
                    if own is not None and own.said and own.start >= a:
                        piece_att, piece_speaker = own, names.canonical(own.speaker)
                # In an interview the answers are the interviewee's, reports included;
                # only a quotation is someone else's words.
                if act and (a, b, quoted) == act:
                    piece_att = None  # what they did is the writer's report, not their words
                reported = quoted or bool(piece_att and not interviewee)
                speaker = (piece_speaker if (reported and piece_speaker) else
                           interviewee or writer)
                said = (not quoted and reported and piece_att is not None and piece_att.said
                        and speaker not in ("author", writer))
                prop = _fill(article.id, para, a, b, s_start, s_end, dates_here, speaker,
                             quoted, said or unnamed, s_names, names, year, common)
                if prop is not None:
                    _anchor(prop, dates_here, s_start, in_force)
                    out.append(prop)
            if arguing:
                _, a, who = arguing
                piece = spans.trim(text, a, s_end)
                prop = piece and _fill(article.id, para, piece.start, piece.end, s_start, s_end,
                                       dates_here, names.canonical(who), False, True, s_names,
                                       names, year, common)
                if prop:
                    _anchor(prop, dates_here, s_start, in_force)
                    out.append(prop)
            if dates_here:
                in_force = dates_here[-1].value
        carried_speaker = last_speaker if regions else None
        person = speakers.last_person(text, para_names, len(text))
        carried_person = names.canonical(person) if person else carried_person
        introduced = names.canonical(person) if person and not regions else None
    return out


def _writer_asking(authors: list[str]) -> re.Pattern[str]:
    """The writer (by pronoun or byline) asking or meeting the interviewee."""
    who = "|".join(re.escape(a) for a in authors if a) or "We"
    return re.compile(r"\W*(?:(?:Our|My)\s+[a-z]+\s+)?(?:We|I|" + who + r")\s+(?:\w+ly\s+)?(?:asked|spoke|talked|met|"
                      r"put|interviewed|sat down)\b")


# "..., arguing that X", "..., saying that X": what the sentence's subject said while acting.
_ARGUING = re.compile(r",\s+(?:arguing|saying|claiming|insisting|warning|adding|noting|"
                      r"stressing|explaining|complaining|alleging|maintaining)\s+that\s+")


# What may stand before a name that is its sentence's subject: "The", other capitalised
# words of the name ("The Dairy Farmers' Association" when "dairy" is common here).
_SUBJECT_OPENS = re.compile(r"\W*(?:[Tt]he\s+)?(?:[A-Z][\w’'\-]*\s+){0,2}")


def _arguing(text: str, s_start: int, s_end: int, s_names: list[Name],
             att: speakers.Attribution | None) -> tuple[int, int, str] | None:
    """(where the participle's comma is, where its statement starts, who said it) when the
    sentence's subject is a name opening it: "The Farmers' Association asked the court to
    stop the sale, arguing that prices would fall" is the association's argument."""
    if att is not None and att.said:
        return None
    m = _ARGUING.search(text, s_start, s_end)
    if m is None or spans.words(text[m.end():s_end]) < spans.MIN_CLAIM_WORDS:
        return None
    opening = [n for n in s_names if n.end <= m.start() and speakers.can_speak(n)
               and _SUBJECT_OPENS.fullmatch(text, s_start, n.start)]
    if not opening or not has_verb(text[s_start:m.start()]):
        return None
    return m.start(), m.end(), opening[0].text


# "Halvard welcomed the ruling and said ...": an act before the verb of saying, a claim
# of its own beside what was said.
_ACT_AND_SAID = re.compile(r"(.*?\s[a-z]{3,}ed\b[^,;.:“”\"]*?)\s+and\s+"
                           r"(?:(?:also|then|later)\s+)?\w+$")


def _act_before_saying(text: str, s_start: int,
                       att: speakers.Attribution | None) -> tuple[int, int, bool] | None:
    if att is None or not att.said or att.pronoun or att.content_start <= att.end:
        return None
    if not s_start <= att.start < att.end:
        return None
    m = _ACT_AND_SAID.match(text, att.start, att.end)
    if m is None or spans.words(text[s_start:m.end(1)]) < spans.MIN_CLAIM_WORDS:
        return None
    return (s_start, m.end(1), False)


# What introduces a quotation with a colon ("X had a simple message: “").
_INTRODUCES = re.compile(r":\s*[\"“‘'«]?\s*$")


QUOTE_WORDS = 40  # a quotation over several sentences up to this long is one claim


def _join_quoted(text: str, sentences: list[tuple[int, int]],
                 regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences joined where a short quotation runs over their boundary."""
    out: list[tuple[int, int]] = []
    for a, b in sentences:
        if out and any(x < out[-1][1] and a < y and spans.words(text[x:y]) <= QUOTE_WORDS
                       for x, y in regions):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


TRAILING_WORDS = 10  # an attribution closing a sentence is at most this long


def _before_trailing(text: str, s_start: int, s_end: int,
                     att: speakers.Attribution | None) -> int:
    """Where the claim ends when the sentence closes on its attribution ("..., the chain
    said on Monday.", "..., according to the institute.", "..., says Ana Ruiz, the mayor"):
    at the comma before it; else the sentence's end."""
    if att is None or not att.reported:
        return s_end
    at = min(att.start, att.end)
    if at >= s_end:
        return s_end  # attributed in the next sentence ("That is the view of X.")
    comma = text.rfind(",", s_start, at)
    if comma < 0 or spans.words(text[comma + 1:at]) > 4:
        return s_end  # the speaker is too far from the comma to open the attribution
    tail = text[comma + 1:s_end]
    if has_verb(text[max(att.start, att.end):s_end]):
        return s_end  # "..., according to Meridian, and 4,000 workers took part": more follows
    if spans.words(tail) > TRAILING_WORDS or "that" in tail.split() or '"' in tail or "“" in tail:
        return s_end
    if spans.words(text[s_start:comma]) < spans.MIN_CLAIM_WORDS:
        return s_end
    return comma


_PAST_SAYING = re.compile(r"\b(?:said|told|wrote|[a-z]+ed)\s*$")
# Where a speaker is read, to name the author of a document: the article's documents and
# their authors (speakers.document_authors), the paragraph's index, the bodies that spoke
# so far (the latest first).
Where = tuple[list[tuple[int, int, str, str]], int, list[str]]


def _speaker_named(att: speakers.Attribution, para_names: list[Name], known: list[str],
                   names: NameIndex, described: dict[str, set[str]], where: Where) -> str | None:
    """The name an attribution's speaker stands for: "the company" is the business named
    last before it in its paragraph; "the audit", "the auditors", "its authors" whoever
    wrote the document (None for a document by no one named); else what _named finds."""
    # "the company", "Its authors" (a sentence's first word): a common noun, to name
    common = att.speaker[:1].islower() or re.match(r"(?:Its|Their|The)\s+[a-z]", att.speaker)
    head = att.speaker.split()[-1].lower() if common else ""
    if head in speakers.FIRM_NOUNS or head in speakers.LOCAL_FIRM_NOUNS:
        firm = speakers.last_business(para_names, att.start)
        if firm is not None:
            return firm.text
    spoken = where[2]
    if att.speaker.lower() in speakers.SPOKES_NOUNS and spoken:
        return spoken[0]  # "A spokesperson for the ministry said ... The spokesperson added"
    if speakers.document_writer(head) is not None:
        author = _document_author(head, att.start, known, names, described, where)
        if author is not None or att.document:
            return author
    return _named(att.speaker, known, names, described)


def _document_author(word: str, pos: int, known: list[str], names: NameIndex,
                     described: dict[str, set[str]], where: Where) -> str | None:
    """Who wrote the document a word names ("audit") or whose writers it names
    ("auditors"): the last author the article gave such a document before ``pos``, else
    one the article's descriptions give, else a body sharing its stem."""
    docs, p_index, spoken = where
    kind = speakers.document_writer(word)
    if kind is None:
        return None
    is_doc, noun = kind
    bodies = spoken + known  # those that spoke, the latest first, then every name
    author = speakers.author_of(docs, p_index, pos, noun, bodies)
    if author is not None and author[:1].islower():
        author = _named(author, known, names, described)  # "the ministry": its name
    if author is None and is_doc:
        named = _named(word, known, names, described)
        author = named if named != word else None
    return author


def _named(speaker: str, known: list[str], names: NameIndex,
           described: dict[str, set[str]] | None = None) -> str:
    """"the federation said": the Dockworkers' Federation when the article names one
    federation and no other; "the chain said": Corvel when the article calls Corvel "a
    discount chain" and nothing else a chain; a description that fits no name, or
    several, stays as it is."""
    if not speaker or speaker[:1].isupper():
        return speaker
    head = speaker.split()[-1].lower()
    fits = {names.canonical(k) for k in known
            if head in (w.lower() for w in re.findall(r"[\w’'-]+", k))}
    if not fits and described:
        fits = {names.canonical(k) for k in described.get(head, ())}
    if not fits and head in BODY_KINDS:
        # "the union said" after "The Federation of Transport Workers said": one kind
        fits = {names.canonical(k) for k in known
                if any(BODY_KINDS.get(w.lower()) == BODY_KINDS[head]
                       for w in re.findall(r"[\w’'-]+", k))}
    return fits.pop() if len(fits) == 1 else speaker


def _quotes_in(text: str, regions: list[tuple[int, int]], s_start: int,
               s_end: int) -> list[tuple[int, int]]:
    """The parts of the paragraph's quotations inside one sentence, long enough to state
    something (speakers.MIN_QUOTE_WORDS)."""
    out = []
    for a, b in regions:
        a, b = max(a, s_start), min(b, s_end)
        while a < b and text[a] in " \"“”":
            a += 1
        while b > a and text[b - 1] in " \"“”":
            b -= 1
        if a < b and spans.words(text[a:b]) >= speakers.MIN_QUOTE_WORDS:
            out.append((a, b))
    return out


def _region_speaker(text: str, regions: list[tuple[int, int]],
                    sentences: list[tuple[int, int]], para_names: list[Name], s_start: int,
                    s_end: int) -> str | None:
    """Who speaks a quotation that runs over this sentence into others: the attribution in
    another sentence of the quotation, outside the quoted words (or the person named
    before it opens)."""
    for a, b in regions:
        if not (a < s_end and s_start < b) or (s_start <= a and b <= s_end):
            continue
        for x, y in sentences:
            if (x, y) == (s_start, s_end) or not (a < y and x < b):
                continue
            names_xy = [n for n in para_names if x <= n.start and n.end <= y]
            att = speakers.attribution(text, x, y, names_xy)
            if att is not None and not att.pronoun and not (a <= att.start < b):
                return att.speaker
            if x < a:
                who = speakers.subject_speaker(text, x, a, names_xy)
                if who:
                    return who
    return None


def _anchor(prop: Proposal, dates_here: list[DateMention], s_start: int,
            in_force: str | None) -> None:
    """Temporal anchoring: the claim's own date, else the last date its sentence gives
    before it, else the date in force from the paragraph's earlier sentences."""
    if prop.dates:
        prop.when = prop.dates[0][0].value
        return
    before = [d for d in dates_here if d.end + s_start <= prop.start]
    if before:
        prop.when, prop.anchored = before[-1].value, True
    elif in_force:
        prop.when, prop.anchored = in_force, True


def actor_of(name: str, names: NameIndex) -> str | None:
    """The actor a name stands for: "Russian" is Russia when Russia is named somewhere;
    "Russian-brokered", "Turkish-Azerbaijani" qualify rather than name someone."""
    if "-" in name and any(part[:1].islower() or demonym(part, names) for part in name.split("-")):
        return None
    if " " not in name and demonym(name, names) is not None:
        return demonym(name, names, allow_self=False)
    return names.canonical(name)


def _fill(article_id: str, para: Paragraph, a: int, b: int, s_start: int, s_end: int,
          found_dates: list[DateMention], speaker: str, quoted: bool, said: bool,
          s_names: list[Name], names: NameIndex, year: int | None,
          common: frozenset[str]) -> Proposal | None:
    """``quoted``: the span is a quotation; ``said``: a statement reported by a verb of
    saying ("X said that ...")."""
    text = para.text
    span = text[a:b]
    in_span = [n for n in s_names if a <= n.start and n.end <= b]
    actors: list[str] = []
    for n in in_span:
        c = actor_of(n.text, names)
        if c and c not in actors:
            actors.append(c)
    sentence = text[s_start:s_end]
    pairs: list[tuple[Name, str]] | None = None  # built for the first date in the span only
    dates: list[tuple[DateMention, str | None]] = []
    for d in found_dates:
        if a <= d.start + s_start and d.end + s_start <= b:
            if pairs is None:
                pairs = [(Name(n.text, n.start - s_start, n.end - s_start, n.role),
                          names.canonical(n.text)) for n in s_names]
            keys = date_keys(sentence, d, pairs)
            dates.extend((d, k) for k in keys) if keys else dates.append((d, None))
    places = [(n.start - a, names.canonical(n.text)) for n in in_span]
    figures = [describe(span, n, names, places) for n in find_figures(span)]
    low = span.lower()
    words = _TERM.findall(low)
    triggers = sorted({HAPPENINGS[w] for w in words if w in HAPPENINGS})
    if not triggers and dates:
        # No known kind of happening, but a dated one: name it by its noun ("the first
        # filling in July 2020", "the inauguration on 3 May").
        noun = _EVENT_NOUN.search(low)
        if noun and noun.group(1) not in _NOT_EVENT_NOUNS:
            triggers = [noun.group(1)]
    # "More than 40 ships", "some seven districts": a qualified number states a size.
    substantive = any(is_substantive(f) or (f.number.qualifier and f.number.approx
                                            and f.counted not in ("days", "weeks", "months",
                                                                  "years", "hours"))
                      for f in figures)
    kind, kind_confidence = kinds.classify(span, quoted=quoted, reported=said,
                                           has_figure=substantive, has_date=bool(dates),
                                           has_actor=bool(actors))
    # "Firefighters worked ...", "Residents fled": a group of people acting, as good a
    # signal as a named actor (though no actor to list).
    group = kinds.GROUP_SUBJECT.match(span) is not None
    has_signal = bool(quoted or said or actors or group or figures or dates or triggers
                      or kind in ("prediction", "recommendation")
                      or worth.compares(span) or any(w in worth.EVALUATIVE for w in words))
    if not has_signal and spans.words(span) < 12:
        return None
    if (spans.words(span) < _VAGUE_WORDS and _POINTS_BACK.match(span)
            and not (actors or figures or dates or quoted or said)):
        return None  # "That was the easy part.", "This matters.": about what, it does not say
    features = worth.Features(figure=substantive, date=bool(dates),
                              actors=len(actors) or int(group),
                              reported=quoted or said,
                              forward=kind in ("prediction", "recommendation"),
                              verb=quoted or spans.states(span))
    worthiness = worth.score(span, features)
    if worthiness < worth.MIN_WORTH:
        return None
    # Worth checking, and of the kind said: a reviewer reads the surest suggestions first.
    confidence = round(worthiness * (0.5 + 0.5 * kind_confidence), 2)
    terms = {w for w in words if w not in FUNCTION_WORDS and w not in common_stop}
    terms.update(x.lower() for x in actors)
    return Proposal(article_id, para, a, b, kind, speaker, confidence, actors, figures, dates,
                    triggers, terms)


# A short span whose subject points back at what came before cannot be checked alone.
_VAGUE_WORDS = 8
_POINTS_BACK = re.compile(r"\W*(?:that|this|these|those|it|such)\b(?!\s+(?:is|was)\s+(?:why|how|"
                          r"when|where|because))", re.IGNORECASE)
_EVENT_NOUN = re.compile(
    r"\b(?:the|a|an|its|their|whose|first|second|third|fourth|last|latest|next|new)\s+"
    r"(?:\w+\s+)?([a-z]{3,}(?:ing|tion|sion|ment|ure))\b")
_NOT_EVENT_NOUNS = frozenset("""
thing nothing something anything everything evening morning government movement
population situation position nation information relation relations attention question
future nature structure culture pressure measure legislation organization organisation
""".split())

common_stop = frozenset("""
that this with from have has been were which their there would could should about also into
more than other such they them when what will most only over very some many much after before
while where these those being does made make said says between against during under within
without just even still well like because since then however although though both each
""".split())
