"""The narrow SKOS closure the queries rely on, computed directly instead of by OWL-RL.

A general OWL-RL closure with the SKOS axioms grows the shipped graph x29 and takes minutes
(docs/performance.md, "Anchors"). The questions need only these entailments:

* symmetric mapping relations (exactMatch, closeMatch, relatedMatch) and skos:related;
* broadMatch/narrowMatch and broader/narrower as inverses;
* exactMatch transitivity, as cliques (irreflexive: no ``x exactMatch x``);
* broaderTransitive/narrowerTransitive from broader/narrower (irreflexive);
* skos:mappingRelation for every mapping triple, so "any mapping" is one pattern;
* hg:RequirementItem, the one definition of "an item that counts" (RUBRIC C-COV-1): a
  concept of a scheme that is not a section, not a restatement (hg:restates), not inferred
  (hg:isInferred), not example-only (it or an ancestor hg:isExample) and not deprecated
  (owl:deprecated, an item a release took out, kept for its IRI); see
  ``requirement_items``;
* hg:mappedInto from an item to every other scheme where one of its SKOS mappings reaches an
  item that is not example-only or inferred, and hg:mappedViaExampleInto where its mappings
  into that scheme reach only example-only or inferred items ("covered via an example",
  RUBRIC R-EX-1, R-INF-1): derived shortcuts for gaps and coverage, see ``_mapped_into``.
  Prerequisite records (ceasn:prerequisiteAlignment) are no SKOS mapping and reach neither.

They go into the INFERRED graph, minus what is asserted already, so inferred and asserted
triples stay apart. Deliberately not materialised: broadMatch ⊑ broader (it would make
hierarchies cross frameworks), owl:sameAs, reflexive and literal-subject triples.
"""

from __future__ import annotations

from collections import defaultdict
from typing import NamedTuple

import pyoxigraph as ox

from ..vocab import HG, RDF_TYPE, SKOS
from .store import ASSERTED, INFERRED, USER, Store

#: Bump when the rules below change: it is part of the closure cache key.
RULES_VERSION = 4  # 2: hg:mappedInto; 3: hg:RequirementItem, hg:mappedViaExampleInto;
# 4: no deprecated item is a requirement item


def _p(name: str) -> ox.NamedNode:
    return ox.NamedNode(SKOS + name)


SYMMETRIC = [_p("exactMatch"), _p("closeMatch"), _p("relatedMatch"), _p("related")]
INVERSES = [(_p("broadMatch"), _p("narrowMatch")), (_p("broader"), _p("narrower"))]
MAPPING = [_p(n) for n in ("exactMatch", "closeMatch", "relatedMatch", "broadMatch", "narrowMatch")]
MAPPING_RELATION = _p("mappingRelation")
MAPPED_INTO = ox.NamedNode(HG + "mappedInto")
MAPPED_VIA_EXAMPLE = ox.NamedNode(HG + "mappedViaExampleInto")
REQUIREMENT_ITEM = ox.NamedNode(HG + "RequirementItem")
_RDF_TYPE = ox.NamedNode(RDF_TYPE)
_CONCEPT = _p("Concept")
_SECTION = ox.NamedNode(HG + "Section")
_RESTATES = ox.NamedNode(HG + "restates")
_IS_EXAMPLE = ox.NamedNode(HG + "isExample")
_IS_INFERRED = ox.NamedNode(HG + "isInferred")
_DEPRECATED = ox.NamedNode("http://www.w3.org/2002/07/owl#deprecated")


class ClosureStats(NamedTuple):
    """How many quads the closure found beside the asserted ones (a named tuple: every
    process imports this module for its rules' version, decision 44)."""

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
    closure: set[tuple] = set()
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
    required, apart = _kinds(store)
    triples.update((item, _RDF_TYPE, REQUIREMENT_ITEM) for item in required)
    triples.update(_mapped_into(store, mapping_edges, apart))
    return triples


def _true(store: Store, pred: ox.NamedNode) -> set:
    """Subjects with ``pred true`` (xsd:boolean "true" or "1")."""
    out = set()
    for graph in (ASSERTED, USER):
        for q in store.ox.quads_for_pattern(None, pred, None, graph):
            if isinstance(q.object, ox.Literal) and q.object.value in ("true", "1"):
                out.add(q.subject)
    return out


def requirement_items(store: Store) -> set:
    """The items that count: in coverage, in gaps, in the review status and in the mapping
    report (RUBRIC C-COV-1, docs/modelling.md "How items are counted").

    A ``skos:Concept`` in a scheme that is not a ``hg:Section`` (a heading, R-SEC-1), does not
    restate another item (``hg:restates``: aligned, counted and covered once, through the item
    it restates, R-DUP-1), is not ``hg:isInferred`` (R-INF-1) and is not example-only (it or
    an ancestor ``hg:isExample``, R-EX-1) and is not ``owl:deprecated`` (an item a release took
    out, kept for its IRI: docs/modelling.md "Releases and deprecation"). Materialised as
    ``rdf:type hg:RequirementItem`` in the inferred graph, so every question reads the same set
    with one triple pattern.
    """
    return _kinds(store)[0]


def _kinds(store: Store) -> tuple[set, set]:
    """(requirement items, example-only and inferred items)."""
    concepts = {q.subject for q in _quads(store, _RDF_TYPE, _CONCEPT)}
    in_scheme = {q.subject for q in _quads(store, _p("inScheme"), None)}
    sections = {q.subject for q in _quads(store, _RDF_TYPE, _SECTION)}
    restating = {q.subject for q in _quads(store, _RESTATES, None)}
    # example-only: the hg:isExample items and everything below them (a walk down from the
    # few examples, not an index of every broader link: 5 ms instead of 0.2 s at 50x)
    examples, stack = set(), list(_true(store, _IS_EXAMPLE))
    broader, narrower = _p("broader"), _p("narrower")
    while stack:
        node = stack.pop()
        if node in examples:
            continue
        examples.add(node)
        stack.extend(q.subject for q in _quads(store, broader, node))
        stack.extend(
            q.object
            for g in (ASSERTED, USER)
            for q in store.ox.quads_for_pattern(node, narrower, None, g)
            if not isinstance(q.object, ox.Literal)
        )
    apart = examples | _true(store, _IS_INFERRED)
    deprecated = _true(store, _DEPRECATED)
    return (concepts & in_scheme) - sections - restating - apart - deprecated, apart


def _quads(store: Store, pred: ox.NamedNode, obj) -> list:
    return [q for g in (ASSERTED, USER) for q in store.ox.quads_for_pattern(None, pred, obj, g)]


def _mapped_into(store: Store, mapping_edges: dict, apart: set) -> set[tuple]:
    """``item hg:mappedInto scheme`` for every scheme where one of the item's mappings
    reaches an item that is not example-only or inferred; ``item hg:mappedViaExampleInto
    scheme`` where its mappings into that scheme reach only example-only or inferred items.
    (A link to a section or a restating item, which the mapping checks refuse, C-SEC-1 and
    C-DUP-1, still counts as a mapping here.)

    Not a SKOS entailment but a shortcut derived from two of them (mappingRelation, then
    inScheme): it turns "any mapping into B" into one triple lookup, which is what brings
    gaps and coverage within 0.1 s at 50x (a join over all mappings costs 0.3-0.5 s).
    """
    in_scheme = {a: b for a, b in _edges(store, _p("inScheme"))}
    main: set[tuple] = set()
    other: set[tuple] = set()
    for pred in MAPPING:
        for a, b in mapping_edges[pred]:
            sa, sb = in_scheme.get(a), in_scheme.get(b)
            if sb is not None and sa != sb:
                (other if b in apart else main).add((a, sb))
    return {(a, MAPPED_INTO, sb) for a, sb in main} | {
        (a, MAPPED_VIA_EXAMPLE, sb) for a, sb in other - main
    }


_SKOS_PREFIX = "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"


def add_closure(store: Store) -> ClosureStats:
    """Materialise the closure into INFERRED (cleared first), skipping asserted triples.

    Runs as SPARQL updates inside Oxigraph (0.8 s at 50x where the same in Python took
    2.7 s); only the exactMatch cliques are joined in Python, with union-find.
    ``closure_triples`` above is the plain-Python statement of the same rules, which the
    tests hold this against.
    """
    store.ox.clear_graph(INFERRED)
    before = len(store)
    materialise(store)
    return ClosureStats(asserted=before, inferred=len(store) - before)


def materialise(store: Store) -> None:
    """``add_closure`` without its counts (each ``len`` counts every quad: ~0.1 s of a
    rebuild at 50x, which the loader does not use)."""
    a, u, i = str(ASSERTED), str(USER), str(INFERRED)
    ox_store = store.ox
    ox_store.clear_graph(INFERRED)
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


def _add_mapped_into(store: Store) -> None:
    """hg:RequirementItem (``requirement_items``), then hg:mappedInto and
    hg:mappedViaExampleInto (see ``_mapped_into``) from the materialised
    skos:mappingRelation, in Python: a dictionary join costs ~50 ms at 50x where the SPARQL
    update takes ~0.3 s."""
    ox_store = store.ox
    required, apart = _kinds(store)
    ox_store.extend(ox.Quad(c, _RDF_TYPE, REQUIREMENT_ITEM, INFERRED) for c in required)
    in_scheme = {}
    for graph in (ASSERTED, USER):
        for q in ox_store.quads_for_pattern(None, _p("inScheme"), None, graph):
            in_scheme[q.subject] = q.object
    main: set[tuple] = set()
    other: set[tuple] = set()
    for graph in (ASSERTED, USER, INFERRED):
        for q in ox_store.quads_for_pattern(None, MAPPING_RELATION, None, graph):
            if isinstance(q.object, ox.Literal):
                continue
            sb = in_scheme.get(q.object)
            if sb is not None and in_scheme.get(q.subject) != sb:
                (other if q.object in apart else main).add((q.subject, sb))
    ox_store.extend(ox.Quad(a, MAPPED_INTO, sb, INFERRED) for a, sb in main)
    ox_store.extend(ox.Quad(a, MAPPED_VIA_EXAMPLE, sb, INFERRED) for a, sb in other - main)
