"""The fusion of the evidence into one score, the "no good match" line and the relation.

For a query q and a candidate c (all parts in 0..1):

    semantic(q, c) = clip((cos(q, c) - COS_FLOOR) / (COS_CEIL - COS_FLOOR), 0, 1)
        cos: e5 cosine of q (query side) and c (passage side; with an English translation
        in the store, the higher of the Dutch and the English cosine)
    fused(q, c)    = W_SEMANTIC * semantic + W_BM25 * bm25 + W_FUZZY * fuzzy

The raw e5 cosine lives in a narrow band (about 0.75-0.95 on these texts), so it is stretched
between COS_FLOOR and COS_CEIL first; bm25 and fuzzy are described in ``lexical``. Without
the embedding model (``method="lexical"``) the score is ``0.75 * bm25 + 0.25 * fuzzy``.

A query whose best candidate scores below ``Settings.threshold`` gets "no good match": its
candidates are still listed, flagged ``good=False``. A short learning outcome (at most
``SHORT_WORDS`` words that are not stopwords: "Bedient een heftruck veilig") is held to the
higher ``Settings.short_line``: on a few words a distractor reaches the ordinary line through
one shared word or the model's pull towards short texts (the line was set between the short
distractors and the short paraphrases of the held-out set, README "Suggestions"). The
relation proposed for a candidate:

* ``skos:closeMatch`` when the score is at least ``Settings.close`` and the levels agree:
  both items have the same granularity (competence, activity, knowledge, statement) and,
  when both say, apply at the same level (each professional, team, organisation); a
  learning outcome or a user's item without a type agrees with any level;
* ``skos:relatedMatch`` otherwise.

Candidates are suggestions: they are never written as curated mappings. The weights and
thresholds were set on the held-out outcomes in ``tests/fixtures/suggest/`` and checked on
the curated mappings (README, "Suggestions").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ...model import Record
from .items import Item

if TYPE_CHECKING:  # numpy is imported where the matrices are computed
    import numpy as np

COS_FLOOR = 0.80
COS_CEIL = 0.95
W_SEMANTIC = 0.6
W_BM25 = 0.3
W_FUZZY = 0.1
METHODS = ("fused", "lexical", "semantic")
#: item-against-item lines (pair mode and a user's items)
PAIR_THRESHOLD = {"fused": 0.40, "lexical": 0.22, "semantic": 0.55}
PAIR_CLOSE = {"fused": 0.55, "lexical": 0.50, "semantic": 0.75}
#: a query of at most this many words (stopwords aside) is held to ``Settings.short_line``
SHORT_WORDS = 3
#: the line of a short learning outcome, per method; semantic alone has none: on the
#: held-out set its short distractors and short paraphrases overlap (README, "How good")
SHORT_LINE = {"fused": 0.35, "lexical": 0.30}


@dataclass(frozen=True)
class Settings:
    """How candidates are scored, thresholded and related."""

    method: str = "fused"
    w_semantic: float = W_SEMANTIC
    w_bm25: float = W_BM25
    w_fuzzy: float = W_FUZZY
    cos_floor: float = COS_FLOOR
    cos_ceil: float = COS_CEIL
    threshold: float = 0.27  # best candidate below this: "no good match"
    close: float = 0.60  # at least this (and levels agree): skos:closeMatch
    short_line: float | None = SHORT_LINE["fused"]  # the line of a short query (None: none)

    def line_for(self, text: str) -> float:
        """The "no good match" line of one query: ``short_line`` for a short one."""
        if self.short_line is None:
            return self.threshold
        from .text import stopwords, words

        content = [w for w in words(text) if w not in stopwords()]
        return (
            max(self.threshold, self.short_line)
            if len(content) <= SHORT_WORDS
            else (self.threshold)
        )

    @classmethod
    def for_method(cls, method: str, items: bool = False) -> Settings:
        """The tuned settings of a method. ``items``: framework items as queries (pair
        mode); their texts are longer than a learning outcome's, so scores run higher and
        the lines sit higher (set on the curated pairs, README)."""
        from ...errors import InputError

        if method not in METHODS:
            raise InputError(f"unknown method {method!r}; use one of {', '.join(METHODS)}")
        if method == "lexical":
            s = cls(method, 0.0, 0.75, 0.25, threshold=0.22, close=0.55)
        elif method == "semantic":
            s = cls(method, 1.0, 0.0, 0.0, threshold=0.34, close=0.75)
        else:
            s = cls(method)
        s = replace(s, short_line=SHORT_LINE.get(method))
        if items:  # an item's text is long; the short line is a learning outcome's
            s = replace(
                s, threshold=PAIR_THRESHOLD[method], close=PAIR_CLOSE[method], short_line=None
            )
        return s

    @property
    def justification(self) -> str:
        return {
            "lexical": "semapv:LexicalMatching",
            "semantic": "semapv:SemanticSimilarityThresholdMatching",
        }.get(self.method, "semapv:CompositeMatching")

    @property
    def measure(self) -> str:
        return {
            "lexical": "herstelgraph:bm25-fuzzy (0.75 BM25/IDF-sum + 0.25 token-set ratio)",
            "semantic": "cosine (multilingual-e5-small), rescaled "
            f"{self.cos_floor}-{self.cos_ceil}",
        }.get(
            self.method,
            f"herstelgraph:fused ({self.w_semantic} e5 cosine rescaled {self.cos_floor}-"
            f"{self.cos_ceil} + {self.w_bm25} BM25/IDF-sum + {self.w_fuzzy} token-set ratio)",
        )


@dataclass(frozen=True)
class Candidate(Record):
    """One suggested target for one source text (never a curated mapping)."""

    source_id: str
    source_label: str
    rank: int
    target_id: str
    target_label: str
    target_framework: str
    score: float
    semantic: float | None
    bm25: float
    fuzzy: float
    relation: str
    good: bool  # False: the source's best candidate is below the threshold
    matched: tuple[str, ...] = ()
    justification: str = "semapv:CompositeMatching"
    source_row: int | None = None


@dataclass(frozen=True)
class Scores:
    """Score matrices, queries x candidates (numpy arrays)."""

    fused: np.ndarray
    semantic: np.ndarray | None
    bm25: np.ndarray
    fuzzy: np.ndarray
    cosine: np.ndarray | None = None  # the raw e5 cosine


def levels_agree(source: Item, target: Item) -> bool:
    if source.level is None or target.level is None:
        return True
    if source.level != target.level:
        return False
    return (
        source.applies_at is None
        or target.applies_at is None
        or (source.applies_at == target.applies_at)
    )


def relation(score: float, source: Item, target: Item, settings: Settings) -> str:
    if score >= settings.close and levels_agree(source, target):
        return "skos:closeMatch"
    return "skos:relatedMatch"


def with_threshold(settings: Settings, threshold: float | None) -> Settings:
    """A line the user chose is the line of every query, short or not."""
    if threshold is None:
        return settings
    return replace(settings, threshold=threshold, short_line=None)


class Matcher:
    """Scores queries against one fixed set of candidates (index and embeddings built once)."""

    def __init__(self, candidates: Sequence[Item], settings: Settings | None = None, synonyms=None):
        from .lexical import LexicalIndex
        from .text import Analyzer

        self.candidates = tuple(candidates)
        self.settings = settings or Settings()
        self.analyzer = Analyzer((c.document() for c in self.candidates), synonyms)
        self.index = LexicalIndex(
            [c.document() for c in self.candidates],
            [c.label for c in self.candidates],
            self.analyzer,
        )
        self._passages = None

    def _passage_vectors(self):
        if self._passages is None:
            import numpy as np

            from .semantic import embed

            nl = embed([c.passage() for c in self.candidates], "passage")
            en_idx = [i for i, c in enumerate(self.candidates) if c.english()]
            en = None
            if en_idx:
                en = np.zeros_like(nl)
                en[en_idx] = embed([self.candidates[i].english() for i in en_idx], "passage")
            self._passages = (nl, en, en_idx)
        return self._passages

    def scores(self, queries: Sequence[str]) -> Scores:
        import numpy as np

        s = self.settings
        bm25 = self.index.bm25_matrix(queries)
        fuzzy = self.index.fuzzy_matrix(queries)
        semantic = cos = None
        fused = s.w_bm25 * bm25 + s.w_fuzzy * fuzzy
        if s.w_semantic > 0:
            from .semantic import embed

            q = embed(list(queries), "query")
            nl, en, en_idx = self._passage_vectors()
            cos = q @ nl.T
            if en is not None:
                cos[:, en_idx] = np.maximum(cos[:, en_idx], q @ en[en_idx].T)
            semantic = np.clip((cos - s.cos_floor) / (s.cos_ceil - s.cos_floor), 0.0, 1.0)
            fused = fused + s.w_semantic * semantic
        return Scores(fused.astype("float32"), semantic, bm25, fuzzy, cos)

    def rank(self, sources: Sequence[Item], k: int = 5, texts: Sequence[str] | None = None):
        """The top k candidates of each source, best first (a tuple per source)."""
        import numpy as np

        texts = list(texts) if texts is not None else [query_text(i) for i in sources]
        sc = self.scores(texts)
        s = self.settings
        out = []
        for qi, source in enumerate(sources):
            row = sc.fused[qi]
            top = np.argsort(-row, kind="stable")[:k]
            line = s.line_for(texts[qi])
            good = bool(len(top) and row[top[0]] >= line)
            cands = []
            for r, ci in enumerate(top, 1):
                target = self.candidates[ci]
                score = float(row[ci])
                cands.append(
                    Candidate(
                        source_id=source.id,
                        source_label=source.label,
                        rank=r,
                        target_id=target.id,
                        target_label=target.label,
                        target_framework=target.framework,
                        score=round(score, 4),
                        semantic=None
                        if sc.semantic is None
                        else round(float(sc.semantic[qi, ci]), 4),
                        bm25=round(float(sc.bm25[qi, ci]), 4),
                        fuzzy=round(float(sc.fuzzy[qi, ci]), 4),
                        relation=relation(score, source, target, s),
                        good=good and score >= line,
                        matched=self.index.matched(texts[qi], int(ci)),
                        justification=s.justification,
                        source_row=source.row,
                    )
                )
            out.append(tuple(cands))
        return tuple(out)


def query_text(item: Item) -> str:
    """What a source is matched by: a learning outcome's text; an item's label, definition
    and parents (as its passage)."""
    return item.passage() if item.framework else item.label
