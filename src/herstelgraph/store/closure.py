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

They go into the INFERRED graph, so inferred and asserted triples stay apart; a symmetric or
inverse triple the asserted or user graph holds already is not repeated there (the
mappingRelation, transitive and hg: triples are written whether or not a graph asserts
them). Deliberately not materialised: broadMatch ⊑ broader (it would make hierarchies cross
frameworks), owl:sameAs, reflexive and literal-subject triples.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
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


def add_closure(store: Store) -> ClosureStats:
    """Materialise the closure into INFERRED (cleared first), with its counts.

    Computed by ``materialise`` (set and dictionary joins over N-Triples texts, decision
    36). ``closure_triples`` above is the plain-Python statement of the same rules, which
    the tests hold this against, as they hold ``materialise`` to the SPARQL updates that
    computed it before.
    """
    store.ox.clear_graph(INFERRED)
    before = len(store)
    materialise(store)
    return ClosureStats(asserted=before, inferred=len(store) - before)


class Triples:
    """Triples for INFERRED, gathered as N-Triples lines and loaded a batch at a time: a
    ``Quad`` costs ~1.2 µs to build and ~2.3 µs to add, a line ~0.5 µs to write and ~2 µs
    to load. Terms are given as their N-Triples text (``str`` of a pyoxigraph term: its hash
    is computed once, where a pyoxigraph term hashes its text again on every set or dict
    lookup, 0.3 s of a 50x closure). A blank node's text does not name it in a loaded
    document, so a triple with one is added as a ``Quad``; a literal subject is no triple
    and is left out, as a SPARQL INSERT leaves it out. Batches keep the text small beside
    the store (a batch is loaded once it has 50k lines: the closure's 205k lines at 50x
    are ~30 MB)."""

    BATCH = 50_000

    def __init__(self, raw: ox.Store) -> None:
        self.raw = raw
        self.lines: list[str] = []
        self.quads: list[ox.Quad] = []

    def pairs(self, p: ox.NamedNode, pairs: Iterable[tuple[str, str]]) -> None:
        """``(s, p, o)`` for every ``(s, o)``, each the N-Triples text of a term."""
        pairs = pairs if isinstance(pairs, list | set) else list(pairs)
        pred = f" {p} "
        self.lines += [f"{s}{pred}{o} .\n" for s, o in pairs if s[0] == "<" and o[0] != "_"]
        for s, o in pairs:
            if s[0] != "<" or o[0] == "_":  # a blank node, or a literal subject: no triple
                if s[0] != '"':
                    self.quads.append(ox.Quad(term(s), p, term(o), INFERRED))  # type: ignore[arg-type]
        if len(self.lines) >= self.BATCH:
            self.flush()

    def text(self, lines: str) -> None:
        """A few N-Triples lines with no blank node."""
        self.lines.append(lines)
        if len(self.lines) >= self.BATCH // 8:
            self.flush()

    def flush(self) -> None:
        """Load what is gathered (and keep the list: ``pairs`` holds it)."""
        # terms read from the store, written back: lenient skips IRI re-validation
        data = "".join(self.lines).encode()
        self.lines.clear()
        self.raw.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=INFERRED, lenient=True)

    def write(self) -> None:
        self.flush()
        self.raw.extend(self.quads)
        self.quads.clear()


def term(text: str) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """The pyoxigraph term of an N-Triples text (``str`` of a term): a blank node is the
    store's own node of that label."""
    if text[0] == "<":
        return ox.NamedNode(text[1:-1])
    if text[0] == "_":
        return ox.BlankNode(text[2:])
    (quad,) = ox.parse(f"<x:s> <x:p> {text} .".encode(), format=ox.RdfFormat.N_TRIPLES)
    return quad.object


def texts(raw: ox.Store, pred: ox.NamedNode, graphs: Iterable[ox.NamedNode]) -> set[tuple]:
    """(subject, object) of every ``pred`` triple in ``graphs``, as N-Triples texts. An RDF
    1.2 triple term as the object is left out: its ``str`` is no N-Triples term (the SPARQL
    updates carried one over into the closure; no SKOS relation has one)."""
    return {
        (str(q.subject), str(q.object))
        for g in graphs
        for q in raw.quads_for_pattern(None, pred, None, g)
        if type(q.object) is not ox.Triple
    }


class Derived(NamedTuple):
    """What ``materialise`` derived or read, kept for the tallies, which would otherwise read
    it back from INFERRED (~0.25 s at 50x), as N-Triples texts: the requirement items, each
    item's hg:mappedInto and hg:mappedViaExampleInto schemes, and each node's ancestors by
    one or more skos:broader links. What the asserted and user graphs say of these
    predicates themselves is not in it. (A named tuple: every question imports this module,
    and a dataclass costs it ~1 ms to define, decision 44.)"""

    required: set
    mapped_into: dict
    via_example: dict
    ancestors: dict
    #: for the mapping tally: each SKOS mapping relation's (subject, object) pairs in
    #: ASSERTED and in USER, and the (item, scheme) pairs of skos:inScheme in each
    mappings: dict
    schemes: list


#: (p, q): every ``a p b`` entails ``b q a``
_TURNED = [
    (_p("exactMatch"), _p("exactMatch")),
    (_p("closeMatch"), _p("closeMatch")),
    (_p("relatedMatch"), _p("relatedMatch")),
    (_p("related"), _p("related")),
    (_p("broadMatch"), _p("narrowMatch")),
    (_p("narrowMatch"), _p("broadMatch")),
    (_p("broader"), _p("narrower")),
    (_p("narrower"), _p("broader")),
]


def materialise(store: Store) -> Derived:
    """``add_closure`` without its counts (each ``len`` counts every quad: ~0.1 s of a
    rebuild at 50x, which the loader does not use).

    Set and dictionary joins over the N-Triples texts of the quads the rules read, loaded
    as N-Triples (``Triples``; decision 36). At 50x with ``--data`` it costs what the SPARQL
    updates that did it before cost (1.6-1.8 s CPU, ~0.7 s of it Oxigraph adding the 205k
    triples); what it gains is the sets it returns, which the tallies would otherwise read
    back from INFERRED (-0.3 to -0.5 s).
    ``tests/test_reasoning.py`` holds it to those updates, kept there, triple for triple;
    ``closure_triples`` above states the same rules plainly. Returns what it derived, for
    the tallies (``Derived``).
    """
    raw = store.ox
    raw.clear_graph(INFERRED)
    out = Triples(raw)
    both = (ASSERTED, USER)
    # each predicate's pairs per graph (the mapping tally counts a pair both graphs hold
    # twice, as Oxigraph's join does), and in both
    by_graph = {p: (texts(raw, p, (ASSERTED,)), texts(raw, p, (USER,))) for p, _ in _TURNED}
    held = {p: a | u for p, (a, u) in by_graph.items()}
    # symmetric relations and inverses: b q a for every a p b not already held
    turned: dict = defaultdict(set)
    for p, q in _TURNED:
        turned[q] |= {(b, a) for a, b in held[p] if b[0] != '"'}
    for q in list(turned):
        turned[q] -= held[q]
    # exactMatch cliques (union-find) over what is held and what was just turned
    exact = _p("exactMatch")
    edges = held[exact] | turned[exact]
    turned[exact] |= _cliques(edges) - edges
    for q, pairs in turned.items():
        out.pairs(q, pairs)
    # skos:mappingRelation for every mapping, and broaderTransitive and narrowerTransitive
    # for every chain of one or more broader links (held or turned, without a -> a): all of
    # them, also where a graph asserts them (the SPARQL updates meant to leave out what
    # ASSERTED holds, with GRAPH <asserted> in a FILTER NOT EXISTS, but a USING dataset has
    # no named graphs, so it never matched; the triples stay as they were)
    mapping = {
        (a, b) for p in MAPPING for pairs in (held[p], turned[p]) for a, b in pairs if b[0] != '"'
    }
    out.pairs(MAPPING_RELATION, mapping)
    transitive = _transitive(held[_p("broader")] | turned[_p("broader")])
    out.pairs(_p("broaderTransitive"), transitive)
    out.pairs(_p("narrowerTransitive"), ((c, a) for a, c in transitive))
    ancestors: dict = defaultdict(set)
    for a, c in transitive:
        ancestors[a].add(c)
    # hg:RequirementItem, hg:mappedInto and hg:mappedViaExampleInto (``_mapped_into``)
    kinds = _kinds(store)
    required, apart = ({str(t) for t in terms} for terms in kinds)
    out.pairs(_RDF_TYPE, ((c, str(REQUIREMENT_ITEM)) for c in required))
    in_scheme = {}
    schemes: list[list[tuple[str, str]]] = [[], []]
    for graph, pairs in zip(both, schemes, strict=True):
        for quad in raw.quads_for_pattern(None, _p("inScheme"), None, graph):
            if type(quad.object) is ox.Triple:  # as in ``texts``
                continue
            pair = str(quad.subject), str(quad.object)
            pairs.append(pair)
            in_scheme[pair[0]] = pair[1]
    relation = mapping | texts(raw, MAPPING_RELATION, both)
    main: set[tuple] = set()
    other: set[tuple] = set()
    for a, b in relation:
        if b[0] == '"':
            continue
        sb = in_scheme.get(b)
        if sb is not None and in_scheme.get(a) != sb:
            (other if b in apart else main).add((a, sb))
    out.pairs(MAPPED_INTO, main)
    out.pairs(MAPPED_VIA_EXAMPLE, other - main)
    out.write()
    mapped_into: dict = defaultdict(set)
    via_example: dict = defaultdict(set)
    for a, sb in main:
        mapped_into[a].add(sb)
    for a, sb in other - main:
        via_example[a].add(sb)
    mappings = {p: by_graph[p] for p in MAPPING}
    return Derived(required, mapped_into, via_example, ancestors, mappings, schemes)
