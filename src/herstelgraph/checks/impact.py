"""What a new release changes for a curriculum (``herstelgraph impact CURRICULUM --from OLD
--to NEW``): an institute runs it when a new qualification version or mapping release comes
out.

* **items**: which of the items the curriculum is aligned to changed (label, definition,
  hierarchy, type, notation), were deprecated (and what replaced them) or disappeared;
* **coverage**: how its coverage moves (``questions.coverage.coverage_of`` under each state:
  the summary rows, and every item whose status or route changed);
* **findings**: which validation findings (in the curriculum's own words,
  ``checks.findings``) appear or vanish, each state validated with its own shapes.

The curriculum (Turtle, JSON-LD, or a sheet) is read once, against the new state (where a
deprecated item still resolves), and the same triples are measured under both states.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from ..errors import HerstelgraphError, MissingDataError
from ..ids import compact
from ..model import Record
from ..vocab import HG
from .diff import ADDED, ConceptChange, concept_changes, read_concepts
from .states import State

APPEARED, VANISHED = "appeared", "vanished"


@dataclass(frozen=True)
class AlignedItemChange(Record):
    """An item the curriculum is aligned to that changed between the states."""

    curriculum: str
    item: str
    notation: str | None
    label: str
    outcomes: tuple[str, ...]
    change: str
    property: str | None
    before: str | None
    after: str | None


@dataclass(frozen=True)
class CoverageMove(Record):
    """One row of the coverage summary (``section_label`` None: all requirements, or the
    context), before and after."""

    curriculum: str
    framework: str
    section: str | None
    section_label: str | None
    kind: str
    items_before: int | None
    items_after: int | None
    covered_before: int | None
    covered_after: int | None
    share_before: float | None
    share_after: float | None
    share_with_mappings_before: float | None
    share_with_mappings_after: float | None


@dataclass(frozen=True)
class ItemStatusChange(Record):
    """An item of the framework whose coverage status (or route) changed."""

    curriculum: str
    framework: str
    item: str
    notation: str | None
    label: str
    status_before: str | None
    status_after: str | None
    via_before: str | None
    via_after: str | None


@dataclass(frozen=True)
class FindingChange(Record):
    """A validation finding that appears in the new state or vanishes from the old one."""

    curriculum: str
    change: str
    severity: str
    code: str
    module: str | None
    outcome: str | None
    item: str | None
    text: str
    fix: str


@dataclass(frozen=True)
class Impact(Record):
    """The whole report for one curriculum file."""

    file: str
    old: str
    old_version: str | None
    new: str
    new_version: str | None
    curricula: tuple[str, ...]
    items: tuple[AlignedItemChange, ...]
    coverage: tuple[CoverageMove, ...]
    statuses: tuple[ItemStatusChange, ...]
    findings: tuple[FindingChange, ...]


# ---------------------------------------------------------------------------- reading
def _read(path: Path, stores: list, framework: str | None):
    """The curriculum's triples, read against the first store that resolves its IDs."""
    from .validate import read_profiles

    problem: HerstelgraphError | None = None
    for store in stores:
        try:
            return read_profiles(store, [path], conforms_to=framework)
        except HerstelgraphError as exc:  # e.g. a sheet naming an item one state lacks
            problem = problem or exc
    assert problem is not None
    raise problem


def _aligned(data, cur) -> dict[str, list[str]]:
    """Item IRI -> the labels of the curriculum's learning outcomes aligned to it."""
    from .findings import _label

    out: dict[str, list[str]] = {}
    for mq in data.quads_for_pattern(cur, ox.NamedNode(HG + "module"), None):
        for lq in data.quads_for_pattern(mq.object, ox.NamedNode(HG + "learningOutcome"), None):
            name = _label(data, lq.object) or compact(lq.object.value)
            for aq in data.quads_for_pattern(lq.object, ox.NamedNode(HG + "alignedTo"), None):
                out.setdefault(aq.object.value, []).append(name)
    return {k: sorted(set(v)) for k, v in out.items()}


def _with_data(store, data):
    from ..store.store import USER

    store.extend(ox.Quad(q.subject, q.predicate, q.object, USER) for q in data)
    return store


# ---------------------------------------------------------------------------- measuring
def _measure(state: State, store, data, curricula, framework, lang):
    """Coverage (summary and items) and findings of each curriculum under one state."""
    from ..questions.coverage import coverage_of, coverage_summary
    from .findings import curriculum_findings
    from .states import profile_shapes
    from .validate import validate_profiles

    coverage, items = {}, {}
    for cur in curricula:
        rows = coverage_of(store, cur.value, framework)
        coverage[cur.value] = coverage_summary(rows)
        items[cur.value] = rows
    report = validate_profiles(store, data, lang, shapes=profile_shapes(state))
    findings = curriculum_findings(store, report, data, lang)
    return coverage, items, findings


def _coverage_moves(prof: str, before: list, after: list) -> list[CoverageMove]:
    def key(s) -> tuple:
        return (s.framework, s.section, s.kind)

    def covered(s) -> int:
        return s.direct + s.part_of + s.all_parts

    a, b = {key(s): s for s in before}, {key(s): s for s in after}
    out = []
    order = [key(s) for s in after] + [k for k in (key(s) for s in before) if k not in b]
    for k in order:
        x, y = a.get(k), b.get(k)
        s = y or x
        assert s is not None
        out.append(
            CoverageMove(
                prof, s.framework, s.section, s.section_label, s.kind,
                x.items if x else None, y.items if y else None,
                covered(x) if x else None, covered(y) if y else None,
                x.share if x else None, y.share if y else None,
                x.share_with_mappings if x else None, y.share_with_mappings if y else None,
            )
        )  # fmt: skip
    return out


def _status_changes(prof: str, before: list, after: list) -> list[ItemStatusChange]:
    from ..questions.catalogue import _natural

    a = {(i.framework, i.item): i for i in before}
    b = {(i.framework, i.item): i for i in after}
    out = []
    for k in set(a) | set(b):
        x, y = a.get(k), b.get(k)
        if x and y and (x.status, x.via) == (y.status, y.via):
            continue
        s = y or x
        assert s is not None
        out.append(
            ItemStatusChange(
                prof, s.framework, s.item, s.notation, s.label,
                x.status if x else None, y.status if y else None,
                x.via if x else None, y.via if y else None,
            )
        )  # fmt: skip
    return sorted(out, key=lambda c: (c.framework, _natural(c.notation), _natural(c.item)))


def _finding_key(f) -> tuple:
    # the text names labels, which a release may change: it tells findings apart only
    # where nothing else does
    return (f.curriculum, f.severity, f.code, f.module, f.outcome, f.item,
            f.text if f.code == "other" else "")  # fmt: skip


def _finding_changes(before: list, after: list) -> list[FindingChange]:
    a = {_finding_key(f): f for f in before}
    b = {_finding_key(f): f for f in after}
    out = [
        FindingChange(
            f.curriculum, change, f.severity, f.code, f.module, f.outcome, f.item, f.text, f.fix
        )
        for change, keys, side in ((VANISHED, set(a) - set(b), a), (APPEARED, set(b) - set(a), b))
        for f in (side[k] for k in keys)
    ]
    return sorted(out, key=lambda f: (f.curriculum, f.change, f.module or "", f.outcome or "",
                                      f.item or "", f.code))  # fmt: skip


def _item_changes(
    prof: str, aligned: dict[str, list[str]], changes: list[ConceptChange]
) -> list[AlignedItemChange]:
    """The concept changes of the items the curriculum is aligned to (an IRI only the old
    state held is 'removed'; one only the new holds was no alignment of the old)."""
    mine = {compact(iri): outs for iri, outs in aligned.items()}
    return [
        AlignedItemChange(
            prof,
            c.item,
            c.notation,
            c.label,
            tuple(mine[c.item]),
            c.change,
            c.property,
            c.before,
            c.after,
        )
        for c in changes
        if c.item in mine and c.change != ADDED
    ]


def impact_stores(
    path: Path,
    old_state: State,
    old_store,
    new_state: State,
    new_store,
    *,
    framework: str | None = None,
    lang: str = "nl",
) -> Impact:
    """The impact of going from one loaded state to the other on the curriculum at ``path``
    (the stores get the curriculum in their user graph)."""
    from .findings import curricula as find_curricula

    path = Path(path)
    data = _read(path, [new_store, old_store], framework)
    curricula = find_curricula(data)
    if not curricula:
        raise MissingDataError("curriculum", f"{path}: holds no curriculum")
    old_c, new_c = read_concepts(old_store), read_concepts(new_store)
    changes = concept_changes(old_c, new_c)
    _with_data(old_store, data)
    _with_data(new_store, data)
    cov_a, items_a, find_a = _measure(old_state, old_store, data, curricula, framework, lang)
    cov_b, items_b, find_b = _measure(new_state, new_store, data, curricula, framework, lang)
    aligned_changes: list[AlignedItemChange] = []
    moves: list[CoverageMove] = []
    statuses: list[ItemStatusChange] = []
    for cur in curricula:
        prof = compact(cur.value)
        aligned_changes += _item_changes(prof, _aligned(data, cur), changes)
        moves += _coverage_moves(prof, cov_a[cur.value], cov_b[cur.value])
        statuses += _status_changes(prof, items_a[cur.value], items_b[cur.value])
    return Impact(
        file=str(path),
        old=old_state.name,
        old_version=old_state.version,
        new=new_state.name,
        new_version=new_state.version,
        curricula=tuple(compact(c.value) for c in curricula),
        items=tuple(aligned_changes),
        coverage=tuple(moves),
        statuses=tuple(statuses),
        findings=tuple(_finding_changes(find_a, find_b)),
    )


def impact(
    path: Path,
    old: str | None,
    new: str | None = None,
    *,
    framework: str | None = None,
    lang: str = "nl",
    repo=None,
) -> Impact:
    """What going from state ``old`` to ``new`` (``checks.states``; None: the shipped graph)
    changes for the curriculum at ``path``."""
    from .states import load_state, open_state

    with open_state(old, repo=repo) as a, open_state(new, repo=repo) as b:
        return impact_stores(
            Path(path), a, load_state(a), b, load_state(b), framework=framework, lang=lang
        )
