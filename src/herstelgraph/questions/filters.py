"""The mapping filter every question takes (keyword-only ``reviewed_only``, ``min_confidence``)."""

from __future__ import annotations

from ..errors import UnsupportedError
from ..store.store import Queryable


def view(store: Queryable, reviewed_only: int, min_confidence: float | None) -> Queryable:
    """The store as the mapping filter sees it (the merged view of curated records and
    reviews): itself when nothing is filtered.

    ``reviewed_only`` N: only records at least N reviewers hold; ``min_confidence``: only
    records with at least this curated confidence. Both keyword-only on every question. The
    filter is the store's own (``Store.filter_mappings``, set by ``herstelgraph.load``)."""
    if not reviewed_only and min_confidence is None:
        return store
    fn = getattr(store, "filter_mappings", None)
    if fn is None:
        raise UnsupportedError(
            "keeping only reviewed or confident mappings needs a store loaded with "
            "herstelgraph.load() (the embedded store, with the review files); a SPARQL "
            "endpoint answers for all mappings"
        )
    return fn(store, reviewed_only, min_confidence)
