"""The searchable documents of one source: ``articles/<id>.md`` and ``claims/<id>.yaml``.

Read with the loader's own per-file functions (or, for a first build, taken from the load
cache's records of unchanged files), so paragraph ids, texts and claim anchors are exactly
those a full load gives, without loading the rest of the corpus.  A file the loader
cannot read yields no documents (``briefing check`` says why); a claim whose quote is not
found (or found several times) is still searchable, without a paragraph.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterator

from briefing.analysis.hits import Document
from briefing.model import Corpus

if TYPE_CHECKING:
    from briefing.loader import Parts


def source_documents(article_file: Path, claims_file: Path | None, parts: Parts | None = None
                     ) -> tuple[str | None, list[Document]]:
    """(article id, documents) of one source; (None, []) when the article cannot be read.
    ``parts``: the load cache's records of the files (briefing.cache.parts), used where they
    are those of the files as they are; else the files are parsed here."""
    from briefing.loading.anchor import ArticleIndex

    if parts is not None:
        article, _ = parts.article(article_file)
    else:
        from briefing.loading.articles import load_article

        article, _ = load_article(article_file)
    if article is None:
        return None, []
    docs = [Document("paragraph", p.id, p.text, article.id, p.id) for p in article.paragraphs()]
    if claims_file is not None:
        if parts is not None:
            entries = parts.claims(claims_file, article_file.stem, False, article_file,
                                   article).entries
        else:
            from briefing.loading.claims import load_claims

            entries, _ = load_claims(claims_file, article_file.stem)
        anchors = ArticleIndex(article)
        for entry in entries:
            claim = entry.claim
            found = anchors.find(claim.quote)
            nth = (entry.occurrence or 1) - 1
            para = found[nth][0].id if (len(found) == 1 or entry.occurrence) and nth < len(found) else None
            docs.append(Document("claim", claim.id, claim.quote, article.id, para))
    return article.id, docs


def corpus_sources(corpus: Corpus) -> Iterator[tuple[str, list[Document]]]:
    """(article id, documents) for each article of a corpus held in memory."""
    claims: dict[str, list[Document]] = {}
    for claim in corpus.claims.values():
        claims.setdefault(claim.article_id, []).append(
            Document("claim", claim.id, claim.quote, claim.article_id, claim.paragraph_id))
    for article in corpus.articles.values():
        docs = [Document("paragraph", p.id, p.text, article.id, p.id) for p in article.paragraphs()]
        yield article.id, docs + claims.get(article.id, [])
