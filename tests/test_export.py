"""Exports: every format round-trips, is byte-identical across runs and hash seeds, and is
written atomically. Runs on the publish fixture and, where framework data is shipped, on the
real graph too."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from herstelgraph.cli import main
from herstelgraph.errors import OutputError
from herstelgraph.publish.export import (
    FORMATS,
    MATCHES,
    RDF_FORMATS,
    export,
    mapping_records,
    write,
)
from herstelgraph.store import ASSERTED, INFERRED, load

from conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "publish"
CORE = ROOT / "ontology" / "herstelgraph.ttl"
FIXTURE_FILES = [CORE, FIXTURE / "frameworks.ttl", FIXTURE / "mappings.ttl"]


def shipped_files() -> list[Path]:
    from herstelgraph.resources import graph_files

    return graph_files()


def _has_frameworks(files) -> bool:
    return any(p.name not in ("herstelgraph.ttl", "mappings.ttl") for p in files)


GRAPHS = {"fixture": FIXTURE_FILES, "shipped": None}


@pytest.fixture(scope="module", params=list(GRAPHS))
def case(request):
    """(name, source files, store) for the fixture and for the shipped graph."""
    files = GRAPHS[request.param] or shipped_files()
    if request.param == "shipped" and not _has_frameworks(files):
        pytest.skip("no framework data shipped yet (ontology/ holds only the core ontology)")
    return request.param, files, load(files=files)


def source_graph(files):
    """The union of the source files, parsed by rdflib independently of the export code."""
    from rdflib import Graph

    g = Graph(bind_namespaces="none")
    for path in files:
        g.parse(path, format="turtle")
    return g


def lang_normalised(graph):
    """Language tags compared case-insensitively (BCP 47): fold them to lower case."""
    from rdflib import Graph, Literal

    out = Graph(bind_namespaces="none")
    for s, p, o in graph:
        if isinstance(o, Literal) and o.language:
            o = Literal(str(o), lang=o.language.lower())
        out.add((s, p, o))
    return out


def parse_export(data: bytes, fmt: str):
    from rdflib import Dataset, Graph

    if fmt == "trig":
        ds = Dataset()
        ds.parse(data=data.decode("utf-8"), format="trig")
        return ds
    g = Graph(bind_namespaces="none")
    rdflib_fmt = {"turtle": "turtle", "jsonld": "json-ld", "ntriples": "nt", "rdfxml": "xml"}
    g.parse(data=data.decode("utf-8"), format=rdflib_fmt[fmt])
    return g


def assert_isomorphic(a, b, what: str):
    from rdflib import BNode
    from rdflib.compare import graph_diff, isomorphic

    a, b = lang_normalised(a), lang_normalised(b)
    ground = not any(isinstance(x, BNode) for g in (a, b) for t in g for x in t)
    if (set(a) != set(b)) if ground else not isomorphic(a, b):  # no blank nodes: set equality
        _, only_a, only_b = graph_diff(a, b)
        pytest.fail(
            f"{what}: not isomorphic; only in export: {sorted(only_a)[:5]}; "
            f"only in source: {sorted(only_b)[:5]}"
        )


# ---------------------------------------------------------------------------- RDF
@pytest.mark.parametrize("fmt", [f for f in RDF_FORMATS if f != "trig"])
def test_rdf_export_round_trips_to_the_source_graph(case, fmt):
    _, files, store = case
    result = export(store, fmt)
    assert_isomorphic(parse_export(result.data, fmt), source_graph(files), fmt)
    assert result.items == len(lang_normalised(source_graph(files)))


@pytest.mark.parametrize("fmt", ["turtle"])
def test_to_rdflib_holds_what_the_turtle_export_writes(case, fmt):
    """An integrator's two ways to the graph agree: ``Store.to_rdflib()`` and the Turtle
    export hold the same triples (the external graph, ESCO, included in both)."""
    _, _, store = case
    assert_isomorphic(parse_export(export(store, fmt).data, fmt), store.to_rdflib(), "to_rdflib")


def test_trig_carries_asserted_and_inferred_named_graphs(case):
    from rdflib import URIRef

    _, files, store = case
    ds = parse_export(export(store, "trig").data, "trig")
    assert_isomorphic(ds.graph(URIRef(ASSERTED.value)), source_graph(files), "asserted graph")
    inferred = {(str(q.subject), str(q.predicate), str(q.object)) for q in store.triples(INFERRED)}
    got = ds.graph(URIRef(INFERRED.value))
    assert len(got) == len(inferred) > 0


def test_ntriples_are_sorted_and_unique(case):
    lines = export(case[2], "ntriples").data.decode("utf-8").splitlines()
    assert lines == sorted(set(lines))


def test_jsonld_uses_the_shipped_context_inline():
    ctx_file = json.loads((ROOT / "ontology" / "herstelgraph.context.jsonld").read_text("utf-8"))
    store = load(files=FIXTURE_FILES)
    doc = json.loads(export(store, "jsonld").data)
    assert doc["@context"] == ctx_file["@context"]  # inlined: a reader never fetches it
    node = next(n for n in doc["@graph"] if n["@id"] == "bk:competentie-01")
    assert node["prefLabel"] == {"nl": "Werkt aan “empowerment” & herstel van de cliënt"}
    assert node["inScheme"] == "bk:scheme"


def test_context_declares_every_project_prefix():
    from herstelgraph.vocab import PREFIXES

    ctx = json.loads((ROOT / "ontology" / "herstelgraph.context.jsonld").read_text("utf-8"))
    ctx = ctx["@context"]
    assert {p: ctx.get(p) for p in PREFIXES} == PREFIXES
    for term, definition in ctx.items():
        if isinstance(definition, dict):
            prefix = definition["@id"].split(":", 1)[0]
            assert prefix in PREFIXES, f"term {term} uses undeclared prefix {prefix}"


def test_scheme_export_is_one_framework(case):
    from rdflib import URIRef
    from rdflib.namespace import SKOS

    from herstelgraph.vocab import PREFIXES

    _, _, store = case
    full = lang_normalised(parse_export(export(store, "turtle").data, "turtle"))
    scheme = "bk-0597-1"
    part = lang_normalised(parse_export(export(store, "turtle", scheme).data, "turtle"))
    assert set(part) <= set(full), "a framework export holds triples the graph does not"
    bk = URIRef("https://w3id.org/herstelgraph/bk-0597-1/scheme")
    mine = set(full.subjects(SKOS.inScheme, bk))
    assert mine and mine <= set(part.subjects(SKOS.inScheme, bk))
    foreign = {s for s in part.subjects(SKOS.inScheme, None) if s not in mine}
    assert not foreign, f"concepts of other frameworks in the bk export: {sorted(foreign)[:3]}"
    match_preds = {SKOS[m] for m in MATCHES}
    match_preds |= {
        URIRef(PREFIXES["ceasn"] + s)
        for s in ("majorAlignment", "minorAlignment", "prerequisiteAlignment")
    }
    for s, p, _o in part:
        if (s, SKOS.inScheme, None) in full and s not in mine:
            assert p in match_preds, f"{s} {p}: other framework's triple in the bk export"


# ---------------------------------------------------------------------------- CSV
def test_csv_has_a_row_per_concept_with_mappings(case):
    from herstelgraph.questions.catalogue import concepts, frameworks

    _, _, store = case
    data = export(store, "csv").data
    assert data.startswith(b"\xef\xbb\xbf"), "Excel needs the BOM to read UTF-8"
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    expected = {c.id: c for f in frameworks(store) for c in concepts(store, f.id)}
    assert [r["id"] for r in rows] and {r["id"] for r in rows} == set(expected)
    assert len(rows) == len(expected)
    for r in rows:
        c = expected[r["id"]]
        assert (r["label"], r["notation"], r["broader"]) == (
            c.label,
            c.notation or "",
            c.broader or "",
        )
    by_id = {r["id"]: r for r in rows}
    for rec in mapping_records(store):
        if rec.is_no_match:
            continue
        # a prerequisite record: the subject "requires" the object, which is "required_by" it
        prerequisite = rec.predicate_id == "ceasn:prerequisiteAlignment"
        rel = "requires" if prerequisite else rec.predicate_id.removeprefix("skos:")
        cell = by_id[rec.subject_id][rel]
        assert f"{rec.object_id} — {rec.object_label}" in cell.split(" | ")
        if prerequisite:
            back = by_id[rec.object_id]["required_by"]
            assert f"{rec.subject_id} — {rec.subject_label}" in back.split(" | ")


def test_csv_for_one_scheme_only_lists_it():
    store = load(files=FIXTURE_FILES)
    rows = list(csv.DictReader(io.StringIO(export(store, "csv", "bk").data.decode("utf-8-sig"))))
    assert {r["framework"] for r in rows} == {"bk-0597-1"} and len(rows) == 3
    row = next(r for r in rows if r["id"] == "bk:kennis-01")
    assert row["no_match_in"] == "valente-2023"


# ---------------------------------------------------------------------------- SSSOM
def _record_set(records):
    return {
        (
            r.record_id,
            r.subject_id,
            r.predicate_id,
            r.object_id,
            r.mapping_justification,
            round(float(r.confidence), 6),
            r.author_id,
            str(r.subject_source),
            str(r.object_source),
            str(r.mapping_date)[:10],
            r.comment or "",
            r.other or "",
        )
        for r in records
    }


def test_sssom_export_round_trips_through_sssom_py(case, tmp_path):
    pytest.importorskip("sssom")
    from sssom.parsers import parse_sssom_table
    from sssom.validators import validate

    _, _, store = case
    path = tmp_path / "all.sssom.tsv"
    write(store, "sssom", path)
    msdf = parse_sssom_table(path)
    assert "# sssom_version: '1.1'\n" in path.read_text(encoding="utf-8")
    report = validate(msdf, fail_on_error=False)
    problems = [r for rep in report.values() for r in rep.results]
    assert not problems, problems[:5]

    class Row:
        def __init__(self, d):
            for k in ("subject_id", "predicate_id", "object_id", "mapping_justification"):
                setattr(self, k, d[k])
            self.record_id = d.get("record_id", "")
            self.confidence = d["confidence"]
            aid = d.get("author_id")
            self.author_id = aid[0] if isinstance(aid, list) else aid
            self.subject_source, self.object_source = d["subject_source"], d["object_source"]
            self.mapping_date, self.comment = d["mapping_date"], d.get("comment")
            self.other = d.get("other")

    parsed = [Row(d) for d in msdf.df.to_dict(orient="records")]
    graph = mapping_records(store)
    assert len(parsed) == len(graph)
    assert _record_set(parsed) == _record_set(graph), "records lost or added in the round trip"


def test_sssom_export_matches_the_curated_tsv_files():
    from herstelgraph.curation.sssom import all_records, mapping_files

    if not mapping_files():
        pytest.skip("no curated mapping files in mappings/ yet")
    store = load()
    assert _record_set(mapping_records(store)) == _record_set(all_records())
    # the rubric rule each record was curated under is part of its provenance, exported too
    rules = {(r.record_id, r.curation_rule, r.curation_rule_text) for r in all_records()}
    exported = {
        (r.record_id, r.curation_rule, r.curation_rule_text) for r in mapping_records(store)
    }
    assert exported == rules and all(rule for _, rule, _ in rules)


# ---------------------------------------------------------------------------- CASE
CF_FIELDS = {
    "CFDocument": {
        "identifier", "uri", "creator", "title", "lastChangeDateTime", "officialSourceURL",
        "publisher", "description", "subject", "subjectURI", "language", "version",
        "adoptionStatus", "statusStartDate", "statusEndDate", "licenseURI", "notes",
        "CFPackageURI",
    },
    "CFItem": {
        "identifier", "fullStatement", "alternativeLabel", "CFItemType", "uri",
        "humanCodingScheme", "listEnumeration", "abbreviatedStatement", "conceptKeywords",
        "conceptKeywordsURI", "notes", "language", "educationLevel", "CFItemTypeURI",
        "licenseURI", "statusStartDate", "statusEndDate", "lastChangeDateTime", "CFDocumentURI",
    },
    "CFAssociation": {
        "identifier", "associationType", "sequenceNumber", "uri", "originNodeURI",
        "destinationNodeURI", "CFAssociationGroupingURI", "lastChangeDateTime",
    },
}  # fmt: skip
CF_ASSOCIATION_TYPES = {
    "isChildOf", "isPeerOf", "isPartOf", "exactMatchOf", "precedes", "isRelatedTo",
    "replacedBy", "exemplar", "hasSkillLevel",
}  # fmt: skip


def test_case_package_is_case_1_0(case):
    from herstelgraph.questions.catalogue import concepts, frameworks

    _, _, store = case
    doc = json.loads(export(store, "case").data)
    packages = doc["CFPackages"]
    fws = frameworks(store)
    assert [p["CFDocument"]["uri"] for p in packages] == sorted(
        (f.iri for f in fws), key=lambda i: next(f.id for f in fws if f.iri == i)
    )
    for pkg, fw in zip(packages, sorted(fws, key=lambda f: f.id), strict=True):
        assert set(pkg) == {"CFDocument", "CFItems", "CFAssociations", "CFDefinitions"}
        assert set(pkg["CFDocument"]) <= CF_FIELDS["CFDocument"]
        for key in ("identifier", "uri", "creator", "title", "lastChangeDateTime"):
            assert pkg["CFDocument"][key]
        members = concepts(store, fw.id)
        assert len(pkg["CFItems"]) == len(members)
        for item in pkg["CFItems"]:
            assert set(item) <= CF_FIELDS["CFItem"]
            assert item["identifier"] == str(uuid.uuid5(uuid.NAMESPACE_URL, item["uri"]))
            assert item["fullStatement"]
        labels = {c.iri: c.label for c in members}
        assert {i["uri"]: i["fullStatement"] for i in pkg["CFItems"]} == labels
        children, ids = set(), set()
        for a in pkg["CFAssociations"]:
            assert set(a) <= CF_FIELDS["CFAssociation"]
            assert a["associationType"] in CF_ASSOCIATION_TYPES
            uuid.UUID(a["identifier"])
            assert a["identifier"] not in ids, "association identifiers unique in a package"
            ids.add(a["identifier"])
            if a["associationType"] == "isChildOf":
                children.add((a["originNodeURI"]["uri"], a["destinationNodeURI"]["uri"]))
        expected = {(c.iri, _iri(c.broader) if c.broader else fw.iri) for c in members}
        assert children == expected


def _iri(curie: str) -> str:
    from herstelgraph.ids import expand

    return expand(curie) or curie


def test_case_mapping_associations_keep_the_skos_relation():
    store = load(files=FIXTURE_FILES)
    pkg = json.loads(export(store, "case", "bk-0597-1").data)
    assert pkg["CFDocument"]["title"] == "Fixture basiswerk & “praktijk”"
    maps = [a for a in pkg["CFAssociations"] if a["associationType"] != "isChildOf"]
    groups = {g["identifier"]: g["title"] for g in pkg["CFDefinitions"]["CFAssociationGroupings"]}
    got = {
        (
            a["originNodeURI"]["uri"].rsplit("/", 1)[-1],
            groups[a["CFAssociationGroupingURI"]["identifier"]],
        )
        for a in maps
    }
    assert got == {
        ("competentie-01", "skos:closeMatch"),
        ("competentie-01-activiteit-01", "skos:narrowMatch"),
    }


# ---------------------------------------------------------------------------- determinism
PROBE = """
import hashlib, json, sys
from pathlib import Path
from herstelgraph.publish.export import FORMATS, export
from herstelgraph.store import load
files = json.loads(sys.argv[1])
store = load(files=[Path(f) for f in files] if files else None)
out = {}
for fmt in FORMATS:
    out[fmt] = hashlib.sha256(export(store, fmt).data).hexdigest()
    out[fmt + ":bk"] = hashlib.sha256(export(store, fmt, "bk-0597-1").data).hexdigest()
print(json.dumps(out, sort_keys=True))
"""


def test_exports_are_byte_identical_across_hash_seeds(case):
    _name, files, store = case
    # the same files in the probes as in ``case`` (the shipped graph's files, without the
    # external graph that a plain load() adds: tests/test_esco.py exports that one)
    arg = json.dumps([str(p) for p in files])
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.pop("SOURCE_DATE_EPOCH", None)
    # two fixed seeds in two processes at once, and this process's own (random) seed below:
    # three different set orders, for the price of one subprocess's wall time
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", PROBE, arg],
            env={**env, "PYTHONHASHSEED": seed},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for seed in ("0", "4242")
    ]
    runs = []
    for proc in procs:
        out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err[-2000:]
        runs.append(json.loads(out))
    assert runs[0] == runs[1]
    here = {fmt: hashlib.sha256(export(store, fmt).data).hexdigest() for fmt in FORMATS}
    assert here == {fmt: runs[0][fmt] for fmt in FORMATS}


# ---------------------------------------------------------------------------- atomic + CLI
def test_failed_export_leaves_the_target_untouched(tmp_path, monkeypatch):
    import herstelgraph.publish.export as ex

    store = load(files=FIXTURE_FILES)
    target = tmp_path / "out.jsonld"
    target.write_text("previous export\n", encoding="utf-8")

    def broken(*_a, **_k):
        raise RuntimeError("disk full halfway")

    monkeypatch.setattr(ex, "jsonld_text", broken)
    with pytest.raises(RuntimeError):
        write(store, "jsonld", target)
    assert target.read_text(encoding="utf-8") == "previous export\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonld"]


def test_failed_write_removes_the_partial_file(tmp_path, monkeypatch):
    import herstelgraph.io.atomic as atomic

    store = load(files=FIXTURE_FILES)
    target = tmp_path / "out.ttl"

    def replace_fails(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic.os, "replace", replace_fails)
    with pytest.raises(OutputError, match=r"out.ttl: cannot write \(No space left on device\)"):
        write(store, "turtle", target)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_cli_export_writes_every_format(fmt, tmp_path):
    target = tmp_path / f"out{FORMATS[fmt][0]}"
    assert main(["export", "--format", fmt, "-o", str(target)]) == 0
    assert target.stat().st_size > 0


def test_cli_export_bad_input_is_one_line_and_exit_2(tmp_path, capsys):
    target = tmp_path / "keep.ttl"
    target.write_text("keep\n", encoding="utf-8")
    assert main(["export", "--format", "turtle", "--framework", "nope", "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nope" in err and "Traceback" not in err
    assert target.read_text(encoding="utf-8") == "keep\n"
    missing = tmp_path / "no" / "such" / "out.ttl"
    assert main(["export", "--format", "turtle", "-o", str(missing)]) == 2
    assert "bestaat niet; maak die eerst aan" in capsys.readouterr().err
    assert main(["export", "--format", "yaml"]) == 2


def test_framework_is_the_parameter_and_scheme_its_deprecated_alias(tmp_path, capsys):
    """issue 13: ``framework`` everywhere; ``scheme=``/``--scheme`` still work, warned."""
    from herstelgraph.errors import ParameterError

    store = load(files=FIXTURE_FILES)
    one = export(store, "csv", framework="bk-0597-1")
    with pytest.warns(DeprecationWarning, match="framework"):
        old = export(store, "csv", scheme="bk-0597-1")
    assert old.data == one.data and one.data != export(store, "csv").data
    with pytest.raises(ParameterError), pytest.warns(DeprecationWarning):
        export(store, "csv", "bk-0597-1", scheme="valente-2023")

    new, legacy = tmp_path / "new.csv", tmp_path / "old.csv"
    assert main(["export", "--format", "csv", "--framework", "bk", "-o", str(new)]) == 0
    capsys.readouterr()
    assert main(["export", "--format", "csv", "--scheme", "bk", "-o", str(legacy)]) == 0
    assert "--scheme is verouderd; gebruik --framework" in capsys.readouterr().err
    assert legacy.read_bytes() == new.read_bytes()
    assert main(["export", "--help"]) == 0
    shown = capsys.readouterr().out
    assert "--framework" in shown and "--scheme" not in shown
    assert main(["concepts", "--help"]) == 0
    assert "FRAMEWORK" in capsys.readouterr().out
