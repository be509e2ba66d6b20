"""What the claim form edits, as text fields, and the curation steps a save makes (no Textual).

A new claim starts from a quote: kind, figures and dates are pre-filled by the parsers
`briefing claims add` uses (briefing.curation.prefill), with the id the claim will get, so
the figures' quantity keys match it.  An existing claim (a suggestion under review, or a
curated one) starts from its fields; saving it changes only the fields that differ.
Figures are edited as YAML flow mappings, one a line; dates as ISO values, commas between.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import partial
from typing import Any

import yaml

from briefing.curation import add_claim, add_event, edit_claim
from briefing.curation.claims import next_claim_id
from briefing.curation.errors import CurationError
from briefing.curation.prefill import dates_in, figures_in
from briefing.model import Claim, Corpus
from briefing.text import clean_line


def split_list(text: str) -> list[str]:
    return [part for part in (clean_line(p).strip() for p in text.split(",")) if part]


def figures_text(figures: list[dict[str, Any]]) -> str:
    return "\n".join(yaml.safe_dump(f, default_flow_style=True, allow_unicode=True,
                                    sort_keys=False, width=1000).strip() for f in figures)


def parse_figures(text: str) -> list[dict[str, Any]]:
    out = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            value = yaml.safe_load(line)
        except yaml.YAMLError as exc:
            raise CurationError(f"figures, line {number}: not a YAML mapping: "
                                f"{getattr(exc, 'problem', None) or exc}") from None
        if not isinstance(value, dict) or "quantity" not in value or "value" not in value:
            raise CurationError(f"figures, line {number}: write "
                                "{quantity: KEY, value: NUMBER, unit: UNIT, text: AS WRITTEN}")
        out.append(value)
    return out


def _figure_dict(fig) -> dict[str, Any]:  # noqa: ANN001 - briefing.model.Figure
    value = int(fig.value) if fig.value == int(fig.value) else fig.value
    out: dict[str, Any] = {"quantity": fig.quantity, "value": value}
    for key in ("unit", "text"):
        if getattr(fig, key, None):
            out[key] = getattr(fig, key)
    if getattr(fig, "approx", False):
        out["approx"] = True
    return out


def _date_text(date) -> str:  # noqa: ANN001 - briefing.model.DateRef
    return f"{date.value}={date.what}" if date.what else date.value


def parse_dates(text: str) -> list[Any]:
    """``2020-11-09=ceasefire-signed, 2020``: a date with its shared key, or a bare date."""
    out: list[Any] = []
    for part in split_list(text):
        value, _, what = part.partition("=")
        out.append({"value": value.strip(), "what": what.strip()} if what.strip() else value.strip())
    return out


@dataclass
class ClaimDraft:
    article_id: str
    quote: str
    claim_id: str  # the id it has, or will get
    kind: str = "fact"
    speaker: str = "author"
    actors: str = ""
    events: str = ""
    figures: str = ""
    dates: str = ""
    existing: Claim | None = None  # set when editing
    new_event: dict[str, str] = field(default_factory=dict)  # id, title, date

    @classmethod
    def from_quote(cls, corpus: Corpus, article_id: str, quote: str,
                   near: Claim | None = None) -> "ClaimDraft":
        """``near``: the claim the reader is on, in the same source: its events and speaker
        are the likeliest (an interview's answers share a speaker)."""
        claim_id = next_claim_id(article_id, set(corpus.claims))
        figures = figures_in(quote, claim_id)
        near = near if near is not None and near.article_id == article_id else None
        return cls(article_id, quote, claim_id, kind="figure" if figures else "fact",
                   speaker=(near.speaker if near is not None and near.speaker else "author"),
                   events=", ".join(near.events) if near is not None else "",
                   figures=figures_text(figures), dates=", ".join(dates_in(quote)))

    @classmethod
    def from_claim(cls, claim: Claim) -> "ClaimDraft":
        return cls(claim.article_id, claim.quote, claim.id, kind=claim.kind,
                   speaker=claim.speaker or "author", actors=", ".join(claim.actors),
                   events=", ".join(claim.events),
                   figures=figures_text([_figure_dict(f) for f in claim.figures]),
                   dates=", ".join(_date_text(d) for d in claim.dates), existing=claim)

    # ------------------------------------------------------------------ saving
    def event_ids(self) -> list[str]:
        ids = split_list(self.events)
        new = clean_line(self.new_event.get("id", ""))
        if new and new not in ids:
            ids.append(new)
        return ids

    def steps(self) -> list:
        """The curation steps (callables of (curator, expected)) that save this draft.
        CurationError when a field cannot be read (nothing is run then)."""
        figures, dates, events = parse_figures(self.figures), parse_dates(self.dates), self.event_ids()
        if not events:
            raise CurationError("give the claim an event: an existing id, or a new event "
                                "(id and title)")
        steps = []
        new = {k: clean_line(v) for k, v in self.new_event.items() if clean_line(v)}
        if new.get("id"):
            if not new.get("title"):
                raise CurationError(f"the new event {new['id']!r} needs a title")
            steps.append(lambda cur, exp: add_event(cur, new["id"], new["title"],
                                                    date=new.get("date"), expected=exp))
        fields = {"kind": self.kind, "speaker": clean_line(self.speaker) or "author",
                  "actors": split_list(self.actors), "events": events}
        if self.existing is None:
            steps.append(lambda cur, exp: add_claim(
                cur, self.article_id, self.quote, claim_id=self.claim_id, figures=figures,
                dates=dates, expected=exp, **fields))
            return steps
        changes = self._changes(fields, figures, dates)
        if changes:
            steps.append(partial(_edit, self.existing.id, changes))
        return steps

    def _changes(self, fields: dict[str, Any], figures: list, dates: list) -> dict[str, Any]:
        before = ClaimDraft.from_claim(self.existing)
        changes: dict[str, Any] = {}
        if fields["kind"] != before.kind:
            changes["kind"] = fields["kind"]
        if fields["speaker"] != before.speaker:
            changes["speaker"] = fields["speaker"]
        if fields["actors"] != split_list(before.actors):
            changes["actors"] = fields["actors"] or None
        if fields["events"] != split_list(before.events):
            changes["events"] = fields["events"]
        if figures != parse_figures(before.figures):
            changes["figures"] = figures or None
        if dates != parse_dates(before.dates):
            changes["dates"] = dates or None
        return changes


def _edit(claim_id: str, changes: dict[str, Any], curator, expected):  # noqa: ANN001
    return edit_claim(curator, claim_id, changes, expected=expected)


def suggestion_line(claim) -> str:  # noqa: ANN001 - briefing.model.Claim
    """``suggested (72%) by briefing-suggest/1``: how sure the suggestion was."""
    from briefing.tui.viewmodels.annotations import one_line

    confidence = f" ({claim.confidence:.0%})" if claim.confidence is not None else ""
    by = f" by {one_line(claim.by, 40)}" if claim.by else ""
    return f"suggested{confidence}{by}: y accepts · x rejects · E edits"
