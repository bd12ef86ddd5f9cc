"""The graph (or a user's SKOS file) against a published standard's own SHACL profile.

One profile so far: NL-SBB, the Dutch standard for describing concepts (*Nederlandse
standaard voor het beschrijven van begrippen*), version 1.0.0, its file ``skos-ap-nl.ttl``
vendored unchanged under ``shapes/external/`` (source, version and licence in the README
there). The standard's ``sh:Violation`` results are requirements (a scheme with one is not
conformant), its ``sh:Warning`` and ``sh:Info`` results recommendations.

Engine: the profile is compiled to SPARQL by ``shaclcore`` (SHACL Core plus the sh:disjoint,
sh:uniqueLang and SPARQL-based constraints NL-SBB uses) and run by Oxigraph: 0.2 s on the
shipped graph, where pyshacl takes about 100 s (its SPARQL constraints run once per focus
node) and pyrudof about 1.2 s; the three give the same results (tests/test_standards.py).
``engine="pyshacl"`` runs the reference instead. The data is read as asserted, without
entailment, as the standard's own validation does.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ..errors import ParameterError
from ..ids import compact
from ..model import Record
from ..words import check_detail
from .quality import QualityCheck, QualityFinding

SH = "http://www.w3.org/ns/shacl#"
#: prefixes of the profiles' own terms, to name their shapes (not project prefixes)
PROFILE_PREFIXES = {
    "skosapnl": "http://nlbegrip.nl/def/skosapnl#",
    "isothes": "http://purl.org/iso25964/skos-thes#",
}
OWL_VERSION = "http://www.w3.org/2002/07/owl#versionInfo"


@dataclass(frozen=True)
class Profile(Record):
    """A vendored standard profile: its name on the command line and where it lives."""

    name: str
    file: str
    title: str
    ontology: str  # the owl:Ontology IRI of the profile, which carries owl:versionInfo


PROFILES: dict[str, Profile] = {
    "nl-sbb": Profile(
        "nl-sbb",
        "skos-ap-nl.ttl",
        "NL-SBB (Nederlandse standaard voor het beschrijven van begrippen)",
        "http://nlbegrip.nl/def/skosapnl#",
    ),
}
#: shaclcore's severity names -> the words of the report
SEVERITY = {"Violation": "violation", "Warning": "warning", "Info": "info"}


@dataclass(frozen=True)
class StandardReport(Record):
    """The results of one profile on one graph. ``conforms``: no violation (warnings and
    infos are recommendations, as the standard says)."""

    profile: str
    profile_version: str
    sources: tuple[str, ...]
    triples: int
    conforms: bool
    violations: int
    warnings: int
    infos: int
    checks: tuple[QualityCheck, ...]
    findings: tuple[QualityFinding, ...] = ()

    def of(self, check: str) -> list[QualityFinding]:
        return [f for f in self.findings if f.check == check]


def profile_path(name: str) -> Path:
    from ..resources import data_dir

    if name not in PROFILES:
        raise ParameterError(
            "profile", f"unknown profile {name!r}; known: {', '.join(sorted(PROFILES))}"
        )
    return data_dir("shapes") / "external" / PROFILES[name].file


@cache
def profile_shapes(name: str):
    """The profile's shapes as an rdflib graph (parsed once per process)."""
    from rdflib import Graph

    g = Graph(bind_namespaces="none")
    g.parse(profile_path(name), format="turtle")
    return g


def profile_version(name: str) -> str:
    from rdflib import URIRef

    g = profile_shapes(name)
    v = g.value(URIRef(PROFILES[name].ontology), URIRef(OWL_VERSION))
    return str(v) if v is not None else ""


def _data(store, graphs):
    """One default-graph Oxigraph store with the triples to validate."""
    import pyoxigraph as ox

    data = ox.Store()
    data.extend(ox.Quad(q.subject, q.predicate, q.object) for q in store.quads(graphs=graphs))
    return data


def check_store(
    store,
    profile: str = "nl-sbb",
    sources: Sequence[str] = (),
    *,
    graphs=None,
    lang: str = "en",
    engine: str = "fast",
) -> StandardReport:
    """Validate the asserted and user graphs of ``store`` (or ``graphs``) against a profile."""
    from ..store.store import ASSERTED, USER

    shapes = profile_shapes(profile)
    data = _data(store, graphs or (ASSERTED, USER))
    if engine == "fast":
        from .shaclcore import evaluate

        raw = evaluate(_compiled(profile), data)
    elif engine == "pyshacl":
        from .validate import _pyshacl

        raw = _pyshacl(data, shapes)
    else:
        raise ParameterError("engine", f"unknown engine {engine!r}; use fast or pyshacl")
    return _report(profile, raw, shapes, list(sources), len(data), lang)


@cache
def _compiled(profile: str):
    from .shaclcore import compile_shapes

    return compile_shapes(profile_shapes(profile))


def check(
    profile: str = "nl-sbb",
    paths: Sequence[Path] = (),
    data: Sequence[Path] = (),
    *,
    lang: str = "en",
    engine: str = "fast",
) -> StandardReport:
    """A user's files (any RDF, read as ``herstelgraph check`` reads them), or the shipped
    graph plus ``data`` when no file is given, against the profile."""
    if paths:
        from .quality import load_files

        return check_store(
            load_files(paths), profile, [str(p) for p in paths], lang=lang, engine=engine
        )
    from ..store.build import load

    store = load(extra=[Path(p) for p in data], closure=False)
    shipped = check_detail("shipped graph", lang)
    return check_store(store, profile, [shipped, *map(str, data)], lang=lang, engine=engine)


def _report(profile, raw, shapes, sources, triples, lang) -> StandardReport:
    from rdflib import Literal, URIRef

    def text(node, prop: str) -> str:
        values = {
            (v.language or ""): str(v)
            for v in shapes.objects(node, URIRef(SH + prop))
            if isinstance(v, Literal)
        }
        for want in (lang, "en", "nl", ""):
            if want in values:
                return values[want]
        return next(iter(sorted(values.values())), "")

    def name(node) -> str:
        if not isinstance(node, URIRef):
            return ""
        return _compact(str(node))

    def pick(messages: dict) -> str:
        for want in (lang, "en", "nl", ""):
            if want in messages:
                return messages[want]
        return next(iter(sorted(messages.values())), "")

    findings = []
    titles: dict[str, str] = {}
    severities: dict[str, str] = {}
    for r in raw:
        shape = name(r.shape) or "(shape)"
        key = f"{shape}/{name(r.source)}" if name(r.source) else shape
        severity = SEVERITY.get(r.severity, r.severity.lower())
        title = pick(r.messages) or text(r.shape, "name") or text(r.shape, "description")
        titles.setdefault(key, title)
        severities[key] = severity
        parts = []
        if r.path is not None:
            parts.append(name(r.path) or str(r.path))
        if r.component != "SPARQLConstraintComponent":
            parts.append(r.component.removesuffix("ConstraintComponent"))
        if r.value is not None and r.value != r.focus:
            parts.append(f"value {_show(r.value)}")
        if not parts:
            parts.append(title)
        findings.append(QualityFinding(key, severity, _show(r.focus), "; ".join(parts)))
    findings.sort(key=lambda f: (_ORDER.get(f.severity, 9), f.check, f.resource, f.detail))
    counts = Counter(f.check for f in findings)
    checks = tuple(
        QualityCheck(key, severities[key], titles[key], n)
        for key, n in sorted(counts.items(), key=lambda kv: (_ORDER[severities[kv[0]]], kv[0]))
    )
    by_sev = Counter(f.severity for f in findings)
    return StandardReport(
        profile=profile,
        profile_version=profile_version(profile),
        sources=tuple(sources),
        triples=triples,
        conforms=by_sev["violation"] == 0,
        violations=by_sev["violation"],
        warnings=by_sev["warning"],
        infos=by_sev["info"],
        checks=checks,
        findings=tuple(findings),
    )


_ORDER = {"violation": 0, "warning": 1, "info": 2}


def _compact(iri: str) -> str:
    for prefix, ns in PROFILE_PREFIXES.items():
        if iri.startswith(ns) and iri != ns:
            return f"{prefix}:{iri[len(ns) :]}"
    return compact(iri)


def _show(term) -> str:
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return _compact(term.value)
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    return str(term)


def render_text(report: StandardReport, limit: int = 20, lang: str = "en") -> str:
    """Counts per shape, then each shape's focus nodes (``limit`` per shape), in ``lang``."""
    from ..words import value_word

    def w(key: str, **fields: object) -> str:
        return check_detail(key, lang, **fields)

    title = PROFILES[report.profile].title if report.profile in PROFILES else report.profile
    verdict = w("conforms" if report.conforms else "does-not-conform")
    sources = ", ".join(report.sources) or w("the-graph")
    lines = [
        w(
            "profile-report",
            title=title,
            version=report.profile_version,
            sources=sources,
            triples=report.triples,
            verdict=verdict,
        ),
        w(
            "profile-summary",
            violations=report.violations,
            warnings=report.warnings,
            infos=report.infos,
        ),
    ]
    severity = {x.severity: value_word(x.severity, lang) for x in report.checks}
    if report.checks:
        lines.append("")
        width = max(len(x.check) for x in report.checks)
        sev_width = max(len(v) for v in severity.values())
        for x in report.checks:
            lines.append(
                f"  {severity[x.severity]:<{sev_width}} {x.check:<{width}} {x.count:>6}  {x.title}"
            )
    for x in report.checks:
        lines += ["", f"{x.check} ({severity[x.severity]}): {x.title}"]
        found = report.of(x.check)
        for f in found[: limit or None]:
            lines.append(f"  {f.resource}  {f.detail}")
        if limit and len(found) > limit:
            lines.append("  " + w("more-findings", n=len(found) - limit))
    return "\n".join(lines) + "\n"
