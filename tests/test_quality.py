"""The quality checks: each check on a file made to break it, a clean file, the shipped
graph (0 errors), the CLI's formats and exit codes, speed on a big file, docs/quality.md."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import pytest

from herstelgraph.checks.quality import CHECKS, check, check_store, counts_markdown, load_files

from conftest import ROOT

BAD = """\
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <http://example.org/> .
ex:s a skos:ConceptScheme ; skos:prefLabel "S"@en ; skos:hasTopConcept ex:a .
ex:s2 a skos:ConceptScheme ; skos:prefLabel "S2"@en .
ex:a a skos:Concept ; skos:prefLabel "A"@en , "A2"@en ; skos:altLabel "A"@en ;
  skos:inScheme ex:s ; skos:topConceptOf ex:s ; skos:narrower ex:b ; skos:definition "x" ;
  skos:broader ex:e .
ex:e a skos:Concept ; skos:prefLabel "E"@en-Latn-US-x-ok ; skos:inScheme ex:s2 ;
  skos:scopeNote ""@en , " "@en ; skos:altLabel " "@en .
ex:b a skos:Concept ; skos:prefLabel "B"@en ; skos:inScheme ex:s ; skos:broader ex:a , ex:c ;
  skos:related ex:a ; skos:exactMatch ex:c ; skos:broadMatch ex:c .
ex:c a skos:Concept , skos:ConceptScheme ; skos:prefLabel "b"@en , "C"@nl ;
  skos:inScheme ex:s ; skos:broader ex:b , ex:a ; skos:notation "1" , "2" .
ex:d a skos:Concept ; skos:inScheme ex:s ; skos:notation "1" ; skos:broaderr ex:a .
ex:coll a skos:Collection , skos:Concept ; skos:prefLabel "coll"@en .
ex:f a skos:Concept ; skos:prefLabel "F"@en ; skos:inScheme ex:s ; skos:broader ex:g ;
  skos:example "f"@en .
ex:g a skos:Concept ; skos:prefLabel "G"@en ; skos:inScheme ex:s ; skos:broader ex:h ;
  skos:narrower ex:f ; skos:example "g"@en .
ex:h a skos:Concept ; skos:prefLabel "H"@en ; skos:inScheme ex:s ; skos:narrower ex:g ;
  skos:example "h"@en .
ex:f skos:broader ex:h .
ex:i skos:prefLabel "I\u0007"@nl ; skos:inScheme ex:s2 ; skos:related ex:i ;
  skos:definition "i"@xy ; skos:broaderTransitive ex:a .
ex:k skos:broader ex:h ; skos:related ex:g .
<urn:example:j> skos:note "n"@en ; ex:size "abc"^^xsd:integer .
ex:old a skos:Concept ; skos:prefLabel "Old"@en ; skos:inScheme ex:s ;
  <http://www.w3.org/2002/07/owl#deprecated> true ; <http://purl.org/dc/terms/isReplacedBy> ex:a .
ex:user <https://w3id.org/herstelgraph/def#concept> ex:old .
"""

GOOD = """\
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix ex: <http://example.org/> .
ex:s a skos:ConceptScheme ; skos:prefLabel "S"@en ; skos:hasTopConcept ex:a .
ex:a a skos:Concept ; skos:prefLabel "A"@en ; skos:inScheme ex:s ; skos:topConceptOf ex:s ;
  skos:narrower ex:b ; skos:definition "the top"@en ; skos:notation "1" .
ex:b a skos:Concept ; skos:prefLabel "B"@en ; skos:inScheme ex:s ; skos:broader ex:a ;
  skos:scopeNote "a leaf"@en ; skos:notation "1.1" ; skos:closeMatch ex:other .
"""


@pytest.fixture
def bad(tmp_path):
    path = tmp_path / "bad.ttl"
    path.write_text(BAD, encoding="utf-8")
    return path


def test_every_check_fires_on_a_file_made_to_break_it(bad):
    report = check([bad])
    missing = [cid for cid, _, _ in CHECKS if report.count(cid) == 0]
    assert missing == []
    assert report.errors == sum(report.count(c) for c, s, _ in CHECKS if s == "error")
    assert report.of("S14")[0].detail.startswith("2 prefLabels in en")
    assert "skos:broaderr" in {f.resource for f in report.of("invented-skos-term")}
    assert {f.resource for f in report.of("hierarchical-redundancy")} >= {"http://example.org/f"}
    # read leniently where RDF allows: an ill-typed literal is a finding, not a refusal
    assert [f.detail for f in report.of("ill-typed-literal")] == [
        'http://example.org/size "abc" is not a valid xsd:integer'
    ]
    assert [f.detail for f in report.of("unprintable-characters")] == [
        'skos:prefLabel "I\\x07"@nl: U+0007'
    ]
    assert report.of("invalid-language-tag")[0].detail.endswith(
        f"'xy' is no ISO 639-1 language ({bad}:25:23)"
    )
    assert [(f.resource, f.detail) for f in report.of("deprecated-in-use")] == [
        ("http://example.org/user", "hg:concept http://example.org/old, deprecated (replaced by "
         "http://example.org/a)")
    ]  # fmt: skip


def test_language_tag_grammar():
    """The BCP 47 test behind invalid-language-tag: well-formedness (for graphs built by API
    or by lenient parsers; Oxigraph refuses such tags on reading, see tests/faults/), and a
    primary subtag that names a language (Oxigraph reads "xy" and "blubb")."""
    from herstelgraph.checks.quality import _LANGTAG, language_problem

    for ok in ("nl", "nl-BE", "en-Latn-US", "zh-Hant-TW", "x-private", "de-1996", "gsw"):
        assert _LANGTAG.match(ok) and language_problem(ok) is None, ok
    for bad in ("", "n", "nl_BE", "toolongtag", "nl-", "en--us", "123"):
        assert not _LANGTAG.match(bad), bad
        assert language_problem(bad) == "not well-formed BCP 47"
    assert language_problem("xy-NL") == "'xy' is no ISO 639-1 language"
    assert language_problem("blubb") == "'blubb' is no registered language subtag"


def test_a_clean_file_has_no_findings(tmp_path):
    path = tmp_path / "good.ttl"
    path.write_text(GOOD, encoding="utf-8")
    report = check([path])
    # ex:other is a concept by closeMatch's range, of another vocabulary: not ours to label
    assert report.findings == () and report.concepts == 3 and report.schemes == 1


def test_shipped_graph_has_no_errors():
    report = check()
    errors = [f for f in report.findings if f.severity == "error"]
    assert errors == [], "\n".join(f"{f.check} {f.resource}: {f.detail}" for f in errors)


def test_cli_text_json_and_exit_codes(run_cli, bad, tmp_path):
    code, out, err = run_cli("check", str(bad), "--limit", "1")
    assert code == 1 and err == ""
    # Dutch by default: severities, titles, details and the summary lines
    assert re.search(r"^\s+fout\s+S14\s+1\s+meer dan één prefLabel in één taal$", out, re.M)
    assert out.startswith("Kwaliteitscontrole van ") and "fouten, " in out
    assert "nog 1 (--limit 0 of --format json voor alle)" in out
    assert "2 prefLabels in en: " in out and "geen broader-, narrower-" in out
    code, out, err = run_cli("--lang", "en", "check", str(bad), "--limit", "1")
    assert re.search(r"^\s+error\s+S14\s+1\s+more than one prefLabel in one language$", out, re.M)
    assert "1 more (--limit 0" in out and "no broader, narrower, related" in out
    assert "fout" not in out and "geen" not in out
    code, out, _ = run_cli("check", str(bad), "--format", "json")
    data = json.loads(out)
    assert code == 1 and data["errors"] > 0
    assert [c["check"] for c in data["checks"]] == [c for c, _, _ in CHECKS]
    code, out, _ = run_cli("check", str(bad), "--format", "csv")
    rows = out.removeprefix("\ufeff").splitlines()  # CSV for Excel: a BOM first
    assert code == 1 and rows[0] == "check,severity,resource,detail"
    assert len(rows) == 1 + sum(c["count"] for c in data["checks"])
    code, out, _ = run_cli("--lang", "en", "check", str(bad), "--format", "table")
    assert code == 1 and "Quality findings" in out and "S14" in out
    good = tmp_path / "good.ttl"
    good.write_text(GOOD, encoding="utf-8")
    assert run_cli("check", str(good))[0] == 0
    assert run_cli("--lang", "en", "check", str(good), "--format", "table")[1].endswith(
        "no results\n"
    )


def test_sssom_files_are_checked_with_the_graph(run_cli, tmp_path):
    tsv = tmp_path / "m.sssom.tsv"
    tsv.write_text(
        "# curie_map:\n#   ex: http://example.org/\n#   skos: http://www.w3.org/2004/02/skos/core#\n"
        "subject_id\tpredicate_id\tobject_id\nex:a\tskos:exactMatch\tex:b\n",
        encoding="utf-8",
    )
    ttl = tmp_path / "s.ttl"
    ttl.write_text(GOOD, encoding="utf-8")
    report = check([ttl, tsv])
    assert [f.detail for f in report.of("mapping-inside-scheme")] == [
        "skos:exactMatch http://example.org/b, both in http://example.org/s"
    ]


def test_a_big_file(tmp_path):
    """About 40,000 triples (10x the shipped graph): the checks find what they should. How
    fast is measured in make bench (benchmarks/run.py), not here: a timed test fails on a
    busy machine and proves nothing on a quiet one."""
    subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "generate.py"), "10", str(tmp_path)],
        check=True,
        capture_output=True,
    )
    path = next(tmp_path.glob("graph-*.nt"))
    report = check_store(load_files([path]), None)
    assert report.triples > 30000 and report.concepts > 2900
    # the generator's random cross-scheme broadMatch/narrowMatch/relatedMatch make cycles and
    # S27 clashes once broadMatch is read as a broader (SKOS S42): errors, found fast
    assert report.count("hierarchy-cycle") >= 1 and report.count("S27") > 100


def test_docs_quality_table_is_current():
    text = (ROOT / "docs" / "quality.md").read_text(encoding="utf-8")
    m = re.search(r"<!-- counts -->\n(.*?)<!-- /counts -->", text, re.DOTALL)
    assert m, "docs/quality.md lost its <!-- counts --> block"
    assert m.group(1) == counts_markdown(check()), (
        "regenerate the table: python tools/dev.py quality (and update the reasons)"
    )


XML_HEAD = '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
MALFORMED = {
    # name: (content, line:column, what the message says)
    "unclosed.rdf": (
        XML_HEAD + '>\n<rdf:Description rdf:about="http://a">\n</rdf:RDF>\n',
        "4:3",
        "expected `</rdf:Description>`",
    ),
    "lang.rdf": (
        XML_HEAD + ' xmlns:s="http://s/">\n<rdf:Description rdf:about="http://a">\n'
        '<s:p xml:lang="e_n">x</s:p></rdf:Description>\n</rdf:RDF>\n',
        "4:10",
        "language tag 'e_n'",
    ),
    "prefix.ttl": ('<http://a> <http://b> "x" .\n<http://a> ex:b "y" .\n', "2:12", "ex:"),
    "relative.nt": ("<http://a> <http://b> <c> .\n", "1:23", "absolute IRI"),
    "remote.jsonld": (
        '{"@context": "https://example.org/ctx.jsonld", "@id": "http://a"}',
        "1:15",
        "haalt nooit iets op",  # Dutch by default: "never fetches"
    ),
}


@pytest.mark.parametrize("name", sorted(MALFORMED))
def test_malformed_files_are_refused_with_file_and_line(run_cli, tmp_path, name):
    """RDF/XML, Turtle, N-Triples, JSON-LD: one line naming file, line, column and what is
    wrong; exit 2. (Oxigraph gives no line for RDF/XML: expat's, or the quoted text's.)"""
    content, where, what = MALFORMED[name]
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    code, out, err = run_cli("check", str(path))
    assert code == 2 and out == ""
    assert err.startswith(f"herstelgraph: fout: {path}:{where}: ") and what in err, err
    assert err.count("\n") == 1


TAG_BEYOND_BCP47 = {
    # a subtag of ten letters (BCP 47 allows eight), which the syntax allows: read, reported
    "tags.ttl": (
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        '<http://x/s> a skos:ConceptScheme ; skos:prefLabel "S"@en .\n'
        "<http://x/a> a skos:Concept ; skos:inScheme <http://x/s> ;\n"
        '  skos:prefLabel "a"@abcdefghij ; skos:altLabel "b"@en-abcdefghijk .\n',
        {"abcdefghij": "4:22", "en-abcdefghijk": "4:53"},
    ),
    "tags.nt": (
        '<http://x/a> <http://www.w3.org/2004/02/skos/core#prefLabel> "a"@abcdefghij .\n',
        {"abcdefghij": "1:66"},
    ),
    "tags.rdf": (
        XML_HEAD + ' xmlns:skos="http://www.w3.org/2004/02/skos/core#">\n'
        '<skos:Concept rdf:about="http://x/a">\n'
        '<skos:prefLabel xml:lang="abcdefghij">a</skos:prefLabel></skos:Concept>\n</rdf:RDF>\n',
        {"abcdefghij": "4:27"},
    ),
}


@pytest.mark.parametrize("name", sorted(TAG_BEYOND_BCP47))
def test_a_tag_beyond_bcp47_that_the_syntax_allows_is_a_finding(run_cli, tmp_path, name):
    """qSKOS reports such tags; check reads the file (exit 0: a warning) and names each tag's
    file:line:column, where the strict loader of --data still refuses the file."""
    content, places = TAG_BEYOND_BCP47[name]
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    report = check([path])
    details = " ".join(f.detail for f in report.of("invalid-language-tag"))
    for tag, where in places.items():
        assert f'"@{tag}: not well-formed BCP 47 ({path}:{where})' in details, details
    assert report.count("invalid-language-tag") == 1 and report.errors == 0
    code, out, err = run_cli("check", str(path))
    assert code == 0 and err == "" and f"({path}:" in out
    code, _, err = run_cli("--data", str(path), "frameworks")
    assert code == 2 and str(path) in err and "subtag" in err


def test_json_ld_drops_a_tag_beyond_bcp47_and_check_says_so(run_cli, tmp_path):
    """JSON-LD's algorithm leaves such a value out of the graph: no finding can name it, so
    a warning names its place."""
    path = tmp_path / "tags.jsonld"
    path.write_text(
        '{"@id": "http://x/a", "http://www.w3.org/2004/02/skos/core#prefLabel":\n'
        ' {"@value": "a", "@language": "abcdefghij"}}',
        encoding="utf-8",
    )
    code, _out, err = run_cli("check", str(path))
    assert code == 0
    assert err == (
        f"herstelgraph: waarschuwing: {path}:2:32: language tag 'abcdefghij' is not well-formed "
        "BCP 47, so JSON-LD leaves its value out of the graph (1)\n"
    )


def test_a_tag_beyond_bcp47_does_not_let_a_bad_iri_through(run_cli, tmp_path):
    """The tag is read leniently, IRIs are not: a space in an IRI still refuses the file."""
    path = tmp_path / "both.nt"
    path.write_text(
        '<http://x/a> <http://x/p> "a"@abcdefghij .\n<http://x/a> <http://x/p> <http://x/b c> .\n',
        encoding="utf-8",
    )
    code, out, err = run_cli("check", str(path))
    assert code == 2 and out == "" and err.count("\n") == 1
    assert err.startswith(f"herstelgraph: fout: {path}:1:") and "subtag" in err


def test_other_vocabularies_are_read_as_leniently_as_rdf_allows(tmp_path):
    """What the RDF specs allow is read, not refused: relative IRIs (against the file), an
    ill-typed literal (a warning), a language tag in capitals, an inline JSON-LD context."""
    jsonld = tmp_path / "v.jsonld"
    jsonld.write_text(
        '{"@context": {"skos": "http://www.w3.org/2004/02/skos/core#"}, "@id": "http://x/a",'
        ' "@type": "skos:Concept", "skos:prefLabel": {"@value": "A", "@language": "EN"},'
        ' "http://x/n": {"@value": "x1", "@type": "http://www.w3.org/2001/XMLSchema#integer"}}',
        encoding="utf-8",
    )
    report = check([jsonld])
    assert report.concepts == 1 and report.errors == 0
    assert [f.detail for f in report.of("ill-typed-literal")] == [
        'http://x/n "x1" is not a valid xsd:integer'
    ]
    assert report.of("omitted-language-tag") == report.of("invalid-language-tag") == []
    xml = tmp_path / "v.rdf"
    xml.write_text(
        XML_HEAD + ' xmlns:skos="http://www.w3.org/2004/02/skos/core#">\n'
        '<skos:Concept rdf:about="a"><skos:prefLabel xml:lang="nl">a</skos:prefLabel>'
        '<skos:broader rdf:resource="b"/></skos:Concept>\n</rdf:RDF>\n',
        encoding="utf-8",
    )
    report = check([xml])
    assert report.concepts == 2  # a, and b by broader's range
    assert {f.resource for f in report.of("non-http-iri")} == {(tmp_path / "a").as_uri()}


def test_check_takes_the_language_enum_and_its_value(bad):
    from herstelgraph import Language
    from herstelgraph.errors import InputError

    dutch, english = check([bad], lang=Language.NL), check([bad], lang=Language.EN)
    assert dutch == check([bad], lang="nl") and english == check([bad], lang="en")
    assert [c.title for c in dutch.checks] != [c.title for c in english.checks]
    with pytest.raises(InputError, match="unknown language"):
        check([bad], lang="de")
