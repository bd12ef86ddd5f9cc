"""The package's layers (docs/architecture.md): each module imports only from its own layer
or the layers below it, and no two modules import each other in a circle.

Every ``from .x import`` and ``import herstelgraph.x`` counts, at module level or inside a
function: a lazy import is still a dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "src" / "herstelgraph"

#: bottom to top; a module may import its own layer and the layers before it
LAYERS = (
    (
        "base",
        (
            "_version",
            "vocab",
            "errors",
            "record",
            "enums",
            "model",
            "results",
            "ids",
            "resources",
            "words",
        ),
    ),
    ("io", ("io",)),
    ("store", ("store",)),
    ("questions", ("questions",)),
    ("curation", ("curation",)),
    ("checks", ("checks",)),
    ("publish", ("publish",)),
    ("cli", ("cli",)),
)
RANK = {part: n for n, (_, parts) in enumerate(LAYERS) for part in parts}


def _module(path: Path) -> str:
    rel = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """The herstelgraph modules a file imports, as dotted names."""
    module = _module(path)
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            if target.startswith("herstelgraph"):
                out.add(target)
                for alias in node.names:  # from . import x -> the module x
                    out.add(f"{target}.{alias.name}")
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("herstelgraph"))
    known = {_module(p) for p in PACKAGE.rglob("*.py")}
    return {t for t in out if t in known}


def _layer(module: str) -> int | None:
    parts = module.split(".")
    if len(parts) < 2:
        return None  # the package itself: the public API re-exports from every layer
    return RANK.get(parts[1])


FILES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_belongs_to_a_layer():
    unplaced = [
        _module(p) for p in FILES if _module(p) != "herstelgraph" and _layer(_module(p)) is None
    ]
    assert not unplaced, f"add these to LAYERS and docs/architecture.md: {unplaced}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: _module(p))
def test_imports_only_go_down(path):
    here = _layer(_module(path))
    if here is None:
        return
    up = sorted(t for t in _imports(path) if (_layer(t) or -1) > here)
    assert not up, f"{_module(path)} ({LAYERS[here][0]}) imports a higher layer: {up}"


def test_no_import_circles():
    graph = {_module(p): _imports(p) for p in FILES}
    seen: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> None:
        seen[node] = 1
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if nxt == "herstelgraph" or nxt.startswith(node + "."):
                continue  # a package's __init__ re-exporting its own modules is no circle
            if seen.get(nxt) == 1:
                cycle = [*stack[stack.index(nxt) :], nxt]
                raise AssertionError("import circle: " + " -> ".join(cycle))
            if nxt not in seen:
                visit(nxt)
        stack.pop()
        seen[node] = 2

    for node in sorted(graph):
        if node not in seen:
            visit(node)


def _ox_uses(path: Path) -> list[int]:
    """Lines where a file reads an attribute named ``ox`` (``store.ox``, ``self.store.ox``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return sorted(
        node.lineno
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and node.attr == "ox"
    )


def test_nothing_outside_the_store_reaches_into_store_ox():
    """docs/architecture.md: what other layers need of the graph is a method of the store
    (``quads``, ``extend``, ``load``, ``to_rdflib``), so an Endpoint can stand in for it."""
    store = PACKAGE / "store"
    found = {_module(p): lines for p in FILES if store not in p.parents and (lines := _ox_uses(p))}
    assert not found, f"use the Store's methods instead of .ox: {found}"


def test_the_ox_rule_sees_an_ox_attribute(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("def f(store):\n    return store.ox.quads_for_pattern(None, None, None)\n")
    assert _ox_uses(bad) == [2]


# ---------------------------------------------------------------------- the public API
def _named_types(obj) -> set[type]:
    """The herstelgraph records and enums a public result's fields or a public function's
    annotations name (resolved in the module that defines them)."""
    import dataclasses
    import enum
    import inspect
    import re
    import sys

    from herstelgraph.model import Record

    if dataclasses.is_dataclass(obj):
        annotations = [str(f.type) for f in dataclasses.fields(obj)]
    elif inspect.isfunction(obj):
        annotations = [str(t) for t in obj.__annotations__.values()]
    else:
        return set()
    space = vars(sys.modules[obj.__module__])
    out = set()
    for text in annotations:
        for name in re.findall(r"[A-Za-z_]\w*", text):
            c = space.get(name)
            if isinstance(c, type) and issubclass(c, (Record, enum.Enum)):
                if c.__module__.startswith("herstelgraph"):
                    out.add(c)
    return out


def test_every_type_a_public_result_or_question_names_is_exported():
    """A user can name (and isinstance-check) every record and enum the API hands back:
    e.g. EndpointReport's GraphStatus and FeatureStatus rows, validate's Engine."""
    import herstelgraph

    assert set(herstelgraph.__all__) == {*herstelgraph._LAZY, "__version__"}
    missing = {
        f"{c.__module__}.{c.__name__} (named by {name})"
        for name in herstelgraph._LAZY
        for c in _named_types(getattr(herstelgraph, name))
        if getattr(herstelgraph, c.__name__, None) is not c
    }
    assert not missing, f"export these from herstelgraph/__init__.py: {sorted(missing)}"
    assert herstelgraph.GraphStatus.__name__ == "GraphStatus"


def test_the_namespaces_are_spelled_once_in_vocab():
    """vocab.py holds the namespaces; a module that spells one again can drift from it."""
    spelled = (
        "http://www.w3.org/2004/02/skos/core#",
        "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
        "http://www.w3.org/2000/01/rdf-schema#",
        "https://w3id.org/herstelgraph/def#",
        "http://www.w3.org/2008/05/skos-xl#",
    )
    again = {
        _module(p): [ns for ns in spelled if f'"{ns}' in p.read_text(encoding="utf-8")]
        for p in FILES
        if p != PACKAGE / "vocab.py"
    }
    again = {m: found for m, found in again.items() if found}
    assert not again, f"use herstelgraph.vocab's constants: {again}"


def test_one_inverse_table():
    """vocab.INVERSE is the one table of relations read the other way round."""
    pattern = '"skos:broadMatch": "skos:narrowMatch"'
    copies = [_module(p) for p in FILES if pattern in p.read_text(encoding="utf-8")]
    assert copies == ["herstelgraph.vocab"]
