"""The compare view on the bundled briefing: every way in, every key, the layout at 80 and 160
columns, back from the reader, the CLI's error path, and snapshots.

The event used throughout is nov-2020-ceasefire: five sources cover it, and Dupuy (1 900 men)
and Paylan (1,960) disagree on the number of Russian peacekeepers in Nagorno-Karabakh.
"""

from __future__ import annotations

from click.testing import CliRunner
from textual.content import Content

from briefing.tui.app import BriefingApp
from briefing.tui.viewmodels.compare import term_spans
from briefing.tui.screens.compare import CompareScreen, column_count
from briefing.tui.screens.events import EventsScreen
from briefing.tui.dialogs.help_screen import HelpScreen
from briefing.tui.screens.reader import ReaderScreen
from briefing.tui.widgets.article_view import Passage
from briefing.tui.widgets.claim_panel import claim_location
from briefing.tui.widgets.compare_column import TERM_STYLE, ClaimCard, CompareColumn
from factories import bundled_corpus

from .conftest import make_app, make_corpus, screen_text

EVENT = "nov-2020-ceasefire"
SMALL = (80, 24)
LARGE = (160, 48)


def app_for(corpus, **kwargs) -> BriefingApp:
    return make_app(corpus, build_index=False, **kwargs)


def card(app, claim_id: str) -> ClaimCard:
    return next(c for c in app.screen.query(ClaimCard) if c.claim.id == claim_id)


def card_text(app, claim_id: str) -> str:
    return card(app, claim_id).visual.plain


async def open_claim_in_reader(app, pilot, claim_id: str) -> ReaderScreen:
    reader = app.screen
    reader.open(claim_location(reader.corpus, reader.corpus.claims[claim_id]))
    await pilot.pause()
    return reader


# ---------------------------------------------------------------- ways in


async def test_c_on_a_claim_compares_its_event_starting_on_that_claim(bundled):
    app = app_for(bundled)
    async with app.run_test(size=SMALL) as pilot:
        reader = await open_claim_in_reader(app, pilot, "paylan-2023-15")
        await pilot.press("c")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, CompareScreen) and screen.event_id == EVENT
        assert app.focused is card(app, "paylan-2023-15")
        text = screen_text(app)
        assert "November 2020 ceasefire statement and Russian peacekeepers" in text
        assert "5 of 5 sources cover it" in text
        # the focused claim is on screen, though it is far down the stacked columns
        assert "five-year deployment of 1,960 Russian armed" in text
        await pilot.press("escape")
        assert app.screen is reader


async def test_the_findings_say_who_says_what(bundled):
    app = app_for(bundled, compare=EVENT)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        findings = app.screen.query_one("#compare-findings").visual.plain
        lines = findings.splitlines()
        assert lines[0] == "≠ differ  russian-peacekeepers-nk: dupuy 1 900 men  paylan 1,960"
        # a month and a day in it are compatible, not an agreement (issue 16)
        assert not any("nov-2020-ceasefire-signed" in line for line in lines)
        # and the same, inside each column that takes part
        assert "≠ 1 900 men  vs paylan 1,960  (russian-peacekeepers-nk)" in card_text(app, "dupuy-2022-14")
        assert "≠ 1,960  vs dupuy 1 900 men  (russian-peacekeepers-nk)" in card_text(app, "paylan-2023-15")
        assert card(app, "dupuy-2022-14").has_class("-disagrees")
        assert "= 2020-11-09" not in card_text(app, "tadevosian-2023-13")
        assert not card(app, "tadevosian-2023-13").has_class("-disagrees")
        assert "≠" not in card_text(app, "paylan-2023-16")


async def test_only_significant_terms_are_distinctive_and_figures_are_marked(bundled):
    app = app_for(bundled, compare=EVENT)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        screen = app.screen
        # on the sentences of the claims, no term reaches z >= 1.96 for this event: none shown
        assert all(t.z >= 1.96 for ts in screen.comparison.framing.values() for t in ts)
        content: Content = card(app, "dupuy-2022-14").visual
        styled = {content.plain[s.start:s.end].lower() for s in content.spans
                  if str(s.style) == TERM_STYLE}
        assert styled == {t.term for t in screen.comparison.framing["dupuy-2022"]}
        # the disagreeing figure is marked inside the quote itself
        figure = [content.plain[s.start:s.end] for s in content.spans if "reverse" in str(s.style)]
        assert "1 900 men" in figure


def test_term_spans_match_whole_words_only():
    text = "Some men moved; the movements of Men-at-arms, men's and 'MEN'."
    assert [text[a:b] for a, b in term_spans(text, ["men"])] == ["men", "MEN"]
    two = "in Nagorno   Karabagh."
    assert [two[a:b] for a, b in term_spans(two, ["nagorno karabagh"])] == ["Nagorno   Karabagh"]


async def test_framing_lexicon_side_by_side_at_the_top(bundled):
    app = app_for(bundled, compare=EVENT)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        grid = app.screen.query_one("#lexicon-grid")
        assert grid.display and not app.screen.query_one("#lexicon-list").display
        heads = [w.visual.plain for w in grid.query(".lex-head")]
        assert heads == ["", "dupuy", "armenia", "jafarli", "paylan", "tadevosian"]
        cells = [w.visual.plain for w in grid.query(".lex-cell")]
        assert any("peacekeepers ×4" in c for c in cells)
        # counted in the sentences of the claims on the event: the blockade's words are not
        assert not any("roadblock" in c for c in cells)
        # the grid comes before the columns
        assert grid.region.y < app.screen.query_one("#compare-columns").region.y
        await pilot.resize_terminal(*SMALL)
        await pilot.pause()
        listing = app.screen.query_one("#lexicon-list")
        assert listing.display and not grid.display
        plain = listing.visual.plain
        assert "Words for Russia's forces in the region: dupuy troops" in plain
        assert "roadblock" not in plain  # the blockade's words are not in these sentences
        # f hides the framing words (and the summary) to see more claims, and shows them again
        await pilot.press("f")
        assert not listing.display and not app.screen.query_one("#compare-summary").display
        await pilot.press("f")
        assert listing.display


async def test_sources_that_do_not_cover_the_event_are_named(bundled):
    app = app_for(bundled, compare="bishkek-protocol")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "1 of 5 sources cover it  ◆ single source (blindspot)" in text
        meta = app.screen.query_one("#compare-meta").visual.plain
        assert "not covering: dupuy, jafarli, paylan, tadevosian" in meta
        silent = app.screen.query_one("#compare-silent").visual.plain
        assert "Not covering this event" in silent and "Armenia: disenchantment with the CSTO" in silent
        assert [c.article.id for c in app.screen.query(CompareColumn)] == ["armenia-isolation-2023"]


async def test_from_the_palette(bundled):
    app = app_for(bundled)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.press("ctrl+p", *"Compare: November 2020 ceasefire")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen) and app.screen.event_id == EVENT


async def test_reader_commands_in_the_palette_show_the_reader_and_back_returns(bundled):
    app = app_for(bundled, compare=EVENT)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        reader = app.reader
        await pilot.press("ctrl+p", *"Source: Armenia: disenchantment")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is reader and reader.article_id == "tadevosian-2023"
        await pilot.press("backspace")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen) and app.screen.event_id == EVENT


async def test_from_the_events_view_and_back(bundled):
    app = app_for(bundled)
    async with app.run_test(size=SMALL) as pilot:
        reader = app.screen
        await pilot.press("v")
        await pilot.pause()
        events = app.screen
        assert isinstance(events, EventsScreen)
        await pilot.press("slash", *"ceasefire statement", "enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen) and app.screen.event_id == EVENT
        await pilot.press("escape")
        assert app.screen is events
        await pilot.press("escape")
        assert app.screen is reader


# ---------------------------------------------------------------- to the passage and back


async def test_enter_opens_the_passage_and_back_returns_to_the_comparison(bundled):
    app = app_for(bundled)
    async with app.run_test(size=SMALL) as pilot:
        reader = app.screen
        await pilot.press("v", "slash", *"ceasefire statement", "enter", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("l", "l", "l")  # dupuy -> armenia -> jafarli -> paylan
        assert app.focused.claim.id == "paylan-2023-13"
        await pilot.press("j", "j", "enter")
        await pilot.pause()
        assert app.screen is reader and app.screen_stack == [reader]
        assert reader.article_id == "paylan-2023" and reader.claim_id == "paylan-2023-15"
        current = [p for p in reader.query(Passage) if p.state.current_claim == "paylan-2023-15"]
        assert current and "1,960 Russian armed" in screen_text(app)
        # n moves on in the reader; back still returns to the comparison, on the same claim,
        # with the events view (and its filter) under it
        await pilot.press("n", "backspace")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen) and app.screen.event_id == EVENT
        assert app.focused.claim.id == "paylan-2023-15"
        await pilot.press("escape")
        assert isinstance(app.screen, EventsScreen) and app.screen.query_text == "ceasefire statement"
        await pilot.press("escape", "escape")
        assert app.screen is reader
        # back from the reader now goes through its own history again
        await pilot.press("backspace")
        assert app.screen is reader


async def test_reader_navigation_after_the_jump_comes_first_on_back(bundled):
    app = app_for(bundled, compare=EVENT)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # dupuy-2022-14
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.claim_id == "dupuy-2022-14"
        reader.open(claim_location(bundled, bundled.claims["jafarli-2023-01"]))  # elsewhere
        await pilot.pause()
        await pilot.press("backspace")  # back to the claim opened from the comparison
        assert app.screen is reader and reader.claim_id == "dupuy-2022-14"
        await pilot.press("backspace")  # and then to the comparison
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)


# ---------------------------------------------------------------- keys and layout


async def test_keys_move_through_claims_and_sources(bundled):
    app = app_for(bundled, compare=EVENT)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        assert app.focused.claim.id == "dupuy-2022-14"
        assert app.screen._visible(app.focused)  # in view at once (no noise terms above it)
        await pilot.press("down")  # past the end of a column: on to the next source
        assert app.focused.claim.id == "armenia-isolation-2023-13"
        await pilot.press("j", "j")
        assert app.focused.claim.id == "armenia-isolation-2023-15"
        await pilot.press("right")  # same position in the next column, or its last claim
        assert app.focused.claim.id == "jafarli-2023-53"
        await pilot.press("h", "k")
        assert app.focused.claim.id == "armenia-isolation-2023-13"
        await pilot.press("up")  # before a column's first claim: the previous source's last
        assert app.focused.claim.id == "dupuy-2022-14"
        await pilot.press("left", "up")  # nothing further: stays
        assert app.focused.claim.id == "dupuy-2022-14"
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert app.screen.event_id == "feb-2021-army-statement"
        await pilot.press("left_square_bracket", "left_square_bracket")
        await pilot.pause()
        assert app.screen.event_id == "second-karabakh-war"


async def test_narrow_stacks_sources_wide_puts_them_side_by_side(bundled):
    app = app_for(bundled, compare=EVENT)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        screen = app.screen
        columns = list(screen.query(CompareColumn))
        assert screen.has_class("-cols-1") and len(columns) == 5
        assert len({c.region.x for c in columns}) == 1  # stacked
        assert all(c.region.width >= 70 for c in columns)
        await pilot.resize_terminal(*LARGE)
        await pilot.pause()
        assert screen.has_class("-cols-5") and not screen.has_class("-cols-1")
        first_row = {c.region.y for c in columns}
        assert len(first_row) == 1 and len({c.region.x for c in columns}) == 5
        assert all(c.region.width >= 28 for c in columns)
        await pilot.resize_terminal(120, 40)
        await pilot.pause()
        assert screen.has_class("-cols-3")


def test_column_count():
    assert column_count(80, 5) == 1
    assert column_count(99, 5) == 1
    assert column_count(100, 5) == 3
    assert column_count(160, 5) == 5
    assert column_count(160, 2) == 2
    assert column_count(250, 9) == 6
    assert column_count(200, 1) == 1


async def test_help_lists_the_compare_keys(bundled):
    app = app_for(bundled, compare=EVENT)
    async with app.run_test(size=(100, 50)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "Compare view" in text
        for description in ("Open in reader", "Next claim", "Next source", "Next event", "Back"):
            assert description in text


async def test_hostile_text_is_literal_in_the_comparison():
    app = make_app(make_corpus(hostile=True))
    async with app.run_test(size=LARGE) as pilot:
        app.push_screen(CompareScreen(app.corpus, "second-karabakh-war"))
        await pilot.pause()
        text = screen_text(app)
        assert "Gamma [@click=app.quit]: voices [/claim]" in text
        assert "Markup [/claim] and [@click=app.quit]quit[/]" in text
        assert "[@click=app.quit]Speaker" in text
        assert "\u202e" not in text
        await pilot.click(ClaimCard)
        await pilot.pause()
        assert app.is_running


async def test_an_unanchored_claim_says_so(bundled):
    corpus = make_corpus()
    corpus.claims["beta-2022-01"].paragraph_id = None
    app = make_app(corpus)
    async with app.run_test(size=LARGE) as pilot:
        app.push_screen(CompareScreen(corpus, "nov-2020-ceasefire", "beta-2022-01"))
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert "This claim is not anchored to a passage." in [n.message for n in app._notifications]


# ---------------------------------------------------------------- command line


def test_read_compare_unknown_event_exits_2_with_a_clear_message(monkeypatch):
    from briefing.cli import main

    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    monkeypatch.setenv("LANG", "C.UTF-8")
    result = CliRunner().invoke(main, ["read", "--compare", "nov-2020-ceasefir"])
    assert result.exit_code == 2
    assert "unknown event 'nov-2020-ceasefir'" in result.output
    assert "Did you mean: nov-2020-ceasefire," in result.output
    assert "Traceback" not in result.output


def test_read_compare_known_event_starts_the_app_on_it(monkeypatch):
    from briefing.cli import main
    from briefing.tui import app as app_module

    seen = {}

    def fake_run(self, **kwargs):
        seen["compare"] = self._start_compare

    monkeypatch.setenv("LC_ALL", "C.UTF-8")
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.setattr(app_module.BriefingApp, "run", fake_run)
    result = CliRunner().invoke(main, ["read", "--compare", EVENT, "--no-low-bandwidth"])
    assert result.exit_code == 0, result.output
    assert seen == {"compare": EVENT}


# ---------------------------------------------------------------- snapshots


def _snapshot_app():
    corpus = bundled_corpus()
    return make_app(corpus, build_index=False, compare=EVENT)


def test_snapshot_compare_80x24(snap_compare):
    assert snap_compare(_snapshot_app(), terminal_size=SMALL)


def test_snapshot_compare_160x48(snap_compare):
    assert snap_compare(_snapshot_app(), terminal_size=LARGE)


async def test_palette_compare_waits_for_the_full_corpus(bundled):
    import threading

    from briefing.cache.head import head_of
    from briefing.outline import outline
    from briefing.tui.palette.views import open_compare

    release = threading.Event()  # a cached start-up whose rest is still loading

    def load_full():
        release.wait(5)
        return bundled

    app = make_app(head_of(bundled), outline=outline(bundled), load_full=load_full,
                      build_index=False)
    async with app.run_test(size=SMALL) as pilot:
        # No pause: the title changes while the first screen may still be composing, which
        # Textual's Header did not survive (NoMatches); the TitleBar just paints the new one.
        reader = app.screen
        open_compare(app, EVENT)
        await pilot.pause(0.2)
        assert app.screen is reader and not app.corpus_ready
        release.set()
        for _ in range(50):
            await pilot.pause(0.05)
            if isinstance(app.screen, CompareScreen):
                break
        assert isinstance(app.screen, CompareScreen) and app.screen.event_id == EVENT


async def test_keys_pressed_in_a_row_each_move_once(bundled):
    # Regions lag one frame behind a scroll; a held key must still move claim by claim.
    app = app_for(bundled, compare=EVENT)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        screen = app.screen
        for _ in range(4):
            screen.action_move(1)  # no refresh in between
        await pilot.pause()
        assert app.focused.claim.id == "armenia-isolation-2023-15"
        assert screen._visible(app.focused)
        text = screen_text(app)
        assert "the Lachin Corridor was opened as the single passage" in text


def test_short_labels_stay_unique_at_their_width():
    from types import SimpleNamespace

    from briefing.tui.viewmodels.compare import short_labels

    def labels(ids, width=10):
        return list(short_labels(SimpleNamespace(articles=dict.fromkeys(ids)), width).values())

    assert labels(["dupuy-2022", "paylan-2023"]) == ["dupuy", "paylan"]
    assert labels(["dupuy-2022", "dupuy-2023"]) == ["dupuy-2022", "dupuy-2023"]
    assert labels(["synthetic-0001", "synthetic-0002"], 5) == ["1", "2"]
    assert labels(["armenia-a", "armenia-b"], 5) == ["a", "b"]
    assert labels(["x-a1", "x-a2", "x-b1"], 2) == ["a1", "a2", "b1"]
    assert labels(["x-a1", "x-a2", "x-b1"], 1) == ["1", "2", "3"]  # numbered


async def test_an_event_no_source_covers():
    from briefing.model import Event

    corpus = make_corpus()
    corpus.events["quiet-event"] = Event("quiet-event", "Nobody wrote about this", "2021-05")
    app = make_app(corpus)
    async with app.run_test(size=SMALL) as pilot:
        app.push_screen(CompareScreen(corpus, "quiet-event"))
        await pilot.pause()
        text = screen_text(app)
        assert "0 of 3 sources cover it" in text
        assert "not covering: alpha, beta, gamma" in text
        await pilot.press("down", "right", "left", "up", "enter", "f", "f")
        assert isinstance(app.screen, CompareScreen) and app.is_running
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_user_keymap_applies_to_compare_keys(bundled):
    app = app_for(bundled, compare=EVENT, keymap={"compare.next_source": "L"})
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        await pilot.press("L")
        assert app.focused.claim.id == "armenia-isolation-2023-13"


async def test_no_color_marks_the_current_claim_without_colour(bundled, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = app_for(bundled, compare=EVENT)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        assert app.no_color
        focused, other = card(app, "dupuy-2022-14"), card(app, "paylan-2023-15")
        assert app.focused is focused
        assert focused.styles.text_style.bold and not other.styles.text_style.bold
        assert focused.styles.border_left[0] != other.styles.border_left[0]  # thick vs tall


async def test_the_views_keys_are_in_the_palette(bundled):
    app = app_for(bundled, compare=EVENT)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p", *"Compare view: Next source")
        await pilot.pause(0.5)
        assert "key: → / l" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert app.focused.claim.id == "armenia-isolation-2023-13"
        await pilot.press("ctrl+p", *"Compare view: Framing words", "enter")
        await pilot.pause(0.5)
        assert app.screen.has_class("-hide-framing")


async def test_c_compares_the_claims_other_event(bundled):
    claim = bundled.claims["armenia-isolation-2023-33"]
    assert claim.events == ["lachin-checkpoint", "nov-2020-ceasefire"]
    app = app_for(bundled, compare=EVENT)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        screen = app.screen
        screen._focus(card(app, claim.id))
        await pilot.pause()
        assert "also about: Azerbaijani checkpoint" in card_text(app, claim.id)
        assert "also about" not in card_text(app, "paylan-2023-15")
        await pilot.press("c")
        await pilot.pause()
        assert app.screen.event_id == "lachin-checkpoint" and app.focused.claim.id == claim.id
        assert "also about: November 2020 ceasefire" in card_text(app, claim.id)
        await pilot.press("c")
        await pilot.pause()
        assert app.screen.event_id == EVENT
        screen = app.screen
        screen._focus(card(app, "paylan-2023-15"))
        await pilot.press("c")
        assert "This claim is about this event only." in [n.message for n in app._notifications]
