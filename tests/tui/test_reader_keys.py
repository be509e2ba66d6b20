"""Pilot tests: every key and navigation path of the reader, at 80x24 unless stated."""

from __future__ import annotations

from textual.widgets import Input, OptionList

from briefing.tui.screens.compare import CompareScreen
from briefing.tui.dialogs.goto_event import GotoEventScreen
from briefing.tui.dialogs.help_screen import HelpScreen
from briefing.tui.screens.reader import ReaderScreen
from briefing.tui.dialogs.search_screen import SearchScreen
from briefing.tui.widgets.article_view import ArticleView, Passage
from briefing.tui.widgets.claim_panel import OtherClaims
from briefing.tui.widgets.toc import TocTree

from .conftest import make_app, screen_text

SMALL = (80, 24)
LARGE = (160, 48)


async def test_opens_on_first_article_with_only_it_mounted():
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        assert reader.article_id == "alpha-2023"
        assert isinstance(app.focused, ArticleView)
        text = screen_text(app)
        assert "Alpha on the alliance crisis" in text
        assert "Ann Alpha · Alpha Review · 2023-02" in text
        paragraphs = {p.paragraph.article_id for p in app.query(Passage)}
        assert paragraphs == {"alpha-2023"}


async def test_n_and_p_move_claim_by_claim_and_cross_articles():
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        reader = app.screen
        await pilot.press("n")
        assert reader.claim_id == "alpha-2023-01"
        assert "The crisis began in 2020." in screen_text(app)
        await pilot.press("n", "n")
        assert reader.claim_id == "alpha-2023-03"
        # the claim panel shows it, with the other sources and the disagreement
        await pilot.pause()
        text = screen_text(app)
        assert "FIGURE" in text and "russian-peacekeepers-nk" in text
        assert "Beta: peacekeepers and promises" in text
        assert "≠" in text
        await pilot.press("p")
        assert reader.claim_id == "alpha-2023-02"
        await pilot.press("n", "n", "n", "n")  # past the last claim of alpha
        assert reader.article_id == "beta-2022" and reader.claim_id == "beta-2022-01"
        await pilot.press("p")
        assert reader.article_id == "alpha-2023" and reader.claim_id == "alpha-2023-05"


async def test_current_claim_highlight_rerenders_only_changed_passages():
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        await pilot.press("n")
        states = {p.paragraph.id: p.state.current_claim for p in app.query(Passage)}
        assert states["alpha-2023/0/1"] == "alpha-2023-01"
        before = {id(p): p.state for p in app.query(Passage)}
        await pilot.press("n")
        changed = [p.paragraph.id for p in app.query(Passage) if before[id(p)] is not p.state]
        assert sorted(changed) == ["alpha-2023/0/1", "alpha-2023/1/1"]


async def test_section_keys_move_between_sections_and_articles():
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        reader = app.screen
        view = reader.article_view
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert view.section_at_top() == 1
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert view.section_at_top() == 2
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert view.section_at_top() == 1
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.pause()
        assert reader.article_id == "beta-2022"
        await pilot.press("left_square_bracket")
        await pilot.pause()
        assert reader.article_id == "alpha-2023"


async def test_scroll_keys_scroll_the_article():
    app = make_app()
    async with app.run_test(size=(80, 12)) as pilot:
        view = app.screen.article_view
        await pilot.press("j", "j")
        assert view.scroll_y == 2
        await pilot.press("k")
        assert view.scroll_y == 1
        await pilot.press("down")
        assert view.scroll_y == 2
        await pilot.press("up")
        assert view.scroll_y == 1
        await pilot.press("space")
        paged = view.scroll_y
        assert paged > 2
        await pilot.press("pageup")
        assert view.scroll_y < paged
        await pilot.press("pagedown")
        assert view.scroll_y >= paged - 1


async def test_tab_cycles_panes_and_enter_opens_tree_items():
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        reader = app.screen
        await pilot.press("n")
        assert isinstance(app.focused, ArticleView)
        await pilot.press("tab")
        assert isinstance(app.focused, OtherClaims)
        await pilot.press("tab")
        assert isinstance(app.focused, TocTree)
        await pilot.press("shift+tab")
        assert isinstance(app.focused, OtherClaims)
        await pilot.press("tab")
        tree = app.focused
        assert isinstance(tree, TocTree)
        # move to the second source and open it with enter
        line = next(n.line for n in tree.root.children if n.data.article_id == "beta-2022")
        tree.cursor_line = line
        await pilot.press("enter")
        await pilot.pause()
        assert reader.article_id == "beta-2022"
        assert "Beta: peacekeepers and promises" in screen_text(app)
        # a section node scrolls to its heading
        node = next(n for n in tree.root.children if n.data.article_id == "beta-2022")
        tree.cursor_line = node.children[1].line
        await pilot.press("enter")
        await pilot.pause()
        assert reader.article_view.section_at_top() == 1


async def test_enter_on_claim_then_other_source_jumps_there_and_back_forward():
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        reader = app.screen
        await pilot.press("n", "n", "n")
        assert reader.claim_id == "alpha-2023-03"
        assert reader.has_class("-hide-claims")
        await pilot.press("enter")  # opens the claim: panel shown, its list focused
        await pilot.pause()
        assert not reader.has_class("-hide-claims")
        assert isinstance(app.focused, OtherClaims)
        await pilot.press("enter")  # first other source: beta's 2,500 peacekeepers
        await pilot.pause()
        assert reader.article_id == "beta-2022" and reader.claim_id == "beta-2022-01"
        await pilot.press("backspace")
        await pilot.pause()
        assert reader.article_id == "alpha-2023" and reader.claim_id == "alpha-2023-03"
        await pilot.press("alt+right")
        await pilot.pause()
        assert reader.claim_id == "beta-2022-01"
        await pilot.press("alt+left")
        await pilot.pause()
        assert reader.claim_id == "alpha-2023-03"
        await pilot.press("alt+left")  # nothing further back: stays, says so
        await pilot.pause()
        assert reader.claim_id == "alpha-2023-03"


async def test_search_jumps_to_the_passage_and_highlights_it():
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        reader = app.screen
        await pilot.press("slash")
        assert isinstance(app.screen, SearchScreen)
        assert isinstance(app.focused, Input)
        await pilot.press(*"moscow")
        await pilot.press("enter")
        await pilot.pause()
        assert "1 match" in screen_text(app)
        assert isinstance(app.focused, OptionList)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is reader
        assert reader.article_id == "beta-2022"
        para = app.corpus.paragraph("beta-2022/0/1")
        assert reader.article_view._match == (para.id, 0, 6)
        passage = next(p for p in app.query(Passage) if p.paragraph.id == para.id)
        assert passage.state.match == (0, 6)
        await pilot.press("backspace")  # search results are history entries too
        await pilot.pause()
        assert reader.article_id == "alpha-2023"


async def test_search_escape_and_no_results():
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("slash", *"zzzqqq", "enter")
        await pilot.pause()
        assert "No matches." in screen_text(app)
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_goto_event_filters_and_opens_a_claim_on_it():
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        reader = app.screen
        await pilot.press("g")
        assert isinstance(app.screen, GotoEventScreen)
        await pilot.press(*"founded")
        await pilot.pause()
        listing = app.screen.query_one(OptionList)
        assert listing.option_count == 1
        await pilot.press("enter")
        await pilot.pause()
        assert reader.claim_id == "beta-2022-02"
        await pilot.press("g", "escape")
        assert app.screen is reader


async def test_compare_needs_a_claim_then_opens_the_comparison():
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        reader = app.screen
        await pilot.press("c")  # no claim yet: a hint, no screen
        assert app.screen is reader
        assert any("claim" in n.message for n in app._notifications)
        await pilot.press("n", "n", "n", "c")
        await pilot.pause()
        assert app.screen is not reader  # the compare view (its own tests: test_compare.py)
        assert "November 2020 ceasefire" in screen_text(app)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is reader


async def test_tag_and_annotate_without_a_claim_give_a_hint():
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("t", "a")
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert len(messages) == 2 and all("claim" in m for m in messages)


async def test_help_lists_keys_and_follows_the_keymap():
    app = make_app(keymap={"reader.next_claim": "N"})
    # Tall enough for the reader's keys (the curation keys made the list longer).
    async with app.run_test(size=(100, 60)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        for description in ("Next claim", "Prev section", "Search", "Go to event", "Back", "Quit"):
            assert description in text
        assert "N" in next(line for line in text.splitlines() if "Next claim" in line)
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)
        await pilot.press("N")
        assert app.screen.claim_id == "alpha-2023-01"


async def test_help_groups_keys_under_the_pane_they_work_in():
    app = make_app()
    async with app.run_test(size=(100, 60)) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        groups = list(dict.fromkeys(group for group, _, _ in app.screen.rows))
        # Every node with keys says where they belong: no group is a class's name.
        assert groups[:2] == ["Everywhere", "Reader"]
        assert set(groups) == {"Everywhere", "Reader", "Article pane", "Contents pane",
                               "Claim panel", "Selecting a passage (h, or drag)"}
        assert "Reader" in screen_text(app) and "ReaderScreen" not in screen_text(app)


def test_every_node_with_keys_names_its_help_group():
    import importlib
    import pkgutil

    import briefing.tui
    from briefing.tui.keys import KeyGroup

    for info in pkgutil.walk_packages(briefing.tui.__path__, "briefing.tui."):
        importlib.import_module(info.name)
    kinds, todo = [], list(KeyGroup.__subclasses__())
    while todo:
        kind = todo.pop()
        kinds.append(kind)
        todo += kind.__subclasses__()
    assert len(kinds) >= 10
    for kind in kinds:
        assert isinstance(kind.HELP_GROUP, str), kind  # AttributeError when it has none


async def test_toggle_panes_at_80_columns():
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        reader = app.screen
        assert reader.has_class("-hide-toc") and reader.has_class("-hide-claims")
        await pilot.press("o")
        assert not reader.has_class("-hide-toc")
        assert isinstance(app.focused, TocTree)
        await pilot.press("o")
        assert reader.has_class("-hide-toc")
        assert isinstance(app.focused, ArticleView)
        await pilot.press("i")
        assert not reader.has_class("-hide-claims")
        await pilot.press("i")
        assert reader.has_class("-hide-claims")


async def test_command_palette_opens_a_source():
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        reader = app.screen
        await pilot.press("ctrl+p")
        await pilot.press(*"Source: Beta")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert reader.article_id == "beta-2022"


async def test_command_palette_claims_events_and_actions():
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        reader = app.screen
        await pilot.press("ctrl+p", *"Claim: CSTO was founded")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert reader.claim_id == "beta-2022-02"
        await pilot.press("ctrl+p", *"Event: Second Karabakh")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert reader.corpus.claims[reader.claim_id].events == ["second-karabakh-war"]
        await pilot.press("ctrl+p", *"Toggle the contents")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert reader.has_class("-hide-toc")


async def test_q_quits():
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_cached_start_shows_the_first_article_then_takes_the_full_corpus():
    """Start-up from the corpus cache: only the first article at first, the rest in a thread."""
    import threading

    from briefing.cache.head import head_of
    from briefing.outline import outline

    from .conftest import make_corpus

    full = make_corpus()
    release = threading.Event()

    def load_full(_between):
        release.wait(5)
        return full

    app = make_app(head_of(full), outline=outline(full), load_full=load_full)
    async with app.run_test(size=LARGE) as pilot:
        reader = app.screen
        await pilot.pause()
        assert not reader.corpus_ready
        assert "Beta: peacekeepers and promises" in screen_text(app)  # outline: every source
        await pilot.press("n")
        assert reader.claim_id == "alpha-2023-01"
        reader.open(reader.here().__class__("beta-2022"))  # queued until loaded
        assert reader.article_id == "alpha-2023"
        await pilot.press("slash")  # needs the whole corpus: kept, not dropped
        assert app.screen is reader
        assert any("Loading the briefing" in n.message for n in app._notifications)
        release.set()
        for _ in range(50):
            await pilot.pause(0.05)
            if reader.corpus_ready:
                break
        await pilot.pause()
        assert reader.corpus_ready and app.corpus is full
        assert reader.article_id == "beta-2022"
        from briefing.tui.dialogs.search_screen import SearchScreen

        assert isinstance(app.screen, SearchScreen)  # the search asked for while loading


async def test_cached_start_reports_a_failed_background_load():
    from briefing.cache.head import head_of
    from briefing.outline import outline

    from .conftest import make_corpus

    full = make_corpus()
    app = make_app(head_of(full), outline=outline(full), load_full=lambda _between: None)
    async with app.run_test(size=SMALL) as pilot:
        for _ in range(20):
            await pilot.pause(0.05)
        assert any("Could not load" in n.message for n in app._notifications)
        assert app.is_running and not app.screen.corpus_ready


async def test_clicking_a_claim_makes_it_current():
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        reader = app.screen
        await pilot.pause()
        passage = next(p for p in app.query(Passage) if p.paragraph.id == "alpha-2023/1/1")
        # "In 2020 the war lasted 44 days. Russia deployed 1,960 peacekeepers ..."
        text = passage.paragraph.text
        await pilot.click(passage, offset=(text.index("Russia") + 2, 0))
        await pilot.pause()
        assert reader.claim_id == "alpha-2023-03"
        await pilot.click(passage, offset=(text.index("war lasted") + 1, 0))
        await pilot.pause()
        assert reader.claim_id == "alpha-2023-02"
        assert passage.state.current_claim == "alpha-2023-02"


async def test_title_bar_shows_the_article_and_its_icon_opens_the_palette():
    from textual.command import CommandPalette

    from briefing.tui.viewmodels.navigation import Location
    from briefing.tui.widgets.title_bar import TitleBar

    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        reader = app.screen
        bar = reader.query_one(TitleBar)
        first_line = screen_text(app).splitlines()[0]
        assert first_line.lstrip().startswith("≡") and "Alpha on the" in first_line
        reader.open(Location("beta-2022"))  # the title follows what is open
        await pilot.pause()
        assert "Beta: peacekeepers" in screen_text(app).splitlines()[0]
        await pilot.click(bar, offset=(20, 0))  # the title itself does nothing
        assert not isinstance(app.screen, CommandPalette)
        await pilot.click(bar, offset=(1, 0))
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)


async def test_title_bar_renders_hostile_titles_literally():
    app = make_app()
    async with app.run_test(size=(120, 24)) as pilot:
        reader = app.screen
        reader.sub_title = "[bold]x[/bold] \x1b]52;c;SGVsbG8=\x07 [@click=app.quit]y"
        await pilot.pause()
        line = screen_text(app).splitlines()[0]
        assert "[bold]x[/bold]" in line and "[@click=app.quit]y" in line
        assert "\x1b" not in line and "\x07" not in line
        assert app.is_running


async def test_key_bar_shows_the_keys_that_apply_and_a_click_presses_one():
    from briefing.tui.widgets.key_bar import KeyBar

    app = make_app(keymap={"reader.next_claim": "N"})
    async with app.run_test(size=LARGE) as pilot:
        reader = app.screen
        await pilot.pause()
        bottom = screen_text(app).splitlines()[-1]
        assert bottom.startswith("? Help ") and " N Next claim " in bottom  # keymap shown
        assert bottom.rstrip().endswith("▏ ^p palette")
        bar = reader.query_one(KeyBar)
        start = bottom.index("N Next claim")
        await pilot.click(bar, offset=(start + 2, 0))
        await pilot.pause()
        assert reader.claim_id == "alpha-2023-01"  # as if N had been pressed
        await pilot.click(bar, offset=(len(bottom.rstrip()) - 3, 0))  # the palette's key
        await pilot.pause()
        from textual.command import CommandPalette

        assert isinstance(app.screen, CommandPalette)
        await pilot.press("escape")
        await pilot.press("c")  # another screen, its own keys
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert "Next source" in screen_text(app).splitlines()[-1]


async def test_key_bar_fits_80_columns_without_cutting_a_key():
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        bottom = screen_text(app).splitlines()[-1]
        assert len(bottom) <= 80 and bottom.rstrip().endswith("^p palette")
        shown = bottom.split("▏")[0].rstrip()
        assert shown.endswith(("Export", "Compare", "Events", "Go to event"))  # whole entries only
