"""The command line's output layer: --format table|json|csv|xlsx and -o on every data verb,
spreadsheet-safe CSV and XLSX, words for people (--lang), terminal safety, query results.

Most verbs run on the small alignment fixture (tests/fixtures/alignment) with hostile labels
added (tests/fixtures/output/hostile.ttl): formula starts and terminal escape sequences.
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from herstelgraph.cli import main

from conftest import ROOT

FIX = ROOT / "tests" / "fixtures" / "alignment"
HOSTILE = ROOT / "tests" / "fixtures" / "output" / "hostile.ttl"
PROFILES = FIX / "profiles.ttl"
MINI = ROOT / "tests" / "fixtures" / "shapes" / "mini-frameworks.ttl"

SELECT_CLASS = (
    "SELECT ?class ?columns (COUNT(?c) AS ?n) WHERE { ?c a ?class . "
    "BIND(STR(?class) AS ?columns) } GROUP BY ?class ?columns ORDER BY DESC(?n) ?class\n"
)


@pytest.fixture
def cli(monkeypatch, capsysbinary):
    """Run the CLI on the fixture graph; returns (exit code, stdout bytes, stderr text)."""
    from herstelgraph import store as st

    real = st.load

    def load(extra=(), *, closure=True, files=None, **kw):
        return real(extra, closure=closure, files=[FIX / "frameworks.ttl", FIX / "mappings.ttl"])

    monkeypatch.setattr(st, "load", load)
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "120")

    def run(*args: str):
        code = main([str(a) for a in args])
        captured = capsysbinary.readouterr()
        return code, captured.out, captured.err.decode("utf-8")

    return run


@pytest.fixture
def queries(tmp_path) -> dict[str, Path]:
    files = {
        "class": SELECT_CLASS,
        "ask": "ASK { ?s a skos:Concept }\n",
        "construct": 'CONSTRUCT { ?c skos:prefLabel ?l } WHERE { ?c skos:notation "C2" ; '
        "skos:prefLabel ?l }\n",
        "describe": "DESCRIBE bk:kennis-01\n",
    }
    out = {}
    for name, text in files.items():
        out[name] = tmp_path / f"{name}.rq"
        out[name].write_text(text, encoding="utf-8")
    return out


# Every data verb, as a user calls it on the fixture.
VERBS = {
    "frameworks": ["frameworks"],
    "overview": ["overview"],
    "concepts": ["concepts", "bk"],
    "show": ["show", "bk:competentie-01"],
    "stats": ["stats"],
    "map": ["map", "bk:C2"],
    "crosswalk": ["crosswalk", "bk", "valente"],
    "gaps": ["gaps", "bk", "valente"],
    "coverage": ["coverage"],
    "chain": ["chain", "bk", "valente", "bijlage-ii"],
    "hubs": ["hubs"],
    "search": ["search", "herstel"],
    "coverage-of": ["--data", str(PROFILES), "coverage-of", "hgp:curriculum-x"],
    "compare-roles": ["--data", str(PROFILES), "compare-roles"],
    "query": ["query", "crosswalk", "--param", "a=bk", "--param", "b=valente"],
    "explain": ["explain", "bk:kennis-01", "valente:kennis-herstel"],
}


# ------------------------------------------------------------------------- -o FILE
@pytest.mark.parametrize("verb", VERBS)
@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_output_file_holds_the_bytes_of_standard_output(cli, tmp_path, verb, fmt):
    code, out, err = cli(*VERBS[verb], "--format", fmt)
    assert code == 0, err
    assert out.strip()
    target = tmp_path / f"answer.{fmt}"
    code, again, err = cli(*VERBS[verb], "--format", fmt, "-o", target)
    assert code == 0, err
    assert again == b""
    assert target.read_bytes() == out
    assert cli(*VERBS[verb], "--format", fmt, "-o", "-")[1] == out
    if fmt == "json":
        json.loads(out)
    if fmt == "csv":
        assert out.startswith(b"\xef\xbb\xbf") and b"\r\n" in out
        assert b"\n" not in out.replace(b"\r\n", b"")  # every line ends in CRLF


@pytest.mark.parametrize("verb", VERBS)
def test_every_verb_writes_a_workbook(cli, tmp_path, verb):
    from openpyxl import load_workbook

    target = tmp_path / "answer.xlsx"
    code, out, err = cli(*VERBS[verb], "-o", target)  # the format from the suffix
    assert code == 0, err
    assert out == b""
    wb = load_workbook(target)
    assert wb.sheetnames
    for ws in wb.worksheets:
        assert ws.freeze_panes == "A2"
        assert all(c.font.bold for c in ws[1])
        for row in ws.iter_rows():
            assert all(c.data_type != "f" for c in row)


@pytest.mark.parametrize(
    "args",
    [
        ["--data", "{f}", "concepts", "bk", "-o", "{f}"],
        ["--data", "{f}", "crosswalk", "bk", "valente", "--format", "csv", "-o", "{f}"],
        ["--data", "{f}", "coverage", "-o", "{f}"],
        ["--data", "{f}", "export", "--format", "csv", "-o", "{f}"],
        ["check", "{f}", "-o", "{f}"],
    ],
    ids=lambda a: a[2] if a[0] == "--data" else a[0],
)
def test_an_output_onto_an_input_is_refused(cli, tmp_path, args):
    f = tmp_path / "mine.ttl"
    f.write_bytes(HOSTILE.read_bytes())
    before = f.read_bytes()
    code, _out, err = cli(*(a.replace("{f}", str(f)) for a in args))
    assert code == 2, err
    assert "is een invoer van deze opdracht" in err and len(err.strip().splitlines()) == 1
    assert f.read_bytes() == before


def test_query_and_validate_and_import_refuse_their_input_as_output(cli, tmp_path, queries):
    code, _, err = cli("query", queries["class"], "-o", queries["class"])
    assert code == 2 and "is een invoer van deze opdracht" in err
    assert queries["class"].read_text(encoding="utf-8") == SELECT_CLASS
    profile = tmp_path / "profile.ttl"
    profile.write_bytes((ROOT / "examples" / "01-valid-role-profile.ttl").read_bytes())
    code, _, err = cli("validate", profile, "-o", profile)
    assert code == 2 and "is een invoer van deze opdracht" in err
    sheet = tmp_path / "c.csv"
    sheet.write_bytes(
        (ROOT / "tests" / "fixtures" / "shapes" / "inputs" / "curriculum-ok.csv").read_bytes()
    )
    before = sheet.read_bytes()
    code, _, err = cli("--data", MINI, "curriculum", "import", sheet, "-o", sheet)
    assert code == 2 and "c.csv: schrijf het curriculum als Turtle, naar een .ttl-bestand" in err
    assert sheet.read_bytes() == before
    code, _, err = cli("--lang", "en", "curriculum", "import", sheet, "-o", tmp_path / "c.xlsx")
    assert code == 2 and "the curriculum is written as Turtle: name the file .ttl" in err
    assert not (tmp_path / "c.xlsx").exists()  # Turtle under a workbook's name, before


def test_check_and_validate_honour_o(cli, tmp_path):
    code, out, _ = cli("check", HOSTILE, "--format", "json")
    target = tmp_path / "report.json"
    assert cli("check", HOSTILE, "--format", "json", "-o", target)[0] == code
    assert target.read_bytes() == out
    profile = ROOT / "examples" / "01-valid-role-profile.ttl"
    code, out, _err = cli("--lang", "en", "validate", profile)
    target = tmp_path / "report.txt"
    assert cli("--lang", "en", "validate", profile, "-o", target)[0] == code
    assert target.read_bytes() == out and b"conform" in out


# ------------------------------------------------------------------------- formula injection
FORMULAS = ("=HYPERLINK", "+31 6", "-2+3", "@SUM", "\t=1+1", "\r=1+1")


def _labels(rows: list[dict]) -> set[str]:
    return {r["label"] for r in rows}


def test_verb_csv_neutralises_formulas(cli):
    code, out, err = cli("--data", HOSTILE, "concepts", "bk", "--format", "csv")
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(out.decode("utf-8-sig"), newline="")))
    labels = _labels(rows)
    for start in FORMULAS:
        assert any(label.startswith("'" + start) for label in labels), start
        assert not any(label.startswith(start) for label in labels), start
    # numbers stay numbers
    code, out, _ = cli("coverage", "--format", "csv")
    row = next(csv.DictReader(io.StringIO(out.decode("utf-8-sig"))))
    assert float(row["share"]) <= 1 and not row["items"].startswith("'")


def test_export_csv_neutralises_formulas(cli):
    code, out, err = cli("--data", HOSTILE, "export", "--format", "csv")
    assert code == 0, err
    assert out.startswith(b"\xef\xbb\xbf") and b"\r\n" in out
    rows = list(csv.DictReader(io.StringIO(out.decode("utf-8-sig"), newline="")))
    labels = _labels(rows)
    for start in FORMULAS:
        assert any(label.startswith("'" + start) for label in labels), start
        assert not any(label.startswith(start) for label in labels), start


def test_xlsx_neutralises_formulas_and_writes_strings(cli, tmp_path):
    from openpyxl import load_workbook

    target = tmp_path / "c.xlsx"
    code, _, err = cli("--data", HOSTILE, "concepts", "bk", "-o", target)
    assert code == 0, err
    ws = load_workbook(target).active
    header = [c.value for c in ws[1]]
    labels = [row[header.index("omschrijving")] for row in ws.iter_rows(min_row=2)]
    assert all(c.data_type == "s" for c in labels)
    values = [c.value for c in labels]
    assert any(v.startswith("'=HYPERLINK") for v in values)
    assert not any(v.startswith(("=", "+", "-", "@", "\t", "\r")) for v in values)
    assert any(v.startswith("Wist \\x1b[2J") for v in values)  # XML cannot carry ESC


def test_sssom_tsv_is_not_neutralised():
    """SSSOM TSV is a data exchange format (read by sssom-py), not a spreadsheet: a label
    starting with '=' is data there, and stays as it is."""
    from herstelgraph.curation.sssom import MappingFile, MappingRecord, write_tsv

    rec = MappingRecord(
        record_id="hgm:x1",
        subject_id="bk:kennis-90",
        subject_label="=HYPERLINK(1)",
        predicate_id="skos:relatedMatch",
        object_id="valente:kennis-herstel",
        object_label="-herstel",
        mapping_justification="semapv:ManualMappingCuration",
        author_id="hgagent:curation",
        author_label="x",
        subject_source="bk:scheme",
        object_source="valente:scheme",
        mapping_date="2026-01-01",
        confidence=0.5,
        other="",
        comment="@note",
    )
    text = write_tsv(MappingFile(Path("x.sssom.tsv"), {"curie_map": {}}, [rec]))
    assert "\t=HYPERLINK(1)\t" in text and "\t-herstel\t" in text and "'=" not in text


# ------------------------------------------------------------------------- XLSX
def test_xlsx_is_for_people_numbers_typed_and_byte_identical(cli, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    assert cli("coverage", "-o", first)[0] == 0
    assert cli("coverage", "--format", "xlsx", "-o", second)[0] == 0
    assert first.read_bytes() == second.read_bytes()
    ws = load_workbook(first).active
    header = [c.value for c in ws[1]]
    assert "kader A" in header and "aandeel" in header and "a" not in header
    share = ws.cell(row=2, column=header.index("aandeel") + 1)
    items = ws.cell(row=2, column=header.index("items") + 1)
    assert share.data_type == "n" and share.number_format == "0%" and 0 <= share.value <= 1
    assert items.data_type == "n" and isinstance(items.value, int)
    assert ws.cell(row=2, column=header.index("sectienaam") + 1).value == "totaal"
    with zipfile.ZipFile(first) as z:
        assert {i.date_time for i in z.infolist()} == {(2000, 1, 1, 0, 0, 0)}
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    third = tmp_path / "c.xlsx"
    assert cli("coverage", "-o", third)[0] == 0
    wb = load_workbook(third)
    assert wb.properties.created.year == 2023 and wb.properties.modified.year == 2023
    assert third.read_bytes() != first.read_bytes()


def test_xlsx_to_a_terminal_is_refused_and_to_a_pipe_written(cli, monkeypatch):
    import herstelgraph.cli.common as common

    code, out, _ = cli("coverage", "--format", "xlsx")
    assert code == 0 and out.startswith(b"PK\x03\x04")  # a pipe or a redirect: the bytes
    monkeypatch.setattr(common, "_stdout_is_terminal", lambda: True)
    code, out, err = cli("coverage", "--format", "xlsx")
    assert code == 2 and out == b""
    assert "is een terminal" in err and "-o BESTAND.xlsx" in err and len(err.splitlines()) == 1
    code, out, err = cli("--lang", "en", "coverage", "--format", "xlsx")
    assert code == 2 and "is a terminal" in err and "-o FILE.xlsx" in err


def test_several_tables_become_several_sheets(cli, tmp_path):
    from openpyxl import load_workbook

    target = tmp_path / "o.xlsx"
    assert cli("overview", "-o", target)[0] == 0
    assert load_workbook(target).sheetnames == [
        "Kaders",
        "Concepten per type",
        "Vastgelegde mappings per paar…",  # cut at a word, not inside one
    ]


# ------------------------------------------------------------------------- words
def test_dutch_by_default_english_with_lang_en(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    code, nl, _ = cli("crosswalk", "bk", "valente")
    assert code == 0
    text = nl.decode()
    assert "item (A)" in text and "omschrijving (A)" in text and "zekerheid" in text
    from herstelgraph.words import relation_word

    rows = json.loads(cli("crosswalk", "bk", "valente", "--format", "json")[1])
    for relation in {r["relation"] for r in rows}:
        assert relation_word(relation, "nl") in text
    assert "skos:" not in text and "a_item" not in text
    code, en, _ = cli("--lang", "en", "crosswalk", "bk", "valente")
    text = en.decode()
    assert "label (A)" in text and "confidence" in text and "omschrijving" not in text
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert cli("crosswalk", "bk", "valente")[1] == en
    monkeypatch.setenv("LC_ALL", "nl_BE.UTF-8")  # LC_ALL wins over LANG
    assert cli("crosswalk", "bk", "valente")[1] == nl
    assert cli("--lang", "EN", "crosswalk", "bk", "valente")[1] == en


def test_lang_after_the_verb_reads_as_before_it(cli, monkeypatch):
    """A user types the language where the other options go: `crosswalk A B --lang en`;
    the verb's own --lang wins over the global one, and its notes follow it too."""
    monkeypatch.setenv("COLUMNS", "200")
    nl = cli("crosswalk", "bk", "valente")[1]
    code, en, _ = cli("--lang", "en", "crosswalk", "bk", "valente")
    assert code == 0 and en != nl
    assert cli("crosswalk", "bk", "valente", "--lang", "en") == (0, en, "")
    assert cli("--lang", "en", "crosswalk", "bk", "valente", "--lang", "NL")[1] == nl
    code, _out, err = cli("search", "e", "--limit", "2", "--format", "csv", "--lang", "en")
    assert code == 0 and "2 of " in err and "use --limit 0 for all" in err
    code, _out, err = cli("gaps", "bk", "valente", "--lang", "fr")
    assert code == 2 and "'fr' is niet een van 'nl', 'en'" in err
    # a verb without tables of its own reads it too: its report and notes follow
    assert cli("cache", "info", "--lang", "en") == cli("--lang", "en", "cache", "info")
    assert b"caching: on" in cli("cache", "info", "--lang", "en")[1]
    assert b"cache: aan" in cli("cache", "info")[1]


def test_every_verb_takes_lang_after_it():
    """Whatever the verb, `--lang` after it is an option of it (its own, for the document
    it writes or export's filter, or the run's language), never "No such option"."""
    import click

    from herstelgraph.cli.main import VERBS, cli

    def leaves(command, path):
        if isinstance(command, click.Group):
            for name in command.list_commands(None):
                yield from leaves(command.get_command(None, name), [*path, name])
        else:
            yield tuple(path), command

    found = dict(leaves(cli, []))
    assert {path[0] for path in found} == set(VERBS)
    for path, command in found.items():
        opts = {o for p in command.params for o in getattr(p, "opts", ())}
        assert "--lang" in opts, path


def test_machine_formats_keep_field_names_and_raw_terms(cli):
    out = json.loads(cli("crosswalk", "bk", "valente", "--format", "json")[1])
    assert {"a_item", "relation", "b_item"} <= set(out[0])
    assert all(r["relation"].startswith("skos:") for r in out)
    text = cli("crosswalk", "bk", "valente", "--format", "csv")[1].decode("utf-8-sig")
    assert text.startswith("a_item,a_label,a_label_en,relation,") and "skos:" in text


def test_relation_words_read_in_the_right_direction():
    from herstelgraph.words import relation_word

    # "X broadMatch Y": Y is broader, X falls under Y
    assert relation_word("skos:broadMatch", "nl") == "valt onder"
    assert relation_word("skos:narrowMatch", "nl") == "is breder dan"
    assert relation_word("skos:exactMatch", "nl") == "komt overeen met"
    assert relation_word("skos:closeMatch", "nl") == "komt grotendeels overeen met"
    assert relation_word("skos:relatedMatch", "nl") == "verwant aan"
    assert relation_word("noMatch", "nl") == "geen overeenkomst"
    assert relation_word("skos:narrowMatch", "en") == "is broader than"


def test_type_words_come_from_the_ontology_labels():
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import RDFS

    from herstelgraph.words import type_word

    g = Graph().parse(ROOT / "ontology" / "herstelgraph.ttl")
    hg = "https://w3id.org/herstelgraph/def#"
    for name in ("KnowledgeItem", "Competency", "OrganisationalCondition"):
        for lang in ("nl", "en"):
            assert Literal(type_word(name, lang), lang=lang) in set(
                g.objects(URIRef(hg + name), RDFS.label)
            )
    assert type_word("NoSuchType", "nl") == "NoSuchType"


def test_verbose_shows_raw_terms_and_every_column(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "400")
    text = cli("-v", "crosswalk", "bk", "valente")[1].decode()
    assert "skos:" in text and "mappingrecord" in text
    assert "mappingrecord" not in cli("crosswalk", "bk", "valente")[1].decode()


def test_shares_percent_totals_labelled(cli):
    text = cli("coverage")[1].decode()
    assert "%" in text and "totaal" in text and "0." not in text
    rows = json.loads(cli("coverage", "--format", "json")[1])
    framework_rows = [r for r in rows if r["scope"] == "framework"]
    assert all(r["section_label"] is None for r in framework_rows)  # data unchanged
    shares = {f"{round(r['share'] * 100)}%" for r in framework_rows}
    assert any(s in text for s in shares)


def test_map_names_the_framework_of_each_no_match(cli):
    text = cli("map", "bk:C2")[1].decode()
    line = next(ln for ln in text.splitlines() if "geen overeenkomst" in ln)
    assert "valente-2023" in line and "NoTermFound" not in text


def test_truncation_is_stated(cli):
    code, out, err = cli("search", "e", "--limit", "2")
    assert code == 0
    total = len(json.loads(cli("search", "e", "--limit", "0", "--format", "json")[1]))
    assert total > 2
    assert f"2 van {total}; gebruik --limit 0 voor alle" in out.decode()
    code, out, err = cli("--lang", "en", "search", "e", "--limit", "2", "--format", "csv")
    assert f"2 of {total}; use --limit 0 for all" in err
    assert len(list(csv.DictReader(io.StringIO(out.decode("utf-8-sig"))))) == 2


def test_unknown_type_lists_the_types(cli):
    for args in (["concepts", "bk"], ["gaps", "bk", "valente"]):
        code, out, err = cli(*args, "--type", "Kompetentie")
        assert code == 2 and out == b""
        assert "onbekend itemtype 'Kompetentie'; bekend: " in err
        # the Dutch words, which --type takes as well
        assert "competentie, " in err and "kennisitem, " in err and "Competency" not in err
        english = cli("--lang", "en", *args, "--type", "Kompetentie")[2]
        assert "unknown item type 'Kompetentie'; known: " in english
        assert "Competency" in english and "KnowledgeItem" in english
    rows = json.loads(cli("concepts", "bk", "--type", "kennisitem", "--format", "json")[1])
    assert rows and {r["type"] for r in rows} == {"KnowledgeItem"}


def test_unknown_framework_lists_the_frameworks(cli):
    code, _, err = cli("crosswalk", "bk", "nowhere")
    assert code == 2
    assert "onbekend kader 'nowhere'; bekend: bijlage-ii, bk-0597-1" in err
    assert "(bekijk ze met 'herstelgraph frameworks')" in err
    code, _, err = cli("crosswalk", "bk", "nowhere", "--lang", "en")
    assert "unknown framework 'nowhere'; known: bijlage-ii, bk-0597-1" in err
    assert "(list them with 'herstelgraph frameworks')" in err
    assert "concepts SCHEME" not in err


# ------------------------------------------------------------------------- terminal
def test_a_narrow_terminal_wraps_cells_instead_of_cutting(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    code, out, _ = cli("crosswalk", "bk", "valente")
    assert code == 0
    lines = out.decode().splitlines()
    assert max(len(line) for line in lines) <= 60
    assert any(len(line) > 50 for line in lines)  # the room is used
    body = [line.split("│")[1:-1] for line in lines if line.startswith("│")]
    rows = json.loads(cli("crosswalk", "bk", "valente", "--format", "json")[1])
    # each column, read down and without the spaces where it wrapped, holds every value
    for index, field in ((0, "a_item"), (1, "a_label"), (3, "b_item"), (4, "b_label")):
        column = "".join(cells[index] for cells in body).replace(" ", "")
        assert column == "".join(r[field] for r in rows).replace(" ", ""), field


def test_control_characters_never_reach_the_terminal(cli):
    for args in (
        ["concepts", "bk"],
        ["show", "bk:kennis-96"],
        ["search", "scherm"],
        ["--lang", "en", "check", HOSTILE],
    ):
        code, out, err = cli("--data", HOSTILE, *args)
        assert code in (0, 1), err
        assert b"\x1b" not in out and b"\x07" not in out and "\u202e".encode() not in out
        if args[0] != "--lang":
            assert b"\\x1b[2J" in out and b"\\x1b]0;pwned\\x07" in out
    code, out, err = cli("show", "bk:\x1b[2Jkennis")
    assert code == 2 and "\x1b" not in err


# ------------------------------------------------------------------------- stdout
def _run_with_stdout(stdout, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", "from herstelgraph.cli import run; run()", *args],
        stdout=stdout, stderr=subprocess.PIPE, text=True, timeout=120,
    )  # fmt: skip


@pytest.mark.skipif(os.geteuid() != 0, reason="mknod needs root")
@pytest.mark.parametrize(
    "args",
    [["frameworks"], ["export", "--format", "csv"], ["concepts", "bk-0597-1", "--format", "json"],
     ["cache", "info"]],
    ids=["table", "export", "json", "cache-info"],
)  # fmt: skip
def test_a_full_standard_output_is_one_line_exit_2(tmp_path, args):
    """``frameworks > /dev/full`` once gave ``internal error: OSError: [Errno 28]``, exit 3.
    Standard output is a twin of /dev/full made here (never the real one)."""
    full = tmp_path / "full"
    os.mknod(full, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
    with open(full, "wb") as stdout:
        proc = _run_with_stdout(stdout, *args)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr == (
        "herstelgraph: fout: standard output: kan niet schrijven (No space left on device)\n"
    )


def test_a_reader_that_left_is_quiet(tmp_path):
    """``herstelgraph export | head``: the pipe closes early; no message (click's exit 1)."""
    read, write = os.pipe()
    os.close(read)
    try:
        proc = _run_with_stdout(write, "export", "--format", "csv")
    finally:
        os.close(write)
    assert proc.returncode == 1 and proc.stderr == ""


def _on_a_terminal(cli, *args: str) -> tuple[int, bytes, str]:
    """Run the CLI with standard output on a pseudo-terminal; returns what the terminal got
    (raw mode, so no LF -> CRLF translation)."""
    import pty
    import threading
    import tty

    master, slave = pty.openpty()
    tty.setraw(slave)
    got: list[bytes] = []

    def read() -> None:
        while True:
            try:
                chunk = os.read(master, 1 << 16)
            except OSError:  # EIO: the terminal's other side closed
                return
            if not chunk:
                return
            got.append(chunk)

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    saved = sys.stdout
    sys.stdout = io.TextIOWrapper(open(slave, "wb", buffering=0), encoding="utf-8")
    try:
        assert sys.stdout.isatty()
        code, _out, err = cli(*args)
        sys.stdout.flush()
    finally:
        sys.stdout.close()
        sys.stdout = saved
    reader.join(20)
    os.close(master)
    return code, b"".join(got), err


RAW = ("\x1b", "\x07", "\u202e", "\r=")


@pytest.mark.parametrize("fmt", ["csv", "json"])
def test_csv_and_json_on_a_terminal_are_escaped_as_tables_are(cli, fmt):
    """``concepts … --format csv`` on a terminal once sent ESC, OSC and bidi raw."""
    piped = cli("--data", HOSTILE, "concepts", "bk", "--format", fmt)[1].decode("utf-8")
    # to a pipe or file: the data as it is (JSON escapes C0 controls itself, not bidi)
    assert all(c in piped for c in (RAW if fmt == "csv" else ("\u202e",)))
    code, shown, err = _on_a_terminal(
        cli, "--data", str(HOSTILE), "concepts", "bk", "--format", fmt
    )
    text = shown.decode("utf-8")
    assert code == 0, err
    assert not any(c in text for c in RAW), text
    assert "\\u001b[2J" in text and "\\u001b]0;pwned\\u0007" in text and "\\u202e" in text
    if fmt == "json":  # still JSON, with the same values
        assert json.loads(text) == json.loads(piped)
    else:  # the same rows, each line still ending in CRLF
        assert text.count("\r\n") == piped.count("\r\n") and len(text.splitlines()) > 5
        assert (
            text.replace("\\u000d", "\r")
            .replace("\\u001b", "\x1b")
            .replace("\\u0007", "\x07")
            .replace("\\u202e", "\u202e")
            == piped
        )


# ------------------------------------------------------------------------- query
def test_query_with_keyword_and_method_named_variables_in_every_format(cli, queries, tmp_path):
    from openpyxl import load_workbook

    code, out, err = cli("query", queries["class"], "--format", "json")
    assert code == 0, err
    rows = json.loads(out)
    assert set(rows[0]) == {"class", "columns", "n"} and isinstance(rows[0]["n"], int)
    text = cli("query", queries["class"], "--format", "csv")[1].decode("utf-8-sig")
    assert text.startswith("class,columns,n\r\n")
    table = cli("query", queries["class"])[1].decode()
    assert "class" in table and "columns" in table and "skos:Concept" in table
    target = tmp_path / "q.xlsx"
    assert cli("query", queries["class"], "-o", target)[0] == 0
    ws = load_workbook(target).active
    assert [c.value for c in ws[1]] == ["class", "columns", "n"]
    assert ws.cell(row=2, column=3).data_type == "n"


def test_query_result_is_generic_and_exported():
    import herstelgraph
    from herstelgraph import QueryResult
    from herstelgraph.questions.alignment import run_query

    store = herstelgraph.load(files=[FIX / "frameworks.ttl", FIX / "mappings.ttl"])
    res = run_query(store, "crosswalk", {"a": "bk", "b": "valente"})
    assert isinstance(res, QueryResult) and res.variables[:2] == ("record", "subject")
    assert all(len(r) == len(res.variables) for r in res.rows)
    from dataclasses import FrozenInstanceError

    with pytest.raises(FrozenInstanceError):
        res.rows = ()  # type: ignore[misc]
    assert isinstance(res.rows, tuple) and all(isinstance(r, tuple) for r in res.rows)


@pytest.mark.parametrize(
    "select",
    [
        "SELECT * WHERE { ?s a <urn:x:Nothing> ; ?p ?o }",
        "SELECT * WHERE { ?s a <urn:x:Nothing> . OPTIONAL { ?s ?p ?o } }",
        "SELECT ?s ?p ?o WHERE { ?s a <urn:x:Nothing> ; ?p ?o }",
        "SELECT *\nWHERE {\n  ?s a <urn:x:Nothing> ;\n     ?p ?o\n}",
    ],
)
def test_a_select_with_no_rows_still_names_its_columns(cli, tmp_path, select):
    """issue 13: the header comes from the query's answer (QuerySolutions.variables), not
    from reading the query text, so SELECT * with no solutions writes its three columns, in
    the engine's order for * (Oxigraph: sorted), in the query's order when it names them."""
    import pyoxigraph as ox

    path = tmp_path / "none.rq"
    path.write_text(select + "\n", encoding="utf-8")
    code, out, err = cli("query", path, "--format", "csv")
    assert code == 0, err
    engine = [v.value for v in ox.Store().query(select).variables]
    assert sorted(engine) == ["o", "p", "s"]
    assert out.decode("utf-8-sig") == ",".join(engine) + "\r\n"
    target = tmp_path / "none.xlsx"
    assert cli("query", path, "-o", target)[0] == 0
    from openpyxl import load_workbook

    assert [c.value for c in load_workbook(target).active[1]] == engine


def test_select_rows_carry_the_variables():
    import herstelgraph

    store = herstelgraph.load(files=[FIX / "frameworks.ttl"], closure=False)
    rows = store.select("SELECT * WHERE { ?s a <urn:x:Nothing> ; ?p ?o }")
    assert rows == [] and sorted(rows.variables) == ["o", "p", "s"]
    rows = store.select("SELECT ?label ?c WHERE { ?c skos:prefLabel ?label } LIMIT 2")
    assert len(rows) == 2 and rows.variables == ("label", "c")


def test_ask_construct_and_describe(cli, queries):
    assert cli("query", queries["ask"], "--format", "json")[1] == b'{\n  "boolean": true\n}\n'
    assert cli("query", queries["ask"], "--format", "csv")[1] == b"\xef\xbb\xbfboolean\r\ntrue\r\n"
    assert b": ja" in cli("query", queries["ask"])[1]
    code, out, err = cli("query", queries["construct"])
    assert code == 0, err
    import pyoxigraph as ox

    triples = list(ox.parse(out, format=ox.RdfFormat.TURTLE))
    assert triples and {q.predicate.value.rsplit("#")[-1] for q in triples} == {"prefLabel"}
    rows = json.loads(cli("query", queries["construct"], "--format", "json")[1])
    assert set(rows[0]) == {"subject", "predicate", "object"}
    code, out, err = cli("query", queries["describe"])
    assert code == 0 and b"bk:kennis-01" in out and b"@prefix bk:" in out


def test_construct_on_an_endpoint_is_refused_in_one_line(cli, queries):
    # refused before any request is made: no server needed
    code, out, err = cli("--endpoint", "http://127.0.0.1:9/sparql", "query", queries["construct"])
    assert code == 2 and out == b""
    assert "CONSTRUCT is not supported on an endpoint" in err and len(err.splitlines()) == 1


# ------------------------------------------------------------------------- export names
@pytest.mark.parametrize(
    "alias, name",
    [
        ("ttl", "turtle"),
        ("TURTLE", "turtle"),
        ("nt", "ntriples"),
        ("xml", "rdfxml"),
        ("rdf", "rdfxml"),
        ("json-ld", "jsonld"),
        ("JSONLD", "jsonld"),
        ("TriG", "trig"),
    ],
)
def test_export_accepts_the_names_users_type(cli, alias, name):
    code, out, err = cli("export", "--format", alias, "--framework", "bk")
    assert code == 0, err
    assert out == cli("export", "--format", name, "--framework", "bk")[1]


def test_export_format_from_the_suffix_and_unknown_names(cli, tmp_path):
    target = tmp_path / "bk.ttl"
    assert cli("export", "--framework", "bk", "-o", target)[0] == 0
    assert target.read_bytes() == cli("export", "--format", "turtle", "--framework", "bk")[1]
    code, _, err = cli("export", "--format", "n3")
    assert code == 2 and "'n3' is geen exportformaat; gebruik een van turtle, " in err
    code, _, err = cli("--lang", "en", "export", "--format", "n3")
    assert code == 2 and "'n3' is not an export format; use one of turtle, " in err
    code, _, err = cli("export", "-o", tmp_path / "x.txt")
    assert code == 2 and "geen --format gegeven en '" in err and "heeft geen bekende" in err
    code, _, err = cli("--lang", "en", "export", "-o", tmp_path / "x.txt")
    assert code == 2 and "no --format given and '" in err and "has no known suffix" in err


def test_suggestion_writers_use_the_shared_spreadsheet_writer(tmp_path):
    from openpyxl import load_workbook

    from herstelgraph.curation.suggest import output
    from herstelgraph.curation.suggest.fuse import Candidate

    cand = Candidate(
        "-1+1", "@SUM(1)", 1, "bk:kennis-01", "=HYPERLINK(1)", "bk-0597-1",
        0.5, None, 1.25, 0.5, "skos:relatedMatch", True,
    )  # fmt: skip
    text = output.to_csv([cand])
    assert text.startswith("\ufeffsource_id,") and text.endswith("\r\n")
    row = next(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert row["source_id"] == "'-1+1" and row["target_label"] == "'=HYPERLINK(1)"
    assert row["score"] == "0.5" and row["good"] == "yes"
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    output.write_candidates(first, [cand], "xlsx")
    output.write_candidates(second, [cand], "xlsx")
    assert first.read_bytes() == second.read_bytes()
    ws = load_workbook(first).active
    cells = {h.value: c for h, c in zip(ws[1], ws[2], strict=True)}
    assert cells["score"].data_type == "n" and cells["source_id"].value == "'-1+1"
    assert all(c.data_type != "f" for c in ws[2])


@pytest.mark.parametrize(
    "args, says",
    [
        (["search", "herstel", "--limit", "-1"], "-1 ligt niet in het bereik x>=0"),
        (["check", "--limit", "-5"], "-5 ligt niet in het bereik x>=0"),
        (["overview", "-o", ""], "-o: geef een bestandsnaam, of '-' voor de standaarduitvoer"),
        (["gaps", "bk", "valente", "-o", "  "], "-o: geef een bestandsnaam"),
    ],
)
def test_a_negative_limit_or_an_empty_output_name_is_refused(cli, args, says):
    """Never taken silently: a limit below 0 (0 is "all") or an -o without a name."""
    code, out, err = cli(*args)
    assert code == 2 and out == b"" and says in err and len(err.strip().splitlines()) == 1


def test_a_sheet_given_as_data_points_to_curriculum_import(cli):
    code, out, err = cli("--data", ROOT / "examples" / "curriculum-modules.csv", "overview")
    assert code == 2 and out == b"" and len(err.strip().splitlines()) == 1
    assert "onbekend RDF-formaat" in err and "'herstelgraph curriculum import'" in err


def test_impact_names_its_summary_rows_in_words(run_cli, monkeypatch):
    """The rows over every requirement and over the context statements: "totaal" and
    "totaal context (geen eisen)", not the library's "(all)" and "(context)"."""
    monkeypatch.setenv("COLUMNS", "200")
    sheet = str(ROOT / "examples" / "curriculum-modules.csv")
    args = ("impact", sheet, "--from", "current", "--framework", "bk")
    code, out, err = run_cli(*args)
    assert code == 0, err
    assert "│ totaal " in out and "(all)" not in out and "(context)" not in out
    assert "│ total " in run_cli("--lang", "en", *args)[1]
    assert '"(all)"' in run_cli(*args, "--format", "json")[1]  # the raw value stays


@pytest.mark.parametrize(
    "name, text",
    [
        ("bad.ttl", "@prefix ex: <http://e.org/> .\nex:a ex:b\n"),
        ("bad.jsonld", '{"a": }'),
        ("bad.nt", "<http://e.org/a> <http://e.org/b> .\n"),
        (  # Oxigraph names no place in RDF/XML: expat's, through --data as in check
            "bad.rdf",
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">\n'
            '<rdf:Description rdf:about="http://e.org/a">\n</rdf:RDF>\n',
        ),
    ],
)
def test_a_file_that_does_not_parse_is_told_in_dutch_by_every_verb(run_cli, tmp_path, name, text):
    """check reads a file its own way (a worker, its own placing of RDF/XML errors); the
    user reads the same words as through --data or validate: Dutch, English on request."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    for args in (["check", str(path)], ["--data", str(path), "frameworks"]):
        code, _out, err = run_cli(*args)
        assert code == 2 and len(err.strip().splitlines()) == 1, err
        assert f"{path}:1:" in err or f"{path}:2:" in err or f"{path}:3:" in err, err
        assert "verbeter de syntaxis daar" in err, err
        assert "fix the syntax there" in run_cli("--lang", "en", *args)[2]


def test_a_turtle_file_saved_with_a_byte_order_mark_is_read(run_cli, tmp_path):
    """Notepad and Excel may start a UTF-8 file with a BOM, which no RDF syntax allows and
    no reader of the file sees: it is read as if it were not there, by every verb."""
    profile = tmp_path / "rol.ttl"
    profile.write_bytes(
        b"\xef\xbb\xbf" + (ROOT / "examples" / "01-valid-role-profile.ttl").read_bytes()
    )
    code, _out, err = run_cli("validate", str(profile))
    assert code == 0, err
    assert run_cli("check", str(profile))[0] in (0, 1)  # its findings, not a syntax error
    code, out, err = run_cli("--data", str(profile), "frameworks", "--format", "json")
    assert code == 0 and "Traceback" not in err and json.loads(out)


def test_an_output_under_a_file_says_it_is_a_file(cli, tmp_path):
    (tmp_path / "x.csv").write_text("keep\n", encoding="utf-8")
    code, out, err = cli("overview", "-o", tmp_path / "x.csv" / "y.csv")
    assert code == 2 and out == b"" and "x.csv is een bestand, geen map" in err
    assert (tmp_path / "x.csv").read_text(encoding="utf-8") == "keep\n"


def test_a_dutch_table_writes_a_decimal_comma_and_machine_formats_a_point(cli, monkeypatch):
    monkeypatch.setenv("COLUMNS", "250")
    nl = cli("crosswalk", "bk", "valente")[1].decode()
    en = cli("--lang", "en", "crosswalk", "bk", "valente")[1].decode()
    rows = json.loads(cli("crosswalk", "bk", "valente", "--format", "json")[1])
    shown = {r["confidence"] for r in rows if r["confidence"] % 1}
    assert shown, "a confidence with decimals to show"
    for c in shown:
        text = f"{c:.3f}".rstrip("0")
        assert text.replace(".", ",") in nl and text in en
    assert any(f"{c}" in cli("crosswalk", "bk", "valente", "--format", "csv")[1].decode()
               for c in shown)  # fmt: skip
