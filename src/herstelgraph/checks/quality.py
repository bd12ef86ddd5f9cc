"""qSKOS-style quality checks for any SKOS file, and for the shipped graph.

The checks read the asserted triples only (never our closure, which would hide missing
reciprocals), through the SKOS data model the reference defines, computed here rather than
materialised:

* ``rdfs:subPropertyOf``, declared in the file or by SKOS itself: broadMatch is a broader,
  relatedMatch a related, every documentation property a note, prefLabel an rdfs:label;
* concepts and schemes from the domain and range of the SKOS properties: anything in a
  broader/narrower/related/mapping link, or in topConceptOf/hasTopConcept, is a concept; the
  object of inScheme is a scheme; the subject of member a collection (and ``rdfs:subClassOf``);
* SKOS-XL labels (``skosxl:prefLabel`` → ``skosxl:literalForm``) as the labels they stand for
  (S55-S57).

Everything runs on plain Python sets built from Oxigraph's indexes, one pass per predicate,
no SPARQL property paths: the 2.4 MB STW sample is read and checked in well under a second.

Errors break the SKOS reference's integrity conditions (S9, S13, S14, S27, S37, S46), make
the hierarchy cyclic or use ``skos:`` terms that do not exist. Warnings are the qSKOS quality
issues. What each check counts, where it deliberately differs from qSKOS, and why our graph
still has some warnings: docs/quality.md.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pyoxigraph import Literal as _Literal
from pyoxigraph import NamedNode as _NamedNode

from ..errors import InputError, InputFileError, ParameterError
from ..model import Language, Record
from ..vocab import DCT, RDF_TYPE, RDFS, SKOS, SKOSXL, XSD
from ..words import check_detail, check_title

XSD_STRING = XSD + "string"
DC_TITLE = "http://purl.org/dc/elements/1.1/title"
DCT_TITLE = DCT + "title"
OWL = "http://www.w3.org/2002/07/owl#"

#: Every term the SKOS namespace defines (SKOS Reference, appendix B).
VOCABULARY = frozenset(
    "Concept ConceptScheme Collection OrderedCollection inScheme hasTopConcept topConceptOf "
    "prefLabel altLabel hiddenLabel notation note changeNote definition editorialNote example "
    "historyNote scopeNote semanticRelation broader narrower related broaderTransitive "
    "narrowerTransitive member memberList mappingRelation closeMatch exactMatch broadMatch "
    "narrowMatch relatedMatch".split()
)
#: Terms of the 2004 SKOS Core drafts that the Recommendation dropped (qSKOS names them too).
DEPRECATED = frozenset(
    "symbol prefSymbol altSymbol CollectableProperty subject isSubjectOf primarySubject "
    "isPrimarySubjectOf subjectIndicator".split()
)
LABELS = ("prefLabel", "altLabel", "hiddenLabel")
DOCUMENTATION = "note changeNote definition editorialNote example historyNote scopeNote".split()
MATCHES = ("exactMatch", "closeMatch", "broadMatch", "narrowMatch", "relatedMatch")

#: rdfs:subPropertyOf as the SKOS RDF schema states it (child, parent), local names unless
#: an IRI (the SKOS RDF schema; broadMatch ⊑ broader and relatedMatch ⊑ related are S42).
SKOS_SUBPROPERTIES = (
    *((label, RDFS + "label") for label in LABELS),
    *((note, "note") for note in DOCUMENTATION[1:]),
    ("topConceptOf", "inScheme"),
    ("broader", "broaderTransitive"),
    ("narrower", "narrowerTransitive"),
    ("broaderTransitive", "semanticRelation"),
    ("narrowerTransitive", "semanticRelation"),
    ("related", "semanticRelation"),
    ("mappingRelation", "semanticRelation"),
    ("closeMatch", "mappingRelation"),
    ("exactMatch", "closeMatch"),
    ("broadMatch", "mappingRelation"),
    ("narrowMatch", "mappingRelation"),
    ("relatedMatch", "mappingRelation"),
    ("broadMatch", "broader"),
    ("narrowMatch", "narrower"),
    ("relatedMatch", "related"),
)

#: (id, severity, what it finds in English: words.CHECK_TITLES); the order is the report's.
CHECKS: tuple[tuple[str, str, str], ...] = tuple(
    (cid, severity, check_title(cid, "en"))
    for cid, severity in (
        ("S9", "error"),
        ("S13", "error"),
        ("S14", "error"),
        ("S27", "error"),
        ("S37", "error"),
        ("S46", "error"),
        ("hierarchy-cycle", "error"),
        ("invented-skos-term", "error"),
        ("missing-label", "warning"),
        ("empty-label", "warning"),
        ("unprintable-characters", "warning"),
        ("overlapping-labels", "warning"),
        ("omitted-language-tag", "warning"),
        ("invalid-language-tag", "warning"),
        ("incomplete-language-coverage", "warning"),
        ("no-common-language", "warning"),
        ("orphan-concept", "warning"),
        ("disconnected-clusters", "warning"),
        ("omitted-top-concepts", "warning"),
        ("top-concept-with-broader", "warning"),
        ("ambiguous-notation", "warning"),
        ("mapping-inside-scheme", "warning"),
        ("missing-reciprocal", "warning"),
        ("reflexive-relation", "warning"),
        ("solely-transitive", "warning"),
        ("valueless-associative", "warning"),
        ("hierarchical-redundancy", "warning"),
        ("undocumented-concept", "warning"),
        ("non-http-iri", "warning"),
        ("ill-typed-literal", "warning"),
        ("deprecated-in-use", "warning"),
    )
)
SEVERITY = {c: s for c, s, _ in CHECKS}
TITLE = {c: t for c, _, t in CHECKS}

# RFC 5646 well-formed language tags (grandfathered tags aside); case-insensitive.
_LANGTAG = re.compile(
    r"^(?:[a-z]{2,3}(?:-[a-z]{3}){0,3}|[a-z]{4,8})(?:-[a-z]{4})?(?:-(?:[a-z]{2}|\d{3}))?"
    r"(?:-(?:[a-z\d]{5,8}|\d[a-z\d]{3}))*(?:-[\da-wyz](?:-[a-z\d]{2,8})+)*(?:-x(?:-[a-z\d]{1,8})+)?$"
    r"|^x(?:-[a-z\d]{1,8})+$",
    re.IGNORECASE,
)
#: ISO 639-1, the two-letter language subtags BCP 47 allows (with the deprecated iw, in, ji,
#: mo, which the IANA registry still lists). Three-letter subtags (ISO 639-2/3/5, some 8,000)
#: are taken as they come; four to eight letters name no language (RFC 5646 2.2.1).
ISO639_1 = frozenset(
    "aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy "
    "da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht "
    "hu hy hz ia id ie ig ii ik in io is it iu iw ja ji jv ka kg ki kj kk kl km kn ko kr ks ku "
    "kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mo mr ms mt my na nb nd ne ng nl nn "
    "no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg sh si sk sl sm "
    "sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo "
    "wa wo xh yi yo za zh zu".split()
)
# Unicode "Other" (Cc, Cf, Cs, Co, Cn), as qSKOS's \p{C}; ZWNJ/ZWJ are spelling in Persian
# and Indic scripts, so they pass.
_UNPRINTABLE = frozenset("Cc Cf Cs Co Cn".split())
_JOINERS = frozenset("\u200c\u200d")


def language_problem(tag: str, lang: str = "en") -> str | None:
    """Why a language tag is wrong, or None: not well-formed BCP 47, or a primary language
    subtag that names no language (two letters outside ISO 639-1, four to eight letters)."""
    why = _language_problem(tag)
    return check_detail(why[0], lang, **why[1]) if why else None


def _language_problem(tag: str) -> tuple[str, dict[str, str]] | None:
    """:func:`language_problem` as a key of words.CHECK_DETAILS and its fields."""
    if not _LANGTAG.match(tag):
        return "tag-malformed", {}
    primary = tag.split("-", 1)[0].lower()
    if primary == "x" or primary == "i":
        return None  # private use (x-…); i- only in grandfathered tags
    if len(primary) == 2 and primary not in ISO639_1:
        return "tag-not-iso", {"primary": repr(primary)}
    if len(primary) >= 4:
        return "tag-unregistered", {"primary": repr(primary)}
    return None


def unprintable(text: str) -> list[str]:
    """The code points of ``text`` in Unicode's Other categories, as U+XXXX (joiners pass)."""
    if text.isprintable():  # fast path; isprintable also rejects spaces other than U+0020
        return []
    return [
        f"U+{ord(ch):04X}"
        for ch in dict.fromkeys(text)
        if ch not in _JOINERS and unicodedata.category(ch) in _UNPRINTABLE
    ]


@dataclass(frozen=True)
class QualityFinding(Record):
    """One offending resource: which check, how severe, and what exactly is wrong."""

    check: str
    severity: str
    resource: str
    detail: str


@dataclass(frozen=True)
class QualityCheck(Record):
    """One check's outcome: its id, severity, what it looks for and how many it found."""

    check: str
    severity: str
    title: str
    count: int


@dataclass(frozen=True)
class QualityReport(Record):
    """The whole report; ``errors`` > 0 means the file breaks SKOS (exit code 1)."""

    sources: tuple[str, ...]
    triples: int
    concepts: int
    schemes: int
    errors: int
    warnings: int
    checks: tuple[QualityCheck, ...]
    findings: tuple[QualityFinding, ...] = ()

    def of(self, check: str) -> list[QualityFinding]:
        return [f for f in self.findings if f.check == check]

    def count(self, check: str) -> int:
        return sum(c.count for c in self.checks if c.check == check)


# ---------------------------------------------------------------------- the graph
class _Graph:
    """The asserted triples of a store as the indexes the checks need (IRIs as strings),
    read through rdfs:subPropertyOf and rdfs:subClassOf (the file's and SKOS's own)."""

    def __init__(self, store, graphs):
        import pyoxigraph as ox

        self._ox = ox
        self.store = store
        self.graphs = None if graphs is None else tuple(dict.fromkeys(graphs))
        self._pairs: dict[str, set[tuple[str, str]]] = {}
        self._rel: dict[tuple, set[tuple[str, str]]] = {}
        self._subs: dict[str, frozenset[str]] = {}
        self.triples = self.scan()
        declared = self.pairs(RDFS + "subPropertyOf")
        builtin = {
            (a if ":" in a else SKOS + a, b if ":" in b else SKOS + b)
            for a, b in SKOS_SUBPROPERTIES
        }
        self._sub_children = defaultdict(set)
        for a, b in declared | builtin:
            self._sub_children[b].add(a)

    def _quads(self, pred, obj):
        p = self._ox.NamedNode(pred) if pred else None
        yield from self.store.quads(None, p, obj, graphs=self.graphs)

    def pairs(self, pred: str) -> set[tuple[str, str]]:
        """(subject, object) IRI/bnode pairs of one predicate; literal objects skipped."""
        if pred not in self._pairs:
            lit = self._ox.Literal
            self._pairs[pred] = {
                (_key(q.subject), _key(q.object))
                for q in self._quads(pred, None)
                if type(q.object) is not lit
            }
        return self._pairs[pred]

    def literals(self, pred: str) -> list[tuple[str, _Literal]]:
        lit = self._ox.Literal
        return [
            (_key(q.subject), q.object) for q in self._quads(pred, None) if type(q.object) is lit
        ]

    def subproperties(self, prop: str) -> frozenset[str]:
        """``prop`` and every property declared (transitively) a sub-property of it."""
        got = self._subs.get(prop)
        if got is None:
            seen, stack = {prop}, [prop]
            while stack:
                for c in self._sub_children.get(stack.pop(), ()):
                    if c not in seen:
                        seen.add(c)
                        stack.append(c)
            got = self._subs[prop] = frozenset(seen)
        return got

    def rel(self, prop: str, *without: str) -> set[tuple[str, str]]:
        """The pairs of ``prop`` and its sub-properties (those under ``without`` left out)."""
        key = (prop, *without)
        if key not in self._rel:
            props = self.subproperties(prop)
            for w in without:
                props = props - self.subproperties(w)
            out: set[tuple[str, str]] = set()
            for p in props:
                out |= self.pairs(p)
            self._rel[key] = out
        return self._rel[key]

    def rel_literals(self, props: Iterable[str]) -> list[tuple[str, str, _Literal]]:
        """(subject, property, literal) of the given properties."""
        return [(s, p, lit) for p in sorted(props) for s, lit in self.literals(p)]

    def instances(self, cls: str) -> set[str]:
        classes = {cls} | _below(self.pairs(RDFS + "subClassOf"), cls)
        out: set[str] = set()
        for c in classes:
            node = self._ox.NamedNode(c)
            out.update(_key(q.subject) for q in self._quads(RDF_TYPE, node))
        return out

    def scan(self) -> int:
        """One pass over every triple: the IRIs used as subjects, the SKOS-namespace IRIs in
        any position, the literals of datatypes whose lexical space is checked (three SPARQL
        scans took five times as long)."""
        from ..io.inputs import _CHECKED

        ox = self._ox
        named, lit = ox.NamedNode, ox.Literal
        subjects: set[str] = set()
        terms: set[str] = set()
        typed: set[tuple[str, str, _Literal]] = set()
        count = 0
        graphs = None if self.graphs is None else sorted(self.graphs, key=str)
        for q in self.store.quads(graphs=graphs):
            count += 1
            s, p, o = q.subject, q.predicate.value, q.object
            if type(s) is named:
                subjects.add(s.value)
            if p.startswith(SKOS):
                terms.add(p)
            if type(o) is lit:
                if o.datatype.value in _CHECKED:
                    typed.add((_key(s), p, o))
            elif type(o) is named and o.value.startswith(SKOS):
                terms.add(o.value)
        self.subjects = subjects
        self.skos_terms = terms | {s for s in subjects if s.startswith(SKOS)}
        self.typed_literals = sorted(typed, key=lambda x: (x[0], x[1], x[2].value))
        return count


def _owner(g: _Graph, node, depth: int = 8) -> str:
    """A blank node's named owner (a profile's ``hg:requirement [ … ]``), else the node."""
    while type(node) is not _NamedNode and depth:
        up = next((q.subject for q in g._quads(None, node)), None)
        if up is None:
            break
        node, depth = up, depth - 1
    return _key(node)


def _key(term) -> str:
    """IRIs as their value, blank nodes as ``_:id`` (so the two never collide)."""
    return term.value if type(term) is _NamedNode else str(term)


def _below(edges: set[tuple[str, str]], top: str) -> set[str]:
    """Everything with a chain of ``edges`` (child, parent) up to ``top``, excluding top."""
    children = defaultdict(set)
    for a, b in edges:
        children[b].add(a)
    seen, stack = set(), [top]
    while stack:
        for c in children.get(stack.pop(), ()):
            if c not in seen and c != top:
                seen.add(c)
                stack.append(c)
    return seen


def _adjacency(pairs: Iterable[tuple[str, str]]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for a, b in pairs:
        out[a].add(b)
    return out


class _Reach:
    """Reachability in one or more steps over ``succ``, through the condensation of its
    strongly connected components: one ancestor set per component, built by C-level set
    unions, so a big cycle (a thousand concepts made one by stray mappings) costs a set
    per component, not a walk per question."""

    def __init__(self, succ: dict[str, set[str]]):
        from ..curation.sssom import _scc

        self.comp = comp = _scc(succ)
        members: dict[str, list[str]] = defaultdict(list)
        for node, root in comp.items():
            members[root].append(node)
        self.cycles = sorted(sorted(m) for m in members.values() if len(m) > 1)
        self.looped = {r for r, m in members.items() if len(m) > 1}
        self.looped |= {comp[a] for a, bs in succ.items() if a in bs}
        dag: dict[str, set[str]] = defaultdict(set)
        for a, bs in succ.items():
            ca = comp[a]
            dag[ca].update(comp[b] for b in bs if comp[b] != ca)
        self.dag = dag
        self._above: dict[str, set[str]] = {}

    def _ancestors(self, root: str) -> set[str]:
        """Components strictly above ``root`` (iterative post-order, no recursion limit)."""
        done = self._above
        if root in done:
            return done[root]
        stack = [root]
        while stack:
            node = stack[-1]
            todo = [p for p in self.dag.get(node, ()) if p not in done]
            if todo:
                stack.extend(todo)
                continue
            stack.pop()
            if node not in done:
                got: set[str] = set()
                for p in self.dag.get(node, ()):
                    got.add(p)
                    got |= done[p]
                done[node] = got
        return done[root]

    def __call__(self, x: str, y: str) -> bool:
        """True when ``y`` is reached from ``x`` in one or more steps."""
        cx, cy = self.comp.get(x), self.comp.get(y)
        if cx is None or cy is None:
            return False
        if cx == cy:
            return cx in self.looped
        return cy in self._ancestors(cx)


def _components(nodes: Iterable[str], edges: Iterable[tuple[str, str]]) -> list[list[str]]:
    """Connected components of an undirected graph (union-find)."""
    parent: dict[str, str] = {n: n for n in nodes}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in edges:
        if a in parent and b in parent:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    groups = defaultdict(list)
    for n in parent:
        groups[find(n)].append(n)
    return sorted((sorted(g) for g in groups.values()), key=lambda g: (-len(g), g[0]))


def _lit(term) -> str:
    text = term.value if len(term.value) <= 60 else term.value[:57] + "…"
    text = "".join(ch if ch.isprintable() else ch.encode("unicode_escape").decode() for ch in text)
    return f'"{text}"' + (f"@{term.language}" if term.language else "")


_AUTHORITY = re.compile(r"[^:/?#]*:(?://[^/?#]*)?")


def _authority(iri: str) -> str:
    """Scheme and host of an IRI, lower-cased (a blank node is its own authority)."""
    if iri.startswith("_:"):
        return "_:"
    m = _AUTHORITY.match(iri)
    return m.group(0).lower() if m else iri


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)


# ---------------------------------------------------------------------- the checks
def check_store(
    store,
    graphs: Sequence | None = "asserted",
    sources: Sequence[str] = (),
    deprecated: dict[str, tuple[str, ...]] | None = None,
    lang: str = "en",
    tag_places: TagPlaces | None = None,
):
    """Run every check on a Store (ours: ``graphs='asserted'`` = asserted + user graphs;
    ``None`` = every graph, for a user's files loaded on their own). ``deprecated``: the
    deprecated items the files may point to (IRI -> successors), beside the ones they
    deprecate themselves (a profile checked on its own: the shipped graph's). ``lang``: the
    language of the titles and details (words.CHECK_TITLES, words.CHECK_DETAILS).
    ``tag_places``: where each wrong language tag (lower case) stands in the files, as
    ``file:line:column`` (:func:`load_files`), named in its finding."""
    from ..ids import compact
    from ..store.store import ASSERTED, USER

    if graphs == "asserted":
        graphs = [ASSERTED, USER]
    g = _Graph(store, graphs)
    found: dict[str, list[tuple[str, str]]] = {c: [] for c, _, _ in CHECKS}

    def add(check: str, resource: str, detail: str) -> None:
        found[check].append((resource, detail))

    def w(key: str, **fields: object) -> str:
        return check_detail(key, lang, **fields)

    AND = w("and")

    S, M = SKOS, SKOS + "mappingRelation"

    @cache
    def c(iri: str) -> str:
        return "skosxl:" + iri[len(SKOSXL) :] if iri.startswith(SKOSXL) else compact(iri)

    def inverse(pairs: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
        return {(b, a) for a, b in pairs}

    # classes: rdf:type (and rdfs:subClassOf), then the domain and range of the SKOS properties
    semantic = g.rel(S + "semanticRelation")
    top_of = g.rel(S + "topConceptOf")
    has_top = g.rel(S + "hasTopConcept")
    in_scheme_pairs = g.rel(S + "inScheme")  # topConceptOf included (a sub-property)
    typed = g.instances(S + "Concept")
    concepts = set(typed)
    for a, b in semantic:
        concepts.update((a, b))
    concepts.update(a for a, _ in top_of)
    concepts.update(b for _, b in has_top)
    schemes = g.instances(S + "ConceptScheme")
    schemes.update(b for _, b in in_scheme_pairs)
    schemes.update(a for a, _ in has_top)
    collections = g.instances(S + "Collection") | g.instances(S + "OrderedCollection")
    collections.update(a for a, _ in g.rel(S + "member"))
    collections.update(a for a, _ in g.rel(S + "memberList"))
    subjects = g.subjects
    # The vocabulary's own concepts, which it should label and document: on a host it
    # describes something on (qSKOS's "authoritative concepts"), and known from more than
    # mapping links, which point to concepts of other schemes (a mapping file on its own
    # describes none of the concepts it maps).
    hosts = {_authority(s) for s in subjects}
    structural = typed | {x for pair in g.rel(S + "semanticRelation", M) for x in pair}
    structural |= {a for a, _ in in_scheme_pairs} | {b for _, b in has_top}
    mapped_only = concepts - structural

    @cache
    def own(r: str) -> bool:
        return r not in mapped_only and (r.startswith("_:") or _authority(r) in hosts)

    # S9, S37: disjoint classes
    for r in sorted(concepts & schemes):
        add("S9", c(r), w("S9"))
    for r in sorted(collections & (concepts | schemes)):
        other = "skos:Concept" if r in concepts else "skos:ConceptScheme"
        add("S37", c(r), w("S37", other=other))

    # labels: the three SKOS label properties, their sub-properties and SKOS-XL (S55-S57)
    kind_of: dict[str, str] = {}
    for kind in LABELS:
        for p in g.subproperties(S + kind):
            kind_of.setdefault(p, kind)
    labels: dict[str, dict[str, list[_Literal]]] = defaultdict(lambda: defaultdict(list))
    text: list[tuple[str, str, _Literal]] = []  # (subject, property shown, literal)
    for p, kind in sorted(kind_of.items()):
        for s, lit in g.literals(p):
            labels[s][kind].append(lit)
    forms: dict[str, list[_Literal]] = defaultdict(list)
    for s, lit in g.literals(SKOSXL + "literalForm"):
        forms[s].append(lit)
    if forms:
        for kind in LABELS:
            for p in sorted(g.subproperties(SKOSXL + kind)):
                for s, xl in g.pairs(p):
                    for lit in forms.get(xl, ()):
                        labels[s][kind].append(lit)
                        text.append((s, p, lit))
    for props in labels.values():
        for kind in list(props):
            props[kind] = list(dict.fromkeys(props[kind]))
    title_props = (
        g.subproperties(RDFS + "label") | g.subproperties(DC_TITLE) | g.subproperties(DCT_TITLE)
    ) - set(kind_of)
    titles: dict[str, list[tuple[str, _Literal]]] = defaultdict(list)
    for s, p, lit in g.rel_literals(title_props):
        titles[s].append((p, lit))

    empties: dict[str, set[str]] = defaultdict(set)
    for s, props in sorted(labels.items()):
        where: dict[_Literal, list[str]] = defaultdict(list)
        for kind in LABELS:
            for lit in props.get(kind, ()):
                where[lit].append(kind)
                if not lit.value.strip():
                    empties[s].add(f"skos:{kind}")
                bad = unprintable(lit.value)
                if bad:
                    add(
                        "unprintable-characters", c(s), f"skos:{kind} {_lit(lit)}: {', '.join(bad)}"
                    )
        for lit, kinds in where.items():
            if len(kinds) > 1:
                add(
                    "S13", c(s), w("S13", lit=_lit(lit), kinds=AND.join(f"skos:{k}" for k in kinds))
                )
        by_lang = defaultdict(list)
        for lit in props.get("prefLabel", ()):
            by_lang[(lit.language or "").lower()].append(lit)
        for lang_, lits in sorted(by_lang.items()):
            if len(lits) > 1:
                shown = ", ".join(sorted(_lit(x) for x in lits))
                if lang_:
                    add("S14", c(s), w("S14", n=len(lits), language=lang_, shown=shown))
                else:
                    add("S14", c(s), w("S14-none", n=len(lits), shown=shown))
    for s, pairs in titles.items():
        for p, lit in pairs:
            if not lit.value.strip():
                empties[s].add(c(p))
    for s in sorted(empties):
        add("empty-label", c(s), w("empty", props=", ".join(sorted(empties[s]))))

    for r in sorted(concepts):
        if own(r) and not labels.get(r, {}).get("prefLabel"):
            alt = "-alt" if labels.get(r, {}).get("altLabel") else ""
            add("missing-label", c(r), w("no-preflabel" + alt))
    for r in sorted(schemes - concepts):
        if own(r) and not labels.get(r, {}).get("prefLabel") and not titles.get(r):
            add("missing-label", c(r), w("no-title"))

    # language tags of labels and notes (and their sub-properties)
    doc_props = g.subproperties(S + "note")
    text += g.rel_literals(g.subproperties(RDFS + "label") | doc_props)
    omitted: dict[str, list[str]] = defaultdict(list)
    invalid: dict[str, list[str]] = defaultdict(list)
    for s, p, lit in text:
        if s.startswith(S):
            continue  # the SKOS vocabulary's own definitions, when a file includes them
        if lit.language:
            why = _language_problem(lit.language)
            if why:
                spots = tag_places.get(lit.language) if tag_places else ()
                more = ", …" if len(spots) > 3 else ""
                located = f" ({', '.join(spots[:3])}{more})" if spots else ""
                invalid[s].append(f"{c(p)} {_lit(lit)}: {w(why[0], **why[1])}{located}")
        elif lit.datatype.value == XSD_STRING and lit.value.strip():
            omitted[s].append(f"{c(p)} {_lit(lit)}")
    for check, per in (("omitted-language-tag", omitted), ("invalid-language-tag", invalid)):
        for s in sorted(per):
            items = sorted(set(per[s]))
            shown = "; ".join(items[:3])
            add(check, c(s), w("more", shown=shown, n=len(items) - 3) if len(items) > 3 else shown)

    # scheme membership
    in_scheme: dict[str, set[str]] = defaultdict(set)
    for a, b in in_scheme_pairs:
        in_scheme[a].add(b)
    for sch, a in has_top:
        in_scheme[a].add(sch)

    # hierarchy: broaderTransitive ∪ narrowerTransitive⁻¹ with every sub-property (broader,
    # broadMatch, a file's own); "internal" leaves the mapping relations out
    up = _adjacency(g.rel(S + "broaderTransitive") | inverse(g.rel(S + "narrowerTransitive")))
    up_internal = _adjacency(
        g.rel(S + "broaderTransitive", M) | inverse(g.rel(S + "narrowerTransitive", M))
    )
    above = _Reach(up)
    for members in above.cycles:
        shown = " → ".join(c(m) for m in members[:6]) + (" …" if len(members) > 6 else "")
        add("hierarchy-cycle", c(members[0]), w("cycle", n=len(members), shown=shown))

    # S27: related (relatedMatch, sub-properties) vs broaderTransitive, either way round
    assoc: dict[tuple[str, str], str] = {}
    for p in sorted(g.subproperties(S + "related")):
        for a, b in g.pairs(p):
            if a != b:
                assoc.setdefault(_pair(a, b), p)
    for (a, b), p in sorted(assoc.items()):
        if above(a, b) or above(b, a):
            low, high = (a, b) if above(a, b) else (b, a)
            add("S27", c(low), w("S27", p=c(p), high=c(high)))

    # S46: exactMatch cliques (symmetric, transitive) vs broadMatch / narrowMatch / relatedMatch
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b in g.rel(S + "exactMatch"):
        parent[find(a)] = find(b)
    clashes: dict[tuple[str, str], tuple[str, str, str]] = {}
    for name in ("broadMatch", "narrowMatch", "relatedMatch"):
        for p in sorted(g.subproperties(S + name)):
            for a, b in sorted(g.pairs(p)):
                if a != b and a in parent and b in parent and find(a) == find(b):
                    clashes.setdefault(_pair(a, b), (a, p, b))
    for a, p, b in sorted(clashes.values()):
        add("S46", c(a), w("S46", p=c(p), b=c(b)))

    # invented (or 2004-draft) SKOS terms; the namespace IRI itself names the vocabulary
    for term in sorted(g.skos_terms):
        local = term[len(S) :]
        if not local or local in VOCABULARY:
            continue
        if local in DEPRECATED:
            add("invented-skos-term", f"skos:{local}", w("draft-term"))
            continue
        near = [v for v in VOCABULARY if v.lower() == local.lower()]
        hint = w("invented-near", near=f"skos:{near[0]}") if near else w("invented")
        add("invented-skos-term", f"skos:{local}", hint)

    # overlapping labels (one prefLabel involved), language coverage, common language
    groups: dict[tuple, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    scheme_langs: dict[str, set[str]] = defaultdict(set)
    label_langs: dict[str, set[str]] = defaultdict(set)
    for s in concepts:
        s_labels = labels.get(s)
        for _, lit in titles.get(s, ()):
            if lit.language:
                label_langs[s].add(lit.language.lower())
        if not s_labels:
            continue
        schs = in_scheme.get(s) or {""}
        for kind, lits in s_labels.items():
            for lit in lits:
                folded = " ".join(lit.value.casefold().split())
                lang_ = (lit.language or "").lower()
                if lang_:
                    label_langs[s].add(lang_)
                if not folded:
                    continue
                for sch in schs:
                    groups[(sch, lang_, folded)][s].add(kind)
                    if lang_ and kind == "prefLabel":
                        scheme_langs[sch].add(lang_)
    for (sch, lang_, folded), kinds_of in sorted(groups.items()):
        if len(kinds_of) < 2 or not any("prefLabel" in k for k in kinds_of.values()):
            continue
        order = sorted(kinds_of, key=lambda m: ("prefLabel" not in kinds_of[m], m))
        first = order[0]
        shown = ", ".join(
            w("kinds-of", kinds="/".join(sorted(kinds_of[m])), concept=c(m)) for m in order[1:]
        )
        label = f'"{folded}"' + ("@" + lang_ if lang_ else "")
        if sch:
            add(
                "overlapping-labels",
                c(first),
                w("overlap-in", label=label, shown=shown, scheme=c(sch)),
            )
        else:
            add("overlapping-labels", c(first), w("overlap", label=label, shown=shown))
    for s in sorted(concepts):
        have = {x.language.lower() for x in labels.get(s, {}).get("prefLabel", ()) if x.language}
        if not have:
            continue  # missing-label or omitted-language-tag says it
        want = set().union(*(scheme_langs.get(sch, set()) for sch in in_scheme.get(s) or {""}))
        lacking = sorted(want - have)
        if lacking:
            add(
                "incomplete-language-coverage",
                c(s),
                w("coverage", lacking=", ".join(lacking), want=", ".join(sorted(want))),
            )
    by_scheme: dict[str, list[str]] = defaultdict(list)
    for s in label_langs:
        for sch in in_scheme.get(s) or {""}:
            by_scheme[sch].append(s)
    for sch, members in sorted(by_scheme.items()):
        if len(members) < 2:
            continue
        common = set.intersection(*(label_langs[m] for m in members))
        if not common:
            tally: dict[str, int] = defaultdict(int)
            for m in members:
                for lang_ in label_langs[m]:
                    tally[lang_] += 1
            shown = ", ".join(f"{k} ({n})" for k, n in sorted(tally.items(), key=lambda x: -x[1]))
            add(
                "no-common-language",
                c(sch) if sch else w("no-scheme"),
                w("no-common", n=len(members), shown=shown),
            )

    # orphans and disconnected clusters (any semantic relation, mapping relations included)
    linked = {a for a, b in semantic if a != b} | {b for a, b in semantic if a != b}
    for s in sorted(concepts - {a for pair in semantic for a in pair}):
        add("orphan-concept", c(s), w("orphan"))
    clusters = _components(linked, ((a, b) for a, b in semantic if a != b))
    if len(clusters) > 1:
        for members in clusters:
            shown = ", ".join(c(m) for m in members[:4]) + (" …" if len(members) > 4 else "")
            add(
                "disconnected-clusters",
                c(members[0]),
                w("cluster", n=len(members), others=len(clusters) - 1, shown=shown),
            )

    # top concepts
    tops: dict[str, set[str]] = defaultdict(set)
    for a, sch in top_of:
        tops[sch].add(a)
    for sch, a in has_top:
        tops[sch].add(a)
    for sch in sorted(schemes):
        if own(sch) and not tops.get(sch):
            add("omitted-top-concepts", c(sch), w("no-top"))
    top_concepts = {a for members in tops.values() for a in members}
    for a in sorted(top_concepts):
        if up_internal.get(a):
            shown = ", ".join(c(x) for x in sorted(up_internal[a]))
            of = ", ".join(c(sch) for sch in sorted(s for s, m in tops.items() if a in m))
            add("top-concept-with-broader", c(a), w("top-broader", of=of, shown=shown))

    # notations: one value (and datatype) on concepts sharing a scheme, or on a concept in
    # no scheme; one concept with two notations of one datatype
    by_notation: dict[tuple, set[str]] = defaultdict(set)
    per_concept: dict[tuple, list] = defaultdict(list)
    for s, lit in g.literals(S + "notation"):
        if s in concepts:
            by_notation[(lit.value, lit.datatype.value)].add(s)
            per_concept[(s, lit.datatype.value)].append(lit.value)
    for (value, _), notated in sorted(by_notation.items()):
        if len(notated) < 2:
            continue
        ms = sorted(notated)
        clash: set[str] = set()
        for i, a in enumerate(ms):
            for b in ms[i + 1 :]:
                sa, sb = in_scheme.get(a), in_scheme.get(b)
                if not sa or not sb or sa & sb:
                    clash.update((a, b))
        if clash:
            first, *rest = sorted(clash)
            shown = ", ".join(c(m) for m in rest)
            add("ambiguous-notation", c(first), w("notation-shared", value=value, shown=shown))
    for (s, _), values in sorted(per_concept.items()):
        if len(values) > 1:
            add(
                "ambiguous-notation",
                c(s),
                w("notations", n=len(values), values=", ".join(sorted(values))),
            )

    # mapping relations inside one scheme
    for p in sorted(g.subproperties(M)):
        for a, b in sorted(g.pairs(p)):
            shared = in_scheme.get(a, set()) & in_scheme.get(b, set())
            if shared and a != b:
                add(
                    "mapping-inside-scheme",
                    c(a),
                    w("inside", p=c(p), b=c(b), scheme=c(min(shared))),
                )

    # missing reciprocals (mapping relations excluded: docs/quality.md)
    B, N, BT, NT = S + "broader", S + "narrower", S + "broaderTransitive", S + "narrowerTransitive"
    for fwd, back, name, inv in (
        (g.rel(B, M), g.rel(N), "broader", "narrower"),
        (g.rel(N, M), g.rel(B), "narrower", "broader"),
        (g.rel(BT, B, M), g.rel(NT), "broaderTransitive", "narrowerTransitive"),
        (g.rel(NT, N, M), g.rel(BT), "narrowerTransitive", "broaderTransitive"),
        (g.rel(S + "related", M), g.rel(S + "related"), "related", "related"),
    ):
        for a, b in sorted(fwd - inverse(back)):
            if a != b:
                add("missing-reciprocal", c(a), w("reciprocal", name=name, b=c(b), inv=inv, a=c(a)))
    for a, sch in sorted(top_of - inverse(has_top)):
        add("missing-reciprocal", c(a), w("top-of", scheme=c(sch)))
    for sch, a in sorted(has_top - inverse(top_of)):
        add("missing-reciprocal", c(sch), w("has-top", a=c(a)))

    # reflexive relations
    for p in sorted(g.subproperties(S + "semanticRelation")):
        for a, b in sorted(g.pairs(p)):
            if a == b:
                add("reflexive-relation", c(a), w("reflexive", p=c(p)))

    # solely transitive: broaderTransitive where no chain of broader (narrower⁻¹) leads
    direct: dict[tuple[str, str], tuple[str, bool]] = {}
    for p in sorted(g.subproperties(B)):
        for a, b in g.pairs(p):
            direct.setdefault((a, b), (p, False))
    for p in sorted(g.subproperties(N)):
        for a, b in g.pairs(p):
            direct.setdefault((b, a), (p, True))
    chain = _Reach(_adjacency(direct))
    solely: dict[tuple[str, str], tuple[str, str, str]] = {}
    for a, b in g.rel(BT, B):
        if a != b and not chain(a, b):
            solely.setdefault(_pair(a, b), (a, "skos:broaderTransitive", b))
    for a, b in g.rel(NT, N):
        if a != b and not chain(b, a):
            solely.setdefault(_pair(a, b), (a, "skos:narrowerTransitive", b))
    for a, p, b in sorted(solely.values()):
        add("solely-transitive", c(a), w("solely", p=p, b=c(b)))

    # valueless associative relations: related between siblings, or between co-parents
    below = _adjacency(inverse((a, b) for a, bs in up_internal.items() for b in bs))
    for (a, b), p in sorted(assoc.items()):
        if above(a, b) or above(b, a):
            continue  # S27 says it
        shared, how = up_internal.get(a, set()) & up_internal.get(b, set()), "siblings-under"
        if not shared:
            shared, how = below.get(a, set()) & below.get(b, set()), "siblings-above"
        if shared:
            add("valueless-associative", c(a), w(how, p=c(p), b=c(b), x=c(min(shared))))

    # hierarchical redundancy: a broader (or broadMatch, narrower⁻¹ …) link b of a that a
    # longer path from a reaches as well
    for (a, b), (p, inverted) in sorted(direct.items()):
        if a == b:
            continue
        via = next(
            (x for x in sorted(up.get(a, ()))
             if x != b and x != a and not above(x, a) and above(x, b)),
            None,
        )  # fmt: skip
        if via is not None:
            how = "redundant-inverse" if inverted else "redundant"
            add("hierarchical-redundancy", c(a), w(how, p=c(p), b=c(b), via=c(via)))

    # undocumented concepts
    documented: set[str] = set()
    for prop in doc_props:
        documented.update(s for s, _ in g.literals(prop))
        documented.update(s for s, _ in g.pairs(prop))
    for s in sorted(concepts - documented):
        if own(s):
            add("undocumented-concept", c(s), w("undocumented"))

    # resources described under IRIs that are not http(s)
    for s in sorted(subjects):
        scheme = s.split(":", 1)[0].lower()
        if scheme not in ("http", "https"):
            add("non-http-iri", s, w("non-http", scheme=scheme))

    # ill-typed literals (RDF allows them; their value is empty, so they sort and compare as
    # nothing): only files a user brings can have them, the shipped graph refuses them
    from ..io.inputs import _CHECKED, ill_typed

    for s, p, lit in g.typed_literals:
        if ill_typed(lit.value, lit.datatype.value):
            name = _CHECKED[lit.datatype.value][0]
            add("ill-typed-literal", c(s), w("ill-typed", p=c(p), value=lit.value, name=name))

    # pointers to deprecated items (owl:deprecated true): a profile's requirement or aligned
    # outcome, a mapping, a restatement. The hierarchy keeps a deprecated item where it
    # was, and its successor link names it, so those are no use of it.
    gone = dict(deprecated or {})
    for s_, lit in g.literals(OWL + "deprecated"):
        if lit.value in ("true", "1"):
            gone.setdefault(
                s_, tuple(sorted(o for x, o in g.pairs(DCT + "isReplacedBy") if x == s_))
            )
    if gone:
        keep = {S + p for p in ("broader", "narrower", "hasTopConcept", "topConceptOf", "inScheme",
                                "member", "broaderTransitive", "narrowerTransitive")}  # fmt: skip
        keep |= {DCT + "isReplacedBy", DCT + "replaces", RDF_TYPE}
        for iri in sorted(gone):
            node = g._ox.NamedNode(iri)
            for q in g._quads(None, node):
                s_, p = _key(q.subject), q.predicate.value
                if p in keep or s_ in gone:
                    continue
                succ = gone[iri]
                if succ:
                    said = w(
                        "deprecated", p=c(p), iri=c(iri), successors=", ".join(c(x) for x in succ)
                    )
                else:
                    said = w("deprecated-none", p=c(p), iri=c(iri))
                add("deprecated-in-use", c(_owner(g, q.subject)), said)

    checks = [
        QualityCheck(cid, sev, check_title(cid, lang), len(found[cid])) for cid, sev, _ in CHECKS
    ]
    findings = [
        QualityFinding(cid, SEVERITY[cid], res, det)
        for cid, _, _ in CHECKS
        for res, det in found[cid]
    ]
    errors = sum(x.count for x in checks if x.severity == "error")
    return QualityReport(
        sources=tuple(sources),
        triples=g.triples,
        concepts=len(concepts),
        schemes=len(schemes),
        errors=errors,
        warnings=sum(x.count for x in checks) - errors,
        checks=tuple(checks),
        findings=tuple(findings),
    )


# ---------------------------------------------------------------------- files
class TagPlaces:
    """Where a language tag stands in the files read, as ``file:line:column``, found when a
    finding asks for it (scanning every tag of a 2.4 MB file costs about 0.06 s; a search for
    one tag, a few milliseconds). A scan of the text, not the parse: a tag in a comment or a
    string is found as well, so a finding may name one place too many, never one too few."""

    def __init__(self) -> None:
        self.files: list[tuple[Path, bytes]] = []
        self._found: dict[str, list[str]] = {}

    def add(self, path: Path, data: bytes) -> None:
        self.files.append((path, data))

    def get(self, tag: str, default: Sequence[str] = ()) -> Sequence[str]:
        key = tag.lower()
        if key not in self._found:
            self._found[key] = [s for p, d in self.files for s in _places(p, d, re.escape(key))]
        return self._found[key] or default


def load_files(paths: Iterable[Path], tag_places: TagPlaces | None = None):
    """A fresh Store holding the user's files only: RDF in any format, or SSSOM TSV.
    ``tag_places``: given the files, to find where a wrong language tag stands."""
    from ..store.store import ASSERTED, Store

    store = Store()
    for path in map(Path, paths):
        if path.name.endswith((".sssom.tsv", ".tsv")):
            store.extend(sssom_quads(path, ASSERTED))
        else:
            data = load_rdf(store, path, ASSERTED)
            if tag_places is not None:
                tag_places.add(path, data)
            if path.suffix.lower() in (".jsonld", ".json"):  # rdf_format's JSON-LD names
                _dropped_by_jsonld(path, data)
    return store


#: A language tag as each syntax writes it: after a closing quote (Turtle, TriG, N-Triples,
#: N-Quads), in xml:lang (RDF/XML), as a JSON-LD @language value; {tag}: the tag's pattern.
_TAG_IN_TEXT = {
    "turtle": rb"[\"']@({tag})(?![A-Za-z0-9-])",
    "rdfxml": rb"xml:lang\s*=\s*[\"']({tag})[\"']",
    "jsonld": rb"\"@language\"\s*:\s*\"({tag})\"",
}


def _places(path: Path, data: bytes, tag: str) -> list[str]:
    """``file:line:column`` of each language tag matching the pattern ``tag`` (any case)."""
    import pyoxigraph as ox

    from ..io.inputs import _position, rdf_format

    form = rdf_format(path)
    kind = {ox.RdfFormat.RDF_XML: "rdfxml", ox.RdfFormat.JSON_LD: "jsonld"}.get(form, "turtle")
    pattern = re.compile(_TAG_IN_TEXT[kind].replace(b"{tag}", tag.encode()), re.IGNORECASE)
    out = []
    for m in pattern.finditer(data):
        line, col = _position(data, m.start(1))
        out.append(f"{path}:{line}:{col}")
    return out


def _dropped_by_jsonld(path: Path, data: bytes) -> None:
    """JSON-LD's own algorithm leaves out a value whose @language is not well-formed (JSON-LD
    1.1 API, Deserialize JSON-LD to RDF), so no finding can name it: a warning says so."""
    from pyoxigraph import Literal

    from ..io.inputs import warn

    spots: dict[str, list[str]] = {}
    for m in re.finditer(rb"\"@language\"\s*:\s*\"([^\"]*)\"", data):
        tag = m.group(1).decode("utf-8", "replace").lower()
        try:
            Literal("x", language=tag)
        except ValueError:
            spots.setdefault(tag, []).extend(_places(path, data, re.escape(tag))[:1])
    for tag, at in sorted(spots.items()):
        warn(
            f"{at[0]}: language tag {tag!r} is not well-formed BCP 47, so JSON-LD leaves "
            f"its value{'s' if len(at) > 1 else ''} out of the graph ({len(at)})"
        )


def load_rdf(store, path: Path, graph) -> bytes:
    """Read one RDF file of another vocabulary as leniently as RDF allows, and refuse what is
    malformed with ``file:line:column: what is wrong``.

    The guards of io.inputs apply (size cap, no XML entities, no remote JSON-LD context, UTF-8
    text). Unlike the shipped graph's loader, an ill-typed literal is read (RDF 1.1 makes it
    legal, with no value) and reported as a warning of the check, not refused. What is
    refused: syntax errors, IRIs RFC 3987 does not allow (a space, a backslash), text between
    RDF/XML property elements. A language tag that breaks BCP 47 where the syntax allows it
    (a subtag of nine letters) is read, and reported by the check (qSKOS reports such tags
    too); one the syntax does not allow is refused. Oxigraph names no line for RDF/XML
    errors, so the line is found here: where expat stops, or where the quoted text stands.
    Returns the file's bytes.
    """
    import pyoxigraph as ox

    from ..io import inputs

    form = inputs.rdf_format(path)
    raw = inputs.read_bytes(path)
    data = inputs.without_bom(raw, form)
    try:
        inputs.guard_rdf(path, data, form)
    except InputError as exc:  # a remote JSON-LD context is quoted: say where it stands
        where = _locate(path, data, None, str(exc), str(exc))
        if isinstance(exc, InputFileError):
            raise inputs.relocated(exc, where) from None
        raise inputs.located(path, where) from None
    if form != ox.RdfFormat.RDF_XML:
        inputs.decode(path, data)
    try:
        base = path.resolve().as_uri()
    except ValueError:
        base = None
    quads = form in (ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG)
    if inputs.worker.available():
        # parsed in a worker stopped at the parse deadline (HERSTELGRAPH_PARSE_TIMEOUT); the
        # triples come back as N-Triples/N-Quads, which load in linear time
        out = ox.RdfFormat.N_QUADS if quads else ox.RdfFormat.N_TRIPLES
        triples = inputs.parse_with_deadline(
            path,
            data,
            form,
            base,
            out,
            literals="lang",  # ill-typed literals: reported by the check, not refused
            locate=lambda msg, raw: _locate(path, data, form, msg, raw),
            tags="read",  # a tag that breaks BCP 47: reported by the check, not refused
        )
        store.load(triples, out, graph=None if quads else graph, lenient=True)
        return raw
    try:
        try:
            store.load(data, form, base_iri=base, graph=None if quads else graph)
        except (SyntaxError, ValueError):
            read = inputs.lenient_tag_quads(data, form, base)
            if read is None:
                raise
            store.extend(
                read if quads else [ox.Quad(q.subject, q.predicate, q.object, graph) for q in read]
            )
        inputs.check_literals(path, data, (), form)  # no triples: the language-case warning
    except (SyntaxError, ValueError) as exc:
        error = inputs.syntax_error(path, exc)  # its reason is said in the user's language
        raise inputs.relocated(error, _locate(path, data, form, str(error), str(exc))) from None
    except OSError as exc:  # e.g. a JSON-LD loader asked for; nothing is fetched
        raise InputFileError(path, f"{exc}; the file needs something from outside it") from None
    return raw


_QUOTED = re.compile(r"'([^']+)'|`([^`]+)`")


def _locate(path: Path, data: bytes, form, msg: str, raw: str) -> str:
    """``msg`` (``path: what is wrong``) with a line and column where the parser gave none:
    where expat stops in RDF/XML, or where the text the message quotes stands."""
    import pyoxigraph as ox

    from ..io.inputs import _position

    if re.match(re.escape(str(path)) + r":\d+", msg):
        return msg
    where = None
    if form == ox.RdfFormat.RDF_XML:
        from ..io.inputs import xml_position

        where = xml_position(data)
    if where is None:
        for m in _QUOTED.finditer(raw):
            needle = (m.group(1) or m.group(2)).encode("utf-8")
            at = data.find(needle)
            if "language tag" in raw:
                lang = re.search(rb"lang\s*=\s*[\"']" + re.escape(needle) + rb"[\"']", data)
                at = lang.start() if lang else at
            if at >= 0:
                where = _position(data, at)
                break
    rest = msg[len(str(path)) + 2 :]
    if "Unexpected text event" in raw:
        rest = re.sub(r"^Unexpected text event: ", "text ", rest).replace(
            "; fix the syntax", " between RDF/XML property elements (only white space may "
            "stand there); fix the syntax", 1,
        )  # fmt: skip
    if where is None:
        return msg
    return f"{path}:{where[0]}:{where[1]}: {rest}"


def sssom_quads(path: Path, graph) -> list:
    """The mapping triples of an SSSOM TSV, read by the strict reader (mappings.read_tsv)."""
    import pyoxigraph as ox

    from ..curation.sssom import NO_TERM, read_tsv
    from ..io.inputs import read_bytes
    from ..vocab import PREFIXES

    read_bytes(path)  # the size cap, before the reader reads it
    mf = read_tsv(path)
    prefixes = {
        **PREFIXES,
        **{str(k): str(v) for k, v in (mf.metadata.get("curie_map") or {}).items()},
    }

    def iri(curie: str) -> ox.NamedNode:
        prefix, _, local = curie.partition(":")
        try:
            return ox.NamedNode(prefixes[prefix] + local)
        except (KeyError, ValueError):
            raise InputError(f"{path}: {curie!r} does not expand to an IRI") from None

    return [
        ox.Quad(iri(r.subject_id), iri(r.predicate_id), iri(r.object_id), graph)
        for r in mf.records
        if r.object_id != NO_TERM and r.subject_id != NO_TERM
    ]


def check(
    paths: Sequence[Path] = (), data: Sequence[Path] = (), lang: Language | str = Language.EN
) -> QualityReport:
    """The report for the user's files, or for the shipped graph (plus ``data``) when none,
    its titles and details in ``lang`` (a ``Language``, or its value "nl"/"en").

    Both carry the mapping checks of mappings/RUBRIC.md §7 (curation/consistency.py): on the
    shipped mapping files, or on the user's SSSOM files whose records name items of the
    shipped frameworks (checked with the shipped mappings of the other pairs)."""
    from ..curation import consistency
    from ..store.build import load

    if lang not in Language.values():
        raise InputError(f"unknown language {lang!r}; use nl or en")
    for given, name in ((paths, "paths"), (data, "data")):
        if isinstance(given, str | os.PathLike) or not (
            isinstance(given, Sequence | set | frozenset)
            and all(isinstance(p, str | os.PathLike) for p in given)
        ):
            raise ParameterError(
                name,
                f"{name} is a list of file paths (none: the shipped graph), not "
                f"{type(given).__name__}; the check reads files, not a store",
            )
    lang = Language(lang).value  # the plain value: the word tables are keyed by it
    if paths:
        places = TagPlaces()
        files = load_files(paths, places)
        report = check_store(
            files,
            None,
            [str(p) for p in paths],
            _shipped_deprecated(files),
            lang=lang,
            tag_places=places,
        )
        tsvs = [Path(p) for p in paths if Path(p).name.endswith((".sssom.tsv", ".tsv"))]
        if not tsvs:
            return report
        graph = load(extra=[Path(p) for p in data], closure=False)
        return with_mappings(report, consistency.check_files(tsvs, graph, lang=lang), lang)
    store = load(extra=[Path(p) for p in data], closure=False)
    shipped = check_detail("shipped graph", lang)
    report = check_store(store, "asserted", [shipped, *map(str, data)], lang=lang)
    return with_mappings(report, consistency.check_shipped(store, lang=lang), lang)


def with_mappings(report: QualityReport, problems: Sequence, lang: str = "en") -> QualityReport:
    """The report with the mapping checks added: one row per check at the rubric's severity
    (and a warning row where a check also warns: doubtful confidences, files not yet curated
    under the rubric), each finding naming its records, items and files."""
    from ..curation.consistency import CHECKS as MAPPING_CHECKS

    checks = list(report.checks)
    findings = list(report.findings)
    for cid, severity, _ in MAPPING_CHECKS:
        title = check_title(cid, lang)
        mine = [p for p in problems if p.check == cid]
        n_err = sum(1 for p in mine if p.severity == "error")
        n_warn = len(mine) - n_err
        checks.append(QualityCheck(cid, severity, title, n_err if severity == "error" else n_warn))
        if severity == "error" and n_warn:
            checks.append(
                QualityCheck(
                    cid, "warning", check_detail("warnings-row", lang, title=title), n_warn
                )
            )
        for p in mine:
            resource = p.records[0] if p.records else (p.items[0] if p.items else cid)
            where = []
            if p.records:
                where.append(check_detail("records", lang, records=", ".join(p.records)))
            if p.files:
                where.append(check_detail("in-files", lang, files=", ".join(p.files)))
            detail = p.detail + (f" [{'; '.join(where)}]" if where else "")
            findings.append(QualityFinding(cid, p.severity, resource, detail))
    errors = sum(1 for f in findings if f.severity == "error")
    return QualityReport(
        sources=report.sources,
        triples=report.triples,
        concepts=report.concepts,
        schemes=report.schemes,
        errors=errors,
        warnings=len(findings) - errors,
        checks=tuple(checks),
        findings=tuple(findings),
    )


def _shipped_deprecated(store) -> dict[str, tuple[str, ...]]:
    """The shipped graph's deprecated items, when the files name any herstelgraph IRI (a
    profile checked on its own still hears that its items went)."""
    from ..vocab import BASE

    if not any(
        type(q.object) is _NamedNode and q.object.value.startswith(BASE)
        for q in store.quads(graphs=None)
    ):
        return {}
    from ..questions.deprecation import deprecated_items
    from ..store.build import load

    return deprecated_items(load(closure=False))


# ---------------------------------------------------------------------- output
def render_text(report: QualityReport, limit: int = 20, lang: str = "en") -> str:
    """Per-check counts, then each check's offending resources (``limit`` per check), in
    ``lang`` (the titles and details are the report's own: ``check(..., lang=)``)."""
    from ..words import value_word

    def w(key: str, **fields: object) -> str:
        return check_detail(key, lang, **fields)

    sources = ", ".join(report.sources) or w("the-graph")
    lines = [
        w("report", sources=sources, triples=report.triples, concepts=report.concepts,
          schemes=report.schemes),
        w("summary", errors=report.errors, warnings=report.warnings),
        "",
    ]  # fmt: skip
    width = max(len(x.check) for x in report.checks)
    severity = {x.severity: value_word(x.severity, lang) for x in report.checks}
    sev_width = max(len(v) for v in severity.values())
    for x in report.checks:
        lines.append(
            f"  {severity[x.severity]:<{sev_width}} {x.check:<{width}} {x.count:>6}  {x.title}"
        )
    for x in report.checks:
        if not x.count:
            continue
        lines += ["", f"{x.check} ({severity[x.severity]}): {x.title}"]
        found = [f for f in report.of(x.check) if f.severity == x.severity]
        for f in found[: limit or None]:
            lines.append(f"  {f.resource}  {f.detail}")
        if limit and len(found) > limit:
            lines.append("  " + w("more-findings", n=len(found) - limit))
    return "\n".join(lines) + "\n"


def counts_markdown(report: QualityReport) -> str:
    """The table docs/quality.md shows (warnings only; errors must be 0)."""
    rows = ["| check | severity | count |", "|---|---|---|"]
    rows += [f"| {x.check} | {x.severity} | {x.count} |" for x in report.checks]
    return "\n".join(rows) + "\n"
