"""The reader's annotation features at scale: polling, pane refresh, the annotations view,
export.  Prints figures; asserts nothing.

    .venv/bin/python benchmarks/bench_annotations_ui.py [--sizes 1000,10000]

For each store size (annotations spread over the bundled briefing's claims, by many authors):
- poll, idle: one StoreWatch.poll() when nothing changed (a stat call): runs every second;
- poll, after another process wrote one annotation: read its line and tell the screens;
- pane refresh: what the reader does on AnnotationsChanged (annotated ids, the claim panel);
- A: time from the key to the annotations view listing every row (headless, 80x24);
- export: build and write the Markdown brief of every annotation.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from briefing.loader import load_corpus  # noqa: E402
from briefing.paths import bundled_content  # noqa: E402
from briefing.store import AnnotationStore  # noqa: E402


def seed(path: Path, corpus, n: int) -> None:
    """n annotations: every claim, by as many authors as needed (one journal transaction
    per author, so seeding is quick)."""
    from briefing.store.annotations import TABLE
    from briefing.store.model import Annotation, annotation_id

    claims = list(corpus.claims.values())
    store = AnnotationStore(path, author="seed")
    table = store.db.table(TABLE)
    stamp = "2026-01-01T00:00:00Z"
    docs = {}
    for i in range(n):
        claim = claims[i % len(claims)]
        author = f"author{i // len(claims):03d}"
        doc_id = annotation_id(author, claim.id)
        docs[doc_id] = Annotation(doc_id, claim.id, claim.quote, (f"tag{i % 37}", "russia"),
                                  f"Note {i} on {claim.id}: compare the figures.", author,
                                  stamp, stamp, 1).to_doc()

    def put_all(view) -> None:
        for doc_id, doc in docs.items():
            view[doc_id] = doc

    table._update_table(put_all)
    store.close()


def ms(seconds: float) -> str:
    return f"{seconds * 1000:9.3f} ms"


async def measure(corpus, n: int, workdir: Path) -> None:
    from briefing.tui.screens.annotating import refresh_marks
    from briefing.tui.app import BriefingApp
    from briefing.tui.exporting import export_annotations
    from briefing.tui.screens.annotations_view import AnnotationsScreen

    db = workdir / f"store-{n}.json"
    seed(db, corpus, n)
    store = AnnotationStore(db, author="author000")
    other = AnnotationStore(db, author="someone-else")
    app = BriefingApp(corpus, store=store, build_index=False)
    os.environ["BRIEFING_EXPORT_DIR"] = str(workdir)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        watch = app.store_watch
        idle = []
        for _ in range(200):
            t = time.perf_counter()
            watch.poll()
            idle.append(time.perf_counter() - t)
        changed = []
        claims = list(corpus.claims.values())
        for i in range(20):
            claim = claims[i]
            other.annotate(claim.id, claim.quote, add_tags=[f"fresh{i}"])
            t = time.perf_counter()
            assert watch.poll()
            changed.append(time.perf_counter() - t)
        refresh = []
        for _ in range(20):
            t = time.perf_counter()
            refresh_marks(app.reader)
            refresh.append(time.perf_counter() - t)
        t = time.perf_counter()
        await pilot.press("A")
        while not (isinstance(app.screen, AnnotationsScreen) and app.screen.option_list.option_count):
            await pilot.pause(0.01)
        view = time.perf_counter() - t
        rows = app.screen.option_list.option_count
        await pilot.press("escape")
        t = time.perf_counter()
        export_annotations(app, corpus, store)
        await app.workers.wait_for_complete()
        export = time.perf_counter() - t
        size = sum(p.stat().st_size for p in workdir.glob("*.md"))
        for p in workdir.glob("*.md"):
            p.unlink()
    store.close()
    other.close()
    print(f"{n:>7,} annotations")
    print(f"  poll, idle (median of 200)            {ms(statistics.median(idle))}")
    print(f"  poll, after another process wrote     {ms(statistics.median(changed))}")
    print(f"  pane refresh on AnnotationsChanged    {ms(statistics.median(refresh))}")
    print(f"  A: annotations view with {rows:,} rows   {ms(view)}")
    print(f"  e: export, {size / 1024:,.0f} KiB of Markdown       {ms(export)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000")
    args = parser.parse_args()
    corpus, problems = load_corpus(bundled_content())
    assert not problems
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(s) for s in args.sizes.split(",")):
            asyncio.run(measure(corpus, n, Path(tmp)))


if __name__ == "__main__":
    main()
