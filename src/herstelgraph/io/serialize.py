"""Canonical Turtle: the one serializer every generated .ttl in the repo goes through.

Run ``python -m herstelgraph.serialize FILE...`` to rewrite files in place, or
``--check`` to fail when a file is not canonical (used by the tests).
"""

from __future__ import annotations

import sys
from pathlib import Path

from ..vocab import PREFIXES


def canonical_turtle(graph) -> str:
    """Serialize an rdflib graph as longturtle with the project's prefixes only."""
    from rdflib import Graph

    out = Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        out.bind(prefix, ns, override=True, replace=True)
    for triple in graph:
        out.add(triple)
    text = out.serialize(format="longturtle")
    # Drop prefixes the graph does not use, so a file lists only what it needs.
    lines = text.splitlines(keepends=True)
    body = "".join(line for line in lines if not line.startswith("PREFIX "))
    kept = [line for line in lines if line.startswith("PREFIX ") and (line.split()[1] in body)]
    return "".join(kept) + body


def canonical_file_text(path: Path) -> str:
    from rdflib import Graph

    g = Graph(bind_namespaces="none")
    g.parse(path, format="turtle")
    return canonical_turtle(g)


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    check = "--check" in args
    files = [Path(a) for a in args if a != "--check"]
    bad = []
    for path in files:
        text = canonical_file_text(path)
        if path.read_text(encoding="utf-8") != text:
            if check:
                bad.append(path)
            else:
                tmp = path.with_suffix(path.suffix + ".tmp")
                tmp.write_text(text, encoding="utf-8")
                tmp.replace(path)
    for path in bad:
        print(f"{path}: not canonical; run python -m herstelgraph.serialize {path}")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main())
