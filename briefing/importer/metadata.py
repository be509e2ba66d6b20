"""Title, subtitle, byline, date and translator, wherever the file puts them.

Bylines come at the top ("By A and B | Published 12 March 2021", "written by X") or the bottom
as CMS fields ("Auteur-article : X", "date créée" then the date).  An author bio closing the
article and a trailing line naming the *next* article's author are taken out of the body.
Everything taken out is reported; what it says goes into the front matter with its basis.
"""

from __future__ import annotations

import re

from briefing.importer import endmatter, pagemeta
from briefing.importer.blocks import Block
from briefing.importer.dates import only_date_words, parse_date
from briefing.importer.meta import Meta
from briefing.importer.meta import plain as _plain
from briefing.importer.names import (ROLE, ROLE_PATTERN, drop_second_spelling, looks_like_name,
                                     split_names, tidy_name)
from briefing.importer.report import ImportReport
from briefing.importer.kickers import KICKERS
from briefing.importer.webfurniture import SECTIONS

TOP_BLOCKS = 4  # a byline sits within the first few blocks after the title

BYLINE = re.compile(r"^(?:(?:written by|words by|reported by|hosted by|presented by|interview by|"
                    r"by|par|von|di|por)\s*:?|(?:words|text|story|report|reporter|reporting)\s*:)"
                    r"\s+(.+)$", re.I)
ROLE_AFTER_COMMA = re.compile(r",\s*" + ROLE_PATTERN + r"\s*$", re.I)
# The other credits of a byline: "Words: A | Pictures: B", "Words by A · Photographs by B"
OTHER_CREDIT = re.compile(r"^(?:pictures?|photos?|photographs?|photography|images?|graphics|"
                          r"video|illustrations?|design|data)\s*(?:by\b|:)", re.I)
AUTHOR_FIELD = re.compile(
    r"^(?:auteur-article|auteurs?|authors?|autor(?:in)?|autore|written by)\s*:\s*(.+)$", re.I)
DATE_FIELD = re.compile(
    r"^(date créée|date de création|date de publication|publié le|date created|created|"
    r"published(?: on)?|publication date|posted(?: on)?|date|datum|veröffentlicht)"
    r"\s*:?\s*(.*)$", re.I)
TRANSLATOR = re.compile(
    r"^(?:translated(?: from (?P<lang>[A-Za-z]+))? by|translation(?: by)?\s*:?|"
    r"traduit(?: de l'| du | de )?(?P<lang2>[a-zé]+)? par|traduction\s*:?)\s*(?P<who>.+)$", re.I)
DATE_AFTER_COMMA = re.compile(
    r",\s+(?=\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|janv|févr|avr|mai|juin|"
    r"juil|août|déc|published|updated|posted)\w*\b)", re.I)
UPDATE_TAIL = re.compile(r"(?:\s*[,|·•]\s*|\s+(?=(?:last )?updated\b))(?:modifi[ée] le|mis [àa] jour le|(?:last )?updated|"
                         r"aktualisiert|ge[äa]ndert)\b.*$", re.I)
CMS_LABEL = re.compile(r"^(champs de méta|métadonnées|metadata|meta fields|fields)$", re.I)
LANGUAGES = {"french": "fr", "german": "de", "spanish": "es", "italian": "it", "russian": "ru",
             "armenian": "hy", "azerbaijani": "az", "turkish": "tr", "english": "en",
             "français": "fr", "anglais": "en", "allemand": "de", "russe": "ru"}
DEAD_LINKS = re.compile(r"\s*\(?\[([^\[\]]*)\]\((?:#[^)]*)?\)\)?")  # no "[" inside: linear


def _is_heading_md(block: Block) -> re.Match | None:
    return re.match(r"^(#{1,6})\s+(.*?)\s*#*$", block.flat)


def _kicker(blocks: list[Block], meta: Meta, report: ImportReport) -> list[Block]:
    """Drop a one-word section label that stands alone above a one-line title."""
    if len(blocks) < 2 or blocks[0].kind != "para" or len(blocks[0].lines) != 1:
        return blocks
    word = _plain(blocks[0].flat).strip(":").strip()
    title = blocks[1]
    # a section name in capitals ("WORLD NEWS", "SCIENCE") is a label too
    label = word.casefold() in KICKERS or word.casefold() in SECTIONS or (
        word.isupper() and len(word.split()) <= 3)
    if (not label or title.kind != "para" or len(title.lines) != 1
            or len(title.flat.split()) > 25 or title.flat.endswith((".", ",", ";"))):
        return blocks  # what follows is no title: the word is the title
    genre = KICKERS.get(word.casefold())
    if genre and not meta.genre:
        meta.genre = genre
        meta.provenance["genre"] = ("inferred", f"section label '{word}' above the title, "
                                                f"line {blocks[0].line}")
    report.drop(blocks[0].line, "category header", "section label above the title",
                blocks[0].text)
    return blocks[1:]


def _title(blocks: list[Block], meta: Meta, report: ImportReport) -> list[Block]:
    blocks = _kicker(blocks, meta, report)
    if not blocks:
        return blocks
    first = blocks[0]
    md = _is_heading_md(first)
    if md and len(md.group(1)) == 1:
        meta.title = _plain(md.group(2))
        report.note(f"line {first.line}: title taken from the '#' heading")
        return blocks[1:]
    if first.kind != "para" or md:
        return blocks
    words = len(first.flat.split())
    headline = (len(first.lines) == 1 and words <= 15 and first.flat.endswith(".")
                and len(blocks) > 1 and _announces_byline(blocks[1]))
    if words > 25 or len(first.lines) > 3 or (first.flat.endswith((".", ",", ";"))
                                              and not headline):
        return blocks
    lines = [_plain(s) for s in first.lines]
    if len(lines) > 2 and _author_block(Block(first.lines[1:], first.line + 1), meta, report):
        # a title page: the title, then its author's name and a date or an affiliation
        meta.title = lines[0]
        meta.provenance["title"] = ("inferred", f"the first line of the text, line {first.line}")
        report.note(f"line {first.line}: title taken from the first line")
        return blocks[1:]
    cut = next((k for k in range(1, len(lines)) if _announces_byline(Block([lines[k]], 0))), None)
    if cut is not None:
        # "The return of the avocet" / "Posted on 6 May 2023 by Peter Hallam": the byline
        # lines go on to the byline rules as a block of their own
        meta.title = " ".join(lines[:cut])
        meta.provenance["title"] = ("inferred", f"the first line of the text, line {first.line}")
        report.note(f"line {first.line}: title taken from the first line")
        pagemeta.split_title(meta, first.line, report)
        return [Block(first.lines[cut:], first.line + cut)] + blocks[1:]
    if len(lines) > 1 and lines[0].endswith(":"):
        meta.title = lines[0].rstrip(":").strip()
        meta.subtitle = " ".join(lines[1:])
    elif len(lines) > 1 and lines[0].isupper() and not lines[1].isupper():
        meta.title, meta.subtitle = lines[0], " ".join(lines[1:])  # "TITLE" / "A Policy Paper"
    elif len(lines) > 1 and lines[1][:1].isupper() and not lines[0].endswith((",", "-")):
        meta.title, meta.subtitle = lines[0], " ".join(lines[1:])  # headline / standfirst
    else:
        meta.title = " ".join(lines)
    meta.provenance["title"] = ("inferred", f"the first line of the text, line {first.line}")
    report.note(f"line {first.line}: title taken from the first line")
    pagemeta.split_title(meta, first.line, report)
    return blocks[1:]


TOP_SEARCH = 12  # blocks searched for the first paragraph under the title
STANDFIRST_WORDS = 8
HEADLINE_MIN_WORDS = 3  # "Background" above the first paragraph is a subheading
LEAD_WORDS = 20  # a block this long that ends a sentence is the article's first paragraph


def _paragraph(block: Block) -> bool:
    return block.kind == "para" and len(block.flat.split()) >= LEAD_WORDS and bool(
        re.search(r"[.!?…][\"”’»)]*$", block.flat.strip()))


def _title_like(block: Block, min_words: int = 1) -> bool:
    words = len(block.flat.split())
    return (block.kind == "para" and len(block.lines) <= 2 and min_words <= words <= 25
            and not block.flat.startswith("#") and not block.flat.rstrip().endswith(
                (".", ",", ";", ":")) and not _announces_byline(block))


def _above_title(blocks: list[Block], report: ImportReport) -> list[Block]:
    """Short lines a page shows above its headline (a site name, a section, a newsroom's
    menu) when a browser copy keeps them.  The headline is the block right above the byline
    (or above the first paragraph when there is none), or the one above that when it is a
    standfirst (a line of some length under a headline).  What stands above goes, if it is
    only short lines."""
    limit = min(len(blocks), TOP_SEARCH)
    lead = next((i for i in range(limit) if _paragraph(blocks[i])), None)
    if lead is None or lead < 2:
        return blocks
    byline = next((i for i in range(1, lead) if blocks[i].kind == "para" and (
        _announces_byline(blocks[i]) or _name_then_date(blocks, i)
        or NAME_ROLE.match(_plain(blocks[i].flat)) or ROLE.match(_plain(blocks[i].flat)))), None)
    t = (byline if byline is not None else lead) - 1
    if t >= 1 and len(blocks[t].lines) == 1 and _name_alone(blocks[t].flat):
        t -= 1  # a name alone under the headline is its byline
    if t >= 1 and _title_like(blocks[t - 1], 4) and len(blocks[t].lines) == 1 and \
            len(blocks[t].flat.split()) >= STANDFIRST_WORDS:
        t -= 1  # headline, then its standfirst
    if t <= 0 or not _title_like(blocks[t], HEADLINE_MIN_WORDS):
        return blocks
    above = blocks[:t]
    if not all(b.kind == "para" and all(len(s.split()) <= 12 for s in b.lines) for b in above):
        return blocks
    words = len(blocks[t].flat.split())
    if any(len(b.lines) == 1 and _title_like(b, max(HEADLINE_MIN_WORDS, words)) for b in above):
        return blocks  # a longer headline-like line above: the candidate is a subheading
    for b in above:
        report.drop(b.line, "page header", "short lines above the headline (site name, section, "
                    "menu), not the article", b.text)
    return blocks[t:]


def _announces_byline(block: Block) -> bool:
    text = _plain(block.lines[0])
    return bool(BYLINE.match(text) or DATE_FIELD.match(text) or AUTHOR_FIELD.match(text)
                or POSTED_BY.match(text) or (len(text.split()) <= 8 and parse_date(text)[0]))


def _explode_header_blocks(blocks: list[Block]) -> list[Block]:
    """Short lines at the top that hold a byline or a date ('By A and B' / 'Published 3 March
    2024') are read one by one; a name + affiliation block without them stays whole."""
    out: list[Block] = []
    for index, block in enumerate(blocks):
        lines = [_plain(s) for s in block.lines]
        if (index < TOP_BLOCKS and block.kind == "para" and 2 <= len(lines) <= 5
                and all(len(s.split()) <= 14 for s in lines)
                and any(BYLINE.match(s) or DATE_FIELD.match(s) for s in lines)):
            out.extend(Block([line], block.line + k) for k, line in enumerate(block.lines))
        else:
            out.append(block)
    return out


NAME_ROLE = re.compile(r"^(?P<name>[A-ZÀ-Ý][\w'’-]+ [A-ZÀ-Ý][\w'’-]+)\s*,?\s+" + ROLE_PATTERN
                       + "$")
PLATFORM_PART = re.compile(r"^(\d+\s*min(ute)?s?\.?\s*(read|listen)|follow|member-only( story)?|"
                           r"listen|paid|free|\d+[- ]minute (read|listen))$", re.I)


def _platform_byline(text: str) -> tuple[list[str], str | None, str] | None:
    """'Jane Doe · 2 min read · Mar 18, 2024' (Medium, Substack): a name, then a reading time
    or a date, between dots."""
    parts = [p.strip() for p in re.split(r"\s+[·•|]\s+|\s*·\s*", text) if p.strip()]
    if len(parts) < 2 or not looks_like_name(tidy_name(parts[0]), 4):
        return None
    iso, how = None, ""
    for part in parts[1:]:
        if PLATFORM_PART.match(part):
            continue
        found, how_found = parse_date(part)
        if not found:
            return None
        iso, how = iso or found, how_found
    return [tidy_name(parts[0])], iso, how


def _name_alone(line: str) -> bool:
    line = _plain(line).strip()
    return looks_like_name(tidy_name(line), 4) and not AFFILIATION.search(line) \
        and not BYLINE.match(line) and not parse_date(line)[0]


def _date_or_role(line: str) -> bool:
    line = _plain(line).strip()
    return bool(ROLE.match(line)) or (len(line.split()) <= 8 and bool(parse_date(line)[0]))


def _name_then_date(blocks: list[Block], i: int) -> bool:
    """A name alone on its line, then a date or a newsroom role (in the same block or the
    next): a byline without "By"."""
    block = blocks[i]
    if block.kind != "para" or not _name_alone(block.lines[0]):
        return False
    if len(block.lines) > 1:
        return _date_or_role(block.lines[1])
    return i + 1 < len(blocks) and blocks[i + 1].kind == "para" and _date_or_role(
        blocks[i + 1].lines[0])


POSTED_BY = re.compile(r"^(?:posted|published|written)(?: on)?\s+(?P<date>.+?)\s+by\s+(?P<who>.+)$",
                       re.I)


def _byline(text: str, meta: Meta, where: str) -> bool:
    """Fill authors (and a date) from 'By A and B | Published 12 March 2021'."""
    if (posted := POSTED_BY.match(text)) and parse_date(posted["date"])[0]:
        text = f"By {posted['who']} | {posted['date']}"  # 'Posted on 6 May 2023 by P. Hallam'
    m = BYLINE.match(text)
    if not m:
        return False
    parts = re.split(r"\s+[|·•—–]\s+|\s+-\s+", m.group(1))
    names = []
    split_parts: list[str] = []
    for part in parts:
        # "John Smith, 1 February 2023": the date after a comma is a part of its own (the
        # first comma followed by a number or a month name, so "A, B, 2023" keeps "A, B")
        m = DATE_AFTER_COMMA.search(part)
        if m and not re.search(r"\d", part[:m.start()]) and parse_date(part[m.end():])[0]:
            split_parts += [part[:m.start()], part[m.end():]]
        else:
            split_parts.append(part)
    split_parts = [p for p in split_parts if not ROLE.match(p.strip())
                   and not OTHER_CREDIT.match(p.strip())]
    # "By Mia Holm, Islands reporter": the role after the name's comma is no second author
    split_parts = [ROLE_AFTER_COMMA.sub("", p) for p in split_parts]
    for part in split_parts:
        date_field = DATE_FIELD.match(part)
        iso, how = parse_date(part)
        if iso and (date_field or not looks_like_name(part)):
            meta.published = iso
            meta.provenance["published"] = ("stated", f"{where}: '{part}' ({how})")
        else:
            names.append(part)
    authors = split_names(" and ".join(names))
    for k, author in enumerate(authors):
        kept, other = drop_second_spelling(author)
        if other:
            authors[k] = kept
            where += f" (the name is repeated in another spelling: '{other}')"
    if not authors or not all(looks_like_name(a, 6) or a.istitle() for a in authors):
        return False  # "By 1993, Armenia had won..." is a sentence, not a byline
    meta.authors = authors
    meta.provenance["authors"] = ("stated", f"{where}: '{text}'")
    return True


def extract_metadata(blocks: list[Block], report: ImportReport,
                     meta: Meta | None = None) -> tuple[Meta, list[Block]]:
    meta = meta or Meta()
    title_here = meta.title is None
    if meta.title is None:
        blocks = pagemeta.masthead(blocks, meta, report)
        blocks = _above_title(blocks, report)
        blocks = _title(blocks, meta, report)
    elif blocks and (md := _is_heading_md(blocks[0])) and _plain(md.group(2)) == meta.title:
        report.drop(blocks[0].line, "duplicate title", "repeats the title of the front matter",
                    blocks[0].text)
        blocks = blocks[1:]
    blocks = _explode_header_blocks(blocks)
    kept: list[Block] = []
    pending_date_label: Block | None = None
    pending_author_label: Block | None = None
    role_next = False
    for index, block in enumerate(blocks):
        if block.kind != "para":
            kept.append(block)
            continue
        text = _plain(block.flat)
        text_nolinks = DEAD_LINKS.sub("", text).strip() if "[" in text else text.strip()
        near_top = index < TOP_BLOCKS
        if pending_date_label is not None:
            label = _plain(pending_date_label.flat)
            french = bool(re.search(r"[éèû]|publié", label))
            iso, how = parse_date(text, day_first=True if french else None)
            pending_date_label = None
            if iso or len(text.split()) <= 3:
                if iso:
                    meta.published = iso
                    basis_note = f"field '{label}' at line {block.line}: {how}"
                    if french and "read as" in how:
                        basis_note += " (the field label is French; France writes day/month/year)"
                    meta.provenance["published"] = ("stated", basis_note)
                else:
                    report.warn(f"line {block.line}: could not read the date {text!r}: {how}")
                report.drop(block.line, "date", "moved to front matter (published)", block.text)
                continue
        if pending_author_label is not None:
            pending_author_label = None
            if looks_like_name(tidy_name(text)):
                if not meta.authors:
                    meta.authors = split_names(text)
                    meta.provenance["authors"] = ("stated", f"author field at line {block.line}")
                report.drop(block.line, "byline", "moved to front matter (authors)", block.text)
                continue
        if role_next and len(block.lines) == 1 and ROLE.match(text):
            role_next = False  # "Health reporter" under the name just taken
            report.drop(block.line, "byline", "the author's role, under the name", block.text)
            continue
        role_next = False
        if index < 2 and not meta.authors and _author_block(block, meta, report):
            continue
        if near_top and not meta.authors and len(text.split()) <= 30 and _byline(
                text, meta, f"byline at line {block.line}"):
            report.drop(block.line, "byline", "moved to front matter (authors)", block.text)
            continue
        if index == 0 and not meta.authors and title_here and len(block.lines) == 1 \
                and looks_like_name(tidy_name(text), 4) and not AFFILIATION.search(text) \
                and not BYLINE.match(text):
            meta.authors = [tidy_name(text)]
            meta.provenance["authors"] = ("inferred", f"a name alone on the line after the "
                                                      f"title, line {block.line}")
            report.drop(block.line, "byline", "moved to front matter (authors)", block.text)
            role_next = True
            continue
        if index <= 2 and not meta.authors and (title_here or index == 0) \
                and _name_then_date(blocks, index):
            # "Femke de Vries" / "Apr 08, 2025", "Hannah Okafor" / "Health reporter"
            meta.authors = [tidy_name(_plain(block.lines[0]))]
            meta.provenance["authors"] = ("inferred", f"a name alone on its line with a date or "
                                                      f"a newsroom role under it, line {block.line}")
            report.drop(block.line, "byline", "moved to front matter (authors)", block.lines[0])
            role_next = True
            if len(block.lines) == 1:
                continue
            block = Block(block.lines[1:], block.line + 1)
            text = _plain(block.flat)
        if index <= 2 and not meta.authors and (title_here or index == 0) \
                and len(block.lines) == 1 \
                and (role := NAME_ROLE.match(text)) and looks_like_name(role["name"], 3):
            # "Damian Carrington Environment editor": a staff byline without "By" (a page's
            # title is in its metadata: the byline then opens the text)
            meta.authors = [role["name"]]
            meta.provenance["authors"] = ("inferred", f"a name with a newsroom role under the "
                                                      f"title, line {block.line}: '{text}'")
            report.drop(block.line, "byline", "moved to front matter (authors)", block.text)
            continue
        if near_top and not meta.authors and (found := _platform_byline(text)):
            names, iso, how = found
            meta.authors = names
            meta.provenance["authors"] = ("stated", f"byline at line {block.line}: '{text}'")
            if iso and not meta.published:
                meta.published = iso
                meta.provenance["published"] = ("stated", f"byline at line {block.line} ({how})")
            report.drop(block.line, "byline", "moved to front matter (authors)", block.text)
            continue
        if m := AUTHOR_FIELD.match(text):
            names = split_names(m.group(1))
            if names and all(looks_like_name(n, 6) or re.fullmatch(r"[A-ZÀ-Ý][\w'’.-]+", n)
                             for n in names):  # "Author: I think..." is a speaker, not a field
                if not meta.authors:
                    meta.authors = names
                    meta.provenance["authors"] = (
                        "stated", f"author field at line {block.line}: '{text}'")
                report.drop(block.line, "byline", "moved to front matter (authors)", block.text)
                continue
        if re.match(r"^(auteur-article|author|auteur|written by|words by|by)\s*:?$", text, re.I):
            pending_author_label = block
            report.drop(block.line, "field label", "metadata field label", block.text)
            continue
        # "Publié le 14 mai 2025 à 06h00, modifié le ...": the update time comes off
        dated = UPDATE_TAIL.split(text)[0] if DATE_FIELD.match(text) else text
        if (m := DATE_FIELD.match(dated)) and len(dated.split()) <= 8:
            rest = m.group(2).strip()
            if len(rest.split()) > 8 or (len(rest.split()) > 5 and not parse_date(rest)[0]):
                # "Published 3 May the talks resumed" is a sentence
                kept.append(block)
                continue
            if not rest:
                pending_date_label = block
                report.drop(block.line, "field label", "metadata field label", block.text)
                continue
            iso, how = parse_date(rest)
            if iso:
                if not meta.published:
                    meta.published = iso
                    meta.provenance["published"] = ("stated", f"line {block.line}: '{text}'")
                report.drop(block.line, "date", "moved to front matter (published)", block.text)
                continue
        if near_top and len(text.split()) <= 8 and only_date_words(text):
            # "March 12, 2021", "7 min read · Jan 5, 2023"
            iso, how = parse_date(text)
            if iso and not re.search(r"[.!?]$", text) and not meta.published:
                meta.published = iso
                meta.provenance["published"] = ("stated", f"date line {block.line}: '{text}'")
                report.drop(block.line, "date", "moved to front matter (published)", block.text)
                continue
            if iso and iso == meta.published and not re.search(r"[.!?]$", text):
                # the page's metadata gave the date; its date line under the headline repeats it
                report.drop(block.line, "date", "repeats the date of the front matter", block.text)
                continue
        if (m := TRANSLATOR.match(text_nolinks)) and len(text_nolinks.split()) <= 14:
            lang = (m.group("lang") or m.group("lang2") or "").lower()
            names = split_names(m.group("who"))
            if names:
                meta.translator = ", ".join(names)
                meta.provenance["translator"] = ("stated", f"line {block.line}: '{text}'")
                if lang in LANGUAGES:
                    meta.original_language = LANGUAGES[lang]
                report.drop(block.line, "translator credit", "moved to front matter (translator)",
                            block.text)
                continue
        if CMS_LABEL.match(text):
            report.drop(block.line, "field label", "metadata field label of the site", block.text)
            continue
        kept.append(block)
    kept = endmatter.drop_trailing_author(kept, report)
    kept = endmatter.drop_written_by(kept, meta, report)
    last = max((b.line for b in kept if b.kind == "para"), default=0)
    pagemeta.outlet_from_home_link(meta, report)
    pagemeta.outlet_from_copyright(meta, report, after_line=last)
    pagemeta.outlet_from_running_header(meta, report)
    _dateline(kept, meta)
    kept = endmatter.drop_bio(kept, meta, report)
    kept = endmatter.drop_signature(kept, meta, report)
    return meta, kept


# "BERGEN, Norway, June 17, 2025 — ...", "OAKLAND, Calif. (March 4, 2025) -- ...": a press
# release's or a wire story's dateline, a place in capitals and the date, opening the text.
DATELINE = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý .'’-]{1,40}(?:,\s*[A-Z][\w. ]{1,30}){0,2}?\s*[,(]\s*"
                      r"(?P<date>[^()—–]{6,30}?)\s*\)?\s*(?:/[^/]{2,30}/\s*)?(?:—|–|--|-)\s")


def _dateline(blocks: list[Block], meta: Meta) -> None:
    """The date of a dateline opening the first paragraph (or the one after a standfirst),
    when nothing else stated one."""
    if meta.published:
        return
    for first in [b for b in blocks if b.kind == "para"][:2]:
        if not (m := DATELINE.match(_plain(first.flat))):
            continue
        iso, how = parse_date(m.group("date"))
        if iso:
            meta.published = iso
            meta.provenance["published"] = ("stated", f"the dateline at line {first.line}: "
                                                      f"'{m.group(0).strip()}' ({how})")
        return


HONORIFIC = re.compile(r"^(dr\.?|prof\.?|professor|mr\.?|mrs\.?|ms\.?|sir|dame)\s+", re.I)
AFFILIATION = re.compile(r"\b(institute|university|universit[éä]t?|cent(er|re)|college|school|"
                         r"foundation|council|fellow|professor|researcher|department|"
                         r"ministry|agency|office|program(me)?|journal|review)\b", re.I)


def _author_block(block: Block, meta: Meta, report: ImportReport) -> bool:
    """A title page's author block without "By": a name, an affiliation, a date, one per line.

    Taken only when every line is short and each is a name, an affiliation or a date, with at
    least one name and one other kind, so an ordinary short paragraph is never eaten.
    """
    lines = [_plain(s) for s in block.lines]
    if not 2 <= len(lines) <= 5 or any(len(s.split()) > 8 or s.endswith(".") for s in lines):
        return False
    names, dates, other = [], [], []
    for line in lines:
        bare = HONORIFIC.sub("", line)
        iso, how = parse_date(line)
        if iso and len(line.split()) <= 8:
            dates.append((line, iso, how))
        elif (split := split_names(bare)) and all(looks_like_name(n, 4) for n in split) \
                and not AFFILIATION.search(bare):
            names.extend(split)
        elif AFFILIATION.search(line):
            other.append(line)
        else:
            return False
    if not names or not (dates or other):
        return False
    meta.authors = [tidy_name(n) for n in names]
    meta.provenance["authors"] = (
        "inferred", f"author block at line {block.line} (no 'By'): name line(s) beside "
        + ("a date" if dates else "an affiliation"))
    if dates and not meta.published:
        line, iso, how = dates[0]
        meta.published = iso
        meta.provenance["published"] = ("stated", f"author block at line {block.line}: '{line}'")
    report.drop(block.line, "byline", "author block (name, affiliation, date) moved to the "
                "front matter; the affiliation is kept only here", block.text)
    return True
