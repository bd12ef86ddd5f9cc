"""Tallies: counts the summary questions need, derived once per graph and cached.

frameworks, overview and coverage each aggregate over every concept or every mapping; in
Oxigraph an aggregate costs 5-15 µs per joined row, so at 50x (15k concepts, 30k mappings)
they took 0.1-0.8 s on every call. The same aggregates, as SPARQL updates in
``queries/derived/*.ru``, now run once after the SKOS closure and write small hg:*Tally
records into the INFERRED graph; the closure cache (content hash of every input) keeps them,
so a changed or added file recomputes them and nothing stale is served. The questions read
the records (docs/performance.md). The update files are the definitions: each is the query
the question used to run, wrapped in an INSERT.
"""

from __future__ import annotations

from functools import cache

from ..resources import data_dir
from .store import INFERRED, Store

#: Bump when a derived query changes: it is part of the closure cache key.
#: 3: requirement items only (hg:RequirementItem), hg:viaExampleCount; 4: concept tallies leave
#: deprecated items out
TALLIES_VERSION = 4

#: In this order: coverage reads the closure, which ``add_closure`` has written before.
DERIVED = ("concept-tallies", "mapping-tallies", "coverage-tallies")


@cache
def derived_update(name: str) -> str:
    """The text of one ``queries/derived/NAME.ru`` update."""
    return (data_dir("queries") / "derived" / f"{name}.ru").read_text(encoding="utf-8")


def add_tallies(store: Store) -> None:
    """Run every derived update on the store (after ``reasoning.add_closure``)."""
    for name in DERIVED:
        store.ox.update(derived_update(name))


def aggregate_query(name: str) -> tuple[str, bool]:
    """The aggregate a derived update materialises, as a plain SELECT, and whether it needs
    the closure: what a question would run without tallies (the benchmark's baseline, and
    the tests that hold each tally to its live count)."""
    import re

    text = derived_update(name)
    prefixes = "".join(re.findall(r"^PREFIX[^\n]*\n", text, re.MULTILINE))
    select = re.search(r"^\s*SELECT\b.*?^\s*GROUP BY[^\n]*", text, re.DOTALL | re.MULTILINE)
    if select is None:
        raise ValueError(f"queries/derived/{name}.ru has no SELECT … GROUP BY to run")
    using = re.findall(r"^USING <([^>]+)>", text, re.MULTILINE)
    return prefixes + select.group(0).strip() + "\n", INFERRED.value in using
