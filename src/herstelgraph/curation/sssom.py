"""Curated mappings: SSSOM TSV files in ``mappings/`` are the one source of truth.

The TSVs are human-editable (a spreadsheet opens them); ``python tools/dev.py mappings
build`` makes them canonical (labels and sources filled from the graph, record IDs, sorted
rows, the spec's column order) and generates ``mappings/mappings.ttl``: the ``skos:*Match``
triples plus one SSSOM record per row, in SSSOM's own RDF form (owl:Axiom reification).
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .._version import __version__
from ..errors import InputError
from ..model import Record
from ..vocab import INVERSE, MATCH_RELATIONS, NO_TERM_CURIE, PREFIXES

#: The frameworks that are aligned, in the order that names the pair files.
FRAMEWORKS = ("bijlage-ii", "bk-0597-1", "randvoorwaarden", "valente-2023")
SCHEME_OF = {
    "bijlage-ii": "bijlage2:scheme",
    "bk-0597-1": "bk:scheme",
    "randvoorwaarden": "rv:scheme",
    "valente-2023": "valente:scheme",
}
PREFIX_OF = {fw: curie.split(":")[0] for fw, curie in SCHEME_OF.items()}

#: The SSSOM columns we use, in the order of the SSSOM schema's mapping slots.
COLUMNS = (
    "record_id",
    "subject_id",
    "subject_label",
    "predicate_id",
    "object_id",
    "object_label",
    "mapping_justification",
    "author_id",
    "author_label",
    "subject_source",
    "object_source",
    "mapping_date",
    "confidence",
    "curation_rule",
    "curation_rule_text",
    "other",
    "comment",
)
#: Columns written only to files where some row fills them (mappings/RUBRIC.md).
OPTIONAL_COLUMNS = ("curation_rule", "curation_rule_text")
CURIE_COLUMNS = (
    "record_id",
    "subject_id",
    "predicate_id",
    "object_id",
    "mapping_justification",
    "author_id",
    "subject_source",
    "object_source",
    "curation_rule",
)
#: CTDL-ASN: "The referenced resource is a prerequisite to this resource" — the competence is
#: the subject, the knowledge it presupposes the object (RUBRIC.md, R-PRE). Not a SKOS match:
#: the closure ignores it, so it never counts as coverage; it has no inverse, so it is never
#: turned round to put framework A first.
PREREQUISITE = "ceasn:prerequisiteAlignment"
PREDICATES = (*MATCH_RELATIONS, PREREQUISITE)
NO_TERM = NO_TERM_CURIE
NO_MATCH_PREDICATE = "skos:relatedMatch"
#: A 'no match' row says which relation was looked for and found absent (RUBRIC.md, R-NONE):
#: relatedMatch = nothing even related; closeMatch = no SKOS match, but something associated.
NO_MATCH_PREDICATES = ("skos:relatedMatch", "skos:closeMatch")
STRENGTHS = ("ceasn:majorAlignment", "ceasn:minorAlignment")
CURATION = "semapv:ManualMappingCuration"
AUTHOR_ID = "hgagent:curation-team"
AUTHOR_LABEL = (
    "herstelgraph curation team (AI-assisted curation, not yet reviewed by a domain expert)"
)
LICENSE = "https://creativecommons.org/licenses/by/4.0/"

_CURIE = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*:[^\s|]*$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True)
class MappingRecord(Record):
    """One row of a mapping file: a curated mapping or a reviewed 'no match'."""

    record_id: str
    subject_id: str
    subject_label: str
    predicate_id: str
    object_id: str
    object_label: str
    mapping_justification: str
    author_id: str
    author_label: str
    subject_source: str
    object_source: str
    mapping_date: str
    #: None where the source gives none (a link a reviewer made; an SSSOM file with the cell
    #: empty): written as an empty cell and no triple, never as an invented 1.0
    confidence: float | None
    other: str
    comment: str
    curation_rule: str = ""
    curation_rule_text: str = ""

    @property
    def is_no_match(self) -> bool:
        return self.object_id == NO_TERM


@dataclass
class MappingFile:
    path: Path
    metadata: dict
    records: list[MappingRecord]


def pair_name(a: str, b: str) -> str:
    first, second = sorted((a, b), key=FRAMEWORKS.index)
    return f"{first}__{second}"


def record_id(subject: str, predicate: str, obj: str, object_source: str) -> str:
    key = f"{subject} {predicate} {obj} {object_source if obj == NO_TERM else ''}".strip()
    return "hgm:" + hashlib.sha256(key.encode()).hexdigest()[:16]


# ---------------------------------------------------------------------------- reading
def read_tsv(path: Path) -> MappingFile:
    """Parse one SSSOM TSV strictly; every problem names the file and line."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if data.startswith(b"\xef\xbb\xbf"):
        raise InputError(f"{path}:1: starts with a byte-order mark; save as UTF-8 without BOM")
    if b"\r" in data:
        line = data[: data.index(b"\r")].count(b"\n") + 1
        raise InputError(f"{path}:{line}: CRLF line ending; save with LF line endings")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise InputError(f"{path}:{line}: not UTF-8; save the file as UTF-8") from None
    lines = text.split("\n")
    header = [ln[1:] for ln in lines if ln.startswith("#")]
    body_start = next((i for i, ln in enumerate(lines) if not ln.startswith("#")), len(lines))
    import yaml

    from ..io.inputs import MAX_NESTING, json_nesting

    yaml_text = "\n".join(h[1:] if h.startswith(" ") else h for h in header)
    # flow collections nest by brackets; PyYAML recurses per level (RecursionError at ~1,000)
    if json_nesting(yaml_text.encode("utf-8")) > MAX_NESTING:
        raise InputError(
            f"{path}:1: the metadata header is nested more than {MAX_NESTING} levels deep; "
            "flatten it"
        )
    try:
        meta = yaml.safe_load(yaml_text) or {}
    except RecursionError:
        raise InputError(f"{path}:1: the metadata header nests too deeply; flatten it") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = (mark.line + 1) if mark else 1
        raise InputError(f"{path}:{line}: invalid YAML metadata header ({exc})") from None
    if not isinstance(meta, dict):
        raise InputError(f"{path}:1: the metadata header must be a YAML mapping")
    curie_map = meta.get("curie_map") or {}
    converter = _converter(curie_map, path)
    rows = list(csv.reader(io.StringIO("\n".join(lines[body_start:])), _TSV))
    if not rows:
        raise InputError(f"{path}:{body_start + 1}: no column header row")
    columns = rows[0]
    missing = [c for c in ("subject_id", "predicate_id", "object_id") if c not in columns]
    unknown = [c for c in columns if c not in COLUMNS]
    if missing or unknown:
        what = f"missing columns {missing}" if missing else f"unknown columns {unknown}"
        raise InputError(f"{path}:{body_start + 1}: {what}; expected {', '.join(COLUMNS)}")
    records = []
    for offset, row in enumerate(rows[1:], start=2):
        lineno = body_start + offset
        if row == [] or row == [""]:
            continue
        if len(row) != len(columns):
            raise InputError(
                f"{path}:{lineno}: {len(row)} fields where the header has {len(columns)}; "
                "a value holds a tab or a line break — remove it"
            )
        values = dict(zip(columns, row, strict=True))
        records.append(_record(values, converter, path, lineno, columns))
    return MappingFile(path, meta, records)


class _TSV(csv.excel_tab):
    """Tab-separated, no quoting, "\\n" line ends (a typed dialect, where a dict of
    keyword arguments is not)."""

    quoting = csv.QUOTE_NONE
    lineterminator = "\n"


def _converter(curie_map: object, path: Path) -> Any:
    """The file's prefix map as a ``curies`` converter: SSSOM files bring their own prefixes,
    and curies refuses what is ambiguous (two prefixes for one namespace, and so on)."""
    import curies

    if not isinstance(curie_map, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in curie_map.items()
    ):
        raise InputError(f"{path}:1: curie_map must map each prefix to a namespace IRI")
    try:
        return curies.Converter.from_prefix_map(curie_map)
    except (ValueError, curies.DuplicatePrefixes, curies.DuplicateURIPrefixes) as exc:
        first = str(exc).strip().splitlines()[0]
        raise InputError(f"{path}:1: curie_map is ambiguous ({first})") from None


def _record(values: dict, converter: Any, path: Path, lineno: int, columns) -> MappingRecord:
    where = f"{path}:{lineno}"
    for col, val in values.items():
        if val.startswith('"'):
            raise InputError(f"{where}: {col} starts with a double quote; use “ ” instead")
        if "|" in val and col != "comment":
            raise InputError(f"{where}: {col} holds '|', SSSOM's list separator; remove it")
    for col in CURIE_COLUMNS:
        val = values.get(col, "")
        if not val:
            continue
        if "://" in val:
            raise InputError(f"{where}: {col} is a full IRI; write a CURIE (prefix:local)")
        if not _CURIE.match(val):
            raise InputError(f"{where}: {col} {val!r} is not a CURIE")
        if converter.expand(val) is None:
            prefix = val.split(":", 1)[0]
            raise InputError(f"{where}: prefix {prefix!r} of {col} is not declared in curie_map")
    pred = values["predicate_id"]
    if pred not in PREDICATES:
        raise InputError(f"{where}: predicate_id {pred!r}; use one of {', '.join(PREDICATES)}")
    conf = values.get("confidence", "")
    confidence: float | None = None
    if conf:
        try:
            confidence = float(conf)
        except ValueError:
            raise InputError(f"{where}: confidence {conf!r} is not a number") from None
        if not 0 <= confidence <= 1:
            raise InputError(f"{where}: confidence {conf} is outside 0..1")
    date = values.get("mapping_date", "")
    if date and not _DATE.match(date):
        raise InputError(f"{where}: mapping_date {date!r}; use YYYY-MM-DD")
    other = values.get("other", "")
    if other and other not in STRENGTHS:
        raise InputError(f"{where}: other {other!r}; use {' or '.join(STRENGTHS)} or leave empty")
    return MappingRecord(
        record_id=values.get("record_id", ""),
        subject_id=values["subject_id"],
        subject_label=values.get("subject_label", ""),
        predicate_id=pred,
        object_id=values["object_id"],
        object_label=values.get("object_label", ""),
        mapping_justification=values.get("mapping_justification", "") or CURATION,
        author_id=values.get("author_id", "") or AUTHOR_ID,
        author_label=values.get("author_label", "") or AUTHOR_LABEL,
        subject_source=values.get("subject_source", ""),
        object_source=values.get("object_source", ""),
        mapping_date=date,
        confidence=confidence,
        other=other,
        comment=values.get("comment", ""),
        curation_rule=values.get("curation_rule", ""),
        curation_rule_text=values.get("curation_rule_text", ""),
    )


# ---------------------------------------------------------------------------- writing
def _fmt_conf(x: float | None) -> str:
    if x is None:
        return ""
    return f"{x:.2f}".rstrip("0").rstrip(".") if x % 1 else f"{int(x)}.0"


def metadata_for(pair: str) -> dict:
    a, b = pair.split("__")
    curie_map = {p: PREFIXES[p] for p in sorted([PREFIX_OF[a], PREFIX_OF[b]])}
    for p in ("ceasn", "hgagent", "hgm", "hgrule", "semapv", "skos", "sssom"):
        curie_map[p] = PREFIXES[p]
    return {
        "curie_map": curie_map,
        "mapping_set_id": PREFIXES["hgm"] + pair + ".sssom.tsv",
        "mapping_set_version": __version__,
        "mapping_set_title": f"herstelgraph mappings {a} ↔ {b}",
        "mapping_set_description": (
            f"Curated alignment between {a} and {b}: every item of each framework is either "
            "mapped to the other or recorded as reviewed with no match (sssom:NoTermFound)."
        ),
        "license": LICENSE,
        "creator_id": [AUTHOR_ID],
    }


#: The SSSOM version every file written here declares: record_id, extension_definitions and
#: the 1.1 metadata slots need it, and a reader takes a file that declares none as 1.0.
SSSOM_VERSION = "1.1"


def with_version(metadata: dict) -> dict:
    """``metadata`` declaring ``sssom_version`` (after the curie_map, as sssom-py writes it)."""
    rest = {k: v for k, v in metadata.items() if k not in ("curie_map", "sssom_version")}
    head = {"curie_map": metadata["curie_map"]} if "curie_map" in metadata else {}
    return {**head, "sssom_version": SSSOM_VERSION, **rest}


def write_tsv(mf: MappingFile) -> str:
    import yaml

    meta = with_version(mf.metadata)
    head = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=1000)
    out = io.StringIO()
    for line in head.rstrip("\n").split("\n"):
        out.write(f"# {line}\n")
    writer = csv.writer(out, _TSV)
    used = {c for c in OPTIONAL_COLUMNS if any(getattr(r, c) for r in mf.records)}
    columns = [c for c in COLUMNS if c not in OPTIONAL_COLUMNS or c in used]
    writer.writerow(columns)
    for rec in sorted(mf.records, key=_sort_key):
        d = rec.as_dict()
        d["confidence"] = _fmt_conf(rec.confidence)
        writer.writerow([d[c] for c in columns])
    return out.getvalue()


def _sort_key(rec: MappingRecord):
    return (rec.subject_source, rec.subject_id, rec.object_source, rec.object_id, rec.predicate_id)


# ------------------------------------------------------------------- canonicalising
def canonical(mf: MappingFile, labels: dict[str, str], schemes: dict[str, str], today: str):
    """Fill what the graph knows (labels, sources) and orient rows: subject from the pair's
    first framework for mappings. Unknown IDs and cross-pair rows are errors."""
    pair = mf.path.name.removesuffix(".sssom.tsv")
    a, b = pair.split("__")
    allowed = {SCHEME_OF[a], SCHEME_OF[b]}
    out = []
    for i, rec in enumerate(mf.records, start=1):
        where = f"{mf.path}: row {i}"
        for ident in (rec.subject_id, rec.object_id):
            if ident != NO_TERM and ident not in labels:
                raise InputError(f"{where}: unknown concept {ident}; check the ID")
        s_scheme = schemes[rec.subject_id]
        if rec.is_no_match:
            o_scheme = rec.object_source or (allowed - {s_scheme}).pop()
            if o_scheme not in allowed or o_scheme == s_scheme or s_scheme not in allowed:
                raise InputError(f"{where}: no-match row must target the other framework")
            pred = rec.predicate_id
            if pred not in NO_MATCH_PREDICATES:
                raise InputError(
                    f"{where}: a no-match row's predicate is {' or '.join(NO_MATCH_PREDICATES)}"
                )
            subj, obj = rec.subject_id, rec.object_id
        else:
            o_scheme = schemes[rec.object_id]
            if {s_scheme, o_scheme} != allowed:
                raise InputError(f"{where}: mapping must join {a} and {b}")
            subj, pred, obj = rec.subject_id, rec.predicate_id, rec.object_id
            if s_scheme != SCHEME_OF[a] and pred != PREREQUISITE:
                subj, pred, obj = obj, INVERSE[pred], subj
                s_scheme, o_scheme = o_scheme, s_scheme
        out.append(
            replace(
                rec,
                record_id=_stable_id(rec.record_id, subj, pred, obj, o_scheme),
                subject_id=subj,
                subject_label=labels[subj],
                predicate_id=pred,
                object_id=obj,
                object_label="" if obj == NO_TERM else labels[obj],
                subject_source=s_scheme,
                object_source=o_scheme,
                mapping_date=rec.mapping_date or today,
            )
        )
    seen: dict[str, int] = {}
    pairs: dict[tuple[str, str, str], str] = {}
    for rec in out:
        pair_key = (rec.subject_id, rec.object_id, rec.object_source if rec.is_no_match else "")
        if rec.record_id in seen or pair_key in pairs:
            raise InputError(
                f"{mf.path}: duplicate row {rec.subject_id} {rec.predicate_id} "
                f"{rec.object_id}; one record per pair of items, keep one"
            )
        seen[rec.record_id] = 1
        pairs[pair_key] = rec.record_id
    return MappingFile(mf.path, metadata_for(pair), out)


def _stable_id(given: str, subj: str, pred: str, obj: str, object_source: str) -> str:
    """The record's ID: kept when the row was only retyped (its ID was computed for the same
    subject and object with another predicate), so a re-curated record can be followed;
    otherwise the ID of its content."""
    if given and given != record_id(subj, pred, obj, object_source):
        for other in PREDICATES:
            # the pair may have been written the other way round before: a SKOS record is
            # read from the first framework, a prerequisite from the dependent item (R-PRE-1)
            if given in (
                record_id(subj, other, obj, object_source),
                record_id(obj, other, subj, object_source),
            ):
                return given
    return record_id(subj, pred, obj, object_source)


def graph_index(store, *, external: bool = False) -> tuple[dict[str, str], dict[str, str]]:
    """CURIE → Dutch prefLabel and CURIE → scheme CURIE for every framework concept;
    ``external``: also every concept of the external graph (ESCO), labelled with its
    ``skos:prefLabel`` where one is claimed, else "" (the review of links to ESCO)."""
    from ..ids import compact

    labels, schemes = {}, {}
    rows = store.select(
        "SELECT ?c ?l ?s WHERE { ?c a skos:Concept ; skos:inScheme ?s ; skos:prefLabel ?l . "
        "FILTER(LANG(?l) = 'nl') }"
    )
    for r in rows:
        c = compact(r["c"].value)
        labels[c] = r["l"].value
        schemes[c] = compact(r["s"].value)
    if external:
        from ..store.store import EXTERNAL

        rows = store.select(
            "SELECT ?c ?l ?s WHERE { GRAPH ?g { ?c a skos:Concept ; skos:inScheme ?s . "
            "OPTIONAL { ?c skos:prefLabel ?l } } }",
            {"g": EXTERNAL},
        )
        for r in sorted(rows, key=lambda r: str(r.get("l") or "")):
            c = compact(r["c"].value)
            if c not in labels or (not labels[c] and r.get("l") is not None):
                labels[c] = r["l"].value if r.get("l") is not None else ""
                schemes[c] = compact(r["s"].value)
    return labels, schemes


def mapping_files(folder: Path | None = None) -> list[Path]:
    from ..resources import data_dir

    return sorted((folder or data_dir("mappings")).glob("*.sssom.tsv"))


# ------------------------------------------------------------------------------- RDF
def to_graph(records: list[MappingRecord], expand: Any = None):
    """The RDF of a set of records: skos:*Match triples and SSSOM records (owl:Axiom).
    ``expand``: CURIE -> IRI or None (the project's prefixes by default; an external file's
    own ``curie_map`` for its records)."""
    from rdflib import Graph, Literal, URIRef
    from rdflib.namespace import OWL, RDF, RDFS, XSD

    if expand is None:
        from ..ids import expand

    def node(curie: str) -> URIRef:
        iri = expand(curie)
        if iri is None:
            raise InputError(f"cannot expand {curie!r}: unknown prefix")
        return URIRef(iri)

    sssom = PREFIXES["sssom"]
    g = Graph(bind_namespaces="none")
    for rec in records:
        r = node(rec.record_id)
        s, p, o = node(rec.subject_id), node(rec.predicate_id), node(rec.object_id)
        if not rec.is_no_match:
            g.add((s, p, o))
            if rec.other:
                g.add((s, node(rec.other), o))
        g.add((r, RDF.type, OWL.Axiom))
        g.add((r, RDF.type, URIRef(sssom + "Mapping")))
        g.add((r, OWL.annotatedSource, s))
        g.add((r, OWL.annotatedProperty, p))
        g.add((r, OWL.annotatedTarget, o))
        g.add((r, URIRef(sssom + "mapping_justification"), node(rec.mapping_justification)))
        if rec.confidence is not None:
            g.add(
                (
                    r,
                    URIRef(sssom + "confidence"),
                    Literal(_fmt_conf(rec.confidence), datatype=XSD.double),
                )
            )
        g.add((r, URIRef(PREFIXES["pav"] + "authoredBy"), node(rec.author_id)))
        g.add((r, URIRef(sssom + "author_label"), Literal(rec.author_label)))
        g.add((r, URIRef(sssom + "subject_source"), node(rec.subject_source)))
        g.add((r, URIRef(sssom + "object_source"), node(rec.object_source)))
        g.add(
            (r, URIRef(PREFIXES["dct"] + "created"), Literal(rec.mapping_date, datatype=XSD.date))
        )
        if rec.comment:
            g.add((r, RDFS.comment, Literal(rec.comment)))
        if rec.other:
            g.add((r, URIRef(sssom + "other"), Literal(rec.other)))
        if rec.curation_rule:
            g.add((r, URIRef(sssom + "curation_rule"), node(rec.curation_rule)))
        if rec.curation_rule_text:
            g.add((r, URIRef(sssom + "curation_rule_text"), Literal(rec.curation_rule_text)))
    return g


def all_records(folder: Path | None = None) -> list[MappingRecord]:
    return [rec for path in mapping_files(folder) for rec in read_tsv(path).records]


def build(folder: Path | None = None, today: str | None = None) -> dict[Path, str]:
    """Canonical text of every mapping file and of mappings.ttl, keyed by path."""
    import datetime

    from ..io.serialize import canonical_turtle
    from ..resources import data_dir
    from ..store.build import load

    folder = folder or data_dir("mappings")
    today = today or datetime.date.today().isoformat()
    ontology = sorted(data_dir("ontology").glob("*.ttl"))
    labels, schemes = graph_index(load(files=ontology, closure=False))
    outputs: dict[Path, str] = {}
    records: list[MappingRecord] = []
    for path in mapping_files(folder):
        mf = canonical(read_tsv(path), labels, schemes, today)
        outputs[path] = write_tsv(mf)
        records.extend(mf.records)
    outputs[folder / "mappings.ttl"] = canonical_turtle(to_graph(records))
    outputs.update(build_external(folder, today, labels, schemes))
    return outputs


# ---------------------------------------------------------------- external vocabularies
#: Links to external vocabularies (issue 21: ESCO) live in ``mappings/external/``, one file
#: per framework and vocabulary (``bk-0597-1__esco.sssom.tsv``), with the same columns,
#: rubric and record IDs as the internal pairs but their own ``curie_map`` (the objects are
#: other people's IRIs). ``mappings build`` writes them into ``mappings/external.ttl``, which
#: loads into the external graph (``resources.external_files``).
EXTERNAL_DIR = "external"
EXTERNAL_TTL = "external.ttl"


def external_mapping_files(folder: Path | None = None) -> list[Path]:
    from ..resources import data_dir

    return sorted(((folder or data_dir("mappings")) / EXTERNAL_DIR).glob("*__*.sssom.tsv"))


def external_index() -> dict[str, tuple[str, str]]:
    """IRI -> (label, scheme IRI) of every vendored external concept (``ontology/external``):
    the label is its ``skos:prefLabel`` (English first), or "" where none is claimed."""
    from ..resources import data_dir
    from ..store.build import load

    files = sorted((data_dir("ontology") / EXTERNAL_DIR).glob("*.ttl"))
    if not files:
        return {}
    rows = load(files=files, closure=False).select(
        "SELECT ?c ?s ?l WHERE { ?c a skos:Concept ; skos:inScheme ?s . "
        "OPTIONAL { ?c skos:prefLabel ?l } }"
    )
    out: dict[str, tuple[str, str]] = {}
    for r in sorted(rows, key=lambda r: (r.get("l") is None, str(r.get("l") or ""))):
        label = r.get("l")
        text = label.value if label is not None else ""
        c = r["c"].value
        if c not in out or (not out[c][0] and text):
            out[c] = (text, r["s"].value)
    return out


def canonical_external(
    mf: MappingFile,
    labels: dict[str, str],
    schemes: dict[str, str],
    external: dict[str, tuple[str, str]],
    today: str,
) -> MappingFile:
    """An external link file made canonical: subject labels and sources from the graph,
    object labels (where a label is claimed) and sources from the vendored concepts, stable
    record IDs, sorted rows. Its own metadata (prefixes, title, description) is kept. The
    subject is always the framework's item; an object that is not vendored is an error."""
    from ..ids import compact

    converter = _converter(mf.metadata.get("curie_map") or {}, mf.path)

    def curie(iri: str, what: str, where: str) -> str:
        c = converter.compress(iri)
        if c is None:
            raise InputError(f"{where}: no prefix in curie_map for the {what} {iri}; declare it")
        return c

    out = []
    for i, rec in enumerate(mf.records, start=1):
        where = f"{mf.path}: row {i}"
        subject = compact(converter.expand(rec.subject_id) or "")
        if subject not in labels:
            raise InputError(f"{where}: unknown concept {rec.subject_id}; check the ID")
        if rec.predicate_id == PREREQUISITE:
            raise InputError(f"{where}: a link to an external vocabulary is a SKOS match")
        if rec.is_no_match:
            if rec.predicate_id not in NO_MATCH_PREDICATES:
                raise InputError(
                    f"{where}: a no-match row's predicate is {' or '.join(NO_MATCH_PREDICATES)}"
                )
            if not rec.object_source:
                raise InputError(f"{where}: a no-match row names the vocabulary (object_source)")
            obj_label, obj_source = "", rec.object_source
        else:
            iri = converter.expand(rec.object_id) or ""
            if iri not in external:
                raise InputError(
                    f"{where}: {rec.object_id} is not a vendored external concept; add it to "
                    "ontology/external/ with its source, or check the ID"
                )
            obj_label = external[iri][0]
            obj_source = curie(external[iri][1], "scheme", where)
        if rec.object_source and rec.object_source != obj_source:
            raise InputError(f"{where}: object_source {rec.object_source}; expected {obj_source}")
        subj_source = curie(_PREFIX_IRI(schemes[subject]), "scheme", where)
        out.append(
            replace(
                rec,
                record_id=_stable_id(
                    rec.record_id, rec.subject_id, rec.predicate_id, rec.object_id, obj_source
                ),
                subject_label=labels[subject],
                object_label=obj_label,
                subject_source=subj_source,
                object_source=obj_source,
                mapping_date=rec.mapping_date or today,
            )
        )
    seen: set[tuple[str, str, str]] = set()
    for rec in out:
        key = (rec.subject_id, rec.object_id, rec.object_source if rec.is_no_match else "")
        if key in seen:
            raise InputError(
                f"{mf.path}: duplicate row {rec.subject_id} {rec.predicate_id} "
                f"{rec.object_id}; one record per pair of items, keep one"
            )
        seen.add(key)
    return MappingFile(mf.path, mf.metadata, out)


def _PREFIX_IRI(curie: str) -> str:
    from ..ids import expand

    return expand(curie) or curie


def external_records(
    folder: Path | None = None,
    today: str | None = None,
    labels: dict[str, str] | None = None,
    schemes: dict[str, str] | None = None,
) -> list[MappingFile]:
    """Every external link file, canonical (``canonical_external``)."""
    import datetime

    paths = external_mapping_files(folder)
    if not paths:
        return []
    today = today or datetime.date.today().isoformat()
    if labels is None or schemes is None:
        labels, schemes = _ontology_index()
    external = external_index()
    return [canonical_external(read_tsv(p), labels, schemes, external, today) for p in paths]


def build_external(
    folder: Path, today: str, labels: dict[str, str], schemes: dict[str, str]
) -> dict[Path, str]:
    """Canonical text of every external link file and of ``mappings/external.ttl``."""
    from rdflib import Graph

    from ..io.serialize import canonical_turtle

    files = external_records(folder, today, labels, schemes)
    if not files:
        return {}
    graph = Graph(bind_namespaces="none")
    outputs: dict[Path, str] = {}
    for mf in files:
        outputs[mf.path] = write_tsv(mf)
        converter = _converter(mf.metadata.get("curie_map") or {}, mf.path)
        graph += to_graph(mf.records, converter.expand)
    outputs[folder / EXTERNAL_TTL] = canonical_turtle(graph)
    return outputs


def _ontology_index():
    from ..resources import data_dir
    from ..store.build import load

    return graph_index(load(files=sorted(data_dir("ontology").glob("*.ttl")), closure=False))


def pair_store(path: Path, today: str):
    """The ontology plus one canonicalised mapping file, with the closure: for status."""
    import pyoxigraph as ox

    from ..resources import data_dir
    from ..store.build import load
    from ..store.closure import add_closure
    from ..store.store import USER
    from ..store.tallies import add_tallies

    labels, schemes = _ontology_index()
    mf = canonical(read_tsv(path), labels, schemes, today)
    store = load(files=sorted(data_dir("ontology").glob("*.ttl")), closure=False)
    data = to_graph(mf.records).serialize(format="nt", encoding="utf-8")
    store.add_data(data, ox.RdfFormat.N_TRIPLES, USER, str(path))
    add_closure(store)
    add_tallies(store)
    return store


# ------------------------------------------------------------------ consistency
# The mapping checks (RUBRIC §7, including the older S46, exact-clique, no-match-beside-match
# and hierarchy-cycle rules) live in curation/consistency.py: one checker.


def _scc(succ: dict) -> dict:
    """Tarjan's strongly connected components, iteratively (no recursion limit)."""
    index, low, comp, stack, on = {}, {}, {}, [], set()
    counter = 0
    nodes = set(succ) | {b for bs in succ.values() for b in bs}
    for root in sorted(nodes):
        if root in index:
            continue
        work = [(root, iter(sorted(succ.get(root, ()))))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on.add(root)
        while work:
            node, it = work[-1]
            nxt = next(it, None)
            if nxt is not None:
                if nxt not in index:
                    index[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on.add(nxt)
                    work.append((nxt, iter(sorted(succ.get(nxt, ())))))
                elif nxt in on:
                    low[node] = min(low[node], index[nxt])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                while True:
                    w = stack.pop()
                    on.discard(w)
                    comp[w] = node
                    if w == node:
                        break
    return comp


# ------------------------------------------------------------------------ review
#: The items that need a link or a no-match record into every other framework (RUBRIC.md,
#: C-COV-1): the closure's hg:RequirementItem, the one definition of an item that counts
#: (store/closure.py ``requirement_items``: no sections, restatements, example-only or
#: inferred items), read with the closure. Links on the excluded items are allowed; they are
#: not required.
REVIEWABLE = """
SELECT ?item ?scheme WHERE { ?item a hg:RequirementItem ; skos:inScheme ?scheme . }
"""


def review_status(store) -> dict[tuple[str, str], dict[str, set[str]]]:
    """For each ordered pair (A, B) of aligned frameworks: A's items mapped into B, A's items
    reviewed with no match in B, and A's items not looked at (of the items REVIEWABLE lists)."""
    from ..ids import compact

    schemes = {SCHEME_OF[f]: f for f in FRAMEWORKS}
    items: dict[str, set[str]] = defaultdict(set)
    for r in store.select(REVIEWABLE, entailment=True):
        fw = schemes.get(compact(r["scheme"].value))
        if fw:
            items[fw].add(compact(r["item"].value))
    # any SKOS link into B answers C-COV-1, also one that reaches only an example-only or
    # inferred item (hg:mappedViaExampleInto); prerequisite records are no SKOS link
    mapped: dict[tuple[str, str], set[str]] = defaultdict(set)
    rows = store.select(
        "SELECT ?a ?sb WHERE { VALUES ?p { hg:mappedInto hg:mappedViaExampleInto } ?a ?p ?sb }",
        entailment=True,
    )
    for r in rows:
        a, sb = compact(r["a"].value), schemes.get(compact(r["sb"].value))
        for fw, members in items.items():
            if a in members and sb and sb != fw:
                mapped[(fw, sb)].add(a)
    nomatch: dict[tuple[str, str], set[str]] = defaultdict(set)
    rows = store.select(
        "SELECT ?a ?t WHERE { ?r owl:annotatedSource ?a ; owl:annotatedTarget sssom:NoTermFound ;"
        " sssom:object_source ?t }"
    )
    for r in rows:
        a, t = compact(r["a"].value), schemes.get(compact(r["t"].value))
        for fw, members in items.items():
            if a in members and t:
                nomatch[(fw, t)].add(a)
    out = {}
    for a in FRAMEWORKS:
        for b in FRAMEWORKS:
            if a == b:
                continue
            m, n = mapped[(a, b)], nomatch[(a, b)] - mapped[(a, b)]
            out[(a, b)] = {"mapped": m, "no_match": n, "not_reviewed": items[a] - m - n}
    return out


def report_markdown(store) -> str:
    """The README's mapping report, computed from the data: records per pair and relation
    (prerequisite records in a column of their own: they are no match, RUBRIC R-PRE-1), then
    the coverage of requirement items as ``herstelgraph coverage`` counts it (one definition
    of an item that counts: the closure's hg:RequirementItem)."""
    from ..questions.alignment import coverage

    records = all_records()
    by_pair: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    schemes = {SCHEME_OF[f]: f for f in FRAMEWORKS}
    for rec in records:
        pair = (schemes[rec.subject_source], schemes[rec.object_source])
        if rec.is_no_match:
            key = "no match"
        elif rec.predicate_id == PREREQUISITE:
            key = "prerequisite"
        else:
            key = rec.predicate_id.removeprefix("skos:")
        by_pair[pair][key] += 1
    rels = ["exactMatch", "closeMatch", "broadMatch", "narrowMatch", "relatedMatch"]
    rels += ["prerequisite", "no match"]
    header = "| subject → object | " + " | ".join(rels) + " | total |"
    lines = [header, "|---" * (len(rels) + 2) + "|"]
    for pair in sorted(by_pair, key=lambda p: (FRAMEWORKS.index(p[0]), FRAMEWORKS.index(p[1]))):
        counts = by_pair[pair]
        cells = [str(counts.get(r, 0)) for r in rels]
        lines.append(
            f"| {pair[0]} → {pair[1]} | " + " | ".join(cells) + f" | {sum(counts.values())} |"
        )
    lines += [
        "",
        "| requirement items of → into | items | mapped | via an example | reviewed, no match "
        "| not reviewed | share mapped |",
        "|---|---|---|---|---|---|---|",
    ]
    for row in coverage(store):
        if row.scope != "framework" or row.a not in FRAMEWORKS or row.b not in FRAMEWORKS:
            continue
        share = f"{100 * row.share:.0f}%" if row.items else "–"
        lines.append(
            f"| {row.a} → {row.b} | {row.items} | {row.mapped} | {row.via_example} | "
            f"{row.no_match} | {row.not_reviewed} | {share} |"
        )
    return "\n".join(lines) + "\n"
