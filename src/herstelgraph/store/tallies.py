"""Tallies: counts the summary questions need, derived once per graph and cached.

frameworks, overview and coverage each aggregate over every concept or every mapping; in
Oxigraph an aggregate costs 5-15 µs per joined row, so at 50x (15k concepts, 30k mappings)
they took 0.1-0.8 s on every call. The same aggregates are derived once, after the SKOS
closure, as small hg:*Tally records in the INFERRED graph; the closure cache (content hash of
every input) keeps them, so a changed or added file recomputes them and nothing stale is
served. The questions read the records (docs/performance.md, decision 8).

The definitions are the SPARQL updates in ``queries/derived/*.ru``: each is the query the
question used to run, wrapped in an INSERT (``run_derived`` runs them). The loader computes
the coverage and mapping records in Python (``add_tallies``: dictionary joins over what the
closure read and derived, ~0.7 s at 50x with ``--data`` where the updates took 2.5-3 s, the
coverage tally's four OPTIONALs per item x framework most of it; decision 35);
``tests/test_tallies.py`` holds them to the updates' triples.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache

import pyoxigraph as ox

from ..resources import data_dir
from ..vocab import HG, NO_TERM, PREFIXES, RDF_TYPE, SKOS, SSSOM, XSD
from .closure import Derived, Triples, term, texts
from .store import ASSERTED, INFERRED, USER, Store

#: Bump when a derived query changes: it is part of the closure cache key.
#: 3: requirement items only (hg:RequirementItem), hg:viaExampleCount; 4: concept tallies leave
#: deprecated items out
TALLIES_VERSION = 4

#: In this order: coverage reads the closure, which ``add_closure`` has written before.
DERIVED = ("concept-tallies", "mapping-tallies", "coverage-tallies")

_TALLY = "https://w3id.org/herstelgraph/tally/"
_TYPE = ox.NamedNode(RDF_TYPE)
_IN_SCHEME = ox.NamedNode(SKOS + "inScheme")
_TOP = ox.NamedNode(SKOS + "hasTopConcept")
_BROADER_T = ox.NamedNode(SKOS + "broaderTransitive")
_FRAMEWORK = ox.NamedNode(HG + "Framework")
_REQUIREMENT_ITEM = ox.NamedNode(HG + "RequirementItem")
_MAPPED_INTO = ox.NamedNode(HG + "mappedInto")
_VIA_EXAMPLE = ox.NamedNode(HG + "mappedViaExampleInto")
_TARGET = ox.NamedNode(PREFIXES["owl"] + "annotatedTarget")
_SOURCE = ox.NamedNode(PREFIXES["owl"] + "annotatedSource")
_OBJECT_SOURCE = ox.NamedNode(SSSOM + "object_source")
_NO_TERM = ox.NamedNode(NO_TERM)
_RELATIONS = [
    ox.NamedNode(SKOS + n)
    for n in ("exactMatch", "closeMatch", "broadMatch", "narrowMatch", "relatedMatch")
]
_H = {
    name: ox.NamedNode(HG + name)
    for name in (
        "MappingTally", "CoverageTally", "framework", "otherFramework", "relation",
        "section", "count", "mappedCount", "viaExampleCount", "noMatchCount",
    )
}  # fmt: skip


@cache
def derived_update(name: str) -> str:
    """The text of one ``queries/derived/NAME.ru`` update."""
    return (data_dir("queries") / "derived" / f"{name}.ru").read_text(encoding="utf-8")


def run_derived(store: Store) -> None:
    """Run every derived update on the store (after the closure): the definitions, which
    ``add_tallies`` computes the same records as."""
    for name in DERIVED:
        store.ox.update(derived_update(name))


def add_tallies(store: Store, derived: Derived | None = None) -> None:
    """Write every tally record into INFERRED (after the closure), as ``run_derived`` would.
    ``derived``: what ``closure.materialise`` returned, so that it is not read back."""
    raw = store.ox
    # the concept counts stay an update: 0.17 s at 50x, where reading each concept's types
    # into Python took 0.26 s
    raw.update(derived_update("concept-tallies"))
    out = Triples(raw)
    _mapping_tallies(raw, out, derived)
    _coverage_tallies(raw, out, derived)
    out.write()


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


# ---------------------------------------------------------------- the updates, in Python
# Each follows its .ru as Oxigraph evaluates it: the default graph is the graphs the update
# names with USING, and a triple held by two of them matches twice (what COUNT(*) sees);
# STR of a blank node is an error, so a tally whose IRI would need one is not written, and
# COALESCE turns a blank top concept into "".

_TWO = (ASSERTED, USER)
_THREE = (ASSERTED, USER, INFERRED)


def _str(term: object) -> str | None:
    """SPARQL's STR: an IRI's or a literal's text; None (an error) for anything else."""
    return term.value if isinstance(term, ox.NamedNode | ox.Literal) else None


def _iri(kind: str, *parts: str) -> str:
    """The tally's IRI (as N-Triples), as the update's ``IRI(CONCAT(…, MD5(CONCAT(…))))``."""
    digest = hashlib.md5(" ".join(parts).encode(), usedforsecurity=False).hexdigest()
    return f"<{_TALLY}{kind}/{digest}>"


def _int(n: int) -> str:
    return f'"{n}"^^<{XSD}integer>'


def _subjects(raw: ox.Store, graphs: Iterable[ox.NamedNode], p: ox.NamedNode, o: object) -> set:
    return {q.subject for g in graphs for q in raw.quads_for_pattern(None, p, o, g)}  # type: ignore[arg-type]


def _objects(raw: ox.Store, graphs: Iterable[ox.NamedNode], s: object, p: ox.NamedNode) -> set:
    return {q.object for g in graphs for q in raw.quads_for_pattern(s, p, None, g)}  # type: ignore[arg-type]


def _text_value(text: str) -> str | None:
    """SPARQL's STR of a term given as its N-Triples text; None (an error) for a blank node."""
    if text[0] == "<":
        return text[1:-1]
    return None if text[0] == "_" else _str(term(text))


def _mapping_tallies(raw: ox.Store, out: Triples, derived: Derived | None) -> None:
    """mapping-tallies.ru: COUNT(*) of mapping triples per subject scheme, object scheme and
    relation (a triple, or a scheme of its subject or object, held by both graphs counts
    twice, as in Oxigraph's join). ``derived``: the pairs the closure read, not read again."""
    if derived is None:
        derived_schemes = [texts(raw, _IN_SCHEME, (g,)) for g in _TWO]
        mappings = {rel: [texts(raw, rel, (g,)) for g in _TWO] for rel in _RELATIONS}
    else:
        derived_schemes, mappings = derived.schemes, derived.mappings
    schemes: dict = defaultdict(Counter)  # node -> scheme -> how many graphs say so
    for pairs in derived_schemes:
        for s, o in pairs:
            schemes[s][o] += 1
    counts: Counter = Counter()
    for rel in _RELATIONS:
        for pairs in mappings[rel]:
            for s, o in pairs:
                of_subject, of_object = schemes.get(s), schemes.get(o)
                if not of_subject or not of_object:
                    continue
                for a, m in of_subject.items():
                    for b, n in of_object.items():
                        counts[a, b, rel] += m * n
    for (a, b, rel), n in counts.items():
        sa, sb = _text_value(a), _text_value(b)
        if sa is None or sb is None:
            continue
        tally = _iri("mappings", sa, sb, rel.value)
        rows = [(_TYPE, str(_H["MappingTally"])), (_H["framework"], a)]
        rows += [(_H["otherFramework"], b), (_H["relation"], str(rel)), (_H["count"], _int(n))]
        for p, o in rows:
            out.pairs(p, ((tally, o),))


def _by_subject(raw: ox.Store, graphs: tuple, p: ox.NamedNode, known: dict | None) -> dict:
    """subject -> objects of ``p`` in ``graphs``, with what ``known`` holds (not changed)."""
    read: dict = defaultdict(set)
    for g in graphs:
        for q in raw.quads_for_pattern(None, p, None, g):
            if type(q.object) is not ox.Triple:  # no N-Triples text (``closure.texts``)
                read[str(q.subject)].add(str(q.object))
    if not known:
        return read
    if not read:
        return known
    merged = defaultdict(set, {k: set(v) for k, v in known.items()})
    for k, v in read.items():
        merged[k] |= v
    return merged


def _coverage_tallies(raw: ox.Store, out: Triples, derived: Derived | None) -> None:
    """coverage-tallies.ru: per framework A, other framework B and top section of A (None:
    items under no top concept of A), COUNT(DISTINCT) of A's requirement items, of those
    mapped into B, of those mapped into B via an example only, and of the rest reviewed with
    no match in B. Every B counts the same items of a section, so the items are counted
    once per (A, section) and each item's mappings once per B it names.

    ``derived``: what the closure put into INFERRED, so that only the asserted and user
    graphs are read for those four predicates; None: INFERRED is read too."""
    graphs = _TWO if derived is not None else _THREE
    required = {str(s) for s in _subjects(raw, graphs, _TYPE, _REQUIREMENT_ITEM)}
    if derived is not None:
        required |= derived.required
    mapped = _by_subject(raw, graphs, _MAPPED_INTO, derived.mapped_into if derived else None)
    via = _by_subject(raw, graphs, _VIA_EXAMPLE, derived.via_example if derived else None)
    ancestors = _by_subject(raw, graphs, _BROADER_T, derived.ancestors if derived else None)
    frameworks = {str(f): f for f in _subjects(raw, _THREE, _TYPE, _FRAMEWORK)}
    # item -> schemes a no-match record names (each predicate read once: 6k records at 50x)
    records = {str(r) for r in _subjects(raw, _THREE, _TARGET, _NO_TERM)}
    sources, schemes = (
        {k: v for k, v in _by_subject(raw, _THREE, p, None).items() if k in records}
        for p in (_SOURCE, _OBJECT_SOURCE)
    )
    no_match: dict = defaultdict(set)
    for record, items in sources.items():
        for item in items:
            no_match[item] |= schemes.get(record, set())
    for a, a_term in frameworks.items():
        items = {str(s) for s in _subjects(raw, _THREE, _IN_SCHEME, a_term)} & required
        tops = {str(t): t for t in _objects(raw, _THREE, a_term, _TOP) if type(t) is not ox.Triple}
        total: Counter = Counter()  # top -> items
        hits: Counter = Counter()  # (count, B, top) -> items
        for item in items:
            sections = [t for t in ancestors.get(item, ()) if t in tops] or (None,)
            into, example = mapped.get(item, ()), via.get(item, ())
            named = [(0, b) for b in into]
            named += [(1, b) for b in example]
            named += [(2, b) for b in no_match.get(item, ()) if b not in into and b not in example]
            named = [(k, b) for k, b in named if b in frameworks]
            for top in sections:
                total[top] += 1
                for k, b in named:
                    hits[k, b, top] += 1
        for b, b_term in frameworks.items():
            sa, sb = _str(a_term), _str(b_term)
            if b == a or sa is None or sb is None:
                continue
            kind = f" {_TYPE} {_H['CoverageTally']} .\n"
            pair = f" {_H['framework']} {a} .\n", f" {_H['otherFramework']} {b} .\n"
            section, integer = f" {_H['section']} ", f'"^^<{XSD}integer> .\n'
            counts = [f' {_H[c]} "' for c in ("count", "mappedCount", "viaExampleCount")]
            counts.append(f' {_H["noMatchCount"]} "')
            for top, n in total.items():
                tally = _iri("coverage", sa, sb, "" if top is None else _str(tops[top]) or "")
                text = (
                    f"{tally}{kind}{tally}{pair[0]}{tally}{pair[1]}"
                    f"{tally}{counts[0]}{n}{integer}"
                    f"{tally}{counts[1]}{hits[0, b, top]}{integer}"
                    f"{tally}{counts[2]}{hits[1, b, top]}{integer}"
                    f"{tally}{counts[3]}{hits[2, b, top]}{integer}"
                )
                if top is None:
                    pass
                elif top[0] == "_":  # a blank node: no text names it (``Triples``)
                    out.pairs(_H["section"], [(tally, top)])
                else:
                    text += f"{tally}{section}{top} .\n"
                out.text(text)
