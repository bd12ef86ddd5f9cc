"""The merged view: the curated records plus every reviewer's decisions, computed, never
written back (the curated files stay the source).

One :class:`Claim` per pair of items (or per item and framework for a no-match record). Its
status and the relation in force follow from the decisions that are *current* — made on the
relation the curated record still states (a decision on a relation the curators have since
changed is outdated and counts for nothing):

=================  ==========================================  ==============================
status             when                                        in force
=================  ==========================================  ==============================
unreviewed         no current decision                         the curated record
unsure             only "unsure" answers                       the curated record
confirmed          every reviewer holds the curated relation   the curated record
                   (or, for a link a reviewer made, the same
                   relation)
changed            every reviewer holds the same other         that relation (a new record)
                   relation
rejected           every reviewer rejects it                   nothing
disputed           reviewers hold different things             the curated record if at
                                                               least one reviewer holds it,
                                                               else nothing
=================  ==========================================  ==============================

So a rejected record never counts as coverage, and a curated record stands while at least
one reviewer supports it. A link only a reviewer made (from a no-match or a predicted
candidate) is in force once every reviewer who judged it holds one relation.

``load()`` applies this at every load (``apply_reviews``): records not in force move to the
WITHHELD graph before the SKOS closure and the tallies are computed, so gaps, coverage,
coverage-of and chains never count them; records the reviewers made go into the user graph.
The closure cache key includes the review files. :class:`MappingFilter` (reviewed only,
minimum confidence) derives a filtered store the same way.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from ...errors import InputError, InputFileError, ParameterError, UnsupportedError
from ...model import ReviewDecision, ReviewStatus
from ...vocab import NO_TERM_CURIE
from .records import (
    AGREE,
    DISAGREE,
    NONE,
    Decision,
    claim_key,
    is_no_match_key,
    split_key,
    stated,
)
from .version import MERGE_VERSION as MERGE_VERSION  # bump it when the rules here change


@dataclass(frozen=True)
class Curated:
    """A record of the graph (curated, or a user file's) as the merged view needs it."""

    record: str
    subject: str
    predicate: str
    object: str
    object_source: str
    confidence: float | None
    rule: str = ""
    strength: str = ""

    @property
    def key(self) -> str:
        return claim_key(self.subject, self.predicate, self.object, self.object_source)[0]

    @property
    def stance(self) -> str:
        if self.object == NO_TERM_CURIE:
            return AGREE
        return claim_key(self.subject, self.predicate, self.object, self.object_source)[1]


@dataclass(frozen=True)
class Predicted:
    """A predicted candidate (suggest's SSSOM): never in force until a reviewer confirms it."""

    key: str
    stance: str
    score: float | None
    source: str


@dataclass(frozen=True)
class Claim:
    """One pair of items in the merged view."""

    key: str
    status: ReviewStatus
    effective: str | None  # the stance in force (a relation, or 'agree' for a no-match)
    support: int  # reviewers whose current decision holds the stance in force
    curated: Curated | None = None
    predicted: Predicted | None = None
    decisions: tuple[Decision, ...] = ()  # current
    outdated: tuple[Decision, ...] = ()
    record: str | None = None  # the record in force (set by apply_reviews)

    @property
    def is_no_match(self) -> bool:
        return is_no_match_key(self.key)

    @property
    def base(self) -> str | None:
        if self.curated is not None:
            return self.curated.stance
        return self.predicted.stance if self.predicted else None

    @property
    def reviewers(self) -> tuple[str, ...]:
        return tuple(d.reviewer for d in self.decisions)

    def decision_of(self, reviewer: str) -> Decision | None:
        for d in (*self.decisions, *self.outdated):
            if d.reviewer == reviewer:
                return d
        return None

    @property
    def confidence(self) -> float | None:
        return self.curated.confidence if self.curated else None


# ---------------------------------------------------------------------------- merging
def _current(d: Decision, curated: Curated | None) -> Decision | None:
    """The decision as it bears on the record now, or None when it judged an older relation."""
    if curated is None:
        return d
    base = curated.stance
    if curated.object == NO_TERM_CURIE:
        return d if d.reviewed == curated.predicate else None
    if d.kind == ReviewDecision.CHANGE and d.stance == base:
        # the curators adopted the reviewer's relation: now a confirmation
        return replace(d, kind=ReviewDecision.CONFIRM, reviewed=base)
    return d if d.reviewed == base else None


def merge_claim(
    key: str,
    curated: Curated | None,
    decisions: Sequence[Decision],
    predicted: Predicted | None = None,
) -> Claim:
    current: list[Decision] = []
    outdated: list[Decision] = []
    for d in decisions:
        c = _current(d, curated)
        (current if c is not None else outdated).append(c or d)
    base = curated.stance if curated else (predicted.stance if predicted else None)
    held = [d.stance for d in current if d.stance is not None]
    distinct = set(held)
    if not current:
        status = ReviewStatus.UNREVIEWED
    elif not held:
        status = ReviewStatus.UNSURE
    elif len(distinct) == 1:
        (v,) = distinct
        if v == base:
            status = ReviewStatus.CONFIRMED
        elif v in (NONE, DISAGREE):
            status = ReviewStatus.REJECTED
        elif base is None:
            status = ReviewStatus.CONFIRMED
        else:
            status = ReviewStatus.CHANGED
    else:
        status = ReviewStatus.DISPUTED
    effective: str | None
    if curated is not None:
        if status in (ReviewStatus.UNREVIEWED, ReviewStatus.UNSURE, ReviewStatus.CONFIRMED):
            effective = base
        elif status == ReviewStatus.CHANGED:
            effective = held[0]
        elif status == ReviewStatus.DISPUTED:
            effective = base if base in distinct else None
        else:
            effective = None
    elif status in (ReviewStatus.CONFIRMED, ReviewStatus.CHANGED):
        effective = held[0]
    else:
        effective = None
    support = sum(1 for v in held if v == effective) if effective else 0
    return Claim(
        key=key,
        status=status,
        effective=effective,
        support=support,
        curated=curated,
        predicted=predicted,
        decisions=tuple(sorted(current, key=lambda d: d.reviewer)),
        outdated=tuple(sorted(outdated, key=lambda d: d.reviewer)),
        record=curated.record if curated and effective == base else None,
    )


def merged_view(
    curated: Iterable[Curated],
    decisions: Iterable[Decision],
    predicted: Iterable[Predicted] = (),
) -> dict[str, Claim]:
    """Every claim of the curated records, the decisions and the predicted candidates."""
    by_key: dict[str, Curated] = {}
    for c in curated:
        by_key.setdefault(c.key, c)
    decided: dict[str, list[Decision]] = {}
    for d in decisions:
        decided.setdefault(d.key, []).append(d)
    pred: dict[str, Predicted] = {}
    for p in predicted:
        pred.setdefault(p.key, p)
    keys = set(by_key) | set(decided) | set(pred)
    return {k: merge_claim(k, by_key.get(k), decided.get(k, ()), pred.get(k)) for k in sorted(keys)}


def read_decisions(files: Iterable[tuple[Path, bytes | None]]) -> list[Decision]:
    """The decisions of every review file; two files of one reviewer are refused."""
    from .records import decisions_of, read_file

    out: list[Decision] = []
    owner: dict[str, Path] = {}
    for path, data in files:
        rf = read_file(path, data=data)
        if rf.reviewer.id in owner:
            raise InputFileError(
                path,
                f"a second review file of {rf.reviewer.id} (the first is {owner[rf.reviewer.id]}); "
                "keep one file per reviewer",
                line=1,
            )
        owner[rf.reviewer.id] = path
        out.extend(decisions_of(rf).values())
    return out


# ---------------------------------------------------------------------------- the store
_RECORDS = """
SELECT ?r ?s ?p ?o ?os ?conf ?rule ?other WHERE {
  ?r a sssom:Mapping ; owl:annotatedSource ?s ; owl:annotatedProperty ?p ;
     owl:annotatedTarget ?o .
  OPTIONAL { ?r sssom:object_source ?os }
  OPTIONAL { ?r sssom:confidence ?conf }
  OPTIONAL { ?r sssom:curation_rule ?rule }
  OPTIONAL { ?r sssom:other ?other }
}"""


#: the same records in the external graph: the curated links to ESCO (issue 21)
_EXTERNAL_RECORDS = _RECORDS.replace("WHERE {", "WHERE { GRAPH ?graph {", 1) + " }"


def curated_records(store) -> list[Curated]:
    """Every mapping record of the store's asserted, user and external graphs (the links to
    ESCO are reviewed like the internal ones)."""
    from ...ids import compact
    from ...store.store import EXTERNAL

    out = []
    rows = store.select(_RECORDS) + store.select(_EXTERNAL_RECORDS, {"graph": EXTERNAL})
    for r in rows:
        out.append(
            Curated(
                record=compact(r["r"].value),
                subject=compact(r["s"].value),
                predicate=compact(r["p"].value),
                object=compact(r["o"].value),
                object_source=compact(r["os"].value) if r.get("os") else "",
                confidence=float(r["conf"].value) if r.get("conf") else None,
                rule=compact(r["rule"].value) if r.get("rule") else "",
                strength=compact(r["other"].value) if r.get("other") else "",
            )
        )
    return out


@dataclass
class ReviewState:
    """What a store was loaded with: the claims and, per claim key, the record in force."""

    claims: dict[str, Claim]
    files: tuple[str, ...] = ()
    filter: MappingFilter | None = None
    withheld: set[str] = field(default_factory=set)


_STATE: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
#: the layout of ``dump_state``'s JSON (with MERGE_VERSION, which is in the store's key)
_STATE_FORMAT = 1


def review_state(store) -> ReviewState:
    """The merged view a store was loaded with (computed without reviews for a store that
    was not loaded by ``load``; read from beside a persisted store, ``dump_state``)."""
    state = _STATE.get(store)
    if state is None:
        from .kept import DEFERRED

        read = DEFERRED.pop(store, None)
        data = read() if read is not None else None
        if data is not None:
            state = _load_state(data)
        elif read is not None:  # kept at build, gone now: never answer as if unreviewed
            raise InputError(
                "the persisted store's review state is missing; clear the cache "
                "(its folder is safe to delete) and ask again"
            )
        else:
            state = ReviewState(merged_view(curated_records(store), ()))
        try:
            _STATE[store] = state
        except TypeError:  # not weak-referenceable: recompute next time
            pass
    return state


def _decision_json(d: Decision) -> dict:
    out = asdict(d)
    out["kind"] = d.kind.value
    out["lines"] = list(d.lines)
    return out


def dump_state(store) -> bytes:
    """The merged view ``apply_reviews`` computed for ``store``, as JSON: kept beside the
    persisted store (verified with it), since its graphs hold only the records in force."""
    import json

    state = review_state(store)
    claims = []
    for c in state.claims.values():
        claims.append(
            {
                "key": c.key,
                "status": c.status.value,
                "effective": c.effective,
                "support": c.support,
                "curated": asdict(c.curated) if c.curated else None,
                "predicted": asdict(c.predicted) if c.predicted else None,
                "decisions": [_decision_json(d) for d in c.decisions],
                "outdated": [_decision_json(d) for d in c.outdated],
                "record": c.record,
            }
        )
    body = {
        "format": _STATE_FORMAT,
        "merge": MERGE_VERSION,
        "files": list(state.files),
        "withheld": sorted(state.withheld),
        "claims": claims,
    }
    return json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode()


def _load_state(data: bytes) -> ReviewState:
    import json

    def decision(d: dict) -> Decision:
        return Decision(**{**d, "kind": ReviewDecision(d["kind"]), "lines": tuple(d["lines"])})

    try:
        body = json.loads(data)
        if body.get("format") != _STATE_FORMAT or body.get("merge") != MERGE_VERSION:
            raise ValueError("another format")
        claims = {}
        for c in body["claims"]:
            claims[c["key"]] = Claim(
                key=c["key"],
                status=ReviewStatus(c["status"]),
                effective=c["effective"],
                support=c["support"],
                curated=Curated(**c["curated"]) if c["curated"] else None,
                predicted=Predicted(**c["predicted"]) if c["predicted"] else None,
                decisions=tuple(decision(d) for d in c["decisions"]),
                outdated=tuple(decision(d) for d in c["outdated"]),
                record=c["record"],
            )
        return ReviewState(claims, tuple(body["files"]), None, set(body["withheld"]))
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(
            f"the persisted store's review state is unreadable ({type(exc).__name__}); clear "
            "the cache (its folder is safe to delete) and ask again"
        ) from None


def _node(curie: str):
    import pyoxigraph as ox

    from ...ids import expand

    iri = expand(curie)
    if iri is None:
        raise InputError(f"cannot expand {curie!r}: unknown prefix")
    return ox.NamedNode(iri)


def _record_triples(c: Curated) -> list[tuple]:
    triples = []
    if c.object != NO_TERM_CURIE:
        triples.append((_node(c.subject), _node(c.predicate), _node(c.object)))
        if c.strength:
            triples.append((_node(c.subject), _node(c.strength), _node(c.object)))
    return triples


def _new_record(claim: Claim, labels: dict[str, str], schemes: dict[str, str]) -> tuple[str, list]:
    """The RDF of a record the reviewers made (a changed relation or a link they added), in
    the form of the curated records (owl:Axiom, SSSOM properties) without a confidence."""
    import pyoxigraph as ox

    from ...vocab import PREFIXES
    from ..sssom import record_id

    s, p, o = stated(claim.key, claim.effective or "")
    rid = record_id(s, p, o, "")
    backers = [d for d in claim.decisions if d.stance == claim.effective]
    rdf, sssom = PREFIXES["rdf"], PREFIXES["sssom"]
    r = _node(rid)

    def lit(text: str, dt: str | None = None):
        return ox.Literal(text, datatype=ox.NamedNode(dt)) if dt else ox.Literal(text)

    triples = [
        (_node(s), _node(p), _node(o)),
        (r, ox.NamedNode(rdf + "type"), ox.NamedNode(PREFIXES["owl"] + "Axiom")),
        (r, ox.NamedNode(rdf + "type"), ox.NamedNode(sssom + "Mapping")),
        (r, ox.NamedNode(PREFIXES["owl"] + "annotatedSource"), _node(s)),
        (r, ox.NamedNode(PREFIXES["owl"] + "annotatedProperty"), _node(p)),
        (r, ox.NamedNode(PREFIXES["owl"] + "annotatedTarget"), _node(o)),
        (r, ox.NamedNode(sssom + "mapping_justification"), _node("semapv:MappingReview")),
        (r, ox.NamedNode(PREFIXES["pav"] + "authoredBy"), _node(backers[0].reviewer)),
        (
            r,
            ox.NamedNode(sssom + "author_label"),
            lit("; ".join(d.reviewer_label or d.reviewer for d in backers) + " (review)"),
        ),
        (
            r,
            ox.NamedNode(PREFIXES["dct"] + "created"),
            lit(max(d.date for d in backers), PREFIXES["xsd"] + "date"),
        ),
    ]
    if schemes.get(s):
        triples.append((r, ox.NamedNode(sssom + "subject_source"), _node(schemes[s])))
    if schemes.get(o):
        triples.append((r, ox.NamedNode(sssom + "object_source"), _node(schemes[o])))
    comment = " ".join(d.comment for d in backers if d.comment)
    if comment:
        triples.append((r, ox.NamedNode(PREFIXES["rdfs"] + "comment"), lit(comment)))
    rule = next((d.rule for d in backers if d.rule), "")
    if rule:
        triples.append((r, ox.NamedNode(sssom + "curation_rule"), _node(rule)))
    return rid, triples


def _withhold(store, claim: Claim) -> None:
    from ...store.overlay import withhold

    if claim.curated is not None:
        withhold(store, _node(claim.curated.record), _record_triples(claim.curated))


def apply_reviews(store, files: Sequence[tuple[Path, bytes | None]]) -> ReviewState:
    """Apply the review files to a freshly loaded store (before its closure): records not in
    force are withheld, records the reviewers made are added to the user graph."""
    from ...store.overlay import add_user_quads
    from ..sssom import graph_index

    decisions = read_decisions(files)
    claims = merged_view(curated_records(store), decisions)
    labels: dict[str, str] = {}
    schemes: dict[str, str] = {}
    internal: set[str] = set()
    withheld: set[str] = set()
    for key, claim in list(claims.items()):
        base = claim.base if claim.curated else None
        if claim.curated is not None and claim.effective != base:
            _withhold(store, claim)
            withheld.add(key)
        if claim.effective is not None and (claim.curated is None or claim.effective != base):
            if claim.is_no_match:  # a no-match is only ever the curated one
                continue
            if not schemes:
                labels, schemes = graph_index(store, external=True)
                internal = set(graph_index(store)[1])
            a, b, _ = split_key(claim.key)
            if a not in schemes or b not in schemes:
                continue  # an item this graph does not hold
            rid, triples = _new_record(claim, labels, schemes)
            # a link to ESCO stays in the external graph, apart from every framework figure
            add_user_quads(store, triples, external=not {a, b} <= internal)
            claims[key] = replace(claim, record=rid)
    state = ReviewState(claims, tuple(str(p) for p, _ in files), None, withheld)
    _STATE[store] = state
    return state


# ---------------------------------------------------------------------------- filters
@dataclass(frozen=True)
class MappingFilter:
    """Which records a question counts, beyond the merged view: ``reviewed_only`` N keeps the
    records at least N reviewers hold (0: all); ``min_confidence`` keeps the records whose
    curated confidence is at least this (a record a reviewer made has none and is kept).
    Both apply to no-match records too: one left out makes its item "not reviewed"."""

    reviewed_only: int = 0
    min_confidence: float | None = None

    def __post_init__(self) -> None:
        if isinstance(self.reviewed_only, bool) or not isinstance(self.reviewed_only, int):
            raise ParameterError("reviewed_only", "reviewed_only is a number of reviewers (0: all)")
        if self.reviewed_only < 0:
            raise ParameterError("reviewed_only", "reviewed_only cannot be negative")
        m = self.min_confidence
        if m is not None and (isinstance(m, bool) or not isinstance(m, int | float)):
            raise ParameterError(
                "min_confidence", f"min_confidence {m!r} is not a number; give one from 0 to 1"
            )
        if m is not None and not 0 <= m <= 1:
            raise ParameterError("min_confidence", f"min_confidence {m!r} is not between 0 and 1")

    @property
    def active(self) -> bool:
        return bool(self.reviewed_only) or self.min_confidence is not None

    def keeps(self, claim: Claim) -> bool:
        if claim.effective is None:
            return False
        if self.reviewed_only and (
            claim.support < self.reviewed_only
            or claim.status in (ReviewStatus.UNREVIEWED, ReviewStatus.UNSURE)
        ):
            return False
        if self.min_confidence is not None and claim.record == (
            claim.curated.record if claim.curated else None
        ):
            conf = claim.confidence
            if conf is not None and conf < self.min_confidence:
                return False
        return True

    def apply(self, store):
        """The store as this filter sees it: ``store`` itself when the filter keeps all, else
        a derived store (built once per store and filter) with the other records withheld."""
        if not self.active:
            return store
        from ...store.store import Store

        if not isinstance(store, Store):
            raise UnsupportedError(
                "keeping only reviewed or confident mappings needs the embedded store (it "
                "recomputes the SKOS closure); a SPARQL endpoint answers for all mappings"
            )
        memo = _FILTERED.setdefault(store, {})
        if self not in memo:
            memo[self] = self._derive(store)
        return memo[self]

    def _derive(self, store):
        from ...store.closure import add_closure
        from ...store.overlay import copy_own, withhold
        from ...store.tallies import add_tallies

        state = review_state(store)
        new = copy_own(store)
        dropped = set()
        for key, claim in state.claims.items():
            if claim.effective is None or claim.record is None or self.keeps(claim):
                continue
            if claim.curated is not None and claim.record == claim.curated.record:
                triples = _record_triples(claim.curated)
            else:
                triples = [tuple(_node(x) for x in stated(key, claim.effective))]
            withhold(new, _node(claim.record), triples)
            dropped.add(key)
        add_closure(new)
        add_tallies(new)
        _STATE[new] = ReviewState(state.claims, state.files, self, state.withheld | dropped)
        return new


_FILTERED: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def filtered(store, reviewed_only: int = 0, min_confidence: float | None = None):
    """``MappingFilter(reviewed_only, min_confidence).apply(store)``: what the questions call."""
    return MappingFilter(reviewed_only, min_confidence).apply(store)
