"""The static site: browsable HTML of every framework and concept, built from the graph.

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
from html import escape
from pathlib import Path

from ..errors import InputError
from ..ids import compact
from ..model import Record
from ..store.store import Queryable, Store
from ..vocab import HG, PREFIXES

MARKER = ".herstelgraph-site"
RELATION_TEXT = {
    "exactMatch": "exact match",
    "closeMatch": "close match",
    "broadMatch": "broader match (the other is broader)",
    "narrowMatch": "narrower match (the other is narrower)",
    "relatedMatch": "related match",
    "requires": "presupposes (prerequisite)",
    "required_by": "is a prerequisite of",
}


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
    """A concept as the site shows it."""

    id: str
    iri: str
    framework: str
    path: str  # relative to the site root
    label: str
    notation: str | None
    type: str
    detail: object = None
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
        from ..store import load

        store = load()  # the shipped graph only: no user triple, nor anything inferred from one

    out = Path(out)
    if out.exists() and not out.is_dir():
        raise InputError(f"{out}: is a file; give a folder for the site")
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).is_file():
        raise InputError(
            f"{out}: folder is not empty and not a herstelgraph site (no {MARKER}); "
            "choose a new or empty folder"
        )
    from ..store.endpoint import snapshot

    # an endpoint is copied once (every page reads the graph): one bulk read, not a query
    # per page over the network
    files: dict[str, bytes] = _render(snapshot(store))
    if changes is not None:
        files.update(_changes_pages(files, changes))
    with atomic_dir(out) as tmp:
        for rel, data in sorted(files.items()):
            path = tmp / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    pages = sum(1 for rel in files if rel.endswith(".html"))
    concepts = sum(1 for rel in files if rel.startswith("concepts/") and rel.endswith(".html"))
    return SiteReport(str(out), pages, len(files), concepts)


def site_files(store: Queryable, *, changes=None) -> dict[str, bytes]:
    """Every file of the site by relative name, in memory (a release folder's site/)."""
    from ..store.endpoint import snapshot

    files = _render(snapshot(store))
    if changes is not None:
        files.update(_changes_pages(files, changes))
    return files


def _changes_pages(files: dict[str, bytes], changes) -> dict[str, bytes]:
    """changes.html (Dutch) and changes.en.html (English), and a link to them on the index."""
    from .changes import TITLE, changes_html

    out = {}
    for name, lang in (("changes.html", "nl"), ("changes.en.html", "en")):
        body = f'<div lang="{lang}">\n{changes_html(changes, lang)}</div>'
        out[name] = _layout(TITLE[lang], "", body).encode("utf-8")
    index = files.get("index.html", b"").decode("utf-8")
    marker = '<li><a href="coverage.html">'
    link = (
        '<li><a href="changes.html" lang="nl">Wat is er veranderd</a> · '
        '<a href="changes.en.html">What changed</a></li>'
    )
    if marker in index:
        out["index.html"] = index.replace(marker, link + marker, 1).encode("utf-8")
    return out


def _has_user_data(store) -> bool:
    from ..store.store import USER

    quads = getattr(store, "quads", None)
    if quads is None or not isinstance(store, Store):
        return False
    return next(iter(quads(graphs=(USER,))), None) is not None


def _asset(name: str) -> bytes:
    from importlib.resources import files

    return (files("herstelgraph.publish") / "site_assets" / name).read_bytes()


def _local(iri: str) -> str:
    """A file name for a concept: its IRI's last segment when it is plain ASCII."""
    local = re.split(r"[/#]", iri)[-1]
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,100}", local):
        return local
    import hashlib

    return "c-" + hashlib.sha256(iri.encode()).hexdigest()[:16]


def _render(store: Store) -> dict[str, bytes]:
    from ..curation.sssom import graph_index
    from ..io.serialize import canonical_turtle
    from ..questions.catalogue import _natural, concept, concepts, frameworks
    from .export import _triples as asserted_triples
    from .export import concept_mappings, context, export, jsonld_text, to_rdflib

    files: dict[str, bytes] = {}

    def put(rel: str, text: str | bytes) -> None:
        files[rel] = text if isinstance(text, bytes) else text.encode("utf-8")

    fws = sorted(frameworks(store), key=lambda f: f.id)
    labels, _schemes = graph_index(store)
    maps = concept_mappings(store)
    pages: dict[str, _Page] = {}
    by_fw: dict[str, list[_Page]] = {}
    used_paths: set[str] = set()
    for fw in fws:
        members = []
        for c in concepts(store, fw.id, include_deprecated=True):  # released IRIs resolve
            path = f"concepts/{fw.id}/{_local(c.iri)}.html"
            if path.lower() in used_paths:  # two IRIs, one file name: fall back to a hash
                path = f"concepts/{fw.id}/{_local(c.iri + ' ')}.html"
            used_paths.add(path.lower())
            page = _Page(
                id=c.id,
                iri=c.iri,
                framework=fw.id,
                path=path,
                label=c.label,
                notation=c.notation,
                type=c.type,
            )
            pages[c.id] = page
            members.append(page)
        by_fw[fw.id] = members
    fw_of_scheme = {compact(f.iri): f for f in fws}

    # per-concept data files: the concept's own triples plus the records that touch it
    triples = asserted_triples(store)
    by_subject: dict = defaultdict(set)
    record_of: dict = defaultdict(set)
    owl = PREFIXES["owl"]
    for t in triples:
        by_subject[t.subject.value if hasattr(t.subject, "value") else str(t.subject)].add(t)
        if t.predicate.value in (owl + "annotatedSource", owl + "annotatedTarget"):
            record_of[t.object.value].add(t.subject.value)
    ctx = context()
    for page in pages.values():
        mine = set(by_subject.get(page.iri, ()))
        for rec in sorted(record_of.get(page.iri, ())):
            mine |= by_subject.get(rec, set())
        graph = to_rdflib(mine)
        base = page.path.removesuffix(".html")
        put(base + ".ttl", canonical_turtle(graph))
        put(base + ".jsonld", jsonld_text(graph, ctx))

    for page in pages.values():
        page.detail = concept(store, page.iri)
        page.mappings = sorted(
            maps.get(page.id, []), key=lambda m: (m[0] != "exactMatch", m[0], _natural(m[1]))
        )

    # downloads: the exports, so the site is also the distribution point
    downloads = []
    for fmt, name in (
        ("turtle", "herstelgraph.ttl"),
        ("jsonld", "herstelgraph.jsonld"),
        ("ntriples", "herstelgraph.nt"),
        ("rdfxml", "herstelgraph.rdf"),
        ("sssom", "herstelgraph.sssom.tsv"),
        ("csv", "herstelgraph.csv"),
    ):
        put(f"downloads/{name}", export(store, fmt).data)
        downloads.append((name, fmt))
    for fw in fws:
        put(f"downloads/{fw.id}.csv", export(store, "csv", fw.iri).data)
        put(f"downloads/{fw.id}.case.json", export(store, "case", fw.iri).data)
    put("downloads/herstelgraph.context.jsonld", json.dumps({"@context": ctx}, indent=2) + "\n")

    put("assets/style.css", _asset("style.css"))
    put("assets/search.js", _asset("search.js"))
    index = [
        {
            "id": p.id,
            "label": p.label,
            "alt": sorted(p.detail.alt_labels),
            "notation": p.notation or "",
            "framework": p.framework,
            "type": p.type,
            "url": p.path,
        }
        for p in sorted(pages.values(), key=lambda p: (p.framework, _natural(p.notation), p.id))
    ]
    put(
        "search-index.js",
        "window.HERSTELGRAPH_INDEX = " + json.dumps(index, ensure_ascii=True, indent=0) + ";\n",
    )

    from ..curation.review.site import review_badges, review_figures_html

    badges = review_badges(store)
    counted = _counted(store)
    coverage = _coverage(store, fws, by_fw, counted[0])
    svg = _heatmap_svg(coverage, [f.id for f in fws])
    put("coverage.svg", svg)
    put("index.html", _index_html(fws, by_fw, maps, counted, fws and downloads))
    for fw in fws:
        put(f"frameworks/{fw.id}.html", _framework_html(fw, by_fw[fw.id], pages))
    for page in pages.values():
        put(page.path, _concept_html(page, pages, labels, fw_of_scheme, badges))
    put(
        "coverage.html",
        _coverage_html(coverage, [f.id for f in fws], svg, review_figures_html(store)),
    )
    put("ontology.html", _ontology_html(store))
    put(MARKER, "herstelgraph static site; this folder is rebuilt by `herstelgraph site`\n")
    return files


# ---------------------------------------------------------------------------- layout
def _layout(title: str, root: str, body: str, *, scripts: tuple[str, ...] = ()) -> str:
    script_tags = "".join(f'<script src="{e(root + s)}"></script>\n' for s in scripts)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{e(title)} · herstelgraph</title>\n"
        f'<link rel="stylesheet" href="{e(root)}assets/style.css">\n'
        "</head>\n<body>\n"
        '<header class="site">'
        f'<a class="brand" href="{e(root)}index.html">herstelgraph</a>'
        f'<a href="{e(root)}index.html#frameworks">Frameworks</a>'
        f'<a href="{e(root)}index.html#zoeken">Search</a>'
        f'<a href="{e(root)}coverage.html">Coverage</a>'
        f'<a href="{e(root)}ontology.html">Ontology</a>'
        f'<a href="{e(root)}index.html#downloads">Downloads</a>'
        "</header>\n"
        f"<main>\n{body}\n</main>\n"
        "<footer>Generated by herstelgraph from its SKOS graph. Item texts are quoted "
        "verbatim from their sources; mappings are curated (see each record's author and "
        "justification).</footer>\n"
        f"{script_tags}</body>\n</html>\n"
    )


def _concept_link(page: _Page, root: str, cls: str = "") -> str:
    klass = f' class="{cls}"' if cls else ""
    return f'<a{klass} href="{e(root + page.path)}" lang="nl">{e(page.label)}</a>'


# ---------------------------------------------------------------------------- pages
def _index_html(fws, by_fw, maps, counted, downloads) -> str:
    required, mapped_ids, via_ids = counted
    rows = []
    for fw in fws:
        members = by_fw[fw.id]
        items = [p for p in members if p.id in required]
        mapped = sum(1 for p in items if p.id in mapped_ids)
        reviewed = sum(
            1
            for p in items
            if p.id in mapped_ids
            or p.id in via_ids
            or any(m[0] == "noMatch" for m in maps.get(p.id, []))
        )
        types = defaultdict(int)
        for p in members:
            types[p.type] += 1
        type_text = ", ".join(f"{n} {t}" for t, n in sorted(types.items()))
        rows.append(
            "<tr>"
            f'<td><a href="frameworks/{e(fw.id)}.html" lang="nl">{e(fw.title)}</a>'
            f'<br><span class="meta">{e(fw.id)}</span></td>'
            f'<td class="num">{len(members)}</td><td class="num">{len(items)}</td>'
            f'<td class="num">{mapped}</td><td class="num">{reviewed}</td>'
            f'<td class="meta">{e(type_text)}</td>'
            f'<td><a href="downloads/{e(fw.id)}.csv">CSV</a> · '
            f'<a href="downloads/{e(fw.id)}.case.json">CASE</a></td>'
            "</tr>"
        )
    dl = "".join(
        f'<li><a href="downloads/{e(name)}">{e(name)}</a> <span class="meta">({e(fmt)})</span></li>'
        for name, fmt in downloads or []
    )
    body = f"""<h1>Recovery-supporting care frameworks as linked data</h1>
<p>The Dutch and Flemish competency frameworks for recovery-supporting care
(<i lang="nl">herstelondersteunende zorg</i>) and experiential expertise
(<i lang="nl">ervaringsdeskundigheid</i>): every item quoted verbatim, with its source
section, and curated mappings between the frameworks.</p>
<section id="zoeken">
<h2>Search</h2>
<label for="search">Search concept labels (accents optional):</label><br>
<input id="search" type="search" data-root="" autocomplete="off"
 placeholder="e.g. empowerment, eigen regie, cooperatie">
<p id="search-status" class="meta" aria-live="polite"></p>
<ol id="results"></ol>
</section>
<section id="frameworks">
<h2>Frameworks</h2>
<table><thead><tr><th>Framework</th><th class="num">Concepts</th>
<th class="num">Requirement items</th><th class="num">Mapped</th><th class="num">Reviewed</th>
<th>Types</th><th>Data</th></tr></thead>
<tbody>
{"".join(rows)}
</tbody></table>
<p class="meta"><b>Requirement items</b>: the concepts that count (no sections,
restatements, example-only or inferred items). <b>Mapped</b>: requirement items with at least
one curated SKOS mapping to a requirement item of another framework (prerequisite records are
no mapping). <b>Reviewed</b>: mapped, linked only to an example-only or inferred item, or
recorded as reviewed with no match.</p>
</section>
<section>
<h2>More</h2>
<ul><li><a href="coverage.html">Coverage heatmap between frameworks</a></li>
<li><a href="ontology.html">The core ontology: classes and properties</a></li></ul>
</section>
<section id="downloads">
<h2>Downloads</h2>
<ul>{dl}<li><a href="downloads/herstelgraph.context.jsonld">herstelgraph.context.jsonld</a>
<span class="meta">(the JSON-LD context)</span></li></ul>
</section>"""
    return _layout("Frameworks", "", body, scripts=("search-index.js", "assets/search.js"))


def _framework_html(fw, members: list[_Page], pages: dict[str, _Page]) -> str:
    from ..questions.catalogue import _natural

    root = "../"
    children: dict[str | None, list[_Page]] = defaultdict(list)
    ids = {p.id for p in members}
    for p in members:
        broader = None
        parents = getattr(p.detail, "broader", None) or []
        for b in parents:
            if b in ids:
                broader = b
                break
        children[broader].append(p)

    def tree(parent: str | None, depth: int = 0) -> str:
        kids = sorted(children.get(parent, []), key=lambda p: (_natural(p.notation), p.id))
        if not kids or depth > 50:
            return ""
        items = []
        for p in kids:
            note = f'<span class="badge">{e(p.notation)}</span> ' if p.notation else ""
            items.append(
                f"<li>{note}{_concept_link(p, root)} <span class='meta'>{e(p.type)}</span>"
                f"{tree(p.id, depth + 1)}</li>"
            )
        return '<ul class="tree">' + "".join(items) + "</ul>"

    body = (
        f'<p class="crumbs"><a href="{root}index.html">Frameworks</a> › {e(fw.id)}</p>'
        f'<h1 lang="nl">{e(fw.title)}</h1>'
        '<dl class="facts">'
        f"<dt>ID</dt><dd>{e(fw.id)}</dd>"
        f"<dt>IRI</dt><dd><code>{e(fw.iri)}</code></dd>"
        f"<dt>Concepts</dt><dd>{len(members)}</dd>"
        + (f"<dt>Version</dt><dd>{e(fw.version)}</dd>" if fw.version else "")
        + (f"<dt>Source file</dt><dd>{e(fw.identifier)}</dd>" if fw.identifier else "")
        + "</dl>"
        f'<p><a href="{root}downloads/{e(fw.id)}.csv">CSV for Excel</a> · '
        f'<a href="{root}downloads/{e(fw.id)}.case.json">1EdTech CASE package</a></p>'
        f"<h2>Items</h2>{tree(None)}"
    )
    return _layout(fw.title, root, body)


def _concept_html(page: _Page, pages, labels, fw_of_scheme, badges=None) -> str:
    d = page.detail
    root = "../../"

    def ref(curie: str) -> str:
        target = pages.get(curie)
        if target is not None:
            return _concept_link(target, root)
        return f"<code>{e(curie)}</code>" + (
            f' <span lang="nl">{e(labels[curie])}</span>' if curie in labels else ""
        )

    # breadcrumbs: the broader chain up to the framework
    chain, seen, cur = [], {page.id}, page
    while cur is not None and cur.detail is not None and cur.detail.broader:
        nxt = pages.get(cur.detail.broader[0])
        if nxt is None or nxt.id in seen:
            break
        chain.append(nxt)
        seen.add(nxt.id)
        cur = nxt
    crumbs = [f'<a href="{root}frameworks/{e(page.framework)}.html">{e(page.framework)}</a>']
    crumbs += [_concept_link(p, root) for p in reversed(chain)]
    facts = [
        ("ID", f"<code>{e(page.id)}</code>"),
        ("IRI", f'<a href="{e(page.iri)}"><code>{e(page.iri)}</code></a>'),
        ("Notation", e(page.notation) if page.notation else ""),
        ("Type", e(", ".join(t for t in d.types if t not in ("skos:Concept", "Item")))),
        (
            "Framework",
            f'<a href="{root}frameworks/{e(page.framework)}.html">{e(page.framework)}</a>',
        ),
        ("Source section", f'<span lang="nl">{e(d.section)}</span>' if d.section else ""),
        ("Source document", f"<code>{e(d.source_document)}</code>" if d.source_document else ""),
        ("Applies at", e(", ".join(d.applies_at))),
        (
            "Deprecated",
            "yes"
            + (
                ", replaced by " + ", ".join(ref(r) for r in d.replaced_by)
                if d.replaced_by
                else ", no successor"
            )
            if getattr(d, "deprecated", False)
            else "",
        ),
    ]
    parts = [
        f'<p class="crumbs">{" › ".join(crumbs)}</p>',
        f'<h1 id="label" lang="nl">{e(page.label)}</h1>',
        '<dl class="facts">'
        + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts if v)
        + "</dl>",
    ]
    quotes = [("Source text", d.source_text), ("Definition", d.definition)]
    for title, text in quotes:
        if text:
            parts.append(
                f'<h2>{title}</h2><blockquote class="source-quote" lang="nl">{e(text)}</blockquote>'
            )
    for title, values in (
        ("Alternative labels", d.alt_labels),
        ("Scope notes", d.scope_notes),
        ("Editorial notes", d.editorial_notes),
    ):
        if values:
            parts.append(
                f"<h2>{title}</h2><ul>" + "".join(f"<li>{e(v)}</li>" for v in values) + "</ul>"
            )
    hier = []
    if d.broader:
        hier.append("<dt>Broader</dt><dd>" + "<br>".join(ref(b) for b in d.broader) + "</dd>")
    if d.narrower:
        hier.append(
            "<dt>Narrower</dt><dd><ul>"
            + "".join(f"<li>{ref(n)}</li>" for n in d.narrower)
            + "</ul></dd>"
        )
    for title, values in (
        ("Requires knowledge", d.requires_knowledge),
        ("Required by", d.required_by),
        ("Member of", d.members_of),
    ):
        if values:
            hier.append(
                f"<dt>{title}</dt><dd><ul>"
                + "".join(f"<li>{ref(v)}</li>" for v in values)
                + "</ul></dd>"
            )
    parts.append(
        "<h2>Hierarchy</h2>"
        + (
            '<dl class="facts">' + "".join(hier) + "</dl>"
            if hier
            else "<p>Top level, no narrower items.</p>"
        )
    )
    rows, none = [], []
    for rel, other, rec in page.mappings:
        if rel == "noMatch":
            fw = fw_of_scheme.get(other)
            fw_link = (
                f'<a href="{root}frameworks/{e(fw.id)}.html">{e(fw.id)}</a>' if fw else e(other)
            )
            none.append(
                f"<li>Reviewed: no match in {fw_link}"
                + (f' — <span class="meta">{e(rec.comment)}</span>' if rec.comment else "")
                + f' <span class="meta">({e(rec.author_label)}, {e(rec.mapping_date)})</span></li>'
            )
            continue
        target = pages.get(other)
        link = (
            _concept_link(target, root, "mapping-link")
            if target
            else f"<code>{e(other)}</code> {e(labels.get(other, ''))}"
        )
        direction = "recorded here" if rec.subject_id == page.id else "recorded from the other side"
        strength = f' <span class="badge">{e(rec.other.split(":")[-1])}</span>' if rec.other else ""
        strength += " " + (badges or {}).get(rec.record_id, "")  # expert review (issue 17)
        rows.append(
            "<tr>"
            f'<td><span class="relation">{e(rel)}</span><br><span class="meta">'
            f"{e(RELATION_TEXT.get(rel, rel))}</span>{strength}</td>"
            f"<td>{link}<br><span class='meta'>{e(other)} · "
            f"{e(target.framework if target else '')}</span></td>"
            f'<td class="num">{rec.confidence:.2f}</td>'
            f"<td><code>{e(rec.mapping_justification)}</code><br>"
            f'<span class="meta">{e(rec.author_label)}, {e(rec.mapping_date)}; '
            f"{direction}</span></td>"
            f"<td>{e(rec.comment)}</td>"
            "</tr>"
        )
    parts.append("<h2>Mappings</h2>")
    if rows:
        parts.append(
            '<table class="mappings"><thead><tr><th>Relation</th><th>Other item</th>'
            '<th class="num">Confidence</th><th>Justification</th><th>Comment</th></tr></thead>'
            "<tbody>" + "".join(rows) + "</tbody></table>"
        )
    if none:
        parts.append('<ul class="no-match">' + "".join(none) + "</ul>")
    if not rows and not none:
        parts.append("<p>No curated mappings yet.</p>")
    local = page.path.rsplit("/", 1)[-1].removesuffix(".html")
    parts.append(
        f'<h2>Data</h2><p>This concept as <a href="{e(local)}.ttl">Turtle</a> or '
        f'<a href="{e(local)}.jsonld">JSON-LD</a> (its own triples and its mapping records).</p>'
    )
    return _layout(page.label, root, "\n".join(parts))


# ---------------------------------------------------------------------------- coverage
def _counted(store: Store) -> tuple[set[str], set[str], set[str]]:
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


def _coverage(store: Store, fws, by_fw, required) -> dict[tuple[str, str], tuple[int, ...]]:
    """(row framework, column framework) -> (requirement items, mapped into column, covered
    via an example, reviewed no match): the framework rows of ``coverage``, so the site
    counts as the questions do (a framework no mapping reaches, e.g. NK, gets zeros)."""
    from ..questions.alignment import coverage

    rows = {(r.a, r.b): r for r in coverage(store) if r.scope == "framework"}
    out = {}
    for a in fws:
        n = sum(1 for p in by_fw[a.id] if p.id in required)
        for b in fws:
            if a.id == b.id:
                continue
            r = rows.get((a.id, b.id))
            out[(a.id, b.id)] = (
                (r.items, r.mapped, r.via_example, r.no_match) if r else (n, 0, 0, 0)
            )
    return out


def _blend(share: float) -> str:
    lo, hi = (0xF1, 0xF5, 0xF9), (0x0B, 0x3D, 0x6B)
    rgb = [round(lo[i] + (hi[i] - lo[i]) * share) for i in range(3)]
    return "#" + "".join(f"{c:02x}" for c in rgb)


def _heatmap_svg(cov, ids: list[str]) -> str:
    """Share of each row framework's items mapped into each column framework."""
    cell, left, top = 92, 170, 120
    w, h = max(left + cell * len(ids) + 140, 560), top + cell * len(ids) + 50
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" '
        f'viewBox="0 0 {w} {h}" role="img" aria-labelledby="hm-title">',
        '<title id="hm-title">Coverage: share of the row framework\'s items with a curated '
        "mapping into the column framework</title>",
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
            if a == b:
                out.append(
                    f'<rect x="{x}" y="{y}" width="{cell - 2}" height="{cell - 2}" fill="#ffffff" '
                    'stroke="#d0d7de"/>'
                )
                continue
            n, mapped, via, no = cov[(a, b)]
            share = mapped / n if n else 0.0
            fill = _blend(share)
            ink = "#ffffff" if share > 0.5 else "#1b1f24"
            tip = (
                f"{a} → {b}: {mapped} of {n} requirement items mapped, {via} via an example, "
                f"{no} reviewed with no match"
            )
            out.append(
                f'<g class="cell"><title>{e(tip)}</title>'
                f'<rect x="{x}" y="{y}" width="{cell - 2}" height="{cell - 2}" fill="{fill}"/>'
                f'<text x="{x + cell / 2 - 1:.0f}" y="{y + cell / 2:.0f}" font-size="16" '
                f'text-anchor="middle" fill="{ink}">{round(100 * share)}%</text>'
                f'<text x="{x + cell / 2 - 1:.0f}" y="{y + cell / 2 + 18:.0f}" font-size="11" '
                f'text-anchor="middle" fill="{ink}">{mapped}/{n}</text></g>'
            )
    out.append(
        f'<text x="{left}" y="{h - 18}" font-size="12" fill="#57606a">'
        "Rows: from; columns: into. Share of row items mapped.</text>"
    )
    out.append("</svg>")
    return "\n".join(out) + "\n"


def _coverage_html(cov, ids: list[str], svg: str, review: str = "") -> str:
    rows = []
    for (a, b), (n, mapped, via, no) in sorted(cov.items()):
        rows.append(
            f"<tr><td>{e(a)}</td><td>{e(b)}</td><td class='num'>{n}</td>"
            f"<td class='num'>{mapped}</td><td class='num'>{via}</td><td class='num'>{no}</td>"
            f"<td class='num'>{n - mapped - via - no}</td></tr>"
        )
    body = (
        "<h1>Coverage between frameworks</h1>"
        "<p>For each pair, the share of the row framework's requirement items (no sections, "
        "restatements, example-only or inferred items) that have at least one curated mapping "
        "(exact, close, broad, narrow or related) to a requirement item of the column "
        "framework. Items linked only to example-only or inferred items (via an example) and "
        "items reviewed with no match are counted apart: a gap then means "
        "“reviewed and absent”, not “not looked at”. Prerequisite records are no mapping.</p>"
        "<figure>"
        + svg
        + '<figcaption><a href="coverage.svg">coverage.svg</a></figcaption></figure>'
        "<h2>As a table</h2><table><thead><tr><th>From</th><th>Into</th>"
        "<th class='num'>Requirement items</th><th class='num'>Mapped</th>"
        "<th class='num'>Via an example</th><th class='num'>Reviewed, no match</th>"
        "<th class='num'>Not reviewed</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )
    return _layout("Coverage", "", body + review)


# ---------------------------------------------------------------------------- ontology
def _ontology_html(store: Store) -> str:
    """Classes, properties and individuals of the core ontology with nl/en labels."""
    rows = store.select(
        "SELECT ?t ?kind ?p ?o WHERE { ?t a ?kind . ?t ?p ?o . "
        "VALUES ?kind { owl:Class rdfs:Class owl:ObjectProperty owl:DatatypeProperty "
        "owl:AnnotationProperty rdf:Property owl:NamedIndividual } "
        "FILTER(STRSTARTS(STR(?t), STR(hg:))) }"
    )
    terms: dict[str, dict] = defaultdict(lambda: defaultdict(set))
    for r in rows:
        t = r["t"].value
        terms[t]["kind"].add(compact(r["kind"].value))
        o = r["o"]
        lang = getattr(o, "language", None)
        key = r["p"].value
        terms[t][(key, lang or "")].add(o.value)
    rdfs, owl = PREFIXES["rdfs"], PREFIXES["owl"]
    groups = {
        "Classes": ("owl:Class", "rdfs:Class"),
        "Properties": (
            "owl:ObjectProperty",
            "owl:DatatypeProperty",
            "owl:AnnotationProperty",
            "rdf:Property",
        ),
        "Individuals": ("owl:NamedIndividual",),
    }
    local_names = {t: t.removeprefix(HG) for t in terms}

    def link(iri: str) -> str:
        if iri in terms:
            return f'<a href="#{e(local_names[iri])}"><code>{e(compact(iri))}</code></a>'
        return f"<code>{e(compact(iri))}</code>"

    def one(t, p, lang) -> str:
        return "; ".join(sorted(terms[t].get((p, lang), ())))

    sections = []
    done = set()
    for title, kinds in groups.items():
        members = sorted(t for t in terms if terms[t]["kind"] & set(kinds) and t not in done)
        done |= set(members)
        if not members:
            continue
        cards = []
        for t in members:
            facts = [
                ("Kind", ", ".join(sorted(terms[t]["kind"]))),
                ("Label (nl)", f'<span lang="nl">{e(one(t, rdfs + "label", "nl"))}</span>'),
                ("Label (en)", f'<span lang="en">{e(one(t, rdfs + "label", "en"))}</span>'),
                ("Comment (nl)", f'<span lang="nl">{e(one(t, rdfs + "comment", "nl"))}</span>'),
                ("Comment (en)", f'<span lang="en">{e(one(t, rdfs + "comment", "en"))}</span>'),
            ]
            for label, prop in (
                ("Subclass of", rdfs + "subClassOf"),
                ("Subproperty of", rdfs + "subPropertyOf"),
                ("Domain", rdfs + "domain"),
                ("Range", rdfs + "range"),
                ("Equivalent", owl + "equivalentClass"),
            ):
                vals = sorted(terms[t].get((prop, ""), ()))
                if vals:
                    facts.append((label, ", ".join(link(v) for v in vals)))
            cards.append(
                f'<section class="term" id="{e(local_names[t])}"><h3><code>{e(compact(t))}</code>'
                "</h3>"
                '<dl class="facts">'
                + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts if v)
                + "</dl></section>"
            )
        sections.append(f"<h2>{title} ({len(members)})</h2>" + "".join(cards))
    intro = (
        "<h1>The core ontology</h1>"
        f"<p>Namespace <code>{e(HG)}</code> (prefix <code>hg:</code>). Items are "
        "<code>skos:Concept</code>s typed with one of the classes below; the JSON-LD context is "
        '<a href="downloads/herstelgraph.context.jsonld">herstelgraph.context.jsonld</a>.</p>'
    )
    return _layout("Ontology", "", intro + "".join(sections))
