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
>>> graph = store.to_rdflib()  # an rdflib.Graph of what `export --format turtle` writes
>>> len(graph) > 4000
True

Nothing but the version is imported here: each name loads its module on first use (PEP 562),
so ``import herstelgraph`` and the CLI pay only for what they use (docs/performance.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ._version import __version__

#: public name -> (module, attribute): imported on first use. The endpoint client, e.g.,
#: brings urllib and http.client with it, which a session on the embedded store never needs.
_LAZY = {
    "QualityCheck": ("herstelgraph.checks.quality", "QualityCheck"),
    "QualityFinding": ("herstelgraph.checks.quality", "QualityFinding"),
    "QualityReport": ("herstelgraph.checks.quality", "QualityReport"),
    "check_quality": ("herstelgraph.checks.quality", "check"),
    "validate_files": ("herstelgraph.checks.validate", "validate_files"),
    "validate_graph": ("herstelgraph.checks.validate", "validate_graph"),
    "validate_profiles": ("herstelgraph.checks.validate", "validate_profiles"),
    "load": ("herstelgraph.curation.review.loading", "load"),
    "AmbiguousIdError": ("herstelgraph.errors", "AmbiguousIdError"),
    "EndpointError": ("herstelgraph.errors", "EndpointError"),
    "HerstelgraphError": ("herstelgraph.errors", "HerstelgraphError"),
    "InputError": ("herstelgraph.errors", "InputError"),
    "InputFileError": ("herstelgraph.errors", "InputFileError"),
    "MissingDataError": ("herstelgraph.errors", "MissingDataError"),
    "MissingExtraError": ("herstelgraph.errors", "MissingExtraError"),
    "OutputError": ("herstelgraph.errors", "OutputError"),
    "ParameterError": ("herstelgraph.errors", "ParameterError"),
    "QueryError": ("herstelgraph.errors", "QueryError"),
    "QuerySyntaxError": ("herstelgraph.errors", "QuerySyntaxError"),
    "SettingError": ("herstelgraph.errors", "SettingError"),
    "UnknownFrameworkError": ("herstelgraph.errors", "UnknownFrameworkError"),
    "UnknownIdError": ("herstelgraph.errors", "UnknownIdError"),
    "UnsupportedError": ("herstelgraph.errors", "UnsupportedError"),
    "Concept": ("herstelgraph.model", "Concept"),
    "ConceptDetail": ("herstelgraph.model", "ConceptDetail"),
    "CoverageScope": ("herstelgraph.model", "CoverageScope"),
    "CoverageStatus": ("herstelgraph.model", "CoverageStatus"),
    "Direction": ("herstelgraph.model", "Direction"),
    "Engine": ("herstelgraph.model", "Engine"),
    "Entailment": ("herstelgraph.model", "Entailment"),
    "Figure": ("herstelgraph.model", "Figure"),
    "Framework": ("herstelgraph.model", "Framework"),
    "GapStatus": ("herstelgraph.model", "GapStatus"),
    "Language": ("herstelgraph.model", "Language"),
    "MappingView": ("herstelgraph.model", "MappingView"),
    "OutputFormat": ("herstelgraph.model", "OutputFormat"),
    "Overview": ("herstelgraph.model", "Overview"),
    "PairCount": ("herstelgraph.model", "PairCount"),
    "QueryForm": ("herstelgraph.model", "QueryForm"),
    "QueryResult": ("herstelgraph.model", "QueryResult"),
    "Record": ("herstelgraph.model", "Record"),
    "RoleItemStatus": ("herstelgraph.model", "RoleItemStatus"),
    "RoleSource": ("herstelgraph.model", "RoleSource"),
    "Severity": ("herstelgraph.model", "Severity"),
    "TypeCount": ("herstelgraph.model", "TypeCount"),
    "ValidationReport": ("herstelgraph.model", "ValidationReport"),
    "ValidationResult": ("herstelgraph.model", "ValidationResult"),
    "ChainRow": ("herstelgraph.questions.alignment", "ChainRow"),
    "ConceptBrief": ("herstelgraph.questions.alignment", "ConceptBrief"),
    "CoverageRow": ("herstelgraph.questions.alignment", "CoverageRow"),
    "CrosswalkRow": ("herstelgraph.questions.alignment", "CrosswalkRow"),
    "ExplainPath": ("herstelgraph.questions.alignment", "ExplainPath"),
    "ExplainStep": ("herstelgraph.questions.alignment", "ExplainStep"),
    "Explanation": ("herstelgraph.questions.alignment", "Explanation"),
    "PathStep": ("herstelgraph.questions.alignment", "PathStep"),
    "Gap": ("herstelgraph.questions.alignment", "Gap"),
    "Hub": ("herstelgraph.questions.alignment", "Hub"),
    "ProfileItem": ("herstelgraph.questions.alignment", "ProfileItem"),
    "ProfileSummary": ("herstelgraph.questions.alignment", "ProfileSummary"),
    "RoleItem": ("herstelgraph.questions.alignment", "RoleItem"),
    "SearchHit": ("herstelgraph.questions.alignment", "SearchHit"),
    "chain": ("herstelgraph.questions.alignment", "chain"),
    "compare_roles": ("herstelgraph.questions.alignment", "compare_roles"),
    "coverage": ("herstelgraph.questions.alignment", "coverage"),
    "coverage_of": ("herstelgraph.questions.alignment", "coverage_of"),
    "coverage_summary": ("herstelgraph.questions.alignment", "coverage_summary"),
    "crosswalk": ("herstelgraph.questions.alignment", "crosswalk"),
    "explain": ("herstelgraph.questions.alignment", "explain"),
    "external_coverage": ("herstelgraph.questions.alignment", "external_coverage"),
    "gaps": ("herstelgraph.questions.alignment", "gaps"),
    "hubs": ("herstelgraph.questions.alignment", "hubs"),
    "mappings_of": ("herstelgraph.questions.alignment", "mappings_of"),
    "run_query": ("herstelgraph.questions.alignment", "run_query"),
    "search": ("herstelgraph.questions.alignment", "search"),
    "concept": ("herstelgraph.questions.catalogue", "concept"),
    "concepts": ("herstelgraph.questions.catalogue", "concepts"),
    "figures": ("herstelgraph.questions.catalogue", "figures"),
    "frameworks": ("herstelgraph.questions.catalogue", "frameworks"),
    "item_types": ("herstelgraph.questions.catalogue", "item_types"),
    "overview": ("herstelgraph.questions.catalogue", "overview"),
    "resolve": ("herstelgraph.questions.catalogue", "resolve"),
    "Queryable": ("herstelgraph.store.store", "Queryable"),
    "Row": ("herstelgraph.store.store", "Row"),
    "Rows": ("herstelgraph.store.store", "Rows"),
    "Store": ("herstelgraph.store.store", "Store"),
    "Endpoint": ("herstelgraph.store.endpoint", "Endpoint"),
    "EndpointReport": ("herstelgraph.checks.endpoint", "EndpointReport"),
    "FeatureStatus": ("herstelgraph.checks.endpoint", "FeatureStatus"),
    "GraphStatus": ("herstelgraph.checks.endpoint", "GraphStatus"),
    "check_endpoint": ("herstelgraph.checks.endpoint", "check_endpoint"),
}

if TYPE_CHECKING:  # for type checkers and IDEs; at run time ``__getattr__`` loads them
    from .checks.endpoint import EndpointReport, FeatureStatus, GraphStatus, check_endpoint
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
        QuerySyntaxError,
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
        Engine,
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
        RoleItemStatus,
        RoleSource,
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
        PathStep,
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
        external_coverage,
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
    from .store.endpoint import Endpoint
    from .store.store import Queryable, Row, Rows, Store


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        module, attribute = _LAZY[name]
        value = getattr(importlib.import_module(module), attribute)
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
    "Engine",
    "Entailment",
    "ExplainPath",
    "ExplainStep",
    "Explanation",
    "FeatureStatus",
    "Figure",
    "Framework",
    "Gap",
    "GapStatus",
    "GraphStatus",
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
    "PathStep",
    "ProfileItem",
    "ProfileSummary",
    "QualityCheck",
    "QualityFinding",
    "QualityReport",
    "QueryError",
    "QueryForm",
    "QueryResult",
    "QuerySyntaxError",
    "Queryable",
    "Record",
    "RoleItem",
    "RoleItemStatus",
    "RoleSource",
    "Row",
    "Rows",
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
    "external_coverage",
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
