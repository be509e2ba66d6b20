"""Write small briefing directories on disk for loader and `briefing check` tests.

``write_briefing(root)`` writes a valid briefing; any file can be replaced (text or bytes) or
removed (None).  ``line_of`` finds the 1-based line of a marker so tests state exact
``path:line:`` prefixes without counting by hand.
"""

from __future__ import annotations

from pathlib import Path

BRIEFING = """\
title: Test briefing
description: Two small sources.
questions:
  - Who kept the peace?
"""

EVENTS = """\
- id: war
  title: The war
  date: 2020-09-27
  end: 2020-11-10
  summary: A six-week war.
  actors: [Azerbaijan, Armenia]
- id: ceasefire
  title: The ceasefire
  date: 2020-11-09
"""

ALPHA = """\
---
id: alpha
title: Alpha article
subtitle: null
authors: [Jane Doe]
outlet: null
published: 2023-02
language: en
genre: analysis
translator: null
source_file: 000_alpha.txt
url: null
provenance:
  published: {basis: inferred, note: "refers to January 2023 as recent"}
  outlet: {basis: unknown, note: ""}
---

Lead paragraph with *emphasis* and a note[^1].

## First section

The “peacekeepers” numbered 1,960 in **total**, see [the text](https://example.org).
A second line with `code` and an escaped \\$5.

Ce paragraphe est en français.
{: lang="fr"}

### A subsection

Twice here. Then twice here again.

[^1]: The footnote, citing [a source](https://example.org/src).
"""

BETA = """\
---
id: beta
title: Beta article
authors: []
published: null
language: en
genre: null
---

## Only section

Some 1 900 men were deployed — so the source says.
"""

ALPHA_CLAIMS = """\
- id: alpha-01
  quote: 'the "peacekeepers"   numbered 1,960'
  events: [ceasefire]
  kind: figure
  speaker: author
  actors: [Russia]
  figures:
    - {quantity: peacekeepers, value: 1960, unit: troops, text: "1,960"}
  dates:
    - {value: 2020-11-09, what: ceasefire-signed}
    - 2020-11
  frame: security_and_defense
- id: alpha-02
  quote: twice here
  events: war
  kind: fact
  occurrence: 2
"""

BETA_CLAIMS = """\
- id: beta-01
  quote: "1 900 men were deployed"
  events: [ceasefire]
  kind: figure
  figures:
    - {quantity: peacekeepers, value: 1900, unit: troops, approx: true}
"""

_DEFAULT = object()


def write_briefing(root: Path, *, briefing=_DEFAULT, events=_DEFAULT, articles=None,
                   claims=None) -> Path:
    """Write a briefing under ``root`` and return it.

    ``articles``/``claims`` map file names ("alpha.md", "alpha.yaml") to text, bytes, or None
    (to leave the default file out); they are merged over the defaults.
    """
    files: dict[str, str | bytes | None] = {
        "briefing.yaml": BRIEFING if briefing is _DEFAULT else briefing,
        "events.yaml": EVENTS if events is _DEFAULT else events,
    }
    arts = {"alpha.md": ALPHA, "beta.md": BETA, **(articles or {})}
    cls = {"alpha.yaml": ALPHA_CLAIMS, "beta.yaml": BETA_CLAIMS, **(claims or {})}
    files.update({f"articles/{k}": v for k, v in arts.items()})
    files.update({f"claims/{k}": v for k, v in cls.items()})
    root.mkdir(parents=True, exist_ok=True)
    (root / "articles").mkdir(exist_ok=True)
    (root / "claims").mkdir(exist_ok=True)
    for name, content in files.items():
        if content is None:
            continue
        target = root / name
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8")
    return root


def line_of(text: str, marker: str, nth: int = 1) -> int:
    """1-based line of the ``nth`` occurrence of ``marker`` in ``text``."""
    at = -1
    for _ in range(nth):
        at = text.index(marker, at + 1)
    return text.count("\n", 0, at) + 1
