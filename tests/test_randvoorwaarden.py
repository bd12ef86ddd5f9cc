"""Randvoorwaarden: three groups, twelve conditions, referenced works, unnamed source."""

from __future__ import annotations

import pytest
from rdflib import URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS

from conftest import ROOT, SEED_OF, assert_concepts_complete, parse_ttl

HG = "https://w3id.org/herstelgraph/def#"
RV = "https://w3id.org/herstelgraph/randvoorwaarden/"
ORG = URIRef(HG + "Organisation")
APPLIES = URIRef(HG + "appliesAt")
REFERENCES = URIRef(HG + "references")


@pytest.fixture(scope="module")
def g():
    return parse_ttl(ROOT / "ontology" / "randvoorwaarden.ttl")


def kids(g, parent):
    return set(g.subjects(SKOS.broader, URIRef(RV + parent)))


def test_three_groups_with_verbatim_headings(g):
    scheme = URIRef(RV + "scheme")
    groups = {
        "reflectie-en-scholing": ("Reflectie en scholing", 3),
        "organisatie-en-financiering": ("Organisatie en financiering", 8),
        "onderwijs": ("Onderwijs", 1),
    }
    assert set(g.objects(scheme, SKOS.hasTopConcept)) == {URIRef(RV + k) for k in groups}
    total = 0
    for group, (heading, n) in groups.items():
        node = URIRef(RV + group)
        assert (node, RDF.type, URIRef(HG + "Section")) in g
        assert str(g.value(node, SKOS.prefLabel)) == heading
        members = kids(g, group)
        assert len(members) == n, group
        total += n
        for m in members:
            assert (m, RDF.type, URIRef(HG + "OrganisationalCondition")) in g
            assert str(g.value(m, URIRef(HG + "sourceSection"))) == f"Randvoorwaarden > {heading}"
    assert total == 12
    assert len(set(g.subjects(RDF.type, URIRef(HG + "OrganisationalCondition")))) == 12


def test_scope_organisation_except_education(g):
    for group in ("reflectie-en-scholing", "organisatie-en-financiering"):
        for m in kids(g, group):
            assert list(g.objects(m, APPLIES)) == [ORG], m
    (edu,) = kids(g, "onderwijs")
    assert "beroepsonderwijs" in str(g.value(edu, SKOS.prefLabel))
    assert list(g.objects(edu, APPLIES)) == []
    note = " ".join(str(n) for n in g.objects(edu, SKOS.editorialNote))
    assert "education" in note and "hg:appliesAt" in note


def test_referenced_works_are_titles_only(g):
    refs = {
        str(g.value(s, SKOS.notation)): {
            str(g.value(w, DCTERMS.title)) for w in g.objects(s, REFERENCES)
        }
        for s in set(g.subjects(REFERENCES, None))
    }
    assert refs == {
        "OF3": {
            "Beroepscompetentieprofiel Ervaringsdeskundigheid",
            "Basiscurriculum Ervaringsdeskundigheid",
        },
        "OF8": {"ROPI"},
    }
    for work in set(g.objects(None, REFERENCES)):
        assert (work, RDF.type, URIRef(HG + "SourceDocument")) in g
        assert set(g.predicates(work, None)) == {RDF.type, DCTERMS.title}
        assert (work, RDF.type, SKOS.Concept) not in g


def test_source_document_is_not_named(g):
    scheme = URIRef(RV + "scheme")
    source = g.value(scheme, URIRef(HG + "sourceDocument"))
    assert source == URIRef(RV + "source")
    assert str(g.value(source, DCTERMS.identifier)) == SEED_OF["randvoorwaarden"]
    for node in (scheme, source):
        notes = [n for n in g.objects(node, SKOS.editorialNote) if n.language == "en"]
        assert any("not name" in str(n) for n in notes), node
    assert g.value(source, DCTERMS.title) is None  # no invented title


def test_every_concept_is_complete(g):
    concepts = assert_concepts_complete(g, URIRef(RV + "source"))
    assert len(concepts) == 15
    assert {g.value(c, SKOS.inScheme) for c in concepts} == {URIRef(RV + "scheme")}
    assert any("Notations" in str(n) for n in g.objects(URIRef(RV + "scheme"), SKOS.scopeNote))
