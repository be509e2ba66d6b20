"""`briefing suggest`: spans, kinds, speakers, figure keys, names, events, files, CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from briefing.cli import main
from briefing.loader import load_corpus
from briefing.suggest import kinds, spans
from briefing.suggest.names import NameIndex, fold_name
from briefing.suggest.pipeline import suggest, write

ORIOLE = """\
---
id: oriole
title: Troops arrive in Vesna
authors: [Ann Writer]
outlet: null
published: 2021-03
language: en
genre: news
---

On 14 March 2021, Valdorian troops entered the border town of Vesna. Minister Petra Kovalenko said that the deployment was temporary. The Northern Defence Pact (NDP) was founded in 1997.

Some 1,200 Valdorian peacekeepers are stationed in Vesna. The mission will probably last two years; however, critics fear a permanent presence.

"We will not leave our people without protection," said General Oskar Brandt at the ceremony in Vesna. Brussels should demand the withdrawal of the troops.
"""

KESTREL = """\
---
id: kestrel
title: A region under occupation
authors: [Bo Critic]
outlet: null
published: 2021-04
language: en
genre: analysis
---

The Valdorian troops in Vesna (1 250 men and 40 vehicles) arrived in March 2021 and show no sign of leaving. Minister Kowalenko insists the deployment in Vesna is temporary.

The NDP, established in 1999, has never condemned the deployment in Vesna.
"""

EVENTS = """\
- id: vesna-deployment
  title: Valdorian deployment in Vesna
  date: 2021-03-14
  summary: Valdorian troops enter Vesna.
  actors: [Valdoria]
"""

CURATED = """\
- id: kestrel-01
  quote: "The NDP, established in 1999, has never condemned the deployment in Vesna."
  events: [vesna-deployment]
  kind: assessment
  speaker: author
"""


def make_briefing(root: Path, curated: bool = False) -> Path:
    (root / "articles").mkdir(parents=True)
    (root / "briefing.yaml").write_text("title: Vesna\n", encoding="utf-8")
    (root / "articles" / "oriole.md").write_text(ORIOLE, encoding="utf-8")
    (root / "articles" / "kestrel.md").write_text(KESTREL, encoding="utf-8")
    (root / "events.yaml").write_text(EVENTS if curated else "[]\n", encoding="utf-8")
    if curated:
        (root / "claims").mkdir()
        (root / "claims" / "kestrel.yaml").write_text(CURATED, encoding="utf-8")
    return root


def run(root: Path):
    corpus, problems = load_corpus(root)
    assert problems == []
    result = suggest(corpus, root)
    write(result)
    loaded, problems = load_corpus(root)
    assert problems == [], problems
    return result, loaded


def suggested(corpus):
    return [c for c in corpus.claims.values() if c.status == "suggested"]


def claim_with(corpus, words: str):
    found = [c for c in suggested(corpus) if words in c.quote]
    assert found, f"no suggested claim quotes {words!r}: {[c.quote for c in suggested(corpus)]}"
    return found[0]


# --- spans ------------------------------------------------------------------------------------


def test_short_sentence_is_one_span_without_linking_word():
    text = "However, the council rejected the plan on Monday."
    (piece,) = spans.clauses(text, 0, len(text))
    assert text[piece.start:piece.end] == "the council rejected the plan on Monday."


def test_long_sentence_is_cut_into_clauses():
    text = ("The government announced a new budget for the northern provinces after weeks of "
            "protests in the capital; the opposition called the measures too little and too late "
            "for the farmers who lost their harvests.")
    pieces = [text[p.start:p.end] for p in spans.clauses(text, 0, len(text))]
    assert pieces == [
        "The government announced a new budget for the northern provinces after weeks of "
        "protests in the capital",
        "the opposition called the measures too little and too late for the farmers who lost "
        "their harvests.",
    ]


# --- kinds ------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("The council should lift the sanctions", "recommendation"),
    ("The mission will end next spring", "prediction"),
    ("Analysts expect exports to recover by the summer", "prediction"),
    ("The reform is a fragile and symbolic success", "assessment"),
    ("The army crossed the river in May 2020", "fact"),
])
def test_kind_from_cues(text, expected):
    kind, confidence = kinds.classify(text, quoted=False, has_figure=False,
                                      has_date="2020" in text, has_actor=True)
    assert kind == expected
    assert 0 < confidence <= 1


def test_kind_quote_and_figure_win():
    assert kinds.classify("we will stay", quoted=True, has_figure=False, has_date=False,
                          has_actor=False)[0] == "quote"
    assert kinds.classify("3,000 troops left", quoted=False, has_figure=True, has_date=False,
                          has_actor=False)[0] == "figure"


# --- names ------------------------------------------------------------------------------------


@pytest.mark.parametrize("a, b", [("Pashinyan", "Pachinian"), ("Lachin", "Latchine"),
                                  ("Karabakh", "Karabagh"), ("al-Sisi", "el-Sissi")])
def test_transliterations_fold_alike(a, b):
    index = NameIndex()
    assert index.canonical(a) == index.canonical(b) == a


def test_surname_joins_full_name_and_different_names_stay_apart():
    index = NameIndex()
    index.register(["Pachinian", "Nikol Pashinyan", "Armenia", "Albania"])
    assert index.canonical("Pachinian") == "Nikol Pashinyan"
    assert index.canonical("Albania") != index.canonical("Armenia")
    assert fold_name("Azerbaijan") != fold_name("Armenia")


# --- the pipeline on a small briefing ----------------------------------------------------------


def test_speaker_span_and_kind_of_reported_and_quoted_statements(tmp_path):
    _, corpus = run(make_briefing(tmp_path))
    reported = claim_with(corpus, "the deployment was temporary")
    assert reported.quote == "the deployment was temporary."
    assert reported.speaker == "Petra Kovalenko"
    quoted = claim_with(corpus, "We will not leave our people")
    assert quoted.quote == "We will not leave our people without protection,"
    assert quoted.kind == "quote" and quoted.speaker == "Oskar Brandt"
    assert claim_with(corpus, "Brussels should demand").kind == "recommendation"
    assert claim_with(corpus, "Valdorian troops entered").speaker == "author"


def test_spelling_variants_are_one_speaker(tmp_path):
    _, corpus = run(make_briefing(tmp_path))
    insists = claim_with(corpus, "the deployment in Vesna is temporary")
    assert insists.speaker == "Petra Kovalenko"  # "Kowalenko" is the same minister


def test_comparable_figures_share_a_key_and_disagree(tmp_path):
    from briefing.analysis.disagreements import for_corpus

    _, corpus = run(make_briefing(tmp_path))
    a = claim_with(corpus, "1,200 Valdorian peacekeepers").figures[0]
    b = claim_with(corpus, "1 250 men").figures
    assert a.value == 1200 and a.approx
    men = [f for f in b if f.value == 1250][0]
    vehicles = [f for f in b if f.value == 40][0]
    assert men.quantity == a.quantity  # peacekeepers and men of one contingent
    assert vehicles.quantity != a.quantity
    found = for_corpus(corpus)
    # "some 1,200" (approximate) and "1 250" can both be true: compared, and called compatible
    assert any(f.quantity == a.quantity for f in found.compatible)
    assert not any(f.quantity == a.quantity for f in found.disagreements)
    # founding dates of one organisation, spelled as acronym and long name, compare too
    founded = [f for f in found.disagreements if f.kind == "date"]
    assert any({str(v.value) for v in f.values} == {"1997", "1999"} for f in founded)


def test_claims_from_two_sources_share_an_event(tmp_path):
    _, corpus = run(make_briefing(tmp_path))
    entered = claim_with(corpus, "Valdorian troops entered")
    arrived = claim_with(corpus, "arrived in March 2021")
    assert entered.events and set(entered.events) & set(arrived.events)
    event = corpus.events[entered.events[0]]
    assert event.status == "suggested" and event.date.startswith("2021-03")


def test_curated_events_are_linked_first_and_curated_files_never_change(tmp_path):
    root = make_briefing(tmp_path, curated=True)
    before = {p: p.read_bytes() for p in (root / "events.yaml", root / "claims" / "kestrel.yaml")}
    _, corpus = run(root)
    for path, data in before.items():
        assert path.read_bytes() == data
    assert "vesna-deployment" in claim_with(corpus, "Valdorian troops entered").events
    # the curated claim's passage is not proposed again
    assert not [c for c in suggested(corpus) if "has never condemned" in c.quote]
    assert corpus.claims["kestrel-01"].status is None


def test_rerun_is_idempotent(tmp_path):
    root = make_briefing(tmp_path)
    run(root)
    files = {p: p.read_bytes() for p in root.rglob("*.suggested.yaml")}
    assert len(files) == 3  # two articles' claims and the events
    result = suggest(load_corpus(root)[0], root)
    assert write(result) == []
    assert {p: p.read_bytes() for p in root.rglob("*.suggested.yaml")} == files


def test_rejected_suggestion_is_kept_and_not_proposed_again(tmp_path):
    root = make_briefing(tmp_path)
    _, corpus = run(root)
    target = claim_with(corpus, "Brussels should demand")
    path = root / "claims" / "oriole.suggested.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace(f"- id: {target.id}\n  status: suggested", f"- id: {target.id}\n  status: rejected")
    path.write_text(text, encoding="utf-8")
    _, corpus = run(root)
    assert target.id not in corpus.claims
    assert not [c for c in suggested(corpus) if "Brussels should demand" in c.quote]
    again = path.read_text(encoding="utf-8")
    assert again.count(target.id) == 1 and "status: rejected" in again


def test_check_validates_suggested_files(tmp_path):
    root = make_briefing(tmp_path)
    run(root)
    path = root / "claims" / "oriole.suggested.yaml"
    text = path.read_text(encoding="utf-8")
    broken = text.replace("confidence: ", "confidence: 7", 1).replace("kind: fact", "kind: rumour", 1)
    path.write_text(broken, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", "--content", str(root)])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert any(line.startswith(f"{path}:") and "confidence" in line for line in lines)
    assert any(line.startswith(f"{path}:") and "rumour" in line for line in lines)


def test_no_suggested_hides_them_from_commands_and_loader(tmp_path):
    root = make_briefing(tmp_path, curated=True)
    run(root)
    shown = CliRunner().invoke(main, ["claims", "--content", str(root), "--json"])
    hidden = CliRunner().invoke(main, ["--no-suggested", "claims", "--content", str(root), "--json"])
    assert shown.exit_code == 0 and hidden.exit_code == 0
    assert len(json.loads(shown.output)) > 1
    assert [c["id"] for c in json.loads(hidden.output)] == ["kestrel-01"]
    curated, problems = load_corpus(root, include_suggested=False)
    assert problems == [] and list(curated.claims) == ["kestrel-01"]
    assert list(curated.events) == ["vesna-deployment"]


def test_cli_dry_run_writes_nothing_and_json_lists_suggestions(tmp_path):
    root = make_briefing(tmp_path)
    result = CliRunner().invoke(main, ["suggest", "--content", str(root), "--dry-run", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["dry_run"] is True and data["written"] == []
    assert not list(root.rglob("*.suggested.yaml"))
    assert all(c["status"] == "suggested" and 0 <= c["confidence"] <= 1 for c in data["claims"])
    assert {c["quote"] for c in data["claims"]} >= {"the deployment was temporary."}
    result = CliRunner().invoke(main, ["suggest", "--content", str(root)])
    assert result.exit_code == 0 and "wrote" in result.output
    assert len(list(root.rglob("*.suggested.yaml"))) == 3


def test_cli_warns_of_an_article_in_another_language(tmp_path):
    root = make_briefing(tmp_path)
    kestrel = root / "articles" / "kestrel.md"
    kestrel.write_text(KESTREL.replace("language: en", "language: fr-CA"), encoding="utf-8")
    result = CliRunner().invoke(main, ["suggest", "--content", str(root), "--dry-run"])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("warning:")]
    assert warnings == [f"warning: {kestrel}: written in 'fr-CA'; suggest reads English, so it "
                        "proposes few claims there, without speakers or dates"]
    data = json.loads(CliRunner().invoke(
        main, ["suggest", "--content", str(root), "--dry-run", "--json"]).stdout)
    assert len(data["warnings"]) == 1 and "'fr-CA'" in data["warnings"][0]


def test_cli_refuses_broken_curated_content(tmp_path):
    root = make_briefing(tmp_path)
    (root / "events.yaml").write_text("- id: Bad Id\n  title: x\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["suggest", "--content", str(root)])
    assert result.exit_code == 1
    assert "events.yaml:1:" in result.output and "Traceback" not in result.output


def test_suggest_never_imports_textual(tmp_path):
    import subprocess
    import sys

    root = make_briefing(tmp_path)
    code = ("import sys\nfrom click.testing import CliRunner\nfrom briefing.cli import main\n"
            f"r = CliRunner().invoke(main, ['suggest', '--content', {str(root)!r}, '--dry-run'])\n"
            "assert r.exit_code == 0, r.output\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'textual'))\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_suggestion_moved_to_curated_is_not_proposed_again(tmp_path):
    root = make_briefing(tmp_path)
    _, corpus = run(root)
    kept = claim_with(corpus, "Brussels should demand")
    (root / "claims" / "oriole.yaml").write_text(
        f'- id: {kept.id}\n  quote: "{kept.quote}"\n  events: []\n  kind: recommendation\n'
        f'  speaker: author\n', encoding="utf-8")
    # a curated claim needs an event: give it one of its own
    (root / "events.yaml").write_text("- id: withdrawal-call\n  title: Calls for withdrawal\n",
                                      encoding="utf-8")
    text = (root / "claims" / "oriole.yaml").read_text(encoding="utf-8")
    (root / "claims" / "oriole.yaml").write_text(text.replace("events: []", "events: [withdrawal-call]"),
                                                 encoding="utf-8")
    result = CliRunner().invoke(main, ["suggest", "--content", str(root)])
    assert result.exit_code == 0, result.output
    corpus, problems = load_corpus(root)
    assert problems == []
    assert corpus.claims[kept.id].status is None
    assert kept.id not in (root / "claims" / "oriole.suggested.yaml").read_text(encoding="utf-8")


# --- event features ---------------------------------------------------------------------------

STRIKE_A = """\
---
id: wire-a
title: Strike at Portmel
authors: [Desk]
outlet: null
published: 2024-03
language: en
genre: news
---

Dockworkers at Portmel began a strike on 11 March 2024 over pay and crane automation. Later, the Dockers' Union said that about 4,000 members joined the walkout at Portmel.

The summit of Nordic trade ministers in Oslo agreed on 2 May 2024 to cut tariffs on salmon and timber exports.
"""

STRIKE_B = """\
---
id: wire-b
title: Portmel walkout ends
authors: [Desk]
outlet: null
published: 2024-04
language: en
genre: news
---

The walkout at Portmel over pay and crane automation ended after three weeks, when the Dockers' Union signed a deal with the port.
"""


def _strike_briefing(root: Path) -> Path:
    (root / "articles").mkdir(parents=True)
    (root / "briefing.yaml").write_text("title: Portmel\n", encoding="utf-8")
    (root / "articles" / "wire-a.md").write_text(STRIKE_A, encoding="utf-8")
    (root / "articles" / "wire-b.md").write_text(STRIKE_B, encoding="utf-8")
    (root / "events.yaml").write_text("[]\n", encoding="utf-8")
    return root


def _proposals(root: Path):
    from briefing.suggest import claims as claims_mod
    corpus, _ = load_corpus(root)
    names = NameIndex()
    out = []
    for article in corpus.articles.values():
        common = claims_mod.common_words(article)
        out += claims_mod.propose(article, names, common, claims_mod.paragraph_names(article, common))
    return out


def test_temporal_anchoring_takes_the_date_in_force_in_the_paragraph(tmp_path):
    props = _proposals(_strike_briefing(tmp_path))
    began = next(p for p in props if "began a strike" in p.quote)
    later = next(p for p in props if "joined the walkout" in p.quote)
    assert (began.when, began.anchored) == ("2024-03-11", False)
    assert (later.when, later.anchored) == ("2024-03-11", True)  # no date of its own
    ended = next(p for p in props if "ended after three weeks" in p.quote)
    assert ended.when is None  # another paragraph: the date is not carried over


def test_trigger_classes_normalise_event_words():
    from briefing.suggest.lexicon import HAPPENINGS
    assert HAPPENINGS["walkout"] == HAPPENINGS["strike"] == HAPPENINGS["stoppage"]
    assert HAPPENINGS["truce"] == HAPPENINGS["ceasefire"]
    assert HAPPENINGS["summit"] == HAPPENINGS["talks"] == HAPPENINGS["negotiations"]
    assert HAPPENINGS["walkout"] != HAPPENINGS["summit"]


def test_clustering_joins_sources_on_one_happening_and_keeps_others_apart(tmp_path):
    from briefing.suggest.events import cluster
    props = _proposals(_strike_briefing(tmp_path))
    groups = cluster(props)
    event_of = {id(p): {i for i, g in enumerate(groups) if p in g.claims} for p in props}
    began = next(p for p in props if "began a strike" in p.quote)
    ended = next(p for p in props if "ended after three weeks" in p.quote)
    summit = next(p for p in props if "trade ministers" in p.quote)
    assert event_of[id(began)] & event_of[id(ended)]  # two sources, one strike
    assert not event_of[id(summit)] & event_of[id(began)]  # another happening


def test_a_claim_naming_two_happenings_carries_both_trigger_classes(tmp_path):
    from briefing.suggest.events import cluster
    props = _proposals(_strike_briefing(tmp_path))
    groups = cluster(props)
    ended = next(p for p in props if "ended after three weeks" in p.quote)
    assert "strike" in ended.triggers and "agreement" in ended.triggers
    began = next(p for p in props if "began a strike" in p.quote)
    assert any(ended in g.claims and began in g.claims for g in groups)


@pytest.mark.parametrize("sentence, speaker", [
    ("The government should appoint a mediator soon, the chamber of commerce said.", "chamber of commerce"),
    ("Fruit growers say they have lost 30 million euros since the strike began.", "Fruit growers"),
])
def test_speaker_named_by_a_common_noun(sentence, speaker):
    from briefing.suggest import speakers
    att = speakers.attribution(sentence, 0, len(sentence), [])
    assert att is not None and att.speaker == speaker


def test_no_speaker_for_a_plain_statement():
    from briefing.suggest import speakers
    sentence = "The port handles most of the country's container traffic, it is said."
    assert speakers.attribution(sentence, 0, len(sentence), []) is None


def test_an_acronym_names_its_long_form_in_every_source(tmp_path):
    root = tmp_path / "b"
    (root / "articles").mkdir(parents=True)
    (root / "briefing.yaml").write_text("title: Rail\n", encoding="utf-8")
    (root / "events.yaml").write_text("[]\n", encoding="utf-8")
    head = ("---\nid: {id}\ntitle: Rail fares\nauthors: [Ann Writer]\noutlet: null\n"
            "published: 2022-05\nlanguage: en\ngenre: news\n---\n\n")
    (root / "articles" / "ledger.md").write_text(
        head.format(id="ledger") + "The Regional Transit Board (RTB) raised fares by 8 percent "
        "on 2 May 2022. Commuters protested outside the station.\n", encoding="utf-8")
    (root / "articles" / "courier.md").write_text(
        head.format(id="courier") + "The RTB said on 2 May 2022 that fares rose by 8 percent "
        "to pay for new trains.\n", encoding="utf-8")
    _, corpus = run(root)
    courier = [c for c in suggested(corpus) if c.article_id == "courier"]
    assert [c.speaker for c in courier] == ["Regional Transit Board"], \
        [(c.quote, c.speaker) for c in courier]
    assert any("Regional Transit Board" in c.actors for c in courier)
