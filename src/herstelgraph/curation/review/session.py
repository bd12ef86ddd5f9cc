"""One reviewer at work: the queue, the screen of one record, and decisions written at once.

A session holds the store *without* the reviews applied (a reviewer judges the curated
records as curated, whatever others decided), the other reviewers' decisions (read-only,
protected as inputs) and the reviewer's own file, which every decision rewrites atomically.
The web app (:mod:`.app`) and the sheet import (:mod:`.sheet`) both decide through it.
"""

from __future__ import annotations

import datetime
import threading
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ...errors import InputError, InputFileError, ParameterError
from ...model import RejectReason, ReviewDecision
from ...vocab import NO_TERM_CURIE
from .merge import Claim, Curated, Predicted, curated_records, merged_view, read_decisions
from .records import (
    AGREE,
    NONE,
    PREREQUISITE,
    RELATIONS,
    REVERSED,
    RULES,
    Decision,
    Reviewer,
    claim_key,
    decisions_of,
    flip,
    open_file,
    review_files,
    set_decisions,
    split_key,
    stated,
)
from .stats import FRAMEWORKS, framework_of

if TYPE_CHECKING:
    from .translations import TranslationSession

BANDS = ("A", "B", "C", "D", "none")
#: RUBRIC §2: the relation in words, read "subject … object".
WORDS = {
    "nl": {
        "skos:exactMatch": "komt overeen met",
        "skos:closeMatch": "komt grotendeels overeen met",
        "skos:broadMatch": "valt onder",
        "skos:narrowMatch": "is breder dan",
        "skos:relatedMatch": "verwant aan",
        PREREQUISITE: "vereist als voorkennis",
        REVERSED + PREREQUISITE: "is voorkennis voor",
        "noMatch:skos:relatedMatch": "heeft niets verwants in",
        "noMatch:skos:closeMatch": "heeft geen SKOS-match (wel voorkennis) in",
    },
    "en": {
        "skos:exactMatch": "matches",
        "skos:closeMatch": "largely matches",
        "skos:broadMatch": "falls under",
        "skos:narrowMatch": "is broader than",
        "skos:relatedMatch": "is related to",
        PREREQUISITE: "requires as prior knowledge",
        REVERSED + PREREQUISITE: "is prior knowledge for",
        "noMatch:skos:relatedMatch": "has nothing related in",
        "noMatch:skos:closeMatch": "has no SKOS match (a prerequisite only) in",
    },
}
STANCES = (*RELATIONS, REVERSED + PREREQUISITE)


def band(confidence: float | None) -> str:
    """RUBRIC R-CONF-1: A 0.90-1.00, B 0.75-0.89, C 0.60-0.74, D below 0.60 (doubtful)."""
    if confidence is None:
        return "none"
    if confidence >= 0.9:
        return "A"
    if confidence >= 0.75:
        return "B"
    if confidence >= 0.6:
        return "C"
    return "D"


def pair_of(key: str) -> str:
    a, b, target = split_key(key)
    fa = framework_of(a)
    fb = framework_of(target if b == NO_TERM_CURIE else b)
    x, y = sorted((fa, fb), key=lambda f: FRAMEWORKS.index(f) if f in FRAMEWORKS else 99)
    return f"{x}__{y}"


def read_predicted(paths: Iterable[Path], known: set[str]) -> list[Predicted]:
    """Candidates of suggest's predicted SSSOM files (``--format sssom``): their own columns
    (similarity_score, mapping_tool …) are read leniently; only pairs of known items count."""
    import csv
    import io

    from ...io.inputs import read_bytes

    out = []
    files: list[Path] = []
    for given in paths:
        where = Path(given)
        files += sorted(where.glob("*.sssom.tsv")) if where.is_dir() else [where]
    for path in files:
        text = read_bytes(path).decode("utf-8", errors="replace")
        body = "\n".join(ln for ln in text.split("\n") if not ln.startswith("#"))
        rows = list(csv.DictReader(io.StringIO(body), delimiter="\t"))
        if rows and not {"subject_id", "predicate_id", "object_id"} <= set(rows[0]):
            raise InputFileError(
                path, "not an SSSOM table (no subject_id, predicate_id, object_id)"
            )
        for row in rows:
            s, p, o = (
                row.get("subject_id", ""),
                row.get("predicate_id", ""),
                row.get("object_id", ""),
            )
            if s not in known or o not in known or p not in RELATIONS:
                continue
            key, stance = claim_key(s, p, o)
            score = row.get("similarity_score") or ""
            try:
                value = float(score) if score else None
            except ValueError:
                value = None
            out.append(Predicted(key, stance, value, str(path)))
    return out


@dataclass(frozen=True)
class QueueFilter:
    pair: str | None = None
    relation: str | None = None
    band: str | None = None
    mine: str | None = None  # 'todo' | 'done'
    others: str | None = None  # 'reviewed' | 'none'
    anyone: str | None = None  # 'reviewed' | 'none': by anyone, me included (current decisions)
    source: str | None = None  # 'curated' | 'predicted' | 'review'


class ReviewSession:
    """The reviewer's queue and decisions over a store without the reviews applied."""

    def __init__(
        self,
        store,
        reviewer: Reviewer,
        folder: Path,
        *,
        read_dirs: Sequence[Path] = (),
        predicted: Sequence[Path] = (),
        today: str | None = None,
    ):
        from ..sssom import graph_index

        self.store = store
        self.folder = Path(folder)
        self.read_dirs = [Path(d) for d in read_dirs]
        self.file = open_file(self.folder, reviewer)
        self.reviewer = self.file.reviewer
        self.today = today
        self.labels, self.schemes = graph_index(store, external=True)
        self.curated: list[Curated] = curated_records(store)
        own = self.file.path.resolve()
        others = [p for p in review_files([*read_dirs, self.folder]) if p.resolve() != own]
        self.others = read_decisions((p, None) for p in others)
        if any(d.reviewer == self.reviewer.id for d in self.others):
            raise InputError(
                f"another review file of {self.reviewer.id} is read beside {self.file.path}; "
                "keep one file per reviewer"
            )
        self.predicted = read_predicted(predicted, set(self.labels))
        self.lock = threading.RLock()  # the app serves requests in threads
        self._claims: dict[str, Claim] | None = None
        self._by_item: dict[str, list[str]] | None = None
        self._translations: TranslationSession | None = None

    @property
    def translations(self) -> TranslationSession:
        """The same reviewer judging the English translations (:mod:`.translations`), their
        decisions in ``<reviewer>.translations.tsv`` beside the mapping file."""
        from .translations import TranslationSession

        with self.lock:
            if self._translations is None:
                self._translations = TranslationSession(
                    self.store,
                    self.reviewer,
                    self.folder,
                    read_dirs=self.read_dirs,
                    today=self.today,
                )
            return self._translations

    # ------------------------------------------------------------------ state
    @property
    def mine(self) -> dict[str, Decision]:
        return decisions_of(self.file)

    @property
    def claims(self) -> dict[str, Claim]:
        with self.lock:
            if self._claims is None:
                decisions = [*self.others, *self.mine.values()]
                self._claims = merged_view(self.curated, decisions, self.predicted)
                self._by_item = None
            return self._claims

    def by_item(self) -> dict[str, list[str]]:
        claims = self.claims
        with self.lock:
            return self._index(claims)

    def _index(self, claims: dict[str, Claim]) -> dict[str, list[str]]:
        if self._by_item is None:
            idx: dict[str, list[str]] = defaultdict(list)
            for key in claims:
                a, b, _ = split_key(key)
                idx[a].append(key)
                if b != NO_TERM_CURIE:
                    idx[b].append(key)
            self._by_item = idx
        return self._by_item

    def date(self) -> str:
        return self.today or datetime.date.today().isoformat()

    def source(self, claim: Claim) -> str:
        if claim.curated is not None:
            return "curated"
        return "predicted" if claim.predicted is not None else "review"

    def relation(self, claim: Claim) -> str:
        """The record's relation as a filter value: the predicate, or noMatch."""
        if claim.is_no_match:
            return "noMatch"
        base = self.base(claim)
        return stated(claim.key, base)[1] if base else ""

    def base(self, claim: Claim) -> str | None:
        """The stance a reviewer judges: the curated or predicted relation, else what the
        reviewer who made the link holds."""
        if claim.base is not None:
            return claim.base
        if claim.effective is not None:
            return claim.effective
        for d in (*claim.decisions, *claim.outdated):
            if d.stance not in (None, NONE):
                return d.stance
        return None

    def queue(self, flt: QueueFilter | None = None) -> list[Claim]:
        """The records to review, in framework-pair order, then by item."""
        flt = flt or QueueFilter()
        from ...questions.catalogue import _natural

        me = self.reviewer.id
        out = []
        for claim in self.claims.values():
            src = self.source(claim)
            if src == "review" and self.base(claim) is None:
                continue  # a link every reviewer now rejects and nothing curated
            if flt.source and src != flt.source:
                continue
            if flt.pair and pair_of(claim.key) != flt.pair:
                continue
            if flt.relation and self.relation(claim) != flt.relation:
                continue
            if flt.band and band(claim.confidence) != flt.band:
                continue
            mine = claim.decision_of(me)
            done = mine is not None and mine in claim.decisions
            if (flt.mine == "todo" and done) or (flt.mine == "done" and not done):
                continue
            others = any(d.reviewer != me for d in claim.decisions)
            if (flt.others == "reviewed" and not others) or (flt.others == "none" and others):
                continue
            anyone = bool(claim.decisions)
            if (flt.anyone == "reviewed" and not anyone) or (flt.anyone == "none" and anyone):
                continue
            out.append(claim)

        def order(c: Claim):
            a, b, _ = split_key(c.key)
            pair = pair_of(c.key)
            fws = pair.split("__")
            rank = tuple(FRAMEWORKS.index(f) if f in FRAMEWORKS else 99 for f in fws)
            return (rank, _natural(a), c.is_no_match, _natural(b))

        return sorted(out, key=order)

    # ------------------------------------------------------------------ deciding
    def decide(
        self,
        key: str,
        decision: ReviewDecision | str,
        *,
        reason: str = "",
        relation: str | None = None,
        target: str | None = None,
        rule: str = "",
        comment: str = "",
    ) -> Claim:
        """Record one decision on the claim ``key`` (written at once). ``relation``: the new
        relation for a change (or the relation of "this item matches ``target``"), read from
        the claim's first item; ``reason`` a :class:`RejectReason` for a rejection."""
        kind = ReviewDecision(decision)
        with self.lock:
            claim = self.claims.get(key)
            if claim is None:
                raise ParameterError("key", f"no record {key!r} to review")
            decisions = self.decisions_for(claim, kind, reason, relation, target, rule, comment)
            set_decisions(self.file, decisions, self.labels, self.schemes)
            self._claims = None
            return self.claims[key]

    def apply(self, batch: list) -> None:
        """Write several decisions (from ``decisions_for``) at once, atomically."""
        with self.lock:
            set_decisions(self.file, batch, self.labels, self.schemes)
            self._claims = None

    def clear(self, key: str) -> Claim | None:
        """Take back the reviewer's decision on ``key``."""
        with self.lock:
            set_decisions(self.file, [(key, None)], self.labels, self.schemes)
            self._claims = None
            return self.claims.get(key)

    def set_comment(self, key: str, comment: str) -> Claim:
        """Change the comment of the reviewer's decision on ``key`` (there must be one)."""
        with self.lock:
            mine = self.mine.get(key)
            if mine is None:
                raise ParameterError("comment", "decide first; the comment is kept with it")
            from dataclasses import replace

            set_decisions(
                self.file,
                [replace(mine, comment=comment, date=self.date())],
                self.labels,
                self.schemes,
            )
            self._claims = None
            return self.claims[key]

    def decisions_for(self, claim, kind, reason, relation, target, rule, comment) -> list:
        """The decisions (and ``(key, None)`` take-backs) one choice on ``claim`` makes."""
        k = ReviewDecision
        me, date = self.reviewer.id, self.date()
        common = dict(
            reviewer=me,
            key=claim.key,
            date=date,
            comment=comment,
            reviewer_label=self.reviewer.label,
        )
        if claim.is_no_match:
            recorded = claim.curated.predicate if claim.curated else "skos:relatedMatch"
            link_rule = rule  # "this item matches X": the rule of the new link
            rule = rule or (claim.curated.rule if claim.curated else "")
            item, _, scheme = split_key(claim.key)
            mine_links = [
                key
                for key, c in self.claims.items()
                if item in split_key(key)[:2]
                and not c.is_no_match
                and c.curated is None
                and c.predicted is None
                and c.decision_of(me) is not None
                and self.schemes.get(_other(key, item)) == scheme
            ]
            if kind == k.AGREE:
                return [
                    Decision(kind=k.AGREE, reviewed=recorded, stance=AGREE, rule=rule, **common),
                    *((key, None) for key in mine_links),
                ]
            if kind == k.UNSURE:
                return [
                    Decision(kind=k.UNSURE, reviewed=recorded, stance=None, rule=rule, **common),
                    *((key, None) for key in mine_links),
                ]
            if kind == k.DISAGREE:
                if not target:
                    raise ParameterError("target", "name the item this one matches")
                if target not in self.labels:
                    raise ParameterError("target", f"unknown item {target!r}")
                if self.schemes.get(target) != scheme:
                    raise ParameterError(
                        "target",
                        f"{target} is not in {framework_of(scheme)}, the framework looked in",
                    )
                rel = relation or "skos:relatedMatch"
                if rel not in STANCES:
                    raise ParameterError("relation", f"unknown relation {rel!r}")
                # as for a change: a relation with several rubric rules (related: R-REL-1..3)
                # names the one the reviewer saw met; no rule is guessed for the new link
                options = RULES[rel.lstrip(REVERSED)]
                if link_rule and link_rule not in options:
                    raise ParameterError("rule", f"rule {link_rule} does not go with {rel}")
                if not link_rule and len(options) > 1:
                    raise ParameterError(
                        "rule",
                        f"a link as {rel.lstrip(REVERSED)} names the rubric rule it meets: "
                        + ", ".join(r.split(":", 1)[1] for r in options),
                    )
                new_rule = link_rule or _only_rule(rel)
                # the relation is read from the no-match's item to the target
                link_key, stance = claim_key(*_split_stance(item, rel, target))
                link = self.claims.get(link_key)
                nm_rule = claim.curated.rule if claim.curated else ""  # the no-match's own
                nm = Decision(
                    kind=k.DISAGREE, reviewed=recorded, stance="disagree", rule=nm_rule, **common
                )
                base = self.base(link) if link is not None else None
                lk = k.CONFIRM if base in (None, stance) else k.CHANGE
                add = Decision(
                    kind=lk,
                    reviewed=base or stance,
                    stance=stance,
                    rule=new_rule,
                    **{**common, "key": link_key},
                )
                return [nm, add]
            raise ParameterError(
                "decision", f"a no-match record takes agree, disagree or unsure, not {kind}"
            )
        base = self.base(claim)
        if base is None:
            raise ParameterError("key", "this link has no relation left to judge")
        base_rule = (claim.curated.rule if claim.curated else "") or _only_rule(base)
        if kind == k.CONFIRM:
            return [Decision(kind=k.CONFIRM, reviewed=base, stance=base, rule=base_rule, **common)]
        if kind == k.UNSURE:
            return [Decision(kind=k.UNSURE, reviewed=base, stance=None, rule=base_rule, **common)]
        if kind == k.REJECT:
            if reason not in RejectReason.values():
                raise ParameterError(
                    "reason", f"a rejection needs a reason: {', '.join(RejectReason.values())}"
                )
            if reason == RejectReason.OTHER and not comment.strip():
                raise ParameterError(
                    "comment", "reason 'other' needs an explanation in the comment"
                )
            return [
                Decision(
                    kind=k.REJECT,
                    reviewed=base,
                    stance=NONE,
                    reason=reason,
                    rule=base_rule,
                    **common,
                )
            ]
        if kind == k.CHANGE:
            if relation not in STANCES:
                raise ParameterError("relation", f"choose the new relation: {', '.join(STANCES)}")
            if relation == base:
                raise ParameterError("relation", "that is the relation it has; confirm it instead")
            if reason and reason not in RejectReason.values():
                raise ParameterError("reason", f"unknown reason {reason!r}")
            options = RULES[relation.lstrip(REVERSED)]
            if rule and rule not in options:
                raise ParameterError("rule", f"rule {rule} does not go with {relation}")
            if not rule and len(options) > 1:  # related: which of its rules the reviewer saw
                raise ParameterError(
                    "rule",
                    f"a change to {relation.lstrip(REVERSED)} names the rubric rule it meets: "
                    + ", ".join(r.split(":", 1)[1] for r in options),
                )
            return [
                Decision(
                    kind=k.CHANGE,
                    reviewed=base,
                    stance=relation,
                    reason=reason,
                    rule=rule or _only_rule(relation),
                    reviewed_rule=base_rule,
                    **common,
                )
            ]
        raise ParameterError(
            "decision", f"a mapping takes confirm, reject, change or unsure, not {kind}"
        )


def _only_rule(stance: str) -> str:
    """The rubric rule of a relation when it has one only (related has three: no guess)."""
    rules = RULES[stance.lstrip(REVERSED)]
    return rules[0] if len(rules) == 1 else ""


def _other(key: str, item: str) -> str:
    a, b, _ = split_key(key)
    return b if a == item else a


def _split_stance(subject: str, stance: str, obj: str) -> tuple[str, str, str]:
    """The record (s, p, o) for a stance read from ``subject`` to ``obj``."""
    if stance.startswith(REVERSED):
        return obj, stance[1:], subject
    return subject, stance, obj


def flip_for(item: str, key: str, stance: str) -> str:
    """A stance read from ``item``'s side of the claim."""
    a, _, _ = split_key(key)
    return stance if item == a else flip(stance)
