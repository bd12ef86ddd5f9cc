"""Canonical Turtle: the one serializer every generated .ttl in the repo goes through.

Run ``python tools/dev.py serialize FILE...`` to rewrite files in place, or
``--check`` to fail when a file is not canonical (used by the tests).
"""

from __future__ import annotations

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
