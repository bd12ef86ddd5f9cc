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
    QueryForm,
    QueryResult,
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
from .store.endpoint import Endpoint
from .store.store import Store

__all__ = [
    "ChainRow",
    "Concept",
    "ConceptBrief",
    "ConceptDetail",
    "CoverageRow",
    "CrosswalkRow",
    "Endpoint",
    "EndpointError",
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
    "QueryForm",
    "QueryResult",
    "RoleItem",
    "SearchHit",
    "Store",
    "TypeCount",
    "UnknownIdError",
    "ValidationReport",
    "ValidationResult",
    "__version__",
    "chain",
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
