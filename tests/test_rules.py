"""The frameworks' rules on the shipped graph, for the profiles the review of issue 16 named:
a team with no specialism, an ervaringsdeskundige, a curriculum aligned only at activity level,
a person with a named example, claims to Bijlage II and the Randvoorwaarden."""

from __future__ import annotations

import pytest

from herstelgraph.checks.validate import render_report, validate_profiles
from herstelgraph.ids import compact

PREFIXES = """PREFIX hg: <https://w3id.org/herstelgraph/def#>
PREFIX hgp: <https://w3id.org/herstelgraph/profile/>
PREFIX bk: <https://w3id.org/herstelgraph/bk-0597-1/>
PREFIX bijlage2: <https://w3id.org/herstelgraph/bijlage-ii/>
PREFIX rv: <https://w3id.org/herstelgraph/randvoorwaarden/>
PREFIX valente: <https://w3id.org/herstelgraph/valente-2023/>
PREFIX nk: <https://w3id.org/herstelgraph/nk-2017/>
PREFIX dct: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""
EACH = (
    "SELECT ?c WHERE { ?c skos:inScheme valente:scheme ; hg:appliesAt hg:EachProfessional "
    "FILTER NOT EXISTS { ?c hg:isExample true } FILTER NOT EXISTS { ?c hg:isInferred true } }"
)
K1_K2 = {
    "valente:kennis-ervaringskennis-benutten",
    "valente:kennis-ervaringsdeskundigheid-inzetten",
}


def items(store, sparql) -> list[str]:
    return sorted(compact(r["c"].value) for r in store.select(sparql))


def held(concepts) -> str:
    return " , ".join(f"[ hg:concept {c} ; hg:proficiencyLevel 3 ]" for c in concepts)


def validate(store, turtle: str, lang: str = "en"):
    import pyoxigraph as ox

    data = ox.Store()
    data.load((PREFIXES + turtle).encode("utf-8"), format=ox.RdfFormat.TURTLE)
    return validate_profiles(store, data, lang)


def shapes(report) -> set[str]:
    return {r.shape for r in report.results}


def test_a_team_with_no_specialism_is_asked_no_specialism_knowledge(store):
    each = items(store, EACH)
    report = validate(
        store,
        f"""
hgp:nachtopvang a hg:TeamProfile ; rdfs:label "Nachtopvang" ; dct:conformsTo valente:scheme ;
  hg:member hgp:a, hgp:b .
hgp:a a hg:PersonProfile ; rdfs:label "A" ; hg:role nk:rol-ervaringsdeskundige ;
  hg:proficiency {held([c for c in each if c not in K1_K2] + ["valente:vaardigheid-verbindend"])} .
hgp:b a hg:PersonProfile ; rdfs:label "B" ; hg:proficiency {held(each)} .
""",
    )
    assert report.results == (), [r.message for r in report.results]


def test_the_specialism_a_team_declares_is_asked_and_calling_in_counts(store):
    each = items(store, EACH)
    team = f"""
hgp:team a hg:TeamProfile ; rdfs:label "Team" ; dct:conformsTo valente:scheme ;
  hg:specialism valente:specialisme-housing-first ; hg:member hgp:a , hgp:b {{call}} .
hgp:a a hg:PersonProfile ; rdfs:label "A" ; hg:role nk:rol-ervaringsdeskundige ;
  hg:proficiency {held([c for c in each if c not in K1_K2] + ["valente:vaardigheid-verbindend"])} .
hgp:b a hg:PersonProfile ; rdfs:label "B" ; hg:proficiency {held(each)} .
"""
    missing = validate(store, team.replace("{call}", ""), "nl")
    # Housing First is the example of 'specifieke methodieken hiervoor': the specialism's
    # methods are asked, once, and the example is named as one way to have them
    assert [r.item for r in missing.results] == ["valente:specialisme-housing-first"]
    assert missing.results[0].severity == "Warning"
    assert missing.results[0].source_text == (
        "Hierbij is het gewenst dat in het team expertise aanwezig is over specifieke "
        "methodieken hiervoor, zoals Housing First."
    )
    assert "alleen met voorbeelden (“Housing First”)" in missing.results[0].message
    for concept in ("valente:kennis-housing-first", "valente:specialisme-housing-first"):
        called = validate(store, team.replace("{call}", f"; hg:canCallIn [ hg:concept {concept} ]"))
        assert shapes(called) == {"hg:CalledInShape"}, concept


def test_a_method_the_text_names_only_as_an_example_is_not_asked_of_a_specialism_team(store):
    """Valente: 'expertise op het gebied van schadebeperking en gedragsverandering, inclusief
    de bijbehorende methodieken, zoals motiverende gespreksvoering': a team in the addiction
    specialism that has that expertise is not warned about motiverende gespreksvoering."""
    each = items(store, EACH)
    team = f"""
hgp:team a hg:TeamProfile ; rdfs:label "Verslavingsteam" ; dct:conformsTo valente:scheme ;
  hg:specialism valente:specialisme-verslaving ; hg:member hgp:a , hgp:b .
hgp:a a hg:PersonProfile ; rdfs:label "A" ; hg:role nk:rol-ervaringsdeskundige ;
  hg:proficiency {held([c for c in each if c not in K1_K2] + ["valente:vaardigheid-verbindend"])} .
hgp:b a hg:PersonProfile ; rdfs:label "B" ; hg:proficiency {{held}} .
"""
    methods = ["valente:kennis-schadebeperking", "valente:kennis-gedragsverandering"]
    somatic = ["valente:kennis-somatische-klachten"]
    covered = validate(store, team.replace("{held}", held(each + methods + somatic)), "nl")
    assert covered.results == (), [r.message for r in covered.results]
    # without harm reduction: warned about that, still not about the example
    gap = validate(store, team.replace("{held}", held(each + methods[1:] + somatic)), "nl")
    assert [r.item for r in gap.results] == ["valente:kennis-schadebeperking"]


def test_an_ervaringsdeskundige_is_not_asked_k1_and_k2(store):
    each = items(store, EACH)
    assert K1_K2 <= set(each)
    person = (
        """hgp:sam a hg:PersonProfile ; rdfs:label "Sam" ; dct:conformsTo valente:scheme ;
  hg:role nk:rol-{role} ; hg:proficiency """
        + held(set(each) - K1_K2)
        + " ."
    )
    ed = validate(store, person.replace("{role}", "ervaringsdeskundige"))
    assert ed.results == ()
    other = validate(store, person.replace("{role}", "professional"), "nl")
    assert {r.item for r in other.results} == K1_K2
    assert {r.severity for r in other.results} == {"Warning"}
    assert all("is het van belang" in r.source_text for r in other.results)


def test_a_curriculum_aligned_only_at_activity_level_covers_the_competencies(store):
    activities = items(store, "SELECT ?c WHERE { ?c a hg:Activity ; skos:inScheme bk:scheme }")
    knowledge = items(store, "SELECT ?c WHERE { ?c a hg:KnowledgeItem ; skos:inScheme bk:scheme }")
    curriculum = """hgp:c a hg:Curriculum ; rdfs:label "Opleiding" ; dct:conformsTo bk:scheme ;
  hg:module hgp:c-m . hgp:c-m rdfs:label "Alles" ; hg:learningOutcome hgp:c-lo .
hgp:c-lo rdfs:label "Alle activiteiten" ; hg:alignedTo {ids} ."""
    report = validate(store, curriculum.replace("{ids}", ", ".join(activities + knowledge)))
    assert report.results == ()
    one_short = [a for a in activities if a != "bk:competentie-09-activiteit-05"]
    report = validate(store, curriculum.replace("{ids}", ", ".join(one_short + knowledge)))
    assert [(r.severity, r.item) for r in report.results] == [("Violation", "bk:competentie-09")]
    assert "C9.A5" in report.results[0].message


def test_a_named_example_counts_for_what_it_exemplifies(store):
    each = [c if c != "valente:kennis-basismethodieken" else "valente:kennis-irb"
            for c in items(store, EACH)]  # fmt: skip
    report = validate(
        store,
        """hgp:anna a hg:PersonProfile ; rdfs:label "Anna" ;
  dct:conformsTo valente:scheme ; hg:role nk:rol-professional ;
  hg:proficiency """
        + held(each)
        + " .",
    )
    assert report.results == ()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_claims_to_bijlage_ii_and_the_randvoorwaarden_are_checked(store, lang):
    report = validate(
        store,
        """
hgp:anna a hg:PersonProfile ; rdfs:label "Anna" ; dct:conformsTo bijlage2:scheme ;
  hg:proficiency [ hg:concept bijlage2:competentie-01 ; hg:proficiencyLevel 2 ] .
hgp:c a hg:Curriculum ; rdfs:label "Opleiding" ; dct:conformsTo rv:scheme ; hg:module hgp:c-m .
hgp:c-m rdfs:label "M" ; hg:learningOutcome hgp:c-lo .
hgp:c-lo rdfs:label "Herstel" ; hg:alignedTo bk:competentie-10 .
""",
        lang,
    )
    anna = [r for r in report.results if r.profile == "hgp:anna"]
    assert len(anna) == 13 + 20 and {r.severity for r in anna} == {"Warning"}
    curriculum = [r for r in report.results if r.profile == "hgp:c"]
    assert [(r.severity, r.item) for r in curriculum] == [("Violation", "rv:onderwijs-01")]
    assert curriculum[0].source_text.startswith("Integreer herstelondersteuning, empowerment")
    text = render_report(report, "text", lang)
    assert ("voldoet niet" if lang == "nl" else "does not conform") in text.splitlines()[-1]


def test_a_claim_without_rules_is_said_to_be_unchecked(store):
    report = validate(
        store,
        """
hgp:anna a hg:PersonProfile ; rdfs:label "Anna" ; dct:conformsTo rv:scheme, nk:scheme ;
  hg:proficiency [ hg:concept bk:competentie-01 ; hg:proficiencyLevel 2 ] .""",
        "nl",
    )
    assert report.conforms and report.unchecked == 2
    last = render_report(report, "text", "nl").splitlines()[-1]
    assert "voldoet" not in last.split(": ", 1)[1].replace("geen overtredingen", "")
    assert "geen regels voor dit kader" in last


def test_the_ervaringsdeskundige_warning_says_what_valente_says(store):
    each = items(store, EACH)
    report = validate(
        store,
        f"""
hgp:team a hg:TeamProfile ; rdfs:label "Team" ; dct:conformsTo valente:scheme ; hg:member hgp:b .
hgp:b a hg:PersonProfile ; rdfs:label "B" ; hg:role nk:rol-professional ;
  hg:proficiency {held([*each, "valente:vaardigheid-verbindend"])} .
""",
        "nl",
    )
    (result,) = report.results
    assert result.item == "nk:rol-ervaringsdeskundige" and result.severity == "Warning"
    said = "binnen de organisatie ervaringsdeskundigen werkzaam zijn die in ieder team ingezet"
    assert said in result.message
    assert (
        "hg:" not in result.message and "ieder team een ervaringsdeskundige" not in result.message
    )


def test_two_members_with_six_and_five_competencies_are_not_a_qualified_team(store):
    comps = [f"bk:competentie-{i:02d}" for i in range(1, 12)]
    report = validate(
        store,
        f"""
hgp:team a hg:TeamProfile ; rdfs:label "Team" ; dct:conformsTo bk:scheme ; hg:member hgp:a, hgp:b .
hgp:a a hg:PersonProfile ; rdfs:label "A" ; hg:proficiency {held(comps[:6]).replace(" 3 ", " 1 ")} .
hgp:b a hg:PersonProfile ; rdfs:label "B" ; hg:proficiency {held(comps[6:]).replace(" 3 ", " 1 ")} .
""",
        "nl",
    )
    assert not report.conforms and report.violations == 5 + 6
    assert {r.profile for r in report.results} == {"hgp:a", "hgp:b"}
    assert render_report(report, "text", "nl").splitlines()[-1].endswith(": voldoet niet")
