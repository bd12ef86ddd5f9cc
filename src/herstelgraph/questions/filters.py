"""The mapping filter every question takes (keyword-only ``reviewed_only``, ``min_confidence``)."""

from __future__ import annotations

from ..store.store import Queryable


def view(store: Queryable, reviewed_only: int, min_confidence: float | None) -> Queryable:
    """The store as the mapping filter sees it (the merged view of curated records and
    reviews; ``curation.review.merge.MappingFilter``): itself when nothing is filtered.

    ``reviewed_only`` N: only records at least N reviewers hold; ``min_confidence``: only
    records with at least this curated confidence. Both keyword-only on every question."""
    if not reviewed_only and min_confidence is None:
        return store
    from ..curation.review.merge import filtered

    return filtered(store, reviewed_only, min_confidence)
