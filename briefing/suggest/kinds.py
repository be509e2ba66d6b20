"""The kind of a claim: fact, figure, quote, assessment, prediction or recommendation.

Cues in the order a reader weighs them: someone else's words in quotation marks (quote),
and a reported statement as what it reports when that can be checked (else quote); what
ought to be done (recommendation); a count, an amount or a toll (figure); what will happen
(prediction); a judgement (evaluative or hedging words: assessment); otherwise a dated
or named happening (fact).
"""

from __future__ import annotations

import re

from briefing.suggest.lexicon import AGENT_PLURAL, PREDICTION, RECOMMENDATION
from briefing.suggest.worth import EVALUATIVE

_WORD = re.compile(r"[a-z’']+")


_PATTERNS: dict[tuple[str, ...], re.Pattern[str]] = {}


def _has(phrases: tuple[str, ...], low: str) -> bool:
    pattern = _PATTERNS.get(phrases)
    if pattern is None:
        pattern = _PATTERNS[phrases] = re.compile(
            r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b")
    return pattern.search(low) is not None


def classify(text: str, *, quoted: bool, has_figure: bool, has_date: bool,
             has_actor: bool, reported: bool = False) -> tuple[str, float]:
    """(kind, confidence 0..1).  ``quoted``: words in quotation marks; ``reported``: a
    statement reported by a verb of saying.  What is checked in a reported statement is
    what it reports when that can be checked, or what it asks for ("X said the
    government must reform the rules": a recommendation): a figure ("X said the strike
    cost 12 million"), a dated happening ("X said it opened an inquiry on Saturday"), an
    announcement with a horizon ("X said the report would be out within five weeks", "X
    says it will strike again"); otherwise it is the speaker's word, a quote."""
    low = text.lower().replace("’", "'")
    if quoted:
        return "quote", 0.8
    advice = _NOT_ADVICE.sub(" ", low)
    if reported and not has_figure:
        # "X said the government must reform the rules": what X says ought to be done
        if _has(RECOMMENDATION, advice) or _has(_MORE_ADVICE, advice):
            return "recommendation", 0.6
        if _WILL.search(low) or (_WOULD.search(text) and _HORIZON.search(low)):
            return "prediction", 0.5
        if (has_date or _TIME_WORD.search(low)) and _PAST.search(low) and not _judges(low):
            return "fact", 0.5
        return "quote", 0.8
    # "should have ended", "it should be noted": a past modal or a framing phrase
    # recommends nothing.
    if _has(RECOMMENDATION, advice) or _has(_MORE_ADVICE, advice):
        return "recommendation", 0.6
    if has_figure:
        return "figure", 0.7
    past = bool(_PAST.search(low))
    if ((_has(PREDICTION, low) or _has(_SOON, low) or _foresees(low))
            and not re.search(r"\b(?:said|stated|announced|declared)\b", low)):
        return "prediction", 0.5
    tokens = _WORD.findall(low)
    # "has confirmed an outbreak", "was confirmed by the laboratory": an authority's act
    # reported, where "this confirms the decline" judges.
    evaluative = sum(1 for w in tokens if w in EVALUATIVE) - len(_CONFIRMED_ACT.findall(low))
    # A motive read into an act ("Azerbaijan sought to pressure Armenia", "steps aimed at
    # improving"): the writer's interpretation.
    evaluative += len(_MOTIVE.findall(low))
    # The writer speaking in the first person ("we can say", "we have seen") judges; "we
    # are still waiting" reports.
    first_person = len(_FIRST_PERSON_JUDGES.findall(low))
    evaluative += first_person
    # One evaluative word in a dated report ("in May 2021 Baku effectively seized
    # control") colours a fact rather than making it a judgement.
    colours_fact = evaluative == 1 and not first_person and has_date
    if evaluative >= 1 and not colours_fact:
        return "assessment", min(0.9, 0.5 + 0.1 * evaluative)
    if has_date or ((has_actor or GROUP_SUBJECT.match(text)) and past):
        return "fact", 0.6
    # A past statement naming no one and no date is as often the writer's reading ("the
    # decision marked a turning point") as a happening: read as an assessment (tried as a
    # fact: better on the tram set, worse on the bundled and breach sets).
    return "assessment", 0.4


# A weekday or a relative time dates a happening as well as a calendar date does.
_TIME_WORD = re.compile(r"\b(?:on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
                        r"|yesterday|last (?:week|month|year|night)|earlier (?:this|that) "
                        r"(?:week|month|year)|overnight)\b")
# A consequence foreseen: "a long stoppage would push shipping lines to change course", "a
# drought could trigger a crisis".  Only verbs of cause and change: "would be a mistake"
# judges, "could argue" weighs, "could have" looks back.
_HYPOTHETICAL = re.compile(
    r"\b(?:would|could|might)\s+(?:(?:also|still|probably|eventually|soon|quickly|well)\s+)?"
    r"(?:trigger|lead|push|cause|force|spark|result|bring|drive|hit|cost|raise|rise|fall|"
    r"increase|reduce|cut|double|halve|end|collapse|destabili[sz]e|disrupt|delay|"
    r"prompt|provoke|unleash|wipe|leave|send|slow|stall|stop|close|shut|"
    r"lose|run out|fail|exceed|reach|take years|take months)\b")


# A modal inside a condition, a relative clause or a reported wish ("if Baku would
# provide", "a railroad that would link", "hoping that Armenia would yield") foresees
# nothing of its own.  A condition ends at its comma: "If it succeeds, it would cost ..."
# is the consequence.
_SUBORDINATE = re.compile(r"\b(?:(?:that|which|who|whom|hoping|hoped|wished)"
                          r"\s+(?:[\w’'\-]+,?\s+){0,6}"
                          r"|(?:if|unless|whether)\s+(?:[\w’'\-]+\s+){0,6})$")


def _foresees(low: str) -> bool:
    return any(not _SUBORDINATE.search(low, 0, m.start())
               for m in _HYPOTHETICAL.finditer(low))


# A group of people as the subject: "Firefighters worked for four hours", "Many residents
# fled": someone did something, as a named actor does.
GROUP_SUBJECT = re.compile(r"\W*(?:(?:the|some|many|most|several|hundreds of|thousands of|"
                           r"dozens of|\d[\d,]*)\s+)?(?:[a-z]+\s+)?" + AGENT_PLURAL
                           + r"\s+(?!said\b)", re.IGNORECASE)


_MOTIVE = re.compile(r"\b(?:sought|seeks|seek|seeking|strives|strove|strived|striving) to\b"
                    r"|\baim(?:s|ed|ing)? (?:at|to)\b|\bintend(?:s|ed)? to\b|\bdesigned to\b"
                    r"|\bin (?:an|a) (?:attempt|bid|effort) to\b")
_CONFIRMED_ACT = re.compile(r"\b(?:has|have|had|been|was|were)\s+(?:\w+ly\s+|also\s+)?"
                            r"(?:confirmed|revealed)\b")


def _judges(low: str) -> bool:
    return any(w in EVALUATIVE for w in _WORD.findall(low))


# Future in a reported statement: "says it will strike again", "said the line won't reopen".
_WILL = re.compile(r"\b(?:will|won't|shall|is to|are to)\b")
# "may" in lower case: "in May" is a month.
_WOULD = re.compile(r"\b(?:(?i:would|could|might|was to|were to|was going to|were going to)|may)\b")
# A time the announced happening is tied to: "would be published within five weeks".
_HORIZON = re.compile(
    r"\b(?:within|by (?:the end of|next|early|late|mid|\d{4})|next (?:week|month|year|spring|summer|"
    r"autumn|fall|winter)|in (?:the )?(?:coming|next) |on (?:monday|tuesday|wednesday|"
    r"thursday|friday|saturday|sunday)|from (?:monday|tuesday|wednesday|thursday|friday|"
    r"saturday|sunday)|before the end of|(?:until|till) (?:further notice|the end|next|"
    r"january|february|march|april|may|june|july|august|september|october|november|"
    r"december|\d)|(?:in|by|from) (?:early |late |mid-)?(?:january|february|march|april|may|"
    r"june|july|august|september|october|november|december|spring|summer|autumn|winter))")
_FIRST_PERSON_JUDGES = re.compile(
    r"\b(?:we|i)\s+(?:(?:can|could|must|should|may|might|have to|need to|would)\s+)?"
    r"(?:also\s+)?(?:say|see|seen|saw|think|believe|argue|admit|note|conclude|consider|"
    r"feel|doubt|suspect|fear|know|hope|expect|wonder|observe|notice|agree|disagree|"
    r"have (?:seen|learned|learnt|noted))\b"
    r"|\b(?:in )?(?:my|our) (?:view|opinion|judgement|judgment|reading)\b")


_NOT_ADVICE = re.compile(
    r"\b(?:should|must|ought to|would|need|needs) (?:not )?have\b"
    r"|\bit (?:should|must) be (?:noted|emphasi[sz]ed|stressed|said|recalled|remembered)\b"
    r"|\b(?:should|must|has to|have to) (?:also )?(?:be )?(?:noted|said|admitted|recognised|"
    r"recognized|acknowledged)\b")
# Advice phrased without "should": "may want to consider", "now is the time to".
_MORE_ADVICE = ("may want to", "might want to", "would do better", "would do well",
                "is the time to", "time has come to", "it is high time", "would be well advised",
                "is advised to", "are advised to", "it is advisable")
# A modal with a near horizon: "may soon be forced to", "could ... in the near future".
_SOON = ("may soon", "might soon", "could soon", "in the near future", "in the coming weeks",
         "in the coming months", "in the coming years", "next year", "by the end of the year")


# A verb in the past: what happened is reported (a fact) rather than judged.
_PAST = re.compile(
    r"\b(?:was|were|had|did|said|signed|sent|took|made|held|went|began|became|left|won|lost|"
    r"fought|broke|brought|met|led|gave|told|saw|set|put|came|ran|paid|sold|bought|"
    r"rose|fell|grew|cut|hit|fled|shut|spent|stood|struck|drew|drove|flew|found|kept|knew|"
    r"laid|lent|sank|spoke|stole|wrote|withdrew|chose|dealt|hid|sought|"
    r"shook|spread|swept|taught|tore|heard|built|caught|slept|"
    r"\w{3,}ed)\b")
