"""The result records of the catalogue and validation questions (``Framework``,
``Concept``, ``ValidationReport``, …), re-exported by ``herstelgraph.model``.

Defining a frozen dataclass costs ~5 M instructions (its generated methods are compiled at
import), so these ten load only when a caller names one: a question that returns none of
them (``gaps``, ``crosswalk``, …) never pays for them (docs/performance.md, decision 25).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .enums import Direction
from .record import Record


@dataclass(frozen=True)
class Framework(Record):
    id: str
    iri: str
    title: str
    identifier: str | None
    concepts: int
    version: str | None = None
    eqf: str | None = None
    vks: int | None = None


@dataclass(frozen=True)
class TypeCount(Record):
    framework: str
    type: str
    concepts: int


@dataclass(frozen=True)
class PairCount(Record):
    subject_framework: str
    object_framework: str
    relation: str
    mappings: int


@dataclass(frozen=True)
class Concept(Record):
    id: str
    iri: str
    notation: str | None
    label: str
    type: str
    framework: str
    section: str | None = None
    broader: str | None = None


@dataclass(frozen=True)
class ConceptDetail(Record):
    id: str
    iri: str
    notation: str | None
    label: str
    types: tuple[str, ...]
    framework: str
    section: str | None
    definition: str | None
    source_text: str | None
    source_document: str | None
    alt_labels: tuple[str, ...] = ()
    broader: tuple[str, ...] = ()
    narrower: tuple[str, ...] = ()
    applies_at: tuple[str, ...] = ()
    requires_knowledge: tuple[str, ...] = ()
    required_by: tuple[str, ...] = ()
    members_of: tuple[str, ...] = ()
    scope_notes: tuple[str, ...] = ()
    editorial_notes: tuple[str, ...] = ()
    #: taken out in a release (owl:deprecated), and what replaced it (dct:isReplacedBy)
    deprecated: bool = False
    replaced_by: tuple[str, ...] = ()
    #: the English translations (``@en``, kept apart from the Dutch source), where there are
    label_en: str | None = None
    definition_en: str | None = None


@dataclass(frozen=True)
class Overview(Record):
    frameworks: tuple[Framework, ...]
    types: tuple[TypeCount, ...]
    pairs: tuple[PairCount, ...]


@dataclass(frozen=True)
class MappingView(Record):
    """A curated mapping seen from one concept: the relation reads 'concept REL other'."""

    concept: str
    relation: str
    other: str
    other_label: str
    other_framework: str
    confidence: float | None
    justification: str | None
    comment: str | None
    author: str | None
    date: str | None
    strength: str | None
    record: str
    direction: Direction


@dataclass(frozen=True)
class ValidationResult(Record):
    """One SHACL result, located in the profile (or graph node) and the item it concerns."""

    severity: str  # Violation, Warning or Info
    constraint: str  # the SHACL constraint component, e.g. MinCountConstraintComponent
    profile: str | None  # the profile the result belongs to (None for graph validation)
    profile_label: str | None
    focus: str  # the node that failed: a profile, requirement, module, concept, record
    item: str | None  # the framework item concerned, if any
    item_label: str | None
    path: str | None
    value: str | None
    message: str
    shape: str | None
    source: str | None  # what the rule enforces: a source concept, scheme or document
    source_text: str | None  # the verbatim requirement
    profile_type: str | None = None  # RoleProfile, PersonProfile, Curriculum, TeamProfile, …


@dataclass(frozen=True)
class ValidationReport(Record):
    """The outcome of validating profiles or the graph: conforms means no sh:Violation."""

    conforms: bool
    violations: int
    warnings: int
    infos: int
    focus_nodes: int
    results: tuple[ValidationResult, ...]
    shacl_report: str = field(default="", repr=False, compare=False)
    #: claims to a framework that has no rules for the profile's type ("geen regels voor dit
    #: kader"): not checked, so the report never says such a profile conforms to it
    unchecked: int = 0


@dataclass(frozen=True)
class Figure(Record):
    """One printed figure of the NK 2017 report (a Data Cube observation)."""

    table: str
    counted: str
    counted_label: str
    region_or_function: str
    count: int
    unit: str | None
    period: str
    observation: str
