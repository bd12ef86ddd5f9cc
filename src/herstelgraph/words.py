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
import re
from collections.abc import Mapping
from functools import cache
from typing import TYPE_CHECKING, Any

from .model import Language

if TYPE_CHECKING:
    from .errors import SheetError, SheetProblem

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
    "skos:closeMatch": ("komt grotendeels overeen met", "largely matches"),
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
    # the relation column of ``review stats`` for a link no curated record states
    "added in review": ("toegevoegd bij beoordeling", "added in review"),
    "predicted": ("voorspeld (suggest)", "predicted (suggest)"),
}


def relation_word(relation: str, lang: Language | str) -> str:
    """A relation in words (the CURIE itself when it has none)."""
    pair = RELATIONS.get(relation) or RELATIONS.get(f"skos:{relation}")
    return _pick(pair, lang) if pair else relation


#: the words of a curation report's figure names besides the relations ("no match
#: (skos:closeMatch) doubtful 0.40–0.59", "prerequisite A 0.90–1.00")
_FIGURE_WORDS: dict[str, Pair] = {
    "no match": ("geen overeenkomst", "no match"),
    "prerequisite": ("voorkennis", "prerequisite"),
    "doubtful": ("twijfelachtig", "doubtful"),
    "below": ("onder", "below"),
    "all pairs": ("alle paren", "all pairs"),
}
#: a no-match record's predicate is the class of relation looked for and not found (RUBRIC
#: R-NONE-1/2/3), not a relation that holds: "no match (skos:closeMatch)" in words
_NO_MATCH_SCOPE: dict[str, Pair] = {
    "no match (skos:relatedMatch)": (
        "geen overeenkomst (niets verwants)",
        "no match (nothing related)",
    ),
    "no match (skos:closeMatch)": (
        "geen overeenkomst (geen nauwe tegenhanger)",
        "no match (no close counterpart)",
    ),
}
_FIGURE_TERM = re.compile(
    r"no match \(skos:(?:relatedMatch|closeMatch)\)|skos:\w+|no match|prerequisite|doubtful"
    r"|below|all pairs"
)


#: the curation report's sections, as its workbook's "sectie" column names them
CURATION_SECTIONS: dict[str, Pair] = {
    "relations": ("relaties", "relations"),
    "confidence": ("zekerheid", "confidence"),
    "mean-confidence": ("gemiddelde zekerheid", "mean confidence"),
    "rules": ("rubricregels", "rubric rules"),
    "no-match": ("geen overeenkomst", "no match"),
    "change": ("wijziging", "change"),
}


def figure_words(name: str, lang: Language | str, *, no_match: bool = False) -> str:
    """A curation report's figure name with its relations and words in ``lang``.
    ``no_match``: a figure of no-match records ("bk-0597-1 → bijlage-ii skos:closeMatch"),
    whose predicate names what was not found (R-NONE), not a relation that holds."""

    def word(m: re.Match[str]) -> str:
        term = m.group(0)
        if no_match and term.startswith("skos:"):
            term = f"no match ({term})"
        pair = _FIGURE_WORDS.get(term) or _NO_MATCH_SCOPE.get(term)
        return _pick(pair, lang) if pair else relation_word(term, lang)

    return decimals(_FIGURE_TERM.sub(word, name), lang)  # bands such as 0,60–1,00


def decimals(text: str, lang: Language | str) -> str:
    """Numbers in ``text`` as a reader of ``lang`` writes them: a decimal comma in Dutch
    (0,75; bands 0,60–1,00), the point in English. For what people read: tables and pages,
    never CSV or JSON.

    >>> decimals("zekerheid 0.8, band 0.60–1.00", "nl"), decimals("0.8", "en")
    ('zekerheid 0,8, band 0,60–1,00', '0.8')
    """
    return re.sub(r"(\d)\.(\d)", r"\1,\2", text) if str(lang) == "nl" else text


def section_word(section: str, lang: Language | str) -> str:
    """A curation report section (``mean-confidence``) in words, as its workbook shows it."""
    pair = CURATION_SECTIONS.get(section)
    return _pick(pair, lang) if pair else section


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
    "violation": ("overtreding", "violation"),
    "info": ("melding", "info"),
    # the same as SHACL names them (sh:Violation …: validate's and impact's findings)
    "Violation": ("overtreding", "violation"),
    "Warning": ("waarschuwing", "warning"),
    "Info": ("melding", "info"),
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
    # explain: a step of a framework's own hierarchy (questions.alignment.explain)
    "skos:broader within one framework": (
        "de hiërarchie van één kader",
        "the hierarchy within one framework",
    ),
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
    "path": ("pad", "path"),
    "path_kind": ("soort pad", "path kind"),
    "path_relation": ("relatie van het pad", "path relation"),
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
    # the English translations beside the Dutch texts (CSV and XLSX; render.ENGLISH_COLUMNS)
    "label_en": ("omschrijving (Engels)", "label (English)"),
    "definition_en": ("definitie (Engels)", "definition (English)"),
    "a_label_en": ("omschrijving (A, Engels)", "label (A, English)"),
    "b_label_en": ("omschrijving (B, Engels)", "label (B, English)"),
    "c_label_en": ("omschrijving (C, Engels)", "label (C, English)"),
    "via_label_en": ("omschrijving (via, Engels)", "label (via, English)"),
    "other_label_en": ("omschrijving (ander, Engels)", "label (other, English)"),
    "section_label_en": ("sectienaam (Engels)", "section name (English)"),
    "item_label_en": ("omschrijving item (Engels)", "item label (English)"),
    "source_label_en": ("omschrijving (bron, Engels)", "source label (English)"),
    "target_label_en": ("omschrijving (kandidaat, Engels)", "candidate label (English)"),
    "subject_label_en": ("omschrijving (van, Engels)", "label (from, English)"),
    "object_label_en": ("omschrijving (naar, Engels)", "label (to, English)"),
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
        "Zekerheid per relatie, in de banden van de rubric (R-CONF-1)",
        "Confidence per relation, in the rubric's bands (R-CONF-1)",
    ),
    "curation_mean-confidence": (
        "Gemiddelde zekerheid per paar en relatie (R-CONF-4: streef ≥ 0,85)",
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
    "export_no_format": (
        "geen --format gegeven{suffix}; gebruik een van {formats}",
        "no --format given{suffix}; use one of {formats}",
    ),
    "export_no_suffix": (
        " en {output} heeft geen bekende extensie",
        " and {output} has no known suffix",
    ),
    "review_pair": (
        "onbekend paar {pair}; schrijf KADER__KADER, bijvoorbeeld bijlage-ii__randvoorwaarden "
        "(kaders: {frameworks})",
        "unknown pair {pair}; write FRAMEWORK__FRAMEWORK, e.g. bijlage-ii__randvoorwaarden "
        "(frameworks: {frameworks})",
    ),
    "review_sheet_suffix": (
        "{path}: schrijf het beoordelingsblad als .xlsx",
        "{path}: write the review sheet as .xlsx",
    ),
    "reviewer_new": (
        "{path} is nieuw: geef de naam van de reviewer één keer met --label 'Voornaam Achternaam'",
        "{path} is new: give the reviewer's name once with --label 'First Last'",
    ),
    "xlsx_terminal": (
        "is een terminal, en een xlsx-werkmap is binair; schrijf hem naar een bestand "
        "(-o BESTAND.xlsx) of leid hem om (> BESTAND.xlsx)",
        "is a terminal, and an xlsx workbook is binary; write it to a file (-o FILE.xlsx) or "
        "redirect it (> FILE.xlsx)",
    ),
    "empty_output": (
        "-o: geef een bestandsnaam, of '-' voor de standaarduitvoer",
        "-o: give a file name, or '-' for standard output",
    ),
    "param_form": (
        "--param {param}: verwacht NAAM=WAARDE, bijvoorbeeld --param a=bk-0597-1",
        "--param {param}: expected NAME=VALUE, e.g. --param a=bk-0597-1",
    ),
    "curation_no_release": (
        "(nog geen release: geen git-tag om mee te vergelijken; geef --since REF of MAP)",
        "(no release yet: no git tag to compare with; give --since REF or FOLDER)",
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
    "profile_findings": (
        "{profile} {version}: {violations} overtredingen, {warnings} waarschuwingen, "
        "{infos} meldingen",
        "{profile} {version}: {violations} violations, {warnings} warnings, {infos} infos",
    ),
    "endpoint_none": (
        "geen eindpunt opgegeven: noem de URL, bijvoorbeeld http://localhost:7878/query",
        "no endpoint given: name its URL, e.g. http://localhost:7878/query",
    ),
    "endpoint_data": (
        "--data werkt niet bij endpoint check: de gebruikersgegevens zijn de eigen "
        "gebruikersgraaf van het eindpunt",
        "--data has no effect on endpoint check: the user data is the endpoint's own user graph",
    ),
    # the CLI's hints after an error's line (cli.main.hint): what to type next
    "hint_frameworks": (
        " (bekijk ze met 'herstelgraph frameworks')",
        " (list them with 'herstelgraph frameworks')",
    ),
    "hint_ids": (
        " (zoek ID's met 'herstelgraph search WOORDEN' of 'herstelgraph concepts KADER')",
        " (find IDs with 'herstelgraph search WORDS' or 'herstelgraph concepts FRAMEWORK')",
    ),
    "hint_sheet_as_data": (
        " (een curriculumblad? zet het om met 'herstelgraph curriculum import')",
        " (a curriculum sheet? convert it with 'herstelgraph curriculum import')",
    ),
    "hint_reviews": (
        " (--reviews DIR, of $HERSTELGRAPH_REVIEWS)",
        " (--reviews DIR, or $HERSTELGRAPH_REVIEWS)",
    ),
    "hint_input_limit": (" (of --max-input-size SIZE)", " (or --max-input-size SIZE)"),
    "hint_framework": (" (gebruik --framework KADER)", " (use --framework FRAMEWORK)"),
    "hint_since": (" (--since REF of MAP)", " (--since REF or FOLDER)"),
    "hint_data": (" (voeg het bestand toe met --data BESTAND)", " (add the file with --data FILE)"),
    "endpoint_refused": (
        "{what} werkt niet met --endpoint: {why}",
        "{what} does not work with --endpoint: {why}",
    ),
    "endpoint_why_check": (
        "de controle leest de bestanden zelf; laat BESTAND weg om de graaf van het endpoint te "
        "controleren",
        "it checks the files on their own; leave out FILE to check the endpoint's graph",
    ),
    "endpoint_why_curation": (
        "het leest de vastgelegde mappingbestanden (--mappings MAP), geen graaf",
        "it reads the curated mapping files (--mappings DIR), not a graph",
    ),
    "endpoint_why_states": (
        "het vergelijkt de bestanden van twee toestanden; draai het zonder --endpoint",
        "it compares the files of two states; run it without --endpoint",
    ),
    "endpoint_why_annex": (
        "de bijlage leest het curriculum naast de ingebouwde graaf",
        "the annex reads the curriculum beside the embedded graph",
    ),
    "endpoint_why_review": (
        "een beoordelaar beoordeelt de vastgelegde records van de ingebouwde graaf",
        "a reviewer judges the curated records of the embedded graph",
    ),
    "sheet_of_other": (
        "{sheet}: het blad is gemaakt voor {ident}, niet voor {reviewer}; importeer het als die "
        "beoordelaar",
        "{sheet}: the sheet was made for {ident}, not {reviewer}; import it as that reviewer",
    ),
    "timeout_value": (
        "{value} is geen aantal seconden boven 0 en hoogstens {most}",
        "{value} is not a number of seconds above 0 and at most {most}",
    ),
    "scheme_deprecated": (
        "--scheme is verouderd; gebruik --framework",
        "--scheme is deprecated; use --framework",
    ),
    "validate_no_file": (
        "geen BESTAND opgegeven: noem profielbestanden (.ttl, .jsonld, .csv, .xlsx) of gebruik "
        "--graph",
        "no FILE given: name profile files (.ttl, .jsonld, .csv, .xlsx) or use --graph",
    ),
    "validate_graph_and_files": (
        "--graph valideert de meegeleverde graaf; geef profielbestanden zonder --graph",
        "--graph validates the shipped graph; pass profile files without it",
    ),
    "hint_param": (" (--param {name}=WAARDE)", " (--param {name}=VALUE)"),
    "interrupted": ("onderbroken", "interrupted"),
    "aborted": ("afgebroken", "aborted"),
    # the CLI's lines on standard error: "herstelgraph: fout: …" (cli.common.stderr_line)
    "error": ("fout", "error"),
    "warning": ("waarschuwing", "warning"),
    # our own usage errors (exit 2), beside click's (cli.dutch)
    "bad_confidence": (
        "een zekerheid ligt tussen 0 en 1, bijvoorbeeld 0.8",
        "a confidence is between 0 and 1, e.g. 0.8",
    ),
    "bad_reviewers": ("een aantal beoordelaars, 1 of meer", "a number of reviewers, 1 or more"),
    "timeout_without_endpoint": (
        "--endpoint-timeout hoort bij --endpoint URL; noem het eindpunt",
        "--endpoint-timeout applies to --endpoint URL; name the endpoint",
    ),
    "bad_export_format": (
        "{value!r} is geen exportformaat; gebruik een van {formats} (of {aliases})",
        "{value!r} is not an export format; use one of {formats} (or {aliases})",
    ),
    "framework_and_scheme": (
        "geef --framework of --scheme (de oude naam), niet allebei",
        "give --framework or --scheme (its old name), not both",
    ),
    "review_who": (
        "noem uzelf: herstelgraph review --reviewer ID (ORCID of naam)",
        "name yourself: herstelgraph review --reviewer ID (ORCID or name)",
    ),
    "translation_decision": (
        "kies een van --confirm, --reject en --correct TEXT",
        "choose one of --confirm, --reject and --correct TEXT",
    ),
    "internal_error": (
        "interne fout: {kind}: {text}; voer het opnieuw uit met HERSTELGRAPH_DEBUG=1 en meld het",
        "internal error: {kind}: {text}; rerun with HERSTELGRAPH_DEBUG=1 and report it",
    ),
    # an output whose name says another format than the verb writes
    "annex_suffix": (
        "{path}: schrijf de bijlage als .html, .xlsx of .pdf",
        "{path}: write the annex as .html, .xlsx or .pdf",
    ),
    "template_suffix": (
        "{path}: schrijf het sjabloon als .xlsx of .csv",
        "{path}: write the template as .xlsx or .csv",
    ),
    "curriculum_suffix": (
        "{path}: schrijf het curriculum als Turtle, naar een .ttl-bestand",
        "{path}: the curriculum is written as Turtle: name the file .ttl",
    ),
    "unclaimed": (
        "{n} curriculum claimt geen kader: niet getoetst, niet goedgekeurd (noem het met "
        "--conforms-to KADER, of in het profiel met dct:conformsTo)",
        "{n} curriculum(s) claim no framework: not checked, not passed (name it with "
        "--conforms-to FRAMEWORK, or in the profile with dct:conformsTo)",
    ),
    "hint_endpoint_timeout": (
        " (--endpoint-timeout SECONDEN of HERSTELGRAPH_ENDPOINT_TIMEOUT)",
        " (--endpoint-timeout SECONDS or HERSTELGRAPH_ENDPOINT_TIMEOUT)",
    ),
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
    # what the verbs say on stderr (and cache info on stdout)
    "cache_folder": ("map: {folder}", "folder: {folder}"),
    "cache_state": ("cache: {state}", "caching: {state}"),
    "cache_on": ("aan", "on"),
    "cache_off": ("uit ({env}=off)", "off ({env}=off)"),
    "cache_entries": ("items: {n} ({size} bytes)", "entries: {n} ({size} bytes)"),
    "cache_bound": (
        "grens: de {n} laatst gebruikte items, samen hoogstens {size} bytes",
        "bound: the {n} most recently used entries, at most {size} bytes in total",
    ),
    "cache_cleared": (
        "{n} cache-items verwijderd ({size} bytes) uit {folder}",
        "{n} cache entries removed ({size} bytes) from {folder}",
    ),
    "cache_cleared_1": (
        "1 cache-item verwijderd ({size} bytes) uit {folder}",
        "1 cache entry removed ({size} bytes) from {folder}",
    ),
    "annex_written": (
        "{path}: bijlage voor {programme} tegen {framework}",
        "{path}: annex for {programme} against {framework}",
    ),
    "review_serving": ("herstelgraph review: {url}", "herstelgraph review: {url}"),
    "review_reviewer": ("  beoordelaar {label} ({id})", "  reviewer {label} ({id})"),
    "review_file": ("  beslissingen gaan naar {path}", "  decisions go to {path}"),
    "review_translation_file": (
        "  beslissingen over vertalingen gaan naar {path}",
        "  translation decisions go to {path}",
    ),
    "review_stop": ("  stoppen met Ctrl-C", "  stop with Ctrl-C"),
    "review_stopped": (
        "gestopt; elke beslissing staat in {path} en {tpath}",
        "stopped; every decision is in {path} and {tpath}",
    ),
    "review_exported": (
        "{path}: {n} records en {m} vertalingen om te beoordelen",
        "{path}: {n} records and {m} translations to review",
    ),
    "review_row_errors": (
        "{n} rijfout(en); er is niets geïmporteerd",
        "{n} row error(s); nothing was imported",
    ),
    # a reviewer's ID (review --reviewer) and the rows of a review sheet (review import)
    "reviewer_bad_orcid": (
        "beoordelaar {text!r}: geen geldige ORCID (het controlecijfer klopt niet); kopieer hem "
        "uit uw ORCID-record",
        "reviewer {text!r}: not a valid ORCID (its check digit is wrong); copy it from your "
        "ORCID record",
    ),
    "reviewer_bad_name": (
        "beoordelaar {text!r}: geef een ORCID (0000-0002-1825-0097) of een korte naam van kleine "
        "letters, cijfers en koppeltekens, bijv. 'jansen' of 'a-jansen'",
        "reviewer {text!r}: give an ORCID (0000-0002-1825-0097) or a short name of lower-case "
        "letters, digits and hyphens, e.g. 'jansen' or 'a-jansen'",
    ),
    "reviewer_reserved": (
        "beoordelaar {text!r}: die naam is van het curatieteam; kies een andere",
        "reviewer {text!r}: that name is the curation team's; choose another",
    ),
    "sheet_where": (
        "{path}: blad '{sheet}', rij {row}, kolom {letter} ({head})",
        "{path}: sheet '{sheet}', row {row}, column {letter} ({head})",
    ),
    "sheet_formula": (
        "een formule; kies een besluit uit de lijst",
        "a formula; choose a decision from the list",
    ),
    "sheet_not_a_decision": (
        "{raw!r} is geen besluit; kies er een uit de lijst",
        "{raw!r} is not a decision; choose one from the list",
    ),
    "sheet_gone": (
        "record {key!r} staat niet meer in de mappings; exporteer een nieuw blad",
        "record {key!r} is not in the mappings any more; export a new sheet",
    ),
    "sheet_no_match_takes": (
        "een no-match-record krijgt '{agree}', '{disagree}' of '{unsure}'; kies daaruit",
        "a no-match record takes '{agree}', '{disagree}' or '{unsure}'; choose one of those",
    ),
    "sheet_for_no_match": (
        "'{raw}' is voor no-match-records; kies bij een mapping bevestigen, afwijzen, relatie "
        "wijzigen of onzeker",
        "'{raw}' is for no-match records; for a mapping choose confirm, reject, change relation "
        "or unsure",
    ),
    "sheet_needs_reason": (
        "een afwijzing heeft een reden nodig; kies er een uit de lijst",
        "a rejection needs a reason; choose one from the list",
    ),
    "sheet_other_needs_text": (
        "reden 'anders' heeft hier een toelichting nodig",
        "reason 'other' needs an explanation here",
    ),
    "sheet_change_needs_relation": (
        "een wijziging heeft de nieuwe relatie nodig; kies er een uit de lijst",
        "a change needs the new relation; choose one from the list",
    ),
    "sheet_same_relation": (
        "dat is de relatie die het record al heeft; kies 'bevestigen'",
        "that is the relation it has; choose 'confirm' instead",
    ),
    "sheet_not_a_relation": (
        "{text!r} is geen relatie; kies er een uit de lijst",
        "{text!r} is not a relation; choose one from the list",
    ),
    "sheet_relation_needs_rule": (
        "{text!r} heeft meerdere rubricregels; kies in de lijst de relatie met de regel die geldt",
        "{text!r} has several rubric rules; choose the one with the rule it meets from the list",
    ),
    "sheet_match_needs_rule": (
        "kies in 'nieuwe relatie' de relatie met de rubricregel die de nieuwe mapping volgt",
        "choose in 'new relation' the relation with the rubric rule the new mapping meets",
    ),
    "sheet_name_match": (
        "noem het item dat past (zijn ID, bijv. rv:reflectie-en-scholing-02)",
        "name the item that matches (its ID, e.g. rv:reflectie-en-scholing-02)",
    ),
    "sheet_unknown_item": (
        "onbekend item {target!r}; schrijf zijn ID",
        "unknown item {target!r}; write its ID",
    ),
    "sheet_other_framework": (
        "{target} hoort niet bij het kader waarin dit record zocht; noem een item van dat kader",
        "{target} is not in the framework this record looked in; name an item of that framework",
    ),
    "sheet_record": (
        "{path}: blad '{sheet}', record {key}: {text}",
        "{path}: sheet '{sheet}', record {key}: {text}",
    ),
    "review_imported": (
        "{path}: {n} beslissingen geïmporteerd",
        "{path}: {n} decisions imported",
    ),
    "review_imported_1": ("{path}: 1 beslissing geïmporteerd", "{path}: 1 decision imported"),
    "suggest_wrote": ("{n} kandidaten geschreven naar {path}", "wrote {n} candidates to {path}"),
    "suggest_second_look": (
        "{n} beoordeelde items zonder overeenkomst hebben een sterke kandidaat: "
        "--second-look toont ze",
        "{n} reviewed no-match items have a strong candidate: --second-look lists them",
    ),
    "suggest_filled": (
        "{n} lege cellen ingevuld (gemarkeerd met [suggestie]) in {path}",
        "filled {n} empty cells (marked [suggestie]) in {path}",
    ),
    "suggest_lexical": (
        "alleen lexicaal zoeken; voor semantisch zoeken: pip install 'herstelgraph[suggest]'",
        "lexical matching only; for semantic matching: pip install 'herstelgraph[suggest]'",
    ),
    "suggest_pair": ("Suggesties {a} → {b} ({method})", "Suggestions {a} → {b} ({method})"),
    "suggest_second_look_title": (
        "Tweede blik {a} → {b} ({method})",
        "Second look {a} → {b} ({method})",
    ),
    "suggest_for": ("Suggesties voor {name} ({method})", "Suggestions for {name} ({method})"),
    "template_written": (
        "{path}: curriculumsjabloon geschreven ({language})",
        "{path}: curriculum template written ({language})",
    ),
    "site_written": (
        "{pages} pagina's, {files} bestanden geschreven naar {path}",
        "{pages} pages, {files} files written to {path}",
    ),
}


def message(key: str, lang: Language | str, **fields: object) -> str:
    """A message in ``lang``; with ``n`` == 1, its singular form (``KEY_1``) where it has one."""
    if fields.get("n") == 1 and f"{key}_1" in MESSAGES:
        key = f"{key}_1"
    return _pick(MESSAGES[key], lang).format(**fields)


# ----------------------------------------------------------------------------- errors
#: Library errors that have a Dutch text too, raised with their message as a :class:`Said` of
#: one of these keys (English); the CLI says them again in the user's language. The fields
#: quote what the server or the system said, which stays as it came.
ERRORS: dict[str, Pair] = {
    "store-refused": (
        "de bewaarde store {folder} ging niet open ({reason}); hij is verwijderd: stel de "
        "vraag opnieuw om hem opnieuw op te bouwen",
        "persisted store {folder} would not open ({reason}); it was removed: ask again to "
        "rebuild it",
    ),
    "endpoint-url": (
        "ongeldige URL van een eindpunt {url!r}: verwacht http(s)://host[:poort]/pad, "
        "bijvoorbeeld http://localhost:7878/query",
        "invalid endpoint URL {url!r}: expected http(s)://host[:port]/path, "
        "e.g. http://localhost:7878/query",
    ),
    "endpoint-http": (
        "SPARQL-eindpunt {url} antwoordde HTTP {code} {reason}{detail}; controleer de URL "
        "(die moet SPARQL-query's aannemen) en het logboek van de server",
        "SPARQL endpoint {url} answered HTTP {code} {reason}{detail}; check the URL (it must "
        "accept SPARQL queries) and the server's log",
    ),
    "endpoint-too-large": (
        "SPARQL-eindpunt {url} kondigde {size} aan, boven de grens van {limit} voor een "
        "antwoord; maak de query smaller, of verhoog de grens met {setting} (bijv. 2GB)",
        "SPARQL endpoint {url} announced {size}, over the answer limit of {limit}; narrow the "
        "query, or raise the limit with {setting} (e.g. 2GB)",
    ),
    "endpoint-sent-too-much": (
        "SPARQL-eindpunt {url} stuurde meer dan de grens van {limit} voor een antwoord; maak "
        "de query smaller, of verhoog de grens met {setting} (bijv. 2GB)",
        "SPARQL endpoint {url} sent more than the answer limit of {limit}; narrow the query, "
        "or raise the limit with {setting} (e.g. 2GB)",
    ),
    "endpoint-timeout": (
        "SPARQL-eindpunt {url} antwoordde niet binnen {seconds} s; probeer het later opnieuw "
        "of geef het eindpunt meer tijd",
        "SPARQL endpoint {url} did not answer within {seconds} s; try again later or raise "
        "the endpoint timeout",
    ),
    "endpoint-unreachable": (
        "SPARQL-eindpunt {url} is onbereikbaar ({reason}); controleer de URL en of de server "
        "draait",
        "SPARQL endpoint {url} is unreachable ({reason}); check the URL and that the server "
        "is running",
    ),
    "endpoint-failed": (
        "SPARQL-eindpunt {url} faalde ({reason}); controleer de URL en of de server draait",
        "SPARQL endpoint {url} failed ({reason}); check the URL and that the server is running",
    ),
    "endpoint-broke-off": (
        "SPARQL-eindpunt {url} brak zijn antwoord af ({reason}); probeer het opnieuw of kijk "
        "in het logboek van de server",
        "SPARQL endpoint {url} broke off its answer ({reason}); try again, or check the "
        "server's log",
    ),
    "endpoint-no-results": (
        "SPARQL-eindpunt {url} stuurde geen geldige SPARQL-resultaten ({reason}); is dit de "
        "URL voor query's (bijvoorbeeld …/query of …/sparql)?",
        "SPARQL endpoint {url} sent no valid SPARQL results ({reason}); is this the query "
        "URL (e.g. …/query or …/sparql)?",
    ),
    "endpoint-ask-no-boolean": (
        "SPARQL-eindpunt {url} beantwoordde een ASK zonder booleaanse waarde",
        "SPARQL endpoint {url} answered an ASK without a boolean",
    ),
    "endpoint-select-boolean": (
        "SPARQL-eindpunt {url} beantwoordde een SELECT met een booleaanse waarde",
        "SPARQL endpoint {url} answered a SELECT with a boolean",
    ),
    "installed-reviews": (
        "herstelgraph is als pakket geïnstalleerd, en de bestanden daarvan zijn niet de uwe "
        "om te veranderen: noem een eigen map voor de reviewbestanden",
        "herstelgraph is installed as a package, whose files are not yours to change: name a "
        "folder of your own for the review files",
    ),
    # warnings of the cache (store/cache.py, store/persist.py)
    "cache-damaged": (
        "cache-item {path} is beschadigd ({problem}); het wordt opnieuw opgebouwd",
        "cache entry {path} is damaged ({problem}); rebuilding it",
    ),
    "store-damaged": (
        "bewaarde store {folder} is beschadigd ({problem}); hij wordt opnieuw opgebouwd",
        "persisted store {folder} is damaged ({problem}); rebuilding it",
    ),
    # a user's file or an output, located by the error ("file:line:column: " + this)
    "cannot-read": ("kan het niet lezen ({reason})", "cannot read ({reason})"),
    "is-a-folder": ("is een map; geef een bestand", "is a folder; give a file"),
    "input-limit": (
        "het bestand heeft {size}, meer dan de invoergrens van {limit}; verhoog de grens met "
        "{setting} (bijvoorbeeld 200MB)",
        "the file has {size}, over the input limit of {limit}; raise the limit with {setting} "
        "(e.g. 200MB)",
    ),
    "input-limit-read": (
        "er viel meer dan {limit} te lezen, meer dan de invoergrens; verhoog de grens met "
        "{setting} (bijvoorbeeld 200MB)",
        "more than {limit} could be read, over the input limit; raise the limit with {setting} "
        "(e.g. 200MB)",
    ),
    "syntax": ("{msg}; verbeter de syntaxis daar", "{msg}; fix the syntax there"),
    "profile-no-framework": (
        "profiel {profile} noemt geen kader (dct:conformsTo); noem het kader waaraan het "
        "gemeten moet worden, bijvoorbeeld bk-0597-1",
        "profile {profile} names no framework (dct:conformsTo); name the framework to measure "
        "it against, e.g. bk-0597-1",
    ),
    "curriculum-no-framework": (
        "curriculum {profile} noemt geen kader (dct:conformsTo); noem het kader waaraan het "
        "gemeten moet worden, bijvoorbeeld bk-0597-1",
        "curriculum {profile} names no framework (dct:conformsTo); name the framework to "
        "measure it against, e.g. bk-0597-1",
    ),
    "size-form": (
        "{what} {text}: verwacht een aantal bytes of een grootte als 50MB, 200k, 1GiB",
        "{what} {text}: expected bytes or a size such as 50MB, 200k, 1GiB",
    ),
    "no-revision": (
        "git:{ref}: geen revisie met die naam in {repo}; noem een tag, tak of commit (git tag, "
        "git log)",
        "git:{ref}: no such revision in {repo}; name a tag, branch or commit (git tag, git log)",
    ),
    "no-git": (
        "{start}: niet in een git-repository; git:REF leest de repository waarin de opdracht "
        "draait",
        "{start}: not inside a git repository; git:REF reads the repository the command runs in",
    ),
    "no-release": (
        "{spec}: zo'n map bestaat niet; noem een releasemap, een map met ontology/ en "
        "mappings/, git:REF of current",
        "{spec}: no such folder; name a release folder, a folder with ontology/ and mappings/, "
        "git:REF or current",
    ),
    "no-concepts-in": (
        "{path}: geen skos:Concept met een skos:inScheme en een label",
        "{path}: no skos:Concept with a skos:inScheme and a label",
    ),
    "two-frameworks": (
        "{verb} vraagt twee verschillende kaders; {name} staat er twee keer",
        "{verb} needs two different frameworks, got {name} twice",
    ),
    "two-items": (
        "{verb} vraagt twee verschillende items; {name} staat er twee keer",
        "{verb} needs two different items, got {name} twice",
    ),
    "three-frameworks": (
        "chain vraagt drie verschillende kaders: A, een tussenkader B, en C",
        "chain needs three different frameworks: A, an intermediate B, and C",
    ),
    "no-review-folder": (
        "{path}: zo'n map met reviewbestanden bestaat niet",
        "{path}: no such folder of review files",
    ),
    "site-folder": (
        "{out}: de map is niet leeg en is geen herstelgraph-site (geen {marker}); kies een "
        "nieuwe of lege map",
        "{out}: folder is not empty and not a herstelgraph site (no {marker}); choose a new or "
        "empty folder",
    ),
    "not-xlsx": (
        "geen leesbare .xlsx-werkmap ({error}); sla het op als .xlsx",
        "not a readable .xlsx workbook ({error}); save it as .xlsx",
    ),
    "remote-context": (
        "externe JSON-LD-@context {url} geweigerd (herstelgraph haalt nooit iets op); neem de "
        "context in het bestand op, bijvoorbeeld ontology/herstelgraph.context.jsonld",
        "remote JSON-LD @context {url} refused (herstelgraph never fetches); inline the "
        "context, e.g. ontology/herstelgraph.context.jsonld",
    ),
    "parse-timeout": (
        "het lezen stopte na {seconds} s (leestijdgrens): het bestand is te groot of te diep "
        "genest om op tijd te lezen; splits het, of verhoog {setting}",
        "reading stopped after {seconds} s (parse timeout): the file is too large or too "
        "deeply nested to read in time; split it, or raise {setting}",
    ),
    "query-timeout": (
        "{where}: gestopt na {seconds} s (querytijdgrens); beperk onbegrensde paden zoals "
        "(p|^p)* of verhoog {setting}",
        "{where}: stopped after {seconds} s (query timeout); narrow unbounded property paths "
        "such as (p|^p)* or raise {setting}",
    ),
    "seconds-form": (
        "{setting}={text}: verwacht een aantal seconden, bijvoorbeeld 30",
        "{setting}={text}: expected a number of seconds, e.g. 30",
    ),
    "since-form": (
        "since={ref}: geen git-ref (een tag, branch of commit) of map",
        "since={ref}: not a git ref (a tag, branch or commit) or folder",
    ),
    "since-no-git": (
        "since={ref}: de mappings staan niet in een git-checkout (een geïnstalleerd pakket); "
        "geef een oudere map of een ouder bestand met mappings",
        "since={ref}: the mappings are not in a git checkout (an installed package); give an "
        "older mappings folder or file instead",
    ),
    "since-no-ref": (
        "since={ref}: zo'n git-ref (een tag, branch of commit) of map bestaat niet",
        "since={ref}: no such git ref (a tag, branch or commit) or folder",
    ),
    "no-query": (
        "geen meegeleverde query {name}; bekend: {known}",
        "no shipped query {name}; known: {known}",
    ),
    "query-no-parameter": (
        "query {query} heeft geen parameter {name}; hij neemt: {names}",
        "query {query} has no parameter {name}; it takes: {names}",
    ),
    "query-needs-parameter": (
        "query {query} heeft parameter {name} ({kind}) nodig; zie zijn kop",
        "query {query} needs parameter {name} ({kind}); see its header",
    ),
    "sparql-syntax": (
        "SPARQL-syntaxfout: {msg}; verbeter de query daar",
        "SPARQL syntax error: {msg}; fix the query there",
    ),
    "sparql-syntax-end": (
        "SPARQL-syntaxfout, gemeld aan het eind van de query: {msg}; verbeter de query",
        "SPARQL syntax error, reported at the end of the query: {msg}; fix the query",
    ),
    "invalid-json": (
        "ongeldige JSON ({msg}); verbeter de syntaxis daar",
        "invalid JSON ({msg}); fix the syntax there",
    ),
    "not-utf8": (
        "byte 0x{byte} is geen UTF-8-tekst; sla het bestand op als UTF-8",
        "byte 0x{byte} is not UTF-8 text; save the file as UTF-8",
    ),
    "unknown-rdf-format": (
        "onbekend RDF-formaat; geef het bestand de extensie .ttl, .nt, .nq, .trig, .rdf of .jsonld",
        "unknown RDF format; name the file .ttl, .nt, .nq, .trig, .rdf or .jsonld",
    ),
    "profile-format": (
        "onbekend formaat voor een profiel; gebruik .ttl, .jsonld, .csv of .xlsx",
        "unknown profile format; use .ttl, .jsonld, .csv or .xlsx",
    ),
    "no-profile": (
        "bevat geen profiel (geen rol-, persoons-, team- of organisatieprofiel en geen "
        "curriculum); er is niets te valideren",
        "holds no profile (no role, person, team or organisation profile and no curriculum); "
        "nothing to validate",
    ),
    "output-is-input": (
        "is een invoer van deze opdracht; schrijf de uitvoer naar een ander bestand",
        "is an input of this run; write the output to another file",
    ),
    "output-is-shipped": (
        "is een bestand van de meegeleverde graaf; schrijf de uitvoer naar een ander bestand",
        "is a file of the shipped graph; write the output to another file",
    ),
    "no-folder": (
        "map {folder} bestaat niet; maak die eerst aan",
        "folder {folder} does not exist; create it first",
    ),
    "not-a-folder": (
        "{folder} is een bestand, geen map; kies een andere naam",
        "{folder} is a file, not a folder; choose another name",
    ),
    "cannot-write": ("kan niet schrijven ({reason})", "cannot write ({reason})"),
    "cannot-write-there": ("kan daar niet schrijven ({reason})", "cannot write there ({reason})"),
    "empty-search": (
        "lege zoektekst: geef een of meer woorden, bijvoorbeeld 'clientperspectief'",
        "empty search text: give one or more words, e.g. 'clientperspectief'",
    ),
    # said from the errors' own fields (error_text), so their English str stays as it was
    "unknown-framework": (
        "onbekend kader {name}; bekend: {known}",
        "unknown framework {name}; known: {known}",
    ),
    "unknown-id": ("onbekende ID {ident}", "unknown ID {ident}"),
    "unknown-id-near": (
        "onbekende ID {ident}; bedoelt u {suggestions}?",
        "unknown ID {ident}; did you mean {suggestions}?",
    ),
    "ambiguous-id": (
        "dubbelzinnige ID {ident}: die noemt {n} items; schrijf een van {choices}",
        "ambiguous ID {ident}: it names {n} items; write one of {choices}",
    ),
    "unknown-type": (
        "onbekend itemtype {type}; bekend: {known}",
        "unknown item type {type}; known: {known}",
    ),
}


def error_text(exc: BaseException, lang: Language | str) -> str:
    """An error's one line in ``lang``: its message said again where the library said it
    as a :class:`Said` (the endpoint's errors, a sheet's), else its own message (English)."""
    text = str(exc)
    from .errors import AmbiguousIdError, UnknownFrameworkError, UnknownIdError

    if isinstance(exc, UnknownFrameworkError):
        return _said(
            "unknown-framework", lang, {"name": repr(exc.name), "known": ", ".join(exc.known)}
        )
    if isinstance(exc, AmbiguousIdError):
        fields = {
            "ident": repr(exc.ident),
            "n": len(exc.choices),
            "choices": ", ".join(exc.choices),
        }
        return _said("ambiguous-id", lang, fields)
    if type(exc) is UnknownIdError and exc.what == "ID":
        near = ", ".join(exc.suggestions)
        key = "unknown-id-near" if near else "unknown-id"
        return _said(key, lang, {"ident": repr(exc.ident), "suggestions": near})
    reason = getattr(exc, "reason", None)  # InputFileError: "file:line:column: " + reason
    if isinstance(reason, Said) and text.endswith(reason):
        return text[: len(text) - len(reason)] + reason.say(lang)
    if exc.args and isinstance(exc.args[0], Said) and text == exc.args[0]:
        return exc.args[0].say(lang)
    return text


# ----------------------------------------------------------------------------- checks
#: What each check of ``herstelgraph check`` looks for: the qSKOS-style checks
#: (checks/quality.py) and the mapping checks of the rubric (curation/consistency.py), by
#: their codes, which JSON and CSV keep. The English is the libraries' own title.
CHECK_TITLES: dict[str, Pair] = {
    "S9": (
        "een bron is zowel skos:Concept als skos:ConceptScheme",
        "a resource is both skos:Concept and skos:ConceptScheme",
    ),
    "S13": (
        "één literal is meer dan één van prefLabel, altLabel, hiddenLabel",
        "one literal is more than one of prefLabel, altLabel, hiddenLabel",
    ),
    "S14": ("meer dan één prefLabel in één taal", "more than one prefLabel in one language"),
    "S27": (
        "related (of relatedMatch) tussen concepten die broaderTransitive verbindt",
        "related (or relatedMatch) between concepts linked by broaderTransitive",
    ),
    "S37": (
        "een skos:Collection is ook een Concept of ConceptScheme",
        "a skos:Collection is also a Concept or ConceptScheme",
    ),
    "S46": (
        "exactMatch (transitief) naast broadMatch, narrowMatch of relatedMatch",
        "exactMatch (transitive) beside broadMatch, narrowMatch or relatedMatch",
    ),
    "hierarchy-cycle": (
        "concepten die (transitief) breder zijn dan zichzelf",
        "concepts (transitively) broader than themselves",
    ),
    "invented-skos-term": (
        "een skos:-IRI die het SKOS-vocabulaire niet definieert",
        "a skos: IRI that the SKOS vocabulary does not define",
    ),
    "missing-label": (
        "een concept zonder prefLabel, of een schema zonder titel",
        "a concept without prefLabel, or a scheme without a title",
    ),
    "empty-label": (
        "een label dat leeg is of alleen witruimte bevat",
        "a label that is empty or only whitespace",
    ),
    "unprintable-characters": (
        "een label met stuurtekens of andere onafdrukbare tekens",
        "a label with control or other unprintable characters",
    ),
    "overlapping-labels": (
        "overlappende labels: één label op twee concepten van een schema, één ervan een prefLabel",
        "one label on two concepts of a scheme, one a prefLabel",
    ),
    "omitted-language-tag": (
        "een label of notitie zonder taalcode",
        "a label or note without a language tag",
    ),
    "invalid-language-tag": (
        "een taalcode die geen BCP 47 is of geen bekende taal noemt",
        "a language tag that is not BCP 47 or no known language",
    ),
    "incomplete-language-coverage": (
        "geen prefLabel in een taal die het schema gebruikt",
        "no prefLabel in a language its scheme uses",
    ),
    "no-common-language": (
        "de concepten van een schema hebben geen labeltaal gemeen",
        "the concepts of a scheme share no label language",
    ),
    "orphan-concept": (
        "weesconcept: een concept zonder enige semantische relatie",
        "a concept with no semantic relation at all",
    ),
    "disconnected-clusters": (
        "een groep concepten zonder verbinding met de rest",
        "a group of concepts unlinked to the rest",
    ),
    "omitted-top-concepts": (
        "een conceptschema zonder topconcepten",
        "a concept scheme without top concepts",
    ),
    "top-concept-with-broader": (
        "een topconcept dat een breder concept heeft",
        "a top concept that has a broader concept",
    ),
    "ambiguous-notation": (
        "één notatie op twee concepten van één schema, of twee op één concept",
        "one notation on two concepts of one scheme, or two",
    ),
    "mapping-inside-scheme": (
        "een mappingrelatie tussen concepten van één schema",
        "a mapping relation between concepts of one scheme",
    ),
    "missing-reciprocal": (
        "broader/narrower, related of topconcept in maar één richting",
        "broader/narrower, related or top concept one way",
    ),
    "reflexive-relation": (
        "een concept dat aan zichzelf gerelateerd is (broader, related, …)",
        "a concept related to itself (broader, related, …)",
    ),
    "solely-transitive": (
        "broaderTransitive/narrowerTransitive zonder broader-pad",
        "broaderTransitive/narrowerTransitive with no broader path",
    ),
    "valueless-associative": (
        "related tussen zusterconcepten (of concepten met een gemeenschappelijk kind)",
        "related between siblings (or co-parents)",
    ),
    "hierarchical-redundancy": (
        "een broader of broadMatch die ook uit een langer pad volgt",
        "a broader or broadMatch also implied by a longer path",
    ),
    "undocumented-concept": (
        "een concept zonder definitie, notitie of scopeNote",
        "a concept without definition, note or scopeNote",
    ),
    "non-http-iri": (
        "een bron beschreven onder een IRI die niet http(s) is",
        "a resource described under an IRI that is not http(s)",
    ),
    "ill-typed-literal": (
        "een literal buiten de lexicale ruimte van zijn datatype",
        "a literal outside its datatype's lexical space",
    ),
    "deprecated-in-use": (
        "een profiel, mapping of item verwijst naar een vervallen item",
        "a profile, mapping or item points to a deprecated item",
    ),
    # the mapping checks of mappings/RUBRIC.md §7
    "C-TRI-1": (
        "een keten A–B–C over drie kaders waarvan de bewering A–C niet sluit",
        "a chain A–B–C across three frameworks whose claim A–C does not close",
    ),
    "C-TRI-2": (
        "A gekoppeld aan B en aan C, B exact/close C, met twee verschillende relaties",
        "A linked to B and to C, B exact/close C, with two different relations",
    ),
    "C-ANC-1": (
        "een item en zijn voorouder zonder reden op hetzelfde doel gemapt",
        "an item and its ancestor mapped to the same target without a reason",
    ),
    "C-DIR-1": (
        "broad/narrow-mappings die de hiërarchieën tegenspreken (een cyclus)",
        "broad/narrow mappings that contradict the hierarchies (a cycle)",
    ),
    "C-DIR-2": (
        "exactMatch naast een andere relatie, of tussen items van één kader",
        "exactMatch beside another relation, or joining one framework's items",
    ),
    "C-DUP-1": (
        "een record op een item dat een ander herhaalt (hg:restates)",
        "a record on a restating item (hg:restates)",
    ),
    "C-DUP-2": (
        "meer dan één record per paar, of per item en kader (geen overeenkomst)",
        "more than one record per pair, or per item and framework (no match)",
    ),
    "C-DUP-3": (
        "twee items van één kader met hetzelfde label en zonder hg:restates",
        "two items of one framework with the same label and no hg:restates",
    ),
    "C-DUP-4": (
        "een geen-overeenkomstrecord naast een SKOS-link naar hetzelfde kader",
        "a no-match record beside a SKOS link into the same framework",
    ),
    "C-SEC-1": (
        "een record waarvan subject of object een sectie is",
        "a record whose subject or object is a section",
    ),
    "C-EX-1": (
        "een geen-overeenkomstrecord op een item dat alleen een voorbeeld of afgeleid is",
        "a no-match record on an example-only or inferred item",
    ),
    "C-STR-1": (
        "sterkte (`other`) niet zoals R-STR-1 die voor het predicaat vastlegt",
        "strength (`other`) not as R-STR-1 sets it for the predicate",
    ),
    "C-CONF-1": (  # the doubtful ones are its warnings row: "… (waarschuwingen)"
        "zekerheid buiten het bereik van de rubric",
        "confidence outside the rubric's range",
    ),
    "C-CONF-2": (
        "een link met een afgeleid item boven 0,75",
        "a link with an inferred item above 0.75",
    ),
    "C-RULE-1": (
        "curation_rule ontbreekt, is onbekend of is niet de regel van het predicaat",
        "curation_rule missing, unknown, or not the predicate's rule",
    ),
    "C-NONE-1": (
        "drie of meer geen-overeenkomsttoelichtingen in een bestand die één sjabloon zijn",
        "three or more no-match comments in a file that are one template",
    ),
    "C-COM-1": (
        "een toelichting bij een link die niet beide items citeert (twee “…”)",
        "a link comment that does not quote both items (two “…”)",
    ),
    "C-COV-1": (
        "een eis-item zonder link en niet precies één geen-overeenkomstrecord",
        "a requirement item with no link and not exactly one no-match",
    ),
}


def check_title(check: str, lang: Language | str) -> str:
    """What a check looks for, in words (the code itself when it has none)."""
    pair = CHECK_TITLES.get(check)
    return _pick(pair, lang) if pair else check


#: The details of the qSKOS-style findings (checks/quality.py) and the lines of the report
#: around them, by key; the fields are IRIs, literals and numbers, never words.
CHECK_DETAILS: dict[str, Pair] = {
    "plain": ("{text}", "{text}"),
    "S9": (
        "een skos:Concept (getypeerd of door zijn links) en een skos:ConceptScheme",
        "a skos:Concept (typed or by its links) and a skos:ConceptScheme",
    ),
    "S37": ("een skos:Collection en een {other}", "a skos:Collection and a {other}"),
    "S13": ("{lit} is {kinds}", "{lit} is {kinds}"),
    "and": (" en ", " and "),
    "or": (" of ", " or "),
    "S14": ("{n} prefLabels in {language}: {shown}", "{n} prefLabels in {language}: {shown}"),
    "S14-none": ("{n} prefLabels zonder taal: {shown}", "{n} prefLabels in no language: {shown}"),
    "empty": ("leeg: {props}", "empty {props}"),
    "no-preflabel": ("concept zonder skos:prefLabel", "concept without skos:prefLabel"),
    "no-preflabel-alt": (
        "concept zonder skos:prefLabel (wel met altLabel)",
        "concept without skos:prefLabel (has altLabel)",
    ),
    "no-title": (
        "schema zonder prefLabel, rdfs:label, dc:title of dct:title",
        "scheme without prefLabel, rdfs:label, dc:title or dct:title",
    ),
    "more": ("{shown} (en nog {n})", "{shown} (and {n} more)"),
    "tag-malformed": ("geen goedgevormde BCP 47", "not well-formed BCP 47"),
    "tag-not-iso": ("{primary} is geen ISO 639-1-taal", "{primary} is no ISO 639-1 language"),
    "tag-unregistered": (
        "{primary} is geen geregistreerde taalsubtag",
        "{primary} is no registered language subtag",
    ),
    "cycle": ("cyclus door {n}: {shown}", "cycle through {n}: {shown}"),
    "S27": (
        "{p} {high}, dat er ook broaderTransitive van is",
        "{p} {high}, which is also broaderTransitive of it",
    ),
    "S46": ("{p} {b}, maar exactMatch verbindt ze", "{p} {b}, but exactMatch links them"),
    "draft-term": (
        "een term van de SKOS Core-concepten uit 2004, weggelaten uit de SKOS-aanbeveling",
        "a SKOS Core 2004 draft term, dropped from the SKOS Recommendation",
    ),
    "invented": ("niet in het SKOS-vocabulaire", "not in the SKOS vocabulary"),
    "invented-near": (
        "niet in het SKOS-vocabulaire; bedoelt u {near}?",
        "not in the SKOS vocabulary; did you mean {near}?",
    ),
    "kinds-of": ("{kinds} van {concept}", "{kinds} of {concept}"),
    "overlap": ("prefLabel {label} is ook de {shown}", "prefLabel {label} is also the {shown}"),
    "overlap-in": (
        "prefLabel {label} is ook de {shown} in {scheme}",
        "prefLabel {label} is also the {shown} in {scheme}",
    ),
    "coverage": (
        "geen prefLabel in {lacking} (het schema gebruikt {want})",
        "no prefLabel in {lacking} (its scheme uses {want})",
    ),
    "no-scheme": ("(concepten in geen enkel schema)", "(concepts in no scheme)"),
    "no-common": (
        "geen taal gemeen aan de {n} concepten met een label: {shown}",
        "no language common to its {n} labelled concepts: {shown}",
    ),
    "orphan": (
        "geen broader-, narrower-, related- of mappingrelatie",
        "no broader, narrower, related or mapping relation",
    ),
    "cluster": (
        "{n} concepten, niet verbonden met {others} andere clusters: {shown}",
        "{n} concepts, unlinked to {others} other clusters: {shown}",
    ),
    "no-top": (
        "geen skos:hasTopConcept of skos:topConceptOf",
        "no skos:hasTopConcept or skos:topConceptOf",
    ),
    "top-broader": ("topconcept van {of}, broader {shown}", "top concept of {of}, broader {shown}"),
    "notation-shared": ('notatie "{value}" ook op {shown}', 'notation "{value}" also on {shown}'),
    "notations": ("{n} notaties: {values}", "{n} notations: {values}"),
    "inside": ("{p} {b}, beide in {scheme}", "{p} {b}, both in {scheme}"),
    "reciprocal": ("{name} {b} zonder {b} {inv} {a}", "{name} {b} without {b} {inv} {a}"),
    "top-of": (
        "topConceptOf {scheme} zonder hasTopConcept",
        "topConceptOf {scheme} without hasTopConcept",
    ),
    "has-top": ("hasTopConcept {a} zonder topConceptOf", "hasTopConcept {a} without topConceptOf"),
    "reflexive": ("{p} zichzelf", "{p} itself"),
    "solely": (
        "{p} {b} zonder broader/narrower-pad ertussen",
        "{p} {b} with no broader/narrower path between them",
    ),
    "siblings-under": ("{p} {b}, zusterconcepten onder {x}", "{p} {b}, siblings under {x}"),
    "siblings-above": ("{p} {b}, beide boven {x}", "{p} {b}, siblings both above {x}"),
    "redundant": ("{p} {b}, ook bereikt via {via}", "{p} {b}, also reached via {via}"),
    "redundant-inverse": (
        "{b} {p} dit concept, ook bereikt via {via}",
        "{b} {p} it, also reached via {via}",
    ),
    "undocumented": (
        "geen skos:definition, scopeNote, note of example",
        "no skos:definition, scopeNote, note or example",
    ),
    "non-http": (
        "een {scheme}:-IRI; HTTP-IRI's zijn op te zoeken",
        "a {scheme}: IRI; HTTP IRIs can be looked up",
    ),
    "ill-typed": (
        '{p} "{value}" is geen geldige xsd:{name}',
        '{p} "{value}" is not a valid xsd:{name}',
    ),
    "deprecated": (
        "{p} {iri}, vervallen (vervangen door {successors})",
        "{p} {iri}, deprecated (replaced by {successors})",
    ),
    "deprecated-none": (
        "{p} {iri}, vervallen (zonder opvolger)",
        "{p} {iri}, deprecated (no successor)",
    ),
    # the report around the findings
    "report": (
        "Kwaliteitscontrole van {sources}: {triples} triples, {concepts} concepten, "
        "{schemes} conceptschema's",
        "Quality check of {sources}: {triples} triples, {concepts} concepts, {schemes} concept "
        "schemes",
    ),
    "the-graph": ("de graaf", "the graph"),
    "shipped graph": ("de meegeleverde graaf", "shipped graph"),
    "summary": (
        "{errors} fouten, {warnings} waarschuwingen",
        "{errors} errors, {warnings} warnings",
    ),
    "more-findings": (
        "… nog {n} (--limit 0 of --format json voor alle)",
        "… {n} more (--limit 0 or --format json for all)",
    ),
    "warnings-row": ("{title} (waarschuwingen)", "{title} (warnings)"),
    "records": ("records {records}", "records {records}"),
    "in-files": ("in {files}", "in {files}"),
    # endpoint check (checks/endpoint.py)
    "e-triples": ("{n} triples", "{n} triples"),
    "e-fingerprint": ("vingerafdruk {fp}", "fingerprint {fp}"),
    "e-needed-by": ("nodig voor {queries}", "needed by {queries}"),
    "e-row-cap": ("rijlimiet", "row cap"),
    "e-none-seen": ("geen gezien", "none seen"),
    "e-rows": ("{n} rijen", "{n} rows"),
    "e-missing": (
        "geen triples; laad 'herstelgraph export --format trig'",
        "no triples; load 'herstelgraph export --format trig'",
    ),
    "e-count": ("{p} {got} (deze release {want})", "{p} {got} (release {want})"),
    "e-differs": (
        "{n} aantallen per predicaat wijken af: {shown}",
        "{n} predicate counts differ: {shown}",
    ),
    "e-and-more": ("{shown} en nog {n}", "{shown} and {n} more"),
    "e-answered": (
        "antwoordt; niet vergeleken, want de grafen wijken af van deze release",
        "answered; not compared, as the graphs differ from this release",
    ),
    "e-wrong": (
        "{got} rijen waar deze release er {want} geeft",
        "{got} rows where this release gives {want}",
    ),
    "e-probe-failed": ("de test mislukte: {error}", "the probe failed: {error}"),
    "e-cap-says": (
        "de server kapt antwoorden af bij {cap} rijen en meldt dat: herstelgraph vraagt "
        "langere antwoorden in delen op",
        "the server cuts answers at {cap} rows and says so: herstelgraph pages answers longer "
        "than that",
    ),
    "e-cap-silent": (
        "een antwoord van {rows} rijen kwam terug met {got} en zonder melding: langere "
        "antwoorden worden ongemerkt afgekapt (verhoog de resultaatlimiet van de server)",
        "an answer of {rows} rows came back with {got} and no notice: longer answers are cut "
        "without a word (raise the server's result limit)",
    ),
    "e-cap-whole": (
        "een antwoord van {rows} rijen kwam volledig terug",
        "an answer of {rows} rows came back whole",
    ),
    "e-reading-user": (
        "de gebruikersgraaf van het eindpunt lezen",
        "reading the endpoint's user graph",
    ),
    "e-building": ("de graaf van deze release opbouwen", "building this release's graph"),
    "e-building-user": (
        "de graaf van deze release opbouwen, met die gebruikersgegevens",
        "building this release's graph with that user data",
    ),
    "e-counting": ("triples per predicaat tellen", "counting triples per predicate"),
    "e-probing": ("SPARQL-onderdelen testen", "probing SPARQL features"),
    # the SPARQL features an endpoint is probed for, by their English names
    "VALUES (and parameters, bound with VALUES)": (
        "VALUES (en parameters, gebonden met VALUES)",
        "VALUES (and parameters, bound with VALUES)",
    ),
    "EXISTS inside a FILTER expression (… || EXISTS {…})": (
        "EXISTS binnen een FILTER-expressie (… || EXISTS {{…}})",
        "EXISTS inside a FILTER expression (… || EXISTS {{…}})",
    ),
    "GROUP BY, COUNT(DISTINCT), GROUP_CONCAT with separator": (
        "GROUP BY, COUNT(DISTINCT), GROUP_CONCAT met scheidingsteken",
        "GROUP BY, COUNT(DISTINCT), GROUP_CONCAT with separator",
    ),
    "ORDER BY, LIMIT and OFFSET over a subquery (paging a capped answer)": (
        "ORDER BY, LIMIT en OFFSET over een subquery (een afgekapt antwoord in delen opvragen)",
        "ORDER BY, LIMIT and OFFSET over a subquery (paging a capped answer)",
    ),
    "the request's default-graph-uri (a query reads the graphs it names)": (
        "default-graph-uri van het verzoek (een query leest de grafen die ze noemt)",
        "the request's default-graph-uri (a query reads the graphs it names)",
    ),
    "property paths (a|b, a/b)": ("eigenschapspaden (a|b, a/b)", "property paths (a|b, a/b)"),
    # check --profile (checks/standards.py)
    "profile-report": (
        "{title} {version} op {sources} ({triples} triples): {verdict}",
        "{title} {version} on {sources} ({triples} triples): {verdict}",
    ),
    "conforms": ("voldoet", "conforms"),
    "does-not-conform": ("voldoet niet", "does not conform"),
    "profile-summary": (
        "{violations} overtredingen, {warnings} waarschuwingen, {infos} meldingen",
        "{violations} violations, {warnings} warnings, {infos} infos",
    ),
    # the mapping checks (curation/consistency.py); a record is "{s} {p} {o}" or "m-what-none"
    "m-what-none": (
        "{s} geen overeenkomst ({p}) in {src}",
        "{s} no match ({p}) in {src}",
    ),
    "m-legacy": (
        "{detail} (bestand nog niet volgens de rubric vastgelegd: {files})",
        "{detail} (file not yet curated under the rubric: {files})",
    ),
    "m-chain": (
        "{a} {r1} {b} {r2} {c} beweert {a} {claim} {c}",
        "{a} {r1} {b} {r2} {c} claims {a} {claim} {c}",
    ),
    "m-tri-have": (
        "{chain}, maar het vastgelegde A–C-record zegt {have}",
        "{chain}, but the curated A–C record says {have}",
    ),
    "m-tri-none": (
        "{chain}, en geen SKOS-record verbindt {a} en {c}",
        "{chain}, and no SKOS record links {a} and {c}",
    ),
    "m-tri-2": (
        "{b} en {c} zijn exact/close, maar {a} is {rb} {b} en {rc} {c}",
        "{b} and {c} are exact/close, but {a} is {rb} {b} and {rc} {c}",
    ),
    "m-anc": (
        "{x} en zijn voorouder {y} zijn beide gemapt op {t}; het record {x}–{t} heeft "
        "[C-ANC-1 {y}: reden] nodig of vervalt",
        "{x} and its ancestor {y} are both mapped to {t}; the {x}–{t} record needs "
        "[C-ANC-1 {y}: reason] or goes",
    ),
    "m-dir-1": (
        "broad/narrow-mappings en de hiërarchieën vormen een cyclus: elk van {items} is "
        "specifieker dan zichzelf",
        "broad/narrow mappings and the hierarchies form a cycle: each of {items} is narrower "
        "than itself",
    ),
    "m-dir-2-joins": (
        "exactMatch (transitief) verbindt {items} van één kader ({fw})",
        "exactMatch (transitive) joins {items} of one framework ({fw})",
    ),
    "m-dir-2-beside": (
        "{s} {p} {o} naast exactMatch (transitief) tussen beide (SKOS S46)",
        "{s} {p} {o} beside exactMatch (transitive) between them (SKOS S46)",
    ),
    "m-dir-2-inside": (
        "een mapping binnen één kader: {s} {p} {o}",
        "a mapping inside one framework: {s} {p} {o}",
    ),
    "m-dup-1": (
        "{x} herhaalt {y} (R-DUP-1): het krijgt geen eigen records",
        "{x} restates {y} (R-DUP-1): it gets no records of its own",
    ),
    "m-sec-1": (
        "{x} is een sectie, een kop: map de items eronder (R-SEC-1)",
        "{x} is a section, a heading: map the items under it (R-SEC-1)",
    ),
    "m-ex-1-inferred": (
        "{x} is afgeleid: het heeft geen geen-overeenkomstrecord nodig (R-EX-1, R-INF-1)",
        "{x} is inferred: it needs no no-match record (R-EX-1, R-INF-1)",
    ),
    "m-ex-1-example": (
        "{x} is alleen een voorbeeld: het heeft geen geen-overeenkomstrecord nodig "
        "(R-EX-1, R-INF-1)",
        "{x} is example-only: it needs no no-match record (R-EX-1, R-INF-1)",
    ),
    "m-dup-2-none": (
        "{x} heeft {n} geen-overeenkomstrecords naar {fw} (R-ONE-1: één record per paar)",
        "{x} has {n} no-match records into {fw} (R-ONE-1: one record per pair)",
    ),
    "m-dup-2-pair": (
        "{n} records voor het paar {a} – {b} (R-ONE-1: één record per paar)",
        "{n} records for the pair {a} – {b} (R-ONE-1: one record per pair)",
    ),
    "m-dup-4": (
        "{x} heeft een geen-overeenkomstrecord naar {fw} naast {n} SKOS-link(s) daarheen",
        "{x} has a no-match record into {fw} beside {n} SKOS link(s) into it",
    ),
    "m-dup-3": (
        "{a} en {b} van {scheme} delen het label “{label}” zonder hg:restates (dubbel geteld)",
        "{a} and {b} of {scheme} share the label “{label}” without hg:restates (counted twice)",
    ),
    "m-empty": ("leeg", "empty"),
    "m-str-1": (
        "other is {other} bij {what}; R-STR-1 vraagt {want}",
        "other is {other} on {what}; R-STR-1 wants {want}",
    ),
    "m-conf-none": (
        "zekerheid {x} van geen-overeenkomst buiten {floor}–1.00",
        "no-match confidence {x} outside {floor}–1.00",
    ),
    "m-conf-missing": (
        "{what} zonder zekerheid; R-CONF-1 vraagt er een (0–1)",
        "{what} without a confidence; R-CONF-1 asks for one (0–1)",
    ),
    "m-conf-doubtful": (
        "twijfelachtige geen-overeenkomst ({x} < {floor}): beoordeel die eerst",
        "doubtful no-match ({x} < {floor}): review it first",
    ),
    "m-conf-low": (
        "{what} met {x}, onder {floor}: geen link (R-CONF-1)",
        "{what} at {x}, below {floor}: no link (R-CONF-1)",
    ),
    "m-conf-2": (
        "{what} met {x} steunt op het afgeleide item {item}: hoogstens {cap} (R-CONF-2, R-INF-1)",
        "{what} at {x} rests on the inferred item {item}: at most {cap} (R-CONF-2, R-INF-1)",
    ),
    "m-com-1": (
        "de toelichting bij {what} citeert niet beide items",
        "the comment on {what} does not quote both items",
    ),
    "m-rule-none": ("geen curation_rule bij {what}", "no curation_rule on {what}"),
    "m-rule-unknown": (
        "curation_rule {rule} is geen regel van de rubric",
        "curation_rule {rule} is no rule of the rubric",
    ),
    "m-no-rule": ("geen regel", "no rule"),
    "m-rule-none-match": (
        "{what} noemt {rule}; een geen-overeenkomst met {p} is {want}",
        "{what} names {rule}; a {p} no-match is {want}",
    ),
    "m-rule-none-2": (
        "R-NONE-2 bij {x}, maar het heeft geen voorkennisrecord met een item van {fw}",
        "R-NONE-2 on {x}, but it has no prerequisite record with an item of {fw}",
    ),
    "m-rule-link": ("{what} noemt {rule}; {p} is {want}", "{what} names {rule}; {p} is {want}"),
    "m-conf-mean": (
        "{name}: gemiddelde zekerheid van de {n} {p}-links is {mean} < {floor} (R-CONF-4)",
        "{name}: mean confidence of its {n} {p} links is {mean} < {floor} (R-CONF-4)",
    ),
    "m-none-1": (
        "{n} geen-overeenkomsttoelichtingen in {name} zijn één sjabloon zodra de eigen woorden "
        "van het item weg zijn: “{shown}” (R-COM-2)",
        "{n} no-match comments in {name} are one template once the item's own words are left "
        "out: “{shown}” (R-COM-2)",
    ),
    "m-cov-no-record": ("geen record", "no record"),
    "m-cov-records": ("{n} geen-overeenkomstrecords", "{n} no-match records"),
    "m-cov-1": (
        "{x} heeft geen SKOS-link naar {fw} en {what}: het heeft een link nodig of precies één "
        "geen-overeenkomstrecord",
        "{x} has no SKOS link into {fw} and {what}: it needs a link or exactly one no-match record",
    ),
}


def check_detail(key: str, lang: Language | str, **fields: object) -> str:
    """A finding's detail, or a line of the check report, in words."""
    return _pick(CHECK_DETAILS[key], lang).format(**fields)


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
    "no_confidence": (
        "geen zekerheid opgegeven (een link die een beoordelaar maakte)",
        "no confidence given (a link a reviewer made)",
    ),
    "data_note": (
        'Dit item als <a href="{ttl}">Turtle</a> of <a href="{jsonld}">JSON-LD</a> '
        "(de eigen triples en de mappingrecords).",
        'This item as <a href="{ttl}">Turtle</a> or <a href="{jsonld}">JSON-LD</a> '
        "(its own triples and its mapping records).",
    ),
    "coverage_title": ("Dekking tussen de kaders", "Coverage between frameworks"),
    "coverage_intro": (
        "Per paar: het aandeel items van het kader in de rij met minstens één vastgelegde "
        "mapping (komt overeen met, komt grotendeels overeen met, valt onder, is breder dan, "
        "verwant aan) naar een eis van het kader in de kolom. Items die alleen een voorbeeld of "
        "een afgeleid item raken (via een voorbeeld) en items die bekeken zijn zonder "
        "overeenkomst tellen apart: een gat betekent dan “bekeken en afwezig”, niet “niet "
        "bekeken”. Voorkennisrecords zijn geen mapping.",
        "For each pair: the share of the row framework's items with at least one curated "
        "mapping (matches, largely matches, falls under, is broader than, related to) into the "
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


# ----------------------------------------------------------------------------- sheets
#: What reading a user's sheet (``curriculum import``, ``validate``, ``report curriculum``)
#: says: its row problems, warnings and errors. The library raises and warns in English
#: (:class:`Said`); the CLI says the same in the run's language.
SHEET: dict[str, Pair] = {
    "comma": ("komma", "comma"),
    "semicolon": ("puntkomma", "semicolon"),
    "tab": ("tab", "tab"),
    "row": ("rij {row}", "row {row}"),
    "column": ("kolom {letter}", "column {letter}"),
    "value": ("waarde {value}", "value {value}"),
    "problems": (
        "{n} problemen; los ze op en probeer het opnieuw:",
        "{n} problems; fix them and run again:",
    ),
    "split_cell": (
        "deze rij heeft {cells} cellen maar de kop {width} kolommen: een cel is bij een "
        "{delimiter} gesplitst ({extra} zou verloren gaan); zet die cel tussen dubbele "
        "aanhalingstekens, of scheid de ID's erin met {other}",
        "this row has {cells} cells but the header has {width} columns: a cell was split at a "
        "{delimiter} ({extra} would be lost); put that cell in double quotes, or separate the "
        "IDs in it with {other}",
    ),
    "ids_without_outcome": (
        "ID's ({ids}) zonder leeruitkomst; schrijf de leeruitkomst waar ze bij horen",
        "IDs ({ids}) without a learning outcome; write the outcome they belong to",
    ),
    "no_outcome": (
        "{path}:{line}: rij {row}: geen leeruitkomst; de rij wordt overgeslagen",
        "{path}:{line}: row {row}: no learning outcome; the row is left out",
    ),
    "no_programme": ("geen opleiding; noem de opleiding", "no programme; name the programme"),
    "no_module": ("geen module; noem de module", "no module; name the module"),
    "ambiguous_id": (
        "dubbelzinnige ID: die noemt items van {n} kaders; schrijf een van {choices}, of noem "
        "het kader waar de notaties bij horen",
        "ambiguous ID: it names items of {n} frameworks; write one of {choices}, or name the "
        "framework the notations belong to",
    ),
    "unknown_id_like": (
        "onbekende ID; bedoelt u {suggestions}?",
        "unknown ID; did you mean {suggestions}?",
    ),
    "unknown_id": (
        "onbekende ID; zoek ID's met search of concepts",
        "unknown ID; find IDs with search or concepts",
    ),
    "no_outcomes": (
        "{path}: geen leeruitkomsten onder de kop",
        "{path}: no learning outcomes under the header",
    ),
    "open_quote": (
        "de aanhalingstekens sluiten niet ({error}); een cel tussen aanhalingstekens moet "
        "eindigen met een aanhalingsteken, en een aanhalingsteken erin wordt dubbel "
        'geschreven ("")',
        "the quotes do not close ({error}); a quoted cell must end with a quote, and a quote "
        'inside it is written twice ("")',
    ),
    "xls": (
        "het oude Excel-formaat (.xls) wordt niet gelezen; sla het op als .xlsx of als CSV UTF-8",
        "the old Excel format (.xls) is not read; save it as .xlsx or as CSV UTF-8",
    ),
    "empty_file": ("leeg bestand; een kopregel verwacht", "empty file; expected a header row"),
    "empty_sheet": ("leeg werkblad; een kopregel verwacht", "empty sheet; expected a header row"),
    "not_utf16": (
        "geen geldige UTF-16-tekst; sla het bestand op als CSV UTF-8",
        "not valid UTF-16 text; save the file as CSV UTF-8",
    ),
    "cp1252_guess": (
        " (in Windows-1252, de codering van Excels gewone 'CSV' onder Windows, is het {char})",
        " (in Windows-1252, the encoding of Excel's plain 'CSV' on Windows, it is {char})",
    ),
    "not_utf8": (
        "byte 0x{byte} is geen UTF-8-tekst{guess}; sla het bestand op als UTF-8 (Excel: "
        "Opslaan als > 'CSV UTF-8 (door komma's gescheiden)'), of geef het .xlsx-bestand zelf",
        "byte 0x{byte} is not UTF-8 text{guess}; save the file as UTF-8 (Excel: Opslaan als > "
        "'CSV UTF-8 (door komma's gescheiden)' / Save As > 'CSV UTF-8 (Comma delimited)'), or "
        "give the .xlsx file itself",
    ),
    "unreadable_xlsx": (
        "geen leesbare .xlsx-werkmap ({error})",
        "not a readable .xlsx workbook ({error})",
    ),
    "too_much_text": (
        "het werkblad bevat meer tekst dan de invoergrens; splits het",
        "the sheet holds more text than the input limit; split it",
    ),
    "formula": (
        "{sheet}!{cell}: een formule zonder opgeslagen waarde; open het bestand in Excel en "
        "sla het op (dan bewaart Excel de waarden), of plak de cellen als waarden",
        "{sheet}!{cell}: a formula without a stored value; open the file in Excel and save it "
        "(Excel then stores the values), or paste the cells as values",
    ),
    "missing_columns": (
        "de kop mist kolom(men) {missing} (ze heeft {shown}); verwacht de kolommen {names}",
        "header lacks column(s) {missing} (it has {shown}); expected the columns {names}",
    ),
    "nothing": ("niets", "nothing"),
    "col_programme": ("opleiding", "programme"),
    "col_module": ("module", "module"),
    "col_outcome": ("leeruitkomst", "learning outcome"),
    "col_ids": ("competenties", "aligned items"),
    "or": ("of", "or"),
    "no_such_programme": (
        "{path}: geen opleiding {programme}; het bestand bevat {names}",
        "{path}: no programme {programme}; it holds {names}",
    ),
    "programmes": (
        "{path}: bevat {n} opleidingen ({names}); noem er een",
        "{path}: holds {n} programmes ({names}); name one",
    ),
}


class Said(str):
    """A message as the library says it (English: raised, warned, compared as a string) that
    can be said again in the user's language: its key in :data:`SHEET` or :data:`ERRORS` and
    its fields (a field that is itself a Said is translated too, a tuple of them joined by
    commas).

    >>> m = Said("no_module")
    >>> m, m.say("nl")
    ('no module; name the module', 'geen module; noem de module')
    """

    key: str
    fields: dict[str, object]

    def __new__(cls, key: str, **fields: object) -> Said:
        self = super().__new__(cls, _said(key, "en", fields))
        self.key, self.fields = key, fields
        return self

    def say(self, lang: Language | str) -> str:
        return _said(self.key, lang, self.fields)

    def __reduce__(
        self,
    ) -> tuple[
        Any, tuple[str, dict[str, object]]
    ]:  # pickled through the parse worker: rebuilt from key and fields
        return (_rebuild, (self.key, self.fields))


class TypeWord(Said):
    """An item type as a field of a message: its name in English (``KnowledgeItem``), the
    ontology's Dutch label in Dutch (``kennisitem``), which ``--type`` takes as well.

    >>> TypeWord("KnowledgeItem").say("nl")
    'kennisitem'
    """

    def __new__(cls, name: str) -> TypeWord:
        self = str.__new__(cls, name)
        self.key, self.fields = "type-word", {"name": name}
        return self

    def say(self, lang: Language | str) -> str:
        return type_word(str(self), lang) if str(lang) == "nl" else str(self)

    def __reduce__(self) -> tuple[Any, tuple[str]]:  # type: ignore[override]
        return (TypeWord, (str(self),))


def _rebuild(key: str, fields: dict[str, object]) -> Said:
    return Said(key, **fields)


def _said(key: str, lang: Language | str, fields: Mapping[str, object]) -> str:
    shown = {
        k: ", ".join(say(x, lang) for x in v) if isinstance(v, tuple) else say(v, lang)
        for k, v in fields.items()
    }
    return _pick(SHEET[key] if key in SHEET else ERRORS[key], lang).format(**shown)


def say(text: object, lang: Language | str) -> str:
    """A message in ``lang`` if the library said it as a :class:`Said`, else as it is."""
    return text.say(lang) if isinstance(text, Said) else str(text)


def sheet_problem(problem: SheetProblem, lang: Language | str) -> str:
    """One problem of a sheet (``errors.SheetProblem``) in ``lang``: the row, column and
    value as a spreadsheet user finds them, then what is wrong and what to do."""
    where = _said("row", lang, {"row": problem.row})
    if problem.column_letter:
        where += ", " + _said("column", lang, {"letter": problem.column_letter})
        if problem.column_name:
            where += f" ({problem.column_name!r})"
    if problem.value is not None:
        where += ", " + _said("value", lang, {"value": repr(problem.value)})
    return f"{where}: {say(problem.message, lang)}"


def sheet_error_lines(error: SheetError, lang: Language | str) -> list[str]:
    """An ``errors.SheetError`` in ``lang``, one line per problem, each located as
    ``file:line:column:`` (the column when the problem has one)."""
    lines = []
    for p in error.problems:
        where = f"{error.path}:{p.line}" + (f":{p.column}" if p.column else "")
        lines.append(f"{where}: {sheet_problem(p, lang)}")
    if len(lines) == 1:
        return lines
    head = f"{error.path}: " + _said("problems", lang, {"n": len(lines)})
    return [head, *lines]


# ----------------------------------------------------------------------------- types
@cache
def _ontology_labels() -> dict[str, dict[str, str]]:
    """rdfs:labels of the ontology's own terms, by CURIE and language (read once)."""
    import pyoxigraph as ox

    from .resources import data_dir
    from .vocab import HG, RDFS

    path = data_dir("ontology") / "herstelgraph.ttl"
    out: dict[str, dict[str, str]] = {}
    try:
        quads = ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)
        label = RDFS + "label"
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
    "CHECK_DETAILS",
    "CHECK_TITLES",
    "HEADERS",
    "MESSAGES",
    "RELATIONS",
    "SITE",
    "VALUES",
    "check_detail",
    "check_title",
    "default_language",
    "header",
    "message",
    "relation_word",
    "site_word",
    "type_names",
    "type_word",
    "value_word",
]
