"""The importer: the five seeds (bodies reproduced byte for byte, quirks handled) and layouts
it has never seen (fixtures written here), plus the `briefing import` command."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing.importer import import_file, import_text
from briefing.importer.audit import lost_words

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
CONTENT = ROOT / "content" / "articles"
SEED_IDS = {
    "000_85cc1d9da35f1678.txt": "jafarli-2023",
    "001_be0dc0b07d43a244.txt": "tadevosian-2023",
    "002_dfc4ea22a266b7c5.txt": "dupuy-2022",
    "003_736e2f8fec6d5db4.txt": "paylan-2023",
    "004_b894aca6228700f4.txt": "armenia-isolation-2023",
}
needs_seeds = pytest.mark.skipif(not SEEDS.is_dir(), reason="raw seeds not present")


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
