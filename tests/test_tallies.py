"""Tallies: frameworks, overview and coverage read counts derived at load time; every one
must equal the count made live, from the triples or from another question, and follow a
changed input (queries/derived/*.ru, tallies.py)."""

from __future__ import annotations

import re
from collections import Counter

import pyoxigraph as ox
import pytest

from herstelgraph.questions import alignment as al
from herstelgraph.questions import catalogue as cat
from herstelgraph.store import ASSERTED, USER, load
from herstelgraph.store.tallies import DERIVED, aggregate_query, derived_update
from herstelgraph.vocab import PREFIXES

SKOS = PREFIXES["skos"]
HG = PREFIXES["hg"]
RELATIONS = ("exactMatch", "closeMatch", "broadMatch", "narrowMatch", "relatedMatch")


@pytest.fixture(scope="module")
def store():
    return load()


def asserted(store, predicate: str | None = None):
    p = ox.NamedNode(predicate) if predicate else None
    for graph in (ASSERTED, USER):
        yield from store.ox.quads_for_pattern(None, p, None, graph)


def scheme_of(store) -> dict[str, str]:
    return {q.subject.value: q.object.value for q in asserted(store, SKOS + "inScheme")}


def types_of(store) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for q in asserted(store, PREFIXES["rdf"] + "type"):
        out.setdefault(q.subject.value, set()).add(q.object.value)
    return out


def test_framework_concept_counts_equal_the_triples(store):
    schemes, types = scheme_of(store), types_of(store)
    counted = Counter(
        schemes[c] for c in schemes if SKOS + "Concept" in types.get(c, ()) and c in schemes
    )
    got = {f.iri: f.concepts for f in cat.frameworks(store)}
    assert got == {iri: counted.get(iri, 0) for iri in got}
    assert all(n > 0 for n in got.values())


def test_concepts_per_type_equal_the_triples(store):
    schemes, types = scheme_of(store), types_of(store)
    frameworks = {f.iri for f in cat.frameworks(store)}
    counted = Counter(
        (cat.framework_id(schemes[c]), t.removeprefix(HG))
        for c in schemes
        if schemes[c] in frameworks
        for t in types.get(c, ())
        if t.startswith(HG) and t != HG + "Item"
    )
    got = {(t.framework, t.type): t.concepts for t in cat.overview(store).types}
    assert got == dict(counted)


def test_mapping_pairs_equal_the_curated_triples(store):
    schemes = scheme_of(store)
    counted: Counter = Counter()
    for rel in RELATIONS:
        for q in asserted(store, SKOS + rel):
            s, o = schemes.get(q.subject.value), schemes.get(q.object.value)
            if s and o:
                counted[(cat.framework_id(s), cat.framework_id(o), f"skos:{rel}")] += 1
    got = {
        (p.subject_framework, p.object_framework, p.relation): p.mappings
        for p in cat.overview(store).pairs
    }
    assert got == dict(counted) and sum(got.values()) > 100


def test_coverage_equals_the_live_gaps_question(store):
    """mapped = items - gaps, no_match = gaps reviewed with no match: gaps runs live."""
    rows = [r for r in al.coverage(store) if r.scope == "framework"]
    assert len(rows) >= 12
    for r in rows:
        gaps = al.gaps(store, r.a, r.b)
        assert r.mapped == r.items - len(gaps), (r.a, r.b)
        assert r.no_match == sum(g.status == "no-match" for g in gaps), (r.a, r.b)


def test_coverage_sections_add_up_to_the_framework_row(store):
    rows = al.coverage(store, "bk-0597-1", "valente-2023")
    total = next(r for r in rows if r.scope == "framework")
    sections = [r for r in rows if r.scope == "section"]
    assert len(sections) > 1 and all(r.section_label for r in sections if r.section)
    for field in ("items", "mapped", "no_match"):
        assert sum(getattr(r, field) for r in sections) == getattr(total, field)


def test_a_mapping_added_by_the_user_is_counted(store, tmp_path):
    """The tallies live in the closure cache, keyed by every input's bytes: a new user file
    gives new counts, never the shipped ones."""
    gap = al.gaps(store, "bk-0597-1", "valente-2023")[0]
    target = cat.concepts(store, "valente-2023")[0]
    extra = tmp_path / "one-more-mapping.ttl"
    extra.write_text(
        f"<{cat.resolve(store, gap.item).value}> <{SKOS}closeMatch> <{target.iri}> .\n",
        encoding="utf-8",
    )
    grown = load(extra=[extra])

    def mapped(s):
        rows = al.coverage(s, "bk-0597-1", "valente-2023")
        return next(r.mapped for r in rows if r.scope == "framework")

    def pairs(s):
        return {
            (p.subject_framework, p.object_framework, p.relation): p.mappings
            for p in cat.overview(s).pairs
        }

    assert mapped(grown) == mapped(store) + 1
    key = ("bk-0597-1", "valente-2023", "skos:closeMatch")
    assert pairs(grown)[key] == pairs(store).get(key, 0) + 1
    assert mapped(load()) == mapped(store)  # the shipped answer is unchanged


@pytest.mark.parametrize("name", DERIVED)
def test_each_tally_equals_its_aggregate_run_live(store, name):
    query, entailment = aggregate_query(name)
    live = store.select(query, entailment=entailment)
    count_var = query.split(" AS ?", 1)[1].split(")", 1)[0]
    kind = re.search(r"hg:(\w+Tally)", derived_update(name)).group(1)
    read = store.select(
        "SELECT ?n WHERE { ?t a ?kind ; hg:count ?n }",
        {"kind": ox.NamedNode(HG + kind)},
        entailment=True,
    )
    assert len(live) == len(read) > 0
    assert Counter(int(r[count_var].value) for r in live) == Counter(
        int(r["n"].value) for r in read
    )


def test_questions_that_read_only_tallies_search_the_inferred_graph_alone():
    from herstelgraph.model import Entailment
    from herstelgraph.store import INFERRED, graphs_for, queries

    for name in ("coverage", "concept-types", "mapping-pairs"):
        assert queries.get(name).entailment is Entailment.TALLIES, name
    assert graphs_for(Entailment.TALLIES) == [INFERRED]
    assert queries.get("frameworks").entailment is Entailment.CLOSURE  # titles are asserted


# The loader computes the tallies in Python (tallies.add_tallies, decision 35); the .ru
# updates are their definitions. Data that reaches each corner of the updates' semantics:
# a blank top concept (COALESCE of STR), a scheme given as a literal, a literal rdf:type, a
# requirement item and a mapping into a scheme asserted instead of derived, no-match
# records with and without a mapping, a framework with no items.
CORNERS = """\
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix hg: <https://w3id.org/herstelgraph/def#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix sssom: <https://w3id.org/sssom/> .
@prefix x: <https://example.org/x/> .
x:A a hg:Framework, skos:ConceptScheme ; skos:hasTopConcept x:a1, _:top .
x:B a hg:Framework, skos:ConceptScheme ; skos:hasTopConcept x:b1 .
x:C a hg:Framework, skos:ConceptScheme .
x:a1 a skos:Concept, hg:Item, "https://w3id.org/herstelgraph/def#Odd" ; skos:inScheme x:A .
x:a2 a skos:Concept, hg:Item ; skos:inScheme x:A ; skos:broader x:a1 ; skos:closeMatch x:b2 .
_:top a skos:Concept ; skos:inScheme x:A .
x:a3 a skos:Concept ; skos:inScheme x:A, x:B ; skos:broader _:top ; skos:exactMatch x:b2 .
x:a4 a skos:Concept, hg:RequirementItem ; skos:inScheme x:A ; hg:mappedInto x:B, x:A .
x:a5 a skos:Concept ; skos:inScheme x:A ; skos:broader x:a1 ; skos:narrowMatch x:b3 .
x:b1 a skos:Concept ; skos:inScheme x:B .
x:b2 a skos:Concept ; skos:inScheme x:B, "B" ; skos:broader x:b1 ; skos:relatedMatch x:a1 .
x:b3 a skos:Concept, hg:Item ; skos:inScheme x:B ; hg:isExample true ; skos:broader x:b1 .
x:b4 a skos:Concept ; skos:inScheme x:B ; owl:deprecated true .
[] owl:annotatedSource x:a1 ; owl:annotatedTarget sssom:NoTermFound ; sssom:object_source x:B .
[] owl:annotatedSource x:a2 ; owl:annotatedTarget sssom:NoTermFound ; sssom:object_source x:B, x:A .
[] owl:annotatedSource x:b1 ; owl:annotatedTarget sssom:NoTermFound ; sssom:object_source x:A, x:C .
"""


def _derived(extra) -> list[set[str]]:
    """The INFERRED graph with the tallies of ``run_derived`` and of ``add_tallies`` (given
    what the closure derived, as the loader gives it, and not), each on a copy of the same
    closure (blank nodes keep their labels)."""
    from herstelgraph.store import INFERRED, Store
    from herstelgraph.store.closure import materialise
    from herstelgraph.store.tallies import add_tallies, run_derived

    built = load(extra=extra, closure=False)
    derived = materialise(built)
    out = []
    for compute in (run_derived, lambda s: add_tallies(s, derived), add_tallies):
        copy = Store(ox.Store())
        copy.ox.extend(built.ox.quads_for_pattern(None, None, None, None))
        compute(copy)
        out.append({str(q) for q in copy.ox.quads_for_pattern(None, None, None, INFERRED)})
    return out


def test_the_tallies_computed_in_python_are_the_derived_updates(store, tmp_path):
    """Every triple the .ru updates derive, and no other: on the shipped graph, and with user
    data on the corners above plus shipped triples repeated in the user graph (a triple two
    graphs hold matches twice in Oxigraph's join, and COUNT(*) counts both)."""
    sparql, *python = _derived([])
    assert python == [sparql, sparql]
    mapping = next(asserted(store, SKOS + "closeMatch"))
    again = [mapping, *store.ox.quads_for_pattern(mapping.subject, None, None, ASSERTED)]
    repeated = "".join(f"{q.subject} {q.predicate} {q.object} .\n" for q in again)
    extra = tmp_path / "corners.ttl"
    extra.write_text(CORNERS + repeated, encoding="utf-8")
    sparql, *python = _derived([extra])
    assert python == [sparql, sparql]
    assert sum("tally/coverage/" in t and "example.org/x/C" in t for t in sparql) > 0
