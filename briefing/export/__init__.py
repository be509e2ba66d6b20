"""Exports of annotations joined with the corpus, as a brief (no Textual).

    brief = build_brief(select(store, corpus, filters), corpus, filters,
                        synthesis=syntheses(store, corpus.title))
    write_export(path, render_markdown(brief))          # or render_csv / render_json
    write_folder(path, render_obsidian(brief))          # a folder of linked notes
    propose_export_path(corpus.title, "md")             # for the reader's export dialog
"""

from briefing.export.brief import Brief, build_brief
from briefing.export.csv_export import render_csv
from briefing.export.json_export import render_json
from briefing.export.location import propose_export_path, remember_export_folder
from briefing.export.markdown import render_markdown
from briefing.export.obsidian import render_obsidian
from briefing.export.write import (
    ExportError, default_export_path, export_filename, safe_filename, write_export, write_folder,
)

FORMATS = ("md", "csv", "json", "obsidian")

__all__ = ["Brief", "build_brief", "render_markdown", "render_json", "render_csv",
           "render_obsidian", "write_export", "write_folder", "ExportError",
           "default_export_path", "export_filename", "safe_filename", "propose_export_path",
           "remember_export_folder", "FORMATS"]
