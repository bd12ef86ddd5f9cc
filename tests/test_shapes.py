"""SHACL shapes: self-contained cases (data + '# expect:' lines) for every rule, both engines.

Each file in tests/fixtures/shapes/{graph,profiles}/ is validated together with a miniature
of the frameworks (fixtures/shapes/mini-frameworks.ttl); its '# expect:' lines list the
results as 'Severity subject key', where subject is the item concerned (else the profile,
else the focus node) and key 'path/ConstraintComponent', or the shape for node-level rules.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from herstelgraph.checks.validate import (
    COVER_RULES,
    generate_profile_shapes,
    profile_shapes_for,
    read_profiles,
    render_report,
    validate_graph,
    validate_profiles,
)
from herstelgraph.io.serialize import canonical_file_text
from herstelgraph.store import load

from conftest import ROOT

FIX = ROOT / "tests" / "fixtures" / "shapes"
MINI = FIX / "mini-frameworks.ttl"
CORE = ROOT / "ontology" / "herstelgraph.ttl"
PROFILE_CASES = sorted((FIX / "profiles").glob("*.ttl"))
GRAPH_CASES = sorted((FIX / "graph").glob("*.ttl"))


def expected(path: Path) -> set[tuple[str, str, str]]:
    out = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        m = re.match(r"# expect: (.*)", line)
        if m and m.group(1).strip() != "none":
            sev, subject, key = m.group(1).split()
            out.add((sev, subject, key))
    return out


def actual(report) -> set[tuple[str, str, str]]:
    return {
        (
            r.severity,
            r.item or r.profile or r.focus,
            f"{r.path}/{r.constraint}" if r.path else r.shape,
        )
        for r in report.results
    }


@pytest.fixture(scope="module")
def mini_store():
    return load(files=[CORE, MINI], closure=True)


@pytest.fixture(scope="module")
def mini_shapes(mini_store):
    return profile_shapes_for(mini_store)


@pytest.mark.parametrize("engine", ["fast", "pyshacl"])
@pytest.mark.parametrize("case", PROFILE_CASES, ids=[p.stem for p in PROFILE_CASES])
def test_profile_case(case, engine, mini_store, mini_shapes):
    profiles = read_profiles(mini_store, [case])
    report = validate_profiles(mini_store, profiles, "en", mini_shapes, engine=engine)
    assert actual(report) == expected(case)
    assert report.conforms == (not any(s == "Violation" for s, _, _ in expected(case)))


@pytest.mark.parametrize("case", GRAPH_CASES, ids=[p.stem for p in GRAPH_CASES])
def test_graph_case(case):
    store = load(files=[CORE, MINI, case], closure=True)
    assert actual(validate_graph(store)) == expected(case)


def test_cases_cover_every_severity_on_both_sides():
    """Each severity appears in some case, and each normative rule has a passing twin."""
    seen = {sev for case in PROFILE_CASES for sev, _, _ in expected(case)}
    assert seen == {"Violation", "Warning", "Info"}
    keys = {key for case in PROFILE_CASES for _, _, key in expected(case)}
    for rule in COVER_RULES:
        assert any(k.startswith(f"hg:cover-{rule.id}-") for k in keys), rule.id
    clean = [c.stem for c in PROFILE_CASES if not expected(c)]
    twins = {"role-bk-all-covered", "person-valente-individual-covered"}
    twins |= {"curriculum-valente-individual-covered", "team-valente-complete"}
    assert twins <= set(clean)


@pytest.mark.parametrize("lang,word,other", [("en", "violation", "overtreding"),
                                             ("nl", "overtreding", "violation")])  # fmt: skip
def test_report_language(lang, word, other, mini_store, mini_shapes):
    case = FIX / "profiles" / "role-bk-missing-two.ttl"
    report = validate_profiles(mini_store, read_profiles(mini_store, [case]), lang, mini_shapes)
    text = render_report(report, "text", lang)
    assert word in text and other not in text
    marker = {"en": "does not cover competency", "nl": "dekt competentie"}[lang]
    assert all(marker in r.message for r in report.results)


@pytest.mark.parametrize("name", ["graph.ttl", "profiles.ttl"])
def test_every_shape_has_messages_in_both_languages_and_a_source(name):
    from rdflib import Graph, URIRef
    from rdflib.namespace import DCTERMS

    sh = "http://www.w3.org/ns/shacl#"
    g = Graph()
    g.parse(ROOT / "shapes" / name)
    constraint_holders = set()
    for s, p, _ in g:
        local = str(p).removeprefix(sh)
        if str(p).startswith(sh) and local in {
            "minCount", "maxCount", "class", "datatype", "nodeKind", "minInclusive", "in",
            "maxInclusive", "hasValue", "pattern", "or", "not", "disjoint", "equals",
            "uniqueLang", "qualifiedMinCount", "select",
        }:  # fmt: skip
            constraint_holders.add(s)
    nested = (
        set(g.objects(None, URIRef(sh + "not")))
        | {m for lst in g.objects(None, URIRef(sh + "or")) for m in g.items(lst)}
        | set(g.objects(None, URIRef(sh + "qualifiedValueShape")))
    )
    for s in constraint_holders - nested:
        langs = {m.language for m in g.objects(s, URIRef(sh + "message"))}
        assert {"nl", "en"} <= langs, f"{name}: shape {s} lacks sh:message in nl and en"
    for shape in g.subjects(URIRef(str(URIRef(sh + "targetClass"))), None):
        assert (shape, DCTERMS.source, None) in g, f"{shape} names no source"


def test_generated_shapes_are_up_to_date():
    """shapes/profiles-generated.ttl is what the generator makes from the shipped graph now."""
    from herstelgraph.io.serialize import canonical_turtle

    store = load(closure=False)
    text = canonical_turtle(generate_profile_shapes(store))
    path = ROOT / "shapes" / "profiles-generated.ttl"
    assert path.read_text(encoding="utf-8") == text, "run: make shapes"
    assert canonical_file_text(path) == text


def test_shipped_graph_conforms():
    """`make test` validates the shipped graph with 0 violations (needs the framework files)."""
    from herstelgraph.resources import data_dir

    frameworks = [p for p in data_dir("ontology").glob("*.ttl") if p.name != "herstelgraph.ttl"]
    assert frameworks, "no framework files in ontology/: the shipped graph is not there yet"
    report = validate_graph(load())
    problems = [f"{r.focus} {r.path or ''}: {r.message}" for r in report.results
                if r.severity == "Violation"]  # fmt: skip
    assert report.violations == 0, "\n".join(problems[:30])


def test_shipped_generated_shapes_cover_bk_competencies():
    """The generated file holds one BK rule per competency (11 once BK-0597-1 is shipped)."""
    text = (ROOT / "shapes" / "profiles-generated.ttl").read_text(encoding="utf-8")
    n = len(set(re.findall(r"hg:cover-bk-competentie-\d+", text)))
    assert n == 11, f"{n} BK competency rules generated; expected 11 (is bk-0597-1.ttl shipped?)"


def test_generated_shapes_serialize_stably(mini_store, tmp_path):
    """Generated shapes with items are canonical Turtle that re-serialises to itself."""
    from herstelgraph.io.serialize import canonical_turtle

    path = tmp_path / "generated.ttl"
    path.write_text(canonical_turtle(generate_profile_shapes(mini_store)), encoding="utf-8")
    once = canonical_file_text(path)
    path.write_text(once, encoding="utf-8")
    assert canonical_file_text(path) == once
    assert once.count("a sh:NodeShape") == 3 + 2 + 2 + 2  # bk, each, curriculum, team
