"""What a SPARQL endpoint holds, compared with this release: ``herstelgraph endpoint check URL``.

**Graphs.** The asserted, inferred and user graphs: their triple counts on the endpoint and a
fingerprint, the triple count of every predicate, compared with the same figures of this
release's own graph (plus the endpoint's user graph, whose SKOS closure the inferred graph
holds as well). Counting per predicate is one cheap GROUP BY on both sides and catches a
stale load (a changed framework or mapping changes some predicate's count), a partial load
and a graph loaded twice under another name; it does not see a changed literal with the
same counts (a full comparison would read every triple).

**Features.** Every SPARQL 1.1 feature the shipped queries use, probed with a tiny query
whose answer is known: the endpoint's answer is compared with the embedded engine's, so a
feature that is refused *and* one that is evaluated wrongly without a word (Virtuoso 7
leaves ``IF(…, EXISTS {…}, …)`` unbound) show up. The probes read the herstelgraph graphs,
as the questions do, so their answers are compared only where the graphs match.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import pyoxigraph as ox

from ..errors import EndpointError
from ..ids import compact
from ..model import Entailment, Record
from ..store.store import ASSERTED, INFERRED, USER, Store

#: The herstelgraph graphs an endpoint is checked for, by short name.
GRAPHS = (("asserted", ASSERTED), ("inferred", INFERRED), ("user", USER))

#: Rows the row-cap probe asks for: one more than the commonest caps (1,000 and 10,000).
CAP_PROBE_ROWS = 10001


@dataclass(frozen=True)
class GraphStatus(Record):
    """One herstelgraph graph on the endpoint against this release."""

    graph: str  # asserted | inferred | user
    iri: str
    triples: int  # on the endpoint
    release: int | None  # in this release (user: None, the user's own data)
    status: str  # matches | differs | missing | user data | empty
    fingerprint: str  # hash of the per-predicate counts on the endpoint
    detail: str


@dataclass(frozen=True)
class FeatureStatus(Record):
    """One SPARQL 1.1 feature the shipped queries use, probed on the endpoint."""

    feature: str
    status: str  # supported | unsupported | wrong answer | answers (graphs differ)
    needed_by: tuple[str, ...]  # shipped queries that use it
    detail: str


@dataclass(frozen=True)
class EndpointFinding(Record):
    """A row of the report in one shape, for tables and CSV."""

    kind: str  # graph | feature | limit
    name: str
    status: str
    endpoint: str
    release: str
    detail: str


@dataclass(frozen=True)
class EndpointReport(Record):
    """What ``check_endpoint`` found. ``ok``: the graphs match this release and every
    feature a shipped query needs works."""

    url: str
    version: str
    graphs: tuple[GraphStatus, ...]
    features: tuple[FeatureStatus, ...]
    row_cap: int | None  # the cap the server cut an answer at (None: none seen)
    row_cap_detail: str

    @property
    def ok(self) -> bool:
        graphs = all(g.status in ("matches", "user data", "empty") for g in self.graphs)
        return graphs and all(f.status == "supported" for f in self.features)

    def findings(self) -> list[EndpointFinding]:
        rows = [
            EndpointFinding(
                "graph",
                g.graph,
                g.status,
                f"{g.triples} triples",
                "" if g.release is None else f"{g.release} triples",
                (g.detail + "; " if g.detail else "") + f"fingerprint {g.fingerprint}",
            )
            for g in self.graphs
        ]
        rows += [
            EndpointFinding(
                "feature",
                f.feature,
                f.status,
                "",
                "",
                (f.detail + "; " if f.detail else "") + f"needed by {', '.join(f.needed_by)}",
            )
            for f in self.features
        ]
        cap = "none seen" if self.row_cap is None else f"{self.row_cap} rows"
        rows.append(EndpointFinding("limit", "row cap", cap, "", "", self.row_cap_detail))
        return rows


# ---------------------------------------------------------------------- features
@dataclass(frozen=True)
class _Feature:
    name: str
    uses: str  # regex over a shipped query's text (comments, strings and IRIs blanked)
    probe: str
    ordered: bool = False  # the row order is part of the answer


_FEATURES = (
    _Feature(
        "VALUES (and parameters, bound with VALUES)",
        r"\bVALUES\b",
        "SELECT ?c ?l WHERE { VALUES ?c { bk:competentie-02 bk:competentie-03 } "
        "?c skos:prefLabel ?l }",
    ),
    _Feature(
        "OPTIONAL",
        r"\bOPTIONAL\b",
        "SELECT ?s ?v WHERE { ?s a hg:Framework OPTIONAL { ?s hg:eqfLevel ?v } }",
    ),
    _Feature(
        "UNION",
        r"\bUNION\b",
        "SELECT ?x WHERE { { bk:scheme skos:hasTopConcept ?x } UNION "
        "{ valente:scheme skos:hasTopConcept ?x } }",
    ),
    _Feature(
        "BIND",
        r"\bBIND\s*\(",
        "SELECT ?s ?t WHERE { ?s a hg:Framework BIND(STR(?s) AS ?t) }",
    ),
    _Feature(
        "FILTER NOT EXISTS",
        r"\bNOT\s+EXISTS\b",
        "SELECT ?c WHERE { ?c skos:inScheme bk:scheme FILTER NOT EXISTS { ?c a hg:Section } }",
    ),
    _Feature(
        "EXISTS inside a FILTER expression (… || EXISTS {…})",
        r"(\|\||&&)\s*!?\s*EXISTS\b|\bEXISTS\s*\{[^{}]*\}\s*(\|\||&&)",
        "SELECT ?c WHERE { VALUES ?t { hg:Competency } ?c skos:inScheme bk:scheme "
        "FILTER(!BOUND(?t) || EXISTS { ?c a ?t }) }",
    ),
    _Feature(
        "subquery",
        r"\{\s*SELECT\b",
        "SELECT ?s ?n WHERE { ?s a hg:Framework { SELECT ?s (COUNT(?c) AS ?n) WHERE "
        "{ ?c skos:inScheme ?s } GROUP BY ?s } }",
    ),
    _Feature(
        "GROUP BY, COUNT(DISTINCT), GROUP_CONCAT with separator",
        r"\bGROUP\s+BY\b",
        'SELECT ?s (COUNT(DISTINCT ?c) AS ?n) (GROUP_CONCAT(DISTINCT ?k; separator=" ") '
        'AS ?all) WHERE { ?s a hg:Framework . ?c skos:inScheme ?s BIND("x" AS ?k) } '
        "GROUP BY ?s ORDER BY DESC(?n) ?s",
        ordered=True,
    ),
    _Feature(
        "IN (…)",
        r"\bIN\s*\(",
        "SELECT ?c ?r WHERE { VALUES ?c { bk:competentie-02 } ?c ?r ?y "
        "FILTER(?r IN (skos:broader, skos:inScheme)) }",
    ),
    _Feature(
        "IF, COALESCE, BOUND",
        r"\b(IF|COALESCE|BOUND)\s*\(",
        "SELECT ?s ?f ?v WHERE { ?s a hg:Framework OPTIONAL { ?s hg:eqfLevel ?e } "
        'BIND(IF(BOUND(?e), "yes", "no") AS ?f) BIND(COALESCE(?e, 0) AS ?v) }',
    ),
    _Feature(
        "LANG, STR, STRSTARTS, LCASE",
        r"\b(LANG|STR|STRSTARTS|LCASE)\s*\(",
        "SELECT ?t ?x WHERE { VALUES ?c { bk:competentie-02 } ?c a ?t ; skos:prefLabel ?l "
        'FILTER(LANG(?l) = "nl" && STRSTARTS(STR(?t), STR(hg:))) BIND(LCASE(STR(?l)) AS ?x) }',
    ),
    _Feature(
        "ORDER BY, LIMIT and OFFSET over a subquery (paging a capped answer)",
        r"\bORDER\s+BY\b",
        "SELECT * WHERE { { SELECT ?c WHERE { ?c skos:inScheme bk:scheme } ORDER BY ?c } } "
        "LIMIT 5 OFFSET 3",
        ordered=True,
    ),
    _Feature(
        "the request's default-graph-uri (a query reads the graphs it names)",
        r"\bSELECT\b",
        "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
    ),
    _Feature(
        "property paths (a|b, a/b)",
        r"(\w+:\w*|\))\s*[/|]\s*(\w+:|\()",
        "SELECT DISTINCT ?c ?id WHERE { ?c (skos:topConceptOf|skos:inScheme)/dct:identifier ?id }",
    ),
)


def _needed_by(feature: _Feature, specs) -> tuple[str, ...]:
    from ..store.endpoint import _mask

    pattern = re.compile(feature.uses, re.IGNORECASE)
    names = [s.name for s in specs if pattern.search(_mask(s.text))]
    if feature.name.startswith("VALUES"):
        names += [s.name for s in specs if s.parameters and s.name not in names]
    return tuple(sorted(names))


def _comparable(rows: list[dict], ordered: bool) -> list:
    from ..store.endpoint import normalise_term

    out = [tuple(sorted((k, normalise_term(v) or "") for k, v in r.items())) for r in rows]
    return out if ordered else sorted(out)


def _first_line(exc: Exception) -> str:
    text = str(exc)
    m = re.search(r"answered (HTTP \d+[^;]*)", text)
    return (m.group(1) if m else text).splitlines()[0][:160]


def _probe_features(endpoint, reference: Store, graphs_match: bool) -> list[FeatureStatus]:
    """Each probe reads the herstelgraph graphs, as the questions do (Virtuoso 7 gets some
    features wrong only on patterns without data, e.g. a UNION of two VALUES blocks, which
    no question asks): its answer is compared with the release's where the graphs match."""
    from ..store import queries

    specs = queries.shipped()
    out = []
    for feature in _FEATURES:
        needed = _needed_by(feature, specs)
        try:
            got = endpoint.select(feature.probe, entailment=Entailment.NONE)
        except EndpointError as exc:
            out.append(FeatureStatus(feature.name, "unsupported", needed, _first_line(exc)))
            continue
        if not graphs_match:
            detail = "answered; not compared, as the graphs differ from this release"
            out.append(FeatureStatus(feature.name, "answers", needed, detail))
            continue
        want = reference.select(feature.probe, entailment=Entailment.NONE)
        if _comparable(got, feature.ordered) != _comparable(want, feature.ordered):
            detail = f"{len(got)} rows where this release gives {len(want)}"
            out.append(FeatureStatus(feature.name, "wrong answer", needed, detail))
        else:
            out.append(FeatureStatus(feature.name, "supported", needed, ""))
    return out


# ---------------------------------------------------------------------- graphs
_PER_PREDICATE = "SELECT ?p (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?p"


def _fingerprint(counts: Counter) -> str:
    text = "".join(f"{p}\t{n}\n" for p, n in sorted(counts.items()))
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def _endpoint_counts(endpoint, graph: ox.NamedNode) -> Counter:
    from ..store.store import bind_values

    # no default-graph-uri here: a request that names default graphs and no named ones has,
    # by the protocol, no named graph for GRAPH ?g to match (Oxigraph keeps to that)
    rows = endpoint._select(bind_values(_PER_PREDICATE, {"g": graph}), None)
    return Counter({r["p"].value: int(r["n"].value) for r in rows if r["p"] is not None})


def _release_counts(store: Store, graph: ox.NamedNode) -> Counter:
    return Counter(q.predicate.value for q in store.quads(graphs=(graph,)))


def _difference(got: Counter, want: Counter, limit: int = 3) -> str:
    keys = sorted(set(got) | set(want), key=lambda p: (-abs(got[p] - want[p]), p))
    diff = [p for p in keys if got[p] != want[p]]
    shown = ", ".join(f"{compact(p)} {got[p]} (release {want[p]})" for p in diff[:limit])
    more = f" and {len(diff) - limit} more" if len(diff) > limit else ""
    return f"{len(diff)} predicate counts differ: {shown}{more}"


def _release_store(user: list[ox.Quad]) -> Store:
    """This release's graph, with the endpoint's user data and the closure over both."""
    import tempfile
    from pathlib import Path

    from ..store.build import load

    if not user:
        return load()
    with tempfile.TemporaryDirectory(prefix="herstelgraph-") as tmp:
        path = Path(tmp) / "endpoint-user.nt"
        triples = (ox.Triple(q.subject, q.predicate, q.object) for q in user)
        path.write_bytes(ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"")
        return load(extra=[path])


def _graph_statuses(endpoint, reference: Store) -> list[GraphStatus]:
    out = []
    for name, graph in GRAPHS:
        got = _endpoint_counts(endpoint, graph)
        total = sum(got.values())
        if name == "user":
            status = "user data" if total else "empty"
            out.append(GraphStatus(name, graph.value, total, None, status, _fingerprint(got), ""))
            continue
        want = _release_counts(reference, graph)
        if not total:
            status, detail = "missing", "no triples; load 'herstelgraph export --format trig'"
        elif got == want:
            status, detail = "matches", ""
        else:
            status, detail = "differs", _difference(got, want)
        out.append(
            GraphStatus(
                name, graph.value, total, sum(want.values()), status, _fingerprint(got), detail
            )
        )
    return out


# ---------------------------------------------------------------------- limits
def _probe_row_cap(endpoint) -> tuple[int | None, str]:
    keys = "VALUES ?a { 0 1 2 3 4 5 6 7 8 9 } VALUES ?b { 0 1 2 3 4 5 6 7 8 9 }"
    text = (
        f"SELECT ?a ?b ?c ?d WHERE {{ {{ {keys} VALUES ?c {{ 0 1 2 3 4 5 6 7 8 9 }} "
        f"VALUES ?d {{ 0 1 2 3 4 5 6 7 8 9 }} }} UNION {{ BIND(10 AS ?a) }} }}"
    )
    try:
        _names, rows, cap = endpoint._rows(text, None)
    except EndpointError as exc:
        return None, f"the probe failed: {_first_line(exc)}"
    if cap is not None:
        return cap, (
            f"the server cuts answers at {cap} rows and says so: herstelgraph pages answers "
            "longer than that"
        )
    if len(rows) < CAP_PROBE_ROWS:
        return len(rows), (
            f"an answer of {CAP_PROBE_ROWS} rows came back with {len(rows)} and no notice: "
            "longer answers are cut without a word (raise the server's result limit)"
        )
    return None, f"an answer of {CAP_PROBE_ROWS} rows came back whole"


# ---------------------------------------------------------------------- the check
def check_endpoint(endpoint, *, progress: Callable[[str], None] | None = None) -> EndpointReport:
    """What the endpoint (an :class:`~herstelgraph.store.endpoint.Endpoint`) holds against
    this release: its graphs, the SPARQL features the questions need, its row cap."""
    from .._version import __version__

    say = progress or (lambda _msg: None)
    say("reading the endpoint's user graph")
    user = list(endpoint.quads(graphs=(USER,))) if endpoint._has_layout() else []
    say("building this release's graph" + (" with that user data" if user else ""))
    reference = _release_store(user)
    say("counting triples per predicate")
    graphs = _graph_statuses(endpoint, reference)
    match = all(g.status == "matches" for g in graphs if g.graph != "user")
    say("probing SPARQL features")
    features = _probe_features(endpoint, reference, match)
    cap, cap_detail = _probe_row_cap(endpoint)
    return EndpointReport(
        endpoint.url, __version__, tuple(graphs), tuple(features), cap, cap_detail
    )


__all__ = [
    "EndpointFinding",
    "EndpointReport",
    "FeatureStatus",
    "GraphStatus",
    "check_endpoint",
]
