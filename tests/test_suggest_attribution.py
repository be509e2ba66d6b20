"""`briefing suggest`: who speaks, in the forms news, press releases, bulletins and
transcripts attribute words with.

Every sentence is made up for these tests (a library closure, a stadium, a bus company, a
museum), none taken from a bundled or labelled briefing.
"""

from __future__ import annotations

import pytest

from briefing.suggest import speakers
from briefing.suggest.mentions import find_names
from briefing.suggest.sentences import split_sentences
from tests import test_suggest_claims as tc
from tests.test_suggest_claims import briefing, only


def attribution(text: str) -> speakers.Attribution | None:
    return speakers.attribution(text, 0, len(text), find_names(text, frozenset()))


@pytest.mark.parametrize("text, who, claim", [
    # a title then the person the commas set off
    ("The Chief Librarian, Dr Ona Verhoef, said the branch would close in June.",
     "Ona Verhoef", "the branch would close in June."),
    ("A spokeswoman for the Riverside Bus Company, Mila Sand, said fares would rise.",
     "Mila Sand", "fares would rise."),
    # after the verb: a role, a comma, the person
    ('"The stadium is safe," said the club\'s chairman, Bram Oost.', "Bram Oost", None),
    # evidence a body gave
    ("Loans fell by 12 percent last year, data from the Library Trust showed on Monday.",
     "Library Trust", None),
    ("Surveys commissioned by the Museum Council show that visits doubled in 2024.",
     "Museum Council", "visits doubled in 2024."),
    ("Visits doubled in 2024, the council's annual report shows.", "council", None),
    ("The council's statement said the museum would reopen in May.", "council",
     "the museum would reopen in May."),
    # according to a document someone published
    ("The roof leaked for years, according to a report published by the city on Friday.",
     "city", None),
    # whom something was told, then what
    ("The owner, Pim Graaf, told the Gazette the stands had been inspected in March.",
     "Pim Graaf", "the stands had been inspected in March."),
    ("Mayor Ida Kool told a council meeting that the library would stay open.",
     "Ida Kool", "the library would stay open."),
    # a participle opening on when the words were said
    ("Asked whether fares would rise, Sand said the company had no such plans.",
     "Sand", "the company had no such plans."),
    # a group of people, closing or set off by commas
    ("The stands could collapse under a full crowd, engineers warn.", "engineers", None),
    ("Ticket sales fell by a third, officials said, but the club is still solvent.",
     "officials", None),
    ("Bus drivers' unions say the new rota is unsafe.", "unions", None),
    # a demand being made
    ("The Supporters' Trust is calling for an independent inspection of the stands.",
     "Supporters' Trust", None),
])
def test_the_speaker_of_common_forms(text, who, claim):
    att = attribution(text)
    assert att is not None and who.lower() in att.speaker.lower(), att
    if claim is not None:
        assert text[att.content_start:] == claim


@pytest.mark.parametrize("text", [
    "The collection was catalogued by volunteers in 1998.",  # a passive act, no one's words
    "The closure was confirmed by the city in a letter to readers.",
    "The closure was announced on Monday.",  # "closure was" is no one
])
def test_a_passive_verb_names_no_speaker(text):
    att = attribution(text)
    assert att is None or not att.speaker.lower().endswith(" was")


def test_it_was_announced_that_leaves_the_statement_to_the_writer():
    text = "It was announced on Monday that the museum would charge for entry."
    att = attribution(text)
    assert att is not None and att.speaker == "" and not att.reported
    assert text[att.content_start:] == "the museum would charge for entry."


def test_no_ends_a_sentence_unless_a_number_follows():
    text = "No. The branch at No. 4 Kade Street closes in June."
    assert [text[a:b] for a, b in split_sentences(text)] == [
        "No.", "The branch at No. 4 Kade Street closes in June."]


# --- through the whole suggester ----------------------------------------------------------------

def test_speakers_named_in_an_earlier_sentence_or_paragraph(tmp_path):
    body = (
        "Ida Kool, the mayor of Tiel, was unrepentant on Monday.\n\n"
        "\"We kept the branch open for ten years longer than any other town did.\"\n\n"
        "The ministry of culture defended the cuts. It said the grant had doubled since 2019.\n"
    )
    claims = briefing(tmp_path, library=body)
    assert only(claims, "ten years longer").speaker == "Ida Kool"
    assert only(claims, "grant had doubled").speaker == "ministry"


def _interview(tmp_path, body: str, author: str = "Joost Ven"):
    head = tc.HEAD
    tc.HEAD = head.replace("authors: [Dana Reporter]", f"authors: [{author}]").replace(
        "genre: news", "genre: interview")
    try:
        return briefing(tmp_path, chat=body)
    finally:
        tc.HEAD = head


def test_an_interview_by_its_interviewer_gives_the_answers_to_the_interviewee(tmp_path):
    body = (
        "Ona Verhoef has run the city's libraries since 2020. Joost Ven asked her about "
        "the closures.\n\n"
        "Q: Why close the Tiel branch?\n\n"
        "A: Its loans fell by 40 percent in five years, and the roof needs 2 million euros "
        "of repairs.\n\n"
        "**Corvin Books offered to run it. Will you accept?**\n\n"
        "Not on those terms. Each branch will keep a librarian until the end of the year.\n"
    )
    claims = _interview(tmp_path, body)
    loans = only(claims, "loans fell by 40 percent")
    assert loans.speaker == "Ona Verhoef"
    assert not loans.quote.startswith("A:")
    assert only(claims, "keep a librarian").speaker == "Ona Verhoef"
    # the questions and the writer asking are no claims; the standfirst is the writer's
    assert not [c for c in claims if "Corvin" in c.quote or "asked her" in c.quote]
    assert only(claims, "has run the city's libraries").speaker == "author"


def test_a_transcript_labels_each_answer_with_its_speaker(tmp_path):
    body = (
        "The museum's director, Bram Oost, spoke to Joost Ven about the new entry fee.\n\n"
        "Ven: How much will a ticket cost?\n\n"
        "Oost: Twelve euros for adults, from 1 May, and children will still go in free.\n\n"
        "Ven: Visitors say the museum was free for a reason.\n"
    )
    claims = _interview(tmp_path, body)
    fee = only(claims, "Twelve euros for adults")
    assert fee.speaker == "Bram Oost" and fee.quote.startswith("Twelve")
    assert not [c for c in claims if "Visitors say" in c.quote]


def test_an_interview_whose_byline_is_the_interviewee_keeps_it(tmp_path):
    body = ("Ona Verhoef is the city's chief librarian. We asked her about the closures.\n\n"
            "Why close the Tiel branch?\n\n"
            "Its loans fell by 40 percent in five years.\n")
    claims = _interview(tmp_path, body, author="Ona Verhoef")
    assert only(claims, "loans fell").speaker == "Ona Verhoef"


@pytest.mark.parametrize("text, who, claim", [
    ("A library spokesperson said the branch would reopen in May.", "library",
     "the branch would reopen in May."),
    ("A spokesman for the museum trust said that entry would stay free.", "museum trust",
     "entry would stay free."),
    ("Entry will stay free, said a spokeswoman for the city council.", "city council", None),
    ("Historian Lotte Bos believes the collection was sold too cheaply.", "Lotte Bos",
     "the collection was sold too cheaply."),
    ("The readers' association said the branch must stay open.", "readers' association",
     "the branch must stay open."),
])
def test_bodies_named_by_common_nouns_and_views(text, who, claim):
    att = attribution(text)
    assert att is not None and who.lower() in att.speaker.lower(), att
    if claim is not None:
        assert text[att.content_start:] == claim


def test_single_quotation_marks_quote_but_apostrophes_do_not(tmp_path):
    body = ("The director, Bram Oost, was blunt: ‘The museum’s roof will not last another "
            "winter.’\n\n"
            "'We can't keep the doors open on these grants,' Ida Kool told reporters.\n\n"
            "The readers' union and the city's archivists met on Friday to plan the move.\n")
    claims = briefing(tmp_path, museum=body)
    roof = only(claims, "roof will not last")
    assert (roof.speaker, roof.kind) == ("Bram Oost", "quote")
    assert roof.quote.startswith("The museum’s roof")
    grants = only(claims, "keep the doors open")
    assert (grants.speaker, grants.kind) == ("Ida Kool", "quote")
    assert only(claims, "archivists met").speaker == "author"


def test_a_labelled_quotation_in_a_news_report(tmp_path):
    body = ("The library closed its Tiel branch on Monday, the city said.\n\n"
            "Ida Kool: \"We were told nothing about the closure until Friday.\"\n")
    claims = briefing(tmp_path, library=body)
    told = only(claims, "told nothing")
    assert told.speaker == "Ida Kool" and not told.quote.startswith("Ida")


@pytest.mark.parametrize("text, reported, expected", [
    ("The museum has confirmed the theft of two paintings", False, "fact"),
    ("The theft was confirmed by the police", False, "fact"),
    ("This confirms the decline of the old museums", False, "assessment"),
    ("the government must now pay for the repairs", True, "recommendation"),
    ("the branch would close within six weeks", True, "prediction"),
])
def test_kinds_of_reported_acts_and_demands(text, reported, expected):
    from briefing.suggest import kinds

    kind, _ = kinds.classify(text, quoted=False, reported=reported, has_figure=False,
                             has_date=False, has_actor=True)
    assert kind == expected


def test_verbs_of_saying_after_a_quotation_and_a_colon_frame(tmp_path):
    body = ("\"The roof will be repaired before the winter,\" Bram Oost conceded.\n\n"
            "The Tiel Council continued its review of the grants on Monday.\n\n"
            "The mayor, Ida Kool, had a simple message: \"Keep every branch open until "
            "the review is done.\"\n")
    claims = briefing(tmp_path, museum=body)
    assert only(claims, "roof will be repaired").speaker == "Bram Oost"
    assert only(claims, "continued its review").speaker == "author"
    # the quotation is the claim; its frame ("had a simple message:") is not another one
    keep = only(claims, "Keep every branch open")
    assert keep.speaker == "Ida Kool" and keep.kind == "quote"
    assert not [c for c in claims if "simple message" in c.quote]


def test_an_interview_whose_questions_are_headings(tmp_path):
    body = ("Ona Verhoef has run the city's libraries since 2020. Joost Ven asked her about "
            "the closures.\n\n"
            "## Why close the Tiel branch?\n\n"
            "Its loans fell by 40 percent in five years.\n")
    claims = _interview(tmp_path, body)
    assert only(claims, "loans fell").speaker == "Ona Verhoef"


def test_an_interview_standfirst_opening_on_a_company_gives_the_answers_to_whom_we_asked(tmp_path):
    body = ("Halden Ferries has cancelled a third of its crossings since March. We asked its "
            "managing director, Rika Moen, when the timetable will be back.\n\n"
            "## When will the ferries run again?\n\n"
            "We expect the two new boats in September, and full service by October.\n")
    claims = _interview(tmp_path, body)
    assert only(claims, "two new boats").speaker == "Rika Moen"


def test_the_report_says_is_the_word_of_whoever_the_article_says_wrote_it(tmp_path):
    body = ("The Heritage Board published its annual report on Monday.\n\n"
            "The report says two of the city's nine museums need new roofs by 2028.\n\n"
            "The review found that visitor numbers had doubled since 2019.\n")
    claims = briefing(tmp_path, museum=body)
    roofs = only(claims, "need new roofs")
    assert roofs.speaker == "Heritage Board" and not roofs.quote.startswith("The report")
    # a document nobody is said to have written is not given to the body named before
    assert only(claims, "visitor numbers").speaker != "Heritage Board"


@pytest.mark.parametrize("text, expected", [
    ("With the fare rise, the company sought to push commuters onto its new line", "assessment"),
    ("The grants are aimed at keeping rural branches open", "assessment"),
    ("The company raised fares on three lines", "fact"),
])
def test_a_motive_read_into_an_act_is_the_writers_reading(text, expected):
    from briefing.suggest import kinds

    kind, _ = kinds.classify(text, quoted=False, has_figure=False, has_date=False,
                             has_actor=True)
    assert kind == expected


@pytest.mark.parametrize("byline, speaker", [
    ("Heritage Board", "Heritage Board"),  # a body's own release speaks for it
    ("Friends of the Library Coalition", "Friends of the Library Coalition"),
    ("Tiel Evening Post", "author"),  # a newsroom writing is the author
    ("AFP", "author"),  # so is a wire agency, though its byline is an acronym
    ("Dana Reporter", "author"),
])
def test_a_body_writing_its_own_release_is_its_speaker(tmp_path, byline, speaker):
    head = tc.HEAD
    tc.HEAD = head.replace("authors: [Dana Reporter]", f"authors: [{byline}]")
    try:
        claims = briefing(tmp_path, release="Two of the city's nine museums will close "
                                            "for repairs from 1 May 2026.\n")
    finally:
        tc.HEAD = head
    assert only(claims, "nine museums").speaker == speaker


# --- people at a body, common nouns, counting verbs, attribution after (claims14k) -------------

@pytest.mark.parametrize("text, who", [
    # people at, from or of a body speak for it
    ("Economists from the Varn Institute expect inflation to fall to 3 percent.", "Varn Institute"),
    ("Scientists at the Polar Institute calculate that the shelf lost 12 percent of its mass.",
     "Polar Institute"),
    ("Officials at the Port Authority say the berth will reopen in May.", "Port Authority"),
    ("Lawyers for the family argue that the hospital was negligent.", "Lawyers for the family"),
    ("Staff at the Kessel plant said the line had been stopped twice.", "Staff at the Kessel plant"),
    # counting and estimating verbs, a name or a body's common noun their subject
    ("The Red Cross counts 3,000 people displaced by the floods.", "Red Cross"),
    ("She is one of 41 patients the Coastal Health Agency now counts in the outbreak.",
     "Coastal Health Agency"),
    ("The tenants are among 600 families the council now counts as homeless.", "council"),
    ("The Statistics Office puts the jobless rate at 6.2 percent.", "Statistics Office"),
    ("Auditors at Venn & Marsh put the shortfall, including fees, at 2 million euros.", "Marsh"),
    ("The ferry operator put the number of passengers stranded at 1,400.", "ferry operator"),
    # a role in lower case between the verb and the person
    ('"The bridge is safe," said chief engineer Tilde Brun.', "Tilde Brun"),
    # a common noun's subject with an aside, or doing something first and then saying
    ("The bank, which lends to 2 million households, said on Tuesday it would cut rates.", "bank"),
    ("The company, in a statement, said the plant would close in May.", "company"),
    ("The insurer halted new policies on 3 May and said it would review every claim.", "insurer"),
    # a view named as such
    ("In the view of the Red Cross, the camp is unsafe.", "Red Cross"),
    ("In the council's view, the plan is too costly.", "council"),
    ("The union's position is that no jobs should go.", "union"),
    ("Prosecutors allege that the firm hid losses of 40 million.", "Prosecutors"),
    ("Hospital officials said 12 people were injured.", "Hospital officials"),
])
def test_the_speaker_of_bodies_and_their_people(text, who):
    att = attribution(text)
    assert att is not None and att.speaker == who, att


@pytest.mark.parametrize("text, wrong", [
    # a finding by the court is the court's, not that of the person it is about
    ("The court found that Ms Brun moved the money through 40 transfers.", "Brun"),
    # a lawyer for someone speaks, the client does not
    ("A lawyer for Ms Brun said she would appeal.", "Brun"),
])
def test_the_person_a_statement_is_about_is_not_its_speaker(text, wrong):
    att = attribution(text)
    assert att is not None and att.speaker != wrong and att.speaker.lower() != wrong.lower(), att


@pytest.mark.parametrize("text", [
    "The repairs will cost an estimated 3 million euros.",  # nobody is estimating
    "Every vote counts in a close race.",  # counts with no body counting
    "The Kessel Group counts on its export sales.",  # relies on, not counts
])
def test_counting_words_that_count_nothing_name_no_speaker(text):
    att = attribution(text)
    assert att is None or not att.reported or att.speaker.lower() in ("", "it"), att


def test_a_statement_attributed_in_the_next_sentence(tmp_path):
    body = ("Half of the repairs will be paid for by the state fund. That is the estimate of "
            "the Tenants' Union, which represents 900 households.\n")
    claims = briefing(tmp_path, housing=body)
    repairs = only(claims, "Half of the repairs")
    assert repairs.speaker == "Tenants' Union"
    assert repairs.quote == "Half of the repairs will be paid for by the state fund."


def test_the_company_is_the_business_the_article_is_about(tmp_path):
    body = ("Ferrolink, the country's second-largest ferry line, cancelled 40 crossings on "
            "Monday after a fire on one of its boats.\n\n"
            "Ferrolink said repairs would take three weeks. The Maritime Authority opened "
            "an inquiry on Tuesday.\n\n"
            "The company said it would refund every ticket sold for the cancelled crossings.\n")
    claims = briefing(tmp_path, ferries=body)
    assert only(claims, "refund every ticket").speaker == "Ferrolink"


def test_the_company_stays_unnamed_when_two_businesses_lead_equally(tmp_path):
    body = ("Ferrolink cancelled 40 crossings on Monday. Nordline added 12 "
            "sailings the same day.\n\n"
            "The company said it would refund every ticket sold for the cancelled crossings.\n")
    claims = briefing(tmp_path, ferries=body)
    assert only(claims, "refund every ticket").speaker == "company"


@pytest.mark.parametrize("text, quote_part, speaker", [
    # verbs that also say nothing speak only with a quotation or "that"
    ("The shelling continued: at least 20 shells hit the town on Tuesday.", "20 shells", "author"),
    ("The talks in Geneva concluded on Friday after 40 hours.", "40 hours", "author"),
    ('"We will rebuild the school by 2027," Mayor Ana Kol continued.', "rebuild the school",
     "Ana Kol"),
    ("Mayor Ana Kol complained that 3 convoys had been stopped.", "3 convoys", "Ana Kol"),
])
def test_continued_or_concluded_say_something_only_with_a_quotation_or_that(
        tmp_path, text, quote_part, speaker):
    claims = briefing(tmp_path, town=text + "\n")
    assert only(claims, quote_part).speaker == speaker


# --- carried attribution, business names, kinds of union (speakers14p) ---------------------------

@pytest.mark.parametrize("name, person", [
    ("Halden Ferries", False), ("Corran Logistics", False), ("Meller Foods", False),
    ("Brisk Airways", False), ("Osk Pharmaceuticals", False),
    ("Mila Sand", True), ("Samantha Power", True),
])
def test_a_business_named_by_two_words_is_no_person(name, person):
    found = find_names(f"On Monday {name} met the council.", frozenset())
    assert [n.text for n in found] == [name]
    assert speakers._personal(found[0]) is person


def test_a_title_in_capitals_after_the_verb_keeps_the_person_speaking(tmp_path):
    body = ('"Nobody was checking the invoices," said City Auditor Lene Vos. '
            '"The contracts allowed every check."\n\n'
            'The city hall press office said the report would be debated in June.\n')
    claims = briefing(tmp_path, audit=body)
    assert only(claims, "Nobody was checking").speaker == "Lene Vos"
    assert only(claims, "allowed every check").speaker == "Lene Vos"


def test_the_company_is_the_business_named_before_it_in_its_paragraph(tmp_path):
    body = ("Osk Pharmaceuticals, which makes 40 generic drugs, rejected the findings. In a "
            "statement, the company said the batches had passed every test.\n\n"
            "Brisk Airways cancelled 12 flights. Halden Ferries added two sailings, and the "
            "company said it would run them until Sunday.\n")
    claims = briefing(tmp_path, drugs=body)
    assert only(claims, "passed every test").speaker == "Osk Pharmaceuticals"
    assert only(claims, "run them until Sunday").speaker == "Halden Ferries"


@pytest.mark.parametrize("named, called", [
    ("The Federation of Nurses", "the union"),
    ("The Dockworkers' Union", "the federation"),
    ("The Confederation of Bakers", "the union"),
])
def test_a_union_and_a_federation_name_one_another(tmp_path, named, called):
    body = (f"{named}, which represents 9,000 members, said the rota was unsafe. Staff had "
            f"worked 14 shifts in a row, {called} said, and two had collapsed.\n")
    claims = briefing(tmp_path, rota=body)
    who = named.removeprefix("The ")
    assert only(claims, "14 shifts in a row").speaker == who


def test_the_union_stays_unnamed_when_two_kinds_of_union_were_named(tmp_path):
    body = ("The Federation of Nurses and the Porters' Guild met the board on Monday. Staff "
            "had worked 14 shifts in a row, the union said.\n")
    claims = briefing(tmp_path, rota=body)
    assert only(claims, "14 shifts in a row").speaker == "union"


def test_it_after_the_report_found_is_the_report_and_carries_on(tmp_path):
    body = ("Last year the port authority's annual review of the ferry crossings was "
            "published in May.\n\n"
            "The review found that the Osk Marine crew had skipped 14 safety drills. It said "
            "two lifeboats had not been tested since 2021. It also found that the alarms on "
            "the car deck were switched off.\n\n"
            "The Kessel Port Authority will meet the operator on Monday.\n")
    claims = briefing(tmp_path, ferry=body)
    for words in ("14 safety drills", "two lifeboats", "alarms on the car deck"):
        assert only(claims, words).speaker == "Kessel Port Authority", words


def test_according_to_the_audit_and_the_auditors_are_the_audit_office(tmp_path):
    body = ("The school meals contracts cost the city twice what they should have, the "
            "regional audit office said on Thursday.\n\n"
            "According to the audit, the caterer was paid for 40,000 meals that were never "
            "served. The auditors added that no one had checked the delivery notes.\n")
    claims = briefing(tmp_path, meals=body)
    assert only(claims, "twice what they should").speaker == "regional audit office"
    assert only(claims, "40,000 meals").speaker == "regional audit office"
    assert only(claims, "delivery notes").speaker == "regional audit office"


def test_according_to_a_report_by_no_one_named_is_the_writers(tmp_path):
    body = "According to the report, the caterer was paid for 40,000 meals never served.\n"
    claims = briefing(tmp_path, meals=body)
    assert only(claims, "40,000 meals").speaker == "author"


def test_a_study_s_author_named_sentences_back_speaks_for_its_researchers(tmp_path):
    body = ("Cycling in Tessa has doubled since 2019. A study by the Institute for Road "
            "Safety at Tessa University, published in March, put the rise at 104 percent. "
            "Accidents have not fallen. The researchers found that most new riders use "
            "roads without a cycle lane.\n\n"
            "Its authors estimate that 30 kilometres of lanes would halve the risk.\n")
    claims = briefing(tmp_path, bikes=body)
    assert only(claims, "104 percent").speaker == "Institute for Road Safety"
    assert only(claims, "without a cycle lane").speaker == "Institute for Road Safety"
    assert only(claims, "30 kilometres of lanes").speaker == "Institute for Road Safety"


@pytest.mark.parametrize("text, who", [
    # "according to" the words of a body named before, by a pronoun
    ("The Port Authority has approved 8 of the 11 berths, according to its filing.",
     "Port Authority"),
    ("Meller Foods has 90 vacancies, according to figures it gave the council, and Brisk "
     "Airways about 60.", "Meller Foods"),
    # a closing attribution with when or how it was said
    ("The berth will reopen in May, the harbour office said on Tuesday.", "harbour office"),
    ("The city paid for 40,000 meals never served, the city's audit office said on Tuesday.",
     "city's audit office"),
    ("Fares will rise by 4 percent, the operator said in a statement late on Friday.",
     "operator"),
])
def test_according_to_its_words_and_attribution_closing_on_when(text, who):
    att = attribution(text)
    assert att is not None and att.speaker == who, att


def test_a_paragraph_opened_by_a_statement_continues_in_reported_speech(tmp_path):
    body = ("In its reply to the inspectors, the Water Board said it had lost 30 staff since "
            "2022. Its repair crews would grow from 40 to 80 this year, and every main would be "
            "surveyed by 2027.\n\n"
            "Fruit growers say they have lost 9 million euros. A long drought would push "
            "many of them out of business.\n")
    claims = briefing(tmp_path, water=body)
    assert only(claims, "from 40 to 80").speaker == "Water Board"
    assert only(claims, "every main would be surveyed").speaker == "Water Board"
    # after a verb in the present, "would" is the writer's own conditional
    assert only(claims, "long drought would push").speaker == "author"


def test_a_spokesperson_for_a_business_speaks_for_it(tmp_path):
    body = ("A spokesperson for Corran Logistics denied that drivers had been told to "
            "skip their rest breaks.\n")
    claims = briefing(tmp_path, trucks=body)
    assert only(claims, "rest breaks").speaker == "Corran Logistics"


@pytest.mark.parametrize("text, who", [
    # an aside holding a number with a thousands comma
    ("The farmers' union, which has 12,000 members, called the cuts unfair.", "farmers' union"),
    # verbs of saying news uses before "that"
    ("Professor Karin Holm of Tessa University testified that the aquifer was overdrawn.",
     "Karin Holm"),
    ("The insurer disclosed that 3,000 claims were still open.", "insurer"),
])
def test_more_forms_of_a_named_or_described_speaker(text, who):
    att = attribution(text)
    # the name finder reads "Karin Holm of Tessa University" as one name
    assert att is not None and att.speaker.startswith(who), att


def test_a_closing_it_said_is_the_body_named_before(tmp_path):
    body = ("The Tessa Water Company has asked households to cap use at 100 litres a day. "
            "Customers who exceed it will be fined, it warned.\n\n"
            "Halden Ferries cut two sailings. Fares would not rise this year, it said on "
            "Tuesday.\n")
    claims = briefing(tmp_path, water=body)
    assert only(claims, "will be fined").speaker == "Tessa Water Company"
    assert only(claims, "Fares would not rise").speaker == "Halden Ferries"


def test_a_q_and_a_is_an_interview_whatever_its_genre_says(tmp_path):
    # genre: news (an import may not know it is an interview)
    body = ("Tessa's reservoirs are at a third of capacity. We asked the head of the water "
            "board, Piet Mol, how long the rationing will last.\n\n"
            "**How long will rationing last?**\n\n"
            "Until the reservoirs are back above 50 percent, which will take at least two "
            "wet months.\n\n"
            "**Are farmers paying more than households?**\n\n"
            "Farms use 70 percent of the water, so their cuts are larger.\n")
    claims = briefing(tmp_path, water=body)
    assert only(claims, "above 50 percent").speaker == "Piet Mol"
    assert only(claims, "70 percent of the water").speaker == "Piet Mol"
    assert only(claims, "third of capacity").speaker == "author"


def test_an_explainer_s_questions_are_answered_by_its_writer(tmp_path):
    body = ("Tessa has rationed water since June. Here is what Piet Mol's water board has "
            "decided.\n\n"
            "## How long will rationing last?\n\n"
            "Until the reservoirs are back above 50 percent.\n\n"
            "## Are farmers paying more than households?\n\n"
            "Farms use 70 percent of the water, so their cuts are larger.\n")
    claims = briefing(tmp_path, water=body)
    assert only(claims, "above 50 percent").speaker == "author"
    assert only(claims, "70 percent of the water").speaker == "author"


@pytest.mark.parametrize("body, part, who", [
    # a person described by an apposition, then by that noun or by their age
    ("Piet Mol, a hydrologist at Tessa University, has studied the aquifer for 20 years. The "
     "reservoirs will not recover before 2027, the hydrologist said.", "before 2027", "Piet Mol"),
    ("Anna Berg, 54, farms 40 hectares near Tessa. Her wells ran dry in June, the "
     "54-year-old said.", "wells ran dry", "Anna Berg"),
    # an estimate closing its sentence, with when it was made
    ("The drought has cost farmers 200 million euros, the agriculture ministry estimated on "
     "Friday.", "200 million", "agriculture ministry"),
    # "says the X" closing a clause
    ("Rain is not expected before October, says the Varnian Meteorological Institute.",
     "before October", "Varnian Meteorological Institute"),
    # people a newsroom asked speak, not the newsroom
    ("Residents interviewed by the Tessa Post said their taps ran dry for hours each day.",
     "taps ran dry", "Residents"),
])
def test_people_described_estimates_closing_and_whom_a_paper_asked(tmp_path, body, part, who):
    claims = briefing(tmp_path, water=body + "\n")
    assert only(claims, part).speaker == who


def test_a_description_two_people_share_names_neither(tmp_path):
    body = ("Piet Mol, a hydrologist at Tessa University, and Ida Kool, a hydrologist at the "
            "water board, disagree. The reservoirs will not recover before 2027, the "
            "hydrologist said.\n")
    claims = briefing(tmp_path, water=body)
    assert only(claims, "before 2027").speaker == "hydrologist"


@pytest.mark.parametrize("body, part, who", [
    # "The spokesperson added" with no body named: the one that spoke (was a crash)
    ("A spokesperson for the water ministry said the limits would stay. The spokesperson "
     "added that fines had been issued to 300 farms.", "300 farms", "water ministry"),
    # an inquiry, a poll and their people
    ("An inquiry by the Competition Authority found that two bakers had fixed prices since "
     "2021. It said customers had paid 8 percent too much.", "8 percent too much",
     "Competition Authority"),
    ("The Competition Authority's inquiry found that two bakers had fixed prices. The inquiry "
     "also found that 40 shops had been told what to charge.", "40 shops",
     "Competition Authority"),
    ("A poll by Tessa Research found 61 percent of voters back the limits. The pollsters also "
     "found that 30 percent want higher fines.", "30 percent want", "Tessa Research"),
    # "It" after "The report said", and the report issued by a body named before
    ("The Varnian Audit Court published its report on Monday. The report said 40 percent of "
     "the pipes leak. It also found that repairs had been delayed since 2019.",
     "delayed since 2019", "Varnian Audit Court"),
    # a trade noun for the business named before it in the paragraph
    ("Tessa Water said 40 percent of its pipes leak. The utility added that repairs would "
     "cost 2 billion euros.", "2 billion", "Tessa Water"),
    # a closing "it said" after a body that spoke in the paragraph
    ("In a statement, the ministry said 300 farms had been fined. The fines totalled 2 "
     "million euros, it said.", "2 million", "ministry"),
])
def test_documents_spokespeople_and_bodies_carried_over_sentences(tmp_path, body, part, who):
    claims = briefing(tmp_path, water=body + "\n")
    assert only(claims, part).speaker == who


def test_a_closing_it_said_after_a_person_names_no_one(tmp_path):
    body = ("Lina Ost said 300 farms had been fined. The fines totalled 2 million euros, it "
            "said.\n")
    claims = briefing(tmp_path, water=body)
    assert only(claims, "2 million").speaker != "Lina Ost"


@pytest.mark.parametrize("body, part, who", [
    ("Lina Ost was quoted by the Tessa Post as saying that the limits would stay until "
     "October.", "until October", "Lina Ost"),
    ("The limits will stay until October, the Tessa Post reported, citing two officials at "
     "the ministry.", "until October", "two officials at the ministry"),
    ("Local media reported that 12 villages had no running water.", "12 villages",
     "Local media"),
    ("A source familiar with the plan said the limits would be tightened in August.",
     "tightened in August", "source familiar with the plan"),
    ("People close to the talks said the deal would be signed in May.", "signed in May",
     "People close to the talks"),
    ("A statement from the ministry said 300 farms had been fined.", "300 farms", "ministry"),
    ("The board expects the reservoirs to be empty by November.", "empty by November",
     "board"),
    # a closing attribution wins over a body's forecast inside the statement
    ("Mara Holt heads Tessa Water. The utility expects losses of 30 million euros this year, "
     "she said.", "30 million", "Mara Holt"),
])
def test_quoted_as_saying_citing_unnamed_sources_and_forecasts(tmp_path, body, part, who):
    claims = briefing(tmp_path, water=body + "\n")
    assert only(claims, part).speaker == who


def test_a_q_and_a_whose_standfirst_names_the_one_answering_first(tmp_path):
    body = ("Tessa's reservoirs are at a third of capacity. Mara Holt, who runs the water "
            "board, answered our questions about the rationing.\n\n"
            "Q: How long will rationing last?\n\n"
            "A: Until the reservoirs are back above 50 percent.\n\n"
            "Q: Are farmers paying more?\n\n"
            "A: Farms use 70 percent of the water, so their cuts are larger.\n")
    claims = briefing(tmp_path, water=body)
    assert only(claims, "above 50 percent").speaker == "Mara Holt"
    assert only(claims, "70 percent of the water").speaker == "Mara Holt"


@pytest.mark.parametrize("text, who", [
    ("A Tessa Water spokesperson said the limits would stay until October.", "Tessa Water"),
    ("The company's chief executive said the plant would reopen in June.", "company"),
    ("The union's lawyers said the strike was legal.", "union"),
])
def test_a_body_speaking_through_its_officer(text, who):
    att = attribution(text)
    assert att is not None and att.speaker == who, att


def test_the_company_s_chief_executive_is_the_company_named_before(tmp_path):
    body = ("Meller Foods recalled 40 tonnes of cheese on Monday. The company's chief "
            "executive said the plant would reopen in June.\n")
    claims = briefing(tmp_path, cheese=body)
    assert only(claims, "reopen in June").speaker == "Meller Foods"


@pytest.mark.parametrize("body, part, who", [
    # whoever saw a document reports it; it speaks for whoever wrote it, if anyone is named
    ("The cuts will last until October, according to a letter from the ministry seen by the "
     "Tessa Post.", "until October", "ministry"),
    ("The cuts will last until October, according to an internal memo seen by Norvik Press.",
     "until October", "author"),
    # a clause closing on "say" inside a quotation is no attribution
    ('Mara Holt was clear: "The cuts will last until October, whatever the farmers say."',
     "until October", "Mara Holt"),
])
def test_documents_seen_by_a_paper_and_clauses_that_only_end_on_say(tmp_path, body, part, who):
    claims = briefing(tmp_path, water=body + "\n")
    assert only(claims, part).speaker == who


# --- speakers14r: quotations, services with "and", groups at a place, common first words ---


@pytest.mark.parametrize("body, part, who", [
    # a capitalised word inside the quotation never speaks; the name after "said" does
    ('"We came every week. Nobody warned us at all," said Ina Holm, who runs the kiosk.',
     "Nobody warned", "Ina Holm"),
    ('"Everyone told me it was safe," said Piet Mol.', "Everyone told me", "Piet Mol"),
    # one sentence quoted whole, a verb of saying inside it
    ('"Officials said nothing to anyone for a week," Lina Ost told the council.',
     "Officials said nothing", "Lina Ost"),
])
def test_a_verb_of_saying_inside_the_quotation_names_no_speaker(tmp_path, body, part, who):
    claims = briefing(tmp_path, market=body + "\n")
    assert only(claims, part).speaker == who


@pytest.mark.parametrize("text, name", [
    ("Tessa Fire and Rescue says two more people have been found.", "Tessa Fire and Rescue"),
    ("The Food and Drug Administration said the drops were unsafe.",
     "Food and Drug Administration"),
    ("The Department of Health and Social Care said beds would be added.",
     "Department of Health and Social Care"),
    ("Varn Police and Ambulance confirmed the road was closed.", "Varn Police and Ambulance"),
])
def test_a_service_with_and_in_its_name_is_one_speaker(text, name):
    assert name in [n.text for n in find_names(text)]
    att = attribution(text)
    assert att is not None and att.speaker == name, att


@pytest.mark.parametrize("text, names", [
    # "and" between two names that end on no service's word stays a break
    ("Britain and France said the talks would resume.", ["Britain", "France"]),
    ("Ina Holm and Piet Mol agreed.", ["Ina Holm", "Piet Mol"]),
])
def test_and_between_two_names_is_no_service(text, names):
    assert [n.text for n in find_names(text)] == names


@pytest.mark.parametrize("body, part, who", [
    # people at a place speak as the group, never the place
    ("Stallholders on Market Square say sales have fallen by a third since Monday.",
     "sales have fallen", "stallholders"),
    ("Farmers near Lake Oster say the water has turned brown.", "turned brown", "farmers"),
    ("Commuters along Canal Road said the buses were full every morning.",
     "buses were full", "commuters"),
    # a group described by a relative clause, the whole sentence its claim
    ("Parents who use the crossing every day said they had never been consulted.",
     "never been consulted", "parents"),
    # a group that had warned, or described what it saw
    ("The pier opened in 1931. Divers had warned for years that its piles were rotting.",
     "piles were rotting", "Divers"),
    ("Bystanders described seeing smoke before the roof fell in.", "seeing smoke",
     "Bystanders"),
])
def test_a_group_of_people_speaks_as_the_group(tmp_path, body, part, who):
    claims = briefing(tmp_path, market=body + " The divers and the farmers were tired.\n")
    assert only(claims, part).speaker.lower() == who.lower()


def test_economists_at_a_body_still_speak_for_the_body():
    att = attribution("Economists at the Varn Institute expect prices to rise.")
    assert att is not None and att.speaker == "Varn Institute", att


@pytest.mark.parametrize("body, part, who", [
    # a first word the article also writes in lower case stays in the name after "the"
    # or inside the sentence
    ("The Harbour Board said the port would stay open. The harbour is quiet.",
     "stay open", "Harbour Board"),
    ("The Northern Water Agency said the dam was sound. The northern valleys are dry.",
     "dam was sound", "Northern Water Agency"),
    # a title word inside a body's name ("General Hospital") is no title
    ("Ostby General Hospital said on Friday it had treated 14 people. The general mood "
     "is calm and the hospital is full.", "14 people", "Ostby General Hospital"),
])
def test_common_words_and_title_words_inside_a_body_s_name(tmp_path, body, part, who):
    claims = briefing(tmp_path, market=body + "\n")
    assert only(claims, part).speaker == who


def test_a_capitalised_common_word_alone_or_opening_a_sentence_is_no_name():
    common = frozenset({"west", "residents"})
    assert [n.text for n in find_names("Since then the West has waited.", common)] == []
    assert [n.text for n in find_names("Residents said the road was shut.", common)] == []


@pytest.mark.parametrize("body, part, who", [
    # calling a strike or a meeting is an act, the writer's report
    ("The union has called a strike for Monday.", "called a strike", "author"),
    ("The council called an emergency meeting on Friday.", "emergency meeting", "author"),
    # calling for something is still the union's demand
    ("The union has called for a strike on Monday.", "called for a strike", "union"),
])
def test_calling_a_strike_is_an_act_not_words(tmp_path, body, part, who):
    claims = briefing(tmp_path, market=body + "\n")
    assert only(claims, part).speaker == who


def test_confirmed_that_but_said_is_one_claim_of_one_speaker(tmp_path):
    body = ("The Varn Port Authority confirmed on Monday that a survey in 2022 had rated the "
            "quay as poor, but said the quay had been judged safe to use.\n")
    claims = briefing(tmp_path, market=body)
    found = only(claims, "rated the quay")
    assert found.speaker == "Varn Port Authority"
    assert "confirmed" in found.quote


def test_papers_seen_by_a_newsroom_are_not_the_newsroom_s(tmp_path):
    body = ("Repairs costing 3 million euros were put back to 2028, according to budget papers "
            "seen by Radio Tessa.\n")
    claims = briefing(tmp_path, market=body)
    assert only(claims, "put back to 2028").speaker != "Radio Tessa"


def test_a_body_s_last_word_after_of_is_no_surname():
    from briefing.suggest.names import NameIndex

    index = NameIndex()
    index.register(["Varn Association of Engineers", "Bank of Tessa", "Ina Holm"])
    assert index.canonical("Engineers") == "Engineers"
    assert index.canonical("Tessa") == "Tessa"
    assert index.canonical("Holm") == "Ina Holm"


def test_a_group_that_warned_is_not_the_association_named_after_it(tmp_path):
    body = ("The Varn Association of Engineers met on Monday. The quay opened in 1931.\n\n"
            "Engineers had warned for years that its piles were rotting. The engineers were "
            "ignored.\n")
    claims = briefing(tmp_path, market=body)
    assert only(claims, "piles were rotting").speaker.lower() == "engineers"


@pytest.mark.parametrize("body, part, who", [
    # a short form of one business speaks as the business
    ("Ferrow Coaches runs the route. Ferrow said fares would rise by 5 percent.",
     "rise by 5 percent", "Ferrow Coaches"),
    # two businesses open with the word: the short form stays as written
    ("Ferrow Coaches and Ferrow Ferries share a depot. Ferrow said fares would rise by 5 "
     "percent.", "rise by 5 percent", "Ferrow"),
])
def test_a_short_form_of_one_business_speaks_as_the_business(tmp_path, body, part, who):
    claims = briefing(tmp_path, market=body + "\n")
    assert only(claims, part).speaker == who


def test_a_local_hospital_giving_a_toll_places_it_where_it_is_named_after(tmp_path):
    from briefing.analysis.disagreements import for_corpus
    from briefing.loader import load_corpus
    from briefing.suggest.pipeline import suggest, write
    from tests.test_suggest_figurekeys import briefing as keyed

    root = keyed(tmp_path,
                 "A ferry sank off Ostby on Monday, killing four people and injuring 12, the "
                 "coastguard said.",
                 "The ferry sank on Monday. Ostby General Hospital said on Tuesday it had "
                 "treated 15 people injured in the sinking.")
    write(suggest(load_corpus(root)[0], root))
    claims = [c for c in load_corpus(root)[0].claims.values() if "15 people" in c.quote]
    assert [c.speaker for c in claims] == ["Ostby General Hospital"]
    found = for_corpus(load_corpus(root)[0])
    assert any({12, 15} <= {v.value for v in f.values} for f in found.disagreements)
