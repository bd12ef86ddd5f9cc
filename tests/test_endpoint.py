"""The same questions against a real Oxigraph server (the `oxigraph` PyPI package) loaded
with the exported TriG, and one-line errors for down, erroring and slow endpoints."""

from __future__ import annotations

import http.server
import json
import os
import subprocess
import sys
import threading
import time

import pytest
from servers import Oxigraph, free_port, oxigraph_binary

import herstelgraph
from herstelgraph.cli.render import to_json
from herstelgraph.errors import EndpointError
from herstelgraph.questions import alignment as al
from herstelgraph.store.endpoint import Endpoint, normalise_term

from conftest import ROOT

FIX = ROOT / "tests" / "fixtures" / "alignment"


@pytest.fixture(scope="module")
def embedded():
    return herstelgraph.load(
        extra=[FIX / "profiles.ttl"], files=[FIX / "frameworks.ttl", FIX / "mappings.ttl"]
    )


@pytest.fixture(scope="module")
def server(embedded):
    binary = oxigraph_binary()
    if binary is None:
        pytest.skip("the oxigraph server binary is not installed (pip install oxigraph)")
    oxigraph = Oxigraph(binary)  # on 127.0.0.1, killed with the test process
    try:
        oxigraph.load_trig(embedded.dump(fmt="trig"))
        yield oxigraph.url
    finally:
        oxigraph.stop()


QUESTIONS = {
    "mappings_of": lambda s: al.mappings_of(s, "valente:vaardigheid-reflectie"),
    "crosswalk": lambda s: al.crosswalk(s, "bk-0597-1", "valente-2023"),
    "gaps": lambda s: al.gaps(s, "bk-0597-1", "valente-2023"),
    "gaps-filtered": lambda s: al.gaps(s, "bk", "valente", item_type="KnowledgeItem"),
    "coverage": lambda s: al.coverage(s),
    "chain": lambda s: al.chain(s, "bk-0597-1", "valente-2023", "bijlage-ii"),
    "hubs": lambda s: al.hubs(s),
    "search": lambda s: al.search(s, "clientperspectief"),
    "coverage_of": lambda s: al.coverage_of(s, "hgp:curriculum-x"),
    "compare_roles": lambda s: al.compare_roles(s),
    "explain": lambda s: al.explain(s, "bk:C3", "bijlage2:competentie-02"),
    # a raw query: one with ORDER BY (without one, SPARQL leaves the row order to the engine)
    "query": lambda s: al.run_query(s, "crosswalk", {"a": "bk-0597-1", "b": "valente-2023"}),
    "frameworks": lambda s: herstelgraph.frameworks(s),
}


@pytest.mark.parametrize("name", QUESTIONS)
def test_same_answers_as_the_embedded_store(embedded, server, name):
    remote = Endpoint(server, timeout=10)
    want = json.loads(to_json(QUESTIONS[name](embedded)))
    got = json.loads(to_json(QUESTIONS[name](remote)))
    assert got == want
    assert want, f"{name}: empty answer proves nothing"
    assert remote.warnings == []


def test_raw_rows_agree_after_number_normalisation(embedded, server):
    q = "SELECT ?r ?c WHERE { ?r sssom:confidence ?c } ORDER BY ?r"
    norm = [[normalise_term(t) for t in r.values()] for r in embedded.select(q)]
    assert [[normalise_term(t) for t in r.values()] for r in Endpoint(server).select(q)] == norm


def test_cli_runs_against_the_endpoint(server, run_cli):
    code, out, err = run_cli("--endpoint", server, "gaps", "bk-0597-1", "valente-2023",
                             "--format", "json")  # fmt: skip
    assert code == 0, err
    assert {g["item"] for g in json.loads(out)} >= {"bk:competentie-02"}


def test_row_cap_is_warned(server, capsys):
    remote = Endpoint(server)
    rows = remote.select(
        "SELECT ?i WHERE { VALUES ?x { 0 1 2 3 4 5 6 7 8 9 } VALUES ?y { 0 1 2 3 4 5 6 7 8 9 }"
        " VALUES ?z { 0 1 2 3 4 5 6 7 8 9 } BIND(?x + 10 * ?y + 100 * ?z AS ?i) }"
    )
    assert len(rows) == 1000
    assert remote.warnings and "row cap" in remote.warnings[0]
    assert "herstelgraph: warning:" in capsys.readouterr().err


def test_refused_port_is_one_line(run_cli):
    url = f"http://127.0.0.1:{free_port()}/query"
    with pytest.raises(EndpointError, match="unreachable"):
        Endpoint(url, timeout=2).select("SELECT * WHERE { ?s ?p ?o }")
    code, _out, err = run_cli("--endpoint", url, "coverage")
    assert code == 2 and url in err and len(err.strip().splitlines()) == 1


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        if self.server.slow:
            time.sleep(1.5)
        try:
            self.send_response(500)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            self.wfile.write(b"Internal error: query engine exploded\nsecond line")
        except OSError:  # the client timed out and left
            pass

    def log_message(self, *args):
        pass


@pytest.fixture
def bad_server():
    def start(slow: bool):
        srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        srv.slow = slow
        threading.Thread(target=srv.serve_forever, daemon=True).start()
        servers.append(srv)
        return f"http://127.0.0.1:{srv.server_address[1]}/sparql"

    servers: list = []
    yield start
    for srv in servers:
        srv.shutdown()
        srv.server_close()


def test_server_error_is_one_line(bad_server, run_cli):
    url = bad_server(slow=False)
    with pytest.raises(EndpointError, match=r"HTTP 500.*query engine exploded"):
        Endpoint(url).ask("ASK WHERE { ?s ?p ?o }")
    code, _out, err = run_cli("--endpoint", url, "crosswalk", "bk", "valente")
    assert code == 2 and url in err and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_slow_server_times_out(bad_server):
    url = bad_server(slow=True)
    with pytest.raises(EndpointError, match=r"did not answer within 0\.5 s"):
        Endpoint(url, timeout=0.5).select("SELECT * WHERE { ?s ?p ?o }")


def test_data_with_endpoint_is_refused(run_cli):
    code, _, err = run_cli("--endpoint", "http://127.0.0.1:1/q", "--data", "x.ttl", "hubs")
    assert code == 2 and "--data cannot be combined with --endpoint" in err


def test_query_path_does_not_import_rdflib():
    code = (
        "import sys, herstelgraph.questions.alignment, herstelgraph.store.endpoint;"
        "import herstelgraph.cli.align;"
        "print('rdflib' in sys.modules)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        check=True,
    )
    assert out.stdout.strip() == "False"


def test_endpoint_check_speaks_dutch_by_default(server, run_cli, monkeypatch):
    """The report's details, the limit row and the progress lines are Dutch unless --lang en;
    the CSV keeps the codes (kind, status) either way."""
    code, out, err = run_cli("endpoint", "check", server, "--format", "csv")
    assert code == 1  # the fixture graphs are not this release
    assert "aantallen per predicaat wijken af" in out and "vingerafdruk " in out
    assert "nodig voor " in out and "rijlimiet" in out and ",differs," in out
    assert "herstelgraph: triples per predicaat tellen …" in err
    for english in ("predicate counts differ", "fingerprint", "needed by", "row cap", "counting"):
        assert english not in out + err, english
    code, out, err = run_cli("--lang", "en", "endpoint", "check", server, "--format", "csv")
    assert "predicate counts differ" in out and "needed by " in out and "row cap" in out
    assert "herstelgraph: counting triples per predicate …" in err
    monkeypatch.setenv("COLUMNS", "250")  # one line per row: cells do not wrap words apart
    code, out, _ = run_cli("endpoint", "check", server)
    assert "wijkt af" in out and "eigenschapspaden" in out


def test_endpoint_errors_speak_the_users_language(bad_server, run_cli):
    """endpoint check's errors are Dutch under the Dutch default, as its progress lines, and
    English with --lang en; the library's own message is the English one and names no flag."""
    down = f"http://127.0.0.1:{free_port()}/sparql"
    code, _out, err = run_cli("endpoint", "check", down)
    assert code == 2 and len(err.strip().splitlines()) == 2  # a progress line, the error
    assert "de gebruikersgraaf van het eindpunt lezen" in err
    assert f"SPARQL-eindpunt {down} is onbereikbaar (" in err
    assert "controleer de URL en of de server draait" in err and "unreachable" not in err
    code, _out, err = run_cli("--lang", "en", "endpoint", "check", down)
    assert code == 2 and f"SPARQL endpoint {down} is unreachable (" in err

    code, _out, err = run_cli("endpoint", "check", "ftp://x")
    assert code == 2 and "ongeldige URL van een eindpunt 'ftp://x'" in err
    code, _out, err = run_cli("--lang", "en", "endpoint", "check", "ftp://x")
    assert code == 2 and "invalid endpoint URL 'ftp://x'" in err
    code, _out, err = run_cli("endpoint", "check")
    assert code == 2 and "geen eindpunt opgegeven" in err

    slow = bad_server(slow=True)
    code, _out, err = run_cli("--endpoint-timeout", "0.5", "endpoint", "check", slow)
    assert code == 2 and "antwoordde niet binnen 0.5 s" in err
    assert "(--endpoint-timeout SECONDEN of HERSTELGRAPH_ENDPOINT_TIMEOUT)" in err
    failing = bad_server(slow=False)
    code, _out, err = run_cli("endpoint", "check", failing)
    assert code == 2 and "antwoordde HTTP 500 Internal Server Error: Internal error: " in err
    assert "het logboek van de server" in err

    with pytest.raises(EndpointError) as caught:
        Endpoint(down, timeout=2).ask("ASK WHERE { ?s ?p ?o }")
    assert str(caught.value).startswith(f"SPARQL endpoint {down} is unreachable (")
    assert "--" not in str(caught.value)
