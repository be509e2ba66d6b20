"""How long `briefing import` takes and how much memory it needs.

Per article of the labelled evaluation set (HTML pages, pastes, a PDF), the 12 together
(target: under 2 s), a 4 MB pasted article and a 4 MB web page (target: under 5 s each), the
five seeds and large synthetic files.  Each time is the best of three on a shared machine,
with a baseline measured in the same run: decoding and cleaning the same bytes (what any
import must do), so the ratio says what the importer adds.  Memory is tracemalloc's peak.
Prints figures; asserts nothing (timings belong here, not in tests).
Run: .venv/bin/python benchmarks/bench_import.py
"""

from __future__ import annotations

import random
import sys
import time
import tracemalloc
from pathlib import Path

import yaml

from briefing.importer import import_text
from briefing.importer.pipeline import import_bytes
from briefing.importer.reading import decode

sys.path.insert(0, str(Path(__file__).parent))
from eval_import import SETS, raw_bytes  # noqa: E402

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
WORDS = ("the corridor border mission Armenia Russia Azerbaijan talks peace troops agreement "
         "of in and to a with for on by").split()


def synthetic(paragraphs: int, seed: int = 1) -> str:
    rnd = random.Random(seed)
    out = ["A synthetic article", "By Anna Berg"]
    for i in range(paragraphs):
        text = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(20, 120)))
        if i % 7 == 3:
            out.append(text)  # no full stop: a page break follows
            out.append("---")
            continue
        if i % 11 == 5:
            out.append("Section " + str(i))
            continue
        out.append(text.capitalize() + ".")
    return "\n\n".join(out) + "\n"


def timed(label: str, text: str) -> None:
    took = float("inf")
    for _ in range(3):  # best of three: the machine is shared
        start = time.perf_counter()
        result = import_text(text, "bench.txt", "bench")
        took = min(took, time.perf_counter() - start)
    paras = sum(1 for b in result.blocks if b.kind == "para")
    print(f"{label:<34} {len(text) / 1024:9.1f} KiB {paras:7d} paragraphs {took * 1000:9.1f} ms")


def best_of(fn, runs: int = 3) -> float:
    took = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        took = min(took, time.perf_counter() - start)
    return took


def peak_mb(fn) -> float:
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def cpu_of(fn) -> float:
    """Processor time of one run: on a machine shared by other jobs the wall time says more
    about them than about the importer."""
    start = time.process_time()
    fn()
    return time.process_time() - start


def article_row(label: str, data: bytes, name: str) -> float:
    took = best_of(lambda: import_bytes(data, name))
    base = best_of(lambda: decode(data, name, [], [])) if not data.startswith(b"%PDF") else 0
    ratio = f"{took / base:8.0f}x" if base else "       -"
    print(f"{label:<26} {len(data) / 1024:8.1f} KiB {took * 1000:9.1f} ms {ratio} "
          f"{peak_mb(lambda: import_bytes(data, name)):8.1f} MB")
    return took


def big_page(target: int) -> bytes:
    """A web page of ``target`` bytes: paragraphs, with a related link after every ninth."""
    rnd = random.Random(4)
    head = ("<!DOCTYPE html><html><head><title>A very long page | Example Times</title></head>"
            "<body><nav><a href='/'>Home</a></nav><article><h1>A very long page</h1>\n")
    tail = "</article><footer>© 2024 Example Times</footer></body></html>"
    parts, size = [head], len(head) + len(tail)
    while True:
        text = " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(40, 120))).capitalize()
        part = f"<p>{text}.</p>\n"
        if len(parts) % 9 == 0:
            part += '<div class="related"><a href="/x">Read more: another story</a></div>\n'
        if size + len(part) > target:
            break
        parts.append(part)
        size += len(part)
    return ("".join(parts) + tail).encode()


def cold_cli(cases: list[Path]) -> float:
    """Wall time of one `briefing import` command over all the cases, as a user runs it."""
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for path in cases:
            case = yaml.safe_load(path.read_text(encoding="utf-8"))
            suffix = {"html": ".html", "pdf": ".pdf"}.get(case["kind"], ".txt")
            target = Path(tmp) / (path.stem + suffix)
            target.write_bytes(raw_bytes(case))
            files.append(str(target))
        command = [sys.executable, "-m", "briefing", "import",
                   *files, "--out", str(Path(tmp) / "content")]
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        return time.perf_counter() - start


def main() -> None:
    # warm the lazy imports (trafilatura, lxml, ftfy, the word list) outside the timings
    import_bytes(b"<html><body><p>" + b"warm up words " * 20 + b"</p></body></html>", "w.html")
    import_text("T\n\nA weak-\nening start.\n", "w.txt")
    print(f"{'article':<26} {'size':>12} {'time':>12} {'vs decode':>9} {'peak mem':>11}")
    total = 0.0
    cases = sorted(SETS["original"].glob("*.yaml"))
    for path in cases:
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        suffix = {"html": ".html", "pdf": ".pdf"}.get(case["kind"], ".txt")
        total += article_row(path.stem, raw_bytes(case), path.stem + suffix)
    print(f"{len(cases)} articles together: {total:.2f} s in this process (target < 2 s)")
    print(f"`briefing import` of the {len(cases)} files, a fresh process with its imports: "
          f"{cold_cli(cases):.2f} s (target < 2 s)")
    text = synthetic(4_000).encode()
    while len(text) < 4 * 2**20:
        text += synthetic(500, seed=len(text)).encode()
    took = article_row("4 MB pasted article", text[:4 * 2**20].rsplit(b"\n", 1)[0], "big.txt")
    print(f"  (target < 5 s: {took:.2f} s)")
    page = big_page(4 * 2**20 - 2000)
    took = article_row("4 MB web page", page, "big.html")
    print(f"  (target < 5 s: {took:.2f} s wall; "
          f"{cpu_of(lambda: import_bytes(page, 'big.html')):.2f} s processor time)")
    print()
    if SEEDS.is_dir():
        for path in sorted(SEEDS.glob("*.txt")):
            timed(path.name, path.read_text(encoding="utf-8"))
    for n in (100, 1_000, 5_000):
        timed(f"synthetic, {n} paragraphs", synthetic(n))
    # One sentence cut by 5,000 page breaks: joining must stay linear (it was quadratic once).
    fragments = "\n\n".join(f"piece {i} of one sentence that goes on without" for i in range(5000))
    timed("5,000 breaks in one paragraph", "Title\n\n" + fragments + " end.\n")


if __name__ == "__main__":
    main()
