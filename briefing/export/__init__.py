"""Exports of annotations joined with the corpus: a Markdown brief and JSON (no Textual).

    brief = build_brief(select(store, corpus, filters), corpus, filters)
    write_export(path, render_markdown(brief, corpus.title))
"""

from briefing.export.brief import Brief, build_brief
from briefing.export.json_export import render_json
from briefing.export.markdown import render_markdown
from briefing.export.write import ExportError, default_export_path, safe_filename, write_export

__all__ = ["Brief", "build_brief", "render_markdown", "render_json", "write_export",
           "ExportError", "default_export_path", "safe_filename"]
