"""Tallies: counts the summary questions need, derived once per graph and cached.

frameworks, overview and coverage each aggregate over every concept or every mapping; in
Oxigraph an aggregate costs 5-15 µs per joined row, so at 50x (15k concepts, 30k mappings)
they took 0.1-0.8 s on every call. The same aggregates are derived once, after the SKOS
closure, as small hg:*Tally records in the INFERRED graph; the closure cache (content hash of
every input) keeps them, so a changed or added file recomputes them and nothing stale is
served. The questions read the records (docs/performance.md, decision 8).

The definitions are the SPARQL updates in ``queries/derived/*.ru``: each is the query the
question used to run, wrapped in an INSERT (``run_derived`` runs them). The loader computes
the same records in Python (``add_tallies``): dictionary joins over the quads take ~0.3 s at
50x where the updates took ~2.7 s, the coverage tally's four OPTIONALs per item x framework
most of it (decision 35); ``tests/test_tallies.py`` holds the two to the same triples.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import cache

import pyoxigraph as ox

from ..resources import data_dir
from ..vocab import HG, NO_TERM, PREFIXES, RDF_TYPE, SKOS, SSSOM, XSD
from .store import ASSERTED, INFERRED, USER, Store

#: Bump when a derived query changes: it is part of the closure cache key.
#: 3: requirement items only (hg:RequirementItem), hg:viaExampleCount; 4: concept tallies leave
#: deprecated items out
TALLIES_VERSION = 4

#: In this order: coverage reads the closure, which ``add_closure`` has written before.
DERIVED = ("concept-tallies", "mapping-tallies", "coverage-tallies")

_TALLY = "https://w3id.org/herstelgraph/tally/"
_TYPE = ox.NamedNode(RDF_TYPE)
_CONCEPT = ox.NamedNode(SKOS + "Concept")
_IN_SCHEME = ox.NamedNode(SKOS + "inScheme")
_TOP = ox.NamedNode(SKOS + "hasTopConcept")
_BROADER_T = ox.NamedNode(SKOS + "broaderTransitive")
_FRAMEWORK = ox.NamedNode(HG + "Framework")
_REQUIREMENT_ITEM = ox.NamedNode(HG + "RequirementItem")
_MAPPED_INTO = ox.NamedNode(HG + "mappedInto")
_VIA_EXAMPLE = ox.NamedNode(HG + "mappedViaExampleInto")
_DEPRECATED = ox.NamedNode(PREFIXES["owl"] + "deprecated")
_TARGET = ox.NamedNode(PREFIXES["owl"] + "annotatedTarget")
_SOURCE = ox.NamedNode(PREFIXES["owl"] + "annotatedSource")
_OBJECT_SOURCE = ox.NamedNode(SSSOM + "object_source")
_NO_TERM = ox.NamedNode(NO_TERM)
_TRUE = ox.Literal("true", datatype=ox.NamedNode(XSD + "boolean"))
_INTEGER = ox.NamedNode(XSD + "integer")
_RELATIONS = [
    ox.NamedNode(SKOS + n)
    for n in ("exactMatch", "closeMatch", "broadMatch", "narrowMatch", "relatedMatch")
]
_H = {
    name: ox.NamedNode(HG + name)
    for name in (
        "ConceptTally", "MappingTally", "CoverageTally", "framework", "otherFramework",
        "itemType", "relation", "section", "count", "mappedCount", "viaExampleCount",
        "noMatchCount",
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


def add_tallies(store: Store) -> None:
    """Write every tally record into INFERRED (after the closure), as ``run_derived`` would."""
    raw = store.ox
    # the concept counts stay an update: 0.17 s at 50x, where reading each concept's types
    # into Python took 0.26 s
    raw.update(derived_update("concept-tallies"))
    out = _Triples()
    _mapping_tallies(raw, out)
    _coverage_tallies(raw, out)
    out.write(raw)


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


class _Triples:
    """Triples for INFERRED, gathered as N-Triples text and loaded at once: building a
    ``Quad`` costs ~2 µs a triple, its line ~0.6 µs (the 108k coverage triples at 50x:
    0.44 s with ``extend``, 0.28 s loaded as text). A blank node has no text that names it
    in the store, so a triple with one is kept as a ``Quad``."""

    def __init__(self) -> None:
        self.lines: list[str] = []
        self.quads: list[ox.Quad] = []
        self._text: dict = {}

    def term(self, term: object) -> str | None:
        """The N-Triples text of a term (kept: the same schemes recur), None for a blank node."""
        text = self._text.get(term)
        if text is None:
            if isinstance(term, ox.BlankNode):
                return None
            text = self._text[term] = str(term)
        return text

    def add(self, s: str, p: ox.NamedNode, o: object) -> None:
        """``s``: an IRI's text (``_iri``)."""
        text = self.term(o)
        if text is None:
            self.quads.append(ox.Quad(ox.NamedNode(s[1:-1]), p, o, INFERRED))  # type: ignore[arg-type]
        else:
            self.lines.append(f"{s} {self.term(p)} {text} .\n")

    def write(self, raw: ox.Store) -> None:
        # our own text of terms read from the store: lenient skips IRI re-validation
        data = "".join(self.lines).encode()
        raw.load(data, format=ox.RdfFormat.N_TRIPLES, to_graph=INFERRED, lenient=True)
        raw.extend(self.quads)


def _str(term: object) -> str | None:
    """SPARQL's STR: an IRI's or a literal's text; None (an error) for anything else."""
    return term.value if isinstance(term, ox.NamedNode | ox.Literal) else None


def _iri(kind: str, *parts: str) -> str:
    """The tally's IRI (as N-Triples), as the update's ``IRI(CONCAT(…, MD5(CONCAT(…))))``."""
    digest = hashlib.md5(" ".join(parts).encode(), usedforsecurity=False).hexdigest()
    return f"<{_TALLY}{kind}/{digest}>"


def _int(n: int) -> ox.Literal:
    return ox.Literal(str(n), datatype=_INTEGER)


def _subjects(raw: ox.Store, graphs: Iterable[ox.NamedNode], p: ox.NamedNode, o: object) -> set:
    return {q.subject for g in graphs for q in raw.quads_for_pattern(None, p, o, g)}  # type: ignore[arg-type]


def _objects(raw: ox.Store, graphs: Iterable[ox.NamedNode], s: object, p: ox.NamedNode) -> set:
    return {q.object for g in graphs for q in raw.quads_for_pattern(s, p, None, g)}  # type: ignore[arg-type]


def _mapping_tallies(raw: ox.Store, out: _Triples) -> None:
    """mapping-tallies.ru: COUNT(*) of mapping triples per subject scheme, object scheme and
    relation (a triple, or a scheme of its subject or object, held by both graphs counts
    twice, as in Oxigraph's join)."""
    schemes: dict = defaultdict(Counter)  # node -> scheme -> how many graphs say so
    for g in _TWO:
        for q in raw.quads_for_pattern(None, _IN_SCHEME, None, g):
            schemes[q.subject][q.object] += 1
    counts: Counter = Counter()
    for rel in _RELATIONS:
        for g in _TWO:
            for q in raw.quads_for_pattern(None, rel, None, g):
                of_subject, of_object = schemes.get(q.subject), schemes.get(q.object)
                if not of_subject or not of_object:
                    continue
                for a, m in of_subject.items():
                    for b, n in of_object.items():
                        counts[a, b, rel] += m * n
    for (a, b, rel), n in counts.items():
        sa, sb = _str(a), _str(b)
        if sa is None or sb is None:
            continue
        tally = _iri("mappings", sa, sb, rel.value)
        out.add(tally, _TYPE, _H["MappingTally"])
        out.add(tally, _H["framework"], a)
        out.add(tally, _H["otherFramework"], b)
        out.add(tally, _H["relation"], rel)
        out.add(tally, _H["count"], _int(n))


def _by_subject(raw: ox.Store, p: ox.NamedNode) -> dict:
    out: dict = defaultdict(set)
    for g in _THREE:
        for q in raw.quads_for_pattern(None, p, None, g):
            out[q.subject].add(q.object)
    return out


def _coverage_tallies(raw: ox.Store, out: _Triples) -> None:
    """coverage-tallies.ru: per framework A, other framework B and top section of A (None:
    items under no top concept of A), COUNT(DISTINCT) of A's requirement items, of those
    mapped into B, of those mapped into B via an example only, and of the rest reviewed with
    no match in B. Every B counts the same items of a section, so the items are counted
    once per (A, section) and each item's mappings once per B it names."""
    frameworks = _subjects(raw, _THREE, _TYPE, _FRAMEWORK)
    required = _subjects(raw, _THREE, _TYPE, _REQUIREMENT_ITEM)
    mapped, via = _by_subject(raw, _MAPPED_INTO), _by_subject(raw, _VIA_EXAMPLE)
    no_match: dict = defaultdict(set)  # item -> schemes a no-match record names
    for record in _subjects(raw, _THREE, _TARGET, _NO_TERM):
        for item in _objects(raw, _THREE, record, _SOURCE):
            no_match[item] |= _objects(raw, _THREE, record, _OBJECT_SOURCE)
    for a in frameworks:
        items = _subjects(raw, _THREE, _IN_SCHEME, a) & required
        tops: dict = defaultdict(set)  # item -> its top concepts of A
        for top in _objects(raw, _THREE, a, _TOP):
            for g in _THREE:
                for q in raw.quads_for_pattern(None, _BROADER_T, top, g):
                    if q.subject in items:
                        tops[q.subject].add(top)
        total: Counter = Counter()  # top -> items
        hits: Counter = Counter()  # (count, B, top) -> items
        for item in items:
            sections = tops.get(item) or (None,)
            into, example = mapped.get(item, ()), via.get(item, ())
            named = [(0, b) for b in into]
            named += [(1, b) for b in example]
            named += [(2, b) for b in no_match.get(item, ()) if b not in into and b not in example]
            named = [(k, b) for k, b in named if b != a and b in frameworks]
            for top in sections:
                total[top] += 1
                for k, b in named:
                    hits[k, b, top] += 1
        for b in frameworks:
            sa, sb = _str(a), _str(b)
            if b == a or sa is None or sb is None:
                continue
            for top, n in total.items():
                tally = _iri("coverage", sa, sb, _str(top) or "")
                out.add(tally, _TYPE, _H["CoverageTally"])
                out.add(tally, _H["framework"], a)
                out.add(tally, _H["otherFramework"], b)
                if top is not None:
                    out.add(tally, _H["section"], top)
                out.add(tally, _H["count"], _int(n))
                for k, count in enumerate(("mappedCount", "viaExampleCount", "noMatchCount")):
                    out.add(tally, _H[count], _int(hits[k, b, top]))
