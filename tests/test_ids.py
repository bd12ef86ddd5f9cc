"""IDs: CURIEs users type and the CURIEs answers show must round-trip with the prefix map."""

from __future__ import annotations

from herstelgraph.ids import compact, expand
from herstelgraph.vocab import PREFIXES


def longest_namespace(iri: str) -> str:
    """compact() by its definition: the longest namespace that starts the IRI."""
    hits = [(len(ns), p) for p, ns in PREFIXES.items() if iri.startswith(ns)]
    if not hits:
        return iri
    prefix = max(hits)[1]
    return f"{prefix}:{iri[len(PREFIXES[prefix]) :]}"


def test_every_namespace_ends_where_an_iri_can_be_cut():
    # compact() looks namespaces up at the IRI's "/" and "#" only
    assert all(ns.endswith(("/", "#")) for ns in PREFIXES.values())


SUFFIXES = ["", "kennis-12", "a/b", "a#b", "x/", "gen/a/s1-0", "C2.A3"]
IRIS = [ns + s for ns in PREFIXES.values() for s in SUFFIXES] + [
    "https://w3id.org/herstelgraph/gen/a/scheme",
    "https://example.org/x#y",
    "urn:isbn:0451450523",
    "no-separator",
    "https://w3id.org/herstelgraph",
]


def test_compact_is_the_longest_namespace():
    wrong = [(iri, compact(iri)) for iri in IRIS if compact(iri) != longest_namespace(iri)]
    assert not wrong


def test_compact_then_expand_gives_the_iri_back():
    iris = [ns + "kennis-12" for ns in PREFIXES.values()]
    assert [expand(compact(iri)) for iri in iris] == iris
