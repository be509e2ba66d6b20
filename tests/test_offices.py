"""People given different ranks or offices by different sources (briefing.analysis.offices),
and events credited to different go-betweens (briefing.analysis.attribution)."""

from __future__ import annotations

from factories import build_corpus

from briefing.analysis import attribution, offices
from briefing.analysis.names import Name, same_person, skeleton


def titles(text):
    return [(str(m.name), m.title.rank, " ".join(m.title.office), m.title.body)
            for m in offices.mentions_in(text, "a", "a/1/1")]


def test_titles_before_a_name_and_in_apposition():
    assert titles("Russian Foreign Minister Sergei Lavrov met them.") == [
        ("Sergei Lavrov", None, "foreign minister", None)]
    assert titles("It was President of the European Council Charles Michel and Azerbaijani "
                  "President Ilham Aliyev.") == [
        ("Charles Michel", None, "president", "european council"),
        ("Ilham Aliyev", None, "president", None)]
    assert titles("Russian Colonel Anatoly Sidorov, Chief of Staff of the CSTO, left.") == [
        ("Anatoly Sidorov", "colonel", "", None),
        ("Anatoly Sidorov", None, "chief-of-staff", "csto")]
    assert titles("Lavrov, Russia's foreign minister, said so.") == [
        ("Lavrov", None, "foreign minister", None)]
    assert titles("He met Prime Minister of Armenia Nikol Pashinyan.") == [
        ("Nikol Pashinyan", None, "prime minister", "armenia")]


def test_lower_case_titles_and_sentence_boundaries():
    assert titles("Yesterday Russian foreign minister Sergei Lavrov said no.") == [
        ("Sergei Lavrov", None, "foreign minister", None)]
    assert titles("A general Sudanese mood; a major Russian effort.") == []  # adjectives
    # the title does not reach back over a full stop into the previous sentence
    [(name, rank, office, body)] = titles("They met in Port Sudan. President of the African "
                                          "Union Moussa Faki spoke.")
    mention = offices.mentions_in("They met in Port Sudan. President of the African Union "
                                  "Moussa Faki spoke.", "a", "a/1/1")[0]
    assert mention.title.text == "President of the African Union" and body == "african union"


def test_past_and_acting_titles_and_lists_are_not_read_as_current_titles():
    assert titles("Former Prime Minister Abdalla Hamdok spoke.") == []
    assert titles("Acting Foreign Minister Ali al-Sadiq spoke.") == []
    # the next item of a list is not an apposition of the previous name
    listed = titles("between President I. Aliyev, Prime Minister N. Pachinian, President "
                    "Emmanuel Macron")
    assert ("I. Aliyev", None, "prime minister", None) not in listed
    assert ("N. Pachinian", None, "prime minister", None) in listed


def test_names_match_across_transliterations():
    assert skeleton("Pachinian") == skeleton("Pashinyan")
    assert same_person(Name.parse("Nikol Pashinyan"), Name.parse("N. Pachinian"))
    assert same_person(Name.parse("Sergei Lavrov"), Name.parse("Sergey Lavrov"))
    assert same_person(Name.parse("Abdel Fattah al-Burhan"),
                       Name.parse("Abdel Fattah al-Bourhane"))
    assert not same_person(Name.parse("Charles Michel"), Name.parse("George Mitchell"))
    assert not same_person(Name.parse("Anatoly Sidorov"), Name.parse("Anatoly Sidorenko"))


def test_conflicting_and_compatible_titles():
    def t(words):
        return offices.parse_title(words.split(), words)

    assert offices.conflict(t("Foreign Minister"), t("Deputy Prime Minister")) == "office"
    assert offices.conflict(t("Minister"), t("Foreign Minister")) is None
    assert offices.conflict(t("Colonel"), t("Colonel General")) == "rank"
    assert offices.conflict(t("General"), t("Chief of Staff")) is None  # rank vs post
    assert offices.conflict(t("EU Council Chairman"), t("President of the European Council")) \
        is None  # chairman and president of a body are translated into each other
    assert offices.conflict(t("President of the European Council"),
                            t("President of the Council of Europe")) == "body"
    assert offices.conflict(t("President of the European Union"), t("President of the EU")) \
        is None
    assert offices.conflict(t("UN envoy"), t("special representative")) is None


CORPUS = {
    "events": {"war": {"title": "The war", "date": "2023-04-15"},
               "truce": {"title": "Jeddah ceasefire", "date": "2023-05-20"}},
    "articles": {
        "a": ["Russian Foreign Minister Sergei Lavrov said the war would end. "
              "The Jeddah ceasefire, brokered by Saudi Arabia and the United States, failed.",
              "Former Deputy Prime Minister Sergei Lavrov is not mentioned here."],
        "b": ["Deputy Prime Minister Sergey Lavrov disagreed. A Qatar-brokered ceasefire was "
              "announced."],
        "c": ["Foreign Minister Lavrov agreed. The truce, mediated by Riyadh, held a day.",
              "Ce ministre, Premier Ministre Sergueï Lavrov, parle français."],
    },
    "claims": [
        {"article": "a", "quote": "Sergei Lavrov said the war would end", "events": ["war"]},
        {"article": "a", "quote": "The Jeddah ceasefire, brokered by Saudi Arabia",
         "events": ["truce"]},
        {"article": "b", "quote": "Sergey Lavrov disagreed", "events": ["war"]},
        {"article": "b", "quote": "A Qatar-brokered ceasefire was announced",
         "events": ["truce"]},
        {"article": "c", "quote": "Foreign Minister Lavrov agreed", "events": ["war"]},
        {"article": "c", "quote": "The truce, mediated by Riyadh", "events": ["truce"]},
    ],
}


def test_office_findings_across_sources():
    corpus = build_corpus(CORPUS)
    for para in corpus.articles["c"].paragraphs():
        if para.text.startswith("Ce ministre"):
            para.lang = "fr"  # a passage in another language is not read
    found = offices.find(corpus)
    assert [(f.person, f.kind, sorted(f.articles)) for f in found] == [
        ("Sergei Lavrov", "office", ["a", "b"])]
    [f] = found
    assert f.a.claims == ("a-01",) and f.a.sentence.startswith("Russian Foreign Minister")
    assert f.b.title.text == "Deputy Prime Minister"
    assert offices.for_event(corpus, "war") == found
    assert offices.for_event(corpus, "truce") == []


def test_go_betweens_that_differ():
    corpus = build_corpus(CORPUS)
    found = attribution.for_event(corpus, "truce")
    # a and c name Saudi Arabia (Riyadh); b names Qatar: two disagreements, a-c agree
    assert sorted(tuple(sorted(f.articles)) for f in found) == [("a", "b"), ("b", "c")]
    assert attribution.for_event(corpus, "war") == []  # a war is not something one brokers
    assert attribution.read("Washington stepped in to broker a ceasefire") == ["Washington"]
    assert attribution.normalise("French President Emmanuel Macron") == {
        "France", "person:" + skeleton("Macron")}


def test_the_quick_skip_never_drops_a_paragraph_with_a_title(monkeypatch):
    # mentions_in skips a paragraph with no head or rank word in one pass; reading every
    # paragraph in full finds nothing more, in the bundled texts and in odd spellings
    from factories import bundled_corpus

    texts = [p.text for a in bundled_corpus().articles.values() for p in a.paragraphs()]
    texts += ["9Minister Sergei Lavrov spoke.", "Minister’s aide Sergei Lavrov spoke.",
              "The Chief-of-Staff Anatoly Sidorov spoke.", "Жminister Sergei Lavrov spoke.",
              "Spea\u212aer Nancy Pelosi spoke.", "“President Ilham Aliyev” spoke.",
              "Lavrov, Russia's foreign minister, said so.", "COLONEL Anatoly Sidorov came."]
    quick = [offices.mentions_in(t, "a", "p") for t in texts]
    assert sum(map(len, quick)) > 20
    assert offices._may_hold_a_title("Spea\u212aer Nancy Pelosi spoke.")
    assert not offices._may_hold_a_title("The ceasefire held; the presidential palace was calm.")
    monkeypatch.setattr(offices, "_may_hold_a_title", lambda text: True)
    assert [offices.mentions_in(t, "a", "p") for t in texts] == quick


def _pairwise(group):
    """The definition: every pair in order, the first of each kind from two articles."""
    seen, out = set(), []
    for x, a in enumerate(group):
        for b in group[x + 1:]:
            kind = offices.conflict(a.title, b.title) if a.article != b.article else None
            if kind and kind not in seen:
                seen.add(kind)
                out.append((kind, a, b))
    return out


def test_grouping_and_conflicts_agree_with_the_pairwise_definition():
    import random

    rng = random.Random(7)
    names = ["Sergei Lavrov", "Sergey Lavrov", "Lavrov", "S. Lavrov", "Nikol Pashinyan",
             "Nikol Pachinian", "Pashinyan", "Anatoly Sidorov", "Sidorov", "Ilham Aliyev"]
    titles_ = ["Foreign Minister", "Minister", "Deputy Prime Minister", "Prime Minister",
               "Colonel", "Colonel General", "Chief of Staff of the CSTO",
               "President of the European Council", "President of the Council of Europe",
               "President"]
    found = 0
    for trial in range(20):
        mentions = []
        for n in range(rng.randint(1, 200)):
            words = rng.choice(titles_)
            mentions.append(offices.Mention(
                f"art-{rng.randrange(6)}", f"p{n}", Name.parse(rng.choice(names)),
                offices.parse_title(words.split(), words), n, n + 1, ""))
        # grouping: the first group whose every mention is the same person
        groups: list[list] = []
        for m in mentions:
            for g in groups:
                if all(same_person(m.name, o.name) for o in g):
                    g.append(m)
                    break
            else:
                groups.append([m])
        assert offices._people(mentions) == groups
        for g in groups:
            assert offices._first_conflicts(g) == _pairwise(g)
            found += len(_pairwise(g))
    assert found > 40
