"""Distinctive terms (weighted log-odds, informative prior) and the curated framing lexicon."""

from __future__ import annotations

import math
import os
from collections import Counter
from pathlib import Path

import pytest
from factories import build_corpus

from briefing.analysis.compare import UnknownEvent, compare
from briefing.analysis.framing import background_counts, distinctive_terms, event_texts, log_odds
from briefing.analysis.lexicon import (
    parse_lexicon,
    usage,
)
from briefing.analysis.tokens import content_terms
from briefing.loading.lexicon import load_lexicon

BLOCKADE = {
    "events": {"blockade": {"title": "Lachin blockade", "date": "2022-12-12"},
               "other": {"title": "Something else"}},
    "articles": {
        "a": ["So-called environmental activists blocked the Lachin corridor, a blockade that "
              "created a humanitarian crisis; the blockade continued.",
              "Unrelated paragraph about the weather in Yerevan and the weather in Baku."],
        "b": ["Azerbaijani eco-activists protested against illegal mining near the Lachin "
              "corridor; the protest was peaceful, the eco-activists said.",
              "Another paragraph about mining, mining and more mining elsewhere."],
        "c": ["Nothing about the corridor here at all."],
    },
    "claims": [
        {"article": "a", "quote": "So-called environmental activists blocked the Lachin corridor",
         "events": ["blockade"]},
        {"article": "a", "quote": "the blockade continued", "events": ["blockade"]},
        {"article": "b", "quote": "eco-activists protested against illegal mining",
         "events": ["blockade"]},
        {"article": "c", "quote": "Nothing about the corridor", "events": ["other"]},
    ],
}


def test_content_terms_fold_drop_stop_words_and_make_bigrams():
    terms = content_terms("The “Lachin Corridor” was BLOCKED by eco-activists in Türkiye, "
                          "2022.")
    assert "lachin" in terms and "lachin corridor" in terms
    assert "blocked" in terms and "eco-activists" in terms and "turkiye" in terms
    assert "the" not in terms and "was" not in terms and "2022" not in terms
    assert "corridor blocked" not in terms  # a stop word ("was") sits between them
    assert "eco-activists turkiye" not in terms  # "in" sits between them


def test_no_bigram_across_sentences():
    assert "karabakh cafe" not in content_terms("Karabakh. Cafe society")


def test_event_text_is_the_sentences_holding_the_claims():
    c = build_corpus(BLOCKADE)
    texts = event_texts(c, "blockade")
    assert list(texts) == ["a", "b"]
    assert len(texts["a"]) == 1  # two claims, one sentence: counted once
    assert "weather" not in texts["a"][0]


def test_distinctive_terms_per_source():
    c = build_corpus(BLOCKADE)
    terms = distinctive_terms(c, "blockade", min_z=0.0)  # the ranking, significant or not
    a = [t.term for t in terms["a"]]
    b = [t.term for t in terms["b"]]
    assert "blockade" in a[:3]  # twice in a, never in b
    assert "eco-activists" in b[:3]
    assert "blockade" not in b and "eco-activists" not in a
    shared = {t.term: t for t in terms["a"]}.get("lachin corridor")
    # Both sources say "Lachin corridor": if it shows at all, it is far less distinctive.
    assert shared is None or shared.z < terms["a"][0].z
    top = terms["a"][0]
    assert top.count >= 1 and top.others == 0
    # one sentence each is far too little evidence: nothing is significantly distinctive
    assert distinctive_terms(c, "blockade") == {"a": [], "b": []}


def test_single_source_event_has_no_distinctive_terms():
    c = build_corpus(BLOCKADE)
    assert distinctive_terms(c, "other") == {"c": []}


def test_log_odds_matches_the_formula():
    counts = {"x": Counter({"w": 3, "u": 1}), "y": Counter({"u": 4})}
    background = Counter({"w": 10, "u": 30})
    result = log_odds(counts, background, prior_scale=8.0, top=5)
    a0, a_w = 8.0, 8.0 * 10 / 40
    n_i, n_j, y_i, y_j = 4, 4, 3, 0
    delta = (math.log((y_i + a_w) / (n_i + a0 - y_i - a_w))
             - math.log((y_j + a_w) / (n_j + a0 - y_j - a_w)))
    z = delta / math.sqrt(1 / (y_i + a_w) + 1 / (y_j + a_w))
    [w] = [t for t in result["x"] if t.term == "w"]
    assert w.z == pytest.approx(z, abs=1e-3)
    assert w.delta == pytest.approx(delta, abs=1e-3)
    assert (w.count, w.others) == (3, 0)
    assert [t.term for t in result["y"]] == ["u"]  # y's only term, used more there


def test_the_informative_prior_shrinks_corpus_wide_words():
    # Same counts in the event texts; "common" is frequent across the corpus, "rare" is not.
    counts = {"x": Counter({"common": 2, "rare": 2}), "y": Counter({"other": 4})}
    background = Counter({"common": 1000, "rare": 2, "other": 50})
    terms = {t.term: t for t in log_odds(counts, background)["x"]}
    # The prior adds pseudo-counts in proportion to corpus frequency, so the same evidence
    # moves the log-odds of a corpus-wide word less ...
    assert terms["rare"].delta > terms["common"].delta
    # ... while its estimate is firmer (smaller variance), which the z-score rewards.
    assert terms["common"].z > terms["rare"].z


def test_compare_unknown_event():
    c = build_corpus(BLOCKADE)
    with pytest.raises(UnknownEvent):
        compare(c, "nope")


def test_compare_lists_every_source_in_corpus_order():
    c = build_corpus(BLOCKADE)
    lexicon, problems = parse_lexicon([{"group": "blockade", "terms": [
        "blockade", "environmental activists", "eco-activists", "checkpoint"]}])
    assert problems == []
    result = compare(c, "blockade", lexicon=lexicon, background=background_counts(c))
    assert [s.article for s in result.sources] == ["a", "b", "c"]
    assert result.covering == ["a", "b"] and result.not_covering == ["c"]
    assert [cl.id for cl in result.sources[0].claims] == ["a-01", "a-02"]
    assert set(result.framing) == {"a", "b"}
    [group] = result.lexicon
    used = {t.term: t.counts for t in group.terms}
    assert used == {"blockade": {"a": 2}, "environmental activists": {"a": 1},
                    "eco-activists": {"b": 2}}


def test_lexicon_inflections_and_word_boundaries():
    lexicon, _ = parse_lexicon([
        {"group": "force", "terms": ["attack", "clash", "ally", "provocation"]},
    ])
    texts = {"a": ["Attacks and an attack; they attacked. Clashes, a clash. Allies, our ally."],
             "b": ["Really, a counterattack is not an attack-dog. Provocations!"]}
    used = {t.term: t.counts for g in usage(lexicon, texts) for t in g.terms}
    assert used["attack"] == {"a": 3}
    assert used["clash"] == {"a": 2}
    assert used["ally"] == {"a": 2}  # allies + ally, never "really"
    assert used["provocation"] == {"b": 1}


def test_lexicon_explicit_forms_fold_case_and_accents():
    lexicon, _ = parse_lexicon([{"group": "g", "label": "G", "terms": [
        {"term": "eco-activists", "forms": ["eco-activists", "eco activists"]},
        {"term": "Türkiye", "forms": ["Türkiye", "Turkey"]}]}])
    texts = {"a": ["ECO-ACTIVISTS and eco\nactivists", "Turkiye, TÜRKIYE and turkey"]}
    used = {t.term: t.counts for t in usage(lexicon, texts)[0].terms}
    assert used == {"eco-activists": {"a": 2}, "Türkiye": {"a": 3}}


def test_lexicon_problems(tmp_path: Path):
    _, problems = parse_lexicon({"not": "a list"})
    assert problems and "list of term groups" in problems[0].message
    _, problems = parse_lexicon([{"group": "x"}, {"group": "y", "terms": [3]},
                                 {"group": "y", "terms": []}])
    messages = " | ".join(p.message for p in problems)
    assert "needs 'group'" in messages and "a term must be" in messages and "twice" in messages
    bad = tmp_path / "lexicon.yaml"
    bad.write_text("- group: x\n  terms: [a\n", encoding="utf-8")
    lexicon, problems = load_lexicon(bad)
    assert lexicon.groups == [] and problems[0].line >= 2
    assert load_lexicon(tmp_path / "missing.yaml") == (load_lexicon(tmp_path / "m2.yaml"))


def test_bundled_lexicon_is_valid():
    root = Path(__file__).resolve().parent.parent / "content" / "lexicon.yaml"
    lexicon, problems = load_lexicon(root)
    assert problems == []
    groups = {g.group: [t.term for t in g.terms] for g in lexicon.groups}
    for term in ("attack", "aggression", "offensive", "clash", "incursion", "provocation",
                 "invasion", "bombardment"):
        assert term in groups["use-of-force"]
    for term in ("blockade", "roadblock", "environmental activists", "eco-activists",
                 "checkpoint"):
        assert term in groups["lachin-blockade"]
    assert {"peacekeepers", "troops", "contingent"} <= set(groups["russian-forces"])
    assert {"alliance", "ally", "partnership"} <= set(groups["alliance"])


def test_a_lexicon_with_an_impossible_date_loads(tmp_path):
    bad = tmp_path / "lexicon.yaml"  # PyYAML's safe_load raises ValueError on it
    bad.write_text("- group: x\n  terms: [2023-13-45]\n", encoding="utf-8")
    lexicon, problems = load_lexicon(bad)
    assert problems == [] and lexicon.groups[0].terms[0].term == "2023-13-45"


@pytest.mark.parametrize("text, message", [
    ("g: " + "[" * 3000 + "]" * 3000 + "\n", "nested more than"),  # PyYAML: RecursionError
    ("a: *x\n", "undefined alias"),
])
def test_a_lexicon_pyyaml_cannot_build_is_a_problem_not_a_crash(tmp_path, text, message):
    bad = tmp_path / "lexicon.yaml"
    bad.write_text(text, encoding="utf-8")
    lexicon, problems = load_lexicon(bad)
    assert lexicon.groups == [] and message in problems[0].message
    (tmp_path / "fifo").mkdir()
    os.mkfifo(tmp_path / "fifo" / "lexicon.yaml")  # would block a plain open()
    assert "not a regular file" in load_lexicon(tmp_path / "fifo" / "lexicon.yaml")[1][0].message
