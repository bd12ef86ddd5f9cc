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
    # a prerequisite record (ceasn:prerequisiteAlignment), read from either side
    "requires": ("veronderstelt als voorkennis", "presupposes (prerequisite)"),
    "required_by": ("is voorkennis voor", "is a prerequisite of"),
    # the record's own predicate: "S ceasn:prerequisiteAlignment K", K is S's prerequisite
    "ceasn:prerequisiteAlignment": ("veronderstelt als voorkennis", "presupposes (prerequisite)"),
    # the same record read from the knowledge item's side (questions.alignment.PREREQUISITE_OF)
    "prerequisiteOf": ("is voorkennis voor", "is a prerequisite of"),
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
    "all-parts": ("alle onderdelen gedekt", "all parts covered"),
    "related": ("alleen verwant", "related only"),
    # how an item counts in coverage-of: a requirement (in the share), context, an example
    "requirement": ("eis", "requirement"),
    "context": ("context", "context"),
    "example": ("voorbeeld", "example"),
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
    "external": ("itemtype naar ESCO", "item type into ESCO"),
    "asserted": ("zoals vastgelegd", "as stated"),
    "inverse": ("omgekeerd gelezen", "read in reverse"),
    # explain: what a step rests on
    "curated": ("vastgelegd", "curated"),
    "curated (inverse)": ("vastgelegd (omgekeerd)", "curated (reversed)"),
    "hierarchy": ("hiërarchie", "hierarchy"),
    "inferred": ("afgeleid", "inferred"),
    "chain": ("keten", "chain"),
    # expert review of a mapping (the merged view of the review workflow)
    "unreviewed": ("niet beoordeeld", "not reviewed"),
    "unsure": ("twijfel bij beoordelaars", "reviewers unsure"),
    "confirmed": ("bevestigd", "confirmed"),
    "rejected": ("afgewezen", "rejected"),
    "changed": ("relatie gewijzigd bij beoordeling", "relation changed in review"),
    "disputed": ("beoordelaars oneens", "reviewers disagree"),
    "corrected": ("verbeterd bij beoordeling", "corrected in review"),
    # endpoint check: what a row is about, and how it stands
    "graph": ("graaf", "graph"),
    "feature": ("SPARQL-onderdeel", "SPARQL feature"),
    "limit": ("limiet", "limit"),
    "matches": ("klopt", "matches"),
    "differs": ("wijkt af", "differs"),
    "user data": ("gebruikersgegevens", "user data"),
    "empty": ("leeg", "empty"),
    "supported": ("werkt", "supported"),
    "unsupported": ("niet ondersteund", "unsupported"),
    "wrong answer": ("fout antwoord", "wrong answer"),
    "answers (graphs differ)": ("antwoordt (grafen wijken af)", "answers (graphs differ)"),
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
    "semapv:ManualMappingCuration": ("handmatig vastgelegd", "manual curation"),
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
    # coverage-of
    "all_parts": ("alle onderdelen", "all parts"),
    "related": ("alleen verwant", "related only"),
    "share_with_mappings": ("aandeel met mappings", "share with mappings"),
    "parent": ("bovenliggend item", "parent item"),
    "parts": ("onderdelen", "parts"),
    "parts_covered": ("onderdelen gedekt", "parts covered"),
    "review_status": ("beoordeling", "review"),
    # review stats (herstelgraph review stats)
    "records": ("records", "records"),
    "reviewed": ("beoordeeld", "reviewed"),
    "confirmed": ("bevestigd", "confirmed"),
    "rejected": ("afgewezen", "rejected"),
    "changed": ("gewijzigd", "changed"),
    "unsure": ("twijfel", "unsure"),
    "disputed": ("oneens", "disputed"),
    "measure": ("maat", "measure"),
    "reviewers": ("beoordelaars", "reviewers"),
    "observed": ("waargenomen", "observed"),
    "expected": ("verwacht", "expected"),
    "value": ("waarde", "value"),
    "note": ("opmerking", "note"),
    "decisions": ("beslissingen", "decisions"),
    # endpoint check
    "name": ("naam", "name"),
    "endpoint": ("eindpunt", "endpoint"),
    "release": ("deze release", "this release"),
    # releases: diff, impact, deprecation
    "deprecated": ("vervallen", "deprecated"),
    "replaced_by": ("vervangen door", "replaced by"),
    "herstelgraph_version": ("herstelgraph-versie", "herstelgraph version"),
    "commit": ("commit", "commit"),
    "concepts_before": ("items voor", "items before"),
    "concepts_after": ("items na", "items after"),
    "added": ("nieuw", "added"),
    "removed": ("weg", "removed"),
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
    "change": ("wijziging", "change"),
    "predicate": ("predicaat", "predicate"),
    "fields": ("velden", "fields"),
    "dutch": ("Nederlands (bron)", "Dutch (source)"),
    "english": ("Engels (vertaling)", "English (translation)"),
    "corrected_text": ("verbeterde tekst", "corrected text"),
    "reviewer": ("beoordelaar", "reviewer"),
}


def header(field: str, lang: Language | str) -> str:
    """A column's header for people (the field name with spaces when it has none)."""
    pair = HEADERS.get(field)
    return _pick(pair, lang) if pair else field.replace("_", " ")


# ----------------------------------------------------------------------------- messages
MESSAGES: dict[str, Pair] = {
    "no_results": ("geen resultaten", "no results"),
    "total": ("totaal", "total"),
    "total_context": (
        "totaal context (geen eisen)",
        "total context (not requirements)",
    ),
    "coverage_external": (
        "Rijen naar esco: de items van één type (in de kolom sectienaam) met minstens één "
        "ESCO-koppeling; ESCO is geen kader en telt in geen ander cijfer mee.",
        "Rows into esco: the items of one type (in the section name column) with at least one "
        "ESCO link; ESCO is no framework and counts in no other figure.",
    ),
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
    "review_counts": (
        "Beoordeling per paar kaders en relatie",
        "Review per framework pair and relation",
    ),
    "review_agreement": (
        "Overeenstemming (twijfel telt als ontbrekend)",
        "Agreement (unsure counts as missing)",
    ),
    "review_disagreements": ("Meningsverschillen", "Disagreements"),
    "review_files": (
        "{files} beoordelingsbestand(en), beoordelaars: {reviewers}; rubric v{version}",
        "{files} review file(s), reviewers: {reviewers}; rubric v{version}",
    ),
    "nobody": ("geen", "none"),
    "translations_title": ("Vertalingen om te beoordelen", "Translations to review"),
    "translations_reviewed": (
        "{reviewed} van {total} vertalingen door een mens beoordeeld",
        "{reviewed} of {total} translations reviewed by a person",
    ),
    "translation_decided": ("{path}: vertaling {decision}", "{path}: translation {decision}"),
    "translation_confirm": ("bevestigd", "confirmed"),
    "translation_reject": ("afgewezen", "rejected"),
    "translation_correct": ("verbeterd", "corrected"),
    "endpoint_title": (
        "Eindpunt {url} vergeleken met herstelgraph {version}",
        "Endpoint {url} against herstelgraph {version}",
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


# ----------------------------------------------------------------------------- the site
#: What the static site says around the data (``publish/site.py``).
SITE: dict[str, Pair] = {
    "language_name": ("Nederlands", "English"),
    "other_language": ("English", "Nederlands"),
    "switch_title": ("Deze pagina in het Engels", "This page in Dutch"),
    "frameworks": ("Kaders", "Frameworks"),
    "search": ("Zoeken", "Search"),
    "coverage": ("Dekking", "Coverage"),
    "ontology": ("Ontologie", "Ontology"),
    "downloads": ("Downloads", "Downloads"),
    "main_nav": ("Hoofdmenu", "Main menu"),
    "home_title": (
        "Competentiekaders voor herstelondersteunende zorg als linked data",
        "Competency frameworks for recovery-supporting care as linked data",
    ),
    "home_intro": (
        "De Nederlandse en Vlaamse competentiekaders voor herstelondersteunende zorg en "
        "ervaringsdeskundigheid: elk item letterlijk geciteerd, met de sectie van de bron, en "
        "vastgelegde mappings tussen de kaders.",
        "The Dutch and Flemish competency frameworks for recovery-supporting care "
        "(herstelondersteunende zorg) and experiential expertise (ervaringsdeskundigheid): every "
        "item quoted verbatim in Dutch, with its source section, and curated mappings between "
        "the frameworks. English labels and definitions are AI-assisted translations, not yet "
        "reviewed by a person; the Dutch text is the source.",
    ),
    "search_label": (
        "Zoek in omschrijvingen, Nederlands of Engels (accenten mogen weg):",
        "Search the labels, in Dutch or English (accents optional):",
    ),
    "search_placeholder": (
        "bv. empowerment, eigen regie, cooperatie",
        "e.g. empowerment, self-direction",
    ),
    "hit_one": ("item", "item"),
    "hit_many": ("items", "items"),
    "hits_first": ("de eerste {n} getoond", "the first {n} shown"),
    "framework": ("Kader", "Framework"),
    "items_counted": ("Items", "Items"),
    "concepts_all": ("Concepten", "Concepts"),
    "mapped_any": ("Gemapt", "Mapped"),
    "reviewed_any": ("Gemapt of geen overeenkomst", "Mapped or no match"),
    "types": ("Soorten", "Types"),
    "data": ("Gegevens", "Data"),
    "not_aligned": ("niet afgestemd", "not aligned"),
    "what_counts": (
        "<b>Items</b>: de eisen van een kader die een mapping of een beoordeling “geen "
        "overeenkomst” nodig hebben; geen secties, geen herhalingen van een ander item, geen "
        "items die alleen voorbeelden zijn en geen afgeleide items (mappings/RUBRIC.md). "
        "<b>Concepten</b>: alles in het kader, secties inbegrepen. <b>Gemapt</b>: items met een "
        "mapping naar minstens één ander kader. <b>Gemapt of geen overeenkomst</b>: gemapt, "
        "via een voorbeeld, of bekeken zonder overeenkomst. Dezelfde telling als "
        "<code>herstelgraph coverage</code> en het mappingrapport van de README.",
        "<b>Items</b>: a framework's requirements, which need a mapping or a “no match” "
        "review; not sections, not restatements of another item, not example-only items and not "
        "inferred items (mappings/RUBRIC.md). <b>Concepts</b>: everything in the framework, "
        "sections included. <b>Mapped</b>: items with a mapping into at least one other "
        "framework. <b>Mapped or no match</b>: mapped, via an example, or reviewed with no "
        "match. The same count as <code>herstelgraph coverage</code> and the README's mapping "
        "report.",
    ),
    "more": ("Meer", "More"),
    "coverage_link": (
        "Dekking tussen de kaders (heatmap)",
        "Coverage between frameworks (heatmap)",
    ),
    "ontology_link": (
        "De kernontologie: klassen en eigenschappen",
        "The core ontology: classes and properties",
    ),
    "context_note": ("de JSON-LD-context", "the JSON-LD context"),
    "rubric_note": ("de mappingrubric", "the mapping rubric"),
    "csv_excel": ("CSV voor Excel", "CSV for Excel"),
    "case_package": ("1EdTech CASE-pakket", "1EdTech CASE package"),
    "items_heading": ("Items", "Items"),
    "level": ("Niveau", "Level"),
    "version": ("Versie", "Version"),
    "date": ("Datum", "Date"),
    "licence": ("Licentie", "Licence"),
    "not_stated": ("niet vermeld in de bron", "not stated in the source"),
    "level_tbd": (
        "nog te bepalen (volgens de bron)",
        "still to be determined (the source says so)",
    ),
    "source_file": ("Bronbestand", "Source file"),
    "untitled_source": ("brondocument zonder titel", "untitled source document"),
    "title_en": ("Titel (Engels)", "Title (English)"),
    "id": ("ID", "ID"),
    "iri": ("IRI", "IRI"),
    "notation": ("Code", "Notation"),
    "type": ("Soort", "Type"),
    "source_section": ("Sectie in de bron", "Source section"),
    "source_document": ("Brondocument", "Source document"),
    "applies_at": ("Geldt op niveau van", "Applies at"),
    "source_text": ("Brontekst", "Source text (Dutch, verbatim)"),
    "definition": ("Definitie", "Definition (Dutch, verbatim)"),
    "dutch_label": ("Omschrijving in de bron (Nederlands)", "Label in the source (Dutch)"),
    "english_label": ("Engelse vertaling", "English translation"),
    "english_definition": ("Definitie, Engelse vertaling", "Definition, English translation"),
    "translation_note": (
        "AI-vertaling, nog niet door een mens nagekeken; de Nederlandse tekst is de bron.",
        "AI-assisted translation, not yet reviewed by a person; the Dutch text is the source.",
    ),
    "translation_confirmed_by": (
        "AI-vertaling, nagekeken en bevestigd door {who} ({date}); de Nederlandse tekst is de "
        "bron.",
        "AI-assisted translation, reviewed and confirmed by {who} ({date}); the Dutch text is "
        "the source.",
    ),
    "translation_corrected_by": (
        "Vertaling verbeterd door {who} ({date}); de Nederlandse tekst is de bron.",
        "Translation corrected by {who} ({date}); the Dutch text is the source.",
    ),
    "translation_rejected_by": (
        "Vertaling afgewezen door {who} ({date}).",
        "Translation rejected by {who} ({date}).",
    ),
    "no_translation": ("geen Engelse vertaling", "no English translation"),
    "alt_labels": ("Andere omschrijvingen", "Other labels"),
    "scope_notes": ("Toelichting", "Scope notes"),
    "editorial_notes": ("Redactionele noten", "Editorial notes"),
    "hierarchy": ("Hiërarchie", "Hierarchy"),
    "broader": ("Valt onder", "Broader"),
    "narrower": ("Omvat", "Narrower"),
    "requires_knowledge": ("Met inbegrip van kennis", "Includes knowledge"),
    "required_by": ("Opgenomen in", "Included in"),
    "members_of": ("Lid van", "Member of"),
    "top_level": ("Bovenste niveau, geen onderliggende items.", "Top level, no narrower items."),
    "mappings": ("Mappings", "Mappings"),
    "relation": ("Relatie", "Relation"),
    "other_item": ("Ander item", "Other item"),
    "confidence": ("Zekerheid", "Confidence"),
    "rule": ("Regel (rubric)", "Rule (rubric)"),
    "review": ("Expertbeoordeling", "Expert review"),
    "by_reviewers": ("door {n} beoordelaar(s)", "by {n} reviewer(s)"),
    "no_reviews": (
        "Nog geen mapping is door een deskundige beoordeeld (<code>herstelgraph review</code>).",
        "No mapping has been reviewed by a domain expert yet (<code>herstelgraph review</code>).",
    ),
    "review_summary": (
        "{n} beoordelaar(s), rubric v{version}. Afgewezen mappings tellen hierboven niet mee.",
        "{n} reviewer(s), rubric v{version}. Rejected mappings are not counted above.",
    ),
    "pair": ("Paar kaders", "Framework pair"),
    "on_records": ("over {n} records", "on {n} records"),
    "justification": ("Onderbouwing", "Justification"),
    "comment": ("Toelichting", "Comment"),
    "no_rule": ("geen regel vermeld", "no rule given"),
    "no_match_in": ("Gezocht, geen overeenkomst in {fw}", "Looked for, no match in {fw}"),
    "no_mappings": ("Nog geen vastgelegde mappings.", "No curated mappings yet."),
    "data_note": (
        'Dit item als <a href="{ttl}">Turtle</a> of <a href="{jsonld}">JSON-LD</a> '
        "(de eigen triples en de mappingrecords).",
        'This item as <a href="{ttl}">Turtle</a> or <a href="{jsonld}">JSON-LD</a> '
        "(its own triples and its mapping records).",
    ),
    "coverage_title": ("Dekking tussen de kaders", "Coverage between frameworks"),
    "coverage_intro": (
        "Per paar: het aandeel items van het kader in de rij met minstens één vastgelegde "
        "mapping (komt overeen met, komt vrijwel overeen met, valt onder, is breder dan, "
        "verwant aan) naar een eis van het kader in de kolom. Items die alleen een voorbeeld of "
        "een afgeleid item raken (via een voorbeeld) en items die bekeken zijn zonder "
        "overeenkomst tellen apart: een gat betekent dan “bekeken en afwezig”, niet “niet "
        "bekeken”. Voorkennisrecords zijn geen mapping.",
        "For each pair: the share of the row framework's items with at least one curated "
        "mapping (matches, nearly matches, falls under, is broader than, related to) into the "
        "column framework's requirement items. Items linked only to example-only or inferred "
        "items (via an example) and items reviewed with no match are counted apart: a gap then "
        "means “reviewed and absent”, not “not looked at”. Prerequisite records are no "
        "mapping.",
    ),
    "heatmap_title": (
        "Dekking: aandeel items van het kader in de rij met een mapping naar het kader in de kolom",
        "Coverage: share of the row framework's items with a curated mapping into the column "
        "framework",
    ),
    "heatmap_axes": (
        "Rijen: van; kolommen: naar. Aandeel gemapte items.",
        "Rows: from; columns: into. Share of items mapped.",
    ),
    "heatmap_tip": (
        "{a} → {b}: {mapped} van {n} items gemapt, {via} via een voorbeeld, "
        "{no} bekeken zonder overeenkomst",
        "{a} → {b}: {mapped} of {n} items mapped, {via} via an example, "
        "{no} reviewed with no match",
    ),
    "not_aligned_list": (
        "Niet afgestemd (geen vastgelegde mappings): {names}.",
        "Not aligned (no curated mappings): {names}.",
    ),
    "as_table": ("Als tabel", "As a table"),
    "from": ("Van", "From"),
    "into": ("Naar", "Into"),
    "ontology_title": ("De kernontologie", "The core ontology"),
    "ontology_intro": (
        "Namespace <code>{ns}</code> (prefix <code>hg:</code>). Items zijn SKOS-concepten met "
        "een van de klassen hieronder als soort; de JSON-LD-context is "
        '<a href="{ctx}">herstelgraph.context.jsonld</a>.',
        "Namespace <code>{ns}</code> (prefix <code>hg:</code>). Items are SKOS concepts typed "
        "with one of the classes below; the JSON-LD context is "
        '<a href="{ctx}">herstelgraph.context.jsonld</a>.',
    ),
    "classes": ("Klassen", "Classes"),
    "properties": ("Eigenschappen", "Properties"),
    "individuals": ("Individuen", "Individuals"),
    "kind": ("Soort term", "Kind of term"),
    "label_nl": ("Label (nl)", "Label (nl)"),
    "label_en": ("Label (en)", "Label (en)"),
    "comment_nl": ("Uitleg (nl)", "Comment (nl)"),
    "comment_en": ("Uitleg (en)", "Comment (en)"),
    "subclass_of": ("Subklasse van", "Subclass of"),
    "subproperty_of": ("Subeigenschap van", "Subproperty of"),
    "domain": ("Domein", "Domain"),
    "range": ("Bereik", "Range"),
    "equivalent": ("Gelijk aan", "Equivalent"),
    "owl:Class": ("klasse", "class"),
    "rdfs:Class": ("klasse", "class"),
    "owl:ObjectProperty": ("relatie-eigenschap", "object property"),
    "owl:DatatypeProperty": ("waarde-eigenschap", "datatype property"),
    "owl:AnnotationProperty": ("annotatie-eigenschap", "annotation property"),
    "rdf:Property": ("eigenschap", "property"),
    "owl:NamedIndividual": ("individu", "individual"),
    "footer": (
        "Gemaakt door herstelgraph uit de SKOS-graaf. Itemteksten zijn letterlijk uit de bronnen "
        "geciteerd; mappings zijn door curatoren vastgelegd (zie per record auteur en "
        "onderbouwing). "
        "Engelse teksten zijn AI-vertalingen.",
        "Generated by herstelgraph from its SKOS graph. Item texts are quoted verbatim from "
        "their sources; mappings are curated (see each record's author and justification). "
        "English texts are AI-assisted translations.",
    ),
    "choose_language": ("Kies een taal", "Choose a language"),
}


def site_word(key: str, lang: Language | str, **fields: object) -> str:
    """A word or sentence of the static site (some hold markup: they are trusted text)."""
    text = _pick(SITE[key], lang)
    return text.format(**fields) if fields else text


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


# ------------------------------------------------------------------- external vocabularies
#: The site's words for the links to ESCO (issue 21), beside SITE.
SITE.update(
    {
        "esco_links": ("ESCO", "ESCO"),
        "esco_share": (
            "{mapped} van {items} {kind} gekoppeld",
            "{mapped} of {items} {kind} linked",
        ),
        "esco_no_match": ("{n} beoordeeld zonder koppeling", "{n} reviewed, no link"),
        "esco_not_reviewed": ("{n} nog niet beoordeeld", "{n} not reviewed yet"),
        "esco_vocabulary": ("ESCO (externe woordenlijst)", "ESCO (external vocabulary)"),
    }
)

#: Plural item types, for sentences with a count ("9 van 11 competenties").
TYPE_PLURALS: dict[str, Pair] = {
    "hg:Competency": ("competenties", "competencies"),
    "hg:KnowledgeItem": ("kennisitems", "knowledge items"),
    "hg:Skill": ("vaardigheden", "skills"),
    "hg:Role": ("rollen", "roles"),
    "hg:Activity": ("activiteiten", "activities"),
}


def type_plural(curie: str, lang: Language | str) -> str:
    """An item type's plural (``hg:Competency`` → ``competenties``); the singular where none
    is listed."""
    pair = TYPE_PLURALS.get(curie)
    return _pick(pair, lang) if pair else type_word(curie, lang)


__all__ = [
    "HEADERS",
    "MESSAGES",
    "RELATIONS",
    "SITE",
    "VALUES",
    "default_language",
    "header",
    "message",
    "relation_word",
    "site_word",
    "type_names",
    "type_word",
    "value_word",
]
