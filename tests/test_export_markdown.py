"""The Markdown brief and the JSON export (issue 6 §4).

Structure is checked with a real parser (markdown-it-py: headings, blockquotes, and no HTML,
code blocks, links or tables coming from user text) and a real linter (pymarkdownlnt with the
repo's .pymarkdown.json).  Hypothesis fuzzes notes, tags, authors and claim ids.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from briefing.export import build_brief, render_json, render_markdown
from briefing.export.mdsafe import code_span, escape_block, escape_inline
from briefing.export.write import ExportError, safe_filename, write_export
from briefing.store.model import Annotation
from briefing.store.query import Filters, select
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
                  "sections": [["First paragraph.", "We saw 1,960 peacekeepers arrive."],
                               ("Heading", ["Text with 1 900 men."])]},
            "b": {"title": "Beta", "sections": [["Lead of b, about the ceasefire."]]},
        },
        "claims": [
            {"article": "a", "quote": "1,960 peacekeepers", "events": ["war", "cease"]},
            {"article": "a", "quote": "1 900 men", "events": ["cease"]},
            {"article": "b", "quote": "about the ceasefire", "events": ["cease"]},
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


def render(corpus, annotations, filters=None):
    brief = build_brief(annotations, corpus, filters or Filters(), generated=STAMP)
    return render_markdown(brief, corpus.title)


# ---------------------------------------------------------------------------- layout
def test_brief_layout_grouping_citations_and_lint(corpus):
    text = render(corpus, [ann("a-01", ["russia", "figures"], "Check this."),
                           ann("a-02", ["russia"], "Second note"),
                           ann("a-02", ["csto"], "Bob's view", author="bob"),
                           ann("b-01", ["csto"]), ann("b-02", ["misc"], "no event"),
                           ann("gone-01", ["old"], "orphan", quote="an old quote")])
    meta, body = split_front_matter(text)
    assert meta == {"title": "Synthetic briefing: annotations", "generated": STAMP,
                    "briefing": "Synthetic briefing", "filters": {}, "annotations": 6}
    headings = [h for h in structure(body) if h[0].startswith("h")]
    assert headings == [
        ("h1", "Synthetic briefing: annotations"), ("h2", "Summary"),
        ("h3", "By tag"), ("h3", "By source"), ("h3", "By event"),
        ("h2", "The war (2020-09-27 to 2020-11-10)"), ("h3", "Jane Doe: *Alpha*"),
        ("h4", "Claim `a-01`"),
        ("h2", "The ceasefire (2020-11-09)"), ("h3", "Jane Doe: *Alpha*"), ("h4", "Claim `a-02`"),
        ("h3", "unknown author: *Beta*"), ("h4", "Claim `b-01`"),
        ("h2", "Claims not linked to an event"), ("h3", "unknown author: *Beta*"),
        ("h4", "Claim `b-02`"),
        ("h2", "Annotations on claims no longer in the briefing"), ("h3", "Claim `gone-01`"),
        ("h2", "Sources"),
    ]
    # One blockquote per claim (a-02 has two authors, one quote), nothing else risky.
    assert [k for k, _ in structure(body) if not k.startswith("h")] == [
        "bullet_list_open", "bullet_list_open", "bullet_list_open", *["blockquote_open"] * 5,
        "ordered_list_open"]
    assert ("> — Jane Doe, *Alpha*, outlet unknown, 2023-02; opening section, paragraph 2, "
            "`a/0/2`; events: The war, The ceasefire") in body
    assert "section 1 “Heading”, paragraph 1, `a/1/1`" in body
    assert "- `csto`: 2\n- `russia`: 2\n" in body
    assert "- The war (2020-09-27 to 2020-11-10): 1\n- The ceasefire (2020-11-09): 4" in body
    assert "*bob, 2026-01-02*: tags `csto`\n\nBob's view" in body
    assert "> an old quote" in body
    assert "1. Jane Doe, *Alpha*, outlet unknown, 2023-02 (`a`)" in body
    assert lint(text) == []


def test_filters_are_recorded_and_applied(corpus):
    annotations = [ann("a-01", ["russia"]), ann("b-01", ["csto"]), ann("a-02", ["csto"])]
    filters = Filters.make(tags=["CSTO"], sources=["b"])
    chosen = select(annotations, corpus, filters)
    assert [a.claim_id for a in chosen] == ["b-01"]
    text = render(corpus, chosen, filters)
    meta, body = split_front_matter(text)
    assert meta["filters"] == {"tags": ["csto"], "sources": ["b"]}
    assert "Filters: tags: `csto`; sources: `b`." in body
    assert "a-01" not in body and lint(text) == []


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


def note_as_rendered(body: str, claim_id: str) -> str:
    """The text a reader sees for the note under a claim's heading, per markdown-it."""
    tokens = MD.parse(body)
    start = next(i for i, t in enumerate(tokens) if t.type == "inline"
                 and t.content == f"Claim `{claim_id}`")
    paragraphs, seen_who = [], False
    for tok in tokens[start + 1:]:
        if tok.type == "heading_open":
            break
        if tok.type != "inline" or tok.level != 1:  # top-level paragraphs only
            continue
        if not seen_who:  # the "*author, date*: tags" line comes first
            seen_who = True
            continue
        parts = []
        for child in tok.children or []:
            parts.append({"text": child.content, "softbreak": " ", "hardbreak": "\n"}
                         .get(child.type, f"<{child.type}>"))
        paragraphs.append("".join(parts))
    return "\n\n".join(paragraphs)


def usable_tags(raw: list[str]) -> list[str]:
    from briefing.store.model import normalise_tag

    return [t for t in (normalise_tag(x) for x in raw) if t] or ["t"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(note=MARKDOWNISH, tags=st.lists(TAG, min_size=1, max_size=4), author=TAG,
       orphan_id=TAG)
def test_fuzzed_notes_and_tags_never_change_the_structure(corpus, note, tags, author,
                                                          orphan_id):
    from briefing.text import clean_line

    tags = usable_tags(tags)
    orphan_id = clean_line(orphan_id) or "x"
    fuzzed = [ann("a-01", tags, note, author=author), ann("b-01", ["fixed"], "after"),
              ann(orphan_id + "-gone", tags, note, author=author, quote=note)]
    baseline = [ann("a-01", ["t"], "n", author="a"), ann("b-01", ["fixed"], "after"),
                ann(orphan_id + "-gone", ["t"], "n", author="a", quote="q")]
    meta, body = split_front_matter(render(corpus, fuzzed))
    _, base_body = split_front_matter(render(corpus, baseline))
    assert meta["annotations"] == 3  # the front matter still parses
    # Same skeleton, except the orphan's heading text, which holds the (escaped) id.
    got, want = structure(body), structure(base_body)
    assert len(got) == len(want)
    for (kind, text), (want_kind, want_text) in zip(got, want):
        assert kind == want_kind
        if not want_text.startswith("Claim `") or "-gone" not in want_text:
            assert text == want_text
    # The note reads exactly as typed (line breaks and paragraphs kept, nothing formatted).
    assert note_as_rendered(body, "a-01") == note_as_typed(note)
    # The tags survive as code spans, exactly.
    spans = {c.content for t in MD.parse(body) if t.type == "inline"
             for c in t.children or [] if c.type == "code_inline"}
    assert set(tags) <= spans


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(note=MARKDOWNISH, tags=st.lists(TAG, min_size=1, max_size=3))
def test_fuzzed_export_passes_the_linter(corpus, note, tags):
    text = render(corpus, [ann("a-01", usable_tags(tags), note), ann("b-02", ["x"], note)])
    assert lint(text) == []


# ---------------------------------------------------------------------------- JSON, files
def test_json_export_carries_the_same_content(corpus):
    annotations = [ann("a-01", ["russia"], "n1"), ann("gone-01", ["old"], "orphan")]
    brief = build_brief(annotations, corpus, Filters.make(tags=[]), generated=STAMP)
    data = json.loads(render_json(brief))
    assert data["summary"] == {"annotations": 2, "claims": 2, "by_tag": {"old": 1, "russia": 1},
                               "by_source": {"a": 1}, "by_event": {"war": 1, "cease": 1}}
    [group] = data["groups"]
    assert group["event"]["id"] == "war"
    [claim] = group["sources"][0]["claims"]
    assert claim["quote"] == "1,960 peacekeepers"
    assert claim["citation"]["paragraph_id"] == "a/0/2"
    assert claim["annotations"][0]["note"] == "n1"
    assert data["orphaned"][0]["claim_id"] == "gone-01" and not data["orphaned"][0]["exists"]
    assert [s["id"] for s in data["sources"]] == ["a"]


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
