"""The layers of docs/architecture.md, enforced: the import-linter contracts in pyproject.toml
pass, they fail on a wrong arrow, and no module imports itself round a cycle."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "briefing"
# The modules on top of the core: everything else is core (see the "core" contract).
TOP = {"briefing.tui", "briefing.cli", "briefing.launch", "briefing.reader_start",
       "briefing.__main__"}


def lint_imports(cwd: Path, pythonpath: Path) -> subprocess.CompletedProcess[str]:
    """lint-imports on ``cwd``'s pyproject.toml, with ``briefing`` found in ``pythonpath``."""
    code = ("import sys; from importlinter.cli import lint_imports; "
            "sys.exit(lint_imports(no_cache=True, no_logo=True))")
    return subprocess.run([sys.executable, "-c", code], cwd=cwd, capture_output=True,
                          text=True, timeout=300, env={"PYTHONPATH": str(pythonpath),
                                                       "PATH": "/usr/bin:/bin"})


def test_the_contracts_are_kept():
    done = lint_imports(ROOT, ROOT)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "4 kept, 0 broken" in done.stdout


@pytest.mark.parametrize("module, bad_import, contract", [
    ("analysis/timeline.py", "from briefing.loading import files", "Analysis computes"),
    ("model.py", "import briefing.tui.app", "The core never imports"),
    ("tui/viewmodels/navigation.py", "from briefing.cli import options", "Start-up over the command"),
    ("cli/options.py", "import briefing.launch", "Start-up over the command"),
    ("loader.py", "import textual", "The core never imports"),
])
def test_a_wrong_import_breaks_a_contract(tmp_path, module, bad_import, contract):
    copy = tmp_path / "briefing"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "_content"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    target = copy / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{bad_import}\n", encoding="utf-8")
    done = lint_imports(tmp_path, tmp_path)
    assert done.returncode == 1, done.stdout + done.stderr
    assert f"{contract}" in done.stdout and "BROKEN" in done.stdout
    assert "0 broken" not in done.stdout


def test_every_core_module_is_under_the_core_contract():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    core = set(next(c for c in contracts if c["id"] == "core")["source_modules"])
    children = {f"briefing.{p.stem}" for p in PACKAGE.iterdir()
                if (p.suffix == ".py" and p.stem != "__init__")
                or (p.is_dir() and (p / "__init__.py").exists())}
    assert children - TOP == core, "classify the new module: core or top (pyproject.toml)"


def strongly_connected(graph: grimp.ImportGraph) -> list[list[str]]:
    """The import cycles between modules (Tarjan's components of more than one module)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            component = []
            while True:
                top = stack.pop()
                component.append(top)
                if top == module:
                    break
            if len(component) > 1:
                cycles.append(sorted(component))

    for module in sorted(graph.modules):
        if module not in index:
            visit(module)
    return cycles


def test_no_module_imports_itself_round_a_cycle():
    # Imports inside functions count: they only move a cycle to run time.
    graph = grimp.build_graph("briefing", exclude_type_checking_imports=True)
    assert strongly_connected(graph) == []


def test_the_cycle_finder_finds_a_cycle():
    graph = grimp.ImportGraph()
    for a, b in [("p.a", "p.b"), ("p.b", "p.c"), ("p.c", "p.a"), ("p.c", "p.d")]:
        graph.add_import(importer=a, imported=b)
    assert strongly_connected(graph) == [["p.a", "p.b", "p.c"]]


def test_the_command_line_imports_the_reader_only_when_a_command_runs():
    """`briefing --help`, `check`, `export` stay fast: no module of briefing.cli imports the
    reader (or Textual) at module level; `read` does, inside its command."""
    for path in sorted((PACKAGE / "cli").glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:  # module level only
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            for name in names:
                assert not name.startswith(("briefing.tui", "briefing.reader_start",
                                            "textual")), f"{path.name}: {name}"


def test_starting_the_reader_does_not_load_the_store():
    """The store (and TinyDB) is opened after the first paint (BriefingApp.open_store_now):
    importing the reader must not pull it in."""
    done = subprocess.run([sys.executable, "-c", "import sys, briefing.tui.app; print(sorted("
                           "m for m in sys.modules if m.startswith(('briefing.store', 'tinydb'))))"],
                          capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "[]", done.stdout + done.stderr
