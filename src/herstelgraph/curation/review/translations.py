"""Reviewing the English translations (issue 20): a reviewer confirms, rejects or corrects
one translation at a time, in a file of their own beside their mapping review file, and the
graph applies those decisions whenever it loads.

The unit of review is one **translation unit** (ontology/translations/README.md): a concept
or scheme, a property (``skos:prefLabel``, ``skos:definition`` or ``dct:title``) and the
language ``en``; the shipped translations file holds exactly one literal per unit.

The file is ``<reviewer>.translations.tsv`` in the same review folders as the mapping review
files (``<reviewer>.sssom.tsv``), in the same format family: a commented YAML header naming
the one reviewer (``creator_id``/``creator_label``, the same ORCID or short name), then one
tab-separated row per decision, no quoting, LF line ends, UTF-8, one decision per unit
(deciding again replaces it), written atomically. Its columns:

* ``subject_id`` (CURIE), ``dutch_text`` (the Dutch it translates, for people), ``property``,
  ``language`` (``en``);
* ``translation``: the English text that was reviewed, and ``translation_sha256``, its
  SHA-256: when the translation is changed later, the decision no longer matches and is
  *stale* (not applied, the unit counts as not reviewed);
* ``decision``: ``confirm``, ``reject`` or ``correct``; ``corrected_text``: the reviewer's
  English text (a correction only);
* ``reviewer_id``, ``reviewer_label``, ``review_date`` (YYYY-MM-DD), ``comment``.

Applied at load (:func:`apply_translation_reviews`): a rejected translation is withheld (no
question, page or export shows it); a corrected one is withheld and the reviewer's text is
added in its place; each decision in force is stated as an ``rdf:Statement`` about the text
reviewed, with who (``pav:authoredBy``, ``sssom:reviewer_label``), when (``dct:created``)
and the agreement (``sssom:reviewer_agreement`` 1.0 confirm, -1.0 reject; a correction is
-1.0 on the old text and 1.0 on the new one), derived from the translation set. Where
several reviewers decided on one unit, the latest decision is in force (then the reviewer
ID decides, so the outcome never depends on file order).
"""

from __future__ import annotations

import builtins
import csv
import datetime
import hashlib
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ...errors import InputError, InputFileError, OutputError
from ...model import Record
from ...vocab import DCT, SKOS
from .folders import SUFFIX, file_bytes, translation_files
from .records import _DATE, _TSV, Reviewer, clean_text, header_reviewer, split_file

DATASET = "https://w3id.org/herstelgraph/translations/en"
#: the properties a translation unit can have, and the short names the CLI takes
PROPERTIES = {
    "label": "skos:prefLabel",
    "definition": "skos:definition",
    "title": "dct:title",
}
CONFIRM, REJECT, CORRECT = "confirm", "reject", "correct"
DECISIONS = (CONFIRM, REJECT, CORRECT)
COLUMNS = (
    "subject_id",
    "dutch_text",
    "property",
    "language",
    "translation",
    "translation_sha256",
    "decision",
    "corrected_text",
    "reviewer_id",
    "reviewer_label",
    "review_date",
    "comment",
)
_REQUIRED = ("subject_id", "property", "translation_sha256", "decision", "reviewer_id")


def sha256(text: str) -> str:
    """The SHA-256 (hex) of a translation's text, as the review file records it."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class TranslationDecision:
    """One reviewer's decision on one translation unit."""

    subject_id: str
    property: str
    sha: str
    decision: str
    reviewer_id: str
    review_date: str
    corrected_text: str = ""
    reviewer_label: str = ""
    comment: str = ""
    translation: str = ""
    subject_label: str = ""
    language: str = "en"
    line: int = 0

    @builtins.property
    def unit(self) -> tuple[str, str]:
        return self.subject_id, self.property


@dataclass
class TranslationFile:
    path: Path
    reviewer: Reviewer
    metadata: dict
    decisions: list[TranslationDecision] = field(default_factory=list)


# ---------------------------------------------------------------------------- folders
def file_name(reviewer: Reviewer) -> str:
    return f"{reviewer.slug}{SUFFIX}"


# ---------------------------------------------------------------------------- reading
def read_file(path: Path, *, protect: bool = True, data: bytes | None = None) -> TranslationFile:
    """Parse one translation review file strictly: every problem is one line naming the file
    and the line."""
    path = Path(path)
    meta, lines, body = split_file(path, file_bytes(path, protect) if data is None else data)
    reviewer = header_reviewer(path, meta)
    out = TranslationFile(path, reviewer, meta)
    rows = list(csv.reader(io.StringIO("\n".join(lines[body:])), _TSV))
    if not rows:
        return out
    columns = rows[0]
    missing = [c for c in _REQUIRED if c not in columns]
    unknown = [c for c in columns if c not in COLUMNS]
    if missing or unknown:
        what = f"missing columns {missing}" if missing else f"unknown columns {unknown}"
        raise InputFileError(path, f"{what}; expected {', '.join(COLUMNS)}", line=body + 1)
    seen: dict[tuple[str, str], int] = {}
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
        d = _decision(dict(zip(columns, row, strict=True)), reviewer, path, lineno)
        if d.unit in seen:
            raise InputFileError(
                path,
                f"a second decision on the {d.property} of {d.subject_id} (the first is on "
                f"line {seen[d.unit]}); a file holds one decision per translation: keep one",
                line=lineno,
            )
        seen[d.unit] = lineno
        out.decisions.append(d)
    return out


def _decision(values: dict, reviewer: Reviewer, path: Path, line: int) -> TranslationDecision:
    def bad(message: str) -> InputFileError:
        return InputFileError(path, message, line=line)

    for col in _REQUIRED:
        if not values.get(col, "").strip():
            raise bad(f"{col} is empty; every translation review names it")
    prop = values["property"]
    if prop not in PROPERTIES.values():
        raise bad(f"property {prop!r}; use one of {', '.join(PROPERTIES.values())}")
    lang = values.get("language", "") or "en"
    if lang != "en":
        raise bad(f"language {lang!r}; the translations reviewed are English (en)")
    sha = values["translation_sha256"]
    if len(sha) != 64 or any(c not in "0123456789abcdef" for c in sha):
        raise bad("translation_sha256 is not a SHA-256 in lower-case hex (64 characters)")
    decision = values["decision"]
    if decision not in DECISIONS:
        raise bad(f"decision {decision!r}; use one of {', '.join(DECISIONS)}")
    corrected = values.get("corrected_text", "")
    if decision == CORRECT and not corrected.strip():
        raise bad("decision correct needs the English text in corrected_text")
    if decision != CORRECT and corrected.strip():
        raise bad(f"corrected_text is filled, but the decision is {decision}; use correct")
    if values["reviewer_id"] != reviewer.id:
        raise bad(
            f"reviewer_id {values['reviewer_id']} is not this file's reviewer {reviewer.id}; "
            "each reviewer's decisions go in their own file"
        )
    date = values.get("review_date", "")
    if not _DATE.match(date):
        raise bad(f"review_date {date!r}; use YYYY-MM-DD")
    try:
        datetime.date.fromisoformat(date)
    except ValueError:
        raise bad(f"review_date {date!r} is not a date") from None
    return TranslationDecision(
        subject_id=values["subject_id"],
        property=prop,
        sha=sha,
        decision=decision,
        reviewer_id=values["reviewer_id"],
        review_date=date,
        corrected_text=corrected,
        reviewer_label=values.get("reviewer_label", ""),
        comment=values.get("comment", ""),
        translation=values.get("translation", ""),
        subject_label=values.get("dutch_text", ""),
        language=lang,
        line=line,
    )


def read_decisions(files: Sequence[tuple[Path, bytes | None]]) -> list[TranslationDecision]:
    """Every decision of the files (each file read strictly)."""
    out: list[TranslationDecision] = []
    for path, data in files:
        out.extend(read_file(path, data=data).decisions)
    return out


# ---------------------------------------------------------------------------- writing
def metadata_for(reviewer: Reviewer) -> dict:
    from ...vocab import PREFIXES

    who = reviewer.label or reviewer.id
    return {
        "curie_map": {p: PREFIXES[p] for p in ("hgagent", "orcid", "skos", "dct")},
        "translation_set_id": DATASET,
        "title": f"herstelgraph translation review by {who}",
        "description": (
            f"Review decisions by {who} ({reviewer.id}) on the English translations of the "
            "herstelgraph framework items (ontology/translations/en.ttl). The translations "
            "file stays the source; this file holds this reviewer's decisions only."
        ),
        "license": "https://creativecommons.org/licenses/by/4.0/",
        "creator_id": [reviewer.id],
        "creator_label": [who],
    }


def write_text(tf: TranslationFile) -> str:
    import yaml

    head = yaml.safe_dump(tf.metadata, sort_keys=False, allow_unicode=True, width=1000)
    out = io.StringIO()
    for line in head.rstrip("\n").split("\n"):
        out.write(f"# {line}\n")
    writer = csv.writer(out, _TSV)
    writer.writerow(COLUMNS)
    for d in sorted(tf.decisions, key=lambda d: d.unit):
        writer.writerow(
            [
                d.subject_id,
                clean_text(d.subject_label),
                d.property,
                d.language,
                clean_text(d.translation),
                d.sha,
                d.decision,
                clean_text(d.corrected_text),
                d.reviewer_id,
                clean_text(d.reviewer_label),
                d.review_date,
                clean_text(d.comment),
            ]
        )
    return out.getvalue()


def open_file(folder: Path, reviewer: Reviewer) -> TranslationFile:
    """The reviewer's translation file in ``folder``: read (unprotected: this run writes it)
    or a new one with the header. A file of another reviewer under that name is refused."""
    path = Path(folder) / file_name(reviewer)
    if not path.exists():
        if not reviewer.label:
            raise InputError(f"{path}: new review file; give the reviewer's name (label) once")
        return TranslationFile(path, reviewer, metadata_for(reviewer), [])
    tf = read_file(path, protect=False)
    if tf.reviewer.id != reviewer.id:
        raise OutputError(
            path, f"belongs to {tf.reviewer.id}, not {reviewer.id}; nobody writes another's file"
        )
    return tf


def decide(
    store,
    folder: Path,
    reviewer: Reviewer,
    subject: str,
    prop: str,
    decision: str,
    *,
    corrected: str = "",
    comment: str = "",
    date: str | None = None,
    known: dict[tuple[str, str], Unit] | None = None,
) -> TranslationDecision:
    """Record one decision on the translation unit (``subject``, ``prop``) of the graph as
    translated (``store`` without translation reviews applied) in the reviewer's file,
    replacing their earlier decision on it; written atomically. ``known``: the graph's
    :func:`units`, when the caller holds them already."""
    tf = open_file(folder, reviewer)
    new = make_decision(
        known if known is not None else units(store),
        reviewer,
        subject,
        prop,
        decision,
        corrected=corrected,
        comment=comment,
        date=date,
        label=tf.reviewer.label,
    )
    write_decisions(tf, [new])
    return new


def make_decision(
    known: dict[tuple[str, str], Unit],
    reviewer: Reviewer,
    subject: str,
    prop: str,
    decision: str,
    *,
    corrected: str = "",
    comment: str = "",
    date: str | None = None,
    label: str = "",
) -> TranslationDecision:
    """One decision on the unit (``subject``, ``prop``) among the ``known`` units, checked
    as the file reader checks it (nothing written): a one-line :class:`InputError` else."""
    if prop not in PROPERTIES.values():
        prop = PROPERTIES.get(prop, prop)
    if prop not in PROPERTIES.values():
        raise InputError(f"property {prop!r}: choose one of {', '.join(PROPERTIES)}")
    if decision not in DECISIONS:
        raise InputError(f"decision {decision!r}: choose one of {', '.join(DECISIONS)}")
    corrected = clean_text(corrected)
    if (decision == CORRECT) != bool(corrected):
        raise InputError(
            "a correction needs the corrected English text"
            if decision == CORRECT
            else f"only a correction carries an English text, not {decision}"
        )
    unit = known.get((subject, prop))
    if unit is None:
        raise InputError(
            f"{subject} has no English {prop} among the translations; "
            "list the translations to review to see which exist"
        )
    if decision == CORRECT and corrected == unit.english:
        raise InputError("the corrected text is the translation as it stands; confirm it instead")
    return TranslationDecision(
        subject_id=subject,
        property=prop,
        sha=sha256(unit.english),
        decision=decision,
        reviewer_id=reviewer.id,
        review_date=date or datetime.date.today().isoformat(),
        corrected_text=corrected,
        reviewer_label=reviewer.label or label,
        comment=clean_text(comment),
        translation=unit.english,
        subject_label=unit.dutch,
    )


def write_decisions(
    tf: TranslationFile,
    new: Sequence[TranslationDecision],
    drop: Iterable[tuple[str, str]] = (),
) -> None:
    """Replace the reviewer's decisions on the units of ``new`` (and take back those on
    ``drop``) in their file, in one atomic write."""
    from ...io.atomic import write_text as atomic_write

    gone = {d.unit for d in new} | set(drop)
    tf.decisions = [d for d in tf.decisions if d.unit not in gone] + list(new)
    atomic_write(tf.path, write_text(tf))


def take_back(folder: Path, reviewer: Reviewer, subject: str, prop: str) -> bool:
    """Remove the reviewer's decision on the unit from their file (written atomically);
    False when they had none."""
    prop = PROPERTIES.get(prop, prop)
    path = Path(folder) / file_name(reviewer)
    if not path.exists():
        return False
    tf = open_file(folder, reviewer)
    if not any(d.unit == (subject, prop) for d in tf.decisions):
        return False
    write_decisions(tf, [], [(subject, prop)])
    return True


# ---------------------------------------------------------------------------- the units
@dataclass(frozen=True)
class Unit:
    """One translation unit as the shipped translations file holds it, with the Dutch text it
    translates (the label for a label or title, the definition or source text otherwise)."""

    subject_id: str
    property: str
    english: str
    dutch: str


_UNITS = """
SELECT ?s ?p ?en ?nl WHERE {
  VALUES ?p { skos:prefLabel skos:definition dct:title }
  ?s ?p ?en FILTER(lang(?en) = "en")
  OPTIONAL { ?s ?p ?nl0 FILTER(lang(?nl0) = "nl") }
  OPTIONAL { ?s hg:sourceText ?src FILTER(lang(?src) = "nl") }
  BIND(COALESCE(?nl0, IF(?p = skos:definition, ?src, ?nl0)) AS ?nl)
}
"""


def _shipped_units() -> dict[tuple[str, str], str]:
    """(subject CURIE, property CURIE) → English text, from the shipped translations file
    (what is a translation, as opposed to a curator's English label elsewhere)."""
    import pyoxigraph as ox

    from ...ids import compact
    from ...resources import data_dir

    path = data_dir("ontology") / "translations" / "en.ttl"
    if not path.is_file():
        return {}
    out: dict[tuple[str, str], str] = {}
    wanted = {PREFIXES_IRI[p]: p for p in PROPERTIES.values()}
    for triple in ox.parse(path.read_bytes(), format=ox.RdfFormat.TURTLE):
        p = triple.predicate.value
        o = triple.object
        if triple.subject.value == DATASET:  # the translation set's own title
            continue
        if p in wanted and isinstance(o, ox.Literal) and o.language == "en":
            out[(compact(triple.subject.value), wanted[p])] = o.value
    return out


def _iri(curie: str) -> str:
    from ...ids import expand

    return expand(curie) or curie


PREFIXES_IRI = {
    "skos:prefLabel": SKOS + "prefLabel",
    "skos:definition": SKOS + "definition",
    "dct:title": DCT + "title",
}


def units(store) -> dict[tuple[str, str], Unit]:
    """The translation units the graph holds as translated (the shipped file's literals that
    are in ``store``), each with the Dutch it translates."""
    import pyoxigraph as ox

    from ...ids import compact

    shipped = _shipped_units()
    out: dict[tuple[str, str], Unit] = {}
    for r in store.select(_UNITS):
        key = (compact(r["s"].value), compact(r["p"].value))
        en = r["en"].value
        if shipped.get(key) != en:
            continue
        nl = r.get("nl")
        out[key] = Unit(key[0], key[1], en, nl.value if isinstance(nl, ox.Literal) else "")
    return dict(sorted(out.items()))


@dataclass(frozen=True)
class TranslationRow(Record):
    """A translation to review, as ``herstelgraph review translations`` lists it."""

    id: str
    property: str
    dutch: str
    english: str
    review_status: str
    corrected_text: str
    reviewer: str
    date: str


# ---------------------------------------------------------------------------- a session
#: the order of a unit's texts on screen and in the queue
PROPERTY_ORDER = ("dct:title", "skos:prefLabel", "skos:definition")
#: a decision in force as the review status people read (the CLI's words)
STATUS = {CONFIRM: "confirmed", REJECT: "rejected", CORRECT: "corrected"}


class TranslationSession:
    """One reviewer judging the translations (the review app and the sheet): the units of
    the graph as translated, the other reviewers' decisions (read-only) and the reviewer's
    own ``<reviewer>.translations.tsv``, which every decision rewrites atomically through
    :func:`make_decision` and :func:`write_decisions`, as ``review translation`` does."""

    def __init__(
        self,
        store,
        reviewer: Reviewer,
        folder: Path,
        *,
        read_dirs: Sequence[Path] = (),
        today: str | None = None,
    ):
        import threading

        self.store = store
        self.reviewer = reviewer
        self.folder = Path(folder)
        self.today = today
        self.units = units(store)
        own = self.path.resolve()
        paths = [p for p in translation_files([*read_dirs, self.folder]) if p.resolve() != own]
        self.others = read_decisions([(p, None) for p in paths])
        if any(d.reviewer_id == reviewer.id for d in self.others):
            raise InputError(
                f"another translation review file of {reviewer.id} is read beside {self.path}; "
                "keep one file per reviewer"
            )
        self.lock = threading.RLock()  # the app serves requests in threads
        self._mine: dict[tuple[str, str], TranslationDecision] | None = None
        _ = self.mine  # a bad file of the reviewer's own is an error now, not at a decision

    @builtins.property
    def path(self) -> Path:
        return self.folder / file_name(self.reviewer)

    @builtins.property
    def mine(self) -> dict[tuple[str, str], TranslationDecision]:
        """The reviewer's decisions (their file as it is on disk), by unit."""
        with self.lock:
            if self._mine is None:
                found = read_file(self.path, protect=False) if self.path.exists() else None
                self._mine = {d.unit: d for d in found.decisions} if found else {}
            return self._mine

    def current(self, d: TranslationDecision) -> bool:
        """Whether the decision judged the translation as it stands (not stale)."""
        unit = self.units.get(d.unit)
        return unit is not None and sha256(unit.english) == d.sha

    def done(self, key: tuple[str, str]) -> bool:
        d = self.mine.get(key)
        return d is not None and self.current(d)

    def in_force(self) -> dict[tuple[str, str], TranslationDecision]:
        """The decision in force per unit, over everyone's files (as the graph applies it)."""
        force, _ = in_force(
            [*self.others, *self.mine.values()], {k: u.english for k, u in self.units.items()}
        )
        return force

    def frameworks(self) -> list[str]:
        from .stats import FRAMEWORKS, framework_of

        found = {framework_of(s) for s, _ in self.units}
        return sorted(found, key=lambda f: (FRAMEWORKS.index(f) if f in FRAMEWORKS else 99, f))

    def queue(
        self,
        *,
        framework: str | None = None,
        prop: str | None = None,
        mine: str | None = None,
        others: str | None = None,
    ) -> list[Unit]:
        """The units to review in framework order, then by item, then title, label,
        definition. ``prop``: label, definition or title (or the CURIE); ``mine``: 'todo' or
        'done' (the reviewer's own decisions); ``others``: 'reviewed' or 'none'."""
        from ...questions.catalogue import _natural
        from .stats import FRAMEWORKS, framework_of

        wanted = PROPERTIES.get(prop, prop) if prop else None
        judged = {d.unit for d in self.others if self.current(d)}
        out = []
        for key, unit in self.units.items():
            if framework and framework_of(unit.subject_id) != framework:
                continue
            if wanted and unit.property != wanted:
                continue
            done = self.done(key)
            if (mine == "todo" and done) or (mine == "done" and not done):
                continue
            if (others == "reviewed" and key not in judged) or (others == "none" and key in judged):
                continue
            out.append(unit)

        def order(u: Unit):
            fw = framework_of(u.subject_id)
            return (
                FRAMEWORKS.index(fw) if fw in FRAMEWORKS else 99,
                fw,
                _natural(u.subject_id),
                PROPERTY_ORDER.index(u.property),
            )

        return sorted(out, key=order)

    def decide(
        self, subject: str, prop: str, decision: str, *, corrected: str = "", comment: str = ""
    ) -> TranslationDecision:
        """Record the reviewer's decision on one unit, written at once."""
        with self.lock:
            tf = open_file(self.folder, self.reviewer)
            new = make_decision(
                self.units,
                self.reviewer,
                subject,
                prop,
                decision,
                corrected=corrected,
                comment=comment,
                date=self.today,
                label=tf.reviewer.label,
            )
            write_decisions(tf, [new])
            self._mine = None
            return new

    def clear(self, subject: str, prop: str) -> bool:
        """Take back the reviewer's decision on one unit."""
        with self.lock:
            gone = take_back(self.folder, self.reviewer, subject, PROPERTIES.get(prop, prop))
            self._mine = None
            return gone

    def apply(
        self, new: Sequence[TranslationDecision], drop: Iterable[tuple[str, str]] = ()
    ) -> None:
        """Write several decisions (from :func:`make_decision`) and take-backs at once."""
        with self.lock:
            write_decisions(open_file(self.folder, self.reviewer), new, drop)
            self._mine = None


# ---------------------------------------------------------------------------- applying
@dataclass(frozen=True)
class TranslationFigures:
    """How many of the translations a person reviewed (decisions in force, not stale)."""

    total: int
    reviewed: int
    confirmed: int
    corrected: int
    rejected: int
    stale: int


def in_force(
    decisions: Iterable[TranslationDecision], shipped: dict[tuple[str, str], str]
) -> tuple[dict[tuple[str, str], TranslationDecision], int]:
    """The decision in force per unit (the latest; then the highest reviewer ID) among those
    that judged the text as it stands, and how many decisions are stale."""
    out: dict[tuple[str, str], TranslationDecision] = {}
    stale = 0
    for d in decisions:
        text = shipped.get(d.unit)
        if text is None or sha256(text) != d.sha:
            stale += 1
            continue
        held = out.get(d.unit)
        if held is None or (d.review_date, d.reviewer_id) > (held.review_date, held.reviewer_id):
            out[d.unit] = d
    return out, stale


def figures(decisions: Iterable[TranslationDecision]) -> TranslationFigures:
    shipped = _shipped_units()
    force, stale = in_force(decisions, shipped)
    kinds = [d.decision for d in force.values()]
    return TranslationFigures(
        total=len(shipped),
        reviewed=len(force),
        confirmed=kinds.count(CONFIRM),
        corrected=kinds.count(CORRECT),
        rejected=kinds.count(REJECT),
        stale=stale,
    )


def apply_translation_reviews(
    store, files: Sequence[tuple[Path, bytes | None]]
) -> TranslationFigures:
    """Apply the translation review files to a freshly loaded store: rejected translations
    withheld, corrected ones replaced (the reviewer's text in the user graph), each decision
    in force stated with who and when, and the dataset's figures added to its node."""
    import pyoxigraph as ox

    from ...store.overlay import add_user_quads, withhold_triples
    from ...vocab import PREFIXES

    decisions = read_decisions(files)
    shipped = _shipped_units()
    force, stale = in_force(decisions, shipped)
    rdf, sssom, xsd = PREFIXES["rdf"], PREFIXES["sssom"], PREFIXES["xsd"]
    dataset = ox.NamedNode(DATASET)
    triples: list[tuple] = []

    def statement(d: TranslationDecision, text: str, agreement: float) -> None:
        s, p = ox.NamedNode(_iri(d.subject_id)), ox.NamedNode(PREFIXES_IRI[d.property])
        digest = sha256(" ".join((d.subject_id, d.property, d.reviewer_id, text)))
        node = ox.NamedNode(f"{DATASET}/review/{digest[:24]}")
        for pred, obj in (
            (rdf + "type", ox.NamedNode(rdf + "Statement")),
            (rdf + "subject", s),
            (rdf + "predicate", p),
            (rdf + "object", ox.Literal(text, language="en")),
            (
                sssom + "reviewer_agreement",
                ox.Literal(f"{agreement:.1f}", datatype=ox.NamedNode(xsd + "double")),
            ),
            (PREFIXES["pav"] + "authoredBy", ox.NamedNode(_iri(d.reviewer_id))),
            (sssom + "reviewer_label", ox.Literal(d.reviewer_label or d.reviewer_id)),
            (
                PREFIXES["dct"] + "created",
                ox.Literal(d.review_date, datatype=ox.NamedNode(xsd + "date")),
            ),
            (PREFIXES["prov"] + "wasDerivedFrom", dataset),
        ):
            triples.append((node, ox.NamedNode(pred), obj))
        if d.comment:
            triples.append(
                (node, ox.NamedNode(PREFIXES["rdfs"] + "comment"), ox.Literal(d.comment))
            )

    for d in force.values():
        s, p = ox.NamedNode(_iri(d.subject_id)), ox.NamedNode(PREFIXES_IRI[d.property])
        old = ox.Literal(shipped[d.unit], language="en")
        if d.decision == CONFIRM:
            statement(d, shipped[d.unit], 1.0)
            continue
        withhold_triples(store, [(s, p, old)])
        statement(d, shipped[d.unit], -1.0)
        if d.decision == CORRECT:
            triples.append((s, p, ox.Literal(d.corrected_text, language="en")))
            statement(d, d.corrected_text, 1.0)
    kinds = [d.decision for d in force.values()]
    result = TranslationFigures(
        len(shipped),
        len(force),
        kinds.count(CONFIRM),
        kinds.count(CORRECT),
        kinds.count(REJECT),
        stale,
    )
    triples.append(
        (
            dataset,
            ox.NamedNode(PREFIXES["skos"] + "editorialNote"),
            ox.Literal(
                f"Reviewed by a person: {result.reviewed} of {result.total} translations "
                f"({result.confirmed} confirmed, {result.corrected} corrected, "
                f"{result.rejected} rejected).",
                language="en",
            ),
        )
    )
    add_user_quads(store, triples)
    return result


def reviewed_units(store) -> dict[tuple[str, str], tuple[str, str, str]]:
    """(subject CURIE, property CURIE) → (decision, reviewer label, date) of each
    translation a person reviewed, read from the graph (what the site shows)."""
    import pyoxigraph as ox

    from ...ids import compact

    rows = store.select(
        """SELECT ?s ?p ?o ?a ?who ?date WHERE {
          ?r a rdf:Statement ; prov:wasDerivedFrom ?ds ; rdf:subject ?s ; rdf:predicate ?p ;
             rdf:object ?o ; sssom:reviewer_agreement ?a ; sssom:reviewer_label ?who ;
             dct:created ?date }""",
        {"ds": ox.NamedNode(DATASET)},
    )
    marks: dict[tuple[str, str], list] = {}
    for r in rows:
        key = (compact(r["s"].value), compact(r["p"].value))
        marks.setdefault(key, []).append((float(r["a"].value), r["who"].value, r["date"].value))
    out = {}
    for key, ms in marks.items():
        pos = [m for m in ms if m[0] > 0]
        neg = [m for m in ms if m[0] < 0]
        kind = CORRECT if pos and neg else CONFIRM if pos else REJECT
        who, date = (pos or neg)[0][1:]
        out[key] = (kind, who, date)
    return out


__all__ = [
    "DECISIONS",
    "PROPERTIES",
    "STATUS",
    "TranslationDecision",
    "TranslationFigures",
    "TranslationSession",
    "Unit",
    "apply_translation_reviews",
    "decide",
    "figures",
    "make_decision",
    "read_file",
    "reviewed_units",
    "take_back",
    "translation_files",
    "units",
]
