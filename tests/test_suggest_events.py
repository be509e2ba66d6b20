"""`briefing suggest` events: storylines told by several sources (briefing/suggest/storylines.py)
and the events made of them (title, date, actors), on hand-written texts of another topic."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import main
from briefing.loader import load_corpus
from briefing.model import Paragraph
from briefing.suggest.claims import Proposal
from briefing.suggest.pipeline import suggest, write
from briefing.suggest import storylines as storylines_module
from briefing.suggest.happenings import conflict, heads, relative_dates, when
from briefing.suggest.mentions import find_dates
from briefing.suggest.storylines import (ALIKE, _conflicts, _date_keys, dot, paragraph_groups,
                                         storylines, vectors, whens)

_STOP = {"that", "this", "with", "from", "have", "were", "will", "their", "before", "after"}


def claim(source: str, para: str, text: str, actors: tuple[str, ...] = ()) -> Proposal:
    """A proposal as claims.propose makes it: its salient words and actors as terms."""
    paragraph = Paragraph(id=f"{source}/0/{para}", article_id=source, section_index=0, index=1,
                          text=text)
    terms = {w for w in re.findall(r"[a-z][\w\-]{3,}", text.lower()) if w not in _STOP}
    terms.update(a.lower() for a in actors)
    return Proposal(source, paragraph, 0, len(text), "fact", "author", 0.5, actors=list(actors),
                    terms=terms)


def together(props: list[Proposal], a: int, b: int) -> bool:
    return any(a in s and b in s for s in storylines(props))


FLOOD = [
    claim("wire", "1", "The Orsava river flooded the lower districts of Dunmere, destroying "
          "hundreds of homes.", ("Dunmere",)),
    claim("review", "1", "Floodwater from the Orsava river destroyed homes across the lower "
          "districts, the fire brigade said."),
    claim("digest", "1", "Hundreds of homes in the lower districts of Dunmere were destroyed "
          "when the Orsava river flooded.", ("Dunmere",)),
    claim("radio", "1", "Firefighters evacuated the flooded lower districts as the Orsava river "
          "kept rising."),
]
VOTE = [
    claim("wire", "2", "The Green League leads the polls before the council election, with the "
          "Farmers' Union second.", ("Green League", "Farmers' Union")),
    claim("review", "2", "The council election campaign pits the Green League against the "
          "Farmers' Union over housing.", ("Green League", "Farmers' Union")),
    claim("digest", "2", "Polls give the Green League a lead over the Farmers' Union in the "
          "council election.", ("Green League", "Farmers' Union")),
    claim("radio", "2", "The Farmers' Union accused the Green League of promising housing the "
          "council cannot pay for before the election.", ("Green League", "Farmers' Union")),
]


def test_claims_from_several_sources_on_one_matter_form_one_storyline_and_matters_stay_apart():
    props = FLOOD + VOTE
    found = storylines(props)
    assert sorted(found) == [[0, 1, 2, 3], [4, 5, 6, 7]]


def test_a_word_only_one_source_uses_does_not_count():
    props = FLOOD[:2] + VOTE[:2] + [claim("wire", "3", "Dunmere's embankments of Orsava stone "
                                          "were never inspected.")]
    vecs = vectors(props)
    assert "embankments" not in vecs[4] and "inspected" not in vecs[4]  # the wire's alone
    assert "orsava" in vecs[4]  # the review names the river too


def test_a_matter_only_one_source_tells_is_not_a_storyline():
    """Two paragraphs of one article in the same words, which no other source uses, are not
    merged: only what several sources tell makes a storyline."""
    props = FLOOD + VOTE + [
        claim("wire", "4", "Tolls on the Halvard bridge rise in June for lorries.", ("Halvard Bridge",)),
        claim("wire", "5", "Lorries will pay the new Halvard bridge tolls from June.", ("Halvard Bridge",)),
    ]
    assert not together(props, 8, 9)


def test_a_claim_about_two_matters_joins_both_storylines_and_no_more():
    """The op-ed's second claim is read with its paragraph (about the flood) and grouped with
    it, but its own words fit the election storyline as well: it is in both."""
    text = ("The floods destroyed homes in the lower districts. Since the floods destroyed homes "
            "in the lower districts, the Green League wants the council election postponed.")
    cut = text.index("Since")
    first, second = claim("oped", "1", text), claim("oped", "1", text, ("Green League",))
    first.end, second.start = cut - 1, cut
    first.terms = claim("oped", "1", text[:cut]).terms
    second.terms = claim("oped", "1", text[cut:], ("Green League",)).terms
    props = FLOOD + VOTE + [first, second]
    assert sorted(storylines(props)) == [[0, 1, 2, 3, 8, 9], [4, 5, 6, 7, 9]]


def test_storylines_are_the_same_whatever_the_run():
    props = FLOOD + VOTE
    assert storylines(props) == storylines(list(props))


ARTICLES = {
    "dunmere-news": ("2024-05-04", "news", """\
The Orsava river burst its banks in Dunmere on 3 May 2024, flooding 1,200 homes. Mayor Ilse Varga declared a state of emergency in the flooded districts.

Voters in Dunmere will elect a new regional council on 9 June 2024. The Green League leads the polls with 31 percent.
"""),
    "dunmere-analysis": ("2024-05-20", "analysis", """\
The flood that hit Dunmere in May destroyed about 1,300 homes along the Orsava river, according to the fire brigade. The state of emergency declared by Mayor Varga is still in force.

The council election campaign has barely started. Green League candidates promise cheaper housing, while the Farmers' Union wants lower taxes for the council's farms.
"""),
    "dunmere-oped": ("2024-05-25", "op-ed", """\
Dunmere needs higher embankments along the Orsava river before the next floods. The homes lost to the river this spring were built where the old embankments failed.

The Green League and the Farmers' Union should agree on the council's budget for housing before the election.
"""),
}


def dunmere(root: Path) -> Path:
    (root / "articles").mkdir(parents=True)
    (root / "briefing.yaml").write_text("title: Dunmere\n", encoding="utf-8")
    for aid, (published, genre, body) in ARTICLES.items():
        head = (f"---\nid: {aid}\ntitle: {aid}\nauthors: [A Writer]\noutlet: null\n"
                f"published: {published}\nlanguage: en\ngenre: {genre}\n---\n\n")
        (root / "articles" / f"{aid}.md").write_text(head + body, encoding="utf-8")
    (root / "events.yaml").write_text("[]\n", encoding="utf-8")
    return root


def suggested(root: Path):
    """Run suggest on the briefing at ``root`` (which must check clean) and load the result,
    which must check clean too."""
    corpus, problems = load_corpus(root)
    assert problems == []
    write(suggest(corpus, root))
    corpus, problems = load_corpus(root)
    assert problems == []
    return corpus


def test_suggested_events_gather_the_sources_of_each_storyline_with_title_date_and_actors(tmp_path):
    root = dunmere(tmp_path)
    corpus = suggested(root)
    claims = [c for c in corpus.claims.values() if c.status == "suggested"]

    def events_of(words: str) -> set[str]:
        (c,) = [c for c in claims if words in c.quote]
        return set(c.events)

    flood = events_of("burst its banks")
    assert flood & events_of("destroyed about 1,300 homes") & events_of("higher embankments")
    vote = events_of("elect a new regional council")
    assert vote & events_of("election campaign has barely started") & events_of("agree on the council")
    assert not flood & vote
    (flood_event,) = [corpus.events[e] for e in flood]
    assert flood_event.status == "suggested" and flood_event.date.startswith("2024-05")
    assert "Orsava" in flood_event.actors
    # No happening word names it, so its title is the opening of one of its claims, in a
    # source's words, not a list of actors.
    opening = flood_event.title.removesuffix("…")
    assert len(opening.split()) >= 5 and any(
        " ".join(c.quote.split()).startswith(opening) for c in claims if flood & set(c.events))
    (vote_event,) = [corpus.events[e] for e in vote]
    assert vote_event.date == "2024-06-09" and "Green League" in vote_event.actors
    # Titled by who did what when a claim says it ("Dunmere will elect a new regional
    # council"), else by its actors and happening word ("... election"): either names it.
    assert "elect" in vote_event.title.lower()


def test_a_curated_event_like_the_storyline_is_linked_first_and_one_of_other_years_is_not(tmp_path):
    root = dunmere(tmp_path)
    (root / "events.yaml").write_text(
        "- id: orsava-flood-2010\n  title: The Orsava floods Dunmere's lower districts\n"
        "  date: 2010-04\n  actors: [Dunmere]\n\n"
        "- id: orsava-flood\n  title: The Orsava floods Dunmere\n  date: 2024-05-03\n"
        "  summary: The river bursts its banks and destroys homes.\n  actors: [Dunmere]\n",
        encoding="utf-8")
    corpus = suggested(root)
    claims = [c for c in corpus.claims.values() if c.status == "suggested"]
    flood = [c for c in claims if "homes" in c.quote and "Orsava" in c.quote]
    assert len(flood) >= 2 and all(c.events == ["orsava-flood"] for c in flood)
    vote = [c for c in claims if "election" in c.quote]
    assert vote and not any("orsava-flood" in c.events or "orsava-flood-2010" in c.events
                            for c in vote)


def test_each_curated_event_takes_one_storyline_so_an_accepted_event_does_not_swallow_the_rest(
        tmp_path):
    # A reviewer accepted the flood event, and its title and actors name Dunmere, which the
    # election storyline names too: re-running keeps the election an event of its own.
    root = dunmere(tmp_path)
    (root / "events.yaml").write_text(
        "- id: orsava-flood\n  title: The Orsava floods Dunmere\n  date: 2024-05\n"
        "  actors: [Dunmere, Orsava, Green League, Farmers' Union]\n", encoding="utf-8")
    corpus = suggested(root)
    claims = [c for c in corpus.claims.values() if c.status == "suggested"]
    flood = {e for c in claims if "burst its banks" in c.quote for e in c.events}
    vote = {e for c in claims if "elect a new regional council" in c.quote for e in c.events}
    assert flood == {"orsava-flood"}
    assert vote and "orsava-flood" not in vote
    assert all(corpus.events[e].status == "suggested" for e in vote)


def test_a_suggested_event_is_summed_up_by_its_most_shared_claim_quoted_with_its_source(tmp_path):
    root = dunmere(tmp_path)
    corpus = suggested(root)
    events = [e for e in corpus.events.values() if e.status == "suggested"]
    assert events
    for e in events:
        claims = [c for c in corpus.claims.values() if e.id in c.events]
        quote, _, source = e.summary.rpartition("” (")
        assert quote.startswith("“") and source.endswith(")")
        said = quote[1:].removesuffix("…")
        assert any(c.article_id == source[:-1] and " ".join(c.quote.split()).startswith(said)
                   for c in claims), e.summary
        assert len({c.article_id for c in claims}) >= 2  # an event is told by several sources


def _harvest_paragraph(n: int) -> list[Proposal]:
    """One long paragraph (a page imported without breaks), two sources telling a harvest."""
    crops = ["apples", "pears", "plums", "cherries", "quinces"]
    return [claim("almanac" if i % 2 else "gazette", "1",
                  f"Growers in the Tallis valley picked {crops[i % 5]} from orchard {i} "
                  f"before the frost of week {i % 7}.")
            for i in range(n)]


def _groups_by_definition(props: list[Proposal]) -> list[list[int]]:
    """paragraph_groups as defined: a claim joins the group whose members it is most alike
    on average (>= ALIKE), else starts its own."""
    vecs = vectors(props)
    groups: dict[str, list[list[int]]] = {}
    out: list[list[int]] = []
    for i, p in enumerate(props):
        best, best_score = None, ALIKE
        for g in groups.setdefault(p.paragraph.id, []):
            score = sum(dot(vecs[i], vecs[j]) for j in g) / len(g)
            if score >= best_score:
                best, best_score = g, score
        if best is None:
            best = []
            groups[p.paragraph.id].append(best)
            out.append(best)
        best.append(i)
    return out


def test_a_huge_paragraph_is_grouped_as_defined_at_one_product_per_group(monkeypatch):
    props = _harvest_paragraph(300)
    expected = _groups_by_definition(props)
    calls = 0

    def counted(a, b):
        nonlocal calls
        calls += 1
        return dot(a, b)

    monkeypatch.setattr(storylines_module, "dot", counted)
    assert paragraph_groups(props, vectors(props)) == expected
    # one product per claim and group, not per claim and member (45,000 for 300 claims)
    assert calls <= len(props) * len(expected)


# --- happenings: heads, dates, and storylines split into happenings --------------------------

def test_a_happening_is_named_by_one_head_whatever_the_form_of_its_word():
    assert heads("The shareholders approved the takeover") == {"approve", "acquire"}
    assert heads("after the authority's approval") == {"approve"}
    assert heads("The regulator cleared the merger") == {"approve", "acquire"}
    assert heads("Both sides signed the ceasefire on Friday") == {"sign", "ceasefire"}
    assert heads("The river rose again") == set()


def test_relative_dates_are_resolved_against_the_publication_date():
    # published on Tuesday 13 January 2026
    assert [d.value for d in relative_dates("agreed on Monday to buy it", "2026-01-13")] == ["2026-01-12"]
    assert [d.value for d in relative_dates("on Tuesday", "2026-01-13")] == ["2026-01-06"]
    assert [d.value for d in relative_dates("yesterday", "2026-01-13")] == ["2026-01-12"]
    assert [d.value for d in relative_dates("last month", "2026-01-13")] == ["2025-12"]
    assert [d.value for d in relative_dates("this month", "2026-01-13")] == ["2026-01"]
    assert relative_dates("on Monday", None) == [] and relative_dates("on Monday", "2026") == []


def test_a_relative_date_beyond_the_calendar_is_no_date(tmp_path):
    """An article dated 9999-12-31 (or 0001-01-01), as the loader accepts: "next week" or
    "yesterday" names no date there; `briefing suggest` ended in an OverflowError."""
    assert [d.value for d in relative_dates("next month, next week, yesterday",
                                            "9999-12-31")] == ["9999-12-30"]
    assert [d.value for d in relative_dates("last year, last month, on Monday, next week",
                                            "0001-01-01")] == ["0001-01"]
    assert [d.value for d in relative_dates("next year", "2026-12-06")] == ["2027"]
    assert [d.value for d in relative_dates("next month", "2026-12-06")] == ["2027-01"]
    (tmp_path / "articles").mkdir()
    (tmp_path / "briefing.yaml").write_text("title: t\ndescription: d\nquestions: []\n",
                                            encoding="utf-8")
    (tmp_path / "events.yaml").write_text("[]\n", encoding="utf-8")
    for day in ("9999-12-31", "0001-01-01"):
        (tmp_path / "articles" / f"a{day}.md").write_text(
            f"---\nid: a{day}\ntitle: A plant closes\nauthors: [Desk]\noutlet: Wire\n"
            f"published: {day}\nlanguage: en\ngenre: news\n---\n\n"
            "The Orvan plant closed last week and 300 workers lost their jobs yesterday, "
            "the union said on Monday.\n\nNext week the Orvan board will meet again, the "
            "company said.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["suggest", "--content", str(tmp_path), "--dry-run",
                                       "--json"])
    assert result.exit_code == 0, result.output
    assert result.exception is None
    assert len(json.loads(result.output)["claims"]) >= 2


def test_the_happening_date_is_the_first_date_that_is_not_a_bound():
    def dates(text: str) -> list:
        return find_dates(text, 2026)

    text = "Milk prices have fallen by 9 percent since 2023."
    assert when(text, dates(text), "2026-07-10") is None
    text = "Since 2023 the chain has sold 40 stores, the last of them on 3 March 2026."
    assert when(text, dates(text), "2026-07-10") == "2026-03"
    text = "The court on Thursday rejected the request."
    assert when(text, dates(text), "2026-07-10") == "2026-07"
    text = "A first bid in 2019 was abandoned."
    assert when(text, dates(text), "2026-07-10") == "2019"


def test_dates_conflict_when_year_or_month_differ_and_a_bare_year_fits_its_months():
    assert conflict("2026-03", "2026-08") and conflict("2019", "2026-03")
    assert not conflict("2026", "2026-03") and not conflict("2026-03", "2026-03")
    assert not conflict(None, "2026-03")


def test_conflicting_pairs_are_counted_from_date_counts_as_from_the_pairs_themselves():
    a = [("wire", "2026-03"), ("wire", "2026"), ("ledger", "2026-08"), ("ledger", "2019")]
    b = [("wire", "2026-08"), ("courier", "2026-03"), ("courier", "2026"), ("radio", "2019")]
    ca, cb = Counter(), Counter()
    for src, w in a:
        ca.update(_date_keys(src, w))
    for src, w in b:
        cb.update(_date_keys(src, w))
    expected = sum(1 for s, w in a for t, x in b if s != t and conflict(w, x))
    assert expected == 7  # wire 2026-03 and 2026 vs radio 2019; ledger 2026-08 vs two; 2019 vs three
    assert _conflicts(ca, cb) == _conflicts(cb, ca) == expected


TAKEOVER = {
    "agree": "{} agreed to buy Brennick Markets, the rival grocer, on 12 January 2026.",
    "vote": "Brennick shareholders backed the Halvard takeover of the grocer on 18 March 2026.",
    "inquiry": "The authority opened an inquiry into the Halvard takeover of the grocer on 2 April 2026.",
    "court": "The court refused to halt the Halvard takeover of the grocer on 9 July 2026.",
    "clear": "The authority cleared the Halvard takeover of the grocer on 21 August 2026.",
}


def _dated_claim(source: str, para: str, text: str) -> Proposal:
    p = claim(source, para, text, ("Halvard", "Brennick"))
    p.dates = [(d, None) for d in find_dates(text, 2026)]
    return p


def test_a_storyline_that_mixes_many_happening_dates_is_split_into_its_happenings(monkeypatch):
    """Three sources tell five steps of one takeover in the same words, each in one
    paragraph: one storyline, five happenings, told apart by their dates (with the split on;
    it is off by default, see storylines.MIXED)."""
    monkeypatch.setattr(storylines_module, "DATE_WEIGHT", 1.0)
    monkeypatch.setattr(storylines_module, "MIXED", 5)
    props, steps = [], []
    for source in ("wire", "ledger", "courier"):
        for step, text in TAKEOVER.items():
            props.append(_dated_claim(source, "0", text.format("Halvard Foods")))
            steps.append(step)
    found = storylines(props)
    for group in found:
        assert len({steps[i] for i in group}) == 1, [steps[i] for i in group]
    for step in TAKEOVER:  # each happening gathers its three sources
        assert any({props[i].article_id for i in g if steps[i] == step} == {"wire", "ledger", "courier"}
                   for g in found)
    monkeypatch.setattr(storylines_module, "MIXED", None)  # no split: the storyline lumps them
    assert max(len(g) for g in storylines(props)) > 3


def test_happening_dates_are_not_looked_for_while_they_are_off(monkeypatch):
    """DATE_WEIGHT 0 and MIXED None (the default): no claim's happening date is worked out
    (it would only be counted for conflicts nobody weighs; eval_suggest --no-timing prints
    the same figures either way)."""
    props = list(FLOOD)
    published = {p.article_id: "2026-01-13" for p in props}
    monkeypatch.setattr(storylines_module, "whens",
                        lambda *a, **k: pytest.fail("happening dates worked out"))
    found = storylines(props, published)
    assert {i for s in found for i in s} == set(range(len(props)))  # each claim placed


def test_a_relative_date_places_a_claim_in_its_happening(monkeypatch):
    """"on Monday" in an article of Tuesday 13 January is 12 January: the same happening as
    "on 12 January 2026" elsewhere, and not the March vote (dates and split on)."""
    monkeypatch.setattr(storylines_module, "DATE_WEIGHT", 1.0)
    monkeypatch.setattr(storylines_module, "MIXED", 5)
    props = [_dated_claim("wire", "0", "Halvard Foods agreed on Monday to buy Brennick Markets, the rival grocer.")]
    props.extend(_dated_claim(s, str(n), text.format("Halvard Foods"))
                 for s in ("ledger", "courier") for n, text in enumerate(TAKEOVER.values()))
    dates = whens(props, {"wire": "2026-01-13"})
    assert dates[0] == "2026-01"
    found = storylines(props, {"wire": "2026-01-13"})
    (home,) = [g for g in found if 0 in g]
    assert {props[i].quote for i in home if i} == {TAKEOVER["agree"].format("Halvard Foods")}


# --- an undated claim is news of its article's month (storylines step 6) ---

BREACH_AND_BUDGET = [
    claim("wire", "1", "The pharmacy chain said hackers had stolen the records of customers."),
    claim("ledger", "1", "Customers learned that attackers took their prescriptions."),
    claim("column", "1", "The council approved a larger budget for village schools."),
    claim("review", "1", "Teachers welcomed the larger budget for village schools."),
    claim("radio", "1", "Hackers had stolen prescriptions from a hospital, attackers said."),
]
PUBLISHED = {"wire": "2025-06-10", "ledger": "2025-06-12", "column": "2024-01-05",
             "review": "2024-01-20", "radio": "2025-03-02"}


def test_an_undated_claim_carries_its_articles_month_and_a_dated_one_does_not():
    undated, dated = claim("wire", "1", "Hackers copied the records."), _dated_claim(
        "wire", "2", "Hackers copied the records on 2 June 2025.")
    assert storylines_module.features(undated, published="2025-06-10")["#published-2025-06"] > 0
    assert not any(t.startswith("#published") for t in
                   storylines_module.features(dated, published="2025-06-10"))
    assert not any(t.startswith("#published") for t in  # a year is no month
                   storylines_module.features(undated, published="2025"))


def test_undated_claims_of_sources_published_in_one_month_are_more_alike(monkeypatch):
    """Two reports of June tell the breach in words they share little of: their month makes
    them alike; the January pair is as alike whatever the month (its words link it); with
    the term off, or months apart, the June reports are no more alike than their words."""
    def likeness(published: dict[str, str]) -> tuple[float, float]:
        vecs = vectors(BREACH_AND_BUDGET, published=published)
        return dot(vecs[0], vecs[1]), dot(vecs[2], vecs[3])

    june, january = likeness(PUBLISHED)
    apart, january_apart = likeness({**PUBLISHED, "ledger": "2025-08-01"})
    monkeypatch.setattr(storylines_module, "PUBLISHED_WEIGHT", 0.0)
    words, january_words = likeness(PUBLISHED)
    assert june > words + 0.05 and apart == words and words < 0.3
    assert january > 0.5 and january_words > 0.5
