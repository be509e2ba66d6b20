"""Words for counting and indexing: folded like briefing.text.fold, split, stop words removed.

``fast_fold`` gives the same characters as :func:`briefing.text.fold` (quote marks and dashes
unified, accents dropped, case folded) without collapsing whitespace, and takes a fast path
for ASCII text, which is most of what gets indexed.  Tokens are runs of letters and digits,
so they are identical whether taken from ``fast_fold(text)`` or ``fold(text)``
(tests/test_search.py checks this).
"""

from __future__ import annotations

import re

# The one folding rule and its fast form live in briefing.text; re-exported under the names
# the search module uses.  fast_fold(text) == "".join(map(fold_char, text)) exactly.
from briefing.text import SPECIAL_CHARS, fold_special  # noqa: F401 - re-exported
from briefing.text import fold_chars as fast_fold

TOKEN = re.compile(r"\w+")  # \w is ~1.5x faster than [^\W_] and the rule is the same everywhere
# Framing terms keep inner hyphens and apostrophes: "anti-russian", "so-called", "eco-activists".
TERM = re.compile(r"[^\W_]+(?:[-'][^\W_]+)*")


class _SplitTable(dict):
    """str.translate table: word characters (as regex \\w defines them) kept, others -> space.

    Filled lazily, one entry per distinct character; translate + split is ~1.5x faster than
    TOKEN.findall and gives the same tokens (tests/test_search.py checks).
    """

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        value = self[code] = ch if ch.isalnum() or ch == "_" else " "
        return value


_SPLIT = _SplitTable()


def split_folded(folded: str) -> list[str]:
    """The tokens of already-folded text: same as ``TOKEN.findall(folded)``, faster."""
    return folded.translate(_SPLIT).split()


def tokens(text: str) -> list[str]:
    """Search tokens of raw text: folded, split on anything that is not a letter or digit."""
    return split_folded(fast_fold(text))


# English function words, plus the few French ones that occur in passages left in French.
STOP_WORDS = frozenset("""
a about above after again against all almost also although am among an and any are aren't as
at be because been before being below between both but by can cannot could did do does doing
down during each either else even ever every few for from further had has have having he her
here hers herself him himself his how however i if in into is it it's its itself just least
less let like many may me might more most much must my myself neither no nor not now of off
often on once one only or other others otherwise our ours ourselves out over own per rather
same several shall she should since so some such than that that's the their theirs them
themselves then there these they this those though through thus to too toward towards under
until up upon us very via was we were what when where whether which while who whom whose why
will with within without would yet you your yours yourself yourselves
also already another around back became become becomes made make makes said say says see seen
set still take taken two three well
along far good great new old long longer time times part way ways thing things lot last
first next get got give given put come came going gone seem seems
s t d ll m re ve
le la les de des du et en un une est que qui pas pour dans sur au aux ce cette il elle ils
elles se sa son ses leur leurs par avec ne ou mais plus d l qu
""".split())


def content_terms(text: str) -> list[str]:
    """Unigrams and bigrams for framing counts.

    Bigrams join two adjacent words when neither is a stop word, so "environmental activists"
    and "lachin corridor" count, but "of the" never does.  Pure numbers are dropped: framing
    is about words, and figures are compared elsewhere.
    """
    out: list[str] = []
    for chunk in _PUNCT.split(fast_fold(text)):  # no bigram across "Karabakh. Cafe"
        prev: str | None = None
        for w in TERM.findall(chunk):
            if w.endswith("'s"):
                w = w[:-2]  # "armenia's" counts as "armenia"
            keep = w not in STOP_WORDS and not w.isdigit() and len(w) > 1
            if keep:
                out.append(w)
                if prev is not None:
                    out.append(f"{prev} {w}")
            prev = w if keep else None
    return out


# Sentence and clause punctuation (hyphens and apostrophes stay inside terms).
_PUNCT = re.compile(r"[.,;:!?()\[\]{}\"/]+|\s-+\s|--+")
