"""Titles, actors and dates of suggested events as a reviewer reads them (briefing/suggest/
titles.py, events.py): who did what with its object, never someone's own words, never an
opening cut mid-phrase, no storyline titled like a happening beside it, no event of one
claim; made-up sentences of several kinds of news writing."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import main
from briefing.model import Event, Paragraph
from briefing.suggest import events as events_module
from briefing.suggest.claims import Proposal
from briefing.suggest.events import actors_of, span_of
from briefing.suggest.frames import who_did_what
from briefing.suggest.mentions import DateMention
from briefing.suggest.titles import alike_titles, headline, is_quotation, matter_of
from tests.test_suggest_events import suggested
from tests.test_suggest_events_frames import claim


# --- a headline from a sentence: a whole clause, never an opening cut mid-phrase -----------

@pytest.mark.parametrize("sentence, title", [
    # a short sentence is its own headline, without its full stop
    ("The river burst its banks at Selm on Sunday.", "The river burst its banks at Selm on Sunday"),
    # an opening connective is no part of what happened
    ("Now 300 nurses at the two clinics and in the care homes will lose their posts by "
     "the end of next year.", "300 nurses will lose their posts"),
    ("However, the ferry company cancelled every crossing to the islands for the rest of "
     "the week because of the storm.", "The ferry company cancelled every crossing to the islands"),
    # a scene-setting phrase before the first comma goes
    ("Without a new pipeline, the northern towns could run out of water within two summers "
     "according to the utility.", "The northern towns could run out of water within two summers"),
    # where it happened stays; when it happened goes first
    ("The mill stopped production at its Varde plant on 3 May and would lay off 80 of its "
     "200 workers temporarily.", "The mill stopped production at its Varde plant"),
    # a relative clause after the subject goes when the sentence is too long with it
    ("Tenants whose flats were flooded during the storm in the old harbour district will be "
     "rehoused by the city within a month.", "Tenants will be rehoused by the city within a month"),
    # an apposition between commas after the subject goes when the verb follows it
    ("The contract, signed on 2 June after months of haggling over the price, ended the "
     "dispute.", "The contract ended the dispute"),
    # who did it stays with a participle: "held | by" is no end of the phrase
    ("The treasurer moved the funds through 40 payments to accounts held by his cousin in "
     "three countries over two years.",
     "The treasurer moved the funds through 40 payments to accounts held by his cousin"),
    ("The walkout was called by the union after the talks broke down on Friday night in the "
     "capital.", "The walkout was called by the union"),
])
def test_a_headline_is_a_whole_clause(sentence, title):
    assert headline(sentence) == title


@pytest.mark.parametrize("sentence", [
    # its object is a clause of its own: any cut ends mid-thought
    "The meaning of the minister's remarks in plain words is that if the budget passes the "
    "hospitals will close their wards.",
    # a clause hanging on another
    "Until the inspectors finished their work at the site, the mayor refused to reopen the "
    "bridge to traffic of any kind.",
    "Especially as the council had already spent its reserve on the floods of the previous "
    "winter and the spring.",
    # a phrase that stops where it cannot: "are not", "to"
    "The 400 pupils who travel by bus from the villages are not.",
    # a bracket opened and not closed within the words a title may hold
    "The latest troubles (a strike at the port, a fire at the depot, a cyber attack on the "
    "ticket system) have hurt the operator.",
    # too few words to say anything out of their paragraph
    "It is remarkable.",
])
def test_no_headline_rather_than_a_sentence_cut_mid_phrase(sentence):
    assert headline(sentence) is None


# --- someone's own words never title an event ------------------------------------------------

def _in_paragraph(paragraph: str, quote: str, kind: str = "fact") -> Proposal:
    para = Paragraph(id="wire/0/1", article_id="wire", section_index=0, index=1, text=paragraph)
    start = paragraph.index(quote)
    return Proposal("wire", para, start, start + len(quote), kind, "author", 0.5)


def test_a_quotation_or_a_first_person_sentence_is_someones_own_words():
    # the span stands inside quotation marks the paragraph holds
    assert is_quotation(_in_paragraph('“Together we can keep fares low for commuters,” she said.',
                                      "Together we can keep fares low for commuters,"))
    # quotation marks inside the span
    assert is_quotation(_in_paragraph('The mayor called it "a disgrace".', 'The mayor called it "a disgrace".'))
    # first person without any mark (an interview answer)
    assert is_quotation(_in_paragraph("Our drivers voted for the strike.", "Our drivers voted for the strike."))
    assert is_quotation(_in_paragraph("Several of mine asked to stop.", "Several of mine asked to stop."))
    # a statement reported by the author is the author's words
    assert not is_quotation(_in_paragraph(
        "The ministry said it would not vaccinate poultry for now.",
        "it would not vaccinate poultry for now.", kind="quote"))
    # "US" is a country, not "us"
    assert not is_quotation(_in_paragraph("US troops left the base.", "US troops left the base."))


def test_an_event_is_never_titled_by_a_quotation(monkeypatch):
    props = [
        claim("wire", "1", "Together we can keep fares low for commuters,"),
        claim("daily", "1", "The fare freeze will cost the city 12 million a year."),
    ]
    monkeypatch.setattr(events_module, "storylines", lambda p, published=None: [[0, 1]])
    (g,) = events_module.cluster(props)
    assert g.title == "The fare freeze will cost the city 12 million a year"


def test_single_quotation_marks_are_quotation_marks_and_an_apostrophe_is_not():
    assert is_quotation(_in_paragraph("‘The takeover is a disaster for the farmers,’ said the "
                                      "union leader.", "The takeover is a disaster for the farmers,"))
    assert is_quotation(_in_paragraph("The union called the takeover ‘a disaster’.",
                                      "The union called the takeover ‘a disaster’."))
    assert not is_quotation(_in_paragraph("Halvard’s offer was raised twice.",
                                          "Halvard’s offer was raised twice."))


def test_a_happening_is_not_titled_by_who_did_what_in_someones_own_words(monkeypatch):
    props = [
        claim("wire", "1", "“Ostra Shipping agreed to buy Kestrel Lines only to close our routes,” "
              "a rival said.", "2025-05", ("Ostra Shipping", "Kestrel Lines")),
        claim("daily", "1", "‘Ostra Shipping agreed in May to buy Kestrel Lines and our jobs "
              "with it,’ a union leader said.", "2025-05", ("Ostra Shipping", "Kestrel Lines")),
    ]
    monkeypatch.setattr(events_module, "storylines", lambda p, published=None: [])
    (g,) = events_module.cluster(props)
    assert g.heads and "our" not in g.title.split()
    props.append(claim("radio", "1", "Ostra Shipping agreed on Friday to buy Kestrel Lines for "
                       "310 million euros.", "2025-05", ("Ostra Shipping", "Kestrel Lines")))
    (g,) = events_module.cluster(props)
    assert g.title == "Ostra Shipping agreed to buy Kestrel Lines"


# --- who did what, with its object ----------------------------------------------------------

def test_who_did_what_goes_past_when_it_was_done_to_what_was_done():
    p = claim("wire", "1", "Ostra Shipping, the region's largest ferry line, agreed on Tuesday to "
              "buy its rival Kestrel Lines for 310 million euros.", actors=("Ostra Shipping",))
    assert who_did_what(p, ["agree"]) == "Ostra Shipping agreed to buy its rival Kestrel Lines"
    q = claim("daily", "1", "Kestrel Lines cut in March some 1,200 jobs at its yards.",
              actors=("Kestrel Lines",))
    assert who_did_what(q, ["cut"]) == "Kestrel Lines cut some 1,200 jobs"
    r = claim("radio", "1", "The port authority approved on 4 May 2025 a 2.5 billion expansion.",
              actors=("port authority",))
    assert who_did_what(r, ["approve"]) == "The port authority approved a 2.5 billion expansion"
    # a number's comma or point ends nothing
    s = claim("radio", "2", "Kestrel Lines cut 1,200 jobs and 3.5 percent of its routes.",
              actors=("Kestrel Lines",))
    assert who_did_what(s, ["cut"]) == "Kestrel Lines cut 1,200 jobs"


def test_a_happening_is_titled_by_a_claim_saying_what_was_done_rather_than_who_alone(monkeypatch):
    props = [
        claim("wire", "1", "Ostra Shipping agreed in May.", "2025-05", ("Ostra Shipping",)),
        claim("daily", "1", "Ostra Shipping agreed in May to buy Kestrel Lines.", "2025-05",
              ("Ostra Shipping", "Kestrel Lines")),
    ]
    monkeypatch.setattr(events_module, "storylines", lambda p, published=None: [])
    (g,) = events_module.cluster(props)
    assert g.heads and g.title == "Ostra Shipping agreed to buy Kestrel Lines"


# --- a storyline is not titled like the happening event beside it ---------------------------

def test_a_storyline_whose_title_a_happening_beside_it_has_is_titled_by_its_matter(monkeypatch):
    props = [
        claim("wire", "1", "Ostra Shipping agreed in May to buy Kestrel Lines.", "2025-05",
              ("Ostra Shipping", "Kestrel Lines")),
        claim("daily", "1", "Ostra Shipping agreed in May to buy Kestrel Lines for 310 million.",
              "2025-05", ("Ostra Shipping", "Kestrel Lines")),
        claim("daily", "2", "Unions fear the takeover of Kestrel Lines by Ostra Shipping will "
              "cost jobs.", None, ("Kestrel Lines", "Ostra Shipping")),
        claim("radio", "1", "The takeover of Kestrel Lines by Ostra Shipping goes to the "
              "regulator.", None, ("Kestrel Lines", "Ostra Shipping")),
    ]
    monkeypatch.setattr(events_module, "storylines", lambda p, published=None: [[0, 1, 2, 3]])
    groups = events_module.cluster(props)
    (happening,) = [g for g in groups if g.heads]
    (storyline,) = [g for g in groups if not g.heads]
    assert happening.title == "Ostra Shipping agreed to buy Kestrel Lines"
    assert storyline.title == "The takeover of Kestrel Lines by Ostra Shipping"
    assert not alike_titles(happening.title, storyline.title)


def test_the_matter_is_the_happening_noun_with_whom_it_concerns():
    g = events_module.Group("attack", "2024")
    for p in [
        claim("wire", "1", "Valdoria's full-scale invasion of Krell began at dawn.",
              actors=("Valdoria", "Krell")),
        claim("daily", "1", "Since the invasion of Krell, grain prices have doubled.",
              actors=("Krell",)),
        # a verb after "the" is no matter: "the troops stationed in Krell"
        claim("radio", "1", "The troops stationed in Krell left.", actors=("Krell",)),
    ]:
        g.add(p)
    assert matter_of(g) == "Valdoria's full-scale invasion of Krell"


def test_titles_alike_are_those_whose_words_one_holds_the_others():
    assert alike_titles("Ostra Shipping agreed", "Ostra Shipping agreed to buy Kestrel Lines")
    assert not alike_titles("Ostra Shipping agreed to buy Kestrel Lines",
                            "The regulator cleared the takeover")


# --- which events are proposed, with which actors and dates ---------------------------------

def test_an_event_of_one_claim_is_not_proposed_unless_it_is_a_curated_one(monkeypatch):
    props = [
        claim("wire", "1", "A decision on the bridge is due by 21 August.", actors=("Selm",)),
        claim("wire", "2", "The river burst its banks at Selm.", actors=("Selm",)),
        claim("daily", "1", "The river flooded Selm's lower town.", actors=("Selm",)),
    ]
    monkeypatch.setattr(events_module, "storylines", lambda p, published=None: [[0], [1, 2]])
    groups = events_module.group(props, [])
    assert [len(g.claims) for g in groups] == [2]
    curated = Event(id="bridge-decision", title="A decision on the Selm bridge is due",
                    summary="decision bridge due August", actors=["Selm"])
    linked = events_module.group(props, [curated])
    assert any(g.existing is curated and len(g.claims) == 1 for g in linked)


def test_event_actors_leave_out_words_capitalised_only_at_a_sentence_start_and_days():
    props = [
        claim("wire", "1", "Together we can keep prices low. Halvard Foods agreed to buy "
              "Brennick on Friday.", actors=("Together", "Halvard Foods", "Friday")),
        claim("daily", "1", "The deal gives Halvard control of Brennick.",
              actors=("Halvard", "Brennick")),
        claim("radio", "1", "Selon le syndicat, Halvard ment.", actors=("Selon", "Halvard")),
    ]
    groups = []
    for g in [events_module.Group("agreement", "2026")]:
        g.not_names = events_module._not_names(props)
        for p in props:
            g.add(p)
        groups.append(g)
    actors = actors_of(groups[0])
    # "Halvard" is folded into "Halvard Foods"; "Together", "Selon", "Friday" are no actors
    assert actors == ["Halvard Foods", "Brennick"]


def test_a_name_met_only_at_a_sentence_start_somewhere_and_inside_one_elsewhere_stays():
    props = [
        claim("wire", "1", "Kessel closed the line.", actors=("Kessel",)),
        claim("daily", "1", "Passengers blamed Kessel for the delays.", actors=("Kessel",)),
    ]
    assert "Kessel" not in events_module._not_names(props)


def test_a_name_after_a_title_or_an_initial_and_a_month_used_as_a_name_stay():
    props = [
        claim("wire", "1", "Talks broke down after Mr. Brandt walked out. Talks with May "
              "failed in March.", actors=("Brandt", "May", "March")),
        claim("daily", "1", "Dr. Okafor flew in from St. Kilda on 3 March.",
              actors=("Okafor", "Kilda", "March")),
    ]
    assert events_module._not_names(props) == {"March"}


def _group_of(*props: Proposal) -> events_module.Group:
    g = events_module.Group("agreement", "2026")
    g.not_names = events_module._not_names(list(props))
    for p in props:
        g.add(p)
    return g


def test_a_short_form_is_one_with_its_name_only_where_it_is_that_name():
    g = _group_of(
        claim("wire", "1", "Russia backed the plan.", actors=("Russia",)),
        claim("daily", "1", "Officials said Russia would veto it.", actors=("Russia",)),
        claim("radio", "1", "Russia Today aired the speech, which Azerbaijan rejected.",
              actors=("Russia Today", "Azerbaijan")),
        claim("wire", "2", "The Republic of Azerbaijan protested.",
              actors=("Republic of Azerbaijan",)),
        claim("daily", "2", "Ostra said its offer stood; Ostra Shipping raised it.",
              actors=("Ostra", "Ostra Shipping")),
    )
    actors = actors_of(g)
    assert "Russia" in actors and "Russia Today" in actors  # a channel, not the country
    assert "Republic of Azerbaijan" in actors and "Azerbaijan" not in actors
    assert "Ostra Shipping" in actors and "Ostra" not in actors


def test_who_did_what_never_ends_on_a_word_its_phrase_cannot_end_on(monkeypatch):
    p = claim("wire", "1", "The Transport Authority approved the sale of the national airline "
              "to a consortium of three regional banks on Friday.", "2026-05",
              ("Transport Authority",))
    q = claim("daily", "1", "The Transport Authority approved on 4 May, 2026 the sale of the "
              "airline — a move critics called rushed.", "2026-05", ("Transport Authority",))
    monkeypatch.setattr(events_module, "storylines", lambda p, published=None: [])
    (g,) = events_module.cluster([p, q])
    assert g.title == "The Transport Authority approved the sale of the national airline"
    assert who_did_what(q, ["approve"]) == "The Transport Authority approved the sale of the airline"


def _with_dates(p: Proposal, *values: str) -> Proposal:
    p.dates = [(DateMention(v, v, 0, 1), None) for v in values]
    return p


def test_an_event_runs_from_its_first_date_to_its_last_whatever_their_precision():
    g = events_module.Group("agreement", "2026")
    g.add(_with_dates(claim("wire", "1", "Agreed in January."), "2026-01"))
    g.add(_with_dates(claim("daily", "1", "Cleared on 21 August."), "2026-08-21"))
    g.add(_with_dates(claim("daily", "2", "Recalled from 2019."), "2019"))  # not its year
    assert span_of(g) == ("2026-01", "2026-08-21")
    h = events_module.Group("agreement", "2026")
    h.add(_with_dates(claim("wire", "1", "In 2026."), "2026"))
    h.add(_with_dates(claim("daily", "1", "In August."), "2026-08"))
    assert span_of(h) == ("2026", None)  # August 2026 is within 2026: no range
    assert span_of(events_module.Group("agreement", "2026")) == ("2026", None)


# --- as a user sees them: `briefing events` after `briefing suggest` ------------------------

ARTICLES = {
    "coast-wire": ("2025-05-14", """\
Ostra Shipping, the region's largest ferry line, agreed on Tuesday to buy its rival Kestrel Lines for 310 million euros.

"Together we can keep fares low for islanders," Ostra's chief executive said.
"""),
    "island-daily": ("2025-05-15", """\
Ostra Shipping agreed in May to buy Kestrel Lines, which runs the night ferries.

The takeover of Kestrel Lines by Ostra Shipping still needs the regulator's approval.
"""),
}


def test_briefing_events_lists_titles_that_say_who_did_what(tmp_path: Path):
    root = tmp_path
    (root / "articles").mkdir()
    (root / "briefing.yaml").write_text("title: Ferries\n", encoding="utf-8")
    for aid, (published, body) in ARTICLES.items():
        head = (f"---\nid: {aid}\ntitle: {aid}\nauthors: [A Writer]\noutlet: null\n"
                f"published: {published}\nlanguage: en\ngenre: news\n---\n\n")
        (root / "articles" / f"{aid}.md").write_text(head + body, encoding="utf-8")
    (root / "events.yaml").write_text("[]\n", encoding="utf-8")
    corpus = suggested(root)
    titles = [e.title for e in corpus.events.values() if e.status == "suggested"]
    assert "Ostra Shipping agreed to buy its rival Kestrel Lines" in titles
    assert not any("Together" in t or "…" in t or "2025" in t for t in titles)
    assert all(e.actors and "Together" not in e.actors for e in corpus.events.values())
    done = CliRunner().invoke(main, ["events", "--content", str(root), "--json"])
    assert done.exit_code == 0, done.output
    assert "Ostra Shipping agreed to buy its rival Kestrel Lines" in done.output
