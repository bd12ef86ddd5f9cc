"""Typed results of the API: what the CLI prints and what callers get back."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields


@dataclass(frozen=True)
class Record:
    """Base of every result row: flat dicts for JSON/CSV, column names for tables."""

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def columns(cls) -> list[str]:
        return [f.name for f in fields(cls)]


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
    types: list[str]
    framework: str
    section: str | None
    definition: str | None
    source_text: str | None
    source_document: str | None
    alt_labels: list[str] = field(default_factory=list)
    broader: list[str] = field(default_factory=list)
    narrower: list[str] = field(default_factory=list)
    applies_at: list[str] = field(default_factory=list)
    requires_knowledge: list[str] = field(default_factory=list)
    required_by: list[str] = field(default_factory=list)
    members_of: list[str] = field(default_factory=list)
    scope_notes: list[str] = field(default_factory=list)
    editorial_notes: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Overview(Record):
    frameworks: list[Framework]
    types: list[TypeCount]
    pairs: list[PairCount]


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
    direction: str


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


@dataclass(frozen=True)
class ValidationReport(Record):
    """The outcome of validating profiles or the graph: conforms means no sh:Violation."""

    conforms: bool
    violations: int
    warnings: int
    infos: int
    focus_nodes: int
    results: list[ValidationResult]
    shacl_report: str = field(default="", repr=False, compare=False)


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
