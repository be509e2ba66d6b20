"""Invisible and format characters in tags, notes, names and queries (issue 18 item 9):
removed where they would make two identical-looking things differ, never echoed raw."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from briefing.cli import main
from briefing.store import AnnotationStore
from briefing.store.model import normalise_author, normalise_tag
from briefing.text import clean, clean_line, drop_invisible, visible
from briefing_dirs import write_briefing

HIDDEN = ["\u200b", "\u2060", "\ufeff", "\u00ad", "\u200d", "\u200c", "\u200e", "\u2063",
          "\U000e0041\U000e0042", "\ufe0f", "\u180e"]
ESCAPES = ["\x1b]52;c;aGVsbG8=\x07", "\x1b[2J", "\x9b31m", "\u202e"]


@pytest.mark.parametrize("hidden", HIDDEN)
def test_a_tag_with_an_invisible_character_is_the_same_tag(hidden):
    assert normalise_tag(f"rus{hidden}sia") == "russia"
    assert normalise_author(f"a{hidden}na") == "ana"
    assert drop_invisible(f"lachin{hidden} corridor") == "lachin corridor"


def test_clean_removes_invisible_characters_and_keeps_joiners_in_text():
    assert clean("a\u200bb\ufeffc\U000e0041d\u00ade") == "abcde"  # zero-width, BOM, tag, SHY
    assert clean("one\u2028two\u2029three") == "one two three"  # no hidden line breaks
    assert clean("\U0001F468\u200d\U0001F469") == "\U0001F468\u200d\U0001F469"  # emoji ZWJ kept
    assert clean("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645") == \
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # Persian ZWNJ kept
    assert visible("a\u200bb\u2028") == "a\\u200bb\\u2028"
    assert clean_line("x\u2028y") == "x y"


def test_store_merges_look_alike_tags(tmp_path):
    store = AnnotationStore(tmp_path / "db.json", author="ana")
    store.annotate("c-1", "q", add_tags=["rus\u200bsia"], note="a\u200bb \x1b[2J\U000e0041")
    store.annotate("c-2", "q", add_tags=["russia", "RUS\u2060SIA"])
    assert store.tags() == [("russia", 2)]
    assert store.get("c-1").note == "ab [2J"


@pytest.fixture
def content(tmp_path, monkeypatch):
    root = write_briefing(tmp_path / "content")
    monkeypatch.setenv("BRIEFING_CONTENT", str(root))
    monkeypatch.setenv("BRIEFING_DB", str(tmp_path / "db.json"))
    return root


@pytest.mark.parametrize("escape", ESCAPES)
def test_search_never_echoes_an_escape_sequence(content, escape):
    for args in (["search", f"zzz{escape}qqq"], ["search", "--json", f"zzz{escape}"],
                 ["search", f"--{escape}", "x"], ["events", f"extra{escape}"],
                 ["annotate", f"nope{escape}", "--tag", "x"],
                 ["annotate", "alpha-01", "--tag", f"{escape}"]):
        result = CliRunner().invoke(main, args)
        assert "\x1b" not in result.output and "\x9b" not in result.output, args
        assert "\u202e" not in result.output, args
        assert result.exception is None or isinstance(result.exception, SystemExit), args


def test_search_ignores_invisible_characters_in_the_query(content):
    plain = CliRunner().invoke(main, ["search", "--json", "alpha"])
    hidden = CliRunner().invoke(main, ["search", "--json", "al\u200bpha\u2060"])
    assert plain.exit_code == hidden.exit_code == 0
    assert plain.output == hidden.output
