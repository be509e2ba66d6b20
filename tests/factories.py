"""Build small, synthetic Corpus objects from compact dicts, for tests of anything downstream.

    corpus = build_corpus({
        "events": {"war": {"title": "The war", "date": "2020-09-27"}},
        "articles": {
            "a": ["First paragraph.", "Second paragraph, with 1,960 peacekeepers."],
            "b": {"title": "B", "sections": [["Lead."], ("Heading", ["Text with 1 900 men."])]},
        },
        "claims": [
            {"article": "a", "quote": "1,960 peacekeepers", "events": ["war"],
             "figures": [("peacekeepers", "1,960")]},          # value parsed from the text
            {"article": "b", "quote": "1 900 men", "events": ["war"],
             "figures": [{"quantity": "peacekeepers", "value": 1900, "unit": "troops"}],
             "dates": [("2020-11-10", "war-end")]},
        ],
    })

``make_corpus()`` is the reader's corpus, written out in full (three sources in three
scripts, events, every claim kind; ``hostile=True`` adds markup-looking strings, escape
sequences, bidi overrides and a 1 MB paragraph).  ``bundled_corpus()`` is the bundled briefing,
loaded once per test session.

Claims are anchored like the loader does (the quote is found in the article's paragraphs with
briefing.text.find_all) so offsets are real; a quote that is not found raises ValueError, which
keeps tests honest.  Claim ids default to ``<article>-NN`` in the order given.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from briefing.model import (
    Article, Claim, Corpus, DateRef, Event, Figure, Footnote, Paragraph, Provenance, Section,
    Span,
)
from briefing.text import clean, find_all


def _article(aid: str, spec: Any) -> Article:
    if isinstance(spec, (list, tuple)):
        spec = {"paragraphs": list(spec)}
    sections_spec = spec.get("sections")
    if sections_spec is None:
        sections_spec = [spec.get("paragraphs", [])]
    article = Article(
        id=aid,
        title=spec.get("title", aid.replace("-", " ").title()),
        authors=list(spec.get("authors", [])),
        outlet=spec.get("outlet"),
        published=spec.get("published"),
        language=spec.get("language", "en"),
        genre=spec.get("genre"),
        translator=spec.get("translator"),
        url=spec.get("url"),
        provenance={name: Provenance(basis, note)
                    for name, (basis, note) in spec.get("provenance", {}).items()},
    )
    # The first section is the untitled lead (index 0) unless given as (title, paragraphs).
    index = 0
    for n, sec in enumerate(sections_spec):
        if isinstance(sec, tuple):
            title, paras = sec
            index = max(index, 1) if n == 0 else index + 1
        else:
            title, paras = None, sec
            index = 0 if n == 0 else index + 1
        section = Section(id=f"{aid}/{index}", article_id=aid, index=index, title=title)
        for p, text in enumerate(paras, start=1):
            section.paragraphs.append(Paragraph(
                id=f"{aid}/{index}/{p}", article_id=aid, section_index=index, index=p, text=text,
            ))
        article.sections.append(section)
    return article


def _figure(spec: Any) -> Figure:
    if isinstance(spec, Figure):
        return spec
    if isinstance(spec, (tuple, list)):
        quantity, value, *rest = spec
        spec = {"quantity": quantity, "value": value}
        if rest:
            spec["unit"] = rest[0]
    spec = dict(spec)
    value = spec["value"]
    if isinstance(value, str):  # written form: parse it the way the analysis does
        from briefing.analysis.numbers import parse_number

        number = parse_number(value)
        if number is None:
            raise ValueError(f"cannot parse figure {value!r}")
        spec.setdefault("text", value)
        spec.setdefault("approx", number.approx)
        spec.setdefault("unit", number.unit)
        value = number.value
    return Figure(
        quantity=spec["quantity"], value=float(value), unit=spec.get("unit"),
        text=spec.get("text"), approx=bool(spec.get("approx", False)),
    )


def _date(spec: Any) -> DateRef:
    if isinstance(spec, DateRef):
        return spec
    if isinstance(spec, str):
        return DateRef(value=spec)
    if isinstance(spec, (tuple, list)):
        return DateRef(value=spec[0], what=spec[1] if len(spec) > 1 else None)
    return DateRef(value=str(spec["value"]), what=spec.get("what"), text=spec.get("text"))


def _anchor(article: Article, quote: str, occurrence: int = 1) -> tuple[str, int, int]:
    hits = [(p.id, s, e) for p in article.paragraphs() for s, e in find_all(p.text, quote)]
    if len(hits) < occurrence:
        raise ValueError(f"quote not found in {article.id}: {quote!r}")
    return hits[occurrence - 1]


def build_corpus(spec: dict[str, Any]) -> Corpus:
    corpus = Corpus(
        title=spec.get("title", "Synthetic briefing"),
        description=spec.get("description", ""),
        questions=list(spec.get("questions", [])),
    )
    events = spec.get("events", {})
    if isinstance(events, list):
        events = {e["id"]: e for e in events}
    for eid, e in events.items():
        if isinstance(e, str):
            e = {"title": e}
        corpus.events[eid] = Event(
            id=eid, title=e.get("title", eid), date=e.get("date"), end=e.get("end"),
            summary=e.get("summary", ""), actors=list(e.get("actors", [])),
        )
    for aid, a in spec.get("articles", {}).items():
        corpus.articles[aid] = _article(aid, a)
    counters: dict[str, int] = {}
    for c in spec.get("claims", []):
        aid = c["article"]
        counters[aid] = counters.get(aid, 0) + 1
        cid = c.get("id", f"{aid}-{counters[aid]:02d}")
        pid, start, end = _anchor(corpus.articles[aid], c["quote"], c.get("occurrence", 1))
        corpus.claims[cid] = Claim(
            id=cid, article_id=aid, quote=c["quote"], events=list(c.get("events", [])),
            kind=c.get("kind", "figure" if c.get("figures") else "fact"),
            speaker=c.get("speaker", "author"), actors=list(c.get("actors", [])),
            figures=[_figure(f) for f in c.get("figures", [])],
            dates=[_date(d) for d in c.get("dates", [])],
            frame=c.get("frame"), paragraph_id=pid, start=start, end=end,
        )
    corpus.reindex()
    return corpus


@lru_cache(maxsize=1)
def bundled_corpus() -> Corpus:
    """The bundled briefing (content/), loaded once per test session."""
    from briefing.loader import load_corpus
    from briefing.paths import bundled_content

    corpus, problems = load_corpus(bundled_content())
    assert not problems, problems
    return corpus


# ---------------------------------------------------------------- the reader's corpus

ARMENIAN = "Հայաստանը և Ռուսաստանը դաշնակիցներ են։"
CYRILLIC = "Россия направила миротворцев в Нагорный Карабах."
AZERBAIJANI = "Azərbaycan və Ermənistan arasında sülh danışıqları davam edir."
HOSTILE_RAW = (
    "Markup [/claim] and [@click=app.quit]quit[/] and [b]bold[/b] "
    "ESC \x1b[2J clear, OSC 52 \x1b]52;c;aGVsbG8=\x07 clipboard, "
    "bidi \u202eevil\u202c text, C1 \x9b31m."
)


def _reader_article(aid: str, title: str, authors: list[str], outlet: str | None, published: str | None,
             sections: list[tuple[str | None, list[str]]], footnotes: list[Footnote] | None = None,
             ) -> Article:
    art = Article(id=aid, title=title, authors=authors, outlet=outlet, published=published,
                  genre="analysis", footnotes=footnotes or [])
    for s_index, (heading, paras) in enumerate(sections):
        sec = Section(id=f"{aid}/{s_index}", article_id=aid, index=s_index, title=heading)
        for p_index, text in enumerate(paras, 1):
            sec.paragraphs.append(Paragraph(
                id=f"{aid}/{s_index}/{p_index}", article_id=aid, section_index=s_index,
                index=p_index, text=clean(text)))
        art.sections.append(sec)
    return art


def _reader_anchor(corpus: Corpus, claim: Claim) -> Claim:
    for para in corpus.articles[claim.article_id].paragraphs():
        found = find_all(para.text, claim.quote)
        if found:
            claim.paragraph_id = para.id
            claim.start, claim.end = found[0]
            return claim
    raise AssertionError(f"quote not found: {claim.quote!r}")


def make_corpus(hostile: bool = False, big_paragraph: bool = False) -> Corpus:
    corpus = Corpus(title="Test briefing: Armenia and the CSTO",
                    description="A small briefing for tests.")
    a1 = _reader_article(
        "alpha-2023", "Alpha on the alliance crisis", ["Ann Alpha"], "Alpha Review", "2023-02",
        [
            (None, ["Armenia and Russia were allies for three decades. The crisis began in 2020."]),
            ("The war", [
                "In 2020 the war lasted 44 days. Russia deployed 1,960 peacekeepers to the region.",
                "The CSTO did not respond to Armenia's request in 2022.",
            ]),
            ("Outlook", ["Armenia will likely leave the CSTO within two years."]),
        ],
        footnotes=[Footnote("1", "Alpha's own count.")],
    )
    a1.sections[1].paragraphs[0].footnote_refs = ((len(a1.sections[1].paragraphs[0].text), "1"),)
    a1.sections[1].paragraphs[0].spans = (Span(0, 7, "em"),)
    a2 = _reader_article(
        "beta-2022", "Beta: peacekeepers and promises", ["Bob Beta", "Bea Beta"], None, "2022-11-05",
        [
            ("Background", ["Moscow sent 2,500 peacekeepers after the ceasefire of November 2020.",
                            "The CSTO was founded in 2002 as a military alliance."]),
            ("Analysis", ["The alliance failed its member when it mattered most."]),
        ],
    )
    a3_paras = [CYRILLIC, AZERBAIJANI, ARMENIAN]
    if hostile:
        a3_paras.insert(0, HOSTILE_RAW)
    if big_paragraph:
        a3_paras.append(("word " * 200_000).strip() + " needle at the very end.")
    a3 = _reader_article(
        "gamma-2021", "Gamma [@click=app.quit]: voices [/claim]" if hostile else "Gamma: voices",
        ["Гамма Г."], "Outlet \u202eevil", None,
        [(None, ["Lead paragraph of gamma."]), ("Voices", a3_paras)],
    )
    for art in (a1, a2, a3):
        corpus.articles[art.id] = art
    corpus.events = {
        "second-karabakh-war": Event("second-karabakh-war", "Second Karabakh War", "2020-09-27",
                                     "2020-11-10", "Six-week war."),
        "nov-2020-ceasefire": Event("nov-2020-ceasefire", "November 2020 ceasefire", "2020-11-09"),
        "csto-2022-request": Event("csto-2022-request", "Armenia's 2022 request to the CSTO", "2022-09"),
        "csto-founded": Event("csto-founded", "CSTO founded", "2002"),
    }
    claims = [
        Claim("alpha-2023-01", "alpha-2023", "The crisis began in 2020.", ["second-karabakh-war"],
              "assessment", "author"),
        Claim("alpha-2023-02", "alpha-2023", "the war lasted 44 days", ["second-karabakh-war"],
              "figure", "author", figures=[Figure("war-duration", 44, "days")]),
        Claim("alpha-2023-03", "alpha-2023", "Russia deployed 1,960 peacekeepers",
              ["nov-2020-ceasefire"], "figure", "author",
              figures=[Figure("russian-peacekeepers-nk", 1960, "troops", "1,960")]),
        Claim("alpha-2023-04", "alpha-2023", "The CSTO did not respond to Armenia's request",
              ["csto-2022-request"], "fact", "author"),
        Claim("alpha-2023-05", "alpha-2023", "Armenia will likely leave the CSTO within two years.",
              ["csto-2022-request"], "prediction", "author"),
        Claim("beta-2022-01", "beta-2022", "Moscow sent 2,500 peacekeepers", ["nov-2020-ceasefire"],
              "figure", "author", figures=[Figure("russian-peacekeepers-nk", 2500, "troops", "2,500")]),
        Claim("beta-2022-02", "beta-2022", "The CSTO was founded in 2002", ["csto-founded"], "fact",
              "author", dates=[DateRef("2002", "csto-founded")]),
        Claim("beta-2022-03", "beta-2022", "The alliance failed its member", ["csto-2022-request"],
              "assessment", "author"),
        Claim("gamma-2021-01", "gamma-2021", CYRILLIC, ["nov-2020-ceasefire"], "quote", "Лавров"),
        Claim("gamma-2021-02", "gamma-2021", AZERBAIJANI, ["second-karabakh-war"], "fact", "author"),
    ]
    if hostile:
        claims.append(Claim("gamma-2021-03", "gamma-2021", "Markup [/claim] and [@click=app.quit]quit[/]",
                            ["second-karabakh-war"], "quote", "[@click=app.quit]Speaker"))
    if big_paragraph:
        claims.append(Claim("gamma-2021-04", "gamma-2021", "needle at the very end",
                            ["second-karabakh-war"], "fact", "author"))
    for claim in claims:
        corpus.claims[claim.id] = _reader_anchor(corpus, claim)
    corpus.reindex()
    return corpus
