"""A web page's markup read before the main-text extraction, for what the extraction cannot
tell from text alone.

- A definition list (``<dl>``: "412 metres" / "length of the bridge") becomes a list of
  "term: definition" items, so that each pair stays one line of the article (groups may stand
  in ``<div>``s; a ``<dl>`` holding text or other elements is left as it is).
- An element marked as a pull quote (class "pullquote", "quote" ...) is taken out and
  reported when its words are a whole sentence or quotation of a paragraph outside it.
- A fact box (an ``<aside>`` headed "Key figures", "Key facts", "At a glance", "In numbers",
  "Timeline" ..., with little link text) is article content: it is read as part of the text.
- A sign-up box (the smallest block around an e-mail field), elements whose class says
  caption or credit, and the author line and picture link of an embedded social post
  ("— Name (@handle) March 3, 2026", "pic.twitter.com/...") are taken out and reported.
- A standfirst (a sentence in an element whose class says standfirst, dek, summary ...) that
  the extraction leaves out with the page's header is given back as the first paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.importer.pagetext import visible_lines
from briefing.importer.quotes import quoted_only, sentences, squashed

FACT_BOX = re.compile(r"^(key (figures|facts|numbers|points|dates)|at a glance|in numbers|by the "
                      r"numbers|in figures|fact ?(box|file|sheet)|the facts|timeline|what we know"
                      r"|background|quick facts)\s*:?$", re.I)
CAPTION_CLASS = re.compile(r"(?:^|[\s_-])(?:caption|credit|photo-?credit|image-?credit|"
                           r"wp-caption-text)(?:$|[\s_-])", re.I)
STANDFIRST_CLASS = re.compile(r"(?:^|[\s_-])(?:standfirst|dek|deck|sub-?title|sub-?headline|"
                              r"strapline|strap|summary|lede|teaser|excerpt|sapo|chapo|"
                              r"article-?intro|intro)(?:$|[\s_-])", re.I)
EMBED_AUTHOR = re.compile(r"^\s*(?:[—–-]\s*|an? (?:post|photo|video|reel) shared by\s+)"
                          r"[^()\n]{1,80}\(@[\w.]{1,40}\)\s*.{0,40}$", re.S | re.I)
PULL_QUOTE_CLASS = re.compile(r"pull|quote", re.I)
PULL_QUOTE_WORDS = (5, 40)
PIC_LINK = re.compile(r"^\s*pic\.(?:twitter|x)\.com/\S+\s*$", re.I)
CAPTION_WORDS = 40
SIGNUP_WORDS = 60
STANDFIRST_WORDS = (5, 60)


@dataclass(slots=True)
class Prepared:
    removed: list[tuple[int, str, str]] = field(default_factory=list)  # (line, kind, text)
    standfirst: str | None = None


def _text(el) -> str:
    return " ".join(el.text_content().split())


def _lines(el) -> str:
    """The element's text as a reader sees it: a line per block element (text_content() would
    glue "weekly" to the "Our" of the next paragraph)."""
    return "\n".join(text for _, text in visible_lines(el))


def _remove(el, kind: str, out: Prepared) -> None:
    text = _lines(el)
    if text:
        out.removed.append((el.sourceline or 0, kind, text))
    parent = el.getparent()
    if parent is None:
        return
    # the text after the element belongs to what stands around it
    if el.tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + el.tail
        else:
            parent.text = (parent.text or "") + el.tail
    parent.remove(el)


def _definition_lists(tree) -> None:
    """A <dl> of terms and definitions becomes a list of "term: definition" items. HTML5 lets
    each group stand in a <div>; a <dl> holding anything else (text, other elements) is left
    as it is, so none of its words are lost."""
    from lxml import etree

    for dl in list(tree.iter("dl")):
        if not _only_terms(dl, allow_div=True):
            continue
        items = []
        term = None
        for child in dl.iter("dt", "dd"):
            if child.tag == "dt":
                term = f"{term} {_text(child)}" if term else _text(child)
            else:
                items.append(f"{term}: {_text(child)}" if term else _text(child))
                term = None
        if term:
            items.append(term)  # a last term with no definition keeps its words
        if not items:
            continue
        tail = dl.tail
        for child in list(dl):
            dl.remove(child)
        dl.tag, dl.text = "ul", None
        dl.attrib.clear()
        for item in items:
            li = etree.SubElement(dl, "li")
            li.text = item
        dl.tail = tail


def _only_terms(el, allow_div: bool) -> bool:
    """``el`` holds only <dt>/<dd> (or, at the top, <div>s of them) and no text of its own."""
    if (el.text or "").strip():
        return False
    for child in el:
        if (child.tail or "").strip():
            return False
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in ("dt", "dd"):
            continue
        if not (allow_div and tag == "div" and _only_terms(child, allow_div=False)):
            return False
    return True


def _fact_boxes(tree) -> None:
    for aside in list(tree.iter("aside")):
        heading = next((h for h in aside.iter("h2", "h3", "h4", "h5", "h6", "strong", "b")
                        if _text(h)), None)
        if heading is None or not FACT_BOX.match(_text(heading)):
            continue
        links = sum(len(_text(a)) for a in aside.iter("a"))
        if links * 2 >= len(_text(aside)):
            continue  # a box of links to other articles
        aside.tag = "div"
        aside.attrib.clear()


def _signup_boxes(tree, out: Prepared) -> None:
    for field_ in tree.xpath("//input[@type='email']"):
        box = field_.getparent()
        while box is not None and box.tag not in ("div", "aside", "section"):
            box = box.getparent()  # past the <form>: its heading and prompt go with it
        if box is None or box.tag in ("body", "html") or len(_text(box).split()) > SIGNUP_WORDS:
            continue
        if box.getparent() is not None:
            _remove(box, "sign-up box", out)


def _captions(tree, out: Prepared) -> None:
    gone: set = set()
    for el in tree.xpath("//*[@class]"):
        if el.getparent() is None or el.tag in ("body", "html", "article", "main"):
            continue
        if any(a in gone for a in el.iterancestors()):
            continue  # inside a caption already taken out
        if CAPTION_CLASS.search(el.get("class", "")) and len(_text(el).split()) <= CAPTION_WORDS:
            gone.add(el)
            _remove(el, "image caption", out)


def _embeds(tree, out: Prepared) -> None:
    for quote in tree.iter("blockquote"):
        paras = [c for c in quote if isinstance(c.tag, str) and c.tag == "p"]
        for p in paras:
            for a in list(p.iter("a")):
                if PIC_LINK.match(_text(a)):
                    _remove(a, "embedded post's picture link", out)
        if not paras:
            continue
        last = paras[-1]
        children = [c for c in quote if isinstance(c.tag, str)]
        after = children[children.index(last) + 1:]
        text = " ".join(((last.tail or "") + " " + " ".join(_text(c) + " " + (c.tail or "")
                                                              for c in after)).split())
        if text and EMBED_AUTHOR.match(text):
            out.removed.append((last.sourceline or 0, "embedded post's author line", text))
            last.tail = None
            for c in after:
                quote.remove(c)


def _marked_pull_quotes(tree, out: Prepared) -> None:
    """An element the page marks as a pull quote (class "pullquote", "quote" ...) goes when its
    words are a whole sentence or quotation of a paragraph outside it; otherwise it is text."""
    paras = list(tree.iter("p"))
    gone: set = set()
    for el in list(tree.xpath("//aside|//blockquote|//div|//p|//figure")):
        if el.getparent() is None or not PULL_QUOTE_CLASS.search(el.get("class", "")):
            continue
        if any(a in gone for a in el.iterancestors()):
            continue  # inside a pull quote already taken out
        quote = el.find(".//blockquote")
        body = quote if quote is not None and el.tag != "blockquote" else el
        text = _text(body)
        short = squashed(quoted_only(text) or text)
        if not PULL_QUOTE_WORDS[0] <= len(short.split()) <= PULL_QUOTE_WORDS[1]:
            continue
        inside = set(el.iter())
        if any(p not in inside and len(_text(p)) > len(text) and short in sentences(_text(p))
               for p in paras):
            gone.add(el)
            _remove(el, "pull quote", out)


def _addresses(tree) -> None:
    """An <address> byline is a paragraph of its own (the extraction glues it to the next)."""
    for el in list(tree.iter("address")):
        el.tag = "p"


def _standfirst(tree, out: Prepared) -> None:
    h1 = next(iter(tree.iter("h1")), None)
    if h1 is None:
        return
    # document order, not source lines: a minified page is all on one line
    for el in h1.xpath("following::*[@class]"):
        if not STANDFIRST_CLASS.search(el.get("class", "")) or el.tag not in ("p", "div", "h2"):
            continue
        text = _text(el)
        n = len(text.split())
        if STANDFIRST_WORDS[0] <= n <= STANDFIRST_WORDS[1] and not el.xpath(".//p"):
            out.standfirst = text
        return  # the first such element after the headline, whatever it holds


def prepare(tree) -> Prepared:
    """Change ``tree`` in place (see the module's docstring); what it takes out is listed."""
    out = Prepared()
    _definition_lists(tree)
    _marked_pull_quotes(tree, out)
    _addresses(tree)
    _fact_boxes(tree)
    _signup_boxes(tree, out)
    _captions(tree, out)
    _embeds(tree, out)
    _standfirst(tree, out)
    return out
