"""briefing: a terminal reader for briefings: several sources on one topic, a claim index, annotations."""

__version__ = "0.1.0"
