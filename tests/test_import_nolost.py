"""Article text a page rule once took for furniture: every word here must reach the article.

Each case is made-up text or markup shaped like the review's counter-examples; the rule it
guards is named in the test.
"""

from __future__ import annotations

from briefing.importer import import_text
from briefing.importer.pipeline import import_bytes

LEAD = ("The Morvik council voted on Tuesday to close the Halvard Bridge for six months of "
        "repairs after engineers found corrosion in its main cables.")
NEXT = ("Engineers found corrosion in the main cables last spring and closed the crossing to "
        "all vehicles while the work was carried out.")
MORE = ("Officials said the repairs had cost 14 million crowns, far more than the nine million "
        "the county had set aside for the work.")


def audited(result):
    assert not [w for w in result.report.warnings if "importer bug" in w]
    return result


def pasted(*paras: str, title: str = "Bridge vote passes"):
    return audited(import_text("\n\n".join((title, *paras)) + "\n", "f.txt"))


def page(body: str, head: str = "<title>Bridge reopens</title>"):
    html = f"<!doctype html><html><head>{head}</head><body>{body}</body></html>"
    return audited(import_bytes(html.encode(), "p.html"))


def test_definition_list_with_div_wrapped_groups_keeps_every_term_and_definition():
    r = page("<article><h1>Bridge reopens</h1>" f"<p>{LEAD}</p><p>{NEXT}</p>"
             "<dl><dt>Length</dt><dd>412 metres</dd><div><dt>Opened</dt><dd>In 1967 by the "
             "queen</dd></div><div><dt>Cost of repairs</dt><dd>14 million crowns</dd></div></dl>"
             f"<p>{MORE}</p></article>")
    for words in ("412 metres", "Opened", "In 1967 by the queen", "Cost of repairs",
                  "14 million crowns"):
        assert words in r.body


def test_text_standing_directly_in_a_definition_list_stays():
    r = page("<article><h1>Bridge reopens</h1>" f"<p>{LEAD}</p><p>{NEXT}</p>"
             "<dl>Figures from the county engineer.<dt>Length</dt><dd>412 metres</dd></dl>"
             f"<p>{MORE}</p></article>")
    assert "Figures from the county engineer." in r.body and "412 metres" in r.body


def test_a_short_sentence_repeated_inside_a_longer_one_is_no_pull_quote():
    short = "The vote passed by 12 votes to 9."
    longer = ("Councillors argued for two hours before the vote. A similar motion last year, "
              "when the vote passed by 12 votes to 9, was overturned by the county court.")
    r = pasted(LEAD, short, longer, NEXT)
    assert short in r.body and longer in r.body


def test_a_denied_claim_is_no_pull_quote_of_the_denial():
    short = "The bridge will not reopen before the winter storms arrive."
    denial = ("Officials denied that the bridge will not reopen before the winter storms arrive "
              "this year.")
    r = page("<article><h1>Bridge reopens</h1>"
             f"<p>{LEAD}</p><p>{NEXT}</p><p>{denial}</p><p>{short}</p><p>{MORE}</p></article>")
    assert short in r.body and denial in r.body


def test_a_quoted_pull_quote_of_a_whole_quotation_still_goes():
    para = ('Residents were angry. "We drove over it twice a day and nobody told us," said Ann '
            'Lee, who lives by the bridge.')
    pull = '"We drove over it twice a day and nobody told us"'
    r = pasted(LEAD, para, pull, NEXT)
    assert para in r.body and "\n\n" + pull not in r.body


def test_a_paragraph_mentioning_your_inbox_stays():
    text = ("Police warned on Tuesday that scam emails landing in your inbox and claiming to come "
            "from the council are rising sharply across the county.")
    r = pasted(LEAD, text, NEXT, title="Scam texts")
    assert text in r.body


def test_a_newsletter_prompt_to_your_inbox_still_goes():
    prompt = "Get the best of Morvik news delivered straight to your inbox every morning."
    r = pasted(LEAD, NEXT, prompt, MORE)
    assert prompt not in r.body


def test_a_sentence_opening_on_related_coverage_stays():
    text = ("Related coverage of the closure in the regional press has angered the council, "
            "which says reports of a two-year shutdown are wrong.")
    r = pasted(LEAD, text, NEXT)
    assert text in r.body


def test_a_related_label_with_a_headline_still_goes():
    line = "Related coverage: Island school wins a prize"
    r = pasted(LEAD, line, NEXT)
    assert line not in r.body


def test_a_sentence_opening_on_a_time_and_zone_stays_whole():
    text = "09:20 BST was the time the first lorry was turned away, police said."
    r = pasted(LEAD, text, NEXT)
    assert text in r.body


def test_a_nav_teaser_before_the_headline_on_a_one_line_page_is_not_the_first_paragraph():
    r = page("<header><nav><a href='/'>Home</a><div class='teaser'>Win two tickets to the Morvik "
             "summer festival in our weekend competition</div></nav></header><main><article>"
             f"<h1>Bridge reopens</h1><p>{LEAD}</p><p>{NEXT}</p><p>{MORE}</p></article></main>"
             "<footer>x</footer>")
    assert r.body.startswith(LEAD[:40])
    assert "Win two tickets" not in r.body


def test_a_subheading_holding_the_published_date_stays():
    sub = "Traffic returns on 8 May 2026"
    r = pasted("Published: 8 May 2026", sub, LEAD, NEXT, title="Bridge reopens")
    assert r.fields["published"] == "2026-05-08"
    assert sub in r.body


def test_a_date_line_repeating_the_published_date_still_goes():
    r = pasted("Published: 8 May 2026", "Updated Friday 8 May 2026, 10:15", LEAD, NEXT,
               title="Bridge reopens")
    assert "10:15" not in r.body


def test_sentences_that_look_like_credits_stay():
    for text in ("Interviews with more than 40 residents contributed to this report.",
                 "Research by Halvard University in Morvik."):
        r = pasted(LEAD, text, NEXT)
        assert text in r.body, text


def test_a_names_only_credit_still_goes():
    for line in ("Ann Lee and Lars Berg contributed to this report.",
                 "Reporting by Ann Lee; Editing by Lars Berg"):
        r = pasted(LEAD, NEXT, line)
        assert line not in r.body, line


def test_a_pull_quote_marked_in_the_markup_goes_when_it_repeats_a_sentence():
    said = ("Lars Berg, the chief engineer, was blunt. The cables were far worse than anyone "
            "had expected. He said the work would take the whole summer.")
    r = page("<article><h1>Bridge reopens</h1>" f"<p>{LEAD}</p><p>{said}</p>"
             "<aside class='article-pullquote'><blockquote>The cables were far worse than anyone "
             "had expected</blockquote><cite>Lars Berg</cite></aside>"
             f"<p>{NEXT}</p><p>{MORE}</p></article>")
    assert said in r.body
    assert r.body.count("The cables were far worse") == 1
    assert "The cables were far worse" in "\n".join(
        d.text for d in r.report.dropped if d.what == "pull quote")


def test_a_quote_box_saying_something_new_stays():
    box = "Nobody told us the bridge would be shut for the whole summer."
    r = page("<article><h1>Bridge reopens</h1>" f"<p>{LEAD}</p><p>{NEXT}</p>"
             f"<blockquote class='quote'>{box}</blockquote><p>{MORE}</p></article>")
    assert box in r.body
