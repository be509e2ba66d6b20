"""The search index: tolerant matching, phrases, prefixes, ranking, offsets, the add hook."""

from __future__ import annotations

import pytest
from factories import build_corpus
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.analysis.search import (
    Document,
    SearchIndex,
    build_index,
    corpus_documents,
    parse_query,
)
from briefing.analysis.tokens import TOKEN, fast_fold, split_folded
from briefing.text import fold

CORPUS = {
    "articles": {
        "a": ["Russia deployed 1,960 Russian peacekeepers to Nagorno-Karabakh in 2020.",
              "The “eco-activists” blocked the Lachin corridor. Straße in Türkiye: a café."],
        "b": ["Some 1 900 men of the Russian contingent were in Nagorno‑Karabakh.",
              "Peacekeepers, peacekeepers, peacekeepers: the word appears three times here."],
        "c": ["A long paragraph about something else entirely, " * 8 + "and peacekeepers once."],
    },
    "claims": [
        {"article": "a", "quote": "1,960 Russian peacekeepers"},
        {"article": "b", "quote": "the Russian contingent"},
    ],
}


@pytest.fixture(scope="module")
def index():
    return build_index(build_corpus(CORPUS))


def ids(hits):
    return [h.id for h in hits]


def matched(hit, text):
    return [text[s:e] for s, e in hit.matches]


def test_indexes_paragraphs_and_claims(index):
    assert len(index) == 5 + 2
    kinds = {h.kind for h in index.search("russian")}
    assert kinds == {"paragraph", "claim"}
    claim = [h for h in index.search("contingent") if h.kind == "claim"][0]
    assert (claim.id, claim.claim, claim.article, claim.paragraph) == (
        "b-01", "b-01", "b", "b/0/1")


def test_case_diacritics_and_quote_marks(index):
    assert ids(index.search("TURKIYE")) == ["a/0/2"]
    assert ids(index.search("türkiye")) == ["a/0/2"]
    assert ids(index.search("cafe")) == ["a/0/2"]
    assert ids(index.search("strasse")) == ["a/0/2"]
    # Typed with straight quotes, matches the curly-quoted text; and the other way round.
    assert ids(index.search('"eco-activists"')) == ["a/0/2"]
    assert ids(index.search("\u201ceco-activists\u201d")) == ["a/0/2"]


def test_words_are_anded(index):
    assert set(ids(index.search("russian peacekeepers"))) == {"a/0/1", "a-01"}
    assert index.search("russian weather") == []


def test_phrase_must_be_adjacent_and_in_order(index):
    assert set(ids(index.search('"russian contingent"'))) == {"b/0/1", "b-01"}
    assert index.search('"contingent russian"') == []
    assert index.search('"russian peacekeepers contingent"') == []


def test_word_with_punctuation_is_a_phrase(index):
    assert set(ids(index.search("1,960"))) == {"a/0/1", "a-01"}
    assert ids(index.search("1 900", kinds=["paragraph"])) == ["b/0/1"]  # two words, ANDed
    assert ids(index.search('"1 900"')) == ["b/0/1"]
    assert set(ids(index.search("nagorno-karabakh"))) == {"a/0/1", "b/0/1"}  # both dashes


def test_last_word_is_a_prefix(index):
    assert "a/0/2" in ids(index.search("lachin corr"))
    assert index.search("lachin corr ") == []  # a trailing space ends the word
    assert ids(index.search('"lachin corr"')) == []  # quoted: exact
    assert "b/0/2" in ids(index.search("peacek"))


def test_ranking_prefers_more_occurrences_and_shorter_texts(index):
    hits = index.search("peacekeepers", kinds=["paragraph"])
    assert ids(hits)[0] == "b/0/2"  # three times
    assert ids(hits)[-1] == "c/0/1"  # once, in a long paragraph
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_filters_and_limit(index):
    assert {h.kind for h in index.search("russian", kinds=["claim"])} == {"claim"}
    assert {h.article for h in index.search("peacekeepers", articles=["b"])} == {"b"}
    assert len(index.search("peacekeepers", limit=2)) == 2


def test_match_offsets_point_into_the_original_text(index):
    c = build_corpus(CORPUS)
    text = c.paragraph("a/0/2").text
    [hit] = index.search("strasse turkiye cafe eco-activists")
    assert matched(hit, text) == ["eco-activists", "Straße", "Türkiye", "café"]
    [hit] = index.search("nagorno", kinds=["paragraph"], articles=["b"])
    assert matched(hit, c.paragraph("b/0/1").text) == ["Nagorno"]
    [hit] = index.search("peacek", articles=["a"], kinds=["paragraph"])
    assert matched(hit, c.paragraph("a/0/1").text) == ["peacekeepers"]


def test_snippet_is_a_window_of_the_text(index):
    c = build_corpus(CORPUS)
    [hit] = index.search("once")
    text = c.paragraph("c/0/1").text
    assert len(hit.snippet) <= 200
    assert text[hit.snippet_start:hit.snippet_start + len(hit.snippet)] == hit.snippet
    s, e = hit.matches[0]
    assert hit.snippet_start <= s and e <= hit.snippet_start + len(hit.snippet)


def test_empty_and_punctuation_queries(index):
    assert index.search("") == []
    assert index.search('"" -- ,') == []
    assert SearchIndex().search("anything") == []


def test_add_documents_hook_adds_replaces_and_removes():
    index = SearchIndex()
    index.add_documents([Document("note", "n1", "Check the troop numbers again", "a", "a/0/1")])
    assert ids(index.search("troop")) == ["n1"]
    index.add_documents([Document("note", "n1", "Nothing to see", "a", "a/0/1")])  # edited
    assert index.search("troop") == []
    assert ids(index.search("nothing")) == ["n1"]
    assert len(index) == 1
    assert index.remove("note", "n1") is True
    assert index.search("nothing") == [] and len(index) == 0
    assert index.remove("note", "n1") is False


def test_parse_query():
    clauses = parse_query('russian "lachin corridor" 1,960 peac')
    assert [(c.terms, c.prefix) for c in clauses] == [
        (["russian"], False), (["lachin", "corridor"], False), (["1", "960"], False),
        (["peac"], True)]
    assert parse_query("peac ")[0].prefix is False
    assert parse_query('"open phrase')[0].terms == ["open", "phrase"]


@settings(deadline=None)
@given(st.text(max_size=40))
def test_fast_fold_tokenises_like_fold(text):
    # The index folds with fast_fold, queries with briefing.text.fold: same tokens.
    assert TOKEN.findall(fast_fold(text)) == TOKEN.findall(fold(text))
    assert split_folded(fast_fold(text)) == TOKEN.findall(fold(text))
    assert " ".join(fast_fold(text).split()) == fold(text)


@settings(deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aeßéÉİﬁ `“”’ -Türkiye")), min_size=1,
               max_size=30))
def test_offsets_survive_length_changing_folds(text):
    index = SearchIndex()
    index.add_documents([Document("paragraph", "p", text)])
    for token in set(TOKEN.findall(fold(text))):
        for hit in index.search(f'"{token}"'):
            for s, e in hit.matches:
                assert TOKEN.findall(fold(text[s:e])) == [token]


QUERIES = ["peacekeepers", "russian peacek", '"russian contingent"', "turkiye cafe", "1,960",
           "nagorno-karabakh", "once"]


def test_dump_and_restore_give_the_same_results():
    corpus = build_corpus(CORPUS)
    built = build_index(corpus)
    built.remove("paragraph", "c/0/1")
    restored = SearchIndex.restore(built.dump(), corpus_documents(corpus))
    assert len(restored) == len(built) and restored.terms == built.terms
    for q in QUERIES:
        assert restored.search(q) == built.search(q), q
    assert restored.search("once") == []  # removals survive


def test_restored_index_accepts_new_documents():
    corpus = build_corpus(CORPUS)
    restored = SearchIndex.restore(build_index(corpus).dump(), corpus_documents(corpus))
    restored.add_documents([Document("note", "n1", "More peacekeepers, says my note", "a")])
    hits = restored.search("peacekeepers")
    assert "n1" in ids(hits) and "b/0/2" in ids(hits)
    again = SearchIndex.restore(restored.dump(), [*corpus_documents(corpus),
                                                  Document("note", "n1", "x", "a")])
    assert "n1" in ids(again.search("peacekeepers"))


def test_restore_refuses_other_documents_and_garbage():
    corpus = build_corpus(CORPUS)
    blob = build_index(corpus).dump()
    with pytest.raises(ValueError, match="other documents"):
        SearchIndex.restore(blob, list(corpus_documents(corpus))[1:])
    with pytest.raises(ValueError):
        SearchIndex.restore(b"not a pickle", corpus_documents(corpus))
    import pickle

    with pytest.raises(ValueError, match="version"):
        SearchIndex.restore(pickle.dumps({"format": 0}), corpus_documents(corpus))


@settings(deadline=None, max_examples=200)
@given(st.text(alphabet=st.sampled_from(list('ruspeackoniægtyüé"“” -,1960')), max_size=25))
def test_any_query_is_safe_and_matches_point_into_the_text(query):
    for hit in _SHARED.search(query):
        text = _TEXTS[hit.id]
        assert text[hit.snippet_start:hit.snippet_start + len(hit.snippet)] == hit.snippet
        assert hit.matches  # whatever made it a hit can be highlighted
        for s, e in hit.matches:
            assert 0 <= s < e <= len(text)


_SHARED = build_index(build_corpus(CORPUS))
_TEXTS = {d.id: d.text for d in corpus_documents(build_corpus(CORPUS))}
