"""The golden answers: each alignment question's answer on the shipped graph, as JSON data.

``tests/test_alignment.py`` compares them with ``tests/golden/*.json``; ``make goldens``
(``tools/dev.py goldens``) rewrites those files, failing on any error, for a review of the
diff. Nothing here swallows an error: a question that cannot answer fails the run.
"""

from __future__ import annotations

import json
from pathlib import Path

from herstelgraph.cli.render import to_json
from herstelgraph.questions import alignment as al

GOLDEN = Path(__file__).resolve().parent / "golden"


def golden_answers(store) -> dict[str, object]:
    """Each question's answer on the shipped graph, as JSON-ready data."""
    pairs = [("bk-0597-1", "valente-2023"), ("valente-2023", "bijlage-ii")]
    answers = {
        "coverage": al.coverage(store),
        "hubs": al.hubs(store),
        "search-clientperspectief": al.search(store, "clientperspectief"),
        "search-herstel": al.search(store, "herstel", limit=20),
        "chain-bk-valente-bijlage": al.chain(store, "bk-0597-1", "valente-2023", "bijlage-ii"),
        "chain-bijlage-valente-bk": al.chain(store, "bijlage-ii", "valente-2023", "bk-0597-1"),
        # the role profiles the sources define (ontology/roles.ttl), from a fresh install
        "compare-roles": al.compare_roles(store),
    }
    for a, b in pairs:
        answers[f"crosswalk-{a}-{b}"] = al.crosswalk(store, a, b)
        answers[f"gaps-{a}-{b}"] = al.gaps(store, a, b)
    first = al.crosswalk(store, *pairs[0])[0]  # an empty crosswalk fails here, loudly
    answers["mappings-of"] = al.mappings_of(store, first.a_item)
    answers["explain"] = al.explain(store, first.a_item, first.b_item)
    return {k: json.loads(to_json(v)) for k, v in answers.items()}


def write_goldens(store) -> list[str]:
    """Rewrite every golden file (and remove stale ones); returns the names written."""
    from herstelgraph.io.atomic import write_text

    answers = golden_answers(store)
    for stale in set(p.stem for p in GOLDEN.glob("*.json")) - set(answers):
        (GOLDEN / f"{stale}.json").unlink()
    for name, data in answers.items():
        text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        write_text(GOLDEN / f"{name}.json", text)
    return sorted(answers)
