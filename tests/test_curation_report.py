"""The curation report (issue 15.5): figures that add up, the README block in step, and the
changes since a release read from an older folder (no git needed) or a git ref."""

from __future__ import annotations

import json
import shutil

import pytest

from herstelgraph.curation.report import PRE_RUBRIC, at_ref, build_report, markdown, readme_markdown
from herstelgraph.curation.sssom import mapping_files, read_tsv

from conftest import ROOT


def test_relations_per_pair_add_up_to_the_records():
    rep = build_report(ROOT / "mappings")
    for path in mapping_files(ROOT / "mappings"):
        pair = path.name.removesuffix(".sssom.tsv").replace("__", " ↔ ")
        counted = sum(f.count for f in rep.figures if f.section == "relations" and f.pair == pair)
        assert counted == len(read_tsv(path).records), pair
    links = sum(
        1
        for p in mapping_files(ROOT / "mappings")
        for r in read_tsv(p).records
        if not r.is_no_match
    )
    rules = [f for f in rep.figures if f.section == "rules" and f.pair == "all pairs"]
    assert sum(f.count for f in rules) == links
    assert abs(sum(f.value for f in rules) - 1) < 0.01


def _pre_rubric_reachable() -> None:
    """The README block needs the git history back to the pre-rubric commit; a tarball or a
    shallow clone lacks it."""
    from herstelgraph.errors import InputError

    try:
        at_ref(ROOT / "mappings", PRE_RUBRIC)
    except InputError as exc:
        pytest.skip(f"the pre-rubric commit is not in this checkout: {exc}")


def test_readme_curation_report_is_computed_from_the_data():
    _pre_rubric_reachable()
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("<!-- curation report -->\n", 1)[1].split("<!-- /curation report -->")[0]
    assert block == readme_markdown(ROOT / "mappings"), "run: python tools/dev.py mappings readme"


def test_readme_counts_the_re_curation_against_the_pre_rubric_commit():
    """The delta a reader sees: every record of the pre-rubric files is accounted for."""
    _pre_rubric_reachable()
    rep = build_report(ROOT / "mappings", since=PRE_RUBRIC)
    old = at_ref(ROOT / "mappings", PRE_RUBRIC)
    assert len(old) == 6 and not any(r.curation_rule for rs in old.values() for r in rs)
    assert rep.removed + rep.changed + sum(
        1 for rs in old.values() for r in rs if r.record_id not in {c.record for c in rep.changes}
    ) == sum(len(rs) for rs in old.values())
    assert rep.added + sum(len(rs) for rs in old.values()) - rep.removed == sum(
        len(read_tsv(p).records) for p in mapping_files(ROOT / "mappings")
    )
    block = markdown(rep, sections=("changes",))
    assert f"{rep.added} records added, {rep.removed} removed, {rep.changed} changed" in block
    rows = [ln.split(" | ") for ln in block.splitlines() if " ↔ " in ln]
    assert sum(int(r[1]) for r in rows) == rep.added
    assert sum(int(r[2]) for r in rows) == rep.removed


def test_changes_since_an_older_folder(tmp_path):
    old = tmp_path / "old"
    old.mkdir()
    for p in mapping_files(ROOT / "mappings"):
        shutil.copy(p, old / p.name)
    path = old / "bijlage-ii__randvoorwaarden.sssom.tsv"
    lines = path.read_text(encoding="utf-8").split("\n")
    cols = next(ln for ln in lines if ln.startswith("record_id")).split("\t")
    rows = [i for i, ln in enumerate(lines) if ln.startswith("hgm:")]
    gone = lines[rows[0]].split("\t")[0]
    edited = lines[rows[1]].split("\t")
    edited[cols.index("confidence")] = "0.41"
    lines[rows[1]] = "\t".join(edited)
    extra = lines[rows[2]].split("\t")
    extra[0] = "hgm:0000000000000000"
    lines.append("\t".join(extra))
    del lines[rows[0]]
    path.write_text("\n".join(lines), encoding="utf-8")
    rep = build_report(ROOT / "mappings", since=str(old))
    assert (rep.added, rep.removed, rep.changed) == (1, 1, 1)
    by = {c.change: c for c in rep.changes}
    assert by["added"].record == gone  # in the current files, not in the old folder
    assert by["removed"].record == "hgm:0000000000000000"
    assert by["changed"].record == edited[0] and "confidence 0.41 →" in by["changed"].fields


def test_since_a_git_ref_needs_a_checkout(tmp_path):
    from herstelgraph.errors import InputError

    folder = tmp_path / "m"
    shutil.copytree(ROOT / "mappings", folder)
    rep = build_report(folder)
    assert rep.since is None and rep.since_note.startswith("no release yet")
    try:
        build_report(folder, since="v1.0")
    except InputError as exc:
        assert "not in a git checkout" in str(exc)
    else:
        raise AssertionError("a git ref outside a checkout must be refused")


def test_cli_formats(run_cli):
    code, out, _ = run_cli(
        "curation", "report", "--format", "json", "--since", str(ROOT / "mappings")
    )
    data = json.loads(out)
    assert code == 0 and (data["added"], data["removed"], data["changed"]) == (0, 0, 0)
    assert {f["section"] for f in data["figures"]} == {
        "relations", "confidence", "mean-confidence", "rules", "no-match"
    }  # fmt: skip
    code, out, _ = run_cli("curation", "report", "--format", "csv")
    assert code == 0 and out.lstrip("\ufeff").startswith("section,pair,key,count,value,record")
    code, out, _ = run_cli("curation", "report")  # for people: Dutch by default
    assert code == 0 and "Links per rubricregel" in out and "onderdeel" in out
    code, out, _ = run_cli("--lang", "en", "curation", "report")
    assert code == 0 and "Links per rubric rule" in out


def test_a_bad_since_names_the_parameter_and_the_cli_names_its_flag(tmp_path, run_cli):
    """Library messages say what to do in API words; the CLI adds its flag (issue 13)."""
    from herstelgraph.errors import ParameterError

    folder = tmp_path / "m"
    shutil.copytree(ROOT / "mappings", folder)
    for ref, why, dutch in (
        ("-x", "not a git ref", "geen git-ref"),
        ("v1.0", "not in a git checkout", "niet in een git-checkout"),
    ):
        try:
            build_report(folder, since=ref)
        except ParameterError as exc:
            assert exc.name == "since" and why in str(exc) and "--" not in str(exc)
        else:
            raise AssertionError(f"since={ref!r} must be refused")
        args = ("curation", "report", "--mappings", str(folder), "--since", ref)
        code, _, err = run_cli(*args)
        assert code == 2 and dutch in err and err.rstrip().endswith("(--since REF of MAP)")
        code, _, err = run_cli("--lang", "en", *args)
        assert code == 2 and why in err and err.rstrip().endswith("(--since REF or FOLDER)")
    assert "--" not in build_report(folder).since_note
    code, out, _ = run_cli("--lang", "en", "curation", "report", "--mappings", str(folder))
    assert code == 0 and "give --since REF or FOLDER)" in out
