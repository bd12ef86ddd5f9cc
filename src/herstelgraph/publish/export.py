"""Exports of the asserted graph for other tools: RDF formats, CSV, SSSOM, 1EdTech CASE,
CTDL-ASN and JSKOS (the last two in ``interchange``).

Every export is a pure function of the graph: byte-identical across runs and hash seeds
(sorted triples, sorted JSON, no clocks), and written atomically. Exports carry the
*asserted* triples (shipped plus ``--data``), never the SKOS closure, which any reasoner
can recompute; ``trig`` is the one format with the inferred named graph beside them, for
loading a SPARQL endpoint with the same layout as the embedded store.
"""

from __future__ import annotations

import json
import os
import uuid
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from ..errors import InputError, ParameterError
from ..ids import compact, expand
from ..model import ExportFormat, Record
from ..store.store import ASSERTED, EXTERNAL, INFERRED, USER, Store
from ..vocab import HG, INVERSE, PREFIXES, SKOS, SSSOM

OWL = PREFIXES["owl"]
RDF_TYPE = PREFIXES["rdf"] + "type"

#: format name -> (file suffix, media type)
FORMATS: dict[str, tuple[str, str]] = {
    "turtle": (".ttl", "text/turtle"),
    "jsonld": (".jsonld", "application/ld+json"),
    "ntriples": (".nt", "application/n-triples"),
    "rdfxml": (".rdf", "application/rdf+xml"),
    "trig": (".trig", "application/trig"),
    "csv": (".csv", "text/csv"),
    "sssom": (".sssom.tsv", "text/tab-separated-values"),
    "case": (".case.json", "application/json"),
    "ctdlasn": (".ctdlasn.jsonld", "application/ld+json"),
    "jskos": (".jskos.json", "application/json"),
}
RDF_FORMATS = ("turtle", "jsonld", "ntriples", "rdfxml", "trig")

MATCHES = ("exactMatch", "closeMatch", "broadMatch", "narrowMatch", "relatedMatch")
#: the CSV column that carries the herstelgraph version (publish.version.CSV_COLUMN)
CSV_VERSION_COLUMN = "herstelgraph_version"
#: CSV cells with several values join them with this (as SSSOM and `--format csv` do).
JOIN = " | "
CONTEXT_FILE = "herstelgraph.context.jsonld"


@dataclass(frozen=True)
class Export(Record):
    """One finished export: the bytes to write and what they hold."""

    format: str
    scheme: str | None
    media_type: str
    data: bytes
    items: int  # triples for RDF formats, rows/records/CFItems otherwise


# ------------------------------------------------------------------------ the graph
#: what the exports carry: the frameworks and mappings, user data, and the external graph
#: (the vendored ESCO concepts and the curated links to them, issue 21)
EXPORTED = (ASSERTED, USER, EXTERNAL)


def _triples(store: Store, graphs=EXPORTED) -> set[ox.Triple]:
    out = set()
    for q in store.quads(graphs=graphs):
        out.add(ox.Triple(q.subject, q.predicate, q.object))
    return out


def scheme_triples(store: Store, scheme: str) -> set[ox.Triple]:
    """One framework: its scheme, concepts, the mappings and records touching it, and the
    source documents (and blank nodes) they point to."""
    triples = _triples(store)
    node = ox.NamedNode(scheme)
    concepts = {t.subject for t in triples if t.predicate.value == SKOS + "inScheme"}
    concepts = {
        c for c in concepts if ox.Triple(c, ox.NamedNode(SKOS + "inScheme"), node) in triples
    }
    mine = concepts | {node}
    by_subject: dict = defaultdict(list)
    for t in triples:
        by_subject[t.subject].append(t)
    records = set()
    for t in triples:
        p = t.predicate.value
        if p in (OWL + "annotatedSource", OWL + "annotatedTarget") and t.object in mine:
            records.add(t.subject)
        if p in (SSSOM + "subject_source", SSSOM + "object_source") and t.object == node:
            records.add(t.subject)
    match_preds = {SKOS + m for m in MATCHES} | {
        PREFIXES["ceasn"] + "majorAlignment",
        PREFIXES["ceasn"] + "minorAlignment",
        PREFIXES["ceasn"] + "prerequisiteAlignment",
    }
    out = {t for s in mine | records for t in by_subject.get(s, ())}
    out |= {t for t in triples if t.predicate.value in match_preds and t.object in concepts}
    docs = {t.object for t in out if t.predicate.value == HG + "sourceDocument"}
    docs |= {t.object for t in out if isinstance(t.object, ox.BlankNode)}
    seen: set = set()
    while docs - seen:
        d = (docs - seen).pop()
        seen.add(d)
        for t in by_subject.get(d, ()):
            out.add(t)
            if isinstance(t.object, ox.BlankNode):
                docs.add(t.object)
    return out


def _selected(store: Store, scheme: str | None) -> set[ox.Triple]:
    return _triples(store) if scheme is None else scheme_triples(store, scheme)


def to_rdflib(triples):
    """An rdflib graph of the triples, blank nodes relabelled canonically if there are any
    (so the exports stay byte-identical even then)."""
    from ..io.rdflib_bridge import to_rdflib as bridge

    return bridge(triples)


# ------------------------------------------------------------------------ RDF formats
def context() -> dict:
    """The shipped JSON-LD context (ontology/herstelgraph.context.jsonld), read from disk."""
    from ..resources import data_dir

    path = data_dir("ontology") / CONTEXT_FILE
    try:
        return json.loads(path.read_text(encoding="utf-8"))["@context"]
    except (OSError, ValueError, KeyError) as exc:
        raise InputError(f"{path}: cannot read the JSON-LD context ({exc}); reinstall") from None


def _sort_json(value, key: str | None = None):
    """Sort JSON-LD arrays (RDF is a set) except @list ones, so output never depends on
    rdflib's iteration order."""
    if isinstance(value, dict):
        return {k: _sort_json(v, k) for k, v in sorted(value.items())}
    if isinstance(value, list):
        items = [_sort_json(v) for v in value]
        if key == "@list":
            return items
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def jsonld_text(graph, ctx: dict | None = None) -> str:
    """Compact JSON-LD with the shipped context inlined: a reader never fetches anything."""
    ctx = context() if ctx is None else ctx
    data = json.loads(graph.serialize(format="json-ld", context=ctx, auto_compact=False))
    if isinstance(data, list):
        data = {"@graph": data}
    nodes = data.get("@graph")
    if nodes is None:
        nodes = [{k: v for k, v in data.items() if k != "@context"}] if len(data) > 1 else []
    nodes = sorted((_sort_json(n) for n in nodes), key=lambda n: str(n.get("@id", "")))
    doc = {"@context": ctx, "@graph": nodes}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


_NT_ESCAPES = {c: f"\\u{c:04X}" for c in (0x0B, 0x0C, 0x85, 0x2028, 0x2029)}


def ntriples_text(graph) -> str:
    """Sorted, unique N-Triples. Split on LF only: str.splitlines would also break lines at
    U+0085/U+2028 inside literals; those (and VT/FF) are written as \\u escapes."""
    text = graph.serialize(format="nt", encoding="utf-8").decode("utf-8")
    lines = text.translate(_NT_ESCAPES).split("\n")
    return "".join(line + "\n" for line in sorted(set(lines)) if line.strip())


def rdfxml_text(graph) -> str:
    """Flat RDF/XML, one rdf:Description per subject, subjects and properties sorted.

    Written here rather than by rdflib, whose XML serializer orders subjects by hash.
    """
    import re
    from xml.sax.saxutils import escape, quoteattr

    from rdflib import BNode, Literal

    ncname = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*$")
    known = {ns: p for p, ns in PREFIXES.items()}
    names: dict[str, str] = {"rdf": PREFIXES["rdf"]}
    qname = {}
    for pred in sorted({str(p) for p in graph.predicates()}):
        m = ncname.search(pred)
        if not m or m.start() == 0:
            raise InputError(f"predicate <{pred}> cannot be written as RDF/XML; use turtle")
        ns, local = pred[: m.start()], m.group(0)
        if ns not in known:
            known[ns] = f"ns{sum(1 for n in names if n.startswith('ns')) + 1}"
        prefix = known[ns]
        names[prefix] = ns
        qname[pred] = f"{prefix}:{local}"
    bad = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")

    def node_attr(term, attr) -> str:
        if isinstance(term, BNode):
            return f"rdf:nodeID={quoteattr(str(term))}"
        return f"rdf:{attr}={quoteattr(str(term))}"

    out = ['<?xml version="1.0" encoding="utf-8"?>', "<rdf:RDF"]
    out += [f"  xmlns:{p}={quoteattr(ns)}" for p, ns in sorted(names.items())]
    out[-1] += ">"
    by_subject: dict = defaultdict(list)
    for s, p, o in graph:
        by_subject[s].append((str(p), o))
    for s in sorted(by_subject, key=lambda t: (isinstance(t, BNode), str(t))):
        out.append(f"  <rdf:Description {node_attr(s, 'about')}>")
        for p, o in sorted(by_subject[s], key=lambda po: (po[0], o_key(po[1]))):
            q = qname[p]
            if isinstance(o, Literal):
                if bad.search(str(o)):
                    raise InputError(
                        f"literal of <{s}> holds a control character RDF/XML cannot carry"
                    )
                attrs = ""
                if o.language:
                    attrs = f" xml:lang={quoteattr(o.language)}"
                elif o.datatype:
                    attrs = f" rdf:datatype={quoteattr(str(o.datatype))}"
                out.append(f"    <{q}{attrs}>{escape(str(o))}</{q}>")
            else:
                out.append(f"    <{q} {node_attr(o, 'resource')}/>")
        out.append("  </rdf:Description>")
    out.append("</rdf:RDF>")
    return "\n".join(out) + "\n"


def o_key(term) -> tuple:
    return (
        type(term).__name__,
        str(term),
        str(getattr(term, "language", "") or ""),
        str(getattr(term, "datatype", "") or ""),
    )


def trig_text(store: Store, scheme: str | None, *, lang: str | None = None) -> str:
    """Asserted, user, external and inferred triples as named graphs, for a SPARQL
    endpoint."""
    quads = []
    keep = None if scheme is None else scheme_triples(store, scheme)
    subjects = set() if keep is None else {t.subject for t in keep}
    for q in store.quads(graphs=(*EXPORTED, INFERRED)):
        triple = ox.Triple(q.subject, q.predicate, q.object)
        if not _in_language(q.object, lang):
            continue
        if keep is None or triple in keep or (q.graph_name == INFERRED and q.subject in subjects):
            quads.append(q)
    if any(isinstance(t, ox.BlankNode) for q in quads for t in (q.subject, q.object)):
        # a parser gives blank nodes new random labels at every load: relabel them from the
        # graph's shape, so the same data always gives the same bytes (io/blank_nodes.py;
        # Oxigraph's exact canonicalisation took 26 s on a 300-item RDF list)
        from ..io.blank_nodes import relabel

        quads = relabel(quads)
    quads.sort(key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))
    used = {p: ns for p, ns in PREFIXES.items() if any(ns in str(q) for q in quads)}
    data = ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=used) or b""
    return data.decode("utf-8")


# ------------------------------------------------------------------------ mapping records
_MAPPING_RECORDS = """SELECT ?r ?s ?p ?o ?just ?conf ?author ?alabel ?ss ?os ?date ?comment ?other
                 ?rule ?ruletext
        WHERE { ?r a sssom:Mapping ; owl:annotatedSource ?s ; owl:annotatedProperty ?p ;
                   owl:annotatedTarget ?o .
          OPTIONAL { ?r sssom:mapping_justification ?just }
          OPTIONAL { ?r sssom:confidence ?conf }
          OPTIONAL { ?r pav:authoredBy ?author }
          OPTIONAL { ?r sssom:author_label ?alabel }
          OPTIONAL { ?r sssom:subject_source ?ss }
          OPTIONAL { ?r sssom:object_source ?os }
          OPTIONAL { ?r dct:created ?date }
          OPTIONAL { ?r rdfs:comment ?comment }
          OPTIONAL { ?r sssom:other ?other }
          OPTIONAL { ?r sssom:curation_rule ?rule }
          OPTIONAL { ?r sssom:curation_rule_text ?ruletext } }"""


def mapping_records(store: Store, scheme: str | None = None, *, external: bool = False):
    """The SSSOM records in the graph as ``mappings.MappingRecord``s (labels from the graph).
    ``external``: also the curated links to external vocabularies (ESCO, the external
    graph)."""
    from ..curation.sssom import MappingRecord, graph_index

    rows = store.select(_MAPPING_RECORDS)
    if external:
        rows += store.select(
            _MAPPING_RECORDS.replace("WHERE {", "WHERE { GRAPH ?graph {", 1) + " }",
            {"graph": EXTERNAL},
        )
    labels, _ = graph_index(store, external=external)
    target = compact(scheme) if scheme else None

    def v(term, curie=False):
        if term is None:
            return ""
        return compact(term.value) if curie else term.value

    out: dict[str, MappingRecord] = {}
    for r in rows:
        rec = MappingRecord(
            record_id=v(r.get("r"), True),
            subject_id=v(r.get("s"), True),
            subject_label=labels.get(v(r.get("s"), True), ""),
            predicate_id=v(r.get("p"), True),
            object_id=v(r.get("o"), True),
            object_label=labels.get(v(r.get("o"), True), ""),
            mapping_justification=v(r.get("just"), True),
            author_id=v(r.get("author"), True),
            author_label=v(r.get("alabel")),
            subject_source=v(r.get("ss"), True),
            object_source=v(r.get("os"), True),
            mapping_date=v(r.get("date")),
            confidence=float(r["conf"].value) if r.get("conf") is not None else None,
            other=v(r.get("other")),
            comment=v(r.get("comment")),
            # the rubric rule the curator applied (mappings/RUBRIC.md): part of each record's
            # provenance, in the export as in the TSVs
            curation_rule=v(r.get("rule"), True),
            curation_rule_text=v(r.get("ruletext")),
        )
        if target and target not in (rec.subject_source, rec.object_source):
            continue
        # One record per ID: several comments or dates would be a data error upstream;
        # keep the smallest so the output stays deterministic.
        if rec.record_id not in out or _rkey(rec) < _rkey(out[rec.record_id]):
            out[rec.record_id] = rec
    return sorted(out.values(), key=lambda r: r.record_id)


def _rkey(rec) -> tuple:
    return tuple(str(x) for x in rec.as_dict().values())


def sssom_text(store: Store, scheme: str | None) -> tuple[str, int]:
    """All records as one canonical SSSOM TSV, written by mappings.write_tsv."""
    from ..curation.sssom import AUTHOR_ID, LICENSE, MappingFile, write_tsv
    from .version import current

    records = mapping_records(store, scheme, external=True)
    used = set()
    for rec in records:
        for col in ("record_id", "subject_id", "predicate_id", "object_id", "author_id"):
            used.add(getattr(rec, col).split(":", 1)[0])
        for col in ("mapping_justification", "subject_source", "object_source", "curation_rule"):
            if getattr(rec, col):
                used.add(getattr(rec, col).split(":", 1)[0])
        if rec.other:
            used.add(rec.other.split(":", 1)[0])
    curie_map = {p: ns for p, ns in PREFIXES.items() if p in used}
    for p in ("hgm", "semapv", "skos", "sssom"):
        curie_map.setdefault(p, PREFIXES[p])
    name = "herstelgraph" if scheme is None else f"herstelgraph-{_fw(scheme)}"
    meta = {
        "curie_map": dict(sorted(curie_map.items())),
        "mapping_set_id": PREFIXES["hgm"] + name + ".sssom.tsv",
        "mapping_set_version": current().version,
        "mapping_set_title": "herstelgraph mappings"
        + ("" if scheme is None else f" touching {_fw(scheme)}"),
        "mapping_set_description": (
            "Curated alignments between the Dutch and Flemish recovery-supporting care "
            "frameworks, with reviewed no-match records (sssom:NoTermFound)."
            + (
                " Also the curated links to ESCO (hgext:esco), an external vocabulary."
                if any(r.object_source == "hgext:esco" for r in records)
                else ""
            )
        ),
        "license": LICENSE,
        "creator_id": [AUTHOR_ID],
    }
    return write_tsv(MappingFile(Path(name + ".sssom.tsv"), meta, records)), len(records)


def _fw(scheme_iri: str) -> str:
    from ..questions.catalogue import framework_id

    return framework_id(scheme_iri)


# ------------------------------------------------------------------------ CSV
CSV_COLUMNS = (
    "framework",
    "id",
    "notation",
    "label",
    "label_en",
    "type",
    "broader",
    "broader_label",
    "broader_label_en",
    "section",
    *MATCHES,
    "requires",
    "required_by",
    "no_match_in",
    "iri",
    "deprecated",
    "replaced_by",
    CSV_VERSION_COLUMN,
)

#: the columns of the English translations, which ``--lang nl`` leaves out
CSV_ENGLISH = ("label_en", "broader_label_en")

#: A prerequisite record (RUBRIC R-PRE): the subject presupposes the object; no SKOS match.
PREREQUISITE = "ceasn:prerequisiteAlignment"


def concept_mappings(
    store: Store, *, external: bool = False
) -> dict[str, list[tuple[str, str, object]]]:
    """CURIE -> [(relation seen from it, other CURIE, record)] over every curated record;
    ``external``: also the links to external vocabularies (ESCO)."""
    out: dict[str, list] = defaultdict(list)
    for rec in mapping_records(store, external=external):
        rel = rec.predicate_id.removeprefix("skos:")
        if rec.is_no_match:
            out[rec.subject_id].append(("noMatch", rec.object_source, rec))
            continue
        if rec.predicate_id == PREREQUISITE:
            out[rec.subject_id].append(("requires", rec.object_id, rec))
            out[rec.object_id].append(("required_by", rec.subject_id, rec))
            continue
        out[rec.subject_id].append((rel, rec.object_id, rec))
        out[rec.object_id].append((INVERSE["skos:" + rel][5:], rec.subject_id, rec))
    return out


def csv_text(store: Store, scheme: str | None, lang: str | None = None) -> tuple[str, int]:
    """One row per concept; cells with several values join them with `` | ``; a mapped
    item is written ``id — label``. The English translations stand beside the Dutch labels
    (``label_en``, ``broader_label_en``; empty where there is none), unless ``lang`` is
    ``nl``. UTF-8 with a byte-order mark and CRLF, so Excel opens the Dutch diacritics
    correctly; a cell that a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``,
    tab, CR first) gets a leading ``'`` (io.tables)."""
    from ..curation.sssom import graph_index
    from ..io.tables import csv_text as csv_table
    from ..questions.catalogue import _natural, concepts, english_texts, frameworks
    from ..questions.deprecation import deprecated_items
    from .version import current

    labels, _ = graph_index(store)
    fws = sorted(f.id for f in frameworks(store) if scheme is None or f.iri == scheme)
    # every concept, deprecated ones too: an export is the whole graph, IRIs kept
    members = {fw: concepts(store, fw, include_deprecated=True) for fw in fws}
    wanted = {i for cs in members.values() for c in cs for i in (c.id, c.broader) if i}
    english = english_texts(store, wanted) if lang in (None, "en") else {}
    maps = concept_mappings(store)
    gone = deprecated_items(store)
    version = current().version
    table: list[list[str]] = []
    for fw in fws:
        for c in members[fw]:
            cells: dict[str, list[str]] = defaultdict(list)
            for rel, other, _rec in sorted(maps.get(c.id, []), key=lambda m: (m[0], m[1])):
                if rel == "noMatch":
                    cells["no_match_in"].append(_fw(expand(other) or other))
                else:
                    cells[rel].append(f"{other} — {labels.get(other, '')}")
            table.append(
                [
                    fw,
                    c.id,
                    c.notation or "",
                    c.label,
                    (english.get(c.id) or ("", ""))[0] or "",
                    c.type,
                    c.broader or "",
                    labels.get(c.broader, "") if c.broader else "",
                    (english.get(c.broader or "") or ("", ""))[0] or "",
                    c.section or "",
                    *(
                        JOIN.join(sorted(set(cells[m]), key=_natural))
                        for m in (*MATCHES, "requires", "required_by")
                    ),
                    JOIN.join(sorted(set(cells["no_match_in"]))),
                    c.iri,
                    "true" if c.iri in gone else "",
                    JOIN.join(compact(i) for i in gone.get(c.iri, ())),
                    version,
                ]
            )
    if lang is not None and lang != "en":
        keep = [i for i, c in enumerate(CSV_COLUMNS) if c not in CSV_ENGLISH]
        return csv_table(
            [CSV_COLUMNS[i] for i in keep], ([r[i] for i in keep] for r in table)
        ), len(table)
    return csv_table(CSV_COLUMNS, table), len(table)


# ------------------------------------------------------------------------ CASE 1.0
CASE_ASSOCIATION = {
    "skos:exactMatch": "exactMatchOf",
    "skos:closeMatch": "isRelatedTo",
    "skos:broadMatch": "isRelatedTo",
    "skos:narrowMatch": "isRelatedTo",
    "skos:relatedMatch": "isRelatedTo",
    # CASE's own word for "comes before in a progression": the prerequisite precedes the
    # item that presupposes it, so origin and destination are the record's object and subject
    PREREQUISITE: "precedes",
}


def case_uuid(iri: str) -> str:
    """CASE identifiers: UUIDv5 of the IRI, so re-exports keep every identifier."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, iri))


def _link(title: str, iri: str, identifier: str | None = None) -> dict:
    return {"title": title, "identifier": identifier or case_uuid(iri), "uri": iri}


def _change_time(store: Store) -> str:
    """lastChangeDateTime: SOURCE_DATE_EPOCH if set (reproducible builds), else the latest
    date the data states (issued, modified, mapping dates), never the clock."""
    import datetime

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        t = datetime.datetime.fromtimestamp(int(epoch), tz=datetime.timezone.utc)
        return t.strftime("%Y-%m-%dT%H:%M:%S+00:00")
    rows = store.select(
        "SELECT (MAX(STR(?d)) AS ?max) WHERE { ?s ?p ?d . "
        "VALUES ?p { dct:issued dct:modified dct:created dct:date } "
        "FILTER(REGEX(STR(?d), '^[0-9]{4}-[0-9]{2}-[0-9]{2}')) }"
    )
    latest = rows[0]["max"].value[:10] if rows and rows[0].get("max") is not None else "1970-01-01"
    return latest + "T00:00:00+00:00"


def case_packages(store: Store, scheme: str | None = None) -> list[dict]:
    """One 1EdTech CASE 1.0 CFPackage per framework: CFDocument, CFItems, CFAssociations
    (isChildOf for the hierarchy, exactMatchOf/isRelatedTo for curated mappings, the SKOS
    relation kept as the association's grouping) and CFDefinitions."""
    from ..curation.sssom import LICENSE, graph_index
    from ..questions.catalogue import _natural, concepts, frameworks
    from .version import current

    release = current()

    labels, _ = graph_index(store)
    when = _change_time(store)
    iri_of = {}
    rows = store.select("SELECT ?c WHERE { ?c a skos:Concept ; skos:inScheme ?s }")
    for r in rows:
        iri_of[compact(r["c"].value)] = r["c"].value
    records = mapping_records(store)
    details, type_labels = _case_details(store)
    license_def = {
        "identifier": case_uuid(LICENSE),
        "uri": LICENSE,
        "title": "CC BY 4.0 (herstelgraph data)",
        "licenseText": "Creative Commons Attribution 4.0 International; the quoted source "
        "texts remain their publishers' work.",
        "lastChangeDateTime": when,
    }
    groupings = {
        pred: {
            "identifier": case_uuid(expand(pred) or pred),
            "uri": expand(pred) or pred,
            "title": pred,
            "description": (
                f"Curated SKOS mapping relation {pred} (SSSOM record in the herstelgraph mappings)."
                if pred.startswith("skos:")
                else f"Curated prerequisite {pred}: the destination item presupposes the "
                "origin item (SSSOM record in the herstelgraph mappings)."
            ),
            "lastChangeDateTime": when,
        }
        for pred in CASE_ASSOCIATION
    }
    packages: list[dict] = []
    for fw in sorted(frameworks(store), key=lambda f: f.id):
        if scheme is not None and fw.iri != scheme:
            continue
        doc_link = _link(fw.title, fw.iri)
        items: list[dict] = []
        assocs: list[dict] = []  # CASE JSON objects, as ``_link`` and the return type
        types: dict[str, dict] = {}
        members = concepts(store, fw.id)
        by_parent: dict[str | None, list] = defaultdict(list)
        for c in members:
            by_parent[c.broader].append(c)
        seq = {}
        for siblings in by_parent.values():
            for i, c in enumerate(sorted(siblings, key=lambda c: (_natural(c.notation), c.id))):
                seq[c.id] = i + 1
        for c in members:
            d = details.get(c.iri, {})
            type_iri = HG + c.type
            types[type_iri] = {
                "identifier": case_uuid(type_iri),
                "uri": type_iri,
                "title": type_labels.get(type_iri, c.type),
                "description": f"herstelgraph item type hg:{c.type}",
                "hierarchyCode": c.type,
                "typeCode": c.type,
                "lastChangeDateTime": when,
            }
            notes = [f"Bronsectie: {c.section}"] if c.section else []
            notes += [d[k] for k in ("definition", "sourceText") if d.get(k)]
            item = {
                "identifier": case_uuid(c.iri),
                "uri": c.iri,
                "fullStatement": c.label,
                "CFItemType": types[type_iri]["title"],
                "CFItemTypeURI": _link(types[type_iri]["title"], type_iri),
                "language": "nl",
                "lastChangeDateTime": when,
                "CFDocumentURI": doc_link,
            }
            if c.notation:
                item["humanCodingScheme"] = c.notation
                item["listEnumeration"] = str(seq[c.id])
            if d.get("altLabel"):
                item["alternativeLabel"] = d["altLabel"]
            if notes:
                item["notes"] = "\n\n".join(notes)
            items.append(item)
            parent = (
                _link(labels.get(c.broader, ""), iri_of.get(c.broader, c.broader))
                if c.broader
                else doc_link
            )
            child_id = case_uuid(f"{c.iri} isChildOf {parent['uri']}")
            assocs.append(
                {
                    "identifier": child_id,
                    "uri": f"urn:uuid:{child_id}",
                    "associationType": "isChildOf",
                    "sequenceNumber": seq[c.id],
                    "originNodeURI": _link(c.label, c.iri),
                    "destinationNodeURI": parent,
                    "lastChangeDateTime": when,
                }
            )
        mine = {c.id for c in members}
        used_groupings = set()
        for rec in records:
            if rec.is_no_match or not ({rec.subject_id, rec.object_id} & mine):
                continue
            if rec.predicate_id not in CASE_ASSOCIATION:  # prerequisites: RUBRIC §11
                continue
            s_iri, o_iri = iri_of.get(rec.subject_id), iri_of.get(rec.object_id)
            if not s_iri or not o_iri:
                continue
            rec_iri = PREFIXES["hgm"] + rec.record_id.split(":", 1)[1]
            used_groupings.add(rec.predicate_id)
            g = groupings[rec.predicate_id]
            origin = _link(rec.subject_label, s_iri)
            destination = _link(rec.object_label, o_iri)
            if rec.predicate_id == PREREQUISITE:
                origin, destination = destination, origin
            assocs.append(
                {
                    "identifier": case_uuid(rec_iri),
                    "uri": rec_iri,
                    "associationType": CASE_ASSOCIATION[rec.predicate_id],
                    "originNodeURI": origin,
                    "destinationNodeURI": destination,
                    "CFAssociationGroupingURI": _link(g["title"], g["uri"], g["identifier"]),
                    "lastChangeDateTime": when,
                }
            )
        package_iri = f"urn:uuid:{case_uuid(fw.iri + '#case-package')}"
        document = {
            "identifier": case_uuid(fw.iri),
            "uri": fw.iri,
            "creator": details.get(fw.iri, {}).get("publisher") or "herstelgraph contributors",
            "title": fw.title,
            "lastChangeDateTime": when,
            "language": "nl",
            # the herstelgraph release this framework is part of; the source's own edition
            # (BK-0597-1's "versie 1") is told in the notes
            "version": release.version,
            "licenseURI": _link(license_def["title"], LICENSE),
            "notes": f"Generated by herstelgraph {release.version} ({release.date}) from its "
            "SKOS graph; item texts are quoted verbatim from the source document."
            + (f" Version of the source: {fw.version}." if fw.version else ""),
            "CFPackageURI": {
                "title": fw.title,
                "identifier": package_iri.removeprefix("urn:uuid:"),
                "uri": package_iri,
            },
        }
        if details.get(fw.iri, {}).get("definition"):
            document["description"] = details[fw.iri]["definition"]
        packages.append(
            {
                "CFDocument": document,
                "CFItems": items,
                "CFAssociations": sorted(
                    assocs,
                    key=lambda a: (a["associationType"], a["originNodeURI"]["uri"], a["uri"]),
                ),
                "CFDefinitions": {
                    "CFConcepts": [],
                    "CFSubjects": [],
                    "CFLicenses": [license_def],
                    "CFItemTypes": sorted(types.values(), key=lambda t: t["uri"]),
                    "CFAssociationGroupings": [groupings[p] for p in sorted(used_groupings)],
                },
            }
        )
    return packages


def _case_details(store: Store) -> tuple[dict[str, dict], dict[str, str]]:
    """Definitions, source texts, alt labels and publishers by IRI; Dutch type labels."""
    details: dict[str, dict] = defaultdict(dict)
    rows = store.select(
        "SELECT ?c ?p ?v WHERE { ?c ?p ?v . VALUES ?p { skos:definition hg:sourceText "
        "skos:altLabel } FILTER(LANG(?v) = 'nl' || LANG(?v) = '') }"
    )
    for r in sorted(rows, key=lambda r: (r["c"].value, r["p"].value, r["v"].value)):
        details[r["c"].value].setdefault(r["p"].value.rsplit("#", 1)[-1], r["v"].value)
    for r in store.select(
        "SELECT ?s ?pub WHERE { ?s a hg:Framework ; hg:sourceDocument ?d . "
        "?d dct:publisher ?pub } ORDER BY ?pub"
    ):
        details[r["s"].value].setdefault("publisher", r["pub"].value)
    types: dict[str, str] = {}
    for r in store.select(
        "SELECT ?t ?l WHERE { ?t a owl:Class ; rdfs:label ?l FILTER(LANG(?l) = 'nl') } "
        "ORDER BY ?t ?l"
    ):
        types.setdefault(r["t"].value, r["l"].value)
    return dict(details), types


def case_text(store: Store, scheme: str | None) -> tuple[str, int]:
    packages = case_packages(store, scheme)
    data = packages[0] if scheme is not None and packages else {"CFPackages": packages}
    n = sum(len(p["CFItems"]) for p in packages)
    return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n", n


# ------------------------------------------------------------------------ entry points
def _in_language(term, lang: str | None) -> bool:
    """False for a literal tagged with a language other than ``lang`` (None: every one)."""
    tag = getattr(term, "language", None)
    return lang is None or not tag or tag == lang or tag.startswith(lang + "-")


def _framework_arg(framework: str | None, scheme: str | None) -> str | None:
    """``scheme=``, the old name of ``framework=``: still accepted, with a warning."""
    if scheme is None:
        return framework
    import warnings

    warnings.warn(
        "export(scheme=...) is deprecated; use framework=...", DeprecationWarning, stacklevel=3
    )
    if framework is not None and framework != scheme:
        raise ParameterError("framework", "give framework or scheme (its old name), not both")
    return scheme


def export(
    store: Store,
    fmt: ExportFormat | str,
    framework: str | None = None,
    *,
    lang: str | None = None,
    scheme: str | None = None,
) -> Export:
    """The export of the asserted graph (or one framework of it) in one format (any case,
    and the usual aliases: ``ttl``, ``nt``, ``xml``, ``json-ld``; see ExportFormat).

    ``framework``: only this framework (an ID as ``frameworks`` lists it, any case, or its
    prefix); ``scheme`` is its deprecated old name.

    ``lang``: keep only literals in this language (and untagged ones): ``nl`` leaves out the
    English translations (and the curators' English notes), also from the language maps of
    CTDL-ASN and JSKOS, and the English columns of CSV. SSSOM and CASE carry the Dutch texts
    only, so it changes nothing there."""
    try:
        fmt = ExportFormat(fmt).value
    except ValueError:
        raise ParameterError(
            "format", f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}"
        ) from None
    framework = _framework_arg(framework, scheme)
    scheme_iri = None
    if framework is not None:
        from ..questions.catalogue import scheme_node

        scheme_iri = scheme_node(store, framework).value
    if fmt == "trig":
        text = trig_text(store, scheme_iri, lang=lang)
        n = text.count("\n")
    elif fmt in RDF_FORMATS:
        triples = {t for t in _selected(store, scheme_iri) if _in_language(t.object, lang)}
        n = len(triples)
        graph = to_rdflib(triples)
        try:
            if fmt == "turtle":
                from ..io.serialize import canonical_turtle

                text = canonical_turtle(graph)
            elif fmt == "jsonld":
                text = jsonld_text(graph)
            elif fmt == "ntriples":
                text = ntriples_text(graph)
            else:
                text = rdfxml_text(graph)
        except RecursionError:  # rdflib's writers nest blank nodes by recursion
            raise InputError(
                f"the data nests blank nodes too deeply for the {fmt} writer; export it as "
                "ntriples or trig, which write every triple flat"
            ) from None
    elif fmt == "csv":
        text, n = csv_text(store, scheme_iri, lang)
    elif fmt == "sssom":
        text, n = sssom_text(store, scheme_iri)
    elif fmt == "ctdlasn":
        from .interchange import ctdlasn_text

        text, n = ctdlasn_text(
            store, scheme_iri, mapping_records(store, external=True), _case_details(store), lang
        )
    elif fmt == "jskos":
        from .interchange import jskos_text

        records = mapping_records(store, scheme_iri, external=True)
        text, n = jskos_text(store, scheme_iri, records, lang)
    else:
        text, n = case_text(store, scheme_iri)
    return Export(fmt, scheme_iri, FORMATS[fmt][1], text.encode("utf-8"), n)


def write(
    store: Store,
    fmt: ExportFormat | str,
    target: Path,
    framework: str | None = None,
    *,
    scheme: str | None = None,
) -> Export:
    """Export and write atomically: the file appears complete or not at all. ``framework``
    (``scheme``, deprecated): as ``export``."""
    from ..io.atomic import write_bytes

    target = Path(target)
    if target.is_dir():
        suffix = FORMATS.get(str(fmt), ("",))[0]
        raise InputError(f"{target}: is a folder; give a file name, e.g. {target}/out{suffix}")
    result = export(store, fmt, _framework_arg(framework, scheme))
    write_bytes(target, result.data)
    return result
