"""The embedded store: Oxigraph holding the shipped graph, the SKOS closure and user data.

Asserted triples live in the named graph ASSERTED, entailed ones in INFERRED, so every
answer can say which it rests on. A query runs over ASSERTED alone, or over both when its
header says ``# Entailment: skos-closure``. The same layout is what ``export --format trig``
writes for a remote endpoint.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from pathlib import Path

import pyoxigraph as ox

from .errors import InputError
from .prefixes import BASE, PREFIXES

ASSERTED = ox.NamedNode(BASE + "graph/asserted")
INFERRED = ox.NamedNode(BASE + "graph/inferred")
USER = ox.NamedNode(BASE + "graph/user")

Term = ox.NamedNode | ox.Literal | ox.BlankNode
Row = dict[str, Term | None]

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


def bind_values(sparql: str, bindings: Mapping[str, Term | None]) -> str:
    """Join the bindings into the query as a VALUES block at the top of its WHERE clause.

    The terms are written by Oxigraph's own N-Triples serializer, so a value can never
    break out of its quotes; an unbound (None) parameter is left out of the block.
    """
    bound = {k: v for k, v in bindings.items() if v is not None}
    if not bound:
        return sparql
    for name in bound:
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name):
            raise InputError(f"invalid parameter name {name!r}: use letters, digits and _")
    names = " ".join(f"?{k}" for k in bound)
    row = " ".join(str(v) for v in bound.values())
    block = f"VALUES ({names}) {{ ({row}) }}"
    match = None
    for m in _WHERE.finditer(sparql):
        line_start = sparql.rfind("\n", 0, m.start()) + 1
        if not sparql[line_start : m.start()].lstrip().startswith("#"):
            match = m
            break
    if match is None:
        raise InputError("query has no WHERE { … } clause to bind parameters into")
    return sparql[: match.end()] + "\n  " + block + "\n" + sparql[match.end() :]


class Store:
    """The graph a session works on: the shipped frameworks and mappings plus user files."""

    def __init__(self, ox_store: ox.Store | None = None):
        self.ox = ox_store if ox_store is not None else ox.Store()

    # ------------------------------------------------------------------ loading
    def add_file(self, path: Path, graph: ox.NamedNode = ASSERTED, fmt: str | None = None) -> None:
        """Parse one RDF file into a graph; a syntax error names file, line and column."""
        path = Path(path)
        rdf_format = ox.RdfFormat.from_media_type(fmt) if fmt and "/" in fmt else None
        if rdf_format is None:
            rdf_format = _FORMATS.get((fmt and "." + fmt) or path.suffix.lower())
        if rdf_format is None:
            raise InputError(f"{path}: unknown RDF format; use .ttl, .nt, .nq, .trig or .rdf")
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"{path}: cannot read ({exc.strerror})") from None
        self.add_data(data, rdf_format, graph, str(path))

    def add_data(
        self, data: bytes, rdf_format: ox.RdfFormat, graph: ox.NamedNode, where: str
    ) -> None:
        try:
            if rdf_format in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG):
                self.ox.load(data, format=rdf_format)
            else:
                self.ox.load(data, format=rdf_format, to_graph=graph)
        except SyntaxError as exc:
            msg = str(exc).replace("Parser error at ", "")
            raise InputError(f"{where}: {msg}; fix the syntax there") from None

    # ------------------------------------------------------------------ querying
    def select(
        self,
        sparql: str,
        bindings: Mapping[str, Term | None] | None = None,
        *,
        entailment: bool = False,
    ) -> list[Row]:
        """Run a SELECT with bound parameters; rows map variable names to terms."""
        result = self.ox.query(
            bind_values(sparql, bindings or {}),
            default_graph=self._graphs(entailment),
            prefixes=PREFIXES,
        )
        names = [v.value for v in result.variables]
        return [{n: sol[n] for n in names} for sol in result]

    def ask(self, sparql: str, bindings=None, *, entailment: bool = False) -> bool:
        result = self.ox.query(
            bind_values(sparql, bindings or {}),
            default_graph=self._graphs(entailment),
            prefixes=PREFIXES,
        )
        return bool(result)

    def _graphs(self, entailment: bool) -> list[ox.NamedNode]:
        graphs = [ASSERTED, USER]
        if entailment:
            graphs.append(INFERRED)
        return graphs

    def triples(self, graph: ox.NamedNode = ASSERTED) -> Iterable[ox.Quad]:
        return self.ox.quads_for_pattern(None, None, None, graph)

    def __len__(self) -> int:
        return len(self.ox)


def load(
    extra: Iterable[Path] = (), *, closure: bool = True, files: Iterable[Path] | None = None
) -> Store:
    """The shipped graph (from the installed package), with user files added to USER."""
    from .resources import graph_files

    store = Store()
    for path in graph_files() if files is None else files:
        store.add_file(path, ASSERTED)
    for path in extra:
        store.add_file(path, USER)
    if closure:
        from .reasoning import add_closure

        add_closure(store)
    return store
