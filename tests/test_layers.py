"""The package's layers: no import cycle in `generator/`, and no import against the stage order.

Imports are read from the source (every `import`, at module level or inside a function, except
those under `if TYPE_CHECKING:`, which never run), so a lazy import inside a function counts:
it still ties the two modules together.

The order, lowest first (a module may import its own layer and any layer below it):

    base (errors, catalogue, advice, presets, occasions, workers) → model → load → compute → draw →
    present → render → write → importer → starter → intake → builder services → adapters → builder
    orchestration (site, merge) → cli

`draw` (charts, plan Markdown made safe) sits below `present`: it gets its words as values.
The builder's services (staging, output-folder checks, cache, pools, the stream) sit below the
MkDocs adapters, which depend on them alone; the orchestration (`build_site`, `merge`) runs the
adapters and sits above them.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "generator"

ORDER = (
    "base",
    "model",
    "load",
    "compute",
    "draw",
    "present",
    "render",
    "write",
    "importer",
    "starter",
    "intake",
    "builder services",
    "adapters",
    "builder orchestration",
    "cli",
)
BASE = {"errors", "catalogue", "advice", "presets", "occasions", "workers"}
ORCHESTRATION = {"generator.builder.site", "generator.builder.merge"}

# (importer, imported) → why this import against the order is right. Keep it short; an entry no
# longer needed fails the test, so the list cannot go stale.
ALLOWED: dict[tuple[str, str], str] = {}


def layer(module: str) -> str:
    """The layer of a dotted module name of the package."""
    parts = module.split(".")
    if len(parts) == 1 or parts[1] in BASE:
        return "base"
    if parts[1] == "builder":
        return "builder orchestration" if module in ORCHESTRATION else "builder services"
    assert parts[1] in ORDER, f"{module}: a package of no layer; add it to ORDER in {__file__}"
    return parts[1]


def modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(ROOT).with_suffix("").parts
        out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return out


def imports(known: dict[str, Path]) -> dict[str, set[str]]:
    """Each module → the package's modules it imports (not under TYPE_CHECKING, not itself)."""
    edges: dict[str, set[str]] = {}
    for name, path in known.items():
        tree = ast.parse(path.read_text("utf-8"))
        typing_only = {
            id(inner)
            for node in ast.walk(tree)
            if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
            for inner in ast.walk(node)
        }
        found: set[str] = set()
        for node in ast.walk(tree):
            if id(node) in typing_only:
                continue
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module)
                found.update(f"{node.module}.{alias.name}" for alias in node.names)
            elif isinstance(node, ast.ImportFrom):
                raise AssertionError(f"{name}: a relative import; the package imports by absolute names")
        edges[name] = {m for m in found if m in known and m != name}
    return edges


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, iter(sorted(edges[start])))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(edges[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return found


def test_cycles_are_found() -> None:
    """The detector itself can fail: a planted cycle is reported, a chain is not."""
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": {"c"}, "c": set()}) == []


def test_no_import_cycle_in_the_package() -> None:
    assert cycles(imports(modules())) == []


def test_layers_are_ordered_as_documented() -> None:
    assert layer("generator.workers") == "base"
    assert layer("generator.builder.site") == "builder orchestration"
    assert layer("generator.builder.staging") == "builder services"
    assert layer("generator.draw.charts.svg") == "draw"
    assert ORDER.index("draw") < ORDER.index("present") < ORDER.index("render")
    assert ORDER.index("builder services") < ORDER.index("adapters") < ORDER.index("builder orchestration")


def test_no_import_against_the_stage_order() -> None:
    edges = imports(modules())
    against = {
        (source, target)
        for source, targets in edges.items()
        for target in targets
        if ORDER.index(layer(target)) > ORDER.index(layer(source))
    }
    unexplained = sorted(f"{s} ({layer(s)}) imports {t} ({layer(t)})" for s, t in against - ALLOWED.keys())
    assert unexplained == [], "imports against the stage order (move the code, or allow it with a reason)"
    stale = sorted(f"{s} → {t}" for s, t in ALLOWED.keys() - against)
    assert stale == [], "allowed imports no longer made: drop them from ALLOWED"
