"""A disagreement's shared key is spelt in the brief as the sources spell its words."""

from briefing.export.labels import quantity_label


def test_words_take_the_sources_spelling():
    texts = ["The dam on the Blue Nile was built by GERD Co.", "Ethiopia says the GERD is safe."]
    assert quantity_label("gerd-capacity-ethiopia", texts) == "GERD capacity Ethiopia"


def test_a_capital_that_only_starts_a_sentence_does_not_count():
    texts = ["Dockers walked out on Monday. Wages were the issue.", "the dockers' wages"]
    assert quantity_label("dockers-wages", texts) == "Dockers wages"
    assert quantity_label("wages-dockers", texts) == "Wages dockers"
    # inside a sentence the capital is the source's spelling
    assert quantity_label("union-members", ["Members of the Union voted.", "its members left"]) == "Union members"


def test_an_unwritten_initialism_is_upper_case_and_other_words_stay_as_keyed():
    assert quantity_label("nk-troops") == "NK troops"
    assert quantity_label("tanks-in-the-area") == "Tanks in the area"
    assert quantity_label("mw_output") == "MW output"


def test_a_word_written_only_at_the_start_of_sentences_keeps_that_capital():
    assert quantity_label("ethiopia-filling", ["Ethiopia began filling."]) == "Ethiopia filling"
