"""Bijlage II and Randvoorwaarden modelled completely: counts per section, levels, works."""

from __future__ import annotations

from collections import Counter

import pytest
from rdflib import URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS

from conftest import ROOT, parse_ttl

HG = "https://w3id.org/herstelgraph/def#"
B2 = "https://w3id.org/herstelgraph/bijlage-ii/"
RV = "https://w3id.org/herstelgraph/randvoorwaarden/"


@pytest.fixture(scope="module")
def b2():
    return parse_ttl(ROOT / "ontology" / "bijlage-ii.ttl")


@pytest.fixture(scope="module")
def rv():
    return parse_ttl(ROOT / "ontology" / "randvoorwaarden.ttl")


def kids(g, parent):
    return set(g.subjects(SKOS.broader, URIRef(parent)))


def test_bijlage_ii_competencies_networking_and_problem_solving(b2):
    comps = kids(b2, B2 + "competenties")
    assert len(comps) == 14
    assert all((c, RDF.type, URIRef(HG + "Competency")) in b2 for c in comps)
    network = URIRef(B2 + "competentie-09")
    assert "effectieve netwerken" in str(b2.value(network, SKOS.prefLabel))
    assert len(kids(b2, network)) == 4
    problem = URIRef(B2 + "competentie-14")
    assert str(b2.value(problem, SKOS.prefLabel)).startswith(
        "beschikt over competenties voor het oplossen van problemen"
    )
    unbulleted = URIRef(B2 + "competentie-13")
    assert str(b2.value(unbulleted, SKOS.prefLabel)).startswith("Speelt contacten")
    assert "ambiguous" in str(b2.value(unbulleted, SKOS.editorialNote))


def test_bijlage_ii_quality_requirement_and_tasks(b2):
    assert len(kids(b2, B2 + "kwaliteitseisen")) == 1
    counts = {
        a: len(kids(b2, B2 + f"taken-{a}")) for a in ("inhoudelijk", "relaties", "zorgaanbod")
    }
    assert counts == {"inhoudelijk": 10, "relaties": 3, "zorgaanbod": 7}
    assert len(set(b2.subjects(RDF.type, URIRef(HG + "Task")))) == 20


def test_bijlage_ii_level_is_recorded_as_unspecified(b2):
    scheme = URIRef(B2 + "scheme")
    assert (scheme, URIRef(HG + "levelStatus"), URIRef(HG + "LevelToBeDetermined")) in b2
    assert not list(b2.objects(scheme, URIRef(HG + "eqfLevel")))
    notes = [str(n) for n in b2.objects(scheme, SKOS.scopeNote)]
    assert any("nog nader aan te bepalen niveaus" in n for n in notes)


def test_randvoorwaarden_three_groups_twelve_statements(rv):
    groups = {"reflectie-en-scholing": 3, "organisatie-en-financiering": 8, "onderwijs": 1}
    for group, n in groups.items():
        members = kids(rv, RV + group)
        assert len(members) == n, group
        assert all((m, RDF.type, URIRef(HG + "OrganisationalCondition")) in rv for m in members)


def test_randvoorwaarden_referenced_works_are_titles_only(rv):
    works = {str(rv.value(o, DCTERMS.title)) for o in rv.objects(None, URIRef(HG + "references"))}
    assert works == {
        "ROPI",
        "Beroepscompetentieprofiel Ervaringsdeskundigheid",
        "Basiscurriculum Ervaringsdeskundigheid",
    }
    for work in rv.objects(None, URIRef(HG + "references")):
        assert set(rv.predicates(work, None)) <= {
            RDF.type,
            DCTERMS.title,
            SKOS.editorialNote,
        }
    assert rv.value(URIRef(RV + "scheme"), SKOS.editorialNote)  # source not named


@pytest.mark.parametrize("name", ["bijlage-ii", "randvoorwaarden"])
def test_every_concept_is_complete(name):
    g = parse_ttl(ROOT / "ontology" / f"{name}.ttl")
    notations = Counter()
    for c in set(g.subjects(RDF.type, SKOS.Concept)):
        assert len([o for o in g.objects(c, SKOS.prefLabel) if o.language == "nl"]) == 1
        assert len(list(g.objects(c, SKOS.inScheme))) == 1
        assert g.value(c, URIRef(HG + "sourceSection"))
        notations[str(g.value(c, SKOS.notation))] += 1
        for parent in g.objects(c, SKOS.broader):
            assert (parent, SKOS.narrower, c) in g
    assert max(notations.values()) == 1
