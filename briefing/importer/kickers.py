"""Section labels ("kickers") printed above a title, and the genre each one names."""

# A section label ("kicker") above the title: "OPINION", "Analysis".  Its genre, if any.
KICKERS = {"opinion": "op-ed", "op-ed": "op-ed", "oped": "op-ed", "editorial": "op-ed",
           "comment": "commentary", "commentary": "commentary", "column": "commentary",
           "analysis": "analysis", "interview": "interview", "news": "news", "report": "report",
           "perspective": "commentary", "explainer": None, "feature": None, "essay": None}
