"""Exports that other ecosystems validate (issue 21): CTDL-ASN JSON-LD (Credential Engine),
JSKOS (Cocoda, gbv), and the CASE reader that closes the CASE round trip.

Like every export in ``export.py`` these are pure functions of the graph (no clock, no
random identifier, fixed key and list order) and are written atomically by ``export.write``
or the CLI's ``-o``. Their JSON-LD contexts are named by URL, never fetched.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..ids import expand
from ..model import Concept, Framework
from ..store.store import Store
from ..vocab import HG, PREFIXES, SKOS

CTDLASN_CONTEXT = "https://credreg.net/ctdlasn/schema/context/json"
JSKOS_CONTEXT = "https://gbv.github.io/jskos/context.json"
PREREQUISITE = "ceasn:prerequisiteAlignment"
STRENGTHS = ("ceasn:majorAlignment", "ceasn:minorAlignment")

#: SKOS relation -> CTDL-ASN alignment, as mappings/RUBRIC.md R-STR-1 tabulates it. closeMatch
#: and relatedMatch take their strength from the record's `other` (always major on close).
CTDLASN_ALIGNMENT = {
    "skos:exactMatch": "ceasn:exactAlignment",
    "skos:broadMatch": "ceasn:broadAlignment",
    "skos:narrowMatch": "ceasn:narrowAlignment",
    "skos:closeMatch": "ceasn:majorAlignment",
    PREREQUISITE: PREREQUISITE,
}
#: What the alignment says seen from the referenced competency, by the CTDL-ASN definitions
#: ("broad: the referenced competency covers all of the relevant concepts in this competency
#: as well as ..."; narrow the converse; exact, major, minor symmetric). A prerequisite has no
#: inverse in CTDL-ASN and is written on its subject only (RUBRIC R-PRE-1).
CTDLASN_INVERSE = {
    "ceasn:exactAlignment": "ceasn:exactAlignment",
    "ceasn:majorAlignment": "ceasn:majorAlignment",
    "ceasn:minorAlignment": "ceasn:minorAlignment",
    "ceasn:broadAlignment": "ceasn:narrowAlignment",
    "ceasn:narrowAlignment": "ceasn:broadAlignment",
}


#: The prefix of the schemes of external vocabularies (``hgext:esco``): a record whose
#: ``object_source`` is one links to a concept vendored in ``ontology/external/``.
EXTERNAL_SCHEME = PREFIXES["hgext"]


def is_external(rec) -> bool:
    """A record into an external vocabulary (ESCO), not into one of our frameworks."""
    return (expand(rec.object_source) or "").startswith(EXTERNAL_SCHEME)


def ctid(iri: str) -> str:
    """A CTID for one of our IRIs: ``ce-`` and a UUID in version-4 form whose 122 free bits
    are those of UUIDv5(IRI), so every export gives the same CTID (Credential Engine: "a
    standard UUID v4 prefixed with ce-"; a publisher mints its own CTIDs)."""
    return "ce-" + str(uuid.UUID(bytes=uuid.uuid5(uuid.NAMESPACE_URL, iri).bytes, version=4))


def ctdlasn_alignment(rec) -> str | None:
    """The CTDL-ASN alignment property of one mapping record (None: no alignment, e.g. a
    no-match record or a relatedMatch without a strength)."""
    if rec.is_no_match:
        return None
    if rec.predicate_id == "skos:relatedMatch":
        return rec.other if rec.other in STRENGTHS else None
    if rec.predicate_id == "skos:closeMatch" and rec.other in STRENGTHS:
        return rec.other
    return CTDLASN_ALIGNMENT.get(rec.predicate_id)


@dataclass
class _Framework:
    fw: Framework
    members: list[Concept]
    #: broader concept's ID (None: the framework) -> its children in source order
    children: dict[str | None, list[Concept]] = field(default_factory=lambda: defaultdict(list))
    seq: dict[str, int] = field(default_factory=dict)


def _frameworks(store: Store, scheme: str | None) -> list[_Framework]:
    from ..questions.catalogue import _natural, concepts, frameworks

    out = []
    for fw in sorted(frameworks(store), key=lambda f: f.id):
        if scheme is not None and fw.iri != scheme:
            continue
        members = concepts(store, fw.id)
        f = _Framework(fw, members)
        for c in members:
            f.children[c.broader].append(c)
        for siblings in f.children.values():
            siblings.sort(key=lambda c: (_natural(c.notation), c.id))
            for i, c in enumerate(siblings):
                f.seq[c.id] = i + 1
        out.append(f)
    return out


@dataclass(frozen=True)
class _Release:
    """The herstelgraph release a scheme was stamped with (publish/version.py)."""

    version: str
    iri: str
    issued: str | None


def _releases(store: Store) -> dict[str, _Release]:
    """Scheme (or ontology) IRI -> its release stamp, so that every export names the exact
    release it was written from, as the RDF formats do with owl:versionIRI."""
    from ..questions.catalogue import _run

    out = {}
    for row in _run(store, "release-stamps"):
        issued = row.get("issued")
        out[row["resource"].value] = _Release(
            row["version"].value, row["versionIRI"].value, issued.value if issued else None
        )
    return out


def _lang_values(
    store: Store, props: tuple[str, ...], only: str | None = None
) -> dict[str, dict[str, dict]]:
    """IRI -> property local name -> language -> sorted values (untagged as ``und``);
    ``only``: keep that language (and untagged values), as the RDF exports' ``lang``."""
    out: dict = defaultdict(lambda: defaultdict(lambda: defaultdict(list)))
    values = " ".join(f"<{p}>" for p in props)
    rows = store.select(f"SELECT ?s ?p ?v WHERE {{ ?s ?p ?v . VALUES ?p {{ {values} }} }}")
    for r in rows:
        v = r["v"]
        lang = getattr(v, "language", None) or "und"
        if only is not None and lang not in ("und", only):
            continue
        name = r["p"].value.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        out[r["s"].value][name][lang].append(v.value)
    for per_p in out.values():
        for per_lang in per_p.values():
            for lang in per_lang:
                per_lang[lang] = sorted(set(per_lang[lang]))
    return out


# ------------------------------------------------------------------------ CTDL-ASN
#: texts by IRI (property local name -> value) and type labels by IRI: ``export._case_details``
Details = tuple[dict[str, dict[str, str]], dict[str, str]]


def ctdlasn_document(
    store: Store, scheme: str | None, records: list, details: Details, lang: str | None = None
) -> dict:
    """CTDL-ASN JSON-LD: each framework a ``ceasn:CompetencyFramework``, each of its concepts
    a ``ceasn:Competency`` (competencyText = the Dutch prefLabel, a quote), hierarchy by
    isTopChildOf/hasTopChild and isChildOf/hasChild, curated mappings as alignments (R-STR-1),
    all in one ``@graph`` as the Registry publishes frameworks with their competencies.
    ``records`` are the graph's mapping records, ``details`` its texts by IRI and type labels
    (``export.mapping_records`` and ``export._case_details``, passed in by ``export``).
    ``lang``: None carries the English translations beside the Dutch in each language map
    (``en``), ``nl`` the Dutch alone."""
    from ..curation.sssom import LICENSE

    texts, type_labels = details
    english = (
        {}
        if lang == "nl"
        else _lang_values(
            store, (SKOS + "prefLabel", SKOS + "definition", PREFIXES["dct"] + "title"), "en"
        )
    )

    def en(iri: str, *names: str) -> str | None:
        for name in names:
            values = english.get(iri, {}).get(name, {}).get("en")
            if values:
                return values[0]
        return None

    def languages(*maps: dict) -> list[str]:
        return ["nl", "en"] if any("en" in m for m in maps) else ["nl"]

    fws = _frameworks(store, scheme)
    iri_of = {c.id: c.iri for f in _frameworks(store, None) for c in f.members}
    aligned: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for rec in records:
        prop = ctdlasn_alignment(rec)
        s, o = iri_of.get(rec.subject_id), iri_of.get(rec.object_id)
        if prop is None or s is None:
            continue
        if o is None:
            # a link to an external vocabulary (ESCO): the alignment on our side only; the
            # other node is not ours to describe, so no inverse and no node for it
            if is_external(rec):
                aligned[s][prop].add(expand(rec.object_id) or rec.object_id)
            continue
        aligned[s][prop].add(o)
        if prop in CTDLASN_INVERSE:
            aligned[o][CTDLASN_INVERSE[prop]].add(s)
    releases = _releases(store)
    graph: list[dict] = []
    for f in fws:
        fw = f.fw
        node: dict[str, Any] = {
            "@id": fw.iri,
            "@type": "ceasn:CompetencyFramework",
            "ceterms:ctid": ctid(fw.iri),
            "ceasn:name": {"nl": fw.title},
        }
        if en(fw.iri, "title", "prefLabel"):
            node["ceasn:name"]["en"] = en(fw.iri, "title", "prefLabel")
        # CTDL-ASN has no version property on a framework: the release's versioned IRI is an
        # alternative URI of it (ceasn:identifier) and the release date its ceasn:dateModified
        if rel := releases.get(fw.iri):
            node["ceasn:identifier"] = [rel.iri]
            if rel.issued:
                node["ceasn:dateModified"] = rel.issued
        d = texts.get(fw.iri, {})
        if d.get("definition"):
            node["ceasn:description"] = {"nl": d["definition"]}
            if en(fw.iri, "definition"):
                node["ceasn:description"]["en"] = en(fw.iri, "definition")
        if fw.identifier:
            node["ceasn:codedNotation"] = fw.identifier
        if d.get("publisher"):
            node["ceasn:publisherName"] = {"nl": d["publisher"]}
        node["ceasn:inLanguage"] = languages(node["ceasn:name"])
        node["ceasn:license"] = LICENSE
        node["ceasn:hasTopChild"] = [c.iri for c in f.children.get(None, [])]
        graph.append(node)
    for f in fws:
        for c in f.members:
            d = texts.get(c.iri, {})
            node = {
                "@id": c.iri,
                "@type": "ceasn:Competency",
                "ceterms:ctid": ctid(c.iri),
                "ceasn:competencyText": {"nl": c.label},
            }
            if en(c.iri, "prefLabel"):  # a translation, kept apart by its language tag
                node["ceasn:competencyText"]["en"] = en(c.iri, "prefLabel")
            if c.notation:
                node["ceasn:codedNotation"] = c.notation
            node["ceasn:competencyCategory"] = {"nl": type_labels.get(HG + c.type, c.type)}
            # the definition and the longer source passage, where they say more than the label
            notes = [d[k] for k in ("definition", "sourceText") if d.get(k, c.label) != c.label]
            if notes:
                node["ceasn:comment"] = {"nl": notes}
                if en(c.iri, "definition"):
                    node["ceasn:comment"]["en"] = [en(c.iri, "definition")]
            node["ceasn:inLanguage"] = languages(node["ceasn:competencyText"])
            node["ceasn:isPartOf"] = f.fw.iri
            if c.broader is None:
                node["ceasn:isTopChildOf"] = f.fw.iri
            else:
                node["ceasn:isChildOf"] = iri_of.get(c.broader) or expand(c.broader) or c.broader
            kids = f.children.get(c.id, [])
            if kids:
                node["ceasn:hasChild"] = [k.iri for k in kids]
            node["ceasn:listID"] = str(f.seq[c.id])
            for prop in sorted(aligned.get(c.iri, {})):
                node[prop] = sorted(aligned[c.iri][prop])
            graph.append(node)
    return {"@context": CTDLASN_CONTEXT, "@graph": graph}


def ctdlasn_text(
    store: Store, scheme: str | None, records: list, details: Details, lang: str | None = None
):
    doc = ctdlasn_document(store, scheme, records, details, lang)
    n = sum(1 for node in doc["@graph"] if node["@type"] == "ceasn:Competency")
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n", n


# ------------------------------------------------------------------------ JSKOS
JSKOS_CONCEPT = SKOS + "Concept"
JSKOS_SCHEME = SKOS + "ConceptScheme"
JSKOS_REGISTRY = "http://purl.org/cld/cdtype/CatalogueOrIndex"
#: A no-match record (sssom:NoTermFound) is a JSKOS mapping with an empty ``to`` bundle, which
#: JSKOS defines as "no appropriate concepts exist for a given concept scheme". Its type is the
#: generic skos:mappingRelation: both no-match rules (RUBRIC R-NONE-1, R-NONE-2) say that no
#: SKOS mapping relation at all holds into that framework.
JSKOS_NO_MATCH_TYPE = SKOS + "mappingRelation"


def _lang_map(values: dict[str, list[str]], single: bool) -> dict:
    out = {}
    for lang in sorted(values):
        key = "-" if lang == "und" else lang  # JSKOS: "-" is the language range for unknown
        out[key] = values[lang][0] if single else values[lang]
    return out


def jskos_document(
    store: Store, scheme: str | None, records: list, lang: str | None = None
) -> dict:
    """One JSKOS registry object (JSKOS 0.7) holding the concept schemes, their concepts and
    the curated mappings: prefLabel, altLabel, definition, notation, inScheme, topConceptOf,
    broader and narrower per concept; each SSSOM record one mapping (``uri`` the record IRI,
    ``type`` its SKOS relation, ``creator`` and ``created`` from the record). Prerequisite
    records are left out: JSKOS mappings are SKOS mapping relations only (RUBRIC R-PRE-1
    forbids bending a prerequisite into one). ``records``: the mapping records touching the
    scheme (``export.mapping_records(store, scheme)``). ``lang``: None keeps every
    language in the language maps (the English translations beside the Dutch), ``nl`` the
    Dutch alone."""
    from ..curation.sssom import LICENSE

    fws = _frameworks(store, scheme)
    texts = _lang_values(
        store,
        (
            SKOS + "prefLabel",
            SKOS + "altLabel",
            SKOS + "definition",
            PREFIXES["dct"] + "title",
        ),
        lang,
    )
    releases = _releases(store)
    schemes, concepts, mappings = [], [], []
    scheme_of = {}
    for f in fws:
        fw, t = f.fw, texts.get(f.fw.iri, {})
        node = {
            "uri": fw.iri,
            "type": [JSKOS_SCHEME],
            "prefLabel": _lang_map(
                t.get("title") or t.get("prefLabel") or {"nl": [fw.title]}, True
            ),
        }
        # JSKOS items carry ``version`` and ``issued``; the versioned IRI is an identifier
        if rel := releases.get(fw.iri):
            node["version"] = rel.version
            node["identifier"] = [rel.iri]
            if rel.issued:
                node["issued"] = rel.issued
        if fw.identifier:
            node["notation"] = [fw.identifier]
        if t.get("definition"):
            node["definition"] = _lang_map(t["definition"], False)
        node["license"] = [{"uri": LICENSE}]
        node["topConcepts"] = [{"uri": c.iri} for c in f.children.get(None, [])]
        schemes.append(node)
        for c in f.members:
            scheme_of[c.id] = fw.iri
            t = texts.get(c.iri, {})
            node = {
                "uri": c.iri,
                "type": [JSKOS_CONCEPT],
                "prefLabel": _lang_map(t.get("prefLabel") or {"nl": [c.label]}, True),
            }
            if t.get("altLabel"):
                node["altLabel"] = _lang_map(t["altLabel"], False)
            if t.get("definition"):
                node["definition"] = _lang_map(t["definition"], False)
            if c.notation:
                node["notation"] = [c.notation]
            node["inScheme"] = [{"uri": fw.iri}]
            if c.broader is None:
                node["topConceptOf"] = [{"uri": fw.iri}]
            else:
                node["broader"] = [{"uri": expand(c.broader) or c.broader}]
            kids = f.children.get(c.id, [])
            if kids:
                node["narrower"] = [{"uri": k.iri} for k in kids]
            concepts.append(node)
    all_schemes = {c.id: f.fw.iri for f in _frameworks(store, None) for c in f.members}
    outside = _external_labels(store, lang)
    for rec in records:
        if rec.predicate_id == PREREQUISITE:
            continue
        from_scheme = all_schemes.get(rec.subject_id) or expand(rec.subject_source)
        to_scheme = (
            expand(rec.object_source)
            if rec.is_no_match
            else all_schemes.get(rec.object_id) or expand(rec.object_source)
        )
        if not from_scheme or not to_scheme or rec.subject_id not in all_schemes:
            continue
        to: list[dict] = [] if rec.is_no_match else [{"uri": expand(rec.object_id)}]
        to_node: dict = {"uri": to_scheme}
        if is_external(rec):
            # an external vocabulary's concept and scheme by their vendored labels (ESCO's
            # English preferred labels; the scheme's title), where ontology/external has one
            for end in (*to, to_node):
                uri = str(end["uri"])
                if outside.get(uri):
                    end["prefLabel"] = outside[uri]
        m = {
            "uri": PREFIXES["hgm"] + rec.record_id.split(":", 1)[1],
            "type": [JSKOS_NO_MATCH_TYPE if rec.is_no_match else expand(rec.predicate_id)],
            "from": {"memberSet": [{"uri": expand(rec.subject_id)}]},
            "to": {"memberSet": to},
            "fromScheme": {"uri": from_scheme},
            "toScheme": to_node,
        }
        if rec.author_id or rec.author_label:
            creator = {}
            if rec.author_id:
                creator["uri"] = expand(rec.author_id) or rec.author_id
            if rec.author_label:
                creator["prefLabel"] = {"en": rec.author_label}
            m["creator"] = [creator]
        if rec.mapping_date:
            m["created"] = rec.mapping_date
        mappings.append(m)
    registry: dict = {
        "@context": JSKOS_CONTEXT,
        "type": [JSKOS_REGISTRY],
        "prefLabel": {"en": "herstelgraph"},
    }
    # the release of the graph written, from its core ontology's stamp (not the installed
    # package's version: a user may export an older release's files)
    if core := releases.get(HG.rstrip("#")):
        registry["version"] = core.version
        registry["identifier"] = [core.iri]
        if core.issued:
            registry["issued"] = core.issued
    return {
        **registry,
        "schemes": schemes,
        "concepts": concepts,
        "mappings": sorted(mappings, key=lambda m: m["uri"]),
    }


def _external_labels(store: Store, lang: str | None) -> dict[str, dict[str, str]]:
    """IRI -> JSKOS language map of the external graph's concepts (``skos:prefLabel``) and
    schemes (``dct:title``): one label per language, the smallest, so the output is stable;
    ``lang`` keeps that language only, as the other language maps."""
    from ..store.store import EXTERNAL

    rows = store.select(
        "SELECT ?s ?v WHERE { GRAPH ?g { VALUES ?p { skos:prefLabel dct:title } ?s ?p ?v } }",
        {"g": EXTERNAL},
    )
    out: dict[str, dict[str, str]] = defaultdict(dict)
    for r in rows:
        tag = getattr(r["v"], "language", None) or "-"
        if lang is not None and tag not in ("-", lang):
            continue
        have = out[r["s"].value].get(tag)
        if have is None or r["v"].value < have:
            out[r["s"].value][tag] = r["v"].value
    return out


def jskos_text(
    store: Store, scheme: str | None, records: list, lang: str | None = None
) -> tuple[str, int]:
    doc = jskos_document(store, scheme, records, lang)
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n", len(doc["concepts"])


# ------------------------------------------------------------------------ CASE, read back
@dataclass(frozen=True)
class CaseContent:
    """What a CASE export says, read back from its JSON: per framework (CFDocument URI) the
    items (URI -> fullStatement, humanCodingScheme, CFItemType URI) and the associations
    (origin URI, associationType, destination URI, grouping title or None)."""

    documents: dict[str, str]
    items: dict[str, tuple[str, str | None, str | None, str]]
    associations: frozenset[tuple[str, str, str, str | None]]


def read_case(data: bytes | str | dict) -> CaseContent:
    """Read a CASE 1.0 export (one CFPackage or ``{"CFPackages": [...]}``) back. Every
    reference must resolve inside the package: an association whose origin or destination
    is neither an item nor the document, or a grouping that is not defined, is an error."""
    from ..errors import InputError

    doc = data if isinstance(data, dict) else json.loads(data)
    packages = doc["CFPackages"] if "CFPackages" in doc else [doc]
    documents, items, assocs = {}, {}, set()
    for pkg in packages:
        d = pkg["CFDocument"]
        documents[d["uri"]] = d["title"]
        ids = {d["identifier"]: d["uri"]}
        for it in pkg.get("CFItems", []):
            if it.get("CFDocumentURI", {}).get("uri") != d["uri"]:
                raise InputError(f"CASE item {it['uri']}: CFDocumentURI is not its package's")
            items[it["uri"]] = (
                it["fullStatement"],
                it.get("humanCodingScheme"),
                (it.get("CFItemTypeURI") or {}).get("uri"),
                d["uri"],
            )
            ids[it["identifier"]] = it["uri"]
        groups = {
            g["identifier"]: g["title"]
            for g in pkg.get("CFDefinitions", {}).get("CFAssociationGroupings", [])
        }
        for a in pkg.get("CFAssociations", []):
            ends = []
            for key in ("originNodeURI", "destinationNodeURI"):
                link = a[key]
                if link["identifier"] in ids and ids[link["identifier"]] != link["uri"]:
                    raise InputError(
                        f"CASE association {a['uri']}: {key} identifier and uri differ"
                    )
                ends.append(link["uri"])
            grouping = a.get("CFAssociationGroupingURI")
            title = None
            if grouping is not None:
                if grouping["identifier"] not in groups:
                    raise InputError(f"CASE association {a['uri']}: undefined grouping")
                title = groups[grouping["identifier"]]
            assocs.add((ends[0], a["associationType"], ends[1], title))
    for origin, kind, dest, _ in assocs:
        if kind == "isChildOf" and (
            origin not in items or (dest not in items and dest not in documents)
        ):
            raise InputError(f"CASE isChildOf {origin} -> {dest}: not an item or document")
    return CaseContent(documents, items, frozenset(assocs))
