"""The SPARQL library: one question per ``queries/*.rq`` file, with a parsed header.

Header lines at the top of each file::

    # Question: Which frameworks does the graph hold?
    # Parameters: ?scheme iri, ?section iri optional
    # Entailment: skos-closure        (or: none, or: tallies)
    # Example: herstelgraph frameworks
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..errors import InputError, UnsupportedError
from ..model import Entailment, QueryForm
from ..resources import data_dir

if TYPE_CHECKING:
    from .store import Rows

KINDS = ("iri", "string", "integer", "decimal", "lang")


class Param(NamedTuple):
    """A parameter of a query's header. Named tuples, not frozen dataclasses, for this and
    ``QuerySpec``: every question reads them, and a dataclass costs a cold process ~1 ms to
    define (docs/performance.md, decision 44)."""

    name: str
    kind: str
    optional: bool


class QuerySpec(NamedTuple):
    name: str
    text: str
    question: str
    parameters: tuple[Param, ...] = ()
    #: NONE (asserted + user graphs), CLOSURE (and the inferred graph: the SKOS closure and
    #: the tallies) or TALLIES (the inferred graph alone: a question that reads only tallies)
    entailment: Entailment = Entailment.NONE
    example: str = ""
    path: str = ""
    #: a user's .rq file: run by ``run`` in a worker with a deadline (inputs.py)
    user: bool = False
    #: SELECT, ASK, CONSTRUCT or DESCRIBE
    form: QueryForm = QueryForm.SELECT
    #: ``# Anchored: ?a``: the scheme parameter every triple pattern reaches (its subject or
    #: object is the scheme, an item of it, a record about an item or a top concept), so a
    #: graph that touches none of them cannot change the answer (``Store._dataset``)
    anchor: str | None = None


def parse(text: str, name: str, path: str = "") -> QuerySpec:
    header: dict[str, str] = {}
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        m = re.match(r"#\s*(Question|Parameters|Entailment|Example|Anchored):\s*(.*)", line)
        if m:
            header[m.group(1).lower()] = m.group(2).strip()
    params = []
    spec = header.get("parameters", "none")
    if spec and spec.lower() != "none":
        for part in spec.split(","):
            words = part.split()
            if len(words) < 2 or not words[0].startswith("?") or words[1] not in KINDS:
                raise InputError(f"{path or name}: bad Parameters entry {part.strip()!r}")
            params.append(Param(words[0][1:], words[1], "optional" in words[2:]))
    anchor = header.get("anchored", "").lstrip("?") or None
    if anchor is not None and not any(p.name == anchor and p.kind == "iri" for p in params):
        raise InputError(f"{path or name}: Anchored names {anchor!r}, not an iri parameter")
    return QuerySpec(
        name=name,
        text=text,
        question=header.get("question", ""),
        parameters=tuple(params),
        entailment=_entailment(header.get("entailment", "none")),
        example=header.get("example", ""),
        path=path,
        form=query_form(text),
        anchor=anchor,
    )


_FORM = re.compile(r"(?<![\w:?$\-])(SELECT|ASK|CONSTRUCT|DESCRIBE)(?![\w:\-])", re.IGNORECASE)


def query_form(text: str) -> QueryForm:
    """Which of the four forms a query is: its first SELECT/ASK/CONSTRUCT/DESCRIBE keyword
    outside comments, strings and IRIs (SELECT when there is none: the engine then says
    what is wrong).

    >>> query_form("PREFIX s: <http://x/select#> # SELECT\\nASK { ?s ?p ?o }")
    <QueryForm.ASK: 'ask'>
    """
    from ..io.inputs import _strip_sparql

    body = re.sub(r"<[^<>\s]*>", "<>", _strip_sparql(text))
    m = _FORM.search(body)
    return QueryForm(m.group(1).lower()) if m else QueryForm.SELECT


def _entailment(value: str) -> Entailment:
    word = (value.split() or ["none"])[0].lower()
    try:
        return Entailment(word)
    except ValueError:
        raise InputError(
            f"unknown Entailment {word!r} in a query header; use {', '.join(Entailment.values())}"
        ) from None


@cache
def get(name: str) -> QuerySpec:
    """A shipped query by name (file stem)."""
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", name):
        raise InputError(f"invalid query name {name!r}: use the file stem, e.g. 'gaps'")
    path = data_dir("queries") / f"{name}.rq"
    if not path.is_file():
        from ..words import Said

        known = ", ".join(q.name for q in shipped())
        raise InputError(Said("no-query", name=repr(name), known=known))
    return parse(path.read_text(encoding="utf-8"), name, str(path))


def shipped() -> list[QuerySpec]:
    folder = data_dir("queries")
    return [get(p.stem) for p in sorted(folder.glob("*.rq"))]


def from_file(path: Path, *, endpoint: bool = False) -> QuerySpec:
    """A user's query file, read within the size cap; SPARQL Update is refused, and so are
    SERVICE, LOAD and FROM <http…> unless the query goes to an endpoint (inputs.py)."""
    from ..io.inputs import check_query_text, read_text

    text = read_text(Path(path))
    check_query_text(text, str(path), endpoint=endpoint)
    # a user's Anchored header is not followed: a wrong one would change the answer
    return parse(text, Path(path).stem, str(path))._replace(user=True, anchor=None)


def run(store, spec: QuerySpec, bindings=None) -> Rows:
    """Run a query: shipped ones in-process, a user's file on the embedded store in a worker
    that is stopped at the deadline (HERSTELGRAPH_QUERY_TIMEOUT, default 30 s)."""
    from .store import Store

    if spec.user and isinstance(store, Store):
        from ..io.inputs import select_with_deadline
        from .store import Row, Rows

        variables, rows = select_with_deadline(
            store, spec.text, bindings, entailment=spec.entailment, where=spec.path or spec.name
        )
        return Rows((Row(r) for r in rows), variables)
    return store.select(spec.text, bindings, entailment=spec.entailment, anchor=spec.anchor)


def answer(store, spec: QuerySpec, bindings=None):
    """Run a query of any form: a SELECT's rows (``run``), an ASK's bool, or the triples of
    a CONSTRUCT/DESCRIBE (the embedded store only: an endpoint client asks for SPARQL
    results, not RDF)."""
    from .store import Store

    if spec.form is QueryForm.SELECT:
        return run(store, spec, bindings)
    if spec.form is not QueryForm.ASK and not isinstance(store, Store):
        raise UnsupportedError(
            f"{spec.path or spec.name}: {spec.form.value.upper()} is not supported on an "
            "endpoint; ask the endpoint for the RDF directly, or use SELECT ?s ?p ?o"
        )
    if spec.user and isinstance(store, Store):
        from ..io.inputs import select_with_deadline

        return select_with_deadline(
            store,
            spec.text,
            bindings,
            entailment=spec.entailment,
            where=spec.path or spec.name,
            form=spec.form.value,
        )
    if spec.form is QueryForm.ASK:
        return store.ask(spec.text, bindings, entailment=spec.entailment)
    return store.construct(spec.text, bindings, entailment=spec.entailment)
