"""How a source is named in the compare and events views: by who wrote it or where it ran.

An article id's first word ("armenia" for "armenia-isolation-2023") reads as a country, so a
label is built from the first author's surname, else the outlet, else the title's first words;
labels that collide get the year, then a number.  Every label is cleaned for display.
"""

from __future__ import annotations

from briefing.model import Article, Corpus
from briefing.text import clean_line

_CACHE: dict[tuple[int, int], tuple[Corpus, dict[str, str]]] = {}


def _surname(author: str) -> str:
    parts = clean_line(author).split()
    return parts[-1] if parts else ""


def base_label(article: Article) -> str:
    """The surname of the first author, else the outlet, else the title's first words."""
    if article.authors:
        name = _surname(article.authors[0])
        if name:
            return name + (" et al." if len(article.authors) > 1 else "")
    if article.outlet and clean_line(article.outlet):
        return clean_line(article.outlet)
    words = clean_line(article.title).split()
    return " ".join(words[:3]) or "untitled"


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(1, width - 1)] + "…"


def source_labels(corpus: Corpus, width: int = 16) -> dict[str, str]:
    """Article id -> a label of at most ``width`` characters, unique within the corpus.

    Computed once per corpus and width (a reloaded corpus is a new object)."""
    key = (id(corpus), width)
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is corpus:
        return hit[1]
    articles = list(corpus.articles.values())
    base = {a.id: base_label(a) for a in articles}
    seen: dict[str, int] = {}
    for label in base.values():
        seen[label] = seen.get(label, 0) + 1
    labels: dict[str, str] = {}
    with_year: dict[str, int] = {}
    for a in articles:
        label = base[a.id]
        if seen[label] > 1 and a.published:
            label = f"{label} {a.published[:4]}"
        with_year[label] = with_year.get(label, 0) + 1
        labels[a.id] = label
    numbered: dict[str, int] = {}
    out: dict[str, str] = {}
    for a in articles:
        label = labels[a.id]
        if with_year[label] > 1:  # still ambiguous: number them in corpus order
            numbered[label] = numbered.get(label, 0) + 1
            suffix = f" {numbered[label]}"
            out[a.id] = _fit(label, width - len(suffix)) + suffix
        else:
            out[a.id] = _fit(label, width)
    if len(set(out.values())) != len(out):  # truncation made two equal: fall back to numbers
        out = {aid: _fit(label, width - 4) + f" {n}" for n, (aid, label)
               in enumerate(out.items(), start=1)}
    if len(_CACHE) >= 8:
        _CACHE.pop(next(iter(_CACHE)))
    _CACHE[key] = (corpus, out)
    return out
