"""The query library: every shipped .rq parses, and carries the header the CLI and the
docs rely on (Question, Parameters, Entailment, Example)."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest

from herstelgraph.store import queries
from herstelgraph.store.endpoint import with_prefixes
from herstelgraph.vocab import PREFIXES

from conftest import ROOT

FILES = sorted((ROOT / "queries").glob("*.rq"))


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_query_parses_and_has_a_header(path):
    text = path.read_text(encoding="utf-8")
    head = [line for line in text.splitlines()[:6] if line.startswith("#")]
    for key in ("Question", "Parameters", "Entailment", "Example"):
        assert any(re.match(rf"#\s*{key}:\s*\S", line) for line in head), f"{path.name}: {key}"
    spec = queries.parse(text, path.stem, str(path))
    assert spec.question.endswith("?") or spec.question.endswith(".")
    assert spec.example.startswith("herstelgraph")
    # Parses with Oxigraph, with the project prefixes as given and as sent to an endpoint.
    ox.Store().query(text, prefixes=PREFIXES)
    ox.Store().query(with_prefixes(text))
    # Declared parameters occur in the text; nothing is formatted into it.
    for p in spec.parameters:
        assert f"?{p.name}" in text, f"{path.name}: parameter ?{p.name} unused"
    assert "{" not in spec.question and "%s" not in text


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_entailment_is_declared_where_the_closure_is_used(path):
    spec = queries.get(path.stem)
    closure_terms = (
        "mappingRelation", "broaderTransitive", "narrowerTransitive", "mappedInto", "Tally",
        "hg:mappedCount", "RequirementItem", "mappedViaExampleInto", "viaExampleCount",
    )  # fmt: skip
    uses = any(t in spec.text.split("\nSELECT", 1)[-1] for t in closure_terms)
    if uses:
        assert spec.entailment, f"{path.name} uses the closure: say '# Entailment: skos-closure'"


DERIVED = sorted((ROOT / "queries" / "derived").glob("*.ru"))


def test_every_derived_update_is_run_and_every_one_run_is_shipped():
    from herstelgraph.store.tallies import DERIVED as RUN

    assert sorted(RUN) == [p.stem for p in DERIVED]


@pytest.mark.parametrize("path", DERIVED, ids=lambda p: p.stem)
def test_derived_update_has_a_header_and_parses(path):
    text = path.read_text(encoding="utf-8")
    head = [line for line in text.splitlines()[:6] if line.startswith("#")]
    for key in ("Derives", "Read by", "Reads", "Why"):
        assert any(line.startswith(f"# {key}: ") for line in head), f"{path.name}: {key}"
    # every question named as a reader exists, and reads what this file derives
    derived = re.search(r"hg:(\w+Tally)", text).group(1)
    readers = re.search(r"# Read by: (.*)", text).group(1).split(", ")
    for name in readers:
        assert derived in (ROOT / "queries" / name).read_text(encoding="utf-8"), name
    store = ox.Store()
    store.update(text)  # parses, and runs on an empty store
    assert len(store) == 0


def test_no_unbounded_paths_over_mappings():
    """Anchors: + and * paths over mappings never finish at 50x; chains are bounded joins."""
    for path in FILES:
        body = "\n".join(
            line for line in path.read_text().splitlines() if not line.lstrip().startswith("#")
        )
        assert not re.search(r"(Match|mappingRelation)\)?[+*]", body), path.name
        assert "MINUS" not in body, path.name
