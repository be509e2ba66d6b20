"""Which match of its quote a suggested claim is (``occurrence``), for quotes an article
writes more than once: found without searching the whole article once per quote, with the
same results as that search (the definition below) on every labelled set and on a long
article that repeats itself."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from briefing.loader import load_corpus
from briefing.loading.anchor import ArticleIndex
from briefing.paths import bundled_content
from briefing.suggest.pipeline import _match_starts, _occurrences, proposals_for
from briefing.suggest.state import Previous
from briefing.text import fold

FIXTURES = Path(__file__).parent / "fixtures"
SETS = [bundled_content()] + [FIXTURES / name for name in
                              ("suggest", "suggest_port", "suggest_heldout", "suggest_tram",
                               "suggest_breach", "suggest_merger",
                               "eval_sudan")]


def by_definition(proposals, corpus) -> dict[str, int]:
    """One count over the folded article per quote, then the loader's search for the quotes
    found twice (what suggest did before; quadratic in the length of an article)."""
    out: dict[str, int] = {}
    indexes: dict[str, ArticleIndex] = {}
    folded: dict[str, str] = {}
    for p in proposals:
        article = corpus.articles[p.article_id]
        if p.article_id not in folded:
            folded[p.article_id] = "\n".join(" ".join(fold(x.text).split())
                                             for x in article.paragraphs())
        if folded[p.article_id].count(" ".join(fold(p.quote).split())) < 2:
            continue
        index = indexes.get(p.article_id) or indexes.setdefault(p.article_id, ArticleIndex(article))
        found = index.find(p.quote)
        if len(found) > 1:
            for n, (para, start, _) in enumerate(found, 1):
                if para.id == p.paragraph.id and start == p.start:
                    out[p.id] = n
    return out


def articles_only(content: Path, dest: Path) -> Path:
    """The briefing's articles without its claims: every passage can be proposed."""
    shutil.copytree(content / "articles", dest / "articles")
    shutil.copy(content / "briefing.yaml", dest / "briefing.yaml")
    (dest / "events.yaml").write_text("[]\n", encoding="utf-8")
    return dest


def proposals_in(root: Path):
    corpus, problems = load_corpus(root)
    assert not problems, problems
    return proposals_for(corpus, Previous()), corpus


@pytest.mark.parametrize("content", SETS, ids=lambda p: p.name)
def test_same_occurrences_as_by_definition_on_the_labelled_sets(content, tmp_path):
    proposals, corpus = proposals_in(articles_only(content, tmp_path / "b"))
    assert len(proposals) > 20
    assert _occurrences(proposals, corpus) == by_definition(proposals, corpus)


def body(path: Path) -> list[str]:
    """The paragraphs of an article file, front matter and headings left out."""
    text = path.read_text(encoding="utf-8").split("\n---\n", 1)[1]
    return [p.strip() for p in text.split("\n\n") if p.strip() and not p.startswith("#")]


def test_a_long_article_that_repeats_itself(tmp_path):
    # Every paragraph of the labelled sets in one article, some twice (a page printed twice)
    # and the whole three times: ~370 paragraphs, ~73,000 characters.
    paragraphs = [p for content in SETS[1:] for f in sorted((content / "articles").glob("*.md"))
                  for p in body(f)]
    repeated = paragraphs[3:9] + paragraphs[40:41] * 2
    long_ = (paragraphs + repeated) * 3
    root = articles_only(FIXTURES / "suggest", tmp_path / "b")
    for f in (root / "articles").glob("*.md"):
        f.unlink()
    (root / "articles" / "long.md").write_text(
        "---\nid: long\ntitle: A long file\nauthors: []\nlanguage: en\ngenre: analysis\n---\n\n"
        + "\n\n".join(long_) + "\n", encoding="utf-8")
    proposals, corpus = proposals_in(root)
    assert len(proposals) > 200 and len(long_) > 300
    found = _occurrences(proposals, corpus)
    assert found == by_definition(proposals, corpus)
    # Each repeated passage is told apart: the proposals (one per distinct quote: the same
    # quote gets the same id) are the first match.
    assert found and set(found.values()) == {1}


class Counted(str):
    """Text that counts the places a needle is tried at, and is never searched whole."""

    tries = 0

    def startswith(self, *args):
        Counted.tries += 1
        return super().startswith(*args)

    def find(self, *args):
        raise AssertionError("a quote of three words or more searched along the whole text")


def all_starts(text: str, needle: str) -> list[int]:
    return [m.start() for m in re.finditer(f"(?={re.escape(needle)})", text)]


def test_match_starts_finds_every_match_trying_few_places():
    paragraphs = [p for f in sorted((FIXTURES / "suggest_port" / "articles").glob("*.md"))
                  for p in body(f)]
    text = "\n".join(fold(p) for p in paragraphs * 20) + "\na a a a a"
    sentences = {s for p in paragraphs for s in re.split(r"(?<=\.) ", fold(p))
                 if len(s.split()) >= 3}
    tricky = {"the", "port workers", "he port", "a a a", "no such words here at all"}
    needles = sentences | tricky
    got = _match_starts(text, needles | {""})
    assert got == {n: all_starts(text, n) for n in needles}
    assert got["a a a"][-3:] == [len(text) - 9, len(text) - 7, len(text) - 5]  # overlapping
    assert all(len(got[s]) >= 20 for s in sentences)
    # A quote of three words or more is tried only where its rarest inner word stands: about
    # as many places as it has matches, not all along the text.
    Counted.tries = 0
    _match_starts(Counted(text), sentences)
    assert Counted.tries <= 2 * sum(len(got[s]) for s in sentences)
