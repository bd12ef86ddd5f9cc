"""Exports that other ecosystems validate (issue 21): CTDL-ASN checked by Credential Engine's
rules (ctdl-validate, which vendors the official CTDL-ASN schema and context), JSKOS checked
by gbv's jskos-validate, and CASE read back and compared with the graph. Nothing here fetches
a context or a schema."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections import defaultdict

import pytest
from click.testing import CliRunner

from herstelgraph.cli import cli as main
from herstelgraph.ids import expand
from herstelgraph.publish.export import CASE_ASSOCIATION, export, mapping_records
from herstelgraph.publish.interchange import ctid, read_case
from herstelgraph.questions.catalogue import concepts, frameworks
from herstelgraph.store import EXTERNAL, load

from conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "publish"
FIXTURE_FILES = [ROOT / "ontology" / "herstelgraph.ttl", FIXTURE / "frameworks.ttl"]
FIXTURE_FILES.append(FIXTURE / "mappings.ttl")
JS = ROOT / "tests" / "js"


@pytest.fixture(scope="module", params=["fixture", "shipped"])
def store(request):
    return load(files=FIXTURE_FILES) if request.param == "fixture" else load()


@pytest.fixture(scope="module")
def shipped():
    return load()


def _members(store):
    return {c.iri: (fw, c) for fw in frameworks(store) for c in concepts(store, fw.id)}


# ------------------------------------------------------------------------ CTDL-ASN
def ctdl_validate(path, *resolve):
    """Findings of ctdl-validate (exit 0/1 = validated; 2 = could not read the file)."""
    pytest.importorskip(
        "ctdl_validate", reason="pip install --ignore-requires-python ctdl-validate"
    )
    args = [sys.executable, "-m", "ctdl_validate", str(path), "--format", "json"]
    for r in resolve:
        args += ["--resolve", str(r)]
    res = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert res.returncode in (0, 1), res.stderr
    return json.loads(res.stdout)["findings"]


def _esco_alignments(store) -> set[tuple[str, str, str]]:
    """(our item, CTDL-ASN alignment, ESCO URI) of every curated ESCO link (R-STR-1)."""
    out = set()
    for rec in mapping_records(store, external=True):
        if rec.is_no_match or rec.object_source != "hgext:esco":
            continue
        prop = R_STR_1.get(rec.predicate_id) or (
            "ceasn:majorAlignment" if rec.predicate_id == "skos:closeMatch" else rec.other
        )
        out.add((expand(rec.subject_id), prop, expand(rec.object_id)))
    return out


def test_ctdlasn_passes_credential_engines_rules_without_a_single_finding(store, tmp_path):
    """The whole graph is one payload: every reference resolves inside it, so the validator
    has nothing to report, not even an INFO, except that it cannot see ESCO: each ESCO link
    is one UNVERIFIABLE reference outside the payload (ESCO's nodes are not ours to write)."""
    out = tmp_path / "all.ctdlasn.jsonld"
    out.write_bytes(export(store, "ctdlasn").data)
    findings = ctdl_validate(out)
    assert {(f["severity"], f["code"]) for f in findings} <= {
        ("UNVERIFIABLE", "REF_OUTSIDE_PAYLOAD")
    }
    got = {(f["entity"], f["property"], f["value"]) for f in findings}
    assert len(got) == len(findings) and got == _esco_alignments(store)


def test_ctdlasn_of_one_framework_resolves_against_the_others(shipped, tmp_path):
    """One framework alone: its alignments point into the other frameworks, which the
    validator cannot see (UNVERIFIABLE, nothing worse); given the rest, every one resolves."""
    one, rest = tmp_path / "bk.ctdlasn.jsonld", tmp_path / "rest"
    one.write_bytes(export(shipped, "ctdlasn", "bk-0597-1").data)
    alone = ctdl_validate(one)
    assert alone and {f["severity"] for f in alone} == {"UNVERIFIABLE"}
    assert {f["property"] for f in alone} <= {
        "ceasn:exactAlignment", "ceasn:majorAlignment", "ceasn:minorAlignment",
        "ceasn:broadAlignment", "ceasn:narrowAlignment", "ceasn:prerequisiteAlignment",
    }  # fmt: skip
    rest.mkdir()
    for fw in frameworks(shipped):
        if fw.id != "bk-0597-1":
            (rest / f"{fw.id}.json").write_bytes(export(shipped, "ctdlasn", fw.id).data)
    resolved = ctdl_validate(one, rest)
    esco = [f for f in resolved if f["value"].startswith("http://data.europa.eu/esco/")]
    assert esco and {f["code"] for f in esco} == {"REF_OUTSIDE_PAYLOAD"}  # ESCO: not ours
    ours = [f for f in resolved if f not in esco]
    assert {f["severity"] for f in ours} <= {"INFO"}
    assert all(f["code"] == "REF_RESOLVED_SUPPLIED" for f in ours)


def test_the_validator_is_not_blind(shipped, tmp_path):
    """The same run finds a broken CTID, a child pointing at a framework, a one-sided
    hierarchy, a reference to nothing: the clean result above is not for want of looking."""
    doc = json.loads(export(shipped, "ctdlasn", "bk-0597-1").data)
    comps = [n for n in doc["@graph"] if n["@type"] == "ceasn:Competency"]
    comps[0]["ceterms:ctid"] = "ce-123"
    comps[1]["ceasn:isChildOf"] = doc["@graph"][0]["@id"]
    comps[2]["ceasn:hasChild"] = ["https://example.org/nothing"]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    codes = {f["code"] for f in ctdl_validate(bad)}
    assert {"CTID_MALFORMED", "RANGE_DOCS_CONFLICT", "INVERSE_ONE_DIRECTION"} <= codes


def test_ctdlasn_read_with_the_official_context_is_the_graphs_statements(shipped):
    """Read as JSON-LD with Credential Engine's own context (the copy ctdl-validate vendors,
    so nothing is fetched), the export states each item's Dutch text and its framework and
    parent as IRIs in the CTDL-ASN namespace."""
    pytest.importorskip("ctdl_validate")
    from importlib import resources

    import rdflib

    ctx = json.loads(
        resources.files("ctdl_validate").joinpath("vendor/ctdlasn/context.json").read_text("utf-8")
    )["@context"]
    doc = json.loads(export(shipped, "ctdlasn", "bk-0597-1").data)
    doc["@context"] = ctx
    g = rdflib.Graph().parse(data=json.dumps(doc), format="json-ld")
    ceasn = rdflib.Namespace("https://purl.org/ctdlasn/terms/")
    bk = next(f for f in frameworks(shipped) if f.id == "bk-0597-1")
    items = concepts(shipped, "bk-0597-1")
    assert set(g.subjects(rdflib.RDF.type, ceasn.Competency)) == {
        rdflib.URIRef(c.iri) for c in items
    }
    for c in items:
        s = rdflib.URIRef(c.iri)
        assert (s, ceasn.competencyText, rdflib.Literal(c.label, lang="nl")) in g
        assert (s, ceasn.isPartOf, rdflib.URIRef(bk.iri)) in g
        if c.broader:
            assert (s, ceasn.isChildOf, rdflib.URIRef(expand(c.broader))) in g


#: mappings/RUBRIC.md R-STR-1: the CTDL-ASN alignment each SSSOM record exports as
R_STR_1 = {
    "skos:exactMatch": "ceasn:exactAlignment",
    "skos:broadMatch": "ceasn:broadAlignment",
    "skos:narrowMatch": "ceasn:narrowAlignment",
    "ceasn:prerequisiteAlignment": "ceasn:prerequisiteAlignment",
}
SEEN_FROM_OBJECT = {"broadAlignment": "narrowAlignment", "narrowAlignment": "broadAlignment"}


def test_ctdlasn_says_what_the_graph_says(store):
    """Each concept is a Competency of its framework with its Dutch label as competencyText,
    its notation, the hierarchy both ways, and the curated mappings as alignments (R-STR-1:
    close -> major, related -> the record's strength; a prerequisite only on the dependent
    item, never flipped); no-match records give no alignment."""
    doc = json.loads(export(store, "ctdlasn").data)
    assert doc["@context"] == "https://credreg.net/ctdlasn/schema/context/json"
    nodes = {n["@id"]: n for n in doc["@graph"]}
    members = _members(store)
    comps = {i for i, n in nodes.items() if n["@type"] == "ceasn:Competency"}
    assert comps == set(members)
    children = defaultdict(set)
    for iri, (fw, c) in members.items():
        n = nodes[iri]
        assert n["ceasn:competencyText"]["nl"] == c.label  # the English beside it: honour_lang
        assert n.get("ceasn:codedNotation") == c.notation
        assert n["ceasn:isPartOf"] == fw.iri and n["ceterms:ctid"] == ctid(iri)
        parent = expand(c.broader) if c.broader else fw.iri
        children[parent].add(iri)
        assert n.get("ceasn:isChildOf", n.get("ceasn:isTopChildOf")) == parent
    for parent, kids in children.items():
        key = (
            "ceasn:hasTopChild"
            if nodes[parent]["@type"].endswith("Framework")
            else "ceasn:hasChild"
        )
        assert set(nodes[parent][key]) == kids
    expected = defaultdict(set)
    for s, prop, o in _esco_alignments(store):  # ESCO links: on our side only
        expected[(s, prop)].add(o)
    for rec in mapping_records(store):
        if rec.is_no_match:
            continue
        prop = R_STR_1.get(rec.predicate_id) or (
            "ceasn:majorAlignment" if rec.predicate_id == "skos:closeMatch" else rec.other
        )
        assert prop in ("ceasn:majorAlignment", "ceasn:minorAlignment") or prop in R_STR_1.values()
        s, o = expand(rec.subject_id), expand(rec.object_id)
        expected[(s, prop)].add(o)
        if prop != "ceasn:prerequisiteAlignment":
            local = prop.split(":")[1]
            expected[(o, "ceasn:" + SEEN_FROM_OBJECT.get(local, local))].add(s)
    got = {
        (i, k): set(v) for i, n in nodes.items() for k, v in n.items() if k.endswith("Alignment")
    }
    assert got == dict(expected)
    for (s, prop), objects in got.items():
        if prop == "ceasn:prerequisiteAlignment":
            for o in objects:
                assert s not in got.get((o, prop), set()), "a prerequisite is never flipped"


# ------------------------------------------------------------------------ JSKOS
def jskos_validate(path):
    node = shutil.which("node")
    if node is None or not (JS / "node_modules" / "jskos-validate").is_dir():
        pytest.skip("jskos-validate not installed: npm ci --prefix tests/js (needs Node)")
    res = subprocess.run(
        [node, str(JS / "validate-jskos.mjs"), str(path)], capture_output=True, text=True
    )
    assert res.stdout, res.stderr
    return res.returncode, json.loads(res.stdout)


def test_jskos_passes_jskos_validate(store, tmp_path):
    out = tmp_path / "all.jskos.json"
    out.write_bytes(export(store, "jskos").data)
    rc, report = jskos_validate(out)
    assert (rc, report["errors"]) == (0, [])
    assert report["counts"]["concepts"] == len(_members(store))
    one = tmp_path / "bk.jskos.json"
    one.write_bytes(export(store, "jskos", "bk-0597-1").data)
    rc, report = jskos_validate(one)
    assert (rc, report["errors"]) == (0, [])


def test_jskos_validate_is_not_blind(shipped, tmp_path):
    doc = json.loads(export(shipped, "jskos").data)
    doc["concepts"][3]["inScheme"] = [{"uri": "https://example.org/no-scheme"}]
    doc["mappings"][0]["type"] = [
        "http://www.w3.org/2004/02/skos/core#exactMatch",
        "http://www.w3.org/2004/02/skos/core#closeMatch",
    ]
    bad = tmp_path / "bad.jskos.json"
    bad.write_text(json.dumps(doc), encoding="utf-8")
    rc, report = jskos_validate(bad)
    assert rc == 1
    wrong = {(e["kind"], e["uri"]) for e in report["errors"]}
    assert ("concept", doc["concepts"][3]["uri"]) in wrong
    assert ("mapping", doc["mappings"][0]["uri"]) in wrong


def test_jskos_says_what_the_graph_says(store):
    """Concepts with label, notation, scheme and hierarchy; each SKOS record one mapping with
    its relation, and a no-match record a mapping into an empty bundle of the other scheme
    (JSKOS: "no appropriate concepts exist"); prerequisites are not SKOS and stay out."""
    doc = json.loads(export(store, "jskos").data)
    members = _members(store)
    got = {c["uri"]: c for c in doc["concepts"]}
    assert set(got) == set(members)
    for iri, (fw, c) in members.items():
        j = got[iri]
        assert j["prefLabel"]["nl"] == c.label and j["inScheme"] == [{"uri": fw.iri}]
        assert j.get("notation") == ([c.notation] if c.notation else None)
        assert j.get("broader") == ([{"uri": expand(c.broader)}] if c.broader else None)
    records = {
        expand(r.record_id): r
        for r in mapping_records(store, external=True)
        if r.predicate_id != "ceasn:prerequisiteAlignment"
        and expand(r.subject_id) in members  # a JSKOS mapping is between concepts: not the
        # BK-0597-1 qualification (a scheme) against ESCO occupations
    }
    maps = {m["uri"]: m for m in doc["mappings"]}
    assert set(maps) == set(records)
    esco = {}
    for uri, m in maps.items():
        rec = records[uri]
        assert m["from"] == {"memberSet": [{"uri": expand(rec.subject_id)}]}
        if rec.object_source == "hgext:esco":
            esco[uri] = m
            continue
        if rec.is_no_match:
            assert m["to"] == {"memberSet": []}
            assert m["toScheme"] == {"uri": expand(rec.object_source)}
            assert m["type"] == ["http://www.w3.org/2004/02/skos/core#mappingRelation"]
        else:
            assert m["to"] == {"memberSet": [{"uri": expand(rec.object_id)}]}
            assert m["type"] == [expand(rec.predicate_id)]
    if next(iter(store.ox.quads_for_pattern(None, None, None, EXTERNAL)), None) is not None:
        assert esco, "the shipped graph's ESCO records are mappings"
    _jskos_esco(esco, records)


def _jskos_esco(maps: dict, records: dict) -> None:
    """Each ESCO record a mapping into ESCO's scheme (the scheme the graph gives the vendored
    concepts, with its title as prefLabel), its concept by URI and ESCO's English preferred
    label where one is vendored (none for the occupations without a clean source)."""
    import rdflib

    esco = rdflib.Graph().parse(ROOT / "ontology" / "external" / "esco.ttl")
    scheme = rdflib.URIRef("https://w3id.org/herstelgraph/external/esco")
    title = str(esco.value(scheme, rdflib.namespace.DCTERMS.title))
    skos = rdflib.namespace.SKOS
    for uri, m in maps.items():
        rec = records[uri]
        assert m["toScheme"] == {"uri": str(scheme), "prefLabel": {"en": title}}
        if rec.is_no_match:
            assert m["to"] == {"memberSet": []}
            assert m["type"] == ["http://www.w3.org/2004/02/skos/core#mappingRelation"]
            continue
        assert m["type"] == [expand(rec.predicate_id)]
        (member,) = m["to"]["memberSet"]
        assert member["uri"] == expand(rec.object_id)
        assert (rdflib.URIRef(member["uri"]), skos.inScheme, scheme) in esco
        label = esco.value(rdflib.URIRef(member["uri"]), skos.prefLabel)
        if label is None:
            assert "prefLabel" not in member
        else:
            assert member["prefLabel"] == {"en": str(label)}


# ------------------------------------------------------------------------ CASE round trip
def test_case_round_trip_gives_back_items_and_associations(store):
    """Write CASE, read it back, compare with the graph: every concept an item with its label
    and notation, every broader (or the framework, at the top) an isChildOf, every curated
    record an association of its CASE type whose grouping names the SKOS relation (a
    prerequisite as `precedes`, from the prerequisite to the item that needs it)."""
    content = read_case(export(store, "case").data)
    members = _members(store)
    assert content.documents == {fw.iri: fw.title for fw in frameworks(store)}
    assert {i: (t, n, d) for i, (t, n, _ty, d) in content.items.items()} == {
        iri: (c.label, c.notation, fw.iri) for iri, (fw, c) in members.items()
    }
    assert {(o, d) for o, k, d, _ in content.associations if k == "isChildOf"} == {
        (iri, expand(c.broader) if c.broader else fw.iri) for iri, (fw, c) in members.items()
    }
    expected = set()
    for rec in mapping_records(store):
        if rec.is_no_match:
            continue
        s, o = expand(rec.subject_id), expand(rec.object_id)
        if rec.predicate_id == "ceasn:prerequisiteAlignment":
            s, o = o, s
        expected.add((s, CASE_ASSOCIATION[rec.predicate_id], o, rec.predicate_id))
    assert {a for a in content.associations if a[1] != "isChildOf"} == expected


def test_case_reader_refuses_a_package_that_does_not_hold_together():
    from herstelgraph.errors import InputError

    pkg = json.loads(export(load(files=FIXTURE_FILES), "case", "bk-0597-1").data)
    pkg["CFAssociations"][0]["CFAssociationGroupingURI"] = {
        "identifier": "00000000-0000-0000-0000-000000000000",
        "uri": "urn:x",
        "title": "x",
    }
    with pytest.raises(InputError, match="undefined grouping"):
        read_case(pkg)


# ------------------------------------------------------------------------ CLI
def test_export_command_writes_both_formats_from_the_suffix(tmp_path):
    runner = CliRunner()
    for name, fmt in (("x.ctdlasn.jsonld", "ctdlasn"), ("x.jskos.json", "jskos")):
        out = tmp_path / name
        res = runner.invoke(main, ["export", "-o", str(out)])
        assert res.exit_code == 0, res.output
        assert out.read_bytes() == export(load(), fmt).data
    res = runner.invoke(main, ["export", "--format", "CTDL-ASN", "--framework", "nk-2017"])
    assert res.exit_code == 0 and '"ceasn:CompetencyFramework"' in res.output


def test_ctdlasn_and_jskos_honour_lang(shipped):
    """Both languages by default (the English translations in the language maps beside the
    Dutch quotes); ``lang="nl"`` leaves the translations out, as it does for the RDF."""
    from herstelgraph.publish.export import export

    def docs(lang):
        ctdl = json.loads(export(shipped, "ctdlasn", "bk-0597-1", lang=lang).data)
        jskos = json.loads(export(shipped, "jskos", "bk-0597-1", lang=lang).data)
        return (
            {n["@id"]: n for n in ctdl["@graph"]},
            {n["uri"]: n for n in jskos["concepts"] + jskos["schemes"]},
        )

    iri = "https://w3id.org/herstelgraph/bk-0597-1/competentie-02"
    scheme = "https://w3id.org/herstelgraph/bk-0597-1/scheme"
    ctdl, jskos = docs(None)
    assert ctdl[iri]["ceasn:competencyText"] == {
        "nl": "Werkt interdisciplinair samen",
        "en": "Collaborates in an interdisciplinary way",
    }
    assert ctdl[iri]["ceasn:inLanguage"] == ["nl", "en"]
    assert set(ctdl[scheme]["ceasn:name"]) == {"nl", "en"}
    assert jskos[iri]["prefLabel"]["en"] == "Collaborates in an interdisciplinary way"
    ctdl, jskos = docs("nl")
    assert ctdl[iri]["ceasn:competencyText"] == {"nl": "Werkt interdisciplinair samen"}
    assert ctdl[iri]["ceasn:inLanguage"] == ["nl"]
    assert all("en" not in n.get("ceasn:competencyText", {}) for n in ctdl.values())
    assert all("en" not in n["prefLabel"] for n in jskos.values())
    assert all("en" not in n.get("definition", {}) for n in jskos.values())
    # ESCO's labels are English: kept with every language, left out with lang="nl"
    for lang, english in ((None, True), ("en", True), ("nl", False)):
        maps = json.loads(export(shipped, "jskos", "bk-0597-1", lang=lang).data)["mappings"]
        esco = [m for m in maps if m["toScheme"]["uri"].endswith("/external/esco")]
        labelled = [x for m in esco for x in m["to"]["memberSet"] + [m["toScheme"]]]
        assert esco and all(("prefLabel" in x) == english for x in labelled), lang
