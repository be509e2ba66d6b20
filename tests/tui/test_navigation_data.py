"""Plain-Python parts of the reader: history, event context, search, rendering of chunks."""

from __future__ import annotations

from textual.style import Style

from briefing.tui.viewmodels.reader import (
    SearchIndex, annotated_claim_ids, annotations_on, disagreements_for_event,
    other_claims_on_event, snippet,
)
from briefing.tui.viewmodels.navigation import History, Location
from briefing.tui.widgets.render import ChunkState, chunk_bounds, render_chunk

from .conftest import make_corpus


def test_history_back_forward_like_a_browser():
    h = History()
    a, b, c = Location("a"), Location("b"), Location("c")
    h.visit(a)
    h.visit(b)
    h.visit(c)
    assert h.back() == b and h.back() == a and h.back() is None
    assert h.forward() == b
    h.visit(Location("d"))  # a new visit drops the forward stack
    assert not h.can_go_forward and h.back() == b


def test_history_replace_does_not_add_entries():
    h = History()
    h.visit(Location("a"))
    h.replace(Location("a", claim_id="x"))
    h.visit(Location("b"))
    assert h.back() == Location("a", claim_id="x")
    assert h.back() is None


def test_other_claims_and_disagreements():
    corpus = make_corpus()
    claim = corpus.claims["alpha-2023-03"]
    others = [c.id for _, c in other_claims_on_event(corpus, claim)]
    assert others == ["beta-2022-01", "gamma-2021-01"]
    found = disagreements_for_event(corpus, "nov-2020-ceasefire")
    assert [d.key for d in found] == ["russian-peacekeepers-nk"]
    assert {cid for _, cid in found[0].values} == {"alpha-2023-03", "beta-2022-01"}
    assert disagreements_for_event(corpus, "csto-founded") == []


def test_search_finds_exact_offsets_and_owning_claim():
    corpus = make_corpus(big_paragraph=True)
    index = SearchIndex(corpus).build()
    hits = index.search("peacekeepers")
    assert {h.paragraph_id for h in hits} == {"alpha-2023/1/1", "beta-2022/0/1"}
    for hit in hits:
        text = corpus.paragraph(hit.paragraph_id).text
        assert text[hit.start:hit.end].lower() == "peacekeepers"
        assert hit.claim_id is not None
    far = index.search("needle")
    assert far and far[0].start >= 1_000_000
    assert index.search("   ") == []


def test_snippet_marks_the_match():
    text = "alpha beta gamma delta epsilon zeta eta theta"
    piece, a, b = snippet(text, 17, 22, 20)
    assert piece[a:b] == "delta"


def test_chunks_cover_the_text_and_cut_at_spaces():
    text = ("word " * 5000).strip()
    bounds = chunk_bounds(text, 1000)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a_end == b_start for (_, a_end), (b_start, _) in zip(bounds, bounds[1:]))
    assert all(text[end - 1] == " " for _, end in bounds[:-1])
    assert chunk_bounds("short") == [(0, 5)]


def test_render_chunk_styles_claims_and_never_parses_markup():
    corpus = make_corpus(hostile=True)
    para = corpus.paragraph("gamma-2021/1/1")
    claims = corpus.claims_for_article("gamma-2021")
    styles = {"claim--quote": Style(bold=True), "claim--current": Style(reverse=True)}
    content = render_chunk(para, 0, len(para.text), claims, styles, ChunkState("gamma-2021-03"))
    assert content.plain == para.text
    assert "[/claim]" in content.plain and "[@click=app.quit]" in content.plain
    assert "\x1b" not in content.plain and "\u202e" not in content.plain
    claim = corpus.claims["gamma-2021-03"]
    assert any(s.start == claim.start and s.end == claim.end and s.style == Style(reverse=True)
               for s in content.spans)


def test_render_chunk_inserts_footnote_marker_after_claims():
    corpus = make_corpus()
    para = corpus.paragraph("alpha-2023/1/1")
    content = render_chunk(para, 0, len(para.text), corpus.claims_for_article("alpha-2023"),
                           {"claim--figure": Style(bold=True)}, ChunkState())
    assert content.plain == para.text + "[1]"
    claim = corpus.claims["alpha-2023-03"]
    assert content.plain[claim.start:claim.end] == "Russia deployed 1,960 peacekeepers"


def test_annotations_on_a_claim_and_annotated_claims(tmp_path):
    from briefing.store import AnnotationStore

    assert annotations_on(None, "a") == [] and annotated_claim_ids(None) == set()
    with AnnotationStore(tmp_path / "a.json", author="ana") as store:
        store.annotate("a", "q", add_tags=["troops", "[b]x"], note="check [/claim]")
        store.annotate("a", "q", add_tags=["csto"], note="second", author="bob")
        store.annotate("b", "q", add_tags=["gone"])
        store.annotate("b", "q", remove_tags=["gone"])  # emptied: no longer annotated
        found = annotations_on(store, "a")
        assert [(a.author, a.tags, a.note) for a in found] == [
            ("ana", ("troops", "[b]x"), "check [/claim]"), ("bob", ("csto",), "second")]
        assert annotations_on(store, "b") == [] and annotations_on(store, "zzz") == []
        assert annotated_claim_ids(store) == {"a"}


def test_render_neutralises_control_characters_even_in_an_uncleaned_corpus():
    corpus = make_corpus()
    para = corpus.paragraph("alpha-2023/0/1")
    para.text = "A\x1b]52;c;aGk=\x07 b\u202eevil\x9b31m " + para.text  # as if never cleaned
    content = render_chunk(para, 0, len(para.text), [], {}, ChunkState())
    assert len(content.plain) == len(para.text)  # offsets unchanged
    for bad in ("\x1b", "\x07", "\u202e", "\x9b"):
        assert bad not in content.plain
    assert "\ufffd]52;c;aGk=\ufffd" in content.plain


def test_a_speaker_is_written_one_way_in_every_pane():
    from briefing.model import Article, Claim
    from briefing.tui.viewmodels.reader import speaker_of

    article = Article("a", "A title", authors=["Anna Berg", "Ole Lund"])
    said = Claim("a-1", "a", "quote", speaker="the minister")
    own = Claim("a-2", "a", "quote", speaker="author")
    unsaid = Claim("a-3", "a", "quote")
    assert speaker_of(said, article) == "the minister"
    assert speaker_of(own, article) == "author (Anna Berg, Ole Lund)"
    assert speaker_of(unsaid, article) == "author (Anna Berg, Ole Lund)"
    assert speaker_of(own, None) == "author"
