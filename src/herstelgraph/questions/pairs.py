"""The result records of crosswalk and coverage, re-exported by ``questions.alignment``.

Defining a frozen dataclass costs a cold process ~1 ms (its generated methods are compiled
at import), so these load when crosswalk or coverage runs or a caller names one: ``gaps``
defines only its own ``Gap`` (docs/performance.md, decisions 25 and 44).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import CoverageScope, Direction
from ..record import Record


@dataclass(frozen=True)
class CrosswalkRow(Record):
    """One curated mapping between A and B, read "a_item RELATION b_item"."""

    a_item: str
    a_label: str
    relation: str
    b_item: str
    b_label: str
    confidence: float | None
    justification: str | None
    comment: str | None
    strength: str | None
    record: str
    direction: Direction


@dataclass(frozen=True)
class CoverageRow(Record):
    """Share of A's requirement items mapped into B, overall (scope 'framework') or per top
    section. ``via_example``: items whose links into B reach only example-only or inferred
    items, counted apart from ``mapped`` (RUBRIC R-EX-1)."""

    a: str
    b: str
    scope: CoverageScope
    section: str | None
    section_label: str | None
    items: int
    mapped: int
    via_example: int
    no_match: int
    not_reviewed: int
    share: float
