"""herstelgraph: the Dutch and Flemish recovery-supporting care frameworks as linked data.

    >>> import herstelgraph
    >>> g = herstelgraph.load()
    >>> [f.id for f in herstelgraph.frameworks(g)]

Only light modules are imported here (pyoxigraph, no rdflib), so the CLI starts fast.
"""

from __future__ import annotations

from ._version import __version__
from .checks.quality import QualityCheck, QualityFinding, QualityReport  # no rdflib at import
from .checks.quality import check as check_quality
from .checks.validate import (  # no rdflib at import
    validate_files,
    validate_graph,
    validate_profiles,
)
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
from .questions.alignment import (  # the alignment questions: one function each, typed results
    ChainRow,
    ConceptBrief,
    CoverageRow,
    CrosswalkRow,
    ExplainPath,
    ExplainStep,
    Explanation,
    Gap,
    Hub,
    ProfileItem,
    ProfileSummary,
    RoleItem,
    SearchHit,
    chain,
    compare_roles,
    coverage,
    coverage_of,
    coverage_summary,
    crosswalk,
    explain,
    gaps,
    hubs,
    mappings_of,
    run_query,
    search,
)
from .questions.catalogue import concept, concepts, figures, frameworks, overview, resolve
from .store.build import load
from .store.store import Store

#: Loaded on first use: the endpoint client brings urllib and http.client with it, which a
#: session on the embedded store never needs (``herstelgraph.Endpoint`` still works).
_LAZY = {
    "Endpoint": "herstelgraph.store.endpoint",
    "EndpointReport": "herstelgraph.checks.endpoint",
    "check_endpoint": "herstelgraph.checks.endpoint",
}


def __getattr__(name: str):
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'herstelgraph' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "ChainRow",
    "Concept",
    "ConceptBrief",
    "ConceptDetail",
    "CoverageRow",
    "CrosswalkRow",
    "Endpoint",
    "EndpointError",
    "EndpointReport",
    "ExplainPath",
    "ExplainStep",
    "Explanation",
    "Framework",
    "Gap",
    "HerstelgraphError",
    "Hub",
    "InputError",
    "Overview",
    "PairCount",
    "ProfileItem",
    "ProfileSummary",
    "QualityCheck",
    "QualityFinding",
    "QualityReport",
    "RoleItem",
    "SearchHit",
    "Store",
    "TypeCount",
    "UnknownIdError",
    "ValidationReport",
    "ValidationResult",
    "__version__",
    "chain",
    "check_endpoint",
    "check_quality",
    "compare_roles",
    "concept",
    "concepts",
    "coverage",
    "coverage_of",
    "coverage_summary",
    "crosswalk",
    "explain",
    "figures",
    "frameworks",
    "gaps",
    "hubs",
    "load",
    "mappings_of",
    "overview",
    "resolve",
    "run_query",
    "search",
    "validate_files",
    "validate_graph",
    "validate_profiles",
]
