"""Valente, Kwaliteitsstandaard voor professionals in herstelondersteunende zorg (2023), as SKOS.

Counts per section as the text gives them, the level each group applies at, the notes on the
figures that are images, and the structural rules of docs/modelling.md for every concept.
"""

from __future__ import annotations

import re
from collections import Counter

import pytest
from rdflib import Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, SKOS

from conftest import ROOT, SEED_OF, normalise, parse_ttl

PATH = ROOT / "ontology" / "valente-2023.ttl"
V = Namespace("https://w3id.org/herstelgraph/valente-2023/")
HG = Namespace("https://w3id.org/herstelgraph/def#")
ESCO_SKILL_TYPE = URIRef("http://data.europa.eu/esco/model#skillType")
KNOWLEDGE = URIRef("http://data.europa.eu/esco/skill-type/knowledge")
SKILL = URIRef("http://data.europa.eu/esco/skill-type/skill")


@pytest.fixture(scope="module")
def g():
    return parse_ttl(PATH)


@pytest.fixture(scope="module")
def concepts(g):
    return sorted(s for s in g.subjects(RDF.type, SKOS.Concept) if str(s).startswith(str(V)))


def narrower(g, parent, cls=None):
    kids = set(g.objects(V[parent], SKOS.narrower))
    if cls is not None:
        kids = {k for k in kids if (k, RDF.type, HG[cls]) in g}
    return kids


def label(g, s):
    (lab,) = [o for o in g.objects(s, SKOS.prefLabel) if o.language == "nl"]
    return str(lab)


def applies(g, s):
    return set(g.objects(s, HG.appliesAt))


def notes(g, s, prop, lang="en"):
    return [str(o) for o in g.objects(s, prop) if isinstance(o, Literal) and o.language == lang]


# ------------------------------------------------------------------ scheme and source
def test_scheme_and_source_document(g):
    scheme, source = V.scheme, V.source
    assert (scheme, RDF.type, SKOS.ConceptScheme) in g and (scheme, RDF.type, HG.Framework) in g
    assert (scheme, HG.sourceDocument, source) in g
    assert (source, RDF.type, HG.SourceDocument) in g
    assert str(g.value(source, DCTERMS.identifier)) == "001_4732f958bb8b80b1.txt"
    assert str(g.value(source, DCTERMS.publisher)) == "Vereniging Valente"
    assert str(g.value(source, DCTERMS.date)) == "2023-09"
    title = "Kwaliteitsstandaard voor professionals in herstelondersteunende zorg"
    assert g.value(scheme, DCTERMS.title) == Literal(title, lang="nl")
    assert g.value(scheme, SKOS.prefLabel) == Literal(title, lang="nl")


def test_missing_figures_scope_note(g):
    en = notes(g, V.scheme, SKOS.scopeNote)
    missing = [n for n in en if "Figures 1-4 and 6" in n and "not modelled" in n]
    assert missing, "scheme needs an @en scopeNote on the missing figures"
    # Curator notes are English only: a Dutch copy would read as a quote (@nl is for quotes).
    assert not any("figuur 1" in n for n in notes(g, V.scheme, SKOS.scopeNote, "nl"))
    # every section whose figure is an image says so
    for section, figure in [
        ("basishouding", "Figure 1"),
        ("kennis", "Figure 2"),
        ("vaardigheden", "Figure 3"),
        ("randvoorwaarden", "Figure 4"),
        ("maatschappelijke-ontwikkelingen", "Figure 6"),
    ]:
        eds = notes(g, V[section], SKOS.editorialNote)
        assert any(figure in n and "image" in n for n in eds), section


def test_notation_scheme_is_documented(g):
    assert any("Notations follow" in n for n in notes(g, V.scheme, SKOS.scopeNote))


# ------------------------------------------------------------------ 1.1 basishouding
def test_five_bs(g):
    bs = narrower(g, "basishouding", "Attitude")
    assert sorted(label(g, b) for b in bs) == sorted(
        ["Betrokken", "Betrouwbaar", "Betekenisgevend", "Bekwaam", "Bewust van het eigen handelen"]
    )
    assert V["basishouding-betrokken"] in bs
    assert all(applies(g, b) == {HG.EachProfessional} for b in bs)


def test_basishouding_split_two_ways_as_the_text_does(g):
    sides = narrower(g, "basishouding", "Section")
    assert sides == {V["basishouding-specifiek"], V["basishouding-alle"]}
    assert (
        label(g, V["basishouding-specifiek"])
        == "Specifiek voor professionals in herstelondersteunende zorg"
    )
    assert label(g, V["basishouding-alle"]) == "Alle professionals in zorg & welzijn"
    for side in sides:
        items = set(g.objects(side, SKOS.narrower))
        assert len(items) == 2
        assert all((i, RDF.type, HG.Attitude) in g for i in items)
        assert all(applies(g, i) == {HG.EachProfessional} for i in items)
        assert notes(g, side, SKOS.editorialNote)


# ------------------------------------------------------------------ 1.2 kennis
BASIC_METHODS = {
    "kennis-irb": "Individuele Rehabilitatie Benadering (IRB)",
    "kennis-krachtmethodiek": "Krachtmethodiek",
    "kennis-srh": "Steunend Relationeel Handelen (SRH)",
    "kennis-art": "Active Recovery Triad (ART)",
    "kennis-positieve-gezondheid": "Positieve Gezondheid",
    "kennis-open-dialogue": "Open Dialogue",
}


def test_six_basic_methods(g):
    methods = narrower(g, "kennis-basismethodieken", "KnowledgeItem")
    assert {str(m).removeprefix(str(V)) for m in methods} == set(BASIC_METHODS)
    for local, lab in BASIC_METHODS.items():
        m = V[local]
        assert label(g, m) == lab
        assert applies(g, m) == {HG.EachProfessional}
        assert (m, ESCO_SKILL_TYPE, KNOWLEDGE) in g
        assert any("(een)" in n for n in notes(g, m, SKOS.editorialNote))


def test_knowledge_of_each_professional(g):
    items = narrower(g, "kennis-alle", "KnowledgeItem")
    labels = {label(g, i) for i in items}
    assert {
        "hoe zij eventuele persoonlijke en gedeelde ervaringskennis benutten",
        "hoe zij ervaringsdeskundigheid kunnen inzetten",
        "(een) relevante basismethodiek(en)/-model(len) en benaderingen voor "
        "herstelondersteunende zorg",
        "diversiteit",
        "verschillende leefgebieden",
        "zelfmanagement",
        "zingeving",
        "fases van herstel",
        "herstelondermijnende reflexen",
        "hoofdlijnen van de geschiedenis van de herstelbeweging",
    } == labels
    for i in items | narrower(g, "kennis-basismethodieken"):
        assert applies(g, i) == {HG.EachProfessional}
    for local in ("kennis-ervaringskennis-benutten", "kennis-ervaringsdeskundigheid-inzetten"):
        assert any(
            "not themselves ervaringsdeskundige" in n for n in notes(g, V[local], SKOS.scopeNote)
        )


SPECIALISMS = {
    "specialisme-verslaving": 5,
    "specialisme-justitieel-kader": 2,
    "specialisme-housing-first": 1,
    "specialisme-verstandelijke-beperking": 8,
    "specialisme-inkomen-en-participatie": 1,
    "specialisme-lichamelijke-gezondheid": 1,
}


# The text asks for "expertise ... om ... in te schatten / te kunnen begeleiden": abilities,
# typed as skills; their IRIs say "kennis" because IRIs never change (an editorialNote says so).
SKILLS_IN_SPECIALISMS = {
    "kennis-begripsvermogen-inschatten": "Skill",
    "kennis-financieel-werk-opleiding": "Skill",
}
# Read from descriptive sentences, not stated as requirements.
INFERRED = {"kennis-netwerk-verslavingszorg", "kennis-toezichthoudende-partners"}


def test_six_team_specialisms(g):
    specs = narrower(g, "specialismes", "Section")
    assert {str(s).removeprefix(str(V)) for s in specs} == set(SPECIALISMS)
    assert V["specialismes"] in narrower(g, "kennis-team")
    for local, n in SPECIALISMS.items():
        items = set(g.objects(V[local], SKOS.narrower))
        assert len(items) == n, local
        for i in items:
            kind = SKILLS_IN_SPECIALISMS.get(str(i).removeprefix(str(V)), "KnowledgeItem")
            assert (i, RDF.type, HG[kind]) in g, i
            assert applies(g, i) == {HG.Team}
            assert (i, ESCO_SKILL_TYPE, SKILL if kind == "Skill" else KNOWLEDGE) in g
    assert label(g, V["kennis-housing-first"]) == "Housing First"
    assert label(g, V["kennis-motiverende-gespreksvoering"]) == "motiverende gespreksvoering"
    assert label(g, V["kennis-triple-c"]) == "Triple-C methode"
    for local in SKILLS_IN_SPECIALISMS:
        assert any("misleading" in n for n in notes(g, V[local], SKOS.editorialNote)), local


# Methods the text names under a specialism only as examples ('zoals', 'bijvoorbeeld'):
# examples, never asked of a team on their own (issue 16).
EXAMPLE_METHODS = {
    "kennis-motiverende-gespreksvoering",  # '… inclusief de bijbehorende methodieken, zoals'
    "kennis-risicobeheersing-en-taxatie",  # 'Het vraagt bijvoorbeeld om andere'
    "kennis-housing-first",  # 'specifieke methodieken hiervoor, zoals Housing First'
    "kennis-gentle-teaching",  # 'en specifieke methoden, zoals Gentle Teaching'
    "kennis-triple-c",  # '… zoals Gentle Teaching en de Triple-C methode'
}


def test_specialism_items_the_text_names_by_example_are_examples(g, seeds):
    """An item under a specialism is an example exactly when its sentence introduces it with
    'zoals' or 'bijvoorbeeld' (read from the sentence the item quotes, which is verbatim in
    the source)."""
    source = normalise((seeds / SEED_OF["valente-2023"]).read_text(encoding="utf-8"))
    by_example = set()
    for local in SPECIALISMS:
        for item in g.objects(V[local], SKOS.narrower):
            (text,) = [str(t) for t in g.objects(item, HG.sourceText)]
            assert normalise(text) in source, item
            before = text.lower().split(label(g, item).lower())[0]
            if re.search(r"\b(zoals|bijvoorbeeld)\b", before):
                by_example.add(str(item).removeprefix(str(V)))
            flagged = g.value(item, HG.isExample) == Literal(True)
            assert flagged == (str(item).removeprefix(str(V)) in EXAMPLE_METHODS), item
    assert by_example == EXAMPLE_METHODS
    for local in EXAMPLE_METHODS:
        assert any("only as an example" in n for n in notes(g, V[local], SKOS.editorialNote))


def test_inferred_items_are_flagged(g, concepts):
    flagged = {str(c).removeprefix(str(V)) for c in concepts if (c, HG.isInferred, None) in g}
    assert flagged == INFERRED
    for local in INFERRED:
        assert g.value(V[local], HG.isInferred) == Literal(True)
        assert any("hg:isInferred" in n for n in notes(g, V[local], SKOS.editorialNote))


def test_k1_and_k2_exempt_ervaringsdeskundigen(g, concepts):
    role = URIRef("https://w3id.org/herstelgraph/nk-2017/rol-ervaringsdeskundige")
    exempt = {str(c).removeprefix(str(V)) for c in concepts if (c, HG.exemptRole, role) in g}
    assert exempt == {"kennis-ervaringskennis-benutten", "kennis-ervaringsdeskundigheid-inzetten"}
    nk = parse_ttl(ROOT / "ontology" / "nk-2017.ttl")
    assert (role, RDF.type, HG.Role) in nk, "the exempt role is a role concept of the graph"


def test_organisation_keeps_team_knowledge_available(g):
    s = V["kennis-team-beschikbaar"]
    assert (s, RDF.type, HG.OrganisationalCondition) in g
    assert applies(g, s) == {HG.Organisation}


# ------------------------------------------------------------------ 1.3 vaardigheden
def test_four_skill_categories(g):
    cats = narrower(g, "vaardigheden", "Skill")
    assert sorted(label(g, c) for c in cats) == sorted(
        [
            "vaardig in complexe situaties",
            "relatiegericht",
            "communicatief vaardig",
            "samenwerkingsgericht",
        ]
    )
    assert all(applies(g, c) == {HG.EachProfessional} for c in cats)
    assert all((c, ESCO_SKILL_TYPE, SKILL) in g for c in cats)
    rel = V["vaardigheid-relatiegericht"]
    assert set(g.objects(rel, SKOS.altLabel)) == {Literal("cliëntgericht", lang="nl")}
    assert any(
        "cliëntgericht" in n and "relatiegericht" in n for n in notes(g, rel, SKOS.editorialNote)
    )


def test_skills_split_two_ways_with_examples(g):
    assert len(set(g.objects(V["vaardigheden-specifiek"], SKOS.narrower))) == 2
    assert len(set(g.objects(V["vaardigheden-alle"], SKOS.narrower))) == 1
    for side in ("vaardigheden-specifiek", "vaardigheden-alle"):
        for i in g.objects(V[side], SKOS.narrower):
            assert applies(g, i) == {HG.EachProfessional}


def test_team_skills(g):
    team = narrower(g, "vaardigheden-team", "Skill")
    assert {str(t).removeprefix(str(V)) for t in team} == {
        "vaardigheid-ambassadeur",
        "vaardigheid-verbindend",
        "vaardigheid-meerzijdig-partijdig",
        "vaardigheid-samenwerken-in-de-wijk",
    }
    points = narrower(g, "vaardigheid-ambassadeur", "Skill")
    assert sorted(label(g, p) for p in points) == sorted(
        [
            "Het belang van deze zorg blijven agenderen.",
            "Kennis omtrent deze zorg op een duidelijke manier delen.",
            "Het verbinden van verschillende herstelinitiatieven binnen en buiten de "
            "organisatie op verschillende niveaus.",
        ]
    )
    for s in team | points:
        assert applies(g, s) == {HG.Team}
        assert (s, ESCO_SKILL_TYPE, SKILL) in g
    assert label(g, V["vaardigheid-meerzijdig-partijdig"]) == "Meerzijdig partijdig kunnen zijn"
    assert g.value(V["vaardigheid-meerzijdig-partijdig"], SKOS.definition) is not None


# ------------------------------------------------------------------ 2 toepassing
def test_five_randvoorwaarden(g):
    conds = narrower(g, "randvoorwaarden", "OrganisationalCondition")
    five = {c for c in conds if str(g.value(c, SKOS.notation)).startswith("2.1.R")}
    assert sorted(label(g, c) for c in five) == sorted(
        [
            "Structuur voor implementatie",
            "Gelegenheid tot bij- en nascholing",
            "Ruimte voor reflectie",
            "Capaciteit en samenwerking binnen de teams",
            "Samenwerking met andere teams en organisaties",
        ]
    )
    # the two things the text asks before the organisation starts on them
    assert len(conds - five) == 2
    for c in conds:
        assert applies(g, c) == {HG.Organisation}
        assert g.value(c, SKOS.definition) is not None or g.value(c, HG.sourceText) is not None


def test_meerwaarde_four_internal_four_external(g):
    intern = narrower(g, "meerwaarde-intern", "Benefit")
    extern = narrower(g, "meerwaarde-extern", "Benefit")
    assert sorted(label(g, b) for b in intern) == sorted(
        [
            "Uniforme, herstelondersteunende taal",
            "Verdieping van handelen van professionals",
            "Eén inhoudelijke richting en profiel",
            "Erkenning van het vak",
        ]
    )
    assert sorted(label(g, b) for b in extern) == sorted(
        [
            "Eenduidig uitdragen van de herstelvisie",
            "Aandacht voor kwaliteit",
            "Zichtbaar en aantrekkelijk vak",
            "Eigen regie",
        ]
    )
    assert all(g.value(b, SKOS.definition) is not None for b in intern | extern)


def test_ways_to_use_the_standard(g):
    ways = narrower(g, "inzetten-manieren", "ContextStatement")
    assert len(ways) == 7
    assert (V["inzetten-verdiepingsslag"], RDF.type, HG.ContextStatement) in g
    assert (V["inzetten-geen-beroepen"], RDF.type, HG.ContextStatement) in g
    assert len(set(g.objects(V["inzetten-verdiepingsslag"], HG.references))) == 6


# ------------------------------------------------------------------ Bijlage 1 visie
def test_definitions_of_herstel_and_herstelondersteunende_zorg(g):
    for local in ("visie-definitie-herstel", "visie-definitie-herstelondersteunende-zorg"):
        s = V[local]
        assert (s, RDF.type, HG.VisionStatement) in g
        assert g.value(s, SKOS.definition) is not None
        assert notes(g, s, SKOS.note, "nl"), "the second wording the source gives"
        assert notes(g, s, SKOS.editorialNote)


def test_four_aspects_four_phases_five_principles(g):
    aspects = narrower(g, "visie-aspecten", "VisionStatement")
    assert sorted(label(g, a) for a in aspects) == sorted(
        [
            "Herstel van persoonlijke identiteit",
            "Herstel van gezondheid",
            "Herstel van dagelijks functioneren",
            "Herstel van maatschappelijke rollen",
        ]
    )
    phases = narrower(g, "visie-fasen", "VisionStatement")
    assert [label(g, p) for p in sorted(phases, key=lambda p: str(g.value(p, SKOS.notation)))] == [
        "Overweldigd worden door de aandoening",
        "Worstelen met de aandoening",
        "Leven met de aandoening",
        "Leven voorbij de aandoening",
    ]
    principles = narrower(g, "visie-leidende-principes", "VisionStatement")
    assert len(principles) == 5
    for s in aspects | phases | principles:
        assert g.value(s, SKOS.definition) is not None


# ------------------------------------------------------------------ Bijlage 2 veld
def test_beroepscontext_and_contributions(g):
    contexts = narrower(g, "beroepscontext", "ContextStatement")
    assert sorted(label(g, c) for c in contexts) == sorted(
        ["Beschermd wonen", "Begeleid wonen", "De maatschappelijke opvang"]
    )
    assert len(narrower(g, "plaatsbepaling", "ContextStatement")) == 3


# ------------------------------------------------------------------ every concept
def test_every_concept_is_well_formed(g, concepts):
    assert len(concepts) > 100
    notations = Counter()
    for c in concepts:
        pref = list(g.objects(c, SKOS.prefLabel))
        assert len(pref) == 1 and pref[0].language == "nl", c
        assert list(g.objects(c, SKOS.inScheme)) == [V.scheme], c
        ns = list(g.objects(c, SKOS.notation))
        assert len(ns) == 1, c
        notations[str(ns[0])] += 1
        assert len(list(g.objects(c, HG.sourceSection))) == 1, c
        assert list(g.objects(c, HG.sourceDocument)) == [V.source], c
        hg_types = [t for t in g.objects(c, RDF.type) if str(t).startswith(str(HG))]
        assert len(hg_types) == 1, c
        if hg_types[0] == HG.KnowledgeItem:
            assert (c, ESCO_SKILL_TYPE, KNOWLEDGE) in g, c
        if hg_types[0] == HG.Skill:
            assert (c, ESCO_SKILL_TYPE, SKILL) in g, c
        if hg_types[0] == HG.Section:
            assert not applies(g, c), f"{c}: hg:appliesAt goes on items, not groupings"
    assert [n for n, k in notations.items() if k > 1] == []


def test_source_sections_are_heading_paths(g, concepts):
    for c in concepts:
        path = str(g.value(c, HG.sourceSection))
        first = path.split(" > ")[0]
        assert first[0].isdigit() or first.startswith("Bijlage "), (c, path)


def test_hierarchy_is_consistent(g, concepts):
    tops = set(g.objects(V.scheme, SKOS.hasTopConcept))
    assert tops == set(g.subjects(SKOS.topConceptOf, V.scheme))
    assert tops == {V.kenmerken, V.toepassing, V["achtergrond-en-visie"], V.veld}
    for a, b in g.subject_objects(SKOS.broader):
        assert (b, SKOS.narrower, a) in g
    for a, b in g.subject_objects(SKOS.narrower):
        assert (b, SKOS.broader, a) in g
    for c in concepts:
        broader = list(g.objects(c, SKOS.broader))
        if c in tops:
            assert broader == []
        else:
            assert len(broader) == 1, c
        # every concept hangs under a top concept
        node, seen = c, set()
        while node not in tops:
            assert node not in seen, f"cycle at {c}"
            seen.add(node)
            node = g.value(node, SKOS.broader)
            assert node is not None, c


def test_applies_at_by_group(g, concepts):
    by_scope = {
        s: {c for c in concepts if s in applies(g, c)}
        for s in (HG.EachProfessional, HG.Team, HG.Organisation)
    }
    assert len(by_scope[HG.EachProfessional]) == 5 + 4 + 10 + 6 + 4 + 3
    assert len(by_scope[HG.Team]) == sum(SPECIALISMS.values()) + 4 + 3
    assert len(by_scope[HG.Organisation]) == 5 + 2 + 1


def test_referenced_works_have_titles_only(g):
    for work in set(g.objects(None, HG.references)):
        assert (work, RDF.type, HG.SourceDocument) in g
        assert g.value(work, DCTERMS.title) is not None
