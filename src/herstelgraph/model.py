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


from .enums import (
    EXPORT_ALIASES as EXPORT_ALIASES,
)
from .enums import (
    CoverageScope as CoverageScope,
)
from .enums import (
    CoverageStatus as CoverageStatus,
)
from .enums import (
    Direction as Direction,
)
from .enums import (
    Engine as Engine,
)
from .enums import (
    Entailment as Entailment,
)
from .enums import (
    ExportFormat as ExportFormat,
)
from .enums import (
    GapStatus as GapStatus,
)
from .enums import (
    Language as Language,
)
from .enums import (
    OutputFormat as OutputFormat,
)
from .enums import (
    QueryForm as QueryForm,
)
from .enums import (
    RejectReason as RejectReason,
)
from .enums import (
    ReviewDecision as ReviewDecision,
)
from .enums import (
    ReviewStatus as ReviewStatus,
)
from .enums import (
    RoleItemStatus as RoleItemStatus,
)
from .enums import (
    RoleSource as RoleSource,
)
from .enums import (
    Severity as Severity,
)
from .enums import (  # the enums live apart so that results can import them
    Words as Words,
)

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
