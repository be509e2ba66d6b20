"""General page rules the held-out evaluation set (benchmarks/eval_import_heldout/) showed
missing: each test is a layout of its own, written here, not a copy of an evaluation case."""

from __future__ import annotations

import pytest

from briefing.importer import import_text
from briefing.importer.names import looks_like_name
from briefing.importer.pipeline import import_bytes


def imp(text: str, name: str = "paste.txt"):
    r = import_text(text, name)
    assert not [w for w in r.report.warnings if "importer bug" in w]
    return r


def dropped(r, what: str) -> str:
    return "\n".join(d.text for d in r.report.dropped if d.what == what)


PODCAST = """\
Shows
Schedule
Donate

Episode 88
Why the night sky is getting brighter
Hosted by Priya Raman
March 3, 2024
Download MP3
Subscribe: Apple Podcasts | Pocket Casts | RSS
38 min

Transcript
This transcript was produced by a machine and may contain errors.
[INTRO MUSIC]
PRIYA RAMAN: Astronomers say the sky over Europe brightened by about ten percent a year over the last decade, mostly because of white LED street lights.
OLIVER HAYES: And that is a number from citizen scientists, people counting stars from their back gardens, not from satellites, which miss blue light.
(SOUND OF CRICKETS)
PRIYA RAMAN: Oliver Hayes, thanks for joining us.
Support the show
"""


def test_podcast_page_furniture_goes_and_the_host_is_the_author():
    r = imp(PODCAST)
    assert r.meta.title == "Why the night sky is getting brighter"
    assert r.meta.authors == ["Priya Raman"] and r.meta.published == "2024-03-03"
    for furniture in ("Download MP3", "Pocket Casts", "38 min", "[INTRO MUSIC]", "Support the show",
                      "(SOUND OF CRICKETS)", "produced by a machine"):
        assert furniture not in r.body
        assert furniture in r.report.dropped_text()
    assert "PRIYA RAMAN: Astronomers say" in r.body
    assert "OLIVER HAYES: And that is a number" in r.body


NEWSLETTER_PASTE = """\
Field Notes Weekly
Subscribe
Sign in

Discover more from Field Notes Weekly
Ecology, one paper at a time.
Over 3,200 subscribers
Subscribe
Continue reading
Sign in

Hedgehogs are learning to cross roads, or at least surviving them

A tagging study in Denmark followed 120 animals for two summers

Mads Kjeldsen
Jun 14, 2024
∙ Paid

Researchers fitted small radio tags to hedgehogs in three towns and found that adults that had survived one summer crossed roads at quieter times in the next.

Thanks for reading Field Notes Weekly! Subscribe for free to receive new posts and support my work.

The effect was small, and the authors warn that it may reflect which animals survive rather than what they learn.

Write a comment...
"""


def test_a_pasted_newsletter_post_finds_its_title_byline_and_drops_its_prompts():
    r = imp(NEWSLETTER_PASTE)
    m = r.meta
    assert m.title == "Hedgehogs are learning to cross roads, or at least surviving them"
    assert m.authors == ["Mads Kjeldsen"] and m.published == "2024-06-14"
    assert m.outlet == "Field Notes Weekly"
    for furniture in ("Discover more", "3,200 subscribers", "Thanks for reading", "∙ Paid",
                      "Write a comment"):
        assert furniture not in r.body
    # the standfirst stays a block of its own, not glued to the first paragraph
    texts = [b.flat.lstrip("# ") for b in r.blocks if b.kind in ("para", "heading")]
    assert texts[0] == "A tagging study in Denmark followed 120 animals for two summers"
    assert texts[1].startswith("Researchers fitted small radio tags")
    # a short paragraph after the subscribe prompt is the article going on, not the prompt's
    assert "The effect was small, and the authors warn" in r.body


FRENCH_PASTE = """\
Planète
Article réservé aux abonnés

À Marseille, les calanques ferment leurs sentiers pendant les canicules

Par Julien Moreau
Publié le 2 juillet 2024 à 07h15, modifié le 2 juillet 2024 à 09h40
Temps de Lecture 2 min.
Offrir l’article
Lire plus tard
Partager

Le parc national a décidé de fermer l’accès à trois calanques les jours de risque d’incendie très élevé, une mesure déjà appliquée l’été dernier.

Des agents contrôleront les accès dès six heures du matin. « Nous préférons prévenir que guérir », explique la directrice du parc.

Lire aussi | Incendies : la saison commence plus tôt chaque année
Un sentier fermé près de Cassis, le 1er juillet 2024. NICOLAS TUCAT / AFP

Il vous reste 70% de cet article à lire. La suite est réservée aux abonnés.
Déjà abonné ? Se connecter
Abonnez-vous pour lire la suite
Découvrir les offres

© Le Journal du Sud 2024
"""


def test_a_french_page_its_controls_paywall_caption_date_and_outlet():
    r = imp(FRENCH_PASTE)
    m = r.meta
    assert m.title == "À Marseille, les calanques ferment leurs sentiers pendant les canicules"
    assert m.authors == ["Julien Moreau"]
    assert m.published == "2024-07-02"  # the field has the update time after it
    assert m.outlet == "Le Journal du Sud"  # "© holder year"
    for furniture in ("réservé aux abonnés", "Temps de Lecture", "Offrir", "Lire plus tard",
                      "Partager", "Il vous reste", "Abonnez-vous", "TUCAT / AFP",
                      "Découvrir les offres", "Lire aussi"):
        assert furniture not in r.body
    assert "explique la directrice du parc." in r.body


CREDITS = """\
Ferry fares to rise by 8% in April

Reuters
A ferry leaves the harbour at dawn

The operator said fuel and staff costs had risen faster than expected over the winter and that the increase was the smallest it could make.

AFP
The union said it would ballot its members on strike action after the announcement of the new fares for islanders.
"""


def test_an_agency_credit_takes_the_caption_under_it_but_never_a_paragraph():
    r = imp(CREDITS)
    assert "A ferry leaves the harbour at dawn" not in r.body
    assert "A ferry leaves the harbour at dawn" in dropped(r, "image caption")
    assert "Reuters" in dropped(r, "image credit") and "AFP" in dropped(r, "image credit")
    # a sentence under a credit line is the article's, not a caption
    assert "The union said it would ballot its members" in r.body


RELEASE = """\
Newsroom
Press releases

FOR IMMEDIATE RELEASE

Harbour city opens Europe's largest heat pump for district heating

The 70-megawatt plant will heat about 40,000 homes with warmth drawn from seawater

AARHUS, Denmark, 9 January 2025 — The city's utility today switched on a seawater heat pump that will supply a fifth of the district heating network, replacing a coal-fired boiler that closed last year.

The plant cost 1.1 billion kroner and is expected to cut the network's carbon emissions by 165,000 tonnes a year.

###

About the utility
The utility supplies heat and water to 350,000 people in the region.

Media contact:
Press office
press@example.org
"""


def test_a_press_release_label_dateline_and_end_matter():
    r = imp(RELEASE)
    m = r.meta
    assert m.title == "Harbour city opens Europe's largest heat pump for district heating"
    assert m.authors == []  # "FOR IMMEDIATE RELEASE" is no name
    assert m.published == "2025-01-09"
    assert m.provenance["published"][0] == "stated" and "dateline" in m.provenance["published"][1]
    assert r.body.count("AARHUS, Denmark, 9 January 2025") == 1  # the dateline stays in the text
    for furniture in ("Newsroom", "FOR IMMEDIATE RELEASE", "###", "About the utility",
                      "press@example.org"):
        assert furniture not in r.body
    assert "press@example.org" in dropped(r, "release end matter")


def test_no_dateline_no_date():
    r = imp(RELEASE.replace("AARHUS, Denmark, 9 January 2025 — The", "The"))
    assert r.meta.published is None


EXPLAINER = """\
What happens when a volcano's ash reaches a jet engine?

2 hours ago
Share
Save
Tom Haller
Science correspondent

Volcanic ash is made of tiny fragments of rock and glass, and at the temperatures inside a running jet engine it can melt and coat the turbine blades.

Related
Airlines cancel flights as ash cloud spreads
Published 3 May

How do airlines decide whether to fly?
Regulators publish charts of ash concentration every six hours, and airlines may fly through low concentrations if their engine makers agree.
"""


def test_a_name_and_role_byline_survives_the_menu_rule_and_headings_survive_link_lists():
    r = imp(EXPLAINER)
    assert r.meta.authors == ["Tom Haller"]
    assert "Science correspondent" not in r.body  # the role goes with the name
    assert "2 hours ago" not in r.body
    # the heading right above its paragraph is the article's, not another related link
    assert "How do airlines decide whether to fly?" in r.body
    assert "Airlines cancel flights" not in r.body


def test_a_role_after_a_byline_dash_is_not_a_second_author():
    r = imp("A new bridge for the old town\n\nBy Maeve Quinn — Transport Correspondent\n\n"
            "The council approved a footbridge over the river on Tuesday, ending a decade of "
            "arguments about where it should go and who should pay for it.\n")
    assert r.meta.authors == ["Maeve Quinn"]


@pytest.mark.parametrize("text, name", [("For Immediate Release", False),
                                        ("Back To The Top", False), ("Anna de Vries", True),
                                        ("Jean-Paul Sartre", True)])
def test_capitalised_phrases_with_function_words_are_not_names(text, name):
    assert looks_like_name(text) is name


def test_a_title_page_with_two_authors_joined_by_and():
    r = imp("Who pays for flood defences?\nMira Osei and Lukas Brenner\nOctober 2024\n\n"
            "Spending on flood defences has doubled in real terms since 2010, but the number of "
            "homes at risk has grown faster, because building on flood plains has continued.\n")
    assert r.meta.title == "Who pays for flood defences?"
    assert r.meta.authors == ["Mira Osei", "Lukas Brenner"]
    assert r.meta.published == "2024-10"


BLOG = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Mending a dry stone wall</title>
</head><body><header><a href="/">Hill Farm Diary</a></header><main><article>
<h1>Mending a dry stone wall</h1>
<div class="meta"><span class="screen-reader-text">Post author</span>By <a href="/author/gwen/">Gwen Ellis</a>
<time datetime="2024-03-02">March 2, 2024</time></div>
<p>The storm in February brought down about six metres of the wall along the top field, and it took two of us three weekends to put it back.</p>
<p>The trick, an old waller told us years ago, is to handle every stone once: pick it up, find its place, and never set it down anywhere else.</p>
<p>We used the fallen stones and only a barrow load of new ones from the quarry at the end of the lane.</p>
</article></main>
<div class="comments"><b class="fn"><a href="https://example.org" class="url">Sam Price</a></b><p>Lovely work.</p></div>
</body></html>"""


def test_a_page_without_author_metadata_takes_the_author_from_the_author_page_link():
    r = import_bytes(BLOG.encode(), "wall.html")
    assert r.meta.authors == ["Gwen Ellis"]
    assert "author's page" in r.meta.provenance["authors"][1]


def test_the_sites_home_link_names_the_outlet():
    r = imp("Skip to main content\nSign in\nThe Northern Echo Post - Back to home\nNews\nSport\n"
            "Culture\n\nGulls nest on city roofs in record numbers\n\nBy Ada Nwosu\n\n"
            "Herring gulls nested on more roofs in the city centre this spring than in any year "
            "since counts began, according to the county's bird club.\n")
    assert r.meta.outlet == "The Northern Echo Post"
    assert r.meta.title == "Gulls nest on city roofs in record numbers"


def make_pdf(pages: list[list[str]], header: str) -> bytes:
    fpdf = pytest.importorskip("fpdf")
    pdf = fpdf.FPDF(format="A4")
    pdf.set_auto_page_break(False)
    for number, lines in enumerate(pages, 1):
        pdf.add_page()
        pdf.set_font("Helvetica", size=9)
        pdf.set_xy(20, 10)
        pdf.cell(0, 6, header)
        pdf.set_font("Helvetica", size=11)
        pdf.set_xy(20, 25)
        for line in lines:
            pdf.set_x(20)
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        pdf.set_xy(100, 280)
        pdf.cell(0, 6, str(number))
    return bytes(pdf.output())


PAGES = [["Soil health on upland farms", "Rhys Pugh", "", "Grazing levels on upland farms",
          "fell by a quarter between 2015 and 2023, and soil carbon in the sampled fields rose."],
         ["The rise was largest where sheep were moved between fields every few days."]]


@pytest.mark.parametrize("header, outlet", [
    ("Centre for Rural Policy | Briefing 14", "Centre for Rural Policy"),
    ("Upland Research Note · Vol. 2", None),  # no organisation named: no outlet invented
])
def test_a_pdf_running_header_names_the_publisher_only_when_it_is_an_organisation(header, outlet):
    r = import_bytes(make_pdf(PAGES, header), "soil.pdf")
    assert r.meta.outlet == outlet


def test_a_subheading_above_the_first_paragraph_does_not_displace_the_title():
    r = imp("Why small towns are losing their bank branches\n\nThe background\n\n"
            "Banks closed more than 5,000 branches in the last decade, most of them in towns "
            "with fewer than 20,000 people, as customers moved to banking apps.\n")
    assert r.meta.title == "Why small towns are losing their bank branches"
    assert "The background" in r.body
