"""Reading a briefing directory into a Corpus, one job per module.

``files`` reads bytes safely (size, encoding, NUL); ``yamlsrc`` parses YAML keeping line
numbers; ``fields`` checks values and types; ``frontmatter``/``body``/``inline`` read articles;
``events``/``claims`` read the YAML lists; ``anchor`` ties each claim to its exact passage.
``briefing.loader.load_corpus`` puts them together.  Nothing here imports Textual, and nothing
raises on bad input: every problem becomes a :class:`briefing.problems.Problem`.
"""
