"""briefing.index: spelling variants, word forms, precision, the shared count, the on-disk
index (incremental updates, corruption, concurrent builders) and the no-FTS5 fallback."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from click.testing import CliRunner

from briefing.cli import main
from briefing.index import open_index, store
from briefing.paths import bundled_content

ROOT = Path(__file__).resolve().parent.parent

ARTICLE = """---
id: {id}
title: "{id}"
authors: [Someone]
outlet: null
published: 2023-01-0{n}
language: en
genre: analysis
translator: null
source_file: null
url: null
---

{body}
"""

TEXTS = {
    "one": ["Troops entered Ukraine in February.",
            "The talks in Iran were short, and the war was long.",
            "Pashinyan met the peacekeepers near the border."],
    "two": ["Le corridor de Latchine, selon Pachinian, reste fermé.",
            "A new order was given to the peacekeeping force in Austria.",
            "Премьер Пашинян прибыл в Ереван."],
    "three": ["The Lachin corridor was blocked; Azerbaijan denied a blockade.",
              "Australia and the Russian contingent were mentioned together.",
              "Officials from Georgia met a man called George.",
              "Talks in Berlin, far from Merlin Street, and a Micron plant visited by Macron."],
}


def write_briefing(root: Path, texts: dict[str, list[str]] = TEXTS) -> Path:
    (root / "articles").mkdir(parents=True, exist_ok=True)
    (root / "claims").mkdir(exist_ok=True)
    for n, (aid, paragraphs) in enumerate(texts.items(), 1):
        (root / "articles" / f"{aid}.md").write_text(
            ARTICLE.format(id=aid, n=n, body="\n\n".join(paragraphs)), encoding="utf-8")
    (root / "claims" / "one.yaml").write_text(
        '- id: one-01\n  quote: "Pashinyan met the peacekeepers"\n  events: [x]\n'
        "  kind: fact\n  speaker: author\n", encoding="utf-8")
    return root


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(folder))
    return folder


def settle(*paths: Path, ago: float = 3600.0) -> None:
    """Date the files (every file under a folder) ``ago`` seconds back, past store.RACY_NS:
    as files written a while before a search are, whose stat a refresh trusts."""
    when = time.time_ns() - int(ago * 1e9)
    for path in paths:
        for f in ([path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]):
            os.utime(f, ns=(when, when))


@pytest.fixture
def content(tmp_path, cache):
    root = write_briefing(tmp_path / "content")
    settle(root)
    return root


def ids(results):
    return [h.id for h in results.hits]


def found(results) -> set[str]:
    return {h.id for h in results.hits}


def matched_words(index, query, **kw) -> set[str]:
    """Every word highlighted for ``query``, in every hit."""
    out = set()
    for h in index.find(query, limit=100, **kw).hits:
        for a, b in h.matches:
            out.add(h.snippet[a - h.snippet_start:b - h.snippet_start])
    return out


# --- variants, word forms, transliteration, precision ------------------------------------------

def test_spelling_variants_of_names_are_found_after_exact_matches(content):
    index = open_index(content)
    lachin = index.find("Lachin ")  # trailing space: the word is complete, no prefix
    assert ids(lachin) == ["three/0/1", "two/0/1"]
    assert [h.match for h in lachin.hits] == ["exact", "variant"]
    assert matched_words(index, "Lachin ") == {"Lachin", "Latchine"}
    assert matched_words(index, "Latchine ") == {"Lachin", "Latchine"}
    pashinyan = index.find("Pashinyan ")
    tiers = {h.id: h.match for h in pashinyan.hits}
    assert tiers == {"one/0/3": "exact", "two/0/3": "exact",  # "Пашинян" transliterated
                     "two/0/1": "variant"}  # "Pachinian"
    assert [h.match for h in pashinyan.hits][-1] == "variant"
    assert matched_words(index, "Pashinyan ") == {"Pashinyan", "Pachinian", "Пашинян"}


def test_word_forms_match_through_the_stemmer(content):
    index = open_index(content)
    results = index.find("peacekeepers ")
    assert ids(results) == ["one/0/3", "two/0/2"]
    assert [h.match for h in results.hits] == ["exact", "form"]
    assert matched_words(index, "blockaded ") == {"blockade"}


def test_transliteration_and_diacritics(content):
    index = open_index(content)
    assert ids(index.find("Erevan ")) == ["two/0/3"]  # "Ереван" transliterated: Erevan
    assert ids(index.find("ferme ")) == ["two/0/1"]  # "fermé"


@pytest.mark.parametrize("query, never", [
    ("Iran ", "Ukraine"),          # short: no fuzzy matching at all
    ("war ", "was"),
    ("order ", "border"),          # ordinary words are not spelling variants of each other
    ("Austria ", "Australia"),     # close names, but too far for their length
    ("Georgia ", "George"),
    ("Berlin ", "Merlin"),         # another first letter: another name
    ("Macron ", "Micron"),         # a swap of letters that romanisations do not swap
    ("Russian ", "Azerbaijan"),
])
def test_precision_guards(content, query, never):
    assert never not in matched_words(open_index(content), query)


@pytest.mark.parametrize("word, other, tier", [
    ("Lachin", "Latchine", "variant"), ("Pashinyan", "Pachinian", "variant"),
    ("Yerevan", "Erevan", "variant"), ("Karabakh", "Karabagh", "variant"),
    ("peacekeepers", "peacekeeping", "form"), ("Türkiye", "TURKIYE", "exact"),
    ("Iran", "Iraq", None), ("Berlin", "Merlin", None), ("Austria", "Australia", None),
])
def test_match_tier_of_one_pair(word, other, tier):
    from briefing.index.engine import match_tier

    assert match_tier(word, other) == tier


def test_phrases_and_prefixes(content):
    index = open_index(content)
    assert ids(index.find('"Lachin corridor"')) == ["three/0/1"]
    assert ids(index.find('"corridor Lachin"')) == []
    assert "Latchine" not in matched_words(index, '"Lachin corridor"')  # phrases: no variants
    assert matched_words(index, "peacek") == {"peacekeepers", "peacekeeping"}


def test_bundled_briefing_variants(cache):
    index = open_index(bundled_content())

    def words(query):
        return {w.lower() for w in matched_words(index, query)}

    assert {"lachin", "latchine"} <= words("Lachin ")
    assert {"pashinyan", "pachinian"} <= words("Pashinyan ")
    assert {"peacekeepers", "peacekeeping"} <= words("peacekeepers ")
    assert not words("Iran ") & {"ukraine", "ukrainian"}
    lachin = index.find("Lachin ", limit=100).hits
    tiers = [h.match for h in lachin]
    assert tiers == sorted(tiers, key=("exact", "form", "variant").index)  # exact first


# --- one count for the CLI and the reader -------------------------------------------------------

def cli_total(content: Path, query: str) -> int:
    result = CliRunner().invoke(main, ["search", "--json", "--content", str(content), query])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)["total"]


@pytest.mark.parametrize("query", ["Lachin", "Pashinyan", "peacekeepers", "Iran"])
async def test_reader_and_cli_report_the_same_number_of_matches(cache, query):
    from textual.widgets import Static

    from briefing.cache import load_corpus_cached
    from briefing.tui.app import BriefingApp

    corpus, problems = load_corpus_cached(bundled_content())
    assert not problems
    expected = cli_total(bundled_content(), query)
    assert expected > 0
    app = BriefingApp(corpus)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("slash", *query, "enter")
        await pilot.pause()
        status = str(app.screen.query_one("#search-status", Static).render())
    assert status == f"{expected} match{'es' if expected != 1 else ''}"


def test_cli_counts_all_matches_and_shows_the_best(content):
    result = CliRunner().invoke(main, ["search", "--content", str(content), "--limit", "1",
                                       "peacekeepers"])
    assert result.exit_code == 0, result.output
    assert "2 matches for peacekeepers (best 1 shown" in result.output
    claims = CliRunner().invoke(main, ["search", "--json", "--content", str(content), "--kind",
                                       "claim", "Pachinian"])
    assert [h["id"] for h in json.loads(claims.output)["hits"]] == ["one-01"]


def test_cli_prints_one_hit_per_line_when_not_on_a_terminal(content):
    """Piped: the heading, then per hit its id, kind, score and match, and its snippet on
    one indented line, without Rich (not imported: the command's own cost)."""
    code = ("import sys; from click.testing import CliRunner; from briefing.cli import main; "
            "r = CliRunner().invoke(main, ['search', '--content', sys.argv[1], 'Latchine']); "
            "assert r.exit_code == 0, r.output; "
            "print(r.output, end=''); print(any(m.startswith('rich') for m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code, str(content)], capture_output=True,
                          text=True, cwd=ROOT, env={**os.environ, "FORCE_COLOR": ""})
    assert done.returncode == 0, done.stderr
    hits = json.loads(CliRunner().invoke(main, ["search", "--json", "--content", str(content),
                                                "Latchine"]).output)["hits"]
    assert [(h["id"], h["match"]) for h in hits] == [("two/0/1", "exact"),
                                                      ("three/0/1", "variant")]
    assert done.stdout.splitlines() == [
        "2 matches for Latchine",
        "",
        f"two/0/1  paragraph {hits[0]['score']:.2f}",
        "  Le corridor de Latchine, selon Pachinian, reste fermé.",
        "",
        f"three/0/1  paragraph {hits[1]['score']:.2f} variant",
        "  The Lachin corridor was blocked; Azerbaijan denied a blockade.",
        "False",
    ]


def test_cli_highlights_the_matched_words_on_a_terminal(content, monkeypatch):
    monkeypatch.setenv("FORCE_COLOR", "1")  # as on a terminal
    monkeypatch.setenv("COLUMNS", "40")
    monkeypatch.delenv("NO_COLOR", raising=False)
    result = CliRunner().invoke(main, ["search", "--content", str(content), "Latchine"])
    assert result.exit_code == 0, result.output
    assert "\x1b[1m\x1b[7mLachin\x1b[0m" in result.output  # bold reverse, the variant too
    assert "\x1b[36mthree/0/1\x1b[0m" in result.output
    plain = re.sub("\x1b\\[[0-9;]*m", "", result.output).splitlines()
    assert plain[:2] == ["2 matches for Latchine", ""] and plain[2].startswith("two/0/1  ")
    assert plain[-2:] == ["  The Lachin corridor was blocked;", "  Azerbaijan denied a blockade."]
    assert all(len(line) <= 40 for line in plain)
    monkeypatch.setenv("NO_COLOR", "1")
    result = CliRunner().invoke(main, ["search", "--content", str(content), "Latchine"])
    assert "\x1b" not in result.output and "  The Lachin corridor was blocked; Azerbaijan " \
        "denied a blockade." in result.output


@pytest.mark.parametrize("styled", [False, True])
def test_snippets_reach_the_terminal_without_control_characters(styled, capsys):
    """A snippet holding an escape sequence, a bidi override or line breaks (the loader
    cleans articles, this is the last line of defence) prints as one line of text, the
    matches still highlighted where they are."""
    from briefing.analysis.hits import Hit
    from briefing.cli.search_output import print_hits

    snippet = "a\x1b[2Jb \u202eevil\u202c [bold]x[/bold]\nnext\rline Lachin\x9b end"
    start = snippet.index("Lachin")
    hit = Hit("paragraph", "id\x1b]0;t\x07", "a", "p", 1.0, snippet, 5,
              ((start + 5, start + 11),), "exact")
    print_hits("1 match for Lachin", [hit], styled)
    out = capsys.readouterr().out
    assert not any(ch in out for ch in "\u202e\u202c\x9b\x07\r")
    assert "\x1b[2J" not in out and "\x1b]" not in out
    assert "[bold]x[/bold]" in out and "id\\x1b]0;t\\x07" in out
    text = re.sub("\x1b\\[[0-9;]*m", "", out)
    assert "  …a[2Jb evil [bold]x[/bold] next line Lachin end" in text
    assert ("\x1b[1m\x1b[7mLachin\x1b[0m" in out) is styled


# --- the index on disk --------------------------------------------------------------------------

def doc_rows(content: Path) -> dict[str, int]:
    con = sqlite3.connect(store.index_path(content))
    try:
        return {doc_id: rowid for rowid, doc_id in con.execute("SELECT id, doc_id FROM docs")}
    finally:
        con.close()


def test_the_index_is_kept_in_the_cache_folder(content, cache):
    open_index(content)
    assert store.index_path(content).parent == cache
    assert store.index_path(content).is_file()


def test_editing_one_article_reindexes_only_it(content):
    index = open_index(content)
    before = doc_rows(content)
    assert index.refresh() == 0
    path = content / "articles" / "two.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Austria", "Armenia"),
                    encoding="utf-8")
    assert index.refresh() == 1
    after = doc_rows(content)
    unchanged = [d for d in before if not d.startswith("two/")]
    assert {d: after[d] for d in unchanged} == {d: before[d] for d in unchanged}  # same rows
    assert all(after[d] != before[d] for d in before if d.startswith("two/"))
    assert ids(index.find("Armenia ")) == ["two/0/2"]
    assert ids(index.find("Austria ")) == []


def test_a_touched_file_is_hashed_not_reread(content):
    index = open_index(content)
    before = doc_rows(content)
    path = content / "articles" / "one.md"
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 5_000_000_000))
    assert index.refresh() == 0
    assert doc_rows(content) == before


def test_new_deleted_and_claims_files_are_followed(content):
    index = open_index(content)
    (content / "articles" / "three.md").unlink()
    write_briefing(content, {"four": ["Stepanakert under blockade."]})
    index.refresh()
    assert ids(index.find("Lachin ")) == ["two/0/1"]
    assert ids(index.find("Stepanakert")) == ["four/0/1"]
    (content / "claims" / "one.yaml").unlink()
    index.refresh()
    assert index.find("Pashinyan", kinds=["claim"]).total == 0


@pytest.mark.parametrize("damage", [
    lambda p: p.write_bytes(b"this is not a database at all" * 100),
    lambda p: p.write_bytes(p.read_bytes()[:1500]),
    lambda p: p.write_bytes(b"\0" * 4096),
])
def test_a_corrupt_index_is_rebuilt_without_a_traceback(content, damage):
    open_index(content).find("Lachin")
    path = store.index_path(content)
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    damage(path)
    result = CliRunner().invoke(main, ["search", "--json", "--content", str(content), "Lachin "])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["total"] == 2
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()


def test_an_index_of_another_version_is_rebuilt(content):
    open_index(content)
    con = sqlite3.connect(store.index_path(content))
    con.execute("UPDATE meta SET value='0|old' WHERE key='version'")
    con.execute("DELETE FROM docs")
    con.commit()
    con.close()
    assert ids(open_index(content).find("Lachin ")) == ["three/0/1", "two/0/1"]


def test_concurrent_builders_do_not_corrupt_the_index(tmp_path, cache):
    content = write_briefing(tmp_path / "big", {
        f"a{n:03d}": [f"Paragraph {n} on the Lachin corridor and Pashinyan.",
                      f"Latchine and Pachinian, number {n}."] for n in range(1, 121)})
    code = ("import sys, json; from briefing.index import open_index; "
            "r = open_index(sys.argv[1]).find('Lachin ', limit=1); print(r.total)")
    env = {**os.environ, "BRIEFING_CACHE_DIR": str(cache)}
    procs = [subprocess.Popen([sys.executable, "-c", code, str(content)], env=env, cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(4)]
    outs = [p.communicate(timeout=300) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, err
        assert out.strip() == "240", (out, err)
    con = sqlite3.connect(store.index_path(content))
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert con.execute("SELECT count(*) FROM docs").fetchone() == (240,)
    assert con.execute("SELECT count(*) FROM sources").fetchone() == (120,)
    con.close()


def test_concurrent_refreshes_after_edits_take_turns(tmp_path, cache):
    texts = {f"a{n:03d}": [f"Paragraph {n} on the Lachin corridor.", f"Number {n}."]
             for n in range(1, 81)}
    content = write_briefing(tmp_path / "big", texts)
    assert open_index(content).find("Lachin ").total == 80  # built
    for n in range(1, 41):  # half the articles gain a paragraph: a refresh, not a build
        texts[f"a{n:03d}"].append(f"Zanzibarite again, {n}.")
    write_briefing(content, texts)
    code = ("import sys; from briefing.index import open_index; "
            "r = open_index(sys.argv[1]).find('zanzibarite ', limit=1); print(r.total)")
    env = {**os.environ, "BRIEFING_CACHE_DIR": str(cache)}
    procs = [subprocess.Popen([sys.executable, "-c", code, str(content)], env=env, cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for _ in range(4)]
    for p in procs:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err
        assert out.strip() == "40", (out, err)
    con = sqlite3.connect(store.index_path(content))
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert con.execute("INSERT INTO fts(fts) VALUES ('integrity-check')") is not None
    assert con.execute("SELECT count(*) FROM docs").fetchone() == (200,)
    con.close()


# --- without FTS5, without a cache --------------------------------------------------------------

QUERIES = ["Lachin ", "Pashinyan", "peacekeepers ", '"Lachin corridor"', "Iran", "peacek",
           "corridor Lachin", "Erevan "]


def test_the_fallback_without_fts5_finds_the_same(content, cache, monkeypatch):
    with_fts = {q: (found(open_index(content).find(q, limit=100)),
                    open_index(content).find(q).total) for q in QUERIES}
    monkeypatch.setenv("BRIEFING_SEARCH_NO_FTS5", "1")
    assert not store.fts5_available()
    index = open_index(content)  # an FTS5 index on disk: rebuilt for the other engine
    for q in QUERIES:
        results = index.find(q, limit=100)
        assert (found(results), results.total) == with_fts[q], q
    assert [h.match for h in index.find("Lachin ").hits] == ["exact", "variant"]


def test_without_the_cache_the_index_lives_in_memory(content, cache, monkeypatch):
    monkeypatch.setenv("BRIEFING_NO_CACHE", "1")
    assert ids(open_index(content).find("Lachin ")) == ["three/0/1", "two/0/1"]
    assert not cache.exists()


def test_a_corpus_without_files_is_searched_in_memory(content):
    from briefing.loader import load_corpus

    corpus, problems = load_corpus(content)
    corpus.root = None
    results = open_index(corpus).find("Pashinyan ")
    assert {"one/0/3", "two/0/1", "two/0/3"} <= found(results)


def test_copy_of_bundled_briefing_gets_its_own_index(tmp_path, cache):
    copy = tmp_path / "copy"
    shutil.copytree(bundled_content(), copy)
    assert store.index_path(copy) != store.index_path(bundled_content())
    assert open_index(copy).find("Latchine").total >= 1


@pytest.mark.parametrize("text", [p for ps in TEXTS.values() for p in ps] + [
    "Straße ½ l’Arménie — «Latchine» 1,960 eco-activists _x_ CAFÉ", ""])
def test_the_index_stores_exactly_the_tokens_that_are_highlighted(text):
    from briefing.index.terms import index_form, tokens

    words, stems, upper, lower = index_form(text)
    toks = tokens(text)
    assert words.split() == [t.word for t in toks]
    assert stems.split() == [t.stem for t in toks]
    assert upper | lower == {t.stem for t in toks}


def test_an_unreadable_article_is_skipped_and_said_so(content):
    (content / "articles" / "broken.md").write_text("---\nid: [broken\n---\n\nLachin\n",
                                                     encoding="utf-8")
    result = CliRunner().invoke(main, ["search", "--json", "--content", str(content), "Lachin "])
    assert result.exit_code == 0, result.output
    assert "1 article file(s) could not be read and are not searched (broken.md)" in result.stderr
    assert json.loads(result.stdout)["total"] == 2


def test_a_sources_texts_tokenised_at_once_give_what_each_gives_alone():
    from briefing.index.terms import index_form, names, source_forms

    texts = [p for ps in TEXTS.values() for p in ps] + ["Lachin and lachin", "", "Ёж — ½"]
    forms, found = source_forms(texts)
    alone = [index_form(t) for t in texts]
    assert forms == [(w, s) for w, s, _, _ in alone]
    upper = set().union(*(u for _, _, u, _ in alone))
    lower = set().union(*(lo for _, _, _, lo in alone))
    assert found == names(upper, lower)
    assert "lachin" not in found and "pashinyan" in found


def test_a_first_build_takes_the_load_caches_records_and_indexes_the_same(tmp_path, cache):
    from briefing.cache import load_corpus_cached
    from briefing.cache.parts import FileParts
    from briefing.index.documents import source_documents

    content = tmp_path / "copy"
    shutil.copytree(bundled_content(), content)
    load_corpus_cached(content)  # as the reader does before it builds the index
    parts = FileParts(content, prune=False, store=False)
    for md in sorted((content / "articles").glob("*.md")):
        cl = content / "claims" / f"{md.stem}.yaml"
        cl = cl if cl.exists() else None
        assert source_documents(md, cl, parts) == source_documents(md, cl)
    assert parts.reused >= 2 * 5 and not parts.parsed and not parts.changed
    md = sorted((content / "articles").glob("*.md"))[0]
    md.write_text(md.read_text(encoding="utf-8") + "\nA paragraph added after the load.\n",
                  encoding="utf-8")
    fresh = FileParts(content, prune=False, store=False)
    assert source_documents(md, None, fresh) == source_documents(md, None)
    assert fresh.parsed == [md]


def test_a_search_imports_only_what_it_needs(content, cache):
    """A warm search loads neither the model, the loader nor YAML; after an edit to an
    article of plain paragraphs, the loader re-reads it without importing markdown-it."""
    code = ("import sys; from briefing.cli import main\n"
            "main(['search', '--content', sys.argv[1], 'Lachin'], standalone_mode=False)\n"
            "heavy = ('briefing.model', 'briefing.loader', 'briefing.loading.articles', 'yaml',"
            " 'markdown_it', 'anyascii', 'filelock', 'textual')\n"
            "print(' '.join(m for m in heavy if m in sys.modules))\n")
    env = {**os.environ, "BRIEFING_CACHE_DIR": str(cache)}

    def imported() -> list[str]:
        done = subprocess.run([sys.executable, "-c", code, str(content)], env=env, cwd=ROOT,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert "Lachin" in done.stdout
        return done.stdout.splitlines()[-1].split()

    imported()  # builds the index
    assert imported() == []
    path = content / "articles" / "one.md"  # ASCII only: no transliteration either
    path.write_text(path.read_text(encoding="utf-8") + "\nA new plain paragraph.\n",
                    encoding="utf-8")
    assert imported() == ["briefing.model", "briefing.loading.articles", "yaml"]
    assert imported() == []


def test_the_best_hits_are_those_of_ranking_every_match(tmp_path, cache):
    """find() keeps the best rows as SQLite goes (bm25 under ORDER BY ... LIMIT); the hits,
    scores and order are those of ranking every match with FTS5's rank, as before, ties
    (identical sentences) included."""
    sentences = ["The Lachin corridor was closed.", "Talks on the Lachin corridor resumed.",
                 "Peacekeepers near Lachin.", "Nothing about the road here.",
                 "Lachin, Lachin and the Lachin corridor again."]
    texts = {f"s{n:03d}": [sentences[(n + i) % len(sentences)] for i in range(n % 4 + 1)]
             for n in range(1, 61)}
    index = open_index(write_briefing(tmp_path / "many", texts))
    con = index._con
    for query, expr in [("Lachin ", '(kind : paragraph) AND (words : "lachin")'),
                        ("corridor", '(kind : paragraph) AND (words : "corridor"*)'),
                        ('"Lachin corridor"', '(kind : paragraph) AND (words : "lachin corridor")')]:
        for limit in (1, 7, 20, 500):
            every = con.execute("SELECT rowid, rank FROM fts WHERE fts MATCH ? ORDER BY rank",
                                (expr,)).fetchall()
            best = [(doc_id, round(-score, 4)) for rowid, score in every[:limit]
                    for (doc_id,) in con.execute("SELECT doc_id FROM docs WHERE id=?", (rowid,))]
            results = index.find(query, limit=limit)
            assert [(h.id, h.score) for h in results.hits] == best, (query, limit)
            assert results.total == len(every)


def test_a_first_build_killed_midway_leaves_nothing_behind(tmp_path, cache):
    content = write_briefing(tmp_path / "big", {f"a{n:03d}": [f"Lachin number {n}."]
                                                for n in range(1, 61)})
    path = store.index_path(content)
    path.parent.mkdir(parents=True)
    stale = path.with_name(f"{path.name}.build-99999")  # as a build killed by a signal leaves
    stale.write_bytes(b"half a database")
    assert open_index(content).find("Lachin ").total == 60
    assert not stale.exists()
    assert [p.name for p in path.parent.iterdir() if ".build-" in p.name] == []


# --- what a search compares with the files ------------------------------------------------------

def search_json(content: Path, query: str) -> dict:
    result = CliRunner().invoke(main, ["search", "--json", "--content", str(content), query])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_an_edit_in_place_is_found_by_the_very_next_search(content):
    """An editor that saves in place (or `>>`) changes the file's mtime, not its folder's: the
    very next search has the new text and not the old, at the same size too."""
    assert [h["id"] for h in search_json(content, "Austria ")["hits"]] == ["two/0/2"]
    folder = content / "articles"
    before = folder.stat().st_mtime_ns
    path = folder / "two.md"
    data = path.read_bytes()
    with open(path, "r+b") as fh:  # the same number of bytes, written over the old ones
        fh.write(data.replace(b"Austria", b"Armenia"))
    assert folder.stat().st_mtime_ns == before and path.stat().st_size == len(data)
    assert [h["id"] for h in search_json(content, "Armenia ")["hits"]] == ["two/0/2"]
    assert search_json(content, "Austria ")["total"] == 0
    with open(path, "a", encoding="utf-8") as fh:
        fh.write("\nA zanzibarite paragraph appended.\n")
    assert [h["id"] for h in search_json(content, "zanzibarite")["hits"]] == ["two/0/4"]
    assert folder.stat().st_mtime_ns == before


def test_a_file_rewritten_within_one_clock_tick_is_still_found(content, monkeypatch):
    """A file's mtime moves by its file system's clock tick (a few ms on ext4, 2 s on FAT):
    a file indexed just after it was written, then written again at the same size within
    that tick, keeps the size and mtime it was indexed with.  While that can happen its stat
    is not trusted: the next search hashes it and has the new text; once the file is older
    than store.RACY_NS, one digest stands for the listing again."""
    path = content / "articles" / "two.md"
    data = path.read_bytes()
    path.write_bytes(data.replace(b"Austria", b"Armenia"))
    before = path.stat()
    assert ids(open_index(content).find("Armenia ")) == ["two/0/2"]
    path.write_bytes(data.replace(b"Austria", b"Albania"))
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # within the same tick
    after = path.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert ids(open_index(content).find("Albania ")) == ["two/0/2"]
    assert open_index(content).find("Armenia ").total == 0

    def listing() -> str | None:
        con = sqlite3.connect(store.index_path(content))
        try:
            row = con.execute("SELECT value FROM meta WHERE key='articles_listing'").fetchone()
        finally:
            con.close()
        return row and row[0]

    assert listing() is None  # a just-written file in the listing: every row is compared
    later = time.time_ns() + 2 * store.RACY_NS
    monkeypatch.setattr(store, "time", SimpleNamespace(time_ns=lambda: later))
    assert open_index(content).refresh() == 0  # hashed once more, as indexed: only its stat
    assert listing() is not None
    monkeypatch.setattr(store, "_pending", lambda *a, **k: pytest.fail("compared every row"))
    assert ids(open_index(content).find("Albania ")) == ["two/0/2"]


def test_a_search_with_no_file_changed_compares_one_digest(content, monkeypatch):
    """The listing's digest, recorded by the last refresh, stands for every source's row."""
    open_index(content)
    calls = []
    real = store._pending
    monkeypatch.setattr(store, "_pending", lambda *a, **k: calls.append(a) or real(*a, **k))
    assert ids(open_index(content).find("Lachin ")) == ["three/0/1", "two/0/1"]
    assert calls == []
    path = content / "articles" / "three.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Lachin", "Goris"),
                    encoding="utf-8")
    settle(path, ago=60)  # an edit made a minute ago (a just-written file: see the next test)
    assert ids(open_index(content).find("Lachin ")) == ["two/0/1"]
    assert len(calls) == 2  # the comparison, then again under the write lock
    calls.clear()
    assert ids(open_index(content).find("Goris")) == ["three/0/1"]
    assert calls == []


def test_after_an_edit_the_recorded_listing_says_what_to_re_read(content, monkeypatch):
    """The listing the index was made of is kept whole: the first search after an edit finds
    the source to re-read by comparing it with the new listing, reading no other source's
    row; a listing packs and unpacks to itself, whatever the names."""
    open_index(content)
    reads = []
    real = store._rows_of
    monkeypatch.setattr(store, "_rows_of", lambda con, sql, sources: reads.append(sources)
                        or real(con, sql, sources))
    path = content / "articles" / "two.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Austria", "Armenia"),
                    encoding="utf-8")
    settle(path, ago=60)
    assert ids(open_index(content, claims=False).find("Armenia")) == ["two/0/2"]
    assert reads and all(sources == ["two"] for sources in reads)
    for listing in ({}, {"a": (1, 2)}, {"caf\u00e9": (0, -5), "x\udcff": (2**62, 2**63 - 1)}):
        assert store.unpack_listing(store.pack_listing(listing)) == listing


def test_a_refresh_overtaken_by_another_keeps_the_index_right(content, monkeypatch):
    """Process A lists the files (two.md edited), then process B, with three.md edited too,
    re-indexes both.  A, under the write lock, finds three.md's row unlike its own (older)
    listing; the file hashes as indexed, so A only writes its stat (never less work than
    needed).  A records no digest (B wrote between), so the next search compares every row,
    finds three.md's stat moved (same hash again: nothing re-read) and records one; the one
    after compares the digest alone."""
    index = open_index(content)
    real = store._pending
    other = content / "articles" / "three.md"

    def meanwhile(con, listed, only=None, recorded=None):
        # Rows compared, as when no listing is recorded (B's would show three.md's new
        # stat and make A's listing stale at once): the race the generation is there for.
        if only is None and "Goris" not in other.read_text(encoding="utf-8"):
            other.write_text(other.read_text(encoding="utf-8").replace("Lachin", "Goris"),
                             encoding="utf-8")
            settle(other, ago=30)
            open_index(content)  # B: opening it refreshes it
        return real(con, listed, only)

    path = content / "articles" / "two.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Austria", "Armenia"),
                    encoding="utf-8")
    settle(path, ago=60)
    monkeypatch.setattr(store, "_pending", meanwhile)
    assert index.refresh() == 0
    con = sqlite3.connect(store.index_path(content))
    assert con.execute("SELECT value FROM meta WHERE key='articles_listing'").fetchone() is None
    monkeypatch.setattr(store, "_pending", real)
    assert index.refresh() == 0
    assert con.execute("SELECT value FROM meta WHERE key='articles_listing'").fetchone() is not None
    con.close()
    monkeypatch.setattr(store, "_pending", lambda *a, **k: pytest.fail("compared every row"))
    assert index.refresh() == 0
    assert ids(index.find("Armenia ")) == ["two/0/2"]
    assert ids(index.find("Goris ")) == ["three/0/1"]
    assert ids(index.find("Lachin ")) == ["two/0/1"]


def test_a_listing_with_nothing_to_re_read_gets_its_digest_back(content, monkeypatch):
    """An overtaken refresh removes the digest (another process's valid one too): the next
    search that finds every row as listed records it again, rather than every search after
    comparing every row until a file changes; if another process holds the write lock, the
    search does not wait for it and records nothing."""
    open_index(content)
    path = store.index_path(content)

    def listing() -> str | None:
        con = sqlite3.connect(path)
        try:
            row = con.execute("SELECT value FROM meta WHERE key='articles_listing'").fetchone()
        finally:
            con.close()
        return row and row[0]

    recorded = listing()
    assert recorded is not None
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("DELETE FROM meta WHERE key='articles_listing'")  # as an overtaken refresh leaves it
    other.execute("BEGIN IMMEDIATE")  # another process writing meanwhile
    try:
        assert ids(open_index(content).find("Lachin ")) == ["three/0/1", "two/0/1"]
        assert listing() is None
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert ids(open_index(content).find("Lachin ")) == ["three/0/1", "two/0/1"]
    assert listing() == recorded
    monkeypatch.setattr(store, "_pending", lambda *a, **k: pytest.fail("compared every row"))
    assert ids(open_index(content).find("Lachin ")) == ["three/0/1", "two/0/1"]


def test_a_digest_is_recorded_only_if_no_other_refresh_came_between(content):
    """The generation read before comparing the files with the index must still be the
    index's under the write lock; else another process's work is in the table too and the
    listing compared is not known to match it: no digest, so the next search compares every
    source's row."""
    open_index(content)
    con = store.connect(store.index_path(content), fts=store.fts5_available())

    def meta(key):
        row = con.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row and row[0]

    generation = meta("generation")
    store._commit_listing(con, {"articles": "first", "claims": "1st"}, generation)
    assert (meta("articles_listing"), meta("claims_listing"), meta("generation")) == (
        "first", "1st", str(int(generation) + 1))
    store._commit_listing(con, {"articles": "second"}, generation)  # another refresh came between
    assert (meta("articles_listing"), meta("claims_listing"), meta("generation")) == (
        None, None, str(int(generation) + 2))
    con.close()


def test_a_search_of_paragraphs_lists_the_articles_only(content, monkeypatch):
    """Paragraphs come from the articles alone: `briefing search` (paragraphs by default)
    stats no claims file, and a claims file edited meanwhile is read by the first search of
    claims, which compares the claims with the index before searching."""
    open_index(content)
    listed = []
    real = store._listing
    monkeypatch.setattr(store, "_listing", lambda folder, suffix: listed.append(folder.name)
                        or real(folder, suffix))
    claims = content / "claims" / "one.yaml"
    claims.write_text(claims.read_text(encoding="utf-8").replace(
        "Pashinyan met the peacekeepers", "the talks in Iran were short"), encoding="utf-8")
    settle(claims, ago=60)
    result = CliRunner().invoke(main, ["search", "--json", "--content", str(content), "Iran"])
    assert result.exit_code == 0, result.output
    assert [h["id"] for h in json.loads(result.output)["hits"]] == ["one/0/2"]
    assert listed == ["articles"]
    result = CliRunner().invoke(main, ["search", "--json", "--content", str(content), "--kind",
                                       "claim", "Iran"])
    hits = json.loads(result.output)["hits"]
    assert [(h["id"], h["paragraph"]) for h in hits] == [("one-01", "one/0/2")]
    assert listed == ["articles", "articles", "claims"]
    index = open_index(content, claims=False)  # a reader's index asks for claims at once
    assert ids(index.find("peacekeepers", kinds=["claim"])) == []


def test_an_article_edited_is_re_read_with_its_claims_by_a_search_of_paragraphs(content,
                                                                               monkeypatch):
    """The source is re-read whole (its claims' paragraphs move with the article), and the
    claims' digest still stands for every source's claims columns: the next search of claims
    compares no row."""
    article = content / "articles" / "one.md"
    open_index(content)
    article.write_text(article.read_text(encoding="utf-8").replace(
        "Troops entered Ukraine in February.\n\n", ""), encoding="utf-8")
    settle(article, ago=60)
    assert ids(open_index(content, claims=False).find("Pashinyan peacekeepers")) == ["one/0/2"]
    monkeypatch.setattr(store, "_pending", lambda *a, **k: pytest.fail("compared every row"))
    [hit] = open_index(content).find("Pashinyan peacekeepers", kinds=["claim"]).hits
    assert (hit.id, hit.paragraph) == ("one-01", "one/0/2")  # was one/0/3


def test_a_new_article_found_by_a_search_of_paragraphs_drops_the_claims_digest(content):
    """Its claims file was never compared with a listing of the claims: no claims digest is
    known to stand until a search of claims compares every row again (and records one)."""
    open_index(content)
    write_briefing(content, {"four": ["Stepanakert was cut off for months."]})
    (content / "claims" / "four.yaml").write_text(
        '- id: four-01\n  quote: "Stepanakert was cut off"\n  events: [x]\n'
        "  kind: fact\n  speaker: author\n", encoding="utf-8")
    (content / "claims" / "one.yaml").unlink()
    settle(content, ago=60)

    def meta(key: str) -> str | None:
        con = sqlite3.connect(store.index_path(content))
        try:
            row = con.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        finally:
            con.close()
        return row and row[0]

    assert ids(open_index(content, claims=False).find("Stepanakert")) == ["four/0/1"]
    assert meta("articles_listing") is not None and meta("claims_listing") is None
    index = open_index(content)
    assert ids(index.find("Stepanakert", kinds=["claim"])) == ["four-01"]
    assert ids(index.find("peacekeepers", kinds=["claim"])) == []  # one.yaml is gone
    assert meta("claims_listing") is not None


def test_a_name_no_source_writes_any_more_is_no_spelling_variant(content):
    index = open_index(content)
    assert ids(index.find("Latchine ")) == ["two/0/1", "three/0/1"]  # exact, then Lachin
    path = content / "articles" / "three.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Lachin", "Goris"),
                    encoding="utf-8")
    assert index.refresh() == 1
    assert ids(index.find("Latchine ")) == ["two/0/1"]
    con = sqlite3.connect(store.index_path(content))
    names = {stem for (stem,) in con.execute("SELECT stem FROM name_count")}
    con.close()
    assert "lachin" not in names and {"latchin", "gori"} <= names


# --- spelling variants: what is looked at before rapidfuzz ----------------------------------------

def labelled_pairs() -> list[tuple[str, str]]:
    pairs = []
    for name in ("name_variants.tsv", "name_variants_heldout.tsv"):
        for line in (ROOT / "benchmarks" / "data" / name).read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                word, other = line.split("\t")[:2]
                pairs.append((word, other))
    return pairs


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet="abcdeghijklnorstuvwyz", min_size=5, max_size=12),
       st.lists(st.tuples(st.sampled_from(["insert", "delete", "replace"]),
                          st.integers(0, 11), st.sampled_from("abcdeghijklnorstuvwyz")),
                max_size=3))
def test_the_prefilter_keeps_every_name_a_variant_could_be(stem, edits):
    """could_be_variants drops only names transliteration_edits would refuse: checked on
    names a few random edits away from a word (accepted ones among them) and the labelled
    pairs of eval_search_variants.py."""
    from briefing.index.engine import could_be_variants, transliteration_edits

    other = list(stem)
    for op, at, letter in edits:
        at = min(at, len(other) - (op != "insert"))
        if op == "insert":
            other.insert(at, letter)
        elif op == "delete" and len(other) > 1:
            del other[at]
        elif op == "replace":
            other[at] = letter
    other = "".join(other)
    if other != stem and transliteration_edits(stem, other):
        assert could_be_variants(stem, [other]) == [other]


def test_the_prefilter_keeps_every_labelled_variant():
    from briefing.index.engine import could_be_variants, transliteration_edits
    from briefing.index.terms import query_tokens

    accepted = 0
    for word, other in labelled_pairs():
        (_, a), = query_tokens(word)[-1:]
        (_, b), = query_tokens(other)[-1:]
        if a != b and transliteration_edits(a, b):
            accepted += 1
            assert could_be_variants(a, [b]) == [b], (word, other)
    assert accepted >= 40


def test_a_word_no_name_could_be_a_variant_of_does_not_import_rapidfuzz(content, cache):
    code = ("import sys; from briefing.index import open_index\n"
            "r = open_index(sys.argv[1]).find(sys.argv[2])\n"
            "print([h.id for h in r.hits], 'rapidfuzz' in sys.modules)\n")
    env = {**os.environ, "BRIEFING_CACHE_DIR": str(cache)}

    def run(query: str) -> str:
        done = subprocess.run([sys.executable, "-c", code, str(content), query], env=env,
                              cwd=ROOT, capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    assert run("Georgia ") == "['three/0/3'] False"  # George: not a name; Georgia: no near one
    assert run("Lachin ") == "['three/0/1', 'two/0/1'] True"  # Latchine: looked at, found


def test_a_file_dated_past_2262_is_listed_and_followed(content):
    """Its mtime in nanoseconds does not fit SQLite's 64-bit integers (the search ended in a
    traceback): it is kept as the largest one, and an edit is still seen."""
    assert ids(open_index(content).find("Austria ")) == ["two/0/2"]
    path = content / "articles" / "two.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Austria", "Armenia"),
                    encoding="utf-8")
    try:
        os.utime(path, (4_000_000_000_0, 4_000_000_000_0))  # the year 3237
    except (OverflowError, OSError):
        pytest.skip("this file system cannot store such a date")
    assert path.stat().st_mtime_ns > 2**63
    assert ids(open_index(content).find("Armenia ")) == ["two/0/2"]
    assert ids(open_index(content).find("Austria ")) == []
    assert open_index(content).refresh() == 0
