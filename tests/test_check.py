"""`briefing check`: every kind of bad input gives `path:line: message`, exit 1, no traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import main
from briefing.loading.files import INDEX_MAX_BYTES, MAX_BYTES
from briefing_dirs import ALPHA, ALPHA_CLAIMS, BETA, BETA_CLAIMS, EVENTS, line_of, write_briefing

SUMMARY = "2 articles, 4 sections, 5 paragraphs, 2 events, 3 claims"


def run_check(*args: str, env: dict[str, str] | None = None):
    result = CliRunner().invoke(main, ["check", *args], env=env)
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


@pytest.fixture
def in_tmp(tmp_path, monkeypatch):
    """Work in tmp_path so `--content c` prints paths as given: c/articles/alpha.md."""
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_good_briefing_summary(in_tmp):
    write_briefing(in_tmp / "c")
    result = run_check("--content", "c")
    assert result.exit_code == 0
    assert result.output == SUMMARY + "\n"


def test_an_events_file_larger_than_an_article_may_be_loads(in_tmp):
    # 6 MB: past an article's limit, as the suggested events of 1,000 articles are.
    padding = ("# " + "x" * 98 + "\n") * (6 * 1024 * 1024 // 101)
    write_briefing(in_tmp / "c", events=padding + EVENTS)
    result = run_check("--content", "c")
    assert (result.exit_code, result.output) == (0, SUMMARY + "\n")


def test_env_var_selects_content(in_tmp):
    write_briefing(in_tmp / "c")
    result = run_check(env={"BRIEFING_CONTENT": "c"})
    assert (result.exit_code, result.output) == (0, SUMMARY + "\n")


def test_default_is_bundled_and_paths_are_relative_to_its_parent(in_tmp, monkeypatch):
    root = write_briefing(in_tmp / "pkg" / "content", articles={"beta.md": BETA.replace("language: en", "language: 1")})
    monkeypatch.setattr("briefing.paths.bundled_content", lambda: root)
    monkeypatch.delenv("BRIEFING_CONTENT", raising=False)
    result = run_check()
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        f"content/articles/beta.md:{line_of(BETA, 'language:')}: language '1' is not a language code "
        "(like en, fr or pt-BR)")


def bad(text: str, old: str, new: str) -> str:
    assert old in text
    return text.replace(old, new, 1)


NESTED = "- id: war\n  title: " + "[" * 200 + "]" * 200 + "\n"

# (case id, write_briefing kwargs, expected "path:line", message fragment)
CASES = [
    # --- files: missing, empty, encodings, size --------------------------------------------
    ("missing-briefing-yaml", {"briefing": None}, "c/briefing.yaml",
     "file not found: expected title, description and questions"),
    ("missing-events-yaml", {"events": None}, "c/events.yaml",
     "file not found: expected a list of events (write [] for none)"),
    ("empty-events-yaml", {"events": ""}, "c/events.yaml:1",
     "file is empty: expected a list of events (write [] for none)"),
    ("comment-only-briefing-yaml", {"briefing": "# nothing yet\n"}, "c/briefing.yaml:1",
     "file is empty: expected title, description and questions"),
    ("empty-article", {"articles": {"alpha.md": "  \n"}}, "c/articles/alpha.md:1", "file is empty"),
    ("empty-claims", {"claims": {"alpha.yaml": ""}}, "c/claims/alpha.yaml:1",
     "file is empty: expected a list of claims"),
    ("latin-1-article", {"articles": {"alpha.md": ALPHA.replace("Jane Doe", "Jan\xe9").encode("utf-8").replace(b"\xc3\xa9", b"\xe9")}},
     f"c/articles/alpha.md:{line_of(ALPHA, 'Jane Doe')}",
     "not valid UTF-8 (byte 0xE9 at byte offset"),
    ("utf-16-events", {"events": EVENTS.encode("utf-16")}, "c/events.yaml:1",
     "file is encoded as UTF-16; save it as UTF-8"),
    ("nul-byte", {"claims": {"beta.yaml": BETA_CLAIMS.replace("kind:", "kind:\x00").encode()}},
     f"c/claims/beta.yaml:{line_of(BETA_CLAIMS, 'kind:')}", "contains a NUL byte"),
    ("huge-claims", {"claims": {"beta.yaml": b"#" * (MAX_BYTES + 1)}}, "c/claims/beta.yaml:1",
     "file is too large (5.0 MB; the limit is 5 MB)"),
    # The events file indexes the whole briefing: its limit grows with it.
    ("huge-events", {"events": b"#" * (INDEX_MAX_BYTES + 1)}, "c/events.yaml:1",
     "file is too large (64.0 MB; the limit is 64 MB)"),
    ("events-is-a-directory", {"events": None, "mkdir": "events.yaml"}, "c/events.yaml", "is a directory, expected a file"),
    # --- YAML syntax, with the line (and column) of the error ------------------------------
    ("bad-yaml-events", {"events": bad(EVENTS, "title: The ceasefire", "title: [The ceasefire")},
     f"c/events.yaml:{line_of(EVENTS, 'date: 2020-11-09')}", "invalid YAML at column"),
    ("bad-yaml-front-matter", {"articles": {"alpha.md": bad(ALPHA, "title: Alpha article", "title: Alpha: article")}},
     f"c/articles/alpha.md:{line_of(ALPHA, 'title: Alpha')}",
     "invalid YAML at column 13: mapping values are not allowed here"),
    ("bad-yaml-claims", {"claims": {"beta.yaml": bad(BETA_CLAIMS, "kind: figure", "kind: 'figure")}},
     f"c/claims/beta.yaml:{BETA_CLAIMS.count(chr(10)) + 1}",
     "invalid YAML at column 1: found unexpected end of stream (while scanning a quoted scalar "
     f"that starts at line {line_of(BETA_CLAIMS, 'kind: figure')}, column 9)"),
    ("tab-indent-yaml", {"briefing": "title: x\nquestions:\n\t- why\n"}, "c/briefing.yaml:3",
     "invalid YAML at column 1: found character '\\t' that cannot start any token"),
    ("duplicate-yaml-key", {"events": bad(EVENTS, "  date: 2020-09-27\n", "  date: 2020-09-27\n  date: 2020-09-28\n")},
     f"c/events.yaml:{line_of(EVENTS, 'date: 2020-09-27') + 1}", "duplicate key 'date' (first at line 3)"),
    ("python-tag", {"events": bad(EVENTS, "summary: A six-week war.", "summary: !!python/name:os.system x")},
     f"c/events.yaml:{line_of(EVENTS, 'summary:')}", "unsupported YAML tag 'tag:yaml.org,2002:python/name:os.system'"),
    ("deep-nesting", {"events": NESTED}, "c/events.yaml:2", "nested more than"),
    ("events-not-a-list", {"events": "war: The war\n"}, "c/events.yaml:1",
     "expected a list of events ('- id: ...'), not a mapping"),
    # --- front matter ------------------------------------------------------------------------
    ("no-front-matter", {"articles": {"alpha.md": "# Alpha\n\nText.\n"}}, "c/articles/alpha.md:1",
     "missing front matter: an article must start with a line '---'"),
    ("unclosed-front-matter", {"articles": {"alpha.md": "---\nid: alpha\ntitle: A\n\nText.\n"}},
     "c/articles/alpha.md:1", "front matter is not closed"),
    ("front-matter-is-a-list", {"articles": {"alpha.md": "---\n- id\n---\nText.\n"}}, "c/articles/alpha.md:2",
     "front matter must be YAML fields (key: value), not a list"),
    ("missing-title", {"articles": {"beta.md": bad(BETA, "title: Beta article\n", "")}}, "c/articles/beta.md:2",
     "missing required field 'title'"),
    ("missing-authors", {"articles": {"beta.md": bad(BETA, "authors: []\n", "")}}, "c/articles/beta.md:2",
     "missing required field 'authors'"),
    ("authors-not-a-list", {"articles": {"beta.md": bad(BETA, "authors: []", "authors: Jane Doe")}},
     f"c/articles/beta.md:{line_of(BETA, 'authors')}", "'authors' must be a list, not text"),
    ("missing-language", {"articles": {"beta.md": bad(BETA, "language: en\n", "")}}, "c/articles/beta.md:2",
     "missing required field 'language'"),
    ("bad-month", {"articles": {"alpha.md": bad(ALPHA, "published: 2023-02", "published: 2023-13")}},
     f"c/articles/alpha.md:{line_of(ALPHA, 'published:')}", "published: '2023-13': there is no month 13"),
    ("bad-calendar-date", {"articles": {"alpha.md": bad(ALPHA, "published: 2023-02", "published: 2023-02-30")}},
     f"c/articles/alpha.md:{line_of(ALPHA, 'published:')}", "published: '2023-02-30' is not a calendar date"),
    ("date-in-words", {"articles": {"alpha.md": bad(ALPHA, "published: 2023-02", "published: February 2023")}},
     f"c/articles/alpha.md:{line_of(ALPHA, 'published:')}",
     "published: 'February 2023' is not an ISO date (use YYYY, YYYY-MM or YYYY-MM-DD)"),
    ("bad-genre", {"articles": {"alpha.md": bad(ALPHA, "genre: analysis", "genre: essay")}},
     f"c/articles/alpha.md:{line_of(ALPHA, 'genre:')}", "genre 'essay' is not one of: analysis, interview"),
    ("bad-provenance-basis", {"articles": {"alpha.md": bad(ALPHA, "basis: inferred", "basis: guessed")}},
     f"c/articles/alpha.md:{line_of(ALPHA, 'basis: inferred')}",
     "provenance.published: basis 'guessed' is not one of: stated, inferred, unknown"),
    ("unknown-field", {"articles": {"alpha.md": bad(ALPHA, "outlet: null", "outlet: null\npublised: 2023")}},
     f"c/articles/alpha.md:{line_of(ALPHA, 'outlet:') + 1}", "unknown field 'publised'"),
    ("id-not-file-name", {"articles": {"beta.md": bad(BETA, "id: beta", "id: gamma")}},
     "c/articles/beta.md:2", "id 'gamma' does not match the file name 'beta.md'"),
    ("bad-article-id", {"articles": {"beta.md": bad(BETA, "id: beta", "id: Beta_1")}},
     "c/articles/beta.md:2", "id 'Beta_1' is not a valid id"),
    # --- body ---------------------------------------------------------------------------------
    ("undefined-footnote", {"articles": {"beta.md": BETA + "\nA note[^9] here.\n"}},
     f"c/articles/beta.md:{line_of(BETA, 'Some 1 900') + 2}", "footnote reference [^9] has no definition"),
    ("duplicate-footnote", {"articles": {"alpha.md": ALPHA + "[^1]: Again.\n"}},
     f"c/articles/alpha.md:{line_of(ALPHA, '[^1]:') + 1}", "footnote [^1] is defined twice (first at line"),
    ("stray-lang", {"articles": {"beta.md": BETA + '\n{: lang="fr"}\n'}},
     f"c/articles/beta.md:{line_of(BETA, 'Some 1 900') + 2}", '{: lang="fr"} must directly follow a paragraph'),
    ("no-text", {"articles": {"beta.md": BETA.split("## Only")[0]}, "claims": {"beta.yaml": None}},
     f"c/articles/beta.md:{line_of(BETA, '## Only') - 1}", "the article has no text after its front matter"),
    ("unsupported-attribute", {"articles": {"beta.md": BETA + "{: .warning}\n"}},
     f"c/articles/beta.md:{line_of(BETA, 'Some 1 900') + 1}", "unsupported attribute line {: .warning}"),
    ("empty-heading", {"articles": {"beta.md": BETA + "\n##\n\nMore.\n"}},
     f"c/articles/beta.md:{line_of(BETA, 'Some 1 900') + 2}", "empty heading: give the section a title"),
    # --- events ---------------------------------------------------------------------------------
    ("bad-event-id", {"events": bad(EVENTS, "id: ceasefire", "id: Cease fire"),
                      "claims": {"alpha.yaml": bad(ALPHA_CLAIMS, "[ceasefire]", "[war]"),
                                 "beta.yaml": bad(BETA_CLAIMS, "[ceasefire]", "[war]")}},
     f"c/events.yaml:{line_of(EVENTS, 'id: ceasefire')}", "id 'Cease fire' is not a valid id"),
    ("duplicate-event", {"events": bad(EVENTS, "id: ceasefire", "id: war")},
     f"c/events.yaml:{line_of(EVENTS, 'id: ceasefire')}", "event id 'war' is used twice (first at line 1)"),
    ("end-before-date", {"events": bad(EVENTS, "end: 2020-11-10", "end: 2020-08")},
     f"c/events.yaml:{line_of(EVENTS, 'end:')}", "event war: end 2020-08 is before the date 2020-09-27"),
    ("event-bad-date", {"events": bad(EVENTS, "date: 2020-11-09", "date: 2020-11-31")},
     f"c/events.yaml:{line_of(EVENTS, 'date: 2020-11-09')}", "event ceasefire: date: '2020-11-31' is not a calendar date"),
    ("event-missing-title", {"events": bad(EVENTS, "  title: The ceasefire\n", "")},
     f"c/events.yaml:{line_of(EVENTS, 'id: ceasefire')}", "event ceasefire: missing required field 'title'"),
    # --- claims -----------------------------------------------------------------------------------
    ("claims-without-article", {"claims": {"alpah.yaml": "[]\n"}}, "c/claims/alpah.yaml",
     "no article 'alpah' for these claims (expected articles/alpah.md); did you mean alpha.yaml?"),
    ("yml-claims", {"claims": {"beta.yml": BETA_CLAIMS}}, "c/claims/beta.yml",
     "not loaded: only *.yaml files are read here"),
    ("raw-text-article", {"articles": {"gamma.txt": "Some raw text."}}, "c/articles/gamma.txt",
     "not loaded: only *.md files are read here (use `briefing import` for raw text)"),
    ("upper-case-extension", {"articles": {"gamma.MD": BETA}}, "c/articles/gamma.MD",
     "not loaded: only *.md files are read here"),
    ("unknown-event", {"claims": {"beta.yaml": bad(BETA_CLAIMS, "[ceasefire]", "[cease-fire]")}},
     f"c/claims/beta.yaml:{line_of(BETA_CLAIMS, 'events:')}",
     "claim beta-01: event 'cease-fire' is not in events.yaml (did you mean 'ceasefire'?)"),
    ("bad-kind", {"claims": {"beta.yaml": bad(BETA_CLAIMS, "kind: figure", "kind: number")}},
     f"c/claims/beta.yaml:{line_of(BETA_CLAIMS, 'kind:')}", "claim beta-01: kind 'number' is not one of"),
    ("bad-frame", {"claims": {"alpha.yaml": bad(ALPHA_CLAIMS, "frame: security_and_defense", "frame: security")}},
     f"c/claims/alpha.yaml:{line_of(ALPHA_CLAIMS, 'frame:')}", "claim alpha-01: frame 'security' is not one of: economic"),
    ("figure-without-quantity", {"claims": {"beta.yaml": bad(BETA_CLAIMS, "quantity: peacekeepers, ", "")}},
     f"c/claims/beta.yaml:{line_of(BETA_CLAIMS, 'quantity:')}",
     "claim beta-01, figures #1: missing required field 'quantity'"),
    ("figure-value-text", {"claims": {"beta.yaml": bad(BETA_CLAIMS, "value: 1900", "value: '1 900'")}},
     f"c/claims/beta.yaml:{line_of(BETA_CLAIMS, 'value:')}",
     "claim beta-01, figures #1: 'value' must be a number (like 1960 or 2.5), not '1 900'"),
    ("claim-bad-date", {"claims": {"alpha.yaml": bad(ALPHA_CLAIMS, "    - 2020-11\n", "    - 20-11-2020\n")}},
     f"c/claims/alpha.yaml:{line_of(ALPHA_CLAIMS, '- 2020-11')}", "claim alpha-01: dates: '20-11-2020' is not an ISO date"),
    ("claim-bad-date-value", {"claims": {"alpha.yaml": bad(ALPHA_CLAIMS, "value: 2020-11-09", "value: 2020-02-30")}},
     f"c/claims/alpha.yaml:{line_of(ALPHA_CLAIMS, 'value: 2020-11-09')}",
     "claim alpha-01, dates #1: value: '2020-02-30' is not a calendar date"),
    ("occurrence-zero", {"claims": {"alpha.yaml": bad(ALPHA_CLAIMS, "occurrence: 2", "occurrence: 0")}},
     f"c/claims/alpha.yaml:{line_of(ALPHA_CLAIMS, 'occurrence:')}", "claim alpha-02: 'occurrence' must be a whole number from 1"),
    ("missing-quote", {"claims": {"beta.yaml": bad(BETA_CLAIMS, '  quote: "1 900 men were deployed"\n', "")}},
     "c/claims/beta.yaml:1", "claim beta-01: missing required field 'quote'"),
    ("bad-claim-id", {"claims": {"beta.yaml": bad(BETA_CLAIMS, "id: beta-01", "id: beta 01")}},
     "c/claims/beta.yaml:1", "id 'beta 01' is not a valid id"),
    ("duplicate-claim-across-files", {"claims": {"beta.yaml": bad(BETA_CLAIMS, "id: beta-01", "id: alpha-01")}},
     "c/claims/beta.yaml:1", "claim id 'alpha-01' is used twice (first at c/claims/alpha.yaml:1)"),
    ("claim-not-a-mapping", {"claims": {"beta.yaml": "- just a quote\n"}}, "c/claims/beta.yaml:1",
     "claim #1 must be fields (id: ..., quote: ...), not text"),
    ("quote-not-found", {"claims": {"beta.yaml": bad(BETA_CLAIMS, "1 900 men were deployed", "2 000 men")}},
     f"c/claims/beta.yaml:{line_of(BETA_CLAIMS, 'quote:')}", "claim beta-01: quote not found in beta"),
    ("ambiguous-quote", {"claims": {"alpha.yaml": bad(ALPHA_CLAIMS, "  occurrence: 2\n", "")}},
     f"c/claims/alpha.yaml:{line_of(ALPHA_CLAIMS, 'quote: twice')}",
     "claim alpha-02: quote is ambiguous, found 2 times (alpha/2/1 x2)"),
]


@pytest.mark.parametrize("kwargs, where, fragment", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_input(in_tmp, kwargs, where, fragment):
    kwargs = dict(kwargs)
    make_dir = kwargs.pop("mkdir", None)  # a folder where a file should be
    root = write_briefing(in_tmp / "c", **kwargs)
    if make_dir:
        (root / make_dir).mkdir()
    result = run_check("--content", "c")
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    prefix = f"{where}: "  # "path:line: " or, for a whole-file problem, "path: "
    matching = [line for line in lines if line.startswith(prefix)]
    assert matching, f"no line starts with {prefix!r}:\n{result.output}"
    assert any(fragment in line for line in matching), result.output
    # Every line but the count is a `path:line: message` or `path: message` problem.
    assert lines[-1].endswith("found.")
    assert all(line.startswith("c/") for line in lines[:-1]), result.output


@pytest.mark.parametrize("setup, expected", [
    (lambda tmp: None, "nope: no such directory"),
    (lambda tmp: (tmp / "nope").mkdir(), "nope: not a briefing: it has neither briefing.yaml nor an articles/ folder"),
    (lambda tmp: write_briefing(tmp / "nope", articles={"alpha.md": None, "beta.md": None},
                                claims={"alpha.yaml": None, "beta.yaml": None}),
     "nope/articles: no articles: add articles/<id>.md files"),
])
def test_not_a_briefing(in_tmp, setup, expected):
    setup(in_tmp)
    result = run_check("--content", "nope")
    assert result.exit_code == 1
    assert result.output.splitlines() == [expected, "1 problem found."]


def test_content_that_is_a_file_is_a_usage_error(in_tmp):
    (in_tmp / "nope").write_text("x")
    result = run_check("--content", "nope")
    assert result.exit_code == 2  # click's own check of --content: a usage error
    assert "Directory 'nope' is a file" in result.output


def test_many_problems_are_all_reported_in_file_order(in_tmp):
    write_briefing(in_tmp / "c",
                   articles={"beta.md": bad(BETA, "genre: null", "genre: blog")},
                   events=bad(EVENTS, "date: 2020-11-09", "date: soon"),
                   claims={"beta.yaml": bad(BETA_CLAIMS, "kind: figure", "kind: guess")})
    result = run_check("--content", "c")
    assert result.exit_code == 1
    assert [line.split(": ")[0] for line in result.output.splitlines()] == [
        f"c/articles/beta.md:{line_of(BETA, 'genre:')}",
        f"c/claims/beta.yaml:{line_of(BETA_CLAIMS, 'kind:')}",
        f"c/events.yaml:{line_of(EVENTS, 'date: 2020-11-09')}",
        "3 problems found.",
    ]


def test_real_console_script(tmp_path):
    """One run of the installed entry point, as a user would type it."""
    exe = Path(sys.executable).parent / "briefing"
    good = write_briefing(tmp_path / "good")
    done = subprocess.run([str(exe), "check", "--content", str(good)], capture_output=True,
                          text=True, timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (0, SUMMARY + "\n", "")
    broken = write_briefing(tmp_path / "broken", events=b"- id: war\n  title: \xff\n")
    done = subprocess.run([str(exe), "check", "--content", str(broken)], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 1
    assert done.stdout.startswith(f"{broken}/events.yaml:2: not valid UTF-8 (byte 0xFF at byte offset 19)")
    assert "Traceback" not in done.stdout + done.stderr


def test_lexicon_problems_are_warnings(in_tmp):
    # The lexicon is optional (its problems never fail the check) but used to go unreported.
    root = write_briefing(in_tmp / "c")
    (root / "lexicon.yaml").write_text("- group: force\n  terms: [attack\n", encoding="utf-8")
    result = run_check("--content", "c")
    assert result.exit_code == 0
    warning, summary = result.output.splitlines()
    assert warning.startswith("warning: c/lexicon.yaml:3: invalid YAML")
    assert summary == SUMMARY
