"""Typed results of the API (what the CLI prints and callers get back), and the enums that
name the modes and statuses those results carry.

Enums derive from ``str``, so a status compares equal to its word (``GapStatus.NO_MATCH ==
"no-match"``) and JSON, CSV and tables show the word:

>>> from herstelgraph.model import GapStatus
>>> GapStatus("no-match") is GapStatus.NO_MATCH, f"{GapStatus.NO_MATCH}"
(True, 'no-match')
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any

from .record import Record as Record

if TYPE_CHECKING:
    import pyoxigraph as ox

    from .results import Concept as Concept
    from .results import ConceptDetail as ConceptDetail
    from .results import Figure as Figure
    from .results import Framework as Framework
    from .results import MappingView as MappingView
    from .results import Overview as Overview
    from .results import PairCount as PairCount
    from .results import TypeCount as TypeCount
    from .results import ValidationReport as ValidationReport
    from .results import ValidationResult as ValidationResult


class Words(str, Enum):
    """An enum whose members are their words: ``str(member)`` and f-strings give the value."""

    def __str__(self) -> str:
        return str(self.value)

    def __format__(self, spec: str) -> str:
        return format(str(self.value), spec)

    @classmethod
    def values(cls) -> tuple[str, ...]:
        return tuple(str(m.value) for m in cls)


class Entailment(Words):
    """Which graphs a question reads: asserted and user data (NONE), plus the SKOS closure
    and tallies (CLOSURE), or the derived tallies alone (TALLIES)."""

    NONE = "none"
    CLOSURE = "skos-closure"
    TALLIES = "tallies"

    @classmethod
    def of(cls, value: Entailment | bool) -> Entailment:
        """``True``/``False`` as shorthands for CLOSURE/NONE in ad hoc queries."""
        if isinstance(value, Entailment):
            return value
        if isinstance(value, bool):
            return cls.CLOSURE if value else cls.NONE
        return cls(value)


class OutputFormat(Words):
    """How a data verb writes its answer."""

    TABLE = "table"
    JSON = "json"
    CSV = "csv"
    XLSX = "xlsx"


#: the names people type for the export formats (rdflib's and Oxigraph's), lower case
EXPORT_ALIASES: dict[str, str] = {
    "ttl": "turtle",
    "nt": "ntriples",
    "n-triples": "ntriples",
    "xml": "rdfxml",
    "rdf": "rdfxml",
    "rdf/xml": "rdfxml",
    "rdf-xml": "rdfxml",
    "json-ld": "jsonld",
    "ctdl-asn": "ctdlasn",
}


class ExportFormat(Words):
    """What ``export`` writes. Any case and the usual aliases are accepted:

    >>> [str(ExportFormat(n)) for n in ("TTL", "json-ld", "xml", "NT")]
    ['turtle', 'jsonld', 'rdfxml', 'ntriples']
    """

    TURTLE = "turtle"
    JSONLD = "jsonld"
    NTRIPLES = "ntriples"
    RDFXML = "rdfxml"
    TRIG = "trig"
    CSV = "csv"
    SSSOM = "sssom"
    CASE = "case"
    CTDLASN = "ctdlasn"
    JSKOS = "jskos"

    @classmethod
    def _missing_(cls, value: object) -> ExportFormat | None:
        if isinstance(value, str):
            key = value.strip().lower()
            key = EXPORT_ALIASES.get(key, key)
            for member in cls:
                if member.value == key:
                    return member
        return None

    @classmethod
    def names(cls) -> tuple[str, ...]:
        """Every accepted name: the formats, then the aliases."""
        return (*cls.values(), *EXPORT_ALIASES)


class QueryForm(Words):
    """The four SPARQL query forms."""

    SELECT = "select"
    ASK = "ask"
    CONSTRUCT = "construct"
    DESCRIBE = "describe"


class Language(Words):
    """The language of what users read: Dutch first, English on request."""

    NL = "nl"
    EN = "en"


class Engine(Words):
    """Which SHACL engine validates: the fast one (SHACL Core compiled to SPARQL) where the
    shapes allow it (AUTO), the fast one or an error (FAST), or pyshacl, the reference."""

    AUTO = "auto"
    FAST = "fast"
    PYSHACL = "pyshacl"


class Direction(Words):
    """Whether a mapping row reads the record as stated or turned round."""

    ASSERTED = "asserted"
    INVERSE = "inverse"


class GapStatus(Words):
    """Why a requirement item of A has no mapping into B: reviewed with no match, covered only
    via an example-only or inferred item of B (RUBRIC R-EX-1), or not reviewed."""

    NO_MATCH = "no-match"
    VIA_EXAMPLE = "via-example"
    NOT_REVIEWED = "not-reviewed"


class CoverageScope(Words):
    """A coverage row for a whole framework pair, for one top section of A, or for one type
    of A's items against an external vocabulary (ESCO: ``external_coverage``)."""

    FRAMEWORK = "framework"
    SECTION = "section"
    EXTERNAL = "external"


class CoverageStatus(Words):
    """How a profile covers a framework item, strongest first (docs/modelling.md, "Coverage:
    what counts"): its own alignment (direct, part-of, all-parts), through an exact or close
    mapping (mapped), or not covered (partial: some of its parts; related: only a broad,
    narrow or related mapping; missing)."""

    DIRECT = "direct"
    PART_OF = "part-of"
    ALL_PARTS = "all-parts"
    MAPPED = "mapped"
    PARTIAL = "partial"
    RELATED = "related"
    MISSING = "missing"


class ReviewDecision(Words):
    """What a reviewer decided about one record (mappings/RUBRIC.md §9): on a mapping confirm,
    reject, change the relation or unsure; on a no-match record agree (nothing matches),
    disagree (the item matches something) or unsure; ``add``: a link the reviewer made."""

    CONFIRM = "confirm"
    REJECT = "reject"
    CHANGE = "change"
    UNSURE = "unsure"
    AGREE = "agree"
    DISAGREE = "disagree"
    ADD = "add"


class RejectReason(Words):
    """The fixed reasons for a rejection, as written in ``review_reason`` (RUBRIC §9)."""

    THEME_ONLY = "theme-only"
    WRONG_DIRECTION = "wrong-direction"
    TOO_BROAD = "too-broad"
    TOO_NARROW = "too-narrow"
    DIFFERENT_LEVEL = "different-level"
    OTHER = "other"


class ReviewStatus(Words):
    """A record in the merged view (curated + reviews): nobody judged it, only 'unsure'
    answers, every reviewer confirmed it, every reviewer rejected it, every reviewer chose
    the same other relation, or the reviewers disagree."""

    UNREVIEWED = "unreviewed"
    UNSURE = "unsure"
    CONFIRMED = "confirmed"
    REJECTED = "rejected"
    CHANGED = "changed"
    DISPUTED = "disputed"


class Severity(Words):
    """A SHACL result's severity: only a Violation makes a profile fail."""

    VIOLATION = "Violation"
    WARNING = "Warning"
    INFO = "Info"


#: the result records ``results`` defines, loaded on first use (``__getattr__``)
_RESULTS = frozenset(
    {
        "Framework",
        "TypeCount",
        "PairCount",
        "Concept",
        "ConceptDetail",
        "Overview",
        "MappingView",
        "ValidationResult",
        "ValidationReport",
        "Figure",
    }
)

if not TYPE_CHECKING:  # type checkers see the imports above

    def __getattr__(name: str) -> Any:
        """The records of ``results``, imported when first named (PEP 562)."""
        if name in _RESULTS:
            from . import results

            value = getattr(results, name)
            globals()[name] = value
            return value
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

    def __dir__() -> list[str]:
        return sorted(set(globals()) | _RESULTS)


#: a cell of a query answer: an IRI as a CURIE (or the IRI), a literal's value (numbers as
#: int/float, xsd:boolean as bool), a blank node as ``_:id``, None when unbound
Value = str | int | float | bool | None


@dataclass(frozen=True)
class QueryResult:
    """The answer of any SPARQL query, whatever its variables are called (``?class``,
    ``?columns``): like pyoxigraph's ``QuerySolutions``, but frozen.

    * SELECT: ``variables`` and ``rows`` (one tuple per solution, in variable order);
    * ASK: ``boolean`` (no variables, no rows);
    * CONSTRUCT/DESCRIBE: ``triples`` (pyoxigraph triples, sorted), and the same as rows of
      ``subject``, ``predicate``, ``object``.

    >>> r = QueryResult(("class", "n"), (("hg:Skill", 14),))
    >>> r.as_dicts()
    [{'class': 'hg:Skill', 'n': 14}]
    """

    variables: tuple[str, ...]
    rows: tuple[tuple[Value, ...], ...]
    form: QueryForm = QueryForm.SELECT
    boolean: bool | None = None
    triples: tuple[ox.Triple, ...] = field(default=(), repr=False)

    def as_dicts(self) -> list[dict[str, Value]]:
        """One dict per row, variable -> value."""
        return [dict(zip(self.variables, row, strict=True)) for row in self.rows]

    def as_json(self) -> Any:
        """What ``--format json`` writes: the rows as objects, or ``{"boolean": …}``."""
        if self.form is QueryForm.ASK:
            return {"boolean": self.boolean}
        return self.as_dicts()


def jsonable(data: Any) -> Any:
    """Records as dicts, tuples as lists, all the way down: what ``json.dumps`` can write."""
    if isinstance(data, Record):
        return jsonable(data.as_dict())
    if isinstance(data, QueryResult):
        return data.as_json()
    if isinstance(data, list | tuple):
        return [jsonable(i) for i in data]
    if isinstance(data, dict):
        return {k: jsonable(v) for k, v in data.items()}
    return data


def to_json(data: Any) -> str:
    """Results as indented UTF-8 JSON (the ``--format json`` of every verb)."""
    return json.dumps(jsonable(data), ensure_ascii=False, indent=2) + "\n"
