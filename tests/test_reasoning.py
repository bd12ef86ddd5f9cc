"""The narrow SKOS closure: what it entails, that it stays apart from asserted triples,
that it adds no noise, what it costs, and that owlrl agrees on the entailments we claim."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

import herstelgraph
from herstelgraph.store import ASSERTED, INFERRED, Store
from herstelgraph.store.closure import MAPPED_INTO, add_closure, closure_triples

from conftest import ROOT

FIX = ROOT / "tests" / "fixtures" / "alignment"
SKOS = "http://www.w3.org/2004/02/skos/core#"
BK = "https://w3id.org/herstelgraph/bk-0597-1/"
VA = "https://w3id.org/herstelgraph/valente-2023/"
B2 = "https://w3id.org/herstelgraph/bijlage-ii/"

# An extra exactMatch chain so that clique transitivity has something to do.
EXTRA = f"""
<{BK}kennis-02> <{SKOS}exactMatch> <{B2}competentie-01> .
<{B2}competentie-01> <{SKOS}exactMatch> <{VA}basishouding-betrokken> .
"""


@pytest.fixture(scope="module")
def fx():
    store = herstelgraph.load(files=[FIX / "frameworks.ttl", FIX / "mappings.ttl"], closure=False)
    store.add_data(EXTRA.encode(), ox.RdfFormat.N_TRIPLES, ASSERTED, "extra")
    stats = add_closure(store)
    return store, stats


def has(store, s, p, o, graph=INFERRED):
    q = ox.Quad(ox.NamedNode(s), ox.NamedNode(p), ox.NamedNode(o), graph)
    return q in store.ox


def test_symmetric_inverse_and_transitive_entailments(fx):
    store, _ = fx
    # closeMatch is symmetric
    assert has(store, VA + "kennis-sociale-kaart", SKOS + "closeMatch", BK + "kennis-02")
    # narrowMatch has broadMatch as inverse
    assert has(store, VA + "vaardigheid-reflectie", SKOS + "broadMatch", BK + "competentie-03")
    # exactMatch cliques: kennis-02 = competentie-01 = betrokken, so kennis-02 = betrokken
    assert has(store, BK + "kennis-02", SKOS + "exactMatch", VA + "basishouding-betrokken")
    assert has(store, VA + "basishouding-betrokken", SKOS + "exactMatch", BK + "kennis-02")
    # broader/narrower inverses and broaderTransitive
    assert has(store, BK + "competenties", SKOS + "narrower", BK + "competentie-01") is False
    assert has(store, BK + "competentie-01-activiteit-01", SKOS + "broaderTransitive",
               BK + "competenties")  # fmt: skip
    assert has(store, BK + "competenties", SKOS + "narrowerTransitive",
               BK + "competentie-01-activiteit-01")  # fmt: skip
    # any mapping is one pattern, in both directions
    assert has(store, VA + "kennis-herstel", SKOS + "mappingRelation", BK + "kennis-01")
    assert has(store, BK + "kennis-01", str(MAPPED_INTO)[1:-1], VA + "scheme")


def test_inferred_kept_apart_from_asserted(fx):
    store, _ = fx
    asserted = {(q.subject, q.predicate, q.object) for q in store.triples(ASSERTED)}
    inferred = {(q.subject, q.predicate, q.object) for q in store.triples(INFERRED)}
    assert inferred and not (asserted & inferred)
    # the asserted narrower triple stays asserted only
    assert has(store, BK + "competenties", SKOS + "narrower", BK + "competentie-01", ASSERTED)
    # queries without entailment do not see inferred triples
    q = "ASK WHERE { ?a skos:broaderTransitive ?b }"
    assert store.ask(q, entailment=True) and not store.ask(q)


def test_no_noise(fx):
    store, _ = fx
    for q in store.triples(INFERRED):
        assert not isinstance(q.subject, ox.Literal)
        assert not isinstance(q.object, ox.Literal)
        assert q.predicate.value != "http://www.w3.org/2002/07/owl#sameAs"
        assert q.subject != q.object, f"reflexive: {q}"


def test_triple_growth_is_measured_and_small(fx):
    store, stats = fx
    assert stats.asserted + stats.inferred == len(store)
    assert 1.0 < stats.growth < 2.0, stats  # OWL-RL with the SKOS axioms: x29


def test_sparql_closure_matches_the_python_statement(fx):
    store, _ = fx
    entailed = closure_triples(store)
    inferred = {(q.subject, q.predicate, q.object) for q in store.triples(INFERRED)}
    asserted = {(q.subject, q.predicate, q.object) for q in store.triples(ASSERTED)}
    assert inferred == entailed - asserted


SKOS_AXIOMS = """
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
skos:exactMatch a owl:TransitiveProperty, owl:SymmetricProperty .
skos:closeMatch a owl:SymmetricProperty .
skos:relatedMatch a owl:SymmetricProperty .
skos:related a owl:SymmetricProperty .
skos:broadMatch owl:inverseOf skos:narrowMatch .
skos:broader owl:inverseOf skos:narrower .
skos:broaderTransitive a owl:TransitiveProperty ; owl:inverseOf skos:narrowerTransitive .
skos:broader rdfs:subPropertyOf skos:broaderTransitive .
skos:narrower rdfs:subPropertyOf skos:narrowerTransitive .
skos:exactMatch rdfs:subPropertyOf skos:mappingRelation .
skos:closeMatch rdfs:subPropertyOf skos:mappingRelation .
skos:relatedMatch rdfs:subPropertyOf skos:mappingRelation .
skos:broadMatch rdfs:subPropertyOf skos:mappingRelation .
skos:narrowMatch rdfs:subPropertyOf skos:mappingRelation .
"""
CLAIMED = [
    SKOS + p
    for p in (
        "exactMatch closeMatch relatedMatch broadMatch narrowMatch broader narrower "
        "broaderTransitive narrowerTransitive mappingRelation related"
    ).split()
]


def test_owlrl_agrees_on_the_claimed_entailments(fx):
    """owlrl's OWL-RL closure, with the SKOS axioms we rely on, entails exactly our triples
    for the claimed predicates (leaving out its reflexive x exactMatch x)."""
    import owlrl
    from rdflib import Graph, URIRef

    store, _ = fx
    g = Graph()
    for q in store.triples(ASSERTED):
        if isinstance(q.object, ox.NamedNode) and q.predicate.value in CLAIMED:
            g.add((URIRef(q.subject.value), URIRef(q.predicate.value), URIRef(q.object.value)))
    base = set(g)
    g.parse(data=SKOS_AXIOMS, format="turtle")
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(g)
    theirs = {
        (str(s), str(p), str(o))
        for s, p, o in g
        if str(p) in CLAIMED
        and s != o
        and isinstance(o, URIRef)
        and str(s).startswith("https://w3id.org/herstelgraph/")
    }
    ours = {
        (q.subject.value, q.predicate.value, q.object.value)
        for graph in (ASSERTED, INFERRED)
        for q in store.triples(graph)
        if q.predicate.value in CLAIMED and isinstance(q.object, ox.NamedNode)
    }
    assert len(theirs) > len(base)
    assert ours == theirs, (sorted(ours - theirs)[:5], sorted(theirs - ours)[:5])


def test_closure_of_a_store_without_mappings_is_only_hierarchy():
    store = Store()
    store.add_data(
        f"<{BK}a> <{SKOS}broader> <{BK}b> .".encode(), ox.RdfFormat.N_TRIPLES, ASSERTED, "t"
    )
    add_closure(store)
    preds = {q.predicate.value for q in store.triples(INFERRED)}
    assert preds == {SKOS + "narrower", SKOS + "broaderTransitive", SKOS + "narrowerTransitive"}
