"""herstelgraph: the Dutch and Flemish recovery-supporting care frameworks as linked data.

``load()`` gives a :class:`Store` (the shipped graph in an embedded Oxigraph store, with the
SKOS closure); every question takes it, or a remote :class:`Endpoint`, as its first argument
and returns frozen, typed results:

>>> import herstelgraph
>>> store = herstelgraph.load()
>>> [f.id for f in herstelgraph.frameworks(store)]
['bijlage-ii', 'bk-0597-1', 'nk-2017', 'randvoorwaarden', 'valente-2023']
>>> herstelgraph.concept(store, "bk:C2").label
'Werkt interdisciplinair samen'
>>> graph = store.to_rdflib()  # an rdflib.Graph of the asserted triples, for rdflib users
>>> len(graph) > 4000
True

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
from .curation.review.loading import load
from .errors import (
    AmbiguousIdError,
    EndpointError,
    HerstelgraphError,
    InputError,
    InputFileError,
    MissingDataError,
    MissingExtraError,
    OutputError,
    ParameterError,
    QueryError,
    SettingError,
    UnknownFrameworkError,
    UnknownIdError,
    UnsupportedError,
)
from .model import (
    Concept,
    ConceptDetail,
    CoverageScope,
    CoverageStatus,
    Direction,
    Entailment,
    Figure,
    Framework,
    GapStatus,
    Language,
    MappingView,
    OutputFormat,
    Overview,
    PairCount,
    QueryForm,
    QueryResult,
    Record,
    Severity,
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
from .questions.catalogue import (
    concept,
    concepts,
    figures,
    frameworks,
    item_types,
    overview,
    resolve,
)
from .store.store import Queryable, Store

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
    "AmbiguousIdError",
    "ChainRow",
    "Concept",
    "ConceptBrief",
    "ConceptDetail",
    "CoverageRow",
    "CoverageScope",
    "CoverageStatus",
    "CrosswalkRow",
    "Direction",
    "Endpoint",
    "EndpointError",
    "EndpointReport",
    "Entailment",
    "ExplainPath",
    "ExplainStep",
    "Explanation",
    "Figure",
    "Framework",
    "Gap",
    "GapStatus",
    "HerstelgraphError",
    "Hub",
    "InputError",
    "InputFileError",
    "Language",
    "MappingView",
    "MissingDataError",
    "MissingExtraError",
    "OutputError",
    "OutputFormat",
    "Overview",
    "PairCount",
    "ParameterError",
    "ProfileItem",
    "ProfileSummary",
    "QualityCheck",
    "QualityFinding",
    "QualityReport",
    "QueryError",
    "QueryForm",
    "QueryResult",
    "Queryable",
    "Record",
    "RoleItem",
    "SearchHit",
    "SettingError",
    "Severity",
    "Store",
    "TypeCount",
    "UnknownFrameworkError",
    "UnknownIdError",
    "UnsupportedError",
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
    "item_types",
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
