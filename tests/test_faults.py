"""The catalogue of hostile input: every case run through the real CLI entry point.

Each case is a hostile file (``tests/faults/``) or command, the outcome it must get (exit
code, one stderr line naming the file and where, a word that line must contain) and the
guarantee it defends (``GUARANTEES``; the README's Guarantees section names the tests that
defend each). ``tests/faults/README.md`` is the catalogue as a table, generated from
``CASES`` and held to it by a test (``python tests/test_faults.py`` rewrites it).

A refused case must give exactly one stderr line, no traceback, within a time limit, no
partial output file and the input untouched. A case whose exit may be 0 (a query the CLI
may answer) must then answer without a traceback. A few run again in a real subprocess.
``figures()`` computes the numbers docs/guarantees.md states, and a test holds the
document to them.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import NETWORK_ATTEMPTS, ROOT

FAULTS = ROOT / "tests" / "faults"
LIMIT = 20.0  # seconds per case, the slowest (a 2 s query timeout) included
PENDING = "verb not implemented yet"

#: What the cases defend: id → the promise. README.md's Guarantees table has one row each.
GUARANTEES = {
    "one-line": "bad input gets one located line on stderr and exit 2, never a traceback",
    "no-fetch": "nothing is fetched: no entity, remote context, SERVICE, LOAD or FROM <http…>",
    "size-cap": "a file over the size cap is refused from its size, before parsing",
    "bounded-parse": "every parse of a user's file is bounded in nesting and in time",
    "bounded-query": "a user's query is stopped at its deadline; no worker outlives the process",
    "no-update": "the query verb never changes the graph (no SPARQL Update, no injection)",
    "settings": "a setting with an unusable value is one line naming it, never a crash",
    "inputs-kept": "no output replaces an input of the run, directly or through a link",
    "valid-data": "data that parses but is wrong (unknown concepts, ill-typed) is reported",
}


@dataclass(frozen=True)
class Case:
    """One hostile input: the file, the CLI arguments, what must be said, what it defends.

    Placeholders in ``args``: ``{f}`` the fault file; ``{copy}`` a copy of it in the test's
    folder (for cases that try to write onto it); ``{link}`` a symbolic link to that copy;
    ``{out}`` a fresh output path; ``{chain}`` a 1,000-deep chain of triples; ``{gen}`` the
    file ``GENERATED[file]`` writes (too big to keep in the repository).
    """

    file: str | None
    args: tuple[str, ...]
    guards: str
    exit: tuple[int, ...] = (2,)
    where: str | None = None  # "line:column" (or "line") the message must name
    says: str = ""  # a word the one line must contain
    env: dict = field(default_factory=dict)
    pending: str | None = None  # xfail(strict=True) reason while a verb is missing
    report: bool = False  # a validation failure: exit 1 and the finding in the stdout report
    isolated: bool = False  # run in a subprocess only (could hang in-process if unguarded)
    name: str = ""  # tells apart cases of one file and verb

    @property
    def id(self) -> str:
        base = self.file or self.args[0]
        verb = next((a for a in self.args if a[:1].isalpha()), self.args[0])
        name = f"-{self.name}" if self.name else ""
        return base + ("" if verb == "check" else f"-{verb}") + name


def _deep_rdfxml(path: Path) -> None:
    """The issue's file: RDF/XML nested 100,000 deep, 4.8 MB (minutes to parse, unguarded)."""
    depth = 100_000
    path.write_text(
        '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
        ' xmlns:ex="http://example.org/">\n<rdf:Description rdf:about="http://example.org/a">'
        + "<ex:p><rdf:Description>" * depth
        + "<ex:q>x</ex:q>"
        + "</rdf:Description></ex:p>" * depth
        + "</rdf:Description>\n</rdf:RDF>\n"
    )


def _slow_jsonld(path: Path) -> None:
    """JSON-LD within the nesting bound whose parse still takes seconds: 2,000 nodes nested
    60 deep (2.9 MB; parse time grows with nesting x size), for the parse deadline."""
    one = '{"@id":"http://example.org/a%d",' + '"http://example.org/p":{' * 60
    one += '"http://example.org/q":"x"' + "}" * 60 + "}"
    path.write_text("[" + ",".join(one % i for i in range(2000)) + "]")


def _zero_link(path: Path) -> None:
    """A sheet that never ends: a link to /dev/zero (a CSV was once read whole)."""
    path.symlink_to("/dev/zero")


GENERATED = {
    "deep-100k.rdf": _deep_rdfxml,
    "slow.jsonld": _slow_jsonld,
    "zero.csv": _zero_link,
}

CHECK = ("check", "{f}")
CASES = [
    Case("malformed.ttl", CHECK, "one-line", where="4:1", says="dot is expected"),
    Case("malformed.ttl", ("--data", "{f}", "frameworks"), "one-line", where="4:1"),
    Case("literal-subject.ttl", CHECK, "one-line", where="2:1", says="not a valid subject"),
    Case("iri-space.ttl", CHECK, "one-line", where="2:1", says="IRI"),
    # check reads a tag that breaks BCP 47 where Turtle allows it, and reports it
    # (tests/test_quality.py); loading it as data refuses it
    Case("invalid-lang.ttl", CHECK, "valid-data", exit=(0,)),
    Case(
        "invalid-lang.ttl", ("--data", "{f}", "frameworks"), "one-line", where="4:24", says="subtag"
    ),
    # refused where it would enter our graph; `check FILE` reads it (RDF 1.1 allows it) and
    # reports ill-typed-literal (tests/test_quality.py)
    Case(
        "ill-typed.ttl",
        ("--data", "{f}", "frameworks"),
        "valid-data",
        where="5:20",
        says="xsd:integer",
    ),
    # a warning (tags are case-insensitive), then S14 in the report: exit 1
    Case("lang-case.ttl", CHECK, "valid-data", exit=(1,), where="5:13", says="also written"),
    Case("xxe.rdf", CHECK, "no-fetch", where="2:1", says="refused before parsing"),
    Case("billion-laughs.rdf", CHECK, "no-fetch", where="2:1", says="refused before parsing"),
    Case("remote-context.jsonld", CHECK, "no-fetch", says="haalt nooit iets op"),
    Case(
        "remote-context.jsonld",
        ("--data", "{f}", "frameworks"),
        "no-fetch",
        says="haalt nooit iets op",
    ),
    Case(
        "oversize.ttl", ("check", "--max-input-size", "100", "{f}"), "size-cap", says="invoergrens"
    ),
    Case(
        "oversize.ttl",
        ("--data", "{f}", "frameworks"),
        "size-cap",
        says="meer dan de invoergrens van 100 bytes",
        env={"HERSTELGRAPH_MAX_INPUT_BYTES": "100"},
    ),
    Case(
        "oversize.ttl",
        ("--max-input-size", "100", "validate", "{f}"),
        "size-cap",
        says="het bestand heeft 363 bytes",
        name="global-option",
    ),
    Case("service.rq", ("query", "{f}"), "no-fetch", where="4:3", says="SERVICE"),
    Case("load.rq", ("query", "{f}"), "no-fetch", where="2:1", says="LOAD"),
    Case("from.rq", ("query", "{f}"), "no-fetch", where="3:1", says="FROM"),
    # the words inside strings, IRIs and comments are not keywords: answered, exit 0
    Case("keywords-in-strings.rq", ("query", "{f}"), "no-fetch", exit=(0,)),
    Case("update.rq", ("query", "{f}"), "no-update", where="2:1", says="Update"),
    Case(
        "pathological.rq",
        ("--data", "{chain}", "query", "{f}"),
        "bounded-query",
        says="querytijdgrens",
        env={"HERSTELGRAPH_QUERY_TIMEOUT": "2"},
        isolated=True,
    ),
    # rows are what the query verb prints: other forms are answered or refused in one line
    Case("construct.rq", ("query", "{f}"), "one-line", exit=(0, 2), says="CONSTRUCT"),
    Case("ask.rq", ("query", "{f}"), "one-line", exit=(0, 2), says="ASK"),
    Case("describe.rq", ("query", "{f}"), "one-line", exit=(0, 2), says="DESCRIBE"),
    Case(
        "profile-unknown-concept.ttl",
        ("validate", "{f}"),
        "valid-data",
        exit=(1,),
        says="competentie-99-bestaat-niet",
        report=True,
    ),
    Case("sssom-tab.sssom.tsv", CHECK, "one-line", where="18", says="fields"),
    Case("sssom-newline.sssom.tsv", CHECK, "one-line", where="19", says="line break"),
    Case("sssom-quote.sssom.tsv", CHECK, "one-line", where="18", says="double quote"),
    Case("sssom-pipe.sssom.tsv", CHECK, "one-line", where="18", says="'|'"),
    Case("sssom-undeclared-prefix.sssom.tsv", CHECK, "one-line", where="18", says="not declared"),
    Case("sssom-full-iri.sssom.tsv", CHECK, "one-line", where="18", says="full IRI"),
    Case("sssom-bom.sssom.tsv", CHECK, "one-line", where="1", says="byte-order mark"),
    Case("sssom-crlf.sssom.tsv", CHECK, "one-line", where="1", says="CRLF"),
    # nesting: refused before parsing (parse time grows with its square; deep JSON-LD
    # crashes the parser, deep YAML and JSON exhaust Python's recursion)
    Case("deep-nesting.rdf", CHECK, "bounded-parse", where="4:", says="nested more than 64"),
    Case("deep-nesting.jsonld", CHECK, "bounded-parse", where="2:", says="nested more than 64"),
    Case(
        "deep-nesting.jsonld",
        ("--data", "{f}", "frameworks"),
        "bounded-parse",
        says="nested more than 64",
    ),
    Case("deep-yaml.sssom.tsv", CHECK, "bounded-parse", where="1", says="nested more than 64"),
    Case(
        "deep-100k.rdf",
        ("--data", "{gen}", "frameworks"),
        "bounded-parse",
        says="nested more than 64",
    ),
    Case(
        "slow.jsonld",
        ("check", "{gen}"),
        "bounded-parse",
        says="leestijdgrens",
        env={"HERSTELGRAPH_PARSE_TIMEOUT": "0.5"},
        isolated=True,
    ),
    # settings
    *(
        Case(
            "count.rq",
            ("query", "{f}"),
            "settings",
            says=f"HERSTELGRAPH_QUERY_TIMEOUT='{v}'",
            env={"HERSTELGRAPH_QUERY_TIMEOUT": v},
            name=f"timeout-{v}",
        )
        for v in ("inf", "nan", "1e12", "0", "soon")
    ),
    Case(
        "blank-nodes.ttl",
        CHECK,
        "settings",
        says="HERSTELGRAPH_PARSE_TIMEOUT='-1'",
        env={"HERSTELGRAPH_PARSE_TIMEOUT": "-1"},
        name="parse-timeout",
    ),
    Case(
        "blank-nodes.ttl",
        CHECK,
        "settings",
        says="HERSTELGRAPH_MAX_INPUT_BYTES '50 apples'",
        env={"HERSTELGRAPH_MAX_INPUT_BYTES": "50 apples"},
        name="max-input",
    ),
    # outputs onto inputs (the two data-loss cases, and through a link)
    Case(
        "blank-nodes.ttl",
        ("--data", "{copy}", "export", "--format", "csv", "-o", "{copy}"),
        "inputs-kept",
        says="is een invoer van deze opdracht",
    ),
    Case(
        "blank-nodes.ttl",
        ("--data", "{copy}", "export", "--format", "turtle", "-o", "{link}"),
        "inputs-kept",
        says="is een invoer van deze opdracht",
        name="link",
    ),
    Case(
        "curriculum.csv",
        ("curriculum", "import", "{copy}", "-o", "{copy}"),
        "inputs-kept",
        says="schrijf het curriculum als Turtle",  # refused by its suffix, before it is read
    ),
    # CSV sheets are held to the size cap like RDF (issue 14.11): from their size, or by a
    # bounded read where the size says nothing (a device)
    Case(
        "curriculum.csv",
        ("--max-input-size", "100", "curriculum", "import", "{f}", "-o", "{out}"),
        "size-cap",
        says="het bestand heeft 115 bytes",
        name="size-cap",
    ),
    Case(
        "curriculum.csv",
        ("validate", "{f}"),
        "size-cap",
        says="meer dan de invoergrens van 100 bytes",
        env={"HERSTELGRAPH_MAX_INPUT_BYTES": "100"},
    ),
    Case(
        "zero.csv",
        ("curriculum", "import", "{gen}", "-o", "{out}"),
        "size-cap",
        says="invoergrens",
        env={"HERSTELGRAPH_MAX_INPUT_BYTES": "1MB"},
        isolated=True,
    ),
    Case(
        "latin1.csv",
        ("curriculum", "import", "{f}", "-o", "{out}"),
        "one-line",
        where="2:14",
        says="geen UTF-8",
    ),
]

#: IDs and parameters that try to break out of their place in a query or an update.
INJECTIONS = [
    ("show", "bk:x> } ; DROP ALL ; #"),
    ("show", '" } ; DELETE WHERE { ?s ?p ?o } #'),
    ("concepts", 'bk-0597-1" } ; DROP ALL ; #'),
    ("map", "<http://x> } INSERT DATA { <a> <b> <c> } #"),
    ("query", "concepts; DROP ALL"),
    ("query", "concepts", "--param", "scheme=<http://x> } ; DELETE WHERE { ?s ?p ?o } #"),
    ("query", "concepts", "--param", 'scheme=x" } ; DROP ALL ; #'),
]

#: Cases run again in a real subprocess (the installed entry point's code path).
SUBPROCESS = ["malformed.ttl", "xxe.rdf", "remote-context.jsonld", "update.rq", "ill-typed.ttl"]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _chain(folder: Path, n: int = 1000) -> Path:
    path = folder / "chain.nt"
    path.write_text(
        "".join(
            f"<http://example.org/n{i}> <http://example.org/next> <http://example.org/n{i + 1}> .\n"
            for i in range(n)
        )
    )
    return path


def _args(case: Case, tmp_path: Path) -> list[str]:
    f = str(FAULTS / case.file) if case.file else ""
    joined = " ".join(case.args)
    values = {"{f}": f}
    if "{chain}" in joined:
        values["{chain}"] = str(_chain(tmp_path))
    if "{copy}" in joined or "{link}" in joined:
        copy = tmp_path / case.file
        shutil.copyfile(FAULTS / case.file, copy)
        values["{copy}"] = str(copy)
        link = tmp_path / f"link-to-{case.file}"
        link.symlink_to(copy.name)
        values["{link}"] = str(link)
    if "{out}" in joined:
        values["{out}"] = str(tmp_path / "out.ttl")
    if "{gen}" in joined:
        path = tmp_path / case.file
        GENERATED[case.file](path)
        values["{gen}"] = str(path)
    out = []
    for a in case.args:
        for k, v in values.items():
            a = a.replace(k, v)
        out.append(a)
    return out


#: files a case may leave in its folder: its own inputs
KEPT = re.compile(r"chain\.nt|link-to-.*|zero\.csv")


def _assert_one_line(code, out, err, case: Case, elapsed: float) -> None:
    assert code in case.exit, f"exit {code}, expected {case.exit}: {err}"
    assert "Traceback" not in err + out
    assert "internal error" not in err and "interne fout" not in err, err
    assert elapsed < LIMIT, f"took {elapsed:.1f} s"
    lines = [ln for ln in err.splitlines() if ln.strip()]
    if code == 0:  # answered: at most a warning
        assert len(lines) <= 1, lines
        return
    if case.report:
        assert len(lines) <= 1 and case.says in out, (out, err)
        return
    assert len(lines) == 1, f"expected one stderr line, got {lines}"
    line = lines[0]
    assert line.startswith(("herstelgraph: fout: ", "herstelgraph: waarschuwing: ")), line
    if case.file and case.guards != "settings":
        assert case.file in line, line
    if case.where:
        assert f"{case.file}:{case.where}" in line, line
    assert case.says in line, line


def _params():
    for case in CASES:
        marks = [pytest.mark.xfail(strict=True, reason=case.pending)] if case.pending else []
        yield pytest.param(case, id=case.id, marks=marks)


@pytest.mark.parametrize("case", list(_params()))
def test_fault_case(case: Case, run_cli, tmp_path, monkeypatch):
    for k, v in case.env.items():
        monkeypatch.setenv(k, v)
    before = _sha(FAULTS / case.file) if case.file in _files() else None
    attempts = len(NETWORK_ATTEMPTS)
    monkeypatch.chdir(tmp_path)
    args = _args(case, tmp_path)
    inputs = {p.name: _sha(p) for p in tmp_path.iterdir() if p.is_file()}
    start = time.monotonic()
    if case.isolated:
        code, out, err = _subprocess(case, tmp_path, args)
    else:
        code, out, err = run_cli(*args)
    elapsed = time.monotonic() - start
    _assert_one_line(code, out, err, case, elapsed)
    if before is not None:
        assert _sha(FAULTS / case.file) == before, "the input file was changed"
    assert len(NETWORK_ATTEMPTS) == attempts, "a network connection was attempted"
    for name, sha in inputs.items():
        assert _sha(tmp_path / name) == sha, f"the input {name} was changed"
    leftovers = [p.name for p in tmp_path.iterdir() if p.name not in inputs]
    leftovers = [n for n in leftovers if not KEPT.fullmatch(n)]
    assert leftovers == [], f"partial output left behind: {leftovers}"


def _files() -> set[str]:
    return {p.name for p in FAULTS.iterdir()}


EXPORTS = ["malformed.ttl", "xxe.rdf", "remote-context.jsonld", "ill-typed.ttl"]


@pytest.mark.parametrize("name", EXPORTS)
def test_failed_export_leaves_no_partial_output(name, run_cli, tmp_path):
    """--data BAD export -o FILE: no new file, an existing file keeps its old content."""
    fresh, old = tmp_path / "new.ttl", tmp_path / "old.ttl"
    old.write_text("old\n")
    for target in (fresh, old):
        code, _, err = run_cli(
            "--data", str(FAULTS / name), "export", "--format", "turtle", "-o", str(target)
        )
        assert code == 2 and len(err.strip().splitlines()) == 1, err
    assert not fresh.exists()
    assert old.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.ttl"]


@pytest.mark.parametrize("args", INJECTIONS, ids=[" ".join(a)[:40] for a in INJECTIONS])
def test_injection_is_an_input_error(args, run_cli):
    code, out, err = run_cli(*args)
    assert code == 2, (code, out, err)
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err + out, err


def test_injected_values_stay_values(store):
    """A bound value is written by Oxigraph's serializer: it can never end its quotes."""
    import pyoxigraph as ox

    size = len(store)
    evil = ox.Literal('x" } ; DELETE WHERE { ?s ?p ?o } ; SELECT * WHERE { "')
    rows = store.select("SELECT ?s WHERE { ?s skos:prefLabel ?label }", {"label": evil})
    assert rows == [] and len(store) == size


def _subprocess(case: Case, tmp_path: Path, args: list[str] | None = None) -> tuple[int, str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), **case.env}
    try:
        proc = subprocess.run(
            [
                sys.executable,
                "-c",
                "from herstelgraph.cli import run; run()",
                *(_args(case, tmp_path) if args is None else args),
            ],
            capture_output=True,
            text=True,
            env=env,
            cwd=tmp_path,
            timeout=LIMIT,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{case.id}: still running after {LIMIT} s")
    return proc.returncode, proc.stdout, proc.stderr


@pytest.mark.parametrize("name", SUBPROCESS)
def test_fault_case_in_a_subprocess(name, tmp_path):
    case = next(c for c in CASES if c.file == name)
    start = time.monotonic()
    code, out, err = _subprocess(case, tmp_path)
    _assert_one_line(code, out, err, case, time.monotonic() - start)
    assert list(tmp_path.iterdir()) == []


def test_user_query_is_stopped_by_the_deadline(tmp_path):
    """The mechanism itself: a (p|^p)* path over a 1,000-deep chain, killed at 2 s."""
    from herstelgraph.errors import InputError
    from herstelgraph.io import worker
    from herstelgraph.store import USER, Store, queries

    store = Store()
    store.add_file(_chain(tmp_path), USER)
    spec = queries.from_file(FAULTS / "pathological.rq")
    os.environ["HERSTELGRAPH_QUERY_TIMEOUT"] = "2"
    try:
        start = time.monotonic()
        with pytest.raises(InputError, match=r"pathological.rq: stopped after 2 s"):
            queries.run(store, spec)
        assert time.monotonic() - start < 10
    finally:
        del os.environ["HERSTELGRAPH_QUERY_TIMEOUT"]
    assert worker.LIVE == set(), "a worker outlived its deadline"
    # the same worker returns ordinary answers, and shipped queries stay in-process
    ok = queries.parse("SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b }", "count")
    ok = ok._replace(user=True)
    assert queries.run(store, ok)[0]["n"].value == "1000"


def test_remote_context_fetches_nothing():
    from herstelgraph.errors import InputError
    from herstelgraph.store import Store

    attempts = len(NETWORK_ATTEMPTS)
    with pytest.raises(InputError, match="never fetches"):
        Store().add_file(FAULTS / "remote-context.jsonld")
    assert len(NETWORK_ATTEMPTS) == attempts


def test_every_fault_file_is_used():
    used = {c.file for c in CASES} - set(GENERATED)
    assert _files() - {"README.md"} == used
    assert set(GENERATED) <= {c.file for c in CASES}
    assert {c.guards for c in CASES} <= set(GUARANTEES)


# ---------------------------------------------------------------- the catalogue document
def _command(case: Case) -> str:
    env = " ".join(f"{k}={v}" for k, v in case.env.items())
    args = " ".join(a if " " not in a else repr(a) for a in case.args)
    args = args.replace("{f}", case.file or "").replace("{copy}", case.file or "")
    args = args.replace("{gen}", case.file or "").replace("{chain}", "chain.nt")
    args = args.replace("{link}", f"link-to-{case.file}").replace("{out}", "out.ttl")
    return f"{env} herstelgraph {args}".strip()


def catalogue_markdown() -> str:
    """tests/faults/README.md: the catalogue as a table, one row per case."""
    lines = [
        "# The catalogue of hostile input",
        "",
        "Generated from `CASES` in `tests/test_faults.py` (`python tests/test_faults.py`",
        "rewrites this file; `test_catalogue_document_is_current` fails when it is stale).",
        "Each case runs through the real CLI entry point; a refused case must give exactly",
        "one stderr line (naming the file, and `line:column` where given), no traceback,",
        f"within {LIMIT:g} s, no partial output, and every input unchanged. Files marked",
        "*generated* are written by the test (too big to keep here).",
        "",
        "| guarantee | promise |",
        "|---|---|",
        *(f"| `{k}` | {v} |" for k, v in GUARANTEES.items()),
        "",
        "| case | command | exit | the line says | defends |",
        "|---|---|---|---|---|",
    ]
    for case in CASES:
        says = f"`{case.file}:{case.where}` " if case.where else ""
        says += f"“{case.says}”" if case.says else ""
        exit_ = " or ".join(map(str, case.exit))
        name = case.id + (" *(generated)*" if case.file in GENERATED else "")
        command = _command(case).replace("|", "\\|")
        says = says.replace("|", "\\|")
        lines.append(f"| {name} | `{command}` | {exit_} | {says} | `{case.guards}` |")
    lines += [
        "",
        "## Tested elsewhere",
        "",
        "Items of issue 14 that are not one hostile file and one command, and the tests that",
        "defend them (`test_catalogue_names_real_tests` checks that each exists):",
        "",
        "| issue 14 item | guarantee | tests |",
        "|---|---|---|",
    ]
    for item, promise, tests in ELSEWHERE:
        named = ", ".join(f"`{t}`" for t in tests)
        lines.append(f"| {item} | {promise} | {named} |")
    return "\n".join(lines) + "\n"


#: issue 14's items tested outside the catalogue: (item, what is promised, tests)
ELSEWHERE = [
    ("4", "CSV import reads Excel's doubled quotes, and a comma inside a quoted cell",
     ["test_institutes.py::test_excel_doubled_quotes_bom_crlf_and_a_comma_inside_a_quoted_cell",
      "test_properties.py::test_csv_reader_reads_any_cell_back"]),
    ("5", "formula-like cells neutralised in every CSV and XLSX writer",
     ["test_output.py::test_verb_csv_neutralises_formulas",
      "test_output.py::test_export_csv_neutralises_formulas",
      "test_output.py::test_xlsx_neutralises_formulas_and_writes_strings",
      "test_suggest.py::test_csv_and_xlsx_neutralise_formula_cells",
      "test_institutes.py::test_annex_xlsx_reads_back_frozen_coloured_and_neutralised"]),
    ("6", "every export (TriG too) byte-identical with user blank nodes",
     ["test_trust.py::test_every_export_is_byte_identical_with_blank_nodes",
      "test_properties.py::test_blank_node_labels_depend_on_the_graph_only"]),
    ("7", "control characters and bidi overrides never reach the terminal raw",
     ["test_output.py::test_control_characters_never_reach_the_terminal",
      "test_output.py::test_csv_and_json_on_a_terminal_are_escaped_as_tables_are"]),
    ("9", "an endpoint: one deadline per request, a size cap, malformed answers and unbound "
     "variables one line naming it",
     ["test_endpoint_faults.py::test_a_trickling_answer_hits_the_whole_request_deadline",
      "test_endpoint_faults.py::test_the_timeout_comes_from_the_environment",
      "test_endpoint_faults.py::test_an_endless_answer_stops_at_the_answer_cap",
      "test_endpoint_faults.py::test_malformed_results_are_one_line_endpoint_errors",
      "test_endpoint_faults.py::test_malformed_results_are_not_blamed_on_the_users_query",
      "test_endpoint_faults.py::test_a_needed_variable_left_unbound_is_one_line_naming_the_endpoint"]),
    ("10", "SIGTERM or SIGINT during a query leaves no worker; Ctrl-C exits 130",
     ["test_trust.py::test_a_signal_during_a_user_query_leaves_no_worker"]),
]  # fmt: skip


def _tests_in(file: str) -> set[str]:
    import ast

    tree = ast.parse((ROOT / "tests" / file).read_text(encoding="utf-8"))
    return {
        n.name for n in tree.body if isinstance(n, ast.FunctionDef) and n.name.startswith("test_")
    }


def test_catalogue_names_real_tests():
    missing = [
        t
        for _, _, tests in ELSEWHERE
        for t in tests
        if t.split("::")[1] not in _tests_in(t.split("::")[0])
    ]
    assert missing == [], f"tests/faults/README.md names tests that do not exist: {missing}"


def test_catalogue_document_is_current():
    path = FAULTS / "README.md"
    assert path.read_text(encoding="utf-8") == catalogue_markdown(), (
        "run: python tests/test_faults.py"
    )


# ---------------------------------------------------------------- guarantees figures
def figures() -> dict[str, int]:
    """The numbers docs/guarantees.md (and the README) state, computed from the suites."""
    from test_properties import ROUNDTRIP_FORMATS

    tried = len(CASES) + len(INJECTIONS) + len(SUBPROCESS) + len(EXPORTS)
    pending = sum(1 for c in CASES if c.pending)
    answered = sum(1 for c in CASES if 0 in c.exit)
    return {
        "bad-input cases tried": tried,
        "rejected with one located line and a non-zero exit": tried - pending - answered,
        "answered instead, without a traceback (exit 0 allowed)": answered,
        "pending (verb or wiring not there yet)": pending,
        "fault files": len({c.file for c in CASES}),
        "formats round-tripped": len(ROUNDTRIP_FORMATS),
        "network attempts": len(NETWORK_ATTEMPTS),
    }


@pytest.mark.parametrize("doc", ["docs/guarantees.md", "README.md"])
def test_guarantees_document_states_the_computed_figures(doc):
    text = (ROOT / doc).read_text(encoding="utf-8")
    if doc == "README.md":
        text = text[text.index("## Guarantees") :]
        text = text[: text.index("\n## ", 5)]
    stated = {
        m.group(1).strip(): int(m.group(2))
        for m in re.finditer(r"^\|\s*([^|]+?)\s*\|\s*(\d+)\s*\|", text, re.MULTILINE)
    }
    assert stated == figures(), f"update the table in {doc}"


def test_readme_guarantees_name_real_tests():
    """README's Guarantees table: every test it names exists, every catalogue guarantee and
    every test of tests/test_trust.py is named there."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    text = text[text.index("## Guarantees") :]
    text = text[: text.index("\n## ", 5)]
    named = set(re.findall(r"`(test_\w+\.py)::(test_\w+)`", text))
    assert named, "no tests named in README's Guarantees"

    tests_in = _tests_in
    missing = [f"{f}::{t}" for f, t in sorted(named) if t not in tests_in(f)]
    assert missing == [], f"README names tests that do not exist: {missing}"
    unnamed = sorted(tests_in("test_trust.py") - {t for f, t in named if f == "test_trust.py"})
    assert unnamed == [], f"tests/test_trust.py tests missing from README: {unnamed}"
    absent = [g for g in GUARANTEES if f"`{g}`" not in text]
    assert absent == [], f"catalogue guarantees missing from README: {absent}"
    unstated = sorted(f"{f}::{t}" for f, t in MUST_BE_NAMED - named)
    assert unstated == [], f"guarantees whose tests README must name: {unstated}"


#: guarantees issue 14 asked for that the README must state with the tests defending them:
#: formulas neutralised, the terminal kept safe, the endpoint's deadline and its answers
MUST_BE_NAMED = {
    ("test_output.py", "test_verb_csv_neutralises_formulas"),
    ("test_output.py", "test_export_csv_neutralises_formulas"),
    ("test_output.py", "test_xlsx_neutralises_formulas_and_writes_strings"),
    ("test_suggest.py", "test_csv_and_xlsx_neutralise_formula_cells"),
    ("test_output.py", "test_control_characters_never_reach_the_terminal"),
    ("test_output.py", "test_csv_and_json_on_a_terminal_are_escaped_as_tables_are"),
    ("test_output.py", "test_a_full_standard_output_is_one_line_exit_2"),
    ("test_endpoint_faults.py", "test_a_trickling_answer_hits_the_whole_request_deadline"),
    ("test_endpoint_faults.py", "test_an_endless_answer_stops_at_the_answer_cap"),
    ("test_endpoint_faults.py", "test_malformed_results_are_one_line_endpoint_errors"),
    ("test_endpoint_faults.py", "test_malformed_results_are_not_blamed_on_the_users_query"),
    (
        "test_endpoint_faults.py",
        "test_a_needed_variable_left_unbound_is_one_line_naming_the_endpoint",
    ),
}


if __name__ == "__main__":
    (FAULTS / "README.md").write_text(catalogue_markdown(), encoding="utf-8")
