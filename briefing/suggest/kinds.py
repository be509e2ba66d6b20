"""The kind of a claim: fact, figure, quote, assessment, prediction or recommendation.

Cues in the order a reader weighs them: someone else's words (quote); what ought to be done
(recommendation); a count or amount (figure); what will happen (prediction); a judgement
(evaluative or hedging words: assessment); otherwise a dated or named happening (fact).
"""

from __future__ import annotations

import re

from briefing.suggest.lexicon import ASSESSMENT, PREDICTION, RECOMMENDATION

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
    statement reported by a verb of saying, a quote unless it gives a figure (what is
    checked then is the figure: "X said the strike cost 12 million")."""
    low = text.lower().replace("’", "'")
    if quoted or (reported and not has_figure):
        return "quote", 0.8
    # "should have ended", "it should be noted": a past modal or a framing phrase
    # recommends nothing.
    advice = _NOT_ADVICE.sub(" ", low)
    if _has(RECOMMENDATION, advice) or _has(_MORE_ADVICE, advice):
        return "recommendation", 0.6
    if has_figure:
        return "figure", 0.7
    past = bool(_PAST.search(low))
    if ((_has(PREDICTION, low) or _has(_SOON, low))
            and not re.search(r"\b(?:said|stated|announced|declared)\b", low)):
        return "prediction", 0.5
    tokens = _WORD.findall(low)
    evaluative = sum(1 for w in tokens if w in ASSESSMENT)
    # The writer speaking in the first person ("we can say", "we have seen") judges.
    first_person = sum(1 for w in tokens if w in ("we", "i", "us", "our"))
    evaluative += first_person
    # One evaluative word in a dated report ("in May 2021 Baku effectively seized
    # control") colours a fact rather than making it a judgement.
    colours_fact = evaluative == 1 and not first_person and has_date
    if evaluative >= 1 and not colours_fact:
        return "assessment", min(0.9, 0.5 + 0.1 * evaluative)
    if has_date or (has_actor and past):
        return "fact", 0.6
    return "assessment", 0.4


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
    r"\w{3,}ed)\b")
