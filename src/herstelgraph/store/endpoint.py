"""A remote SPARQL 1.1 endpoint with the Store's interface: select, ask and quads.

Every question in the API takes "a store": the embedded Oxigraph one, or this client, so the
same answers come from Oxigraph server, Fuseki, GraphDB or Virtuoso. It uses the standard
library only (no new dependency), imported when a request is made (a session without an
endpoint never loads urllib), and turns results into pyoxigraph terms, so the code that reads
rows is the same for both.

Graph layout: an endpoint loaded with ``herstelgraph export --format trig`` holds the graphs
``graph/asserted``, ``graph/inferred`` and ``graph/user``; queries go out with
``default-graph-uri`` parameters naming the graphs they need, as the embedded store does.
An endpoint without those graphs is queried on its default graph (with a warning once:
questions marked ``Entailment: skos-closure`` then need the closure loaded there); its
default graph then stands for the asserted graph.

Robustness: every request has one deadline for the whole exchange (connect, headers, body),
whatever pace the server sends at; malformed results are an :class:`EndpointError` naming the
server, never a crash; a variable a row leaves out is unbound (None). A server that cuts
answers at a row cap and says so (Virtuoso's ``X-SPARQL-MaxRows`` header) is paged
(``LIMIT``/``OFFSET`` over a total ``ORDER BY``); an answer of exactly a common cap size from a
server that says nothing is warned about.
"""

from __future__ import annotations

import math
import os
import re
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

import pyoxigraph as ox

from ..errors import (
    EndpointError,
    EndpointTimeoutError,
    InputError,
    ParameterError,
    SettingError,
    UnboundVariableError,
)
from ..model import Entailment
from ..vocab import PREFIXES
from ..words import Said
from .store import (
    ASSERTED,
    EXTERNAL,
    INFERRED,
    USER,
    Binding,
    Queryable,
    Row,
    Rows,
    Store,
    Term,
    bind_values,
    graphs_for,
)

#: Result sizes at which well-known servers silently truncate (Virtuoso's default
#: ResultSetMaxRows is 10,000; others use 1,000, 50,000 or 100,000).
ROW_CAPS = (1000, 10000, 50000, 100000)

#: Seconds a request may take as a whole, unless HERSTELGRAPH_ENDPOINT_TIMEOUT says otherwise.
DEFAULT_TIMEOUT = 30.0
TIMEOUT_SETTING = "HERSTELGRAPH_ENDPOINT_TIMEOUT"
MAX_TIMEOUT = 24 * 3600.0

#: Bytes an answer may have, unless HERSTELGRAPH_MAX_ANSWER_BYTES says otherwise: an endpoint
#: that never stops sending (1.65 GB within the deadline was seen) must not fill the memory.
DEFAULT_MAX_ANSWER_BYTES = 512 * 1000 * 1000
MAX_ANSWER_SETTING = "HERSTELGRAPH_MAX_ANSWER_BYTES"

_PREFER_XML = "application/sparql-results+xml, application/sparql-results+json;q=0.9"

#: The response header in which Virtuoso states the row cap it cut an answer at.
MAX_ROWS_HEADER = "x-sparql-maxrows"

_PREFIX_DECL = re.compile(r"^\s*PREFIX\s+([A-Za-z][\w.-]*)?:", re.IGNORECASE | re.MULTILINE)


def with_prefixes(sparql: str) -> str:
    """Declare the project prefixes a query leaves undeclared (the embedded store passes
    them to Oxigraph; a remote server needs them in the text)."""
    declared = set(_PREFIX_DECL.findall(sparql))
    missing = [f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items() if p not in declared]
    return "\n".join(missing) + "\n" + sparql if missing else sparql


def check_timeout(value: float | str) -> float:
    """A request timeout in seconds: a number above 0 and at most a day."""
    try:
        seconds = float(value)
    except (TypeError, ValueError):
        raise ValueError(f"{value!r} is not a number of seconds") from None
    if math.isnan(seconds) or not 0 < seconds <= MAX_TIMEOUT:
        raise ValueError(f"{value!r}: give seconds above 0 and at most {MAX_TIMEOUT:g}")
    return seconds


def endpoint_timeout() -> float:
    """The timeout from HERSTELGRAPH_ENDPOINT_TIMEOUT, else 30 s."""
    raw = os.environ.get(TIMEOUT_SETTING, "").strip()
    if not raw:
        return DEFAULT_TIMEOUT
    try:
        return check_timeout(raw)
    except ValueError as exc:
        raise SettingError(TIMEOUT_SETTING, f"{TIMEOUT_SETTING}: {exc}") from None


def max_answer_bytes() -> int:
    """The answer cap from HERSTELGRAPH_MAX_ANSWER_BYTES (``2GB``, ``800MB``…), else 512 MB."""
    from ..io.inputs import parse_size

    raw = os.environ.get(MAX_ANSWER_SETTING, "").strip()
    if not raw:
        return DEFAULT_MAX_ANSWER_BYTES
    try:
        return parse_size(raw, MAX_ANSWER_SETTING)
    except InputError as exc:
        raise SettingError(MAX_ANSWER_SETTING, exc.args[0]) from None


class _TooLarge(Exception):
    """An answer over the cap (``size``: what its Content-Length announced, if it did)."""

    def __init__(self, size: int | None = None):
        self.size = size


# ---------------------------------------------------------------------- HTTP
def _post(
    url: str,
    body: bytes,
    headers: dict[str, str],
    timeout: float,
    limit: int = DEFAULT_MAX_ANSWER_BYTES,
) -> tuple[int, dict[str, str], bytes]:
    """POST with one deadline for the whole request. A socket timeout bounds each read only,
    so a server that sends a byte every few seconds would hold a plain urlopen forever; here
    a watchdog shuts the connection's socket down when the deadline passes, which ends any
    read at once. Returns (status, lower-cased headers, body); raises urllib's errors,
    TimeoutError once the deadline has passed, or _TooLarge once more than ``limit`` bytes
    are announced or have arrived."""
    import http.client
    import socket
    import threading
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + timeout
    sockets: list[socket.socket] = []
    expired = threading.Event()

    def watched(base: type[http.client.HTTPConnection]) -> type[http.client.HTTPConnection]:
        class Connection(base):  # type: ignore[valid-type,misc]
            def connect(self) -> None:
                super().connect()
                sockets.append(self.sock)
                if expired.is_set():
                    raise TimeoutError

        return Connection

    class HTTP(urllib.request.HTTPHandler):
        def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(watched(http.client.HTTPConnection), req)

    class HTTPS(urllib.request.HTTPSHandler):
        def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
            return self.do_open(
                watched(http.client.HTTPSConnection), req, context=getattr(self, "_context", None)
            )

    def expire() -> None:
        expired.set()
        for sock in sockets:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    watchdog = threading.Timer(timeout, expire)
    watchdog.daemon = True
    watchdog.start()
    request = urllib.request.Request(url, data=body, method="POST", headers=headers)
    try:
        opener = urllib.request.build_opener(HTTP(), HTTPS())
        with opener.open(request, timeout=timeout) as resp:
            if resp.length is not None and resp.length > limit:
                raise _TooLarge(resp.length)
            chunks, total = [], 0
            while chunk := resp.read(1 << 20):
                chunks.append(chunk)
                total += len(chunk)
                if total > limit:
                    raise _TooLarge
                if time.monotonic() > deadline:
                    raise TimeoutError
            if expired.is_set():  # the socket was shut down: what was read is incomplete
                raise TimeoutError
            if resp.length:  # Content-Length promised more than arrived
                raise http.client.IncompleteRead(b"".join(chunks), resp.length)
            answer = {k.lower(): v for k, v in resp.headers.items()}
            return resp.status, answer, b"".join(chunks)
    except urllib.error.HTTPError as exc:
        try:  # the start of the server's message, read within the deadline too
            exc.detail = exc.read(300)  # type: ignore[attr-defined]
        except Exception:
            exc.detail = b""  # type: ignore[attr-defined]
        if expired.is_set():
            raise TimeoutError from None
        raise
    except _TooLarge:
        raise
    except Exception:
        if expired.is_set():
            raise TimeoutError from None
        raise
    finally:
        watchdog.cancel()


# ---------------------------------------------------------------------- results
_BNODE_ID = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*")


def _bnode(label: str) -> ox.BlankNode:
    """A blank node from a result's label, kept as is where it is a valid N-Triples label;
    others (Virtuoso's ``nodeID://b10006``) are encoded, one to one."""
    if _BNODE_ID.fullmatch(label) and not label.endswith("."):
        return ox.BlankNode(label)
    return ox.BlankNode("x" + label.encode("utf-8").hex())


_BOOLEAN = PREFIXES["xsd"] + "boolean"
_BOOLEANS = {"1": "true", "0": "false"}


class _Malformed(Exception):
    pass


def _term(value: object, iris: dict[str, ox.NamedNode]) -> Term | None:
    if value is None:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("value"), str):
        raise _Malformed("a term without a value")
    kind, text = value.get("type"), value["value"]
    try:
        if kind == "uri":
            node = iris.get(text)
            if node is None:
                node = iris[text] = ox.NamedNode(text)
            return node
        if kind in ("literal", "typed-literal"):
            lang = value.get("xml:lang")
            if lang:
                return ox.Literal(text, language=lang)
            datatype = value.get("datatype")
            if datatype == _BOOLEAN:  # Virtuoso answers "1"/"0": same value, other spelling
                text = _BOOLEANS.get(text, text)
            if datatype:
                return ox.Literal(text, datatype=ox.NamedNode(datatype))
            return ox.Literal(text)
        if kind == "bnode":
            return _bnode(text)
    except (ValueError, TypeError) as exc:
        raise _Malformed(f"invalid {kind} {text[:60]!r} ({exc})") from None
    raise _Malformed(f"unknown term type {kind!r}")


class EndpointRow(Row):
    """A row of an endpoint's answer: reading a variable it left unbound with ``row[name]``
    raises :class:`UnboundVariableError` naming the endpoint (a fault of the endpoint's data,
    reported in one line) rather than a bare ``KeyError`` (a bug of ours)."""

    __slots__ = ("endpoint",)

    def __init__(self, values: dict[str, Term | None], endpoint: str) -> None:
        super().__init__(values)
        self.endpoint = endpoint

    def __getitem__(self, name: str) -> Term:
        term = dict.__getitem__(self, name)
        if term is None:
            raise UnboundVariableError(self.endpoint, name)
        return term


def parse_results(
    data: bytes, content_type: str = "", row: Callable[[dict[str, Term | None]], Row] = Row
) -> tuple[list[str], list[Row]] | bool:
    """SPARQL 1.1 results, JSON or XML (by the content type, else by the first byte):
    (variables, rows) for a SELECT, a bool for an ASK; ``row`` makes each row from its
    dict. A variable a row leaves out is unbound (None), as the formats allow; anything else
    that does not follow them raises ValueError with a one-line reason."""
    if "xml" in content_type.lower() or (not content_type and data.lstrip()[:1] == b"<"):
        return _parse_xml(data, row)
    return _parse_json(data, row)


def _parse_json(
    data: bytes, row: Callable[[dict[str, Term | None]], Row] = Row
) -> tuple[list[str], list[Row]] | bool:
    import json

    try:
        doc = json.loads(data)
    except UnicodeDecodeError:
        raise ValueError("not UTF-8") from None
    except json.JSONDecodeError as exc:
        raise ValueError(f"malformed JSON at line {exc.lineno} column {exc.colno}") from None
    except RecursionError:
        raise ValueError("JSON nested too deeply") from None
    if not isinstance(doc, dict):
        raise ValueError("not a JSON object")
    if "boolean" in doc:
        if not isinstance(doc["boolean"], bool):
            raise ValueError("'boolean' is not true or false")
        return doc["boolean"]
    head, results = doc.get("head"), doc.get("results")
    names = head.get("vars") if isinstance(head, dict) else None
    bindings = results.get("bindings") if isinstance(results, dict) else None
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise ValueError("no head.vars list")
    if not isinstance(bindings, list):
        raise ValueError("no results.bindings list")
    iris: dict[str, ox.NamedNode] = {}
    rows = []
    try:
        for solution in bindings:
            if not isinstance(solution, dict):
                raise _Malformed("a solution that is not an object")
            rows.append(row({n: _term(solution.get(n), iris) for n in names}))
    except _Malformed as exc:
        raise ValueError(str(exc)) from None
    return names, rows


_SR = "{http://www.w3.org/2005/sparql-results#}"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_XML_TERMS = {_SR + "uri": "uri", _SR + "literal": "literal", _SR + "bnode": "bnode"}


def _parse_xml(
    data: bytes, make: Callable[[dict[str, Term | None]], Row] = Row
) -> tuple[list[str], list[Row]] | bool:
    """SPARQL XML results: what Virtuoso writes four times faster than JSON. A DOCTYPE (the
    way to entity expansion) is refused before parsing; ElementTree fetches nothing."""
    import xml.etree.ElementTree as ET

    if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
        raise ValueError("XML with a DOCTYPE or ENTITY declaration")
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise ValueError(f"malformed XML ({exc})") from None
    if root.tag != _SR + "sparql":
        raise ValueError(f"XML that is not SPARQL results (<{root.tag}>)")
    boolean = root.find(_SR + "boolean")
    if boolean is not None:
        text = (boolean.text or "").strip()
        if text not in ("true", "false"):
            raise ValueError("<boolean> is not true or false")
        return text == "true"
    head, results = root.find(_SR + "head"), root.find(_SR + "results")
    if head is None or results is None:
        raise ValueError("no <head> or <results>")
    names = [v.get("name") or "" for v in head.findall(_SR + "variable")]
    iris: dict[str, ox.NamedNode] = {}
    rows = []
    try:
        for result in results.iterfind(_SR + "result"):
            row = make(dict.fromkeys(names))
            for binding in result.iterfind(_SR + "binding"):
                name = binding.get("name")
                element = next(iter(binding), None)
                if name is None or name not in row or element is None:
                    continue
                value = {"type": _XML_TERMS.get(element.tag, element.tag)}
                value["value"] = element.text or ""
                if lang := element.get(_XML_LANG):
                    value["xml:lang"] = lang
                if datatype := element.get("datatype"):
                    value["datatype"] = datatype
                row[name] = _term(value, iris)
            rows.append(row)
    except _Malformed as exc:
        raise ValueError(str(exc)) from None
    return names, rows


# ---------------------------------------------------------------------- paging
_IRIREF = re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")
#: The prologue: PREFIX and BASE declarations, with the comments and space around them.
_PROLOGUE = re.compile(
    r"(?:\s+|#[^\n]*|PREFIX\s+(?:[A-Za-z][\w.-]*)?:\s*<[^<>\s]*>|BASE\s*<[^<>\s]*>)*",
    re.IGNORECASE,
)


def _mask(text: str) -> str:
    """The text with comments, strings and IRIs blanked out (same length), so keywords and
    braces can be found by position."""
    out = list(text)
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            j = text.find("\n", i)
            j = n if j < 0 else j
        elif c in "\"'":
            long = text.startswith(c * 3, i)
            j = i + (3 if long else 1)
            while j < n:
                if text[j] == "\\":
                    j += 2
                elif long and text.startswith(c * 3, j):
                    j += 3
                    break
                elif not long and text[j] in (c, "\n"):
                    j += 1
                    break
                else:
                    j += 1
        elif c == "<" and (m := _IRIREF.match(text, i)):
            j = m.end()
        else:
            i += 1
            continue
        out[i:j] = " " * (min(j, n) - i)
        i = j
    return "".join(out)


def paged_form(sparql: str, variables: Sequence[str]) -> tuple[str, str] | None:
    """A SELECT made pageable: (prologue, body) where the body is the query with a total
    ORDER BY (its own order keys, then every projected variable, so no two different rows
    tie), to be wrapped as ``SELECT * WHERE { { body } } LIMIT n OFFSET k``. None when the
    query cannot be paged: not a SELECT, or it has its own LIMIT/OFFSET or a FROM clause.

    The wrapped form is what Virtuoso needs: an ORDER BY with an OFFSET past its sort limit
    (10,000 rows) is refused at the top level, but not inside a subquery."""
    masked = _mask(sparql)
    start = _PROLOGUE.match(sparql).end()  # type: ignore[union-attr]
    body_masked = masked[start:]
    select = re.match(r"\s*SELECT\b", body_masked, re.IGNORECASE)
    if not select or not variables:
        return None
    depth_paren, open_at = 0, None
    for i, c in enumerate(body_masked):
        if c == "(":
            depth_paren += 1
        elif c == ")":
            depth_paren -= 1
        elif c == "{" and depth_paren == 0:
            open_at = i
            break
    if open_at is None or re.search(r"\bFROM\b", body_masked[:open_at], re.IGNORECASE):
        return None
    depth, close_at = 0, None
    for i in range(open_at, len(body_masked)):
        if body_masked[i] == "{":
            depth += 1
        elif body_masked[i] == "}":
            depth -= 1
            if depth == 0:
                close_at = i
                break
    if close_at is None:
        return None
    tail = body_masked[close_at + 1 :]
    if re.search(r"\b(LIMIT|OFFSET)\b", tail, re.IGNORECASE):
        return None
    values = re.search(r"\bVALUES\b", tail, re.IGNORECASE)
    modifiers = tail[: values.start()] if values else tail
    at = close_at + 1 + len(modifiers.rstrip())
    keys = " ".join(f"?{v}" for v in variables)
    has_order = re.search(r"\bORDER\s+BY\b", modifiers, re.IGNORECASE)
    insert = f" {keys}" if has_order else f"\nORDER BY {keys}"
    body = sparql[start:]
    return sparql[:start], body[:at] + insert + body[at:]


# ---------------------------------------------------------------------- the client
#: what to do when an endpoint lacks the named graphs, in the library's words (the CLI says
#: it in its own: cli/common.py ``endpoint_warning``)
LAYOUT_HINT = "load the TriG of Store.dump() into it for the closure"


class Endpoint:
    """A SPARQL 1.1 protocol endpoint answering the same questions as the embedded Store.

    ``timeout``: seconds for each request as a whole (default: HERSTELGRAPH_ENDPOINT_TIMEOUT,
    else 30). ``layout``: whether the endpoint holds the herstelgraph named graphs (None:
    ask it once). ``max_bytes``: the most one answer may have (default:
    HERSTELGRAPH_MAX_ANSWER_BYTES, else 512 MB); more is an EndpointError."""

    def __init__(
        self,
        url: str,
        *,
        timeout: float | None = None,
        layout: bool | None = None,
        max_bytes: int | None = None,
        on_warning: Callable[[str, str], None] | None = None,
    ) -> None:
        import urllib.parse

        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise InputError(Said("endpoint-url", url=url))
        if timeout is None:
            timeout = endpoint_timeout()
        else:
            try:
                timeout = check_timeout(timeout)
            except ValueError as exc:
                raise ParameterError("timeout", f"endpoint timeout {exc}") from None
        self.url = url
        self.timeout = timeout
        #: bytes one answer may have (HERSTELGRAPH_MAX_ANSWER_BYTES, else 512 MB)
        self.max_answer_bytes = max_answer_bytes() if max_bytes is None else max_bytes
        self._layout = layout
        self.warnings: list[str] = []
        #: called with (kind, message) for each new warning ("layout", "row-cap"); the CLI
        #: adds its own hint; default: printed to standard error
        self.on_warning = on_warning
        #: how many requests went out (for tests and the curious)
        self.requests = 0
        self._accept = "application/sparql-results+json"

    # ------------------------------------------------------------------ protocol
    def _row(self, values: dict[str, Term | None]) -> Row:
        return EndpointRow(values, self.url)

    def _error(self, key: str, **fields: object) -> EndpointError:
        """An EndpointError said as words.ERRORS[key] (English; the CLI says it in the
        user's language)."""
        return EndpointError(self.url, Said(key, url=self.url, **fields))

    def _timeout(self) -> EndpointTimeoutError:
        said = Said("endpoint-timeout", url=self.url, seconds=f"{self.timeout:g}")
        return EndpointTimeoutError(self.url, said, timeout=self.timeout)

    def _request(
        self, sparql: str, graphs: Sequence[ox.NamedNode] | None
    ) -> tuple[dict[str, str], tuple[list[str], list[Row]] | bool]:
        """One query: (headers, parsed results)."""
        import urllib.error
        import urllib.parse

        fields = [("query", with_prefixes(sparql))]
        fields += [("default-graph-uri", g.value) for g in graphs or []]
        if graphs:
            # a dataset named by default-graph-uri has no named graphs (SPARQL 1.1 protocol,
            # 2.1.4): name the external graph, which the questions about ESCO links read with
            # GRAPH ?graph { … } (store.EXTERNAL)
            fields.append(("named-graph-uri", EXTERNAL.value))
        body = urllib.parse.urlencode(fields).encode()
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": self._accept,
            "User-Agent": "herstelgraph",
        }
        self.requests += 1
        try:
            _status, answer, data = _post(
                self.url, body, headers, self.timeout, self.max_answer_bytes
            )
        except urllib.error.HTTPError as exc:
            lines = getattr(exc, "detail", b"").decode("utf-8", "replace").strip().splitlines()
            detail = lines[0] if lines else ""
            raise self._error(
                "endpoint-http",
                code=exc.code,
                reason=exc.reason,
                detail=f": {detail[:200]}" if detail else "",
            ) from None
        except _TooLarge as exc:
            from ..io.inputs import _bytes

            cap = {"limit": _bytes(self.max_answer_bytes), "setting": MAX_ANSWER_SETTING}
            if exc.size:
                raise self._error("endpoint-too-large", size=_bytes(exc.size), **cap) from None
            raise self._error("endpoint-sent-too-much", **cap) from None
        except TimeoutError:
            raise self._timeout() from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, TimeoutError):
                raise self._timeout() from None
            text = getattr(reason, "strerror", None) or str(reason)
            raise self._error("endpoint-unreachable", reason=text) from None
        except OSError as exc:
            raise self._error("endpoint-failed", reason=str(exc.strerror or exc)) from None
        except Exception as exc:  # http.client's protocol errors: a broken-off answer
            raise self._error("endpoint-broke-off", reason=type(exc).__name__) from None
        if "virtuoso" in answer.get("server", "").lower():
            # Virtuoso writes XML results about four times as fast as JSON (10,000 rows:
            # 0.4 s against 1.6 s): ask it for XML from now on
            self._accept = _PREFER_XML
        try:
            return answer, parse_results(data, answer.get("content-type", ""), self._row)
        except ValueError as exc:
            raise self._error("endpoint-no-results", reason=str(exc)) from None

    def _has_layout(self) -> bool:
        if self._layout is None:
            probe = f"ASK WHERE {{ GRAPH {ASSERTED} {{ ?s ?p ?o }} }}"
            self._layout = self._boolean(probe, None)
            if not self._layout:
                self._warn(
                    f"SPARQL endpoint {self.url} has no graph {ASSERTED.value}; querying its "
                    f"default graph ({LAYOUT_HINT})",
                    "layout",
                )
        return self._layout

    def _graphs(self, entailment: Entailment | bool) -> list[ox.NamedNode] | None:
        return graphs_for(entailment) if self._has_layout() else None

    def _warn(self, message: str, kind: str = "row-cap") -> None:
        if message not in self.warnings:
            self.warnings.append(message)
            if self.on_warning is not None:
                self.on_warning(kind, message)
            else:
                print(f"herstelgraph: warning: {message}", file=sys.stderr)

    def _boolean(self, text: str, graphs: Sequence[ox.NamedNode] | None) -> bool:
        _, result = self._request(text, graphs)
        if not isinstance(result, bool):
            raise self._error("endpoint-ask-no-boolean")
        return result

    def _rows(
        self, text: str, graphs: Sequence[ox.NamedNode] | None
    ) -> tuple[list[str], list[Row], int | None]:
        answer, result = self._request(text, graphs)
        if isinstance(result, bool):
            raise self._error("endpoint-select-boolean")
        cap = answer.get(MAX_ROWS_HEADER, "").strip()
        return result[0], result[1], int(cap) if cap.isdigit() and int(cap) > 0 else None

    def _select(self, text: str, graphs: Sequence[ox.NamedNode] | None) -> Rows:
        """A SELECT's rows, paged when the server says it cut the answer at its row cap."""
        names, rows, cap = self._rows(text, graphs)
        if cap is not None and len(rows) >= cap:
            form = paged_form(text, names)
            if form is not None:
                try:
                    return Rows(self._pages(form, names, graphs, cap), names)
                except EndpointError as exc:
                    reason = f"paging it failed: {exc}"
            else:
                reason = "the query has its own LIMIT, OFFSET or FROM, so it cannot be paged"
            self._warn(
                f"SPARQL endpoint {self.url} cut an answer at its row cap of {cap:,} rows and "
                f"{reason}; the answer is incomplete (raise the server's ResultSetMaxRows)"
            )
        elif len(rows) in ROW_CAPS and not re.search(r"\bLIMIT\b", text, re.IGNORECASE):
            self._warn(
                f"SPARQL endpoint {self.url} returned exactly {len(rows):,} rows, a common "
                "server row cap: the answer may be truncated (raise the server's limit)"
            )
        return Rows(rows, names)

    def _pages(
        self,
        form: tuple[str, str],
        names: list[str],
        graphs: Sequence[ox.NamedNode] | None,
        cap: int,
    ) -> list[Row]:
        prologue, body = form
        rows: list[Row] = []
        while True:
            text = f"{prologue}SELECT * WHERE {{ {{\n{body}\n}} }}\nLIMIT {cap} OFFSET {len(rows)}"
            _, page, _ = self._rows(text, graphs)
            rows.extend(self._row({n: r.get(n) for n in names}) for r in page)
            if len(page) < cap:
                return rows

    # ------------------------------------------------------------------ Store interface
    def select(
        self,
        sparql: str,
        bindings: Mapping[str, Binding] | None = None,
        *,
        entailment: Entailment | bool = Entailment.NONE,
        anchor: str | None = None,
    ) -> Rows:
        """Run a SELECT with bound parameters; rows map variable names to pyoxigraph terms
        (None: unbound), and ``.variables`` names the answer's columns. ``anchor`` is a hint
        for the embedded store's choice of graphs; an endpoint names its graphs itself."""
        text = bind_values(sparql, bindings or {})
        return self._select(text, self._graphs(entailment))

    def ask(
        self,
        sparql: str,
        bindings: Mapping[str, Binding] | None = None,
        *,
        entailment: Entailment | bool = Entailment.NONE,
    ) -> bool:
        text = bind_values(sparql, bindings or {})
        return self._boolean(text, self._graphs(entailment))

    def quads(
        self,
        subject: ox.NamedNode | ox.BlankNode | None = None,
        predicate: ox.NamedNode | None = None,
        object: Term | None = None,
        *,
        graphs: Iterable[ox.NamedNode] = (ASSERTED, USER),
    ) -> Iterator[ox.Quad]:
        """The quads matching a pattern (None: any) in the given named graphs, read with one
        SELECT (paged where the server caps answers). On an endpoint without the
        herstelgraph graphs, its default graph stands for the asserted graph."""
        wanted = list(graphs)
        pattern = {"s": subject, "p": predicate, "o": object}
        if self._has_layout():
            if not wanted:
                return
            text = "SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } }"
            rows = self._select(bind_values(text, {**pattern, "g": wanted}), None)
            for r in rows:
                yield ox.Quad(r["s"], r["p"], r["o"], r["g"])  # type: ignore[arg-type]
        elif ASSERTED in wanted:
            rows = self._select(bind_values("SELECT ?s ?p ?o WHERE { ?s ?p ?o }", pattern), None)
            for r in rows:
                yield ox.Quad(r["s"], r["p"], r["o"], ASSERTED)  # type: ignore[arg-type]

    def __repr__(self) -> str:
        return f"Endpoint({self.url!r})"


def snapshot(
    store: Queryable, graphs: Iterable[ox.NamedNode] = (ASSERTED, USER, INFERRED)
) -> Store:
    """An embedded copy of a store's graphs (the store itself when it is embedded): for work
    that reads every triple anyway (the site, the quality report), one bulk read instead of
    thousands of small queries over the network."""
    if isinstance(store, Store):
        return store
    copy = Store()
    copy.extend(store.quads(graphs=graphs))
    return copy


def normalise_term(term: Term | None) -> str | None:
    """A comparable text form of a term: numbers by value (Oxigraph writes the decimal 75
    where rdflib writes 75.0), everything else by its lexical form."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value.rsplit("#", 1)[-1]
        if dt in ("decimal", "double", "float", "integer", "int", "long"):
            try:
                return repr(float(term.value))
            except ValueError:
                return term.value
    return term.value


__all__ = [
    "DEFAULT_TIMEOUT",
    "ROW_CAPS",
    "TIMEOUT_SETTING",
    "Endpoint",
    "check_timeout",
    "endpoint_timeout",
    "normalise_term",
    "paged_form",
    "parse_results",
    "snapshot",
    "with_prefixes",
]
