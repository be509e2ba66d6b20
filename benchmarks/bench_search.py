"""`briefing search` against `briefing --version`, at the bundled briefing, 1,000 and 5,000
articles, in one run; prints a table of medians and ratios.

    .venv/bin/python benchmarks/bench_search.py [--sizes bundled,1000,5000] [--repeat 5]
        [--code DIR ...] [--data DIR]

--code DIR (repeatable) runs that checkout's code (PYTHONPATH=DIR), e.g. the main branch as
"before" and this one as "after": the codes take turns within every round (in alternate
orders), on the same files, each with its own cache folder, so a busy machine slows them alike; with two codes a last
table gives each figure's ratio to --version for both, and after/before.  Each code's
bytecode is compiled first, as pip does for an installed package (with
PYTHONDONTWRITEBYTECODE set, every module would otherwise be compiled at every run).  --data DIR copies the
synthetic briefings from DIR/syn1000, DIR/syn5000 when they exist (else make_synthetic.py
writes them).

For each size and code a fresh cache folder (BRIEFING_CACHE_DIR); per size one content
directory (a copy of the bundled briefing, or the synthetic one) in a temporary folder:

- first build: the first search ever, which builds the index from nothing (once per size
  and code), with its wall and CPU seconds and the process's peak RSS;
- warm: a search with no file changed since the last one (the index is only checked);
- cold: the first search after editing one article (a paragraph appended), which re-reads
  that article and nothing else;

each for a common word of the corpus ("Lachin", in thousands of paragraphs of the synthetic
briefings) and a rare one (a word only the edited paragraphs hold); the output goes nowhere
(not a terminal: plain text), and once more for the warm common search on a
pseudo-terminal ("tty": the styled output a person sees).  Every figure is the
median of --repeat runs of the real `briefing` command in a subprocess, wall time with the
CPU seconds of the process itself (on a shared machine the wall clock also counts the wait
for a core and the disk); both are given as ratios to `briefing --version` measured in the
same rounds.
"""

from __future__ import annotations

import argparse
import compileall
import os
import pty
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(args: list[str], env: dict[str, str], code: Path, tty: bool = False
        ) -> tuple[float, float, float]:
    """(wall seconds, CPU seconds, peak RSS in MB) of `python -m briefing ARGS` in ``code``;
    ``tty``: with its output on a pseudo-terminal (read and dropped here), as a person sees it."""
    with tempfile.TemporaryFile() as err:
        out, drain = subprocess.DEVNULL, None
        if tty:
            master, out = pty.openpty()
            drain = threading.Thread(target=_drain, args=(master,), daemon=True)
            drain.start()
        start = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "briefing", *args], env=env, cwd=code,
                                stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        if drain is not None:
            os.close(out)
            drain.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            err.seek(0)
            sys.exit(f"briefing {' '.join(args)} failed:\n{err.read().decode()[-2000:]}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def _drain(fd: int) -> None:
    try:
        while os.read(fd, 65536):
            pass
    except OSError:  # EIO: the terminal's other end is closed
        pass
    finally:
        os.close(fd)


def content_for(size: str, work: Path, data: Path | None) -> Path:
    out = work / f"content-{size}"
    if size == "bundled":
        sys.path.insert(0, str(ROOT))
        from briefing.paths import bundled_content

        shutil.copytree(bundled_content(), out)
    elif data is not None and (data / f"syn{size}" / "events.yaml").exists():
        shutil.copytree(data / f"syn{size}", out)
    else:
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "make_synthetic.py"), str(out),
                        "--articles", size], check=True, stdout=subprocess.DEVNULL)
    return out


def edit(content: Path, n: int) -> None:
    """Append a paragraph to one article (a different one each time), dated as written a
    few seconds ago (see settle)."""
    articles = sorted((content / "articles").glob("*.md"))
    path = articles[n % len(articles)]
    with open(path, "a", encoding="utf-8") as fh:
        fh.write(f"\n\nA late addition mentions the zanzibarite number {n}.\n")
    settle([path])


def settle(paths: list[Path]) -> None:
    """Date files a few seconds back: a file written within store.RACY_NS of a search is
    hashed again by every search until it is older (its mtime could still hide a rewrite),
    and the figures are those of files written a moment before, as a person edits and then
    searches, not of the first two seconds after a write."""
    when = time.time_ns() - 3_000_000_000
    for path in paths:
        os.utime(path, ns=(when, when))


KEYS = ("warm common", "warm rare", "cold common", "cold rare", "warm common tty")


def bench(size: str, work: Path, repeat: int, codes: list[Path], data: Path | None) -> list[dict]:
    content = content_for(size, work, data)
    settle([p for p in content.rglob("*") if p.is_file()])
    envs = []
    for i, code in enumerate(codes):
        env = {**os.environ, "BRIEFING_CACHE_DIR": str(work / f"cache-{size}-{i}"),
               "PYTHONPATH": str(code)}
        env.pop("BRIEFING_NO_CACHE", None)
        envs.append(env)
    common = ["search", "--content", str(content), "Lachin"]
    rare = ["search", "--content", str(content), "zanzibarite"]
    figures: list[dict[str, list[float]]] = [{} for _ in codes]

    def add(i: int, key: str, measured: tuple[float, float, float]) -> None:
        figures[i].setdefault(key, []).append(measured[0])
        figures[i].setdefault(key + " cpu", []).append(measured[1])
        figures[i].setdefault(key + " rss", []).append(measured[2])

    for i, code in enumerate(codes):
        add(i, "first build", run(common, envs[i], code))
    for n in range(repeat):
        # The codes take turns in both orders: the one that searches second after an edit
        # also waits for the disk to write back what the first one wrote.
        order = list(enumerate(codes))[:: 1 if n % 2 == 0 else -1]
        for kind, query in ((0, common), (1, rare)):
            for i, code in order:
                add(i, "version", run(["--version"], envs[i], code))
            edit(content, 2 * n + kind)
            label = "common" if kind == 0 else "rare"
            for i, code in order:
                add(i, f"cold {label}", run(query, envs[i], code))
            for i, code in order:
                add(i, f"warm {label}", run(query, envs[i], code))
            if kind == 0:
                for i, code in order:
                    add(i, "warm common tty", run(query, envs[i], code, tty=True))
    return [{k: statistics.median(v) for k, v in f.items()} for f in figures]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="bundled,1000,5000")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--code", type=Path, action="append", default=None,
                    help="run this checkout's code (repeatable: compared in the same rounds)")
    ap.add_argument("--data", type=Path, default=None, help="folder with syn1000/, syn5000/")
    args = ap.parse_args()
    codes = [c.resolve() for c in (args.code or [ROOT])]
    for code in codes:
        compileall.compile_dir(str(code / "briefing"), quiet=1)
    sizes = [s.strip() for s in args.sizes.split(",") if s.strip()]
    results = {}
    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
        for size in sizes:
            results[size] = bench(size, Path(tmp), args.repeat, codes, args.data)
            print(f"{size}: done", file=sys.stderr, flush=True)
    print(f"`briefing search` vs `briefing --version` (median of {args.repeat}; wall time and "
          f"x its ratio to --version's in the same rounds; CPU seconds of the process and x "
          f"its ratio to --version's CPU)")
    for i, code in enumerate(codes):
        print(f"[{i}] code: {code}")
    print(f"{'articles':>9} {'code':>4} {'--version':>16} {'first build (wall, cpu, rss)':>29} "
          + " ".join(f"{k:>28}" for k in KEYS))
    for size, per_code in results.items():
        for i, f in enumerate(per_code):
            base, base_cpu = f["version"], f["version cpu"]
            build = (f"{f['first build']:6.1f} s {f['first build cpu']:6.1f} s "
                     f"{f['first build rss']:5.0f} MB")
            cells = [f"{f[k] * 1000:5.0f} ms {f[k] / base:4.1f}x "
                     f"{f[k + ' cpu']:5.2f} s {f[k + ' cpu'] / base_cpu:4.1f}x" for k in KEYS]
            print(f"{size:>9} {i:>4} {base * 1000:4.0f} ms {base_cpu:5.3f} s {build:>29} "
                  + " ".join(cells))
    if len(codes) == 2:
        print("\nbefore [0] -> after [1]: ratio to --version (wall; CPU), and after/before of "
              "the times themselves")
        print(f"{'articles':>9} " + " ".join(f"{k:>36}" for k in KEYS))
        for size, (old, new) in results.items():
            cells = []
            for k in KEYS:
                wall = (old[k] / old["version"], new[k] / new["version"])
                cpu = (old[k + " cpu"] / old["version cpu"], new[k + " cpu"] / new["version cpu"])
                cells.append(f"{wall[0]:4.1f}x->{wall[1]:4.1f}x; {cpu[0]:4.1f}x->{cpu[1]:4.1f}x "
                             f"({new[k] / old[k]:4.2f})")
            print(f"{size:>9} " + " ".join(f"{c:>36}" for c in cells))


if __name__ == "__main__":
    main()
