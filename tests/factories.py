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

Claims are anchored like the loader does (the quote is found in the article's paragraphs with
briefing.text.find_all) so offsets are real; a quote that is not found raises ValueError, which
keeps tests honest.  Claim ids default to ``<article>-NN`` in the order given.
"""

from __future__ import annotations

from typing import Any

from briefing.model import (
    Article, Claim, Corpus, DateRef, Event, Figure, Paragraph, Provenance, Section,
)
from briefing.text import find_all


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
