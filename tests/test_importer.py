"""The importer: the five seeds (bodies reproduced byte for byte, quirks handled) and layouts
it has never seen (fixtures written here), plus the `briefing import` command."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing.importer import import_file, import_text
from briefing.importer.audit import lost_words

ROOT = Path(__file__).resolve().parents[1]
# The raw seeds are kept in the repository (tests work on a fresh machine); the originals live
# in ../shared/seeds beside the repository, and test_seed_copies_match checks they agree.
SEEDS = Path(__file__).resolve().parent / "fixtures" / "seeds"
SHARED_SEEDS = ROOT.parent / "shared" / "seeds"
CONTENT = ROOT / "content" / "articles"
SEED_IDS = {
    "000_85cc1d9da35f1678.txt": "jafarli-2023",
    "001_be0dc0b07d43a244.txt": "tadevosian-2023",
    "002_dfc4ea22a266b7c5.txt": "dupuy-2022",
    "003_736e2f8fec6d5db4.txt": "paylan-2023",
    "004_b894aca6228700f4.txt": "armenia-isolation-2023",
}
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="raw seeds not present")


@pytest.mark.skipif(not SHARED_SEEDS.is_dir(), reason="../shared/seeds not present")
def test_seed_copies_match_the_shared_originals():
    for name in SEED_IDS:
        assert (SEEDS / name).read_bytes() == (SHARED_SEEDS / name).read_bytes(), name


def body_of(markdown: str) -> str:
    """The body after the front matter (metadata is corrected by hand; bodies are not)."""
    match = re.match(r"^---\n.*?\n---\n", markdown, re.S)
    assert match, "no front matter"
    return markdown[match.end():]


@needs_seeds
@pytest.mark.parametrize("name", sorted(SEED_IDS))
def test_seed_bodies_are_reproduced_byte_for_byte(name):
    result = import_file(SEEDS / name, SEED_IDS[name])
    committed = (CONTENT / f"{SEED_IDS[name]}.md").read_text(encoding="utf-8")
    assert body_of(result.markdown) == body_of(committed)


@needs_seeds
@pytest.mark.parametrize("name", sorted(SEED_IDS))
def test_seed_no_word_lost(name):
    result = import_file(SEEDS / name, SEED_IDS[name])
    raw = (SEEDS / name).read_text(encoding="utf-8")
    assert not lost_words(raw, result.markdown, result.report.dropped_text())
    assert not [w for w in result.report.warnings if "importer bug" in w]


# --- seed quirks -------------------------------------------------------------------------


def _seed(name: str):
    return import_file(SEEDS / name, SEED_IDS[name])


def _dropped(result, what: str) -> list[str]:
    return [d.text for d in result.report.dropped if d.what == what]


@needs_seeds
def test_seed_000_byline_page_breaks_and_dead_links():
    r = _seed("000_85cc1d9da35f1678.txt")
    assert r.meta.authors == ["Shahin Jafarli"]  # second spelling recognised, not a 2nd author
    assert r.meta.title == "Crisis in Allied Relations Between Armenia and Russia"
    assert "written by" not in r.body
    # sentences cut by page breaks are whole again, even when the second half starts upper-case
    assert "European Union Mission in Armenia (EUMA)." in r.body
    assert "Undoubtedly, the West is against" in r.body
    assert "cannot conceal its concern about attempts" in r.body
    assert "This is a long-term process" in r.body  # hyphenated across the break
    assert "](#)" not in r.body and "In my article posted" in r.body
    assert "$3,8 billion" in r.body and "\\$" not in r.body and "$2,1 billion" in r.body
    headings = [b.flat for b in r.blocks if b.kind == "heading"]
    assert headings == ["What does the European Union want to achieve?", "Azerbaijan's position",
                        "Russia's reaction", "Armenia in a security vacuum", "Conclusion"]


@needs_seeds
def test_seed_001_footnotes_bottom_byline_translator_and_date():
    r = _seed("001_be0dc0b07d43a244.txt")
    assert r.meta.authors == ["Manik Tadevosian"]
    assert r.meta.translator == "Assen Slim" and r.meta.original_language == "fr"
    assert r.meta.published == "2023-07-03"  # 03/07/2023 under a French label: day first
    assert list(r.notes) == ["1", "2", "3", "4", "5", "6", "7"]
    assert "continued to multiply[^1]." in r.body and "<sup>" not in r.body
    assert "[^7]: Laure Delcour" in r.body
    assert "member states of the Commonwealth" in r.body  # joined across the '---' rule
    assert "Notes:" not in r.body and "Description" not in r.body
    assert _dropped(r, "image caption")[0].startswith("**Thumbnail:**")
    assert _dropped(r, "author bio")[0].startswith("\\* Manik Tadevosian is")
    assert "Back to the top" in _dropped(r, "back-to-top link")[0]
    assert [b.level for b in r.blocks if b.kind == "heading"] == [2, 3, 3]
    assert "### A diplomatic dilemma for the Kremlin" in r.body  # bold markers removed


@needs_seeds
def test_seed_002_interview_comments_and_french_passage():
    r = _seed("002_dfc4ea22a266b7c5.txt")
    assert r.meta.genre == "interview" and r.meta.authors == ["Emmanuel Dupuy"]
    headings = [b.flat for b in r.blocks if b.kind == "heading"]
    assert len(headings) == 5 and all(h.rstrip().endswith("?") for h in headings)
    assert headings[0].startswith("Many bombardments")  # "Atlantic :" label taken off
    assert "Atlantic :" not in r.body and "Emmanuel Dupuy :" not in r.body
    assert sorted(_dropped(r, "speaker label")) == ["Atlantic :", "Emmanuel Dupuy :"]
    comments = _dropped(r, "comment section")
    assert len(comments) == 1 and "Россию бессмысленно" in comments[0]
    assert "Notify of" not in r.body and "Быков" not in r.body
    assert re.search(r"^Les autres acteurs .*occidentale\.\n\{: lang=\"fr\"\}$", r.body, re.M)
    assert "Non. This is a minor case" in r.body  # the English part stays unmarked
    # half-French sentences and a French question cannot be marked: a person is told
    assert any(w.startswith("line 29: a sentence mixes fr and en") for w in r.report.warnings)
    assert any(w.startswith("line 27: heading looks fr") for w in r.report.warnings)


@needs_seeds
def test_seed_003_close_button_category_bio_and_next_author():
    r = _seed("003_736e2f8fec6d5db4.txt")
    assert r.meta.title == "Why deepening Russia-Azerbaijan ties should worry the United States"
    assert r.meta.authors == ["Sheila Paylan"]
    assert _dropped(r, "close button") == ["X"]
    assert _dropped(r, "category header") == ["Categories: 2023"]
    assert _dropped(r, "trailing name") == ["Talar Tumanian:"]
    assert _dropped(r, "author bio")[0].startswith("Sheila Paylan is a human rights lawyer")
    assert "Talar" not in r.body and "human rights lawyer" not in r.body
    assert r.body.rstrip().endswith("transition from war to lasting peace.")


@needs_seeds
def test_seed_004_promotion_blocks_and_title_subtitle():
    r = _seed("004_b894aca6228700f4.txt")
    assert (r.meta.title, r.meta.subtitle) == (
        "Armenia’s Growing Isolation", "Room for Compromise on Nagorno-Karabakh?")
    assert r.meta.authors == []
    kinds = [d.what for d in r.report.dropped]
    assert kinds.count("image caption") == 1 and "follow-us block" in kinds
    assert "newsletter block" in kinds and "donation block" in kinds
    assert "Reset" not in r.body and "Cover photo" not in r.body and "newsletter" not in r.body
    assert r.body.rstrip().endswith("waiting for a reversal of fortunes.")
    assert sum(1 for b in r.blocks if b.kind == "para") == 18


# --- layouts the importer has never seen -------------------------------------------------


def imp(text: str, name: str = "unseen.txt", article_id: str | None = None):
    result = import_text(text, name, article_id)
    lost = lost_words(text, result.markdown, result.report.dropped_text())
    assert not lost, f"words lost: {lost}"
    return result


NEWS = """Ceasefire talks resume in Geneva

By Anna Berg and Karl Holm | Published 12 March 2021

GENEVA - Negotiators from both sides met on Friday for the first time since the autumn, \
officials said.

The talks, hosted by the Swiss government, are expected to last three days.

Share this article

Related: [Earlier talks collapsed](#)
"""


def test_news_byline_with_two_authors_and_date():
    r = imp(NEWS)
    assert r.meta.title == "Ceasefire talks resume in Geneva"
    assert r.meta.authors == ["Anna Berg", "Karl Holm"]
    assert r.meta.published == "2021-03-12"
    assert r.article_id == "berg-2021"
    assert r.fields["provenance"]["published"][0] == "stated"
    assert "By Anna Berg" not in r.body and "Published" not in r.body
    assert "Share this article" not in r.body
    assert r.body.startswith("GENEVA - Negotiators")


def test_crlf_cp1252_file_is_decoded_with_a_warning(tmp_path):
    raw = ("Caf\xe9 diplomacy in Baku\r\n\r\nBy Jos\xe9 Mart\xednez\r\n\r\n"
           "The \x93agreement\x94 was signed on 3 May 2022 \x96 after long talks.\r\n"
           "It was welcomed in Yerevan.\r\n").encode("latin-1")
    path = tmp_path / "windows.txt"
    path.write_bytes(raw)
    r = import_file(path)
    assert any("cp1252" in w for w in r.report.warnings)
    assert r.meta.title == "Café diplomacy in Baku" and r.meta.authors == ["José Martínez"]
    assert "The “agreement” was signed on 3 May 2022 – after long talks. It was welcomed" in r.body
    assert "\r" not in r.markdown


def test_utf8_bom_is_dropped(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffTitle here\n\nSome text that ends.\n".encode("utf-8"))
    r = import_file(path)
    assert r.meta.title == "Title here" and not r.report.warnings


MARKDOWN = """# The Corridor Question

A lead paragraph before any heading.

## Background

The corridor opened in 2020[1] and closed in 2023[2]. See the \\$100 toll and \
[the UN report](https://un.org/report) and [this](#).

### Details

Trucks waited for days.

## Notes

[1] First note, with a [link](https://example.org).
[2] Second note.
"""


def test_markdown_headings_levels_and_bracket_footnotes():
    r = imp(MARKDOWN)
    assert r.meta.title == "The Corridor Question"
    assert [(b.level, b.flat) for b in r.blocks if b.kind == "heading"] == [
        (2, "Background"), (3, "Details")]
    assert r.notes == {"1": "First note, with a [link](https://example.org).",
                       "2": "Second note."}
    assert "opened in 2020[^1] and closed in 2023[^2]." in r.body
    assert "[^2]: Second note." in r.body and "## Notes" not in r.body
    assert "$100 toll" in r.body and "[the UN report](https://un.org/report)" in r.body
    assert "and this." in r.body  # the dead link is reduced to its text
    assert r.body.startswith("A lead paragraph before any heading.")


def test_only_third_level_headings_become_sections():
    r = imp("# T\n\n### One\n\nText one.\n\n### Two\n\nText two.\n")
    assert [b.level for b in r.blocks if b.kind == "heading"] == [2, 2]
    assert "## One" in r.body


QA = """"We will not give up the corridor"

An interview with the minister, conducted in Yerevan.

Q: Why did the talks fail?

A: Because the other side wanted everything at once.

Q: What happens next?

A: We wait, and we talk to our partners.
"""


def test_qa_interview_questions_become_sections():
    r = imp(QA)
    assert r.meta.genre == "interview"
    assert [b.flat for b in r.blocks if b.kind == "heading"] == [
        "Why did the talks fail?", "What happens next?"]
    assert "Q:" not in r.body and "A:" not in r.body
    assert "\n\nBecause the other side wanted everything at once.\n\n" in r.body
    assert r.body.startswith("An interview with the minister")


def test_named_speakers_are_kept_when_there_are_two_interviewees():
    text = ("Round table\n\nHost : What is at stake?\n\nAnna Berg : The border itself.\n\n"
            "Karl Holm : The corridor, above all.\n")
    r = imp(text)
    assert r.meta.genre == "interview"
    assert "Anna Berg : The border itself." in r.body and "Karl Holm : The corridor" in r.body
    assert "## What is at stake?" in r.body


PAGE_BREAK = """Border report

The negotiations were described by both delegations as a long-

---

term effort that would need patience and outside help. Observers were

sent to the border in October. The mission has 100 staff
and a two-year mandate.

Its headquarters are in Yerevan.
"""


def test_page_break_with_rule_and_hyphenation_is_rejoined():
    r = imp(PAGE_BREAK)
    paras = [b.flat for b in r.blocks if b.kind == "para"]
    assert paras == [
        "The negotiations were described by both delegations as a long-term effort that would "
        "need patience and outside help. Observers were sent to the border in October. The "
        "mission has 100 staff and a two-year mandate.",
        "Its headquarters are in Yerevan.",
    ]
    assert [d.what for d in r.report.dropped] == ["horizontal rule"]
    assert not [b for b in r.blocks if b.kind == "heading"]


GERMAN = """Voices from Berlin

The German government has been cautious about the conflict, and its statements have been \
brief.

Die Regierung hat nicht gesagt, ob sie die Grenze öffnen wird, und die Opposition ist mit dem \
Vorschlag nicht einverstanden.

The opposition in Berlin has since asked for a debate in the Bundestag.
"""


def test_german_passage_is_marked():
    r = imp(GERMAN)
    assert r.language == "en"
    assert [b.lang for b in r.blocks if b.kind == "para"] == [None, "de", None]
    assert 'nicht einverstanden.\n{: lang="de"}\n' in r.body


def test_plain_text_headings_and_question_heading():
    text = ("A plain report\n\nThe first paragraph sets the scene and ends here.\n\n"
            "Military balance\n\nThe second paragraph is about troops.\n\n"
            "What comes next?\n\nNobody knows.\n")
    r = imp(text)
    assert [b.flat for b in r.blocks if b.kind == "heading"] == ["Military balance",
                                                                 "What comes next?"]


def test_sup_marker_without_note_is_kept_as_text_with_a_warning():
    r = imp("Title\n\nA claim<sup>3</sup> with no notes list.\n")
    assert "A claim(3) with no notes list." in r.body
    assert any("footnote marker" in w for w in r.report.warnings)


def test_written_by_translator_and_date_field_variants():
    text = ("A Note on Nakhchivan\n\nwritten by Ivan PETROV\n\nPublished: March 5, 2022\n\n"
            "The exclave is linked to Turkey by a short border.\n\n"
            "Translated from Russian by Olga Smirnova\n")
    r = imp(text)
    assert r.meta.authors == ["Ivan Petrov"] and r.meta.published == "2022-03-05"
    assert r.meta.translator == "Olga Smirnova" and r.meta.original_language == "ru"
    assert r.body == "The exclave is linked to Turkey by a short border.\n"


def test_ambiguous_numeric_date_under_english_label_is_not_guessed():
    r = imp("Title\n\nSome text here.\n\nDate created\n\n03/07/2023\n")
    assert r.meta.published is None
    assert any("ambiguous" in w for w in r.report.warnings)


def test_file_with_only_boilerplate_leaves_no_paragraph():
    r = imp("X\nCategories: News\n\nFollow us on Twitter\n\nSign up for our newsletter\n")
    assert r.empty
    assert "close button" in [d.what for d in r.report.dropped]


@pytest.mark.parametrize("data, line, message", [
    (b"", 1, "empty"),
    (b"\n  \n\t\n", 1, "empty"),
    (b"Title\n\nText\n\x00\x01\x02binary", 4, "binary"),
])
def test_unreadable_files_give_a_path_line_problem(tmp_path, data, line, message):
    from briefing.importer import ReadError

    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(ReadError) as info:
        import_file(path)
    assert info.value.problem.line == line and message in info.value.problem.message
    assert str(info.value.problem).startswith(f"{path}:{line}: ")


# --- the command ---------------------------------------------------------------------------


def run_cli(*args: str):
    from click.testing import CliRunner

    from briefing.cli import main

    return CliRunner().invoke(main, ["import", *args], catch_exceptions=False)


@needs_seeds
def test_cli_imports_reports_and_refuses_to_overwrite(tmp_path):
    seed = SEEDS / "003_736e2f8fec6d5db4.txt"
    result = run_cli(str(seed), "--out", str(tmp_path), "--id", "paylan-2023")
    assert result.exit_code == 0, result.output
    written = tmp_path / "articles" / "paylan-2023.md"
    assert body_of(written.read_text()) == body_of((CONTENT / "paylan-2023.md").read_text())
    assert "dropped 1 close button, 1 category header" in result.output
    written.write_text("edited by hand")
    again = run_cli(str(seed), "--out", str(tmp_path), "--id", "paylan-2023")
    assert again.exit_code == 1
    assert f"{written}:1: article exists; not overwritten" in again.output
    assert written.read_text() == "edited by hand"
    forced = run_cli(str(seed), "--out", str(tmp_path), "--id", "paylan-2023", "--force")
    assert forced.exit_code == 0 and written.read_text() != "edited by hand"
    assert not list((tmp_path / "articles").glob(".*tmp"))  # no temp file left behind


@needs_seeds
def test_cli_report_prints_every_dropped_piece_in_full(tmp_path):
    result = run_cli(str(SEEDS / "002_dfc4ea22a266b7c5.txt"), "--out", str(tmp_path), "--report")
    assert result.exit_code == 0, result.output
    assert "Организация ОДКБ выполняет все свои функции" in result.output
    assert "002_dfc4ea22a266b7c5.txt:36: dropped comment section" in result.output
    assert (tmp_path / "articles" / "dupuy.md").exists()


def test_cli_bad_files_are_path_line_messages_without_traceback(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    good = tmp_path / "good.txt"
    good.write_text("A title\n\nBy Anna Berg\n\nSome text that ends.\n")
    missing = tmp_path / "missing.txt"
    result = run_cli(str(missing), str(empty), str(binary), str(good), "--out", str(tmp_path))
    assert result.exit_code == 1
    assert f"{missing}: no such file" in result.output
    assert f"{empty}:1: empty file" in result.output
    assert f"{binary}:3: binary file" in result.output  # the NUL is on line 3
    assert "Traceback" not in result.output
    assert (tmp_path / "articles" / "berg.md").exists()  # the good file is still imported


def test_cli_boilerplate_only_writes_nothing(tmp_path):
    junk = tmp_path / "junk.txt"
    junk.write_text("X\n\nFollow us on Twitter\n\nSign up for our newsletter\n")
    result = run_cli(str(junk), "--out", str(tmp_path))
    assert result.exit_code == 1
    assert f"{junk}:1: no article text left (only a title, metadata or boilerplate)" in result.output
    assert "Follow us on Twitter" in result.output  # the report says what was dropped
    assert not (tmp_path / "articles").exists()


def test_cli_id_needs_exactly_one_file_and_a_valid_id(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("T\n\nText.\n")
    b.write_text("U\n\nText.\n")
    assert run_cli(str(a), str(b), "--id", "x", "--out", str(tmp_path)).exit_code == 2
    bad = run_cli(str(a), "--id", "../escape", "--out", str(tmp_path))
    assert bad.exit_code == 2 and not (tmp_path.parent / "escape.md").exists()


def test_importer_and_command_do_not_import_textual():
    import subprocess
    import sys

    code = ("import sys, briefing.importer, briefing.cli.cmd_import; "
            "print('textual' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --- property: whatever the layout, no word is lost and nothing crashes ---------------------

from hypothesis import HealthCheck, assume, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

PIECES = [
    "X", "Categories: 2023", "By Anna Berg", "written by Ivan PETROV", "Notify of",
    "Follow us on Twitter", "Sign up for our newsletter", "Please consider a donation",
    "[Back to top](#)", "---", "## A heading", "# Title", "Notes:", "- (1) A note.",
    "[1] Another note.", "Q: Why now?", "A: Because.", "Atlantic : What now ?",
    "Emmanuel Dupuy : We wait.", "Talar Tumanian:", "**date créée**", "03/07/2023",
    "Auteur-article : Jean DUPONT*", "Translated from French by Anna Berg",
    "Cover photo: a bridge.", "Anna Berg is a writer.", "\\* Anna Berg is a writer.",
    "A sentence cut in", "the middle continues here.", "a long-", "term plan.",
    "Die Regierung hat nicht gesagt, ob sie die Grenze öffnen wird, und die Opposition ist dagegen.",
    "Les autres acteurs sont minorés du fait de l’accord tacite entre la Russie et la Turquie.",
    "Text with a [dead link](#) and \\$5 and <sup>(1)</sup> marker.", "What comes next?",
    "Short Title Case Line", "Plain sentence that ends properly.", "Россия и Армения.",
]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.lists(st.sampled_from(PIECES), min_size=1, max_size=3), min_size=1,
                max_size=14))
def test_any_layout_loses_no_word(blocks):
    text = "\n\n".join("\n".join(lines) for lines in blocks) + "\n"
    result = import_text(text, "generated.txt")
    assert not lost_words(text, result.markdown, result.report.dropped_text())
    for block in result.blocks:  # output is always well-formed content
        assert block.kind in ("para", "heading") and block.flat.strip()
        if block.kind == "heading":
            assert block.level in (2, 3) and "\n" not in block.text


def _load_back(tmp_path: Path, markdown: str, name: str = "generated"):
    """Write an import as an article file and read it with the loader (the format contract)."""
    from briefing.loading.articles import load_article

    path = tmp_path / f"{name}.md"
    path.write_text(markdown, encoding="utf-8")
    return load_article(path)


def _para_texts(result) -> list[tuple[str | None, str | None]]:
    return [(b.lang, b.flat) for b in result.blocks if b.kind == "para"]


@settings(max_examples=100, deadline=None, suppress_health_check=[
    HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.lists(st.sampled_from(PIECES), min_size=1, max_size=3), min_size=1,
                max_size=10))
def test_any_import_loads_without_problems(tmp_path, blocks):
    text = "\n\n".join("\n".join(lines) for lines in blocks) + "\n"
    result = import_text(text, "generated.txt", "generated")
    assume(not result.empty)  # the command refuses to write those (tested above)
    article, problems = _load_back(tmp_path, result.markdown)
    assert not problems, [str(p) for p in problems]
    assert len(list(article.paragraphs())) == sum(1 for b in result.blocks if b.kind == "para")
    plain = lambda t: re.sub(r"[*_\\]", "", t)  # the loader keeps headings' plain text
    assert [plain(s.title) for s in article.sections if s.title] == [
        plain(b.flat) for b in result.blocks if b.kind == "heading"]
    assert {f.label for f in article.footnotes} == set(result.notes)


@needs_seeds
@pytest.mark.parametrize("name", sorted(SEED_IDS))
def test_seed_import_loads_with_same_paragraphs_and_languages(tmp_path, name):
    result = import_file(SEEDS / name, SEED_IDS[name])
    article, problems = _load_back(tmp_path, result.markdown, SEED_IDS[name])
    assert not problems, [str(p) for p in problems]
    assert [p.lang for p in article.paragraphs()] == [lang for lang, _ in _para_texts(result)]
    assert [f.label for f in article.footnotes] == list(result.notes)


FRONT_MATTER = """---
title: "Gas, roads and rails"
author: [Anna Berg, Karl Holm]
date: 2022-11-04
lang: en
url: https://example.org/gas
tags: [energy, corridor]
---

# Gas, roads and rails

Azerbaijan agreed to double its gas deliveries to Europe.

Related: [Why gas matters](https://example.org/why)

© 2022 Example Media. All rights reserved.
"""


def test_markdown_with_its_own_front_matter():
    r = imp(FRONT_MATTER)
    assert r.meta.title == "Gas, roads and rails"
    assert r.meta.authors == ["Anna Berg", "Karl Holm"] and r.meta.published == "2022-11-04"
    assert r.fields["url"] == "https://example.org/gas"
    assert r.fields["provenance"]["authors"] == ("stated", "the file's front matter (author)")
    assert r.body == "Azerbaijan agreed to double its gas deliveries to Europe.\n"
    dropped = sorted(r.report.dropped, key=lambda d: d.line)
    assert [d.what for d in dropped] == ["source front matter", "duplicate title",
                                         "related-article link", "copyright notice"]
    assert "tags: [energy, corridor]" in dropped[0].text  # keys with no place are reported
    assert dropped[1].line == 10  # line numbers are still those of the raw file


def test_page_furniture_variants():
    text = ("Title of the piece\n\n5 min read\n\nShare\nTweet\nEmail\n\n"
            "The first paragraph of the article ends here.\n\nAdvertisement\n\n"
            "The second paragraph ends here too.\n\nTags: Armenia, Russia\n")
    r = imp(text)
    assert [d.what for d in r.report.dropped] == [
        "advertisement", "share buttons", "advertisement", "category header"]
    assert [b.flat for b in r.blocks] == ["The first paragraph of the article ends here.",
                                          "The second paragraph ends here too."]


def test_numbered_and_setext_headings():
    text = ("Report title\n============\n\n1. Introduction\n\nThe text of the introduction.\n\n"
            "Results\n-------\n\nWhat we found.\n\nIV. Conclusions\n\nWhat it means.\n")
    r = imp(text)
    assert r.meta.title == "Report title"
    assert [(b.level, b.flat) for b in r.blocks if b.kind == "heading"] == [
        (2, "1. Introduction"), (2, "Results"), (2, "IV. Conclusions")]


def test_no_title_falls_back_to_the_file_name_with_a_warning():
    text = ("This file starts straight away with a long paragraph of running text that is "
            "plainly not a title, because it goes on and on. It has two sentences.\n")
    r = imp(text, "my-notes.txt")
    assert r.meta.title == "my-notes" and r.article_id == "my-notes"
    assert any("no title" in w for w in r.report.warnings)
    assert r.body.startswith("This file starts straight away")


def test_about_the_author_section_is_dropped_as_bio():
    text = ("Title\n\nBy Anna Berg\n\nThe article text ends here.\n\nAbout the author\n\n"
            "Anna Berg covers the Caucasus for a news agency.\n")
    r = imp(text)
    assert r.body == "The article text ends here.\n"
    assert [d.what for d in r.report.dropped] == ["byline", "author bio"]


def test_date_line_under_the_title():
    r = imp("Title\n\nMarch 12, 2021\n\nText of the article.\n")
    assert r.meta.published == "2021-03-12" and r.body == "Text of the article.\n"


def test_markdown_footnote_definitions_in_the_source_are_kept():
    text = ("# Title\n\nA claim[^a] and another[^2].\n\n[^a]: The first source.\n"
            "[^2]: The second source.\n")
    r = imp(text)
    assert r.notes == {"a": "The first source.", "2": "The second source."}
    assert "A claim[^a] and another[^2]." in r.body
    assert "\\[^" not in r.body  # not escaped as if it were text


PDF_TEXT = """THE SOUTH CAUCASUS AFTER 2020
A Policy Paper

Dr. Anna Berg
Institute for Regional Studies
June 2021

1. Introduction

Since the ceasefire of 10 November 2020, the region has been in a state of
uncertain transition. The agreement left open the future of the so-called

- 2 -

corridors through Armenia. This paper examines these questions.

Page 3 of 10

References

1. Smith, J. (2021). The war. London.
2. Doe, A. (2020). The peace. Paris.
"""


def test_pdf_text_title_page_page_numbers_and_hard_wrapped_lines():
    r = imp(PDF_TEXT)
    assert (r.meta.title, r.meta.subtitle) == ("THE SOUTH CAUCASUS AFTER 2020", "A Policy Paper")
    assert r.meta.authors == ["Anna Berg"] and r.meta.published == "2021-06"
    assert r.fields["provenance"]["authors"][0] == "inferred"  # no "By": an inference
    assert [b.flat for b in r.blocks] == [
        "1. Introduction",
        "Since the ceasefire of 10 November 2020, the region has been in a state of uncertain "
        "transition. The agreement left open the future of the so-called corridors through "
        "Armenia. This paper examines these questions."]
    assert sorted(d.what for d in r.report.dropped) == [
        "byline", "notes heading", "page number", "page number"]
    assert r.notes["2"] == "Doe, A. (2020). The peace. Paris."


def test_short_paragraph_of_names_is_not_taken_for_an_author_block():
    text = "Title\n\nArmenia and Azerbaijan\nRussia and Turkey\n\nThe text goes on here.\n"
    r = imp(text)
    assert r.meta.authors == []


def test_utf16_file_with_bom_is_decoded(tmp_path):
    path = tmp_path / "unicode.txt"
    path.write_bytes("Título\r\n\r\nEl texto del artículo.\r\n".encode("utf-16"))
    r = import_file(path)
    assert r.meta.title == "Título" and r.body == "El texto del artículo.\n"
    assert any("UTF-16" in w for w in r.report.warnings)


def test_a_directory_is_refused_with_a_message(tmp_path):
    from briefing.importer import ReadError

    with pytest.raises(ReadError) as info:
        import_file(tmp_path)
    assert str(info.value.problem) == f"{tmp_path}: is a directory, not a file"


def test_front_matter_survives_hostile_titles_and_names():
    import yaml

    text = ('Title: "quoted" \\ back # hash [/b] {x}\n\nBy O\'Brien Smith\n\n'
            "Text \x1b[2J with an escape\u202e and a bidi override.\n")
    r = imp(text)
    data = yaml.safe_load(r.front_matter.strip().strip("-"))
    assert data["title"] == 'Title: "quoted" \\ back # hash [/b] {x}'
    assert data["authors"] == ["O'Brien Smith"]
    assert "'By O'Brien Smith'" in data["provenance"]["authors"]["note"]
    assert "\x1b" not in r.markdown and "\u202e" not in r.markdown


MEDIUM = """Member-only story

How the Lachin corridor closed

Anna Berg
Follow
7 min read · Jan 5, 2023

Listen

Share

The road was closed on 12 December by people who said they were activists.

Trucks have not passed since then.

42 claps
"""


def test_blog_platform_layout():
    r = imp(MEDIUM)
    assert r.meta.title == "How the Lachin corridor closed"
    assert r.meta.authors == ["Anna Berg"] and r.meta.published == "2023-01-05"
    assert [b.flat for b in r.blocks] == [
        "The road was closed on 12 December by people who said they were activists.",
        "Trucks have not passed since then."]
    kinds = sorted(d.what for d in r.report.dropped)
    assert kinds == ["byline", "page control", "page control", "page control", "page control",
                     "share buttons"]


def test_labels_that_are_not_speakers_do_not_make_an_interview():
    text = ("Title\n\nUpdate: What happens to the mission now?\n\n"
            "Note: this article was corrected on Monday.\n\nThe mission goes on.\n")
    r = imp(text)
    assert r.meta.genre is None
    assert "Note: this article was corrected on Monday." in r.body


def test_a_closing_bullet_list_is_not_taken_for_a_bio():
    text = ("Title\n\nThe article lists its sources.\n\n* South Korea is a partner.\n"
            "* North Macedonia is a candidate.\n")
    r = imp(text)
    assert "South Korea is a partner." in r.body and not r.report.dropped


def test_many_page_breaks_join_into_one_paragraph():
    pieces = [f"piece {i} of one sentence that goes on without" for i in range(300)]
    r = imp("Title\n\n" + "\n\n".join(pieces) + " end.\n")
    assert [b.flat for b in r.blocks] == [" ".join(pieces) + " end."]


def test_signature_is_dropped_and_a_stranger_name_is_kept_with_a_warning():
    r = imp("Title\n\nBy Anna Berg\n\nThe text ends here.\n\n— Anna Berg\n")
    assert r.body == "The text ends here.\n"
    assert [d.what for d in r.report.dropped] == ["byline", "signature"]
    r = imp("Title\n\nBy Anna Berg\n\nThe text ends here.\n\nKarl Holm\n")
    assert r.body.endswith("Karl Holm\n")
    assert any("ends with a name alone" in w for w in r.report.warnings)


def test_author_label_before_a_sentence_is_not_a_byline():
    r = imp("Title\n\nThe text begins.\n\nAuthor: I think the war is not over yet.\n")
    assert "Author: I think the war is not over yet." in r.body and r.meta.authors == []


def test_imported_seeds_pass_briefing_check(tmp_path):
    from click.testing import CliRunner

    from briefing.cli import main

    out = tmp_path / 'my "own" briefing'
    for name, article_id in SEED_IDS.items():
        first = run_cli(str(SEEDS / name), "--out", str(out), "--id", article_id)
        assert first.exit_code == 0, first.output
    assert (out / "events.yaml").read_text().rstrip().endswith("[]")
    (out / "events.yaml").write_text("[]  # mine\n")
    assert run_cli(str(SEEDS / "000_85cc1d9da35f1678.txt"), "--out", str(out),
                   "--id", "another").exit_code == 0
    assert (out / "events.yaml").read_text() == "[]  # mine\n"  # never overwritten
    (out / "articles" / "another.md").unlink()
    result = CliRunner().invoke(main, ["check", "--content", str(out)])
    assert result.exit_code == 0, result.output
    assert "5 articles" in result.output


@pytest.mark.parametrize("byline, authors, published", [
    ("*By J. Smith, 2023-02-01*", ["J. Smith"], "2023-02-01"),
    ("By John Smith, 1 February 2023", ["John Smith"], "2023-02-01"),
    ("_By John Smith and Ann Lee, March 3, 2023_", ["John Smith", "Ann Lee"], "2023-03-03"),
    ("*By John Smith*", ["John Smith"], None),
])
def test_markdown_bylines_in_emphasis_or_with_a_comma_before_the_date(byline, authors,
                                                                       published):
    # These lost the author: the name went to the report with the date, or stayed in the body.
    r = imp(f"# Numbers of the Mission\n\n{byline}\n\nThe mission's size changed several "
            "times, as the statements show.\n")
    assert (r.meta.authors, r.meta.published) == (authors, published)
    assert r.body.startswith("The mission's size")
    assert [d.what for d in r.report.dropped] == ["byline"]


PDF_COPY = """Regional Security Review, Vol. 12                                           3

The Collective Security Treaty Organization was founded in 2002 on the basis of a treaty \
signed ten years earlier.

Regional Security Review, Vol. 12                                           4

In January 2022 it deployed troops to Kazakhstan within days.

CHORUS

The response to Armenia was a statement of concern.

CHORUS

- 5 -

This asymmetry is the heart of the matter.
"""


def test_running_headers_of_a_pdf_copy_are_dropped_and_reported():
    r = imp(PDF_COPY, "pdfcopy.txt")
    assert "Regional Security Review" not in r.markdown.split("---", 2)[2]
    assert [d.what for d in r.report.dropped].count("running header") == 2
    # a repeated short line without a page number beside it is not furniture
    assert r.body.count("CHORUS") == 2
    assert r.meta.title != "Regional Security Review, Vol. 12 3"


@pytest.mark.parametrize("front", ["date: 2023-13-45", "x: " + "[" * 3000 + "]" * 3000])
def test_front_matter_that_pyyaml_cannot_build_is_read_as_text(front):
    # PyYAML raises ValueError for an impossible date and RecursionError for deep nesting,
    # neither a YAMLError: `briefing import` printed a traceback.
    r = imp(f"---\n{front}\n---\n\nThe first paragraph of the article ends here.\n", "fm.md")
    assert r.meta.published is None
    assert "The first paragraph of the article ends here." in r.body


def test_cli_fifo_and_device_are_refused_without_blocking(tmp_path):
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)  # reading it would wait for a writer forever
    result = run_cli(str(fifo), "/dev/zero", "--out", str(tmp_path))
    assert result.exit_code == 1
    assert f"{fifo}: not a regular file" in result.output
    assert "/dev/zero: not a regular file" in result.output


def test_cli_file_names_are_shown_as_text_never_as_markup_or_escapes(tmp_path):
    # Rich read "[red]" or "[x]" in a file name as markup (the name shown cut); an ESC in a
    # name went to the terminal as is.
    names = ["[x]a.txt", "[red]b.txt", "c\x1b]0;pwn\x07.txt"]
    for k, name in enumerate(names):
        (tmp_path / name).write_text(f"Title {k}\n\nBy Anna Berg{k}\n\nSome text that ends.\n")
    files = sorted(str(p) for p in tmp_path.iterdir())
    result = run_cli(*files, "--out", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    table = result.output  # piped: plain lines
    assert "[red]b.txt" in table and "[x]a.txt" in table
    assert "\x1b" not in result.output and "c\\x1b]0;pwn\\x07.txt" in table
    from briefing.problems import Problem

    assert str(Problem("a\x1bb\n.md", 2, "bad\x9b")) == "a\\x1bb\\n.md:2: bad\\x9b"


OPED = """OPINION

Why the Corridor Matters More Than the Treaty

By Maria Kowalska | 14 March 2023

The debate over the corridor has been framed as a matter of roads. It is not.

"Nobody in Yerevan believes the old guarantees anymore."

PULL QUOTE: "The treaty promised protection; it delivered a garrison."
"""


def test_section_label_above_the_title_is_not_the_title():
    # "OPINION" was taken as the title and the real title became a section.
    r = imp(OPED, "oped.txt")
    assert r.meta.title == "Why the Corridor Matters More Than the Treaty"
    assert r.meta.genre == "op-ed" and r.fields["provenance"]["genre"][0] == "inferred"
    assert [d.what for d in r.report.dropped][:1] == ["category header"]
    assert not [b for b in r.blocks if b.kind == "heading"]
    # a one-word title with no title line under it stays the title
    assert imp("Analysis\n\nThe debate over the corridor has been framed as roads.\n").meta.title \
        == "Analysis"


HTML_MD = """# The Summit in Review

<div class="byline">By Karen Holt</div>

<script>track("summit")</script>

The summit ended without a joint statement.[^1] Delegates left early.

<STYLE type="text/css">
p { color: red }
</STYLE>

See [the report][rep] for details.

[^1]: As reported by the wires.
"""


def test_html_byline_and_script_blocks_of_a_markdown_page():
    # The <div> byline stayed in the body (author unknown) and the script was article text.
    r = imp(HTML_MD, "html.md")
    assert r.meta.authors == ["Karen Holt"]
    assert "<script" not in r.body and "STYLE" not in r.body and "track" not in r.body
    assert sorted(d.what for d in r.report.dropped) == ["byline", "script", "script"]
    assert r.body.startswith("The summit ended")


@pytest.mark.parametrize("line", ["[" * 100_000, "[x](" * 25_000, "\\" * 100_000,
                                  "<a " * 30_000, '<a href="#">' * 10_000])
def test_pathological_lines_import_in_linear_time(line):
    # Each of these made a regex rescan to the end of the line from every position
    # (quadratic): minutes for a 200 KB line.  Now they finish at once; if one turns
    # quadratic again, this test takes minutes instead of a fraction of a second.
    r = imp(f"# T\n\n{line}\n\nA sentence that ends.\n", "odd.md")
    assert r.body.rstrip().endswith("A sentence that ends.")
