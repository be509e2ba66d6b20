"""``briefing suggest``: propose a claim index (claims, events, shared figure keys) for articles.

Rule-based and offline: nothing is downloaded or learned at run time.  One job per module:
``sentences`` splits paragraphs, ``spans`` picks the claim-carrying clauses, ``speakers`` finds
who says them, ``kinds`` labels them, ``mentions`` finds actors and dates, ``names`` unifies
spellings, ``figures`` reads numbers and gives comparable ones a shared key, ``events`` groups
claims from different sources into events, ``state`` reads what an earlier run (and the
reviewer) left, ``writer`` writes the ``*.suggested.yaml`` files, ``pipeline`` runs it all.
Nothing here imports Textual.
"""

BY = "briefing-suggest/1"  # the ``by:`` of every suggestion: what produced it
