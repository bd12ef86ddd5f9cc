"""Lexical evidence: BM25 (bm25s) over the Dutch-normalised tokens, and fuzzy label
similarity (rapidfuzz), both scaled to 0..1.

* ``bm25``: the BM25 score of the candidate for the query (k1 1.2, b 0.75, Lucene IDF),
  divided by the sum of the IDFs of the query's tokens (an unknown token counts with the
  highest IDF): about the share of the query's information the candidate holds, so a
  threshold means the same for a short and a long query; clipped to 1.
* ``fuzzy``: rapidfuzz's token-set ratio of the folded, stopword-free stems of the query and
  of the candidate's label (0..1): catches spelling variants and word order.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from .text import Analyzer

K1 = 1.2
B = 0.75


class LexicalIndex:
    """BM25 over the candidates' documents; built once per candidate set."""

    def __init__(self, documents: Sequence[str], labels: Sequence[str], analyzer: Analyzer):
        import bm25s
        import numpy as np

        self.analyzer = analyzer
        self.doc_tokens = [analyzer.tokens(d) for d in documents]
        self.label_keys = [" ".join(sorted(set(analyzer.stems(label)))) for label in labels]
        self.vocab = {t for toks in self.doc_tokens for t in toks}
        n = len(self.doc_tokens)
        df: dict[str, int] = {}
        for toks in self.doc_tokens:
            for t in set(toks):
                df[t] = df.get(t, 0) + 1
        self.idf = {t: math.log(1 + (n - d + 0.5) / (d + 0.5)) for t, d in df.items()}
        self.max_idf = math.log(1 + (n + 0.5) / 0.5) if n else 1.0
        self._bm25 = bm25s.BM25(k1=K1, b=B, method="lucene")
        # bm25s needs a non-empty vocabulary; an empty document gets a placeholder token
        self._bm25.index([list(t) or ["\x00"] for t in self.doc_tokens], show_progress=False)
        self._np = np
        self.size = n

    def bm25(self, query: str):
        """Scaled BM25 of every candidate for one query text (a numpy vector)."""
        tokens = self.analyzer.tokens(query)
        known = [t for t in tokens if t in self.vocab]
        norm = sum(self.idf.get(t, self.max_idf) for t in tokens)
        if not known or norm == 0:
            return self._np.zeros(self.size, dtype="float32")
        raw = self._bm25.get_scores(known)
        return self._np.minimum(raw / norm, 1.0).astype("float32")

    def bm25_matrix(self, queries: Sequence[str]):
        np = self._np
        out = np.zeros((len(queries), self.size), dtype="float32")
        for i, q in enumerate(queries):
            out[i] = self.bm25(q)
        return out

    def fuzzy_matrix(self, queries: Sequence[str]):
        """Token-set ratio (0..1) of each query against each candidate label."""
        from rapidfuzz import fuzz, process

        keys = [" ".join(sorted(set(self.analyzer.stems(q)))) for q in queries]
        m = process.cdist(keys, self.label_keys, scorer=fuzz.token_set_ratio, workers=-1)
        return (m / 100.0).astype("float32")

    def matched(self, query: str, index: int) -> tuple[str, ...]:
        """The query's words that the candidate also holds; a synonym group shows as '~key'
        when it matched through another word than the shared ones."""
        shared = set(self.analyzer.tokens(query)) & set(self.doc_tokens[index])
        groups = self.analyzer.group_stems
        shared = {
            t for t in shared if not (t.startswith("~") and groups.get(t, frozenset()) & shared)
        }
        surface = self.analyzer.surface(query)
        out = []
        for t in self.analyzer.tokens(query):
            if t in shared:
                word = surface.get(t, t)
                if word not in out:
                    out.append(word)
        return tuple(out)
