"""Write SVG screenshots of the export to screenshots/ (bundled briefing, a temporary store
seeded with a synthesis, annotations and a highlight; a temporary export folder; the date
fixed so the proposed name does not change with the day).

    .venv/bin/python scripts/export_screenshots.py [OUT_DIR]

export-80x24.svg: the export dialog (e) with its proposed path.  brief-100x60.svg: the top of
the Markdown brief that dialog writes (front matter, synthesis, key findings, where the
sources disagree), rendered by rich as a Markdown viewer would show it.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import sys
import tempfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import briefing.export.write as export_write  # noqa: E402
from briefing.loader import load_corpus  # noqa: E402
from briefing.paths import bundled_content  # noqa: E402
from briefing.store import AnnotationStore  # noqa: E402
from briefing.store.synthesis import set_synthesis  # noqa: E402
from briefing.tui.app import BriefingApp  # noqa: E402

SYNTHESIS = ("Russia's security guarantee did not hold when it was invoked: in 2021 and "
             "again in September 2022 the CSTO sent no help under Article 4, and Armenia "
             "turned to the EU's monitoring mission instead.")
SEED = [  # (claim id, tags, note)
    ("dupuy-2022-01", ["russia", "csto"], "Check against Tadevosian: same offensive?"),
    ("jafarli-2023-03", ["eu-mission"], "EU monitoring starts here."),
    ("tadevosian-2023-01", ["russia"], "Same offensive, other framing."),
    ("tadevosian-2023-02", ["csto", "article-4"], "Yerevan's request, Sept. 2022."),
]


class _Day(date):
    @classmethod
    def today(cls) -> date:
        return date(2026, 12, 6)


async def main(out: Path) -> None:
    from rich.console import Console
    from rich.markdown import Markdown

    corpus, problems = load_corpus(bundled_content())
    if problems:
        raise SystemExit("\n".join(map(str, problems)))
    out.mkdir(parents=True, exist_ok=True)
    export_write.date = _Day  # type: ignore[misc]  # the proposed name carries the date
    demo = Path(tempfile.gettempdir()) / "briefing-export-demo"  # shown in the dialog: fixed
    shutil.rmtree(demo, ignore_errors=True)
    with tempfile.TemporaryDirectory() as tmp:
        exports = demo / "Documents"
        exports.mkdir(parents=True)
        os.environ["BRIEFING_EXPORT_DIR"] = str(exports)
        os.environ["BRIEFING_STATE_DIR"] = str(Path(tmp) / "state")
        store = AnnotationStore(Path(tmp) / "annotations.json", author="ana")
        for claim_id, tags, note in SEED:
            store.annotate(claim_id, corpus.claims[claim_id].quote, add_tags=tags, note=note)
        set_synthesis(store, corpus.title, SYNTHESIS)
        app = BriefingApp(corpus, store=store, build_index=False, theme="textual-dark")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("e")
            await pilot.pause(0.3)
            for widget in app.screen.query("Input"):
                widget.cursor_blink = False
            await pilot.pause()
            app.save_screenshot(filename="export-80x24.svg", path=str(out))
            print(out / "export-80x24.svg")
            await pilot.press("enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
        store.close()
        (brief,) = exports.iterdir()
        text = brief.read_text(encoding="utf-8")
    shutil.rmtree(demo, ignore_errors=True)
    body = text.split("---\n", 2)[2]
    console = Console(record=True, width=100, height=60, file=open(os.devnull, "w"))
    lines = body.split("\n## Evidence")[0]
    console.print(Markdown(lines))
    console.save_svg(str(out / "brief-100x60.svg"), title=brief.name)
    print(out / "brief-100x60.svg")


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "screenshots"))
