"""Mark paragraphs (or runs of sentences) written in another language than the article.

A paragraph wholly in French inside an English article gets ``{: lang="fr"}``.  A paragraph
that switches language at a sentence boundary ("... Nagorno-Karabakh. Les autres acteurs ...")
is split there so that the French sentences can be marked; the split is noted in the report.
Headings cannot carry a mark in the content format, so a foreign heading is only reported.
"""

from __future__ import annotations

import re

from briefing.importer.blocks import Block
from briefing.importer.language import detect, scores, words
from briefing.importer.report import ImportReport

SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’»)]*\s+(?=[\"“«(]?[A-ZÀ-ÝА-ЯЁ])")
MIN_WORDS = 8  # shorter passages are not worth a mark (names, a word like "Non.")


FOREIGN_HITS = 3  # the fewest stop words by which detect() names a language


def document_language(blocks: list[Block]) -> str:
    text = " ".join(b.flat for b in blocks if b.kind == "para")[:50_000]  # a sample is enough
    return detect(text, min_hits=5) or "en"


def _sentences(text: str) -> list[str]:
    parts, start = [], 0
    for m in SENTENCE_END.finditer(text):
        parts.append(text[start:m.start()] + text[m.start():m.end()].rstrip())
        start = m.end()
    parts.append(text[start:])
    return [p for p in parts if p]


def _split(block: Block, doc_lang: str) -> list[Block] | None:
    """Split a paragraph where it switches language; None when it does not."""
    sentences = _sentences(block.flat)
    if len(sentences) < 2:
        return None
    langs = [detect(s) if len(words(s)) >= 4 else None for s in sentences]
    # Group consecutive sentences by language; an undecided sentence joins its predecessor.
    groups: list[tuple[str | None, list[str]]] = []
    for s, lang in zip(sentences, langs):
        lang = lang or (groups[-1][0] if groups else None)
        if groups and groups[-1][0] == lang:
            groups[-1][1].append(s)
        else:
            groups.append((lang, [s]))
    if len(groups) < 2:
        return None
    foreign = [g for g in groups if g[0] not in (None, doc_lang)
               and len(words(" ".join(g[1]))) >= MIN_WORDS]
    if not foreign:
        return None
    # Merge back groups that are too short to stand alone into their neighbours.
    out: list[Block] = []
    for lang, ss in groups:
        text = " ".join(ss)
        lang = lang if lang not in (None, doc_lang) and len(words(text)) >= MIN_WORDS else None
        if out and out[-1].lang == lang:
            out[-1].lines = [out[-1].flat + " " + text]
        else:
            out.append(Block([text], block.line, lang=lang))
    return out if len(out) > 1 else None


def _mixed_sentence(text: str, doc_lang: str) -> str | None:
    """The other language of a sentence that is half in it, half in the article's language."""
    for sentence in _sentences(text):
        hits = scores(sentence)
        for lang, n in hits.items():
            if lang != doc_lang and n >= 4 and n >= hits.get(doc_lang, 0):
                return lang
    return None


def mark_passages(blocks: list[Block], doc_lang: str, report: ImportReport) -> list[Block]:
    out: list[Block] = []
    for block in blocks:
        if block.kind == "heading":
            lang = detect(block.flat, min_hits=3)
            if lang and lang != doc_lang:
                report.warn(f"line {block.line}: heading looks {lang}; headings cannot be marked "
                            f"with a language in the content format")
            out.append(block)
            continue
        if block.kind != "para":
            out.append(block)
            continue
        hits = scores(block.flat)
        lang = detect(block.flat, hits=hits)
        if lang and lang != doc_lang and len(words(block.flat)) >= MIN_WORDS // 2:
            block.lang = lang
            report.note(f"line {block.line}: paragraph marked lang={lang}")
            out.append(block)
            continue
        # a passage or a sentence in another language needs that language's words (or another
        # script) in the paragraph: without them the sentence-by-sentence looks are skipped
        foreign = not block.flat.isascii() or any(
            n >= FOREIGN_HITS for other, n in hits.items() if other != doc_lang)
        parts = _split(block, doc_lang) if foreign else None
        if parts:
            report.note(f"line {block.line}: paragraph split where it switches language ("
                        + ", ".join(p.lang or doc_lang for p in parts) + ")")
            out.extend(parts)
        else:
            mixed = _mixed_sentence(block.flat, doc_lang) if foreign else None
            if mixed:
                report.warn(f"line {block.line}: a sentence mixes {mixed} and {doc_lang} "
                            "(a translation left half done?); it cannot be marked")
            out.append(block)
    return out
