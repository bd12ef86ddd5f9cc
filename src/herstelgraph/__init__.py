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
from .model import (
    Concept,
    ConceptDetail,
    Framework,
    Overview,
    PairCount,
    TypeCount,
    ValidationReport,
    ValidationResult,
)
from .quality import QualityCheck, QualityFinding, QualityReport  # no rdflib at import
from .quality import check as check_quality
from .store import Store, load
from .validate import validate_files, validate_graph, validate_profiles  # no rdflib at import

__all__ = [
    "Concept",
    "ConceptDetail",
    "EndpointError",
    "Framework",
    "HerstelgraphError",
    "InputError",
    "Overview",
    "PairCount",
    "QualityCheck",
    "QualityFinding",
    "QualityReport",
    "Store",
    "TypeCount",
    "UnknownIdError",
    "ValidationReport",
    "ValidationResult",
    "__version__",
    "check_quality",
    "concept",
    "concepts",
    "frameworks",
    "load",
    "overview",
    "resolve",
    "validate_files",
    "validate_graph",
    "validate_profiles",
]
