"""The curated mappings: canonical SSSOM TSV, generated RDF in step, complete review,
consistent with SKOS and the hierarchies, and readable by sssom-py."""

from __future__ import annotations

import pytest

from herstelgraph.curation.sssom import (
    CURATION,
    FRAMEWORKS,
    NO_TERM,
    build,
    mapping_files,
    read_tsv,
    review_status,
)
from herstelgraph.errors import InputError
from herstelgraph.ids import expand

from conftest import ROOT

PAIRS = [f"{a}__{b}" for i, a in enumerate(FRAMEWORKS) for b in FRAMEWORKS[i + 1 :]]


def test_one_file_per_framework_pair():
    names = sorted(p.name.removesuffix(".sssom.tsv") for p in mapping_files(ROOT / "mappings"))
    assert names == sorted(PAIRS)


def test_files_are_canonical_and_rdf_is_in_step():
    """Rebuilding from the TSVs changes no byte of them nor of mappings.ttl."""
    outputs = build(ROOT / "mappings", today="2000-01-01")
    assert ROOT / "mappings" / "mappings.ttl" in outputs
    for path, text in outputs.items():
        assert path.read_text(encoding="utf-8") == text, (
            f"{path.name} out of date: run make mappings"
        )
        raw = path.read_bytes()
        assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw


def test_every_record_carries_its_provenance():
    for path in mapping_files(ROOT / "mappings"):
        for rec in read_tsv(path).records:
            assert rec.mapping_justification == CURATION
            assert 0 <= rec.confidence <= 1
            assert rec.author_id and rec.author_label and rec.mapping_date
            assert rec.comment.strip(), f"{path.name}: {rec.subject_id} has no comment"
            assert rec.subject_source != rec.object_source


def test_every_item_is_reviewed_against_every_other_framework(store):
    status = review_status(store)
    for (a, b), st in status.items():
        assert not st["not_reviewed"], f"{a} → {b}: not reviewed: {sorted(st['not_reviewed'])}"
        assert st["mapped"], f"{a} → {b}: nothing mapped"


def test_review_asks_nothing_of_restated_example_or_inferred_items(store):
    """RUBRIC C-COV-1: a restating item is aligned through the item it restates, and
    example-only and inferred items are no requirements, so none of them needs a record."""
    status = review_status(store)
    counted = set().union(*(s for st in status.values() for s in st.values()))
    assert "bk:competentie-01" in counted and "valente:kennis-basismethodieken" in counted
    for item in (
        "bk:verantwoordelijkheid-01",  # hg:restates bk:competentie-01
        "valente:kennis-irb",  # hg:isExample
        "valente:kennis-schadebeperking",  # under an example specialism
        "valente:kennis-toezichthoudende-partners",  # hg:isInferred
    ):
        assert item not in counted, item


def test_rdf_triples_match_tsv_records(store):
    """Each mapping row is one skos triple in the asserted graph, each row one record."""
    records = [r for p in mapping_files(ROOT / "mappings") for r in read_tsv(p).records]
    n_records = store.select("SELECT (COUNT(*) AS ?n) WHERE { ?r a sssom:Mapping }")[0]["n"]
    assert int(n_records.value) == len(records)
    for rec in records:
        if rec.object_id == NO_TERM:
            continue
        s, p, o = (expand(x) for x in (rec.subject_id, rec.predicate_id, rec.object_id))
        assert store.ask(f"ASK {{ <{s}> <{p}> <{o}> }}")


def test_sssom_py_parses_and_validates_each_file():
    from sssom.parsers import parse_sssom_table
    from sssom.validators import validate

    external = sorted((ROOT / "mappings" / "external").glob("*.tsv"))
    files = mapping_files(ROOT / "mappings") + external
    for path in files:
        msdf = parse_sssom_table(path)
        assert len(msdf.df) == len(read_tsv(path).records)
        validate(msdf, fail_on_error=True)
        # record_id is SSSOM 1.1: the file says so, as a reader takes an undeclared one as 1.0
        assert read_tsv(path).metadata["sssom_version"] == "1.1"
        assert msdf.get_compatible_version() == "1.1"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"\xef\xbb\xbf# curie_map: {}\nsubject_id\tpredicate_id\tobject_id\n", "byte-order mark"),
        (b"# curie_map: {}\r\nsubject_id\tpredicate_id\tobject_id\r\n", ":1: CRLF"),
        (
            b"# curie_map:\n#   skos: http://www.w3.org/2004/02/skos/core#\n"
            b"subject_id\tpredicate_id\tobject_id\n"
            b"http://x.org/a\tskos:exactMatch\tskos:b\n",
            ":4: subject_id is a full IRI",
        ),
        (
            b"# curie_map:\n#   skos: http://www.w3.org/2004/02/skos/core#\n"
            b"subject_id\tpredicate_id\tobject_id\nbk:a\tskos:exactMatch\tskos:b\n",
            ":4: prefix 'bk' of subject_id is not declared",
        ),
        (
            b"# curie_map: {}\nsubject_id\tpredicate_id\tobject_id\tcomment\na\tb\tc\td\te\n",
            ":3: 5 fields where the header has 4",
        ),
    ],
)
def test_reader_refuses_bad_tsv_with_file_and_line(tmp_path, content, message):
    path = tmp_path / "bad.sssom.tsv"
    path.write_bytes(content)
    with pytest.raises(InputError) as err:
        read_tsv(path)
    assert str(path) in str(err.value) and message in str(err.value)


def test_readme_mapping_report_is_computed_from_the_data(store):
    from herstelgraph.curation.sssom import report_markdown

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("<!-- mapping report -->\n", 1)[1].split("<!-- /mapping report -->")[0]
    assert block == report_markdown(store), "run: python tools/dev.py mappings report"


# ------------------------------------------------------------- rubric columns (RUBRIC.md)
_LABELS = {"bk:a": "A", "bk:b": "B", "rv:x": "X", "rv:y": "Y"}
_SCHEMES = {"bk:a": "bk:scheme", "bk:b": "bk:scheme", "rv:x": "rv:scheme", "rv:y": "rv:scheme"}
_HEAD = (
    "# curie_map:\n#   bk: https://w3id.org/herstelgraph/bk-0597-1/\n"
    "#   rv: https://w3id.org/herstelgraph/randvoorwaarden/\n"
    "#   hgm: https://w3id.org/herstelgraph/mapping/\n"
    "#   hgrule: https://w3id.org/herstelgraph/rubric#\n"
    "#   ceasn: https://purl.org/ctdlasn/terms/\n"
    "#   skos: http://www.w3.org/2004/02/skos/core#\n#   sssom: https://w3id.org/sssom/\n"
)


def _canon(tmp_path, body: str):
    from herstelgraph.curation.sssom import canonical

    path = tmp_path / "bk-0597-1__randvoorwaarden.sssom.tsv"
    path.write_text(_HEAD + body, encoding="utf-8")
    return canonical(read_tsv(path), _LABELS, _SCHEMES, "2000-01-01")


def test_curation_rule_passes_through_to_tsv_and_rdf(tmp_path):
    from herstelgraph.curation.sssom import to_graph, write_tsv

    mf = _canon(
        tmp_path,
        "subject_id\tpredicate_id\tobject_id\tconfidence\tcuration_rule\tcuration_rule_text\t"
        "comment\nbk:a\tskos:relatedMatch\trv:x\t0.8\thgrule:R-REL-1\tsame action\twhy\n",
    )
    text = write_tsv(mf)
    header = next(ln for ln in text.split("\n") if ln.startswith("record_id"))
    assert header.split("\t").index("curation_rule") == header.split("\t").index("confidence") + 1
    assert "\thgrule:R-REL-1\tsame action\t" in text
    ttl = to_graph(mf.records).serialize(format="nt")
    rule = "<https://w3id.org/herstelgraph/rubric#R-REL-1>"
    assert f"<https://w3id.org/sssom/curation_rule> {rule}" in ttl
    assert '<https://w3id.org/sssom/curation_rule_text> "same action"' in ttl


def test_unused_rubric_columns_are_not_written(tmp_path):
    from herstelgraph.curation.sssom import write_tsv

    body = "subject_id\tpredicate_id\tobject_id\tcomment\nbk:a\tskos:relatedMatch\trv:x\twhy\n"
    mf = _canon(tmp_path, body)
    assert "curation_rule" not in write_tsv(mf)


def test_a_retyped_record_keeps_its_id_and_a_new_pair_gets_a_new_one(tmp_path):
    from herstelgraph.curation.sssom import record_id

    old = record_id("bk:a", "skos:relatedMatch", "rv:x", "rv:scheme")
    mf = _canon(
        tmp_path,
        "record_id\tsubject_id\tpredicate_id\tobject_id\tcomment\n"
        f"{old}\tbk:a\tskos:narrowMatch\trv:x\tretyped\n{old}\tbk:b\tskos:relatedMatch\trv:y\tmoved\n",
    )
    ids = {r.subject_id: r.record_id for r in mf.records}
    assert ids["bk:a"] == old
    assert ids["bk:b"] == record_id("bk:b", "skos:relatedMatch", "rv:y", "rv:scheme") != old


def test_a_match_retyped_as_a_prerequisite_keeps_its_id(tmp_path):
    """R-PRE-1 reads a prerequisite from the dependent item, which may be in the pair's second
    framework: the record turns round and still keeps the ID of the match it replaces."""
    from herstelgraph.curation.sssom import record_id

    old = record_id("bk:a", "skos:relatedMatch", "rv:x", "rv:scheme")
    mf = _canon(
        tmp_path,
        "record_id\tsubject_id\tpredicate_id\tobject_id\tcomment\n"
        f"{old}\trv:x\tceasn:prerequisiteAlignment\tbk:a\tretyped\n",
    )
    (rec,) = mf.records
    assert (rec.subject_id, rec.record_id) == ("rv:x", old)


def test_no_match_predicate_is_kept_or_refused(tmp_path):
    body = "subject_id\tpredicate_id\tobject_id\tobject_source\tcomment\n"
    mf = _canon(tmp_path, body + "bk:a\tskos:closeMatch\tsssom:NoTermFound\trv:scheme\twhy\n")
    assert mf.records[0].predicate_id == "skos:closeMatch"
    with pytest.raises(InputError, match="no-match row's predicate"):
        _canon(tmp_path, body + "bk:a\tskos:exactMatch\tsssom:NoTermFound\trv:scheme\twhy\n")


def test_one_record_per_pair_of_items(tmp_path):
    with pytest.raises(InputError, match="one record per pair"):
        _canon(
            tmp_path,
            "subject_id\tpredicate_id\tobject_id\tcomment\n"
            "bk:a\tskos:relatedMatch\trv:x\tone\nrv:x\tskos:broadMatch\tbk:a\ttwo\n",
        )


def test_prerequisite_rows_keep_their_direction_and_are_no_skos_match(tmp_path):
    """A competence (in either framework) presupposes a knowledge item: the row is kept as
    written (CTDL-ASN has no inverse), and its RDF holds no skos:*Match triple."""
    from herstelgraph.curation.sssom import to_graph

    mf = _canon(
        tmp_path,
        "subject_id\tpredicate_id\tobject_id\tconfidence\n"
        "rv:x\tceasn:prerequisiteAlignment\tbk:a\t0.8\n",
    )
    (rec,) = mf.records
    assert (rec.subject_id, rec.predicate_id, rec.object_id) == (
        "rv:x", "ceasn:prerequisiteAlignment", "bk:a"
    )  # fmt: skip
    skos = "http://www.w3.org/2004/02/skos/core#"
    preds = {str(p) for p in to_graph(mf.records).predicates()}
    assert not {p for p in preds if p.startswith(skos) and p.endswith("Match")}
    assert "https://purl.org/ctdlasn/terms/prerequisiteAlignment" in preds


# ------------------------------------------------- how items are counted (docs/modelling.md)
def test_one_definition_of_an_item_that_counts(store):
    """gaps, coverage and the review status count the closure's hg:RequirementItem: no
    sections, restatements, example-only or inferred items (RUBRIC C-COV-1)."""
    from herstelgraph.questions.alignment import coverage, gaps
    from herstelgraph.store.closure import requirement_items

    required = {x.value for x in requirement_items(store)}
    rows = store.select("SELECT ?c WHERE { ?c a hg:RequirementItem }", entailment=True)
    assert {r["c"].value for r in rows} == required
    bk = "https://w3id.org/herstelgraph/bk-0597-1/"
    assert bk + "competentie-01" in required
    for local in ("verantwoordelijkheid-01", "competentie-01-activiteit-01"):
        assert (bk + local in required) == (local != "verantwoordelijkheid-01")
    status = review_status(store)
    rows = store.select("SELECT ?c ?s WHERE { ?c a hg:RequirementItem ; skos:inScheme ?s }",
                        entailment=True)  # fmt: skip
    per_scheme: dict[str, int] = {}
    for r in rows:
        per_scheme[r["s"].value] = per_scheme.get(r["s"].value, 0) + 1
    for a in FRAMEWORKS:
        n_req = per_scheme[expand(_scheme(a))]
        for row in coverage(store, a):
            if row.scope == "framework":
                assert row.items == n_req, (a, row.b)
                st = status[(a, row.b)]
                assert row.mapped + row.via_example == len(st["mapped"])
                assert row.no_match == len(st["no_match"])
    counted = {g.item for b in FRAMEWORKS if b != "bk-0597-1"
               for g in gaps(store, "bk-0597-1", b)}  # fmt: skip
    assert "bk:verantwoordelijkheid-01" not in counted


def _scheme(fw: str) -> str:
    from herstelgraph.curation.sssom import SCHEME_OF

    return SCHEME_OF[fw]


def test_links_reaching_only_examples_are_counted_apart(store):
    """R-EX-1: an item whose links into B reach only example-only or inferred items is
    'via-example' in gaps and in coverage's own column, not mapped; its links stay visible."""
    from herstelgraph.questions.alignment import coverage, crosswalk, gaps

    via = gaps(store, "bk-0597-1", "valente-2023", status="via-example")
    assert via, "no item of BK is linked only to an example-only or inferred Valente item"
    row = next(r for r in coverage(store, "bk-0597-1", "valente-2023") if r.scope == "framework")
    assert row.via_example == len(via)
    assert row.not_reviewed == row.items - row.mapped - row.via_example - row.no_match == 0
    shown = {c.a_item for c in crosswalk(store, "bk-0597-1", "valente-2023")}
    assert {g.item for g in via} <= shown


def test_prerequisites_are_shown_with_their_relation_and_never_counted(store):
    from herstelgraph.questions.alignment import crosswalk, explain, gaps, mappings_of

    pre = [r for r in crosswalk(store, "bijlage-ii", "valente-2023") if "rerequisite" in r.relation]
    assert pre
    back = {
        (r.a_item, r.relation, r.b_item) for r in crosswalk(store, "valente-2023", "bijlage-ii")
    }
    for r in pre:
        assert r.relation == "ceasn:prerequisiteAlignment" and r.direction == "asserted"
        assert (r.b_item, "prerequisiteOf", r.a_item) in back
    first = pre[0]
    seen = {(m.relation, m.other) for m in mappings_of(store, first.b_item)}
    assert ("prerequisiteOf", first.a_item) in seen
    paths = explain(store, first.a_item, first.b_item).paths
    assert any(p.kind == "prerequisite" and p.relation == first.relation for p in paths)
    # the knowledge item's prerequisite link is no coverage: it stays a gap (R-NONE-2)
    only_pre = {
        r.b_item for r in pre
        if not any(m.other_framework == "bijlage-ii" and m.relation.startswith("skos:")
                   for m in mappings_of(store, r.b_item))
    }  # fmt: skip
    from herstelgraph.ids import compact
    from herstelgraph.store.closure import requirement_items

    only_pre &= {compact(x.value) for x in requirement_items(store)}
    gap_items = {g.item for g in gaps(store, "valente-2023", "bijlage-ii")}
    assert only_pre and only_pre <= gap_items
