"""Where the graph lives and how it is asked: the embedded Oxigraph store, a remote SPARQL
endpoint, the SKOS closure and tallies derived at load, their cache, and the query files."""

from __future__ import annotations

from .build import cache_dir, load
from .store import (
    ASSERTED,
    EXTERNAL,
    INFERRED,
    USER,
    Binding,
    Queryable,
    Row,
    Store,
    Term,
    bind_values,
    graphs_for,
)

__all__ = [
    "ASSERTED",
    "EXTERNAL",
    "INFERRED",
    "USER",
    "Binding",
    "Queryable",
    "Row",
    "Store",
    "Term",
    "bind_values",
    "cache_dir",
    "graphs_for",
    "load",
]
