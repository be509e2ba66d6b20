"""Export leftovers and linkify (issue 18 item 10)."""

from __future__ import annotations

import os
import time

import pytest
from markdown_it import MarkdownIt

from briefing.export.mdsafe import escape_block, escape_inline
from briefing.export.write import STALE_SECONDS, write_export

LINKIFY = MarkdownIt("commonmark", {"linkify": True}).enable("linkify")


@pytest.mark.parametrize("note", ["see www.example.com", "example.org/path", "mail a@b.example",
                                  "http://x.org", "WWW.EXAMPLE.COM.", "café.example.fr"])
def test_no_bare_domain_becomes_a_link_under_linkify(note):
    html = LINKIFY.render("\n".join(escape_block(note)))
    assert "<a " not in html, html
    assert LINKIFY.renderInline(escape_inline(note)).replace("&amp;", "&") == note


def test_numbers_and_sentences_read_as_typed():
    for text in ("1.5 million", "e.g. this. That.", "v2.0"):
        assert LINKIFY.renderInline(escape_inline(text)) == text


def test_a_killed_exports_temp_file_is_removed_by_the_next(tmp_path):
    target = tmp_path / "brief.md"
    old = tmp_path / ".brief.md.0123456789ab.tmp"  # what a killed export leaves
    old.write_bytes(b"x" * 4096)
    past = time.time() - STALE_SECONDS - 5
    os.utime(old, (past, past))
    live = tmp_path / ".brief.md.ba9876543210.tmp"  # another export writing right now
    live.write_bytes(b"y")
    write_export(target, "# Brief\n")
    assert target.read_text() == "# Brief\n"
    assert not old.exists() and live.exists()
