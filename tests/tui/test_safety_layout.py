"""Hostile content renders literally; layout adapts from 40x12 to 250x70; themes and NO_COLOR."""

from __future__ import annotations

import pytest

from briefing.tui.screens.reader import ReaderScreen
from briefing.tui.widgets.article_view import Passage
from briefing.tui.widgets.toc import TocTree

from .conftest import make_app, make_corpus, screen_text


async def test_hostile_text_is_shown_literally_and_never_acts():
    app = make_app(make_corpus(hostile=True))
    async with app.run_test(size=(160, 48)) as pilot:
        reader = app.screen
        await pilot.press("ctrl+p", *"Source: Gamma")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert reader.article_id == "gamma-2021" and app.is_running
        text = screen_text(app)
        assert "Gamma [@click=app.quit]: voices [/claim]" in text  # title, literally
        assert "Markup [/claim] and [@click=app.quit]quit[/] and" in text and "[b]bold[/b]" in text
        assert "Россия направила миротворцев" in text
        assert "Azərbaycan və Ermənistan" in text
        assert "Հայաստանը և Ռուսաստանը" in text
        for passage in app.query(Passage):
            plain = passage.render().plain
            assert "\x1b" not in plain and "\x9b" not in plain and "\u202e" not in plain
        tree_labels = [str(n.label) for n in app.query_one(TocTree).root.children]
        # literal title and byline, whatever reading progress is shown between them
        assert any(label.startswith("Gamma [@click=app.quit]: voices [/claim]")
                   and label.endswith("  Гамма Г. · Outlet evil · n.d.") for label in tree_labels)
        # the hostile claim, with a hostile speaker, in the claim panel
        await pilot.press("n")
        assert reader.claim_id == "gamma-2021-03"
        await pilot.pause()
        assert "Speaker: [@click=app.quit]Speaker" in screen_text(app)
        # clicking on the text must not run the embedded action
        await pilot.click(Passage, offset=(12, 0))
        await pilot.pause()
        assert app.is_running


async def test_hostile_queries_in_search_goto_and_palette():
    app = make_app(make_corpus(hostile=True))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("slash", *"[/claim]", "enter")
        await pilot.pause()
        assert "match" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.article_id == "gamma-2021"
        await pilot.press("g", *"[@click=app.quit]", "enter", "escape")
        await pilot.press("ctrl+p", *"[/claim]")
        await pilot.pause(0.5)
        assert "[/claim]" in screen_text(app)
        await pilot.press("escape")
        assert app.is_running and isinstance(app.screen, ReaderScreen)


@pytest.mark.slow
async def test_megabyte_paragraph_is_chunked_and_its_claim_reachable():
    app = make_app(make_corpus(big_paragraph=True))
    async with app.run_test(size=(80, 24)) as pilot:
        reader = app.screen
        reader.open(reader.here().__class__("gamma-2021"))
        await pilot.pause()
        big = [p for p in app.query(Passage) if p.paragraph.id == "gamma-2021/1/4"]
        assert len(big) > 200 and all(p.end - p.start <= 4000 for p in big)
        await pilot.press("n", "n", "n")
        assert reader.claim_id == "gamma-2021-04"
        await pilot.pause()
        assert "needle at the very end" in screen_text(app)


@pytest.mark.parametrize("size", [(40, 12), (80, 24), (120, 36), (250, 70)])
async def test_every_size_shows_the_article(size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("n")
        await pilot.pause()
        assert "Alpha on the" in screen_text(app)
        reader = app.screen
        narrow = size[0] < 100
        assert reader.has_class("-hide-toc") == narrow
        assert reader.has_class("-hide-claims") == (narrow and size[1] < 30)


async def test_resizing_from_tiny_to_huge_and_back_does_not_crash():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n", "o", "i")
        for width, height in [(40, 12), (250, 70), (40, 12), (80, 24), (20, 5), (200, 60)]:
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            await pilot.press("n", "right_square_bracket")
        await pilot.press("question_mark")
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        await pilot.press("escape", "slash")
        await pilot.resize_terminal(250, 70)
        await pilot.pause()
        await pilot.press("escape")
        assert app.is_running


@pytest.mark.parametrize("theme", ["textual-ansi", "ansi-light", "textual-light", "nord"])
async def test_themes_render(theme):
    app = make_app(theme=theme)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        assert app.theme == {"textual-ansi": "ansi-dark"}.get(theme, theme)
        styles = app.screen.article_view.highlight_styles()
        assert styles["claim--current"] != styles["claim--fact"]


def test_unknown_theme_is_refused():
    with pytest.raises(ValueError, match="unknown theme"):
        make_app(theme="no-such-theme")


async def test_no_color_keeps_claims_distinguishable(monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        assert app.no_color
        styles = app.screen.article_view.highlight_styles()
        assert styles["claim--current"].reverse and styles["claim--fact"].underline


async def test_annotated_claims_are_marked_and_shown(tmp_path):
    from briefing.store import AnnotationStore

    store = AnnotationStore(tmp_path / "annotations.json", author="tester")
    store.annotate("alpha-2023-01", "The crisis began in 2020.", add_tags=["origin"],
                   note="see [/claim] later")
    app = make_app(make_corpus(), store=store)
    async with app.run_test(size=(160, 48)) as pilot:
        first = next(p for p in app.query(Passage) if p.paragraph.id == "alpha-2023/0/1")
        assert first.state.annotated == frozenset({"alpha-2023-01"})
        await pilot.press("n")
        await pilot.pause()
        text = screen_text(app)
        assert "origin" in text and "see [/claim] later" in text
    store.close()
