"""Setting records aside: the review overlay's two operations on an embedded store.

The merged view (``curation.review.merge``) decides which mapping records are not in force
(rejected in review, or left out by a mapping filter); this module moves such a record, its
``skos:*Match`` triple and its strength triple out of the asserted and user graphs into
WITHHELD, which no question reads, so the SKOS closure, the tallies and every query computed
afterwards never count it. It also copies a store's own graphs, so a filtered view can be
built without touching the session's store.
"""

from __future__ import annotations

from collections.abc import Iterable

import pyoxigraph as ox

from ..vocab import WITHHELD_GRAPH
from .store import ASSERTED, EXTERNAL, USER, Store

WITHHELD = ox.NamedNode(WITHHELD_GRAPH)


def withhold(store: Store, record: ox.NamedNode, triples: Iterable[tuple]) -> int:
    """Move the record's own triples and the given (s, p, o) triples from ASSERTED, USER and
    EXTERNAL (a link to ESCO) into WITHHELD; returns how many quads moved."""
    moved: list[ox.Quad] = []
    for graph in (ASSERTED, USER, EXTERNAL):
        moved.extend(store.ox.quads_for_pattern(record, None, None, graph))
        for s, p, o in triples:
            moved.extend(store.ox.quads_for_pattern(s, p, o, graph))
    for q in moved:
        store.ox.remove(q)
        store.ox.add(ox.Quad(q.subject, q.predicate, q.object, WITHHELD))
    return len(moved)


def withhold_triples(store: Store, triples: Iterable[tuple]) -> int:
    """Move the given (s, p, o) triples from ASSERTED and USER into WITHHELD (a translation a
    reviewer rejected or corrected); returns how many quads moved."""
    moved = [
        q
        for graph in (ASSERTED, USER)
        for s, p, o in triples
        for q in store.ox.quads_for_pattern(s, p, o, graph)
    ]
    for q in moved:
        store.ox.remove(q)
        store.ox.add(ox.Quad(q.subject, q.predicate, q.object, WITHHELD))
    return len(moved)


def add_user_quads(store: Store, triples: Iterable[tuple], *, external: bool = False) -> None:
    """Add (s, p, o) triples to the user graph (records the reviewers made), or to the
    external graph for a record that links to an external vocabulary (ESCO), which no
    framework figure reads."""
    graph = EXTERNAL if external else USER
    store.ox.extend(ox.Quad(s, p, o, graph) for s, p, o in triples)


def copy_own(store: Store) -> Store:
    """A new store with the asserted, user, external and withheld graphs of ``store`` (no
    closure)."""
    new = Store()
    new.ox.extend(
        q
        for g in (ASSERTED, USER, EXTERNAL, WITHHELD)
        for q in store.ox.quads_for_pattern(None, None, None, g)
    )
    return new
