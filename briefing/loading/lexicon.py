"""Reading the optional lexicon file (content/lexicon.yaml); briefing.analysis.lexicon parses
and uses what it holds, without touching the file system."""

from __future__ import annotations

from pathlib import Path

from briefing.analysis.lexicon import Lexicon, parse_lexicon
from briefing.loading.files import read_text
from briefing.loading.yamlsrc import parse_yaml
from briefing.problems import Problem


def load_lexicon(path: Path) -> tuple[Lexicon, list[Problem]]:
    """Read a lexicon file; a missing file is an empty lexicon (the file is optional).

    Read like every content file (size limit, encoding, YAML depth): a bad file is a Problem,
    never a traceback (PyYAML itself raises ValueError on "2023-13-45", RecursionError on
    deep nesting)."""
    if not (path.exists() or path.is_symlink()):
        return Lexicon(), []
    text, problems = read_text(path)
    if text is None:
        return Lexicon(), problems
    data, problems = parse_yaml(text, path)
    if problems:
        return Lexicon(), problems
    return parse_lexicon(data, path)
