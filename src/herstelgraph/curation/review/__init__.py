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

from .merge import Claim, MappingFilter, merged_view, review_state

__all__ = ["Claim", "MappingFilter", "merged_view", "review_state"]
