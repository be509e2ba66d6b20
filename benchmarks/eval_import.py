"""How well `briefing import` cleans real-looking articles: figures against labelled data.

Each case in benchmarks/eval_import/*.yaml is a page or text as people have it (news site
HTML, Substack/Medium-like posts, a newsletter, a radio transcript, a PDF, word-processor and
hard-wrapped pastes, mojibake) with its expected body paragraphs, the boilerplate that must
go, and the metadata the text states (null where it states none).  Prints per case and in
total: article words lost, boilerplate words dropped, paragraphs merged, metadata found and
invented.  Targets: 0 lost, >= 90% dropped, <= 5 merged, >= 90% found, 0 invented.

Two sets, with figures printed per set: "original" (benchmarks/eval_import/, the cases the
rules were written against) and "heldout" (benchmarks/eval_import_heldout/, written by
someone who had not read the rules, and never to be tuned on: it is the honest estimate).

Run: .venv/bin/python benchmarks/eval_import.py [-v] [--set original|heldout|all]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

from briefing.importer.pipeline import import_bytes

SETS = {
    "original": Path(__file__).with_name("eval_import"),
    "heldout": Path(__file__).with_name("eval_import_heldout"),
}
WORD = re.compile(r"\w+")
FIELDS = ("title", "authors", "published", "outlet")


def words(text: str) -> Counter:
    return Counter(w.casefold() for w in WORD.findall(text))


def squash(text: str) -> str:
    return " ".join(WORD.findall(text.casefold()))


def build_pdf(case: dict) -> bytes:
    from fpdf import FPDF

    pages = case["pages"]
    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    for number, lines in enumerate(pages, 1):
        pdf.add_page()
        pdf.set_font("Helvetica", size=9)
        pdf.set_xy(20, 10)
        pdf.cell(0, 6, case["header"])
        pdf.set_font("Helvetica", size=11)
        pdf.set_xy(20, 25)
        for line in lines:
            pdf.set_x(20)
            pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("Helvetica", size=9)
        pdf.set_xy(95, 280)
        pdf.cell(0, 6, case["footer"].format(page=number, pages=len(pages)))
    return bytes(pdf.output())


def raw_bytes(case: dict) -> bytes:
    if case["kind"] == "pdf":
        return build_pdf(case)
    return case["raw"].encode("utf-8")


def body_paragraphs(body: str) -> list[str]:
    paras = []
    for part in body.split("\n\n"):
        part = part.strip()
        if part and not part.startswith("[^"):
            paras.append(re.sub(r"^#+\s+", "", part))
    return paras


def metadata_scores(expected: dict, fields: dict) -> tuple[int, int, int, list[str]]:
    """(stated, found, invented, remarks): a value where the text states none is invented,
    a different value where it states one is wrong (counted as not found)."""
    stated = found = invented = 0
    remarks = []
    for key in FIELDS:
        want, got = expected.get(key), fields.get(key)
        if key == "authors":
            want = [squash(a) for a in want or []]
            got = [squash(a) for a in got or []]
        elif want is not None or got is not None:
            want = squash(str(want)) if want is not None else None
            got = squash(str(got)) if got else None
        if want:
            stated += 1
            if got == want:
                found += 1
            else:
                remarks.append(f"{key}: expected {expected.get(key)!r}, got {fields.get(key)!r}")
        elif got:
            invented += 1
            remarks.append(f"{key}: invented {fields.get(key)!r}")
    return stated, found, invented, remarks


def evaluate(path: Path, verbose: bool) -> dict:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    expected = case["expected"]
    suffix = {"html": ".html", "pdf": ".pdf"}.get(case["kind"], ".txt")
    result = import_bytes(raw_bytes(case), path.stem + suffix)
    out = body_paragraphs(result.body)
    got = words(result.body)
    want = Counter()
    for para in expected["body"]:
        want.update(words(para))
    lost = sum((want - got).values())
    surplus = got - want  # words in the body beyond the article's own
    boiler_total = boiler_left = 0
    for piece in expected["boilerplate"]:
        for w, n in words(piece).items():
            boiler_total += n
            left = min(n, surplus[w])
            boiler_left += left
            surplus[w] -= left
    squashed = [squash(p) for p in out]
    where = []
    for para in expected["body"]:
        head = " ".join(squash(para).split()[:10])
        where.append(next((i for i, p in enumerate(squashed) if head in p), None))
    merged = sum(1 for a, b in zip(where, where[1:]) if a is not None and a == b)
    stated, found, invented, remarks = metadata_scores(expected, result.fields)
    audit = [w for w in result.report.warnings if "importer bug" in w]
    row = dict(name=path.stem, lost=lost, boiler_total=boiler_total,
               boiler_dropped=boiler_total - boiler_left, merged=merged, stated=stated,
               found=found, invented=invented, audit=len(audit))
    if verbose:
        print(f"--- {path.stem}")
        if lost:
            print("  lost:", dict(want - got))
        if boiler_left:
            print("  boilerplate kept:", {w: n for w, n in (got - want).items() if n})
        for remark in remarks:
            print("  meta", remark)
        if merged:
            print("  merged at:", where)
        for w in audit:
            print("  AUDIT", w)
    return row


def report(name: str, rows: list[dict]) -> None:
    print(f"== set: {name}")
    print(f"{'case':<26} {'lost':>5} {'boiler dropped':>15} {'merged':>7} {'meta found':>11} "
          f"{'invented':>9}")
    for r in rows:
        print(f"{r['name']:<26} {r['lost']:>5} {r['boiler_dropped']:>7}/{r['boiler_total']:<7} "
              f"{r['merged']:>7} {r['found']:>5}/{r['stated']:<5} {r['invented']:>9}")
    total = {k: sum(r[k] for r in rows) for k in rows[0] if k != "name"}
    pct = 100 * total["boiler_dropped"] / max(1, total["boiler_total"])
    meta = 100 * total["found"] / max(1, total["stated"])
    print()
    print(f"articles: {len(rows)}")
    print(f"article words lost: {total['lost']} (target 0)")
    print(f"boilerplate words dropped: {total['boiler_dropped']} of {total['boiler_total']} "
          f"= {pct:.1f}% (target >= 90%)")
    print(f"paragraphs merged: {total['merged']} (target <= 5)")
    print(f"stated metadata found: {total['found']} of {total['stated']} = {meta:.1f}% "
          "(target >= 90%)")
    print(f"metadata invented: {total['invented']} (target 0)")
    print(f"no-word-lost audit failures: {total['audit']}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--set", choices=[*SETS, "all"], default="all", dest="which")
    args = parser.parse_args()
    names = list(SETS) if args.which == "all" else [args.which]
    for i, name in enumerate(names):
        if i:
            print()
        report(name, [evaluate(p, args.verbose) for p in sorted(SETS[name].glob("*.yaml"))])
    return 0


if __name__ == "__main__":
    sys.exit(main())
