"""herstelgraph: the Dutch and Flemish recovery-supporting care frameworks as linked data.

    >>> import herstelgraph
    >>> g = herstelgraph.load()
    >>> [f.id for f in herstelgraph.frameworks(g)]

Only light modules are imported here (pyoxigraph, no rdflib), so the CLI starts fast.
"""

from __future__ import annotations

from ._version import __version__
from .catalogue import concept, concepts, frameworks, overview, resolve
from .errors import EndpointError, HerstelgraphError, InputError, UnknownIdError
from .model import Concept, ConceptDetail, Framework, Overview, PairCount, TypeCount
from .store import Store, load

__all__ = [
    "Concept",
    "ConceptDetail",
    "EndpointError",
    "Framework",
    "HerstelgraphError",
    "InputError",
    "Overview",
    "PairCount",
    "Store",
    "TypeCount",
    "UnknownIdError",
    "__version__",
    "concept",
    "concepts",
    "frameworks",
    "load",
    "overview",
    "resolve",
]
