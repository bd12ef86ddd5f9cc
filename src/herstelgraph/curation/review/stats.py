"""Review figures a paper can report: counts per framework pair and relation, Cohen's κ for
each pair of reviewers, Krippendorff's α over all of them, and the disagreements.

**The category** a reviewer gives a record (a nominal value): ``confirm`` (the curated
relation, or "nothing matches" for a no-match record), ``reject`` (no relation, or "the item
does match"), or ``change:<relation>`` (another relation). For a link only a reviewer made
(nothing curated or predicted to compare with) the category is the relation held. ``unsure``
is not a judgement: it counts as missing. Only decisions on the relation the curated record
states now count (an outdated decision is missing too).

**Cohen's κ** (Cohen 1960) for reviewers A and B, over the records both judged:
κ = (p_o − p_e) / (1 − p_e), p_o the share of records with the same category, p_e = Σ_k
p_A(k)·p_B(k) from each reviewer's own shares. Undefined (None) when p_e = 1.

**Krippendorff's α**, nominal (Krippendorff 2011, "Computing Krippendorff's alpha-reliability"),
over every record at least two reviewers judged, with missing values: from the coincidence
matrix o_ck = Σ_u (pairs c–k in unit u) / (m_u − 1), n_c = Σ_k o_ck, n = Σ_c n_c:
α = 1 − (n − 1) · Σ_{c≠k} o_ck / Σ_{c≠k} n_c·n_k. Undefined (None) when only one category
occurs.

Both are implemented here (a few lines each, no dependency): the tests hold them to
hand-computed cases and to the ``krippendorff`` package (a test extra) as a reference.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from ...model import Record, ReviewStatus
from .merge import Claim
from .records import DISAGREE, NONE, split_key

PREFIX_FRAMEWORK = {
    "bijlage2": "bijlage-ii",
    "bk": "bk-0597-1",
    "rv": "randvoorwaarden",
    "valente": "valente-2023",
    "nk": "nk-2017",
    # external vocabularies (issue 21): ESCO's occupations and skills are one vocabulary
    "escoo": "esco",
    "escos": "esco",
}


#: The frameworks in the order the review queue and the translations view list them.
FRAMEWORKS = ("bijlage-ii", "bk-0597-1", "randvoorwaarden", "valente-2023", "nk-2017", "esco")


def framework_of(curie: str) -> str:
    prefix, _, local = curie.partition(":")
    if prefix == "hgext":  # an external vocabulary's scheme (a no-match record's target)
        return local
    return PREFIX_FRAMEWORK.get(prefix, prefix)


# ---------------------------------------------------------------------------- measures
def cohen_kappa(pairs: Sequence[tuple[str, str]]) -> tuple[float | None, float, float]:
    """(κ, p_o, p_e) for two raters' categories on the same units."""
    n = len(pairs)
    if n == 0:
        return None, 0.0, 0.0
    po = sum(1 for a, b in pairs if a == b) / n
    ca, cb = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    pe = sum(ca[k] * cb[k] for k in ca.keys() | cb.keys()) / (n * n)
    if pe >= 1:
        return None, po, pe
    return (po - pe) / (1 - pe), po, pe


def krippendorff_alpha(units: Iterable[Sequence[str]]) -> tuple[float | None, int]:
    """(α nominal, number of pairable values n) over units of categories (missing left out)."""
    o: dict[tuple[str, str], float] = defaultdict(float)
    for values in units:
        m = len(values)
        if m < 2:
            continue
        counts = Counter(values)
        for c, nc in counts.items():
            for k, nk in counts.items():
                pairs = nc * (nk - 1) if c == k else nc * nk
                o[(c, k)] += pairs / (m - 1)
    n_c: dict[str, float] = defaultdict(float)
    for (c, _), v in o.items():
        n_c[c] += v
    n = sum(n_c.values())
    disagree = sum(v for (c, k), v in o.items() if c != k)
    expected = sum(n_c[c] * n_c[k] for c in n_c for k in n_c if c != k)
    if n <= 1 or expected == 0:
        return None, round(n)
    return 1 - (n - 1) * disagree / expected, round(n)


def category(claim: Claim, stance: str | None) -> str | None:
    """A reviewer's category on a record (module docstring); None for unsure."""
    if stance is None:
        return None
    if stance in (NONE, DISAGREE):
        return "reject"
    base = claim.base
    if base is None:
        return stance
    if stance == base:
        return "confirm"
    return f"change:{stance}"


# ---------------------------------------------------------------------------- records
@dataclass(frozen=True)
class ReviewCount(Record):
    """Per framework pair and curated relation: how many records, and their merged status."""

    subject_framework: str
    object_framework: str
    relation: str
    records: int
    reviewed: int
    confirmed: int
    rejected: int
    changed: int
    unsure: int
    disputed: int


@dataclass(frozen=True)
class Agreement(Record):
    """Cohen's κ for two reviewers, or Krippendorff's α over all ('all')."""

    measure: str
    reviewers: str
    items: int
    observed: float | None
    expected: float | None
    value: float | None
    note: str | None = None


@dataclass(frozen=True)
class Disagreement(Record):
    """A record the reviewers judged differently, with each one's decision."""

    subject: str
    relation: str
    object: str
    decisions: tuple[str, ...]
    status: str


@dataclass(frozen=True)
class ReviewStats(Record):
    reviewers: tuple[str, ...]
    counts: tuple[ReviewCount, ...]
    agreement: tuple[Agreement, ...]
    disagreements: tuple[Disagreement, ...]
    rubric_version: str = ""


def _relation(claim: Claim) -> str:
    if claim.curated is None:
        return "added in review" if claim.predicted is None else "predicted"
    if claim.is_no_match:
        return "noMatch"
    return claim.curated.predicate


def _pair(claim: Claim) -> tuple[str, str]:
    a, b, target = split_key(claim.key)
    if claim.is_no_match:
        return framework_of(a), framework_of(target)
    if claim.curated is not None:
        return framework_of(claim.curated.subject), framework_of(claim.curated.object)
    return framework_of(a), framework_of(b)


def review_stats(claims: Mapping[str, Claim]) -> ReviewStats:
    """Counts, agreement and disagreements of a merged view."""
    from .records import rubric_version

    groups: dict[tuple[str, str, str], Counter] = defaultdict(Counter)
    for claim in claims.values():
        if claim.curated is None and not claim.decisions:
            continue  # a predicted candidate nobody judged
        sa, sb = _pair(claim)
        c = groups[(sa, sb, _relation(claim))]
        c["records"] += 1
        if claim.decisions:
            c["reviewed"] += 1
            c[str(claim.status)] += 1
    order = {"skos:exactMatch": 0, "skos:closeMatch": 1, "skos:broadMatch": 2}
    counts = tuple(
        ReviewCount(
            sa,
            sb,
            rel,
            c["records"],
            c["reviewed"],
            c["confirmed"],
            c["rejected"],
            c["changed"],
            c["unsure"],
            c["disputed"],
        )
        for (sa, sb, rel), c in sorted(
            groups.items(), key=lambda kv: (kv[0][0], kv[0][1], order.get(kv[0][2], 9), kv[0][2])
        )
    )
    # categories: unit (claim key) -> reviewer -> category
    judged: dict[str, dict[str, str]] = {}
    reviewers: set[str] = set()
    for claim in claims.values():
        for d in claim.decisions:
            reviewers.add(d.reviewer)
            cat = category(claim, d.stance)
            if cat is not None:
                judged.setdefault(claim.key, {})[d.reviewer] = cat
    for claim in claims.values():
        for d in claim.outdated:
            reviewers.add(d.reviewer)
    agreement = []
    for r1, r2 in combinations(sorted(reviewers), 2):
        pairs = [(v[r1], v[r2]) for v in judged.values() if r1 in v and r2 in v]
        kappa, po, pe = cohen_kappa(pairs)
        note = None
        if not pairs:
            note = "no record judged by both"
        elif kappa is None:
            note = "undefined: both used a single category only"
        agreement.append(
            Agreement(
                "cohen-kappa",
                f"{r1} {r2}",
                len(pairs),
                _r(po) if pairs else None,
                _r(pe) if pairs else None,
                _r(kappa),
                note,
            )
        )
    units = [list(v.values()) for v in judged.values() if len(v) >= 2]
    alpha, _ = krippendorff_alpha(units)
    if len(reviewers) >= 2:
        note = None
        if not units:
            note = "no record judged by two reviewers"
        elif alpha is None:
            note = "undefined: a single category only"
        agreement.append(
            Agreement("krippendorff-alpha", "all", len(units), None, None, _r(alpha), note)
        )
    disagreements = []
    for claim in claims.values():
        if claim.status != ReviewStatus.DISPUTED:
            continue
        a, b, target = split_key(claim.key)
        rel = claim.curated.predicate if claim.curated else (claim.base or "")
        subj, obj = (claim.curated.subject, claim.curated.object) if claim.curated else (a, b)
        if claim.is_no_match:
            obj = f"{b} in {target}"
        disagreements.append(
            Disagreement(
                subj,
                rel,
                obj,
                tuple(
                    f"{d.reviewer}: {category(claim, d.stance) or 'unsure'}"
                    + (f" ({d.reason})" if d.reason else "")
                    for d in claim.decisions
                ),
                str(claim.status),
            )
        )
    return ReviewStats(
        tuple(sorted(reviewers)), counts, tuple(agreement), tuple(disagreements), rubric_version()
    )


def _r(x: float | None) -> float | None:
    return None if x is None else round(x, 4)
