"""Framing measured on the sentences of an event's claims: names and other-language passages
left out, only significant terms distinctive, lexicon uses in their intended sense and
traceable to their sentence; the per-event analysis memoised."""

from __future__ import annotations

from factories import build_corpus

from briefing.analysis import event_analysis
from briefing.analysis.framing import (
    distinctive_terms, event_sentences, event_texts, framing_terms,
)
from briefing.analysis.lexicon import event_hits, parse_lexicon, usage
from briefing.analysis.sentences import split

LEAD = {
    "events": {"offensive": {"title": "Offensive", "date": "2022-09-13"},
               "mission": {"title": "EU mission", "date": "2023-02-20"}},
    "articles": {
        "a": ["The offensive shelled border villages overnight. The monitoring mission of "
              "observers deployed later, with binoculars and patience.",
              "Les observateurs européens patrouillent la frontière."],
        "b": ["Troops crossed the border at dawn. Observers arrived months afterwards."],
    },
    "claims": [
        {"article": "a", "quote": "The offensive shelled border villages",
         "events": ["offensive"]},
        {"article": "a", "quote": "The monitoring mission of observers deployed later",
         "events": ["mission"]},
        {"article": "a", "quote": "Les observateurs européens patrouillent",
         "events": ["mission"]},
        {"article": "b", "quote": "Troops crossed the border", "events": ["offensive"]},
        {"article": "b", "quote": "Observers arrived", "events": ["mission"]},
    ],
}


def lead_corpus():
    corpus = build_corpus(LEAD)
    for para in corpus.articles["a"].paragraphs():
        if para.text.startswith("Les "):
            para.lang = "fr"
    return corpus


def test_a_paragraph_on_two_events_gives_each_only_its_sentence():
    corpus = lead_corpus()
    offensive = event_texts(corpus, "offensive")["a"]
    mission = event_texts(corpus, "mission")["a"]
    assert offensive == ["The offensive shelled border villages overnight."]
    assert mission == ["The monitoring mission of observers deployed later, with binoculars "
                       "and patience."]  # the French passage is left out
    [(pid, offset, sentence)] = event_sentences(corpus, "offensive")["a"]
    assert corpus.paragraph(pid).text[offset:offset + len(sentence)] == sentence


def test_names_and_stop_words_are_not_framing_terms():
    terms = framing_terms("Yesterday Vladimir Putin met the Lachin residents. Secondly, the "
                          "men want peace.")
    assert "vladimir" not in terms and "putin" not in terms and "lachin" not in terms
    assert "residents" in terms and "yesterday" in terms  # a sentence's first word stays
    assert "putin met" not in terms and "met residents" not in terms  # no bigram over a name
    assert "the" not in terms
    bigrams = framing_terms("Yesterday Vladimir Putin met angry Lachin residents.")
    assert "yesterday met" not in bigrams and "angry residents" not in bigrams
    assert "met angry" in bigrams


def test_sentences_keep_initials_and_abbreviations_together():
    text = "Talks with President I. Aliyev and the U.S. envoy failed. Then 2.5 percent left."
    assert [s.text for s in split(text)] == [
        "Talks with President I. Aliyev and the U.S. envoy failed.", "Then 2.5 percent left."]


def test_only_significant_terms_are_distinctive():
    # "blockade" said eight times by one source and never by the other: significant
    a = ["The blockade tightened again today." for _ in range(8)]
    b = ["The crossing stayed open for trucks today." for _ in range(8)]
    spec = {"events": {"e": {"title": "E"}},
            "articles": {"a": [" ".join(a)], "b": [" ".join(b)]},
            "claims": [{"article": "a", "quote": " ".join(a), "events": ["e"]},
                       {"article": "b", "quote": " ".join(b), "events": ["e"]}]}
    terms = distinctive_terms(build_corpus(spec), "e")
    assert "blockade" in [t.term for t in terms["a"]]
    assert all(t.z >= 1.96 for ts in terms.values() for t in ts)
    assert "today" not in [t.term for ts in terms.values() for t in ts]  # both say it


LEXICON = [
    {"group": "force", "label": "Force", "terms": [
        "invasion", {"term": "strike", "forms": ["strike", "strikes"],
                     "except": ["strikes a blow", "strike a blow"]}]},
    {"group": "troops", "label": "Troops", "terms": [
        {"term": "peacekeepers", "forms": ["peacekeepers", "peacekeeping troops"]},
        {"term": "troops", "forms": ["troops"]}]},
    {"group": "alliance", "label": "Alliance", "terms": [
        "partner", {"term": "strategic partner", "forms": ["strategic partners"]},
        {"term": "guarantor", "forms": ["guarantor"]}]},
]


def test_lexicon_counts_each_stretch_once_in_its_intended_sense():
    lexicon, problems = parse_lexicon(LEXICON)
    assert problems == []
    text = ("Peacekeeping troops and more troops arrived; the deal strikes a blow to hopes, "
            "though drone strikes continued. Strategic partners and a partner offered a "
            "guarantee, not a guarantor.")
    counts = {t.term: t.counts["x"] for g in usage(lexicon, {"x": [text]}) for t in g.terms}
    assert counts == {"strike": 1, "peacekeepers": 1, "troops": 1, "partner": 1,
                      "strategic partner": 1, "guarantor": 1}


def test_lexicon_hits_are_traced_to_their_sentence_and_the_event_only():
    spec = {"events": {"blockade": {"title": "Blockade"}, "ukraine": {"title": "Ukraine"}},
            "articles": {"a": ["The Russian invasion of Ukraine changed everything. Here the "
                               "strikes hit villages near the corridor."]},
            "claims": [{"article": "a", "quote": "the strikes hit villages",
                        "events": ["blockade"]},
                       {"article": "a", "quote": "The Russian invasion of Ukraine",
                        "events": ["ukraine"]}]}
    corpus = build_corpus(spec)
    lexicon, _ = parse_lexicon(LEXICON)
    hits = event_hits(lexicon, corpus, "blockade")
    assert [(h.term, h.written) for h in hits] == [("strike", "strikes")]  # not "invasion"
    [h] = hits
    para = corpus.paragraph(h.paragraph).text
    assert para[h.offset + h.start:h.offset + h.end] == "strikes"
    assert h.text.startswith("Here the strikes")


def test_event_analysis_is_memoised_per_corpus_and_event():
    corpus = lead_corpus()
    lexicon, _ = parse_lexicon(LEXICON)
    first = event_analysis.analyse(corpus, "offensive", lexicon)
    assert event_analysis.analyse(corpus, "offensive", lexicon) is first
    assert [h.term for h in first.lexicon_hits] == ["troops"]
    assert not first.has_distinctive_terms
    other = lead_corpus()  # a reloaded corpus is analysed afresh
    assert event_analysis.analyse(other, "offensive", lexicon) is not first


def test_the_corpus_wide_prior_is_counted_once_for_concurrent_callers(monkeypatch):
    # The warm-up thread and a view's worker asking at once: the second waits for the
    # first's prior instead of counting it again beside it.
    import threading
    import time

    corpus = lead_corpus()
    counted = []
    real = event_analysis.background_counts

    def slow_counts(c, between=None):
        counted.append(c)
        time.sleep(0.2)
        return real(c, between)

    monkeypatch.setattr(event_analysis, "background_counts", slow_counts)
    events = list(corpus.events)
    results = {}
    threads = [threading.Thread(target=lambda e=e: results.setdefault(
        e, event_analysis.analyse(corpus, e))) for e in (events * 2)[:3]]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(counted) == 1 and set(results) == set((events * 2)[:3])


def test_a_long_paragraph_gives_each_claim_its_own_sentences_and_a_span_over_two_both():
    # A paragraph of many sentences with a claim in every third one (and one claim over two
    # sentences): each event gets the sentences its claims touch, once each, in order.
    sentences = [f"Ferry {i} left the Brisa quay at dawn with {i * 3} passengers aboard."
                 for i in range(300)]
    text = " ".join(sentences)
    claims = [{"article": "harbour", "quote": sentences[i][:24], "events": ["sailings"]}
              for i in range(0, 300, 3)]
    claims.append({"article": "harbour", "quote": sentences[100][-20:] + " " +
                   sentences[101][:12], "events": ["crossing"]})
    corpus = build_corpus({"events": {"sailings": "Sailings", "crossing": "Crossing"},
                           "articles": {"harbour": [text]}, "claims": claims})
    assert event_texts(corpus, "sailings")["harbour"] == sentences[0:300:3]
    assert event_texts(corpus, "crossing")["harbour"] == sentences[100:102]
    (pid, offset, sentence), _ = event_sentences(corpus, "crossing")["harbour"]
    assert text[offset:offset + len(sentence)] == sentence == sentences[100]
