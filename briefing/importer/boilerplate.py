"""Recognise and drop page furniture: comments, newsletter/donation/follow-us blocks, category
headers, "back to top" links, close buttons, dead navigation links and image captions.

Every drop goes into the report with its text in full.  Image captions ("Cover photo:",
"Thumbnail:") are dropped from the body too: they describe a picture that is not there and are
not the author's prose, so a claim must not anchor to them; their text stays in the report
(and may inform the metadata by hand, e.g. a date in a caption bounds the publication date).
"""

from __future__ import annotations

import re

from briefing.importer.blocks import Block
from briefing.importer.report import ImportReport

# A line that opens a comment section (WordPress, wpDiscuz, Disqus and the like).
COMMENT_START = re.compile(
    r"^(notify of|leave a (reply|comment)|\d+ comments?|view all comments|inline feedbacks"
    r"|newest most voted|add a comment|join the discussion|comments \(\d+\)|commentaires?)$",
    re.I,
)
CLOSE_BUTTON = re.compile(r"^(x|×|✕|✖|close|close x|fermer)$", re.I)
CATEGORY = re.compile(
    r"^(categories|category|tags?|filed under|topics?|rubriques?|catégories?)\s*:\s*\S.*$", re.I
)
DEAD_LINK = re.compile(r"^\[([^\]]+)\]\((#[^)]*|)\)$")
BACK_TO_TOP = re.compile(
    r"^(↑\s*)?(back to (the )?top( of (the )?page)?|top of (the )?page|to top|retour en haut.*)$",
    re.I,
)
FOLLOW = re.compile(r"^(follow us\b|share (this|on)\b|share:|suivez-nous\b)", re.I)
NEWSLETTER = re.compile(r"newsletter|subscribe to our|sign up for our|abonnez-vous", re.I)
DONATION = re.compile(
    r"\bdonat(e|ion)s?\b|support(ing)? our work|support us\b|become a (member|patron)|patreon",
    re.I,
)
CAPTION = re.compile(
    r"^\**\s*(cover photo|cover image|photo|thumbnail|image|picture|featured image|"
    r"photo credits?|illustration|caption|crédit photo)\s*\**\s*:", re.I,
)
RELATED = re.compile(r"^\**(related|read more|read also|also read|see also|more on this|"
                     r"lire aussi|à lire aussi|lesen sie auch|mehr zum thema)\**\s*:", re.I)
COPYRIGHT = re.compile(r"^(©|\(c\)|copyright\b)|all rights reserved\.?$", re.I)
SHARE_WORDS = {"share", "print", "email", "e-mail", "tweet", "facebook", "twitter", "linkedin",
               "whatsapp", "telegram", "reddit", "copy link", "mail", "x"}
PAGE_CONTROL = re.compile(
    r"^(follow|following|member-only story|listen( to this (article|story))?|open in app|sign in|"
    r"sign up|get started|subscribe|log in|save|\d+ claps?|\d+ responses?|\d+ comments?)$", re.I)
ADVERT = re.compile(r"^(advertisement|advertising|sponsored|publicité|anzeige|"
                    r"\d+\s*min(ute)?s?\s*read|reading time:?.*)$", re.I)
# Page numbers and running footers of a PDF or a printed page: "- 2 -", "Page 3 of 10", "3/10".
PAGE_NUMBER = re.compile(
    r"^([-–—]\s*\d{1,4}\s*[-–—]|(page|p\.|seite)\s*\d{1,4}(\s*(of|/|von|sur)\s*\d{1,4})?|"
    r"\d{1,3}\s*(/|of)\s*\d{1,3}|\d{1,3})$", re.I)
FOLLOW_ON_WORDS = 20  # short blocks right after a newsletter/donation block belong to it


def _words(text: str) -> int:
    return len(text.split())


# A page's code, not its text: <script>...</script>, <style>, <noscript>, <iframe>.
SCRIPT = re.compile(r"^<(script|style|noscript|iframe)\b[^>]*>.*</\1\s*>$", re.I | re.S)


def _single(block: Block) -> str | None:
    """What kind of furniture this block is on its own, or None."""
    flat = block.flat
    if SCRIPT.match(block.text.strip()):
        return "script"
    dead = DEAD_LINK.match(flat)
    inner = dead.group(1) if dead else flat
    if CLOSE_BUTTON.match(flat):
        return "close button"
    if PAGE_CONTROL.match(flat):
        return "page control"
    if PAGE_NUMBER.match(flat):
        return "page number"
    if CATEGORY.match(flat) and _words(flat) <= 12:
        return "category header"
    if BACK_TO_TOP.match(inner):
        return "back-to-top link"
    if dead:
        return "navigation link"
    if RELATED.match(flat) and _words(flat) <= 25:
        return "related-article link"
    if COPYRIGHT.search(flat) and _words(flat) <= 20:
        return "copyright notice"
    if ADVERT.match(flat):
        return "advertisement"
    if len(block.lines) <= 8 and all(
            s.strip().lower().rstrip(":") in SHARE_WORDS for s in block.lines) and not (
            len(block.lines) == 1 and block.flat.lower() == "x"):
        return "share buttons"
    if CAPTION.match(flat):
        return "image caption"
    if FOLLOW.match(flat) and _words(flat) <= 40:
        return "follow-us block"
    if NEWSLETTER.search(flat) and _words(flat) <= 60:
        return "newsletter block"
    if DONATION.search(flat) and _words(flat) <= 60:
        return "donation block"
    return None


WHY = {
    "script": "page code (HTML script, style or frame), not text",
    "close button": "a page control, not text",
    "page control": "a button or label of the page, not text",
    "page number": "a page break of the source (the text around it is rejoined)",
    "category header": "site navigation, not part of the article",
    "back-to-top link": "page navigation",
    "navigation link": "a link with no target and no text of the article around it",
    "related-article link": "points to another article",
    "copyright notice": "site legal notice",
    "advertisement": "page furniture",
    "share buttons": "page controls",
    "image caption": "describes an image that is not imported; not the author's prose",
    "follow-us block": "site promotion",
    "newsletter block": "site promotion",
    "donation block": "fundraising appeal of the site",
}


LINE_FURNITURE = ("close button", "category header", "back-to-top link", "advertisement",
                  "page control")
SHORT_BLOCK = 6  # in a block this short (a byline block), furniture lines go wherever they are


def _peel_lines(blocks: list[Block], report: ImportReport) -> list[Block]:
    """Furniture lines stuck to other lines ("X" above "Categories: 2023") come off one by one,
    from the start and the end of a block, so the text next to them is kept."""
    out: list[Block] = []
    for block in blocks:
        if block.kind != "para" or len(block.lines) < 2:
            out.append(block)
            continue
        lines, first = list(block.lines), block.line
        while len(lines) > 1 and (kind := _single(Block([lines[0]], first))) in LINE_FURNITURE:
            report.drop(first, kind, WHY[kind], lines.pop(0))
            first += 1
        while len(lines) > 1 and (kind := _single(Block([lines[-1]], 0))) in LINE_FURNITURE:
            report.drop(first + len(lines) - 1, kind, WHY[kind], lines.pop())
        if 1 < len(lines) <= SHORT_BLOCK:
            # the first line is not furniture (peeled above), so the block keeps its start
            kept = [lines[0]]
            for k, line in enumerate(lines[1:], 1):
                kind = _single(Block([line], 0))
                if kind in LINE_FURNITURE:
                    report.drop(first + k, kind, WHY[kind], line)
                else:
                    kept.append(line)
            lines = kept
        out.append(Block(lines, first))
    return out


# A page number at either end of a line: "Regional Security Review, Vol. 12        3".
_EDGE_NUMBER = re.compile(r"^\d{1,4}\s{2,}|\s{2,}\d{1,4}$|^\d{1,4}\s*[|·•]\s*|\s*[|·•]\s*\d{1,4}$")
RUNNING_MAX_WORDS = 12


def _running_key(block: Block) -> str | None:
    if block.kind != "para" or len(block.lines) != 1:
        return None
    key = " ".join(_EDGE_NUMBER.sub("", block.lines[0].strip()).split())
    if not key or len(key.split()) > RUNNING_MAX_WORDS or key[-1] in ".!?;:":
        return None
    return key


def _drop_running_headers(blocks: list[Block], report: ImportReport) -> list[Block]:
    """Text copied from a PDF repeats the page's header or footer ("Journal, Vol. 12   3") at
    every page: a short line seen twice or more, with a page number beside it at least once,
    is furniture, not prose.  (Without a number it is kept: a repeated short line may be a
    speaker label or a refrain.)"""
    seen: dict[str, list[Block]] = {}
    for block in blocks:
        if (key := _running_key(block)) is not None:
            seen.setdefault(key, []).append(block)
    running = {id(b) for key, group in seen.items()
               if len(group) >= 2 and any(b.lines[0].strip() != key for b in group) for b in group}
    if not running:
        return blocks
    kept = []
    for block in blocks:
        if id(block) in running:
            report.drop(block.line, "running header",
                        "a page header or footer of the source, repeated on every page",
                        block.text)
        else:
            kept.append(block)
    return kept


def drop_boilerplate(blocks: list[Block], report: ImportReport) -> list[Block]:
    blocks = _drop_running_headers(blocks, report)
    blocks = _peel_lines(blocks, report)
    kept: list[Block] = []
    promo = False  # inside a run of newsletter/donation/follow-us blocks
    for index, block in enumerate(blocks):
        if block.kind == "para" and index >= len(blocks) // 2:
            first = next((i for i, s in enumerate(block.lines) if COMMENT_START.match(s)), None)
            if first is not None:
                # Comments come last on a page: drop from the marker to the end of the file.
                before = block.lines[:first]
                if before:
                    kept.append(Block(before, block.line))
                rest = "\n".join(block.lines[first:])
                rest_blocks = [rest] + [b.text for b in blocks[index + 1:]]
                report.drop(block.line + first, "comment section",
                            "readers' comments and comment-form controls, not the article",
                            "\n\n".join(rest_blocks))
                return kept
        kind = _single(block) if block.kind == "para" else None
        if kind is None and promo and block.kind == "para" and _words(block.flat) <= FOLLOW_ON_WORDS:
            kind = "promotion block"
            report.drop(block.line, kind, "follows a newsletter/donation block and is part of it",
                        block.text)
            continue
        if kind is None:
            promo = False
            kept.append(block)
            continue
        promo = kind in ("follow-us block", "newsletter block", "donation block") or (
            promo and kind == "navigation link")
        report.drop(block.line, kind, WHY[kind], block.text)
    return kept
