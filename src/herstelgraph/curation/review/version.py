"""The version of the merge rules (``merge``), on its own so that computing a store's cache
key does not import the merged view (docs/performance.md)."""

from __future__ import annotations

#: Bump when the rules of ``merge`` change: it is part of the closure and store cache keys.
MERGE_VERSION = 1
