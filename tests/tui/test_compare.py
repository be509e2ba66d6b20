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
from briefing.tui.widgets.compare_column import TERM_STYLE, ClaimList
from factories import bundled_corpus

from .conftest import make_app, make_corpus, screen_text

EVENT = "nov-2020-ceasefire"
SMALL = (80, 24)
LARGE = (160, 48)


def app_for(corpus, **kwargs) -> BriefingApp:
    return make_app(corpus, build_index=False, **kwargs)


def card(app, claim_id: str) -> Content:
    """The entry of a claim in its column's list, as shown."""
    for lst in app.screen.query(ClaimList):
        if lst.display and claim_id in lst.claim_ids():
            return lst.get_option(claim_id).prompt
    raise LookupError(claim_id)


def card_text(app, claim_id: str) -> str:
    return card(app, claim_id).plain


def focused_claim(app) -> str:
    return app.screen.current_claim.id


async def ready(pilot) -> None:
    """Until the comparison's analysis (computed in a thread if not done yet) is shown."""
    for _ in range(200):
        if isinstance(pilot.app.screen, CompareScreen) and pilot.app.screen.analysis is not None:
            break
        await pilot.pause(0.02)
    await pilot.pause()


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
        await ready(pilot)
        screen = app.screen
        assert isinstance(screen, CompareScreen) and screen.event_id == EVENT
        assert focused_claim(app) == "paylan-2023-15"
        text = screen_text(app)
        assert "November 2020 ceasefire statement and Russian peacekeepers" in text
        assert "5 of 5 sources cover it" in text
        # the claim's column is among those shown, with the claim on screen
        assert "paylan-2023-15" in text
        await pilot.press("escape")
        assert app.screen is reader


async def test_g_then_c_compares_the_event_gone_to(bundled):
    # jafarli-2023-13 is about the blockade and, first, another event: g chose the blockade
    claim = next(c for c in bundled.claims.values()
                 if len(c.events) > 1 and c.events[0] != "lachin-blockade"
                 and "lachin-blockade" in c.events and c.paragraph_id)
    app = app_for(bundled)
    async with app.run_test(size=SMALL) as pilot:
        reader = app.screen
        reader.went_to_event = None
        reader._open_event("lachin-blockade")  # what choosing it in the g dialog does
        await pilot.pause()
        reader.open(claim_location(bundled, claim))
        await pilot.pause()
        await pilot.press("c")
        await ready(pilot)
        assert app.screen.event_id == "lachin-blockade"


async def test_columns_with_claims_are_in_view_on_opening(bundled):
    for size, n in ((SMALL, 2), (LARGE, 4)):
        app = app_for(bundled, compare=EVENT)
        async with app.run_test(size=size) as pilot:
            await ready(pilot)
            screen = app.screen
            shown = [c for c in screen.columns if c.display]
            assert len(shown) >= n
            for column in shown:
                lst = column.claims
                # the list starts within the screen and shows several lines of claims
                assert lst.region.y < size[1] - 6 and lst.region.height >= 6
            # the first claim of the first column is on screen as text
            assert "a good part of the Russian troops" in screen_text(app)


async def test_the_findings_say_who_says_what_on_top(bundled):
    app = app_for(bundled, compare=EVENT)
    async with app.run_test(size=SMALL) as pilot:
        await ready(pilot)
        findings = app.screen.query_one("#compare-findings").visual.plain
        lines = findings.splitlines()
        assert lines[0] == "≠ differ   russian-peacekeepers-nk: Dupuy 1 900 men  Paylan 1,960"
        # a month and a day in it are compatible, not an agreement (issue 16)
        assert lines[1].startswith("≈ fits     nov-2020-ceasefire-signed: Reset DOC 2020-11")
        # above the columns
        assert app.screen.query_one("#compare-findings").region.bottom <= \
            app.screen.columns[0].head.region.y
        assert "≠ 1 900 men vs Paylan 1,960  (russian-peacekeepers-nk)" in card_text(app, "dupuy-2022-14")
        await pilot.press("right", "right", "right")  # paging to Paylan's column
        assert "≠ 1,960 vs Dupuy 1 900 men  (russian-peacekeepers-nk)" in card_text(app, "paylan-2023-15")
        assert "≠" not in card_text(app, "paylan-2023-16")


async def test_a_claim_never_differs_from_itself(bundled):
    # every note on every claim of every event names another source's value
    app = app_for(bundled)
    async with app.run_test(size=LARGE) as pilot:
        for event in ("nov-2020-ceasefire", "sept-2022-azerbaijani-offensive",
                      "collective-security-treaty-signed", "euma-establishment"):
            app.push_screen(CompareScreen(bundled, event))
            await ready(pilot)
            screen = app.screen
            for aid in screen.covering:
                for view in screen._claim_views(aid):
                    for note in view.notes:
                        assert note.other != screen.labels[aid]
                        assert (note.mine, note.other) != (note.theirs, screen.labels[aid])
            app.pop_screen()
            await pilot.pause()


async def test_titles_that_differ_are_on_top(bundled):
    app = app_for(bundled, compare="csto-article4-request")
    async with app.run_test(size=LARGE) as pilot:
        await ready(pilot)
        findings = app.screen.query_one("#compare-findings").visual.plain
        assert ("≠ title    Anatoly Sidorov (rank): Jafarli Colonel General of the Russian "
                "Armed Forces  Tadevosian Russian Colonel") in findings


async def test_only_significant_terms_are_distinctive_and_figures_are_marked(bundled):
    app = app_for(bundled, compare=EVENT)
    async with app.run_test(size=LARGE) as pilot:
        await ready(pilot)
        screen = app.screen
        # on the sentences of the claims, no term reaches z >= 1.96 for this event: said so
        assert all(t.z >= 1.96 for ts in screen.analysis.framing.values() for t in ts)
        assert not screen.analysis.has_distinctive_terms
        assert "Distinctive terms: none significant" in screen_text(app)
        content = card(app, "dupuy-2022-14")
        assert not [s for s in content.spans if str(s.style) == TERM_STYLE]
        # the disagreeing figure is marked inside the quote itself
        figure = [content.plain[s.start:s.end] for s in content.spans if "reverse" in str(s.style)]
        assert "1 900 men" in figure


def test_term_spans_match_whole_words_only():
    text = "Some men moved; the movements of Men-at-arms, men's and 'MEN'."
    assert [text[a:b] for a, b in term_spans(text, ["men"])] == ["men", "MEN"]
    two = "in Nagorno   Karabagh."
    assert [text[a:b] for a, b in term_spans(two, ["nagorno karabagh"])] == [two[3:21]] or \
        [two[a:b] for a, b in term_spans(two, ["nagorno karabagh"])] == ["Nagorno   Karabagh"]


async def test_framing_lexicon_folded_per_source_until_f(bundled):
    app = app_for(bundled, compare=EVENT)
    async with app.run_test(size=LARGE) as pilot:
        await ready(pilot)
        screen = app.screen
        heads = [c.head.visual.plain for c in screen.columns]
        # one line of framing words per source, in its column header
        assert "troops" in heads[0].splitlines()[2] and heads[0].count("framing:") == 1
        assert any("peacekeepers ×4" in h for h in heads)
        # counted in the sentences of the claims on the event: the blockade's words are not
        assert not any("roadblock" in h for h in heads)
        details = screen.query_one("#compare-details")
        assert not details.display
        await pilot.press("f")
        assert details.display
        plain = screen.query_one("#compare-lexicon").visual.plain
        assert "Words for Russia's forces in the region: Dupuy troops" in plain
        assert "roadblock" not in plain
        await pilot.press("f")
        assert not details.display


async def test_sources_that_do_not_cover_the_event_are_named(bundled):
    app = app_for(bundled, compare="bishkek-protocol")
    async with app.run_test(size=SMALL) as pilot:
        await ready(pilot)
        text = screen_text(app)
        assert "1 of 5 sources cover it  ◆ single source (blindspot)" in text
        title = app.screen.query_one("#compare-title").visual.plain
        assert "not covering: Dupuy, Jafarli, Paylan, Tadevosian" in title
        await pilot.press("f")  # the details: the whole lexicon and the silent sources
        silent = app.screen.query_one("#compare-silent").visual.plain
        assert "Not covering this event" in silent and "Armenia: disenchantment with the CSTO" in silent
        shown = [c.article.id for c in app.screen.columns if c.display]
        assert shown == ["armenia-isolation-2023"]


async def test_labels_by_author_or_outlet_never_a_country(bundled):
    app = app_for(bundled, compare=EVENT)
    async with app.run_test(size=LARGE) as pilot:
        await ready(pilot)
        heads = [c.head.visual.plain.splitlines()[0]
                 for c in app.screen.columns if c.display]
        assert [h.split("  ")[0] for h in heads] == ["Dupuy", "Reset DOC", "Jafarli", "Paylan"]
        assert not any(h.lower().startswith("armenia") for h in heads)


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
        await ready(pilot)
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("l", "l", "l")  # Dupuy -> Reset DOC -> Jafarli -> Paylan
        assert focused_claim(app) == "paylan-2023-13"
        await pilot.press("j", "j", "enter")
        await pilot.pause()
        assert app.screen is reader and app.screen_stack == [reader]
        assert reader.article_id == "paylan-2023" and reader.claim_id == "paylan-2023-15"
        current = [p for p in reader.query(Passage) if p.state.current_claim == "paylan-2023-15"]
        assert current and "1,960 Russian armed" in screen_text(app)
        await pilot.press("n", "backspace")
        await ready(pilot)
        assert isinstance(app.screen, CompareScreen) and app.screen.event_id == EVENT
        assert focused_claim(app) == "paylan-2023-15"
        await pilot.press("escape")
        assert isinstance(app.screen, EventsScreen) and app.screen.query_text == "ceasefire statement"
        await pilot.press("escape", "escape")
        assert app.screen is reader
        await pilot.press("backspace")
        assert app.screen is reader


async def test_reader_navigation_after_the_jump_comes_first_on_back(bundled):
    app = app_for(bundled, compare=EVENT)
    async with app.run_test(size=SMALL) as pilot:
        await ready(pilot)
        await pilot.press("enter")  # dupuy-2022-14
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.claim_id == "dupuy-2022-14"
        reader.open(claim_location(bundled, bundled.claims["jafarli-2023-01"]))  # elsewhere
        await pilot.pause()
        await pilot.press("backspace")
        assert app.screen is reader and reader.claim_id == "dupuy-2022-14"
        await pilot.press("backspace")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)


# ---------------------------------------------------------------- keys and layout


async def test_keys_move_through_claims_and_sources(bundled):
    app = app_for(bundled, compare=EVENT)
    async with app.run_test(size=LARGE) as pilot:
        await ready(pilot)
        assert focused_claim(app) == "dupuy-2022-14"
        await pilot.press("down")  # past the end of a column: on to the next source
        assert focused_claim(app) == "armenia-isolation-2023-13"
        await pilot.press("j", "j")
        assert focused_claim(app) == "armenia-isolation-2023-15"
        await pilot.press("right")  # same position in the next column, or its last claim
        assert focused_claim(app) == "jafarli-2023-53"
        await pilot.press("h", "k")
        assert focused_claim(app) == "armenia-isolation-2023-13"
        await pilot.press("up")  # before a column's first claim: the previous source's last
        assert focused_claim(app) == "dupuy-2022-14"
        await pilot.press("left", "up")  # nothing further: stays
        assert focused_claim(app) == "dupuy-2022-14"
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert app.screen.event_id == "feb-2021-army-statement"
        await pilot.press("left_square_bracket", "left_square_bracket")
        await pilot.pause()
        assert app.screen.event_id == "second-karabakh-war"


async def test_columns_scroll_on_their_own_under_headers_that_stay(bundled):
    app = app_for(bundled, compare="csto-article4-request")
    async with app.run_test(size=LARGE) as pilot:
        await ready(pilot)
        screen = app.screen
        columns = [c for c in screen.columns if c.display]
        tade = next(c for c in columns if c.article.id == "tadevosian-2023")
        heads_y = [c.head.region.y for c in columns]
        before = {c.article.id: c.claims.scroll_y for c in columns}
        screen._focus_claim(tade.claims.claim_ids()[0])
        for _ in range(15):
            await pilot.press("j")
        await pilot.pause()
        assert tade.claims.scroll_y > 0  # Tadevosian's 16 claims scrolled
        for c in columns:
            if c is not tade:
                assert c.claims.scroll_y == before[c.article.id]  # the others did not
        assert [c.head.region.y for c in columns] == heads_y
        assert "Tadevosian  16 claims" in screen_text(app)  # its header is still there


async def test_columns_that_fit_and_paging_through_sources(bundled):
    app = app_for(bundled, compare=EVENT)
    async with app.run_test(size=SMALL) as pilot:
        await ready(pilot)
        screen = app.screen
        shown = lambda: [c.article.id for c in screen.columns if c.display]  # noqa: E731
        assert shown() == ["dupuy-2022", "armenia-isolation-2023"]
        assert len(list(screen.query(ClaimList))) == 2  # only what fits is mounted
        assert "sources 1-2 of 5" in screen.sub_title
        await pilot.press("l", "l")
        assert shown() == ["armenia-isolation-2023", "jafarli-2023"]
        await pilot.press("l", "l")
        assert shown() == ["paylan-2023", "tadevosian-2023"]
        await pilot.resize_terminal(*LARGE)
        await pilot.pause()
        assert len(shown()) == 4 and focused_claim(app).startswith("tadevosian")
        await pilot.resize_terminal(200, 48)
        await pilot.pause()
        assert len(shown()) == 5


def test_column_count():
    assert column_count(80, 5) == 2
    assert column_count(79, 5) == 2
    assert column_count(60, 5) == 1
    assert column_count(160, 5) == 4
    assert column_count(160, 2) == 2
    assert column_count(400, 9) == 6
    assert column_count(200, 1) == 1


async def test_mark_a_disagreement_by_hand(bundled, tmp_path):
    from briefing.store import AnnotationStore
    from briefing.store.marks import marks
    from textual.widgets import Input

    store = AnnotationStore(tmp_path / "notes.db")
    app = app_for(bundled, compare=EVENT, store=store)
    async with app.run_test(size=LARGE) as pilot:
        await ready(pilot)
        assert focused_claim(app) == "dupuy-2022-14"
        await pilot.press("d")
        assert "◎" in card_text(app, "dupuy-2022-14")
        await pilot.press("right")
        assert focused_claim(app) == "armenia-isolation-2023-13"
        await pilot.press("d")
        await pilot.pause()
        assert isinstance(app.focused, Input)
        await pilot.press(*"who sent how many", "enter")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        saved = marks(store)
        assert [m.claims for m in saved] == [("armenia-isolation-2023-13", "dupuy-2022-14")]
        assert saved[0].note == "who sent how many" and saved[0].quotes[1].startswith("a good part")
        findings = app.screen.query_one("#compare-findings").visual.plain
        assert "✎ marked" in findings and "who sent how many" in findings
        assert "marked against armenia-isolation-2023-13" in card_text(app, "dupuy-2022-14")
        # escape cancels a mark being made
        await pilot.press("d", "escape")
        assert app.screen.picking is None and isinstance(app.screen, CompareScreen)
    store.close()


async def test_help_lists_the_compare_keys(bundled):
    app = app_for(bundled, compare=EVENT)
    async with app.run_test(size=(100, 50)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        text = screen_text(app)
        assert "Compare view" in text
        for description in ("Open in reader", "Next claim", "Next source", "Next event", "Back",
                            "Mark disagreement"):
            assert description in text


async def test_hostile_text_is_literal_in_the_comparison():
    app = make_app(make_corpus(hostile=True))
    async with app.run_test(size=LARGE) as pilot:
        app.push_screen(CompareScreen(app.corpus, "second-karabakh-war"))
        await ready(pilot)
        text = screen_text(app)
        assert "Gamma [@click=app.quit]: voices [/claim]" in text
        assert "Markup [/claim] and [@click=app.quit]quit[/]" in text
        assert "[@click=app.quit]Speaker" in text
        assert "\u202e" not in text
        await pilot.click(ClaimList)
        await pilot.pause()
        assert app.is_running


async def test_an_unanchored_claim_says_so(bundled):
    corpus = make_corpus()
    corpus.claims["beta-2022-01"].paragraph_id = None
    app = make_app(corpus)
    async with app.run_test(size=LARGE) as pilot:
        app.push_screen(CompareScreen(corpus, "nov-2020-ceasefire", "beta-2022-01"))
        await ready(pilot)
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
    monkeypatch.setattr("briefing.terminal.check_tty", lambda env=None: None)  # CliRunner: no tty
    result = CliRunner().invoke(main, ["read", "--compare", EVENT, "--no-low-bandwidth"])
    assert result.exit_code == 0, result.output
    assert seen == {"compare": EVENT}


# ---------------------------------------------------------------- snapshots


def _snapshot_app():
    corpus = bundled_corpus()
    return make_app(corpus, build_index=False, compare=EVENT)


def test_snapshot_compare_80x24(snap_compare):
    assert snap_compare(_snapshot_app(), terminal_size=SMALL, run_before=ready)


def test_snapshot_compare_160x48(snap_compare):
    assert snap_compare(_snapshot_app(), terminal_size=LARGE, run_before=ready)


async def test_keys_pressed_in_a_row_each_move_once(bundled):
    app = app_for(bundled, compare=EVENT)
    async with app.run_test(size=SMALL) as pilot:
        await ready(pilot)
        screen = app.screen
        for _ in range(3):
            screen.action_move(1)  # no refresh in between
        await pilot.pause()
        assert focused_claim(app) == "armenia-isolation-2023-15"
        assert "armenia-isolation-2023-15" in screen_text(app)  # the list scrolled to it


def test_source_labels_stay_unique_at_their_width():
    from types import SimpleNamespace

    from briefing.model import Article
    from briefing.tui.viewmodels.source_labels import source_labels

    def labels(articles, width=16):
        corpus = SimpleNamespace(articles={a.id: a for a in articles})
        return list(source_labels(corpus, width).values())

    assert labels([Article("dupuy-2022", "T", authors=["Emmanuel Dupuy"]),
                   Article("armenia-isolation-2023", "Armenia’s Growing Isolation",
                           outlet="Reset DOC")]) == ["Dupuy", "Reset DOC"]
    assert labels([Article("a", "T", authors=["A Putin"], published="2021-01"),
                   Article("b", "T", authors=["V Putin"], published="2022-01")]) == \
        ["Putin 2021", "Putin 2022"]
    assert labels([Article("a", "T", authors=["A Putin"]), Article("b", "T", authors=["V Putin"])]) \
        == ["Putin 1", "Putin 2"]
    assert labels([Article("a", "The Long Title Here"), Article("b", "T", authors=["X", "Y Z"])]) \
        == ["The Long Title", "X et al."]
    short = labels([Article(f"s{n}", "T", authors=["Someone Longname"]) for n in range(12)], 5)
    assert len(set(short)) == 12 and all(len(x) <= 5 for x in short)


async def test_an_event_no_source_covers():
    from briefing.model import Event

    corpus = make_corpus()
    corpus.events["quiet-event"] = Event("quiet-event", "Nobody wrote about this", "2021-05")
    app = make_app(corpus)
    async with app.run_test(size=SMALL) as pilot:
        app.push_screen(CompareScreen(corpus, "quiet-event"))
        await ready(pilot)
        text = screen_text(app)
        assert "0 of 3 sources cover it" in text
        await pilot.press("down", "right", "left", "up", "enter", "f", "f", "d")
        assert isinstance(app.screen, CompareScreen) and app.is_running
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_user_keymap_applies_to_compare_keys(bundled):
    app = app_for(bundled, compare=EVENT, keymap={"compare.next_source": "L"})
    async with app.run_test(size=LARGE) as pilot:
        await ready(pilot)
        await pilot.press("L")
        assert focused_claim(app) == "armenia-isolation-2023-13"


async def test_no_color_marks_the_current_claim_without_colour(bundled, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    app = app_for(bundled, compare=EVENT)
    async with app.run_test(size=SMALL) as pilot:
        await ready(pilot)
        assert app.no_color
        lst = app.screen.current_list
        style = lst.get_component_styles("option-list--option-highlighted")
        assert style.text_style.bold and style.text_style.reverse


async def test_the_views_keys_are_in_the_palette(bundled):
    app = app_for(bundled, compare=EVENT)
    async with app.run_test(size=LARGE) as pilot:
        await ready(pilot)
        await pilot.press("ctrl+p", *"Compare view: Next source")
        await pilot.pause(0.5)
        assert "key: → / l" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        assert focused_claim(app) == "armenia-isolation-2023-13"
        await pilot.press("ctrl+p", *"Compare view: Framing words", "enter")
        await pilot.pause(0.5)
        assert app.screen.has_class("-details")


async def test_c_compares_the_claims_other_event(bundled):
    claim = bundled.claims["armenia-isolation-2023-33"]
    assert claim.events == ["lachin-checkpoint", "nov-2020-ceasefire"]
    app = app_for(bundled, compare=EVENT)
    async with app.run_test(size=LARGE) as pilot:
        await ready(pilot)
        screen = app.screen
        screen._focus_claim(claim.id)
        await pilot.pause()
        assert "also about: Azerbaijani checkpoint" in card_text(app, claim.id)
        await pilot.press("c")
        await ready(pilot)
        assert app.screen.event_id == "lachin-checkpoint" and focused_claim(app) == claim.id
        assert "also about: November 2020 ceasefire" in card_text(app, claim.id)
        await pilot.press("c")
        await ready(pilot)
        assert app.screen.event_id == EVENT
        screen = app.screen
        screen._focus_claim("paylan-2023-15")
        await pilot.pause()
        await pilot.press("c")
        assert "This claim is about this event only." in [n.message for n in app._notifications]
