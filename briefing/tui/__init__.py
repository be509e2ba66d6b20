"""The Textual reader.  Nothing outside this package imports it (keeps the CLI fast)."""
