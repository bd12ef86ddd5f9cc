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
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pyoxigraph as ox

from ..errors import EndpointError
from ..ids import compact
from ..model import Entailment, Record
from ..store.store import ASSERTED, INFERRED, USER, Row, Store
from ..words import CHECK_DETAILS, check_detail

if TYPE_CHECKING:  # the endpoint client is imported only when an endpoint is checked
    from ..store.endpoint import Endpoint
    from ..store.queries import QuerySpec

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

    def findings(self, lang: str = "en") -> list[EndpointFinding]:
        """The report as rows, their texts in ``lang`` (the details are the report's own:
        ``check_endpoint(..., lang=)``); kinds and statuses stay codes."""

        def w(key: str, **fields: object) -> str:
            return check_detail(key, lang, **fields)

        rows = [
            EndpointFinding(
                "graph",
                g.graph,
                g.status,
                w("e-triples", n=g.triples),
                "" if g.release is None else w("e-triples", n=g.release),
                (g.detail + "; " if g.detail else "") + w("e-fingerprint", fp=g.fingerprint),
            )
            for g in self.graphs
        ]
        rows += [
            EndpointFinding(
                "feature",
                feature_name(f.feature, lang),
                f.status,
                "",
                "",
                (f.detail + "; " if f.detail else "")
                + w("e-needed-by", queries=", ".join(f.needed_by)),
            )
            for f in self.features
        ]
        cap = w("e-none-seen") if self.row_cap is None else w("e-rows", n=self.row_cap)
        rows.append(EndpointFinding("limit", w("e-row-cap"), cap, "", "", self.row_cap_detail))
        return rows


def feature_name(name: str, lang: str) -> str:
    """A SPARQL feature's name in ``lang`` (most are SPARQL keywords, the same in both)."""
    return check_detail(name, lang) if name in CHECK_DETAILS else name


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


def _needed_by(feature: _Feature, specs: Sequence[QuerySpec]) -> tuple[str, ...]:
    from ..store.endpoint import _mask

    pattern = re.compile(feature.uses, re.IGNORECASE)
    names = [s.name for s in specs if pattern.search(_mask(s.text))]
    if feature.name.startswith("VALUES"):
        names += [s.name for s in specs if s.parameters and s.name not in names]
    return tuple(sorted(names))


def _comparable(rows: list[Row], ordered: bool) -> list[tuple[tuple[str, str], ...]]:
    from ..store.endpoint import normalise_term

    out = [tuple(sorted((k, normalise_term(v) or "") for k, v in r.items())) for r in rows]
    return out if ordered else sorted(out)


def _first_line(exc: Exception) -> str:
    text = str(exc)
    m = re.search(r"answered (HTTP \d+[^;]*)", text)
    return (m.group(1) if m else text).splitlines()[0][:160]


def _probe_features(
    endpoint: Endpoint, reference: Store, graphs_match: bool, lang: str = "en"
) -> list[FeatureStatus]:
    """Each probe reads the herstelgraph graphs, as the questions do (Virtuoso 7 gets some
    features wrong only on patterns without data, e.g. a UNION of two VALUES blocks, which
    no question asks): its answer is compared with the release's where the graphs match."""
    from ..store import queries

    specs = queries.shipped()
    out: list[FeatureStatus] = []
    for feature in _FEATURES:
        needed = _needed_by(feature, specs)
        try:
            got = endpoint.select(feature.probe, entailment=Entailment.NONE)
        except EndpointError as exc:
            out.append(FeatureStatus(feature.name, "unsupported", needed, _first_line(exc)))
            continue
        if not graphs_match:
            detail = check_detail("e-answered", lang)
            out.append(FeatureStatus(feature.name, "answers", needed, detail))
            continue
        want = reference.select(feature.probe, entailment=Entailment.NONE)
        if _comparable(got, feature.ordered) != _comparable(want, feature.ordered):
            detail = check_detail("e-wrong", lang, got=len(got), want=len(want))
            out.append(FeatureStatus(feature.name, "wrong answer", needed, detail))
        else:
            out.append(FeatureStatus(feature.name, "supported", needed, ""))
    return out


# ---------------------------------------------------------------------- graphs
_PER_PREDICATE = "SELECT ?p (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?p"


def _fingerprint(counts: Counter[str]) -> str:
    text = "".join(f"{p}\t{n}\n" for p, n in sorted(counts.items()))
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def _endpoint_counts(endpoint: Endpoint, graph: ox.NamedNode) -> Counter[str]:
    from ..store.store import bind_values

    # no default-graph-uri here: a request that names default graphs and no named ones has,
    # by the protocol, no named graph for GRAPH ?g to match (Oxigraph keeps to that)
    rows = endpoint._select(bind_values(_PER_PREDICATE, {"g": graph}), None)
    return Counter({r["p"].value: int(r["n"].value) for r in rows if r.get("p") is not None})


def _release_counts(store: Store, graph: ox.NamedNode) -> Counter[str]:
    return Counter(q.predicate.value for q in store.quads(graphs=(graph,)))


def _difference(got: Counter[str], want: Counter[str], limit: int = 3, lang: str = "en") -> str:
    keys = sorted(set(got) | set(want), key=lambda p: (-abs(got[p] - want[p]), p))
    diff = [p for p in keys if got[p] != want[p]]
    shown = ", ".join(
        check_detail("e-count", lang, p=compact(p), got=got[p], want=want[p]) for p in diff[:limit]
    )
    if len(diff) > limit:
        shown = check_detail("e-and-more", lang, shown=shown, n=len(diff) - limit)
    return check_detail("e-differs", lang, n=len(diff), shown=shown)


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


def _graph_statuses(endpoint: Endpoint, reference: Store, lang: str = "en") -> list[GraphStatus]:
    out: list[GraphStatus] = []
    for name, graph in GRAPHS:
        got = _endpoint_counts(endpoint, graph)
        total = sum(got.values())
        if name == "user":
            status = "user data" if total else "empty"
            out.append(GraphStatus(name, graph.value, total, None, status, _fingerprint(got), ""))
            continue
        want = _release_counts(reference, graph)
        if not total:
            status, detail = "missing", check_detail("e-missing", lang)
        elif got == want:
            status, detail = "matches", ""
        else:
            status, detail = "differs", _difference(got, want, lang=lang)
        out.append(
            GraphStatus(
                name, graph.value, total, sum(want.values()), status, _fingerprint(got), detail
            )
        )
    return out


# ---------------------------------------------------------------------- limits
def _probe_row_cap(endpoint: Endpoint, lang: str = "en") -> tuple[int | None, str]:
    keys = "VALUES ?a { 0 1 2 3 4 5 6 7 8 9 } VALUES ?b { 0 1 2 3 4 5 6 7 8 9 }"
    text = (
        f"SELECT ?a ?b ?c ?d WHERE {{ {{ {keys} VALUES ?c {{ 0 1 2 3 4 5 6 7 8 9 }} "
        f"VALUES ?d {{ 0 1 2 3 4 5 6 7 8 9 }} }} UNION {{ BIND(10 AS ?a) }} }}"
    )
    try:
        _names, rows, cap = endpoint._rows(text, None)
    except EndpointError as exc:
        return None, check_detail("e-probe-failed", lang, error=_first_line(exc))
    if cap is not None:
        return cap, check_detail("e-cap-says", lang, cap=cap)
    if len(rows) < CAP_PROBE_ROWS:
        return len(rows), check_detail("e-cap-silent", lang, rows=CAP_PROBE_ROWS, got=len(rows))
    return None, check_detail("e-cap-whole", lang, rows=CAP_PROBE_ROWS)


# ---------------------------------------------------------------------- the check
def check_endpoint(
    endpoint: Endpoint, *, progress: Callable[[str], None] | None = None, lang: str = "en"
) -> EndpointReport:
    """What the endpoint (an :class:`~herstelgraph.store.endpoint.Endpoint`) holds against
    this release: its graphs, the SPARQL features the questions need, its row cap. The
    details and the progress messages are in ``lang``; statuses stay codes."""
    from .._version import __version__

    say = progress or (lambda _msg: None)
    say(check_detail("e-reading-user", lang))
    user = list(endpoint.quads(graphs=(USER,))) if endpoint._has_layout() else []
    say(check_detail("e-building-user" if user else "e-building", lang))
    reference = _release_store(user)
    say(check_detail("e-counting", lang))
    graphs = _graph_statuses(endpoint, reference, lang)
    match = all(g.status == "matches" for g in graphs if g.graph != "user")
    say(check_detail("e-probing", lang))
    features = _probe_features(endpoint, reference, match, lang)
    cap, cap_detail = _probe_row_cap(endpoint, lang)
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
