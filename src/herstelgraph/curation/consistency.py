"""The mapping checks of mappings/RUBRIC.md §7, in one place: consistency by construction.

Every check reads the curated records (the SSSOM TSVs, with the file each record comes from)
and the framework graph (schemes, hierarchies, sections, restatements, example-only and
inferred items, labels), and reports each failure with the check's ID, the records involved
(record IDs) and the items. Severity is the rubric's: an *error* fails ``herstelgraph check``
and the test suite, a *warning* is reported only.

A deliberate exception is written in a record's comment as ``[C-XXX-n CURIE: reason]``
(RUBRIC R-COM-3); the checks that allow one (C-TRI-1, C-TRI-2, C-ANC-1) look for exactly that
tag on the records the rubric names.

Files not (yet) curated under the rubric (no record fills ``curation_rule``) are held to the
structural checks only (C-DIR-1, C-DIR-2, C-DUP-2, C-DUP-4, C-COV-1, which every mapping set
kept before the rubric); what the rubric adds is reported for them as a warning that says so,
so a pair that still carries the earlier curation is visible without failing the build.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..model import Record
from ..vocab import INVERSE, MATCH_RELATIONS
from ..words import check_detail, check_title
from .sssom import NO_TERM, PREREQUISITE, MappingRecord, read_tsv, record_id

ERROR, WARNING = "error", "warning"
_E, _C, _B, _N, _R = MATCH_RELATIONS

#: (id, severity, what it finds in English: words.CHECK_TITLES), in the rubric's order
#: (RUBRIC.md §7).
CHECKS: tuple[tuple[str, str, str], ...] = tuple(
    (cid, severity, check_title(cid, "en"))
    for cid, severity in (
        ("C-TRI-1", ERROR),
        ("C-TRI-2", ERROR),
        ("C-ANC-1", ERROR),
        ("C-DIR-1", ERROR),
        ("C-DIR-2", ERROR),
        ("C-DUP-1", ERROR),
        ("C-DUP-2", ERROR),
        ("C-DUP-3", WARNING),
        ("C-DUP-4", ERROR),
        ("C-SEC-1", ERROR),
        ("C-EX-1", WARNING),
        ("C-STR-1", ERROR),
        ("C-CONF-1", ERROR),
        ("C-CONF-2", ERROR),
        ("C-RULE-1", ERROR),
        ("C-NONE-1", ERROR),
        ("C-COM-1", WARNING),
        ("C-COV-1", ERROR),
    )
)
SEVERITY = {c: s for c, s, _ in CHECKS}
TITLE = {c: t for c, _, t in CHECKS}
#: Checks that bind every file, also one not yet curated under the rubric.
STRUCTURAL = frozenset({"C-DIR-1", "C-DIR-2", "C-DUP-2", "C-DUP-4", "C-COV-1"})

#: The rule IDs of the rubric (its rule index); a record's curation_rule must be one of them.
RULES = frozenset(
    [f"G-{n}" for n in range(1, 7)]
    + ["R-EXACT-1", "R-CLOSE-1", "R-HIER-1", "R-REL-1", "R-REL-2", "R-REL-3", "R-PRE-1"]
    + ["R-NONE-1", "R-NONE-2", "R-NONE-3"]
    + ["R-CONF-1", "R-CONF-2", "R-CONF-3", "R-CONF-4", "R-STR-1"]
    + ["R-SEC-1", "R-EX-1", "R-EX-2", "R-INF-1", "R-DUP-1", "R-ONE-1"]
    + ["R-COM-1", "R-COM-2", "R-COM-3"]
)
#: The rules a record may name, per predicate (C-RULE-1); no-match records are keyed apart.
RULE_FOR = {
    _E: {"R-EXACT-1"},
    _C: {"R-CLOSE-1"},
    _B: {"R-HIER-1"},
    _N: {"R-HIER-1"},
    _R: {"R-REL-1", "R-REL-2", "R-REL-3"},
    PREREQUISITE: {"R-PRE-1"},
}
NO_MATCH_RULE = {_R: {"R-NONE-1"}, _C: {"R-NONE-2", "R-NONE-3"}}
MAJOR, MINOR = "ceasn:majorAlignment", "ceasn:minorAlignment"
#: R-STR-1: the strengths `other` may hold, per predicate.
STRENGTH_FOR = {
    _E: {""},
    _C: {MAJOR},
    _B: {""},
    _N: {""},
    _R: {MAJOR, MINOR},
    PREREQUISITE: {""},
}
#: C-TRI-1: what a curated A–C predicate must be for a composed claim.
FITS = {_E: {_E}, _C: {_C, _E}, _B: {_B}, _N: {_N}, _R: set(MATCH_RELATIONS)}
#: The CURIE prefix of an external vocabulary's scheme (``hgext:esco``).
EXTERNAL_PREFIX = "hgext:"
#: C-NONE-1: this many equal no-match comments in one file are a template.
TEMPLATE_MIN = 3
LINK_FLOOR, EXACT_FLOOR, NO_MATCH_FLOOR, DOUBTFUL, MEAN_FLOOR, INFERRED_CAP = (
    0.60,
    0.80,
    0.40,
    0.60,
    0.80,
    0.75,
)

_TAG = re.compile(r"\[(C-[A-Z]+-\d+) ([A-Za-z_][\w.-]*:[^\s:\]]+):\s*[^\]]")
_QUOTE = re.compile(r"“([^”]*)”")


@dataclass(frozen=True)
class Problem(Record):
    """One failure of one check: the records and items it concerns, and what is wrong."""

    check: str
    severity: str
    records: tuple[str, ...]
    items: tuple[str, ...]
    files: tuple[str, ...]
    detail: str

    def line(self) -> str:
        where = f" (records {', '.join(self.records)})" if self.records else ""
        return f"{self.check} {self.severity}: {self.detail}{where}"


@dataclass
class GraphIndex:
    """What the checks need of the framework graph, as plain dictionaries of CURIEs."""

    scheme: dict[str, str] = field(default_factory=dict)
    parents: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    sections: set[str] = field(default_factory=set)
    restating: dict[str, str] = field(default_factory=dict)
    examples: set[str] = field(default_factory=set)
    inferred: set[str] = field(default_factory=set)
    labels: dict[str, str] = field(default_factory=dict)
    texts: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    notations: dict[str, str] = field(default_factory=dict)
    concepts: set[str] = field(default_factory=set)
    #: item -> its types, for C-COV-1 into an external vocabulary (empty: not needed)
    kinds_of: dict[str, set[str]] = field(default_factory=dict)

    def ancestors(self, item: str) -> set[str]:
        seen: set[str] = set()
        stack = list(self.parents.get(item, ()))
        while stack:
            node = stack.pop()
            if node not in seen:
                seen.add(node)
                stack.extend(self.parents.get(node, ()))
        seen.discard(item)
        return seen

    def requirement(self, item: str) -> bool:
        """The one definition of an item that counts (store/closure.py requirement_items)."""
        return (
            item in self.concepts
            and item in self.scheme
            and item not in self.sections
            and item not in self.restating
            and item not in self.examples
            and item not in self.inferred
        )


def graph_index(store) -> GraphIndex:
    """The index from a store's asserted and user graphs (no closure needed)."""
    from ..ids import compact
    from ..store.closure import requirement_items

    g = GraphIndex()

    def rows(sparql: str):
        return store.select(sparql)

    for r in rows("SELECT ?c ?s WHERE { ?c skos:inScheme ?s }"):
        g.scheme[compact(r["c"].value)] = compact(r["s"].value)
    for r in rows("SELECT ?c WHERE { ?c a skos:Concept }"):
        g.concepts.add(compact(r["c"].value))
    for r in rows("SELECT ?a ?b WHERE { { ?a skos:broader ?b } UNION { ?b skos:narrower ?a } }"):
        g.parents[compact(r["a"].value)].add(compact(r["b"].value))
    for r in rows("SELECT ?c WHERE { ?c a hg:Section }"):
        g.sections.add(compact(r["c"].value))
    for r in rows("SELECT ?a ?b WHERE { ?a hg:restates ?b }"):
        g.restating[compact(r["a"].value)] = compact(r["b"].value)
    for r in rows("SELECT ?c ?l WHERE { ?c skos:prefLabel ?l FILTER(LANG(?l) = 'nl') }"):
        g.labels[compact(r["c"].value)] = r["l"].value
    for r in rows(
        "SELECT ?c ?t WHERE { VALUES ?p { skos:prefLabel hg:sourceText skos:definition } "
        "?c ?p ?t FILTER(isLiteral(?t)) }"
    ):
        g.texts[compact(r["c"].value)].append(r["t"].value)
    for r in rows("SELECT ?c ?n WHERE { ?c skos:notation ?n }"):
        g.notations[compact(r["c"].value)] = r["n"].value
    for r in rows("SELECT ?c WHERE { ?c hg:isInferred true }"):
        g.inferred.add(compact(r["c"].value))
    required = {compact(c.value) for c in requirement_items(store)}
    # example-only: it or an ancestor hg:isExample (what requirement_items leaves out besides
    # sections, restatements and inferred items)
    for c in g.concepts:
        if c in g.scheme and c not in required:
            if c not in g.sections and c not in g.restating and c not in g.inferred:
                g.examples.add(c)
    return g


# ------------------------------------------------------------------------ records
@dataclass(frozen=True)
class Curated:
    """A record with where it comes from: its file and whether that file is under the rubric."""

    rec: MappingRecord
    file: str
    rubric: bool
    rid: str

    @property
    def link(self) -> bool:
        """A SKOS link (not a no-match, not a prerequisite)."""
        return not self.rec.is_no_match and self.rec.predicate_id != PREREQUISITE


def curated(files: Sequence[tuple[str, Sequence[MappingRecord]]], g: GraphIndex) -> list[Curated]:
    """Records with their file; sources a hand-written row leaves empty are filled from the
    graph, and a row without a record ID gets the ID the build would give it."""
    from dataclasses import replace

    out = []
    for name, records in files:
        rubric = any(r.curation_rule for r in records)
        for rec in records:
            s_src = rec.subject_source or g.scheme.get(rec.subject_id, "")
            o_src = rec.object_source or g.scheme.get(rec.object_id, "")
            rec = replace(rec, subject_source=s_src, object_source=o_src)
            rid = rec.record_id or record_id(rec.subject_id, rec.predicate_id, rec.object_id, o_src)
            out.append(Curated(rec, name, rubric, rid))
    return out


def exceptions(comment: str) -> set[tuple[str, str]]:
    """The (check, CURIE) exception tags of a comment (RUBRIC R-COM-3)."""
    return {(m.group(1), m.group(2)) for m in _TAG.finditer(comment or "")}


# ------------------------------------------------------------------------ checks
class _Run:
    def __init__(self, records: list[Curated], g: GraphIndex, lang: str = "en"):
        self.records, self.g, self.lang = records, g, lang
        self.found: list[Problem] = []
        # SKOS links seen from each end: item -> [(relation read from it, other, record)]
        self.steps: dict[str, list[tuple[str, str, Curated]]] = defaultdict(list)
        self.between: dict[frozenset, list[Curated]] = defaultdict(list)
        for c in records:
            r = c.rec
            if r.is_no_match:
                continue
            self.between[frozenset((r.subject_id, r.object_id))].append(c)
            if c.link:
                self.steps[r.subject_id].append((r.predicate_id, r.object_id, c))
                self.steps[r.object_id].append((INVERSE[r.predicate_id], r.subject_id, c))

    def add(
        self,
        check: str,
        involved: Iterable[Curated],
        items: Iterable[str],
        detail: str,
        files: Iterable[str] = (),
    ) -> None:
        involved = list(dict.fromkeys(involved))
        names = sorted({c.file for c in involved} | set(files))
        legacy = [c.file for c in involved if not c.rubric]
        severity = SEVERITY[check]
        if legacy and check not in STRUCTURAL and severity == ERROR:
            severity = WARNING
            detail = self.w("m-legacy", detail=detail, files=", ".join(sorted(set(legacy))))
        self.found.append(
            Problem(
                check,
                severity,
                tuple(c.rid for c in involved),
                tuple(dict.fromkeys(items)),
                tuple(names),
                detail,
            )
        )

    def fw(self, item: str) -> str:
        return self.g.scheme.get(item, "")

    def w(self, key: str, **fields: object) -> str:
        """A detail in the run's language (words.CHECK_DETAILS)."""
        return check_detail(key, self.lang, **fields)

    def tagged(self, check: str, other: str, records: Iterable[Curated]) -> bool:
        return any((check, other) in exceptions(c.rec.comment) for c in records)

    def records_of(self, item: str) -> list[Curated]:
        return [c for c in self.records if item in (c.rec.subject_id, c.rec.object_id)]

    # C-TRI-1 / C-TRI-2
    def triangles(self) -> None:
        from ..questions.alignment import COMPOSE

        seen: set[tuple] = set()
        for b, out in self.steps.items():
            for r1_inv, a, ab in out:  # b r1_inv a, so a r1 b
                r1 = INVERSE[r1_inv]
                for r2, c, bc in out:
                    if c == a or ab is bc:
                        continue
                    fa, fb, fc = self.fw(a), self.fw(b), self.fw(c)
                    if not fa or len({fa, fb, fc}) < 3:
                        continue
                    claim = COMPOSE.get((r1, r2))
                    if claim is not None and (a, b, c) not in seen:
                        seen.add((a, b, c))
                        seen.add((c, b, a))
                        self._close(a, r1, b, r2, c, claim, ab, bc)
                    # C-TRI-2: b exact/close c, a linked to both
                    if r2 in (_E, _C) and (a, "par", b, c) not in seen:
                        seen.add((a, "par", b, c))
                        seen.add((a, "par", c, b))
                        self._parallel(a, b, c)

    def _ac(self, a: str, c: str) -> list[tuple[str, Curated]]:
        """The SKOS records between a and c, each with its relation read from a."""
        out = []
        for rec in self.between.get(frozenset((a, c)), ()):
            if not rec.link:
                continue
            rel = rec.rec.predicate_id
            out.append((rel if rec.rec.subject_id == a else INVERSE[rel], rec))
        return out

    def _close(self, a, r1, b, r2, c, claim, ab, bc) -> None:
        ac = self._ac(a, c)
        fits = [rec for rel, rec in ac if rel in FITS[claim]]
        if fits:
            return
        excused = self.tagged("C-TRI-1", c, self.records_of(a)) or self.tagged(
            "C-TRI-1", a, self.records_of(c)
        )
        if excused:
            return
        short = {k: k.removeprefix("skos:") for k in MATCH_RELATIONS}
        chain = self.w("m-chain", a=a, r1=short[r1], b=b, r2=short[r2], c=c, claim=short[claim])
        if ac:
            have = ", ".join(short[rel] for rel, _ in ac)
            self.add(
                "C-TRI-1",
                [ab, bc, *(rec for _, rec in ac)],
                (a, b, c),
                self.w("m-tri-have", chain=chain, have=have),
            )
        else:
            self.add("C-TRI-1", [ab, bc], (a, b, c), self.w("m-tri-none", chain=chain, a=a, c=c))

    def _parallel(self, a: str, b: str, c: str) -> None:
        ac = self._ac(a, c)
        if not ac or self.fw(a) in (self.fw(b), self.fw(c)):
            return
        ab = self._ac(a, b)
        rels_b = {rel for rel, _ in ab}
        rels_c = {rel for rel, _ in ac}
        if rels_b == rels_c:
            return
        # B close C: exact and close from A agree (exact∘close = close, docs/chains.md), else
        # C-TRI-1 (which asks A–C close when A exact B) and C-TRI-2 would ask the impossible
        rels_bc = {rec.rec.predicate_id for rec in self.between.get(frozenset((b, c)), ())}
        if _E not in rels_bc and rels_b | rels_c <= {_E, _C}:
            return
        involved = [rec for _, rec in ab] + [rec for _, rec in ac]
        if self.tagged("C-TRI-2", b, involved) or self.tagged("C-TRI-2", c, involved):
            return
        bc = [rec for rec in self.between.get(frozenset((b, c)), ()) if rec.link]
        short = lambda rels: "/".join(sorted(r.removeprefix("skos:") for r in rels))  # noqa: E731
        self.add(
            "C-TRI-2",
            [*involved, *bc],
            (a, b, c),
            self.w("m-tri-2", a=a, b=b, c=c, rb=short(rels_b), rc=short(rels_c)),
        )

    # C-ANC-1
    def ancestors(self) -> None:
        for x, out in self.steps.items():
            ups = self.g.ancestors(x)
            if not ups:
                continue
            targets = defaultdict(list)
            for _, t, rec in out:
                targets[t].append(rec)
            for y in sorted(ups):
                for _, t, rec_y in self.steps.get(y, ()):
                    if t not in targets or self.fw(t) == self.fw(x):
                        continue
                    mine = targets[t]
                    if self.tagged("C-ANC-1", y, mine):
                        continue
                    self.add(
                        "C-ANC-1",
                        [*mine, rec_y],
                        (x, y, t),
                        self.w("m-anc", x=x, y=y, t=t),
                    )

    # C-DIR-1
    def direction(self) -> None:
        from .sssom import _scc

        strict: dict[tuple[str, str], list[Curated]] = defaultdict(list)
        loose: dict[tuple[str, str], list[Curated]] = defaultdict(list)
        for x, ps in self.g.parents.items():
            for p in ps:
                strict[(x, p)]
        for x, out in self.steps.items():
            for rel, y, rec in out:
                if rel == _B:
                    strict[(x, y)].append(rec)
                elif rel == _E:
                    loose[(x, y)].append(rec)
        succ: dict[str, set[str]] = defaultdict(set)
        for a, b in [*strict, *loose]:
            succ[a].add(b)
        comp = _scc(succ)
        groups: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for a, b in strict:
            if comp.get(a) is not None and comp.get(a) == comp.get(b):
                groups[comp[a]].append((a, b))
        for edges in groups.values():
            recs = [rec for e in sorted(edges) for rec in strict[e]]
            recs += [
                rec
                for e, rs in loose.items()
                if comp.get(e[0]) == comp.get(edges[0][0])
                for rec in rs
            ]
            items = sorted({i for e in edges for i in e})
            self.add(
                "C-DIR-1",
                recs,
                items,
                self.w("m-dir-1", items=", ".join(items)),
            )

    # C-DIR-2
    def exact(self) -> None:
        parent: dict[str, str] = {}

        def find(x: str) -> str:
            parent.setdefault(x, x)
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        exact_recs = [c for c in self.records if c.link and c.rec.predicate_id == _E]
        for c in exact_recs:
            parent[find(c.rec.subject_id)] = find(c.rec.object_id)
        cliques: dict[str, list[str]] = defaultdict(list)
        for x in list(parent):
            cliques[find(x)].append(x)
        for members in cliques.values():
            recs = [c for c in exact_recs if c.rec.subject_id in members]
            by_fw: dict[str, list[str]] = defaultdict(list)
            for m in members:
                by_fw[self.fw(m)].append(m)
            for fw, ms in by_fw.items():
                if len(ms) > 1:
                    self.add(
                        "C-DIR-2",
                        recs,
                        sorted(ms),
                        self.w("m-dir-2-joins", items=self.w("and").join(sorted(ms)), fw=fw),
                    )
            inside = set(members)
            for c in self.records:
                r = c.rec
                if c.link and r.predicate_id != _E and {r.subject_id, r.object_id} <= inside:
                    self.add(
                        "C-DIR-2",
                        [c, *recs],
                        (r.subject_id, r.object_id),
                        self.w("m-dir-2-beside", s=r.subject_id, p=r.predicate_id, o=r.object_id),
                    )
        for c in self.records:
            r = c.rec
            if (
                not r.is_no_match
                and self.fw(r.subject_id)
                and (self.fw(r.subject_id) == self.fw(r.object_id))
            ):
                self.add(
                    "C-DIR-2",
                    [c],
                    (r.subject_id, r.object_id),
                    self.w("m-dir-2-inside", s=r.subject_id, p=r.predicate_id, o=r.object_id),
                )

    # C-DUP-1 .. C-DUP-4, C-SEC-1, C-EX-1
    def items(self) -> None:
        g = self.g
        pairs: dict[tuple, list[Curated]] = defaultdict(list)
        links_into: dict[tuple[str, str], list[Curated]] = defaultdict(list)
        for c in self.records:
            r = c.rec
            ends = [r.subject_id] if r.is_no_match else [r.subject_id, r.object_id]
            for x in ends:
                if x in g.restating:
                    self.add(
                        "C-DUP-1",
                        [c],
                        (x, g.restating[x]),
                        self.w("m-dup-1", x=x, y=g.restating[x]),
                    )
                if x in g.sections:
                    self.add(
                        "C-SEC-1",
                        [c],
                        (x,),
                        self.w("m-sec-1", x=x),
                    )
            if r.is_no_match:
                pairs[(r.subject_id, "no match", r.object_source)].append(c)
                if r.subject_id in g.examples or r.subject_id in g.inferred:
                    kind = "m-ex-1-" + ("inferred" if r.subject_id in g.inferred else "example")
                    self.add("C-EX-1", [c], (r.subject_id,), self.w(kind, x=r.subject_id))
            else:
                pairs[tuple(sorted((r.subject_id, r.object_id)))].append(c)
                if c.link:
                    links_into[(r.subject_id, self.fw(r.object_id))].append(c)
                    links_into[(r.object_id, self.fw(r.subject_id))].append(c)
        for key, recs in pairs.items():
            if len(recs) > 1:
                what = (
                    self.w("m-dup-2-none", x=key[0], n=len(recs), fw=key[2])
                    if key[1] == "no match"
                    else self.w("m-dup-2-pair", n=len(recs), a=key[0], b=key[1])
                )
                self.add("C-DUP-2", recs, (key[0],) if key[1] == "no match" else key, what)
        for c in self.records:
            r = c.rec
            if r.is_no_match and (r.subject_id, r.object_source) in links_into:
                links = links_into[(r.subject_id, r.object_source)]
                self.add(
                    "C-DUP-4",
                    [c, *links],
                    (r.subject_id,),
                    self.w("m-dup-4", x=r.subject_id, fw=r.object_source, n=len(links)),
                )

    def labels(self) -> None:
        g = self.g
        by_label: dict[tuple[str, str], list[str]] = defaultdict(list)
        for c, label in g.labels.items():
            if c in g.scheme and c not in g.sections:
                by_label[(g.scheme[c], " ".join(label.split()))].append(c)
        for (scheme, label), items in sorted(by_label.items()):
            if len(items) < 2:
                continue
            linked = {frozenset(p) for p in g.restating.items()}
            loose = [
                (a, b)
                for i, a in enumerate(sorted(items))
                for b in sorted(items)[i + 1 :]
                if frozenset((a, b)) not in linked
            ]
            for a, b in loose:
                self.add(
                    "C-DUP-3",
                    [],
                    (a, b),
                    self.w("m-dup-3", a=a, b=b, scheme=scheme, label=label),
                )

    # C-STR-1, C-CONF-1, C-CONF-2, C-RULE-1, C-COM-1
    def per_record(self) -> None:
        g = self.g
        prereq_into = {
            (c.rec.subject_id, self.fw(c.rec.object_id))
            for c in self.records
            if c.rec.predicate_id == PREREQUISITE
        } | {
            (c.rec.object_id, self.fw(c.rec.subject_id))
            for c in self.records
            if c.rec.predicate_id == PREREQUISITE
        }
        means: dict[tuple[str, str], list[Curated]] = defaultdict(list)
        for c in self.records:
            r, p, x = c.rec, c.rec.predicate_id, c.rec.confidence
            ends = (r.subject_id,) if r.is_no_match else (r.subject_id, r.object_id)
            # strength
            allowed = {""} if r.is_no_match else STRENGTH_FOR.get(p, {""})
            if r.other not in allowed:
                empty = self.w("m-empty")
                want = self.w("or").join(sorted(a or empty for a in allowed))
                self.add(
                    "C-STR-1",
                    [c],
                    ends,
                    self.w("m-str-1", other=r.other or empty, what=self._what(r), want=want),
                )
            # confidence
            if x is None:
                self.add("C-CONF-1", [c], ends, self.w("m-conf-missing", what=self._what(r)))
            elif r.is_no_match:
                if not NO_MATCH_FLOOR <= x <= 1:
                    self.add(
                        "C-CONF-1",
                        [c],
                        ends,
                        self.w("m-conf-none", x=x, floor=NO_MATCH_FLOOR),
                    )
                elif x < DOUBTFUL:
                    self._warn(
                        "C-CONF-1",
                        [c],
                        ends,
                        self.w("m-conf-doubtful", x=x, floor=DOUBTFUL),
                    )
            else:
                floor = EXACT_FLOOR if p == _E else LINK_FLOOR
                if x < floor:
                    self.add(
                        "C-CONF-1",
                        [c],
                        ends,
                        self.w("m-conf-low", what=self._what(r), x=x, floor=floor),
                    )
                if c.link:
                    means[(c.file, p)].append(c)
                inferred = [e for e in ends if e in g.inferred]
                if inferred and x > INFERRED_CAP:
                    self.add(
                        "C-CONF-2",
                        [c],
                        ends,
                        self.w(
                            "m-conf-2", what=self._what(r), x=x, item=inferred[0], cap=INFERRED_CAP
                        ),
                    )
                if len(_QUOTE.findall(r.comment or "")) < 2:
                    self._warn(
                        "C-COM-1",
                        [c],
                        ends,
                        self.w("m-com-1", what=self._what(r)),
                    )
            # curation rule
            if not c.rubric:
                continue
            rule = r.curation_rule.removeprefix("hgrule:")
            if not r.curation_rule:
                self.add("C-RULE-1", [c], ends, self.w("m-rule-none", what=self._what(r)))
            elif not r.curation_rule.startswith("hgrule:") or rule not in RULES:
                self.add(
                    "C-RULE-1",
                    [c],
                    ends,
                    self.w("m-rule-unknown", rule=r.curation_rule),
                )
            elif r.is_no_match:
                want_rules = NO_MATCH_RULE.get(p, set())
                if rule not in want_rules:
                    want_rule = self.w("or").join(sorted(want_rules)) or self.w("m-no-rule")
                    self.add(
                        "C-RULE-1",
                        [c],
                        ends,
                        self.w(
                            "m-rule-none-match", what=self._what(r), rule=rule, p=p, want=want_rule
                        ),
                    )
                elif rule == "R-NONE-2" and (r.subject_id, r.object_source) not in prereq_into:
                    self.add(
                        "C-RULE-1",
                        [c],
                        ends,
                        self.w("m-rule-none-2", x=r.subject_id, fw=r.object_source),
                    )
            elif rule not in RULE_FOR.get(p, set()):
                want = self.w("or").join(sorted(RULE_FOR.get(p, set())))
                what = self._what(r)
                self.add(
                    "C-RULE-1",
                    [c],
                    ends,
                    self.w("m-rule-link", what=what, rule=rule, p=p, want=want),
                )
        for (name, p), recs in sorted(means.items()):
            # links without a confidence are never in ``means`` (C-CONF-1 above)
            mean = sum(c.rec.confidence or 0.0 for c in recs) / len(recs)
            if mean < MEAN_FLOOR:
                self._warn(
                    "C-CONF-1",
                    recs,
                    (),
                    self.w(
                        "m-conf-mean",
                        name=name,
                        n=len(recs),
                        p=p,
                        mean=f"{mean:.2f}",
                        floor=MEAN_FLOOR,
                    ),
                    files=[name],
                )

    def _warn(self, check, involved, items, detail, files=()) -> None:
        """A warning of a check whose failures are otherwise errors (C-CONF-1)."""
        self.add(check, involved, items, detail, files)
        last = self.found[-1]
        if last.severity != WARNING:
            from dataclasses import replace

            self.found[-1] = replace(last, severity=WARNING)

    def _what(self, r: MappingRecord) -> str:
        if r.is_no_match:
            return self.w("m-what-none", s=r.subject_id, p=r.predicate_id, src=r.object_source)
        return f"{r.subject_id} {r.predicate_id} {r.object_id}"

    # C-NONE-1
    def templates(self) -> None:
        g = self.g
        by_file: dict[tuple[str, str], list[Curated]] = defaultdict(list)
        for c in self.records:
            r = c.rec
            if not r.is_no_match or not r.comment.strip():
                continue
            by_file[(c.file, _template_key(r.comment, r.subject_id, g))].append(c)
        for (name, key), recs in sorted(by_file.items()):
            if len(recs) >= TEMPLATE_MIN:
                shown = key if len(key) <= 90 else key[:87] + "…"
                self.add(
                    "C-NONE-1",
                    recs,
                    [c.rec.subject_id for c in recs],
                    self.w("m-none-1", n=len(recs), name=name, shown=shown),
                )

    # C-COV-1
    def coverage(self) -> None:
        g = self.g
        frameworks = sorted(
            (
                {c.rec.subject_source for c in self.records}
                | {c.rec.object_source for c in self.records}
            )
            - {""}
        )
        pairs = {frozenset((c.rec.subject_source, c.rec.object_source)) for c in self.records}
        linked = {(x, self.fw(y)) for x, out in self.steps.items() for _, y, _ in out}
        nomatch: dict[tuple[str, str], list[Curated]] = defaultdict(list)
        for c in self.records:
            if c.rec.is_no_match:
                nomatch[(c.rec.subject_id, c.rec.object_source)].append(c)
        # into an external vocabulary: only the item types reviewed against it at all
        reviewed: dict[tuple[str, str], set[str]] = defaultdict(set)
        for c in self.records:
            if c.rec.object_source.startswith(EXTERNAL_PREFIX):
                fa = self.fw(c.rec.subject_id)
                reviewed[(fa, c.rec.object_source)] |= g.kinds_of.get(c.rec.subject_id, set())
        for item in sorted(x for x in g.scheme if g.requirement(x)):
            fa = g.scheme[item]
            if fa not in frameworks:
                continue
            for fb in frameworks:
                if fb == fa or frozenset((fa, fb)) not in pairs or (item, fb) in linked:
                    continue
                if fb.startswith(EXTERNAL_PREFIX) and not (
                    g.kinds_of.get(item, set()) & reviewed[(fa, fb)]
                ):
                    continue
                n = nomatch.get((item, fb), [])
                if len(n) != 1:
                    files = sorted(
                        {
                            c.file
                            for c in self.records
                            if {c.rec.subject_source, c.rec.object_source} == {fa, fb}
                        }
                    )
                    what = self.w("m-cov-records", n=len(n)) if n else self.w("m-cov-no-record")
                    self.add(
                        "C-COV-1",
                        n,
                        (item,),
                        self.w("m-cov-1", x=item, fw=fb, what=what),
                        files=files,
                    )


def _template_key(comment: str, item: str, g: GraphIndex) -> str:
    """A no-match comment without the item's own words: its quotes of the item's texts, its
    CURIE and notation. Two comments with the same key say the same about different items."""
    texts = [t for t in (g.texts.get(item) or [g.labels.get(item, "")]) if t]

    def own(q: str) -> bool:
        q = q.strip(" .,:;…")
        return bool(q) and any(q in t or t in q for t in texts)

    out = _QUOTE.sub(lambda m: "“…”" if own(m.group(1)) else m.group(0), comment)
    for word in (item, g.notations.get(item)):
        if word:
            out = re.sub(rf"(?<![\w:.-]){re.escape(word)}(?![\w-])", "…", out)
    return " ".join(out.split())


def run(
    records: list[Curated], g: GraphIndex, lang: str = "en", skip: Sequence[str] = ()
) -> list[Problem]:
    """Every check of RUBRIC §7 on a set of records, in the rubric's order (the details in
    ``lang``; ``skip``: the checks left out)."""
    r = _Run(records, g, lang)
    if "C-TRI-1" not in skip or "C-TRI-2" not in skip:
        r.triangles()
    r.ancestors()
    r.direction()
    r.exact()
    r.items()
    r.labels()
    r.per_record()
    r.templates()
    r.coverage()
    order = {c: i for i, (c, _, _) in enumerate(CHECKS)}
    found = [p for p in r.found if p.check not in skip]
    return sorted(found, key=lambda p: (order[p.check], p.severity, p.items, p.records))


# ------------------------------------------------------------------------ entry points
def shipped_files(folder: Path | None = None) -> list[tuple[str, list[MappingRecord]]]:
    from .sssom import mapping_files

    return [(p.name, read_tsv(p).records) for p in mapping_files(folder)]


def external_files(folder: Path | None = None) -> list[tuple[str, list[MappingRecord]]]:
    """The links to external vocabularies (``mappings/external/*.sssom.tsv``: ESCO), named
    ``external/<file>`` (``read_external``)."""
    from .sssom import external_mapping_files

    return [(f"{EXTERNAL_DIR}/{p.name}", read_external(p)) for p in external_mapping_files(folder)]


def read_external(path: Path) -> list[MappingRecord]:
    """An external link file's records, their CURIEs written with the project's prefixes
    (each file brings its own ``curie_map``; the NK file's ``esco:`` is ESCO's occupations,
    the project's ``escoo:``), so that an ESCO concept has one name in every file."""
    from dataclasses import replace

    from ..ids import compact
    from .sssom import _converter

    mf = read_tsv(path)
    conv = _converter(mf.metadata.get("curie_map") or {}, path)

    def norm(curie: str) -> str:
        if not curie or curie == NO_TERM:
            return curie
        iri = conv.expand(curie)
        return compact(iri) if iri else curie

    return [
        replace(
            r,
            subject_id=norm(r.subject_id),
            object_id=norm(r.object_id),
            subject_source=norm(r.subject_source),
            object_source=norm(r.object_source),
        )
        for r in mf.records
    ]


def _is_external(records: Sequence[MappingRecord]) -> bool:
    """Records into an external vocabulary (every object_source an ``hgext:`` scheme)."""
    return bool(records) and all(r.object_source.startswith(EXTERNAL_PREFIX) for r in records)


#: The checks that are not run on links to an external vocabulary, and why (RUBRIC §7 is
#: written for links between two frameworks' items): C-TRI-1/C-TRI-2 compose links across
#: three frameworks, but an ESCO concept is no framework's item and a chain through it (two
#: of our items linked to one ESCO skill) says nothing the rubric claims about the two items;
#: C-DUP-3 reads the frameworks' labels only. Every other check runs on the ESCO records as on
#: the internal ones (the external vocabulary standing for the "other framework"); C-COV-1
#: asks a link or one no-match only of the item types a file reviews at all (the BK
#: activities are not reviewed against ESCO yet: `herstelgraph coverage` shows that share).
EXTERNAL_SKIPPED = ("C-TRI-1", "C-TRI-2", "C-DUP-3")
EXTERNAL_DIR = "external"


def check_shipped(
    store, folder: Path | None = None, lang: str = "en", *, external: bool = True
) -> list[Problem]:
    """The checks on the shipped mapping files (or ``folder``'s), with the store's graph;
    ``external``: also on the links to external vocabularies (``mappings/external/``), with
    the checks of ``EXTERNAL_SKIPPED`` left out for those records."""
    g = graph_index(store)
    internal = run(curated(shipped_files(folder), g), g, lang)
    files = external_files(folder) if external else []
    if not files:
        return internal
    names = {name for name, _ in files}
    found = _check_external(store, shipped_files(folder), files, names, lang)
    order = {c: i for i, (c, _, _) in enumerate(CHECKS)}
    return sorted(internal + found, key=lambda p: (order[p.check], p.severity, p.items, p.records))


def _check_external(
    store,
    internal: list[tuple[str, list[MappingRecord]]],
    files: list[tuple[str, list[MappingRecord]]],
    names: set[str],
    lang: str = "en",
) -> list[Problem]:
    """The checks on external link files beside the internal ones (C-ANC-1 and C-DIR-1 see
    both), reporting only failures that name a record of ``names``."""
    g = graph_index(store)
    for _, records in files:
        for r in records:
            if not r.is_no_match and r.object_id not in g.scheme and r.object_source:
                g.scheme[r.object_id] = r.object_source  # the vocabulary stands as a framework
    g.kinds_of = _kinds(store)
    every = curated(internal, g) + curated(files, g)
    return [p for p in run(every, g, lang, skip=EXTERNAL_SKIPPED) if set(p.files) & names]


def _kinds(store) -> dict[str, set[str]]:
    """CURIE -> its herstelgraph item types (hg:Competency, hg:KnowledgeItem, …)."""
    from ..ids import compact

    out: dict[str, set[str]] = defaultdict(set)
    for r in store.select(
        "SELECT ?c ?t WHERE { ?c skos:inScheme ?s ; a ?t "
        "FILTER(STRSTARTS(STR(?t), STR(hg:)) && ?t NOT IN (hg:Item, hg:RequirementItem)) }"
    ):
        out[compact(r["c"].value)].add(compact(r["t"].value))
    return out


def check_files(
    paths: Sequence[Path], store, folder: Path | None = None, lang: str = "en"
) -> list[Problem]:
    """The checks on a user's SSSOM files, in the company of the shipped mappings of the other
    framework pairs (a user's file stands in for the shipped file of its pair): only failures
    that name a record of the user's files are reported (C-DUP-3, about the graph alone, is
    left out)."""
    g = graph_index(store)
    mine = [(str(p), read_tsv(p).records) for p in paths]
    external = [
        (str(p), read_external(p)) for p, (_, r) in zip(paths, mine, strict=True) if _is_external(r)
    ]
    outside = {name for name, _ in external}
    mine = [m for m in mine if m[0] not in outside]
    found: list[Problem] = []
    if external:  # a user's ESCO file stands in for the shipped file of its name
        names = {Path(n).name for n in outside}
        shipped = [f for f in external_files(folder) if Path(f[0]).name not in names]
        found = _check_external(store, shipped_files(folder), shipped + external, outside, lang)
    if not mine:
        return found
    return found + _check_internal(mine, g, folder, {str(p) for p in paths}, lang)


def _check_internal(
    mine: list[tuple[str, list[MappingRecord]]],
    g: GraphIndex,
    folder: Path | None,
    names: set[str],
    lang: str = "en",
) -> list[Problem]:
    mine_recs = curated(mine, g)
    if not any(c.rec.subject_id in g.scheme or c.rec.object_id in g.scheme for c in mine_recs):
        return []  # another vocabulary's mappings: the rubric is about these frameworks
    pairs = {_pair(c.rec, g) for c in mine_recs}
    others = []
    for name, records in shipped_files(folder):
        recs = curated([(name, records)], g)
        if not any(_pair(c.rec, g) in pairs for c in recs):
            others.append((name, records))
    every = curated(others, g) + mine_recs
    out = []
    for p in run(every, g, lang):
        if p.check == "C-DUP-3":
            continue
        if set(p.files) & names:
            out.append(p)
    return out


def _pair(rec: MappingRecord, g: GraphIndex) -> frozenset:
    return frozenset(
        (
            rec.subject_source or g.scheme.get(rec.subject_id, ""),
            rec.object_source or g.scheme.get(rec.object_id, ""),
        )
    )


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == ERROR]


__all__ = [
    "CHECKS",
    "NO_TERM",
    "GraphIndex",
    "Problem",
    "check_files",
    "check_shipped",
    "errors",
    "graph_index",
    "run",
]
