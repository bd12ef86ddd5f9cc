"""Validation findings of curricula in the curriculum's own words.

A layer over :class:`~herstelgraph.model.ValidationReport`: the shapes' messages stay as they
are; each result that concerns a curriculum is told again naming the programme, the module
and the learning outcome by their own labels, with the fix in the institute's terms
("voeg in module 'Brug- en signaalfunctie' een leeruitkomst toe die competentie C7 'Plant
eigen activiteiten' dekt"). A curriculum that claims no framework gets a finding of its
own: there was nothing to check it against, so it has not passed.
"""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from dataclasses import dataclass

import pyoxigraph as ox

from ..ids import compact, expand, is_iri
from ..model import Record, ValidationReport, ValidationResult
from ..vocab import HG, PREFIXES
from .rules import NO_RULES, _natural, rule_of_shape

RDFS_LABEL = PREFIXES["rdfs"] + "label"
RDF_TYPE = PREFIXES["rdf"] + "type"
DCT_CONFORMS = PREFIXES["dct"] + "conformsTo"

#: item types in words, (Dutch, English)
TYPE_WORDS = {
    "Competency": ("competentie", "competency"),
    "Activity": ("activiteit", "activity"),
    "KnowledgeItem": ("kennisitem", "knowledge item"),
    "Skill": ("vaardigheid", "skill"),
    "Attitude": ("basishouding", "attitude"),
    "Task": ("taak", "task"),
    "ContextStatement": ("contextuitspraak", "context statement"),
    "OrganisationalCondition": ("randvoorwaarde", "organisational condition"),
}

SEVERITY_WORDS = {
    "nl": {"Violation": "overtreding", "Warning": "waarschuwing", "Info": "info"},
    "en": {"Violation": "violation", "Warning": "warning", "Info": "info"},
}


@dataclass(frozen=True)
class CurriculumFinding(Record):
    """One finding about a curriculum, located by its own names, with the fix."""

    severity: str
    curriculum: str  # IRI, compacted
    programme: str  # the curriculum's label
    module: str | None
    outcome: str | None
    item: str | None
    item_notation: str | None
    item_label: str | None
    text: str
    fix: str
    source_text: str | None = None
    #: no-claim, no-rules, not-covered, no-outcomes, no-items, unknown-item, deprecated-item
    #: or other
    code: str = "other"
    #: the rule's own message, where ``text`` retells it: why this severity
    reason: str | None = None


def _node(ident: str | None) -> ox.NamedNode | None:
    if not ident:
        return None
    iri = expand(ident) or (ident if is_iri(ident) else None)
    return ox.NamedNode(iri) if iri else None


def _label(data, node) -> str | None:
    if node is None:
        return None
    for q in data.quads_for_pattern(node, ox.NamedNode(RDFS_LABEL), None):
        if isinstance(q.object, ox.Literal):
            return q.object.value
    return None


def _types(data, node) -> set[str]:
    if node is None:
        return set()
    return {
        q.object.value.removeprefix(HG)
        for q in data.quads_for_pattern(node, ox.NamedNode(RDF_TYPE), None)
        if isinstance(q.object, ox.NamedNode)
    }


def curricula(data) -> list[ox.NamedNode]:
    """The curricula in a data store (``read_profiles``), in IRI order."""
    quads = data.quads_for_pattern(None, ox.NamedNode(RDF_TYPE), ox.NamedNode(HG + "Curriculum"))
    return sorted({q.subject for q in quads if isinstance(q.subject, ox.NamedNode)}, key=str)


def _module_of(data, outcome) -> ox.NamedNode | None:
    for q in data.quads_for_pattern(None, ox.NamedNode(HG + "learningOutcome"), outcome):
        return q.subject
    return None


def _quote(text: str | None) -> str:
    return f"‘{text}’" if text else ""


class _Items:
    """Labels, notations and types of framework items, and what they include (each once)."""

    def __init__(self, store):
        self.store = store
        self.cache: dict[str, tuple[str | None, str | None, str | None]] = {}

    def info(self, iri: str) -> tuple[str | None, str | None, str | None]:
        if iri not in self.cache:
            rows = self.store.select(
                "SELECT ?n ?l ?t WHERE { OPTIONAL { ?c skos:notation ?n } "
                "OPTIONAL { ?c skos:prefLabel ?l FILTER(LANG(?l) = 'nl') } "
                "OPTIONAL { ?c a ?t FILTER(STRSTARTS(STR(?t), STR(hg:)) && ?t != hg:Item) } }",
                {"c": ox.NamedNode(iri)},
            )
            r = rows[0] if rows else {}
            self.cache[iri] = (
                r["n"].value if r.get("n") is not None else None,
                r["l"].value if r.get("l") is not None else None,
                r["t"].value.removeprefix(HG) if r.get("t") is not None else None,
            )
        return self.cache[iri]

    def related(self, iri: str) -> set[str]:
        """Its parts, the knowledge it includes, and what restates it: where an outcome
        aligned to them shows the module the item belongs in."""
        rows = self.store.select(
            "SELECT ?x WHERE { { ?x skos:broader+ ?c } UNION { ?c hg:requiresKnowledge ?x } "
            "UNION { ?x hg:restates ?c } }",
            {"c": ox.NamedNode(iri)},
        )
        return {r["x"].value for r in rows}

    def parts(self, iri: str) -> set[str]:
        """Everything under it (a competency's activities)."""
        rows = self.store.select(
            "SELECT ?x WHERE { ?x skos:broader+ ?c }", {"c": ox.NamedNode(iri)}
        )
        return {r["x"].value for r in rows}


def _shown(notation: str | None, label: str | None, type_: str | None, lang: str) -> str:
    word = TYPE_WORDS.get(type_ or "", ("item", "item"))[0 if lang == "nl" else 1]
    parts = [word]
    if notation:
        parts.append(notation)
    if label:
        parts.append(_quote(label))
    return " ".join(parts)


def curriculum_findings(
    store, report: ValidationReport, data, lang: str = "nl"
) -> list[CurriculumFinding]:
    """The report's results that concern curricula, told in the curricula's own words, and a
    finding for each curriculum that claims no framework."""
    nl = lang == "nl"
    items = _Items(store)
    own = {compact(c.value): c for c in curricula(data)}
    out: list[CurriculumFinding] = []
    for cur in own.values():
        if not any(True for _ in data.quads_for_pattern(cur, ox.NamedNode(DCT_CONFORMS), None)):
            name = _label(data, cur) or compact(cur.value)
            out.append(
                CurriculumFinding(
                    severity="Warning",
                    curriculum=compact(cur.value),
                    programme=name,
                    module=None,
                    outcome=None,
                    item=None,
                    item_notation=None,
                    item_label=None,
                    text=(
                        f"curriculum {_quote(name)} claimt geen kader: er is niets om het "
                        "aan te toetsen, dus het is niet goedgekeurd"
                        if nl
                        else f"curriculum {_quote(name)} claims no framework: nothing to "
                        "check against, so it has not passed"
                    ),
                    fix=(
                        "noem het kader waaraan de opleiding moet voldoen (bijvoorbeeld bk-0597-1)"
                        if nl
                        else "name the framework the programme must meet (e.g. bk-0597-1)"
                    ),
                    code="no-claim",
                )
            )
    for r in report.results:
        if r.profile not in own:
            continue
        out.append(_finding(r, own[r.profile], data, items, lang))
    out.extend(deprecated_findings(store, data, list(own.values()), items, lang))
    return out


def as_read(report: ValidationReport, findings: list[CurriculumFinding]) -> ValidationReport:
    """The report as a run over profiles and curricula is read: each curriculum's SHACL
    results are left to its findings (which restate them in its own words and add what SHACL
    cannot see, such as a missing claim), the counts are of what is shown, and a curriculum
    that claims no framework has not passed, so ``conforms`` is False for it too."""
    from dataclasses import replace

    mine = {f.curriculum for f in findings}
    rest = tuple(r for r in report.results if r.profile not in mine)
    severities = [r.severity for r in rest] + [f.severity for f in findings]
    unclaimed = any(f.code == "no-claim" for f in findings)
    return replace(
        report,
        results=rest,
        conforms=report.conforms and not unclaimed,
        violations=severities.count("Violation"),
        warnings=severities.count("Warning"),
        infos=severities.count("Info"),
    )


def deprecated_findings(store, data, curricula_: list, items: _Items | None = None,
                        lang: str = "nl") -> list[CurriculumFinding]:  # fmt: skip
    """A warning for every learning outcome aligned to an item a release deprecated
    (``owl:deprecated``), naming what replaced it (``dct:isReplacedBy``) as the fix."""
    from ..questions.deprecation import deprecated_items

    gone = deprecated_items(store)
    if not gone:
        return []
    nl = lang == "nl"
    items = items or _Items(store)
    out = []
    aligned = ox.NamedNode(HG + "alignedTo")
    for cur in curricula_:
        programme = _label(data, cur) or compact(cur.value)
        for mq in data.quads_for_pattern(cur, ox.NamedNode(HG + "module"), None):
            module = _label(data, mq.object) or compact(mq.object.value)
            for lq in data.quads_for_pattern(mq.object, ox.NamedNode(HG + "learningOutcome"), None):
                outcome = _label(data, lq.object) or compact(lq.object.value)
                for aq in data.quads_for_pattern(lq.object, aligned, None):
                    iri = aq.object.value
                    if iri not in gone:
                        continue
                    notation, label, type_ = items.info(iri)
                    shown = _shown(notation, label, type_, lang)
                    where = (
                        f"leeruitkomst {_quote(outcome)} in module {_quote(module)}"
                        if nl
                        else f"learning outcome {_quote(outcome)} in module {_quote(module)}"
                    )
                    successors = [
                        f"{_shown(*items.info(b), lang)} ({compact(b)})" for b in gone[iri]
                    ]
                    if successors:
                        joined = (" en " if nl else " and ").join(successors)
                        text = (
                            f"{where} is afgestemd op {shown} ({compact(iri)}), dat vervallen "
                            f"is; het is vervangen door {joined}"
                            if nl
                            else f"{where} is aligned to {shown} ({compact(iri)}), which is "
                            f"deprecated; it was replaced by {joined}"
                        )
                        fix = (
                            f"stem de leeruitkomst af op {joined}"
                            if nl
                            else f"align the learning outcome to {joined}"
                        )
                    else:
                        text = (
                            f"{where} is afgestemd op {shown} ({compact(iri)}), dat vervallen "
                            "is zonder opvolger"
                            if nl
                            else f"{where} is aligned to {shown} ({compact(iri)}), which is "
                            "deprecated and has no successor"
                        )
                        fix = (
                            "stem de leeruitkomst af op een ander item, of haal deze afstemming weg"
                            if nl
                            else "align the learning outcome to another item, or remove this "
                            "alignment"
                        )
                    out.append(
                        CurriculumFinding(
                            severity="Warning",
                            curriculum=compact(cur.value),
                            programme=programme,
                            module=module,
                            outcome=outcome,
                            item=compact(iri),
                            item_notation=notation,
                            item_label=label,
                            text=text,
                            fix=fix,
                            code="deprecated-item",
                        )
                    )
    return sorted(out, key=lambda f: (f.curriculum, f.module or "", f.outcome or "", f.item or ""))


def _finding(r: ValidationResult, cur, data, items: _Items, lang: str) -> CurriculumFinding:
    nl = lang == "nl"
    programme = _label(data, cur) or compact(cur.value)
    focus = _node(r.focus)
    kinds = _types(data, focus)
    module = outcome = None
    if "Module" in kinds:
        module = _label(data, focus) or r.focus
    elif "LearningOutcome" in kinds:
        outcome = _label(data, focus) or r.focus
        mod = _module_of(data, focus)
        module = _label(data, mod) if mod is not None else None
    item_iri = _node(r.item)
    notation = label = type_ = None
    if item_iri is not None:
        notation, label, type_ = items.info(item_iri.value)
        label = label or r.item_label
    text, fix, code, reason = r.message, "", "other", None
    shape = (expand(r.shape) or r.shape) if r.shape else ""
    if shape.startswith(NO_RULES):
        # a framework that asks nothing of curricula: the rule's own words, nothing to add
        code = "no-rules"
        text = f"{_quote(programme)} {r.message}"
    elif "Curriculum" in kinds and item_iri is not None:
        code, reason = "not-covered", r.message
        text, fix, partly = _not_covered(
            data, cur, programme, items, item_iri.value, (notation, label, type_), lang
        )
        rule = rule_of_shape(shape)
        template = (rule.partial_nl if nl else rule.partial_en) if rule else ""
        if partly and template:
            # the rule's message says the item is missing; the text says it is there in part
            done, rest, every = partly
            ident = compact(item_iri.value)
            shown = f"“{label}” ({ident})" if label else ident
            reason = template.format(
                item=f"{notation} {shown}" if notation else shown,
                done=", ".join(done),
                rest=", ".join(rest),
                parts=", ".join(every),
            )
    elif "Module" in kinds and r.path == "hg:learningOutcome":
        code = "no-outcomes"
        text = (
            f"module {_quote(module)} heeft geen leeruitkomsten"
            if nl
            else f"module {_quote(module)} has no learning outcomes"
        )
        fix = (
            f"geef module {_quote(module)} ten minste één leeruitkomst, of haal de module weg"
            if nl
            else f"give module {_quote(module)} at least one learning outcome, or remove it"
        )
    elif "LearningOutcome" in kinds and r.path == "hg:alignedTo" and not (r.value or r.item):
        # a minimum count: the outcome names no item at all, so there is no ID to correct
        code = "no-items"
        text = (
            f"leeruitkomst {_quote(outcome)} in module {_quote(module)} is op geen item afgestemd"
            if nl
            else f"learning outcome {_quote(outcome)} in module {_quote(module)} is aligned "
            "to no item"
        )
        fix = (
            "noem in de rij van deze leeruitkomst de competenties of items die ze dekt (zoek "
            "ID's met 'herstelgraph search WOORDEN')"
            if nl
            else "name in this outcome's row the competencies or items it covers (find IDs "
            "with 'herstelgraph search WORDS')"
        )
    elif "LearningOutcome" in kinds and r.path == "hg:alignedTo":
        code = "unknown-item"
        value = r.value or r.item or ""
        text = (
            f"leeruitkomst {_quote(outcome)} in module {_quote(module)} is afgestemd op "
            f"{value}, dat geen item van een kader is"
            if nl
            else f"learning outcome {_quote(outcome)} in module {_quote(module)} is aligned "
            f"to {value}, which is no item of a framework"
        )
        fix = (
            f"verbeter de ID {value} in de rij van deze leeruitkomst (zoek ID's met "
            "'herstelgraph search WOORDEN')"
            if nl
            else f"correct the ID {value} in this outcome's row (find IDs with "
            "'herstelgraph search WORDS')"
        )
    return CurriculumFinding(
        severity=r.severity,
        curriculum=compact(cur.value),
        programme=programme,
        module=module,
        outcome=outcome,
        item=r.item,
        item_notation=notation,
        item_label=label,
        text=text,
        fix=fix,
        source_text=r.source_text,
        code=code,
        reason=reason,
    )


def _not_covered(data, cur, programme: str, items: _Items, iri: str, info, lang: str):
    """What is missing and what to do, for an item no learning outcome covers; and, for a
    competency covered in part, its (covered, uncovered, all) parts by notation."""
    nl = lang == "nl"
    notation, label, type_ = info
    shown = _shown(notation, label, type_, lang)
    # the fix names the item short when the text has named it in full
    short = _shown(notation, None, type_, lang) if notation else shown
    prog = _quote(programme)
    parts = items.parts(iri) if type_ == "Competency" else set()
    done = _aligned(data, cur) & parts
    where = _module_for(data, cur, items.related(iri), parts)
    if done:

        def names(iris):
            return sorted((items.info(p)[0] or compact(p) for p in iris), key=_natural)

        rest = names(parts - done)
        text = (
            f"{shown} komt in {prog} maar ten dele aan bod: niet al haar activiteiten hebben "
            "een leeruitkomst"
            if nl
            else f"{prog} covers {shown} only in part: not all of its activities have a "
            "learning outcome"
        )
        fix = (
            f"voeg {'in module ' + _quote(where) if where else 'in een van de modules'} "
            f"leeruitkomsten toe voor de overige activiteiten ({', '.join(rest)}), of stem "
            f"er een af op {short} zelf"
            if nl
            else f"add learning outcomes {'to module ' + _quote(where) if where else ''} "
            f"for its other activities ({', '.join(rest)}), or align one to {short} itself"
        ).replace("  ", " ")
        return text, fix, (names(done), rest, names(parts))
    text = (
        f"{shown} komt in geen leeruitkomst van {prog} aan bod"
        if nl
        else f"{prog} does not cover {shown}"
    )
    if nl:
        place = f"in module {_quote(where)}" if where else "in een van de modules"
        fix = f"voeg {place} een leeruitkomst toe en stem die af op {short}"
        if type_ == "Competency":
            fix += " (of stem leeruitkomsten af op al haar activiteiten)"
    else:
        place = f"to module {_quote(where)}" if where else "to one of the modules"
        fix = f"add a learning outcome {place} and align it to {short}"
        if type_ == "Competency":
            fix += " (or align outcomes to all of its activities)"
    return text, fix, None


def _aligned(data, cur) -> set[str]:
    """The items the curriculum's learning outcomes are aligned to."""
    out = set()
    for q in data.quads_for_pattern(cur, ox.NamedNode(HG + "module"), None):
        for lo in data.quads_for_pattern(q.object, ox.NamedNode(HG + "learningOutcome"), None):
            for a in data.quads_for_pattern(lo.object, ox.NamedNode(HG + "alignedTo"), None):
                out.add(a.object.value)
    return out


def _module_for(data, cur, related: set[str], parts: AbstractSet[str] = frozenset()) -> str | None:
    """The module whose outcomes are aligned to the most of ``related`` (an item's parts,
    knowledge, restatements), or None. The item's own ``parts`` (a competency's activities)
    count first: an outcome aligned to one is the item's own work, shared knowledge only
    near it; a tie goes to the module first in name order."""
    found: list[tuple[int, int, str]] = []  # (-own, -hits, name): the least is the best
    for q in data.quads_for_pattern(cur, ox.NamedNode(HG + "module"), None):
        mod = q.object
        own = hits = 0
        for lo in data.quads_for_pattern(mod, ox.NamedNode(HG + "learningOutcome"), None):
            for a in data.quads_for_pattern(lo.object, ox.NamedNode(HG + "alignedTo"), None):
                own += a.object.value in parts
                hits += a.object.value in related
        if hits:
            found.append((-own, -hits, _label(data, mod) or compact(mod.value)))
    return min(found)[2] if found else None


def render_findings(findings: list[CurriculumFinding], lang: str = "nl") -> str:
    """The findings as text, grouped by curriculum: what is wrong, then what to do."""
    words = SEVERITY_WORDS[lang]
    lines: list[str] = []
    head = "In de woorden van het curriculum" if lang == "nl" else "In the curriculum's words"
    current = None
    for f in findings:
        if f.curriculum != current:
            current = f.curriculum
            lines.append(f"{head}: {_quote(f.programme)} ({f.curriculum})")
        lines.append(f"  {words.get(f.severity, f.severity)}: {f.text}")
        if f.reason:
            lines.append(f"    {'waarom' if lang == 'nl' else 'why'}: {f.reason}")
        if f.source_text:
            lines.append(f"    {'bron' if lang == 'nl' else 'source'}: “{f.source_text}”")
        if f.fix:
            lines.append(f"    {'oplossing' if lang == 'nl' else 'fix'}: {f.fix}")
    return "\n".join(lines) + ("\n" if lines else "")
