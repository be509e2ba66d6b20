"""`briefing suggest`, the claims part: fragments, clause cuts, speakers, kinds, worth.

Sentences are written for these tests on topics of their own (a rail strike, a vaccine
rollout, a river treaty, a football league), not taken from any bundled briefing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.loader import load_corpus
from briefing.suggest import kinds, spans, worth
from briefing.suggest.pipeline import suggest, write
from briefing.suggest.verbs import has_verb

HEAD = """\
---
id: {id}
title: {title}
authors: [Dana Reporter]
outlet: null
published: 2025-02
language: en
genre: news
---

"""


def briefing(root: Path, **articles: str) -> list:
    """Write one article per keyword (id -> body), run suggest, return its claims."""
    (root / "articles").mkdir(parents=True)
    (root / "briefing.yaml").write_text("title: Test\n", encoding="utf-8")
    (root / "events.yaml").write_text("[]\n", encoding="utf-8")
    for aid, body in articles.items():
        text = HEAD.format(id=aid, title=aid.title()) + body
        (root / "articles" / f"{aid}.md").write_text(text, encoding="utf-8")
    corpus, problems = load_corpus(root)
    assert problems == []
    write(suggest(corpus, root))
    loaded, problems = load_corpus(root)
    assert problems == [], problems
    return [c for c in loaded.claims.values() if c.status == "suggested"]


def only(claims, words: str):
    found = [c for c in claims if words in c.quote]
    assert len(found) == 1, (words, [c.quote for c in claims])
    return found[0]


def test_an_ellipsis_character_ends_a_sentence():
    from briefing.suggest.sentences import split_sentences

    text = "The talks went nowhere… Both delegations left Geneva on Friday."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "The talks went nowhere…", "Both delegations left Geneva on Friday."]


# --- verbs: a statement or a fragment ---------------------------------------------------------


@pytest.mark.parametrize("text", [
    "After the collapse of the talks in Geneva",
    "Lisbon, Porto, Faro and Braga",
    "large-scale industrial action",
    "the reopening of the northern line in March 2024",
    "Despite the good will of the mayor to settle the dispute",
])
def test_fragments_have_no_verb(text):
    assert not has_verb(text)


@pytest.mark.parametrize("text", [
    "The rail union called a strike",
    "the league still refuses to publish the accounts",
    "Economists fear a slowdown",
    "Shipments and demand continue to fall",
    "The regional authority considers the plan premature",
    "Most clinics have run out of doses",
    "They will.",
])
def test_statements_have_a_verb(text):
    assert has_verb(text)


# --- spans -------------------------------------------------------------------------------------


def test_a_verbless_piece_joins_its_clause_instead_of_standing_alone():
    text = ("After the collapse of the talks in Geneva, the rail union called an open-ended "
            "strike across the network; the operator said services would run at a quarter "
            "of their usual frequency on all lines.")
    pieces = [text[p.start:p.end] for p in spans.clauses(text, 0, len(text))]
    assert pieces == [
        "After the collapse of the talks in Geneva, the rail union called an open-ended "
        "strike across the network",
        "the operator said services would run at a quarter of their usual frequency on all "
        "lines.",
    ]


def test_an_aside_between_dashes_does_not_cut_the_sentence():
    text = ("On 2 May, three inspectors of the regional water authority – the Ostrin Basin "
            "Board – were refused entry to the dam site by guards of the construction "
            "company, according to the board's own account of the visit.")
    pieces = [text[p.start:p.end] for p in spans.clauses(text, 0, len(text))]
    assert any("– the Ostrin Basin Board – were refused entry" in p for p in pieces)


def test_a_cause_and_an_alleged_act_are_claims_of_their_own():
    text = ("The league fined the club 2 million euros for breaking the spending rules in "
            "the winter transfer window, especially as the owners had been warned twice "
            "by the licensing board before the season started.")
    pieces = [text[p.start:p.end] for p in spans.clauses(text, 0, len(text))]
    assert pieces[1].startswith("especially as the owners had been warned twice")
    text = ("Two stewards were attacked at the gate of the northern stand after the match "
            "between the two oldest clubs of the city on Sunday evening, allegedly ordered "
            "by a group of banned supporters.")
    pieces = [text[p.start:p.end] for p in spans.clauses(text, 0, len(text))]
    assert pieces[-1] == "allegedly ordered by a group of banned supporters."


def test_short_sentence_with_two_statements_is_cut_in_two():
    text = "The union asked for 8 percent more pay, while the operator offered 3 percent."
    pieces = [text[p.start:p.end] for p in spans.clauses(text, 0, len(text))]
    assert pieces == ["The union asked for 8 percent more pay",
                      "while the operator offered 3 percent."]


def test_and_before_a_new_subject_cuts_a_short_sentence():
    text = ("The closure of the plant threatens around 300 posts, and the union wants "
            "guarantees in writing.")
    pieces = [text[p.start:p.end] for p in spans.clauses(text, 0, len(text))]
    assert pieces == ["The closure of the plant threatens around 300 posts",
                      "the union wants guarantees in writing."]
    text = "The stoppage cost the league about 9 million euros, and 400 staff were laid off."
    assert len(spans.clauses(text, 0, len(text))) == 2


def test_linking_words_are_left_out_mid_paragraph_too():
    text = "The plant closed in May. However, the owners reopened it in June."
    start = text.index("However")
    (piece,) = spans.clauses(text, start, len(text))
    assert text[piece.start:piece.end] == "the owners reopened it in June."


def test_second_clause_that_points_back_is_not_cut_off():
    text = "The league expanded to twenty clubs, but its broadcast income fell by a third."
    (piece,) = spans.clauses(text, 0, len(text))
    assert text[piece.start:piece.end] == text


# --- speakers ------------------------------------------------------------------------------------


def test_organisation_named_like_a_demonym_speaks(tmp_path):
    claims = briefing(tmp_path, rail="Meridian said the strike was unlawful and would cost "
                                     "the network 3 million euros a day.\n")
    claim = only(claims, "the strike was unlawful")
    assert claim.speaker == "Meridian"
    assert claim.quote.startswith("the strike was unlawful")
    assert claim.kind == "figure"  # a reported figure is checked as a figure


def test_person_in_apposition_and_pronoun_speakers(tmp_path):
    claims = briefing(tmp_path, river=(
        "Valdoria's leader, President Ana Morel, has repeated that the river is a matter of "
        "survival. At a press conference on 3 February, she firmly said that no dam would "
        "be built without a treaty.\n"))
    assert only(claims, "the river is a matter of survival").speaker == "Ana Morel"
    pronoun = only(claims, "no dam would be built")
    assert pronoun.speaker == "Ana Morel" and pronoun.kind == "quote"


def test_according_to_a_title_names_its_holder(tmp_path):
    claims = briefing(tmp_path, league=(
        "According to the Northern League's head of financial discipline and club licensing "
        "Marta Quintero, the "
        "fines for late wages will double next season.\n"))
    assert only(claims, "fines for late wages").speaker == "Marta Quintero"


def test_statement_according_to_someone_is_their_quote(tmp_path):
    claims = briefing(tmp_path, league=(
        "According to coach Ilse Varga, the new rules are a disaster for small clubs.\n"))
    claim = only(claims, "the new rules are a disaster")
    assert claim.speaker == "Ilse Varga" and claim.kind == "quote"


def test_a_description_names_the_one_organisation_it_fits(tmp_path):
    claims = briefing(tmp_path, rail=(
        "The Northern Rail Federation called the strike on Monday. The federation said "
        "that 9,000 drivers stopped work. The ministry said that only 5,000 did.\n"))
    assert only(claims, "9,000 drivers").speaker == "Northern Rail Federation"
    assert only(claims, "only 5,000").speaker == "ministry"  # no ministry is named


@pytest.mark.parametrize("text, speaker", [
    ("Meridian's spokesman said that the offer was final.", "Meridian"),
    ("The Valdorian government said that the talks were over.", "Valdorian government"),
    ("The province voted to leave the federation of the Republic and eventually declared "
     "independence in 1991.", None),
    ("The rebels rejected the plan from the start despite its territorial claims.", None),
    # An aside with a thousands comma, and a first verb the speaker did too.
    ("The Growers' Federation, which speaks for about 2,500 orchards, said it would sue.",
     "Growers' Federation"),
    ("Brightwater welcomed the verdict and said it expected an appeal in May.", "Brightwater"),
    # The object of the first verb is no speaker; the subject of both verbs is.
    ("The court fined Brightwater and said the appeal had failed.", "court"),
])
def test_speaker_named_by_owner_or_description(text, speaker):
    from briefing.suggest import speakers
    from briefing.suggest.mentions import find_names

    found = speakers.attribution(text, 0, len(text), find_names(text))
    assert (found.speaker if found else None) == speaker


def test_he_is_not_the_person_introduced_as_his_relation(tmp_path):
    claims = briefing(tmp_path, river=(
        "Energy Minister Tomas Rell was blunter. At a meeting with his Ostrinian "
        "counterpart, (Water Board) Chair Ana Morel on 4 March, he said that the dam would "
        "open on schedule.\n"))
    assert only(claims, "the dam would open on schedule").speaker == "Tomas Rell"


def test_where_and_when_words_were_said_stay_out_of_the_claim(tmp_path):
    claims = briefing(tmp_path, river=(
        "Ana Morel said in a statement on Monday that the dam would open in May. "
        "Tomas Rell told reporters in Geneva that the talks had failed.\n"))
    assert only(claims, "the dam would open").quote == "the dam would open in May."
    failed = only(claims, "the talks had failed")
    assert failed.quote == "the talks had failed." and failed.speaker == "Tomas Rell"


def test_each_clause_keeps_its_own_speaker(tmp_path):
    claims = briefing(tmp_path, river=(
        "Each side blames the other: Valdoria accuses Ostrin of hoarding the water of the "
        "upper basin, while Ostrin says Valdoria is draining the delta.\n"))
    accuses = only(claims, "accuses Ostrin")
    says = only(claims, "Valdoria is draining the delta")
    assert accuses.speaker == "Valdoria" and accuses.kind != "quote"  # an act, not words
    assert says.speaker == "Ostrin" and says.kind == "quote"


def test_unnamed_sources_and_estimates(tmp_path):
    claims = briefing(tmp_path, rail=(
        "About 9,000 drivers joined the strike, according to the union. The operator put "
        "the number at 5,200. Economists expect ridership to recover within a month. "
        "According to our information, the minister will resign on Friday.\n"))
    assert only(claims, "5,200").speaker == "operator"
    expect = only(claims, "ridership to recover")
    assert expect.speaker == "Economists" and expect.quote.startswith("Economists expect")
    assert only(claims, "the minister will resign").speaker == "author"


def test_quotation_inside_its_attribution_is_proposed_once(tmp_path):
    claims = briefing(tmp_path, river=(
        'Minister Ana Morel warned in May 2025 that "the gates will stay shut" if the '
        "treaty is not signed.\n"))
    assert [c.quote for c in claims] == ["the gates will stay shut"]
    assert claims[0].speaker == "Ana Morel" and claims[0].kind == "quote"


def test_short_quotation_over_two_sentences_is_one_claim(tmp_path):
    claims = briefing(tmp_path, league=(
        "The chairman did not hold back. \"Clubs that break the spending rules will lose "
        "points this season. Those who think they can buy titles will be relegated,\" "
        "Marta Quintero added.\n"))
    claim = only(claims, "lose points this season")
    assert claim.quote == ("Clubs that break the spending rules will lose points this season. "
                           "Those who think they can buy titles will be relegated,")
    assert claim.speaker == "Marta Quintero" and claim.kind == "quote"


def test_long_quotation_is_cut_by_sentence_and_keeps_its_speaker(tmp_path):
    claims = briefing(tmp_path, league=(
        "\"Clubs that break the spending rules will lose points this season, and the "
        "league will publish every transfer fee in full. Those who think they can buy "
        "titles with borrowed money will be relegated, whatever their history. We will "
        "not wait for another club to go bankrupt,\" Marta Quintero added.\n"))
    parts = [only(claims, words) for words in ("lose points this season", "borrowed money",
                                               "go bankrupt")]
    assert len({c.id for c in parts}) == 3
    assert all(c.speaker == "Marta Quintero" and c.kind == "quote" for c in parts)
    assert all("added" not in c.quote for c in parts)


def test_quoted_title_is_a_name_not_a_quotation():
    from briefing.suggest import speakers

    text = ('The club, renamed the "Northern Lights Football Club" in 2019, said "we will '
            'never sell the stadium to developers".')
    quoted = [text[a:b] for a, b in speakers.quotations(text, 0, len(text))]
    assert quoted == ["we will never sell the stadium to developers"]


# --- kinds -------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("The vaccination campaign should have ended in March", "fact"),
    ("It should be noted that the clinics reopened in May", "fact"),
    ("The ministry may want to consider opening weekend clinics", "recommendation"),
    ("Now is the time to fund the rural clinics", "recommendation"),
    ("Rural clinics may soon run out of doses", "prediction"),
])
def test_kind_cues_beyond_should_and_will(text, expected):
    kind, _ = kinds.classify(text, quoted=False, has_figure=False,
                             has_date="May" in text or "March" in text, has_actor=False)
    assert kind == expected


@pytest.mark.parametrize("text", [
    "The delegation had just arrived in Geneva",  # "just": only now, no verdict
    "The clinics had enough doses and reopened",  # "enough": a quantity
])
def test_just_and_enough_are_not_judgements(text):
    kind, _ = kinds.classify(text, quoted=False, has_figure=False, has_date=False,
                             has_actor=True)
    assert kind == "fact"


def test_reported_statement_is_a_quote_unless_it_gives_a_figure():
    assert kinds.classify("the clinics are safe", quoted=False, reported=True,
                          has_figure=False, has_date=False, has_actor=False)[0] == "quote"
    assert kinds.classify("40,000 doses were lost", quoted=False, reported=True,
                          has_figure=True, has_date=False, has_actor=False)[0] == "figure"


@pytest.mark.parametrize("text, has_date, expected", [
    # a dated happening is checked as a fact, whoever reports it
    ("it had opened an inquiry on Saturday", False, "fact"),
    ("the clinic had passed its last inspection in January", True, "fact"),
    # an announcement: the future, or a future in the past tied to a time
    ("the league will appeal the ruling", False, "prediction"),
    ("a report would be published within five weeks", False, "prediction"),
    ("rationing would continue until October", False, "prediction"),
    # a judgement stays the speaker's word, dated or not
    ("the clinics were a disaster in May", True, "quote"),
    ("no dam would be built without a treaty", False, "quote"),
])
def test_reported_statement_is_checked_as_what_it_reports(text, has_date, expected):
    kind, _ = kinds.classify(text, quoted=False, reported=True, has_figure=False,
                             has_date=has_date, has_actor=False)
    assert kind == expected


def test_quoted_words_are_a_quote_whatever_they_say():
    assert kinds.classify("we will appeal on 3 May", quoted=True, reported=True,
                          has_figure=False, has_date=True, has_actor=False)[0] == "quote"


@pytest.mark.parametrize("text, expected", [
    ("Without new wells, a dry summer could trigger shortages in the south", "prediction"),
    ("A long closure would push patients to private clinics", "prediction"),
    ("A merger would be a mistake for the league", "assessment"),
    ("The ministry promised us new clinics in October and we are still waiting", "fact"),
    ("We can say that the reform has failed", "assessment"),
    ("The city is right to close the line", "assessment"),
])
def test_kind_of_unreported_statements(text, expected):
    kind, _ = kinds.classify(text, quoted=False, has_figure=False,
                             has_date="October" in text, has_actor=False)
    assert kind == expected


def test_a_toll_is_a_figure_however_small(tmp_path):
    claims = briefing(tmp_path, rail=(
        "The collision killed two workers and injured 14 others. "
        "No one was hurt when the second train stopped short of the barrier.\n"))
    assert only(claims, "killed two workers").kind == "figure"
    assert only(claims, "No one was hurt").kind != "figure"


def test_an_attribution_closing_the_sentence_stays_out_of_the_claim(tmp_path):
    claims = briefing(tmp_path, river=(
        "The reservoirs are at 23 percent of capacity, according to the Hydrology Institute. "
        "Water prices will rise by 12 percent next year, says Ana Morel, the mayor of Tarvel. "
        "The wells ran dry in May, Tomas Rell told the Valdoria Herald on Friday. "
        "The strike cost the port 25 million euros, according to the operator, and 4,000 "
        "drivers took part.\n"))
    reservoirs = only(claims, "23 percent")
    assert reservoirs.quote == "The reservoirs are at 23 percent of capacity"
    assert reservoirs.speaker == "Hydrology Institute"
    prices = only(claims, "12 percent")
    assert prices.quote == "Water prices will rise by 12 percent next year"
    assert prices.speaker == "Ana Morel"
    wells = only(claims, "wells ran dry")
    assert wells.quote == "The wells ran dry in May" and wells.speaker == "Tomas Rell"
    assert "4,000 drivers took part" in only(claims, "4,000").quote  # more came after it


def test_statement_right_after_a_described_speaker(tmp_path):
    claims = briefing(tmp_path, rail=(
        "In a statement, the ministry said the emergency fund had paid out 40 million euros "
        "by July.\n"))
    claim = only(claims, "40 million")
    assert claim.quote.startswith("the emergency fund") and claim.speaker == "ministry"


def test_a_statement_by_an_unnamed_it_is_kept(tmp_path):
    claims = briefing(tmp_path, rail=(
        "The report was published on 20 March. It said the crack had been visible for "
        "months.\n"))
    assert only(claims, "the crack had been visible")


def test_a_short_span_pointing_back_is_not_a_claim(tmp_path):
    claims = briefing(tmp_path, rail=(
        "Ana Morel resigned as director of the rail authority on 4 March. That was the easy "
        "part.\n"))
    assert not [c for c in claims if "easy part" in c.quote]


def test_two_statements_joined_by_and_are_two_claims(tmp_path):
    claims = briefing(tmp_path, rail=(
        "The 2024 budget cut maintenance spending by 18 percent, and the councillors who "
        "voted for it now want an audit of every bridge by June.\n"))
    assert only(claims, "18 percent").quote == (
        "The 2024 budget cut maintenance spending by 18 percent")
    assert only(claims, "councillors who voted")


# --- check-worthiness ----------------------------------------------------------------------------


def test_worth_grows_with_what_can_be_checked():
    bare = worth.Features(figure=False, date=False, actors=0, reported=False, forward=False,
                          verb=True)
    rich = worth.Features(figure=True, date=True, actors=2, reported=True, forward=False,
                          verb=True)
    fragment = worth.Features(figure=False, date=False, actors=0, reported=False,
                              forward=False, verb=False)
    assert worth.score("The league met.", rich) > worth.score("The league met.", bare)
    assert worth.score("the shiny new stadium", fragment) < worth.MIN_WORTH
    assert worth.score("In this article, I explore why the league failed.", rich) < worth.MIN_WORTH


def test_short_comparison_is_worth_checking_and_bare_scene_setting_is_not(tmp_path):
    claims = briefing(tmp_path, league=(
        "The row is about more than money. The season goes on regardless.\n"))
    assert only(claims, "more than money")
    assert [c.quote for c in claims if "goes on" in c.quote] == []


def test_signposts_are_not_proposed(tmp_path):
    claims = briefing(tmp_path, league=(
        "In this article, I explore why the Northern League lost its sponsors. "
        "The Northern League lost four of its six sponsors in 2024.\n"))
    assert [c.quote for c in claims if "explore" in c.quote] == []
    assert only(claims, "lost four of its six sponsors").speaker == "author"
    assert all(0 < c.confidence <= 1 for c in claims)


def test_names_of_a_sentence_and_the_sentence_of_an_offset_as_defined():
    # By bisection (a paragraph of thousands of sentences is not walked per sentence or per
    # claim), the same as the definitions: names wholly inside the sentence, in order; the
    # sentence whose span holds the offset.
    from briefing.suggest.claims import _names_within
    from briefing.suggest.figurekeys import _sentence_of
    from briefing.suggest.mentions import find_names
    from briefing.suggest.sentences import split_sentences

    text = ("Harbour master Ines Varga closed the Kelmar docks. Pilot Jonas Ekberg disagreed. "
            "The Tallis Shipping Board met. No one from Port Authority Vey came; Mayor Ruth "
            "Olin wrote to the Board. ") * 40
    names = find_names(text)
    starts = [n.start for n in names]
    assert starts == sorted(starts)
    sentences = split_sentences(text)
    for a, b in sentences + [(3, 40), (0, len(text)), (len(text), len(text))]:
        assert _names_within(names, starts, a, b) == [n for n in names
                                                      if a <= n.start and n.end <= b]
    sentence_starts = [a for a, _ in sentences]
    for at in range(0, len(text), 7):
        expected = next(((a, b) for a, b in sentences if a <= at < b), None)
        assert _sentence_of(at, sentence_starts, sentences) == expected


def test_an_opening_quote_never_closed_does_not_swallow_the_next_quotation():
    # (Also what keeps finding quotations linear in a paragraph: an opening mark scans only
    # to the next opening mark, not to the paragraph's end each time.)
    from briefing.suggest.speakers import quotations

    text = ("Workers said “the mill closes. Later the owner said “we will keep forty workers "
            "on” at the meeting, and the union leader added «nobody was asked about it» as "
            "well; a banner read «shame on the board.")
    found = [text[a:b] for a, b in quotations(text, 0, len(text))]
    assert found == ["we will keep forty workers on", "nobody was asked about it"]


def test_he_is_the_person_not_the_organisation_named_after_him(tmp_path):
    claims = briefing(tmp_path, river=(
        "\"We are asking everyone to cut their use by a fifth,\" said Jonas Weber, who heads "
        "the Orvan Water Board. He added that fines would start in August.\n"))
    fines = only(claims, "fines would start")
    assert fines.speaker == "Jonas Weber" and fines.kind == "prediction"


def test_according_to_opening_a_sentence_stays_out_of_the_claim(tmp_path):
    claims = briefing(tmp_path, river=(
        "According to Jonas Weber, the board has sent 140 tanker lorries to the villages.\n"))
    claim = only(claims, "tanker lorries")
    assert claim.quote.startswith("the board has sent") and claim.speaker == "Jonas Weber"


def test_an_estimate_closing_its_sentence_names_its_source(tmp_path):
    claims = briefing(tmp_path, river=(
        "The drought has cost farmers an estimated 1.2 billion euros, the Farmers' Union "
        "estimates.\n"))
    claim = only(claims, "1.2 billion")
    assert claim.speaker == "Farmers' Union" and "estimates" not in claim.quote


def test_said_a_spokesman_for_names_the_body(tmp_path):
    claims = briefing(tmp_path, river=(
        "\"The aquifer is being emptied faster than it can refill,\" said a spokesman for "
        "Green Valley, a local campaign group.\n"))
    assert only(claims, "aquifer is being emptied").speaker == "Green Valley"


def test_what_unnamed_sources_say_follows_their_verb(tmp_path):
    claims = briefing(tmp_path, river=(
        "Scientists warn that the delta could face a permanent shortage by 2040. "
        "Officials say the drought in the north is over.\n"))
    delta = only(claims, "permanent shortage")
    assert delta.quote.startswith("the delta") and delta.kind == "prediction"
    assert delta.speaker == "Scientists"
    over = only(claims, "drought in the north")
    assert over.quote.startswith("the drought") and over.speaker == "Officials"


def test_a_speaker_carries_over_a_paragraph_break(tmp_path):
    claims = briefing(tmp_path, river=(
        "\"We have had no running water since June,\" said Maria Lopez, a farmer near "
        "Tarvel.\n\n"
        "\"The tankers come once a week and it is never enough for the animals.\"\n\n"
        "Jonas Weber, who heads the water board, rejects the criticism. He says deliveries "
        "doubled in July.\n\n"
        "\"We are doing everything we can with the trucks we have,\" he said.\n\n"
        "The board's budget was cut in 2023.\n"))
    tankers = only(claims, "The tankers come")
    assert tankers.speaker == "Maria Lopez" and tankers.kind == "quote"
    assert only(claims, "deliveries doubled").quote == "deliveries doubled in July."
    assert only(claims, "everything we can").speaker == "Jonas Weber"
    assert only(claims, "budget was cut").speaker == "author"


def test_a_frame_built_on_a_noun_is_left_out_of_the_span():
    text = "The harder part is to admit that the warnings about worn rails, made in 2023, were ignored."
    piece = spans.trim(text, 0, len(text))
    assert text[piece.start:piece.end] == ("the warnings about worn rails, made in 2023, were "
                                           "ignored.")


@pytest.mark.parametrize("text, verb", [
    ("and then more cuts", False),
    ("More power cuts and fewer trains", False),
    ("The chain cuts 1,500 jobs", True),
    ("It costs the port 12 million euros a day", True),
])
def test_irregular_s_forms_that_are_nouns_too_are_verbs_only_after_a_subject(text, verb):
    from briefing.suggest.verbs import has_verb

    assert has_verb(text) is verb
