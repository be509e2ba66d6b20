"""The annotations view (A): list, filters (several values each, ticked from the keyboard),
tag counts, jump to the passage, live updates, export with the current filters; and
snapshots at 80x24 and 160x48."""

from __future__ import annotations

import pytest

from briefing.store import AnnotationStore
from briefing.tui.screens.annotations_view import FILTERS, AnnotationsScreen, FilterChoices
from briefing.tui.screens.reader import ReaderScreen

from .annotate_helpers import bundled, make_reader, messages, screen_text, seed
from .conftest import rendered_text, until

SMALL = (80, 24)


@pytest.fixture
def store(store):
    """The shared empty store (conftest), seeded with annotations by two authors."""
    seed(store)
    return store


# Every test exports into its own folder (conftest.export_dir).
pytestmark = pytest.mark.usefixtures("export_dir")


def listed(screen: AnnotationsScreen) -> list[str]:
    return [a.claim_id for a in screen.shown]


def filter_list(screen: AnnotationsScreen, name: str) -> FilterChoices:
    return screen.query_one(f"#ann-{name}", FilterChoices)


def values(screen: AnnotationsScreen, name: str) -> list[str]:
    widget = filter_list(screen, name)
    return [widget.get_option_at_index(i).value for i in range(widget.option_count)]


async def tick(pilot, screen: AnnotationsScreen, name: str, *chosen: str) -> None:
    """As a person: f (the tag filter), tab to the filter ``name``, then for each value
    home, down to it, space."""
    await pilot.press("f", *["tab"] * FILTERS.index(name))
    assert pilot.app.focused is filter_list(screen, name)
    for value in chosen:
        await pilot.press("home", *["down"] * values(screen, name).index(value), "space")
    await pilot.pause()


async def open_view(pilot) -> AnnotationsScreen:
    await pilot.press("A")
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, AnnotationsScreen)
    return screen


async def test_lists_every_annotation_in_reading_order_with_its_details(store):
    app = make_reader(store)
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_view(pilot)
        assert listed(screen) == ["dupuy-2022-01", "jafarli-2023-03", "paylan-2023-02",
                                  "tadevosian-2023-01", "gone-2020-01"]
        assert screen.option_list.option_count == 5
        text = screen_text(app)
        corpus = bundled()
        dupuy = corpus.articles["dupuy-2022"].title
        event = corpus.events["sept-2022-azerbaijani-offensive"].title
        assert dupuy[:30] in text and event[:20] in text
        assert "This offensive does not take place" in text  # the claim's quote
        assert "#russia  #csto" in text and "Check against Tadevosian." in text
        assert "bob" in text and "you" in text  # author (this user is "you")
        assert "claim no longer in this briefing" in text
        assert "5 of 5 annotations" in text


async def test_tag_counts_follow_the_rows_shown(store):
    app = make_reader(store)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_view(pilot)
        counts = str(screen.query_one("#ann-tags").render())
        assert counts.startswith("#russia 3")
        assert "#csto 1" in counts and "#[@click=app.quit] 1" in counts
        await tick(pilot, screen, "author", "ana")
        counts = str(screen.query_one("#ann-tags").render())
        assert counts.startswith("#csto 1") or counts.startswith("#eu-mission 1")
        assert "#russia 1" in counts and "quit" not in counts


@pytest.mark.parametrize("name, value, expected", [
    ("tag", "russia", ["dupuy-2022-01", "paylan-2023-02", "tadevosian-2023-01"]),
    ("source", "tadevosian-2023", ["tadevosian-2023-01"]),
    ("event", "sept-2022-azerbaijani-offensive", ["dupuy-2022-01", "tadevosian-2023-01"]),
    ("author", "bob", ["paylan-2023-02", "tadevosian-2023-01"]),
])
async def test_each_filter(store, name, value, expected):
    app = make_reader(store)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_view(pilot)
        await tick(pilot, screen, name, value)
        assert listed(screen) == expected
        status = next(line for line in screen_text(app).splitlines()
                      if f"{len(expected)} of 5 annotations (filtered)" in line)
        assert status.rstrip().endswith("enter opens")  # the whole line fits in 80 columns


async def test_filters_combine_from_the_keyboard_and_r_clears_them(store):
    app = make_reader(store)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_view(pilot)
        await pilot.press("f")  # focus the tag filter
        assert app.focused is filter_list(screen, "tag")
        assert values(screen, "tag")[0] == "russia"  # the most used tag first
        await pilot.press("space")  # russia (3)
        await pilot.pause()
        assert filter_list(screen, "tag").ticked() == ["russia"]
        await pilot.press("tab", "tab", "tab")  # source, event, author
        await pilot.press("enter")  # enter ticks too: the first author, ana
        await pilot.pause()
        assert listed(screen) == ["dupuy-2022-01"]
        await pilot.press("escape")  # from the filters back to the rows, not the reader
        assert app.screen is screen and app.focused is screen.option_list
        await pilot.press("r")
        await pilot.pause()
        assert len(listed(screen)) == 5
        assert all(filter_list(screen, name).ticked() == [] for name in FILTERS)
        assert "(filtered)" not in screen_text(app)


async def test_two_tags_show_the_annotations_with_both_and_only_those(store):
    """Several tags: all of them (as `briefing annotations --tag A --tag B` and the export)."""
    app = make_reader(store)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_view(pilot)
        await tick(pilot, screen, "tag", "russia")
        assert listed(screen) == ["dupuy-2022-01", "paylan-2023-02", "tadevosian-2023-01"]
        await tick(pilot, screen, "tag", "[@click=app.quit]")
        assert listed(screen) == ["paylan-2023-02"]
        assert filter_list(screen, "tag").ticked() == ["russia", "[@click=app.quit]"]
        assert "1 of 5 annotations (filtered)" in screen_text(app)
        await tick(pilot, screen, "tag", "[@click=app.quit]")  # space again unticks it
        assert len(listed(screen)) == 3


async def test_m_on_the_tags_matches_any_one_of_them_and_the_export_follows(store, export_dir):
    from briefing.tui.dialogs.export_dialog import ExportDialog

    app = make_reader(store)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_view(pilot)
        await tick(pilot, screen, "tag", "csto", "eu-mission")
        assert listed(screen) == []
        await pilot.press("m")
        await pilot.pause()
        assert listed(screen) == ["dupuy-2022-01", "jafarli-2023-03"]
        assert "tags (any)" in screen_text(app)
        await pilot.press("escape", "e")
        await until(pilot, lambda: isinstance(app.screen, ExportDialog))
        assert "tags (any)" in screen_text(app)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        [path] = export_dir.iterdir()
        text = path.read_text(encoding="utf-8")
        assert "any of the tags: `csto`, `eu-mission`" in text
        assert "Check against Tadevosian." in text and "EU monitoring starts." in text
        await until(pilot, lambda: app.screen is screen)
        await pilot.press("r")  # clears the ticks and goes back to all of them
        await pilot.pause()
        assert "tags (all)" in screen_text(app) and len(listed(screen)) == 5


async def test_two_sources_match_either_and_combine_with_a_tag(store):
    app = make_reader(store)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_view(pilot)
        await tick(pilot, screen, "source", "tadevosian-2023", "jafarli-2023")
        assert listed(screen) == ["jafarli-2023-03", "tadevosian-2023-01"]
        assert "2 of 5 annotations (filtered)" in screen_text(app)
        await tick(pilot, screen, "tag", "russia")
        assert listed(screen) == ["tadevosian-2023-01"]
        text = str(screen.query_one("#ann-tags").render())
        assert text.startswith("#russia 1") and "eu-mission" not in text
        await tick(pilot, screen, "author", "ana", "bob")  # every author: no change
        assert listed(screen) == ["tadevosian-2023-01"]


async def test_each_value_shows_its_count(store):
    app = make_reader(store)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await open_view(pilot)
        tags = filter_list(screen, "tag")
        shown = [str(tags.get_option_at_index(i).prompt) for i in range(tags.option_count)]
        assert shown == ["3 #russia", "1 #[@click=app.quit]", "1 #csto", "1 #eu-mission",
                         "1 #old"]  # literal, never markup
        authors = filter_list(screen, "author")
        assert [str(authors.get_option_at_index(i).prompt) for i in range(2)] == \
            ["3 ana", "2 bob"]
        events = filter_list(screen, "event")
        offensive = values(screen, "event").index("sept-2022-azerbaijani-offensive")
        assert str(events.get_option_at_index(offensive).prompt).startswith("2 ")
        assert "3 #russia" in screen_text(app) and "2 bob" in screen_text(app)


async def test_no_match_says_so(store):
    app = make_reader(store)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_view(pilot)
        await tick(pilot, screen, "tag", "eu-mission")
        await tick(pilot, screen, "author", "bob")
        assert listed(screen) == []
        assert "No annotation matches these filters" in screen_text(app)


async def test_enter_jumps_to_the_passage_in_the_reader(store):
    app = make_reader(store)
    async with app.run_test(size=SMALL) as pilot:
        await open_view(pilot)
        await pilot.press("down", "down", "enter")  # paylan-2023-02
        await pilot.pause()
        reader = app.screen
        assert isinstance(reader, ReaderScreen)
        assert reader.article_id == "paylan-2023" and reader.claim_id == "paylan-2023-02"
        view = reader.article_view
        passage = view._by_claim["paylan-2023-02"][0]
        assert passage.state.current_claim == "paylan-2023-02"
        top, bottom = view.scroll_y, view.scroll_y + view.size.height
        assert top <= passage.virtual_region.y < bottom  # scrolled into view
        await pilot.press("backspace")  # history: back to where the reader was
        assert reader.article_id == "dupuy-2022"


async def test_a_vanished_claim_cannot_be_opened_but_is_listed(store):
    app = make_reader(store)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_view(pilot)
        await pilot.press("end", "enter")
        await pilot.pause()
        assert app.screen is screen
        assert any("no longer in the briefing" in m for m in messages(app, "warning"))


async def test_another_process_writing_updates_the_open_view(store, db):
    app = make_reader(store)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_view(pilot)
        other = AnnotationStore(db, author="carol")  # its own file handle and state
        corpus = bundled()
        other.annotate("jafarli-2023-01", corpus.claims["jafarli-2023-01"].quote,
                       add_tags=["late-arrival"])
        other.close()
        for _ in range(40):
            await pilot.pause(0.1)
            if "jafarli-2023-01" in listed(screen):
                break
        assert "jafarli-2023-01" in listed(screen)
        assert "late-arrival" in values(screen, "tag")
        assert "#late-arrival 1" in str(screen.query_one("#ann-tags").render())


async def test_e_exports_what_the_filters_show(store, export_dir):
    app = make_reader(store)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_view(pilot)
        await tick(pilot, screen, "author", "bob")
        await pilot.press("e", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        [path] = export_dir.iterdir()
        text = path.read_text(encoding="utf-8")
        assert "Same offensive, other framing." in text and "literal" in text
        assert "Check against Tadevosian." not in text and "EU monitoring" not in text
        front = text.split("---")[1]
        assert "bob" in front  # the filters are recorded in the front matter
        assert any(str(path) in m for m in messages(app, "information"))


async def test_escape_returns_to_the_reader_where_it_was(store):
    app = make_reader(store)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("n")
        await open_view(pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen) and app.screen.claim_id == "dupuy-2022-01"


async def test_help_lists_the_views_keys(store):
    app = make_reader(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_view(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        text = rendered_text(app.screen.query_one("#help-keys").content)
        assert "Annotations view" in text and "Export shown" in text and "Clear filters" in text


@pytest.fixture
def seeded(tmp_path, monkeypatch):
    """A reader on a store of its own, seeded, for the snapshots (closed after)."""
    monkeypatch.setenv("BRIEFING_EXPORT_DIR", str(tmp_path))
    store = AnnotationStore(tmp_path / "annotations.json", author="ana")
    seed(store)
    yield make_reader(store)
    store.close()


def test_snapshot_annotations_view_80x24(snap_compare, seeded):
    app = seeded

    async def run_before(pilot) -> None:
        await pilot.press("A")
        await pilot.pause()

    assert snap_compare(app, terminal_size=SMALL, run_before=run_before)


def test_snapshot_annotations_view_160x48_two_tags_ticked(snap_compare, seeded):
    """Taller filter lists; russia and csto ticked from the keyboard, the tag list focused."""
    app = seeded

    async def run_before(pilot) -> None:
        await pilot.press("A")
        await pilot.pause()
        await pilot.press("f", "space", "down", "down", "space")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(160, 48), run_before=run_before)


async def test_a_large_store_is_listed_a_page_at_a_time(tmp_path):
    from briefing.tui.screens.annotations_view import PAGE

    corpus = bundled()
    big = AnnotationStore(tmp_path / "big.json", author="ana")
    claims = [c for c in corpus.claims.values() if c.paragraph_id][: PAGE * 2 + 10]
    for claim in claims:
        big.annotate(claim.id, claim.quote, add_tags=["bulk"])
    app = make_reader(big)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_view(pilot)
        assert len(screen.shown) == len(claims)
        assert screen.option_list.option_count == PAGE  # not all at once
        await pilot.press("end")  # reaching the last row loaded loads the next page
        await pilot.pause()
        assert screen.option_list.option_count == PAGE * 2
        await pilot.press("end")
        await pilot.pause()
        assert screen.option_list.option_count == len(claims)
        await pilot.press("enter")  # a row loaded later still opens its passage
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert app.screen.claim_id in {c.id for c in claims}
    big.close()


async def test_t_and_a_work_on_the_highlighted_row(store):
    from briefing.tui.dialogs.note_editor import NoteEditor
    from briefing.tui.dialogs.tag_screen import TagScreen

    app = make_reader(store)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_view(pilot)
        await pilot.press("down", "t")  # jafarli-2023-03, ana's
        assert isinstance(app.screen, TagScreen) and app.screen.claim.id == "jafarli-2023-03"
        await pilot.press(*"euma", "enter", "escape")
        await pilot.pause()
        assert store.get("jafarli-2023-03").tags == ("eu-mission", "euma")
        assert app.screen is screen and "#euma" in screen_text(app)  # the row follows
        await pilot.press("a")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press("escape")
        await pilot.press("end", "t")  # the vanished claim: nothing to open
        assert app.screen is screen


async def test_the_palette_opens_the_view_filtered_by_a_tag(store):
    from briefing.tui.palette.reader import AnnotationTagsProvider

    app = make_reader(store)
    async with app.run_test(size=SMALL) as pilot:
        reader = app.reader
        entries = list(AnnotationTagsProvider(app.screen).entries(reader))
        titles = [text for text, _help, _cb in entries]
        assert titles[0] == "Annotations tagged #russia"
        assert "Annotations tagged #[@click=app.quit]" in titles
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"tagged russ")
        for _ in range(20):  # the palette searches in the background
            await pilot.pause(0.1)
            if "Annotations tagged #russia" in screen_text(app):
                break
        await pilot.press("enter")
        for _ in range(20):
            await pilot.pause(0.1)
            if isinstance(app.screen, AnnotationsScreen):
                break
        screen = app.screen
        assert isinstance(screen, AnnotationsScreen)
        assert filter_list(screen, "tag").ticked() == ["russia"]
        assert listed(screen) == ["dupuy-2022-01", "paylan-2023-02", "tadevosian-2023-01"]


async def test_e_opens_the_export_with_every_value_ticked(store, export_dir):
    from briefing.tui.dialogs.choices import Choices
    from briefing.tui.dialogs.export_dialog import ExportDialog

    app = make_reader(store)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_view(pilot)
        await tick(pilot, screen, "tag", "russia", "csto")
        await tick(pilot, screen, "source", "dupuy-2022", "paylan-2023")
        await tick(pilot, screen, "author", "ana")
        assert listed(screen) == ["dupuy-2022-01"]
        await pilot.press("escape", "e")  # to the rows, then export these
        await until(pilot, lambda: isinstance(app.screen, ExportDialog))
        dialog = app.screen
        assert set(dialog.query_one("#export-tag", Choices).ticked()) == {"russia", "csto"}
        assert dialog.query_one("#export-source", Choices).ticked() == ["dupuy-2022",
                                                                        "paylan-2023"]
        assert "by ana" in screen_text(app)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        [path] = export_dir.iterdir()
        text = path.read_text(encoding="utf-8")
        assert "Check against Tadevosian." in text and "Same offensive" not in text


async def test_ticks_stay_when_the_store_changes(store, db):
    app = make_reader(store)
    async with app.run_test(size=SMALL) as pilot:
        screen = await open_view(pilot)
        await tick(pilot, screen, "tag", "eu-mission", "csto")
        assert listed(screen) == []
        corpus = bundled()
        other = AnnotationStore(db, author="carol")  # another process, its own handle
        other.annotate("jafarli-2023-03", corpus.claims["jafarli-2023-03"].quote,
                       remove_tags=["eu-mission"], author="ana")  # eu-mission's only one
        other.annotate("jafarli-2023-01", corpus.claims["jafarli-2023-01"].quote,
                       add_tags=["csto"])
        other.close()

        def prompt(value: str) -> str:
            tags = filter_list(screen, "tag")
            return str(tags.get_option_at_index(values(screen, "tag").index(value)).prompt)

        await until(pilot, lambda: prompt("csto") == "2 #csto")
        assert prompt("eu-mission") == "0 #eu-mission"  # still listed, still ticked
        assert filter_list(screen, "tag").ticked() == ["csto", "eu-mission"]
        await tick(pilot, screen, "tag", "eu-mission")  # unticked: csto alone
        assert listed(screen) == ["dupuy-2022-01", "jafarli-2023-01"]


async def test_the_key_bar_and_help_name_the_tick_key(store):
    app = make_reader(store)
    async with app.run_test(size=(120, 40)) as pilot:
        await open_view(pilot)
        assert "space Tick" not in screen_text(app)
        await pilot.press("f")
        await pilot.pause()
        assert "space Tick" in screen_text(app)
        await pilot.press("question_mark")
        await pilot.pause()
        text = rendered_text(app.screen.query_one("#help-keys").content)
        assert "Tick" in text.split("Annotations view")[1].split("\n\n")[0]


async def test_the_palette_preset_can_tick_several_values(store):
    app = make_reader(store)
    async with app.run_test(size=SMALL) as pilot:
        app.push_screen(AnnotationsScreen(app.reader.corpus, store,
                                          {"tag": ["russia"], "source": ["paylan-2023",
                                                                         "dupuy-2022"]}))
        await until(pilot, lambda: isinstance(app.screen, AnnotationsScreen))
        screen = app.screen
        await until(pilot, lambda: listed(screen) == ["dupuy-2022-01", "paylan-2023-02"])
        assert filter_list(screen, "source").ticked() == ["dupuy-2022", "paylan-2023"]
        assert "2 of 5 annotations (filtered)" in screen_text(app)
