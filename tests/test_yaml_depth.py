"""Deep nesting is one clear problem, whichever PyYAML loader is installed.

PyYAML 6.0.4's libyaml stops deep nesting with a ScannerError and its pure-Python composer
recurses until RecursionError; earlier releases differed again.  Every content file must answer
`path:line: nested more than N levels deep` with both loaders, so CI cannot turn red when PyYAML
changes.
"""

from __future__ import annotations

import pytest
import yaml
from click.testing import CliRunner

from briefing.loading.lexicon import load_lexicon
from briefing.cli import main
from briefing.loading import yamlsrc
from briefing_dirs import ALPHA, write_briefing

LOADERS = [pytest.param(yaml.SafeLoader, id="pure-python")]
if hasattr(yaml, "CSafeLoader"):
    LOADERS.append(pytest.param(yaml.CSafeLoader, id="libyaml"))


def flow(depth: int) -> str:
    return "[" * depth + "]" * depth


def block(depth: int, indent: str = "  ") -> str:
    """A block sequence nested ``depth`` levels, starting on a new line."""
    return "".join(f"\n{indent * (i + 1)}- " for i in range(depth)) + "x"


# Depths: just past the limit (both composers build it), and far past it (libyaml refuses,
# the pure-Python composer recurses out).
DEPTHS = [yamlsrc._MAX_DEPTH + 5, 3000]


@pytest.fixture(params=LOADERS)
def loader(request, monkeypatch):
    monkeypatch.setattr(yamlsrc, "_Loader", request.param)
    return request.param


@pytest.mark.parametrize("depth", DEPTHS)
@pytest.mark.parametrize("shape", ["flow", "block"])
def test_parse_yaml_reports_the_line_where_it_gets_too_deep(loader, depth, shape, tmp_path):
    if shape == "block" and depth > 500:
        depth = 500  # 3000 block levels is 9 MB of indentation; 500 is already past libyaml
    nested = flow(depth) if shape == "flow" else block(depth)
    text = f"a: 1\nb: {nested}\n"
    value, problems = yamlsrc.parse_yaml(text, tmp_path / "x.yaml", first_line=10)
    assert value is None or problems
    assert len(problems) == 1, problems
    (problem,) = problems
    assert problem.message == f"nested more than {yamlsrc._MAX_DEPTH} levels deep"
    assert problem.line >= 11  # the nesting starts on the file's second line (10 + 1)


def test_both_loaders_agree_on_ordinary_yaml(tmp_path):
    text = "- id: a\n  terms: [x, y]\n  n: 3\n"
    answers = {yamlsrc.parse_yaml(text, tmp_path / "x.yaml", loader=p.values[0])[0] == [
        {"id": "a", "terms": ["x", "y"], "n": 3}] for p in LOADERS}
    assert answers == {True}


NESTED = flow(3000)


@pytest.mark.parametrize("kind, files, where", [
    ("events", {"events": f"- id: war\n  title: {NESTED}\n"}, "c/events.yaml:2"),
    ("briefing", {"briefing": f"title: x\nquestions: {NESTED}\n"}, "c/briefing.yaml:2"),
    ("claims", {"claims": {"alpha.yaml": f"- id: alpha-01\n  quote: {NESTED}\n"}}, "c/claims/alpha.yaml:2"),
    ("front-matter", {"articles": {"alpha.md": ALPHA.replace("---\n", f"---\nextra: {NESTED}\n", 1)}},
     "c/articles/alpha.md:2"),
])
def test_check_reports_deep_nesting_in_every_content_file(loader, kind, files, where, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_briefing(tmp_path / "c", **files)
    result = CliRunner().invoke(main, ["check", "--content", "c"])
    assert "Traceback" not in result.output
    assert result.exit_code == 1, result.output
    expected = f"{where}: nested more than {yamlsrc._MAX_DEPTH} levels deep"
    assert expected in result.output.splitlines(), result.output


def test_lexicon_deep_nesting(loader, tmp_path):
    path = tmp_path / "lexicon.yaml"
    path.write_text(f"- group: x\n  terms: {NESTED}\n", encoding="utf-8")
    lexicon, problems = load_lexicon(path)
    assert lexicon.groups == []
    assert [(p.line, p.message) for p in problems] == [
        (2, f"nested more than {yamlsrc._MAX_DEPTH} levels deep")]
