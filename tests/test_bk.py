"""BK-0597-1 is modelled completely: every count of the source text, asserted."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, SKOS

from conftest import ROOT, SEED_OF, assert_concepts_complete, normalise, parse_ttl

BK = "https://w3id.org/herstelgraph/bk-0597-1/"
HG = "https://w3id.org/herstelgraph/def#"
SCHEME = URIRef(BK + "scheme")
REQUIRES = URIRef(HG + "requiresKnowledge")
COG = URIRef(BK + "descriptor-cognitieve-vaardigheden")
PROB = URIRef(BK + "descriptor-probleemoplossende-vaardigheden")


@pytest.fixture(scope="module")
def g():
    return parse_ttl(ROOT / "ontology" / "bk-0597-1.ttl")


def of_type(g, name):
    return set(g.subjects(RDF.type, URIRef(HG + name)))


def label(g, c):
    return str(g.value(c, SKOS.prefLabel))


def test_bk_scheme_metadata(g):
    assert (SCHEME, RDF.type, SKOS.ConceptScheme) in g
    assert (SCHEME, RDF.type, URIRef(HG + "Framework")) in g
    assert (SCHEME, URIRef(HG + "vksLevel"), Literal(4)) in g
    assert (SCHEME, URIRef(HG + "eqfLevel"), URIRef("http://data.europa.eu/snb/eqf/4")) in g
    assert (SCHEME, URIRef(HG + "certificatesRequired"), Literal(False)) in g
    assert (
        SCHEME,
        SKOS.scopeNote,
        Literal("Er zijn geen wettelijke attesten of voorwaarden vereist.", lang="nl"),
    ) in g
    assert str(g.value(SCHEME, URIRef("http://purl.org/dc/terms/identifier"))) == "BK-0597-1"
    assert str(g.value(SCHEME, SKOS.definition)).startswith(
        "De Ervaringsdeskundige basiswerk brengt, via een brug-, consultatie- en signaalfunctie,"
    )
    source = g.value(SCHEME, URIRef(HG + "sourceDocument"))
    assert source == URIRef(BK + "source")
    assert str(g.value(source, URIRef("http://purl.org/dc/terms/identifier"))) == (
        "003_c733cd16d6bbb2b3.txt"
    )


def test_bk_eleven_competencies_in_source_order(g):
    comps = of_type(g, "Competency")
    assert len(comps) == 11
    by_iri = sorted(comps, key=str)
    assert [str(c) for c in by_iri] == [f"{BK}competentie-{n:02d}" for n in range(1, 12)]
    assert [str(g.value(c, SKOS.notation)) for c in by_iri] == [f"C{n}" for n in range(1, 12)]
    for c in comps:
        assert (c, SKOS.broader, URIRef(BK + "competenties")) in g
        assert (c, URIRef(HG + "appliesAt"), URIRef(HG + "EachProfessional")) in g
    assert label(g, URIRef(BK + "competentie-08")) == (
        "Ondersteunt de cliënt door verbinding te maken tussen zijn leefwereld, "
        "het institutioneel kader en de dienstverleners"
    )


def test_bk_55_distinct_activities_each_under_its_competency(g):
    acts = of_type(g, "Activity")
    assert len(acts) == 55
    assert len({label(g, a) for a in acts}) == 55
    per = Counter(b for a in acts for b in g.objects(a, SKOS.broader))
    assert all((b, RDF.type, URIRef(HG + "Competency")) in g for b in per)
    counts = [per[URIRef(f"{BK}competentie-{n:02d}")] for n in range(1, 12)]
    assert counts == [3, 5, 6, 2, 5, 4, 4, 10, 6, 6, 4]
    assert label(g, URIRef(BK + "competentie-08-activiteit-08")) == (
        "Verwoordt naar de client toe, wat er leeft bij de collega’s en organisatie en vice versa"
    )


def test_bk_47_knowledge_items_linked_100_times(g):
    knowledge = of_type(g, "KnowledgeItem")
    assert len(knowledge) == 47
    assert sorted(str(g.value(k, SKOS.notation)) for k in knowledge) == sorted(
        f"K{i}" for i in range(1, 48)
    )
    assert all((k, SKOS.broader, URIRef(BK + "descriptor-kennis")) in g for k in knowledge)
    links = list(g.subject_objects(REQUIRES))
    assert len(links) == 100
    assert {o for _, o in links} == knowledge  # every item is reached, one concept per text
    per = Counter(s for s, _ in links)
    counts = [per[URIRef(f"{BK}competentie-{n:02d}")] for n in range(1, 12)]
    assert counts == [3, 12, 7, 5, 6, 14, 3, 12, 12, 15, 11]
    assert label(g, URIRef(BK + "kennis-01")) == "Basiskennis van het beleid van de organisatie"


def test_bk_descriptor_lists_and_the_two_unlisted_activities(g):
    cog, prob = set(g.objects(COG, SKOS.member)), set(g.objects(PROB, SKOS.member))
    assert len(cog) == 47 and len(prob) == 6 and not cog & prob
    assert str(g.value(COG, SKOS.prefLabel)) == "Cognitieve vaardigheden"
    assert str(g.value(PROB, SKOS.prefLabel)) == "Probleemoplossende vaardigheden"
    acts = of_type(g, "Activity")
    assert cog | prob <= acts
    unlisted = acts - cog - prob
    assert {str(g.value(a, SKOS.notation)) for a in unlisted} == {"C3.A6", "C10.A6"}
    assert all(g.value(a, SKOS.editorialNote) for a in unlisted)
    for col in (COG, PROB):
        assert (col, RDF.type, SKOS.Collection) in g and (col, RDF.type, SKOS.Concept) not in g


@pytest.mark.parametrize(
    ("section", "count", "prefix"),
    [
        ("omgevingscontext", 7, "OC"),
        ("handelingscontext", 10, "HC"),
        ("autonomie-zelfstandig", 6, "AUT.Z"),
        ("autonomie-gebonden", 3, "AUT.G"),
        ("autonomie-beroep", 3, "AUT.B"),
        ("verantwoordelijkheid", 11, "V"),
    ],
)
def test_bk_context_statements(g, section, count, prefix):
    members = set(g.subjects(SKOS.broader, URIRef(BK + section)))
    assert len(members) == count
    assert all((m, RDF.type, URIRef(HG + "ContextStatement")) in g for m in members)
    assert sorted(str(g.value(m, SKOS.notation)) for m in members) == sorted(
        f"{prefix}{i}" for i in range(1, count + 1)
    )


def test_bk_responsibility_restates_the_competencies(g):
    for n in range(1, 12):
        v, c = URIRef(f"{BK}verantwoordelijkheid-{n:02d}"), URIRef(f"{BK}competentie-{n:02d}")
        assert label(g, v) == label(g, c)
        assert (v, SKOS.related, c) in g
        # Counted once: the restatement names the competency it repeats word for word.
        assert (v, URIRef(HG + "restates"), c) in g
    assert len(list(g.subject_objects(URIRef(HG + "restates")))) == 11


def test_bk_restated_texts_are_identical_in_the_source(g, seeds):
    """hg:restates is stated only where the source repeats the text word for word."""
    lines = (seeds / SEED_OF["bk-0597-1"]).read_text(encoding="utf-8").splitlines()
    titles = [
        normalise(lines[i + 1])
        for i, x in enumerate(lines)
        if re.match(r"\s*• Competentie \d+:", x)
    ]
    after = lines[lines.index("Verantwoordelijkheid") + 1 :]
    restated = [normalise(x.replace("•", "")) for x in after if x.strip().startswith("•")][:11]
    assert titles == restated
    for v, c in g.subject_objects(URIRef(HG + "restates")):
        assert (
            normalise(label(g, v)) == normalise(label(g, c)) == restated[titles.index(label(g, c))]
        )


def test_bk_every_concept_is_complete(g):
    concepts = assert_concepts_complete(g, URIRef(BK + "source"))
    assert len(concepts) == 11 + 55 + 47 + 7 + 10 + 6 + 3 + 3 + 11 + 10  # + 10 sections
    assert {g.value(c, SKOS.inScheme) for c in concepts} == {SCHEME}
    assert all(len(list(g.objects(c, SKOS.notation))) == 1 for c in concepts)
    skill = URIRef("http://data.europa.eu/esco/skill-type/skill")
    knowledge = URIRef("http://data.europa.eu/esco/skill-type/knowledge")
    esco = URIRef("http://data.europa.eu/esco/model#skillType")
    assert all((c, esco, skill) in g for c in of_type(g, "Competency") | of_type(g, "Activity"))
    assert all((k, esco, knowledge) in g for k in of_type(g, "KnowledgeItem"))
