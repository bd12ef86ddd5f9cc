"""The mapping checks of mappings/RUBRIC.md §7 (curation/consistency.py): each check on a
small graph with SSSOM rows that break exactly it, and rows that pass (tests/fixtures/
consistency/manifest.yaml); the shipped mappings; and the checks in ``herstelgraph check``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

import herstelgraph
from herstelgraph.curation import consistency
from herstelgraph.curation.sssom import CURATION, NO_TERM, PREREQUISITE, SCHEME_OF, MappingRecord

from conftest import ROOT

FIX = ROOT / "tests" / "fixtures" / "consistency"
CASES = yaml.safe_load((FIX / "manifest.yaml").read_text(encoding="utf-8"))
PREFIXES = "".join(
    line + "\n" for line in (FIX / "graph.ttl").read_text(encoding="utf-8").splitlines()
    if line.startswith("@prefix")
)  # fmt: skip
DEFAULT_RULE = {
    "skos:exactMatch": "hgrule:R-EXACT-1",
    "skos:closeMatch": "hgrule:R-CLOSE-1",
    "skos:broadMatch": "hgrule:R-HIER-1",
    "skos:narrowMatch": "hgrule:R-HIER-1",
    "skos:relatedMatch": "hgrule:R-REL-3",
    PREREQUISITE: "hgrule:R-PRE-1",
}
DEFAULT_OTHER = {
    "skos:closeMatch": "ceasn:majorAlignment",
    "skos:relatedMatch": "ceasn:minorAlignment",
}


def _graph(tmp_path: Path, extra: str | None):
    files = [FIX / "graph.ttl"]
    if extra:
        path = tmp_path / "extra.ttl"
        path.write_text(PREFIXES + extra, encoding="utf-8")
        files.append(path)
    return herstelgraph.load(files=files, closure=False)


def _record(row: dict, pair: str, g, legacy: bool) -> MappingRecord:
    s, p, o = row["s"], row["p"], row["o"]
    a, b = pair.split("__")
    no_match = o == NO_TERM
    o_src = ({SCHEME_OF[a], SCHEME_OF[b]} - {g.scheme[s]}).pop() if no_match else g.scheme[o]
    rule = row.get("rule", "hgrule:R-NONE-1" if no_match else DEFAULT_RULE[p])
    other = row.get("other", "" if no_match else DEFAULT_OTHER.get(p, ""))
    comment = row.get("comment")
    if comment is None:
        comment = f"“{g.labels.get(s, s)}” and “{g.labels.get(o, o)}” share an anchor."
    return MappingRecord(
        record_id="",
        subject_id=s,
        subject_label=g.labels.get(s, ""),
        predicate_id=p,
        object_id=o,
        object_label=g.labels.get(o, ""),
        mapping_justification=CURATION,
        author_id="hgagent:curation-team",
        author_label="test",
        subject_source=g.scheme[s],
        object_source=o_src,
        mapping_date="2000-01-01",
        confidence=float(row.get("conf", 0.9)),
        other=other,
        comment=comment,
        curation_rule="" if legacy else rule,
    )


def _records(case: dict, g) -> list[tuple[str, list[MappingRecord]]]:
    legacy = case.get("legacy", False)
    files = []
    n = 0
    for pair, rows in (case.get("rows") or {}).items():
        recs = [_record(row, pair, g, legacy) for row in rows]
        if case.get("complete", True):
            schemes = {SCHEME_OF[f]: f for f in pair.split("__")}
            linked = {
                (x, g.scheme.get(y))
                for r in recs
                if not r.is_no_match and r.predicate_id != PREREQUISITE
                for x, y in ((r.subject_id, r.object_id), (r.object_id, r.subject_id))
            }
            reviewed = {(r.subject_id, r.object_source) for r in recs if r.is_no_match}
            for item in sorted(i for i in g.scheme if g.requirement(i)):
                if g.scheme[item] not in schemes:
                    continue
                other = ({*schemes} - {g.scheme[item]}).pop()
                if (item, other) in linked or (item, other) in reviewed:
                    continue
                n += 1
                comment = f"Looked in {schemes[other]} for item number {n}: none."
                row = {"s": item, "p": "skos:relatedMatch", "o": NO_TERM, "comment": comment}
                recs.append(_record(row, pair, g, legacy))
        files.append((f"{pair}.sssom.tsv", recs))
    return files


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_each_check_on_its_own_case(case, tmp_path):
    store = _graph(tmp_path, case.get("graph"))
    g = consistency.graph_index(store)
    problems = consistency.run(consistency.curated(_records(case, g), g), g)
    found = {f"{p.check} {p.severity}" for p in problems}
    assert found == set(case["expect"]), "\n".join(p.line() for p in problems)


def test_every_check_has_a_failing_case():
    failing = {e.split()[0] for case in CASES for e in case["expect"]}
    assert failing == {c for c, _, _ in consistency.CHECKS}


def test_a_failure_names_its_records_and_items(tmp_path):
    case = next(c for c in CASES if c["name"].startswith("C-ANC-1 an item"))
    g = consistency.graph_index(_graph(tmp_path, None))
    records = consistency.curated(_records(case, g), g)
    (problem,) = consistency.run(records, g)
    ids = {c.rec.subject_id: c.rid for c in records if c.rec.object_id == "rv:fx-1"}
    assert set(problem.records) == {ids["bk:fx-1"], ids["bk:fx-1a"]}
    assert problem.items == ("bk:fx-1a", "bk:fx-1", "rv:fx-1")
    assert problem.files == ("bk-0597-1__randvoorwaarden.sssom.tsv",)
    assert "[C-ANC-1 bk:fx-1: reason]" in problem.detail


def test_exception_tags_are_read_as_the_rubric_writes_them():
    tags = consistency.exceptions(
        "Link. [C-ANC-1 bk:competentie-05: the activity is linked because …] and "
        "[C-TRI-2 valente:kennis-irb: other reason]"
    )
    assert tags == {("C-ANC-1", "bk:competentie-05"), ("C-TRI-2", "valente:kennis-irb")}
    assert consistency.exceptions("[C-ANC-1 bk:competentie-05]") == set()


def test_rule_ids_are_the_rubric_index():
    text = (ROOT / "mappings" / "RUBRIC.md").read_text(encoding="utf-8")
    anchors = set(re.findall(r'<a id="((?:R|G)-[A-Z0-9-]+)"></a>', text))
    anchors |= {f"G-{n}" for n in range(1, 7)} | {"R-HIER-1"}
    assert consistency.RULES <= anchors | {"R-NONE-2"}
    checks = set(re.findall(r'<a id="(C-[A-Z]+-\d+)"></a>', text))
    assert checks == {c for c, _, _ in consistency.CHECKS}


def test_shipped_mappings_have_no_errors(store):
    """0 errors on the shipped mappings, and every file is curated under the rubric (a file
    without curation_rule would be held to the structural checks only, so none may hide)."""
    problems = consistency.check_shipped(store)
    errors = consistency.errors(problems)
    assert errors == [], "\n".join(p.line() for p in errors)
    waiting = {p.name for p in (ROOT / "mappings").glob("*.sssom.tsv")} - {
        name for name, recs in consistency.shipped_files() if any(r.curation_rule for r in recs)
    }
    assert waiting == set(), waiting


def test_check_reports_the_mapping_checks(run_cli):
    code, out, _ = run_cli("check", "--format", "json")
    data = json.loads(out)
    ids = [c["check"] for c in data["checks"]]
    assert code == 0 and "C-TRI-1" in ids and "C-COV-1" in ids
    assert not [f for f in data["findings"] if f["severity"] == "error"]


def test_a_record_without_confidence_is_read_as_none_and_fails_the_rubric(run_cli, tmp_path):
    """SSSOM lets the confidence cell be empty; herstelgraph reads it as no confidence (not
    an invented 1.0) and the rubric's check says the record needs one (R-CONF-1)."""
    from herstelgraph.curation.sssom import read_tsv, write_tsv

    src = ROOT / "mappings" / "bijlage-ii__randvoorwaarden.sssom.tsv"
    mine = tmp_path / "bijlage-ii__randvoorwaarden.sssom.tsv"
    lines = src.read_text(encoding="utf-8").splitlines()
    head = [ln for ln in lines if ln.startswith(("#", "record_id"))]
    cols = head[-1].split("\t")
    row = next(ln for ln in lines if "\tskos:relatedMatch\trv:" in ln).split("\t")
    row[cols.index("confidence")] = ""
    mine.write_text("\n".join([*head, "\t".join(row)]) + "\n", encoding="utf-8")
    (record,) = read_tsv(mine).records
    assert record.confidence is None
    assert "\t\t" in write_tsv(read_tsv(mine))  # written back as an empty cell
    code, out, _ = run_cli("check", str(mine), "--format", "json")
    conf = [f for f in json.loads(out)["findings"] if f["check"] == "C-CONF-1"]
    assert code == 1 and conf and "zonder zekerheid; R-CONF-1" in conf[0]["detail"]


def test_check_on_a_users_sssom_file_runs_the_mapping_checks(run_cli, tmp_path):
    """A pair file a curator edits is checked with the shipped mappings of the other pairs;
    only failures that name its own records are reported."""
    src = ROOT / "mappings" / "bijlage-ii__randvoorwaarden.sssom.tsv"
    mine = tmp_path / "bijlage-ii__randvoorwaarden.sssom.tsv"
    text = src.read_text(encoding="utf-8")
    lines = text.splitlines()
    head = [ln for ln in lines if ln.startswith(("#", "record_id"))]
    cols = head[-1].split("\t")
    row = next(ln for ln in lines if "\tskos:relatedMatch\trv:" in ln).split("\t")
    row[cols.index("comment")] = "No quotes here."
    row[cols.index("confidence")] = "0.5"
    mine.write_text("\n".join([*head, "\t".join(row)]) + "\n", encoding="utf-8")
    code, out, _ = run_cli("check", str(mine), "--format", "json")
    data = json.loads(out)
    found = {(f["check"], f["severity"]) for f in data["findings"] if f["check"].startswith("C-")}
    assert code == 1
    assert ("C-CONF-1", "error") in found and ("C-COM-1", "warning") in found
    assert ("C-COV-1", "error") in found  # one record left of the pair: the rest unreviewed
    assert all(str(mine) in f["detail"] for f in data["findings"] if f["check"].startswith("C-"))
