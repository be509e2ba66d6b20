"""`briefing suggest` happenings (briefing/suggest/frames.py): claims of several sources that
name one happening in one month are an event of their own, beside their storyline, titled by
who did what."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from briefing.cli import main
from briefing.loader import load_corpus
from briefing.model import Paragraph
from briefing.suggest.claims import Proposal
from briefing.suggest import events as events_module
from briefing.suggest.events import one_happening_each
from briefing.suggest.frames import frames, happening_groups, who_did_what
from tests.test_suggest_events import suggested


def claim(source: str, para: str, text: str, when: str | None = None,
          actors: tuple[str, ...] = (), anchored: bool = False) -> Proposal:
    paragraph = Paragraph(id=f"{source}/0/{para}", article_id=source, section_index=0, index=1,
                          text=text)
    terms = {w for w in re.findall(r"[a-z][\w\-]{3,}", text.lower())}
    return Proposal(source, paragraph, 0, len(text), "fact", "author", 0.5, actors=list(actors),
                    terms=terms, when=when, anchored=anchored)


def test_a_frame_is_the_happenings_a_claim_names_and_its_month():
    props = [
        claim("wire", "1", "The shareholders approved the deal in March.", "2026-03"),
        claim("wire", "2", "Regulators opened an inquiry in 2026.", "2026"),
        claim("wire", "3", "The remedy looks larger than it is."),
    ]
    first, second, third = frames(props)
    assert first.heads == {"approve"} and first.own and first.month == "2026-03"
    assert second.heads == {"inquire"} and second.month is None  # a year is not a month
    assert third.heads == frozenset() and not third.own and third.month is None


def test_the_paragraphs_happening_reaches_a_claim_without_one():
    props = [
        claim("wire", "1", "The shareholders approved the deal in March.", "2026-03"),
        claim("wire", "1", "Only a few of them were against it.", "2026-03", anchored=True),
    ]
    second = frames(props)[1]
    assert second.heads == {"approve"} and not second.own and second.month == "2026-03"


def test_sources_naming_one_happening_in_one_month_make_a_happening_and_others_stay_apart():
    props = [
        claim("wire", "1", "Brennick's shareholders approved the takeover in March.", "2026-03"),
        claim("ledger", "1", "The shareholders' approval came in March, by 78 percent.", "2026-03"),
        claim("ledger", "2", "The authority cleared the takeover on 21 August.", "2026-08-21"),
        claim("courier", "1", "Regulators cleared the deal in August.", "2026-08"),
        claim("courier", "2", "The board approved a dividend in May.", "2026-05"),  # one source
        claim("wire", "2", "Shareholders approved the plan in 2025.", "2025"),  # a year only
    ]
    groups = happening_groups(props)
    assert [(heads, month, members) for heads, month, members in groups] == [
        (["approve"], "2026-03", [0, 1]),
        (["approve"], "2026-08", [2, 3]),
    ]


def test_two_heads_of_one_month_sharing_a_claim_are_one_happening():
    props = [
        claim("wire", "1", "A shareholder vote is planned for March.", "2026-03"),
        claim("ledger", "1", "The shareholders approved it in March, with 78 percent of votes.",
              "2026-03"),
        claim("courier", "1", "Brennick's shareholders approved the takeover in March.", "2026-03"),
    ]
    ((heads, month, members),) = happening_groups(props)
    assert sorted(heads) == ["approve", "vote"] and month == "2026-03" and members == [0, 1, 2]


def test_a_happening_a_storyline_already_is_not_proposed_again():
    props = [
        claim("wire", "1", "The shareholders approved the takeover in March.", "2026-03"),
        claim("ledger", "1", "The shareholders' approval came in March.", "2026-03"),
    ]
    assert happening_groups(props, skip={(0, 1)}) == []


def test_who_did_what_is_the_actor_the_happening_word_and_what_it_acted_on():
    p = claim("union", "1", "The Competition Authority cleared Halvard's takeover of Brennick on "
              "21 August, on condition that 160 stores are sold.", "2026-08-21",
              ("Competition Authority", "Halvard", "Brennick"))
    assert who_did_what(p, ["approve"]) == "The Competition Authority cleared Halvard's takeover of Brennick"
    # an apposition after the actor is left out; a happening word in another clause is not
    # what the actor did
    r = claim("wire", "1", "Halvard Foods, the country's largest chain, agreed to buy Brennick.",
              "2026-01", ("Halvard Foods", "Brennick"))
    assert who_did_what(r, ["agree"]) == "Halvard Foods agreed to buy Brennick"
    s = claim("union", "3", "Halvard promised us that the merger would not cost jobs.", "2026-01",
              ("Halvard",))
    assert who_did_what(s, ["acquire"]) is None
    # no actor before the happening's word in its clause: no title from this claim
    q = claim("union", "2", "Cleared in August, the deal still worries Halvard.", "2026-08",
              ("Halvard",))
    assert who_did_what(q, ["approve"]) is None


ARTICLES = {
    "harbour-wire": ("2026-08-22", """\
The Competition Authority cleared the takeover of Brennick Markets by Halvard Foods on 21 August 2026. Halvard must sell 160 stores to Corvel within six months.

Brennick's shareholders approved the takeover in March 2026, with 78 percent of the votes cast in favour.
"""),
    "ledger-analysis": ("2026-08-25", """\
The authority approved the merger of Halvard Foods and Brennick Markets on 21 August 2026, on condition that 160 stores are sold. The remedy looks larger than it is.

In March 2026 the shareholders of Brennick Markets voted for the deal by a wide margin.
"""),
}


def takeover(root: Path) -> Path:
    (root / "articles").mkdir(parents=True)
    (root / "briefing.yaml").write_text("title: Takeover\n", encoding="utf-8")
    for aid, (published, body) in ARTICLES.items():
        head = (f"---\nid: {aid}\ntitle: {aid}\nauthors: [A Writer]\noutlet: null\n"
                f"published: {published}\nlanguage: en\ngenre: news\n---\n\n")
        (root / "articles" / f"{aid}.md").write_text(head + body, encoding="utf-8")
    (root / "events.yaml").write_text("[]\n", encoding="utf-8")
    return root


def test_suggest_proposes_each_happening_as_an_event_titled_by_who_did_what(tmp_path):
    corpus = suggested(takeover(tmp_path))
    claims = [c for c in corpus.claims.values() if c.status == "suggested"]

    def events_of(words: str) -> set[str]:
        (c,) = [c for c in claims if words in c.quote]
        return set(c.events)

    clearance = events_of("cleared the takeover") & events_of("approved the merger")
    vote = events_of("shareholders approved the takeover") & events_of("voted for the deal")
    # one storyline tells both; each happening is an event of its own
    storyline = clearance & vote
    assert storyline and clearance - storyline and vote - storyline
    (cleared,) = [corpus.events[e] for e in clearance - storyline]
    (voted,) = [corpus.events[e] for e in vote - storyline]
    assert cleared.status == "suggested" and cleared.date == "2026-08-21"
    # the title carries no date: every view shows the event's date beside it
    assert cleared.title == "The Competition Authority cleared the takeover of Brennick Markets"
    assert voted.date.startswith("2026-03") and "2026" not in voted.title
    # the stores to sell are part of the clearance: both sources tell the sale that month
    assert clearance - storyline <= events_of("sell 160 stores")


def test_happenings_are_the_same_on_a_second_run(tmp_path):
    root = takeover(tmp_path)
    suggested(root)
    first = (root / "events.suggested.yaml").read_text(encoding="utf-8")
    suggested(root)
    assert (root / "events.suggested.yaml").read_text(encoding="utf-8") == first


def test_a_rejected_happening_is_kept_and_not_proposed_again(tmp_path):
    root = takeover(tmp_path)
    corpus = suggested(root)
    (happening,) = [e for e in corpus.events.values()
                    if e.status == "suggested" and e.date == "2026-08-21"]
    path = root / "events.suggested.yaml"
    done = CliRunner().invoke(main, ["events", "--content", str(root), "reject", happening.id])
    assert done.exit_code == 0, done.output
    # (until suggest runs again, the suggested claims still name the rejected event: `check`
    # reports them; the reviewer runs suggest again, as a user would)
    done = CliRunner().invoke(main, ["suggest", "--content", str(root)])
    assert done.exit_code == 0, done.output
    corpus, problems = load_corpus(root)
    assert problems == []
    again = path.read_text(encoding="utf-8")
    assert again.count(f"id: {happening.id}\n") == 1
    assert f"- id: {happening.id}\n  status: rejected" in again
    assert happening.id not in corpus.events  # a rejected event is no event
    assert not any(happening.id in c.events for c in corpus.claims.values())


# --- one happening, one event: a storyline does not keep the happenings of other months ---

def _clearance_storyline() -> list[Proposal]:
    """One matter told by three sources: the August clearance, recalling the January
    agreement and the March vote (each told by two sources: happenings of their own)."""
    return [
        claim("wire", "1", "The authority cleared the takeover in August.", "2026-08"),
        claim("ledger", "1", "Regulators cleared the deal in August.", "2026-08"),
        claim("courier", "1", "The authority's clearance came in August, with conditions.", "2026-08"),
        claim("wire", "2", "The takeover, agreed in January, values Brennick at 4 billion.", "2026-01"),
        claim("ledger", "2", "Halvard agreed in January to buy Brennick.", "2026-01"),
        claim("ledger", "3", "Shareholders approved the deal in March.", "2026-03"),
        claim("courier", "2", "Brennick's shareholders approved the takeover in March.", "2026-03"),
        claim("courier", "3", "The remedy looks larger than it is."),
    ]


def test_a_storyline_keeps_only_the_happening_of_its_main_month():
    props = _clearance_storyline()
    fr = frames(props)
    told = happening_groups(props, fr)
    assert [month for _, month, _ in told] == ["2026-01", "2026-03", "2026-08"]
    assert one_happening_each([list(range(8))], told, fr) == [[0, 1, 2, 7]]


def test_a_storyline_of_two_happenings_or_of_no_main_month_keeps_its_claims():
    props = _clearance_storyline()
    fr = frames(props)
    told = happening_groups(props, fr)
    two = [0, 1, 2, 3, 4, 7]  # August and January only
    assert one_happening_each([two], told, fr) == [two]
    # Four happenings of two claims each and three months one source gives: no month holds
    # 30% of the dated claims (a matter told over a year), nothing leaves.
    months = ["2025-02", "2025-05", "2025-09", "2025-11"]
    spread = [claim(src, f"{n}", f"Halvard cut prices in {m}.", m)
              for n, m in enumerate(months) for src in ("wire", "ledger")]
    spread += [claim("courier", f"x{n}", f"Halvard opened a store in {m}.", m)
               for n, m in enumerate(["2025-01", "2025-04", "2025-07"])]
    fr = frames(spread)
    told = happening_groups(spread, fr)
    assert len(told) == 4
    everything = list(range(len(spread)))
    assert one_happening_each([everything], told, fr) == [everything]


def test_claims_that_leave_a_storyline_stay_in_their_happening(monkeypatch):
    props = _clearance_storyline()
    monkeypatch.setattr(events_module, "storylines", lambda p, published=None: [list(range(len(p)))])
    groups = events_module.cluster(props)
    storyline = [g for g in groups if not g.heads]
    assert [[props.index(p) for p in g.claims] for g in storyline] == [[0, 1, 2, 7]]
    happenings = {g.period: sorted(props.index(p) for p in g.claims) for g in groups if g.heads}
    assert happenings == {"2026-01": [3, 4], "2026-03": [5, 6], "2026-08": [0, 1, 2]}


def _storyline(*claims: Proposal, period: str | None = "2026") -> events_module.Group:
    g = events_module.Group("agreement", period)
    for p in claims:
        g.add(p)
    g.salient = ["Tavira Rail", "Osmund Freight"]
    return g


def _dated(p: Proposal, value: str, text: str) -> Proposal:
    from briefing.suggest.mentions import DateMention
    start = p.quote.index(text)
    p.dates = [(DateMention(value, text, start, start + len(text)), None)]
    return p


def test_a_storyline_is_titled_by_who_did_what_not_by_two_actors_and_a_word():
    g = _storyline(
        claim("wire", "1", "Tavira Rail agreed to buy Osmund Freight for 300 million.",
              actors=("Tavira Rail", "Osmund Freight")),
        claim("daily", "1", "The purchase agreement still needs the regulator's approval.",
              actors=()),
        claim("daily", "2", "Osmund Freight has formally agreed to the sale of its depots.",
              actors=("Osmund Freight",)),
    )
    assert events_module.title_of(g) == "Tavira Rail agreed to buy Osmund Freight"


def test_a_storyline_title_skips_an_actor_that_is_not_the_doer_and_a_recalled_year():
    g = _storyline(
        # the actor is the object here ("pressed Osmund Freight into"), not who agreed
        claim("wire", "1", "Creditors pressed Osmund Freight into a sale agreement with Tavira.",
              actors=("Osmund Freight",)),
        # a deed of another year is recalled, not what the storyline of 2026 tells
        _dated(claim("daily", "1", "Tavira Rail signed a first agreement with the port in 2019.",
                     actors=("Tavira Rail",)), "2019", "2019"),
        # a bare past verb says no deed ("Tavira Rail agreed." alone)
        claim("radio", "1", "Tavira Rail agreed.", actors=("Tavira Rail",)),
    )
    title = events_module.title_of(g)
    # not "Osmund Freight ... agreement" as who did what, not the deed of 2019: the headline
    # of the claim that names the storyline's happening and actor (titles.py)
    assert title == "Creditors pressed Osmund Freight into a sale agreement with Tavira"


def test_found_alone_is_the_past_of_find_not_a_founding():
    from briefing.suggest.happenings import heads
    assert heads("The inspectors found cracks in the rail.") == set()
    assert heads("The league was founded in 1994.") == {"found"}
