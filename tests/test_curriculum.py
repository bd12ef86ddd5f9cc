"""`herstelgraph curriculum import`: spreadsheet → curriculum profile, with located errors."""

from __future__ import annotations

import pytest

from herstelgraph.cli import main

from conftest import ROOT

FIX = ROOT / "tests" / "fixtures" / "shapes"
MINI = str(FIX / "mini-frameworks.ttl")
INPUTS = FIX / "inputs"


def test_import_writes_a_curriculum(tmp_path, capsys):
    from rdflib import Graph, URIRef
    from rdflib.namespace import RDF

    out = tmp_path / "curriculum.ttl"
    code = main(
        ["--data", MINI, "curriculum", "import", str(INPUTS / "curriculum-ok.csv"), "-o", str(out)]
    )
    assert code == 0, capsys.readouterr().err
    g = Graph().parse(out)
    hg = "https://w3id.org/herstelgraph/def#"
    assert len(list(g.subjects(RDF.type, URIRef(hg + "Curriculum")))) == 1
    assert len(list(g.subjects(RDF.type, URIRef(hg + "Module")))) == 1
    aligned = {str(o).rsplit("/", 1)[-1] for o in g.objects(None, URIRef(hg + "alignedTo"))}
    assert aligned == {"competentie-01", "competentie-02", "competentie-03"}  # C2 is a notation
    from herstelgraph.io.serialize import canonical_file_text

    assert canonical_file_text(out) == out.read_text(encoding="utf-8")


def test_semicolon_csv_with_dutch_headers_and_blank_cells_carries_rows_down(tmp_path):
    from herstelgraph.checks.curriculum import read_csv
    from herstelgraph.errors import InputError
    from herstelgraph.store import load

    store = load(extra=[FIX / "mini-frameworks.ttl"])
    with pytest.raises(
        InputError, match=r"curriculum-unknown-id.csv:3: row 3, column D \('items'\)"
    ):
        read_csv(store, INPUTS / "curriculum-unknown-id.csv")
    ok = tmp_path / "ok.csv"
    ok.write_text(
        "opleiding;module;leerresultaat;items\nA;M;L1;bk:C1\n;;L2;bk:C2\n", encoding="utf-8"
    )
    g = read_csv(store, ok)
    assert len(set(g.subjects(None, None))) == 4  # curriculum, module, two outcomes


@pytest.mark.parametrize(
    "name,needle",
    [
        # Dutch: the run's language when none is asked (tests/conftest.py)
        ("curriculum-unknown-id.csv", "waarde 'bk:competentie-42': onbekende ID"),
        (
            "curriculum-missing-column.csv",
            "curriculum-missing-column.csv:1: de kop mist kolom(men) competenties (ze heeft "
            "'programme', 'module', 'outcome')",
        ),
    ],
)
def test_bad_csv_exits_2_and_writes_nothing(tmp_path, capsys, name, needle):
    out = tmp_path / "curriculum.ttl"
    code = main(["--data", MINI, "curriculum", "import", str(INPUTS / name), "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 2 and needle in err and err.count("\n") == 1
    assert not out.exists() and list(tmp_path.iterdir()) == []


def test_example_curriculum_is_the_import_of_the_example_csv(tmp_path, capsys):
    """examples/05-valid-curriculum.ttl is what importing examples/curriculum-modules.csv
    gives (needs the shipped BK-0597-1)."""
    out = tmp_path / "c.ttl"
    csv = ROOT / "examples" / "curriculum-modules.csv"
    code = main(["curriculum", "import", str(csv), "-o", str(out), "--conforms-to", "bk-0597-1"])
    assert code == 0, capsys.readouterr().err
    expected = (ROOT / "examples" / "05-valid-curriculum.ttl").read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == expected
