"""Sections and footnotes: Markdown and plain-text headings, interview questions, notes lists.

Headings: Markdown ``#`` lines (``#`` itself is the title, so levels start at ``##``), and short
plain lines that end no sentence and are followed by a paragraph ("Azerbaijan's position").
An interview (speaker labels "Atlantic : ...?", "Emmanuel Dupuy : ...", or "Q:"/"A:") has its
questions turned into ``##`` sections; the labels are dropped (reported) when they add nothing:
the question label is replaced by the heading itself, and a single interviewee's label by
the article's metadata.  With several interviewees the labels stay, since they say who speaks.
"""

from __future__ import annotations

import re

from briefing.importer.blocks import Block
from briefing.importer.meta import Meta
from briefing.importer.names import looks_like_name
from briefing.importer.paragraphs import HEADING_MAX_WORDS, ends_sentence
from briefing.importer.report import ImportReport

MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*$")
EMPHASIS_WRAP = re.compile(r"^(\*\*|__|\*|_)(.+)\1$")
NOTES_HEAD = re.compile(
    r"^(notes?|footnotes?|endnotes?|references|sources|notes and references|références|"
    r"anmerkungen|fußnoten)\s*:?$", re.I)
NOTE_ITEM = re.compile(
    r"^(?:[-*+]\s+)?(?:\((\w{1,4})\)|\[(\w{1,4})\]|\^(\w{1,4})|(\d{1,3})[.)])\s*(.+)$")
# "1. Introduction", "2.3 Results", "IV. Conclusions": numbered section titles
NUMBERED_HEADING = re.compile(r"^(\d+(\.\d+)*\.?|[IVX]+\.)\s+[A-ZÀ-Ý]")
DEFINITION = re.compile(r"^\[\^([^\]\s]+)\]:\s*(.*)$")
CMS_SECTION = {"description", "chapô", "chapo", "résumé"}  # site field names, not sections
LABEL = re.compile(
    r"^(?:\*\*)?(Q|A|[A-ZÀ-Ý][\w.'’-]*(?:\s[A-ZÀ-Ý][\w.'’-]*){0,3})(?:\*\*)?\s?:(?:\*\*)?\s+(\S.*)$",
    re.S)
QUESTION_LABELS = {"q", "question", "interviewer"}
ANSWER_LABELS = {"a", "answer", "réponse", "r"}


def _unwrap(text: str) -> str:
    while m := EMPHASIS_WRAP.match(text.strip()):
        text = m.group(2)
    return text.strip()


def _is_question(text: str) -> bool:
    t = text.rstrip().rstrip("\"'”’»)*_ ").rstrip()
    return t.endswith("?")


def markdown_headings(blocks: list[Block], report: ImportReport) -> list[Block]:
    out: list[Block] = []
    for block in blocks:
        m = MD_HEADING.match(block.text) if block.kind == "para" and len(block.lines) == 1 else None
        if m:
            block.kind, block.level = "heading", len(m.group(1))
            block.lines = [_unwrap(m.group(2))]
        out.append(block)
    levels = [b.level for b in out if b.kind == "heading"]
    if levels:
        shift = 2 - min(levels)  # the title is '#': the top section level becomes '##'
        for b in out:
            if b.kind == "heading":
                b.level = min(3, max(2, b.level + shift))
    # A "Description" heading straight after the title is the site's field for the standfirst.
    if out and out[0].kind == "heading" and out[0].text.lower().rstrip(":") in CMS_SECTION:
        report.drop(out[0].line, "field label", "the site's name for the standfirst field, "
                    "not a section of the article", out[0].text)
        out = out[1:]
    return out


def plain_headings(blocks: list[Block], report: ImportReport) -> None:
    for i, block in enumerate(blocks[:-1]):
        nxt = blocks[i + 1]
        if block.kind != "para" or nxt.kind != "para" or len(block.lines) != 1:
            continue
        text = block.text.strip()
        words = text.split()
        if not words or len(words) > HEADING_MAX_WORDS or not (text[0].isupper() or text[0].isdigit()):
            continue
        numbered = NUMBERED_HEADING.match(text)
        if not numbered and (re.search(r"[.!?]\s", text) or text.startswith(("- ", "* ", "["))):
            continue  # more than one sentence, or a list item
        if _is_question(text) or not ends_sentence(text) and not text.endswith(","):
            block.kind, block.level = "heading", 2
            block.lines = [_unwrap(text)]
            report.note(f"line {block.line}: short line before a paragraph read as a heading")


PROSE_AROUND_BOX = (3, 2)  # paragraphs of the story's prose before and after a Q&A box
PROSE_WORDS = 12


def _box_within_article(blocks: list[Block], labelled: list[tuple[int, str, str]]) -> bool:
    """A "Your questions answered" box in a news story, not an interview: the story's own
    prose comes before the first question and goes on after the last answer, and no
    question follows (an interview labels its first exchange only, then asks on).  Its
    labels stay as they are: the rest of the story would otherwise fall under the last
    question's heading."""
    first, last = min(i for i, _, _ in labelled), max(i for i, _, _ in labelled)

    def prose(part: list[Block]) -> int:
        return sum(1 for b in part if b.kind == "para" and len(b.flat.split()) >= PROSE_WORDS
                   and not _is_question(b.text) and not LABEL.match(b.text))

    after = blocks[last + 1:]
    if any(b.kind == "para" and _is_question(b.text) for b in after):
        return False
    return prose(blocks[:first]) >= PROSE_AROUND_BOX[0] and prose(after) >= PROSE_AROUND_BOX[1]


def _labels(blocks: list[Block]) -> list[tuple[int, str, str]]:
    found = []
    for i, b in enumerate(blocks):
        if b.kind == "para" and (m := LABEL.match(b.text)):
            found.append((i, m.group(1), m.group(2)))
    return found


def interview(blocks: list[Block], meta: Meta, report: ImportReport) -> None:
    labelled = _labels(blocks)
    qa = [x for x in labelled if x[1].lower() in QUESTION_LABELS | ANSWER_LABELS]
    asking = {lab for _, lab, rest in labelled if _is_question(rest)}
    answering = {lab for _, lab, rest in labelled if not _is_question(rest)} - asking
    if len(qa) >= 2:
        asking = {lab for _, lab, _ in qa if lab.lower() in QUESTION_LABELS}
        answering = {lab for _, lab, _ in qa if lab.lower() in ANSWER_LABELS}
    elif not (asking and answering):
        return
    elif not _is_question(labelled[0][2]) or not all(looks_like_name(a) for a in answering):
        return  # "Update: ...?" then "Note: ..." is not an interview: answers come from people
    if _box_within_article(blocks, labelled):
        return
    meta.genre = "interview"
    meta.provenance["genre"] = (
        "inferred", "question/answer layout (speaker labels: "
        + ", ".join(sorted(asking)) + " asking; " + ", ".join(sorted(answering)) + " answering)")
    by_index = {i: (lab, rest) for i, lab, rest in labelled}
    strip_answers = len(answering) == 1 or all(a.lower() in ANSWER_LABELS for a in answering)
    for i, block in enumerate(blocks):
        if block.kind != "para":
            continue
        lab, rest = by_index.get(i, (None, block.text))
        if lab in asking or (lab is None and _is_question(block.text)
                             and len(block.flat.split()) <= 80):
            if lab:
                report.drop(block.line, "speaker label",
                            "the interviewer's label; the question becomes a section heading",
                            lab + " :")
            block.kind, block.level = "heading", 2
            block.lines = [_unwrap(" ".join(rest.split()))]
        elif lab in answering and strip_answers:
            report.drop(block.line, "speaker label",
                        "the only interviewee's label (the speaker is in the front matter)",
                        lab + " :")
            block.lines = [rest]
    if answering and not meta.authors and strip_answers:
        names = [a for a in answering if a.lower() not in ANSWER_LABELS]
        if names:
            meta.authors = names
            meta.provenance["authors"] = ("inferred", "the interviewee's speaker label")
    report.note("interview: questions made into sections; labels: asking "
                + ", ".join(sorted(asking)) + "; answering " + ", ".join(sorted(answering)))


def footnotes(blocks: list[Block], report: ImportReport) -> tuple[list[Block], dict[str, str]]:
    """Find a notes list (under a 'Notes' heading, or trailing '[1] ...' lines); return the
    blocks without it and the definitions {label: text}."""
    notes: dict[str, str] = {}
    out: list[Block] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        head = block.text.strip() if block.kind in ("heading", "para") else ""
        if NOTES_HEAD.match(_unwrap(head)) and i + 1 < len(blocks):
            j, found = i + 1, {}
            while j < len(blocks) and blocks[j].kind == "para":
                items = [NOTE_ITEM.match(s) for s in blocks[j].lines]
                if not all(items):
                    break
                labels = [next(g for g in m.groups()[:4] if g) for m in items]
                if len(set(labels)) < len(labels) or set(labels) & (set(found) | set(notes)):
                    break  # a label twice is not a notes list: keep it as text
                for label, m in zip(labels, items):
                    found[label] = m.group(5).strip()
                j += 1
            if found:
                report.drop(block.line, "notes heading",
                            "the notes became footnote definitions", block.text)
                notes.update(found)
                i = j
                continue
        defs = [DEFINITION.match(s) for s in block.lines] if block.kind == "para" else [None]
        if all(defs) and not any(m.group(1) in notes for m in defs):
            for m in defs:  # Markdown footnote definitions in the source: kept as they are
                notes[m.group(1)] = m.group(2).strip()
            i += 1
            continue
        out.append(block)
        i += 1
    # Trailing "[1] text" lines without a heading are notes too.
    had_heading = bool(notes)
    while out and out[-1].kind == "para" and not had_heading and all(
            re.match(r"^\[(\d{1,3})\]\s+\S", s) for s in out[-1].lines):
        items = [re.match(r"^\[(\d{1,3})\]\s+(.*)$", s) for s in out[-1].lines]
        labels = [m.group(1) for m in items]
        if len(set(labels)) < len(labels) or set(labels) & set(notes):
            break
        out.pop()
        for m in items:
            notes[m.group(1)] = m.group(2).strip()
    return out, dict(sorted(notes.items(), key=lambda kv: (len(kv[0]), kv[0])))
