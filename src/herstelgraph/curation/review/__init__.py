"""The review workflow (issue 17): domain experts confirm, reject or correct the curated
mappings, each in their own SSSOM file, and the merged view (curated + reviews) that every
question reads.

* :mod:`.records` — a reviewer's file (``mappings/reviews/<reviewer>.sssom.tsv`` or a folder
  the user names): reading it strictly, turning its records into decisions and back;
* :mod:`.merge` — the merged view: one :class:`~.merge.Claim` per pair of items with its
  status, and :class:`~.merge.MappingFilter` (reviewed only, minimum confidence);
* :mod:`.stats` — counts, Cohen's κ, Krippendorff's α and the disagreements;
* :mod:`.sheet` — the same review in an XLSX sheet (export and import);
* :mod:`.app` — the local web app; :mod:`.site` — badges and figures for the static site.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .merge import Claim, MappingFilter, merged_view, review_state

__all__ = ["Claim", "MappingFilter", "merged_view", "review_state"]


def __getattr__(name: str) -> Any:
    """The merged view's names, imported on first use (PEP 562): loading a store for a
    question needs only ``.loading`` and ``.records``, not ``.merge`` (docs/performance.md)."""
    if name in __all__:
        from .merge import Claim, MappingFilter, merged_view, review_state

        names = {"Claim": Claim, "MappingFilter": MappingFilter, "merged_view": merged_view}
        return {**names, "review_state": review_state}[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
