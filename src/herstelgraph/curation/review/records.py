"""A reviewer's SSSOM file: who the reviewer is, where the file lives, reading it strictly and
turning its records into decisions (and decisions back into records).

The encoding follows mappings/RUBRIC.md §9, with SSSOM 1.1's slots:

* every record: ``mapping_justification semapv:MappingReview``, ``reviewer_id`` (an ORCID as
  ``orcid:…`` or a short name as ``hgagent:…``), ``reviewer_label``, ``review_date``, the rule
  judged against in ``curation_rule``;
* confirm: the reviewed record (same subject, predicate, object), ``reviewer_agreement 1.0``;
* unsure: the same, ``reviewer_agreement 0.0``;
* reject: ``predicate_modifier Not`` on the reviewed predicate (the negative mapping "subject is
  not a P match of object"), the reason code in ``review_reason`` (an SSSOM 1.1 extension slot
  the header declares; files written before it carry the code in ``curation_rule_text``, and
  are read as before), free text in ``comment``; its ``reviewer_agreement`` is 1.0, since
  the reviewer holds that negative statement to be true (SSSOM: the agreement is with *the
  record*; −1.0 on a ``Not`` record would say the mapping holds after all);
* change relation: the ``Not`` record for the old predicate (with the rule of the record
  judged) plus a record with the new one and its rule (agreement 1.0): the old relation stays
  in the file;
* a no-match record: agree = the record ``item P sssom:NoTermFound`` with agreement 1.0; unsure
  0.0; "this item matches X" = the same record with agreement −1.0 (``Not`` is never combined
  with NoTermFound) plus a new link record with X.

A file holds one decision per pair of items (a change is its two records); deciding again
replaces the reviewer's earlier decision on that pair.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from ...errors import InputError, InputFileError, OutputError
from ...model import RejectReason, ReviewDecision
from ...vocab import INVERSE, NO_TERM_CURIE, PREFIXES

# the folders and the reading of review files live in ``folders`` (light to import: a
# persisted store hashes the review files on every question); re-exported under their names
from .folders import ENV as ENV
from .folders import env_dirs as env_dirs
from .folders import file_bytes as file_bytes
from .folders import review_dirs as review_dirs
from .folders import review_files as review_files
from .folders import shipped_dir as shipped_dir

PREREQUISITE = "ceasn:prerequisiteAlignment"
#: The relations a reviewer can choose, read "subject REL object".
RELATIONS = (
    "skos:exactMatch",
    "skos:closeMatch",
    "skos:broadMatch",
    "skos:narrowMatch",
    "skos:relatedMatch",
    PREREQUISITE,
)
#: A prerequisite read the other way round ("object requires subject"): prerequisites are
#: never turned into another predicate, so the stance carries the direction.
REVERSED = "^"
NONE = "none"  # the stance of a rejection: no relation (of the kind reviewed)
AGREE, DISAGREE = "agree", "disagree"  # the stances on a no-match record
REVIEW_JUSTIFICATION = "semapv:MappingReview"
#: The rule each relation is judged under when a reviewer chooses it (RUBRIC rule index).
RULES = {
    "skos:exactMatch": ("hgrule:R-EXACT-1",),
    "skos:closeMatch": ("hgrule:R-CLOSE-1",),
    "skos:broadMatch": ("hgrule:R-HIER-1",),
    "skos:narrowMatch": ("hgrule:R-HIER-1",),
    "skos:relatedMatch": ("hgrule:R-REL-1", "hgrule:R-REL-2", "hgrule:R-REL-3"),
    PREREQUISITE: ("hgrule:R-PRE-1",),
}
FRAMEWORK_ORDER = ("bijlage2", "bk", "rv", "valente", "nk")

COLUMNS = (
    "subject_id",
    "subject_label",
    "predicate_id",
    "predicate_modifier",
    "object_id",
    "object_label",
    "mapping_justification",
    "reviewer_id",
    "reviewer_label",
    "subject_source",
    "object_source",
    "review_date",
    "reviewer_agreement",
    "curation_rule",
    "curation_rule_text",
    "comment",
    "review_reason",
)
#: the extension slot of a rejection's (or change's) reason (SSSOM 1.1 extension_definitions)
REASON_SLOT = {
    "slot_name": "review_reason",
    "property": PREFIXES["hgrule"] + "review_reason",  # defined in RUBRIC.md §9
    "type_hint": "http://www.w3.org/2001/XMLSchema#string",
}
_CURIE_COLUMNS = (
    "subject_id",
    "predicate_id",
    "object_id",
    "mapping_justification",
    "reviewer_id",
    "subject_source",
    "object_source",
    "curation_rule",
)
_CURIE = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*:[^\s|]*$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class _TSV(csv.excel_tab):
    """Tab-separated, no quoting, "\\n" line ends (a typed dialect, where a dict of
    keyword arguments is not)."""

    quoting = csv.QUOTE_NONE
    lineterminator = "\n"


_ORCID = re.compile(r"^(?:https?://orcid\.org/|orcid:)?(\d{4}-\d{4}-\d{4}-\d{3}[\dX])$")
_SHORT = re.compile(r"^[a-z][a-z0-9-]{1,39}$")
#: project prefixes a review file declares (same namespaces as vocab.PREFIXES)
_FILE_PREFIXES = (
    "bijlage2",
    "bk",
    "rv",
    "valente",
    "ceasn",
    "hgagent",
    "hgrule",
    "orcid",
    "semapv",
    "skos",
    "sssom",
)
RESERVED_NAMES = ("curation-team",)


# ---------------------------------------------------------------------------- reviewer
@dataclass(frozen=True)
class Reviewer:
    """A reviewer: ``id`` the CURIE in ``reviewer_id`` (``orcid:…`` or ``hgagent:<name>``),
    ``slug`` the file's name stem, ``label`` the name people read."""

    id: str
    slug: str
    label: str = ""

    @property
    def file_name(self) -> str:
        return f"{self.slug}.sssom.tsv"


def _orcid_ok(digits: str) -> bool:
    """ISO 7064 11,2: the check character ORCID uses."""
    total = 0
    for ch in digits[:-1]:
        total = (total + int(ch)) * 2
    check = (12 - total % 11) % 11
    return digits[-1] == ("X" if check == 10 else str(check))


def parse_reviewer(text: str, label: str = "", lang: str = "en") -> Reviewer:
    """A reviewer from what a user types: an ORCID (bare, ``orcid:…`` or its URL) or a short
    name (lower-case letters, digits and hyphens, 2-40 characters, starting with a letter).
    ``lang``: the language of the error (the one the user's run speaks)."""
    from ...words import message

    raw = text.strip()
    m = _ORCID.match(raw)
    if m:
        digits = m.group(1).replace("-", "")
        if not _orcid_ok(digits):
            raise InputError(message("reviewer_bad_orcid", lang, text=text))
        return Reviewer(f"orcid:{m.group(1)}", f"orcid-{m.group(1)}", label)
    name = raw.removeprefix("hgagent:")
    if not _SHORT.match(name):
        raise InputError(message("reviewer_bad_name", lang, text=text))
    if name in RESERVED_NAMES:
        raise InputError(message("reviewer_reserved", lang, text=text))
    return Reviewer(f"hgagent:{name}", name, label)


def reviewer_of_id(curie: str, label: str = "") -> Reviewer:
    """The reviewer of a ``reviewer_id`` value as files hold it."""
    return parse_reviewer(curie, label)


# ---------------------------------------------------------------------------- folders
def _package_root() -> Path:
    from importlib.resources import files

    return Path(str(files("herstelgraph"))).resolve()


def installed() -> bool:
    """Whether the mappings are read from an installed package (not a repository clone)."""
    from ...resources import data_dir

    return data_dir("mappings").resolve().is_relative_to(_package_root())


def writable_dir(named: Path | None) -> Path:
    """Where this reviewer's file is written: the folder named (or $HERSTELGRAPH_REVIEWS), else
    ``mappings/reviews/`` of a repository clone. Never inside the installed package."""
    if named is None and env_dirs():
        named = env_dirs()[-1]
    if named is None:
        if installed():
            from ...words import Said

            raise InputError(Said("installed-reviews"))
        target = shipped_dir()
        target.mkdir(exist_ok=True)
        return target
    target = Path(named)
    real = target.resolve()
    if real.is_relative_to(_package_root()):
        raise OutputError(
            target, "is inside the installed herstelgraph package; name a folder of your own"
        )
    if not target.is_dir():
        if target.exists():
            raise OutputError(target, "is a file; name a folder for the review files")
        if not target.parent.is_dir():
            raise OutputError(target, f"folder {target.parent} does not exist; create it first")
        try:
            target.mkdir()
        except OSError as exc:
            raise OutputError(target, f"cannot create the folder ({exc.strerror})") from None
    return target


# ---------------------------------------------------------------------------- records
@dataclass(frozen=True)
class ReviewRecord:
    """One row of a review file."""

    subject_id: str
    predicate_id: str
    object_id: str
    reviewer_id: str
    reviewer_agreement: float
    review_date: str
    predicate_modifier: str = ""
    subject_label: str = ""
    object_label: str = ""
    subject_source: str = ""
    object_source: str = ""
    reviewer_label: str = ""
    mapping_justification: str = REVIEW_JUSTIFICATION
    curation_rule: str = ""
    curation_rule_text: str = ""
    comment: str = ""
    review_reason: str = ""
    line: int = 0  # where it was read (0: made here)

    @property
    def negated(self) -> bool:
        return self.predicate_modifier == "Not"

    @property
    def is_no_match(self) -> bool:
        return self.object_id == NO_TERM_CURIE


@dataclass
class ReviewFile:
    path: Path
    reviewer: Reviewer
    metadata: dict
    records: list[ReviewRecord] = field(default_factory=list)


def split_file(path: Path, data: bytes) -> tuple[dict, list[str], int]:
    """A review file's bytes as (YAML header, lines, index of the first body line), after
    the checks every review file gets (mappings and translations alike): UTF-8 without BOM,
    LF line endings, a YAML mapping as header. Each problem is one line naming file and line."""
    import yaml

    if data.startswith(b"\xef\xbb\xbf"):
        raise InputFileError(
            path, "starts with a byte-order mark; save as UTF-8 without BOM", line=1
        )
    if b"\r" in data:
        line = data[: data.index(b"\r")].count(b"\n") + 1
        raise InputFileError(path, "CRLF line ending; save with LF line endings", line=line)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputFileError(path, "not UTF-8; save the file as UTF-8", line=line) from None
    lines = text.split("\n")
    header = [ln[1:] for ln in lines if ln.startswith("#")]
    body = next((i for i, ln in enumerate(lines) if not ln.startswith("#")), len(lines))
    try:
        meta = yaml.safe_load("\n".join(h[1:] if h.startswith(" ") else h for h in header)) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = (mark.line + 1) if mark else 1
        raise InputFileError(path, "invalid YAML metadata header", line=line) from None
    if not isinstance(meta, dict):
        raise InputFileError(path, "the metadata header must be a YAML mapping", line=1)
    return meta, lines, body


def header_reviewer(path: Path, meta: dict) -> Reviewer:
    """The one reviewer a review file's header names (creator_id, creator_label)."""
    creators = meta.get("creator_id") or []
    labels = meta.get("creator_label") or []
    if not (isinstance(creators, list) and len(creators) == 1 and isinstance(creators[0], str)):
        raise InputFileError(
            path, "the header must name the one reviewer in creator_id (a list of one)", line=1
        )
    try:
        return reviewer_of_id(creators[0], str(labels[0]) if labels else "")
    except InputError as exc:
        raise InputFileError(path, f"creator_id: {exc}", line=1) from None


def read_file(path: Path, *, protect: bool = True, data: bytes | None = None) -> ReviewFile:
    """Parse one review file strictly: every problem is one line naming the file and line.

    ``protect``: remember the file as an input of this run, so no output replaces it (the
    reviewer's own file is read unprotected by the tools that write it)."""
    path = Path(path)
    meta, lines, body = split_file(path, file_bytes(path, protect) if data is None else data)
    curie_map = meta.get("curie_map") or {}
    if not isinstance(curie_map, dict):
        raise InputFileError(path, "curie_map must map each prefix to a namespace IRI", line=1)
    for prefix, ns in curie_map.items():
        if prefix in PREFIXES and ns != PREFIXES[prefix]:
            raise InputFileError(
                path,
                f"curie_map gives prefix {prefix!r} the namespace {ns}, not "
                f"{PREFIXES[prefix]}; fix the header",
                line=1,
            )
    reviewer = header_reviewer(path, meta)
    rows = list(csv.reader(io.StringIO("\n".join(lines[body:])), _TSV))
    out = ReviewFile(path, reviewer, meta)
    if not rows:
        return out
    columns = rows[0]
    missing = [
        c for c in ("subject_id", "predicate_id", "object_id", "reviewer_id") if c not in columns
    ]
    unknown = [c for c in columns if c not in COLUMNS]
    if missing or unknown:
        what = f"missing columns {missing}" if missing else f"unknown columns {unknown}"
        raise InputFileError(path, f"{what}; expected {', '.join(COLUMNS)}", line=body + 1)
    for offset, row in enumerate(rows[1:], start=2):
        lineno = body + offset
        if row == [] or row == [""]:
            continue
        if len(row) != len(columns):
            raise InputFileError(
                path,
                f"{len(row)} fields where the header has {len(columns)}; a value holds a tab "
                "or a line break — remove it",
                line=lineno,
            )
        values = dict(zip(columns, row, strict=True))
        out.records.append(_record(values, curie_map, reviewer, path, lineno))
    return out


def _record(values: dict, curie_map: dict, reviewer: Reviewer, path: Path, line: int):
    def bad(message: str) -> InputFileError:
        return InputFileError(path, message, line=line)

    for col, val in values.items():
        if val.startswith('"'):
            raise bad(f"{col} starts with a double quote; use “ ” instead")
        if "|" in val and col != "comment":
            raise bad(f"{col} holds '|', SSSOM's list separator; remove it")
    for col in _CURIE_COLUMNS:
        val = values.get(col, "")
        if not val:
            continue
        if "://" in val:
            raise bad(f"{col} is a full IRI; write a CURIE (prefix:local)")
        if not _CURIE.match(val):
            raise bad(f"{col} {val!r} is not a CURIE")
        if val.split(":", 1)[0] not in curie_map:
            raise bad(f"prefix {val.split(':', 1)[0]!r} of {col} is not declared in curie_map")
    for col in ("subject_id", "predicate_id", "object_id", "reviewer_id"):
        if not values.get(col):
            raise bad(f"{col} is empty; every review record names it")
    pred = values["predicate_id"]
    if pred not in RELATIONS:
        raise bad(f"predicate_id {pred!r}; use one of {', '.join(RELATIONS)}")
    modifier = values.get("predicate_modifier", "")
    if modifier not in ("", "Not"):
        raise bad(f"predicate_modifier {modifier!r}; use Not or leave it empty")
    if modifier and values["object_id"] == NO_TERM_CURIE:
        raise bad(
            "predicate_modifier Not with sssom:NoTermFound is undefined in SSSOM; to disagree "
            "with a no-match record set reviewer_agreement -1.0 without Not"
        )
    if values["reviewer_id"] != reviewer.id:
        raise bad(
            f"reviewer_id {values['reviewer_id']} is not this file's reviewer {reviewer.id}; "
            "each reviewer's decisions go in their own file"
        )
    raw = values.get("reviewer_agreement", "")
    try:
        agreement = float(raw) if raw else 1.0  # SSSOM: absent means 1.0
    except ValueError:
        raise bad(f"reviewer_agreement {raw!r} is not a number") from None
    if not -1 <= agreement <= 1:
        raise bad(f"reviewer_agreement {raw} is outside -1..1")
    date = values.get("review_date", "")
    if not _DATE.match(date):
        raise bad(f"review_date {date!r}; use YYYY-MM-DD")
    try:
        datetime.date.fromisoformat(date)
    except ValueError:
        raise bad(f"review_date {date!r} is not a date") from None
    just = values.get("mapping_justification", "") or REVIEW_JUSTIFICATION
    if just != REVIEW_JUSTIFICATION:
        raise bad(f"mapping_justification {just}; a review record is {REVIEW_JUSTIFICATION}")
    reason = values.get("review_reason", "")
    rule_text = values.get("curation_rule_text", "")
    column = "review_reason"
    if not reason and modifier and rule_text in RejectReason.values():
        reason, rule_text, column = rule_text, "", "curation_rule_text"  # written before 1.1
    if reason and not modifier:
        raise bad(f"review_reason {reason!r} on a record without predicate_modifier Not")
    if reason and reason not in RejectReason.values():
        raise bad(
            f"{column} {reason!r}: a rejection's reason is one of "
            f"{', '.join(RejectReason.values())}"
        )
    if reason == RejectReason.OTHER and not values.get("comment", "").strip():
        raise bad("reason 'other' needs the explanation in comment")
    return ReviewRecord(
        subject_id=values["subject_id"],
        predicate_id=pred,
        object_id=values["object_id"],
        reviewer_id=values["reviewer_id"],
        reviewer_agreement=agreement,
        review_date=date,
        predicate_modifier=modifier,
        subject_label=values.get("subject_label", ""),
        object_label=values.get("object_label", ""),
        subject_source=values.get("subject_source", ""),
        object_source=values.get("object_source", ""),
        reviewer_label=values.get("reviewer_label", ""),
        mapping_justification=just,
        curation_rule=values.get("curation_rule", ""),
        curation_rule_text=rule_text,
        comment=values.get("comment", ""),
        review_reason=reason,
        line=line,
    )


# ---------------------------------------------------------------------------- orientation
def _rank(curie: str) -> tuple[int, str]:
    prefix = curie.split(":", 1)[0]
    order = FRAMEWORK_ORDER.index(prefix) if prefix in FRAMEWORK_ORDER else len(FRAMEWORK_ORDER)
    return order, curie


def flip(stance: str) -> str:
    """A stance read from the other item."""
    if stance.startswith(REVERSED):
        return stance[1:]
    if stance == PREREQUISITE:
        return REVERSED + stance
    return INVERSE.get(stance, stance)


def claim_key(subject: str, predicate: str, obj: str, object_source: str = "") -> tuple[str, str]:
    """(key, stance): a pair of items is one claim whichever way a record states it. The key
    puts the item of the earlier framework first (bijlage-ii, bk-0597-1, randvoorwaarden,
    valente-2023); the stance is the relation read from that item. A no-match record's key
    names the item, NoTermFound and the framework looked in."""
    if obj == NO_TERM_CURIE:
        return f"{subject} {NO_TERM_CURIE} {object_source}", predicate
    if _rank(subject) <= _rank(obj):
        return f"{subject} {obj}", predicate
    return f"{obj} {subject}", flip(predicate)


def split_key(key: str) -> tuple[str, str, str]:
    """(first item, second item or NoTermFound, the framework looked in or '')."""
    parts = key.split(" ")
    if len(parts) == 3:
        return parts[0], parts[1], parts[2]
    return parts[0], parts[1], ""


def stated(key: str, stance: str) -> tuple[str, str, str]:
    """The record (subject, predicate, object) that states ``stance`` about the pair: the
    first item as subject, except for a reversed prerequisite (the dependent item is always
    the subject of a prerequisite)."""
    a, b, _ = split_key(key)
    if stance.startswith(REVERSED):
        return b, stance[1:], a
    return a, stance, b


def is_no_match_key(key: str) -> bool:
    return split_key(key)[1] == NO_TERM_CURIE


# ---------------------------------------------------------------------------- decisions
@dataclass(frozen=True)
class Decision:
    """One reviewer's decision on one pair of items.

    ``reviewed``: the stance of the record the reviewer judged (the curated relation, or the
    no-match predicate); ``stance``: what the reviewer holds — a relation, ``none`` (reject),
    ``agree``/``disagree`` (no-match), or None (unsure)."""

    reviewer: str
    key: str
    kind: ReviewDecision
    reviewed: str | None
    stance: str | None
    date: str
    reviewer_label: str = ""
    reason: str = ""
    comment: str = ""
    rule: str = ""
    lines: tuple[int, ...] = ()
    #: a change's rule of the record judged (on its Not record); ``rule`` is the new one's
    reviewed_rule: str = ""


def decisions_of(rf: ReviewFile) -> dict[str, Decision]:
    """The file's decisions by claim key; two decisions on one pair are an error naming the
    line of the second."""
    groups: dict[str, list[tuple[str, ReviewRecord]]] = {}
    for rec in rf.records:
        key, stance = claim_key(rec.subject_id, rec.predicate_id, rec.object_id, rec.object_source)
        groups.setdefault(key, []).append((stance, rec))
    out = {}
    for key, recs in groups.items():
        out[key] = _decision(rf, key, recs)
    return out


def _decision(rf: ReviewFile, key: str, recs: list[tuple[str, ReviewRecord]]) -> Decision:
    def twice(rec: ReviewRecord) -> InputFileError:
        return InputFileError(
            rf.path,
            f"a second decision on {key.split(' ')[0]} and {key.split(' ')[1]}; a file holds "
            "one decision per pair of items (a change is one Not record plus one new record): "
            "keep one",
            line=rec.line,
        )

    first = recs[0][1]
    date = max(r.review_date for _, r in recs)
    label = first.reviewer_label or rf.reviewer.label
    comment = " ".join(dict.fromkeys(r.comment for _, r in recs if r.comment))
    lines = tuple(r.line for _, r in recs)

    def made(
        kind, reviewed: str, stance: str | None, rule: str, reason: str = "", old_rule: str = ""
    ) -> Decision:
        return Decision(
            reviewer=rf.reviewer.id,
            key=key,
            kind=kind,
            reviewed=reviewed,
            stance=stance,
            date=date,
            reviewer_label=label,
            reason=reason,
            comment=comment,
            rule=rule,
            lines=lines,
            reviewed_rule=old_rule,
        )

    k = ReviewDecision
    if is_no_match_key(key):
        if len(recs) > 1:
            raise twice(recs[1][1])
        stance, rec = recs[0]
        a = rec.reviewer_agreement
        kind = k.AGREE if a > 0 else k.DISAGREE if a < 0 else k.UNSURE
        held = AGREE if a > 0 else DISAGREE if a < 0 else None
        return made(kind, stance, held, rec.curation_rule)
    nots = [(s, r) for s, r in recs if r.negated]
    pos = [(s, r) for s, r in recs if not r.negated and r.reviewer_agreement > 0]
    zero = [(s, r) for s, r in recs if not r.negated and r.reviewer_agreement == 0]
    neg = [(s, r) for s, r in recs if not r.negated and r.reviewer_agreement < 0]
    if len(nots) > 1 or len(pos) > 1 or len(zero) + len(neg) > 1:
        raise twice(recs[1][1])
    if (zero or neg) and (nots or pos):
        raise twice(recs[1][1])
    if nots and pos:
        (old, n), (new, p) = nots[0], pos[0]
        if old == new:
            raise InputFileError(
                rf.path, "a Not record and a record for the same relation; keep one", line=p.line
            )
        return made(k.CHANGE, old, new, p.curation_rule, n.review_reason, n.curation_rule)
    if nots or neg:
        old, n = (nots or neg)[0]
        return made(k.REJECT, old, NONE, n.curation_rule, n.review_reason)
    if zero:
        s, z = zero[0]
        return made(k.UNSURE, s, None, z.curation_rule)
    s, p = pos[0]
    return made(k.CONFIRM, s, s, p.curation_rule)


def records_for(
    decision: Decision,
    reviewer: Reviewer,
    labels: dict[str, str],
    schemes: dict[str, str],
) -> list[ReviewRecord]:
    """The records that state a decision (RUBRIC §9), labels and sources filled in."""
    common = dict(
        reviewer_id=reviewer.id,
        reviewer_label=reviewer.label,
        review_date=decision.date,
        comment=clean_text(decision.comment),
    )

    def rec(stance: str, agreement: float, *, negated=False, rule="", reason="") -> ReviewRecord:
        a, b, target = split_key(decision.key)
        if b == NO_TERM_CURIE:
            s, p, o = a, stance, b
        else:
            s, p, o = stated(decision.key, stance)
        return ReviewRecord(
            subject_id=s,
            predicate_id=p,
            object_id=o,
            reviewer_agreement=agreement,
            predicate_modifier="Not" if negated else "",
            subject_label=labels.get(s, ""),
            object_label=labels.get(o, ""),
            subject_source=schemes.get(s, ""),
            object_source=target if o == NO_TERM_CURIE else schemes.get(o, ""),
            curation_rule=rule,
            review_reason=reason,
            **common,  # type: ignore[arg-type]
        )

    k, d = ReviewDecision, decision
    if d.kind in (k.AGREE, k.DISAGREE) or (d.kind == k.UNSURE and is_no_match_key(d.key)):
        agreement = {k.AGREE: 1.0, k.DISAGREE: -1.0, k.UNSURE: 0.0}[d.kind]
        return [rec(d.reviewed or "skos:relatedMatch", agreement, rule=d.rule)]
    if d.kind in (k.CONFIRM, k.ADD):
        return [rec(d.stance or "", 1.0, rule=d.rule)]
    if d.kind == k.UNSURE:
        return [rec(d.reviewed or "", 0.0, rule=d.rule)]
    if d.kind == k.REJECT:
        return [rec(d.reviewed or "", 1.0, negated=True, rule=d.rule, reason=d.reason)]
    if d.kind == k.CHANGE:
        return [
            rec(d.reviewed or "", 1.0, negated=True, rule=d.reviewed_rule, reason=d.reason),
            rec(d.stance or "", 1.0, rule=d.rule),
        ]
    raise InputError(f"unknown decision {d.kind!r}")


def clean_text(text: str) -> str:
    """Free text fit for a TSV cell: no tabs or line breaks, no ASCII double quotes (the
    project writes “ ”), trimmed."""
    text = re.sub(r"[\t\r\n]+", " ", text or "").strip()
    out, opening = [], True
    for ch in text:
        if ch == '"':
            out.append("“" if opening else "”")
            opening = not opening
        else:
            out.append(ch)
    return "".join(out)


# ---------------------------------------------------------------------------- writing
def rubric_version() -> str:
    """The rubric's version as RUBRIC.md states it ("… versie/version 1.0 (…)")."""
    from ...resources import data_dir

    try:
        head = (data_dir("mappings") / "RUBRIC.md").read_text(encoding="utf-8")[:2000]
    except OSError:
        return "unknown"
    m = re.search(r"version\s+([0-9][0-9.]*)", head)
    return m.group(1) if m else "unknown"


def metadata_for(reviewer: Reviewer) -> dict:
    version = rubric_version()
    return {
        "curie_map": {p: PREFIXES[p] for p in _FILE_PREFIXES},
        "mapping_set_id": f"{PREFIXES['hgm']}reviews/{reviewer.file_name}",
        "mapping_set_title": f"herstelgraph mapping review by {reviewer.label or reviewer.id}",
        "mapping_set_description": (
            f"Review decisions by {reviewer.label or reviewer.id} ({reviewer.id}) on the "
            f"curated herstelgraph mappings, reviewed against herstelgraph mapping rubric "
            f"v{version} (mappings/RUBRIC.md). The curated files stay the source; this file "
            "holds this reviewer's decisions only."
        ),
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "creator_id": [reviewer.id],
        "creator_label": [reviewer.label or reviewer.id],
        "extension_definitions": [dict(REASON_SLOT)],
    }


def _fmt(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".") if x % 1 else f"{x:.1f}"


def write_text(rf: ReviewFile) -> str:
    """The file's text: the YAML header, then one row per record, sorted."""
    import yaml

    from ..sssom import with_version

    meta = with_version(rf.metadata)
    head = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
    out = io.StringIO()
    for line in head.rstrip("\n").split("\n"):
        out.write(f"# {line}\n")
    writer = csv.writer(out, _TSV)
    writer.writerow(COLUMNS)
    for rec in sorted(rf.records, key=_sort_key):
        row = {c: getattr(rec, c) for c in COLUMNS}
        row["reviewer_agreement"] = _fmt(rec.reviewer_agreement)
        writer.writerow([row[c] for c in COLUMNS])
    return out.getvalue()


def _sort_key(rec: ReviewRecord):
    key, _ = claim_key(rec.subject_id, rec.predicate_id, rec.object_id, rec.object_source)
    return (key, rec.predicate_modifier != "Not", rec.predicate_id)


def open_file(folder: Path, reviewer: Reviewer) -> ReviewFile:
    """The reviewer's file in ``folder``: read (unprotected: this run writes it) or a new one
    with the header. A file of another reviewer under that name is refused."""
    path = Path(folder) / reviewer.file_name
    if not path.exists():
        if not reviewer.label:
            raise InputError(f"{path}: new review file; give the reviewer's name (label) once")
        return ReviewFile(path, reviewer, metadata_for(reviewer), [])
    rf = read_file(path, protect=False)
    if rf.reviewer.id != reviewer.id:
        raise OutputError(
            path, f"belongs to {rf.reviewer.id}, not {reviewer.id}; nobody writes another's file"
        )
    if reviewer.label and reviewer.label != rf.reviewer.label:
        rf.reviewer = replace(rf.reviewer, label=rf.reviewer.label or reviewer.label)
    return rf


def set_decisions(
    rf: ReviewFile,
    decisions: Iterable[Decision | tuple[str, None]],
    labels: dict[str, str],
    schemes: dict[str, str],
) -> None:
    """Replace the reviewer's records for each decision's pair (a ``(key, None)`` pair
    clears it) and write the file atomically, once."""
    from ...io.atomic import write_text as atomic_write

    by_key: dict[str, list[ReviewRecord]] = {}
    for rec in rf.records:
        key, _ = claim_key(rec.subject_id, rec.predicate_id, rec.object_id, rec.object_source)
        by_key.setdefault(key, []).append(rec)
    for d in decisions:
        if isinstance(d, tuple):
            by_key.pop(d[0], None)
            continue
        by_key[d.key] = records_for(d, rf.reviewer, labels, schemes)
    rf.records = [r for recs in by_key.values() for r in recs]
    _declare_used(rf)
    atomic_write(rf.path, write_text(rf))


def _declare_used(rf: ReviewFile) -> None:
    """Add to the header's curie_map every project prefix a record uses and the file does not
    declare yet (e.g. ``nk``, ``escos``, ``hgext`` when a reviewer first judges a link to
    ESCO), so the file stays readable; the declared ones are left as they are."""
    curie_map = rf.metadata.setdefault("curie_map", {})
    slots = rf.metadata.setdefault("extension_definitions", [])
    if isinstance(slots, list) and not any(
        isinstance(x, dict) and x.get("slot_name") == REASON_SLOT["slot_name"] for x in slots
    ):
        slots.append(dict(REASON_SLOT))  # a file written before the slot: declared now
    for rec in rf.records:
        for col in _CURIE_COLUMNS:
            prefix = str(getattr(rec, col, "") or "").split(":", 1)[0]
            if prefix and prefix not in curie_map and prefix in PREFIXES:
                curie_map[prefix] = PREFIXES[prefix]
