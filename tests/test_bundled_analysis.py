"""The analysis on the bundled briefing: the disagreements a careful reader finds are found.

Read from the five articles (by hand, not from the claims):
- Russian peacekeepers sent to Nagorno-Karabakh: Paylan "1,960", Dupuy "1 900 men".
- The CSTO's founding: Jafarli "since its establishment in 1994", Tadevosian "Conceived by
  Moscow in 2002", Dupuy "founded in 2002".
- Armenia joining: Paylan "joining the CSTO in 1992" (Tadevosian: signed the CST in 1992),
  Jafarli "a founding member ... since its establishment in 1994".
- Start of the September 2022 offensive: NOT a disagreement.  Tadevosian writes "12 September
  2022" and also "the night of 12-13 September", Jafarli "13 September 2022", the others only
  "September 2022": all can be true, so the key is compatible (and a month never "agrees" with
  a day in it).
- Titles: Anatoly Sidorov is a "Colonel General" for Jafarli and a "Colonel" for Tadevosian;
  Charles Michel presides the "European Council" for Dupuy and Jafarli, the "Council of Europe"
  for the Italian analysis.
And agreements, which must never be reported as disagreements: the EU mission of about 100
staff (Jafarli, Tadevosian, the Italian analysis), the 120,000 Armenians of Nagorno-Karabakh
(Tadevosian, Paylan, the Italian analysis), the 44 days of the 2020 war.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.analysis import disagreements as dis
from briefing.analysis.compare import compare
from briefing.analysis.coverage import coverage
from briefing.loading.lexicon import load_lexicon
from briefing.analysis.search import build_index

CONTENT = Path(__file__).resolve().parent.parent / "content"

pytestmark = pytest.mark.skipif(
    not any((CONTENT / "claims").glob("*.yaml")), reason="bundled claims not written yet"
)


@pytest.fixture(scope="module")
def corpus():
    from briefing.loader import load_corpus

    corpus, problems = load_corpus(CONTENT)
    assert problems == [], "\n".join(map(str, problems))
    return corpus


@pytest.fixture(scope="module")
def findings(corpus):
    return dis.for_corpus(corpus)


def values(findings, key):
    for f in findings:
        if f.quantity == key:
            return {(v.article, v.value) for v in f.values}
    raise AssertionError(f"{key} not among {[f.quantity for f in findings]}")


def test_peacekeeper_numbers_disagree(findings):
    assert values(findings.disagreements, "russian-peacekeepers-nk") == {
        ("paylan-2023", 1960), ("dupuy-2022", 1900)}


def test_csto_founding_year_disagrees(findings):
    found = values(findings.disagreements, "csto-founded")
    assert ("jafarli-2023", "1994") in found
    assert ("dupuy-2022", "2002") in found and ("tadevosian-2023", "2002") in found


def test_armenia_joining_year_disagrees(findings, corpus):
    found = values(findings.disagreements, "armenia-joined-csto")
    assert ("paylan-2023", "1992") in found and ("jafarli-2023", "1994") in found
    # Tadevosian's 1992 is the signing of the Collective Security Treaty itself.
    signed = [d for c in corpus.claims_for_article("tadevosian-2023") for d in c.dates
              if d.what == "armenia-signed-cst"]
    assert [d.value for d in signed] == ["1992"]


def test_september_2022_start_date_is_compatible_not_a_conflict(findings):
    assert "sept-2022-offensive-start" not in {f.quantity for f in findings.disagreements}
    found = values(findings.compatible, "sept-2022-offensive-start")
    assert ("tadevosian-2023", "2022-09-12") in found and ("jafarli-2023", "2022-09-13") in found


def test_no_month_is_said_to_agree_with_a_day(findings):
    for f in findings.agreements:
        if f.kind == "date":
            assert len({len(str(v.value)) for v in f.values}) == 1, f.quantity


def test_no_value_is_said_to_differ_from_itself(findings):
    for f in findings.disagreements:
        for p in f.pairs:
            assert p.relation == "conflict" and p.a.value != p.b.value, f.quantity


def test_titles_that_differ(corpus):
    from briefing.analysis import offices

    found = {(f.person, f.kind): {f.a.article, f.b.article} for f in offices.find(corpus)}
    assert found[("Anatoly Sidorov", "rank")] == {"jafarli-2023", "tadevosian-2023"}
    assert "armenia-isolation-2023" in found[("Charles Michel", "body")]
    assert len(found) <= 3  # precision first: no Pashinyan/Aliyev/Putin noise


@pytest.mark.parametrize("key, expected", [
    ("eu-mission-staff", {"jafarli-2023", "tadevosian-2023", "armenia-isolation-2023"}),
    ("nk-armenian-population", {"tadevosian-2023", "paylan-2023", "armenia-isolation-2023"}),
    ("second-war-duration-days", {"jafarli-2023", "tadevosian-2023", "paylan-2023",
                                  "armenia-isolation-2023"}),
])
def test_agreements_are_agreements(findings, key, expected):
    assert {a for a, _ in values(findings.agreements, key)} == expected
    assert key not in {f.quantity for f in findings.disagreements}


def test_every_disagreement_involves_two_sources(findings):
    for f in findings.disagreements:
        assert len(f.articles) >= 2, f.quantity
        assert len(set(map(str, f.distinct()))) >= 2, f.quantity


def test_compare_the_ceasefire_shows_the_peacekeeper_disagreement(corpus):
    result = compare(corpus, "nov-2020-ceasefire")
    assert "russian-peacekeepers-nk" in {f.quantity for f in result.disagreements}
    assert {"paylan-2023", "dupuy-2022"} <= set(result.covering)
    assert set(result.covering) | set(result.not_covering) == set(corpus.articles)


def test_lachin_blockade_wording(corpus):
    lexicon, problems = load_lexicon(CONTENT / "lexicon.yaml")
    assert problems == []
    result = compare(corpus, "lachin-blockade", lexicon=lexicon)
    used = {t.term: t.counts for g in result.lexicon for t in g.terms}
    assert "paylan-2023" in used["roadblock"]  # Paylan: a roadblock
    assert "tadevosian-2023" in used["environmental activists"]  # "so-called ... activists"
    assert "tadevosian-2023" in used["so-called"]
    assert "paylan-2023" not in used.get("environmental activists", {})
    for terms in result.framing.values():  # only significant terms are distinctive
        assert all(t.z >= 1.96 for t in terms)


def test_bundled_figures_read_as_their_values(corpus):
    from briefing.analysis.figures import figure_problems

    assert [str(p) for p in figure_problems(corpus)] == []


def test_coverage_has_blindspots(corpus):
    cov = coverage(corpus)
    assert cov.sources == list(corpus.articles)
    assert cov.single_source, "some events are covered by one source only"
    assert all(len(cov.covering(e)) == 1 for e in cov.single_source)
    assert sum(v["claims"] for v in cov.per_source.values()) == len(corpus.claims)


def test_search_finds_the_figures_as_written(corpus):
    index = build_index(corpus)
    assert any(h.article == "paylan-2023" for h in index.search("1,960"))
    assert any(h.article == "dupuy-2022" for h in index.search('"1 900"'))
    assert any(h.article == "tadevosian-2023" for h in index.search("latchine"))
    assert any(h.article == "armenia-isolation-2023" for h in index.search("turkiye"))
