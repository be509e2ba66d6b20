"""Write SVG screenshots of the compare and events views to screenshots/ (bundled briefing).

    .venv/bin/python scripts/compare_screenshots.py [OUT_DIR]

compare-80x24.svg / compare-160x48.svg: the November 2020 ceasefire, five sources, Dupuy's
1 900 men against Paylan's 1,960 on top and the sources' claims in columns below;
compare-80x24-claim.svg: the same at 80 columns, paged to Paylan's figure.  events-80x24.svg / events-160x48.svg: the timeline, coverage by
source, blindspots and the chart.
"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.loader import load_corpus  # noqa: E402
from briefing.paths import bundled_content  # noqa: E402
from briefing.tui.app import BriefingApp  # noqa: E402

EVENT = "nov-2020-ceasefire"


async def analysed(pilot) -> None:
    """Until the background analysis is shown (findings on top, ≠ in the events view)."""
    from briefing.tui.viewmodels.event_index import disagreement_counts

    for _ in range(400):
        if disagreement_counts(pilot.app.corpus) is not None:
            break
        await pilot.pause(0.05)
    await pilot.pause(0.1)
    await pilot.pause()


async def shoot(out: Path, name: str, size: tuple[int, int], keys: list[str], **app_kwargs) -> None:
    corpus, problems = load_corpus(bundled_content())
    if problems:
        raise SystemExit("\n".join(map(str, problems)))
    app = BriefingApp(corpus, build_index=False, **app_kwargs)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await analysed(pilot)
        for key in keys:
            await pilot.press(key)
        await analysed(pilot)
        for widget in app.screen.query("Input"):
            widget.cursor_blink = False
        await pilot.pause()
        path = out / name
        path.write_text(app.export_screenshot(title="briefing"), encoding="utf-8")
        print(f"{path.relative_to(ROOT) if path.is_relative_to(ROOT) else path}  {size[0]}x{size[1]}")


async def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    await shoot(out, "compare-80x24.svg", (80, 24), [], compare=EVENT)
    await shoot(out, "compare-160x48.svg", (160, 48), [], compare=EVENT)
    # at 80 columns, moved down to Paylan's figure: the stacked sections and the ≠ marks
    await shoot(out, "compare-80x24-claim.svg", (80, 24), ["l", "l", "l", "j", "j"], compare=EVENT)
    await shoot(out, "events-80x24.svg", (80, 24), ["v"])
    await shoot(out, "events-160x48.svg", (160, 48), ["v"])


if __name__ == "__main__":
    asyncio.run(main(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "screenshots"))
