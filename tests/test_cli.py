"""The catalogue verbs as a user calls them: formats, exit codes, one-line errors."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner

from herstelgraph.cli import cli


def invoke(*args: str):
    result = CliRunner(env={"COLUMNS": "200"}).invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_frameworks_lists_every_scheme_in_each_format():
    data = json.loads(invoke("frameworks", "--format", "json"))
    ids = {f["id"] for f in data}
    assert {"bk-0597-1", "valente-2023", "bijlage-ii", "randvoorwaarden", "nk-2017"} <= ids
    bk = next(f for f in data if f["id"] == "bk-0597-1")
    assert bk["vks"] == 4 and bk["eqf"] == "http://data.europa.eu/snb/eqf/4"
    rows = list(
        csv.DictReader(io.StringIO(invoke("frameworks", "--format", "csv").lstrip("\ufeff")))
    )
    assert {r["id"] for r in rows} == ids
    assert "Ervaringsdeskundige basiswerk" in invoke("frameworks")


def test_overview_shows_frameworks_types_and_pairs():
    out = json.loads(invoke("overview", "--format", "json"))
    assert set(out) == {"frameworks", "types", "pairs"}
    types = {(t["framework"], t["type"]): t["concepts"] for t in out["types"]}
    assert types[("bk-0597-1", "Competency")] == 11
    assert types[("bk-0597-1", "KnowledgeItem")] == 47


def test_concepts_filters_by_type_in_source_order():
    rows = json.loads(invoke("concepts", "bk-0597-1", "--type", "Competency", "--format", "json"))
    assert [r["notation"] for r in rows] == [f"C{i}" for i in range(1, 12)]
    assert rows[1]["label"] == "Werkt interdisciplinair samen"


def test_show_accepts_curie_notation_and_iri():
    by_curie = json.loads(invoke("show", "bk:competentie-02", "--format", "json"))
    by_iri = json.loads(invoke("show", by_curie["iri"], "--format", "json"))
    by_notation = json.loads(invoke("show", "bk:C2", "--format", "json"))
    assert by_curie == by_iri == by_notation
    assert by_curie["label"] == "Werkt interdisciplinair samen"
    assert len(by_curie["requires_knowledge"]) == 12
    assert by_curie["section"]


def test_unknown_id_exits_2_with_one_line_and_suggestions(run_cli):
    code, out, err = run_cli("show", "bk:competentie-2")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "onbekende ID 'bk:competentie-2'; bedoelt u bk:competentie-02" in err
    assert "zoek ID's met 'herstelgraph search WOORDEN'" in err
    code, out, err = run_cli("--lang", "en", "show", "bk:competentie-2")
    assert code == 2 and "unknown ID 'bk:competentie-2'; did you mean bk:competentie-02" in err
    code, out, err = run_cli("show", "C2")  # BK's and Bijlage II's
    assert code == 2 and "dubbelzinnige ID 'C2': die noemt 2 items; schrijf een van" in err
    assert "ambiguous ID 'C2'" in run_cli("show", "C2", "--lang", "en")[2]


def test_unknown_framework_exits_2(run_cli):
    code, _, err = run_cli("concepts", "valente-2099")
    assert code == 2 and "valente-2023" in err and err.count("\n") == 1


def test_ambiguous_notation_lists_the_candidates(run_cli):
    code, _, err = run_cli("show", "C1")
    # C1 is a competency notation in more than one framework: the user must pick one.
    assert code == 2 and "bk:C1" in err


def test_stats_answers_over_the_nk_figures_without_inventing_sums():
    rows = json.loads(invoke("stats", "--format", "json"))
    assert len(rows) == 27
    samen = {r["region_or_function"]: r["count"] for r in rows if r["table"] == "Samen herstellen"}
    assert samen == {
        "Roosendaal/Breda": 149,
        "Tilburg": 114,
        "Den Bosch/Oss": 87,
        "Eindhoven/Helmond": 74,
    }
    groups = json.loads(invoke("stats", "--programme", "nk:coachingsgroepen", "--format", "json"))
    assert sum(r["count"] for r in groups) == 53 and {r["period"] for r in groups} == {
        "2017 en vierde kwartaal"
    }


@pytest.mark.parametrize("args", [[], ["cache"], ["curation"]])
def test_a_group_without_its_verb_shows_its_help_laid_out(run_cli, args):
    """`herstelgraph` alone (or a group alone) shows the help as click lays it out, one
    option a line, not squeezed into one error line of 2,000 characters; exit 2, as a
    usage error."""
    code, out, err = run_cli(*args)
    assert code == 2 and out == ""
    lines = err.splitlines()
    assert lines[0].startswith(f"Gebruik: herstelgraph {' '.join(args)}".rstrip() + " ")
    assert "Opdrachten:" in lines and "fout:" not in err and len(lines) > 5


def test_options_without_a_verb_show_the_help_too(run_cli):
    code, out, err = run_cli("--lang", "en")
    assert code == 2 and out == "" and err.startswith("Usage: herstelgraph [OPTIONS] COMMAND")
    assert "Commands:" in err.splitlines() and "Missing command" not in err
