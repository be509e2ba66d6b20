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
from briefing.importer.dates import parse_date
from briefing.importer.names import ROLE, looks_like_name
from briefing.importer.quotes import quotations, quoted_only, squashed
from briefing.importer.report import ImportReport
from briefing.importer.webfurniture import ENTRY_STAMP, line_kind

# A line that opens a comment section (WordPress, wpDiscuz, Disqus and the like).
COMMENT_START = re.compile(
    r"^(notify of|leave a (reply|comment)|\d+ comments?|view all comments|inline feedbacks"
    r"|newest most voted|add a comment|join the discussion|comments? \(\d+\)|commentaires?"
    r"|responses? \(\d+\)|\d+ responses?|discussion about this (post|article)|reader comments"
    r"|join the conversation|show comments|comments|what readers say"
    r"|(one|\d+) (thoughts?|responses?|comments?|repl(y|ies)) (on|to) .{1,120}"
    r"|leave a (reply|comment) cancel reply)$",
    re.I,
)
# Where a comment thread shown in the middle of a page ends.
COMMENT_END = re.compile(r"^(load|show|view|see) more (comments|replies|responses)"
                         r"( \(\d+\))?$", re.I)
COMMENTS_IN_MIDDLE = 25  # blocks after a comment marker searched for the thread's end
CLOSE_BUTTON = re.compile(r"^(x|×|✕|✖|close|close x|fermer)$", re.I)
CATEGORY = re.compile(
    r"^(categories|category|tags?|filed under|topics?|rubriques?|catégories?)\s*:\s*\S.*$"
    r"|^(tagged|posted in|filed under|categorised|categorized)\s+\S[^.!?]*$", re.I
)
DEAD_LINK = re.compile(r"^\[([^\]]+)\]\((#[^)]*|)\)$")
BACK_TO_TOP = re.compile(
    r"^(↑\s*)?(back to (the )?top( of (the )?page)?|top of (the )?page|to top|retour en haut.*)$",
    re.I,
)
FOLLOW = re.compile(r"^(follow us\b|share (this|on)\b|share:|suivez-nous\b)", re.I)
NEWSLETTER = re.compile(r"newsletter|subscribe to our|sign up for our|abonnez-vous|"
                        # "to your inbox" only as an offer: "Get X delivered straight to
                        # your inbox", not "scam emails landing in your inbox"
                        r"\b(?:get|receive|sign up|subscribe|delivered|sent)\b[^.!?:]{0,60}?"
                        r"\b(?:to|in|into) your inbox|"
                        r"subscribe for free|thanks for reading .{2,60}! subscribe", re.I)
DONATION = re.compile(
    r"\bdonat(e|ion)s?\b|support(ing)? our work|support us\b|become a (member|patron)|patreon|"
    r"^support (the|this|our) (show|podcast|newsletter)$",
    re.I,
)
CAPTION = re.compile(
    r"^\**\s*(cover photo|cover image|photo|thumbnail|image|picture|featured image|"
    r"photo credits?|illustration|caption|crédit photo)\s*\**\s*:", re.I,
)
RELATED = re.compile(r"^\**(?:(related|read more|read also|also read|see also|more on this|"
                     r"lire aussi|à lire aussi|lesen sie auch|mehr zum thema)\**\s*[:|].*"
                     # "Related article" alone, before ':' '|', a link, or a headline (a
                     # capital, no full stop); "Related coverage of the closure has ..." is prose
                     r"|related (article|story|content|coverage|video)s?\**"
                     r"(?:\s*[:|].*|\s*|\s+\[[^\]]+\]\([^)]*\)\s*"
                     r"|\s+(?-i:[A-Z0-9\"“‘])[^.!?]*))$", re.I)
# A heading over a list of links to other articles; the headlines under it go with it.
LINK_LIST = re.compile(
    r"^(related(\s+[\w-]+)?|read next|recommended"
    r"( for you| reading| stories)?|more from [\w .'-]{2,60}|more stories|more on this( story)?|"
    r"most (read|popular|viewed)|trending( now)?|you may also like|you might also like|"
    r"popular (now|posts|stories)|recent posts|latest (news|stories|posts)|editor'?s picks|"
    r"more in [\w .'-]{2,40}|further reading|top stories|explore more( on (these|this) topics?)?|"
    r"more on these topics|topics|most viewed|don'?t miss|in case you missed it|around the web)"
    r"\s*:?$", re.I)
HEADLINE_MAX_WORDS = 16
BYLINE_LIKE = re.compile(r"^(by|written by|words by|posted|published|updated)\b", re.I)
# One topic tag per line: "Remote Work", "Productivity" (a list of three or more of them)
TOPIC = re.compile(r"^(?:[A-Z0-9][\w'&.-]*)(?: (?:[A-Z0-9&][\w'&.-]*|of|and|in|the|for)){0,3}$")
COPYRIGHT = re.compile(r"^(©|\(c\)|copyright\b)|all rights reserved\.?$", re.I)
SHARE_WORDS = {"share", "print", "email", "e-mail", "tweet", "facebook", "twitter", "linkedin",
               "whatsapp", "telegram", "reddit", "copy link", "mail", "x"}
PAGE_CONTROL = re.compile(
    r"^(follow|following|member-only story|listen( to this (article|story))?|open in app|sign in|"
    r"sign up|get started|subscribe|log in|save|\d+ claps?|\d+ responses?|\d+ comments?)$", re.I)
ADVERT = re.compile(r"^(advertisement|advertising|sponsored|publicité|anzeige|supported by|"
                    r"skip advertisement|ad feedback|sponsored content|paid content|promoted|"
                    r"\d+\s*min(ute)?s?\s*read|reading time:?\s*\d.*)$", re.I)
# A wire story's closing credit: "Reporting by A in X; Additional reporting by B; Editing by C".
_CREDIT_ROLE = (r"(?i:(?:(?:additional|further)\s+)?(?:reporting|writing|editing|compiled|research"
                r"|graphics|fact-checking|translation)(?:\s+and\s+(?:reporting|writing|editing))?)")
# a person's name: capitalised words, none of them naming an institution
_NOT_NAME = r"(?!(?:University|Institute|College|School|Centre|Center|Council|Agency|Ministry|" \
            r"Department|Foundation|Bank|Office|Museum|Library|Hospital)\b)"
_CREDIT_WORD = _NOT_NAME + r"[A-ZÀ-Ý][\w'’.-]*"
_CREDIT_NAME = _CREDIT_WORD + r"(?:\s+(?:" + _CREDIT_WORD + r"|de|van|von|da|al)){0,3}"
_CREDIT_PART = (_CREDIT_ROLE + r"\s+by\s+" + _CREDIT_NAME
                + r"(?:(?:\s*,\s*|\s+and\s+)" + _CREDIT_NAME + r")*"
                + r"(?:\s+in\s+" + _CREDIT_NAME + r")?")
WIRE_CREDIT = re.compile(r"^\(?" + _CREDIT_PART + r"(?:\s*;\s*" + _CREDIT_PART + r")*\s*\)?\.?$")
# "Associated Press writer Piet Dorn in Osby contributed to this report."
# Only names (and a newsroom role, a place) before "contributed": "Interviews with more than
# 40 residents contributed to this report." is the article's own sentence.
CONTRIBUTED = re.compile(r"^(?:(?:[A-ZÀ-Ý][\w'’.-]*|and|in|from|de|van|von|da|al|writers?|"
                         r"reporters?|correspondents?|journalists?|staff)(?:\s*,\s*|\s+)){1,14}"
                         r"contributed(?: reporting| research)? to this (?:report|story|article)"
                         r"\.?$")
SAYS = re.compile(r"\b(said|says|told|argued|claimed)\b", re.I)
# A separator drawn with characters: "___", "* * *", "===" (a rule between parts of a page).
SEPARATOR = re.compile(r"^(?:\\?[_*=~•·-]\s*){3,}$")
# A content system's article-information list: "Category: News", "Published: ...", "Hits: 4312".
INFO_FIELD = re.compile(
    r"^[-*•]?\s*(?:category|categories|section|published|posted|created|updated|last updated|"
    r"modified|hits|views|page views|reads|written by|author|tags)\s*:\s*\S", re.I)
COUNTER_FIELD = re.compile(r"^[-*•]?\s*(?:hits|views|page views|reads|category|categories)\s*:", re.I)
# Page numbers and running footers of a PDF or a printed page: "- 2 -", "Page 3 of 10", "3/10".
PAGE_NUMBER = re.compile(
    r"^([-–—]\s*\d{1,4}\s*[-–—]|(page|p\.|seite)\s*\d{1,4}(\s*(of|/|von|sur)\s*\d{1,4})?|"
    r"\d{1,3}\s*(/|of)\s*\d{1,3}|\d{1,3})$", re.I)
FOLLOW_ON_WORDS = 20  # short blocks right after a newsletter/donation block belong to it
PROSE_FOLLOW_ON = 8  # ... unless they are sentences this long: the article going on


def _words(text: str) -> int:
    return len(text.split())


# A page's code, not its text: <script>...</script>, <style>, <noscript>, <iframe>.
SCRIPT = re.compile(r"^<(script|style|noscript|iframe)\b[^>]*>.*</\1\s*>$", re.I | re.S)


LONGEST_FURNITURE = 60  # words: a block longer than this is never furniture on its own


def _single(block: Block) -> str | None:
    """What kind of furniture this block is on its own, or None."""
    flat = block.flat
    if _words(flat) > LONGEST_FURNITURE and not block.text.lstrip().startswith("<"):
        return None
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
    if COPYRIGHT.search(flat) and (_words(flat) <= 20 or (
            COPYRIGHT.match(flat) and _words(flat) <= 60)):
        return "copyright notice"
    if ADVERT.match(flat):
        return "advertisement"
    if (WIRE_CREDIT.match(flat) or CONTRIBUTED.match(flat) and not SAYS.search(flat)) \
            and _words(flat) <= 50:
        return "wire credit"
    if SEPARATOR.match(flat):
        return "separator"
    if len(block.lines) >= 2 and all(INFO_FIELD.match(s.strip()) for s in block.lines) and any(
            COUNTER_FIELD.match(s.strip()) for s in block.lines):
        return "article information"
    if len(block.lines) <= 8 and all(
            s.strip().lower().rstrip(":") in SHARE_WORDS for s in block.lines) and not (
            len(block.lines) == 1 and block.flat.lower() == "x"):
        return "share buttons"
    if CAPTION.match(flat):
        return "image caption"
    if 3 <= len(block.lines) <= 12 and all(TOPIC.match(s.strip()) for s in block.lines):
        return "topic tags"
    if len(block.lines) == 1 and _words(flat) <= 40 and (kind := line_kind(flat)):
        return kind
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
    "audio/video player": "controls and labels of a media player",
    "reading time": "a reading-time label of the site",
    "subscription prompt": "subscription, paywall or newsletter prompt of the site",
    "gallery counter": "the counter of a photo gallery",
    "breadcrumb": "site navigation (breadcrumb), not part of the article",
    "update time": "when the page was last updated (not the publication date)",
    "related-article links": "headlines of other articles under a 'related' heading",
    "page footer": "the site's footer after its copyright line",
    "topic tags": "the site's topic tags, one per line",
    "image credit": "the credit of a photo that is not imported",
    "sound cue": "a transcript's cue for music or sound, not anyone's words",
    "transcript note": "the site's note about its transcript",
    "release label": "a press release's distribution label",
    "separator": "a line drawn with characters between parts of the page",
    "wire credit": "the agency's credit line (who reported and edited the story)",
    "article information": "the site's article information (category, date, view count); "
                           "the date and author are read from the page's metadata",
    "embedded post's author line": "who posted an embedded social media post, and when",
    "entry time stamp": "the time or label of a live blog's entry, not its text",
    "pull quote": "repeats, as a display quote, words the article gives in full elsewhere",
    "release end matter": "after the press release's end mark: the 'About' boilerplate and the "
                          "media contact",
}


LINE_FURNITURE = ("close button", "category header", "back-to-top link", "advertisement",
                  "page control", "audio/video player", "reading time", "subscription prompt",
                  "gallery counter", "breadcrumb", "update time", "image caption",
                  "embedded post's author line")
SHORT_BLOCK = 6  # in a block this short (a byline block), furniture lines go wherever they are


def _line_furniture(line: str) -> str | None:
    if len(line.split()) > 40:
        return None
    kind = _single(Block([line], 0))
    return kind if kind in LINE_FURNITURE else line_kind(line)


def _peel_lines(blocks: list[Block], report: ImportReport) -> list[Block]:
    """Furniture lines stuck to other lines ("Short Url" above the first paragraph, "0:00"
    inside a byline block) come off one by one, wherever they stand in a block: each pattern
    matches a whole line, so prose is never cut."""
    out: list[Block] = []
    for block in blocks:
        if block.kind != "para" or len(block.lines) < 2:
            out.append(block)
            continue
        run: list[str] = []
        start = block.line
        for k, line in enumerate(block.lines):
            kind = _line_furniture(line)
            if kind is None:
                if not run:
                    start = block.line + k
                run.append(line)
                continue
            report.drop(block.line + k, kind, WHY[kind], line)
            if run and len(block.lines) > SHORT_BLOCK:
                # a line taken out of a long block splits it only if it stood between
                # paragraphs; within one paragraph the run goes on
                continue
        if run:
            out.append(Block(run, start))
    return out


# A page number at either end of a line: "Regional Security Review, Vol. 12        3".
_EDGE_NUMBER = re.compile(r"^\d{1,4}\s{2,}|\s{2,}\d{1,4}$|^\d{1,4}\s*[|·•]\s*|\s*[|·•]\s*\d{1,4}$")
RUNNING_MAX_WORDS = 12
RUNNING_MAX_CHARS = 200  # longer lines are prose: no need to look at their edges


def _running_key(block: Block) -> str | None:
    if block.kind != "para" or len(block.lines) != 1 or len(block.lines[0]) > RUNNING_MAX_CHARS:
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


def _link_lists(blocks: list[Block], report: ImportReport) -> list[Block]:
    """'Related coverage' and the headlines under it (short lines ending no sentence)."""
    kept: list[Block] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        lines = block.lines if block.kind == "para" else []
        head = next((k for k, s in enumerate(lines) if LINK_LIST.match(s.strip().strip("*#_ "))),
                    None) if lines and len(lines) <= 12 else None
        if head is None:
            kept.append(block)
            i += 1
            continue
        if head:
            kept.append(Block(lines[:head], block.line))
        taken = list(lines[head:])
        stop = next((k for k, t in enumerate(taken[1:], 1) if COMMENT_START.match(t.strip())), None)
        if stop is not None:  # a comment thread under the links: left for the comment rules
            blocks.insert(i + 1, Block(taken[stop:], block.line + head + stop))
            taken = taken[:stop]
        j = i + 1
        # the headlines: in the same block, then in the following short blocks
        while j < len(blocks) and blocks[j].kind == "para" and all(
                _headline(s) for s in blocks[j].lines) and not COMMENT_START.match(
                blocks[j].flat) and not _heads_prose(blocks, j):
            taken.extend(blocks[j].lines)
            j += 1
        body = [s for s in taken[1:] if not _headline(s)]
        if body:  # a prose line in the same block: only the heading and the headlines go
            taken = [taken[0]] + [s for s in taken[1:] if _headline(s)]
            kept.append(Block(body, block.line + head + 1))
        report.drop(block.line + head, "related-article links", WHY["related-article links"],
                    "\n".join(taken))
        i = j
    return kept


def _heads_prose(blocks: list[Block], j: int) -> bool:
    """A short line with a paragraph right under it (no blank line between) is a section
    heading of the article, not one more headline of a link list."""
    if j + 1 >= len(blocks) or len(blocks[j].lines) != 1:
        return False
    nxt = blocks[j + 1]
    return nxt.line == blocks[j].line + 1 and _prose(nxt) and ends_prose(nxt.flat)


def _credit_captions(blocks: list[Block], report: ImportReport) -> list[Block]:
    """'Getty Images' / 'Two doses of the vaccine give ...': a picture agency's name alone on a
    line, then the caption of the photo (a short line that ends no sentence) - a browser copy
    of a news page puts the credit above the caption.  Both go; a paragraph after the credit
    (it ends a sentence) stays."""
    lines = [(bi, k) for bi, b in enumerate(blocks) if b.kind == "para"
             for k in range(len(b.lines))]
    gone: set[tuple[int, int]] = set()
    for n, (bi, k) in enumerate(lines):
        text = blocks[bi].lines[k].strip()
        if line_kind(text) != "image credit":
            continue
        gone.add((bi, k))
        report.drop(blocks[bi].line + k, "image credit", WHY["image credit"], text)
        if n + 1 < len(lines):
            nb, nk = lines[n + 1]
            caption = blocks[nb].lines[nk].strip()
            if 0 < len(caption.split()) <= CAPTION_WORDS and not ends_prose(caption) \
                    and caption[-1] not in ".!?:":
                gone.add((nb, nk))
                report.drop(blocks[nb].line + nk, "image caption", WHY["image caption"], caption)
    if not gone:
        return blocks
    out = []
    for bi, block in enumerate(blocks):
        kept = [s for k, s in enumerate(block.lines) if (bi, k) not in gone]
        if len(kept) == len(block.lines):
            out.append(block)
        elif kept:
            first = next(k for k in range(len(block.lines)) if (bi, k) not in gone)
            out.append(Block(kept, block.line + first, block.kind))
    return out


CAPTION_WORDS = 30
# The end mark of a press release: what follows is the "About us" boilerplate and contacts.
RELEASE_END = re.compile(r"^(#\s?#\s?#|-\s?30\s?-|[-–—]?\s*ends?\s*[-–—]?|\*\s?\*\s?\*\s?ends?.*)$",
                         re.I)


def _release_end(blocks: list[Block], report: ImportReport) -> list[Block]:
    """A press release ends with '###' (or '-30-', '- ENDS -') on a line of its own, after its
    text: the rest is the issuer's boilerplate and the media contact."""
    prose = [i for i, b in enumerate(blocks) if _prose(b)]
    for i, block in enumerate(blocks):
        if prose and i > prose[0] and len(block.lines) == 1 and RELEASE_END.match(block.flat):
            report.drop(block.line, "release end matter", WHY["release end matter"],
                        "\n\n".join(b.text for b in blocks[i:]))
            return blocks[:i]
    return blocks


def _headline(line: str) -> bool:
    text = line.strip()
    return bool(text) and len(text.split()) <= HEADLINE_MAX_WORDS and (
        text[-1] not in ".!:;" or line_kind(text) is not None)


FOOTER_BLOCKS, FOOTER_WORDS, FOOTER_SHORT = 4, 60, 12
# What a longer footer line talks about; prose after a photo credit "© Reuters" does not.
FOOTER_WORD = re.compile(r"\b(privacy|terms|cookies?|rights|reserved|copyright|transcripts?|"
                         r"contact|advertis\w*|subscri\w*|newsletter|permission|www\.|"
                         r"\w+\.(com|org|net))\b", re.I)


def _footer(blocks: list[Block], index: int) -> bool:
    """After a copyright line near the end, a few short blocks are the site's footer."""
    rest = blocks[index + 1:]
    return (index >= len(blocks) // 2 and 0 < len(rest) <= FOOTER_BLOCKS
            and all((_words(b.flat) <= FOOTER_SHORT and not ends_prose(b.flat)) or (
                _words(b.flat) <= FOOTER_WORDS and FOOTER_WORD.search(b.flat)) for b in rest))


def ends_prose(text: str) -> bool:
    """A sentence of the article ends here ("... in June."), not a footer's link row."""
    return bool(re.search(r"[a-z]{2}[.!?][\"”’)]*$", text.strip()))


def _comments_in_middle(blocks: list[Block], index: int) -> int | None:
    """A comment thread shown before the article ends: where its 'load more comments' is."""
    for j in range(index + 1, min(len(blocks), index + COMMENTS_IN_MIDDLE)):
        if any(COMMENT_END.match(s.strip()) for s in blocks[j].lines):
            return j
    return None


MENU_WORDS, MENU_RUN = 4, 3
PROSE_WORDS = 12


def _menu_item(block: Block) -> bool:
    """One short line that ends no sentence and is no byline or date: a menu entry."""
    if block.kind != "para" or len(block.lines) != 1:
        return False
    text = block.flat.strip()
    return (0 < len(text.split()) <= MENU_WORDS and not text.startswith(("#", ">", "-", "*"))
            and text[-1] not in ".!?:;," and not BYLINE_LIKE.match(text)
            and not parse_date(text)[0])


def _byline_pair(blocks: list[Block], i: int) -> bool:
    """'Hannah Okafor' / 'Health reporter' (or a date): a byline, short like a menu's lines."""
    def alone(k: int) -> str:
        return blocks[k].flat.strip() if 0 <= k < len(blocks) and blocks[k].kind == "para" \
            and len(blocks[k].lines) == 1 else ""

    def role_or_date(text: str) -> bool:
        return bool(ROLE.match(text)) or (len(text.split()) <= 8 and bool(parse_date(text)[0]))

    here = alone(i)
    return bool(here) and ((looks_like_name(here, 4) and role_or_date(alone(i + 1))) or (
        role_or_date(here) and looks_like_name(alone(i - 1), 4)))


def _prose(block: Block) -> bool:
    return block.kind == "para" and len(block.flat.split()) >= PROSE_WORDS and not \
        block.flat.startswith("#")


def _menus(blocks: list[Block], report: ImportReport) -> list[Block]:
    """A browser copy of a whole page starts with the site's menu and ends with its topic and
    section lists: three or more short lines in a row, one per line, before the first prose
    paragraph or after the last one.  Inside the article such runs are left alone (a list of
    names, a refrain)."""
    prose = [i for i, b in enumerate(blocks) if _prose(b)]
    if not prose:
        return blocks
    first, last = prose[0], prose[-1]
    drop: set[int] = set()
    i = 0
    while i < len(blocks):
        j = i
        while j < len(blocks) and _menu_item(blocks[j]) and not _byline_pair(blocks, j):
            j += 1
        if j - i >= MENU_RUN and (j <= first or i > last):
            drop.update(range(i, j))
        i = max(j, i + 1)
    if not drop:
        return blocks
    kept = []
    for index, block in enumerate(blocks):
        if index in drop:
            where = "site navigation" if index < first else "the site's section and topic lists"
            report.drop(block.line, "navigation menu", where + ", one entry per line",
                        block.text)
        else:
            kept.append(block)
    return kept


PULL_QUOTE_WORDS = (5, 40)  # a display quote is a sentence or two
PULL_QUOTE_REACH = 12  # paragraphs either side: a pull quote stands near the text it repeats


def _pull_quotes(blocks: list[Block], report: ImportReport) -> list[Block]:
    """A short paragraph that is all one quotation, repeating word for word a whole quoted
    passage (or a whole sentence of one) of a paragraph near it, is a pull quote: it goes, and
    the paragraph that holds the quotation stays. Words matching part of a sentence are never
    enough: a short paragraph may restate, or deny, what another says."""
    paras = [(i, b.flat) for i, b in enumerate(blocks) if b.kind == "para"]
    gone = set()
    for k, (i, flat) in enumerate(paras):
        inner = quoted_only(flat)
        if inner is None:
            continue
        short = squashed(inner)
        if not PULL_QUOTE_WORDS[0] <= len(short.split()) <= PULL_QUOTE_WORDS[1]:
            continue
        near = paras[max(0, k - PULL_QUOTE_REACH):k + PULL_QUOTE_REACH + 1]
        if any(j != i and j not in gone and len(text) > len(flat) and short in quotations(text)
               for j, text in near):
            gone.add(i)
            report.drop(blocks[i].line, "pull quote", WHY["pull quote"], blocks[i].text)
    return [b for i, b in enumerate(blocks) if i not in gone]


def _entry_stamps(blocks: list[Block], report: ImportReport) -> None:
    """A live blog's time stamp or label opening an entry's paragraph ("**11:05** The union
    has ...", "BREAKING: About 2,300 ...") comes off the paragraph; the entry stays."""
    for block in blocks:
        if block.kind != "para" or not block.lines:
            continue
        m = ENTRY_STAMP.match(block.lines[0])
        if m and m.end() < len(block.lines[0]) and m.group(0).strip():
            report.drop(block.line, "entry time stamp", WHY["entry time stamp"], m.group(0).strip())
            block.lines[0] = block.lines[0][m.end():]


def drop_boilerplate(blocks: list[Block], report: ImportReport) -> list[Block]:
    blocks = _pull_quotes(_drop_furniture(blocks, report), report)
    _entry_stamps(blocks, report)
    return blocks


def _drop_furniture(blocks: list[Block], report: ImportReport) -> list[Block]:
    blocks = _drop_running_headers(blocks, report)
    blocks = _release_end(blocks, report)
    blocks = _credit_captions(blocks, report)
    blocks = _peel_lines(blocks, report)
    blocks = _link_lists(blocks, report)  # before the menus: "Related" keeps its headlines
    blocks = _menus(blocks, report)
    kept: list[Block] = []
    promo = False  # inside a run of newsletter/donation/follow-us blocks
    skip_to = -1
    for index, block in enumerate(blocks):
        if index <= skip_to:
            continue
        if block.kind == "para" and len(block.lines) == 1 and COMMENT_START.match(block.flat) \
                and (end := _comments_in_middle(blocks, index)):
            report.drop(block.line, "comment section",
                        "readers' comments shown in the middle of the page, not the article",
                        "\n\n".join(b.text for b in blocks[index:end + 1]))
            skip_to = end
            continue
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
        if kind == "topic tags" and index < len(blocks) // 2:
            kind = None  # at the top, short capitalised lines are a title page's name block
        if kind is None and promo and block.kind == "para" and _words(block.flat) <= FOLLOW_ON_WORDS \
                and not (_words(block.flat) >= PROSE_FOLLOW_ON and ends_prose(block.flat)):
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
        if kind == "copyright notice" and _footer(blocks, index):
            for rest in blocks[index + 1:]:
                report.drop(rest.line, "page footer", WHY["page footer"], rest.text)
            return kept
    return kept
