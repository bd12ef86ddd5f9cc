"""The narrow SKOS closure the queries rely on, computed directly instead of by OWL-RL.

A general OWL-RL closure with the SKOS axioms grows the shipped graph x29 and takes minutes
(docs/performance.md, "Anchors"). The questions need only these entailments:

* symmetric mapping relations (exactMatch, closeMatch, relatedMatch) and skos:related;
* broadMatch/narrowMatch and broader/narrower as inverses;
* exactMatch transitivity, as cliques (irreflexive: no ``x exactMatch x``);
* broaderTransitive/narrowerTransitive from broader/narrower (irreflexive);
* skos:mappingRelation for every mapping triple, so "any mapping" is one pattern;
* hg:mappedInto from an item to every other scheme its mappings reach (a derived shortcut
  for gaps and coverage, see ``_mapped_into``).

They go into the INFERRED graph, minus what is asserted already, so inferred and asserted
triples stay apart. Deliberately not materialised: broadMatch ⊑ broader (it would make
hierarchies cross frameworks), owl:sameAs, reflexive and literal-subject triples.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import pyoxigraph as ox

from ..vocab import HG, SKOS
from .store import ASSERTED, INFERRED, USER, Store

#: Bump when the rules below change: it is part of the closure cache key.
RULES_VERSION = 2  # 2: hg:mappedInto


def _p(name: str) -> ox.NamedNode:
    return ox.NamedNode(SKOS + name)


SYMMETRIC = [_p("exactMatch"), _p("closeMatch"), _p("relatedMatch"), _p("related")]
INVERSES = [(_p("broadMatch"), _p("narrowMatch")), (_p("broader"), _p("narrower"))]
MAPPING = [_p(n) for n in ("exactMatch", "closeMatch", "relatedMatch", "broadMatch", "narrowMatch")]
MAPPING_RELATION = _p("mappingRelation")
MAPPED_INTO = ox.NamedNode(HG + "mappedInto")


@dataclass(frozen=True)
class ClosureStats:
    asserted: int
    inferred: int

    @property
    def growth(self) -> float:
        return (self.asserted + self.inferred) / self.asserted if self.asserted else 1.0


def _edges(store: Store, pred: ox.NamedNode) -> set[tuple]:
    out = set()
    for graph in (ASSERTED, USER):
        for q in store.ox.quads_for_pattern(None, pred, None, graph):
            if isinstance(q.object, ox.NamedNode | ox.BlankNode):
                out.add((q.subject, q.object))
    return out


def _transitive(edges: set[tuple]) -> set[tuple]:
    """All (a, c) reachable by one or more steps, without a → a; iterative, no recursion."""
    succ: dict = defaultdict(set)
    for a, b in edges:
        succ[a].add(b)
    closure = set()
    for start in list(succ):
        seen, stack = set(), list(succ[start])
        while stack:
            node = stack.pop()
            if node in seen:
                continue
            seen.add(node)
            stack.extend(succ.get(node, ()))
        closure.update((start, n) for n in seen if n != start)
    return closure


def _cliques(edges: set[tuple]) -> set[tuple]:
    """exactMatch is symmetric and transitive: connect every pair within a component."""
    parent: dict = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        parent[find(a)] = find(b)
    groups: dict = defaultdict(list)
    for node in list(parent):
        groups[find(node)].append(node)
    return {(a, b) for members in groups.values() for a in members for b in members if a != b}


def closure_triples(store: Store) -> set[tuple]:
    """The entailed (s, p, o) triples, including those already asserted."""
    triples: set[tuple] = set()
    mapping_edges: dict = {}
    for pred in SYMMETRIC:
        edges = _edges(store, pred)
        sym = edges | {(b, a) for a, b in edges}
        if pred == _p("exactMatch"):
            sym = _cliques(sym)
        mapping_edges[pred] = sym
        triples.update((a, pred, b) for a, b in sym)
    for p, inv in INVERSES:
        fwd = _edges(store, p) | {(b, a) for a, b in _edges(store, inv)}
        mapping_edges[p] = fwd
        mapping_edges[inv] = {(b, a) for a, b in fwd}
        triples.update((a, p, b) for a, b in fwd)
        triples.update((b, inv, a) for a, b in fwd)
    broader = mapping_edges[_p("broader")]
    triples.update((a, _p("broaderTransitive"), c) for a, c in _transitive(broader))
    triples.update((c, _p("narrowerTransitive"), a) for a, c in _transitive(broader))
    for pred in MAPPING:
        triples.update((a, MAPPING_RELATION, b) for a, b in mapping_edges[pred])
    triples.update(_mapped_into(store, mapping_edges))
    return triples


def _mapped_into(store: Store, mapping_edges: dict) -> set[tuple]:
    """``item hg:mappedInto scheme`` for every scheme one of the item's mappings reaches.

    Not a SKOS entailment but a shortcut derived from two of them (mappingRelation, then
    inScheme): it turns "any mapping into B" into one triple lookup, which is what brings
    gaps and coverage within 0.1 s at 50x (a join over all mappings costs 0.3-0.5 s).
    """
    in_scheme = {a: b for a, b in _edges(store, _p("inScheme"))}
    out = set()
    for pred in MAPPING:
        for a, b in mapping_edges[pred]:
            sa, sb = in_scheme.get(a), in_scheme.get(b)
            if sb is not None and sa != sb:
                out.add((a, MAPPED_INTO, sb))
    return out


_SKOS_PREFIX = "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"


def add_closure(store: Store) -> ClosureStats:
    """Materialise the closure into INFERRED (cleared first), skipping asserted triples.

    Runs as SPARQL updates inside Oxigraph (0.8 s at 50x where the same in Python took
    2.7 s); only the exactMatch cliques are joined in Python, with union-find.
    ``closure_triples`` above is the plain-Python statement of the same rules, which the
    tests hold this against.
    """
    a, u, i = str(ASSERTED), str(USER), str(INFERRED)
    ox_store = store.ox
    ox_store.clear_graph(INFERRED)
    before = len(store)
    ox_store.update(
        _SKOS_PREFIX
        + f"""INSERT {{ GRAPH {i} {{ ?b ?q ?a }} }} USING {a} USING {u} WHERE {{
  VALUES (?p ?q) {{
    (skos:exactMatch skos:exactMatch) (skos:closeMatch skos:closeMatch)
    (skos:relatedMatch skos:relatedMatch) (skos:related skos:related)
    (skos:broadMatch skos:narrowMatch) (skos:narrowMatch skos:broadMatch)
    (skos:broader skos:narrower) (skos:narrower skos:broader) }}
  ?a ?p ?b . FILTER(!isLiteral(?b)) FILTER NOT EXISTS {{ ?b ?q ?a }} }}"""
    )
    exact = _p("exactMatch")
    edges = set()
    for graph in (ASSERTED, USER, INFERRED):
        for q in ox_store.quads_for_pattern(None, exact, None, graph):
            edges.add((q.subject, q.object))
    missing = _cliques(edges) - edges
    ox_store.extend(ox.Quad(s_, exact, o, INFERRED) for s_, o in missing)
    ox_store.update(
        _SKOS_PREFIX
        + f"""INSERT {{ GRAPH {i} {{ ?a skos:mappingRelation ?b }} }}
USING {a} USING {u} USING {i} WHERE {{
  VALUES ?p {{ skos:exactMatch skos:closeMatch skos:relatedMatch skos:broadMatch skos:narrowMatch }}
  ?a ?p ?b . FILTER(!isLiteral(?b))
  FILTER NOT EXISTS {{ GRAPH {a} {{ ?a skos:mappingRelation ?b }} }} }};
INSERT {{ GRAPH {i} {{ ?a skos:broaderTransitive ?c . ?c skos:narrowerTransitive ?a }} }}
USING {a} USING {u} USING {i} WHERE {{
  ?a skos:broader+ ?c . FILTER(?a != ?c)
  FILTER NOT EXISTS {{ GRAPH {a} {{ ?a skos:broaderTransitive ?c }} }} }}"""
    )
    _add_mapped_into(store)
    inferred = len(store) - before
    return ClosureStats(asserted=before, inferred=inferred)


def _add_mapped_into(store: Store) -> None:
    """hg:mappedInto (see ``_mapped_into``) from the materialised skos:mappingRelation, in
    Python: a dictionary join costs ~50 ms at 50x where the SPARQL update takes ~0.3 s."""
    ox_store = store.ox
    in_scheme = {}
    for graph in (ASSERTED, USER):
        for q in ox_store.quads_for_pattern(None, _p("inScheme"), None, graph):
            in_scheme[q.subject] = q.object
    seen = set()
    for graph in (ASSERTED, USER, INFERRED):
        for q in ox_store.quads_for_pattern(None, MAPPING_RELATION, None, graph):
            sb = in_scheme.get(q.object)
            if sb is not None and in_scheme.get(q.subject) != sb:
                seen.add((q.subject, sb))
    ox_store.extend(ox.Quad(a, MAPPED_INTO, sb, INFERRED) for a, sb in seen)
