"""Palette commands for curating: the reader's curation keys by name (with the user's keys),
and, for each event with suggestions, "Accept all suggestions of <event>" and "Review event
<event>" (accept, rename, merge, move its claims: briefing.tui.dialogs.event_review)."""

from __future__ import annotations

from functools import partial

from briefing.tui.palette.reader import _ReaderProvider


class CurationProvider(_ReaderProvider):
    def entries(self, reader):
        actions = [
            ("Select a passage to highlight or make a claim from", "reader.highlight",
             reader.action_highlight),
            ("Make a claim from the sentence here", "reader.make_claim", reader.action_make_claim),
            ("Accept this suggested claim", "reader.accept_claim", reader.action_accept_claim),
            ("Reject this suggested claim", "reader.reject_claim", reader.action_reject_claim),
            ("Edit this claim", "reader.edit_claim", reader.action_edit_claim),
            ("Accept all suggestions in this source", "reader.accept_source",
             reader.action_accept_source),
            ("Review this claim's event (accept, rename, merge, move)", "reader.review_event",
             reader.action_review_event),
            ("Undo the last curation step", "reader.undo", reader.action_undo),
            ("Show or hide suggestions", "reader.toggle_suggestions",
             reader.action_toggle_suggestions),
        ]
        yield from self._with_keys(reader, actions)
        yield from self._events(reader)

    def _events(self, reader):
        from briefing.tui.screens.curating import accept_event_claims, review_event_by_id

        corpus = reader.corpus
        for event in corpus.events_in_order():
            suggested = [c.id for c in corpus.claims_for_event(event.id) if c.status == "suggested"]
            if suggested:
                yield (f"Accept all suggestions of {event.title}",
                       f"{len(suggested)} suggested claim{'s' * (len(suggested) != 1)}",
                       partial(accept_event_claims, reader, event.id))
            if suggested or event.status == "suggested":
                yield (f"Review event {event.title}",
                       "suggested event" if event.status == "suggested" else event.id,
                       partial(review_event_by_id, reader, event.id))


CURATION_PROVIDERS = {CurationProvider}
