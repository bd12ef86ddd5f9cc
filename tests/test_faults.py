"""The bad-input suite: every file in tests/faults/ run through the real CLI entry point.

Each case must give a non-zero exit, exactly one stderr line that names the file (and the
line where the parser knows it), no traceback, within a time limit, no partial output file
and the input untouched. A few run again in a real subprocess. ``figures()`` computes the
numbers docs/guarantees.md states, and a test holds the document to them.
"""

from __future__ import annotations

import hashlib
import os
import re
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


@dataclass(frozen=True)
class Case:
    """One bad input: the file, the CLI arguments ({f}: the file), what must be said."""

    file: str | None
    args: tuple[str, ...]
    exit: tuple[int, ...] = (2,)
    where: str | None = None  # "line:column" (or "line") the message must name
    says: str = ""  # a word the one line must contain
    env: dict = field(default_factory=dict)
    pending: str | None = None  # xfail(strict=True) reason while a verb is missing
    report: bool = False  # a validation failure: exit 1 and the finding in the stdout report
    isolated: bool = False  # run in a subprocess only (could hang in-process if unguarded)

    @property
    def id(self) -> str:
        return (self.file or self.args[0]) + ("" if self.args[0] == "check" else f"-{self.args[0]}")


CHECK = ("check", "{f}")
CASES = [
    Case("malformed.ttl", CHECK, where="4:1", says="dot is expected"),
    Case("malformed.ttl", ("--data", "{f}", "frameworks"), where="4:1"),
    Case("literal-subject.ttl", CHECK, where="2:1", says="not a valid subject"),
    Case("iri-space.ttl", CHECK, where="2:1", says="IRI"),
    Case("invalid-lang.ttl", CHECK, where="4:24", says="subtag"),
    # refused where it would enter our graph; `check FILE` reads it (RDF 1.1 allows it) and
    # reports ill-typed-literal (tests/test_quality.py)
    Case("ill-typed.ttl", ("--data", "{f}", "frameworks"), where="5:20", says="xsd:integer"),
    # a warning (tags are case-insensitive), then S14 in the report: exit 1
    Case("lang-case.ttl", CHECK, exit=(1,), where="5:13", says="also written"),
    Case("xxe.rdf", CHECK, where="2:1", says="refused before parsing"),
    Case("billion-laughs.rdf", CHECK, where="2:1", says="refused before parsing"),
    Case("remote-context.jsonld", CHECK, says="never fetches"),
    Case("remote-context.jsonld", ("--data", "{f}", "frameworks"), says="never fetches"),
    Case("oversize.ttl", ("check", "--max-input-size", "100", "{f}"), says="input limit"),
    Case(
        "oversize.ttl",
        ("--data", "{f}", "frameworks"),
        says="input limit",
        env={"HERSTELGRAPH_MAX_INPUT_BYTES": "100"},
    ),
    Case("service.rq", ("query", "{f}"), where="4:3", says="SERVICE"),
    Case("load.rq", ("query", "{f}"), where="2:1", says="LOAD"),
    Case("from.rq", ("query", "{f}"), where="3:1", says="FROM"),
    Case("update.rq", ("query", "{f}"), where="2:1", says="Update"),
    Case(
        "pathological.rq",
        ("--data", "{chain}", "query", "{f}"),
        says="timeout",
        env={"HERSTELGRAPH_QUERY_TIMEOUT": "2"},
        isolated=True,
    ),
    Case(
        "profile-unknown-concept.ttl",
        ("validate", "{f}"),
        exit=(1,),
        says="competentie-99-bestaat-niet",
        report=True,
    ),
    Case("sssom-tab.sssom.tsv", CHECK, where="18", says="fields"),
    Case("sssom-newline.sssom.tsv", CHECK, where="19", says="line break"),
    Case("sssom-quote.sssom.tsv", CHECK, where="18", says="double quote"),
    Case("sssom-pipe.sssom.tsv", CHECK, where="18", says="'|'"),
    Case("sssom-undeclared-prefix.sssom.tsv", CHECK, where="18", says="not declared"),
    Case("sssom-full-iri.sssom.tsv", CHECK, where="18", says="full IRI"),
    Case("sssom-bom.sssom.tsv", CHECK, where="1", says="byte-order mark"),
    Case("sssom-crlf.sssom.tsv", CHECK, where="1", says="CRLF"),
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
    chain = str(_chain(tmp_path)) if any("{chain}" in a for a in case.args) else ""
    return [a.replace("{f}", f).replace("{chain}", chain) for a in case.args]


def _assert_one_line(code, out, err, case: Case, elapsed: float) -> None:
    assert code in case.exit, f"exit {code}, expected {case.exit}: {err}"
    assert "Traceback" not in err + out
    lines = [ln for ln in err.splitlines() if ln.strip()]
    if case.report:
        assert len(lines) <= 1 and case.says in out, (out, err)
        assert elapsed < LIMIT, f"took {elapsed:.1f} s"
        return
    assert len(lines) == 1, f"expected one stderr line, got {lines}"
    line = lines[0]
    assert line.startswith(("herstelgraph: error: ", "herstelgraph: warning: ")), line
    if case.file:
        assert case.file in line, line
    if case.where:
        assert f"{case.file}:{case.where}" in line, line
    assert case.says in line, line
    assert elapsed < LIMIT, f"took {elapsed:.1f} s"


def _params():
    for case in CASES:
        marks = [pytest.mark.xfail(strict=True, reason=case.pending)] if case.pending else []
        yield pytest.param(case, id=case.id, marks=marks)


@pytest.mark.parametrize("case", list(_params()))
def test_fault_case(case: Case, run_cli, tmp_path, monkeypatch):
    for k, v in case.env.items():
        monkeypatch.setenv(k, v)
    before = _sha(FAULTS / case.file) if case.file else None
    attempts = len(NETWORK_ATTEMPTS)
    monkeypatch.chdir(tmp_path)
    start = time.monotonic()
    if case.isolated:
        code, out, err = _subprocess(case, tmp_path)
    else:
        code, out, err = run_cli(*_args(case, tmp_path))
    elapsed = time.monotonic() - start
    _assert_one_line(code, out, err, case, elapsed)
    if case.file:
        assert _sha(FAULTS / case.file) == before, "the input file was changed"
    assert len(NETWORK_ATTEMPTS) == attempts, "a network connection was attempted"
    leftovers = [p.name for p in tmp_path.iterdir() if p.name != "chain.nt"]
    assert leftovers == [], f"partial output left behind: {leftovers}"


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


def _subprocess(case: Case, tmp_path: Path) -> tuple[int, str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), **case.env}
    try:
        proc = subprocess.run(
            [
                sys.executable,
                "-c",
                "from herstelgraph.cli import run; run()",
                *_args(case, tmp_path),
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
    # the same worker returns ordinary answers, and shipped queries stay in-process
    ok = queries.parse("SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b }", "count")
    ok = type(ok)(**{**ok.__dict__, "user": True})
    assert queries.run(store, ok)[0]["n"].value == "1000"


def test_remote_context_fetches_nothing():
    from herstelgraph.errors import InputError
    from herstelgraph.store import Store

    attempts = len(NETWORK_ATTEMPTS)
    with pytest.raises(InputError, match="never fetches"):
        Store().add_file(FAULTS / "remote-context.jsonld")
    assert len(NETWORK_ATTEMPTS) == attempts


def test_every_fault_file_is_used():
    used = {c.file for c in CASES}
    assert {p.name for p in FAULTS.iterdir()} == used


# ---------------------------------------------------------------- guarantees figures
def figures() -> dict[str, int]:
    """The numbers docs/guarantees.md (and the README) state, computed from the suites."""
    from test_properties import ROUNDTRIP_FORMATS

    tried = len(CASES) + len(INJECTIONS) + len(SUBPROCESS) + len(EXPORTS)
    pending = sum(1 for c in CASES if c.pending)
    return {
        "bad-input cases tried": tried,
        "rejected with one located line and a non-zero exit": tried - pending,
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
