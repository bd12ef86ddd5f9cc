"""NK 2017: roles, programmes, the definition box, and every figure as an RDF Data Cube."""

from __future__ import annotations

import re

import pytest
from rdflib import BNode, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

from conftest import ROOT, SEED_OF, assert_concepts_complete, normalise, parse_ttl

NK = "https://w3id.org/herstelgraph/nk-2017/"
HG = "https://w3id.org/herstelgraph/def#"
QB = "http://purl.org/linked-data/cube#"
XSD_NS = "http://www.w3.org/2001/XMLSchema#"
# The report's title names its period; the figures never say which part of it they cover.
PERIOD = Literal("2017 en vierde kwartaal", lang="nl")
PREFIX = """PREFIX qb: <http://purl.org/linked-data/cube#>
PREFIX nk: <https://w3id.org/herstelgraph/nk-2017/>
PREFIX hg: <https://w3id.org/herstelgraph/def#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX dct: <http://purl.org/dc/terms/>
"""

# Every table of "Cijfers herstelondersteunende zorg" as printed:
# heading -> (unit, programme, rows).
TABLES = {
    "Samen herstellen": (
        "Aantal deelnemers",
        "samen-herstellen",
        {"Roosendaal/Breda": 149, "Tilburg": 114, "Den Bosch/Oss": 87, "Eindhoven/Helmond": 74},
    ),
    "Deelnemers ervaringsgroepen": (
        "Aantal deelnemers",
        "ervaringsgroepen",
        {
            "Roosendaal": 12,
            "Breda": 24,
            "Tilburg": 10,
            "Den Bosch": 10,
            "Eindhoven": 10,
            "Oss": 6,
            "Den Bosch ouderengroep": 8,
        },
    ),
    "Deelnemers coachingsgroepen": (
        "Aantal deelnemers",
        "coachingsgroepen",
        {"Breda": 10, "Tilburg": 6, "Den Bosch": 22, "Eindhoven": 15},
    ),
    "Aantal ervaringsdeskundigen": (
        "Aantal medewerkers",
        "rol-ervaringsdeskundige",
        {"Breda": 0, "Tilburg": 0, "Den Bosch": 6, "Eindhoven": 5, "Vught": 6, "Sint-Oedenrode": 4},
    ),
    "Aantal vrijwilligers/ervaringswerkers": (
        "Aantal medewerkers",
        "rol-ervaringswerker",
        {"Samen herstellen": 26, "Unity": 15, "Cliëntenraad": 8, "Kentra24": 4},
    ),
    "Aantal vrijwilligers/ervaringswerkers herstelpunt": (
        "Aantal medewerkers",
        "herstelpunt",
        {"Herstelmedewerker": 6},
    ),
    "Aantal vrijwilligers afdelingen": (
        "Aantal medewerkers",
        "rol-ervaringswerker",
        {"Herstelmedewerker": 8},
    ),
}


@pytest.fixture(scope="module")
def g():
    return parse_ttl(ROOT / "ontology" / "nk-2017.ttl")


def ask(g, query):
    return g.query(PREFIX + query).askAnswer


# ------------------------------------------------------------------ roles
def test_roles_with_the_definitions_the_text_gives(g):
    roles = set(g.subjects(RDF.type, URIRef(HG + "Role")))
    assert {str(r).removeprefix(NK) for r in roles} == {
        "rol-ervaringswerker",
        "rol-ervaringsdeskundige",
        "rol-herstelmedewerker",
        "rol-professional",
    }
    worker = URIRef(NK + "rol-ervaringswerker")
    assert str(g.value(worker, SKOS.prefLabel)) == "ervaringswerker"
    assert g.value(worker, SKOS.definition) == Literal(
        "vrijwilligers die hun eigen ervaringen gebruiken om anderen verder te helpen", lang="nl"
    )
    expert = URIRef(NK + "rol-ervaringsdeskundige")
    assert str(g.value(expert, SKOS.prefLabel)) == "ervaringsdeskundige"
    assert g.value(expert, SKOS.definition) == Literal(
        "veelal medewerkers in dienst die hun ervaringsdeskundigheid door middel van een opleiding "
        "verder hebben ontwikkeld",
        lang="nl",
    )
    # Where the text gives no definition, the data says so instead of inventing one: the
    # definition NL-SBB asks for is the sentence that names the role (professional) or the
    # curators' English description (herstelmedewerker), marked as such, never a quote-like @nl.
    origins = {"rol-herstelmedewerker": "CuratorDescription", "rol-professional": "ItemText"}
    for silent, origin in origins.items():
        node = URIRef(NK + silent)
        assert g.value(node, URIRef(HG + "definitionOrigin")) == URIRef(HG + origin)
        if origin == "ItemText":
            assert g.value(node, SKOS.definition) == g.value(node, URIRef(HG + "sourceText"))
        else:
            assert {d.language for d in g.objects(node, SKOS.definition)} == {"en"}
        assert "no definition" in " ".join(str(n) for n in g.objects(node, SKOS.editorialNote))


def test_role_definitions_are_verbatim_in_the_source(g, seeds):
    text = normalise((seeds / SEED_OF["nk-2017"]).read_text(encoding="utf-8"))
    for role in g.subjects(RDF.type, URIRef(HG + "Role")):
        for d in g.objects(role, SKOS.definition):
            # Dutch definitions are quotes; the curators' descriptions are English.
            assert d.language in ("nl", "en")
            if d.language == "nl":
                assert normalise(str(d)) in text


# ------------------------------------------------------------------ programmes
def test_programmes_and_initiatives(g):
    programmes = set(g.subjects(RDF.type, URIRef(HG + "Programme")))
    labels = {str(g.value(p, SKOS.prefLabel)) for p in programmes}
    assert labels == {
        "Samen Herstellen",
        "Cliëntenraad",
        "ervaringsgroepen",
        "coachingsgroep",
        "ouderengroep",
        "gastheer/gastvrouwfunctie",
        "Herstelpunt NK",
        "steungroep voor ‘uitstromers’",
        "studiemiddag voor wijkteam WijEindhoven",
        "Steunwijzer",
        "leerplan voor de opleiding tot ervaringsdeskundige",
        "Inzet ervaringsdeskundigheid binnen de Wmo in Bergen op Zoom",
        "Unity",
        "Kentra24",
    }
    notations = sorted(int(str(g.value(p, SKOS.notation))[1:]) for p in programmes)
    assert notations == list(range(1, 15))
    assert str(g.value(URIRef(NK + "samen-herstellen"), SKOS.definition)) == (
        "cliënten begeleiden voor, tijdens en na de behandeling"
    )
    assert g.value(URIRef(NK + "steunwijzer"), SKOS.definition) is not None
    # Named only in the figures: said so, not described; the definition is the curators' words.
    for silent in ("unity", "kentra24"):
        node = URIRef(NK + silent)
        assert g.value(node, URIRef(HG + "definitionOrigin")) == URIRef(HG + "CuratorDescription")
        (d,) = g.objects(node, SKOS.definition)
        assert d.language == "en" and "does not say what" in str(d)
        assert g.value(node, SKOS.editorialNote) is not None


def test_definition_box_is_a_vision_statement(g):
    v = URIRef(NK + "visie-herstelondersteunende-zorg")
    assert (v, RDF.type, URIRef(HG + "VisionStatement")) in g
    assert str(g.value(v, SKOS.definition)).startswith(
        "Bij herstelondersteunende zorg bepaalt de cliënt zelf"
    )
    assert str(g.value(v, URIRef(HG + "sourceText"))).endswith(
        "door middel van een opleiding verder hebben ontwikkeld."
    )
    box = URIRef(NK + "sectie-wat-is-herstelondersteunende-zorg")
    assert str(g.value(box, SKOS.prefLabel)) == "Wat is herstelondersteunende zorg?"
    assert (box, SKOS.narrower, v) in g


# ------------------------------------------------------------------ figures
def rows_in_source(seeds):
    """The table rows of the figures section: a label followed by a number on its own line."""
    text = (seeds / SEED_OF["nk-2017"]).read_text(encoding="utf-8")
    figures = text.split("Cijfers herstelondersteunende zorg", 1)[1].split(
        "Wat is herstelondersteunende zorg?"
    )[0]
    return [
        (m.group(1).strip(), int(m.group(2)))
        for line in figures.splitlines()
        if (m := re.fullmatch(r"\s*(\S.*?)\s+(\d+)\s*", line))
    ]


def observations(g):
    """(dataset title, row key labels, count) per observation; the key is a region or function."""
    out = []
    for o in g.subjects(RDF.type, URIRef(QB + "Observation")):
        ds = g.value(o, URIRef(QB + "dataSet"))
        key = g.value(o, URIRef(NK + "region")) or g.value(o, URIRef(NK + "function"))
        labels = {
            str(lbl).casefold()
            for p in (SKOS.prefLabel, SKOS.altLabel)
            for lbl in g.objects(key, p)
        }
        out.append(
            (str(g.value(ds, RDFS.label)), labels, g.value(o, URIRef(NK + "count")).toPython())
        )
    return out


def test_every_row_of_the_text_is_one_observation(g, seeds):
    source_rows = rows_in_source(seeds)
    assert len(source_rows) == 27  # 4 + 7 + 4 + 6 + 4 + 1 + 1, no totals in the text
    obs = set(g.subjects(RDF.type, URIRef(QB + "Observation")))
    assert len(obs) == len(source_rows)
    assert sum(len(rows) for _, _, rows in TABLES.values()) == len(source_rows)
    # The rows read from the text are the rows of TABLES, in order.
    assert source_rows == [(k, n) for _, _, rows in TABLES.values() for k, n in rows.items()]


def test_every_figure_as_printed(g):
    got = observations(g)
    assert len(got) == 27
    for title, (_, _, rows) in TABLES.items():
        mine = [(labels, n) for t, labels, n in got if t == title]
        assert len(mine) == len(rows), title
        for label, n in rows.items():
            matches = [m for labels, m in mine if label.casefold() in labels]
            assert matches == [n], (title, label)


def test_region_rows_keep_the_printed_label(g):
    regions = {str(g.value(r, SKOS.prefLabel)) for r in g.objects(None, URIRef(NK + "region"))}
    # The first four tables are keyed by Regio; every row label is a region concept as printed.
    assert regions == {k for t in list(TABLES)[:4] for k in TABLES[t][2]}
    assert "Den Bosch ouderengroep" in regions and "Roosendaal/Breda" in regions


def test_spot_checks(g):
    def one(q):
        (row,) = list(g.query(PREFIX + q))
        return row[0].toPython()

    assert (
        one(
            "SELECT ?n WHERE { ?o qb:dataSet ?ds ; nk:region ?r ; nk:count ?n . "
            "?ds dct:title 'Samen herstellen'@nl . ?r skos:prefLabel 'Tilburg'@nl }"
        )
        == 114
    )
    assert (
        one(
            "SELECT ?n WHERE { ?o qb:dataSet ?ds ; nk:function nk:unity ; nk:count ?n . "
            "?ds dct:title 'Aantal vrijwilligers/ervaringswerkers'@nl }"
        )
        == 15
    )
    assert (
        one(
            "SELECT ?n WHERE { ?o qb:dataSet ?ds ; nk:function nk:rol-herstelmedewerker ; "
            "nk:count ?n . "
            "?ds dct:title 'Aantal vrijwilligers afdelingen'@nl }"
        )
        == 8
    )
    assert one("SELECT ?n WHERE { ?o nk:region nk:regio-roosendaal-breda ; nk:count ?n }") == 149


def test_datasets(g):
    datasets = set(g.subjects(RDF.type, URIRef(QB + "DataSet")))
    assert len(datasets) == len(TABLES) == 7
    for ds in datasets:
        title = str(g.value(ds, RDFS.label))
        assert g.value(ds, RDFS.label).language == "nl"
        assert title in TABLES
        unit, programme, _ = TABLES[title]
        assert str(g.value(ds, URIRef(NK + "unit"))) == unit
        assert g.value(ds, URIRef(HG + "sourceSection")) == Literal(
            f"Cijfers herstelondersteunende zorg > {title}"
        )
        notes = " ".join(str(n) for n in g.objects(ds, SKOS.editorialNote))
        assert "does not say which period" in notes
        values = set(g.objects(None, URIRef(NK + "programme")))
        assert URIRef(NK + programme) in values
        for o in g.subjects(URIRef(QB + "dataSet"), ds):
            assert g.value(o, URIRef(NK + "programme")) == URIRef(NK + programme)
            assert g.value(o, URIRef(NK + "refPeriod")) == PERIOD


def test_no_blank_nodes(g):
    assert not any(isinstance(x, BNode) for t in g for x in t)


# The W3C Data Cube integrity constraints (https://www.w3.org/TR/vocab-data-cube/#wf-rules)
# that apply to this data, as ASK queries that are true on a violation. The data is in
# normalised form already (dataset-level attachment only for the nk:unit attribute, handled below).
VIOLATIONS = {
    # IC-1 Unique DataSet: every observation has exactly one qb:dataSet.
    "IC-1": "ASK { { ?o a qb:Observation FILTER NOT EXISTS { ?o qb:dataSet ?ds } } UNION "
    "{ ?o a qb:Observation ; qb:dataSet ?a, ?b FILTER(?a != ?b) } }",
    # IC-2 Unique DSD: every data set has exactly one qb:structure.
    "IC-2": "ASK { { ?ds a qb:DataSet FILTER NOT EXISTS { ?ds qb:structure ?s } } UNION "
    "{ ?ds a qb:DataSet ; qb:structure ?a, ?b FILTER(?a != ?b) } }",
    # IC-3 DSD includes a measure.
    "IC-3": "ASK { ?dsd a qb:DataStructureDefinition . FILTER NOT EXISTS "
    "{ ?dsd qb:component/qb:componentProperty ?p . ?p a qb:MeasureProperty } "
    "FILTER NOT EXISTS { ?dsd qb:component/qb:measure ?m } }",
    # IC-4 Dimensions have range.
    "IC-4": "ASK { ?d a qb:DimensionProperty FILTER NOT EXISTS { ?d rdfs:range ?r } }",
    # IC-5 Concept dimensions have code lists.
    "IC-5": "ASK { ?d a qb:DimensionProperty ; rdfs:range skos:Concept "
    "FILTER NOT EXISTS { ?d qb:codeList ?l } }",
    # IC-6 Only attributes may be optional.
    "IC-6": "ASK { ?dsd qb:component ?c . ?c qb:componentRequired false ; "
    "qb:componentProperty|qb:dimension|qb:measure ?p "
    "FILTER NOT EXISTS { ?p a qb:AttributeProperty } }",
    # IC-11 All dimensions required.
    "IC-11": "ASK { ?o qb:dataSet/qb:structure/qb:component/qb:dimension ?dim . "
    "FILTER NOT EXISTS { ?o ?dim ?v } }",
    # IC-12 No duplicate observations.
    "IC-12": "ASK { ?a qb:dataSet ?ds . ?b qb:dataSet ?ds . FILTER(?a != ?b) "
    "FILTER NOT EXISTS { ?ds qb:structure/qb:component/qb:dimension ?dim . "
    "?a ?dim ?va . ?b ?dim ?vb . FILTER(?va != ?vb) } }",
    # IC-13 Required attributes (attached to the data set here, so looked up there too).
    "IC-13": "ASK { ?o qb:dataSet ?ds . ?ds qb:structure/qb:component ?c . "
    "?c qb:componentRequired true ; qb:attribute ?attr . "
    "FILTER NOT EXISTS { ?o ?attr ?v } FILTER NOT EXISTS { ?ds ?attr ?w } }",
    # IC-14 All measures present.
    "IC-14": "ASK { ?o qb:dataSet/qb:structure/qb:component/qb:measure ?m . "
    "FILTER NOT EXISTS { ?o ?m ?v } }",
    # IC-19 Codes from code list (code lists here are concept schemes).
    "IC-19": "ASK { ?o qb:dataSet/qb:structure/qb:component/qb:dimension ?dim . "
    "?dim qb:codeList ?list . ?o ?dim ?v . FILTER NOT EXISTS { ?v skos:inScheme ?list } }",
    # Datatypes: counts are non-negative xsd:integer; periods and units plain strings.
    "count-datatype": "ASK { ?o nk:count ?n . FILTER(datatype(?n) != xsd:integer || ?n < 0) }",
    # The period is the title's, quoted: the report never says which tables are the year and
    # which the quarter, so no quarter or date is assumed.
    "period-as-the-title-gives-it": "ASK { ?o nk:refPeriod ?p . "
    "FILTER(lang(?p) != 'nl' || str(?p) != '2017 en vierde kwartaal') }",
    "no-guessed-period": "ASK { ?o nk:refPeriod ?p . FILTER(CONTAINS(STR(?p), 'Q4')) }",
    "unit-datatype": "ASK { ?ds nk:unit ?u . FILTER(datatype(?u) != xsd:string) }",
    # Dimension values are concepts of the right kind.
    "region-values": "ASK { ?o nk:region ?r . "
    "FILTER NOT EXISTS { ?r skos:inScheme nk:regio-scheme } }",
    "programme-values": "ASK { ?o nk:programme ?p . "
    "FILTER NOT EXISTS { ?p a ?t VALUES ?t { hg:Programme hg:Role } } }",
    "function-values": "ASK { ?o nk:function ?p . "
    "FILTER NOT EXISTS { ?p a ?t VALUES ?t { hg:Programme hg:Role } } }",
}


@pytest.mark.parametrize("name", sorted(VIOLATIONS))
def test_data_cube_integrity_constraints(g, name):
    assert not ask(g, VIOLATIONS[name]), name


def test_cube_vocabulary(g):
    for dim in ("region", "function", "programme", "refPeriod"):
        assert (URIRef(NK + dim), RDF.type, URIRef(QB + "DimensionProperty")) in g, dim
    assert (URIRef(NK + "count"), RDF.type, URIRef(QB + "MeasureProperty")) in g
    assert g.value(URIRef(NK + "count"), RDFS.range) == URIRef(XSD_NS + "integer")
    assert g.value(URIRef(NK + "refPeriod"), RDFS.range) == RDF.langString
    assert (URIRef(NK + "unit"), RDF.type, URIRef(QB + "AttributeProperty")) in g


# ------------------------------------------------------------------ concepts
def test_every_concept_is_complete(g):
    assert_concepts_complete(g, URIRef(NK + "source"))
    for scheme in ("scheme", "regio-scheme"):
        assert any("otation" in str(n) for n in g.objects(URIRef(NK + scheme), SKOS.scopeNote))


def test_observations_are_not_concepts(g):
    for o in g.subjects(RDF.type, URIRef(QB + "Observation")):
        assert (o, RDF.type, SKOS.Concept) not in g
        # The label is composed by the curators from the table's Dutch words: not a quote
        # (@nl is kept for verbatim quotes) and not English, so it carries no language tag.
        (lbl,) = g.objects(o, RDFS.label)
        assert lbl.language is None and lbl.datatype is None, lbl
        ds = g.value(o, URIRef(QB + "dataSet"))
        key = g.value(o, URIRef(NK + "region")) or g.value(o, URIRef(NK + "function"))
        count = g.value(o, URIRef(NK + "count"))
        assert str(lbl).startswith(f"{g.value(ds, RDFS.label)}: ") and str(lbl).endswith(
            f" = {count}"
        ), lbl
        assert key is not None


def test_what_the_text_says_of_its_source(g):
    source = URIRef(NK + "source")
    note = " ".join(str(n) for n in g.objects(source, SKOS.editorialNote))
    # The publisher is read from the text's voice; NK's kind comes from the seed README only.
    assert "inferred from the text" in note and "README" in note
    assert "NK is a Dutch addiction-care organisation" not in note


def test_coachingsgroep_quotes_its_own_section(g, seeds):
    node = URIRef(NK + "coachingsgroepen")
    section = str(g.value(node, URIRef(HG + "sourceSection")))
    quote = normalise(str(g.value(node, URIRef(HG + "sourceText"))))
    text = (seeds / SEED_OF["nk-2017"]).read_text(encoding="utf-8")
    body = text.split(f"\n{section}\n", 1)[1]
    headings = ["Steungroep uitstroom woonvoorzieningen", "Cijfers herstelondersteunende zorg"]
    body = min((body.split(h)[0] for h in headings), key=len)
    assert quote in normalise(body), (section, quote)


def test_region_scheme_has_a_dutch_title_from_the_text(g):
    title = g.value(URIRef(NK + "regio-scheme"), DCTERMS.title)
    assert title == Literal("Regio", lang="nl")
