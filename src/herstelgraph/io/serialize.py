"""Canonical Turtle: the one serializer every generated .ttl in the repo goes through.

Run ``python tools/dev.py serialize FILE...`` to rewrite files in place, or
``--check`` to fail when a file is not canonical (used by the tests).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..vocab import PREFIXES

#: a blank node Turtle must label is written as this IRI, then as ``_:label`` (see below)
_LABELLED = "urn:x-herstelgraph-bnode:"


def canonical_turtle(graph) -> str:
    """Serialize an rdflib graph as longturtle with the project's prefixes only."""
    from rdflib import Graph

    out = Graph(bind_namespaces="none")
    for prefix, ns in PREFIXES.items():
        out.bind(prefix, ns, override=True, replace=True)
    labels = _stable_labels(graph)
    for s, p, o in graph:
        out.add((labels.get(s, s), p, labels.get(o, o)))
    text = out.serialize(format="longturtle")
    text = re.sub(f"<{re.escape(_LABELLED)}(b[0-9a-f]+)>", r"_:\1", text)
    # Drop prefixes the graph does not use, so a file lists only what it needs.
    lines = text.splitlines(keepends=True)
    body = "".join(line for line in lines if not line.startswith("PREFIX "))
    kept = [line for line in lines if line.startswith("PREFIX ") and (line.split()[1] in body)]
    return "".join(kept) + body


def _stable_labels(graph) -> dict:
    """Names for the blank nodes whose random labels would otherwise show in the text.

    A blank node used as the object of two triples (e.g. one SHACL path shared by many
    shapes) must be written with a label, and a parser invents a new label on every read;
    blank nodes that are two objects of one subject and predicate are written in the order of
    their labels. Both kinds are named after a hash of what they say (their triples, blank
    nodes below them by their own hash) and where they stand (the triples that point to
    them), so the text is the same on every run. A shared node is written as a temporary IRI,
    so that the writer nests the lists and nodes below it, and then turned back into
    ``_:label``.
    """
    from collections import Counter
    from hashlib import sha256

    from rdflib import BNode, URIRef

    uses = Counter(o for _, _, o in graph if isinstance(o, BNode))
    siblings = Counter((s, p) for s, p, o in graph if isinstance(o, BNode))
    shared = {b for b, n in uses.items() if n > 1}
    named = shared | {o for s, p, o in graph if isinstance(o, BNode) and siblings[(s, p)] > 1}
    if not named:
        return {}
    digests: dict = {}

    def digest(node, stack=()) -> str:  # what it says, and what the nodes below it say
        if node not in digests:
            if node in stack:
                return "cycle"
            parts = sorted(
                f"{p.n3()} {digest(o, (*stack, node)) if isinstance(o, BNode) else o.n3()}"
                for p, o in graph.predicate_objects(node)
            )
            digests[node] = sha256("\n".join(parts).encode("utf-8")).hexdigest()
        return digests[node]

    labels: dict = {}

    def label(node, stack=()) -> str:  # and where it stands: two equal lists stay two
        if node not in labels:
            if node in stack:
                return "cycle"
            where = sorted(
                f"{p.n3()} {label(s, (*stack, node)) if isinstance(s, BNode) else s.n3()}"
                for s, p in graph.subject_predicates(node)
            )
            text = digest(node) + "\n" + "\n".join(where)
            labels[node] = "b" + sha256(text.encode("utf-8")).hexdigest()[:20]
        return labels[node]

    return {
        node: URIRef(_LABELLED + label(node)) if node in shared else BNode(label(node))
        for node in named
    }


def canonical_file_text(path: Path) -> str:
    from rdflib import Graph

    g = Graph(bind_namespaces="none")
    g.parse(path, format="turtle")
    return canonical_turtle(g)
