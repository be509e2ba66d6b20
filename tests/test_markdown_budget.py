"""Pathological Markdown (issue 18 item 8): markdown-it-py rescans a paragraph for each
unmatched "[", "<" or "_", so a large article of "*[" repeated took 38 s.  Paragraphs over
the file's budget are kept as plain text and reported as ``path:line:``."""

from __future__ import annotations

from click.testing import CliRunner

from briefing.cli import main
from briefing.loading.inline import MAX_MARKS, MarkdownBudget
from briefing.loader import load_corpus
from briefing_dirs import BETA, line_of, write_briefing


def _check(root):
    return CliRunner().invoke(main, ["check", "--content", str(root)])


def test_one_huge_paragraph_of_brackets_is_reported_not_parsed(tmp_path):
    evil = "*[" * 100_000  # 200 KB: seconds in markdown-it-py, hours at 4.9 MB
    article = BETA + "\n" + evil + "\n\nAfter it.\n"
    root = write_briefing(tmp_path / "c", articles={"beta.md": article})
    result = _check(root)
    line = line_of(article, "*[*[")
    assert result.exit_code == 1
    assert f"articles/beta.md:{line}: too much Markdown syntax" in result.output
    corpus, _ = load_corpus(root)
    texts = [p.text for s in corpus.articles["beta"].sections for p in s.paragraphs]
    assert evil in texts and "After it." in texts  # nothing lost: kept as plain text


def test_many_dense_paragraphs_share_one_budget(tmp_path):
    dense = "[x " * (MAX_MARKS // 2)  # each paragraph under the per-paragraph limit
    article = BETA + "".join(f"\n{dense}{n}\n" for n in range(40))
    root = write_briefing(tmp_path / "c", articles={"beta.md": article})
    result = _check(root)
    assert result.exit_code == 1 and "more paragraph(s) like it" in result.output


def test_ordinary_markdown_is_parsed_as_before(tmp_path):
    links = " ".join(f"[source {n}](https://example.org/{n}) *and* _more_" for n in range(60))
    article = BETA + "\n" + links + "\n"
    root = write_briefing(tmp_path / "c", articles={"beta.md": article})
    assert _check(root).exit_code == 0
    corpus, problems = load_corpus(root)
    para = corpus.articles["beta"].sections[-1].paragraphs[-1]
    assert "[" not in para.text and len(para.spans) == 180


def test_budget_counts_marks():
    budget = MarkdownBudget()
    assert budget.allows("plain words", 1) and budget.work == 0
    assert not budget.allows("[" * (MAX_MARKS + 1), 7)
    assert budget.problem()[0] == 7
