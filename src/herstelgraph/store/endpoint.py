"""A remote SPARQL 1.1 endpoint with the Store's select/ask interface.

Every question in the API takes "a store": the embedded Oxigraph one, or this client, so the
same answers come from Oxigraph server, Fuseki, GraphDB or Virtuoso. It uses urllib only (no
new dependency, nothing heavy imported) and turns results into pyoxigraph terms, so the
code that reads rows is the same for both.

Graph layout: an endpoint loaded with ``Store.dump`` (TriG/N-Quads) holds the graphs
``graph/asserted``, ``graph/inferred`` and ``graph/user``; queries go out with
``default-graph-uri`` parameters naming the graphs they need, as the embedded store does.
An endpoint without those graphs is queried on its default graph (with a warning once:
questions marked ``Entailment: skos-closure`` then need the closure loaded there).
"""

from __future__ import annotations

import re
import socket
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Mapping

import pyoxigraph as ox

from ..errors import EndpointError, InputError
from ..model import Entailment
from ..vocab import PREFIXES
from .store import ASSERTED, Binding, Row, bind_values, graphs_for

#: Result sizes at which well-known servers silently truncate (Virtuoso's default
#: ResultSetMaxRows is 10,000; others use 1,000, 50,000 or 100,000).
ROW_CAPS = (1000, 10000, 50000, 100000)

_PREFIX_DECL = re.compile(r"^\s*PREFIX\s+([A-Za-z][\w.-]*)?:", re.IGNORECASE | re.MULTILINE)


def with_prefixes(sparql: str) -> str:
    """Declare the project prefixes a query leaves undeclared (the embedded store passes
    them to Oxigraph; a remote server needs them in the text)."""
    declared = set(_PREFIX_DECL.findall(sparql))
    missing = [f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items() if p not in declared]
    return "\n".join(missing) + "\n" + sparql if missing else sparql


class Endpoint:
    """A SPARQL 1.1 protocol endpoint answering the same questions as the embedded Store."""

    def __init__(self, url: str, *, timeout: float = 30.0, layout: bool | None = None):
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise InputError(
                f"invalid endpoint URL {url!r}: expected http(s)://host[:port]/path, "
                "e.g. http://localhost:7878/query"
            )
        self.url = url
        self.timeout = timeout
        self._layout = layout
        self.warnings: list[str] = []

    # ------------------------------------------------------------------ protocol
    def _request(self, sparql: str, graphs: list[ox.NamedNode] | None) -> bytes:
        fields = [("query", with_prefixes(sparql))]
        fields += [("default-graph-uri", g.value) for g in graphs or []]
        body = urllib.parse.urlencode(fields).encode()
        req = urllib.request.Request(
            self.url,
            data=body,
            method="POST",
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Accept": "application/sparql-results+json",
                "User-Agent": "herstelgraph",
            },
        )
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                return resp.read()
        except urllib.error.HTTPError as exc:
            detail = ""
            try:
                detail = exc.read(300).decode("utf-8", "replace").strip().splitlines()[0]
            except Exception:
                pass
            raise EndpointError(
                self.url,
                f"SPARQL endpoint {self.url} answered HTTP {exc.code} {exc.reason}"
                + (f": {detail[:200]}" if detail else "")
                + "; check the URL (it must accept SPARQL queries) and the server's log",
            ) from None
        except TimeoutError:
            raise EndpointError(
                self.url,
                f"SPARQL endpoint {self.url} did not answer within {self.timeout:g} s; "
                "try again later or raise the timeout",
            ) from None
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, TimeoutError | socket.timeout):
                raise EndpointError(
                    self.url,
                    f"SPARQL endpoint {self.url} did not answer within {self.timeout:g} s; "
                    "try again later or raise the timeout",
                ) from None
            text = getattr(reason, "strerror", None) or str(reason)
            raise EndpointError(
                self.url,
                f"SPARQL endpoint {self.url} is unreachable ({text}); "
                "check the URL and that the server is running",
            ) from None
        except OSError as exc:
            raise EndpointError(
                self.url,
                f"SPARQL endpoint {self.url} failed ({exc.strerror or exc}); "
                "check the URL and that the server is running",
            ) from None

    def _parse(self, data: bytes):
        try:
            return ox.parse_query_results(data, format=ox.QueryResultsFormat.JSON)
        except (SyntaxError, ValueError) as exc:
            first = str(exc).splitlines()[0] if str(exc) else "unreadable"
            raise EndpointError(
                self.url,
                f"SPARQL endpoint {self.url} sent no SPARQL JSON results ({first[:120]}); "
                "is this the query URL (e.g. …/query or …/sparql)?",
            ) from None

    def _graphs(self, entailment: Entailment | bool) -> list[ox.NamedNode] | None:
        if self._layout is None:
            probe = f"ASK WHERE {{ GRAPH {ASSERTED} {{ ?s ?p ?o }} }}"
            result = self._parse(self._request(probe, None))
            self._layout = bool(result)
            if not self._layout:
                self._warn(
                    f"SPARQL endpoint {self.url} has no graph {ASSERTED.value}; querying its "
                    "default graph (load 'herstelgraph export --format trig' for the closure)"
                )
        if not self._layout:
            return None
        return graphs_for(entailment)

    def _warn(self, message: str) -> None:
        self.warnings.append(message)
        print(f"herstelgraph: warning: {message}", file=sys.stderr)

    # ------------------------------------------------------------------ Store interface
    def select(
        self,
        sparql: str,
        bindings: Mapping[str, Binding] | None = None,
        *,
        entailment: Entailment | bool = Entailment.NONE,
    ) -> list[Row]:
        """Run a SELECT with bound parameters; rows map variable names to pyoxigraph terms."""
        text = bind_values(sparql, bindings or {})
        result = self._parse(self._request(text, self._graphs(entailment)))
        if isinstance(result, ox.QueryBoolean):
            raise EndpointError(
                self.url, f"SPARQL endpoint {self.url} answered a SELECT with a boolean"
            )
        names = [v.value for v in result.variables]
        rows = [{n: sol[n] for n in names} for sol in result]
        if len(rows) in ROW_CAPS and "LIMIT" not in text.upper():
            self._warn(
                f"SPARQL endpoint {self.url} returned exactly {len(rows):,} rows, a common "
                "server row cap: the answer may be truncated (raise the server's limit)"
            )
        return rows

    def ask(
        self,
        sparql: str,
        bindings: Mapping[str, Binding] | None = None,
        *,
        entailment: Entailment | bool = Entailment.NONE,
    ) -> bool:
        text = bind_values(sparql, bindings or {})
        result = self._parse(self._request(text, self._graphs(entailment)))
        if not isinstance(result, ox.QueryBoolean):
            raise EndpointError(
                self.url, f"SPARQL endpoint {self.url} answered an ASK without a boolean"
            )
        return bool(result)

    def __repr__(self) -> str:
        return f"Endpoint({self.url!r})"


def normalise_term(term) -> str | None:
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


__all__ = ["ROW_CAPS", "Endpoint", "normalise_term", "with_prefixes"]
