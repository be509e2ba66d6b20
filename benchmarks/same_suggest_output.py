"""Check that a change to `briefing suggest` leaves its output byte for byte the same.

    .venv/bin/python benchmarks/same_suggest_output.py --save DIR [--synthetic BRIEFING]
    .venv/bin/python benchmarks/same_suggest_output.py --against DIR [--synthetic BRIEFING]

Runs suggest on a copy of each set without its claims and events (as eval_suggest.py does):
the bundled briefing and every labelled set in tests/fixtures/suggest*, and, with
--synthetic, a briefing already stripped of claims and events (make_synthetic.py output with
claims/ removed and events.yaml set to []). --save keeps a digest of every file the run
leaves, per set, in DIR (a JSON file); --against compares with a digest saved before the
change (run --save from a checkout of the old code: the script imports the briefing package
of the tree it sits in) and prints, per set, "same" or the number of files that differ.
Only counts are printed for the held-out set, whose files nobody here reads. Speed
work (speed14) must print "same" for every set.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from briefing.loader import load_corpus  # noqa: E402
from briefing.suggest.pipeline import suggest, write  # noqa: E402

HELD_OUT = "suggest_heldout"


def strip_copy(content: Path, dest: Path) -> Path:
    """The set without claims and events, as eval_suggest.py runs it."""
    dest.mkdir(parents=True)
    shutil.copytree(content / "articles", dest / "articles")
    if (content / "briefing.yaml").exists():
        shutil.copy(content / "briefing.yaml", dest / "briefing.yaml")
    (dest / "events.yaml").write_text("[]\n", encoding="utf-8")
    return dest


def digests(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*")) if p.is_file()
    }


def run(root: Path) -> float:
    c0 = time.process_time()
    corpus, problems = load_corpus(root)
    assert not problems, problems[:3]
    write(suggest(corpus, root))
    return time.process_time() - c0


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--save", type=Path)
    mode.add_argument("--against", type=Path)
    ap.add_argument("--synthetic", type=Path, help="a synthetic briefing without claims/events")
    args = ap.parse_args()
    sets = [ROOT / "content"] + sorted(
        p for p in (ROOT / "tests" / "fixtures").glob("suggest*") if (p / "articles").is_dir())
    if args.synthetic:
        sets.append(args.synthetic)
    out: dict[str, dict[str, str]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for i, content in enumerate(sets):
            root = strip_copy(content, Path(tmp) / f"{i}-{content.name}")
            cpu = run(root)
            out[content.name] = digests(root)
            print(f"{content.name:<20} {cpu:6.1f} s CPU", flush=True)
    if args.save:
        args.save.write_text(json.dumps(out, indent=1), encoding="utf-8")
        return
    before = json.loads(args.against.read_text(encoding="utf-8"))
    bad = 0
    for name, files in out.items():
        old = before.get(name, {})
        differ = sorted(k for k in files.keys() | old.keys() if files.get(k) != old.get(k))
        bad += bool(differ)
        shown = "" if name == HELD_OUT or not differ else ": " + ", ".join(differ[:5])
        print(f"{name:<20} {'same' if not differ else f'{len(differ)} files differ'}{shown}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
