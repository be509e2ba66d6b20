"""yamlsrc's alias-free fast path gives exactly what the general converter gives."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from briefing.loading.yamlsrc import YDict, YList, _Converter, _Loader, parse_yaml

CONTENT = Path(__file__).resolve().parent.parent / "content"
FILES = sorted(CONTENT.rglob("*.yaml"))


def deep(value):
    """Values with every line and raw text, recursively, for comparison."""
    if isinstance(value, YDict):
        return ("map", value.line, {k: (deep(v), value.lines[k], value.raw.get(k))
                                    for k, v in value.items()})
    if isinstance(value, YList):
        return ("seq", value.line, [(deep(v), line, raw)
                                    for v, line, raw in zip(value, value.lines, value.raw)])
    return (type(value).__name__, value)


EXTRA = """\
- id: x
  n: 3
  f: 2.5
  ok: yes
  none: null
  when: 2023-02-30
  text: "quoted \\t tab"
  nested: {a: [1, "two", {b: no}]}
  tagged: !!str 12
"""


@pytest.mark.parametrize("text", [f.read_text(encoding="utf-8") for f in FILES] + [EXTRA],
                         ids=[f.name for f in FILES] + ["extra"])
def test_fast_path_equals_general_converter(text):
    assert "&" not in text
    node = yaml.compose(text, Loader=_Loader)
    general = _Converter(Path("f.yaml"), 1, aliases=True)
    fast = _Converter(Path("f.yaml"), 1, aliases=False)
    assert deep(fast.convert(node)) == deep(general.convert(node))
    assert fast.problems == general.problems
    value, problems = parse_yaml(text, Path("f.yaml"))
    assert deep(value) == deep(general.convert(node)) and problems == general.problems
