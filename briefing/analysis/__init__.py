"""Cross-source analysis of a loaded corpus: pure functions over briefing.model, no Textual.

Each module has one job: numbers (figures as written), disagreements (figures and dates that
differ between sources), compare (one event, source by source), framing (distinctive terms
and a curated lexicon), coverage and timeline (events x sources), search (a ranked index).
Modules are imported directly (``from briefing.analysis.compare import compare``) so that a
command pays only for what it uses.
"""
