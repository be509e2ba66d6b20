"""Web pages: main text and metadata with trafilatura, and the rest listed as dropped.

trafilatura (with htmldate for the date) is given the page as a string and never fetches
anything itself.  Its Markdown output then goes through the same steps as pasted text.  The
no-word-lost audit needs to know what the extraction left out: the page's visible text is
split into lines at block elements, and each line not found in the extraction is recorded in
the report as dropped ("left out by the main-text extraction"), with its line in the HTML.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

from briefing.importer import pageprep
from briefing.importer.meta import Meta
from briefing.importer.names import ROLE, looks_like_name, tidy_name
from briefing.importer.pagetext import visible_lines

HTML_START = re.compile(r"\A\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|title)\b",
                        re.I | re.S)
TAGS = re.compile(r"<(?:p|div|br|span|a|article|section|h[1-6]|li|table)\b[^>]*>", re.I)

_SQUASH = re.compile(r"\w+")
EXTENSIVE_DATES = 1_000_000  # characters of HTML
FAST_EXTRACTION = 1_000_000  # characters of HTML
SHORT_LINE_WORDS = 4  # lines shorter than this are matched by count, not by position
DOMAIN = re.compile(r"^[\w.-]+\.[a-z]{2,}$", re.I)


def looks_like_html(text: str) -> bool:
    """A page whatever its file name: a doctype/html/head tag first, or tags all over."""
    head = text[:4096]
    return bool(HTML_START.match(head)) or (head.lstrip().startswith("<")
                                            and len(TAGS.findall(head)) >= 3)


@dataclass(slots=True)
class Extraction:
    text: str  # Markdown of the main text
    meta: Meta
    visible: str  # every line of the page a reader sees: the basis of the audit
    left_out: list[tuple[int, str]] = field(default_factory=list)  # (HTML line, text)
    removed: list[tuple[int, str, str]] = field(default_factory=list)  # (line, kind, text)


def _squash(text: str) -> str:
    return " ".join(_SQUASH.findall(text.casefold()))


def _left_out(lines: list[tuple[int, str]], kept: str) -> list[tuple[int, str]]:
    """Lines of the page not found, in order, in what the extraction kept.

    A short line ("Culture", "Share") is kept only where the extraction has it as a line of
    its own, once per such line: the word "share" inside a paragraph does not vouch for the
    Share button, and the menu's "Culture" is listed when only the kicker's was kept."""
    haystack = _squash(kept)
    whole_lines = Counter(_squash(line) for line in kept.split("\n"))
    cursor = 0
    missing = []
    claimed: Counter = Counter()
    used: list[tuple[int, int]] = []  # sorted (start, end) of the places vouched for
    for number, line in lines:
        needle = _squash(line)
        if not needle:
            continue
        if len(needle.split()) < SHORT_LINE_WORDS:
            if whole_lines[needle] > claimed[needle]:
                claimed[needle] += 1
            else:
                missing.append((number, line))
            continue
        # search near the cursor first: the extraction keeps the page's order; a place in
        # the kept text vouches for one line only (a repeated paragraph kept once is listed)
        at = _unused(haystack, needle, cursor, cursor + 200_000 + len(needle), used)
        if at == -1:
            at = _unused(haystack, needle, max(0, cursor - 20_000), cursor + len(needle), used)
        if at == -1:
            missing.append((number, line))
        else:
            bisect.insort(used, (at, at + len(needle)))
            cursor = max(cursor, at + len(needle))
    return missing


def _unused(haystack: str, needle: str, start: int, end: int, used: list[tuple[int, int]]) -> int:
    """The first place of ``needle`` in the range that overlaps no place already vouched for."""
    at = haystack.find(needle, start, end)
    while at != -1:
        k = bisect.bisect_right(used, (at, float("inf")))
        clear_before = k == 0 or used[k - 1][1] <= at
        clear_after = k == len(used) or used[k][0] >= at + len(needle)
        if clear_before and clear_after:
            return at
        at = haystack.find(needle, at + 1, end)
    return -1


def _names(author: str | None) -> list[str]:
    """trafilatura joins authors with ';' and sometimes lets a date in ('Jane Doe; March 5')."""
    names = []
    for part in re.split(r"\s*;\s*", author or ""):
        name = tidy_name(part)
        if looks_like_name(name, 6):
            names.append(name)
    return names


# A link to an author's page: rel="author" (HTML) or a CMS's author archive path
# (WordPress "/author/name/", news sites "/authors/name").
AUTHOR_LINK = "//a[@rel='author' or contains(@href, '/author/') or contains(@href, '/authors/')]"


def _author_link(tree) -> str | None:
    """The first author link whose text is a name: the byline of a page whose metadata has
    no author (a blog theme's "By <a href=/author/ruth/>Ruth Kendall</a>")."""
    for link in tree.xpath(AUTHOR_LINK)[:5]:
        name = tidy_name(" ".join(link.text_content().split()))
        if looks_like_name(name, 5):
            return name
    return None


def extract(html: str, url: str | None = None) -> Extraction:
    import lxml.html
    import trafilatura

    tree = lxml.html.document_fromstring(html) if html.strip() else None
    meta = Meta()
    if tree is None:
        return Extraction("", meta, "")
    lines = visible_lines(tree)
    visible = "\n".join(text for _, text in lines)
    linked = _author_link(tree)  # read before trafilatura prunes the tree
    prepared = pageprep.prepare(tree)
    lines = visible_lines(tree)  # what the extraction is given: the removed parts are listed
    from trafilatura.core import determine_returnstring
    from trafilatura.settings import Extractor

    options = Extractor(output_format="markdown", recall=True, comments=False, tables=True,
                        # on a large page the main extractor has plenty to go on: comparing
                        # with the fallback extractors costs seconds and changes nothing
                        fast=len(html) >= FAST_EXTRACTION,
                        images=False, links=False, with_metadata=True, url=url,
                        # htmldate reads the page it is given; it has nothing to download
                        # from.  Its search of the whole text costs seconds on megabytes.
                        date_params={"extensive_search": len(html) < EXTENSIVE_DATES,
                                     "original_date": True, "outputformat": "%Y-%m-%d"})
    # the tree parsed above (trafilatura prunes it in place: the visible lines are read first)
    document = trafilatura.bare_extraction(tree, options=options)
    found: dict[str, str] = {}
    text = ""
    if document is not None:
        options.with_metadata = False  # the text alone; no fingerprint (seconds on megabytes)
        text = determine_returnstring(document, options) or ""
        found = {key: getattr(document, key) or "" for key in ("title", "author", "date",
                                                                  "sitename")}
    where = "the page's metadata or markup (trafilatura)"
    if prepared.standfirst and _squash(prepared.standfirst) not in _squash(text):
        text = f"{prepared.standfirst}\n\n{text}"  # left out with the page's header
    if found.get("title"):
        meta.title = " ".join(found["title"].split())
        meta.provenance["title"] = ("stated", f"{where}: title")
    names = _names(found.get("author"))
    if names:
        meta.authors = names
        meta.provenance["authors"] = ("stated", f"{where}: author '{found['author']}'")
    elif linked:
        meta.authors = [linked]
        meta.provenance["authors"] = ("stated", f"the link to the author's page: '{linked}'")
    elif byline := _header_byline(lines, meta.title, text):
        meta.authors = [byline[0]]
        meta.provenance["authors"] = ("inferred", f"a name with a newsroom role under the "
                                                  f"headline: '{byline[1]}'")
    date = found.get("date", "")
    if re.match(r"^\d{4}-\d{2}-\d{2}$", date):
        meta.published = date
        meta.provenance["published"] = ("stated", f"{where}: date found by htmldate")
    site = found.get("sitename", "").strip()
    if site and not DOMAIN.match(site):
        meta.outlet = " ".join(site.split())
        meta.provenance["outlet"] = ("stated", f"{where}: site name")
    if url:
        meta.url = url
    # metadata values count as kept: a byline line whose name went to the front matter is
    # still listed as dropped (it left the body), but the title line is matched in the text
    kept = "\n".join([text, meta.title or ""])
    return Extraction(text, meta, visible, _left_out(lines, kept), prepared.removed)


HEADER_LINES = 6  # lines under the headline searched for the author
_NAME_COMMA_ROLE = re.compile(r"^(?P<name>[^,]{3,60}),\s*(?P<role>.{3,60})$")


def _header_byline(lines: list[tuple[int, str]], title: str | None,
                   kept: str) -> tuple[str, str] | None:
    """A byline the extraction left out with the page's header: "Name, Role" on one line, or
    "Name" and "Role" on two ("Hanna Brisk" / "Morvik correspondent"), under the headline."""
    if not title:
        return None
    texts = [t for _, t in lines]
    at = next((i for i, t in enumerate(texts) if _squash(t) == _squash(title)), None)
    if at is None:
        return None
    body = _squash(kept)
    near = [t for t in texts[at + 1:at + 1 + HEADER_LINES] if _squash(t) not in body]
    for k, line in enumerate(near):
        m = _NAME_COMMA_ROLE.match(line)
        if m and looks_like_name(m["name"]) and ROLE.match(m["role"].strip()):
            return tidy_name(m["name"]), line
        if looks_like_name(line) and k + 1 < len(near) and ROLE.match(near[k + 1].strip()):
            return tidy_name(line), f"{line} / {near[k + 1]}"
    return None
