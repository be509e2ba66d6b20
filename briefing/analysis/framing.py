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
as the data).  A source's text for an event is the SENTENCES holding its claims on that
event (not whole paragraphs: a lead paragraph touching seven events would drag their words in);
passages in another language (``Paragraph.lang``) are left out.  Terms are folded unigrams and
bigrams without stop words and without names (a word capitalised inside a sentence is a name:
"Putin", "Turquie"), so what stands out is word choice, not who is mentioned.

Only terms with z >= 1.96 (two-sided 5 %) are reported as distinctive; with small texts often
none is, and views say so rather than show noise.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import re

from briefing.analysis import sentences
from briefing.analysis.tokens import content_terms
from briefing.model import Corpus

DEFAULT_TOP = 10
SIGNIFICANT_Z = 1.96  # |z| at which a term counts as distinctive (two-sided 5 %)


@dataclass(frozen=True, slots=True)
class Term:
    term: str
    z: float  # z-score of the log-odds ratio: how distinctive, in standard errors
    delta: float  # the log-odds ratio itself
    count: int  # times this source uses it in its text on the event
    others: int  # times all the other sources together use it there


_NAME = re.compile(r"(?<![\w'’-])[A-ZÀ-Ý][\w'’-]*")


def without_names(sentence: str) -> str:
    """The sentence with every capitalised word after its first word blanked out (names,
    places, bodies: "Putin", "Lachin corridor" keeps "corridor").  Blanked, not removed, so
    no bigram forms across a name."""
    first = re.match(r"\W*\w+", sentence)
    skip = first.end() if first else 0
    return sentence[:skip] + _NAME.sub(" . ", sentence[skip:])  # "." ends a bigram run


def framing_terms(text: str) -> list[str]:
    """Content terms of running text, sentence by sentence, names left out."""
    return [t for s in sentences.split(text) for t in content_terms(without_names(s.text))]


def background_counts(corpus: Corpus,
                      between: Callable[[], object] | None = None) -> Counter[str]:
    """Term counts over the whole corpus text: the prior.  Compute once and pass it around.
    ``between`` is called before each article (a caller in a background thread may wait in
    it, so that the work gives way)."""
    counts: Counter[str] = Counter()
    for article in corpus.articles.values():
        if between is not None:
            between()
        for para in article.paragraphs():
            if not para.lang:
                counts.update(framing_terms(para.text))
    return counts


def event_sentences(corpus: Corpus, event_id: str) -> dict[str, list[tuple[str, int, str]]]:
    """For each covering article (corpus order): (paragraph id, offset, sentence) of every
    sentence that holds part of one of its claims on the event, in reading order, once each.
    Passages in another language are left out."""
    out: dict[str, list[tuple[str, int, str]]] = {}
    # Each paragraph split once, with its sentences' ends: a claim's sentences are found by
    # bisection, not by walking a paragraph of thousands of sentences for each claim.
    split: dict[str, tuple[list[int], list[sentences.Sentence]]] = {}
    for aid in corpus.sources_for_event(event_id):
        seen: set[tuple[str, int]] = set()
        for claim in corpus.claims_for_article(aid):
            if event_id not in claim.events or not claim.paragraph_id:
                continue
            para = corpus.paragraph(claim.paragraph_id)
            if para is None or para.lang:
                continue
            if para.id not in split:
                sents = sentences.split(para.text)
                split[para.id] = ([sent.end for sent in sents], sents)
            ends, sents = split[para.id]
            for sent in sents[bisect_right(ends, claim.start):]:
                if sent.start >= claim.end:
                    break
                if (para.id, sent.start) not in seen:
                    seen.add((para.id, sent.start))
                    out.setdefault(aid, []).append((para.id, sent.start, sent.text))
    return out


def event_texts(corpus: Corpus, event_id: str,
                found: dict[str, list[tuple[str, int, str]]] | None = None,
                ) -> dict[str, list[str]]:
    """For each covering article (corpus order): the sentences holding its claims on the event.
    ``found``: event_sentences(corpus, event_id), when the caller has it already."""
    if found is None:
        found = event_sentences(corpus, event_id)
    return {aid: [s for _, _, s in sents] for aid, sents in found.items()}


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
            if z >= min_z:
                terms.append(Term(w, round(z, 3), round(delta, 3), y_i, y_j))
        terms.sort(key=lambda t: (-t.z, -t.count, t.term))
        result[source] = terms[:top]
    return result


def distinctive_terms(
    corpus: Corpus,
    event_id: str,
    background: Counter[str] | None = None,
    top: int = DEFAULT_TOP,
    min_z: float = SIGNIFICANT_Z,
    found: dict[str, list[tuple[str, int, str]]] | None = None,
) -> dict[str, list[Term]]:
    """Each covering source's significantly distinctive terms on the event (z >= ``min_z``).

    A source with none gets an empty list; with a single source there is nothing to contrast
    it with, so no terms are reported.  ``found``: event_sentences, if already computed.
    """
    texts = event_texts(corpus, event_id, found)
    if len(texts) < 2:
        return {aid: [] for aid in texts}
    counts = {aid: Counter(t for sent in sents for t in framing_terms(sent))
              for aid, sents in texts.items()}
    if background is None:
        background = background_counts(corpus)
    return log_odds(counts, background, top=top, min_z=min_z)
