"""The annotation store: tags and notes on claims, in TinyDB, safe to share and crash-proof.

Core code (no Textual).  Modules: storage (the TinyDB Storage: lock, journal, recovery),
table (the TinyDB Table that appends only what changed), model (Annotation, tag rules),
annotations (AnnotationStore, the API), highlights (passages that are not
claims), query (filters joined with the corpus, orphans).
"""

from briefing.store.annotations import AnnotationStore
from briefing.store.errors import StoreBusyError, StoreError
from briefing.store.highlights import Highlight
from briefing.store.model import Annotation, Version, normalise_tag

__all__ = ["AnnotationStore", "Annotation", "Highlight", "Version", "StoreError", "StoreBusyError",
           "normalise_tag"]
