"""The evaluation's arithmetic on small cases computed by hand (not what the figures are)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from herstelgraph.curation.suggest.evaluate import (
    best_gold_figures,
    evaluate_curated,
    evaluate_heldout,
    exact_label_scores,
    expected_rank_figures,
    read_heldout,
    tfidf_scores,
)
from herstelgraph.curation.suggest.items import Item

FIX = Path(__file__).resolve().parent / "fixtures" / "suggest"

SMALL = """
PREFIX hg: <https://w3id.org/herstelgraph/def#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX bk: <https://w3id.org/herstelgraph/bk-0597-1/>
PREFIX valente: <https://w3id.org/herstelgraph/valente-2023/>
bk:scheme a skos:ConceptScheme, hg:Framework .
valente:scheme a skos:ConceptScheme, hg:Framework .
bk:a1 a skos:Concept ; skos:inScheme bk:scheme ; skos:prefLabel "Luistert actief"@nl .
bk:a2 a skos:Concept ; skos:inScheme bk:scheme ; skos:prefLabel "Plant eigen werk"@nl .
bk:a3 a skos:Concept ; skos:inScheme bk:scheme ; skos:prefLabel "Werkt samen"@nl .
valente:b1 a skos:Concept ; skos:inScheme valente:scheme ; skos:prefLabel "luistert  ACTIEF"@nl .
valente:b2 a skos:Concept ; skos:inScheme valente:scheme ; skos:prefLabel "Werkt samen"@nl .
valente:b3 a skos:Concept ; skos:inScheme valente:scheme ; skos:prefLabel "Kent de regels"@nl .
"""


def record(subject, predicate, obj, object_source="valente:scheme"):
    from herstelgraph.curation.sssom import MappingRecord

    return MappingRecord(
        "hgm:x", subject, "", predicate, obj, "", "semapv:ManualMappingCuration", "", "",
        "bk:scheme", object_source, "2026-01-01", 0.5, "", "",
    )  # fmt: skip


@pytest.fixture
def small_store(tmp_path):
    from herstelgraph.store.store import Store

    path = tmp_path / "small.ttl"
    path.write_text(SMALL, encoding="utf-8")
    store = Store()
    store.add_file(path)
    return store


def test_expected_rank_over_ties_by_hand():
    # gold (index 1) is beaten by one candidate and tied with one: position 2 or 3
    h1, h5, rr = expected_rank_figures([0.9, 0.5, 0.5, 0.1], 1, set())
    assert (h1, h5) == (0.0, 1.0) and rr == pytest.approx((1 / 2 + 1 / 3) / 2)
    # all tied among 7 (6 others): position 1..7 with equal chance
    h1, h5, rr = expected_rank_figures([0.0] * 7, 3, set())
    assert h1 == pytest.approx(1 / 7) and h5 == pytest.approx(5 / 7)
    assert rr == pytest.approx(sum(1 / p for p in range(1, 8)) / 7)
    # other gold items are left out (filtered rank): index 0 does not count against index 1
    assert expected_rank_figures([0.9, 0.8, 0.1], 1, {0}) == (1.0, 1.0, 1.0)
    assert best_gold_figures([0.2, 0.8, 0.9], {0, 1}) == (0.0, 1.0, 0.5)


def test_baselines_by_hand():
    cands = [Item("b1", "Luistert actief"), Item("b2", "Werkt samen", alt_labels=("Samenwerken",))]
    assert exact_label_scores(["luistert   ACTIEF!", "samenwerken"], cands).tolist() == [
        [1.0, 0.0],
        [0.0, 1.0],
    ]
    m = tfidf_scores(["werkt samen", "iets anders"], cands)
    assert m[0, 1] == pytest.approx(1.0) and m[0, 0] == 0.0 and m[1].max() == 0.0


def test_curated_figures_by_hand(small_store):
    """a1 closeMatch b1 (exact labels); a2 relatedMatch b2 (no label match: three-way tie);
    a3 reviewed as no match in Valente, yet its label equals b2's: a false positive."""
    records = [
        record("bk:a1", "skos:closeMatch", "valente:b1"),
        record("bk:a2", "skos:relatedMatch", "valente:b2"),
        record("bk:a3", "skos:relatedMatch", "sssom:NoTermFound"),
    ]
    ev = evaluate_curated(
        small_store, records, ["exact-label"], pairs=[("bk-0597-1", "valente-2023")]
    )
    ranks = {r.group: r for r in ev.ranks}
    pair = ranks["bk-0597-1 → valente-2023"]
    # a1: rank 1 -> (1, 1, 1); a2: tied with b1, b3 at 0 -> (1/3, 1, (1 + 1/2 + 1/3) / 3)
    assert pair.n == 2
    assert pair.hits_at_1 == pytest.approx(round((1 + 1 / 3) / 2, 3))
    assert pair.hits_at_5 == 1.0
    assert pair.mrr == pytest.approx(round((1 + (1 + 1 / 2 + 1 / 3) / 3) / 2, 3))
    assert ranks["bk-0597-1 → valente-2023 skos:closeMatch"].mrr == 1.0
    assert ranks["skos:relatedMatch"].hits_at_1 == pytest.approx(round(1 / 3, 3))
    (thr,) = [t for t in ev.thresholds if t.group == "bk-0597-1 → valente-2023"]
    # shown at score >= 1: a1->b1 (curated: TP) and a3->b2 (a3 reviewed no-match: FP)
    assert (thr.shown, thr.true_positives, thr.false_positives, thr.unjudged) == (2, 1, 1, 0)
    assert thr.precision == 0.5 and thr.recall == 0.5


def test_unreviewed_pairs_count_for_neither(small_store):
    """Without the no-match record, a3->b2 is unjudged: precision 1, not 0.5."""
    records = [
        record("bk:a1", "skos:closeMatch", "valente:b1"),
        record("bk:a2", "skos:relatedMatch", "valente:b2"),
    ]
    ev = evaluate_curated(
        small_store, records, ["exact-label"], pairs=[("bk-0597-1", "valente-2023")]
    )
    (thr,) = [t for t in ev.thresholds if t.group == "bk-0597-1 → valente-2023"]
    assert (thr.true_positives, thr.false_positives, thr.unjudged) == (1, 0, 1)
    assert thr.precision == 1.0


def test_heldout_figures_and_distractors(small_store, tmp_path):
    path = tmp_path / "h.csv"
    path.write_text(
        "id,framework,outcome,targets\n"
        "o1,valente-2023,Luistert actief,valente:b1\n"
        "o2,valente-2023,Iets heel anders,valente:b3\n"
        "d1,valente-2023,Maakt een jaarbegroting,\n",
        encoding="utf-8",
    )
    outcomes = read_heldout(path)
    assert outcomes[2].targets == ()
    ev = evaluate_heldout(small_store, outcomes, ["exact-label", "lexical"])
    (r,) = [x for x in ev.ranks if x.method == "exact-label" and x.group == "all"]
    # o1: rank 1; o2: three-way tie at 0
    assert r.n == 2 and r.hits_at_1 == pytest.approx(round((1 + 1 / 3) / 2, 3))
    (d,) = ev.distractors
    assert d.method == "lexical" and d.distractors == 1 and d.recognised == 1
    assert d.paraphrases == 2 and d.paraphrases_flagged == 1  # o2 shares no word


def test_evaluate_command_runs_on_a_small_pair(capsys):
    from herstelgraph.cli import main

    code = main(["suggest", "evaluate", "--pair", "bk-0597-1", "randvoorwaarden",
                 "--heldout", str(FIX / "small-heldout.csv"), "--method", "exact-label",
                 "--method", "lexical", "--format", "json"])  # fmt: skip
    report = json.loads(capsys.readouterr().out)
    assert code == 0 and report["machine"]
    groups = {(r["scope"], r["group"], r["method"]) for r in report["ranks"]}
    assert ("curated", "bk-0597-1 → randvoorwaarden", "lexical") in groups
    assert ("held-out", "randvoorwaarden", "lexical") in groups
    for r in report["ranks"]:
        assert 0 <= r["hits_at_1"] <= r["hits_at_5"] <= 1 and 0 <= r["mrr"] <= 1
    (d,) = report["distractors"]
    assert d["distractors"] == 1


def _two(x) -> str:
    from decimal import ROUND_HALF_UP, Decimal

    return str(Decimal(str(x)).quantize(Decimal("0.01"), ROUND_HALF_UP))


def test_readme_figures_are_those_of_the_saved_run():
    """The README's suggestion tables quote benchmarks/results/suggest-eval.json, so a rerun
    of ``make eval`` that moves a figure fails here until the README says it too."""
    root = FIX.parents[2]
    run = json.loads((root / "benchmarks/results/suggest-eval.json").read_text())
    readme = (root / "README.md").read_text(encoding="utf-8")
    rows = {
        tuple(c.strip().strip("*") for c in line.strip("|").split("|")[:4])
        for line in readme.splitlines()
        if line.startswith("| ")
    }
    names = {
        "fused": "fused",
        "lexical": "lexical only",
        "semantic": "semantic only",
        "tfidf": "baseline: plain TF-IDF",
        "exact-label": "baseline: exact normalised label",
    }
    lines = {t["method"]: t["threshold"] for t in run["thresholds"] if t["group"] == "all pairs"}
    for r in run["ranks"]:
        if r["group"] not in ("all", "all pairs"):
            continue
        name = names[r["method"]]
        if r["scope"] == "curated" and r["method"] in ("lexical", "semantic"):
            name += f" ({lines[r['method']]:.2f})"
        elif r["scope"] == "curated" and r["method"] == "fused":
            name += f" (line {lines['fused']:.2f})"
        elif r["scope"] == "curated" and r["method"] == "tfidf":
            name += " (as many shown as fused)"
        want = (name, _two(r["hits_at_1"]), _two(r["hits_at_5"]), _two(r["mrr"]))
        assert want in rows, f"README lacks the {r['scope']} row {want}"
    for d in run["distractors"]:
        cell = f"{d['recognised']} of {d['distractors']} ({_two(d['rate'])})"
        flagged = f"{d['paraphrases_flagged']} of {d['paraphrases']}"
        assert any(
            line.startswith(f"| {names[d['method']]} |") and cell in line and flagged in line
            for line in readme.splitlines()
        ), f"README lacks {d['method']}: {cell}, {flagged}"
