"""Turn paragraphs and claims into styled Content, never parsing the text as markup.

Long paragraphs are cut into chunks (at whitespace) so that one widget never has to wrap a
megabyte of text, and so that moving the claim highlight re-renders only a small piece.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Mapping

from textual.content import Content, Span
from textual.style import Style

from briefing.model import Claim, Paragraph

CHUNK_CHARS = 4000

# As briefing.text.clean removes: C0 except tab and newline, DEL, C1, bidi controls.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f\x80-\x9f\u202a-\u202e\u2066-\u2069]")
ANNOTATED_MARK = "✎"  # after each annotated claim (briefing.tui.viewmodels.annotations.MARK)

INLINE_STYLES: dict[str, Style] = {
    "em": Style(italic=True),
    "strong": Style(bold=True),
    "link": Style(underline=True),  # never a terminal hyperlink: an href is untrusted
    "code": Style(reverse=True),
}


def chunk_bounds(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """[start, end) pieces of ``text`` of about ``size`` characters, cut after whitespace."""
    if len(text) <= size:
        return [(0, len(text))]
    bounds: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    while start < n:
        end = min(n, start + size)
        if end < n:
            cut = max(text.rfind(" ", start + size // 2, end), text.rfind("\n", start + size // 2, end))
            if cut > start:
                end = cut + 1
        bounds.append((start, end))
        start = end
    return bounds


@dataclass(slots=True)
class ChunkState:
    """What is highlighted in one chunk; a change here means one re-render of one widget."""

    current_claim: str | None = None
    match: tuple[int, int] | None = None  # offsets in the paragraph text
    annotated: frozenset[str] = field(default_factory=frozenset)
    highlights: tuple[tuple[int, int], ...] = ()  # the user's highlights (passages, not claims)
    selection: tuple[int, int] | None = None  # a passage being selected (h, or a mouse drag)


def _range_spans(ranges, start: int, end: int, style: Style | None) -> list[Span]:  # noqa: ANN001
    if style is None:
        return []
    return [Span(max(a, start) - start, min(b, end) - start, style)
            for a, b in ranges if max(a, start) < min(b, end)]


def render_chunk(
    paragraph: Paragraph,
    start: int,
    end: int,
    claims: list[Claim],
    styles: Mapping[str, Style],
    state: ChunkState,
) -> Content:
    """Content for ``paragraph.text[start:end]`` with inline styles, claims and footnote refs.

    ``styles`` maps "claim--<kind>", "claim--current", "claim--annotated", "search--match" and
    "footnote-ref" to styles (they come from the stylesheet's component classes).
    """
    # The loader cleans text at ingest; this is defence in depth for a corpus built any other
    # way: control and bidi characters become U+FFFD (same length: claim offsets stay exact).
    text = _UNSAFE.sub("\ufffd", paragraph.text[start:end])
    spans: list[Span] = []
    for span in paragraph.spans:
        a, b = max(span.start, start), min(span.end, end)
        style = INLINE_STYLES.get(span.style)
        if a < b and style is not None:
            spans.append(Span(a - start, b - start, style))
    for claim in claims:
        a, b = max(claim.start, start), min(claim.end, end)
        if a >= b:
            continue
        style = styles.get(f"claim--{claim.kind}") or styles.get("claim--fact")
        if claim.id == state.current_claim:
            style = styles.get("claim--current", style)
        if style is not None:
            spans.append(Span(a - start, b - start, style))
        if claim.id in state.annotated and (mark := styles.get("claim--annotated")) is not None:
            spans.append(Span(a - start, b - start, mark))
        if claim.status == "suggested" and (mark := styles.get("claim--suggested")) is not None:
            spans.append(Span(a - start, b - start, mark))
    spans += _range_spans(state.highlights, start, end, styles.get("highlight"))
    if state.selection is not None:
        spans += _range_spans((state.selection,), start, end, styles.get("selection"))
    if state.match is not None:
        a, b = max(state.match[0], start), min(state.match[1], end)
        if a < b and (style := styles.get("search--match")) is not None:
            spans.append(Span(a - start, b - start, style))
    content = Content(text, spans) if spans else Content(text)
    ref_style = styles.get("footnote-ref", Style(bold=True))
    # (offset, order, marker): an annotated claim's mark comes before a footnote at its end.
    inserts: list[tuple[int, int, Content]] = [
        (off - start, 1, Content.styled(f"[{label}]", ref_style))
        for off, label in paragraph.footnote_refs
        if start <= off <= end and (off < end or end == len(paragraph.text))]
    # Annotated claims also get a mark after their last character: in 16 colours and with
    # NO_COLOR every claim is underlined, so the annotated style alone would not show.
    mark_style = Style(bold=True) + styles.get("claim--annotated", Style())
    inserts += [(claim.end - start, 0, Content.styled(ANNOTATED_MARK, mark_style))
                for claim in claims if claim.id in state.annotated and start < claim.end <= end]
    if not inserts:
        return content
    inserts.sort(key=lambda item: (item[0], item[1]))
    # Markers are inserted between pieces, so claim offsets above stay exact.
    pieces = content.divide([off for off, _, _ in inserts])
    out = pieces[0]
    for piece, (_, _, marker) in zip(pieces[1:], inserts):
        out = out + marker + piece
    return out
