"""Sentence bounds (briefing/suggest/sentences.py), here for lists that reach us as one
paragraph: Markdown items written without blank lines between them."""

from briefing.suggest.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_each_item_of_a_flattened_list_is_a_sentence_of_its_own_without_its_bullet():
    # as the loader gives a list written as lines: one item to a line
    text = ("- Harbour depth: 11 metres at low tide.\n- Cranes working: 6 of 14\n"
            "- Ships waiting offshore: 23.")
    assert sentences(text) == ["Harbour depth: 11 metres at low tide.", "Cranes working: 6 of 14",
                               "Ships waiting offshore: 23."]


def test_an_item_of_several_sentences_is_split_as_any_text_is():
    text = "* The mill closed in May. Its 300 staff were laid off. * Talks resume on Friday."
    assert sentences(text) == ["The mill closed in May.", "Its 300 staff were laid off.",
                               "Talks resume on Friday."]


def test_a_dash_inside_prose_is_punctuation_not_a_list():
    text = "The council - after a long night - approved the budget. It takes effect in June."
    assert sentences(text) == ["The council - after a long night - approved the budget.",
                               "It takes effect in June."]


def test_only_the_bullet_that_opened_the_list_starts_items():
    text = "* Turnout: 61% - up from 55%. * Seats won: 40."
    assert sentences(text) == ["Turnout: 61% - up from 55%.", "Seats won: 40."]


def test_items_on_one_line_split_after_a_sentence_end_and_a_dash_inside_one_is_punctuation():
    text = "- Reservoir: 28% - the lowest since 1995 - officials said. - Imports: 400 MW."
    assert sentences(text) == ["Reservoir: 28% - the lowest since 1995 - officials said.",
                               "Imports: 400 MW."]
