"""What the views show, computed from the corpus, the analysis and the store: small records
the screens and widgets lay out, testable without running an app."""
