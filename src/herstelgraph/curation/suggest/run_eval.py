"""``herstelgraph suggest evaluate`` / ``make eval``: the figures of ``evaluate`` for every
method and baseline, with the machine they ran on."""

from __future__ import annotations

import os
import platform
import time
from dataclasses import dataclass
from pathlib import Path

from ...model import Record
from .evaluate import (
    DistractorFigures,
    RankFigures,
    ThresholdFigures,
    evaluate_curated,
    evaluate_heldout,
    read_heldout,
    texts_only_store,
)

DEFAULT_HELDOUT = (
    Path(__file__).resolve().parents[4] / "tests/fixtures/suggest/heldout-outcomes.csv"
)


@dataclass(frozen=True)
class EvalReport(Record):
    machine: str
    model: str
    seconds: float
    ranks: tuple[RankFigures, ...]
    thresholds: tuple[ThresholdFigures, ...]
    distractors: tuple[DistractorFigures, ...]
    notes: tuple[str, ...] = ()


def machine() -> str:
    return f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"


def run(pairs=None, heldout=None, curated=True, methods=()) -> EvalReport:
    from .semantic import available, model_version

    t0 = time.perf_counter()
    notes = []
    if not methods:
        methods = ["fused", "lexical", "semantic", "exact-label", "tfidf"]
        if not available():
            methods = ["lexical", "exact-label", "tfidf"]
            notes.append("embedding model not installed: fused and semantic not measured")
    store = texts_only_store()
    ranks, thresholds, distractors = [], [], []
    if curated:
        from ..sssom import all_records

        ev = evaluate_curated(store, all_records(), methods, pairs=pairs)
        ranks += ev.ranks
        thresholds += ev.thresholds
    path = Path(heldout) if heldout else DEFAULT_HELDOUT
    if heldout or path.is_file():
        ev = evaluate_heldout(store, read_heldout(path), methods)
        ranks += ev.ranks
        distractors += ev.distractors
    else:
        notes.append("no held-out outcomes file: held-out figures not measured")
    return EvalReport(
        machine(),
        model_version() if available() else "none",
        round(time.perf_counter() - t0, 1),
        tuple(ranks),
        tuple(thresholds),
        tuple(distractors),
        tuple(notes),
    )
