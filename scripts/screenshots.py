"""Regenerate the reader's screenshots (screenshots/*.svg) with the app's own save_screenshot.

    .venv/bin/python scripts/screenshots.py [OUT_DIR]

reader-120x36.svg: the bundled briefing on a figure claim, contents and claim panel open;
reader-80x24.svg: the same claim at 80 columns (side panes folded away); reader-80x24-panel.svg:
with the claim panel under the article (i); search-80x24.svg: "/" with results for
"peacekeepers"; help-80x24.svg: "?"; claim-form-80x24.svg: `C` on that claim's sentence
(the claim form, pre-filled; nothing is saved).  A fresh, empty annotation store in a temporary
directory is used, so no user data appears.  It then runs compare_screenshots.py (compare and
events views), annotation_screenshots.py (tag dialog, note editor, annotations view) and
export_screenshots.py (export dialog, a rendered brief), so this one command regenerates every
screenshot in the README.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.loader import load_corpus  # noqa: E402
from briefing.paths import bundled_content  # noqa: E402
from briefing.store import AnnotationStore  # noqa: E402
from briefing.tui.app import BriefingApp  # noqa: E402

# A figure claim that other sources dispute: shows the highlight, the panel and the ≠ line.
CLAIM_PRESSES = ["n", "n"]


async def shoot(out: Path, store_dir: Path, name: str, size: tuple[int, int],
                keys: list[str], query: str | None = None) -> None:
    corpus, problems = load_corpus(bundled_content())
    if problems:
        raise SystemExit("\n".join(map(str, problems)))
    store = AnnotationStore(store_dir / f"{name}.json", author="screenshots")
    app = BriefingApp(corpus, store=store, theme="textual-dark")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
        if query is not None:
            await pilot.press(*query, "enter")
        for _ in range(3):  # the claim panel fills in a frame after the highlight
            await pilot.pause(0.05)
        for widget in app.screen.query("Input, TextArea"):
            widget.cursor_blink = False
        await pilot.pause()
        app.save_screenshot(filename=name, path=str(out))
        print(f"{out / name}  {size[0]}x{size[1]}")
    store.close()


async def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        store_dir = Path(tmp)
        await shoot(out, store_dir, "reader-120x36.svg", (120, 36), CLAIM_PRESSES)
        await shoot(out, store_dir, "reader-80x24.svg", (80, 24), CLAIM_PRESSES)
        await shoot(out, store_dir, "reader-80x24-panel.svg", (80, 24), CLAIM_PRESSES + ["i"])
        await shoot(out, store_dir, "search-80x24.svg", (80, 24), ["slash"], query="peacekeepers")
        await shoot(out, store_dir, "help-80x24.svg", (80, 24), ["question_mark"])
        await shoot(out, store_dir, "claim-form-80x24.svg", (80, 24), CLAIM_PRESSES + ["C"])


async def main_all(out: Path) -> None:
    import annotation_screenshots
    import compare_screenshots
    import export_screenshots

    os.environ.pop("VISUAL", None)  # the note editor's hint does not depend on the machine
    os.environ.pop("EDITOR", None)
    with tempfile.TemporaryDirectory() as state:
        # No reading progress, bookmarks or drafts of the user's own in the pictures.
        os.environ["BRIEFING_STATE_DIR"] = state
        await main(out)
        await compare_screenshots.main(out)
        await annotation_screenshots.main(out)
        await export_screenshots.main(out)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    asyncio.run(main_all(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "screenshots"))
