"""`briefing suggest`: what a figure counts when its noun is elsewhere (a part "of whom"
or "of them", the subject of "numbered"), rates per 100,000, tolls said with a hospital or
an aside, and counts with little said beside them.

Hand-written sentences on topics unlike the labelled sets (a measles outbreak, a ferry
capsizing, a mine flood, a heatwave, a storm); each test runs the whole pipeline.
"""

from __future__ import annotations

from tests.test_suggest_figurekeys import keys, shared


def test_a_part_of_whom_or_of_them_shares_a_key_through_its_whole(tmp_path):
    k = keys(tmp_path,
             "The measles outbreak has made 52 people ill since May, of whom 14 were "
             "admitted to hospital.",
             "A total of 52 people have fallen ill since the spring, and 15 of them were "
             "taken to hospital.")
    assert shared(k, ("src1", 14), ("src2", 15))


def test_what_a_part_is_said_after_it_keys_it(tmp_path):
    k = keys(tmp_path,
             "As of 3 June, 80 cases have been confirmed in Dorn, of which 12 were infants.",
             "Health officials count 80 cases in Dorn; 12 of them were infants, they said.",
             "Of the 80 cases in Dorn, 30 were adults.")
    assert shared(k, ("src1", 12), ("src2", 12))
    assert k[("src3", 30)] != k[("src1", 12)]


def test_a_rate_per_100000_is_no_total_and_its_base_is_no_figure(tmp_path):
    k = keys(tmp_path,
             "Dorn province has 7.2 cases per 100,000 inhabitants, the agency said.",
             "In Dorn province the rate is 7.9 cases per 100 000 residents.",
             "Dorn province has recorded 310 cases since May.")
    assert shared(k, ("src1", 7.2), ("src2", 7.9))
    assert k[("src3", 310)] != k[("src1", 7.2)]
    assert ("src1", 100000) not in k or not shared(k, ("src1", 100000), ("src2", 100000))


def test_a_toll_with_an_aside_before_its_verb_is_a_toll(tmp_path):
    k = keys(tmp_path,
             "Eleven miners, all from the night shift, have died, the company said.",
             "The flood in the mine killed 12 miners on the night shift.")
    assert shared(k, ("src1", 11), ("src2", 12))


def test_a_count_given_once_by_each_source_is_one_dated_or_not(tmp_path):
    k = keys(tmp_path,
             "The recall of 40 lots of infant formula was announced on 3 May.",
             "The recall covers 40 lots of infant formula sold in pharmacies.",
             "Lots destroyed: 40.")
    assert shared(k, ("src1", 40), ("src2", 40))


def test_a_counts_unit_words_are_no_evidence_that_two_volumes_are_one(tmp_path):
    k = keys(tmp_path,
             "The new reservoir, finished in 2001, can hold 2.4 billion cubic metres.",
             "We estimate the water left at about 0.9 billion cubic metres, enough for a month.")
    assert k[("src1", 2.4e9)] != k[("src2", 0.9e9)]


def test_a_count_with_no_qualifier_joins_one_with_a_qualifier_on_two_clause_words(tmp_path):
    k = keys(tmp_path,
             "In Harwick, 3,400 homes were left without running water after the storm.",
             "About 3,100 homes were left without running water, officials said.",
             "Some 2,000 homes were insured against hail.")
    assert shared(k, ("src1", 3400), ("src2", 3100))
    assert k[("src3", 2000)] != k[("src1", 3400)]


def test_the_plural_subject_of_a_verb_of_counting_is_what_is_counted(tmp_path):
    k = keys(tmp_path,
             "Households without power in the valley numbered 1.2 million on Monday night.",
             "The storm left 1.3 million households without power in the valley.")
    assert shared(k, ("src1", 1.2e6), ("src2", 1.3e6))


def test_n_of_them_counts_the_plural_named_before_it_and_firms_are_businesses(tmp_path):
    k = keys(tmp_path,
             "The heat relief fund helps about 4,000 small firms that lost trade in July.",
             "The relief fund reaches small businesses only: 3,600 of them lost trade in July.")
    assert shared(k, ("src1", 4000), ("src2", 3600))


def test_figures_tied_only_by_their_kind_must_be_of_one_size(tmp_path):
    # each source gives one count of pigs on farms: one quantity when the values are near,
    # two counts (one farm's herd, the zone's) when they are far apart
    culled = "All 4,000 pigs on the farm will be culled to stop the spread of the fever."
    near = keys(tmp_path / "near", culled,
                "Some 6,500 pigs on the farm are to be culled, the owner said.")
    assert shared(near, ("src1", 4000), ("src2", 6500))
    far = keys(tmp_path / "far", culled,
               "Forty farms with about 900,000 pigs between them are inside the buffer zone.")
    assert far[("src1", 4000)] != far[("src2", 900000)]
