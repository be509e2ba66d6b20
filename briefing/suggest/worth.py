"""How check-worthy a span is: a score from its features, in the spirit of ClaimBuster.

ClaimBuster (Hassan et al., 2017) learnt that sentences worth checking carry numbers, dates,
named actors, verbs of saying, predictions and judgements, while sentences that only signpost
the text ("In this article, I explore ...") or set a scene without anyone doing anything are
not.  No model ships here, so the features are counted and weighted by hand, and the score
serves twice: spans below MIN_WORTH are not proposed, and the score is the confidence a
suggestion carries (a reviewer sorts by it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.suggest.lexicon import ASSESSMENT

MIN_WORTH = 0.2  # below: nothing in the span a reader could check

# Judgements of right and wrong, beside the lexicon's evaluative and epistemic words: "the
# city is right to reopen the line", "the fine is deserved".
EVALUATIVE = ASSESSMENT | frozenset("""
right wrong fair unfair unjust justified unjustified deserved undeserved mistake
mistaken reasonable unreasonable sensible wise unwise foolish reckless negligent negligence
shameful scandal scandalous irresponsible inexcusable unacceptable acceptable absurd
outrageous harmful damaging costly welcome welcomed overdue belated adequate inadequate
insufficient excessive
""".split())

# The writer putting a question ("We asked her why.", "I asked the ministry whether ...",
# "We put these questions to the mayor"): how the interview went, not a claim.  Only a
# question: "we asked for a raise" is a demand, "I wrote to the firm and got no answer"
# an account of what happened.
_ASKING = (r"(?:asked|pressed) (?:\w+ ){0,3}?(?:why|whether|if|what|how|when|who|about)\b",
           r"put (?:\w+ ){0,2}questions? to")
# The text talking about itself: signposts, not claims about the world.
_META = re.compile(
    r"\b(?:in this (?:article|paper|piece|essay|text|analysis|report|chapter|section)"
    r"|(?:is|it is|it's) (?:also )?worth (?:mentioning|noting|recalling|remembering|"
    r"adding|asking)|let (?:us|me) (?:now )?(?:turn|look|consider|recall|see)"
    r"|as (?:mentioned|noted|discussed|explained|stated|shown) (?:above|earlier|before|below)"
    r"|(?:the|this|one) (?:following|next|last|overlooked) (?:point|question|section|issue)"
    r"|i (?:explore|examine|discuss|argue in this|will (?:explore|examine|discuss|argue))"
    r"|^\W*here (?:is|are|'s|’s) (?:what|how|why|the)|what (?:you|we) need to know"
    r"|^\W*(?:read|see) (?:on|more|below|also)|^\W*let (?:me|us) (?:say|end|begin|start|"
    r"close|add) |^\W*(?:we|i) (?:\w+ly )?(?:" + "|".join(_ASKING) + r")"
    # the outlet about its own coverage, and contact details: service, not claims
    r"|more on (?:this|that|the) (?:story|issue) |updates? (?:on|at) (?:its|our|the|their) "
    r"(?:website|site|page)"
    # a phone number: said to be one, or written as one (a leading 0 or +); "100 000 000
    # euros" is a sum grouped by spaces
    r"|(?:call|phone|telephone|tel\.?|helpline|hotline|line|on)\s*:?\s*\+?\d[\d ]{6,}\d"
    r"|(?<!\d)(?<!\d )(?:\+\d{1,3} ?|0)\d{2,4} \d{3,4} \d{3,4})\b",
    re.IGNORECASE)
_WORD = re.compile(r"[a-z’']+")
# Comparatives and superlatives (ClaimBuster's JJR/JJS/RBR features): "more than pay", "the
# longest stoppage", "the first time" claim a measure someone can check.
_COMPARES = re.compile(r"\b(?:more|less|fewer|[a-z]{3,}er) than\b"
                       r"|\bthe (?:most|least|first|last|only|[a-z]{3,}est)\b", re.IGNORECASE)


def compares(span: str) -> bool:
    return _COMPARES.search(span) is not None


@dataclass(frozen=True, slots=True)
class Features:
    figure: bool  # a substantive figure (a count, amount, share)
    date: bool
    actors: int  # named actors in the span
    reported: bool  # a quotation or a statement reported by a verb of saying
    forward: bool  # a prediction or a recommendation cue
    verb: bool  # a finite verb or a leading participle: the span states something


def score(span: str, f: Features) -> float:
    """0..1: how much in ``span`` a reader could check against a source or the world."""
    low = span.lower()
    if _META.search(low):
        return 0.1
    s = 0.2
    s += 0.3 if f.figure else 0.0
    s += 0.2 if f.date else 0.0
    s += 0.1 * min(f.actors, 2)
    s += 0.25 if f.reported else 0.0
    s += 0.15 if f.forward else 0.0
    evaluative = sum(1 for w in _WORD.findall(low) if w in EVALUATIVE)
    s += 0.1 * min(evaluative, 2)
    s += 0.1 if compares(span) else 0.0
    if not f.verb:
        s -= 0.3  # a fragment, read with the clause it belongs to
    return max(0.0, min(0.95, s))
