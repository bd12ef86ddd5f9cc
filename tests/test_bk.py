"""BK-0597-1 is modelled completely: every count of the source text, asserted."""

from __future__ import annotations

from collections import Counter

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS

from conftest import ROOT, parse_ttl

BK = "https://w3id.org/herstelgraph/bk-0597-1/"
HG = "https://w3id.org/herstelgraph/def#"


@pytest.fixture(scope="module")
def g():
    return parse_ttl(ROOT / "ontology" / "bk-0597-1.ttl")


def of_type(g, name):
    return set(g.subjects(RDF.type, URIRef(HG + name)))


def test_scheme_metadata(g):
    s = URIRef(BK + "scheme")
    assert (s, URIRef(HG + "vksLevel"), Literal(4)) in g
    assert (s, URIRef(HG + "eqfLevel"), URIRef("http://data.europa.eu/snb/eqf/4")) in g
    assert (s, URIRef(HG + "certificatesRequired"), Literal(False)) in g
    assert str(g.value(s, URIRef("http://purl.org/dc/terms/identifier"))) == "BK-0597-1"
    assert str(g.value(s, SKOS.definition)).startswith("De Ervaringsdeskundige basiswerk brengt")


def test_eleven_competencies_in_source_order(g):
    comps = of_type(g, "Competency")
    notations = sorted((int(str(g.value(c, SKOS.notation))[1:]), c) for c in comps)
    assert [n for n, _ in notations] == list(range(1, 12))
    c8 = URIRef(BK + "competentie-08")
    assert str(g.value(c8, SKOS.prefLabel)) == (
        "Ondersteunt de cliënt door verbinding te maken tussen zijn leefwereld, "
        "het institutioneel kader en de dienstverleners"
    )


def test_55_distinct_activities_each_under_its_competency(g):
    acts = of_type(g, "Activity")
    assert len(acts) == 55
    assert len({str(g.value(a, SKOS.prefLabel)) for a in acts}) == 55
    per = Counter(g.value(a, SKOS.broader) for a in acts)
    assert per[URIRef(BK + "competentie-08")] == 10
    assert all((b, RDF.type, URIRef(HG + "Competency")) in g for b in per)


def test_47_knowledge_items_linked_100_times(g):
    knowledge = of_type(g, "KnowledgeItem")
    assert len(knowledge) == 47
    links = list(g.subject_objects(URIRef(HG + "requiresKnowledge")))
    assert len(links) == 100
    assert {o for _, o in links} == knowledge  # every item is reached, one concept per text
    c2 = URIRef(BK + "competentie-02")
    assert len(list(g.objects(c2, URIRef(HG + "requiresKnowledge")))) == 12


def test_descriptor_lists_and_the_two_unlisted_activities(g):
    cog = URIRef(BK + "descriptor-cognitieve-vaardigheden")
    prob = URIRef(BK + "descriptor-probleemoplossende-vaardigheden")
    assert len(set(g.objects(cog, SKOS.member))) == 47
    assert len(set(g.objects(prob, SKOS.member))) == 6
    listed = set(g.objects(cog, SKOS.member)) | set(g.objects(prob, SKOS.member))
    unlisted = of_type(g, "Activity") - listed
    assert len(unlisted) == 2
    assert all(g.value(a, SKOS.editorialNote) for a in unlisted)


@pytest.mark.parametrize(
    ("section", "count"),
    [
        ("omgevingscontext", 7),
        ("handelingscontext", 10),
        ("autonomie-zelfstandig", 6),
        ("autonomie-gebonden", 3),
        ("autonomie-beroep", 3),
        ("verantwoordelijkheid", 11),
    ],
)
def test_context_statements(g, section, count):
    members = set(g.subjects(SKOS.broader, URIRef(BK + section)))
    assert len(members) == count
    assert all((m, RDF.type, URIRef(HG + "ContextStatement")) in g for m in members)


def test_every_concept_is_complete(g):
    concepts = set(g.subjects(RDF.type, SKOS.Concept))
    notations = Counter()
    for c in concepts:
        labels = [o for o in g.objects(c, SKOS.prefLabel) if o.language == "nl"]
        assert len(labels) == 1, c
        assert len(list(g.objects(c, SKOS.inScheme))) == 1, c
        assert g.value(c, URIRef(HG + "sourceSection")), c
        notations[str(g.value(c, SKOS.notation))] += 1
        for b in g.objects(c, SKOS.broader):
            assert (b, SKOS.narrower, c) in g
        if g.value(c, SKOS.broader) is None:
            assert (c, SKOS.topConceptOf, URIRef(BK + "scheme")) in g
    assert max(notations.values()) == 1
