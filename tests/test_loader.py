"""briefing.loader.load_corpus: good content round-trips, bad content becomes Problems."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.loader import load_corpus
from briefing.loading.anchor import ArticleIndex
from briefing.loading.inline import render
from briefing.model import Span
from briefing.text import find_all, fold
from briefing_dirs import ALPHA, ALPHA_CLAIMS, BETA, EVENTS, line_of, write_briefing


def load(root: Path):
    corpus, problems = load_corpus(root)
    return corpus, [str(p) for p in problems]


def only_problem(root: Path) -> str:
    _, problems = load(root)
    assert len(problems) == 1, problems
    return problems[0]


@pytest.fixture
def good(tmp_path):
    corpus, problems = load(write_briefing(tmp_path / "c"))
    assert problems == []
    return corpus


# --- good content -------------------------------------------------------------------------

def test_briefing_and_events(good):
    assert good.title == "Test briefing"
    assert good.questions == ["Who kept the peace?"]
    war = good.events["war"]
    assert (war.date, war.end, war.actors, war.line) == ("2020-09-27", "2020-11-10",
                                                         ["Azerbaijan", "Armenia"], 1)
    assert good.events["ceasefire"].line == 7


def test_front_matter(good):
    alpha = good.articles["alpha"]
    assert alpha.title == "Alpha article"
    assert alpha.authors == ["Jane Doe"]
    assert alpha.published == "2023-02"
    assert alpha.outlet is None and alpha.subtitle is None
    assert alpha.genre == "analysis"
    assert alpha.source_file == "000_alpha.txt"
    assert alpha.provenance["published"].basis == "inferred"
    assert alpha.provenance["outlet"].basis == "unknown"
    beta = good.articles["beta"]
    assert beta.authors == [] and beta.published is None and beta.genre is None
    # Chronological corpus order, undated last.
    assert list(good.articles) == ["alpha", "beta"]


def test_sections_and_paragraph_ids(good):
    alpha = good.articles["alpha"]
    assert [(s.id, s.title, s.level, s.line) for s in alpha.sections] == [
        ("alpha/0", None, 0, line_of(ALPHA, "Lead paragraph")),
        ("alpha/1", "First section", 2, line_of(ALPHA, "## First")),
        ("alpha/2", "A subsection", 3, line_of(ALPHA, "### A sub")),
    ]
    assert [p.id for p in alpha.paragraphs()] == ["alpha/0/1", "alpha/1/1", "alpha/1/2", "alpha/2/1"]
    assert [p.line for p in alpha.paragraphs()] == [
        line_of(ALPHA, "Lead paragraph"), line_of(ALPHA, "The “peace"),
        line_of(ALPHA, "Ce paragraphe"), line_of(ALPHA, "Twice here"),
    ]
    # No lead text before the first heading: numbering starts at section 1.
    assert [s.id for s in good.articles["beta"].sections] == ["beta/1"]
    assert good.paragraph("beta/1/1").text.startswith("Some 1 900 men")


def test_inline_markup_becomes_plain_text_and_spans(good):
    para = good.paragraph("alpha/1/1")
    assert para.text == ("The “peacekeepers” numbered 1,960 in total, see the text. "
                         "A second line with code and an escaped $5.")
    by_style = {s.style: para.text[s.start:s.end] for s in para.spans}
    assert by_style == {"strong": "total", "link": "the text", "code": "code"}
    link = next(s for s in para.spans if s.style == "link")
    assert link.href == "https://example.org"
    lead = good.paragraph("alpha/0/1")
    assert lead.spans == (Span(20, 28, "em"),)


def test_footnotes_and_refs(good):
    alpha = good.articles["alpha"]
    lead = good.paragraph("alpha/0/1")
    assert lead.text == "Lead paragraph with emphasis and a note."
    assert lead.footnote_refs == ((len("Lead paragraph with emphasis and a note"), "1"),)
    [note] = alpha.footnotes
    assert note.label == "1"
    assert note.text == "The footnote, citing a source (https://example.org/src)."
    assert note.line == line_of(ALPHA, "[^1]:")
    # The definition is not a paragraph.
    assert not any("footnote" in p.text for p in alpha.paragraphs())


def test_lang_attribute(good):
    para = good.paragraph("alpha/1/2")
    assert para.text == "Ce paragraphe est en français."
    assert para.lang == "fr"
    assert good.paragraph("alpha/1/1").lang is None


def test_claims_anchor_to_exact_offsets(good):
    for claim in good.claims.values():
        para = good.paragraph(claim.paragraph_id)
        assert para is not None, claim.id
        assert fold(para.text[claim.start:claim.end]) == fold(claim.quote)
    one = good.claims["alpha-01"]
    assert one.paragraph_id == "alpha/1/1"
    # Curly quotes in the text, straight ones and extra spaces in the quote: still found.
    assert good.paragraph("alpha/1/1").text[one.start:one.end] == "The “peacekeepers” numbered 1,960"
    assert one.figures[0].value == 1960 and one.figures[0].quantity == "peacekeepers"
    assert [(d.value, d.what) for d in one.dates] == [("2020-11-09", "ceasefire-signed"),
                                                      ("2020-11", None)]
    assert one.frame == "security_and_defense"
    assert one.line == 1
    beta = good.claims["beta-01"]
    assert beta.figures[0].approx is True
    assert good.paragraph(beta.paragraph_id).text[beta.start:beta.end] == "1 900 men were deployed"


def test_occurrence_picks_the_nth_match(good):
    claim = good.claims["alpha-02"]
    text = good.paragraph("alpha/2/1").text
    assert text == "Twice here. Then twice here again."
    assert (claim.start, claim.end) == (17, 27)
    assert claim.events == ["war"]  # a lone event id is a list of one


def test_reindex_was_called(good):
    assert [c.id for c in good.claims_for_article("alpha")] == ["alpha-01", "alpha-02"]
    assert {c.id for c in good.claims_for_event("ceasefire")} == {"alpha-01", "beta-01"}
    assert good.sources_for_event("ceasefire") == ["alpha", "beta"]


def test_quote_tolerance_dashes_case_whitespace(tmp_path):
    # Upper case, a line break inside the quote, a hyphen for the article's em dash.
    claims = """\
- id: beta-01
  quote: "SOME 1 900 MEN were\\n   deployed - so"
  events: [war]
  kind: fact
"""
    corpus, problems = load(write_briefing(tmp_path / "c", claims={"beta.yaml": claims}))
    assert problems == []
    claim = corpus.claims["beta-01"]
    text = corpus.paragraph(claim.paragraph_id).text
    assert text[claim.start:claim.end] == "Some 1 900 men were deployed — so"


def test_crlf_and_bom_keep_line_numbers(tmp_path):
    body = ALPHA.replace("genre: analysis", "genre: tragedy")
    data = b"\xef\xbb\xbf" + body.replace("\n", "\r\n").encode()
    root = write_briefing(tmp_path / "c", articles={"alpha.md": data})
    assert only_problem(root).startswith(f"{root}/articles/alpha.md:{line_of(body, 'genre:')}: genre 'tragedy'")


def test_control_characters_are_removed(tmp_path):
    article = ALPHA.replace("Lead paragraph", "Lead \x1b[2Jpara\u202egraph")
    events = EVENTS.replace("A six-week war.", '"A six\\e-week war."')
    corpus, problems = load(write_briefing(tmp_path / "c", articles={"alpha.md": article},
                                           events=events))
    assert problems == []
    assert corpus.paragraph("alpha/0/1").text.startswith("Lead [2Jparagraph")
    assert corpus.events["war"].summary == "A six-week war."


# --- anchoring problems -------------------------------------------------------------------

def claim_file(quote: str, extra: str = "") -> str:
    return f"- id: alpha-09\n  quote: {quote}\n  events: [war]\n  kind: fact\n{extra}"


@pytest.mark.parametrize("quote, extra, fragment", [
    ("twice here", "",
     "claim alpha-09: quote is ambiguous, found 2 times (alpha/2/1 x2); "
     "lengthen it or add 'occurrence: N'"),
    ("twice here", "  occurrence: 3\n",
     "claim alpha-09: occurrence 3 asked for, but the quote is found 2 times"),
    ("not in the article at all", "",
     "claim alpha-09: quote not found in alpha: no passage starts like it"),
    ("'the \"peacekeepers\" numbered 1,960 in total, see the other text'", "",
     "claim alpha-09: quote not found in alpha: its first 8 of 10 words match in alpha/1/1, "
     "then it differs at 'other text'"),
    ("an escaped $5. Ce paragraphe", "",
     "claim alpha-09: quote not found in alpha: it runs across two paragraphs"),
])
def test_quote_problems(tmp_path, quote, extra, fragment):
    text = claim_file(quote, extra)
    root = write_briefing(tmp_path / "c", claims={"alpha.yaml": text})
    assert only_problem(root).startswith(f"{root}/claims/alpha.yaml:2: {fragment}")


def test_article_index_agrees_with_find_all(good):
    index = ArticleIndex(good.articles["alpha"])
    for needle in ["twice", "The \"peacekeepers\"", "e", "  total ,", "FRANÇAIS", "zzz"]:
        expected = [(p.id, s, e) for p in good.articles["alpha"].paragraphs()
                    for s, e in find_all(p.text, needle)]
        assert [(p.id, s, e) for p, s, e in index.find(needle)] == expected


# --- inline rendering ---------------------------------------------------------------------

def test_render_refs_shift_spans():
    out = render("A *b*[^x] and **c**[^y] end")
    assert out.text == "A b and c end"
    assert out.refs == ((3, "x"), (9, "y"))
    assert [(s.style, out.text[s.start:s.end]) for s in out.spans] == [("em", "b"), ("strong", "c")]


def test_render_keeps_raw_html_literal_and_escaped_refs():
    out = render(r"<sup>(1)</sup> and \[^1] stay")
    assert out.text == "<sup>(1)</sup> and [^1] stay"
    assert out.refs == ()


# --- robustness: no input makes the loader raise ------------------------------------------

@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=st.text(max_size=300), yaml_text=st.text(max_size=200))
def test_arbitrary_text_never_raises(tmp_path_factory, body, yaml_text):
    root = tmp_path_factory.mktemp("fuzz")
    write_briefing(root, articles={"alpha.md": f"---\n{yaml_text}\n---\n{body}",
                                   "beta.md": body},
                   claims={"alpha.yaml": yaml_text})
    corpus, problems = load_corpus(root)
    assert all(str(p).startswith(str(root)) for p in problems)
    assert not any("internal error" in p.message for p in problems), problems


@settings(max_examples=40, deadline=None)
@given(data=st.binary(max_size=200))
def test_arbitrary_bytes_never_raise(tmp_path_factory, data):
    root = tmp_path_factory.mktemp("bytes")
    write_briefing(root, events=data + b"\n", articles={"alpha.md": b"---\nid: alpha\n---\n" + data})
    _, problems = load_corpus(root)  # must return, whatever the bytes
    assert not any("internal error" in p.message for p in problems), problems


def test_partial_corpus_with_problems_still_loads_the_rest(tmp_path):
    root = write_briefing(tmp_path / "c", articles={"beta.md": BETA.replace("language: en", "language: 42x")})
    corpus, problems = load(root)
    assert len(problems) == 1 and "language '42x'" in problems[0]
    assert set(corpus.articles) == {"alpha", "beta"}
    assert corpus.claims["alpha-01"].paragraph_id == "alpha/1/1"


def test_claims_line_numbers_point_at_the_field(tmp_path):
    text = ALPHA_CLAIMS.replace("kind: fact", "kind: rumour")
    root = write_briefing(tmp_path / "c", claims={"alpha.yaml": text})
    assert only_problem(root) == (
        f"{root}/claims/alpha.yaml:{line_of(text, 'kind: rumour')}: claim alpha-02: kind 'rumour' "
        "is not one of: fact, figure, quote, assessment, prediction, recommendation")


def test_not_a_directory(tmp_path):
    target = tmp_path / "file.txt"
    target.write_text("x")
    corpus, problems = load(target)
    assert problems == [f"{target}: not a directory: give the briefing's content directory"]
    assert corpus.articles == {}


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("aZé ß\u00a0\t\n“”'`—-ﬁ\ufdfaİ.,x")) | st.characters(),
               max_size=60))
def test_fast_fold_map_equals_text_folded_with_map(text):
    from briefing.loading import anchor
    from briefing.text import folded_with_map

    expected = folded_with_map(text)
    assert anchor.folded_with_map(text) == expected
    assert anchor.folded_text(text) == expected[0]


def test_yaml_alias_bomb_is_quick_and_reported(tmp_path):
    lol = "- &a [x, x, x, x, x, x, x, x, x]\n"
    for n in range(1, 12):
        lol += f"- &{'a' * (n + 1)} [{', '.join(['*' + 'a' * n] * 9)}]\n"
    root = write_briefing(tmp_path / "c", events=lol)
    corpus, problems = load(root)
    assert f"{root}/events.yaml:1: event #1 must be fields (id: ..., title: ...), not a list" in problems
    assert len(problems) == 12 + 3  # one per list entry, and the claims' three unknown events
    assert corpus.events == {}


BODY_EDGE_CASES = """\
---
id: alpha
title: "Alpha: edge cases"
authors: [Ann]
language: no
published: 2023
---
## Closing hashes ##
#hashtag is text, and so is \\## this.
Continuation lines
   are joined.

- - -

Paragraph after a rule[^long].

[^long]: First part of a long note,
continued on a second line.

    And an indented second paragraph.

##### Deep heading

Last paragraph.
"""


def test_body_edge_cases(tmp_path):
    root = write_briefing(tmp_path / "c", articles={"alpha.md": BODY_EDGE_CASES},
                          claims={"alpha.yaml": None})
    corpus, problems = load(root)
    assert problems == []
    alpha = corpus.articles["alpha"]
    assert alpha.language == "no"  # YAML 1.1 would read a bare `no` as false
    assert alpha.published == "2023"
    assert alpha.title == "Alpha: edge cases"
    assert [(s.index, s.title, s.level) for s in alpha.sections] == [
        (1, "Closing hashes", 2), (2, "Deep heading", 5)]
    assert [p.text for p in alpha.paragraphs()] == [
        "#hashtag is text, and so is ## this. Continuation lines are joined.",
        "Paragraph after a rule.",
        "Last paragraph.",
    ]
    [note] = alpha.footnotes
    assert note.text == ("First part of a long note, continued on a second line.\n\n"
                         "And an indented second paragraph.")
    assert corpus.paragraph("alpha/1/2").footnote_refs == ((len("Paragraph after a rule"), "long"),)


def test_the_corpus_carries_its_lexicon(tmp_path):
    # Read with the rest of the content, so the views and analysis never read lexicon.yaml.
    root = write_briefing(tmp_path / "c")
    (root / "lexicon.yaml").write_text(
        "- group: force\n  label: Use of force\n  terms: [offensive, operation]\n",
        encoding="utf-8")
    corpus, problems = load_corpus(root)
    assert problems == [] and corpus.lexicon_problems == []
    assert [(g.group, g.label) for g in corpus.lexicon.groups] == [("force", "Use of force")]


def test_a_bad_lexicon_is_a_warning_of_the_corpus_not_a_load_problem(tmp_path):
    root = write_briefing(tmp_path / "c")
    (root / "lexicon.yaml").write_text("- group: force\n  terms: [attack\n", encoding="utf-8")
    corpus, problems = load_corpus(root)
    assert problems == [] and corpus.articles
    assert [p.line for p in corpus.lexicon_problems] == [3]
    assert "invalid YAML" in corpus.lexicon_problems[0].message
    assert corpus.lexicon.groups == []


def test_without_a_lexicon_file_the_lexicon_is_empty(tmp_path):
    corpus, problems = load_corpus(write_briefing(tmp_path / "c"))
    assert problems == [] and corpus.lexicon.groups == [] and corpus.lexicon_problems == []


def test_a_list_written_as_lines_of_one_paragraph_keeps_an_item_to_a_line():
    source = "- Kessel reservoir: 28% of capacity.\n- Imports: **400 MW**.\n- Cuts: 4 hours a day."
    text = render(source).text
    assert text == "- Kessel reservoir: 28% of capacity.\n- Imports: 400 MW.\n- Cuts: 4 hours a day."
    # each break stands where a space stood: claim offsets do not move
    assert text.replace("\n", " ") == render(source.replace("\n- ", " - ")).text
    numbered = render("1. Close the gates.\n2) Open the spillway.").text
    assert numbered == "1. Close the gates.\n2) Open the spillway."


def test_prose_wrapped_before_a_dash_stays_one_line():
    text = render("The council met twice\n- once in May and once in June -\nand agreed.").text
    assert text == "The council met twice - once in May and once in June - and agreed."
