"""Bijlage II: competencies, networking sub-points, Kwaliteitseisen, task package, levels."""

from __future__ import annotations

import pytest
from rdflib import URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, SKOS

from conftest import ROOT, SEED_OF, assert_concepts_complete, parse_ttl

HG = "https://w3id.org/herstelgraph/def#"
B2 = "https://w3id.org/herstelgraph/bijlage-ii/"
SKILL = URIRef("http://data.europa.eu/esco/skill-type/skill")
SKILL_TYPE = URIRef("http://data.europa.eu/esco/model#skillType")


@pytest.fixture(scope="module")
def g():
    return parse_ttl(ROOT / "ontology" / "bijlage-ii.ttl")


def kids(g, parent):
    return set(g.subjects(SKOS.broader, URIRef(B2 + parent)))


def label(g, local):
    return str(g.value(URIRef(B2 + local), SKOS.prefLabel))


def test_scheme_and_source_document(g):
    scheme = URIRef(B2 + "scheme")
    assert (scheme, RDF.type, URIRef(HG + "Framework")) in g
    assert set(g.objects(scheme, SKOS.hasTopConcept)) == {
        URIRef(B2 + s) for s in ("competenties", "kwaliteitseisen", "taken")
    }
    source = g.value(scheme, URIRef(HG + "sourceDocument"))
    assert source == URIRef(B2 + "source")
    assert str(g.value(source, DCTERMS.identifier)) == SEED_OF["bijlage-ii"]
    # The attribution is on the source document, not an item.
    assert "G de Haan/ Gerrit Zwart" in str(g.value(source, DCTERMS.description))
    # The line names a workshop the text adapts and two people with it, not the document's
    # author: no dct:creator; the names go with the workshop the document is derived from.
    assert g.value(source, DCTERMS.creator) is None
    workshop = g.value(source, PROV.wasDerivedFrom)
    assert workshop == URIRef(B2 + "workshop-kzg-2009")
    assert {str(c) for c in g.objects(workshop, DCTERMS.contributor)} == {
        "G de Haan",
        "Gerrit Zwart",
    }
    assert "does not say whether" in str(g.value(workshop, SKOS.editorialNote))


def test_task_subject_is_not_a_synonym(g):
    section = URIRef(B2 + "taken-inhoudelijk")
    assert not list(g.objects(section, SKOS.altLabel))
    assert any("de herstellingszorgaanbieder" in str(n) for n in g.objects(section, SKOS.scopeNote))


def test_announced_areas_and_headings_differ_as_the_source_does(g):
    notes = " ".join(str(n) for n in g.objects(URIRef(B2 + "taken-zorgaanbod"), SKOS.editorialNote))
    assert "organisatorische vormgeving" in notes and "zorgaanbod" in notes
    assert not any("bewerking workshop" in str(o) for o in g.objects(None, SKOS.prefLabel))


def test_levels_are_to_be_determined(g):
    scheme = URIRef(B2 + "scheme")
    assert (scheme, URIRef(HG + "levelStatus"), URIRef(HG + "LevelToBeDetermined")) in g
    assert g.value(scheme, URIRef(HG + "eqfLevel")) is None
    notes = [n for n in g.objects(scheme, SKOS.scopeNote) if n.language == "nl"]
    assert any("nog nader aan te bepalen niveaus" in str(n) for n in notes)


def test_fourteen_competency_statements_for_each_professional(g):
    comps = kids(g, "competenties")
    assert len(comps) == 14
    for c in comps:
        assert (c, RDF.type, URIRef(HG + "Competency")) in g
        assert (c, URIRef(HG + "appliesAt"), URIRef(HG + "EachProfessional")) in g
        assert (c, SKILL_TYPE, SKILL) in g
    assert (
        URIRef(B2 + "competenties"),
        URIRef(HG + "appliesAt"),
        URIRef(HG + "EachProfessional"),
    ) in g


def test_networking_competency_and_its_sub_points(g):
    assert label(g, "competentie-09").endswith(
        "aan het initiëren en vormgeven aan effectieve netwerken"
    )
    subs = kids(g, "competentie-09")
    assert {label(g, f"competentie-09-0{i}") for i in range(1, 5)} == {
        str(g.value(s, SKOS.prefLabel)) for s in subs
    }
    assert len(subs) == 4
    assert label(g, "competentie-09-01") == "bouwt en onderhoudt contact met mensen"
    for s in subs:
        assert (URIRef(B2 + "competentie-09"), SKOS.narrower, s) in g
        assert (s, RDF.type, URIRef(HG + "Activity")) in g


def test_problem_solving_competency(g):
    assert label(g, "competentie-14").startswith(
        "beschikt over competenties voor het oplossen van problemen"
    )


def test_unbulleted_line_is_modelled_with_its_ambiguity(g):
    c = URIRef(B2 + "competentie-13")
    assert str(g.value(c, SKOS.prefLabel)) == (
        "Speelt contacten en informatie door aan relaties zodat zij er hun voordeel mee "
        "kunnen doen."
    )
    notes = [n for n in g.objects(c, SKOS.editorialNote) if n.language == "en"]
    assert any("ambiguous" in str(n) for n in notes)


def test_quality_requirement(g):
    (req,) = kids(g, "kwaliteitseisen")
    assert (req, RDF.type, URIRef(HG + "QualityRequirement")) in g
    assert str(g.value(req, SKOS.prefLabel)).startswith("borgt dit door in kwaliteitsaanpakken")
    assert label(g, "kwaliteitseisen") == "Kwaliteitseisen"


def test_task_package_in_three_sections(g):
    sections = {
        "taken-inhoudelijk": ("de inhoudelijke vertaling op taakniveau", 10),
        "taken-relaties": ("op het gebied van relaties:", 3),
        "taken-zorgaanbod": ("op het terrein van het zorgaanbod:", 7),
    }
    assert kids(g, "taken") == {URIRef(B2 + s) for s in sections}
    for section, (heading, n) in sections.items():
        assert (URIRef(B2 + section), RDF.type, URIRef(HG + "Section")) in g
        assert label(g, section) == heading
        tasks = kids(g, section)
        assert len(tasks) == n, section
        for t in tasks:
            assert (t, RDF.type, URIRef(HG + "Task")) in g
            assert (t, SKILL_TYPE, SKILL) in g
            assert str(g.value(t, URIRef(HG + "sourceSection"))).endswith(heading)
    assert len(set(g.subjects(RDF.type, URIRef(HG + "Task")))) == 20


def test_every_concept_is_complete(g):
    scheme = URIRef(B2 + "scheme")
    concepts = assert_concepts_complete(g, URIRef(B2 + "source"))
    assert len(concepts) == 6 + 14 + 4 + 1 + 20  # sections, competencies, sub-points, KE, tasks
    assert {g.value(c, SKOS.inScheme) for c in concepts} == {scheme}
    assert any("Notations" in str(n) for n in g.objects(scheme, SKOS.scopeNote))
