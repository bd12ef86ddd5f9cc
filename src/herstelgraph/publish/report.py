"""The accreditation annex: a curriculum measured against a framework, as a document an
institute can hand to a panel (HTML, XLSX, or PDF through headless Chromium).

``build_annex`` gathers everything once (coverage by ``questions.coverage``, findings by
``checks.findings``, suggestions by ``curation.suggest``'s lexical method); ``annex_html``,
``annex_xlsx`` and ``annex_pdf`` render it. Dutch by default, English on request. The bytes
depend only on the inputs: the date is ``SOURCE_DATE_EPOCH`` if set, else the date the
curriculum file was last changed (the date of the data shown), never the clock.

Contents: title page (programme, framework, version, date, herstelgraph version); summary
(coverage per competency as a bar, own alignment and through mappings apart); the matrix of
modules × competencies (which outcomes, how); per competency its activities and knowledge
with the covering outcomes and the gaps in the framework's own words; the validation
findings in plain words, each with why (the rule's own message), the source sentence it
cites and the fix; suggested items for outcomes without any (marked as suggestions);
an appendix on method.
"""

from __future__ import annotations

import datetime
import html
import os
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from .._version import __version__
from ..errors import InputError, MissingDataError, OutputError
from ..ids import compact
from ..model import CoverageStatus, Framework
from ..questions.catalogue import _natural, frameworks, scheme_node
from ..questions.coverage import OWN, ItemKind, ProfileItem, coverage_of, coverage_summary
from ..store.store import USER
from ..vocab import HG, PREFIXES
from ..words import Said, relation_word, type_word

ASSETS = Path(__file__).with_name("report_assets")
RDFS_LABEL = PREFIXES["rdfs"] + "label"


# ----------------------------------------------------------------------------- words
WORDS: dict[str, dict[str, str]] = {
    "nl": {
        "title": "Bijlage bij de accreditatie: dekking van het kader",
        "programme": "Opleiding",
        "framework": "Kader",
        "version": "Versie",
        "date": "Datum",
        "made_with": "Gemaakt met herstelgraph",
        "contents": "Inhoud",
        "summary": "Samenvatting",
        "summary_intro": "Per competentie: welk deel van de competentie, haar activiteiten en "
        "de kennis die zij omvat de leeruitkomsten dekken. Donker: eigen afstemming van de "
        "opleiding; gestreept: alleen via een mapping naar een ander kader (komt overeen of "
        "komt grotendeels overeen).",
        "summary_intro_sections": "Per onderdeel: welk deel van zijn items de leeruitkomsten "
        "dekken. Donker: eigen afstemming van de opleiding; gestreept: alleen via een mapping "
        "naar een ander kader (komt overeen of komt grotendeels overeen).",
        "summary_intro_context": "Dit kader bestaat alleen uit contextuitspraken: voorwaarden "
        "voor de omgeving, de organisatie en het onderwijs. Het vraagt geen competenties, dus "
        "er is geen dekkingspercentage van het kader. Per onderdeel: hoeveel van zijn "
        "uitspraken de leeruitkomsten dekken; wat alleen verwant is, staat per uitspraak "
        "verderop. Donker: eigen afstemming van de opleiding; gestreept: alleen via "
        "een mapping naar een ander kader (komt overeen of komt grotendeels overeen).",
        "overall": "Dekking van wat het kader vraagt",
        "shared_note": "Kennis die bij meer competenties hoort, telt in de tabel bij elk van "
        "die competenties mee, maar in het totaal hierboven één keer; daarom is de som van de "
        "rijen groter dan het totaal.",
        "level": "Niveau",
        "outcomes": "Leeruitkomsten",
        "about": "Over deze bijlage",
        "own": "eigen afstemming",
        "with_mappings": "met mappings",
        "items": "items",
        "context_note": "Contextuitspraken (de omgeving, de organisatie) tellen niet mee; "
        "de opleiding raakt er {n} van de {total}.",
        "matrix": "Matrix: modules × competenties",
        "matrix_intro": "Elke cel noemt de leeruitkomsten van de module die de competentie "
        "raken, en hoe: C = de competentie zelf, A = een activiteit, K = kennis, "
        "M = via een mapping.",
        "module": "Module",
        "outcome": "Leeruitkomst",
        "per_competency": "Per competentie",
        "activities": "Activiteiten",
        "knowledge": "Kennis",
        "covered_by": "Gedekt door",
        "status": "Status",
        "gaps": "Hiaten",
        "gaps_none": "Geen hiaten.",
        "gap_intro": "Wat de leeruitkomsten niet dekken, in de woorden van het kader:",
        "findings": "Bevindingen van de validatie",
        "findings_none": "Geen bevindingen: de opleiding voldoet aan de regels van dit kader.",
        "findings_count": "{violations} {violation_word} en {warnings} {warning_word}: de "
        "bevindingen die herstelgraph validate over deze opleiding geeft, elk met wat er ontbreekt "
        "en wat te doen.",
        "violation_1": "overtreding",
        "violation_n": "overtredingen",
        "warning_1": "waarschuwing",
        "warning_n": "waarschuwingen",
        "fix": "Oplossing",
        "why": "Waarom",
        "source": "Bron",
        "severity": "Ernst",
        "finding": "Bevinding",
        "item": "Item",
        "suggestions": "Suggesties voor leeruitkomsten zonder items",
        "suggestions_intro": "Voorstellen van herstelgraph (lexicale vergelijking van de "
        "teksten), geen beoordeling: een docent beslist of een item past.",
        "suggestions_none": "Elke leeruitkomst is op ten minste één item afgestemd.",
        "suggestion": "suggestie",
        "method": "Bijlage: werkwijze",
        "id": "ID",
        "label": "Tekst in het kader",
        "via": "via",
        "review": "beoordeling",
        "no_outcomes": "geen",
        "of": "van",
        "ambiguous_none": "—",
    },
    "en": {
        "title": "Accreditation annex: coverage of the framework",
        "programme": "Programme",
        "framework": "Framework",
        "version": "Version",
        "date": "Date",
        "made_with": "Made with herstelgraph",
        "contents": "Contents",
        "summary": "Summary",
        "summary_intro": "Per competency: how much of the competency, its activities and the "
        "knowledge it includes the learning outcomes cover. Solid: the programme's own "
        "alignment; striped: only through a mapping to another framework (matches or "
        "largely matches).",
        "summary_intro_sections": "Per section: how much of its items the learning outcomes "
        "cover. Solid: the programme's own alignment; striped: only through a mapping to "
        "another framework (matches or largely matches).",
        "summary_intro_context": "This framework holds context statements only: conditions "
        "for the setting, the organisation and education. It requires no competencies, so "
        "there is no coverage share of the framework. Per section: how many of its "
        "statements the learning outcomes cover; what is only related is listed per "
        "statement below. Solid: the programme's own alignment; striped: only through "
        "a mapping to another framework (matches or largely matches).",
        "overall": "Coverage of what the framework requires",
        "shared_note": "Knowledge that belongs to several competencies counts in the table "
        "under each of them, but once in the total above; so the rows add up to more than "
        "the total.",
        "level": "Level",
        "outcomes": "Learning outcomes",
        "about": "About this annex",
        "own": "own alignment",
        "with_mappings": "with mappings",
        "items": "items",
        "context_note": "Context statements (the setting, the organisation) are not counted; "
        "the programme touches {n} of {total}.",
        "matrix": "Matrix: modules × competencies",
        "matrix_intro": "Each cell names the module's learning outcomes that touch the "
        "competency, and how: C = the competency itself, A = an activity, K = knowledge, "
        "M = through a mapping.",
        "module": "Module",
        "outcome": "Learning outcome",
        "per_competency": "Per competency",
        "activities": "Activities",
        "knowledge": "Knowledge",
        "covered_by": "Covered by",
        "status": "Status",
        "gaps": "Gaps",
        "gaps_none": "No gaps.",
        "gap_intro": "What the learning outcomes do not cover, in the framework's own words:",
        "findings": "Validation findings",
        "findings_none": "No findings: the programme meets this framework's rules.",
        "findings_count": "{violations} {violation_word} and {warnings} {warning_word}: the "
        "findings herstelgraph validate gives on this programme, each with what is missing and "
        "what to do.",
        "violation_1": "violation",
        "violation_n": "violations",
        "warning_1": "warning",
        "warning_n": "warnings",
        "fix": "Fix",
        "why": "Why",
        "source": "Source",
        "severity": "Severity",
        "finding": "Finding",
        "item": "Item",
        "suggestions": "Suggestions for outcomes without items",
        "suggestions_intro": "Proposals by herstelgraph (lexical comparison of the texts), not "
        "a judgement: a teacher decides whether an item fits.",
        "suggestions_none": "Every learning outcome is aligned to at least one item.",
        "suggestion": "suggestion",
        "method": "Appendix: method",
        "id": "ID",
        "label": "Text in the framework",
        "via": "via",
        "review": "review",
        "no_outcomes": "none",
        "of": "of",
        "ambiguous_none": "—",
    },
}

STATUS_WORDS = {
    "nl": {
        "direct": "direct",
        "part-of": "deel van een gedekte competentie",
        "all-parts": "alle onderdelen gedekt",
        "mapped": "via mapping",
        "partial": "gedeeltelijk",
        "related": "alleen verwant via mapping",
        "missing": "ontbreekt",
    },
    "en": {
        "direct": "direct",
        "part-of": "part of a covered competency",
        "all-parts": "all parts covered",
        "mapped": "through a mapping",
        "partial": "partial",
        "related": "only related through a mapping",
        "missing": "missing",
    },
}
REVIEW_WORDS = {
    "nl": {"unreviewed": "niet beoordeeld", "confirmed": "bevestigd", "disputed": "betwist"},
    "en": {"unreviewed": "not reviewed", "confirmed": "confirmed", "disputed": "disputed"},
}


# ----------------------------------------------------------------------------- data
@dataclass(frozen=True)
class Outcome:
    """A learning outcome of the curriculum, numbered as the annex refers to it (2.3)."""

    ref: str
    module: str
    label: str
    aligned: tuple[str, ...]  # IRIs


@dataclass
class Unit:
    """A competency (or, for a framework without competencies, a top section) with its
    requirement items and how they are covered."""

    item: ProfileItem | None
    iri: str
    notation: str | None
    label: str
    parts: list[ProfileItem] = field(default_factory=list)
    knowledge: list[ProfileItem] = field(default_factory=list)

    def members(self) -> list[ProfileItem]:
        own = [self.item] if self.item is not None else []
        return own + self.parts + self.knowledge

    def shares(self) -> tuple[float, float, int, int, int]:
        """(own share, share through mappings on top, own count, mapped count, items)."""
        members = self.members()
        n = len(members)
        own = sum(m.status in OWN for m in members)
        mapped = sum(m.status == CoverageStatus.MAPPED for m in members)
        return (own / n if n else 0.0, mapped / n if n else 0.0, own, mapped, n)


@dataclass
class Annex:
    lang: str
    programme: str
    curriculum: str
    framework: Framework
    date: str
    version: str
    modules: list[tuple[str, list[Outcome]]]
    units: list[Unit]
    items: list[ProfileItem]
    summary: list
    findings: list
    suggestions: dict[str, list]  # outcome ref -> candidates
    texts: dict[str, str]  # item IRI -> the framework's own text
    unit_word: str = "Competency"


def annex_date(path: Path | None) -> str:
    """SOURCE_DATE_EPOCH (reproducible builds) if set, else the date the curriculum file was
    last changed: the date of the data the annex shows, never the clock."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "")
    if epoch.isdigit():
        seconds = int(epoch)
    elif path is not None and path.exists():
        seconds = int(path.stat().st_mtime)
    else:
        seconds = 0
    return datetime.datetime.fromtimestamp(seconds, tz=datetime.timezone.utc).date().isoformat()


def _labels(data, node) -> str:
    for q in data.quads_for_pattern(node, ox.NamedNode(RDFS_LABEL), None):
        if isinstance(q.object, ox.Literal):
            return q.object.value
    return compact(node.value)


def _objects(data, s, p: str) -> list:
    return [q.object for q in data.quads_for_pattern(s, ox.NamedNode(HG + p), None)]


def build_annex(
    store,
    path: Path,
    framework: str,
    *,
    lang: str = "nl",
    programme: str | None = None,
    suggestions: bool = True,
) -> Annex:
    """Read a curriculum (sheet or RDF), measure it against ``framework`` and gather what the
    annex shows. The curriculum is added to ``store``'s user graph."""
    from ..checks.findings import curricula, curriculum_findings
    from ..checks.validate import read_profiles, validate_profiles

    if lang not in WORDS:
        raise InputError(f"unknown language {lang!r}; use nl or en")
    path = Path(path)
    scheme = scheme_node(store, framework)
    data = read_profiles(store, [path], conforms_to=framework)
    found = curricula(data)
    if not found:
        raise MissingDataError("curriculum", f"{path}: holds no curriculum")
    if programme:
        chosen = [
            c
            for c in found
            if programme.lower() in (_labels(data, c).lower(), compact(c.value).lower())
        ]
        if not chosen:
            names = ", ".join(repr(_labels(data, c)) for c in found)
            raise InputError(
                Said("no_such_programme", path=path, programme=repr(programme), names=names)
            )
        cur = chosen[0]
    elif len(found) > 1:
        names = ", ".join(repr(_labels(data, c)) for c in found)
        raise InputError(Said("programmes", path=path, n=len(found), names=names))
    else:
        cur = found[0]
    store.extend(ox.Quad(q.subject, q.predicate, q.object, USER) for q in data)
    fw = next(f for f in frameworks(store) if f.iri == scheme.value)
    items = coverage_of(store, cur.value, framework)
    report = validate_profiles(store, data, lang)
    findings = [
        f
        for f in curriculum_findings(store, report, data, lang)
        if f.curriculum == compact(cur.value)
    ]
    # modules and outcomes, numbered in the curriculum's order (module labels, then IRIs)
    modules = []
    mods = sorted(_objects(data, cur, "module"), key=lambda m: m.value)
    for i, mod in enumerate(mods, 1):
        outs = sorted(_objects(data, mod, "learningOutcome"), key=lambda o: o.value)
        outcomes = [
            Outcome(
                f"{i}.{j}",
                _labels(data, mod),
                _labels(data, lo),
                tuple(sorted(a.value for a in _objects(data, lo, "alignedTo"))),
            )
            for j, lo in enumerate(outs, 1)
        ]
        modules.append((_labels(data, mod), outcomes))
    units, unit_word = _units(store, scheme, items)
    texts = _texts(store, {p.item for p in items})
    sugg: dict[str, list] = {}
    if suggestions:
        sugg = _suggest(store, [o for _, outs in modules for o in outs], framework)
    return Annex(
        lang=lang,
        programme=_labels(data, cur),
        curriculum=compact(cur.value),
        framework=fw,
        date=annex_date(path),
        version=__version__,
        modules=modules,
        units=units,
        items=items,
        summary=coverage_summary(items),
        findings=findings,
        suggestions=sugg,
        texts=texts,
        unit_word=unit_word,
    )


def _units(store, scheme, items: list[ProfileItem]) -> tuple[list[Unit], str]:
    """Competencies with their activities (parts) and the knowledge they include; or, for a
    framework without competencies, its top sections with their requirement items; or, for
    one without requirements (the Randvoorwaarden), its sections with their context
    statements ("Context"), so that the annex shows what it can instead of empty tables."""
    from ..ids import expand

    req = [p for p in items if p.kind == ItemKind.REQUIREMENT]
    word = "Section"
    if not req:
        req, word = [p for p in items if p.kind == ItemKind.CONTEXT], "Context"
    by_id = {p.item: p for p in req}
    comps = [p for p in req if p.type == "Competency"]
    if comps:
        knows: dict[str, list[str]] = defaultdict(list)
        for r in store.select(
            "SELECT ?c ?k WHERE { ?c a hg:Competency ; skos:inScheme ?scheme ; "
            "hg:requiresKnowledge ?k }",
            {"scheme": scheme},
        ):
            knows[compact(r["c"].value)].append(compact(r["k"].value))
        units = []
        for c in comps:
            unit = Unit(c, expand(c.item) or c.item, c.notation, c.label)
            unit.parts = [p for p in req if p.parent == c.item]
            unit.knowledge = sorted(
                (by_id[k] for k in set(knows.get(c.item, ())) if k in by_id),
                key=lambda p: (_natural(p.notation), p.item),
            )
            units.append(unit)
        return units, "Competency"
    groups: dict[tuple, list[ProfileItem]] = defaultdict(list)
    for p in req:
        groups[(p.section or "", p.section_label or "")].append(p)
    units = [
        Unit(None, sec, None, label or sec, parts=members)
        for (sec, label), members in sorted(groups.items(), key=lambda kv: _natural(kv[0][0]))
    ]
    return units, word


def _texts(store, ids: set[str]) -> dict[str, str]:
    """The framework's own text of each item: hg:sourceText where longer, else the label."""
    from ..ids import expand

    iris = {expand(i) or i for i in ids}
    if not iris:
        return {}
    values = " ".join(str(ox.NamedNode(i)) for i in sorted(iris))
    rows = store.select(
        "SELECT ?c ?t WHERE { VALUES ?c { " + values + " } ?c hg:sourceText ?t "
        "FILTER(LANG(?t) = 'nl') }"
    )
    return {compact(r["c"].value): r["t"].value for r in rows}


def _suggest(store, outcomes: list[Outcome], framework: str) -> dict[str, list]:
    """Lexical suggestions (never the embedding model: the annex must not depend on an
    optional download) for the outcomes that are aligned to nothing."""
    from ..curation.suggest import Item
    from ..curation.suggest.engine import suggest_outcomes

    bare = [o for o in outcomes if not o.aligned]
    if not bare:
        return {}
    sources = [Item(id=o.ref, label=o.label) for o in bare]
    found = suggest_outcomes(store, sources, [framework], k=3, method="lexical")
    out: dict[str, list] = defaultdict(list)
    for c in found:
        out[c.source_id].append(c)
    return dict(out)


# ----------------------------------------------------------------------------- matrix
def matrix(annex: Annex) -> list[tuple[str, list[list[tuple[str, str]]]]]:
    """Per module, per unit: the (outcome ref, how) pairs that touch the unit. How: C the
    competency itself, A<n> an activity, K<n> knowledge, M a mapping."""
    from ..ids import expand

    touch: dict[str, list[tuple[int, str]]] = defaultdict(list)  # IRI -> (unit index, how)
    for u, unit in enumerate(annex.units):
        if unit.item is not None:
            touch[unit.iri].append((u, "C"))
        for p in unit.parts:
            touch[expand(p.item) or p.item].append((u, p.notation or "A"))
        for k in unit.knowledge:
            touch[expand(k.item) or k.item].append((u, k.notation or "K"))
    # through mappings: an outcome aligned to the item a mapped member goes through
    mapped: dict[str, list[tuple[int, str]]] = defaultdict(list)
    for u, unit in enumerate(annex.units):
        for m in unit.members():
            if m.status == CoverageStatus.MAPPED and m.via:
                mapped[expand(m.via) or m.via].append((u, "M"))
    rows = []
    for name, outcomes in annex.modules:
        cells: list[list[tuple[str, str]]] = [[] for _ in annex.units]
        for o in outcomes:
            hows: dict[int, list[str]] = defaultdict(list)
            for iri in o.aligned:
                for u, how in [*touch.get(iri, ()), *mapped.get(iri, ())]:
                    if how not in hows[u]:
                        hows[u].append(how)
            for u, hs in hows.items():
                cells[u].append((o.ref, ", ".join(_short_how(h) for h in hs)))
        rows.append((name, cells))
    return rows


def _short_how(how: str) -> str:
    """'C', 'M', or the notation of an activity/knowledge item (C7.A2 -> A2, K12)."""
    return how.rsplit(".", 1)[-1] if "." in how else how


# ----------------------------------------------------------------------------- HTML
def _e(text) -> str:
    return html.escape(str(text), quote=True)


def _pct(x: float) -> str:
    """A share as a whole percentage, rounded half up as a spreadsheet shows it (12.5% is
    13% in the page as in the workbook; Python's round would say 12)."""
    from decimal import ROUND_HALF_UP, Decimal

    return f"{Decimal(str(x * 100)).quantize(Decimal(1), rounding=ROUND_HALF_UP)}%"


def _method_lines(lang: str) -> list[str]:
    """The method appendix as lines of plain text (headings, paragraphs, table rows), for
    the workbook: the same text as the page's."""
    from html.parser import HTMLParser

    lines: list[str] = []

    class Blocks(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.cells: list[str] = []
            self.text = ""

        def handle_starttag(self, tag: str, attrs: list) -> None:
            if tag in ("th", "td"):
                self.text = ""

        def handle_endtag(self, tag: str) -> None:
            if tag in ("p", "h3"):
                lines.append(" ".join(self.text.split()))
                self.text = ""
            elif tag in ("th", "td"):
                self.cells.append(" ".join(self.text.split()))
                self.text = ""
            elif tag == "tr":
                lines.append(" – ".join(self.cells))
                self.cells = []
            elif tag == "caption":
                self.text = ""

        def handle_data(self, data: str) -> None:
            self.text += data

    Blocks().feed((ASSETS / f"method.{lang}.html").read_text(encoding="utf-8"))
    return [line for line in lines if line]


_MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}  # fmt: skip


def _day(annex: Annex) -> str:
    """The annex's date as a reader writes it ("1 januari 2026"); the page keeps the ISO
    date in its ``<time datetime>``."""
    try:
        day = datetime.date.fromisoformat(annex.date)
    except ValueError:
        return annex.date
    return f"{day.day} {_MONTHS[annex.lang][day.month - 1]} {day.year}"


def _findings_count(annex: Annex) -> str:
    """How many violations and warnings the findings hold, in words."""
    w = WORDS[annex.lang]
    v = sum(f.severity == "Violation" for f in annex.findings)
    n = sum(f.severity == "Warning" for f in annex.findings)
    return w["findings_count"].format(
        violations=v, violation_word=w["violation_1" if v == 1 else "violation_n"],
        warnings=n, warning_word=w["warning_1" if n == 1 else "warning_n"],
    )  # fmt: skip


def _level(fw: Framework) -> str:
    """The framework's qualification level where it has one: EQF and the Flemish VKS."""
    eqf = fw.eqf.rsplit("/", 1)[-1] if fw.eqf else None
    return ", ".join(x for x in (eqf and f"EQF {eqf}", fw.vks and f"VKS {fw.vks}") if x)


def _summary_text(annex: Annex) -> tuple[str | None, list[str]]:
    """The summary's words, for the page and the workbook alike: the coverage of what the
    framework requires (None where it requires nothing) and the notes under it (context
    statements, how to read the table, and why its rows add up to more than the total when
    knowledge that several competencies include is listed under each)."""
    w = WORDS[annex.lang]
    req = next(
        (s for s in annex.summary if s.section is None and s.kind == ItemKind.REQUIREMENT), None
    )
    ctx = next((s for s in annex.summary if s.kind == ItemKind.CONTEXT), None)
    total = None
    if req is not None:
        own = req.direct + req.part_of + req.all_parts
        total = (
            f"{_pct(req.share)} {w['own']} ({own} {w['of']} {req.items} {w['items']}); "
            f"{_pct(req.share_with_mappings)} {w['with_mappings']}"
        )
    notes = []
    if ctx is not None:
        notes.append(w["context_note"].format(n=ctx.items - ctx.missing, total=ctx.items))
    notes.append(w[_intro_key(annex)])
    if req is not None and sum(u.shares()[4] for u in annex.units) > req.items:
        notes.append(w["shared_note"])
    return total, notes


def _unit_name(annex: Annex) -> str:
    """The summary's first column: a competency, or a section of the framework."""
    if annex.unit_word == "Competency":
        return "Competentie" if annex.lang == "nl" else "Competency"
    return "Onderdeel" if annex.lang == "nl" else "Section"


def _intro_key(annex: Annex) -> str:
    return {"Competency": "summary_intro", "Context": "summary_intro_context"}.get(
        annex.unit_word, "summary_intro_sections"
    )


def annex_html(annex: Annex) -> str:
    """The annex as one self-contained HTML file (inline CSS, no script, nothing fetched)."""
    w = WORDS[annex.lang]
    css = (ASSETS / "annex.css").read_text(encoding="utf-8")
    template = (ASSETS / "annex.html").read_text(encoding="utf-8")
    fw = annex.framework
    unit_name = _unit_name(annex)
    per_unit = (
        w["per_competency"]
        if annex.unit_word == "Competency"
        else ("Per onderdeel" if annex.lang == "nl" else "Per section")
    )
    matrix_title = (
        w["matrix"]
        if annex.unit_word == "Competency"
        else (
            "Matrix: modules × onderdelen" if annex.lang == "nl" else "Matrix: modules × sections"
        )
    )
    parts = []
    # title page
    ident = f" ({_e(fw.identifier)})" if fw.identifier else ""
    level = f"\n<dt>{_e(w['level'])}</dt><dd>{_e(_level(fw))}</dd>" if _level(fw) else ""
    parts.append(
        f"""<header class="title-page">
<p class="kicker">{_e(w["title"])}</p>
<h1>{_e(annex.programme)}</h1>
<dl class="meta">
<dt>{_e(w["framework"])}</dt><dd>{_e(fw.title)}{ident}</dd>
<dt>{_e(w["version"])}</dt><dd>{_e(fw.version or "—")}</dd>{level}
<dt>{_e(w["date"])}</dt><dd><time datetime="{_e(annex.date)}">{_e(_day(annex))}</time></dd>
<dt>{_e(w["made_with"])}</dt><dd>herstelgraph {_e(annex.version)}</dd>
</dl>
<nav aria-label="{_e(w["contents"])}"><h2 class="toc-title">{_e(w["contents"])}</h2><ol>
<li><a href="#summary">{_e(w["summary"])}</a></li>
<li><a href="#matrix">{_e(matrix_title)}</a></li>
<li><a href="#units">{_e(per_unit)}</a></li>
<li><a href="#findings">{_e(w["findings"])}</a></li>
<li><a href="#suggestions">{_e(w["suggestions"])}</a></li>
<li><a href="#method">{_e(w["method"])}</a></li>
</ol></nav>
</header>"""
    )
    # summary
    rows = []
    for unit in annex.units:
        own, mapped, n_own, n_mapped, n = unit.shares()
        name = f"{unit.notation} " if unit.notation else ""
        anchor = _e(_anchor(unit))
        aria = _e(f"{w['own']} {_pct(own)}, {w['with_mappings']} {_pct(own + mapped)}")
        rows.append(
            f"""<tr><th scope="row"><a href="#u-{anchor}">{_e(name)}</a>{_e(unit.label)}</th>
<td class="num">{n_own} / {n}</td><td class="num">{n_mapped}</td>
<td class="barcell"><div class="bar" role="img" aria-label="{aria}">\
<span class="own" style="width:{own * 100:.1f}%"></span>\
<span class="mapped" style="width:{mapped * 100:.1f}%"></span></div>\
<span class="pct">{_pct(own)}{f" (+{_pct(mapped)})" if n_mapped else ""}</span></td></tr>"""
        )
    total, notes = _summary_text(annex)
    overall = (
        f'<p class="overall"><strong>{_e(w["overall"])}:</strong> {_e(total)}.</p>'
        if total is not None
        else ""
    ) + "".join(f"<p>{_e(note)}</p>" for note in notes)
    parts.append(
        f"""<section id="summary" class="page"><h2>{_e(w["summary"])}</h2>
{overall}
<div class="scroll" tabindex="0" role="region" aria-label="{_e(w["summary"])}">
<table class="summary"><caption>{_e(w["summary"])}</caption>
<thead><tr><th scope="col">{_e(unit_name)}</th><th scope="col">{_e(w["own"])}</th>
<th scope="col">{_e(w["with_mappings"])}</th><th scope="col">%</th></tr></thead>
<tbody>{"".join(rows)}</tbody></table></div></section>"""
    )
    # matrix
    head = "".join(
        f'<th scope="col" title="{_e(u.label)}">{_e(u.notation or u.label)}</th>'
        for u in annex.units
    )
    body = []
    for name, cells in matrix(annex):
        tds = "".join(
            f'<td class="{"hit" if cell else "empty"}">'
            + ("<br>".join(f"{_e(ref)} <small>({_e(how)})</small>" for ref, how in cell) or "–")
            + "</td>"
            for cell in cells
        )
        body.append(f'<tr><th scope="row">{_e(name)}</th>{tds}</tr>')
    outcome_rows = "".join(
        f'<tr><th scope="row">{_e(o.ref)}</th><td>{_e(o.module)}</td><td>{_e(o.label)}</td>'
        f"<td>{_e(', '.join(compact(a) for a in o.aligned) or w['no_outcomes'])}</td></tr>"
        for _, outs in annex.modules
        for o in outs
    )
    parts.append(
        f"""<section id="matrix" class="page"><h2>{_e(matrix_title)}</h2>
<p>{_e(w["matrix_intro"])}</p>
<div class="scroll" tabindex="0" role="region" aria-label="{_e(matrix_title)}">
<table class="matrix"><caption>{_e(matrix_title)}</caption>
<thead><tr><th scope="col">{_e(w["module"])}</th>{head}</tr></thead>
<tbody>{"".join(body)}</tbody></table></div>
<h3>{_e(w["outcomes"])}</h3>
<div class="scroll" tabindex="0" role="region" aria-label="{_e(w["outcomes"])}">
<table class="outcomes"><caption>{_e(w["outcomes"])}</caption><thead><tr><th scope="col">#</th>
<th scope="col">{_e(w["module"])}</th><th scope="col">{_e(w["outcome"])}</th>
<th scope="col">{_e(w["id"])}</th></tr></thead><tbody>{outcome_rows}</tbody></table></div>
</section>"""
    )
    # per unit
    by_iri = _covering(annex)
    blocks = []
    for unit in annex.units:
        name = f"{unit.notation} " if unit.notation else ""
        section = [
            f'<section class="unit" id="u-{_e(_anchor(unit))}"><h3>{_e(name)}{_e(unit.label)}</h3>'
        ]
        if unit.item is not None:
            section.append(f"<p>{_e(w['status'])}: {_status(unit.item, annex.lang)}</p>")
        for title, members in (
            (w["activities"] if annex.unit_word == "Competency" else w["items"], unit.parts),
            (w["knowledge"], unit.knowledge),
        ):
            if not members:
                continue
            trs = "".join(
                f'<tr class="{_e(m.status)}"><th scope="row">{_e(m.notation or m.item)}</th>'
                f"<td>{_e(m.label)}</td>"
                f"<td>{_e(', '.join(by_iri.get(m.item, ())) or w['no_outcomes'])}</td>"
                f"<td>{_status(m, annex.lang)}</td></tr>"
                for m in members
            )
            section.append(
                f"""<div class="scroll" tabindex="0" role="region" aria-label="{_e(title + name)}">
<table class="items"><caption>{_e(title)}</caption><thead><tr><th scope="col">{_e(w["id"])}</th>
<th scope="col">{_e(w["label"])}</th><th scope="col">{_e(w["covered_by"])}</th>
<th scope="col">{_e(w["status"])}</th></tr></thead><tbody>{trs}</tbody></table></div>"""
            )
        gaps = [
            m for m in unit.members() if m.status not in OWN and m.status != CoverageStatus.MAPPED
        ]
        if gaps:
            lis = "".join(
                f'<li><span class="gap-id">{_e(m.notation or m.item)}</span> '
                f'<q lang="nl">{_e(annex.texts.get(m.item) or m.label)}</q> '
                f'<span class="gap-status">({_e(STATUS_WORDS[annex.lang][m.status])})</span></li>'
                for m in gaps
            )
            section.append(
                f'<h4>{_e(w["gaps"])}</h4><p>{_e(w["gap_intro"])}</p><ul class="gaps">{lis}</ul>'
            )
        else:
            section.append(f"<h4>{_e(w['gaps'])}</h4><p>{_e(w['gaps_none'])}</p>")
        section.append("</section>")
        blocks.append("\n".join(section))
    parts.append(
        f'<section id="units" class="page"><h2>{_e(per_unit)}</h2>{"".join(blocks)}</section>'
    )
    # findings
    if annex.findings:
        from ..checks.findings import SEVERITY_WORDS

        lis = "".join(
            f'<li class="finding {_e(f.severity.lower())}">'
            f"<p><strong>{_e(SEVERITY_WORDS[annex.lang].get(f.severity, f.severity))}:</strong> "
            f"{_e(f.text)}</p>" + _finding_details(f, w) + "</li>"
            for f in annex.findings
        )
        findings = f"<p>{_e(_findings_count(annex))}</p>" + f'<ul class="findings">{lis}</ul>'
    else:
        findings = f"<p>{_e(w['findings_none'])}</p>"
    parts.append(
        f'<section id="findings" class="page"><h2>{_e(w["findings"])}</h2>{findings}</section>'
    )
    # suggestions
    outcomes = {o.ref: o for _, outs in annex.modules for o in outs}
    if annex.suggestions:
        trs = "".join(
            f'<tr><th scope="row">{_e(ref)}</th><td>{_e(outcomes[ref].label)}</td><td><ul>'
            + "".join(
                f'<li><span class="badge">{_e(w["suggestion"])}</span> {_e(c.target_id)} '
                f'<q lang="nl">{_e(c.target_label)}</q></li>'
                for c in cands
            )
            + "</ul></td></tr>"
            for ref, cands in sorted(annex.suggestions.items(), key=lambda kv: _natural(kv[0]))
        )
        sugg = (
            f'<p>{_e(w["suggestions_intro"])}</p><div class="scroll" tabindex="0" role="region" '
            f'aria-label="{_e(w["suggestions"])}"><table class="suggestions">'
            f"<caption>{_e(w['suggestions'])}</caption>"
            f'<thead><tr><th scope="col">#</th><th scope="col">{_e(w["outcome"])}</th>'
            f'<th scope="col">{_e(w["suggestion"])}</th></tr></thead>'
            f"<tbody>{trs}</tbody></table></div>"
        )
    else:
        sugg = f"<p>{_e(w['suggestions_none'])}</p>"
    parts.append(
        f'<section id="suggestions" class="page"><h2>{_e(w["suggestions"])}</h2>{sugg}</section>'
    )
    method = (ASSETS / f"method.{annex.lang}.html").read_text(encoding="utf-8")
    parts.append(f'<section id="method" class="page"><h2>{_e(w["method"])}</h2>{method}</section>')
    return (
        template.replace("{lang}", annex.lang)
        .replace("{title}", _e(f"{w['title']}: {annex.programme}"))
        .replace("{css}", css)
        .replace("{body}", "\n".join(parts))
    )


def _finding_details(f, w: dict[str, str]) -> str:
    """Why (the rule's own message), the source sentence (a verbatim Dutch quote, marked so
    on an English page too) and the fix, as a description list; empty when there are none."""
    rows = []
    if f.reason:
        rows.append(f'<dt>{_e(w["why"])}</dt><dd class="why">{_e(f.reason)}</dd>')
    if f.source_text:
        rows.append(
            f'<dt>{_e(w["source"])}</dt><dd class="source"><q lang="nl">'
            f"{_e(f.source_text)}</q></dd>"
        )
    if f.fix:
        rows.append(f'<dt>{_e(w["fix"])}</dt><dd class="fix">{_e(f.fix)}</dd>')
    return f'<dl class="finding-detail">{"".join(rows)}</dl>' if rows else ""


def _anchor(unit: Unit) -> str:
    return (unit.notation or compact(unit.iri)).replace(":", "-").replace(".", "-")


def _status(m: ProfileItem, lang: str) -> str:
    words = STATUS_WORDS[lang][m.status]
    extra = ""
    if m.status == CoverageStatus.PARTIAL and m.parts:
        extra = f" ({m.parts_covered} {WORDS[lang]['of']} {m.parts})"
    if m.via and m.status in (CoverageStatus.MAPPED, CoverageStatus.RELATED):
        # read as the tables' "relatie (via)" column: VIA <relation> this item
        rel = relation_word(m.via_relation, lang) if m.via_relation else ""
        review = REVIEW_WORDS[lang].get(m.review_status or "", m.review_status or "")
        extra = f" ({WORDS[lang]['via']} {m.via} ({rel}); {WORDS[lang]['review']}: {review})"
    return f'<span class="status {_e(m.status)}">{_e(words)}</span>{_e(extra)}'


def _covering(annex: Annex) -> dict[str, list[str]]:
    """Item ID -> the outcome refs that cover it: aligned to it, to the item it is part of,
    or to the item a mapping goes through."""
    aligned: dict[str, list[str]] = defaultdict(list)
    for _, outs in annex.modules:
        for o in outs:
            for a in o.aligned:
                aligned[compact(a)].append(o.ref)
    out: dict[str, list[str]] = {}
    for m in annex.items:
        refs = list(aligned.get(m.item, ()))
        if m.status in (CoverageStatus.PART_OF, CoverageStatus.MAPPED) and m.via:
            refs += [r for r in aligned.get(m.via, ()) if r not in refs]
        if m.status == CoverageStatus.PART_OF and m.parent:
            refs += [r for r in aligned.get(m.parent, ()) if r not in refs]
        out[m.item] = sorted(set(refs), key=_natural)
    return out


# ----------------------------------------------------------------------------- XLSX
def annex_xlsx(annex: Annex) -> bytes:
    """The matrix (frozen headers, coloured where outcomes touch a competency), the items
    with their status (coloured by status), the summary and the findings (why, source, fix),
    as one workbook; every text
    cell neutralised (no formulas); byte-identical across runs."""
    import io
    import zipfile

    from openpyxl import Workbook
    from openpyxl.formatting.rule import CellIsRule, FormulaRule
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.writer.excel import ExcelWriter

    from ..io.tables import _fixed_zip, build_time, escape_controls, neutralise

    def text(value) -> str:
        return neutralise(escape_controls(str(value)))

    w = WORDS[annex.lang]
    wb = Workbook()
    wb.remove(wb.worksheets[0])  # the empty sheet a new workbook starts with
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    green = PatternFill(start_color="C6EFCE", end_color="C6EFCE", fill_type="solid")
    yellow = PatternFill(start_color="FFEB9C", end_color="FFEB9C", fill_type="solid")
    red = PatternFill(start_color="FFC7CE", end_color="FFC7CE", fill_type="solid")

    def put(ws, row, col, value, *, head=False):
        cell = ws.cell(row=row, column=col)
        if isinstance(value, int | float) and not isinstance(value, bool):
            cell.value = value
        elif value is not None:
            cell.value = text(value)
            cell.data_type = "s"  # never a formula
        cell.alignment = wrap
        if head:
            cell.font = bold
        return cell

    # about this annex: the title page, the totals and the method, so the workbook stands alone
    ws = wb.create_sheet(w["about"][:31])
    fw = annex.framework
    total, notes = _summary_text(annex)
    about: list[tuple[str, str]] = [
        (w["title"], ""),
        (w["programme"], annex.programme),
        (w["framework"], f"{fw.title} ({fw.identifier})" if fw.identifier else fw.title),
        (w["version"], fw.version or "—"),
        *([(w["level"], _level(fw))] if _level(fw) else []),
        (w["date"], _day(annex)),
        (w["made_with"], f"herstelgraph {annex.version}"),
        ("", ""),
    ]
    if total is not None:
        about.append((w["overall"], total))
    about += [("", note) for note in notes]
    about.append((w["findings"], _findings_count(annex) if annex.findings else w["findings_none"]))
    about += [("", ""), (w["method"], "")] + [("", line) for line in _method_lines(annex.lang)]
    for r, (name, value) in enumerate(about, 1):
        put(ws, r, 1, name, head=True)
        put(ws, r, 2, value)
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 100
    # the matrix
    ws = wb.create_sheet("Matrix")
    put(ws, 1, 1, w["module"], head=True)
    for c, unit in enumerate(annex.units, 2):
        put(ws, 1, c, f"{unit.notation or ''} {unit.label}".strip(), head=True)
        ws.column_dimensions[get_column_letter(c)].width = 18
    ws.column_dimensions["A"].width = 34
    grid = matrix(annex)
    for r, (name, cells) in enumerate(grid, 2):
        put(ws, r, 1, name, head=True)
        for c, cell in enumerate(cells, 2):
            put(ws, r, c, "\n".join(f"{ref} ({how})" for ref, how in cell) if cell else "")
    if annex.units and grid:  # an empty range ("B2:A2") is no range: a framework may have no units
        last = f"{get_column_letter(len(annex.units) + 1)}{len(grid) + 1}"
        # touched cells green; an empty cell stays plain, as the page's grey dash
        ws.conditional_formatting.add(f"B2:{last}", FormulaRule(formula=["LEN(B2)>0"], fill=green))
    ws.freeze_panes = "B2"
    # the outcomes the matrix and the items refer to by number (1.3)
    ws = wb.create_sheet(w["outcomes"][:31])
    for c, h in enumerate(("#", w["module"], w["outcome"], w["id"]), 1):
        put(ws, 1, c, h, head=True)
    r = 1
    for _, outs in annex.modules:
        for o in outs:
            r += 1
            aligned = ", ".join(compact(a) for a in o.aligned) or w["no_outcomes"]
            for c, v in enumerate((o.ref, o.module, o.label, aligned), 1):
                put(ws, r, c, v)
    for c, width in enumerate((8, 34, 70, 50), 1):
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.freeze_panes = "A2"
    # the items
    ws = wb.create_sheet("Items")
    header = [w["id"], "#", w["label"], "type", w["status"], w["via"], w["review"], w["covered_by"]]
    for c, h in enumerate(header, 1):
        put(ws, 1, c, h, head=True)
    covering = _covering(annex)
    listed = ItemKind.CONTEXT if annex.unit_word == "Context" else ItemKind.REQUIREMENT
    rows = [m for m in annex.items if m.kind == listed]
    for r, m in enumerate(rows, 2):
        values = [
            m.item, m.notation or "", m.label, type_word(m.type, annex.lang) if m.type else "",
            STATUS_WORDS[annex.lang][m.status],
            f"{m.via} ({relation_word(m.via_relation or '', annex.lang)})" if m.via else "",
            REVIEW_WORDS[annex.lang].get(m.review_status or "", m.review_status or ""),
            ", ".join(covering.get(m.item, ())),
        ]  # fmt: skip
        for c, v in enumerate(values, 1):
            put(ws, r, c, v)
    col = f"E2:E{len(rows) + 1}"
    words = STATUS_WORDS[annex.lang]
    for status, fill in (
        ("direct", green), ("part-of", green), ("all-parts", green),
        ("mapped", yellow), ("partial", yellow), ("related", red), ("missing", red),
    ) if rows else ():  # fmt: skip
        ws.conditional_formatting.add(
            col, CellIsRule(operator="equal", formula=[f'"{words[status]}"'], fill=fill)
        )
    for c, width in enumerate((24, 9, 60, 16, 26, 34, 16, 16), 1):
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.freeze_panes = "C2"
    # the summary
    ws = wb.create_sheet(w["summary"][:31])
    head = [
        _unit_name(annex), w["items"], w["own"],
        w["with_mappings"], f"% {w['own']}", f"% {w['with_mappings']}",
    ]  # fmt: skip
    for c, h in enumerate(head, 1):
        put(ws, 1, c, h, head=True)
    for r, unit in enumerate(annex.units, 2):
        own, mapped, n_own, n_mapped, n = unit.shares()
        put(ws, r, 1, f"{unit.notation or ''} {unit.label}".strip())
        put(ws, r, 2, n)
        put(ws, r, 3, n_own)
        put(ws, r, 4, n_mapped)
        put(ws, r, 5, round(own, 4)).number_format = "0%"
        put(ws, r, 6, round(own + mapped, 4)).number_format = "0%"
    ws.column_dimensions["A"].width = 60
    ws.freeze_panes = "B2"
    # the findings: what, why (the rule's own message), the source sentence, the fix
    from ..checks.findings import SEVERITY_WORDS

    ws = wb.create_sheet(w["findings"][:31])
    head = [
        w["severity"], w["module"], w["outcome"], w["item"], w["finding"], w["why"],
        w["source"], w["fix"],
    ]  # fmt: skip
    for c, h in enumerate(head, 1):
        put(ws, 1, c, h, head=True)
    for r, f in enumerate(annex.findings, 2):
        values = [
            SEVERITY_WORDS[annex.lang].get(f.severity, f.severity), f.module or "",
            f.outcome or "", f.item_notation or f.item or "", f.text, f.reason or "",
            f.source_text or "", f.fix,
        ]  # fmt: skip
        for c, v in enumerate(values, 1):
            put(ws, r, c, v)
    for c, width in enumerate((14, 28, 34, 12, 60, 60, 60, 50), 1):
        ws.column_dimensions[get_column_letter(c)].width = width
    ws.freeze_panes = "A2"
    when = build_time()
    props = wb.properties
    props.creator = props.lastModifiedBy = "herstelgraph"
    props.title = f"{w['title']}: {annex.programme}"
    props.created = props.modified = when
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(wb, archive).write_data()
    return _fixed_zip(raw.getvalue(), when)


# ----------------------------------------------------------------------------- PDF
def chromium() -> str | None:
    """The headless browser that prints the PDF, if one is installed."""
    import shutil

    for name in ("chromium", "chromium-browser", "google-chrome", "chrome"):
        found = shutil.which(name)
        if found:
            return found
    return None


def annex_pdf(page: str, *, timeout: float = 120.0) -> bytes:
    """The HTML annex printed to PDF by headless Chromium: a fresh profile, no network
    services (background networking, component updates, sync off), the page from a local
    file that references nothing outside itself."""
    import subprocess
    import tempfile

    browser = chromium()
    if browser is None:
        raise OutputError(
            "pdf", "printing a PDF needs Chromium (e.g. apt-get install chromium); write "
            "the annex as .html and print it from a browser",
        )  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="herstelgraph-pdf-") as tmp:
        src = Path(tmp) / "annex.html"
        src.write_text(page, encoding="utf-8")
        out = Path(tmp) / "annex.pdf"
        args = [
            browser, "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update",
            "--no-first-run", "--disable-sync", "--disable-extensions",
            "--no-pdf-header-footer", "--print-to-pdf-no-header",
            f"--user-data-dir={Path(tmp) / 'profile'}", f"--print-to-pdf={out}",
            src.as_uri(),
        ]  # fmt: skip
        try:
            subprocess.run(args, capture_output=True, timeout=timeout, check=False, env=_env(tmp))
        except subprocess.TimeoutExpired:
            raise OutputError("pdf", f"Chromium did not print within {timeout:g} s") from None
        if not out.exists() or out.stat().st_size == 0:
            raise OutputError("pdf", "Chromium printed no PDF")
        return _fixed_pdf_dates(out.read_bytes())


def _fixed_pdf_dates(pdf: bytes) -> bytes:
    """The PDF's creation and modification dates set to the build time (SOURCE_DATE_EPOCH,
    as every export), not the moment Chromium printed it: the same annex gives the same
    bytes. The new date has the old one's length, so the file's byte offsets still hold."""
    import re

    from ..io.tables import build_time

    stamp = build_time().strftime("D:%Y%m%d%H%M%S+00'00'").encode()

    def fixed(m: re.Match[bytes]) -> bytes:
        old = m.group(2)
        return m.group(1) + (stamp if len(stamp) == len(old) else old) + b")"

    return re.sub(rb"(/(?:CreationDate|ModDate) \()(D:[0-9]{14}[^)]*)\)", fixed, pdf)


def _env(home: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("http_", "https_", "HTTP"))}
    env["HOME"] = home
    return env
