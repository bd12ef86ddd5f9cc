"""The curriculum sheet an institute keeps: its columns, as ``curriculum import`` and
``suggest curriculum`` both read them (one definition, below both)."""

from __future__ import annotations

#: column -> the header names it is known by (compared without case, spaces or punctuation)
COLUMNS: dict[str, tuple[str, ...]] = {
    "programme": ("programme", "program", "opleiding", "programma"),
    "module": ("module", "vak", "onderwijseenheid"),
    "outcome": ("learningoutcome", "leerresultaat", "leeruitkomst", "outcome"),
    "ids": ("aligneditemids", "alignediditems", "items", "itemids", "alignedto", "ids"),
}
