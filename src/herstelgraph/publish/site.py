"""The static site: browsable HTML of every framework and concept, built from the graph.

Two trees, ``nl/`` (the default: the sources are Dutch, and so are most readers) and ``en/``,
with the same pages under the same paths, so every page links to itself in the other
language. The root ``index.html`` sends a browser to ``nl/`` and offers both. Words come
from ``words.py`` (relations, statuses, the site's sentences) and from the ontology's own
``rdfs:label``s (item types); a term the site shows is a link with a label or its label,
never a bare CURIE. Item texts are the Dutch quotes; the English tree shows the AI-assisted
translations (``ontology/translations/en.ttl``) marked as such, beside the Dutch.

Every figure comes from one function, :func:`item_counts`: the framework rows of
``herstelgraph coverage``, which the README's mapping report prints too; items are counted as
the rubric defines them (no sections, restatements, example-only or inferred items).

It works from disk (file://) without a server: only relative links, the search index is a
script rather than a fetched JSON file, and every byte of CSS and JS is shipped in
``site_assets/`` (no CDN). Output is deterministic (sorted, no clocks) and the folder is
swapped in only once the whole build has succeeded (``atomic_dir``).
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, lru_cache
from html import escape
from pathlib import Path

import pyoxigraph as ox

from ..errors import InputError
from ..ids import compact
from ..model import Record
from ..store.store import Queryable, Store
from ..vocab import HG, PREFIXES, SKOS, SSSOM
from ..words import decimals, relation_word, site_word, type_word, value_word

MARKER = ".herstelgraph-site"
LANGS = ("nl", "en")
RDF_TYPE = PREFIXES["rdf"] + "type"
RDFS = PREFIXES["rdfs"]
DCT = PREFIXES["dct"]
OWL = PREFIXES["owl"]


@dataclass(frozen=True)
class SiteReport(Record):
    """What a build wrote."""

    path: str
    pages: int
    files: int
    concepts: int


def e(text) -> str:
    """HTML-escape text and attribute values (quotes included)."""
    return escape("" if text is None else str(text), quote=True)


@dataclass
class _Page:
    """A concept as the site shows it (``path`` is relative to a language tree)."""

    id: str
    iri: str
    framework: str
    path: str
    data: str  # the data files' path without suffix, relative to the site root
    label: str
    notation: str | None
    type: str
    mappings: list = field(default_factory=list)


# ---------------------------------------------------------------------------- building
def build_site(
    store: Queryable, out: Path, *, include_data: bool = False, changes=None
) -> SiteReport:
    """Build the whole site into ``out``; an existing folder is replaced only if it is a
    previous herstelgraph site (so ``-o ~`` can never wipe a home folder).

    Files a user added (the user graph: curricula, profiles, own frameworks) are private:
    the site is built from the shipped graph alone unless ``include_data`` is given, so no
    page or download carries them. ``changes`` (a ``checks.diff.ReleaseDiff``) adds the
    "Wat is er veranderd" / "What changed" pages (a release build passes it)."""
    from ..io.atomic import atomic_dir

    if not include_data and _has_user_data(store):
        # the shipped graph only: no user triple, nor anything inferred from one; with the
        # review files the store was loaded with, so the badges and figures stay the same
        store = _without_user_data(store)

    out = Path(out)
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: is a file; give a folder for the site")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        from ..words import Said

        raise InputError(Said("site-folder", out=str(out), marker=MARKER))
    from ..store.endpoint import snapshot

    # an endpoint is copied once (every page reads the graph): one bulk read, not a query
    # per page over the network
    files: dict[str, bytes] = _render(snapshot(store))
    if changes is not None:
        files.update(_changes_pages(files, changes))
    with atomic_dir(out) as tmp:
        made: set[Path] = set()
        for rel, data in sorted(files.items()):
            path = tmp / rel
            if path.parent not in made:
                path.parent.mkdir(parents=True, exist_ok=True)
                made.add(path.parent)
            path.write_bytes(data)
    pages = sum(1 for rel in files if rel.endswith(".html"))
    concepts = sum(1 for rel in files if rel.startswith("nl/concepts/") and rel.endswith(".html"))
    return SiteReport(str(out), pages, len(files), concepts)


def site_files(store: Queryable, *, changes=None) -> dict[str, bytes]:
    """Every file of the site by relative name, in memory (a release folder's site/)."""
    from ..store.endpoint import snapshot

    files = _render(snapshot(store))
    if changes is not None:
        files.update(_changes_pages(files, changes))
    return files


def _changes_pages(files: dict[str, bytes], changes) -> dict[str, bytes]:
    """nl/changes.html and en/changes.html, in the layout of the tree's other pages (taken
    from its ontology page: header, navigation, language switch), linked from each index."""
    import re

    from .changes import TITLE, changes_html

    out = {}
    for lang, other in (("nl", "en"), ("en", "nl")):
        template = files.get(f"{lang}/ontology.html", b"").decode("utf-8")
        body = changes_html(changes, lang)
        if "<main>" in template:
            head, rest = template.split("<main>", 1)
            page = head + f"<main>\n{body}\n</main>" + rest.split("</main>", 1)[1]
            title = f"<title>{e(TITLE[lang])} · herstelgraph</title>"
            page = re.sub(r"<title>.*?</title>", title.replace("\\", "\\\\"), page, count=1)
            page = page.replace(f"../{other}/ontology.html", f"../{other}/changes.html")
        else:  # no tree to take the layout from: a plain page
            page = f'<!DOCTYPE html>\n<html lang="{lang}">\n<body>\n{body}\n</body>\n</html>\n'
        out[f"{lang}/changes.html"] = page.encode("utf-8")
        index = files.get(f"{lang}/index.html", b"").decode("utf-8")
        marker = '<li><a href="coverage.html">'
        link = f'<li><a href="changes.html">{e(TITLE[lang])}</a></li>'
        if marker in index:
            out[f"{lang}/index.html"] = index.replace(marker, link + marker, 1).encode("utf-8")
    return out


def _has_user_data(store) -> bool:
    """Whether the user graph holds a triple of the user's own files: the records reviewers
    made (a changed relation, "matches X") go there too, and are not user data."""
    from ..store.store import USER

    quads = getattr(store, "quads", None)
    if quads is None or not isinstance(store, Store):
        return False
    made: tuple[set[str], set[tuple[str, str, str]]] | None = None
    for q in quads(graphs=(USER,)):
        if made is None:
            made = _review_made(store)
        if q.subject.value in made[0]:
            continue
        if (q.subject.value, q.predicate.value, q.object.value) in made[1]:
            continue
        return True
    return False


def _review_made(store) -> tuple[set[str], set[tuple[str, str, str]]]:
    """The IRIs of the records the reviewers made and their (s, p, o) links."""
    from ..curation.review.merge import review_state
    from ..curation.review.records import stated
    from ..ids import expand

    records: set[str] = set()
    links: set[tuple[str, str, str]] = set()
    for claim in review_state(store).claims.values():
        curated = claim.curated.record if claim.curated else None
        if claim.record is None or claim.record == curated or claim.effective is None:
            continue
        records.add(expand(claim.record) or claim.record)
        s, p, o = (expand(x) or x for x in stated(claim.key, claim.effective))
        links.add((s, p, o))
    return records, links


def _without_user_data(store):
    """The shipped graph with the review files ``store`` was loaded with (none for a store
    that was not loaded with reviews)."""
    from ..curation.review.loading import load

    applied = getattr(store, "overlay_files", None)
    return load(reviews=list(applied) if applied is not None else ())


def _asset(name: str) -> bytes:
    from importlib.resources import files

    return (files("herstelgraph.publish") / "site_assets" / name).read_bytes()


def _slugs(ids: list[str]) -> dict[str, str]:
    """A file name for each framework: its ID when that is plain ASCII (bk-0597-1), else a
    readable slug of it with a hash (a framework outside the project's prefixes has its
    scheme IRI as its ID)."""
    import hashlib

    out = {}
    for ident in ids:
        if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,100}", ident):
            out[ident] = ident
        else:
            tail = re.sub(r"[^A-Za-z0-9._-]+", "-", ident.removesuffix("/scheme"))[-40:]
            digest = hashlib.sha256(ident.encode()).hexdigest()[:8]
            out[ident] = f"{tail.strip('-._') or 'framework'}-{digest}"
    return out


def _local(iri: str) -> str:
    """A file name for a concept: its IRI's last segment when it is plain ASCII."""
    local = re.split(r"[/#]", iri)[-1]
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,100}", local):
        return local
    import hashlib

    return "c-" + hashlib.sha256(iri.encode()).hexdigest()[:16]


# ---------------------------------------------------------------------------- the figures
def item_counts(store) -> dict[tuple[str, str], tuple[int, int, int, int]]:
    """(A, B) -> (A's requirement items, mapped into B, covered only via an example in B,
    reviewed with no match in B): the framework rows of ``herstelgraph coverage``, the one
    count behind every figure of the site and the README's mapping report (items as
    RUBRIC.md C-COV-1 defines them: the closure's ``hg:RequirementItem``)."""
    from ..questions.alignment import coverage

    return {
        (r.a, r.b): (r.items, r.mapped, r.via_example, r.no_match)
        for r in coverage(store)
        if r.scope == "framework"
    }


def external_shares(store) -> dict[str, list]:
    """Framework ID -> its rows of ``herstelgraph coverage`` into external vocabularies (the
    ESCO share per item type: ``questions.alignment.external_coverage``, the CLI's function)."""
    from ..questions.alignment import external_coverage

    out: dict[str, list] = defaultdict(list)
    for row in external_coverage(store):
        out[row.a].append(row)
    return out


def _confidence_cell(confidence: float | None, lang: str) -> str:
    """A record's confidence, or a dash where it has none (a link a reviewer made): the
    site does not print a certainty nobody gave."""
    if confidence is None:
        return '<span title="' + e(site_word("no_confidence", lang)) + '">—</span>'
    return decimals(f"{confidence:.2f}", lang)


def _is_external(rec) -> bool:
    """A record into an external vocabulary (ESCO): its object is no page of ours."""
    return rec.object_source.startswith("hgext:")


def _counted(store) -> tuple[set[str], set[str], set[str]]:
    """The requirement items (the closure's hg:RequirementItem, the one definition the
    questions use), those mapped into another framework, and those covered only via an
    example somewhere."""

    def ids(where: str) -> set[str]:
        rows = store.select(f"SELECT DISTINCT ?c WHERE {{ {where} }}", entailment=True)
        return {compact(r["c"].value) for r in rows}

    return (
        ids("?c a hg:RequirementItem"),
        ids("?c a hg:RequirementItem ; hg:mappedInto ?s"),
        ids("?c a hg:RequirementItem ; hg:mappedViaExampleInto ?s"),
    )


def _review_statuses(store) -> dict[str, tuple[str, int]]:
    """Record CURIE -> (its review status in the merged view of the expert review:
    ``unreviewed``, ``confirmed``, …; how many reviewers support it)."""
    from ..curation.review.merge import review_state

    out: dict[str, tuple[str, int]] = {}
    for claim in review_state(store).claims.values():
        if claim.record:
            out[claim.record] = (str(claim.status), int(claim.support))
    return out


def _review_figures(store):
    """The review figures (per framework pair; agreement) of ``herstelgraph review stats``."""
    from ..curation.review.merge import review_state
    from ..curation.review.stats import review_stats

    return review_stats(review_state(store).claims)


@cache
def _translation_reviews(store) -> tuple[dict[tuple[str, str], tuple[str, str, str]], int]:
    """The translations a person reviewed (read from the graph) and how many there are."""
    from ..curation.review.translations import _shipped_units, reviewed_units

    return reviewed_units(store), len(_shipped_units())


def _rubric_rules() -> dict[str, tuple[str, str]]:
    """Rule ID -> (Dutch title, English title), read from mappings/RUBRIC.md's headings: read
    and parsed once per version of the file, not once per concept page (3 s of a 10x build)."""
    from ..resources import data_dir

    path = data_dir("mappings") / "RUBRIC.md"
    try:
        st = path.stat()
    except OSError:
        return {}
    return _rubric_rules_of(str(path), st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=4)
def _rubric_rules_of(path: str, mtime_ns: int, size: int) -> dict[str, tuple[str, str]]:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError:
        return {}
    out: dict[str, tuple[str, str]] = {}
    ids = r"([A-Z]+(?:-[A-Z]+)*-\d+(?: / [A-Z]+(?:-[A-Z]+)*-\d+)*)"
    for m in re.finditer(rf"^### {ids} — (.+)$|^\*\*{ids}([^*]*)\*\*", text, re.M):
        names = (m.group(1) or m.group(3)).split(" / ")
        title = (m.group(2) or m.group(4) or "").strip().strip(".").strip()
        curies = re.findall(r"`([a-z]+:[A-Za-z]+)`", title)
        title = re.sub(r"`[^`]*`:?", "", title).strip(" ()")
        if " / " in title:
            nl, en = title.split(" / ", 1)
        elif curies and not title:  # the relation's CURIE alone: its words
            nl = " / ".join(relation_word(c, "nl") for c in curies)
            en = " / ".join(relation_word(c, "en") for c in curies)
        else:
            nl = en = title
        for name in names:
            out[name] = (nl.strip(" ()"), en.strip(" ()"))
    return out


# ---------------------------------------------------------------------------- RDF text
_NAMESPACES = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))
_PN_LOCAL = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?")
_XSD_STRING = PREFIXES["xsd"] + "string"
#: a CURIE in running text ("Candidate: bijlage2:kwaliteitseis-01."): no trailing full stop
_CURIE_IN_PROSE = re.compile(r"(?<![\w/#:.-])[a-z][a-z0-9]*:[A-Za-z0-9](?:[\w.-]*[\w-])?")


@cache
def _curie_of(iri: str) -> tuple[str, str] | None:
    for prefix, ns in _NAMESPACES:
        if iri.startswith(ns) and _PN_LOCAL.fullmatch(iri[len(ns) :]):
            return prefix, f"{prefix}:{iri[len(ns) :]}"
    return None


def _curie(iri: str, used: set[str]) -> str | None:
    """The CURIE of an IRI under the project's prefixes (noting the prefix used), or None."""
    hit = _curie_of(iri)
    if hit is None:
        return None
    used.add(hit[0])
    return hit[1]


def _ttl_string(text: str) -> str:
    out = text.replace("\\", "\\\\").replace('"', '\\"')
    out = out.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t")
    out = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", lambda m: f"\\u{ord(m.group()):04X}", out)
    return f'"{out}"'


def _ttl_term(term, used: set[str]) -> str:
    if isinstance(term, ox.NamedNode):
        return _curie(term.value, used) or f"<{term.value}>"
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    lit = _ttl_string(term.value)
    if term.language:
        return f"{lit}@{term.language}"
    if term.datatype.value != _XSD_STRING:
        return f"{lit}^^{_curie(term.datatype.value, used) or '<' + term.datatype.value + '>'}"
    return lit


def turtle_text(triples) -> str:
    """Small, deterministic Turtle for a handful of triples (one concept's): subjects,
    predicates and objects sorted, the project's prefixes where they fit. The whole-graph
    exports keep their canonical serializer; this one writes 15,000 files at 50x."""
    used: set[str] = set()
    by_s: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for t in triples:
        p = "a" if t.predicate.value == RDF_TYPE else _ttl_term(t.predicate, used)
        by_s[_ttl_term(t.subject, used)][p].append(_ttl_term(t.object, used))
    body = []
    for s in sorted(by_s):
        preds = sorted(by_s[s], key=lambda p: (p != "a", p))
        lines = [f"    {p} " + " ,\n        ".join(sorted(by_s[s][p])) for p in preds]
        body.append(s + "\n" + " ;\n".join(lines) + " .\n")
    head = "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in sorted(used))
    return head + "\n" + "\n".join(body)


def _jsonld_term(term, used: set[str]) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"@id": _curie(term.value, used) or term.value}
    if isinstance(term, ox.BlankNode):
        return {"@id": f"_:{term.value}"}
    if term.language:
        return {"@value": term.value, "@language": term.language}
    if term.datatype.value != _XSD_STRING:
        return {
            "@value": term.value,
            "@type": _curie(term.datatype.value, used) or term.datatype.value,
        }
    return {"@value": term.value}


def _value_key(v: dict) -> tuple[str, str, str]:
    return (v.get("@id") or v["@value"], v.get("@language", ""), v.get("@type", ""))


def jsonld_node_text(triples) -> str:
    """The same triples as JSON-LD: a context of the prefixes used, compact IRIs, sorted."""
    used: set[str] = set()
    nodes: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for t in triples:
        s = _jsonld_term(t.subject, used)["@id"]
        if t.predicate.value == RDF_TYPE and isinstance(t.object, ox.NamedNode):
            nodes[s]["@type"].append(_jsonld_term(t.object, used)["@id"])
            continue
        p = _curie(t.predicate.value, used) or t.predicate.value
        nodes[s][p].append(_jsonld_term(t.object, used))
    graph = []
    for s in sorted(nodes):
        node: dict = {"@id": s}
        for p in sorted(nodes[s]):
            vals = nodes[s][p]
            node[p] = sorted(vals) if p == "@type" else sorted(vals, key=_value_key)
        graph.append(node)
    # one node per line, each by json's C encoder (indent= would take the slow Python one)
    ctx = json.dumps({p: PREFIXES[p] for p in sorted(used)}, ensure_ascii=False, indent=1)
    nodes_text = ",\n".join(json.dumps(n, ensure_ascii=False) for n in graph)
    return '{"@context": ' + ctx + ',\n"@graph": [\n' + nodes_text + "\n]}\n"


# ---------------------------------------------------------------------------- the graph, read once
class _Graph:
    """The asserted (and, with --include-data, user) triples, indexed once: every concept's
    properties, the inverse links, and a label in each language for any term."""

    LABELS = (SKOS + "prefLabel", RDFS + "label", DCT + "title")

    def __init__(self, triples) -> None:
        self.triples = triples
        self.props: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        self.by_subject: dict[str, list] = defaultdict(list)
        self.inverse: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        self.records_of: dict[str, set[str]] = defaultdict(set)
        annotated = (OWL + "annotatedSource", OWL + "annotatedTarget")
        for t in triples:
            s, p, o = t.subject.value, t.predicate.value, t.object
            self.props[s][p].append(o)
            self.by_subject[s].append(t)
            if isinstance(o, ox.NamedNode):
                self.inverse[o.value][p].append(s)
                if p in annotated:
                    self.records_of[o.value].add(s)

    def texts(self, iri: str, prop: str, lang: str | None = None) -> list[str]:
        """The literals of a property, in one language (``""`` for untagged) or all."""
        vals = [
            t
            for t in self.props.get(iri, {}).get(prop, ())
            if isinstance(t, ox.Literal)
            and (lang is None or (t.language or "").lower().split("-")[0] == lang)
        ]
        return sorted(t.value for t in vals)

    def text(self, iri: str, prop: str, lang: str) -> str | None:
        vals = self.texts(iri, prop, lang)
        return vals[0] if vals else None

    def literals(self, iri: str, prop: str) -> list[tuple[str, str]]:
        """(text, language) pairs, sorted."""
        return sorted(
            (t.value, (t.language or "").lower())
            for t in self.props.get(iri, {}).get(prop, ())
            if isinstance(t, ox.Literal)
        )

    def iris(self, iri: str, prop: str) -> list[str]:
        return sorted(
            t.value for t in self.props.get(iri, {}).get(prop, ()) if isinstance(t, ox.NamedNode)
        )

    def label(self, iri: str, lang: str) -> tuple[str, str] | None:
        """(label, its language) in the language asked, else Dutch, else untagged."""
        for want in (lang, "nl", ""):
            for prop in self.LABELS:
                text = self.text(iri, prop, want)
                if text:
                    return text, want
        return None


# ---------------------------------------------------------------------------- render
def _render(store: Store) -> dict[str, bytes]:
    from ..questions.catalogue import _natural, concepts, frameworks
    from .export import _triples as asserted_triples
    from .export import case_packages, concept_mappings, context, export

    files: dict[str, bytes] = {}

    def put(rel: str, text: str | bytes) -> None:
        files[rel] = text if isinstance(text, bytes) else text.encode("utf-8")

    graph = _Graph(asserted_triples(store))
    fws = sorted(frameworks(store), key=lambda f: f.id)
    maps = concept_mappings(store, external=True)  # the ESCO links on the concept pages too
    pages: dict[str, _Page] = {}
    by_fw: dict[str, list[_Page]] = {}
    used_paths: set[str] = set()
    slugs = _slugs([f.id for f in fws])
    for fw in fws:
        members = []
        slug = slugs[fw.id]
        for c in concepts(store, fw.id, include_deprecated=True):  # released IRIs resolve
            local = _local(c.iri)
            if f"{slug}/{local}".lower() in used_paths:  # two IRIs, one file name: a hash
                local = _local(c.iri + " ")
            used_paths.add(f"{slug}/{local}".lower())
            page = _Page(
                id=c.id,
                iri=c.iri,
                framework=fw.id,
                path=f"concepts/{slug}/{local}.html",
                data=f"data/{slug}/{local}",
                label=c.label,
                notation=c.notation,
                type=c.type,
            )
            page.mappings = sorted(
                maps.get(c.id, []), key=lambda m: (m[0] != "exactMatch", m[0], _natural(m[1]))
            )
            pages[c.id] = page
            members.append(page)
        by_fw[fw.id] = members

    # per-concept data files: the concept's own triples plus the records that touch it
    for page in pages.values():
        mine = set(graph.by_subject.get(page.iri, ()))
        for rec in graph.records_of.get(page.iri, ()):
            mine.update(graph.by_subject.get(rec, ()))
        put(page.data + ".ttl", turtle_text(mine))
        put(page.data + ".jsonld", jsonld_node_text(mine))

    # downloads: the data in every form a user asks for, so the site is also the distribution
    # point. The whole graph is written here by the same small writers as the per-concept
    # files (linear: the canonical Turtle and RDF/XML serializers of ``export`` cost 85 s of
    # the 50x build); RDF/XML stays a command away (herstelgraph export --format rdfxml).
    whole = sorted(graph.triples, key=str)
    downloads = [
        ("herstelgraph.ttl", "Turtle"),
        ("herstelgraph.jsonld", "JSON-LD"),
        ("herstelgraph.nt", "N-Triples"),
        ("herstelgraph.sssom.tsv", "SSSOM"),
        ("herstelgraph.csv", "CSV"),
    ]
    put("downloads/herstelgraph.ttl", turtle_text(whole))
    put("downloads/herstelgraph.jsonld", jsonld_node_text(whole))
    put("downloads/herstelgraph.nt", "".join(f"{t} .\n" for t in whole))
    put("downloads/herstelgraph.sssom.tsv", export(store, "sssom").data)
    put("downloads/herstelgraph.csv", export(store, "csv").data)
    # CASE: every framework's package from one pass (what export(store, "case", fw.iri) gives,
    # byte for byte: tests/test_site.py), not one pass per framework
    packages = {p["CFDocument"].get("uri"): p for p in case_packages(store)}
    for fw in fws:
        put(f"downloads/{slugs[fw.id]}.csv", export(store, "csv", fw.iri).data)
        if fw.iri in packages:
            case = json.dumps(packages[fw.iri], ensure_ascii=False, indent=2) + "\n"
            put(f"downloads/{slugs[fw.id]}.case.json", case)
    put(
        "downloads/herstelgraph.context.jsonld",
        json.dumps({"@context": context()}, indent=2) + "\n",
    )
    from ..resources import data_dir

    rubric = data_dir("mappings") / "RUBRIC.md"
    if rubric.is_file():
        put("downloads/RUBRIC.md", rubric.read_bytes())

    put("assets/style.css", _asset("style.css"))
    put("assets/search.js", _asset("search.js"))

    counts = item_counts(store)
    present = {f.id for f in fws}
    aligned = sorted(
        {x for (a, b), (_n, m, via, no) in counts.items() if m or via or no for x in (a, b)}
        & present
    )
    coverage = {
        (a, b): counts[(a, b)] for a in aligned for b in aligned if a != b and (a, b) in counts
    }
    reviews = _review_statuses(store)
    site = _Site(graph, fws, by_fw, pages, _counted(store), aligned, reviews, slugs)
    site.review_figures = _review_figures(store)
    site.external = external_shares(store)
    site.translation_reviews, site.translation_total = _translation_reviews(store)

    put("index.html", site.root_index())
    put(MARKER, "herstelgraph static site; this folder is rebuilt by `herstelgraph site`\n")
    for lang in LANGS:
        site.lang = lang
        index = [
            {
                "id": p.id,
                "label": site.concept_label(p)[0],
                "lang": site.concept_label(p)[1],
                "other": site.other_label(p),
                "alt": graph.texts(p.iri, SKOS + "altLabel"),
                "notation": p.notation or "",
                "framework": p.framework,
                "type": type_word(p.type, lang),
                "url": p.path,
            }
            for p in sorted(pages.values(), key=lambda p: (p.framework, _natural(p.notation), p.id))
        ]
        put(
            f"{lang}/search-index.js",
            "window.HERSTELGRAPH_INDEX = " + json.dumps(index, ensure_ascii=True, indent=0) + ";\n",
        )
        svg = site.heatmap_svg(coverage)
        put(f"{lang}/coverage.svg", svg)
        put(f"{lang}/index.html", site.index_html(downloads))
        for fw in fws:
            put(f"{lang}/frameworks/{slugs[fw.id]}.html", site.framework_html(fw))
        for page in pages.values():
            put(f"{lang}/{page.path}", site.concept_html(page, maps))
        put(f"{lang}/coverage.html", site.coverage_html(coverage, svg))
        put(f"{lang}/ontology.html", site.ontology_html())
    return files


# ---------------------------------------------------------------------------- colours
def _blend(share: float) -> str:
    """The heatmap's fill: light up to half, dark above, skipping the mid-tones where
    neither dark nor white text reaches a 4.5:1 contrast."""
    lo, hi = (0xF1, 0xF5, 0xF9), (0x0B, 0x3D, 0x6B)
    t = share * 1.1 if share <= 0.5 else 0.7 + (share - 0.5) * 0.6
    rgb = [round(lo[i] + (hi[i] - lo[i]) * t) for i in range(3)]
    return "#" + "".join(f"{c:02x}" for c in rgb)


def luminance(colour: str) -> float:
    """WCAG relative luminance of ``#rrggbb``."""
    rgb = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(fg: str, bg: str) -> float:
    """WCAG contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    a, b = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def _ink(fill: str) -> str:
    """White or near-black text, whichever contrasts more with the fill."""
    return "#ffffff" if contrast("#ffffff", fill) >= contrast("#1b1f24", fill) else "#1b1f24"


# ---------------------------------------------------------------------------- pages
class _Site:
    """The pages of one build; ``lang`` is the tree being written."""

    def __init__(self, graph, fws, by_fw, pages, counts, aligned, reviews, slugs) -> None:
        self.g = graph
        self.slugs = slugs
        self.fws = fws
        self.fw_by_id = {f.id: f for f in fws}
        self.fw_by_scheme = {f.iri: f for f in fws}
        self.fw_by_scheme.update({compact(f.iri): f for f in fws})
        self.by_fw = by_fw
        self.pages = pages
        self.counts = counts
        self.aligned = aligned
        self.reviews = reviews
        self.review_figures = None
        #: framework ID -> its ESCO share rows (``external_shares``)
        self.external: dict[str, list] = {}
        #: (CURIE, property CURIE) -> (decision, reviewer, date) of the reviewed translations
        self.translation_reviews: dict[tuple[str, str], tuple[str, str, str]] = {}
        self.translation_total = 0
        self.lang = "nl"
        self._links: dict[tuple, str] = {}
        self.en_labels = {
            p.iri: text
            for p in pages.values()
            if (text := graph.text(p.iri, SKOS + "prefLabel", "en"))
        }
        self.ontology_terms = {
            s for s in graph.props if s.startswith(HG) and graph.props[s].get(RDF_TYPE)
        }

    # ------------------------------------------------------------------ words
    def w(self, key: str, **fields) -> str:
        return site_word(key, self.lang, **fields)

    def translations_reviewed(self) -> str:
        """'n van N vertalingen door een mens beoordeeld' (the review files applied)."""
        from ..words import message

        return (
            message(
                "translations_reviewed",
                self.lang,
                reviewed=len(self.translation_reviews),
                total=self.translation_total,
            )
            + "."
        )

    def translation_note(self, iri: str, prop: str) -> str:
        """What a translation is: AI-assisted and unreviewed, or who reviewed it and when."""
        review = self.translation_reviews.get((compact(iri), compact(prop)))
        if review is None:
            return self.w("translation_note")
        kind, who, date = review
        return self.w(f"translation_{kind}ed_by", who=e(who), date=e(date))

    def concept_label(self, page: _Page) -> tuple[str, str]:
        """The label in this tree's language, with its language (Dutch when untranslated)."""
        if self.lang == "en":
            en = self.en_labels.get(page.iri)
            if en:
                return en, "en"
        return page.label, "nl"

    def other_label(self, page: _Page) -> str:
        if self.lang == "en":
            return page.label
        return self.en_labels.get(page.iri) or ""

    def fw_title(self, fw) -> tuple[str, str]:
        if self.lang == "en":
            en = self.g.text(fw.iri, DCT + "title", "en")
            if en:
                return en, "en"
        return fw.title or fw.id, "nl"

    def term(self, iri: str, root: str) -> str:
        """Any IRI as its label: a concept page, a framework page, an ontology term or
        the label with the IRI as a tooltip; the IRI itself only when nothing names it."""
        cid = compact(iri)
        if cid in self.pages:
            return self.concept_link(self.pages[cid], root)
        fw = self.fw_by_scheme.get(iri)
        if fw is not None:
            return self.fw_link(fw, root)
        found = self.g.label(iri, self.lang)
        if iri in self.ontology_terms:
            text, lang = found or (iri.removeprefix(HG), "")
            return (
                f'<a href="{root}ontology.html#{e(iri.removeprefix(HG))}"{_lang_attr(lang)}'
                f' title="{e(cid)}">{e(text)}</a>'
            )
        if found:
            return f'<span{_lang_attr(found[1])} title="{e(cid)}">{e(found[0])}</span>'
        if iri.startswith(("http://", "https://")):
            return f'<a href="{e(iri)}">{e(iri)}</a>'
        return e(iri)

    def prose(self, text: str, root: str) -> str:
        """Curators' prose, escaped, with each CURIE that names a concept of the site (or a
        term of the ontology) linked to its page (entry): the CURIE stays as the curator wrote
        it, its label is the link's title."""
        out, last = [], 0
        for m in _CURIE_IN_PROSE.finditer(text):
            curie = m.group(0)
            page = self.pages.get(curie)
            if page is not None:
                label, href = self.concept_label(page)[0], root + page.path
            elif curie.startswith("hg:") and HG + curie[3:] in self.ontology_terms:
                # the ontology's own terms (hg:appliesAt hg:Organisation): their entries
                found = self.g.label(HG + curie[3:], self.lang)
                label, href = found[0] if found else curie, f"{root}ontology.html#{curie[3:]}"
            else:
                continue
            out.append(e(text[last : m.start()]))
            out.append(f'<a class="curie" href="{e(href)}" title="{e(label)}">{e(curie)}</a>')
            last = m.end()
        out.append(e(text[last:]))
        return "".join(out)

    def concept_link(self, page: _Page, root: str, cls: str = "") -> str:
        key = (page.id, self.lang, root, cls)
        hit = self._links.get(key)
        if hit is None:
            label, lang = self.concept_label(page)
            klass = f' class="{cls}"' if cls else ""
            hit = f'<a{klass} href="{e(root + page.path)}" lang="{lang}">{e(label)}</a>'
            self._links[key] = hit
        return hit

    def fw_link(self, fw, root: str) -> str:
        title, lang = self.fw_title(fw)
        return (
            f'<a href="{root}frameworks/{e(self.slugs[fw.id])}.html" lang="{lang}">{e(title)}</a>'
        )

    # ------------------------------------------------------------------ layout
    def layout(self, title: str, rel: str, body: str, *, scripts: tuple[str, ...] = ()) -> str:
        """A page at ``rel`` (path inside the language tree)."""
        root = "../" * rel.count("/")
        other = "en" if self.lang == "nl" else "nl"
        switch = f"{root}../{other}/{rel}"
        script_tags = "".join(f'<script src="{e(root + s)}"></script>\n' for s in scripts)
        nav = "".join(
            f'<a href="{root}{href}">{self.w(key)}</a>'
            for key, href in (
                ("frameworks", "index.html#frameworks"),
                ("search", "index.html#zoeken"),
                ("coverage", "coverage.html"),
                ("ontology", "ontology.html"),
                ("downloads", "index.html#downloads"),
            )
        )
        return (
            "<!DOCTYPE html>\n"
            f'<html lang="{self.lang}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{e(title)} · herstelgraph</title>\n"
            f'<link rel="stylesheet" href="{root}../assets/style.css">\n'
            f'<link rel="alternate" hreflang="{other}" href="{e(switch)}">\n'
            "</head>\n<body>\n"
            f'<header class="site"><nav aria-label="{self.w("main_nav")}">'
            f'<a class="brand" href="{root}index.html">herstelgraph</a>{nav}</nav>'
            f'<a class="lang-switch" href="{e(switch)}" hreflang="{other}" lang="{other}"'
            f' title="{self.w("switch_title")}">{self.w("other_language")}</a>'
            "</header>\n"
            f"<main>\n{body}\n</main>\n"
            f"<footer>{self.w('footer')} {self.translations_reviewed()}</footer>\n"
            f"{script_tags}</body>\n</html>\n"
        )

    def root_index(self) -> str:
        """The site's front door: straight to the Dutch tree, both offered."""
        return (
            "<!DOCTYPE html>\n"
            '<html lang="nl">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta http-equiv="refresh" content="0; url=nl/index.html">\n'
            "<title>herstelgraph</title>\n"
            '<link rel="stylesheet" href="assets/style.css">\n'
            '<link rel="alternate" hreflang="nl" href="nl/index.html">\n'
            '<link rel="alternate" hreflang="en" href="en/index.html">\n'
            "</head>\n<body>\n<main>\n<h1>herstelgraph</h1>\n"
            f"<p>{site_word('choose_language', 'nl')} · "
            f'<span lang="en">{site_word("choose_language", "en")}</span></p>\n'
            '<ul class="languages">'
            f'<li><a href="nl/index.html" hreflang="nl">Nederlands</a> — '
            f"{site_word('home_title', 'nl')}</li>"
            f'<li lang="en"><a href="en/index.html" hreflang="en">English</a> — '
            f"{site_word('home_title', 'en')}</li></ul>\n"
            "</main>\n</body>\n</html>\n"
        )

    # ------------------------------------------------------------------ index
    def fw_items(self, fw_id: str) -> set[str] | None:
        """The framework's requirement items (None: no mapping reaches the framework)."""
        if fw_id not in self.aligned:
            return None
        required = self.counts[0]
        return {p.id for p in self.by_fw[fw_id] if p.id in required}

    def index_html(self, downloads) -> str:
        rows = []
        _required, mapped_ids, via_ids = self.counts
        for fw in self.fws:
            members = self.by_fw[fw.id]
            items = self.fw_items(fw.id)
            if items is None:
                mapped = reviewed = f'<span class="meta">{self.w("not_aligned")}</span>'
                n_items = "–"
            else:
                m = items & mapped_ids
                r = m | (items & via_ids)
                r |= {
                    i
                    for i in items
                    if any(
                        x[0] == "noMatch" and not _is_external(x[2]) for x in self.pages[i].mappings
                    )
                }
                n_items, mapped, reviewed = str(len(items)), str(len(m)), str(len(r))
            types: dict[str, int] = defaultdict(int)
            for p in members:
                types[type_word(p.type, self.lang)] += 1
            type_text = ", ".join(f"{n} {t}" for t, n in sorted(types.items()))
            rows.append(
                "<tr>"
                f'<td>{self.fw_link(fw, "")}<br><span class="meta">{e(fw.id)}</span></td>'
                f'<td class="num">{n_items}</td><td class="num">{len(members)}</td>'
                f'<td class="num">{mapped}</td><td class="num">{reviewed}</td>'
                f'<td class="meta">{e(type_text)}</td>'
                f'<td><a href="../downloads/{e(self.slugs[fw.id])}.csv">CSV</a> · '
                f'<a href="../downloads/{e(self.slugs[fw.id])}.case.json">CASE</a></td>'
                "</tr>"
            )
        dl = "".join(
            f'<li><a href="../downloads/{e(name)}">{e(name)}</a> '
            f'<span class="meta">({e(fmt)})</span></li>'
            for name, fmt in downloads
        )
        w = self.w
        body = f"""<h1>{w("home_title")}</h1>
<p>{w("home_intro")}</p>
<section id="zoeken">
<h2>{w("search")}</h2>
<label for="search">{w("search_label")}</label><br>
<input id="search" type="search" data-root="" autocomplete="off"
 data-one="{w("hit_one")}" data-many="{w("hit_many")}" data-first="{w("hits_first")}"
 placeholder="{w("search_placeholder")}">
<p id="search-status" class="meta" aria-live="polite"></p>
<ol id="results"></ol>
</section>
<section id="frameworks">
<h2>{w("frameworks")}</h2>
<div class="scroll"><table><thead><tr><th>{w("framework")}</th>
<th class="num">{w("items_counted")}</th><th class="num">{w("concepts_all")}</th>
<th class="num">{w("mapped_any")}</th><th class="num">{w("reviewed_any")}</th>
<th>{w("types")}</th><th>{w("data")}</th></tr></thead>
<tbody>
{"".join(rows)}
</tbody></table></div>
<p class="meta">{w("what_counts")}</p>
</section>
<section>
<h2>{w("more")}</h2>
<ul><li><a href="coverage.html">{w("coverage_link")}</a></li>
<li><a href="ontology.html">{w("ontology_link")}</a></li></ul>
</section>
<section id="downloads">
<h2>{w("downloads")}</h2>
<ul>{dl}<li><a href="../downloads/herstelgraph.context.jsonld">herstelgraph.context.jsonld</a>
<span class="meta">({w("context_note")})</span></li>
<li><a href="../downloads/RUBRIC.md">RUBRIC.md</a>
<span class="meta">({w("rubric_note")})</span></li></ul>
</section>"""
        return self.layout(
            w("frameworks"), "index.html", body, scripts=("search-index.js", "../assets/search.js")
        )

    # ------------------------------------------------------------------ framework
    def framework_html(self, fw) -> str:
        from ..questions.catalogue import _natural

        root = "../"
        members = self.by_fw[fw.id]
        children: dict[str | None, list[_Page]] = defaultdict(list)
        ids = {p.iri: p.id for p in members}
        for p in members:
            parent = next((ids[b] for b in self.g.iris(p.iri, SKOS + "broader") if b in ids), None)
            children[parent].append(p)

        def tree(parent: str | None, depth: int = 0) -> str:
            kids = sorted(children.get(parent, []), key=lambda p: (_natural(p.notation), p.id))
            if not kids or depth > 50:
                return ""
            items = []
            for p in kids:
                note = f'<span class="badge">{e(p.notation)}</span> ' if p.notation else ""
                items.append(
                    f"<li>{note}{self.concept_link(p, root)} "
                    f"<span class='meta'>{e(type_word(p.type, self.lang))}</span>"
                    f"{tree(p.id, depth + 1)}</li>"
                )
            return '<ul class="tree">' + "".join(items) + "</ul>"

        w, g = self.w, self.g
        title, tlang = self.fw_title(fw)
        not_stated = f'<span class="meta">{w("not_stated")}</span>'
        level = []
        if fw.vks is not None:
            level.append(f"VKS {e(fw.vks)}")
        for eqf in g.iris(fw.iri, HG + "eqfLevel"):
            level.append(f'<a href="{e(eqf)}">EQF {e(eqf.rstrip("/").rsplit("/", 1)[-1])}</a>')
        if not level and g.iris(fw.iri, HG + "levelStatus"):
            level.append(f'<span class="meta">{w("level_tbd")}</span>')
        sources = g.iris(fw.iri, HG + "sourceDocument")
        # the source's own date (BK-0597-1: "Jaar van erkenning: versie 1, 2024"); the
        # scheme's dct:issued is the herstelgraph release it belongs to, not the framework's
        dates = [
            v
            for p in ("dateAccepted", "issued", "created", "modified", "date")
            for s in sources
            for v in g.texts(s, DCT + p)
        ]
        licences = g.iris(fw.iri, DCT + "license") + [
            x for s in sources for x in g.iris(s, DCT + "license")
        ]
        items = self.fw_items(fw.id)
        facts = [
            (w("id"), e(fw.id)),
            (w("iri"), f'<a href="{e(fw.iri)}"><code>{e(fw.iri)}</code></a>'),
            (w("level"), " · ".join(level) or not_stated),
            (w("version"), e(fw.version) if fw.version else not_stated),
            (w("date"), e(", ".join(dates)) if dates else not_stated),
            (
                w("licence"),
                ", ".join(f'<a href="{e(x)}">{e(x)}</a>' for x in licences) or not_stated,
            ),
            (w("source_document"), ", ".join(self.source_doc(s, root) for s in sources)),
            (w("concepts_all"), str(len(members))),
            (w("items_counted"), str(len(items)) if items is not None else w("not_aligned")),
            (w("esco_links"), self.esco_share(fw.id)),
        ]
        if self.lang == "en" and tlang == "en":
            facts.insert(1, (w("dutch_label"), f'<span lang="nl">{e(fw.title)}</span>'))
        body = (
            f'<p class="crumbs"><a href="{root}index.html">{w("frameworks")}</a> › {e(fw.id)}</p>'
            f'<h1 lang="{tlang}">{e(title)}</h1>'
            + _facts(facts)
            + f'<p><a href="{root}../downloads/{e(self.slugs[fw.id])}.csv">{w("csv_excel")}</a> · '
            f'<a href="{root}../downloads/{e(self.slugs[fw.id])}.case.json">'
            f"{w('case_package')}</a></p>"
            f"<h2>{w('items_heading')}</h2>{tree(None)}"
        )
        return self.layout(title, f"frameworks/{self.slugs[fw.id]}.html", body)

    def esco_share(self, fw_id: str) -> str:
        """'9 van 11 competenties gekoppeld (2 beoordeeld zonder koppeling)', one line per
        item type reviewed against ESCO; "" (the fact left out) where none is."""
        from ..words import type_plural

        lines = []
        for row in self.external.get(fw_id, []):
            text = self.w(
                "esco_share",
                mapped=row.mapped,
                items=row.items,
                kind=e(type_plural(row.section or "", self.lang)),
            )
            rest = [
                self.w(key, n=n)
                for key, n in (
                    ("esco_no_match", row.no_match),
                    ("esco_not_reviewed", row.not_reviewed),
                )
                if n
            ]
            if rest:
                text += f' <span class="meta">({", ".join(rest)})</span>'
            lines.append(f'<span class="esco-share">{text}</span>')
        return "<br>".join(lines)

    def source_doc(self, iri: str, root: str) -> str:
        """A source document by its title (and file name); one without a title by its file
        name, else in words: never its CURIE."""
        found = self.g.label(iri, self.lang)
        ident = ", ".join(self.g.texts(iri, DCT + "identifier"))
        if found:
            extra = f' <span class="meta">({e(ident)})</span>' if ident else ""
            return f"<span{_lang_attr(found[1])}>{e(found[0])}</span>{extra}"
        if ident:
            return f'{self.w("untitled_source")} <span class="meta">({e(ident)})</span>'
        return self.w("untitled_source")

    # ------------------------------------------------------------------ concept
    def concept_html(self, page: _Page, maps) -> str:
        g, w, lang = self.g, self.w, self.lang
        root = "../../"
        iri = page.iri
        label, label_lang = self.concept_label(page)

        # breadcrumbs: the broader chain up to the framework
        chain, seen, cur = [], {page.id}, page
        while True:
            parents = [compact(b) for b in g.iris(cur.iri, SKOS + "broader")]
            nxt = next((self.pages[b] for b in parents if b in self.pages), None)
            if nxt is None or nxt.id in seen:
                break
            chain.append(nxt)
            seen.add(nxt.id)
            cur = nxt
        fw = self.fw_by_id[page.framework]
        crumbs = [f'<a href="{root}index.html">{w("frameworks")}</a>', self.fw_link(fw, root)]
        crumbs += [self.concept_link(p, root) for p in reversed(chain)]
        types = [
            t
            for t in g.iris(iri, RDF_TYPE)
            if (t.startswith(HG) and t not in (HG + "Item",)) or t == SKOS + "Collection"
        ]
        section = g.text(iri, HG + "sourceSection", "nl") or g.text(iri, HG + "sourceSection", "")
        facts = [
            (w("id"), f"<code>{e(page.id)}</code>"),
            (w("iri"), f'<a href="{e(iri)}"><code>{e(iri)}</code></a>'),
            (w("notation"), e(page.notation) if page.notation else ""),
            (w("type"), ", ".join(self.term(t, root) for t in types)),
            (w("framework"), self.fw_link(fw, root)),
            (w("source_section"), f'<span lang="nl">{e(section)}</span>' if section else ""),
            (
                w("source_document"),
                ", ".join(self.source_doc(s, root) for s in g.iris(iri, HG + "sourceDocument")),
            ),
            (w("applies_at"), ", ".join(self.term(x, root) for x in g.iris(iri, HG + "appliesAt"))),
        ]
        parts = [
            f'<p class="crumbs">{" › ".join(crumbs)}</p>',
            f'<h1 id="label" lang="{label_lang}">{e(label)}</h1>',
        ]
        en_label = g.text(iri, SKOS + "prefLabel", "en")
        if lang == "en" and label_lang == "en":
            parts.append(
                f'<p class="original">{w("dutch_label")}: '
                f'<span lang="nl">{e(page.label)}</span><br>'
                f'<span class="meta">{self.translation_note(iri, SKOS + "prefLabel")}</span></p>'
            )
        elif lang == "nl" and en_label:
            parts.append(
                f'<p class="translation meta">{w("english_label")}: '
                f'<span lang="en">{e(en_label)}</span> — '
                f"{self.translation_note(iri, SKOS + 'prefLabel')}</p>"
            )
        parts.append(_facts(facts))
        source_text = g.text(iri, HG + "sourceText", "nl")
        definition = g.text(iri, SKOS + "definition", "nl")
        en_def = g.text(iri, SKOS + "definition", "en")
        for title, text in ((w("source_text"), source_text), (w("definition"), definition)):
            if text:
                parts.append(
                    f'<h2>{title}</h2><blockquote class="source-quote" lang="nl">{e(text)}'
                    "</blockquote>"
                )
        if en_def:
            parts.append(
                f'<h2>{w("english_definition")}</h2><blockquote class="translation" lang="en">'
                f'{e(en_def)}</blockquote><p class="meta">'
                f"{self.translation_note(iri, SKOS + 'definition')}</p>"
            )
        for key, prop in (
            ("alt_labels", SKOS + "altLabel"),
            ("scope_notes", SKOS + "scopeNote"),
            ("editorial_notes", SKOS + "editorialNote"),
        ):
            values = g.literals(iri, prop)
            if values:
                parts.append(
                    f"<h2>{w(key)}</h2><ul>"
                    + "".join(f"<li{_lang_attr(x)}>{self.prose(v, root)}</li>" for v, x in values)
                    + "</ul>"
                )
        parts.append(self.hierarchy(page, root))
        parts.append(self.mappings_html(page, root))
        parts.append(
            f"<h2>{w('data')}</h2><p>"
            + w(
                "data_note",
                ttl=e(f"{root}../{page.data}.ttl"),
                jsonld=e(f"{root}../{page.data}.jsonld"),
            )
            + "</p>"
        )
        return self.layout(label, page.path, "\n".join(parts))

    def hierarchy(self, page: _Page, root: str) -> str:
        from ..questions.catalogue import _natural

        g, w = self.g, self.w
        iri = page.iri

        def ids(values) -> list[str]:
            return sorted({compact(v) for v in values}, key=_natural)

        broader = ids(g.iris(iri, SKOS + "broader"))
        narrower = ids(g.iris(iri, SKOS + "narrower") + g.inverse[iri].get(SKOS + "broader", []))
        rows = []
        if broader:
            rows.append((w("broader"), "<br>".join(self.ref(b, root) for b in broader)))
        for key, values in (
            ("narrower", narrower),
            ("requires_knowledge", ids(g.iris(iri, HG + "requiresKnowledge"))),
            ("required_by", ids(g.inverse[iri].get(HG + "requiresKnowledge", []))),
            ("members_of", ids(g.inverse[iri].get(SKOS + "member", []))),
        ):
            if values:
                rows.append(
                    (
                        w(key),
                        "<ul>" + "".join(f"<li>{self.ref(v, root)}</li>" for v in values) + "</ul>",
                    )
                )
        body = _facts(rows) if rows else f"<p>{w('top_level')}</p>"
        return f"<h2>{w('hierarchy')}</h2>{body}"

    def ref(self, curie: str, root: str) -> str:
        target = self.pages.get(curie)
        if target is not None:
            return self.concept_link(target, root)
        from ..ids import expand

        return self.term(expand(curie) or curie, root)

    def mappings_html(self, page: _Page, root: str) -> str:
        w, lang = self.w, self.lang
        rows, none = [], []
        rules = _rubric_rules()
        for rel, other, rec in page.mappings:
            status, support = self.reviews.get(rec.record_id, ("unreviewed", 0))
            review = value_word(status, lang)
            if status in ("confirmed", "changed") and support:
                review += " " + w("by_reviewers", n=support)
            if rel == "noMatch":
                fw = self.fw_by_scheme.get(other)
                if fw:
                    fw_html = self.fw_link(fw, root)
                elif _is_external(rec):
                    fw_html = e(w("esco_vocabulary"))
                else:
                    fw_html = self.term(other, root)
                none.append(
                    f"<li>{w('no_match_in', fw=fw_html)}"
                    + (
                        f' — <span class="meta" lang="en">{self.prose(rec.comment, root)}</span>'
                        if rec.comment
                        else ""
                    )
                    + f' <span class="meta">({e(rec.author_label)}, {e(rec.mapping_date)}; '
                    f"{self.rule_html(rec, rules, root)}; {e(review)})</span></li>"
                )
                continue
            target = self.pages.get(other)
            if target is not None:
                link = self.concept_link(target, root, "mapping-link")
                where = self.fw_link(self.fw_by_id[target.framework], root)
            elif _is_external(rec):
                # an ESCO concept: its (English) ESCO label, linked to its ESCO URI
                from ..ids import expand

                uri = expand(other) or other
                label = rec.object_label or other
                link = (
                    f'<a class="mapping-link external" href="{e(uri)}" lang="en" '
                    f'title="{e(uri)}">{e(label)}</a>'
                )
                where = e(w("esco_vocabulary"))
            else:
                from ..ids import expand

                link, where = self.term(expand(other) or other, root), ""
            direction = value_word("asserted" if rec.subject_id == page.id else "inverse", lang)
            strength = (
                f' <span class="badge" title="{e(rec.other)}">'
                f"{e(value_word(rec.other, lang))}</span>"
                if rec.other
                else ""
            )
            rows.append(
                "<tr>"
                f'<td><span class="relation" title="{e(rel)}">{e(relation_word(rel, lang))}</span>'
                f"{strength}</td>"
                f"<td>{link}<br><span class='meta'>{where}</span></td>"
                f'<td class="num">{_confidence_cell(rec.confidence, lang)}</td>'
                f"<td>{self.rule_html(rec, rules, root)}</td>"
                f'<td><span class="review review-{e(status)}">'
                f"{e(review)}</span></td>"
                f'<td><span title="{e(rec.mapping_justification)}">'
                f"{e(value_word(rec.mapping_justification, lang))}</span><br>"
                f'<span class="meta">{e(rec.author_label)}, {e(rec.mapping_date)}; '
                f"{e(direction)}</span></td>"
                f'<td lang="en">{self.prose(rec.comment or "", root)}</td>'
                "</tr>"
            )
        parts = [f"<h2>{w('mappings')}</h2>"]
        if rows:
            parts.append(
                '<div class="scroll"><table class="mappings"><thead><tr>'
                f"<th>{w('relation')}</th><th>{w('other_item')}</th>"
                f'<th class="num">{w("confidence")}</th><th>{w("rule")}</th>'
                f"<th>{w('review')}</th><th>{w('justification')}</th><th>{w('comment')}</th>"
                "</tr></thead><tbody>" + "".join(rows) + "</tbody></table></div>"
            )
        if none:
            parts.append('<ul class="no-match">' + "".join(none) + "</ul>")
        if not rows and not none:
            parts.append(f"<p>{w('no_mappings')}</p>")
        return "".join(parts)

    def rule_html(self, rec, rules, root: str) -> str:
        """The rubric rule a record names: its ID and title, linked to RUBRIC.md."""
        from ..ids import expand

        named = self.g.iris(expand(rec.record_id) or rec.record_id, SSSOM + "curation_rule")
        if not named:
            return f'<span class="meta">{self.w("no_rule")}</span>'
        out = []
        for iri in named:
            one = compact(iri)
            name = re.split(r"[#/:]", iri)[-1]
            title = rules.get(name)
            text = f"{name} — {title[1] if self.lang == 'en' else title[0]}" if title else name
            out.append(f'<a href="{root}../downloads/RUBRIC.md" title="{e(one)}">{e(text)}</a>')
        return ", ".join(out)

    # ------------------------------------------------------------------ coverage
    def heatmap_svg(self, cov) -> str:
        """Share of each row framework's items mapped into each column framework."""
        ids = self.aligned
        lang = self.lang
        cell, left, top = 92, 170, 120
        w, h = max(left + cell * len(ids) + 140, 560), top + cell * len(ids) + 50
        out = [
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
            f'viewBox="0 0 {w} {h}" role="img" aria-labelledby="hm-title" lang="{lang}">',
            f'<title id="hm-title">{e(self.w("heatmap_title"))}</title>',
        ]
        for j, b in enumerate(ids):
            x = left + j * cell + cell / 2
            out.append(
                f'<text x="{x:.0f}" y="{top - 10}" font-size="13" text-anchor="start" '
                f'transform="rotate(-35 {x:.0f} {top - 10})">{e(b)}</text>'
            )
        for i, a in enumerate(ids):
            y = top + i * cell
            out.append(
                f'<text x="{left - 8}" y="{y + cell / 2 + 5:.0f}" font-size="13" '
                f'text-anchor="end">{e(a)}</text>'
            )
            for j, b in enumerate(ids):
                x = left + j * cell
                if a == b or (a, b) not in cov:
                    out.append(
                        f'<rect x="{x}" y="{y}" width="{cell - 2}" height="{cell - 2}" '
                        'fill="#ffffff" stroke="#d0d7de"/>'
                    )
                    continue
                n, mapped, via, no = cov[(a, b)]
                share = mapped / n if n else 0.0
                fill = _blend(share)
                ink = _ink(fill)
                tip = self.w("heatmap_tip", a=a, b=b, mapped=mapped, n=n, via=via, no=no)
                out.append(
                    f'<g class="cell" data-a="{e(a)}" data-b="{e(b)}"><title>{e(tip)}</title>'
                    f'<rect x="{x}" y="{y}" width="{cell - 2}" height="{cell - 2}" fill="{fill}"/>'
                    f'<text x="{x + cell / 2 - 1:.0f}" y="{y + cell / 2:.0f}" font-size="16" '
                    f'text-anchor="middle" fill="{ink}">{_percent(mapped, n)}</text>'
                    f'<text x="{x + cell / 2 - 1:.0f}" y="{y + cell / 2 + 18:.0f}" font-size="11" '
                    f'text-anchor="middle" fill="{ink}">{mapped}/{n}</text></g>'
                )
        out.append(
            f'<text x="{left}" y="{h - 18}" font-size="12" fill="#57606a">'
            f"{e(self.w('heatmap_axes'))}</text>"
        )
        out.append("</svg>")
        return "\n".join(out) + "\n"

    def coverage_html(self, cov, svg: str) -> str:
        w = self.w
        rows = []
        for (a, b), (n, mapped, via, no) in sorted(cov.items()):
            rows.append(
                f'<tr data-a="{e(a)}" data-b="{e(b)}"><td>{self.fw_link(self.fw_by_id[a], "")}</td>'
                f"<td>{self.fw_link(self.fw_by_id[b], '')}</td><td class='num'>{n}</td>"
                f"<td class='num'>{mapped}</td><td class='num'>{via}</td><td class='num'>{no}</td>"
                f"<td class='num'>{n - mapped - via - no}</td>"
                f"<td class='num'>{_percent(mapped, n)}</td></tr>"
            )
        missing = [f for f in self.fws if f.id not in self.aligned]
        names = ", ".join(self.fw_link(f, "") for f in missing)
        body = (
            f"<h1>{w('coverage_title')}</h1><p>{w('coverage_intro')}</p>"
            f'<figure class="heatmap"><div class="scroll" tabindex="0" role="region" '
            f'aria-label="{e(w("heatmap_title"))}">{svg}</div>'
            f'<figcaption><a href="coverage.svg">coverage.svg</a></figcaption></figure>'
            + (f'<p id="not-aligned">{w("not_aligned_list", names=names)}</p>' if missing else "")
            + f"<p class='meta'>{w('what_counts')}</p>"
            f"<h2>{w('as_table')}</h2><div class='scroll'><table id='coverage-table'><thead><tr>"
            f"<th>{w('from')}</th><th>{w('into')}</th>"
            f"<th class='num'>{w('items_counted')}</th>"
            f"<th class='num'>{_header('mapped', self.lang)}</th>"
            f"<th class='num'>{_header('via_example', self.lang)}</th>"
            f"<th class='num'>{_header('no_match', self.lang)}</th>"
            f"<th class='num'>{_header('not_reviewed', self.lang)}</th>"
            f"<th class='num'>{_header('share', self.lang)}</th></tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table></div>"
        )
        return self.layout(w("coverage"), "coverage.html", body + self.review_html())

    def review_html(self) -> str:
        """The expert review's figures per framework pair and the agreement, in words."""
        w, lang = self.w, self.lang
        stats = self.review_figures
        if stats is None or not stats.reviewers:
            return f"<h2>{w('review')}</h2><p>{w('no_reviews')}</p>"
        cols = ("records", "reviewed", "confirmed", "rejected", "changed", "unsure", "disputed")
        pairs: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0] * len(cols))
        for c in stats.counts:
            row = pairs[tuple(sorted((c.subject_framework, c.object_framework)))]
            for i, name in enumerate(cols):
                row[i] += getattr(c, name)
        cells = "".join(
            f"<tr><td>{e(a)} ↔ {e(b)}</td>"
            + "".join(f"<td class='num'>{v}</td>" for v in row)
            + "</tr>"
            for (a, b), row in sorted(pairs.items())
        )
        agree = "".join(
            f"<li>{e(x.measure)} ({e(x.reviewers)}): "
            f"{'–' if x.value is None else f'{x.value:.3f}'} "
            f"{w('on_records', n=x.items)}"
            f"{' — ' + e(x.note) if x.note else ''}</li>"
            for x in stats.agreement
        )
        return (
            f"<h2>{w('review')}</h2><p>"
            + w("review_summary", n=len(stats.reviewers), version=e(stats.rubric_version))
            + "</p><div class='scroll'><table class='review-figures'><thead><tr>"
            f"<th>{w('pair')}</th>"
            + "".join(f"<th class='num'>{_header(c, lang)}</th>" for c in cols)
            + f"</tr></thead><tbody>{cells}</tbody></table></div>"
            + (f"<ul class='review-agreement' lang='en'>{agree}</ul>" if agree else "")
        )

    # ------------------------------------------------------------------ ontology
    def ontology_html(self) -> str:
        """Classes, properties and individuals of the core ontology with nl/en labels."""
        g, w = self.g, self.w
        kinds = (
            ("classes", ("owl:Class", "rdfs:Class")),
            (
                "properties",
                (
                    "owl:ObjectProperty",
                    "owl:DatatypeProperty",
                    "owl:AnnotationProperty",
                    "rdf:Property",
                ),
            ),
            ("individuals", ("owl:NamedIndividual",)),
        )
        terms = {t: {compact(k) for k in g.iris(t, RDF_TYPE)} for t in self.ontology_terms}
        sections, done = [], set()
        for key, wanted in kinds:
            members = sorted(t for t in terms if terms[t] & set(wanted) and t not in done)
            done |= set(members)
            if not members:
                continue
            cards = []
            for t in members:
                local = t.removeprefix(HG)
                found = g.label(t, self.lang)
                heading = (
                    f"<span{_lang_attr(found[1])}>{e(found[0])}</span> " if found else ""
                ) + f"<code>{e(compact(t))}</code>"
                facts = [
                    (
                        w("kind"),
                        ", ".join(
                            e(site_word(k, self.lang)) for k in sorted(terms[t]) if k in _KIND_WORDS
                        ),
                    ),
                    (
                        w("label_nl"),
                        _span(g.texts(t, RDFS + "label", "nl"), "nl"),
                    ),
                    (
                        w("label_en"),
                        _span(g.texts(t, RDFS + "label", "en"), "en"),
                    ),
                    (
                        w("comment_nl"),
                        _span(g.texts(t, RDFS + "comment", "nl"), "nl"),
                    ),
                    (
                        w("comment_en"),
                        _span(g.texts(t, RDFS + "comment", "en"), "en"),
                    ),
                ]
                for label, prop in (
                    ("subclass_of", RDFS + "subClassOf"),
                    ("subproperty_of", RDFS + "subPropertyOf"),
                    ("domain", RDFS + "domain"),
                    ("range", RDFS + "range"),
                    ("equivalent", OWL + "equivalentClass"),
                ):
                    vals = g.iris(t, prop)
                    if vals:
                        facts.append((w(label), ", ".join(self.term(v, "") for v in vals)))
                cards.append(
                    f'<section class="term" id="{e(local)}"><h3>{heading}</h3>'
                    + _facts(facts)
                    + "</section>"
                )
            sections.append(f"<h2>{w(key)} ({len(members)})</h2>" + "".join(cards))
        intro = (
            f"<h1>{w('ontology_title')}</h1><p>"
            + w("ontology_intro", ns=e(HG), ctx="../downloads/herstelgraph.context.jsonld")
            + "</p>"
        )
        return self.layout(w("ontology"), "ontology.html", intro + "".join(sections))


_KIND_WORDS = {
    "owl:Class",
    "rdfs:Class",
    "owl:ObjectProperty",
    "owl:DatatypeProperty",
    "owl:AnnotationProperty",
    "rdf:Property",
    "owl:NamedIndividual",
}


def _header(name: str, lang: str) -> str:
    from ..words import header

    text = header(name, lang)
    return text[:1].upper() + text[1:]


def _percent(part: int, whole: int) -> str:
    """A share as the README writes it (``70%``; ``–`` of nothing)."""
    return f"{100 * part / whole:.0f}%" if whole else "–"


def _span(texts: list[str], lang: str) -> str:
    """Texts of one language joined, or nothing (so the fact is left out)."""
    return f'<span lang="{lang}">{e("; ".join(texts))}</span>' if texts else ""


def _lang_attr(lang: str) -> str:
    return f' lang="{e(lang)}"' if lang else ""


def _facts(rows) -> str:
    return (
        '<dl class="facts">' + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows if v) + "</dl>"
    )
