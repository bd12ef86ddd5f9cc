"""Hostile and broken endpoints (issue 14 item 9), each a fake server on 127.0.0.1: one that
trickles its answer, one that sends malformed JSON, one that leaves a variable out, one
that cuts answers at a row cap the way Virtuoso does; the timeout settings; the paging
rewrite; and that urllib/http.client load only when an endpoint is asked."""

from __future__ import annotations

import http.server
import json
import os
import re
import subprocess
import sys
import threading
import time
import urllib.parse

import pyoxigraph as ox
import pytest

import herstelgraph
from herstelgraph.cli.render import to_json
from herstelgraph.errors import EndpointError, EndpointTimeoutError, ParameterError, SettingError
from herstelgraph.questions import alignment as al
from herstelgraph.questions import catalogue as cat
from herstelgraph.store.endpoint import (
    DEFAULT_MAX_ANSWER_BYTES,
    MAX_ANSWER_SETTING,
    TIMEOUT_SETTING,
    Endpoint,
    endpoint_timeout,
    max_answer_bytes,
    paged_form,
    parse_results,
)

from conftest import ROOT

FIX = ROOT / "tests" / "fixtures" / "alignment"


class Fake(http.server.BaseHTTPRequestHandler):
    """Answers each POST with ``self.server.answer(handler, form)``."""

    protocol_version = "HTTP/1.1"

    def do_POST(self):
        length = int(self.headers.get("Content-Length") or 0)
        form = urllib.parse.parse_qs(self.rfile.read(length).decode())
        try:
            self.server.answer(self, form)
        except OSError:  # the client gave up and left
            pass

    def send(self, body: bytes, *, status=200, ctype="application/sparql-results+json", **hdr):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in hdr.items():
            self.send_header(k.replace("_", "-"), v)
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def fake():
    servers = []

    def start(answer) -> str:
        srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Fake)
        srv.daemon_threads = True
        srv.answer = answer
        threading.Thread(target=srv.serve_forever, args=(0.05,), daemon=True).start()
        servers.append(srv)
        return f"http://127.0.0.1:{srv.server_address[1]}/sparql"

    yield start
    for srv in servers:
        srv.shutdown()
        srv.server_close()


def results(names, rows) -> bytes:
    return json.dumps({"head": {"vars": names}, "results": {"bindings": rows}}).encode()


LAYOUT = json.dumps({"head": {}, "boolean": True}).encode()


def _is_probe(form) -> bool:
    return form["query"][0].rstrip().startswith("ASK") or "ASK WHERE" in form["query"][0]


# ---------------------------------------------------------------------- deadlines
def _trickle(where: str, gap: float):
    """An answer sent one byte every ``gap`` seconds: the status line and headers, or the
    body. A per-read socket timeout longer than ``gap`` never fires on it."""

    def answer(handler, form):
        body = results(["x"], [{"x": {"type": "literal", "value": "y" * 200}}])
        head = (
            f"HTTP/1.1 200 OK\r\nContent-Type: application/sparql-results+json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        ).encode()
        if where == "headers":
            slow, fast = head, b""
        else:
            handler.wfile.write(head)
            handler.wfile.flush()
            slow, fast = body, b""
        for i in range(len(slow)):
            handler.wfile.write(slow[i : i + 1])
            handler.wfile.flush()
            time.sleep(gap)
        handler.wfile.write(fast)

    return answer


@pytest.mark.parametrize("where", ["headers", "body"])
def test_a_trickling_answer_hits_the_whole_request_deadline(fake, where):
    url = fake(_trickle(where, gap=0.2))
    start = time.monotonic()
    with pytest.raises(EndpointTimeoutError, match=r"did not answer within 1 s") as err:
        Endpoint(url, timeout=1, layout=True).select("SELECT ?x WHERE { ?s ?p ?x }")
    assert time.monotonic() - start < 3
    assert err.value.timeout == 1 and err.value.url == url
    assert "--" not in str(err.value)  # the library names no CLI option


def test_the_cli_names_its_option_when_the_deadline_passes(fake, run_cli):
    url = fake(_trickle("body", gap=0.2))
    code, _out, err = run_cli("--endpoint", url, "--endpoint-timeout", "0.8", "frameworks")
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "niet binnen 0.8 s" in err and "--endpoint-timeout SECONDEN" in err
    assert TIMEOUT_SETTING in err
    code, _out, err = run_cli(
        "--lang", "en", "--endpoint", url, "--endpoint-timeout", "0.8", "frameworks"
    )
    assert "within 0.8 s" in err and "--endpoint-timeout SECONDS" in err


def test_the_timeout_comes_from_the_environment(fake, run_cli, monkeypatch):
    url = fake(_trickle("headers", gap=0.2))
    monkeypatch.setenv(TIMEOUT_SETTING, "0.7")
    assert endpoint_timeout() == 0.7 and Endpoint(url).timeout == 0.7
    code, _out, err = run_cli("--endpoint", url, "frameworks")
    assert code == 2 and "niet binnen 0.7 s" in err
    monkeypatch.delenv(TIMEOUT_SETTING)
    assert Endpoint(url).timeout == 30


@pytest.mark.parametrize("value", ["0", "-1", "inf", "nan", "1e12", "soon"])
def test_unusable_timeouts_are_one_line(run_cli, monkeypatch, value):
    with pytest.raises(ParameterError):
        Endpoint("http://127.0.0.1:1/q", timeout=value)  # type: ignore[arg-type]
    code, _out, err = run_cli("--endpoint", "http://127.0.0.1:1/q", "--endpoint-timeout", value,
                              "frameworks")  # fmt: skip
    assert code == 2 and "--endpoint-timeout" in err and len(err.strip().splitlines()) == 1
    assert "is geen aantal seconden boven 0 en hoogstens 86400" in err  # Dutch by default
    monkeypatch.setenv(TIMEOUT_SETTING, value)
    with pytest.raises(SettingError, match=TIMEOUT_SETTING):
        endpoint_timeout()
    code, _out, err = run_cli("--endpoint", "http://127.0.0.1:1/q", "frameworks")
    assert code == 2 and TIMEOUT_SETTING in err and "Traceback" not in err


def test_a_timeout_without_an_endpoint_is_refused(run_cli):
    code, _out, err = run_cli("--endpoint-timeout", "5", "frameworks")
    assert code == 2 and "--endpoint-timeout hoort bij --endpoint URL" in err
    code, _out, err = run_cli("--lang", "en", "--endpoint-timeout", "5", "frameworks")
    assert code == 2 and "--endpoint-timeout applies to --endpoint" in err


# ---------------------------------------------------------------------- endless answers
def _endless(*, announce: int | None = None):
    """An answer that does not stop (bounded here at 200 MB): no Content-Length, the body
    sent as fast as it is read; or one whose Content-Length ``announce``s a huge body."""

    def answer(handler, form):
        handler.send_response(200)
        handler.send_header("Content-Type", "application/sparql-results+json")
        if announce is not None:
            handler.send_header("Content-Length", str(announce))
        handler.send_header("Connection", "close")
        handler.end_headers()
        handler.close_connection = True
        handler.wfile.write(b'{"head": {"vars": ["x"]}, "results": {"bindings": [')
        row = b'{"x": {"type": "literal", "value": "' + b"y" * 1000 + b'"}},'
        for _ in range(200_000):
            handler.wfile.write(row)

    return answer


@pytest.mark.parametrize("announce", [None, 10**12], ids=["streamed", "announced"])
def test_an_endless_answer_stops_at_the_answer_cap(fake, announce):
    url = fake(_endless(announce=announce))
    start = time.monotonic()
    with pytest.raises(EndpointError, match="answer limit of 2000000 bytes") as err:
        Endpoint(url, layout=True, max_bytes=2_000_000).select("SELECT ?x WHERE { ?s ?p ?x }")
    assert time.monotonic() - start < 10
    message = str(err.value)
    assert message.startswith(f"SPARQL endpoint {url} ") and len(message.splitlines()) == 1
    assert ("announced 1000000000000 bytes" in message) == (announce is not None)
    assert MAX_ANSWER_SETTING in message and "--" not in message


def test_the_answer_cap_comes_from_the_environment(fake, run_cli, monkeypatch):
    url = fake(_endless())
    monkeypatch.setenv(MAX_ANSWER_SETTING, "1MB")
    assert Endpoint(url).max_answer_bytes == 1_000_000
    code, out, err = run_cli("--endpoint", url, "--endpoint-timeout", "20", "concepts", "bk")
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1, err
    assert f"SPARQL-eindpunt {url} stuurde meer dan de grens van 1000000 bytes" in err
    code, out, err = run_cli("--lang", "en", "--endpoint", url, "concepts", "bk")
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1, err
    assert f"SPARQL endpoint {url} sent more than the answer limit of 1000000 bytes" in err
    monkeypatch.setenv(MAX_ANSWER_SETTING, "lots")
    code, _out, err = run_cli("--endpoint", url, "frameworks")
    assert code == 2 and MAX_ANSWER_SETTING in err and len(err.strip().splitlines()) == 1, err


def test_the_default_answer_cap_is_generous():
    assert Endpoint("http://127.0.0.1:9/sparql").max_answer_bytes == DEFAULT_MAX_ANSWER_BYTES
    assert DEFAULT_MAX_ANSWER_BYTES == 512 * 1000 * 1000


def test_both_size_settings_read_a_blank_value_as_unset(monkeypatch):
    """HERSTELGRAPH_MAX_ANSWER_BYTES and HERSTELGRAPH_MAX_INPUT_BYTES read alike: a blank
    value (an `export X=" "` left behind) is the default, and spaces around a size are fine."""
    from herstelgraph.io import inputs

    for setting, read, default in (
        (MAX_ANSWER_SETTING, max_answer_bytes, DEFAULT_MAX_ANSWER_BYTES),
        (inputs.MAX_INPUT_ENV, inputs.max_input_bytes, inputs.DEFAULT_MAX_INPUT_BYTES),
    ):
        monkeypatch.setenv(setting, "  ")
        assert read() == default, setting
        monkeypatch.setenv(setting, " 2MB ")
        assert read() == 2_000_000, setting
        monkeypatch.setenv(setting, "1,5MB")  # a Dutch decimal comma
        assert read() == 1_500_000, setting


# ---------------------------------------------------------------------- malformed answers
MALFORMED = {
    "not JSON": b'{"head": {"vars": ["x"]}, "results": {"bindings": [',
    "not UTF-8": b'{"head": {"vars": ["x"]}, "results": {"bindings": ["\xff"]}}',
    "a list": b"[1, 2, 3]",
    "no vars": b'{"head": {}, "results": {"bindings": []}}',
    "bindings not a list": b'{"head": {"vars": ["x"]}, "results": {"bindings": 5}}',
    "a term without type": b'{"head": {"vars": ["x"]}, "results": {"bindings": '
    b'[{"x": {"value": "a"}}]}}',
    "an invalid IRI": b'{"head": {"vars": ["x"]}, "results": {"bindings": '
    b'[{"x": {"type": "uri", "value": "not an iri"}}]}}',
    "HTML": b"<html><body>Welcome</body></html>",
    "deep": b"[" * 100000 + b"]" * 100000,
}


@pytest.mark.parametrize("kind", MALFORMED)
def test_malformed_results_are_one_line_endpoint_errors(fake, kind):
    url = fake(lambda h, form: h.send(MALFORMED[kind]))
    with pytest.raises(EndpointError, match=r"sent no valid SPARQL results") as err:
        Endpoint(url, layout=True).select("SELECT ?x WHERE { ?s ?p ?x }")
    assert len(str(err.value).splitlines()) == 1 and url in str(err.value)


def test_malformed_results_are_not_blamed_on_the_users_query(fake, run_cli, tmp_path):
    url = fake(lambda h, form: h.send(LAYOUT if _is_probe(form) else MALFORMED["not JSON"]))
    rq = tmp_path / "mine.rq"
    rq.write_text("SELECT ?x WHERE { ?s ?p ?x }\n")
    code, _out, err = run_cli("--endpoint", url, "query", str(rq))
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "syntax error" not in err and "mine.rq" not in err and url in err


def test_an_answer_cut_short_is_an_endpoint_error(fake):
    def answer(handler, form):
        handler.send_response(200)
        handler.send_header("Content-Type", "application/sparql-results+json")
        handler.send_header("Content-Length", "5000")
        handler.end_headers()
        handler.wfile.write(results(["x"], [])[:20])
        handler.wfile.flush()
        handler.close_connection = True

    url = fake(answer)
    with pytest.raises(EndpointError, match="broke off its answer"):
        Endpoint(url, layout=True).select("SELECT ?x WHERE { ?s ?p ?x }")


def test_a_variable_left_out_of_a_row_is_unbound(fake, run_cli, tmp_path):
    rows = [
        {"x": {"type": "uri", "value": "https://example.org/a"}},
        {"x": {"type": "literal", "value": "b"}, "y": {"type": "literal", "value": "c"}},
        {},
    ]
    url = fake(lambda h, form: h.send(LAYOUT if _is_probe(form) else results(["x", "y"], rows)))
    got = Endpoint(url, layout=True).select("SELECT ?x ?y WHERE { ?x ?p ?y }")
    assert got == [
        {"x": ox.NamedNode("https://example.org/a"), "y": None},
        {"x": ox.Literal("b"), "y": ox.Literal("c")},
        {"x": None, "y": None},
    ]
    rq = tmp_path / "two.rq"
    rq.write_text("SELECT ?x ?y WHERE { ?x ?p ?y }\n")
    code, out, err = run_cli("--endpoint", url, "query", str(rq), "--format", "json")
    assert code == 0, err
    assert [r["y"] for r in json.loads(out)] == [None, "c", None]


def test_virtuoso_spellings_are_read():
    """Virtuoso labels blank nodes nodeID://b10006, writes booleans 1/0 and types literals
    with the old "typed-literal"."""
    data = results(
        ["b", "t", "n"],
        [
            {
                "b": {"type": "bnode", "value": "nodeID://b10006"},
                "t": {
                    "type": "typed-literal",
                    "datatype": "http://www.w3.org/2001/XMLSchema#boolean",
                    "value": "1",
                },
                "n": {
                    "type": "typed-literal",
                    "datatype": "http://www.w3.org/2001/XMLSchema#integer",
                    "value": "3",
                },
            },
            {"b": {"type": "bnode", "value": "nodeID://b10007"}},
        ],
    )
    names, rows = parse_results(data)
    assert names == ["b", "t", "n"]
    assert isinstance(rows[0]["b"], ox.BlankNode) and rows[0]["b"] != rows[1]["b"]
    assert rows[0]["b"] == parse_results(data)[1][0]["b"]  # the same label, the same node
    xsd = "http://www.w3.org/2001/XMLSchema#"
    assert rows[0]["t"] == ox.Literal("true", datatype=ox.NamedNode(xsd + "boolean"))
    assert rows[0]["n"] == ox.Literal("3", datatype=ox.NamedNode(xsd + "integer"))


# ---------------------------------------------------------------------- row caps
def capped(store: ox.Store, cap: int, *, header: bool = True):
    """A server over ``store`` that cuts every answer at ``cap`` rows, saying so in
    X-SPARQL-MaxRows as Virtuoso does (or silently)."""

    def answer(handler, form):
        graphs = [ox.NamedNode(g) for g in form.get("default-graph-uri", [])]
        try:
            result = store.query(form["query"][0], default_graph=graphs or None)
        except SyntaxError as exc:
            handler.send(str(exc).encode(), status=400, ctype="text/plain")
            return
        if isinstance(result, ox.QueryBoolean):
            handler.send(json.dumps({"head": {}, "boolean": bool(result)}).encode())
            return
        doc = json.loads(result.serialize(format=ox.QueryResultsFormat.JSON))
        cut = len(doc["results"]["bindings"]) > cap
        doc["results"]["bindings"] = doc["results"]["bindings"][:cap]
        extra = {"X-SPARQL-MaxRows": str(cap)} if cut and header else {}
        handler.send(json.dumps(doc).encode(), **extra)

    return answer


@pytest.fixture(scope="module")
def embedded():
    return herstelgraph.load(
        extra=[FIX / "profiles.ttl"], files=[FIX / "frameworks.ttl", FIX / "mappings.ttl"]
    )


@pytest.fixture(scope="module")
def copy(embedded):
    store = ox.Store()
    store.load(embedded.dump(fmt="nquads"), format=ox.RdfFormat.N_QUADS)
    return store


ANSWERS = {
    "concepts": lambda s: cat.concepts(s, "bk-0597-1"),
    "crosswalk": lambda s: al.crosswalk(s, "bk-0597-1", "valente-2023"),
    "gaps": lambda s: al.gaps(s, "bk-0597-1", "valente-2023"),
    "search": lambda s: al.search(s, "herstel"),
    "chain": lambda s: al.chain(s, "bk-0597-1", "valente-2023", "bijlage-ii"),
    "coverage_of": lambda s: al.coverage_of(s, "hgp:curriculum-x"),
    "query": lambda s: al.run_query(s, "crosswalk", {"a": "bk-0597-1", "b": "valente-2023"}),
}


@pytest.mark.parametrize("name", ANSWERS)
def test_a_capped_answer_is_paged_to_the_whole(embedded, copy, fake, name):
    remote = Endpoint(fake(capped(copy, 7)), timeout=30)
    assert to_json(ANSWERS[name](remote)) == to_json(ANSWERS[name](embedded))
    assert remote.warnings == []


def test_paged_quads_are_all_quads(embedded, copy, fake):
    remote = Endpoint(fake(capped(copy, 50)), timeout=30)
    graphs = (herstelgraph.store.ASSERTED, herstelgraph.store.USER)
    want = set(embedded.quads(graphs=graphs))
    assert set(remote.quads(graphs=graphs)) == want and len(want) > 200
    assert remote.requests > len(want) // 50


def leaving_out_the_first_variable(store: ox.Store):
    """A server over ``store`` whose rows never bind the first variable of each SELECT."""

    def answer(handler, form):
        graphs = [ox.NamedNode(g) for g in form.get("default-graph-uri", [])]
        result = store.query(form["query"][0], default_graph=graphs or None)
        if isinstance(result, ox.QueryBoolean):
            handler.send(json.dumps({"head": {}, "boolean": bool(result)}).encode())
            return
        doc = json.loads(result.serialize(format=ox.QueryResultsFormat.JSON))
        for row in doc["results"]["bindings"]:
            row.pop(doc["head"]["vars"][0], None)
        handler.send(json.dumps(doc).encode())

    return answer


VERBS = {
    "frameworks": ["frameworks"],
    "gaps": ["gaps", "bk-0597-1", "valente-2023"],
    "hubs": ["hubs"],
    "show": ["show", "bk-0597-1"],
    "concepts": ["concepts", "bk-0597-1"],
}


@pytest.mark.parametrize("verb", VERBS)
def test_a_needed_variable_left_unbound_is_one_line_naming_the_endpoint(copy, fake, run_cli, verb):
    """Once ``internal error: KeyError: "?scheme is unbound…"``, exit 3."""
    url = fake(leaving_out_the_first_variable(copy))
    code, _out, err = run_cli("--endpoint", url, *VERBS[verb])
    assert code == 2 and len(err.strip().splitlines()) == 1, err
    assert f"SPARQL endpoint {url} left ?" in err and "unbound" in err
    assert "internal error" not in err and "interne fout" not in err and "KeyError" not in err


def test_an_unbound_variable_is_an_endpoint_error_and_a_key_error(fake):
    from herstelgraph.errors import UnboundVariableError

    rows = [{"y": {"type": "literal", "value": "b"}}]
    url = fake(lambda h, form: h.send(results(["x", "y"], rows)))
    (row,) = Endpoint(url, layout=True).select("SELECT ?x ?y WHERE { ?x ?p ?y }")
    assert row.get("x") is None and row["y"] == ox.Literal("b")
    for kind in (UnboundVariableError, EndpointError, KeyError):
        with pytest.raises(kind):
            row["x"]
    with pytest.raises(UnboundVariableError) as caught:
        row["x"]
    assert caught.value.url == url and caught.value.variable == "x"
    assert str(caught.value).startswith(f"SPARQL endpoint {url} left ?x unbound")


def test_a_silent_cut_at_a_common_cap_is_warned(copy, fake, capsys):
    remote = Endpoint(fake(capped(copy, 1000, header=False)), timeout=30, layout=True)
    rows = remote.select(
        "SELECT ?i WHERE { VALUES ?x { 0 1 2 3 4 5 6 7 8 9 } VALUES ?y { 0 1 2 3 4 5 6 7 8 9 }"
        " VALUES ?z { 0 1 2 3 4 5 6 7 8 9 } VALUES ?w { 0 1 } BIND(?x + 10 * ?y AS ?i) }"
    )
    assert len(rows) == 1000
    assert "may be truncated" in remote.warnings[0]
    assert "herstelgraph: warning:" in capsys.readouterr().err


# ---------------------------------------------------------------------- a missing feature
#: A property path between two steps (a/b, a|b): prefixed names or groups on either side.
_PROPERTY_PATH = re.compile(r"(\b[A-Za-z][\w-]*:[\w-]*|\))\s*[/|]\s*([A-Za-z][\w-]*:|\()")


def without_property_paths(store: ox.Store):
    """A server over ``store`` that refuses property paths at parse time, as a SPARQL 1.0
    engine does (HTTP 400 and the parser's word), and answers everything else."""
    serve = capped(store, 10**9)

    def answer(handler, form):
        text = re.sub(r"<[^>\s]*>|\"[^\"\n]*\"|#[^\n]*", " ", form["query"][0])
        if _PROPERTY_PATH.search(text):
            body = b"Parse error: property paths are not supported by this engine"
            handler.send(body, status=400, ctype="text/plain")
            return
        serve(handler, form)

    return answer


@pytest.fixture(scope="module")
def release_copy():
    """This release's graph as an endpoint loaded with its TriG export holds it."""
    store = ox.Store()
    store.load(herstelgraph.load().dump(fmt="nquads"), format=ox.RdfFormat.N_QUADS)
    return store


def test_the_refusing_server_refuses_paths_only():
    """The fake's test for a path is what the assertions below rely on."""
    assert _PROPERTY_PATH.search("?c (skos:topConceptOf|skos:inScheme)/dct:identifier ?id")
    assert _PROPERTY_PATH.search("?p skos:broader/skos:inScheme ?s")
    for plain in ("FILTER(!BOUND(?t) || EXISTS { ?c a ?t })", "BIND(?n / 2 AS ?h)",
                  "?c skos:inScheme bk:scheme ."):  # fmt: skip
        assert not _PROPERTY_PATH.search(plain), plain


def test_endpoint_check_reports_a_refused_feature(release_copy, fake, run_cli, monkeypatch):
    """An endpoint that holds this release but refuses property paths: the graphs match,
    every other feature works, property paths are 'unsupported' with the server's words and
    the queries that need them, the report is not ok, and the CLI exits 1 saying so."""
    from herstelgraph.checks.endpoint import check_endpoint
    from herstelgraph.store import queries

    url = fake(without_property_paths(release_copy))
    report = check_endpoint(Endpoint(url, timeout=60))
    assert {g.graph: g.status for g in report.graphs} == {
        "asserted": "matches",
        "inferred": "matches",
        "user": "empty",
    }
    status = {f.feature: f for f in report.features}
    paths = status.pop("property paths (a|b, a/b)")
    assert paths.status == "unsupported" and not report.ok
    assert "HTTP 400" in paths.detail and "property paths are not supported" in paths.detail
    users = {s.name for s in queries.shipped() if _PROPERTY_PATH.search(s.text)}
    assert users and set(paths.needed_by) >= users
    assert {f.status for f in status.values()} == {"supported"}

    monkeypatch.setenv("COLUMNS", "250")  # one line per row: cells do not wrap words apart
    code, out, err = run_cli("endpoint", "check", url)
    assert code == 1, err
    row = next(line for line in out.splitlines() if "eigenschapspaden" in line)
    assert "niet ondersteund" in row and "HTTP 400" in row
    assert "nodig voor " + ", ".join(paths.needed_by) in " ".join(out.split())
    code, out, _ = run_cli("--lang", "en", "endpoint", "check", url, "--format", "json")
    assert code == 1 and json.loads(out)["ok"] is False


PAGED = [
    (
        "PREFIX s: <http://x/#>\n# a comment with { and LIMIT\nSELECT ?a ?b WHERE { ?a s:p ?b }",
        ["a", "b"],
        "PREFIX s: <http://x/#>\n# a comment with { and LIMIT\n",
        "SELECT ?a ?b WHERE { ?a s:p ?b }\nORDER BY ?a ?b",
    ),
    (
        "SELECT ?a (COUNT(?b) AS ?n) WHERE { ?a ?p ?b } GROUP BY ?a ORDER BY DESC(?n) # sorted",
        ["a", "n"],
        "",
        "SELECT ?a (COUNT(?b) AS ?n) WHERE { ?a ?p ?b } GROUP BY ?a ORDER BY DESC(?n) ?a ?n "
        "# sorted",
    ),
    (
        'SELECT ?a WHERE { ?a ?p "} LIMIT 3" } ORDER BY ?a VALUES ?a { <http://x/1> }',
        ["a"],
        "",
        'SELECT ?a WHERE { ?a ?p "} LIMIT 3" } ORDER BY ?a ?a VALUES ?a { <http://x/1> }',
    ),
    (
        "SELECT (EXISTS { ?x ?y ?z } AS ?e) ?a WHERE { { SELECT ?a WHERE { ?a ?p ?o } LIMIT 9 } }",
        ["e", "a"],
        "",
        "SELECT (EXISTS { ?x ?y ?z } AS ?e) ?a WHERE { { SELECT ?a WHERE { ?a ?p ?o } LIMIT 9 } }"
        "\nORDER BY ?e ?a",
    ),
]


@pytest.mark.parametrize(("query", "names", "prologue", "body"), PAGED)
def test_paged_form_orders_by_every_variable(query, names, prologue, body):
    """The query's own order first, then every variable: no two different rows tie, so
    the pages neither skip nor repeat a row. Comments, strings and subqueries are skipped."""
    assert paged_form(query, names) == (prologue, body)


@pytest.mark.parametrize(
    "query",
    [
        "SELECT ?a WHERE { ?a ?p ?o } LIMIT 10",
        "SELECT ?a WHERE { ?a ?p ?o } OFFSET 10",
        "SELECT ?a FROM <http://x/g> WHERE { ?a ?p ?o }",
        "ASK WHERE { ?a ?p ?o }",
        "CONSTRUCT { ?a ?p ?o } WHERE { ?a ?p ?o }",
    ],
)
def test_queries_that_cannot_be_paged(query):
    assert paged_form(query, ["a"]) is None


# ---------------------------------------------------------------------- imports
def test_no_network_module_loads_without_an_endpoint():
    code = (
        "import sys, herstelgraph, herstelgraph.cli.main, herstelgraph.store.endpoint\n"
        "net = lambda: sorted(m for m in sys.modules if m in ('urllib.request', 'http.client'))\n"
        "before = net()\n"
        "cls = herstelgraph.Endpoint\n"
        "e = cls('http://127.0.0.1:1/sparql')\n"
        "print(before, net(), cls.__name__)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT / "src")},
        check=True,
    )
    assert out.stdout.split() == ["[]", "[]", "Endpoint"]


# ---------------------------------------------------------------------- XML results
XML_SELECT = b"""<?xml version="1.0"?>
<sparql xmlns="http://www.w3.org/2005/sparql-results#">
 <head><variable name="s"/><variable name="l"/><variable name="n"/></head>
 <results>
  <result>
   <binding name="s"><bnode>nodeID://b10006</bnode></binding>
   <binding name="l"><literal xml:lang="nl">herstel</literal></binding>
   <binding name="n"><literal datatype="http://www.w3.org/2001/XMLSchema#boolean">0</literal>
   </binding>
  </result>
  <result><binding name="s"><uri>https://example.org/a</uri></binding></result>
 </results>
</sparql>"""


def test_xml_results_are_read():
    names, rows = parse_results(XML_SELECT, "application/sparql-results+xml; charset=UTF-8")
    assert names == ["s", "l", "n"]
    assert isinstance(rows[0]["s"], ox.BlankNode)
    assert rows[0]["l"] == ox.Literal("herstel", language="nl")
    xsd = "http://www.w3.org/2001/XMLSchema#"
    assert rows[0]["n"] == ox.Literal("false", datatype=ox.NamedNode(xsd + "boolean"))
    assert rows[1] == {"s": ox.NamedNode("https://example.org/a"), "l": None, "n": None}
    ask = b'<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head/><boolean>true</boolean></sparql>'
    assert parse_results(ask, "application/sparql-results+xml") is True


@pytest.mark.parametrize(
    "data",
    [
        XML_SELECT[:200],
        b'<!DOCTYPE x [<!ENTITY a "aaaa">]><sparql xmlns="http://www.w3.org/2005/sparql-results#"/>',
        b"<html><body>Welcome</body></html>",
        XML_SELECT.replace(b"<uri>https://example.org/a</uri>", b"<uri>no iri</uri>"),
    ],
)
def test_malformed_xml_results_are_refused(data):
    with pytest.raises(ValueError):
        parse_results(data, "application/sparql-results+xml")


def test_virtuoso_is_asked_for_xml(fake):
    """Virtuoso writes JSON results four times slower than XML: after its first answer the
    client prefers XML, and reads either."""
    accepts = []

    def answer(handler, form):
        accepts.append(handler.headers["Accept"])
        if _is_probe(form):
            handler.send(LAYOUT, Server="Virtuoso/07.20.3229 (Linux)")
        else:
            handler.send(XML_SELECT, ctype="application/sparql-results+xml", Server="Virtuoso/7")

    remote = Endpoint(fake(answer))
    rows = remote.select("SELECT ?s ?l ?n WHERE { ?s ?l ?n }")
    assert len(rows) == 2 and rows[0]["l"] == ox.Literal("herstel", language="nl")
    assert accepts[0] == "application/sparql-results+json"
    assert accepts[1].startswith("application/sparql-results+xml")


def test_a_trickling_error_message_hits_the_deadline_too(fake):
    def answer(handler, form):
        handler.wfile.write(b"HTTP/1.1 500 Oops\r\nContent-Length: 400\r\n\r\n")
        handler.wfile.flush()
        for _ in range(400):
            handler.wfile.write(b"x")
            handler.wfile.flush()
            time.sleep(0.2)

    start = time.monotonic()
    with pytest.raises(EndpointError):
        Endpoint(fake(answer), timeout=1, layout=True).select("SELECT * WHERE { ?s ?p ?o }")
    assert time.monotonic() - start < 3
