"""checks.findings: a curriculum's validation findings as `herstelgraph validate` prints them,
in the programme's own words, in Dutch and in English (issue 16, item 9: no 'dekt … niet';
a framework without curriculum rules said as such; the source sentence and the rule's reason
kept)."""

from __future__ import annotations

import json
import re

import pytest

from conftest import ROOT

PROFILES = ROOT / "tests" / "fixtures" / "shapes" / "profiles"
RV_SENTENCE = (
    "Integreer herstelondersteuning, empowerment en ervaringsdeskundigheid, gezamenlijke "
    "besluitvorming en zelfmanagement in het curriculum van het beroepsonderwijs voor "
    "ervaringsdeskundigen en professionals in zorg en sociaal domein."
)


def _finding_block(out: str, head: str) -> list[str]:
    """The lines of the curriculum section from the first line containing ``head`` to the
    next finding."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if head in line)
    block = [lines[start]]
    for line in lines[start + 1 :]:
        if not line.startswith("    "):
            break
        block.append(line)
    return block


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_claim_to_a_framework_without_curriculum_rules_is_said_so_with_nothing_to_add(
    run_cli, lang
):
    code, out, _ = run_cli(
        "validate", str(PROFILES / "curriculum-bijlage-ii-claim.ttl"), "--lang", lang
    )
    assert code == 0  # an Info: not a failure, but never "voldoet"
    section = out.split("In de woorden van het curriculum" if lang == "nl" else "In the curr")[1]
    if lang == "nl":
        block = _finding_block(section, "info: ‘Opleiding’ claimt te voldoen aan")
        assert "geen regels voor dit kader, de claim is niet gecontroleerd" in block[0]
        assert "maar dit kader vraagt niets van een curriculum" in block[0]
        assert "niet alles is gecontroleerd" in out.splitlines()[-1]
        assert "voldoet\n" not in out
    else:
        block = _finding_block(section, "info: ‘Opleiding’ claims conformance to")
        assert "no rules for this framework, the claim is not checked" in block[0]
        assert "not everything was checked" in out.splitlines()[-1]
    # the framework is no item to cover: no 'add a learning outcome' fix, no coverage words
    assert len(block) == 1, block
    assert not re.search(r"\bdek(t|ken)\b|cover|leeruitkomst|learning outcome", section)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_randvoorwaarden_curriculum_gap_names_the_condition_its_reason_and_its_source(
    run_cli, lang
):
    code, out, _ = run_cli("validate", str(PROFILES / "curriculum-rv-gap.ttl"), "--lang", lang)
    assert code == 1
    if lang == "nl":
        block = _finding_block(out, "overtreding: randvoorwaarde O1")
        assert block[0] == (
            f"  overtreding: randvoorwaarde O1 ‘{RV_SENTENCE}’ komt in geen leeruitkomst van "
            "‘Opleiding’ aan bod"
        )
        assert block[1].startswith("    waarom: de Randvoorwaarden vragen van het onderwijs: O1")
        assert block[1].endswith("geen leeruitkomst van dit curriculum is erop afgestemd")
        assert block[2] == f"    bron: “{RV_SENTENCE}”"
        assert block[3] == (
            "    oplossing: voeg in een van de modules een leeruitkomst toe en stem die af op "
            "randvoorwaarde O1"
        )
        assert not re.search(r"\bdek(t|ken)\b", out)
    else:
        block = _finding_block(out, "violation: ‘Opleiding’ does not cover")
        assert block[0] == (
            f"  violation: ‘Opleiding’ does not cover organisational condition O1 ‘{RV_SENTENCE}’"
        )
        assert block[1].startswith("    why: the Randvoorwaarden ask education: O1")
        assert block[2] == f"    source: “{RV_SENTENCE}”"
        assert block[3] == (
            "    fix: add a learning outcome to one of the modules and align it to "
            "organisational condition O1"
        )


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_competency_covered_in_part_is_told_which_activities_remain(run_cli, lang):
    path = PROFILES / "curriculum-bk-partial-activities.ttl"
    code, out, _ = run_cli("validate", str(path), "--lang", lang)
    assert code == 1
    if lang == "nl":
        block = _finding_block(out, "competentie C1 ‘")
        assert "komt in ‘Opleiding’ maar ten dele aan bod" in block[0]
        assert block[-1] == (
            "    oplossing: voeg in module ‘Module’ leeruitkomsten toe voor de overige "
            "activiteiten (C1.A2, C1.A3), of stem er een af op competentie C1 zelf"
        )
    else:
        block = _finding_block(out, "competency C1 ‘")
        assert "‘Opleiding’ covers competency C1 ‘" in block[0] and "only in part" in block[0]
        assert block[-1] == (
            "    fix: add learning outcomes to module ‘Module’ for its other activities "
            "(C1.A2, C1.A3), or align one to competency C1 itself"
        )
    assert any(line.startswith(("    bron: “", "    source: “")) for line in block)
    # the reason agrees with the text: in part, which activities are there, not "missing"
    why = next(line for line in block if line.startswith(("    waarom: ", "    why: ")))
    assert "ontbreekt" not in why and "missing" not in why
    if lang == "nl":
        assert (
            "die maar ten dele aan bod komt: activiteiten met een leeruitkomst: C1.A1; zonder: "
            "C1.A2, C1.A3." in why
        )
    else:
        assert (
            "is covered only in part: activities with a learning outcome: C1.A1; without: "
            "C1.A2, C1.A3." in why
        )


def test_json_findings_carry_the_code_the_reason_and_the_source(run_cli):
    by_code = {}
    for name in ("curriculum-rv-gap.ttl", "curriculum-bijlage-ii-claim.ttl"):
        _, out, _ = run_cli("validate", str(PROFILES / name), "--format", "json")
        by_code.update({f["code"]: f for f in json.loads(out)["curriculum_findings"]})
    assert by_code["not-covered"]["source_text"] == RV_SENTENCE
    assert by_code["not-covered"]["reason"].startswith("de Randvoorwaarden vragen")
    assert by_code["no-rules"]["fix"] == "" and by_code["no-rules"]["reason"] is None


def test_the_fix_names_the_module_that_does_the_competencys_own_work():
    """Where a competency is missing, the fix names a module to add it to: the one whose
    outcomes are aligned to its activities comes before one aligned only to knowledge it
    shares with other competencies; a tie goes to the module first by name."""
    import pyoxigraph as ox

    from herstelgraph.checks.findings import _module_for
    from herstelgraph.vocab import HG

    data = ox.Store()
    cur = ox.NamedNode("https://example.org/cur")

    def module(name: str, aligned: str) -> None:
        mod, lo = (
            ox.NamedNode(f"https://example.org/{name.split()[0]}"),
            ox.NamedNode(f"https://example.org/{name.split()[0]}/lo"),
        )
        data.add(ox.Quad(cur, ox.NamedNode(HG + "module"), mod))
        data.add(
            ox.Quad(
                mod, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal(name)
            )
        )
        data.add(ox.Quad(mod, ox.NamedNode(HG + "learningOutcome"), lo))
        data.add(ox.Quad(lo, ox.NamedNode(HG + "alignedTo"), ox.NamedNode(aligned)))

    activity, knowledge = "https://example.org/c11-a3", "https://example.org/k22"
    module("Herstel en ervaringskennis", knowledge)
    module("Brugfunctie en organisatie", activity)
    related = {activity, knowledge}
    assert _module_for(data, cur, related, {activity}) == "Brugfunctie en organisatie"
    assert _module_for(data, cur, related) == "Brugfunctie en organisatie"  # a tie: by name
    assert _module_for(data, cur, {knowledge}, {activity}) == "Herstel en ervaringskennis"
