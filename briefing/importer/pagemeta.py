"""Metadata that pages state around the article rather than in a byline: a masthead above
the title (a newsletter's name and issue date), a breadcrumb or a site name glued to the
title, the copyright holder in the footer.  Each value found records where it came from;
what no line states stays unknown.
"""

from __future__ import annotations

import re

from briefing.importer.blocks import Block
from briefing.importer.kickers import KICKERS
from briefing.importer.dates import parse_date
from briefing.importer.meta import Meta
from briefing.importer.meta import plain as _plain
from briefing.importer.report import ImportReport
from briefing.importer.webfurniture import SECTIONS, glued_breadcrumb
from briefing.text import fold

ISSUE = re.compile(r"\b(issue|edition|vol\.?|volume|no\.|number|nr\.?|#\d+)\b", re.I)
# Words in the names of periodicals: a first line "The Harbour Brief" is a masthead.
PERIODICAL = re.compile(
    r"\b(times|post|daily|brief(ing)?|gazette|herald|journal|tribune|review|weekly|chronicle|"
    r"courier|observer|telegraph|monitor|digest|dispatch|newsletter|magazine|press|wire|"
    r"standard|mail|express|record|ledger|bulletin|letter|sentinel|examiner|"
    r"inquirer|insider|quarterly|monthly|substack)\b", re.I)
COPYRIGHT_HOLDER = re.compile(
    r"^\s*(?:copyright\s*)?(?:©|\(c\))?\s*(?:copyright\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)"
    r"(?P<holder>[^.,·|•;]+?)(?:\s*(?:[.,·|•;]|\ball rights\b|\s-\s|$))", re.I)
# "© Le Quotidien du Centre 2025": the holder before the year
HOLDER_THEN_YEAR = re.compile(r"^\s*(?:©|\(c\)|copyright)\s*(?P<holder>[^\d.,·|•;]{2,60}?)\s*"
                              r"\d{4}\s*\.?\s*$", re.I)
COPYRIGHT_LINE = re.compile(r"^\s*(©|\(c\)\s*\d|copyright\b)", re.I)
BYLINE_START = re.compile(r"^(by|written by|words by|posted( on)?|published( on)?)\s+\S", re.I)
TITLE_SITE = re.compile(r"^(?P<title>.{12,}?)\s+[|]\s+(?P<site>[^|]{2,50})$")


def _short_name(line: str) -> bool:
    words = line.split()
    return 1 <= len(words) <= 5 and not re.search(r"[.!?:;]$|\d", line)


def masthead(blocks: list[Block], meta: Meta, report: ImportReport) -> list[Block]:
    """'THE HARBOUR BRIEF' / 'Issue #112 · Tuesday 9 April 2024' above the title."""
    if len(blocks) < 2 or blocks[0].kind != "para" or blocks[1].kind != "para":
        return blocks
    first, nxt = blocks[0], blocks[1]
    lines = [_plain(s) for s in first.lines]
    if first.flat.startswith("#"):
        return blocks
    words = len(nxt.flat.split())
    title_like = (len(nxt.lines) <= 2 and words <= 25 and not nxt.flat.endswith((",", "-", ";"))
                  and not (nxt.flat.endswith(".") and words > 15))
    if not (_short_name(lines[0]) and title_like):
        return blocks
    rest = lines[1:]
    dated = [parse_date(s) for s in rest]
    if lines[0].casefold() in KICKERS or lines[0].casefold() in SECTIONS:
        # "COMMENTARY" / "17 January 2024": the section's label and the date, no masthead
        if rest and all(iso for iso, _ in dated):
            if not meta.published:
                meta.published = dated[0][0]
                meta.provenance["published"] = ("stated", f"date under the section label, line "
                                                          f"{first.line + 1}: '{rest[0]}'")
            report.drop(first.line, "category header", "section label (and date) above the "
                        "title; the date moved to the front matter", first.text)
            return blocks[1:]
        return blocks
    if rest and all(ISSUE.search(s) or iso for s, (iso, _) in zip(rest, dated)):
        basis = "a masthead line above the title, with its issue or date line"
    elif not rest and PERIODICAL.search(lines[0]) and not re.search(r"\bnews\b", lines[0], re.I):
        basis = "a masthead line above the title (a periodical's name)"
    elif len(lines) <= 2 and _byline_follows(blocks) and not _section_words(lines[0]):
        basis = "the site's name above a title that has its own byline"
    else:
        return blocks
    if not meta.outlet:
        meta.outlet = lines[0]
        meta.provenance["outlet"] = ("inferred", f"{basis}, line {first.line}: '{lines[0]}'")
    for line, (iso, how) in zip(rest, dated):
        if iso and not meta.published:
            meta.published = iso
            meta.provenance["published"] = ("stated", f"masthead, line {first.line}: '{line}' "
                                                      f"({how})")
    report.drop(first.line, "masthead", "the publication's name (and issue) above the title: "
                "moved to the front matter", first.text)
    return blocks[1:]


def _section_words(line: str) -> bool:
    """'WORLD NEWS', 'Business Analysis': a site's section, not its name."""
    words = line.casefold().split()
    return len(words) <= 3 and any(w in SECTIONS or w in KICKERS for w in words)


def _byline_follows(blocks: list[Block]) -> bool:
    """Is the second block a title whose byline or date follows (in it or right after it)?"""
    nxt = blocks[1].lines
    after = nxt[1:2] or (blocks[2].lines[:1] if len(blocks) > 2 else [])
    return bool(after) and bool(BYLINE_START.match(_plain(after[0])))


def split_title(meta: Meta, line: int, report: ImportReport) -> None:
    """A breadcrumb before the title or the site's name after it comes off."""
    if not meta.title:
        return
    if crumbs := glued_breadcrumb(meta.title):
        report.drop(line, "breadcrumb", "site navigation glued to the title", crumbs[0])
        meta.title = crumbs[1]
    if m := TITLE_SITE.match(meta.title):
        site = m.group("site").strip()
        report.drop(line, "site name", "the site's name after the title: moved to the front "
                    "matter (outlet)", site)
        meta.title = m.group("title").strip()
        if not meta.outlet:
            meta.outlet = site
            meta.provenance["outlet"] = ("inferred", f"the site name after the title, line {line}")


HOME_LINK = re.compile(r"^(?P<site>[^-–—|]{2,40}?)\s+[-–—|]\s+back to home", re.I)


def outlet_from_home_link(meta: Meta, report: ImportReport) -> None:
    """'The Daily Courant - Back to home': the logo link's label names the site."""
    if meta.outlet:
        return
    for dropped in sorted(report.dropped, key=lambda d: d.line):
        m = HOME_LINK.match(dropped.text)
        if m:
            meta.outlet = m.group("site").strip()
            meta.provenance["outlet"] = ("stated", f"the site's home link, line {dropped.line}: "
                                                   f"'{dropped.text[:80]}'")
            return


ORGANISATION = re.compile(r"\b(institute|institut|cent(re|er)|foundation|council|association|forum|"
                          r"trust|society|observatory|agency|ministry|university|commission|"
                          r"network|fund|bank)\b", re.I)


def outlet_from_running_header(meta: Meta, report: ImportReport) -> None:
    """'Institute for Local Finance | Policy Brief No. 27' at the top of every page of a PDF:
    the publisher is the header's first part, when that part names an organisation."""
    if meta.outlet:
        return
    for dropped in report.dropped:
        if dropped.what != "running header":
            continue
        first = re.split(r"\s+[|·•–—]\s+|,\s+", dropped.text.strip())[0].strip()
        if ORGANISATION.search(first) and len(first.split()) <= 8 and not re.search(r"\d", first):
            meta.outlet = first
            meta.provenance["outlet"] = ("inferred", f"the running header of the PDF, line "
                                                     f"{dropped.line}: '{dropped.text[:80]}'")
            return


def outlet_from_copyright(meta: Meta, report: ImportReport, after_line: int = 0) -> None:
    """'© 2024 Andes Business Daily' -> outlet, unless the holder is the author.  Only a
    copyright line after the article's last paragraph: one inside it is a photo's credit."""
    if meta.outlet:
        return
    for dropped in report.dropped:
        if dropped.line and dropped.line < after_line:
            continue
        first = next((s for s in dropped.text.splitlines() if COPYRIGHT_LINE.match(s)), None)
        m = (COPYRIGHT_HOLDER.match(first) or HOLDER_THEN_YEAR.match(first)) if first else None
        if not m:
            continue
        holder = " ".join(m.group("holder").split())
        if not holder or len(holder.split()) > 6 or any(fold(holder) == fold(a)
                                                        for a in meta.authors):
            continue
        meta.outlet = holder
        meta.provenance["outlet"] = ("inferred", f"the copyright holder, line {dropped.line}: "
                                                 f"'{first[:80]}'")
        return
