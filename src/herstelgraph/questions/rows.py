"""The result records of the less common alignment questions (chain, hubs, search,
compare-roles, explain), re-exported by ``questions.alignment``.

Defining a frozen dataclass costs ~5 M instructions (its generated methods are compiled at
import), so these eight load only when one of those questions runs or a caller names one;
``gaps``, ``crosswalk``, ``coverage`` and ``map`` never pay for them (docs/performance.md,
decision 25).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import RoleItemStatus, RoleSource
from ..record import Record


@dataclass(frozen=True)
class ChainRow(Record):
    """An inferred A→C mapping through an item of B (semapv:MappingChaining), never curated."""

    a_item: str
    a_label: str
    relation1: str
    via: str
    via_label: str
    relation2: str
    c_item: str
    c_label: str
    composed: str | None
    confidence: float | None
    justification: str
    curated: str | None


@dataclass(frozen=True)
class Hub(Record):
    """A knowledge item and the competencies that include it."""

    item: str
    notation: str | None
    label: str
    competencies: int
    competency_notations: tuple[str, ...]
    mappings: int


@dataclass(frozen=True)
class SearchHit(Record):
    """A concept whose text matches every search word, best field first."""

    id: str
    framework: str
    label: str
    field: str
    text: str
    score: float


@dataclass(frozen=True)
class RoleItem(Record):
    """A concept one role requires, and whether the other role requires it too."""

    concept: str
    label: str
    framework: str
    status: RoleItemStatus
    matched: str | None
    how: RoleSource


@dataclass(frozen=True)
class ConceptBrief(Record):
    id: str
    label: str
    framework: str
    section: str | None
    text: str | None


@dataclass(frozen=True)
class ExplainStep(Record):
    subject: str
    relation: str
    object: str
    kind: str
    confidence: float | None
    justification: str | None
    comment: str | None
    record: str | None


@dataclass(frozen=True)
class ExplainPath(Record):
    relation: str | None
    kind: str
    via: str | None
    steps: tuple[ExplainStep, ...]


@dataclass(frozen=True)
class Explanation(Record):
    """How two items relate: each path, each step's evidence, and both source texts."""

    source: ConceptBrief
    target: ConceptBrief
    paths: tuple[ExplainPath, ...] = ()

    def path_steps(self) -> tuple[PathStep, ...]:
        """Every step as one flat row that names its path (number from 1, kind, relation,
        via): a table (CSV, a sheet) that can be grouped back into the paths."""
        return tuple(
            PathStep(n, p.kind, p.relation, p.via, **s.as_dict())
            for n, p in enumerate(self.paths, 1)
            for s in p.steps
        )


@dataclass(frozen=True)
class PathStep(Record):
    """One step of an explanation's path, with the path it belongs to."""

    path: int
    path_kind: str
    path_relation: str | None
    via: str | None
    subject: str
    relation: str
    object: str
    kind: str
    confidence: float | None
    justification: str | None
    comment: str | None
    record: str | None
