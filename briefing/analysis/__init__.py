"""Cross-source analysis of a loaded corpus: pure functions over briefing.model, no Textual.

Each module has one job: numbers (figures as written), precision (what a value as written
allows), disagreements (keyed figures and dates: conflict, compatible, agree), offices (people
given different titles), attribution (events credited to different go-betweens), names
(people across transliterations), sentences (sentence offsets), compare (one event, source by
source), framing (distinctive terms), lexicon (the curated framing terms), event_analysis (all
of it for one event, memoised), coverage and timeline (events x sources), search (a ranked
index).
Modules are imported directly (``from briefing.analysis.compare import compare``) so that a
command pays only for what it uses.
"""
