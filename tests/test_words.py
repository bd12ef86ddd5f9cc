"""Every word a verb's table prints has a Dutch word (issue 20.3): column headers, relations
and coded values, on the shipped graph, for every verb that prints a table. A header that
falls back to its field name ("via example", "records") or a relation printed as a CURIE
("ceasn:prerequisiteAlignment") fails here, naming the verb."""

from __future__ import annotations

import pytest

from herstelgraph.cli import main, render
from herstelgraph.words import HEADERS, RELATIONS, VALUES

from conftest import ROOT

CURRICULUM = ROOT / "examples" / "05-valid-curriculum.ttl"
QSKOS = ROOT / "tests" / "fixtures" / "qskos" / "concepts.rdf"

# every verb that prints a table on the embedded store, as a user calls it
RUNS = {
    "frameworks": ["frameworks"],
    "overview": ["overview"],
    "concepts": ["concepts", "bk-0597-1"],
    "concepts (types)": ["concepts", "valente-2023"],
    "stats": ["stats"],
    "map": ["map", "bk:competentie-02"],
    "map (no match)": ["map", "bk:autonomie-beroep-01"],
    "crosswalk": ["crosswalk", "bk-0597-1", "valente-2023"],
    "crosswalk (prerequisites)": ["crosswalk", "bijlage-ii", "bk-0597-1"],
    "gaps": ["gaps", "bk-0597-1", "valente-2023"],
    "coverage": ["coverage"],
    "chain": ["chain", "bk-0597-1", "valente-2023", "bijlage-ii"],
    "hubs": ["hubs"],
    "search": ["search", "herstel"],
    "coverage-of": [
        "--data",
        str(CURRICULUM),
        "coverage-of",
        "hgp:associate-degree-ervaringsdeskundigheid",
    ],
    "compare-roles": ["compare-roles"],
    "explain": ["explain", "bk:autonomie-beroep-01", "valente:basishouding-eigen-regie-en-kracht"],
    "check": ["check", "--format", "table", str(QSKOS)],
    "review stats": ["review", "stats"],
    "curation report": ["curation", "report"],
}


@pytest.fixture(scope="module")
def printed():
    """Per verb: the columns headed, and the relation and coded values shown, in Dutch."""
    seen: dict[str, dict[str, set[str]]] = {}
    current: dict[str, set[str]] = {}
    head, value = render.Presenter.head, render.Presenter.value

    def spy_head(self, column, view=None):
        if view is None or view.words:
            current["header"].add(column)
        return head(self, column, view)

    def spy_value(self, column, v, row, view):
        if view.words and isinstance(v, str) and v:
            if column in render.RELATION_COLUMNS:
                current["relation"].add(v)
            elif column in render.VALUE_COLUMNS:
                current["value"].add(v)
        return value(self, column, v, row, view)

    mp = pytest.MonkeyPatch()
    mp.setattr(render.Presenter, "head", spy_head)
    mp.setattr(render.Presenter, "value", spy_value)
    mp.setenv("COLUMNS", "160")
    try:
        for name, args in RUNS.items():
            current.clear()
            current.update(header=set(), relation=set(), value=set())
            for verbose in ([], ["-v"]):  # --verbose shows every column
                code = main(["--lang", "nl", *verbose, *args])
                assert code in (0, 1), f"{name}: exit {code}"
            seen[name] = {k: set(v) for k, v in current.items()}
    finally:
        mp.undo()
    return seen


def test_every_verb_printed_a_table(printed):
    assert all(seen["header"] for seen in printed.values()), [
        name for name, seen in printed.items() if not seen["header"]
    ]


def test_every_column_header_has_a_dutch_word(printed):
    missing = {name: sorted(s["header"] - HEADERS.keys()) for name, s in printed.items()}
    assert not any(missing.values()), {k: v for k, v in missing.items() if v}


def test_every_relation_shown_has_a_dutch_word(printed):
    def known(rel: str) -> bool:
        return rel in RELATIONS or f"skos:{rel}" in RELATIONS

    missing = {
        name: sorted(r for r in s["relation"] if not known(r)) for name, s in printed.items()
    }
    assert not any(missing.values()), {k: v for k, v in missing.items() if v}
    # the prerequisite records are there (Bijlage II → BK) and read in words
    assert "ceasn:prerequisiteAlignment" in printed["crosswalk (prerequisites)"]["relation"]


def test_coverage_of_shares_are_percentages(capsys, monkeypatch):
    """Both shares of coverage-of (own alignment; with mappings) read as percentages."""
    monkeypatch.setenv("COLUMNS", "250")
    assert main(["--lang", "en", *RUNS["coverage-of"]]) == 0
    out = capsys.readouterr().out
    row = next(line for line in out.splitlines() if line.startswith("│ total"))
    cells = [c.strip() for c in row.strip("│").split("│")]
    assert cells[-2].endswith("%") and cells[-1].endswith("%"), row


def test_every_coded_value_shown_has_a_dutch_word(printed):
    missing = {name: sorted(s["value"] - VALUES.keys()) for name, s in printed.items()}
    assert not any(missing.values()), {k: v for k, v in missing.items() if v}


def test_review_stats_speak_dutch(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    assert main(["--lang", "nl", "review", "stats", "--part", "counts"]) == 0
    out, err = capsys.readouterr()
    assert "Beoordeling per paar kaders en relatie" in out
    assert "beoordeeld" in out and "bevestigd" in out and "reviewed" not in out
    assert "veronderstelt als voorkennis" in out and "ceasn:" not in out
    assert "beoordelaars: " in err
    assert main(["--lang", "en", "review", "stats", "--part", "counts"]) == 0
    out, err = capsys.readouterr()
    assert "Review per framework pair and relation" in out and "reviewers: " in err
