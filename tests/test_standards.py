"""NL-SBB, the Dutch standard for describing concepts: its own SHACL profile, vendored unchanged
in shapes/external/, run on the shipped graph in every test run (issue 21)."""

from __future__ import annotations

import hashlib
import re
from collections import Counter

import pytest
from click.testing import CliRunner

from herstelgraph.checks import standards
from herstelgraph.cli import cli as main

from conftest import ROOT

PROFILE = ROOT / "shapes" / "external" / "skos-ap-nl.ttl"
BREAKS = ROOT / "tests" / "fixtures" / "standards" / "nl-sbb-breaks.ttl"
SKOSAPNL = "http://nlbegrip.nl/def/skosapnl#"


def test_the_vendored_profile_is_the_official_file_as_recorded():
    """The README records source, version, licence and the file's SHA-256; the file is never
    edited (it is not canonicalised like our own Turtle)."""
    readme = (PROFILE.parent / "README.md").read_text(encoding="utf-8")
    digest = hashlib.sha256(PROFILE.read_bytes()).hexdigest()
    assert f"SHA-256 of `skos-ap-nl.ttl`: `{digest}`" in readme
    assert "Geonovum/NL-SBB" in readme and "cc-by" in readme
    assert standards.profile_version("nl-sbb") == "1.0.0"
    assert standards.profile_path("nl-sbb") == PROFILE


@pytest.fixture(scope="module")
def shipped():
    return standards.check("nl-sbb")


def test_shipped_graph_has_no_violation_and_only_the_explained_warnings(shipped):
    """0 violations. The warnings are NL-SBB's 'one prefLabel on two concepts of a scheme',
    reported by two shapes, on exactly the BK items that restate another word for word
    (hg:restates: V1-V11 and C1-C11), as docs/modelling.md explains."""
    import rdflib

    assert shipped.conforms and shipped.violations == 0 and shipped.infos == 0
    assert {c.check for c in shipped.checks} == {
        "skosapnl:Concept/skosapnl:UniquePreflabelWithinConceptScheme",
        "skosapnl:Concept-UniquePrefLabelWithinSchemeShape/"
        "skosapnl:UniquePreflabelWithinConceptScheme",
    }
    g = rdflib.Graph()
    for path in sorted((ROOT / "ontology").glob("bk-0597-1.ttl")):
        g.parse(path)
    hg = "https://w3id.org/herstelgraph/def#"
    restating = {
        str(x).replace("https://w3id.org/herstelgraph/bk-0597-1/", "bk:")
        for pair in g.subject_objects(rdflib.URIRef(hg + "restates"))
        for x in pair
    }
    assert len(restating) == 22
    for check in shipped.checks:
        assert {f.resource for f in shipped.of(check.check)} == restating
    # 22 concepts x 2 shapes x 2 languages: the English translations of the restated titles
    # (ontology/translations/en.ttl, loaded with the shipped graph) are equal as well
    assert shipped.warnings == 88
    modelling = (ROOT / "docs" / "modelling.md").read_text(encoding="utf-8")
    assert "| 44 | 88 |" in modelling or "88 warnings" in modelling


def _ours(report):
    out = Counter()
    for f in report.findings:
        shape = f.check.split("/")[0].removeprefix("skosapnl:")
        out[(f.severity, f.resource, shape)] += 1
    return out


def test_every_kind_of_break_is_found_the_same_by_both_engines():
    """The fixture breaks the profile's rules on concepts and schemes; the fast engine finds
    what pySHACL (the reference) finds, result for result."""
    fast = standards.check("nl-sbb", [BREAKS], engine="fast")
    ref = standards.check("nl-sbb", [BREAKS], engine="pyshacl")
    assert fast.findings == ref.findings
    assert (fast.violations, fast.warnings, fast.infos) == (7, 19, 1)
    found = {f.check.split("/")[-1] for f in fast.findings}
    for rule in ("Concept-definition", "TopConceptHavingBroader", "UnambiguousNotations",
                 "MappingRelationsMisuse", "OrphanConcept", "SemanticRelations",
                 "DisjointConceptAndConceptScheme", "ConceptScheme-label", "Concept-prefLabel",
                 "UniquePreflabelWithinConceptScheme", "SourceDocument-label"):  # fmt: skip
        assert "skosapnl:" + rule in found, rule


def test_pyrudof_agrees_on_the_fixture_and_on_the_shipped_graph(shipped, tmp_path):
    """A third, independent engine (rudof, in Rust) gives the same results."""
    pyrudof = pytest.importorskip("pyrudof")
    import pyoxigraph as ox

    from herstelgraph.store import load

    nt = tmp_path / "shipped.nt"
    store = load(closure=False)
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in store.quads()]
    nt.write_bytes(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"")
    for data, ours in ((BREAKS, standards.check("nl-sbb", [BREAKS])), (nt, shipped)):
        r = pyrudof.Rudof(pyrudof.RudofConfig())
        fmt = pyrudof.RDFFormat.NTriples if data.suffix == ".nt" else pyrudof.RDFFormat.Turtle
        r.read_data(str(data), fmt)
        r.read_shacl(str(PROFILE))
        theirs = Counter()
        for x in r.validate_shacl():
            focus = re.sub(r"^https://w3id.org/herstelgraph/bk-0597-1/", "bk:", str(x.focus_node))
            shape = str(x.source_shape).removeprefix(SKOSAPNL)
            theirs[(str(x.severity).lower(), focus, shape)] += 1
        assert theirs == _ours(ours)


def test_check_profile_command(tmp_path):
    runner = CliRunner()
    ok = runner.invoke(main, ["--lang", "en", "check", "--profile", "nl-sbb"])
    assert ok.exit_code == 0, ok.output
    assert "NL-SBB" in ok.output and "0 violations, 88 warnings, 0 infos" in ok.output
    bad = runner.invoke(main, ["check", "--profile", "nl-sbb", str(BREAKS), "--format", "csv"])
    assert bad.exit_code == 1
    lines = bad.output.lstrip("\ufeff").splitlines()
    assert lines[0] == "check,severity,resource,detail"
    assert len(lines) == 1 + 27
    assert any(",violation,http://example.org/a,skos:definition; MinCount" in ln for ln in lines)
    out = tmp_path / "nl-sbb.json"
    done = runner.invoke(
        main, ["check", "--profile", "nl-sbb", str(BREAKS), "--format", "json", "-o", str(out)]
    )
    assert done.exit_code == 1
    import json

    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["violations"] == 7 and data["profile_version"] == "1.0.0"


# ------------------------------------------------------------------ EQF (issue 21)
EQF_LEVEL = re.compile(r"^http://data\.europa\.eu/snb/eqf/[1-8]$")


def test_every_eqf_level_is_an_iri_of_the_eu_scheme():
    """hg:eqfLevel (and any other property named for EQF) holds the EU's level IRI, never a
    number or a text; the frameworks question and its JSON give that IRI."""
    import pyoxigraph as ox

    from herstelgraph.questions.catalogue import frameworks
    from herstelgraph.store import load

    store = load(closure=False)
    levels = [q for q in store.quads() if "eqf" in q.predicate.value.lower()]
    assert levels, "BK-0597-1 states its EQF level"
    for q in levels:
        assert isinstance(q.object, ox.NamedNode) and EQF_LEVEL.match(q.object.value), q
    bk = next(f for f in frameworks(store) if f.id == "bk-0597-1")
    assert bk.eqf == "http://data.europa.eu/snb/eqf/4"
    assert all(f.eqf is None or EQF_LEVEL.match(f.eqf) for f in frameworks(store))
