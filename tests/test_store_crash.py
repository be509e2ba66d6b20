"""The store under real concurrency and real crashes (issue 6 §5).

* 4 processes writing at once (with compactions happening meanwhile): every write present,
  ids unique, concurrent tag additions to one shared annotation all merged.
* kill -9 at random moments while two processes write, 20 rounds on one store: it always
  loads, never needs to be moved aside, and holds every acknowledged write (a child prints
  ``ACK n`` only after annotate() returned).
"""

from __future__ import annotations

import multiprocessing
import os
import random
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from briefing.store import AnnotationStore
from briefing.store.table import open_db

ROOT = Path(__file__).resolve().parent.parent
WRITES = 40


def _writer(path: str, worker: int, barrier) -> None:
    store = AnnotationStore(path, author=f"w{worker}", compact_min_bytes=4096)
    raw = open_db(path, compact_min_bytes=4096).table("raw")
    barrier.wait()  # start together
    for j in range(WRITES):
        store.annotate(f"c-{worker}-{j:02d}", f"quote {j}", add_tags=[f"t{j}"], note=f"n{j}")
        store.annotate("shared", "shared quote", add_tags=[f"w{worker}-{j}"], author="team")
        raw.insert({"worker": worker, "j": j})


@pytest.mark.slow
def test_four_processes_writing_at_once_lose_nothing(tmp_path):
    path = str(tmp_path / "a.json")
    ctx = multiprocessing.get_context("fork")
    barrier = ctx.Barrier(4)
    procs = [ctx.Process(target=_writer, args=(path, w, barrier)) for w in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    store = AnnotationStore(path)
    assert store.take_warnings() == []
    everything = store.all()
    mine = {(a.author, a.claim_id): a for a in everything}
    for w in range(4):
        for j in range(WRITES):
            a = mine[(f"w{w}", f"c-{w}-{j:02d}")]
            assert a.tags == (f"t{j}",) and a.note == f"n{j}"
    shared = mine[("team", "shared")]
    assert set(shared.tags) == {f"w{w}-{j}" for w in range(4) for j in range(WRITES)}
    assert shared.version == 4 * WRITES
    full = store.full_history("shared", author="team")  # the record's and the archived versions
    assert [v.version for v in full] == list(range(1, 4 * WRITES))
    assert len({a.id for a in everything}) == len(everything) == 4 * WRITES + 1
    raw = open_db(path).table("raw").all()
    assert len(raw) == 4 * WRITES and len({d.doc_id for d in raw}) == 4 * WRITES
    assert {(d["worker"], d["j"]) for d in raw} == {(w, j) for w in range(4)
                                                     for j in range(WRITES)}


CHILD = textwrap.dedent("""
    import sys
    sys.path.insert(0, {root!r})
    from briefing.store import AnnotationStore
    store = AnnotationStore({path!r}, author="ana", compact_min_bytes=3000)
    prefix, k = sys.argv[1], 0
    print("READY", flush=True)
    while True:
        store.annotate(f"{{prefix}}-{{k}}", "q" * 50, add_tags=[f"t{{k}}"], note="note " * 20)
        print(f"ACK {{k}}", flush=True)
        k += 1
""")


def _spawn(script: str, prefix: str) -> tuple[subprocess.Popen, list[str]]:
    proc = subprocess.Popen([sys.executable, "-c", script, prefix], stdout=subprocess.PIPE,
                            text=True, bufsize=1)
    out: list[str] = []

    def pump() -> None:
        for line in proc.stdout:
            out.append(line.strip())

    threading.Thread(target=pump, daemon=True).start()
    return proc, out


@pytest.mark.slow
def test_kill_9_at_random_moments_never_loses_an_acknowledged_write(tmp_path):
    path = tmp_path / "a.json"
    script = CHILD.format(root=str(ROOT), path=str(path))
    rng = random.Random(6)
    acked: dict[str, int] = {}  # claim id -> tag number
    for round_ in range(20):
        children = [_spawn(script, f"r{round_}{who}") for who in "ab"]
        deadline = time.monotonic() + 20
        while not all("READY" in out for _, out in children):  # both importing done
            assert time.monotonic() < deadline, "writers did not start"
            time.sleep(0.01)
        time.sleep(rng.uniform(0.0, 0.15))
        for proc, _ in children:
            os.kill(proc.pid, signal.SIGKILL)
        for (proc, out), who in zip(children, "ab"):
            proc.wait(10)
            proc.stdout.close()
            time.sleep(0.02)  # let the pump thread drain what was printed before the kill
            for line in list(out):
                if line.startswith("ACK "):
                    k = int(line.split()[1])
                    acked[f"r{round_}{who}-{k}"] = k
        store = AnnotationStore(path, author="ana")
        warnings = store.take_warnings()
        assert not any("could not be read" in w for w in warnings), warnings
        have = {a.claim_id: a for a in store.all()}
        missing = [c for c in acked if c not in have]
        assert not missing, f"round {round_}: acknowledged writes lost: {missing[:5]}"
        assert all(have[c].tags == (f"t{k}",) for c, k in acked.items())
        store.close()
    assert len(acked) > 40  # the children really wrote between kills
    store = AnnotationStore(path)
    store.storage.compact()  # and leftovers of compactions cut short by a kill are cleared
    assert list(tmp_path.glob(".a.json.*.tmp")) == []
    assert {a.claim_id for a in AnnotationStore(path).all()} >= set(acked)
