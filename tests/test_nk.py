"""NK 2017: the roles vocabulary, the programmes, and every figure as an RDF Data Cube."""

from __future__ import annotations

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS

from conftest import ROOT, parse_ttl

NK = "https://w3id.org/herstelgraph/nk-2017/"
HG = "https://w3id.org/herstelgraph/def#"
PREFIX = """PREFIX qb: <http://purl.org/linked-data/cube#>
PREFIX nk: <https://w3id.org/herstelgraph/nk-2017/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
"""


@pytest.fixture(scope="module")
def g():
    return parse_ttl(ROOT / "ontology" / "nk-2017.ttl")


def test_roles_with_the_definitions_the_text_gives(g):
    roles = set(g.subjects(RDF.type, URIRef(HG + "Role")))
    assert {str(r).removeprefix(NK) for r in roles} == {
        "rol-ervaringswerker",
        "rol-ervaringsdeskundige",
        "rol-herstelmedewerker",
        "rol-professional",
    }
    worker = URIRef(NK + "rol-ervaringswerker")
    assert str(g.value(worker, SKOS.definition)) == (
        "vrijwilligers die hun eigen ervaringen gebruiken om anderen verder te helpen"
    )
    expert = URIRef(NK + "rol-ervaringsdeskundige")
    assert "door middel van een opleiding" in str(g.value(expert, SKOS.definition))
    # Where the text gives no definition, the data says so instead of inventing one.
    for silent in ("rol-herstelmedewerker", "rol-professional"):
        assert g.value(URIRef(NK + silent), SKOS.definition) is None
        assert "no definition" in str(g.value(URIRef(NK + silent), SKOS.editorialNote))


def test_programmes_and_initiatives(g):
    labels = {
        str(g.value(p, SKOS.prefLabel)) for p in g.subjects(RDF.type, URIRef(HG + "Programme"))
    }
    for name in (
        "Samen Herstellen",
        "ervaringsgroepen",
        "coachingsgroep",
        "ouderengroep",
        "Herstelpunt NK",
        "steungroep voor ‘uitstromers’",
        "Steunwijzer",
        "Inzet ervaringsdeskundigheid binnen de Wmo in Bergen op Zoom",
        "leerplan voor de opleiding tot ervaringsdeskundige",
    ):
        assert name in labels


def test_every_row_of_every_table_is_one_observation(g):
    datasets = set(g.subjects(RDF.type, URIRef("http://purl.org/linked-data/cube#DataSet")))
    assert len(datasets) == 7
    obs = list(g.subjects(RDF.type, URIRef("http://purl.org/linked-data/cube#Observation")))
    assert len(obs) == 27  # 4 + 7 + 4 + 6 + 4 + 1 + 1 rows in the text, no totals
    rows = g.query(
        PREFIX + "SELECT ?n WHERE { ?o qb:dataSet ?ds ; nk:region ?r ; nk:count ?n . "
        "?ds <http://purl.org/dc/terms/title> 'Samen herstellen'@nl . "
        "?r skos:prefLabel 'Tilburg'@nl }"
    )
    assert [r.n for r in rows] == [Literal(114)]


@pytest.mark.parametrize(
    ("name", "violation"),
    [
        # IC-1: every observation has exactly one data set.
        ("IC-1", "ASK { ?o a qb:Observation . FILTER NOT EXISTS { ?o qb:dataSet ?ds } }"),
        (
            "IC-1b",
            "ASK { ?o a qb:Observation ; qb:dataSet ?a, ?b . FILTER(?a != ?b) }",
        ),
        # IC-2: every data set has exactly one structure.
        ("IC-2", "ASK { ?ds a qb:DataSet . FILTER NOT EXISTS { ?ds qb:structure ?s } }"),
        ("IC-2b", "ASK { ?ds a qb:DataSet ; qb:structure ?a, ?b . FILTER(?a != ?b) }"),
        # IC-11: every dimension of the structure is present on each observation.
        (
            "IC-11",
            "ASK { ?o qb:dataSet/qb:structure/qb:component/qb:dimension ?dim . "
            "FILTER NOT EXISTS { ?o ?dim ?v } }",
        ),
        # IC-12: no two observations share a data set and all dimension values.
        (
            "IC-12",
            "ASK { ?a qb:dataSet ?ds . ?b qb:dataSet ?ds . FILTER(?a != ?b) "
            "FILTER NOT EXISTS { ?ds qb:structure/qb:component/qb:dimension ?dim . "
            "?a ?dim ?va . ?b ?dim ?vb . FILTER(?va != ?vb) } }",
        ),
        # IC-14: every measure is present.
        (
            "IC-14",
            "ASK { ?o qb:dataSet/qb:structure/qb:component/qb:measure ?m . "
            "FILTER NOT EXISTS { ?o ?m ?v } }",
        ),
        # Datatypes: counts are non-negative integers, periods strings.
        (
            "count-datatype",
            "ASK { ?o nk:count ?n . FILTER(datatype(?n) != xsd:integer || ?n < 0) }",
        ),
        # IC-4/IC-5: dimensions have a range; dimensions and measures are declared.
        (
            "IC-4",
            "ASK { ?d a qb:DimensionProperty . "
            "FILTER NOT EXISTS { ?d <http://www.w3.org/2000/01/rdf-schema#range> ?r } }",
        ),
    ],
)
def test_data_cube_integrity_constraints(g, name, violation):
    assert not g.query(PREFIX + violation).askAnswer, name


def test_every_concept_is_complete(g):
    for c in set(g.subjects(RDF.type, SKOS.Concept)):
        assert len([o for o in g.objects(c, SKOS.prefLabel) if o.language == "nl"]) == 1, c
        assert len(list(g.objects(c, SKOS.inScheme))) == 1, c
        assert g.value(c, URIRef(HG + "sourceSection")), c
