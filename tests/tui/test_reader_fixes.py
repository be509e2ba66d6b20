"""Issue 17 (reader): what an analyst hit writing a brief, each driven as a person does."""

from __future__ import annotations

from briefing.tui.dialogs.help_screen import HelpScreen
from briefing.tui.screens.compare import CompareScreen
from briefing.tui.screens.events import EventsScreen
from briefing.tui.screens.reader import ReaderScreen

from .conftest import make_app, screen_text

SMALL = (80, 24)
LARGE = (160, 48)


# ---------------------------------------------------------------- 7: q goes back, help
async def test_q_in_compare_and_events_goes_back_to_the_reader():
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        await pilot.press("n", "n", "n", "c")
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen) and app.is_running
        await pilot.press("v")
        await pilot.pause()
        assert isinstance(app.screen, EventsScreen)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen) and app.is_running


async def test_help_lists_each_key_once_and_no_textual_scroll_bindings():
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = app.screen.rows
        described = [(keys, text) for _group, keys, text in rows]
        assert len(described) == len(set(described))
        palette = [r for r in rows if "palette" in r[2].lower()]
        assert len(palette) == 1
        quits = [r for r in rows if r[2] == "Quit"]
        assert {r[1] for r in quits} == {"^q", "q"} and len(quits) == 2
        assert not any("Page Left" in text or "Scroll Left" in text for _g, _k, text in rows)


def test_the_keys_listed_are_the_keys_textual_binds():
    # The help and the palettes read each class's declared BINDINGS (Textual 8 has no public
    # view of an unfocused node's bindings): the same bindings Textual merges and dispatches
    # on, for every node class of the reader but the one that opts out of inheriting them.
    import importlib
    import pkgutil

    from textual.dom import DOMNode

    import briefing.tui
    from briefing.tui.keys import declared_bindings
    from briefing.tui.widgets.compare_column import ClaimList

    for module in pkgutil.walk_packages(briefing.tui.__path__, "briefing.tui."):
        importlib.import_module(module.name)
    kinds, todo = [], [DOMNode]
    while todo:
        kind = todo.pop()
        todo += kind.__subclasses__()
        if kind.__module__.startswith("briefing.") and kind not in kinds:
            kinds.append(kind)
    assert len(kinds) > 40
    for kind in kinds:
        textual_merged = list(kind._merged_bindings or [])  # Textual's own, private
        if kind is ClaimList:  # inherit_bindings=False: its keys are never listed
            assert textual_merged == [] and list(declared_bindings(kind))
            continue
        assert list(declared_bindings(kind)) == textual_merged, kind


async def test_the_help_lists_the_keys_the_panes_really_have():
    from briefing.tui.keys import bound_actions

    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        reader = app.reader
        for node in (app, reader, reader.article_view, reader.toc):
            live = {b.id for _, b in node._bindings if b.id}  # what Textual dispatches on
            assert {a.binding.id for a in bound_actions(app, node, {}) if a.binding.id} == live


async def test_ctrl_q_quits_from_compare():
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        await pilot.press("n", "n", "n", "c")
        await pilot.pause()
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running


# ---------------------------------------------------------------- 5: the claim panel
def _panel_corpus():
    from factories import build_corpus

    return build_corpus({
        "events": {"deploy": "Deployment"},
        "articles": {"anon-2022": ["Moscow sent 300 soldiers for two years under a "
                                   "five-year plan, said nobody in particular."]},
        "claims": [{"article": "anon-2022", "events": ["deploy"],
                    "quote": "Moscow sent 300 soldiers for two years under a five-year plan",
                    "frame": "legality_constitutionality_jurisprudence",
                    "figures": [{"quantity": "troops", "value": 300, "unit": "soldiers",
                                 "text": "300 soldiers"},
                                {"quantity": "stay", "value": 2, "unit": "years",
                                 "text": "two years"},
                                {"quantity": "plan", "value": 5, "unit": "year",
                                 "text": "five-year"}]}],
    })


async def test_claim_panel_units_frames_speaker_and_legend():
    app = make_app(_panel_corpus())
    async with app.run_test(size=LARGE) as pilot:
        await pilot.press("n")
        await pilot.pause()
        panel = app.screen.claim_panel
        text = "\n".join(str(w.render()) for w in panel.query("Static, KindLegend"))
        assert "troops = 300 soldiers" in text and "soldiers soldiers" not in text
        assert "stay = two years" in text and "years years" not in text
        assert "plan = five-year" in text and "five-year year" not in text
        assert "Legality, constitutionality, jurisprudence" in text
        assert "legality_" not in text
        assert "unknown author" not in text.split("Speaker:")[1].split("\n")[0]
        # the legend: every kind with its meaning, in the panel and in the help
        for kind in ("fact", "figure", "quote", "assessment", "prediction", "recommendation"):
            assert f" {kind} " in text
        await pilot.press("question_mark")
        await pilot.pause()
        help_text = "\n".join(str(w.render()) for w in app.screen.query("KindLegend"))
        assert "recommendation" in help_text and "what should be done" in help_text


# ---------------------------------------------------------------- 3: the palette
async def _palette(pilot, app, query):
    from textual.command import CommandPalette

    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(app.screen, CommandPalette)
    await pilot.press(*query)
    for _ in range(20):
        await pilot.pause(0.05)
    return screen_text(app)


async def test_palette_finds_claims_by_id_and_by_words_past_the_start():
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        text = await _palette(pilot, app, "alpha-2023-04")
        assert "alpha-2023-04" in text and "No matches" not in text
        await pilot.press("enter")
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen) and reader.claim_id == "alpha-2023-04"
        # words from the middle and end of a quote, in another order
        text = await _palette(pilot, app, "CSTO within years")
        assert "alpha-2023-05" in text
        await pilot.press("escape")


async def test_t_and_a_after_a_lookup_act_on_the_claim_shown(store):
    """The note goes to the claim the panel shows: after a lookup by id, and after one that
    finds nothing (the claim selected before stays the one shown and acted on)."""
    from textual.command import CommandPalette

    from briefing.tui.dialogs.note_editor import NoteEditor

    app = make_app(store=store)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.press("n", "n")
        reader = app.screen
        assert reader.claim_id == "alpha-2023-02"
        await _palette(pilot, app, "zzzz-no-such-claim")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.target.id == reader.claim_panel.claim.id == "alpha-2023-02"
        await pilot.press("escape")
        await pilot.pause()
        await _palette(pilot, app, "alpha-2023-04")
        await pilot.press("enter")
        await pilot.pause()
        if isinstance(app.screen, CommandPalette):
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, NoteEditor)
        assert app.screen.target.id == reader.claim_panel.claim.id == "alpha-2023-04"


# ---------------------------------------------------------------- 4: jumps
async def test_search_jump_outside_claims_clears_selection_and_n_continues_from_it():
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        await pilot.press("n", "n")
        reader = app.screen
        assert reader.claim_id == "alpha-2023-02"
        await pilot.press("slash", *"decades", "enter")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is reader
        assert reader.claim_id is None  # a is not sent to the claim left behind
        await pilot.pause()
        assert "No claim selected" in screen_text(app)
        await pilot.press("a")
        await pilot.pause()
        assert app.screen is reader  # "move to a claim first", not the old claim's editor
        await pilot.press("n")
        assert reader.claim_id == "alpha-2023-01"  # the first claim after the match


def _target_row(reader, claim_id):
    """Row of the claim's first line in the article view (0 = top line), and the view height."""
    view = reader.article_view
    claim = reader.corpus.claims[claim_id]
    passage = view._by_claim[claim_id][0]
    y = passage.virtual_region.y + passage.line_of_offset(claim.start)
    return y - round(view.scroll_y), view.scrollable_content_region.height


async def test_jump_from_compare_selects_and_shows_the_target_with_context():
    from factories import bundled_corpus

    app = make_app(bundled_corpus())
    async with app.run_test(size=(100, 30)) as pilot:
        reader = app.screen
        await pilot.press("n", "n", "n", "c")
        await pilot.pause()
        await pilot.press("l", "enter")
        for _ in range(5):
            await pilot.pause(0.05)
        assert app.screen is reader
        target = reader.claim_id
        assert target is not None and reader.claim_panel.claim.id == target
        row, height = _target_row(reader, target)
        assert 2 <= row <= height // 2, (row, height)  # context above, not at the bottom
        assert target in screen_text(app)  # the panel shows it
        await pilot.press("n")
        ids = [c.id for c in reader._article_claims()]
        assert reader.claim_id == ids[ids.index(target) + 1]


async def test_search_match_does_not_look_like_the_current_claim():
    for theme in ("textual-dark", "textual-light", "textual-ansi"):
        app = make_app(theme=theme)
        async with app.run_test(size=LARGE) as pilot:
            await pilot.pause()
            styles = app.screen.article_view.highlight_styles()
            assert styles["search--match"] != styles["claim--current"], theme


# ---------------------------------------------------------------- 6: layout
async def test_the_article_gets_the_room_at_every_width():
    for size in ((100, 30), (120, 40), (160, 48), (240, 60)):
        app = make_app()
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            reader = app.screen
            article = reader.article_view.size.width
            toc, panel = reader.toc.size.width, reader.claim_panel.size.width
            assert article > toc and article > panel, (size, toc, article, panel)
            assert toc <= 40 and panel <= 52, size


def _key_bar(app) -> str:
    return screen_text(app).splitlines()[-1]


async def test_key_bar_at_80x24_keeps_the_annotation_and_compare_keys():
    app = make_app()
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        bar = _key_bar(app)
        for piece in ("t Tag", "a Note", "A Annotations", "e Export"):
            assert piece in bar, bar
        await pilot.press("n", "n", "n", "c")
        await pilot.pause()
        bar = _key_bar(app)
        for piece in ("f Framing", "[ Prev event", "] Next event", "Open in reader"):
            assert piece in bar, bar


def test_event_titles_cut_to_a_column_never_read_the_same():
    from briefing.tui.viewmodels.titles import fit_titles

    titles = {"a": "Collective Security Treaty Organization summit in Yerevan",
              "b": "Collective Security Treaty Organization refuses Article 4",
              "c": "Short", "d": "Один и тот же длинный заголовок события А",
              "e": "Один и тот же длинный заголовок события Б"}
    for width in (12, 20, 24, 40):
        shown = fit_titles(titles, width)
        assert len(set(shown.values())) == len(titles), (width, shown)
        assert all(len(v) <= width for v in shown.values())
    assert fit_titles(titles, 40)["c"] == "Short"


async def test_events_view_shows_distinct_titles_at_80_columns():
    from factories import build_corpus

    sources = {f"s{i}": [f"Source {i} said the summit met and it refused."] for i in range(8)}
    corpus = build_corpus({
        "events": {"e1": "Collective Security Treaty Organization summit in Yerevan",
                   "e2": "Collective Security Treaty Organization refuses Article 4"},
        "articles": sources,
        "claims": [c for i in range(8) for c in (
            {"article": f"s{i}", "quote": "the summit met", "events": ["e1"]},
            {"article": f"s{i}", "quote": "it refused", "events": ["e2"]})],
    })
    app = make_app(corpus)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("v")
        await pilot.pause()
        table = app.screen.table
        column = [c.key for c in table.columns].index("event")
        shown = [table.row_cells(key)[column] for key in table.row_keys]
        assert len(shown) == 2 and shown[0] != shown[1], shown
        rows = [line for line in screen_text(app).splitlines() if "Coll" in line]
        assert len(rows) == 2 and rows[0] != rows[1]


# ---------------------------------------------------------------- 1: nothing typed is lost
async def _settle(pilot):
    for _ in range(5):
        await pilot.pause(0.05)


async def _write_note(pilot, text):
    await pilot.press("n", "a")
    await pilot.pause()
    await pilot.press(*text)


async def test_quit_with_an_unsaved_note_asks_and_keeps_a_draft_offered_back(store):
    from briefing.tui.dialogs.confirm import ConfirmScreen
    from briefing.tui.dialogs.note_editor import NoteEditor

    app = make_app(store=store)
    async with app.run_test(size=LARGE) as pilot:
        await _write_note(pilot, "my unsaved thought")
        await pilot.press("escape")  # "Discard the changes?" opens
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running  # asked, not gone
        assert isinstance(app.screen, ConfirmScreen) and "draft" in screen_text(app)
        await pilot.press("y")
        await pilot.pause()
        assert not app.is_running
    app = make_app(store=store)
    async with app.run_test(size=LARGE) as pilot:
        await _settle(pilot)
        assert app.screen.claim_id == "alpha-2023-01"  # reopened where the quit left it
        await pilot.press("a")
        await pilot.pause()
        editor = app.screen
        assert isinstance(editor, NoteEditor)
        assert editor.text_area.text == "my unsaved thought"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert store.get("alpha-2023-01").note == "my unsaved thought"
    app = make_app(store=store)  # saved: no draft offered any more
    async with app.run_test(size=LARGE) as pilot:
        await _settle(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert app.screen.text_area.text == "my unsaved thought"
        assert app.drafts.get("alpha-2023-01") is None


async def test_a_draft_is_written_while_typing(store):
    """A crash or a killed terminal loses at most the last half second of typing."""
    from briefing.tui.drafts import Drafts

    app = make_app(store=store)
    async with app.run_test(size=LARGE) as pilot:
        await _write_note(pilot, "typed before the crash")
        await pilot.pause(0.8)
        assert Drafts().get("alpha-2023-01").text == "typed before the crash"
        await pilot.press("escape", "y")  # discarded on purpose: the draft goes too
        await pilot.pause()
        assert Drafts().get("alpha-2023-01") is None


# ---------------------------------------------------------------- 10: reading state
async def test_progress_is_measured_once_a_just_opened_article_is_laid_out(monkeypatch):
    # The progress timer can fire before a source just opened is laid out (on a busy
    # machine; at once here): it measures again then, rather than lose what was seen.
    import briefing.tui.reading_tracker as tracker
    from briefing.tui.viewmodels.navigation import Location

    monkeypatch.setattr(tracker, "TRACK_DELAY", 0.001)
    app = make_app()
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        reader = app.screen
        reader.open(Location("beta-2022"))  # short: every section of it is on screen
        for _ in range(10):
            await pilot.pause()
        progress = reader.reading.state.progress("beta-2022")
        assert progress.read and progress.sections


async def test_reading_progress_bookmarks_and_reopening_where_left_off():
    from briefing.tui.dialogs.bookmarks import BookmarksScreen

    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        reader = app.screen
        await pilot.press("n", "n", "n", "n", "n")  # to the end of alpha
        await pilot.press("end")
        await pilot.pause(0.6)
        progress = reader.reading.state.progress("alpha-2023")
        assert progress.read and progress.fraction > 0.9 and {0, 1, 2} <= progress.sections
        assert "✓" in screen_text(app)  # shown in the contents
        await pilot.press("p")
        assert reader.claim_id == "alpha-2023-04"
        await pilot.press("b")  # bookmark this claim
        await pilot.pause()
        await pilot.press("n", "n")  # into beta
        await pilot.pause()
        assert reader.article_id == "beta-2022" and reader.claim_id == "beta-2022-01"
        # Beta is short: whether its progress already counts it read depends on when the
        # debounced progress write ran, so the test checks that U flips it, both ways.
        await pilot.pause(0.6)
        was_read = reader.reading.state.progress("beta-2022").read
        await pilot.press("U")
        await pilot.pause()
        assert reader.reading.state.progress("beta-2022").read is (not was_read)
        await pilot.press("U")
        await pilot.pause()
        assert reader.reading.state.progress("beta-2022").read is was_read
        await pilot.press("ctrl+q")
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(5):
            await pilot.pause(0.05)
        reader = app.screen
        # reopened where the user left off, progress still there
        assert reader.article_id == "beta-2022" and reader.claim_id == "beta-2022-01"
        assert reader.reading.state.progress("alpha-2023").read
        await pilot.press("B")
        await pilot.pause()
        assert isinstance(app.screen, BookmarksScreen)
        assert "The CSTO did not respond" in screen_text(app)
        await pilot.press("enter")
        await pilot.pause()
        assert reader.article_id == "alpha-2023" and reader.claim_id == "alpha-2023-04"


def test_reading_state_file_is_tolerant_and_atomic(tmp_path):
    from briefing.tui.reading import Bookmark, ReadingState

    path = tmp_path / "reading.json"
    path.write_text("{not json", encoding="utf-8")
    state = ReadingState(path)
    assert state.last() is None and "not valid JSON" in state.file.problem
    assert any(p.name.startswith("reading.json.corrupt-") for p in tmp_path.iterdir())
    state.advance("a", 0.5, {0})
    state.toggle_bookmark(Bookmark("a", 1, None, "A: Heading"))
    state.set_last("a", 1, None, 12)
    assert state.save()
    again = ReadingState(path)
    assert again.progress("a").fraction == 0.5 and not again.progress("a").read
    assert again.last()["scroll"] == 12 and again.bookmarks()[0].label == "A: Heading"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


# ---------------------------------------------------------------- the source header
async def test_source_header_shows_outlet_and_url_literally():
    from factories import build_corpus

    corpus = build_corpus({"articles": {"src": {
        "title": "A source", "authors": ["Ann"], "outlet": "The [b]Outlet[/b]",
        "paragraphs": ["Text."]}}})
    corpus.articles["src"].url = "https://example.org/a?x=[red]1[/red]\x1b[2J&y=2"
    app = make_app(corpus)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "The [b]Outlet[/b]" in text
        assert "https://example.org/a?x=[red]1[/red]" in text and "\x1b" not in text


async def test_quit_with_a_typed_tag_asks(store):
    from briefing.tui.dialogs.confirm import ConfirmScreen

    app = make_app(store=store)
    async with app.run_test(size=LARGE) as pilot:
        await pilot.press("n", "t")
        await pilot.pause()
        await pilot.press(*"russia")
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running and isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # keep editing
        await pilot.pause()
        assert app.screen.input.value == "russia"
