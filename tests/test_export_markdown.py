"""The Markdown brief (issue 6 §4, issue 17): synthesis, key findings, disagreements,
evidence with full citations; CSV, JSON and Obsidian are in test_export_formats.py.

Structure is checked with a real parser (markdown-it-py: headings, blockquotes, and no HTML,
code blocks, links or tables coming from user text) and a real linter (pymarkdownlnt with the
repo's .pymarkdown.json).  Hypothesis fuzzes notes, tags, authors and claim ids.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from briefing.export import build_brief, render_markdown
from briefing.export.mdsafe import code_span, escape_block, escape_inline
from briefing.export.write import ExportError, safe_filename, write_export
from briefing.store.model import Annotation
from briefing.store.query import Filters, select
from briefing.store.synthesis import Synthesis
from factories import build_corpus

ROOT = Path(__file__).resolve().parent.parent
MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])
STAMP = "2026-01-02T03:04:05Z"


@pytest.fixture(scope="module")
def corpus():
    return build_corpus({
        "events": {"war": {"title": "The war", "date": "2020-09-27", "end": "2020-11-10"},
                   "cease": {"title": "The ceasefire", "date": "2020-11-09"}},
        "articles": {
            "a": {"title": "Alpha", "authors": ["Jane Doe"], "published": "2023-02",
                  "translator": "T. Ranslator", "url": "https://example.org/alpha",
                  "provenance": {"published": ("inferred", "from the text")},
                  "sections": [["First paragraph.", "We saw 1,960 peacekeepers arrive."],
                               ("Heading", ["Text with 1 900 men."])]},
            "b": {"title": "Beta", "sections": [["Lead of b, about the ceasefire, 1 900 men."]]},
        },
        "claims": [
            {"article": "a", "quote": "1,960 peacekeepers", "events": ["war", "cease"],
             "figures": [("peacekeepers", "1,960")]},
            {"article": "a", "quote": "1 900 men", "events": ["cease"]},
            {"article": "b", "quote": "about the ceasefire, 1 900", "events": ["cease"],
             "figures": [("peacekeepers", "1 900")]},
            {"article": "b", "quote": "Lead of b"},
        ],
    })


def ann(claim_id, tags=("t",), note="", author="ana", quote="q") -> Annotation:
    return Annotation(id=f"{author}-{claim_id}", claim_id=claim_id, quote=quote, tags=tuple(tags),
                      note=note, author=author, created=STAMP, updated=STAMP, version=1)


def split_front_matter(text: str) -> tuple[dict, str]:
    assert text.startswith("---\n")
    head, body = text[4:].split("\n---\n", 1)
    return yaml.safe_load(head), body


def structure(body: str) -> list[tuple[str, str]]:
    """The block skeleton: headings with their text, blockquotes, lists, and anything risky."""
    out = []
    tokens = MD.parse(body)
    for i, tok in enumerate(tokens):
        if tok.type == "heading_open":
            out.append((tok.tag, tokens[i + 1].content))
        elif tok.type in ("blockquote_open", "bullet_list_open", "ordered_list_open", "hr",
                          "fence", "code_block", "html_block", "table_open"):
            out.append((tok.type, ""))
        elif tok.type == "inline":
            for child in tok.children or []:
                if child.type in ("html_inline", "link_open", "image"):
                    out.append((child.type, child.content))
    return out


def lint(text: str) -> list[str]:
    from pymarkdown.api import PyMarkdownApi

    result = PyMarkdownApi().configuration_file_path(str(ROOT / ".pymarkdown.json")) \
        .scan_string(text)
    return [f"{f.line_number}: {f.rule_id} {f.rule_description}{f.extra_error_information}"
            for f in result.scan_failures]


def render(corpus, annotations, filters=None, synthesis=()):
    brief = build_brief(annotations, corpus, filters or Filters(), generated=STAMP,
                        synthesis=synthesis)
    return render_markdown(brief)


# ---------------------------------------------------------------------------- layout
def test_the_brief_layout_counts_and_citations(corpus):
    text = render(corpus, [ann("a-01", ["russia", "figures"], "Check this."),
                           ann("a-02", ["russia"], "Second note"),
                           ann("a-02", ["csto"], "Bob's view", author="bob"),
                           ann("b-01", ["csto"]), ann("b-02", ["misc"], "no event"),
                           ann("gone-01", ["old"], "orphan", quote="an old quote")],
                  synthesis=[Synthesis("Synthetic briefing", "My view.", "ana")])
    meta, body = split_front_matter(text)
    assert meta == {"title": "Synthetic briefing", "date": "2026-01-02", "generated": STAMP,
                    "filters": {}, "annotations": 6, "claims": 5, "sources": 2}
    headings = [h for h in structure(body) if h[0].startswith("h")]
    assert headings == [
        ("h1", "Synthetic briefing"), ("h2", "Synthesis"), ("h2", "Key findings"),
        ("h3", "`csto` (2 claims)"), ("h3", "`russia` (2 claims)"), ("h3", "`figures` (1 claim)"),
        ("h3", "`misc` (1 claim)"), ("h3", "`old` (1 claim)"),
        ("h2", "Where the sources disagree"), ("h2", "Evidence"),
        # a-01 is about both events: listed under each, so no claim sits under the wrong one
        ("h3", "The war (2020-09-27 to 2020-11-10)"), ("h4", "Jane Doe: *Alpha*"),
        ("h3", "The ceasefire (2020-11-09)"), ("h4", "Jane Doe: *Alpha*"),
        ("h4", "Unknown author: *Beta*"),
        ("h3", "Not linked to an event"), ("h4", "Unknown author: *Beta*"),
        ("h3", "No longer in the briefing"), ("h2", "Sources"),
    ]
    assert "My view." in body.split("## Key findings")[0]
    # The counts are the claims each section lists.
    evidence = body.split("## Evidence", 1)[1]
    assert ("- The war (2020-09-27 to 2020-11-10): 1 claim\n"
            "- The ceasefire (2020-11-09): 3 claims\n"
            "- Not linked to an event: 1 claim\n"
            "- No longer in the briefing: 1 claim\n") in evidence
    for section in evidence.split("\n### ")[1:]:
        title = section.split("\n", 1)[0]
        listed = section.count("\n> — ")
        if title.startswith("No longer"):
            assert listed == 1
        else:
            count = int(re.search(re.escape(title) + r": (\d+) claim", evidence).group(1))
            assert listed == count, title
    # Full citations, no internal ids or paths anywhere.
    assert ("> — Jane Doe, *Alpha*, outlet not stated, 2023-02 (inferred), translated by "
            "T. Ranslator, <https://example.org/alpha>; opening, paragraph 2; also under "
            "The ceasefire") in body
    assert "section “Heading”, paragraph 1" in body
    for internal in ("a-01", "a/0/2", "a/1/1", "`a`", "Claim "):
        assert internal not in body
    assert "*bob*: Tags: `csto`\n\nBob's view" in body  # two people: each is named
    assert "> an old quote" in body
    assert "- “1,960 peacekeepers” (Doe 2023): *ana*: Check this." in body
    assert ("1. Jane Doe, *Alpha*, outlet not stated, 2023-02 (inferred), translated by "
            "T. Ranslator, <https://example.org/alpha> (2 claims cited)") in body
    assert lint(text) == []


def test_disagreements_are_in_the_brief(corpus):
    body = split_front_matter(render(corpus, [ann("a-01")]))[1]
    part = body.split("## Where the sources disagree", 1)[1].split("## Evidence")[0]
    assert "- Peacekeepers, a figure (The war; The ceasefire):" in part
    assert "  - 1,960 (“1,960”): Doe 2023\n  - 1,900 (“1 900”): Doe 2023" not in part
    assert "  - 1,960 (“1,960”): Doe 2023" in part and "  - 1,900 (“1 900”): Beta" in part


def test_one_author_is_not_named_and_root_never(corpus, monkeypatch):
    import briefing.export.brief as brief_module

    monkeypatch.setattr(brief_module, "default_author", lambda: "root")
    annotations = [ann("a-01", ["x"], "n", author="root")]
    body = split_front_matter(render(corpus, annotations))[1]
    assert "root" not in body and "Tags: `x`" in body
    brief = build_brief(annotations + [ann("b-01", ["y"], author="bob")], corpus, Filters(),
                        generated=STAMP, author="Ana Analyst")
    text = render_markdown(brief)
    assert "*Ana Analyst*: Tags: `x`" in text and "*bob*: Tags: `y`" in text
    assert "Prepared 2026-01-02 by Ana Analyst from" in text and "root" not in text


def test_filters_are_recorded_and_applied(corpus):
    annotations = [ann("a-01", ["russia"]), ann("b-01", ["csto"]), ann("a-02", ["csto"])]
    filters = Filters.make(tags=["CSTO"], sources=["b"])
    chosen = select(annotations, corpus, filters)
    assert [a.claim_id for a in chosen] == ["b-01"]
    text = render(corpus, chosen, filters)
    meta, body = split_front_matter(text)
    assert meta["filters"] == {"tags": ["csto"], "sources": ["b"]}
    assert "Only annotations matching these filters: tags: `csto`; sources: `b`." in body
    assert "1,960 peacekeepers" not in body.split("## Where")[0] and lint(text) == []


NASTY_NOTE = """```
# Not a heading
<!-- swallow everything
<script>alert(1)</script>
- not a list
1. not a list
> not a quote
| a | b |
|---|---|
[link](https://evil.example) ![img](x.png) https://bare.example
    indented code
Setext
======
~~~
***
"""


def test_a_hostile_note_stays_inside_its_claim(corpus):
    text = render(corpus, [ann("a-01", ["x"], NASTY_NOTE), ann("a-02", ["y"], "after")])
    meta, body = split_front_matter(text)
    safe = render(corpus, [ann("a-01", ["x"], "harmless"), ann("a-02", ["y"], "after")])
    assert structure(body) == structure(split_front_matter(safe)[1])
    assert lint(text) == []
    # And it still reads as the user typed it, line for line.
    html = MD.render(body)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;<br />" in html
    assert "# Not a heading<br />" in html and "[link](https://evil.example)" in html


def test_escaping_helpers():
    assert escape_inline("# a *b* <i>") == r"\# a \*b\* \<i\>"
    assert escape_inline("- x") == r"\- x" and escape_inline("12. x") == r"12\. x"
    assert escape_inline("see https://x.org") == r"see https\://x\.org"
    assert escape_block("a\nb\n\n\nc") == ["a\\", "b", "", "c"]
    assert code_span("a`b") == "``a`b``" and code_span("`x`") == "`` `x` ``"


# ---------------------------------------------------------------------------- fuzzing
FRAGMENTS = ["```", "~~~", "# ", "## x", "- ", "* ", "+ ", "1. ", "2) ", "> ", "|", "| a |",
             "[x](https://y.z)", "![i](j.png)", "<b>", "</b>", "<!--", "-->", "<script>",
             "&amp;", "&#42;", "\\", "`", "**", "_", "    ", "\t", "===", "---", "***", "\n",
             "\n\n", "[^1]: ", "[[wiki]]", "%%", "==hl==", "$x$", "www.example.com",
             "https://bare.example", "<https://a.b>", "{: .cls}", "  \n", "\r"]
MARKDOWNISH = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS),
              st.text(alphabet=st.one_of(st.sampled_from(list("#*_`~[]()<>!|-+=.:&\\ \n")),
                                         st.characters(codec="utf-8")), max_size=8)),
    max_size=25,
).map("".join)
TAG = st.text(alphabet=st.one_of(st.sampled_from(list("#*_`~[]<>|-+ ab")),
                                 st.characters(codec="utf-8")), min_size=1, max_size=20)


def note_as_typed(note: str) -> str:
    from briefing.text import clean, clean_line

    paragraphs, current = [], []
    for line in clean(note).split("\n"):
        line = clean_line(line)
        if line:
            current.append(line)
        elif current:
            paragraphs.append(current)
            current = []
    if current:
        paragraphs.append(current)
    return "\n\n".join("\n".join(p) for p in paragraphs)


def note_as_rendered(body: str, quote: str) -> str:
    """The text a reader sees for the note under the first passage quoting ``quote``."""
    tokens = MD.parse(body.split("## Evidence", 1)[1])
    start = next(i for i, t in enumerate(tokens) if t.type == "inline"
                 and t.content.startswith(quote) and t.level == 2)  # inside a blockquote
    paragraphs, seen_tags = [], False
    for tok in tokens[start + 1:]:
        if tok.type in ("heading_open", "blockquote_open"):
            break
        if tok.type != "inline" or tok.level != 1:  # top-level paragraphs only
            continue
        if not seen_tags:  # the "Tags: ..." line comes first
            seen_tags = True
            continue
        parts = []
        for child in tok.children or []:
            parts.append({"text": child.content, "softbreak": " ", "hardbreak": "\n"}
                         .get(child.type, f"<{child.type}>"))
        paragraphs.append("".join(parts))
    return "\n\n".join(paragraphs)


def usable_tags(raw: list[str]) -> list[str]:
    from briefing.store.model import normalise_tag

    tags = dict.fromkeys(t for t in (normalise_tag(x) for x in raw) if t and t != "fixed")
    return list(tags) or ["t"]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(note=MARKDOWNISH, tags=st.lists(TAG, min_size=1, max_size=4), author=TAG,
       orphan_id=TAG)
def test_fuzzed_notes_and_tags_never_change_the_structure(corpus, note, tags, author,
                                                          orphan_id):
    from briefing.text import clean_line

    tags = usable_tags(tags)
    orphan_id = clean_line(orphan_id) or "x"
    fuzzed = [ann("a-01", tags, note, author=author), ann("b-01", ["fixed"], "after"),
              ann(orphan_id + "-gone", tags, note, author=author, quote=note)]
    plain = [f"t{n}" for n in range(len(tags))]
    baseline = [ann("a-01", plain, "n", author="a"), ann("b-01", ["fixed"], "after"),
                ann(orphan_id + "-gone", plain, "n", author="a", quote="q")]
    meta, body = split_front_matter(render(corpus, fuzzed))
    _, base_body = split_front_matter(render(corpus, baseline))
    assert meta["annotations"] == 3  # the front matter still parses
    # Same skeleton; only the tag headings' text (the tags themselves) may differ.
    got, want = structure(body), structure(base_body)
    assert [k for k, _ in got] == [k for k, _ in want]
    for (_, text), (_, want_text) in zip(got, want):
        if not want_text.startswith("`"):
            assert text == want_text
    # The note reads exactly as typed (line breaks and paragraphs kept, nothing formatted).
    assert note_as_rendered(body, "1,960 peacekeepers") == note_as_typed(note)
    # The tags survive as code spans, exactly.
    spans = {c.content for t in MD.parse(body) if t.type == "inline"
             for c in t.children or [] if c.type == "code_inline"}
    assert set(tags) <= spans


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(note=MARKDOWNISH, tags=st.lists(TAG, min_size=1, max_size=3))
def test_fuzzed_export_passes_the_linter(corpus, note, tags):
    text = render(corpus, [ann("a-01", usable_tags(tags), note), ann("b-02", ["x"], note)])
    assert lint(text) == []


# ---------------------------------------------------------------------------- files
def test_write_export_is_atomic_and_refuses_to_overwrite(tmp_path):
    target = tmp_path / "brief.md"
    write_export(target, "one\n")
    with pytest.raises(ExportError, match="--force"):
        write_export(target, "two\n")
    assert target.read_text() == "one\n"
    target.chmod(0o640)
    write_export(target, "three\n", force=True)
    assert target.read_text() == "three\n" and (target.stat().st_mode & 0o777) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["brief.md"]  # no temporary file left
    with pytest.raises(ExportError, match="folder"):
        write_export(tmp_path, "x")


def test_safe_filename_has_no_folders_or_traversal():
    assert safe_filename("../../etc/passwd", ".md") == "etc-passwd.md"
    assert safe_filename("Armenia, Russia & the CSTO", ".md") == "armenia-russia-the-csto.md"
    assert safe_filename("...", ".json") == "briefing-annotations.json"
    assert safe_filename("Ünïcödé/\\x", ".md") == "unicode-x.md"


def test_a_note_ending_in_a_control_character_leaves_no_trailing_space(corpus):
    # Found by the fuzzer: the escape character is dropped, the space before it was not.
    for note in ("0\n\x1b", "word \x1b", "a\n\x07\nb", "x\u200b"):
        text = render(corpus, [ann("a-01", ["t"], note), ann("b-02", ["x"], note)])
        assert lint(text) == [], note
