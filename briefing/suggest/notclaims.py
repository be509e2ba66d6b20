"""Paragraphs of an imported page that are article text but state no claim of the story.

A web page keeps some paragraphs that are the outlet talking about its own article or
framing what comes next, not the story: an editor's note or a correction ("Correction: An
earlier version of this story said ..."), an amendment note, a table (its cells are no
sentences; the figures it holds are read from the prose around it), and a line that only
introduces an embedded post or a list ("The ministry said on X:"). The importer keeps them
(nothing of the article is lost); `suggest` proposes no claim from them: a correction's
wrong figure ("said the bridge opened in 1966") would otherwise be flagged as a
disagreement with the article's own corrected one.
"""

from __future__ import annotations

import re

# "Editor's note:", "Correction:", "Clarification:", "(This story has been corrected ...)",
# "This article was amended on 10 March 2026.", "An earlier version of this story ..."
_NOTE = re.compile(
    r"^[\s*_(\[]*(?:"
    r"(?:editor['’]?s['’]? note|editorial note|note to readers|corrections?|clarifications?"
    r"|correction appended|amendment)\s*[:.—–-]"
    r"|(?:this|the) (?:story|article|report|piece|post|item|version)"
    r" (?:has been|was|had been|is being) (?:corrected|amended|updated|clarified|changed|edited)\b"
    r"|an? (?:earlier|previous|prior|former) version of this (?:story|article|report|piece|post)\b"
    r")", re.I)

# A row of a Markdown table: "| a | b |".
_ROW = re.compile(r"^\s*\|.*\|\s*$")

# A short paragraph that ends on a colon and says who speaks or posts what follows.
_LEAD_IN = re.compile(
    r"\b(?:said|says|wrote|writes|posted|posts|tweeted|added|stated|announced|told [\w ]{1,30}"
    r"|published|shared)\b[^.!?]*:\s*$", re.I)
LEAD_IN_WORDS = 16


def not_a_claim(text: str) -> bool:
    """True for a paragraph that holds no claim of the story (see the module's docstring)."""
    if _NOTE.match(text):
        return True
    if text.lstrip().startswith("|"):
        lines = [line for line in text.splitlines() if line.strip()]
        return all(_ROW.match(line) for line in lines)
    return (text.rstrip().endswith(":") and len(text.split()) <= LEAD_IN_WORDS
            and bool(_LEAD_IN.search(text)))
