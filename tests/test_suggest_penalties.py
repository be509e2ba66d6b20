"""`briefing suggest`: figures of court and money reporting compared across sources: the
length of a prison sentence however it is worded, a sum taken or a fine in a currency
written out, and households counted as homes or families; and what must stay apart (a
maximum or a demand and the sentence imposed, a fine and damages).

Hand-written sentences on topics unlike the labelled sets (a bribery case, a sports club's
treasurer, a storm, a data regulator); each test runs the whole pipeline on small articles.
"""

from __future__ import annotations

import pytest

from briefing.analysis.numbers import find_numbers
from test_suggest_figurekeys import keys, shared


def test_jailed_for_and_sentenced_to_years_in_prison_are_one_sentence(tmp_path):
    k = keys(tmp_path,
             "A court in Brno on Monday jailed former mayor Petr Kolar for four years for "
             "taking bribes.",
             "Petr Kolar was sentenced to five years in prison, his lawyer said.",
             "Petr Kolar received a five-year prison sentence for the bribes.")
    assert shared(k, ("src1", 4), ("src2", 5))
    assert shared(k, ("src2", 5), ("src3", 5))


def test_a_maximum_or_a_demand_is_not_the_sentence_imposed(tmp_path):
    k = keys(tmp_path,
             "Petr Kolar was sentenced to four years in prison on Monday.",
             "Petr Kolar faced up to ten years in prison for the bribes.",
             "Prosecutors had sought seven years in prison for Petr Kolar.")
    assert k[("src1", 4)] != k[("src2", 10)]
    assert k[("src1", 4)] != k[("src3", 7)]


def test_sentences_of_two_defendants_stay_apart(tmp_path):
    k = keys(tmp_path,
             "Petr Kolar was jailed for four years on Monday.",
             "Jana Dvorak was sentenced to three years in prison on Monday.")
    assert k[("src1", 4)] != k[("src2", 3)]


@pytest.mark.parametrize("text, unit", [
    ("stealing 4.2 million crowns", "crowns"),
    ("a fine of 300,000 rand", "ZAR"),
    ("paid 12 million zlotys", "PLN"),
    ("worth 5 billion yen", "JPY"),
    ("lost 80,000 kronor", "SEK"),
    ("2,500 dinars a month", "dinars"),
])
def test_currencies_written_out_are_units(text, unit):
    assert [n.unit for n in find_numbers(text)] == [unit]


def test_embezzled_and_stole_name_one_sum_taken_in_a_currency_written_out(tmp_path):
    k = keys(tmp_path,
             "The Rovers treasurer, Anton Bek, embezzled 2.5 million rand from the club.",
             "Anton Bek admitted stealing some 2.3 million rand from the club.")
    assert shared(k, ("src1", 2_500_000), ("src2", 2_300_000))


def test_a_fine_and_damages_ordered_are_not_one_sum(tmp_path):
    k = keys(tmp_path,
             "Pellow Telecom was fined 2 million euros over the leak, the regulator said.",
             "Pellow Telecom was ordered to pay 500,000 euros to customers over the leak.")
    assert k[("src1", 2_000_000)] != k[("src2", 500_000)]


def test_households_families_and_homes_are_one_count(tmp_path):
    k = keys(tmp_path,
             "The storm left 3,200 households without power in Dunmore on Friday.",
             "About 3,000 families were left without power in Dunmore on Friday.")
    assert shared(k, ("src1", 3200), ("src2", 3000))


def test_a_sum_taken_over_years_and_one_undated_are_one_total(tmp_path):
    # A sum stolen is the total of one happening, not a level read at a date: the years it
    # was taken over do not set it apart from a source that leaves them out.
    k = keys(tmp_path,
             "Anton Bek embezzled 2.5 million rand from the club between 2018 and 2022.",
             "The former treasurer admitted stealing 2.3 million rand from the club's accounts.")
    assert shared(k, ("src1", 2_500_000), ("src2", 2_300_000))


def test_sums_taken_by_two_people_stay_apart(tmp_path):
    k = keys(tmp_path,
             "Anton Bek embezzled 2.5 million rand from the club.",
             "Mark Olu stole 300,000 rand from the club.")
    assert k[("src1", 2_500_000)] != k[("src2", 300_000)]


def test_a_name_in_the_genitive_of_a_complement_is_not_the_figure_s_actor(tmp_path):
    # "the treasurer of one of Kelso's clubs": Kelso owns the club, not the sentence.
    k = keys(tmp_path,
             "A court jailed the treasurer of one of Kelso's biggest football clubs for three "
             "years on Monday.",
             "Anton Bek was sentenced to three years in prison on Monday.")
    assert shared(k, ("src1", 3), ("src2", 3))


def test_the_amount_put_at_restates_the_sum_before_it(tmp_path):
    # "puts the amount at under 2 million": the sum stolen, as another party counts it.
    k = keys(tmp_path,
             "Anton Bek stole 2.5 million rand from the club, a court found on Monday.",
             "The court found Anton Bek stole 2.5 million rand from the club. His lawyer puts "
             "the amount at under 2 million.")
    assert shared(k, ("src1", 2_500_000), ("src2", 2_000_000))


def test_time_served_is_not_the_sentence(tmp_path):
    k = keys(tmp_path,
             "Petr Kolar was sentenced to six years in prison for the bribes.",
             "Petr Kolar was released after serving four years in prison for the bribes.")
    assert k[("src1", 6)] != k[("src2", 4)]
