"""The embedded store: Oxigraph holding the shipped graph, the SKOS closure and user data.

Asserted triples live in the named graph ASSERTED, entailed ones in INFERRED, so every
answer can say which it rests on. A query runs over ASSERTED alone, or over both when its
header says ``# Entailment: skos-closure``. The same layout is what ``export --format trig``
writes for a remote endpoint.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import pyoxigraph
import pyoxigraph as ox

from ..errors import InputError, QueryError, QuerySyntaxError
from ..model import Entailment
from ..vocab import ASSERTED_GRAPH, EXTERNAL_GRAPH, INFERRED_GRAPH, PREFIXES, SKOS, USER_GRAPH

if TYPE_CHECKING:
    import rdflib

    from .answers import Answers

ASSERTED = ox.NamedNode(ASSERTED_GRAPH)
INFERRED = ox.NamedNode(INFERRED_GRAPH)
USER = ox.NamedNode(USER_GRAPH)
#: ESCO and the links to it: no default graph of a question includes it; the questions on
#: external links name it (``GRAPH ?external { … }``).
EXTERNAL = ox.NamedNode(EXTERNAL_GRAPH)

Term = ox.NamedNode | ox.Literal | ox.BlankNode


class Row(dict[str, "Term | None"]):
    """One solution of a SELECT: variable name -> term, None where the variable is unbound.

    ``row["x"]`` is the term of a variable the query always binds; on an unbound variable
    it raises a ``KeyError`` that says so. ``row.get("x")`` is the term or None, for an
    OPTIONAL variable.
    """

    __slots__ = ()

    def __getitem__(self, name: str) -> Term:
        term = dict.__getitem__(self, name)
        if term is None:
            raise KeyError(f"?{name} is unbound in this solution; use .get({name!r}) for it")
        return term


class Rows(list[Row]):
    """A SELECT's solutions with the query's variables in their order (pyoxigraph's
    ``QuerySolutions.variables``), so a ``SELECT *`` that matches nothing still names its
    columns."""

    def __init__(self, rows: Iterable[Row] = (), variables: Iterable[str] = ()):
        super().__init__(rows)
        self.variables: tuple[str, ...] = tuple(variables)


#: A parameter's value: one term, several (one VALUES row each), or None (left unbound).
Binding = Term | Collection[Term] | None


class Queryable(Protocol):
    """What the questions ask of a store: the embedded :class:`Store` and a remote
    :class:`~herstelgraph.store.endpoint.Endpoint` both answer it, so every question runs on
    either. Nothing outside ``herstelgraph.store`` reaches past it (e.g. into ``Store.ox``)."""

    def select(
        self,
        sparql: str,
        bindings: Mapping[str, Binding] | None = None,
        *,
        entailment: Entailment | bool = Entailment.NONE,
        anchor: str | None = None,
    ) -> Rows:
        """Rows of a SELECT, each mapping a variable name to a term (None: unbound).
        ``anchor``: the parameter a query's ``# Anchored:`` header names (a hint)."""
        ...

    def ask(
        self,
        sparql: str,
        bindings: Mapping[str, Binding] | None = None,
        *,
        entailment: Entailment | bool = Entailment.NONE,
    ) -> bool:
        """The answer of an ASK."""
        ...

    def quads(
        self,
        subject: ox.NamedNode | ox.BlankNode | None = None,
        predicate: ox.NamedNode | None = None,
        object: Term | None = None,
        *,
        graphs: Iterable[ox.NamedNode] = ...,
    ) -> Iterator[ox.Quad]:
        """The quads matching a pattern (None: any) in the given named graphs (by default
        the asserted and user graphs)."""
        ...


_FORMATS = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".nq": ox.RdfFormat.N_QUADS,
    ".trig": ox.RdfFormat.TRIG,
    ".rdf": ox.RdfFormat.RDF_XML,
    ".owl": ox.RdfFormat.RDF_XML,
    ".xml": ox.RdfFormat.RDF_XML,
    ".n3": ox.RdfFormat.N3,
}

_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)


def bind_values(sparql: str, bindings: Mapping[str, Binding]) -> str:
    """Join the bindings into the query as VALUES blocks at the top of its WHERE clause.

    The terms are written by Oxigraph's own N-Triples serializer, so a value can never
    break out of its quotes; an unbound (None) parameter is left out of the block. A
    collection of terms binds its parameter to each of them (one VALUES row per term: the
    labels of thousands of items in one query).
    """
    bound = {k: v for k, v in bindings.items() if v is not None}
    if not bound:
        return sparql
    for name in bound:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise InputError(f"invalid parameter name {name!r}: use letters, digits and _")
    many = {k: v for k, v in bound.items() if isinstance(v, Collection) and not isinstance(v, str)}
    one = {k: v for k, v in bound.items() if k not in many}
    blocks = [f"VALUES ?{k} {{ {' '.join(sorted(str(t) for t in v))} }}" for k, v in many.items()]
    if one:
        names = " ".join(f"?{k}" for k in one)
        row = " ".join(str(v) for v in one.values())
        blocks.insert(0, f"VALUES ({names}) {{ ({row}) }}")
    block = "\n  ".join(blocks)
    match = None
    for m in _WHERE.finditer(sparql):
        line_start = sparql.rfind("\n", 0, m.start()) + 1
        if not sparql[line_start : m.start()].lstrip().startswith("#"):
            match = m
            break
    if match is None:
        raise InputError("query has no WHERE { … } clause to bind parameters into")
    return sparql[: match.end()] + "\n  " + block + "\n" + sparql[match.end() :]


def _form_of(result: object) -> str:
    if isinstance(result, ox.QueryBoolean):
        return "an ASK query"
    if isinstance(result, ox.QueryTriples):
        return "a CONSTRUCT or DESCRIBE query"
    return "a SELECT query"


def graphs_for(entailment: Entailment | bool) -> list[ox.NamedNode]:
    """The named graphs a question reads, by its entailment mode."""
    mode = Entailment.of(entailment)
    if mode is Entailment.TALLIES:  # reads only derived records: one graph to search, not
        return [INFERRED]  # three (coverage at 50x: -0.015 s)
    if mode is Entailment.CLOSURE:
        return [ASSERTED, USER, INFERRED]
    return [ASSERTED, USER]


#: the graphs some question's default graph includes; a footprint is kept for every other
#: graph a persisted store holds (``footprints``)
READ = (ASSERTED, USER, INFERRED)
_IN_SCHEME = ox.NamedNode(SKOS + "inScheme")
_TOP = ox.NamedNode(SKOS + "hasTopConcept")
_SOURCE = ox.NamedNode(PREFIXES["owl"] + "annotatedSource")


def footprints(store: ox.Store) -> dict[str, list[str]]:
    """For every graph no question reads by default (the external graph, a review's withheld
    records, the default graph: ``""``), the IRIs an anchored query must not be anchored on
    for that graph to be left in the union (``Store._dataset``): every IRI its quads name as
    subject or object, and every scheme of which it names an item (``skos:inScheme``), a
    record about an item (``owl:annotatedSource``) or a top concept, read in every graph."""
    out: dict[str, list[str]] = {}
    graphs: list[ox.NamedNode | ox.DefaultGraph] = [ox.DefaultGraph()]
    graphs += [g for g in store.named_graphs() if isinstance(g, ox.NamedNode) and g not in READ]
    for graph in graphs:
        nodes: set[ox.NamedNode | ox.BlankNode] = set()
        for q in store.quads_for_pattern(None, None, None, graph):
            nodes.add(q.subject)  # type: ignore[arg-type]
            if isinstance(q.object, ox.NamedNode | ox.BlankNode):
                nodes.add(q.object)
        if not nodes:
            continue
        touched = {n.value for n in nodes if isinstance(n, ox.NamedNode)}
        for n in nodes:
            schemes = [q.object for q in store.quads_for_pattern(n, _IN_SCHEME, None)]
            for record in store.quads_for_pattern(n, _SOURCE, None):
                if isinstance(record.object, ox.NamedNode | ox.BlankNode):
                    items = store.quads_for_pattern(record.object, _IN_SCHEME, None)
                    schemes += [q.object for q in items]
            schemes += [q.subject for q in store.quads_for_pattern(None, _TOP, n)]
            touched.update(s.value for s in schemes if isinstance(s, ox.NamedNode))
        out["" if isinstance(graph, ox.DefaultGraph) else graph.value] = sorted(touched)
    return out


class Store:
    """The graph a session works on: the shipped frameworks and mappings plus user files.

    (Its body names the module ``pyoxigraph`` in full: ``ox`` is the raw store's property.)
    """

    def __init__(
        self,
        ox_store: pyoxigraph.Store | None = None,
        *,
        read_only: bool = False,
        opener: Callable[[], pyoxigraph.Store] | None = None,
    ):
        #: the raw pyoxigraph store (``ox``); None until ``opener`` has opened it
        self._raw = ox_store if ox_store is not None or opener else pyoxigraph.Store()
        #: opens a persisted store when a query first needs it: a question whose every
        #: query is answered from ``answers`` never opens RocksDB (~15-20 ms CPU at 1x)
        self._opener = opener
        #: raised by every write through this class and every hand-out of ``ox`` (``changes``)
        self._changes = 0
        #: a persisted store opened read-only (``store/persist.py``): the first write through
        #: this class copies it into memory (``_writable``)
        self.read_only = read_only
        #: the graphs a read-only store holds, read once (they cannot change); a writable
        #: store reads them at every query (``_graphs_present``: ~15 µs)
        self._present: frozenset[pyoxigraph.NamedNode | pyoxigraph.DefaultGraph] | None = None
        #: (store, reviewed_only, min_confidence) -> the store as that mapping filter sees
        #: it; set by the loader that knows the reviews (``herstelgraph.load``), None else
        self.filter_mappings: Callable[[Store, int, float | None], Queryable] | None = None
        #: the files of the overlay the loader applied (the review files), so a view of the
        #: same inputs can be loaded again (a site without the user's files); None: none known
        self.overlay_files: tuple[Path, ...] | None = None
        #: graph IRI ("" the default graph) -> what its quads touch (``footprints``), kept
        #: with a persisted store; None: not known, so anchored queries get no shortcut
        self._footprints: dict[str, frozenset[str]] | None = None
        #: reads them the first time an anchored query asks (``read_footprints_with``)
        self._footprints_reader: Callable[[], dict[str, frozenset[str]] | None] | None = None
        #: the answers kept with a persisted store (``answers.py``): a query asked before on
        #: the same read-only store is read from there; None: every query runs
        self.answers: Answers | None = None

    @property
    def _ox(self) -> pyoxigraph.Store:
        """The raw store, opened first if it is a persisted one not yet opened."""
        if self._raw is None:
            assert self._opener is not None
            self._raw, self._opener = self._opener(), None
        return self._raw

    @_ox.setter
    def _ox(self, value: pyoxigraph.Store) -> None:
        self._raw, self._opener = value, None

    @property
    def ox(self) -> pyoxigraph.Store:
        """The raw pyoxigraph store. Queries sent to it directly bypass the library's
        refusal of SERVICE, FROM <http…> and LOAD (``io/inputs.guard_query``): Oxigraph then
        makes those HTTP requests itself; use ``select``/``ask`` for anything a user wrote.
        Whoever takes it may write to it, so taking it counts as a change (``changes``)."""
        self._changes += 1
        return self._ox

    @ox.setter
    def ox(self, value: pyoxigraph.Store) -> None:
        self._changes += 1
        self._ox = value

    @property
    def changes(self) -> int:
        """A number that differs whenever the store may have changed since it was read: a
        write through this class, or the raw store handed out (``ox``). What a question
        derives from the whole store (search's index) is kept under it: ``len()`` would
        count every quad (~30-80 ms at 50x) on each call."""
        return self._changes

    @property
    def footprints(self) -> dict[str, frozenset[str]] | None:
        """What each graph no question reads by default touches (``footprints``); None: not
        known. Read on first use: only an anchored query needs them."""
        if self._footprints_reader is not None:
            self._footprints, self._footprints_reader = self._footprints_reader(), None
        return self._footprints

    @footprints.setter
    def footprints(self, value: dict[str, frozenset[str]] | None) -> None:
        self._footprints, self._footprints_reader = value, None

    def read_footprints_with(self, reader: Callable[[], dict[str, frozenset[str]] | None]) -> None:
        """Let ``reader`` give ``footprints`` when a query first needs them (a persisted
        store's file, read by no question that is not anchored)."""
        self._footprints, self._footprints_reader = None, reader

    # ------------------------------------------------------------------ loading
    def add_file(
        self,
        path: Path,
        graph: pyoxigraph.NamedNode = ASSERTED,
        fmt: str | None = None,
        *,
        data: bytes | None = None,
        checked: bool = False,
    ) -> bytes:
        """Parse one RDF file into a graph; a syntax error names file, line and column.
        Returns the bytes read, for the cache key. ``data``, ``checked``: as ``load_rdf``."""
        # inputs: size cap, XXE/remote-context guards, located errors, literal checks; the
        # file is parsed completely before a single triple enters the store.
        from ..io.inputs import load_rdf

        return load_rdf(self._writable(), Path(path), fmt, graph, data=data, checked=checked)

    def add_data(
        self, data: bytes, rdf_format: pyoxigraph.RdfFormat, graph: pyoxigraph.NamedNode, where: str
    ) -> None:
        self._writable()
        try:
            if rdf_format in (pyoxigraph.RdfFormat.N_QUADS, pyoxigraph.RdfFormat.TRIG):
                self._ox.load(data, format=rdf_format)
            else:
                self._ox.load(data, format=rdf_format, to_graph=graph)
        except SyntaxError as exc:
            from ..io.inputs import syntax_error

            raise syntax_error(where, exc) from None

    # ------------------------------------------------------------------ querying
    def select(
        self,
        sparql: str,
        bindings: Mapping[str, Binding] | None = None,
        *,
        entailment: Entailment | bool = Entailment.NONE,
        anchor: str | None = None,
    ) -> Rows:
        """Run a SELECT with bound parameters; rows map variable names to terms.
        SERVICE and FROM <http…> are refused (``inputs.guard_query``): nothing is fetched.
        ``anchor``: the parameter a shipped query declares ``# Anchored:`` (``_dataset``)."""
        result = self._query(sparql, bindings, entailment, anchor)
        if not isinstance(result, pyoxigraph.QuerySolutions):
            raise QueryError(f"expected a SELECT query, got {_form_of(result)}")
        names = [v.value for v in result.variables]
        # zip over the solution's values: 30% less time per row than sol[name] lookups
        return Rows((Row(zip(names, sol, strict=True)) for sol in result), names)

    def ask(
        self,
        sparql: str,
        bindings: Mapping[str, Binding] | None = None,
        *,
        entailment: Entailment | bool = Entailment.NONE,
    ) -> bool:
        result = self._query(sparql, bindings, entailment)
        if not isinstance(result, pyoxigraph.QueryBoolean):
            raise QueryError(f"expected an ASK query, got {_form_of(result)}")
        return bool(result)

    def construct(
        self,
        sparql: str,
        bindings: Mapping[str, Binding] | None = None,
        *,
        entailment: Entailment | bool = Entailment.NONE,
    ) -> list[pyoxigraph.Triple]:
        """The triples of a CONSTRUCT or DESCRIBE, sorted (the engine's order is arbitrary)."""
        result = self._query(sparql, bindings, entailment)
        if not isinstance(result, pyoxigraph.QueryTriples):
            raise QueryError(f"expected a CONSTRUCT or DESCRIBE query, got {_form_of(result)}")
        return sorted(set(result), key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))

    def _query(
        self,
        sparql: str,
        bindings: Mapping[str, Binding] | None,
        entailment: Entailment | bool,
        anchor: str | None = None,
    ) -> pyoxigraph.QuerySolutions | pyoxigraph.QueryBoolean | pyoxigraph.QueryTriples:
        """Every query the store runs: SERVICE and FROM <http…> refused first (Oxigraph would
        make the request itself, from Rust), then the parameters bound as VALUES."""
        from ..io.inputs import guard_query

        guard_query(sparql)  # before binding: bound values are terms, never SPARQL
        text = bind_values(sparql, bindings or {})
        scheme = (bindings or {}).get(anchor) if anchor else None
        scheme = scheme if isinstance(scheme, pyoxigraph.NamedNode) else None
        answers = self.answers if self.read_only else None
        key = None
        if answers is not None:
            # the dataset is decided by these two on a store that cannot change
            key = answers.key(text, f"{Entailment.of(entailment).value} {scheme or ''}")
            kept = answers.get(key) if key is not None else None
            if kept is not None:
                return kept
        graphs = self._dataset(entailment, scheme)
        try:
            if graphs is None:
                result = self._ox.query(text, use_default_graph_as_union=True, prefixes=PREFIXES)
            else:
                result = self._ox.query(text, default_graph=graphs, prefixes=PREFIXES)
        except SyntaxError as exc:  # a caller's query text: an error of the tree, not Oxigraph's
            raise QuerySyntaxError(str(exc)) from None
        if answers is not None and key is not None:
            if not isinstance(result, pyoxigraph.QueryTriples):
                return answers.keep(key, result)
        return result

    def _graphs_present(self) -> frozenset[pyoxigraph.NamedNode | pyoxigraph.DefaultGraph]:
        """The named graphs the store lists (every graph a quad was ever added to: Oxigraph
        registers it with the quad), and the default graph if it holds a quad."""
        present: set[pyoxigraph.NamedNode | pyoxigraph.DefaultGraph] = {
            g for g in self._ox.named_graphs() if isinstance(g, pyoxigraph.NamedNode)
        }
        if next(self._ox.quads_for_pattern(None, None, None, pyoxigraph.DefaultGraph()), None):
            present.add(pyoxigraph.DefaultGraph())
        return frozenset(present)

    def _dataset(
        self, entailment: Entailment | bool, anchor: pyoxigraph.NamedNode | None = None
    ) -> list[pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.DefaultGraph] | None:
        """The default graph a query reads, as a list of graphs; None for "the union of
        every graph", when the question reads every graph the store holds: one lookup per
        pattern instead of one per graph (gaps at 50x, in memory 65 -> 46 ms, on disk
        0.32-0.43 -> 0.24 s; docs/performance.md). A graph the store does not hold is left
        out of the list; one it holds and the question does not read (the reviews'
        withheld records) is never in it, unless the query is anchored on a scheme that
        graph does not touch (``anchor``, a query's ``# Anchored:`` header: every pattern's
        subject or object is the scheme, an item of it, a record about an item or a top
        concept; ``footprints``): then none of its quads can match a pattern, and the union
        gives the same answer (decision 29)."""
        wanted = graphs_for(entailment)
        present = self._present
        if present is None:
            present = self._graphs_present()
            if self.read_only:  # it cannot change: read once
                self._present = present
        if present <= set(wanted):
            return None
        if anchor is not None and self.footprints is not None:
            others = [g for g in present if g not in wanted]
            keys = ["" if isinstance(g, pyoxigraph.DefaultGraph) else g.value for g in others]
            if all(k in self.footprints and anchor.value not in self.footprints[k] for k in keys):
                return None
        return [g for g in wanted if g in present] or [*wanted]

    def dump(self, path: Path | None = None, fmt: str = "trig") -> bytes | None:
        """The asserted, user and inferred named graphs as TriG or N-Quads (``fmt``), to load
        into a SPARQL endpoint; written atomically to ``path``, or returned as bytes."""
        formats = {"trig": pyoxigraph.RdfFormat.TRIG, "nquads": pyoxigraph.RdfFormat.N_QUADS}
        if fmt not in formats:
            raise InputError(f"unknown dump format {fmt!r}; use trig or nquads")
        # without an output, dump returns the bytes (its stub says bytes | None for both uses)
        prefixes = PREFIXES if fmt == "trig" else None
        data = self._ox.dump(format=formats[fmt], prefixes=prefixes) or b""
        if path is None:
            return data
        from ..io.atomic import write_bytes

        write_bytes(Path(path), data)
        return None

    def triples(self, graph: pyoxigraph.NamedNode = ASSERTED) -> Iterable[pyoxigraph.Quad]:
        return self._ox.quads_for_pattern(None, None, None, graph)

    def quads(
        self,
        subject: pyoxigraph.NamedNode | pyoxigraph.BlankNode | None = None,
        predicate: pyoxigraph.NamedNode | None = None,
        object: Term | None = None,
        *,
        graphs: Iterable[pyoxigraph.NamedNode] | None = (ASSERTED, USER),
    ) -> Iterator[pyoxigraph.Quad]:
        """The quads matching a pattern (None: any) in the given named graphs, or in every
        graph the store holds (default graph included) when ``graphs`` is None."""
        if graphs is None:
            yield from self._ox.quads_for_pattern(subject, predicate, object, None)
            return
        for graph in graphs:
            yield from self._ox.quads_for_pattern(subject, predicate, object, graph)

    def extend(self, quads: Iterable[pyoxigraph.Quad]) -> None:
        """Add quads (each names its graph), e.g. records read from an SSSOM file."""
        self._writable().extend(quads)

    def load(
        self,
        data: bytes | str,
        rdf_format: pyoxigraph.RdfFormat,
        *,
        graph: pyoxigraph.NamedNode | None = None,
        base_iri: str | None = None,
        lenient: bool = False,
    ) -> None:
        """Parse RDF into the store as given: no guards, no located messages (callers that
        read a user's file guard it first, ``io.inputs``); ``graph`` None keeps the graph
        names of a quad format. A syntax error is pyoxigraph's ``SyntaxError``."""
        self._writable().load(
            data, format=rdf_format, to_graph=graph, base_iri=base_iri, lenient=lenient
        )

    def _writable(self) -> pyoxigraph.Store:
        """The Oxigraph store, copied into memory first if it is a read-only persisted one."""
        self._changes += 1
        if self.read_only:
            memory = pyoxigraph.Store()
            memory.bulk_extend(self._ox.quads_for_pattern(None, None, None, None))
            self._ox, self.read_only, self._present = memory, False, None
            self.footprints = None  # it may change now
            self.answers = None  # so may the answers
        return self._ox

    def to_rdflib(
        self, *, graphs: Iterable[pyoxigraph.NamedNode] = (ASSERTED, USER, EXTERNAL)
    ) -> rdflib.Graph:
        """The given named graphs as one ``rdflib.Graph`` (by default the asserted, user and
        external graphs: the triples ``export --format turtle`` writes; add ``INFERRED`` for
        the SKOS closure), with the project prefixes bound.
        rdflib is imported here only: the query path never needs it. The graph is rdflib's
        own: its ``query``/``update`` do not pass the library's refusal of SERVICE and LOAD,
        and rdflib makes those HTTP requests itself."""
        from ..io.rdflib_bridge import to_rdflib

        return to_rdflib(self.quads(graphs=graphs))

    def __len__(self) -> int:
        return len(self._ox)
