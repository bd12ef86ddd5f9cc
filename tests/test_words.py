"""Every word a verb's table prints has a Dutch word (issue 20.3): column headers, relations
and coded values, on the shipped graph, for every verb that prints a table. A header that
falls back to its field name ("via example", "records") or a relation printed as a CURIE
("ceasn:prerequisiteAlignment") fails here, naming the verb."""

from __future__ import annotations

import contextlib
import io
import re

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
    "explain (hierarchy)": ["explain", "bk:competentie-02", "bk:competentie-02-activiteit-01"],
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

    def spy_text(self, column, v, row, view):
        shown = text(self, column, v, row, view)
        if not self.verbose:
            current["cell"].add(shown)
        return shown

    text = render.Presenter.text
    mp = pytest.MonkeyPatch()
    mp.setattr(render.Presenter, "head", spy_head)
    mp.setattr(render.Presenter, "value", spy_value)
    mp.setattr(render.Presenter, "text", spy_text)
    mp.setenv("COLUMNS", "160")
    try:
        for name, args in RUNS.items():
            current.clear()
            current.update(header=set(), relation=set(), value=set(), cell=set(), out=set())
            for verbose in ([], ["-v"]):  # --verbose shows every column
                stdout = io.StringIO()
                with contextlib.redirect_stdout(stdout):
                    code = main(["--lang", "nl", *verbose, *args])
                assert code in (0, 1), f"{name}: exit {code}"
                if not verbose:
                    current["out"].add(stdout.getvalue())
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


#: an RDF term as a table shows it: a CURIE of the vocabularies users should not need to read
RAW_TERM = re.compile(r"(?<![\w/#:-])(skos|hg|sssom|semapv|ceasn|dct|rdf|rdfs|owl):[A-Za-z]")


def test_no_table_prints_a_raw_rdf_term_without_verbose(printed):
    """Issue 20.3: raw SKOS/SSSOM terms only with --format json|csv or --verbose. Every cell
    of every table verb (and the whole of what it printed) in Dutch, without --verbose.
    Except ``check``: it reports on a SKOS file, and the term it names is the finding
    ("skos:InventedConcept: niet in het SKOS-vocabulaire")."""
    found = {
        name: sorted(
            {m.group(0) + "…" for text in s["cell"] | s["out"] for m in RAW_TERM.finditer(text)}
        )
        for name, s in printed.items()
        if name != "check"
    }
    assert not any(found.values()), {k: v for k, v in found.items() if v}
    assert all(s["cell"] and any(s["out"]) for s in printed.values())
    # the two the audit found, in words
    out = "".join(printed["chain"]["out"])
    assert "verwant aan" in out
    assert "onderbouwing" in "".join(printed["explain (hierarchy)"]["out"])
    assert "de hiërarchie van één kader" in "".join(printed["explain (hierarchy)"]["out"])
    report = "".join(printed["curation report"]["out"])
    assert "│ alle paren │ geen overeenkomst (niets verwants) twijfelachtig 0,40–0,59" in report


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


def _header_lines(out: str) -> list[str]:
    lines = out.splitlines()
    top = next(i for i, line in enumerate(lines) if line.startswith("┏"))
    end = next(i for i, line in enumerate(lines) if line.startswith("┡"))
    return lines[top + 1 : end]


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("width", ["60", "80"])
def test_narrow_headers_wrap_at_spaces_never_inside_a_word(capsys, monkeypatch, lang, width):
    """A header wider than its column wraps at its spaces; every word of it stays whole
    ("coverage", never "cove" over "rage")."""
    from herstelgraph.words import header

    monkeypatch.setenv("COLUMNS", width)
    for args, cols in (
        (["coverage"], ["a", "b", "section_label", "items", "mapped", "via_example"]),
        (RUNS["coverage-of"], ["section_label", "all_parts", "share_with_mappings"]),
    ):
        assert main(["--lang", lang, *args]) == 0
        out = capsys.readouterr().out
        heads = _header_lines(out)
        cells = [[c.strip() for c in line.strip("┃").split("┃")] for line in heads]
        columns = [" ".join(w for w in col if w).split() for col in zip(*cells, strict=True)]
        for col in cols:
            words = header(col, lang).split()
            assert words in columns, (col, words, columns)


def test_coverage_of_labels_its_two_totals_apart(capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")
    assert main(["--lang", "nl", *RUNS["coverage-of"]]) == 0
    out = capsys.readouterr().out
    firsts = [line.strip("│").split("│")[0].strip() for line in out.splitlines()]
    assert "totaal" in firsts and "totaal context (geen eisen)" in firsts
    assert main(["--lang", "en", *RUNS["coverage-of"]]) == 0
    firsts = [
        line.strip("│").split("│")[0].strip() for line in capsys.readouterr().out.splitlines()
    ]
    assert "total" in firsts and "total context (not requirements)" in firsts


@pytest.mark.parametrize("columns", [70, 100])
@pytest.mark.parametrize(
    "args",
    [["gaps", "bk", "bijlage-ii"], ["coverage"], ["concepts", "bk"], ["gaps", "bk", "valente"]],
)
def test_a_table_never_breaks_competenties(run_cli, monkeypatch, args, columns):
    """Cells wrap between words: "Competenties" (a section of the BK) is printed whole as
    often as the answer holds it, on a 70- and a 100-column terminal, and the table fits
    (coverage at 70 aside: the words of its nine headers alone need more than 70 columns,
    and a header word is never cut, so it overflows, and its cells fold)."""
    import json

    monkeypatch.setenv("COLUMNS", str(columns))
    code, out, err = run_cli(*args)
    assert code == 0, err
    if args == ["coverage"] and columns == 70:
        return
    assert max(len(line) for line in out.splitlines()) <= columns
    rows = json.loads(run_cli(*args, "--format", "json")[1])
    rows = rows if isinstance(rows, list) else rows["rows"]
    want = sum(
        str(r.get(k)).count("Competenties") for r in rows for k in ("label", "section_label")
    )
    assert want and out.count("Competenties") == want


def test_only_words_longer_than_the_cap_fold():
    """Words up to render.WORD_CAP stay whole where the room allows; IDs give way first."""
    from dataclasses import dataclass

    from herstelgraph.model import Record

    @dataclass(frozen=True)
    class Row(Record):
        id: str
        label: str
        section_label: str

    text = "Competenties voor ervaringsdeskundigheid in herstelondersteunende zorg"
    rows = [Row(f"bk:een-heel-lange-identificatie-{i:02}", text, "Competenties") for i in range(3)]
    view = render.View(rows, "t")
    for width in (60, 70, 100):
        out = render.to_table(view, render.Presenter("nl"), width=width)
        for word in text.split():
            assert out.count(word) >= 3, (width, word, out)
        assert max(len(line) for line in out.splitlines()) <= width


#: English words that give a notice away (with their spaces: paths and IDs do not hold them)
ENGLISH = (
    " the ", " of ", " to ", " and ", " with ", " for ", "written", "wrote ", "removed",
    "entries", "folder:", "caching", "records to review", "decisions", "candidates", "annex ",
    "errors", "warnings", "more (", "reading", "building", "counting", "lexical matching",
)  # fmt: skip


def test_no_english_notice_in_a_dutch_run(run_cli, tmp_path, monkeypatch):
    """A Dutch run (the default) says nothing in English on stderr, nor in the lines of its
    own on stdout: what a verb wrote, where, how many, what to do next."""
    monkeypatch.setenv("HERSTELGRAPH_CACHE", str(tmp_path / "cache"))  # clear: not ours
    examples = ROOT / "examples"
    runs = [
        (["check"], 2),  # the report's two summary lines
        (["check", "--profile", "nl-sbb"], 2),
        (["cache", "info"], 99),
        (["cache", "clear"], 0),
        (["curriculum", "template", "-o", str(tmp_path / "t.xlsx")], 0),
        (
            [
                "curriculum",
                "import",
                str(examples / "curriculum-modules.csv"),
                "-o",
                str(tmp_path / "c.ttl"),
            ],
            0,
        ),
        (
            [
                "report",
                "curriculum",
                str(examples / "curriculum-modules.csv"),
                "--framework",
                "bk",
                "-o",
                str(tmp_path / "annex.html"),
            ],
            0,
        ),
        (
            [
                "review",
                "export",
                "--reviewer",
                "tester",
                "--label",
                "Tester",
                "--reviews",
                str(tmp_path / "reviews"),
                "-o",
                str(tmp_path / "review.xlsx"),
            ],
            0,
        ),
        (
            [
                "suggest",
                "pair",
                "bk",
                "valente",
                "--method",
                "lexical",
                "-o",
                str(tmp_path / "s.csv"),
            ],
            0,
        ),
        (
            ["search", "herstel", "--limit", "3", "--format", "csv", "-o", str(tmp_path / "x.csv")],
            0,
        ),
        (["validate", str(examples / "01-valid-role-profile.ttl")], 1),
    ]
    for args, own_lines in runs:
        code, out, err = run_cli(*args)
        assert code in (0, 1), (args, err)
        said = err + "\n".join(out.splitlines()[:own_lines])
        assert said.strip() or args[0] in ("check", "validate", "search"), args
        found = [w for w in ENGLISH if w in said]
        assert not found, (args, found, said)
    # and the same runs speak English when asked
    code, out, err = run_cli("--lang", "en", "cache", "info")
    assert "entries: " in out and "folder: " in out


#: what a sheet's problems said in English only (before issue 20's audit)
SHEET_ENGLISH = (
    *(w for w in ENGLISH if w != " of "),
    "row ", "column ", "value ", "unknown", "did you mean", "problems", "left out", "header",
    "programmes", "formula", "lacks", "cells", "ambiguous", "quotes", "save the file",
)  # fmt: skip


def test_a_bad_sheet_is_told_in_dutch_and_in_english(run_cli, tmp_path):
    """A curriculum sheet's problems, warnings and errors, in Dutch in a Dutch run and in
    English when asked: every problem on a line of its own, located file:line:column."""
    from openpyxl import Workbook

    fix = ROOT / "tests" / "fixtures" / "institutes"
    formula = tmp_path / "formule.xlsx"
    wb = Workbook()
    wb.active.append(["opleiding", "module", "leeruitkomst", "competenties"])
    wb.active.append(["AD", "M1", "Werkt volgens afspraken", "=1+1"])
    wb.save(formula)
    header = tmp_path / "kop.csv"
    header.write_text("opleiding;vak\nAD;M1\n", encoding="utf-8")
    two = tmp_path / "twee.csv"
    two.write_text("opleiding;module;leeruitkomst;competenties\nA;M;L;bk:C1\nB;M;L;bk:C2\n")
    out = str(tmp_path / "c.ttl")
    runs = [
        (["curriculum", "import", str(fix / "many-errors.csv"), "-o", out], 2),
        (["curriculum", "import", str(fix / "cp1252.csv"), "-o", out], 2),
        (["curriculum", "import", str(fix / "open-quote.csv"), "-o", out], 2),
        (["curriculum", "import", str(fix / "empty-outcome.csv"), "-o", out], 0),
        (["curriculum", "import", str(formula), "-o", out], 2),
        (["validate", str(header), "--conforms-to", "bk"], 2),
        (["report", "curriculum", str(two), "--framework", "bk", "-o", f"{out}.html"], 2),
    ]
    dutch = ("onbekende ID", "geen UTF-8", "aanhalingstekens", "overgeslagen",
             "formule", "de kop mist", "opleidingen")  # fmt: skip
    english = ("unknown ID", "not UTF-8", "quotes", "left out", "formula",
               "header lacks", "programmes")  # fmt: skip
    for (args, want), nl, en in zip(runs, dutch, english, strict=True):
        code, _, err = run_cli(*args)
        assert code == want, (args, err)
        assert nl in err, (args, err)
        said = re.sub(r"\S+\.(csv|xlsx|ttl|html)", "FILE", err)  # the files' own names
        found = [w for w in SHEET_ENGLISH if w in said]
        assert not found, (args, found, err)
        code, _, err = run_cli("--lang", "en", *args)
        assert code == want and en in err, (args, err)
    code, _, err = run_cli("curriculum", "import", str(fix / "many-errors.csv"), "-o", out)
    lines = err.splitlines()
    assert len(lines) == 6 and all(f"many-errors.csv:{n}:" in lines[n - 1] for n in range(2, 7))


def test_every_check_has_a_dutch_title():
    """Each of the ~50 checks of `herstelgraph check` has a Dutch title of its own (not the
    English one copied), under its unchanged code."""
    from herstelgraph.checks.quality import CHECKS
    from herstelgraph.curation.consistency import CHECKS as MAPPING_CHECKS
    from herstelgraph.words import CHECK_TITLES, check_title

    codes = [c for c, _, _ in (*CHECKS, *MAPPING_CHECKS)]
    assert len(codes) == len(set(codes)) == 49
    assert set(codes) == set(CHECK_TITLES)
    for code in codes:
        nl, en = check_title(code, "nl"), check_title(code, "en")
        assert nl and en and nl != en, code


def test_every_error_text_has_both_languages_with_the_same_fields():
    """words.ERRORS: a Dutch text of its own beside the English, with the same fields (the
    CLI fills either from what the error carries), and no command-line flag (the library
    raises them)."""
    import string

    from herstelgraph.words import ERRORS

    assert ERRORS
    for key, (nl, en) in ERRORS.items():

        def fields(text: str) -> set:
            return {f for _, f, _, _ in string.Formatter().parse(text) if f}

        assert nl != en and fields(nl) == fields(en), key
        assert " --" not in nl + en, key


def test_relation_words_are_the_rubrics_in_tables_and_in_the_review_app():
    """One reading per relation (RUBRIC §2): the tables, reports and site say what the
    review app and its sheets say; a no-match figure names what was not found."""
    from herstelgraph.curation.review.session import WORDS
    from herstelgraph.words import figure_words, relation_word

    for lang in ("nl", "en"):
        for rel in ("exactMatch", "closeMatch", "broadMatch", "narrowMatch"):
            assert relation_word(f"skos:{rel}", lang) == WORDS[lang][f"skos:{rel}"], rel
    assert relation_word("skos:closeMatch", "nl") == "komt grotendeels overeen met"
    name = "no match (skos:closeMatch) doubtful 0.40–0.59"
    assert (
        figure_words(name, "nl")
        == "geen overeenkomst (geen nauwe tegenhanger) twijfelachtig 0,40–0,59"
    )
    assert figure_words(name, "en") == "no match (no close counterpart) doubtful 0.40–0.59"
    assert figure_words("no match (skos:relatedMatch) below 0.40", "nl") == (
        "geen overeenkomst (niets verwants) onder 0,40"  # a decimal comma for a Dutch reader
    )
    # the no-match table's keys name only the predicate
    key = "bk-0597-1 → bijlage-ii skos:closeMatch"
    assert figure_words(key, "nl", no_match=True) == (
        "bk-0597-1 → bijlage-ii geen overeenkomst (geen nauwe tegenhanger)"
    )
    assert "largely matches" not in figure_words(key, "en", no_match=True)
