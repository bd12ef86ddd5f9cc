"""``Record``: the base of every result row of the API (flat dicts for JSON and CSV, column
names for tables). ``herstelgraph.model`` re-exports it; it lives here, apart, so that the
result records of ``herstelgraph.results`` can be loaded by ``model`` only when asked for
(docs/performance.md, decision 25).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Any

#: values ``asdict`` would return as they are (its deep copy of them is the value itself)
_PLAIN = frozenset({str, int, float, bool, type(None)})


_NAMES: dict[type, tuple[str, ...]] = {}


def _field_names(cls: type) -> tuple[str, ...]:
    names = _NAMES.get(cls)
    if names is None:
        names = _NAMES[cls] = tuple(f.name for f in fields(cls))
    return names


@dataclass(frozen=True)
class Record:
    """Base of every result row: flat dicts for JSON/CSV, column names for tables."""

    def as_dict(self) -> dict[str, Any]:
        """``dataclasses.asdict``: a row of strings, numbers and None (nearly every row)
        is read field by field; only a row holding lists or records takes ``asdict``'s deep
        copy (0.11 s of a CSV of 844 gaps at 50x, docs/performance.md)."""
        out = {name: getattr(self, name) for name in _field_names(type(self))}
        if all(type(v) in _PLAIN for v in out.values()):
            return out
        return asdict(self)

    @classmethod
    def columns(cls) -> list[str]:
        return [f.name for f in fields(cls)]
