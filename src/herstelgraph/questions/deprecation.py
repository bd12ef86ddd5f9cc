"""Deprecated items: an item a release takes out stays in the graph, never silently gone.

It keeps its IRI, its texts and its place in the hierarchy, with ``owl:deprecated true`` and,
where there is a successor, ``dct:isReplacedBy`` (docs/modelling.md, "Releases and
deprecation"). The questions that list or count items skip it unless asked
(``include_deprecated``); ``show`` always finds it and says what replaced it.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..store.store import Queryable

_DEPRECATED = (
    "SELECT ?x ?by WHERE { ?x owl:deprecated ?d . FILTER(?d = true) "
    "OPTIONAL { ?x dct:isReplacedBy ?by } }"
)


def deprecated_items(store: Queryable) -> dict[str, tuple[str, ...]]:
    """IRI of every deprecated resource -> the IRIs of its successors (none: no successor)."""
    out: dict[str, set[str]] = {}
    for r in store.select(_DEPRECATED):
        x, by = r["x"], r.get("by")  # a deprecated item without a successor leaves ?by unbound
        out.setdefault(x.value, set())
        if by is not None:
            out[x.value].add(by.value)
    return {k: tuple(sorted(v)) for k, v in sorted(out.items())}


def skip_deprecated(
    store: Queryable, iris: Iterable[str], include_deprecated: bool = False
) -> set[str]:
    """The IRIs of ``iris`` a question leaves out: the deprecated ones, unless included."""
    if include_deprecated:
        return set()
    gone = deprecated_items(store)
    return {i for i in iris if i in gone}
