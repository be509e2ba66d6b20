"""`briefing suggest`: comparable figures of measured quantities (volumes, power, energy,
rainfall, hours a day, shares of capacity, changes), written in other words and units by
each source, and what must stay apart (a part and the whole, a rate and a total, a figure
and the date something began).

Hand-written sentences on topics unlike the labelled sets (a flood, a heatwave, a water
utility, a gas shortage); each test runs the whole pipeline on two or three small articles.
"""

from __future__ import annotations

from collections import Counter

import pytest

from briefing.analysis.disagreements import for_corpus
from briefing.analysis.numbers import find_numbers
from briefing.loader import load_corpus
from briefing.suggest.figurekeys import assign_keys
from briefing.suggest.names import NameIndex
from briefing.suggest.pipeline import proposals_for, suggest, write
from briefing.suggest.state import read_previous
from tests.test_suggest_figurekeys import briefing, keys, shared


# --- numbers: a unit is read with its figure ------------------------------------------------


@pytest.mark.parametrize("text, value, unit", [
    ("1.8 billion m3 of water", 1.8e9, "m3"),
    ("1.8bn m3", 1.8e9, "m3"),
    ("3.2 m³ a day", 3.2, "m3"),
    ("2.4 billion cubic metres", 2.4e9, "m3"),
    ("412 km2", 412, "km2"),
    ("600 hm3", 600, "hm3"),
    ("850 MW", 850, "MW"),
    ("850 megawatts", 850, "MW"),
    ("8 kWh", 8, "kWh"),
    ("8 kilowatt-hours", 8, "kWh"),
    ("20 GWh", 20, "GWh"),
    ("41°C", 41, "C"),
    ("41 degrees Celsius", 41, "C"),
    ("112 millimetres", 112, "mm"),
    ("50 liters", 50, "litres"),
])
def test_a_unit_with_a_power_or_a_symbol_is_one_figure_with_its_unit(text, value, unit):
    found = find_numbers(text)
    assert [(n.value, n.unit) for n in found] == [(value, unit)]


def test_a_road_named_like_a_unit_is_no_figure():
    assert find_numbers("Traffic on the M3 was light.") == []


# --- measures ---------------------------------------------------------------------------------


def test_one_volume_in_m3_and_in_cubic_metres_of_water_shares_a_key(tmp_path):
    k = keys(tmp_path,
             "The Lowmere reservoir held 640 million m3 of water on Monday, the utility said.",
             "Engineers say the lake now holds about 600 million cubic metres of water.")
    assert shared(k, ("src1", 640e6), ("src2", 600e6))


def test_a_shortfall_in_megawatts_shares_a_key_and_imports_do_not_join_it(tmp_path):
    k = keys(tmp_path,
             "The grid was 1,200 MW short at the morning peak, while 300 MW came from imports.",
             "The shortfall at the morning peak reached 1,350 megawatts, the regulator said.")
    assert shared(k, ("src1", 1200), ("src2", 1350))
    assert k[("src1", 300)] != k[("src2", 1350)]


def test_rain_and_rainfall_in_millimetres_share_a_key(tmp_path):
    k = keys(tmp_path,
             "Rainfall over the weekend was 140 mm in the upper valley, the weather office said.",
             "Some 160 millimetres of rain fell over the weekend in the upper valley.")
    assert shared(k, ("src1", 140), ("src2", 160))


def test_a_cap_in_kwh_said_two_ways_shares_a_key(tmp_path):
    k = keys(tmp_path,
             "Homes are asked to keep use below 6 kWh per day while the gas shortage lasts.",
             "The cap of 6 kilowatt-hours a day per home is voluntary.")
    assert shared(k, ("src1", 6), ("src2", 6))


# --- lists and tables -------------------------------------------------------------------------


def test_a_figure_after_a_label_counts_what_the_label_names(tmp_path):
    k = keys(tmp_path,
             "Situation at noon:\n\n- Homes without power: 42,000.\n- Sandbags handed out: 170,000.",
             "The flood has left 45,000 homes without power across the county.")
    assert shared(k, ("src1", 42000), ("src2", 45000))
    assert k[("src1", 170000)] != k[("src1", 42000)]


# --- rates, parts, changes, dates -------------------------------------------------------------


def test_hours_a_day_written_three_ways_share_a_key(tmp_path):
    k = keys(tmp_path,
             "Since the heatwave began, the city has cut water for six hours a day in every ward.",
             "Each ward now loses water six hours daily, the utility said.",
             "Supply is cut for seven hours per day in every ward, residents say.")
    assert shared(k, ("src1", 6), ("src2", 6))
    assert shared(k, ("src1", 6), ("src3", 7))


def test_a_part_is_not_compared_with_the_whole(tmp_path):
    k = keys(tmp_path,
             "The city cuts water for 6 hours a day, and in rural wards for 10 hours a day.",
             "In rural wards the Orla utility cuts water for 12 hours a day, residents say.")
    assert shared(k, ("src1", 10), ("src2", 12))
    assert k[("src1", 6)] != k[("src2", 12)]


def test_a_rate_and_a_total_stay_apart_but_per_person_per_day_is_per_person(tmp_path):
    k = keys(tmp_path,
             "The ration is 40 litres per person per day at the standpipes.",
             "The ration is 45 litres per person at the standpipes, the council said.",
             "The standpipes delivered 900,000 litres in all on the first day.")
    assert shared(k, ("src1", 40), ("src2", 45))
    assert k[("src3", 900000)] != k[("src1", 40)]


def test_a_daily_ration_said_before_the_figure_is_a_rate(tmp_path):
    k = keys(tmp_path,
             "The daily ration at the standpipes is 40 litres, the council said.",
             "Volunteers at the standpipes hand out a ration of 50 litres a day.",
             "The standpipes have handed out 2 million litres since June.")
    assert shared(k, ("src1", 40), ("src2", 50))
    assert k[("src3", 2e6)] != k[("src1", 40)]


def test_a_rise_said_as_a_verb_and_as_a_noun_shares_a_key(tmp_path):
    k = keys(tmp_path,
             "Gas tariffs will rise by 12 percent from 1 March, the regulator said.",
             "Consumers face a 14% tariff increase in March.",
             "Bread prices rose by 9 percent last year.")
    assert shared(k, ("src1", 12), ("src2", 14))
    assert k[("src3", 9)] != k[("src1", 12)]


def test_the_date_something_began_is_not_the_time_of_the_figure(tmp_path):
    k = keys(tmp_path,
             "The heatwave has sent 3,400 patients to hospital since it began on 2 July.",
             "The health ministry said 3,100 patients had been taken to hospital in the heatwave.")
    assert shared(k, ("src1", 3400), ("src2", 3100))


def test_a_range_of_months_is_dated_by_its_start(tmp_path):
    k = keys(tmp_path,
             "Rainfall between March and May was 61 mm across the plain.",
             "Only 58 mm of rain fell from March to May across the plain.")
    assert shared(k, ("src1", 61), ("src2", 58))


def test_a_unit_symbol_or_a_common_word_opening_a_sentence_is_no_name(tmp_path):
    k = keys(tmp_path,
             "Imports from Dalvia: 250 MW.\n\nGeneration fell, and imports rose.",
             "The grid takes 250 megawatts of imports from Dalvia each evening.")
    assert shared(k, ("src1", 250), ("src2", 250))


# --- what is found in the end -----------------------------------------------------------------


def test_a_disagreement_on_a_reservoir_volume_is_found_and_a_capacity_is_kept_apart(tmp_path):
    root = briefing(tmp_path,
                    "The Lowmere reservoir held 640 million m3 of water on Monday. "
                    "The dam can hold 2.1 billion cubic metres.",
                    "Engineers say the lake holds 580 million cubic metres of water now.")
    write(suggest(load_corpus(root)[0], root))
    corpus, problems = load_corpus(root)
    assert not [p for p in problems if "claims" in str(p.path)]
    found = for_corpus(corpus)
    values = [{v.value for v in f.values} for f in found.disagreements]
    assert {640e6, 580e6} in values
    assert not any(2.1e9 in v for v in values)


def test_stage_counts_say_where_figures_are_lost_in_numbers_only(tmp_path):
    root = briefing(tmp_path,
                    "The grid was 1,200 MW short at the morning peak.",
                    "The shortfall at the morning peak reached 1,350 megawatts.")
    corpus, _ = load_corpus(root)
    names = NameIndex()
    proposals = proposals_for(corpus, read_previous(root, list(corpus.articles)), names)
    stats: Counter[str] = Counter()
    assign_keys(proposals, names, stats)
    assert stats["figures"] == 2 and stats["figures described"] == 2
    assert stats["cores in 2+ sources"] == 1
    assert stats["figure keys in 2+ sources"] == 1
    assert all(isinstance(v, int) for v in stats.values())


def test_a_fill_level_said_as_levels_capacity_or_full_shares_a_key(tmp_path):
    k = keys(tmp_path,
             "Reservoir levels fell to 24 percent in August, the water board said.",
             "In August the reservoirs were at 27% of capacity.",
             "The Tarn reservoirs were 26 percent full in August, engineers said.")
    assert shared(k, ("src1", 24), ("src2", 27))
    assert shared(k, ("src2", 27), ("src3", 26))
