"""The core ontology: metadata from the package version, nl+en labels on every term."""

from __future__ import annotations

from rdflib import OWL, RDF, RDFS, URIRef

import herstelgraph

from conftest import ROOT, parse_ttl

CORE = ROOT / "ontology" / "herstelgraph.ttl"
HG = "https://w3id.org/herstelgraph/def#"


def test_ontology_header_follows_package_version():
    g = parse_ttl(CORE)
    onto = URIRef("https://w3id.org/herstelgraph/def")
    assert (onto, RDF.type, OWL.Ontology) in g
    assert str(g.value(onto, OWL.versionInfo)) == herstelgraph.__version__
    assert str(g.value(onto, OWL.versionIRI)).endswith(f"/{herstelgraph.__version__}/def")
    assert g.value(onto, URIRef("http://purl.org/dc/terms/license")) is not None
    assert g.value(onto, URIRef("http://purl.org/dc/terms/creator")) is not None
    langs = {c.language for c in g.objects(onto, RDFS.comment)}
    assert {"nl", "en"} <= langs


def test_every_core_term_has_nl_and_en_label_and_comment():
    g = parse_ttl(CORE)
    terms = {s for s in g.subjects() if isinstance(s, URIRef) and str(s).startswith(HG)}
    assert len(terms) >= 25
    for term in terms:
        for prop in (RDFS.label, RDFS.comment):
            langs = sorted(o.language for o in g.objects(term, prop))
            assert langs == ["en", "nl"], f"{term} {prop}: {langs}"


def test_classes_reuse_existing_vocabularies():
    g = parse_ttl(CORE)
    hg = lambda n: URIRef(HG + n)  # noqa: E731
    skos = "http://www.w3.org/2004/02/skos/core#"
    assert (hg("Framework"), RDFS.subClassOf, URIRef(skos + "ConceptScheme")) in g
    assert (hg("Item"), RDFS.subClassOf, URIRef(skos + "Concept")) in g
    ceasn = URIRef("https://purl.org/ctdlasn/terms/Competency")
    assert (hg("Competency"), RDFS.subClassOf, ceasn) in g
    for name in (
        "Competency Activity KnowledgeItem Skill Attitude Task OrganisationalCondition "
        "ContextStatement Section"
    ).split():
        assert (hg(name), RDF.type, OWL.Class) in g
