"""Measuring the suggestions: against the curated mappings and against a held-out set of
learning outcomes, with two baselines.

Ranking figures (Hits@1, Hits@5, MRR) use the rank of a gold item among all candidates of
the target framework. Ties are broken at random, in expectation: a gold item whose score m
other candidates share and g candidates beat sits at g+1 .. g+m+1 with equal chance, so
Hits@k = clip((k - g) / (m + 1), 0, 1) and the reciprocal rank is the mean of 1/position.
(That is what makes the exact-label baseline, which scores almost everything 0, fair.)

* Curated mappings: every item of the first framework of a pair that has curated links is a
  query; each curated link (a, b) is ranked in a's list with a's other gold items left out
  ("filtered" ranks, as in link prediction), and counted per pair and per relation. The
  matcher reads only the frameworks' own texts: the store it gets is built without
  ``mappings.ttl``, so no curated link (of this pair or any other) can inform a score.
* Precision and recall at the threshold, scored as OAEI/semra do: a suggestion shown (top 5,
  score at least the threshold) is a true positive when curated, a false positive only when
  a curated negative (a reviewed "no match", ``sssom:NoTermFound``, of either item toward
  the other framework) says so, and otherwise unjudged: it counts for neither. The
  exact-label baseline shows exact matches (score 1); TF-IDF has no natural line, so on each
  pair it shows as many suggestions as the first method measured (equal budget).
* Held-out outcomes (``tests/fixtures/suggest/heldout-outcomes.csv``): each paraphrase is
  ranked against its target framework; the first acceptable item counts. A distractor (no
  target) is recognised when its best candidate is below the threshold.

Baselines: ``exact-label`` (normalised label equality: case, whitespace and punctuation,
what oaklib's lexmatch does) and ``tfidf`` (plain TF-IDF cosine of lower-cased words over
label and definition; no stemming, stopwords or synonyms).
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ...model import Record
from .fuse import Matcher, Settings, query_text
from .items import Item, framework_items

BASELINES = ("exact-label", "tfidf")
PAIR_ORDER = ("bijlage-ii", "bk-0597-1", "randvoorwaarden", "valente-2023")


@dataclass(frozen=True)
class RankFigures(Record):
    scope: str  # "curated" or "held-out"
    group: str  # a pair, a relation, a framework or "all"
    method: str
    n: int
    hits_at_1: float
    hits_at_5: float
    mrr: float


@dataclass(frozen=True)
class ThresholdFigures(Record):
    scope: str
    group: str
    method: str
    threshold: float | None  # tfidf: per pair, as many shown as the first method (None pooled)
    shown: int
    true_positives: int
    false_positives: int
    unjudged: int
    precision: float | None
    recall: float | None


@dataclass(frozen=True)
class DistractorFigures(Record):
    method: str
    threshold: float
    distractors: int
    recognised: int
    rate: float
    paraphrases_flagged: int  # paraphrases wrongly called "no good match"
    paraphrases: int


@dataclass(frozen=True)
class Evaluation(Record):
    ranks: tuple[RankFigures, ...]
    thresholds: tuple[ThresholdFigures, ...]
    distractors: tuple[DistractorFigures, ...]


# ---------------------------------------------------------------------- rank arithmetic
def expected_rank_figures(scores: Sequence[float], gold: int, others: set[int]) -> tuple:
    """(hits@1, hits@5, reciprocal rank) of candidate ``gold`` in expectation over ties;
    candidates in ``others`` (the other gold items) are left out."""
    s = scores[gold]
    g = m = 0
    for i, x in enumerate(scores):
        if i == gold or i in others:
            continue
        if x > s:
            g += 1
        elif x == s:
            m += 1
    hits = [min(max((k - g) / (m + 1), 0.0), 1.0) for k in (1, 5)]
    rr = sum(1.0 / p for p in range(g + 1, g + m + 2)) / (m + 1)
    return hits[0], hits[1], rr


def best_gold_figures(scores: Sequence[float], golds: set[int]) -> tuple:
    """Figures of the best-scored gold item, the other gold items left out."""
    best = max(golds, key=lambda i: scores[i])
    return expected_rank_figures(scores, best, golds - {best})


def _mean(rows: list[tuple], scope: str, group: str, method: str) -> RankFigures:
    n = len(rows)
    return RankFigures(
        scope,
        group,
        method,
        n,
        round(sum(r[0] for r in rows) / n, 3) if n else 0.0,
        round(sum(r[1] for r in rows) / n, 3) if n else 0.0,
        round(sum(r[2] for r in rows) / n, 3) if n else 0.0,
    )


# -------------------------------------------------------------------------- baselines
_PUNCT = re.compile(r"[^\w\s]")


def _norm_label(text: str) -> str:
    return " ".join(_PUNCT.sub(" ", text.casefold()).split())


def exact_label_scores(queries: Sequence[str], candidates: Sequence[Item]):
    import numpy as np

    labels = [{_norm_label(c.label), *(_norm_label(a) for a in c.alt_labels)} for c in candidates]
    out = np.zeros((len(queries), len(candidates)), dtype="float32")
    for qi, q in enumerate(queries):
        nq = _norm_label(q)
        for ci, ls in enumerate(labels):
            if nq in ls:
                out[qi, ci] = 1.0
    return out


def tfidf_scores(queries: Sequence[str], candidates: Sequence[Item]):
    import math

    import numpy as np

    def toks(t):
        return re.findall(r"\w+", t.lower())

    docs = [toks(c.label + " " + (c.definition or "")) for c in candidates]
    vocab = {t: i for i, t in enumerate(sorted({t for d in docs for t in d}))}
    n = len(docs)
    df = np.zeros(len(vocab))
    for d in docs:
        for t in set(d):
            df[vocab[t]] += 1
    idf = np.log((1 + n) / (1 + df)) + 1  # smooth idf, as scikit-learn

    def vec(tokens):
        v = np.zeros(len(vocab))
        for t in tokens:
            if t in vocab:
                v[vocab[t]] += 1
        v *= idf
        norm = math.sqrt(float(v @ v))
        return v / norm if norm else v

    D = np.array([vec(d) for d in docs]) if docs else np.zeros((0, len(vocab)))
    Q = np.array([vec(toks(q)) for q in queries]) if queries else np.zeros((0, len(vocab)))
    return (Q @ D.T).astype("float32")


# ------------------------------------------------------------------------- scoring
def method_scores(method: str, queries: Sequence[str], matcher: Matcher | None, candidates):
    """The score matrix of one method or baseline."""
    if method == "exact-label":
        return exact_label_scores(queries, candidates)
    if method == "tfidf":
        return tfidf_scores(queries, candidates)
    if matcher is None:
        raise ValueError(f"no matcher for the method {method!r}")
    return matcher.scores(queries).fused


def _matchers(candidates, methods, synonyms=None, items=False) -> dict[str, Matcher]:
    return {
        m: Matcher(candidates, Settings.for_method(m, items), synonyms)
        for m in methods
        if m not in BASELINES
    }


# --------------------------------------------------------------------- held-out set
@dataclass(frozen=True)
class Outcome:
    id: str
    framework: str
    text: str
    targets: tuple[str, ...]  # empty: a distractor


def read_heldout(path: Path) -> tuple[Outcome, ...]:
    with open(path, encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    return tuple(
        Outcome(
            r["id"],
            r["framework"],
            r["outcome"],
            tuple(t.strip() for t in (r.get("targets") or "").split(";") if t.strip()),
        )
        for r in rows
    )


def evaluate_heldout(
    store, outcomes: Sequence[Outcome], methods: Sequence[str], synonyms=None
) -> Evaluation:
    ranks, distractors = [], []
    by_fw: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        by_fw[o.framework].append(o)
    per_method: dict[str, dict[str, list]] = {m: defaultdict(list) for m in methods}
    flags: dict[str, list] = {m: [] for m in methods}
    for fw, group in sorted(by_fw.items()):
        candidates = framework_items(store, fw)
        index = {c.id: i for i, c in enumerate(candidates)}
        matchers = _matchers(candidates, methods, synonyms)
        texts = [o.text for o in group]
        for m in methods:
            scores = method_scores(m, texts, matchers.get(m), candidates)
            settings = Settings.for_method(m) if m not in BASELINES else None
            for o, row in zip(group, scores, strict=True):
                row = [float(x) for x in row]
                if o.targets:
                    golds = {index[t] for t in o.targets if t in index}
                    if golds:
                        fig = best_gold_figures(row, golds)
                        per_method[m][fw].append(fig)
                        per_method[m]["all"].append(fig)
                if settings is not None:  # the line of this outcome (a short one's is higher)
                    flags[m].append((bool(o.targets), max(row) < settings.line_for(o.text)))
    for m in methods:
        for group_name, rows in sorted(per_method[m].items()):
            ranks.append(_mean(rows, "held-out", group_name, m))
        if m not in BASELINES:
            thr = Settings.for_method(m).threshold
            d = [low for is_para, low in flags[m] if not is_para]
            p = [low for is_para, low in flags[m] if is_para]
            distractors.append(
                DistractorFigures(
                    m, thr, len(d), sum(d), round(sum(d) / len(d), 3) if d else 0.0, sum(p), len(p)
                )
            )
    return Evaluation(tuple(ranks), (), tuple(distractors))


# --------------------------------------------------------------------- curated pairs
def evaluate_curated(
    store,
    records,
    methods: Sequence[str],
    pairs: Sequence[tuple[str, str]] | None = None,
    synonyms=None,
    k: int = 5,
) -> Evaluation:
    """Figures against curated records (``curation.sssom.MappingRecord``s).

    ``store`` must hold the frameworks' texts only; the records are used to score, never
    to rank."""
    from ..sssom import NO_TERM, SCHEME_OF

    scheme_fw = {v: k for k, v in SCHEME_OF.items()}
    if pairs is None:
        pairs = [(a, b) for i, a in enumerate(PAIR_ORDER) for b in PAIR_ORDER[i + 1 :]]
    positives: dict[tuple[str, str], str] = {}  # (a, b) -> relation
    negatives: dict[str, set[str]] = defaultdict(set)  # framework -> items reviewed: none there
    for rec in records:
        if rec.object_id == NO_TERM:
            negatives[scheme_fw.get(rec.object_source, "")].add(rec.subject_id)
        else:
            positives[(rec.subject_id, rec.object_id)] = rec.predicate_id
    ranks: list[RankFigures] = []
    thresholds: list[ThresholdFigures] = []
    pooled: dict[str, dict[str, list]] = {m: defaultdict(list) for m in methods}
    pooled_thr: dict[str, list[int]] = {m: [0, 0, 0, 0] for m in methods}
    for a_fw, b_fw in pairs:
        a_items, b_items = framework_items(store, a_fw), framework_items(store, b_fw)
        b_index = {c.id: i for i, c in enumerate(b_items)}
        a_ids = {c.id for c in a_items}
        gold: dict[str, dict[int, str]] = defaultdict(dict)
        n_pos = 0
        for (s, o), rel in positives.items():
            if s in a_ids and o in b_index:
                gold[s][b_index[o]] = rel
                n_pos += 1
            elif o in a_ids and s in b_index:  # recorded the other way round
                gold[o][b_index[s]] = _inverse(rel)
                n_pos += 1
        all_queries = list(a_items)
        matchers = _matchers(b_items, methods, synonyms, items=True)
        budget: int | None = None
        for m in methods:
            texts = [
                a.label
                if m == "exact-label"
                else _baseline_text(a)
                if m == "tfidf"
                else query_text(a)
                for a in all_queries
            ]
            scores = method_scores(m, texts, matchers.get(m), b_items)
            rows_pair: list[tuple] = []
            by_rel: dict[str, list[tuple]] = defaultdict(list)
            for qi, a in enumerate(all_queries):
                row = [float(x) for x in scores[qi]]
                golds = gold.get(a.id, {})
                for bi, rel in golds.items():
                    fig = expected_rank_figures(row, bi, set(golds) - {bi})
                    rows_pair.append(fig)
                    by_rel[rel].append(fig)
                    pooled[m][rel].append(fig)
                    pooled[m]["all"].append(fig)
            ranks.append(_mean(rows_pair, "curated", f"{a_fw} → {b_fw}", m))
            for rel, rows in sorted(by_rel.items()):
                ranks.append(_mean(rows, "curated", f"{a_fw} → {b_fw} {rel}", m))
            top = [
                sorted(range(len(b_items)), key=lambda i: -float(scores[qi][i]))[:k]
                for qi in range(len(all_queries))
            ]
            if m == "exact-label":
                thr = 1.0
            elif m == "tfidf":  # no natural line: as many shown as the first method showed
                shown_scores = sorted(
                    (float(scores[qi][bi]) for qi in range(len(all_queries)) for bi in top[qi]),
                    reverse=True,
                )
                thr = shown_scores[budget - 1] if budget and shown_scores else 1.0
            else:
                thr = Settings.for_method(m, True).threshold
            shown = tp = fp = 0
            for qi, a in enumerate(all_queries):
                row = scores[qi]
                for bi in top[qi]:
                    if float(row[bi]) < thr:
                        continue
                    shown += 1
                    b = b_items[bi]
                    if bi in gold.get(a.id, {}):
                        tp += 1
                    elif a.id in negatives[b_fw] or b.id in negatives[a_fw]:
                        fp += 1
            if budget is None and m not in BASELINES:
                budget = shown
            thresholds.append(
                _thr("curated", f"{a_fw} → {b_fw}", m, round(thr, 4), shown, tp, fp, n_pos)
            )
            for i, x in enumerate((shown, tp, fp, n_pos)):
                pooled_thr[m][i] += x
    for m in methods:
        for rel, rows in sorted(pooled[m].items()):
            ranks.append(_mean(rows, "curated", rel if rel != "all" else "all pairs", m))
        shown, tp, fp, n_pos = pooled_thr[m]
        line = {"exact-label": 1.0, "tfidf": None}.get(m, None)
        if m not in BASELINES:
            line = Settings.for_method(m, True).threshold
        thresholds.append(_thr("curated", "all pairs", m, line, shown, tp, fp, n_pos))
    return Evaluation(tuple(ranks), tuple(thresholds), ())


def _thr(scope, group, method, thr, shown, tp, fp, n_pos) -> ThresholdFigures:
    return ThresholdFigures(
        scope,
        group,
        method,
        thr,
        shown,
        tp,
        fp,
        shown - tp - fp,
        round(tp / (tp + fp), 3) if tp + fp else None,
        round(tp / n_pos, 3) if n_pos else None,
    )


def _inverse(rel: str) -> str:
    from ...vocab import INVERSE

    return INVERSE.get(rel, rel)


def _baseline_text(item: Item) -> str:
    return item.label + " " + (item.definition or "")


def texts_only_store():
    """The shipped frameworks without any mapping: what the matcher may see."""
    from ...resources import graph_files
    from ...store.build import load

    return load(files=[p for p in graph_files() if p.name != "mappings.ttl"], closure=False)
