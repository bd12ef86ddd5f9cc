"""The enums that name the modes and statuses of the API's results, each member its own word
(``str(member)`` is the value). ``model`` re-exports them; the result records import them
from here, so that ``model`` (which loads ``results`` on first use) is never imported back.
"""

from __future__ import annotations

from enum import Enum


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


class RoleItemStatus(Words):
    """What compare-roles says of an item: one role requires it and the other does not
    (adds), both do through a mapping (shared-via-mapping) or the same item (shared), or only
    the other role does (only-other)."""

    ADDS = "adds"
    SHARED_VIA_MAPPING = "shared-via-mapping"
    SHARED = "shared"
    ONLY_OTHER = "only-other"


class RoleSource(Words):
    """Why a role requires an item: a role profile for it lists the item (profile), or the
    item itself defines the role (definesRole, the NK figures)."""

    PROFILE = "profile"
    DEFINES_ROLE = "definesRole"


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
