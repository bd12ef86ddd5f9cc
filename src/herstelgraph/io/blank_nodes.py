"""Blank nodes labelled from the graph's shape, fast: the same data always exports the same bytes.

A parser gives blank nodes new random labels at every load, so an export that writes them as
they are differs on every run. Exact canonical labelling (rdflib's ``to_canonical_graph``,
Oxigraph's ``Dataset.canonicalize``) cures that but is slow on long blank-node chains: an RDF
list of 1,000 items took 78 s in rdflib, one of 300 took 26 s in Oxigraph, so exporting such
a file hung. This labelling is linear for trees, lists and any acyclic blank-node structure:

1. each blank node gets a hash of what hangs below it (its triples, a blank object by its own
   hash; leaves first), then of that and what it hangs from (a blank subject by its hash;
   roots first). One such pass tells apart every node of an RDF list or a nested
   description; passes repeat, each starting from the last one's hashes, until no two nodes
   that shared a hash are told apart any more (so a node also learns what its descendants'
   other parents are);
2. blank nodes on a cycle of blank nodes, where there is no leaves-first order, are hashed
   with their neighbours' hashes at the end of each pass, and the hash of their whole
   island of blank nodes is added (a 6-cycle's nodes differ from a 3-cycle's);
3. nodes left with equal hashes (identical siblings, the nodes of a symmetric cycle) are
   numbered in a depth-first walk from the named nodes, children in order of predicate and
   hash, so whichever of two identical subtrees comes first, the labelled triples are the
   same. Only graphs that 1-WL refinement cannot tell apart from a non-isomorphic variant
   (contrived; none in practice) could still export differently.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable

import pyoxigraph as ox

#: hashing passes at most per refinement (real data settles in one or two)
PASSES = 8
#: alike nodes made unique one at a time, at most (real data needs none or a few) …
INDIVIDUALISE = 64
#: … and at most this many node-refinements in all (about a second): beyond it, a blank-node
#: structure with hundreds of interchangeable shared nodes may be numbered in an order that
#: differs between runs (never seen in real data; tests/test_properties.py draws graphs of
#: up to 12 blank nodes and finds none)
WORK = 20_000


def _h(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def _components(nodes: list, edges: dict) -> list[list]:
    """Strongly connected components (Tarjan, iterative), sinks first."""
    index: dict = {}
    low: dict = {}
    on_stack: set = set()
    stack: list = []
    out: list[list] = []
    counter = 0
    for root in nodes:
        if root in index:
            continue
        work = [(root, iter(edges.get(root, ())))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(edges.get(child, ()))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                out.append(component)
    return out


def blank_labels(quads: Iterable) -> dict[ox.BlankNode, str]:
    """A label for every blank node of the triples or quads, from the graph's shape only."""
    blank = ox.BlankNode
    below: dict = defaultdict(list)  # node -> [(predicate key, object)]
    above: dict = defaultdict(list)  # node -> [(predicate key, subject)]
    nodes: dict = {}
    for q in quads:
        s, o = q.subject, q.object
        graph = getattr(q, "graph_name", None)
        p = str(q.predicate) if graph is None else f"{graph} {q.predicate}"
        if type(s) is blank:
            below[s].append((p, o))
            nodes[s] = None
        if type(o) is blank:
            above[o].append((p, s))
            nodes[o] = None
    order = sorted(nodes, key=lambda b: b.value)  # any fixed order: the result ignores it
    down_edges = {b: [o for _, o in below[b] if type(o) is blank] for b in order}
    components = _components(order, down_edges)  # sinks first
    cyclic = set()
    for comp in components:
        if len(comp) > 1 or comp[0] in down_edges[comp[0]]:
            cyclic.update(comp)

    def key(term, hashes, here) -> str:
        if type(term) is not blank:
            return str(term)
        return "~" if term in here else hashes[term]

    def refine(color: dict) -> dict:
        """Passes until no class splits (the partition is then stable), at most PASSES:
        leaves-first (what hangs below), roots-first (what it hangs from), then, where blank
        nodes form cycles, each with its neighbours' hashes."""
        distinct = len(set(color.values()))
        for _ in range(PASSES):
            down: dict = {}
            for comp in components:  # leaves first
                here = set(comp) if comp[0] in cyclic else set()
                for b in comp:
                    edges = sorted(f"{p} {key(o, down, here)}" for p, o in below[b])
                    down[b] = _h(color[b], "v", *edges)
            up: dict = {}
            for comp in reversed(components):  # roots first
                here = set(comp) if comp[0] in cyclic else set()
                for b in comp:
                    edges = sorted(f"{p} {key(s, up, here)}" for p, s in above[b])
                    up[b] = _h(down[b], "^", *edges)
            if cyclic:
                up = {
                    b: _h(
                        up[b],
                        *sorted(f"v {p} {key(o, up, ())}" for p, o in below[b]),
                        *sorted(f"^ {p} {key(s, up, ())}" for p, s in above[b]),
                    )
                    for b in order
                }
            count = len(set(up.values()))
            color = up
            if count == distinct:
                break
            distinct = count
        return color

    color = refine(dict.fromkeys(order, ""))
    # what a node's whole blank-node island looks like: tells a 6-cycle's nodes from a
    # 3-cycle's, which look alike to their neighbours
    island = {b: b for b in order}

    def find(b):
        while island[b] != b:
            island[b] = island[island[b]]
            b = island[b]
        return b

    for b in order:
        for o in down_edges[b]:
            ra, rb = find(b), find(o)
            if ra != rb:
                island[ra] = rb
    members: dict = defaultdict(list)
    for b in order:
        members[find(b)].append(color[b])
    shape = {root: _h("island", *sorted(cs)) for root, cs in members.items()}
    color = refine({b: _h(color[b], shape[find(b)]) for b in order})
    # Nodes still alike where one has several parents or lies on a cycle: pick one, make it
    # unique, and refine again, so the choice reaches every node it concerns (the
    # individualisation of exact canonical labelling, bounded; twins under one parent are
    # left to the numbering, which handles them without it)
    shared = {b for b in order if len(above[b]) > 1} | cyclic
    for _ in range(min(INDIVIDUALISE, WORK // max(len(order), 1))):
        classes: dict = defaultdict(list)
        for b in order:
            classes[color[b]].append(b)
        tied = sorted(c for c, bs in classes.items() if len(bs) > 1 and shared & set(bs))
        if not tied:
            break
        chosen = classes[tied[0]][0]
        color = refine({**color, chosen: _h(color[chosen], "!")})
    return _number(order, below, above, color)


def _number(order: list, below: dict, above: dict, color: dict) -> dict[ox.BlankNode, str]:
    """Labels from the hashes; nodes that share a hash are numbered in a depth-first walk
    from the named nodes (children in order of predicate and hash), so that identical
    subtrees, or the nodes of a symmetric cycle, are numbered alike whichever comes first."""
    blank = ox.BlankNode
    count: dict[str, int] = defaultdict(int)
    for b in order:
        count[color[b]] += 1
    entries = []
    for b in order:
        named = [(str(s), p) for p, s in above[b] if type(s) is not blank]
        # walks start below named nodes, then at blank roots, then anywhere (cycles); unique
        # nodes before alike ones
        alike = count[color[b]] > 1
        entries += [((0, alike, s, p, color[b]), b) for s, p in named]
        if not named:
            entries.append(((1 if not above[b] else 2, alike, "", "", color[b]), b))
    entries.sort(key=lambda e: e[0])
    labels: dict = {}
    seen: dict[str, int] = defaultdict(int)
    for _, root in entries:
        stack = [root]
        while stack:
            b = stack.pop()
            if b in labels:
                continue
            stem = "c" + color[b][:20]
            labels[b] = stem if count[color[b]] == 1 else f"{stem}x{seen[stem]}"
            seen[stem] += 1
            children = sorted(
                (((p, color[o]), o) for p, o in below[b] if type(o) is blank and o not in labels),
                key=lambda e: e[0],
            )
            stack.extend(o for _, o in reversed(children))
    return labels


def relabel(quads: Iterable) -> list:
    """The triples or quads with their blank nodes relabelled by ``blank_labels``."""
    items = list(quads)
    labels = blank_labels(items)
    if not labels:
        return items

    def m(term):
        return ox.BlankNode(labels[term]) if type(term) is ox.BlankNode else term

    out: list[ox.Triple | ox.Quad] = []
    for q in items:
        if isinstance(q, ox.Quad):
            out.append(ox.Quad(m(q.subject), q.predicate, m(q.object), q.graph_name))
        else:
            out.append(ox.Triple(m(q.subject), q.predicate, m(q.object)))
    return out
