"""Parity with qSKOS: every test resource of the reference checker (tests/fixtures/qskos/,
NOTE.md there says where they come from and what qSKOS's JUnit tests assert) is checked.

Each row names what qSKOS asserts and what we find. ``agree`` rows assert qSKOS's own figure;
``differs`` rows assert our documented figure, and docs/quality.md says why our definition is
the one we keep. Statistics qSKOS computes that the report does not show (collections,
label and relation counts, HTTP URI counts, in/out-links that need other vocabularies' data)
are listed in docs/quality.md, not here. The table in docs/quality.md is held to this one.
"""

from __future__ import annotations

import re
from functools import cache

import pytest

from herstelgraph.checks.quality import check
from herstelgraph.errors import InputError

from conftest import ROOT

QSKOS = ROOT / "tests" / "fixtures" / "qskos"


@cache
def report(name: str):
    return check([QSKOS / name])


def local(iri: str) -> str:
    return re.split(r"[/#]", iri)[-1]


def resources(check_id: str):
    return lambda r: sorted({local(f.resource) for f in r.of(check_id)})


def count(*check_ids: str):
    """Findings of one check, or resources of several (qSKOS merges omitted and invalid tags)."""
    if len(check_ids) == 1:
        return lambda r: r.count(check_ids[0])
    return lambda r: len({f.resource for c in check_ids for f in r.of(c)})


def overlapping_resources(r) -> int:
    return len({m for f in r.of("overlapping-labels") for m in _members(f)})


def _members(finding) -> set[str]:
    return {finding.resource, *re.findall(r" of (\S+)", finding.detail)}


def lacking_only(lang: str):
    return lambda r: sum(
        1
        for f in r.of("incomplete-language-coverage")
        if re.match(rf"no prefLabel in {lang} \(", f.detail)
    )


def lacking(lang: str):
    return lambda r: sum(
        1
        for f in r.of("incomplete-language-coverage")
        if lang in f.detail.split(" (")[0].removeprefix("no prefLabel in ").split(", ")
    )


def pairs(check_id: str):
    return lambda r: sorted(
        "-".join(sorted((local(f.resource), local(f.detail.split()[1].rstrip(",")))))
        for f in r.of(check_id)
    )


#: (resource, qSKOS test, what qSKOS asserts, how we measure it, what we find, verdict)
ROWS = [
    ("aggregations.rdf", "ConceptSchemes", 3, lambda r: r.schemes, 3, "agree"),
    ("ambiguousLabels.rdf", "DisjointLabelsViolations (S13)", ["conceptD", "conceptF"],
     resources("S13"), ["conceptD", "conceptF"], "agree"),
    ("ambiguousLabels.rdf", "InconsistentPrefLabels (S14)",
     ["conceptA", "conceptA2", "conceptA3", "conceptA4"], resources("S14"),
     ["conceptA", "conceptA2", "conceptA3", "conceptA4"], "agree"),
    ("ambiguousNotationReferences.rdf", "AmbiguousNotationReferences", 8,
     count("ambiguous-notation"), 8, "agree"),
    ("commonlanguage_en.rdf", "NoCommonLanguages: 1 common language", 0,
     count("no-common-language"), 0, "agree"),
    ("nocommonlanguage.rdf", "NoCommonLanguages: 0 common languages", 1,
     count("no-common-language"), 1, "agree"),
    ("components_1.rdf", "DisconnectedConceptClusters", 7, count("disconnected-clusters"), 7,
     "agree"),
    ("components_2.rdf", "DisconnectedConceptClusters (one cluster: none)", 0,
     count("disconnected-clusters"), 0, "agree"),
    ("components_1.rdf", "HierarchicalCycles", 3, count("hierarchy-cycle"), 3, "agree"),
    ("cycles.rdf", "HierarchicalCycles", 3, count("hierarchy-cycle"), 3, "agree"),
    ("components_1.rdf", "IncompleteLanguageCoverage", 13,
     count("incomplete-language-coverage"), 13, "agree"),
    ("components_1.rdf", "IncompleteLanguageCoverage: none lacks en", 0, lacking("en"), 0,
     "agree"),
    ("components_1.rdf", "IncompleteLanguageCoverage: lacking only fr", 2, lacking_only("fr"),
     0, "differs"),
    ("components_1.rdf", "InvolvedConcepts", 21, lambda r: r.concepts, 21, "agree"),
    ("concepts.rdf", "InvolvedConcepts", 10, lambda r: r.concepts, 10, "agree"),
    ("components_1.rdf", "OmittedOrInvalidLanguageTags", 3,
     count("omitted-language-tag", "invalid-language-tag"), 3, "agree"),
    ("deprecatedAndIllegalTerms.rdf", "OmittedOrInvalidLanguageTags", 1,
     count("omitted-language-tag", "invalid-language-tag"), 1, "agree"),
    ("languageTags.rdf", "OmittedOrInvalidLanguageTags", 2,
     count("omitted-language-tag", "invalid-language-tag"), 1, "differs"),
    ("components_1.rdf", "OrphanConcepts", 2, count("orphan-concept"), 2, "agree"),
    ("concepts.rdf", "OrphanConcepts", 7, count("orphan-concept"), 7, "agree"),
    ("components_1.rdf", "OverlappingLabels: conflicts", 2, count("overlapping-labels"), 2,
     "agree"),
    ("components_1.rdf", "OverlappingLabels: resources", 4, overlapping_resources, 4,
     "agree"),
    ("overlappingLabels.rdf", "OverlappingLabels", 2, count("overlapping-labels"), 2, "agree"),
    ("relatedConcepts.rdf", "OverlappingLabels", 0, count("overlapping-labels"), 0, "agree"),
    ("concepts.rdf", "HttpUriSchemeViolations", 1, count("non-http-iri"), 1, "agree"),
    ("corrected/resources.rdf", "HttpUriSchemeViolations", 4, count("non-http-iri"), 4,
     "agree"),
    ("concepts.rdf", "UndefinedSkosResources", 3, count("invented-skos-term"), 3, "agree"),
    ("deprecatedAndIllegalTerms.rdf", "UndefinedSkosResources", 12,
     count("invented-skos-term"), 12, "agree"),
    ("documentedConcepts.rdf", "UndocumentedConcepts", 1, count("undocumented-concept"), 1,
     "agree"),
    ("emptyLabels.rdf", "EmptyLabeledResources", 3, count("empty-label"), 3, "agree"),
    ("exactVsAssociativeMappingClashes.rdf", "MappingClashes (S46)", 5, count("S46"), 5,
     "agree"),
    ("hierarchicalRedundancy.rdf", "HierarchicalRedundancy", 5,
     count("hierarchical-redundancy"), 5, "agree"),
    ("labelsWithUnprintableCharacters.rdf", "UnprintableCharactersInLabels", 2,
     count("unprintable-characters"), 2, "agree"),
    ("mappingRelationsMisuse.rdf", "MappingRelationsMisuse",
     ["conceptA-conceptB", "conceptC-conceptD", "conceptI-conceptJ", "conceptK-conceptL",
      "conceptM-conceptN"], pairs("mapping-inside-scheme"),
     ["conceptA-conceptB", "conceptK-conceptL"], "differs"),
    ("missingLabels.rdf", "MissingLabels",
     ["conceptA", "conceptC", "conceptD", "conceptE", "conceptG", "conceptSchemeC",
      "conceptSchemeD"], resources("missing-label"),
     ["conceptA", "conceptC", "conceptD", "conceptE", "conceptG", "conceptSchemeC",
      "conceptSchemeD"], "agree"),
    ("missingTopConcepts.rdf", "OmittedTopConcepts", 2, count("omitted-top-concepts"), 2,
     "agree"),
    ("omittedInverseRelations.rdf", "UnidirectionallyRelatedConcepts", 8,
     count("missing-reciprocal"), 5, "differs"),
    ("redundantAssociativeRelations.rdf", "ValuelessAssociativeRelations", 6,
     count("valueless-associative"), 6, "agree"),
    ("reflexivelyRelatedConcepts.rdf", "ReflexivelyRelatedConcepts", 2,
     count("reflexive-relation"), 2, "agree"),
    ("relationClashes.rdf", "RelationClashes (S27)", 10, count("S27"), 10, "agree"),
    ("corrected/skosxl.rdf", "SkosXl: omitted language tags", 2,
     count("omitted-language-tag"), 2, "agree"),
    ("corrected/skosxl.rdf", "SkosXl: incomplete language coverage", 2,
     count("incomplete-language-coverage"), 2, "agree"),
    ("corrected/skosxl.rdf", "SkosXl: overlapping labels", 1, count("overlapping-labels"), 0,
     "differs"),
    ("solitaryTransitiveRelations.rdf", "SolelyTransitivelyRelatedConcepts", 4,
     count("solely-transitive"), 4, "agree"),
    ("topConceptsHavingBroaderConcept.rdf", "TopConceptsHavingBroaderConcepts", 4,
     count("top-concept-with-broader"), 4, "agree"),
    ("nocontent.rdf", "IssueInvocation (every issue runs)", 0, lambda r: len(r.findings), 0,
     "agree"),
]  # fmt: skip

#: Files qSKOS's tests read that are malformed: refused with file:line:column (exit 2).
REFUSED = {
    "invalidCharacters.rdf": (5, "'\\*_ingredient'"),
    "resources.rdf": (27, "'http://www.google. com'"),
    "skosxl.rdf": (8, "between RDF/XML property elements"),
}


@pytest.mark.parametrize(
    "name, test, qskos, measure, ours, verdict", ROWS, ids=[f"{r[0]}:{r[1]}" for r in ROWS]
)
def test_qskos_resource(name, test, qskos, measure, ours, verdict):
    found = measure(report(name))
    assert found == ours, f"{name}: {test}: we find {found}, documented {ours}"
    if verdict == "agree":
        assert ours == qskos
    else:
        assert ours != qskos, "a documented difference that is no longer one: mark it agree"


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_malformed_resources_are_refused_with_the_line(name, run_cli):
    line, what = REFUSED[name]
    path = QSKOS / name
    with pytest.raises(InputError) as exc:
        check([path])
    message = str(exc.value)
    assert message.startswith(f"{path}:{line}:") and what in message
    assert "\n" not in message
    code, out, err = run_cli("check", str(path))
    assert code == 2 and out == "" and f"{name}:{line}:" in err


def test_every_resource_is_read_or_refused():
    """No resource crashes the checker: each is read, or refused as malformed."""
    names = {p.name for p in QSKOS.glob("*.rdf")}
    assert len(names) == 36
    for name in sorted(names - set(REFUSED)):
        report(name)  # raises on failure


def test_stw_sample_has_no_errors(run_cli):
    """The STW thesaurus sample breaks no SKOS integrity condition: exit 0 (it used to be
    exit 1 for the SKOS namespace IRI taken as an invented term)."""
    code, out, _ = run_cli("check", str(QSKOS / "stw.rdf"), "--limit", "1")
    assert code == 0
    assert re.search(r"^0 fouten, \d+ waarschuwingen$", out, re.MULTILINE)  # Dutch by default


def test_docs_parity_table_is_current():
    text = (ROOT / "docs" / "quality.md").read_text(encoding="utf-8")
    m = re.search(r"<!-- parity -->\n(.*?)<!-- /parity -->", text, re.DOTALL)
    assert m, "docs/quality.md lost its <!-- parity --> block"
    assert m.group(1) == parity_markdown(), "regenerate: python tests/test_qskos_parity.py"


def _show(value) -> str:
    return ", ".join(value) if isinstance(value, list) else str(value)


def parity_markdown() -> str:
    rows = ["| resource | qSKOS test | qSKOS | herstelgraph | |", "|---|---|---|---|---|"]
    for name, test, qskos, _, ours, verdict in ROWS:
        rows.append(f"| {name} | {test} | {_show(qskos)} | {_show(ours)} | {verdict} |")
    for name, (line, _) in sorted(REFUSED.items()):
        rows.append(f"| {name} | (file is malformed) | read | refused, line {line} | differs |")
    return "\n".join(rows) + "\n"


if __name__ == "__main__":  # the table docs/quality.md shows between the parity markers
    print(parity_markdown(), end="")
