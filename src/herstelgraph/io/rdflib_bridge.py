"""Terms and graphs between pyoxigraph (the query path) and rdflib (exports, pyshacl, owlrl).

One place for the conversion both ways, so every export, the validator and
``Store.to_rdflib`` agree on it (plain ``xsd:string`` literals stay plain). rdflib is imported
inside the functions: the query path never pays for it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

import pyoxigraph as ox

from ..errors import UnsupportedError
from ..vocab import PREFIXES

if TYPE_CHECKING:  # rdflib is imported inside the functions
    from rdflib import BNode, Graph, Literal, URIRef
    from rdflib.term import Node

_XSD_STRING = PREFIXES["xsd"] + "string"


def rdflib_term(
    term: ox.NamedNode | ox.BlankNode | ox.Literal | ox.Triple, *, plain: bool = True
) -> URIRef | BNode | Literal:
    """A pyoxigraph term as the equal rdflib term; ``plain``: an ``xsd:string`` literal
    without its datatype (rdflib tells the two apart; serialisations want the plain one)."""
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Triple):
        raise UnsupportedError(f"an RDF-star triple term has no rdflib form: {term}")
    if term.language:
        return Literal(term.value, lang=term.language)
    dt = term.datatype.value
    return Literal(term.value, datatype=None if plain and dt == _XSD_STRING else URIRef(dt))


def ox_term(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """An rdflib term as the equal pyoxigraph term."""
    from rdflib import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if not isinstance(term, Literal):
        raise UnsupportedError(f"an rdflib {type(term).__name__} has no pyoxigraph form: {term}")
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype is not None:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


def ox_quad(triple: tuple[Node, Node, Node]) -> ox.Quad:
    """An rdflib triple as the equal pyoxigraph quad (in the default graph)."""
    s, p, o = (ox_term(t) for t in triple)
    if isinstance(s, ox.Literal) or not isinstance(p, ox.NamedNode):
        raise UnsupportedError(f"not an RDF triple: {triple}")
    return ox.Quad(s, p, o)


def to_rdflib(
    triples: Iterable[ox.Triple | ox.Quad], *, canonical: bool = True, plain: bool = True
) -> Graph:
    """An rdflib graph of the triples (the graph names of quads are dropped), with the
    project prefixes bound. ``canonical``: add them in sorted order and label blank nodes
    from the graph's shape if there are any (``blank_nodes.relabel``: linear, where rdflib's
    canonical labelling took 78 s on a 1,000-item RDF list), so serialisations are
    byte-identical across runs."""
    from rdflib import Graph

    items = list(triples)
    blank = any(isinstance(t.subject, ox.BlankNode) or isinstance(t.object, ox.BlankNode)
                for t in items)  # fmt: skip
    if canonical and blank:
        from .blank_nodes import relabel

        items = relabel(ox.Triple(t.subject, t.predicate, t.object) for t in items)
    if canonical:
        items.sort(key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    g = Graph(bind_namespaces="none")
    for t in items:
        g.add(
            (rdflib_term(t.subject), rdflib_term(t.predicate), rdflib_term(t.object, plain=plain))
        )
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)
    return g
