"""A web page's text as a reader sees it: one line per block element, with its line in the
HTML (what the importer's audit checks every word against, and what it lists as dropped)."""

from __future__ import annotations

# Elements that never show text; elements that start a new line of visible text.
HIDDEN = {"script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas"}
BLOCK = {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th",
         "table", "section", "article", "header", "footer", "nav", "aside", "figure",
         "figcaption", "blockquote", "pre", "main", "form", "button", "dd", "dt", "dl", "hr",
         "address", "time", "label", "option", "select", "summary", "details", "caption"}


def visible_lines(tree) -> list[tuple[int, str]]:
    """The page's text as a reader sees it, one (source line, text) per block element."""
    lines: list[tuple[int, str]] = []
    current: list[str] = []
    where = [1]

    def flush() -> None:
        text = " ".join("".join(current).split())
        if text:
            lines.append((where[0], text))
        current.clear()

    def walk(el) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag.lower() in HIDDEN or not tag:  # comments and processing instructions too
            return
        block = tag.lower() in BLOCK
        if block:
            flush()
            where[0] = el.sourceline or where[0]
        if el.text:
            if not current:
                where[0] = el.sourceline or where[0]
            current.append(el.text)
        for child in el:
            walk(child)
            if child.tail:
                current.append(child.tail)
        if block:
            flush()

    body = tree.find(".//body")
    walk(body if body is not None else tree)
    flush()
    return lines
