"""The words people read, in Dutch and English: column headers, relation names, statuses,
the few messages of the command line. One table each, so the terminal, the spreadsheets and
(later) the site say the same thing.

Machine formats (JSON, CSV) keep the stable field names and raw terms (``a_item``,
``skos:broadMatch``); tables and XLSX, which people read, use these words.

Relations read from the row's first item to the other: "X skos:broadMatch Y" says Y is the
broader one, so X *valt onder* Y; "X skos:narrowMatch Y" says X *is breder dan* Y. The
ontology has Dutch and English ``rdfs:label``s for its own classes (item types), which
``type_words`` reads; it has none for the SKOS mapping relations, whose words are here.

>>> relation_word("skos:broadMatch", Language.NL), relation_word("skos:broadMatch", "en")
('valt onder', 'falls under')
>>> header("a_item", Language.NL), header("a_item", Language.EN)
('item (A)', 'item (A)')
>>> default_language({"LANG": "en_GB.UTF-8"}), default_language({"LANG": "C.UTF-8"})
(<Language.EN: 'en'>, <Language.NL: 'nl'>)
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import cache

from .model import Language

#: (Dutch, English) per key
Pair = tuple[str, str]


def _pick(pair: Pair, lang: Language | str) -> str:
    return pair[1] if str(lang) == "en" else pair[0]


def default_language(environ: Mapping[str, str] | None = None) -> Language:
    """The locale's language: English when LC_ALL, else LC_MESSAGES, else LANG starts with
    ``en``; Dutch otherwise (the texts are Dutch, and so are most of their readers)."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "")
        if value:
            return Language.EN if value.lower().startswith("en") else Language.NL
    return Language.NL


# ----------------------------------------------------------------------------- relations
#: Mapping and hierarchy relations, read "row item RELATION other item".
RELATIONS: dict[str, Pair] = {
    "skos:exactMatch": ("komt overeen met", "matches"),
    "skos:closeMatch": ("komt vrijwel overeen met", "nearly matches"),
    "skos:broadMatch": ("valt onder", "falls under"),
    "skos:narrowMatch": ("is breder dan", "is broader than"),
    "skos:relatedMatch": ("verwant aan", "related to"),
    "skos:broaderTransitive": ("valt onder (hiërarchie)", "falls under (hierarchy)"),
    "skos:narrowerTransitive": ("omvat (hiërarchie)", "includes (hierarchy)"),
    "noMatch": ("geen overeenkomst", "no match"),
    "sssom:NoTermFound": ("geen overeenkomst", "no match"),
}


def relation_word(relation: str, lang: Language | str) -> str:
    """A relation in words (the CURIE itself when it has none)."""
    pair = RELATIONS.get(relation) or RELATIONS.get(f"skos:{relation}")
    return _pick(pair, lang) if pair else relation


# ----------------------------------------------------------------------------- values
#: Statuses and other coded values, by the word the library returns.
VALUES: dict[str, Pair] = {
    # GapStatus
    "no-match": ("geen overeenkomst", "no match"),
    "via-example": ("via een voorbeeld", "via an example"),
    "not-reviewed": ("niet beoordeeld", "not reviewed"),
    # CoverageStatus
    "direct": ("direct", "direct"),
    "mapped": ("via mapping", "via a mapping"),
    "part-of": ("deel van", "part of"),
    "partial": ("gedeeltelijk", "partial"),
    "missing": ("ontbreekt", "missing"),
    # role comparison
    "adds": ("alleen deze rol", "this role only"),
    "shared": ("gedeeld", "shared"),
    "shared-via-mapping": ("gedeeld via mapping", "shared via a mapping"),
    "only-other": ("alleen de andere rol", "other role only"),
    # how a role requires an item: a role profile, or the framework that defines the role
    "profile": ("functieprofiel", "role profile"),
    "definesRole": ("kader van de rol", "the role's framework"),
    # coverage scope, mapping direction
    "framework": ("totaal", "total"),
    "section": ("sectie", "section"),
    "asserted": ("zoals vastgelegd", "as stated"),
    "inverse": ("omgekeerd gelezen", "read in reverse"),
    # explain: what a step rests on
    "curated": ("vastgelegd", "curated"),
    "curated (inverse)": ("vastgelegd (omgekeerd)", "curated (reversed)"),
    "hierarchy": ("hiërarchie", "hierarchy"),
    "inferred": ("afgeleid", "inferred"),
    "chain": ("keten", "chain"),
    # severities of check findings
    "error": ("fout", "error"),
    "warning": ("waarschuwing", "warning"),
    # how strongly a mapping aligns (CTDL-ASN)
    "ceasn:majorAlignment": ("sterke afstemming", "major alignment"),
    "ceasn:minorAlignment": ("zwakke afstemming", "minor alignment"),
    # justifications (SEMAPV)
    "semapv:LexicalMatching": ("lexicaal gevonden", "lexical matching"),
    "semapv:SemanticSimilarityThresholdMatching": (
        "semantisch gevonden",
        "semantic similarity",
    ),
    "semapv:CompositeMatching": ("lexicaal en semantisch gevonden", "composite matching"),
    "semapv:ManualMappingCuration": ("handmatig beoordeeld", "manual curation"),
    "semapv:MappingChaining": ("afgeleid via een keten", "inferred by chaining"),
    # where a search hit was found
    "skos:prefLabel": ("omschrijving", "label"),
    "skos:altLabel": ("andere omschrijving", "other label"),
    "skos:definition": ("definitie", "definition"),
    "skos:notation": ("code", "code"),
    "skos:scopeNote": ("toelichting", "scope note"),
    "hg:sourceText": ("brontekst", "source text"),
    # what changed between two states (diff, impact, the changelog)
    "added": ("toegevoegd", "added"),
    "removed": ("verdwenen", "removed"),
    "deprecated": ("vervallen", "deprecated"),
    "modified": ("gewijzigd", "modified"),
    "retyped": ("andere relatie", "relation changed"),
    "confidence-changed": ("zekerheid gewijzigd", "confidence changed"),
    "review-changed": ("beoordeling gewijzigd", "review status changed"),
    "appeared": ("nieuw", "appeared"),
    "vanished": ("verdwenen", "vanished"),
    "skos:broader": ("valt onder", "broader"),
    "rdf:type": ("type", "type"),
    "dct:isReplacedBy": ("vervangen door", "replaced by"),
    "owl:deprecated": ("vervallen", "deprecated"),
}


def value_word(value: str, lang: Language | str) -> str:
    pair = VALUES.get(value)
    return _pick(pair, lang) if pair else value


# ----------------------------------------------------------------------------- headers
#: Column headers for people, by the records' field names (which JSON and CSV keep).
HEADERS: dict[str, Pair] = {
    "id": ("id", "id"),
    "iri": ("IRI", "IRI"),
    "title": ("titel", "title"),
    "identifier": ("kenmerk", "identifier"),
    "concepts": ("concepten", "concepts"),
    "version": ("versie", "version"),
    "eqf": ("EQF-niveau", "EQF level"),
    "vks": ("VKS-niveau", "VKS level"),
    "framework": ("kader", "framework"),
    "type": ("type", "type"),
    "types": ("types", "types"),
    "subject_framework": ("van kader", "from framework"),
    "object_framework": ("naar kader", "to framework"),
    "relation": ("relatie", "relation"),
    "mappings": ("mappings", "mappings"),
    "notation": ("code", "code"),
    "label": ("omschrijving", "label"),
    "section": ("sectie", "section"),
    "section_label": ("sectienaam", "section name"),
    "broader": ("valt onder", "broader"),
    "narrower": ("omvat", "narrower"),
    "definition": ("definitie", "definition"),
    "source_text": ("brontekst", "source text"),
    "source_document": ("brondocument", "source document"),
    "alt_labels": ("andere omschrijvingen", "other labels"),
    "applies_at": ("geldt op niveau van", "applies at"),
    "requires_knowledge": ("met inbegrip van kennis", "includes knowledge"),
    "required_by": ("opgenomen in", "included in"),
    "members_of": ("lid van", "member of"),
    "scope_notes": ("toelichting", "scope notes"),
    "editorial_notes": ("redactionele noten", "editorial notes"),
    "concept": ("item", "item"),
    "other": ("ander item", "other item"),
    "other_label": ("omschrijving (ander)", "label (other)"),
    "other_framework": ("ander kader", "other framework"),
    "confidence": ("zekerheid", "confidence"),
    "justification": ("onderbouwing", "justification"),
    "comment": ("toelichting", "comment"),
    "author": ("auteur", "author"),
    "date": ("datum", "date"),
    "strength": ("sterkte", "strength"),
    "record": ("mappingrecord", "mapping record"),
    "direction": ("leesrichting", "direction"),
    "table": ("tabel", "table"),
    "counted": ("geteld", "counted"),
    "counted_label": ("wat geteld is", "what is counted"),
    "region_or_function": ("regio of functie", "region or function"),
    "count": ("aantal", "count"),
    "unit": ("eenheid", "unit"),
    "period": ("periode", "period"),
    "observation": ("observatie", "observation"),
    "a_item": ("item (A)", "item (A)"),
    "a_label": ("omschrijving (A)", "label (A)"),
    "b_item": ("item (B)", "item (B)"),
    "b_label": ("omschrijving (B)", "label (B)"),
    "c_item": ("item (C)", "item (C)"),
    "c_label": ("omschrijving (C)", "label (C)"),
    "item": ("item", "item"),
    "status": ("status", "status"),
    "a": ("kader A", "framework A"),
    "b": ("kader B", "framework B"),
    "scope": ("bereik", "scope"),
    "items": ("items", "items"),
    "mapped": ("gemapt", "mapped"),
    "no_match": ("geen overeenkomst", "no match"),
    "via_example": ("via een voorbeeld", "via an example"),
    "not_reviewed": ("niet beoordeeld", "not reviewed"),
    "share": ("aandeel", "share"),
    "relation1": ("relatie 1", "relation 1"),
    "via": ("via", "via"),
    "via_label": ("omschrijving (via)", "label (via)"),
    "relation2": ("relatie 2", "relation 2"),
    "composed": ("samengestelde relatie", "composed relation"),
    "curated": ("vastgelegde mapping", "curated mapping"),
    "competencies": ("competenties", "competencies"),
    "competency_notations": ("in competenties", "in competencies"),
    "field": ("gevonden in", "found in"),
    "text": ("tekst", "text"),
    "score": ("score", "score"),
    "profile": ("profiel", "profile"),
    "direct": ("direct", "direct"),
    "part_of": ("deel van", "part of"),
    "partial": ("gedeeltelijk", "partial"),
    "missing": ("ontbreekt", "missing"),
    "via_relation": ("relatie (via)", "relation (via)"),
    "matched": ("gevonden als", "matched by"),
    "how": ("hoe", "how"),
    "subject": ("van", "from"),
    "object": ("naar", "to"),
    "kind": ("soort", "kind"),
    "boolean": ("antwoord", "answer"),
    "source_id": ("bron-item", "source item"),
    "source_label": ("omschrijving (bron)", "source label"),
    "source_row": ("rij", "row"),
    "rank": ("rang", "rank"),
    "target_id": ("kandidaat", "candidate"),
    "target_label": ("omschrijving (kandidaat)", "candidate label"),
    "target_framework": ("kader (kandidaat)", "candidate framework"),
    "semantic": ("semantisch", "semantic"),
    "bm25": ("BM25", "BM25"),
    "fuzzy": ("fuzzy", "fuzzy"),
    "good": ("goed genoeg", "good enough"),
    "check": ("controle", "check"),
    "severity": ("ernst", "severity"),
    "resource": ("betreft", "resource"),
    "detail": ("details", "detail"),
    # releases: diff, impact, deprecation
    "deprecated": ("vervallen", "deprecated"),
    "replaced_by": ("vervangen door", "replaced by"),
    "herstelgraph_version": ("herstelgraph-versie", "herstelgraph version"),
    "name": ("naam", "name"),
    "commit": ("commit", "commit"),
    "concepts_before": ("items voor", "items before"),
    "concepts_after": ("items na", "items after"),
    "added": ("nieuw", "added"),
    "removed": ("weg", "removed"),
    "changed": ("gewijzigd", "modified"),
    "mappings_added": ("mappings nieuw", "mappings added"),
    "mappings_removed": ("mappings weg", "mappings removed"),
    "retyped": ("relatie anders", "retyped"),
    "confidence_changed": ("zekerheid anders", "confidence"),
    "review_changed": ("beoordeling anders", "review"),
    "property": ("eigenschap", "property"),
    "before": ("voor", "before"),
    "after": ("na", "after"),
    "subject_label": ("omschrijving (van)", "label (from)"),
    "object_label": ("omschrijving (naar)", "label (to)"),
    "items_before": ("items voor", "items before"),
    "items_after": ("items na", "items after"),
    "mapped_before": ("gemapt voor", "mapped before"),
    "mapped_after": ("gemapt na", "mapped after"),
    "no_match_before": ("geen overeenkomst voor", "no match before"),
    "no_match_after": ("geen overeenkomst na", "no match after"),
    "share_before": ("aandeel voor", "share before"),
    "share_after": ("aandeel na", "share after"),
    "covered_before": ("gedekt voor", "covered before"),
    "covered_after": ("gedekt na", "covered after"),
    "share_with_mappings_before": ("aandeel met mappings voor", "share with mappings before"),
    "share_with_mappings_after": ("aandeel met mappings na", "share with mappings after"),
    "status_before": ("status voor", "status before"),
    "status_after": ("status na", "status after"),
    "via_before": ("via (voor)", "via (before)"),
    "via_after": ("via (na)", "via (after)"),
    "curriculum": ("curriculum", "curriculum"),
    "outcomes": ("leeruitkomsten", "learning outcomes"),
    "code": ("soort bevinding", "finding"),
    "module": ("module", "module"),
    "outcome": ("leeruitkomst", "learning outcome"),
    "fix": ("oplossing", "fix"),
    # curation report
    "pair": ("paar", "pair"),
    "key": ("onderdeel", "key"),
    "value": ("waarde", "value"),
    "change": ("wijziging", "change"),
    "predicate": ("predicaat", "predicate"),
    "fields": ("velden", "fields"),
}


def header(field: str, lang: Language | str) -> str:
    """A column's header for people (the field name with spaces when it has none)."""
    pair = HEADERS.get(field)
    return _pick(pair, lang) if pair else field.replace("_", " ")


# ----------------------------------------------------------------------------- messages
MESSAGES: dict[str, Pair] = {
    "no_results": ("geen resultaten", "no results"),
    "total": ("totaal", "total"),
    "truncated": (
        "{shown} van {total}; gebruik --limit 0 voor alle",
        "{shown} of {total}; use --limit 0 for all",
    ),
    "yes": ("ja", "yes"),
    "no_claim": ("geen conclusie", "no claim"),
    "no": ("nee", "no"),
    # titles
    "frameworks": ("Kaders", "Frameworks"),
    "types": ("Concepten per type", "Concepts per type"),
    "pairs": (
        "Vastgelegde mappings per paar kaders en relatie",
        "Curated mappings per framework pair and relation",
    ),
    "concepts_of": ("Concepten van {scheme}", "Concepts of {scheme}"),
    "figures": ("NK 2017: cijfers", "NK 2017 figures"),
    "mappings_of": ("Mappings van {ident}", "Mappings of {ident}"),
    "crosswalk": ("Crosswalk {a} → {b}", "Crosswalk {a} → {b}"),
    "gaps": ("Hiaten {a} → {b}", "Gaps {a} → {b}"),
    "coverage": ("Dekking", "Coverage"),
    "curation_relations": (
        "Records per paar en relatie (aandeel van de records van het paar)",
        "Records per pair and relation (share of the pair's records)",
    ),
    "curation_confidence": (
        "Betrouwbaarheid per relatie, in de banden van de rubric (R-CONF-1)",
        "Confidence per relation, in the rubric's bands (R-CONF-1)",
    ),
    "curation_mean-confidence": (
        "Gemiddelde betrouwbaarheid per paar en relatie (R-CONF-4: streef ≥ 0,85)",
        "Mean confidence per pair and relation (R-CONF-4: aim ≥ 0.85)",
    ),
    "curation_rules": (
        "Links per rubricregel (curation_rule; aandeel van de links van het paar)",
        "Links per rubric rule (curation_rule; share of the pair's links)",
    ),
    "curation_no-match": (
        "Geen-overeenkomstrecords per paar, richting en predicaat (R-NONE-1/2/3)",
        "No-match records per pair, direction and predicate (R-NONE-1/2/3)",
    ),
    "curation_changes": (
        "Wijzigingen {since}: {added} toegevoegd, {removed} verwijderd, {changed} gewijzigd",
        "Changes {since}: {added} added, {removed} removed, {changed} changed",
    ),
    "chain": ("Ketens {a} → {b} → {c} (afgeleid)", "Chains {a} → {b} → {c} (inferred)"),
    "hubs": ("Kennisknooppunten van {framework}", "Knowledge hubs of {framework}"),
    "search": ("Zoeken naar {text}", "Search {text}"),
    "coverage_of": ("Dekking van {profile}", "Coverage of {profile}"),
    "items": ("Items", "Items"),
    "compare_roles": ("{role} vergeleken met {versus}", "{role} compared with {versus}"),
    "query": ("Query {name}", "Query {name}"),
    "steps": ("Stappen", "Steps"),
    "findings": (
        "Kwaliteitsbevindingen: {errors} fouten, {warnings} waarschuwingen",
        "Quality findings: {errors} errors, {warnings} warnings",
    ),
    # explain
    "no_path": (
        "Geen mappingpad van één of twee stappen verbindt ze.",
        "No mapping path of one or two steps links them.",
    ),
    "path": ("Pad {n} ({kind}): {relation}", "Path {n} ({kind}): {relation}"),
    "via": ("via", "via"),
    "confidence": ("zekerheid", "confidence"),
    # written files
    "triples_written": ("{path}: {n} triples geschreven", "{path}: {n} triples written"),
    "site_private": (
        "de --data-bestanden blijven buiten de site (privé); --include-data publiceert ze",
        "the --data files are left out of the site (private); --include-data publishes them",
    ),
    "diff": (
        "Wat is er veranderd: {old} → {new}",
        "What changed: {old} → {new}",
    ),
    "diff_frameworks": ("Per kader", "Per framework"),
    "diff_concepts": ("Concepten", "Concepts"),
    "diff_mappings": ("Mappings", "Mappings"),
    "diff_coverage": ("Dekking voor en na", "Coverage before and after"),
    "diff_csv": (
        "csv schrijft één tabel: {what}; --only kiest een andere",
        "csv writes one table: {what}; --only picks another",
    ),
    "impact": (
        "Gevolgen voor {file}: {old} → {new}",
        "Impact on {file}: {old} → {new}",
    ),
    "impact_items": ("Afgestemde items die veranderden", "Aligned items that changed"),
    "impact_coverage": ("Dekking voor en na", "Coverage before and after"),
    "impact_statuses": ("Items met een andere dekking", "Items covered differently"),
    "impact_findings": (
        "Bevindingen die verschijnen of verdwijnen",
        "Findings that appear or vanish",
    ),
    "site_written": (
        "{pages} pagina's, {files} bestanden geschreven naar {path}",
        "{pages} pages, {files} files written to {path}",
    ),
}


def message(key: str, lang: Language | str, **fields: object) -> str:
    return _pick(MESSAGES[key], lang).format(**fields)


# ----------------------------------------------------------------------------- types
@cache
def _ontology_labels() -> dict[str, dict[str, str]]:
    """rdfs:labels of the ontology's own terms, by CURIE and language (read once)."""
    import pyoxigraph as ox

    from .resources import data_dir
    from .vocab import HG

    path = data_dir("ontology") / "herstelgraph.ttl"
    out: dict[str, dict[str, str]] = {}
    try:
        quads = ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)
        label = "http://www.w3.org/2000/01/rdf-schema#label"
        for q in quads:
            s, o = q.subject, q.object
            if (
                q.predicate.value == label
                and isinstance(s, ox.NamedNode)
                and isinstance(o, ox.Literal)
                and s.value.startswith(HG)
                and o.language
            ):
                out.setdefault("hg:" + s.value[len(HG) :], {})[o.language] = o.value
    except (OSError, SyntaxError):  # a broken install shows the raw names, nothing worse
        return {}
    return out


def type_names() -> dict[str, str]:
    """Every Dutch and English label of the ontology's terms, lower case -> CURIE (so
    ``kennisitem`` and ``knowledge item`` name hg:KnowledgeItem)."""
    out: dict[str, str] = {}
    for curie, labels in _ontology_labels().items():
        for label in labels.values():
            out.setdefault(label.lower(), curie)
    return out


def type_word(name: str, lang: Language | str) -> str:
    """An item type in words, from the ontology's rdfs:label (``KnowledgeItem`` →
    ``kennisitem``); the name itself when the ontology has no label for it."""
    curie = name if ":" in name else f"hg:{name}"
    return _ontology_labels().get(curie, {}).get(str(lang), name)


__all__ = [
    "HEADERS",
    "MESSAGES",
    "RELATIONS",
    "VALUES",
    "default_language",
    "header",
    "message",
    "relation_word",
    "type_names",
    "type_word",
    "value_word",
]
