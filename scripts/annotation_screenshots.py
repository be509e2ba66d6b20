"""Write SVG screenshots of the annotation features to screenshots/ (bundled briefing, a
temporary store seeded with a few annotations by two people).

    .venv/bin/python scripts/annotation_screenshots.py [OUT_DIR]

annotations-80x24.svg / annotations-160x48.svg: the annotations view (A), every annotation
with its source, event, quote, tags, note and author, tag counts above.
tag-80x24.svg: the tag dialog (t) on Dupuy's first claim, suggestions as "r" is typed.
note-80x24.svg: the note editor (a).  reader-annotated-160x48.svg: the reader with the claim
panel showing both people's annotations and the ✎ marks in the text.
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

SEED = [  # (claim id, author, tags, note)
    ("dupuy-2022-01", "ana", ["russia", "csto"], "Check against Tadevosian: same offensive?"),
    ("dupuy-2022-01", "bob", ["border"], "The border, not Nagorno-Karabakh: matters for Art. 4."),
    ("jafarli-2023-03", "ana", ["eu-mission"], "EU monitoring starts here."),
    ("tadevosian-2023-01", "bob", ["russia"], "Same offensive, other framing."),
    ("paylan-2023-02", "bob", ["russia", "alliances"], "Compare with Jafarli on the CSTO."),
    ("tadevosian-2023-02", "ana", ["csto", "article-4"], "Yerevan's request, Sept. 2022."),
]


async def shoot(corpus, store, out: Path, name: str, size: tuple[int, int], keys: list[str]) -> None:
    app = BriefingApp(corpus, store=store, build_index=False)
    async with app.run_test(size=size) as pilot:
        for key in keys:
            await pilot.press(key)
            await pilot.pause()
        await pilot.pause(0.3)
        app.save_screenshot(filename=name, path=str(out))
    print(out / name)


async def main(out: Path) -> None:
    corpus, problems = load_corpus(bundled_content())
    if problems:
        raise SystemExit("\n".join(map(str, problems)))
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        store = AnnotationStore(Path(tmp) / "annotations.json", author="ana")
        for claim_id, author, tags, note in SEED:
            store.annotate(claim_id, corpus.claims[claim_id].quote, add_tags=tags, note=note,
                           author=author)
        await shoot(corpus, store, out, "annotations-80x24.svg", (80, 24), ["A"])
        await shoot(corpus, store, out, "annotations-160x48.svg", (160, 48), ["A"])
        await shoot(corpus, store, out, "tag-80x24.svg", (80, 24), ["n", "t", "r"])
        await shoot(corpus, store, out, "note-80x24.svg", (80, 24), ["n", "a"])
        await shoot(corpus, store, out, "reader-annotated-160x48.svg", (160, 48), ["n"])
        store.close()


if __name__ == "__main__":
    os.environ.pop("VISUAL", None)  # the note editor's hint does not depend on the machine
    os.environ.pop("EDITOR", None)
    asyncio.run(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "screenshots"))
