"""Answers kept with a persisted store: a query asked before is read, not run again.

A persisted store (``persist.py``) never changes: its folder is named by the content hash of
every input, the review files and the versions that derive it, and it is read-only until a
write copies it into memory. So the solutions of one query text, read in one dataset, are
the same every time it is asked. A fresh CLI process pays most of a question on the on-disk
store, whose block cache starts empty (``gaps`` at 50x: ~0.25 of a 0.46 s process,
docs/performance.md, decision 30); reading the solutions it wrote the first time costs a few
milliseconds.

* **Where**: ``answers/`` inside the store folder, one file per (query text with its bound
  values, entailment, anchor); removed with the store (eviction, ``cache clear``). The
  store's manifest does not list it: the store is verified as before, each answer by itself.
* **Verified before use** (issue 14): every file carries the SHA-256 and length of its
  content (``cache.write_entry``); a damaged one is reported on stderr, removed and the
  query run again.
* **What is kept**: the solutions of a SELECT (SPARQL TSV, which keeps every term's kind,
  datatype and language) and the boolean of an ASK (SPARQL JSON), read back by Oxigraph's
  own parser as the same ``QuerySolutions``/``QueryBoolean`` a query gives. Not kept: a
  CONSTRUCT or DESCRIBE, a query calling a function whose value changes between calls
  (``NOW``, ``RAND``, ``UUID``, ``STRUUID``, ``BNODE``), and an answer over
  ``MAX_ANSWER_BYTES``.
* **Bounded**: at most ``MAX_FILES`` answers and ``MAX_TOTAL_BYTES`` per store; writing one
  more removes the least recently used.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pyoxigraph as ox

from . import cache

#: the folder inside a persisted store
FOLDER = cache.STORE_ANSWERS
#: answers larger than this are not kept (a user's SELECT over the whole graph)
MAX_ANSWER_BYTES = 8 * 1000 * 1000
#: per store
MAX_FILES = 1000
MAX_TOTAL_BYTES = 64 * 1000 * 1000
#: bump when what a file holds changes
ANSWERS_FORMAT = 1

#: functions whose value differs between two calls of the same query
_VOLATILE = re.compile(r"\b(?:NOW|RAND|UUID|STRUUID|BNODE)\s*\(", re.IGNORECASE)
_NAME = re.compile(r"[0-9a-f]{64}\.(?:tsv|json)")

Result = ox.QuerySolutions | ox.QueryBoolean


class Answers:
    """The answers kept in one persisted store's folder."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)

    @staticmethod
    def key(text: str, dataset: str) -> str | None:
        """The file key of a query text (its values bound) read in ``dataset`` (the
        entailment and anchor that decide the graphs read); None when it must not be kept."""
        if _VOLATILE.search(text):
            return None
        h = hashlib.sha256(f"answers {ANSWERS_FORMAT}\n{dataset}\n".encode())
        h.update(text.encode("utf-8", "surrogatepass"))
        return h.hexdigest()

    def get(self, key: str) -> Result | None:
        """The kept answer, or None: never asked, or damaged (reported, removed)."""
        for suffix, fmt in (
            (".tsv", ox.QueryResultsFormat.TSV),
            (".json", ox.QueryResultsFormat.JSON),
        ):
            path = self.folder / (key + suffix)
            data = cache.read_entry(path)  # None: not kept in this form, or damaged
            if data is None:
                continue
            try:
                return ox.parse_query_results(data, format=fmt)
            except (SyntaxError, ValueError) as exc:  # verified bytes we did not write
                cache.discard(path, f"unreadable ({type(exc).__name__})")
                return None
        return None

    def keep(self, key: str, result: Result) -> Result:
        """Write ``result`` under ``key`` and give it back to be read (a ``QuerySolutions``
        can be iterated once: it is serialized, then parsed again from those bytes)."""
        if isinstance(result, ox.QueryBoolean):
            suffix, fmt = ".json", ox.QueryResultsFormat.JSON
        else:
            suffix, fmt = ".tsv", ox.QueryResultsFormat.TSV
        data = result.serialize(format=fmt) or b""  # without an output: the bytes
        if len(data) <= MAX_ANSWER_BYTES:
            cache.write_entry(
                self.folder / (key + suffix),
                data,
                pattern=_NAME,  # the least recently used answers go first
                max_entries=MAX_FILES,
                max_bytes=MAX_TOTAL_BYTES,
            )
        return ox.parse_query_results(data, format=fmt)
