"""Each source's distinctive words for an event: weighted log-odds with an informative prior.

Monroe, Colaresi & Quinn (2008), "Fightin' Words", section 3.5: for a term w, source i and the
other sources j together, with Dirichlet prior pseudo-counts a_w (a0 = sum of a_w):

    delta_w = log((y_iw + a_w) / (n_i + a0 - y_iw - a_w))
            - log((y_jw + a_w) / (n_j + a0 - y_jw - a_w))
    var_w  ~= 1 / (y_iw + a_w) + 1 / (y_jw + a_w)
    z_w     = delta_w / sqrt(var_w)

The prior is informative: a_w is proportional to the term's frequency in the WHOLE corpus
(every paragraph of every article), so words common everywhere are shrunk towards zero and
a term stands out only when the source uses it more than the briefing as a whole would lead
one to expect.  a0 defaults to the number of tokens in the event's texts (a prior as strong
as the data).  A source's text for an event is the paragraphs holding its claims on that
event; terms are folded unigrams and bigrams without stop words (briefing.analysis.tokens).
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

from briefing.analysis.tokens import content_terms
from briefing.model import Corpus

DEFAULT_TOP = 10


@dataclass(frozen=True, slots=True)
class Term:
    term: str
    z: float  # z-score of the log-odds ratio: how distinctive, in standard errors
    delta: float  # the log-odds ratio itself
    count: int  # times this source uses it in its text on the event
    others: int  # times all the other sources together use it there


def background_counts(corpus: Corpus) -> Counter[str]:
    """Term counts over the whole corpus text: the prior.  Compute once and pass it around."""
    counts: Counter[str] = Counter()
    for article in corpus.articles.values():
        for para in article.paragraphs():
            counts.update(content_terms(para.text))
    return counts


def event_texts(corpus: Corpus, event_id: str) -> dict[str, list[str]]:
    """For each covering article (corpus order): the paragraphs holding its claims on the event."""
    texts: dict[str, list[str]] = {}
    seen: set[str] = set()
    for aid in corpus.sources_for_event(event_id):
        for claim in corpus.claims_for_article(aid):
            if event_id not in claim.events or not claim.paragraph_id:
                continue
            if claim.paragraph_id in seen:
                continue
            para = corpus.paragraph(claim.paragraph_id)
            if para is not None:
                seen.add(claim.paragraph_id)
                texts.setdefault(aid, []).append(para.text)
    return texts


def log_odds(
    counts: dict[str, Counter[str]],
    background: Counter[str],
    prior_scale: float | None = None,
    top: int = DEFAULT_TOP,
    min_z: float = 0.0,
) -> dict[str, list[Term]]:
    """Distinctive terms of each group in ``counts`` against all the other groups together."""
    total = Counter[str]()
    for c in counts.values():
        total.update(c)
    n_total = sum(total.values())
    bg_total = sum(background.values())
    a0 = float(prior_scale if prior_scale is not None else max(n_total, 1))
    result: dict[str, list[Term]] = {}
    for source, c in counts.items():
        n_i = sum(c.values())
        n_j = n_total - n_i
        terms: list[Term] = []
        for w, y_i in c.items():
            y_j = total[w] - y_i
            # A term missing from the background (text passed in from elsewhere) gets the
            # smallest possible prior instead of zero, which would divide by zero.
            a_w = a0 * max(background.get(w, 0), 1) / max(bg_total, 1)
            # Denominators are positive except in degenerate one-word corpora: floor them.
            delta = math.log((y_i + a_w) / max(n_i + a0 - y_i - a_w, 1e-9)) - math.log(
                (y_j + a_w) / max(n_j + a0 - y_j - a_w, 1e-9)
            )
            z = delta / math.sqrt(1.0 / (y_i + a_w) + 1.0 / (y_j + a_w))
            if z > min_z:
                terms.append(Term(w, round(z, 3), round(delta, 3), y_i, y_j))
        terms.sort(key=lambda t: (-t.z, -t.count, t.term))
        result[source] = terms[:top]
    return result


def distinctive_terms(
    corpus: Corpus,
    event_id: str,
    background: Counter[str] | None = None,
    top: int = DEFAULT_TOP,
    min_z: float = 0.0,
) -> dict[str, list[Term]]:
    """Each covering source's most distinctive terms on the event (empty if it is the only one).

    With a single source there is nothing to contrast it with, so no terms are reported.
    """
    texts = event_texts(corpus, event_id)
    if len(texts) < 2:
        return {aid: [] for aid in texts}
    counts = {aid: Counter(t for para in paras for t in content_terms(para))
              for aid, paras in texts.items()}
    if background is None:
        background = background_counts(corpus)
    return log_odds(counts, background, top=top, min_z=min_z)
