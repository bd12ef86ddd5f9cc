"""The static site: no broken internal links, proper escaping, deterministic, atomic,
nothing loaded from the network. Built from the publish fixture and, where framework data is
shipped, from the real graph."""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from herstelgraph.errors import InputError, OutputError
from herstelgraph.publish.site import MARKER, build_site
from herstelgraph.store import load

from conftest import ROOT

FIXTURE = ROOT / "tests" / "fixtures" / "publish"
FIXTURE_FILES = [ROOT / "ontology" / "herstelgraph.ttl", FIXTURE / "frameworks.ttl"]
FIXTURE_FILES.append(FIXTURE / "mappings.ttl")


def _shipped_has_frameworks() -> bool:
    from herstelgraph.resources import graph_files

    return any(p.name not in ("herstelgraph.ttl", "mappings.ttl") for p in graph_files())


@pytest.fixture(scope="module", params=["fixture", "shipped"])
def built(request, tmp_path_factory):
    if request.param == "shipped":
        if not _shipped_has_frameworks():
            pytest.skip("no framework data shipped yet (ontology/ holds only the core ontology)")
        store = load()
    else:
        store = load(files=FIXTURE_FILES)
    out = tmp_path_factory.mktemp(f"site-{request.param}") / "site"
    report = build_site(store, out)
    return out, report, store


class Page(HTMLParser):
    """Collects links, ids, and the text of elements by id."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links: list[tuple[str, str]] = []
        self.ids: set[str] = set()
        self._stack: list[str | None] = []
        self.text_by_id: dict[str, str] = {}
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.tags.append((tag, a))
        for key in ("href", "src"):
            if a.get(key) is not None:
                self.links.append((tag, a[key]))
        if a.get("id"):
            self.ids.add(a["id"])
        if tag not in ("meta", "link", "br", "input", "img"):
            self._stack.append(a.get("id"))
            if a.get("id"):
                self.text_by_id[a["id"]] = ""

    def handle_endtag(self, tag):
        if tag not in ("meta", "link", "br", "input", "img") and self._stack:
            self._stack.pop()

    def handle_data(self, data):
        for ident in self._stack:
            if ident:
                self.text_by_id[ident] += data


def parse(path: Path) -> Page:
    p = Page()
    p.feed(path.read_text(encoding="utf-8"))
    p.close()
    return p


def test_no_broken_internal_links(built):
    site, report, _ = built
    pages = sorted(site.rglob("*.html"))
    assert len(pages) == report.pages > 3
    parsed = {p: parse(p) for p in pages}
    broken, checked = [], 0
    for page, doc in parsed.items():
        for tag, href in doc.links:
            parts = urlsplit(href)
            if parts.scheme in ("http", "https", "mailto", "urn"):
                assert tag == "a", f"{page}: <{tag}> loads {href} from the network"
                continue
            assert not parts.scheme and not parts.netloc, f"{page}: absolute link {href}"
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            checked += 1
            if not target.is_file() or site.resolve() not in target.parents:
                broken.append(f"{page.relative_to(site)} -> {href}")
                continue
            if parts.fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else parse(target).ids
                if parts.fragment not in ids:
                    broken.append(f"{page.relative_to(site)} -> {href} (no such id)")
    assert checked > 20
    assert not broken, broken[:10]


def test_every_concept_has_a_page_and_data_files(built):
    site, _, store = built
    from rdflib import Graph, URIRef

    from herstelgraph.questions.catalogue import concepts, frameworks

    english = {
        r["c"].value: r["l"].value
        for r in store.select("SELECT ?c ?l WHERE { ?c skos:prefLabel ?l FILTER(LANG(?l) = 'en') }")
    }
    for fw in frameworks(store):
        for c in concepts(store, fw.id):
            local = c.iri.rsplit("/", 1)[-1]
            page = site / "nl" / "concepts" / fw.id / f"{local}.html"
            doc = parse(page)
            assert doc.text_by_id["label"] == c.label  # escaped in HTML, exact as text
            en = parse(site / "en" / "concepts" / fw.id / f"{local}.html")
            assert en.text_by_id["label"] == english.get(c.iri, c.label)
            data = site / "data" / fw.id / local
            for suffix, fmt in ((".ttl", "turtle"), (".jsonld", "json-ld")):
                g = Graph()
                g.parse(data.with_suffix(suffix), format=fmt)
                assert any(str(o) == c.label for o in g.objects()), f"{data} {suffix}"
                # the file holds exactly the concept's own triples (and its records')
                assert (URIRef(c.iri), None, None) in g


def test_html_escapes_quotes_ampersands_and_brackets(tmp_path):
    out = tmp_path / "site"
    build_site(load(files=FIXTURE_FILES), out)
    for lang in ("nl", "en"):
        concepts = out / lang / "concepts" / "bk-0597-1"
        html = (concepts / "competentie-01-activiteit-01.html").read_text("utf-8")
        assert "Stimuleert &#x27;eigen regie&#x27; &lt;en&gt; empowerment" in html
        assert "<en>" not in html
        page = (concepts / "competentie-01.html").read_text("utf-8")
        assert "Werkt aan “empowerment” &amp; herstel" in page


def test_concept_page_shows_source_hierarchy_and_mappings_both_ways(tmp_path):
    out = tmp_path / "site"
    build_site(load(files=FIXTURE_FILES), out)
    bk = (out / "nl" / "concepts" / "bk-0597-1" / "competentie-01.html").read_text("utf-8")
    assert "Competenties &gt; Competentie 1" in bk and "source-quote" in bk
    assert "competentie-01-activiteit-01.html" in bk  # narrower
    assert 'class="mapping-link" href="../../concepts/valente-2023/competentie-01.html"' in bk
    assert "0,80" in bk and "handmatig vastgelegd" in bk and "komt grotendeels overeen met" in bk
    assert "sterke afstemming" in bk  # ceasn:majorAlignment in words
    valente = (out / "en" / "concepts" / "valente-2023" / "competentie-01.html").read_text("utf-8")
    # the same records seen from the other side, with the inverse relation, in English
    assert 'href="../../concepts/bk-0597-1/competentie-01.html"' in valente
    assert "falls under" in valente and "read in reverse" in valente
    assert '<td class="num">0.80</td>' in valente  # a decimal point in English, a comma in Dutch
    kennis = (out / "nl" / "concepts" / "bk-0597-1" / "kennis-01.html").read_text("utf-8")
    assert "Gezocht, geen overeenkomst in" in kennis


def test_mapping_rows_show_the_rubric_rule_and_the_review_status_in_words(tmp_path):
    out = tmp_path / "site"
    build_site(load(files=FIXTURE_FILES), out)
    for lang, rule, status in (
        ("nl", "R-CLOSE-1 — komt grotendeels overeen met", "niet beoordeeld"),
        ("en", "R-CLOSE-1 — largely matches", "not reviewed"),
    ):
        html = (out / lang / "concepts" / "bk-0597-1" / "competentie-01.html").read_text("utf-8")
        assert f'href="../../../downloads/RUBRIC.md" title="hgrule:R-CLOSE-1">{rule}</a>' in html
        assert f'<span class="review review-unreviewed">{status}</span>' in html
    assert (out / "downloads" / "RUBRIC.md").read_text(encoding="utf-8").startswith("# ")
    # a record that names no rule says so, in words
    activity = out / "nl" / "concepts" / "bk-0597-1" / "competentie-01-activiteit-01.html"
    assert "geen regel vermeld" in activity.read_text("utf-8")


def test_curies_in_curators_prose_link_to_their_concept_pages(tmp_path):
    """Issue 20 audit: curators' comments and notes showed ~1,000 bare CURIEs ("Candidate:
    bijlage2:kwaliteitseis-01"). A CURIE of a concept of the site is a link to its page,
    titled with its label; one that names no page stays text; the prose stays escaped."""
    mappings = tmp_path / "mappings.ttl"
    text = (FIXTURE / "mappings.ttl").read_text(encoding="utf-8")
    old = "The activity is one part of <empowerment> & more."
    assert old in text
    mappings.write_text(
        text.replace(old, "One part of <empowerment>; compare valente:basishouding-01."),
        encoding="utf-8",
    )
    notes = tmp_path / "notes.ttl"
    notes.write_text(
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        "<https://w3id.org/herstelgraph/bk-0597-1/kennis-01> skos:editorialNote "
        '"Candidate: valente:competentie-01 (not bk:geen-99), see also bk:competentie-01, '
        'a hg:KnowledgeItem."@en .\n',
        encoding="utf-8",
    )
    out = tmp_path / "site"
    build_site(load(files=[*FIXTURE_FILES[:2], mappings, notes]), out)
    for lang in ("nl", "en"):
        concepts = out / lang / "concepts"
        page = (concepts / "bk-0597-1" / "competentie-01-activiteit-01.html").read_text("utf-8")
        assert (
            "One part of &lt;empowerment&gt;; compare "
            '<a class="curie" href="../../concepts/valente-2023/basishouding-01.html" title="'
        ) in page
        assert ">valente:basishouding-01</a>." in page
        page = (concepts / "bk-0597-1" / "kennis-01.html").read_text("utf-8")
        assert (
            'Candidate: <a class="curie" href="../../concepts/valente-2023/competentie-01.html"'
        ) in page
        assert "(not bk:geen-99), see also <a " in page
        assert 'href="../../concepts/bk-0597-1/competentie-01.html"' in page
        assert '<a class="curie" href="../../ontology.html#KnowledgeItem" title="' in page
    # every link made resolves (the whole site: test_no_broken_internal_links)
    for html in out.rglob("*.html"):
        for _, href in parse(html).links:
            if href.startswith(("http", "#", "mailto")):
                continue
            target = (html.parent / href.split("#")[0]).resolve()
            assert target.exists(), (html, href)


def test_search_index_covers_every_concept(built):
    site, _, store = built
    from herstelgraph.questions.catalogue import concepts, frameworks

    expected = {c.id for f in frameworks(store) for c in concepts(store, f.id)}
    for lang in ("nl", "en"):
        text = (site / lang / "search-index.js").read_text(encoding="utf-8")
        prefix = "window.HERSTELGRAPH_INDEX = "
        assert text.startswith(prefix) and text.rstrip().endswith(";")
        index = json.loads(text[len(prefix) :].rstrip().rstrip(";"))
        assert {e["id"] for e in index} == expected
        assert all((site / lang / e["url"]).is_file() for e in index)
        assert {e["lang"] for e in index} <= {"nl", "en"}
    js = (site / "assets" / "search.js").read_text(encoding="utf-8")
    assert 'normalize("NFD")' in js and "\\p{M}" in js and "innerHTML" not in js.split("*/", 1)[1]


def test_heatmap_is_valid_svg_with_a_cell_per_pair(built):
    site, _, store = built
    from herstelgraph.publish.site import item_counts
    from herstelgraph.questions.catalogue import frameworks

    present = {f.id for f in frameworks(store)}
    aligned = {
        x for (a, b), (_n, m, via, no) in item_counts(store).items() if m or via or no
        for x in (a, b)
    } & present  # fmt: skip
    for lang in ("nl", "en"):
        root = ET.parse(site / lang / "coverage.svg").getroot()
        assert root.tag == "{http://www.w3.org/2000/svg}svg"
        cells = root.findall("{http://www.w3.org/2000/svg}g")
        n = len(aligned)
        assert len(cells) == n * (n - 1)
        assert "<svg" in (site / lang / "coverage.html").read_text(encoding="utf-8")


def test_coverage_page_counts_as_the_coverage_question(built):
    """One definition of an item that counts: the site's table is coverage's framework rows
    (requirement items; via an example and no match apart; prerequisites are no mapping)."""
    import re

    from herstelgraph.questions.alignment import coverage

    site, _, store = built
    for lang in ("nl", "en"):
        html = (site / lang / "coverage.html").read_text(encoding="utf-8")
        cells = re.findall(
            r'<tr data-a="([^"]+)" data-b="([^"]+)">.*?' + r"<td class='num'>(\d+)</td>" * 5,
            html,
        )
        shown = {(a, b): tuple(map(int, n)) for a, b, *n in cells}
        rows = [r for r in coverage(store) if r.scope == "framework"]
        assert shown and rows
        for r in rows:
            if (r.a, r.b) in shown:  # the pairs of aligned frameworks
                expected = (r.items, r.mapped, r.via_example, r.no_match, r.not_reviewed)
                assert shown[(r.a, r.b)] == expected, (r.a, r.b)
            else:
                assert not (r.mapped or r.via_example or r.no_match), (r.a, r.b)
        assert (
            "<th class='num'>" + ("Via een voorbeeld" if lang == "nl" else "Via an example") in html
        )


def test_ontology_page_documents_classes_and_properties(built):
    site, _, store = built
    doc = parse(site / "nl" / "ontology.html")
    html = (site / "nl" / "ontology.html").read_text(encoding="utf-8")
    rows = store.select(
        "SELECT ?t ?en ?nl WHERE { ?t a ?k ; rdfs:label ?en, ?nl . "
        "VALUES ?k { owl:Class owl:ObjectProperty owl:DatatypeProperty } "
        "FILTER(STRSTARTS(STR(?t), STR(hg:)) && LANG(?en) = 'en' && LANG(?nl) = 'nl') }"
    )
    assert len(rows) > 10
    from html import escape

    for r in rows:
        local = r["t"].value.rsplit("#", 1)[-1]
        assert local in doc.ids, f"no section for hg:{local}"
        assert escape(r["en"].value) in html and escape(r["nl"].value) in html


def test_site_loads_nothing_from_the_network(built):
    site, _, _ = built
    for page in site.rglob("*.html"):
        for tag, attrs in parse(page).tags:
            if tag in ("script", "link", "img", "iframe"):
                ref = attrs.get("src") or attrs.get("href") or ""
                assert "//" not in ref, f"{page}: {tag} loads {ref}"
    for css in site.rglob("*.css"):
        assert "url(" not in css.read_text(encoding="utf-8")


def _tree_digest(folder: Path) -> str:
    h = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        h.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


BUILD = """
import sys
from pathlib import Path
from herstelgraph.publish.site import build_site
from herstelgraph.store import load
files = [Path(f) for f in sys.argv[2:]]
build_site(load(files=files or None), Path(sys.argv[1]))
"""


def test_site_is_deterministic_across_hash_seeds(tmp_path):
    digests = []
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    for seed in ("0", "3"):
        out = tmp_path / f"site{seed}"
        res = subprocess.run(
            [sys.executable, "-c", BUILD, str(out), *map(str, FIXTURE_FILES)],
            env={**env, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert res.returncode == 0, res.stderr[-2000:]
        digests.append(_tree_digest(out))
    build_site(load(files=FIXTURE_FILES), tmp_path / "here")
    assert digests[0] == digests[1] == _tree_digest(tmp_path / "here")


def test_refuses_to_replace_a_folder_that_is_not_a_site(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    (home / "thesis.docx").write_text("precious", encoding="utf-8")
    with pytest.raises(InputError, match="not a herstelgraph site"):
        build_site(load(files=FIXTURE_FILES), home)
    assert [p.name for p in home.iterdir()] == ["thesis.docx"]


def test_failed_build_keeps_the_previous_site(tmp_path, monkeypatch):
    import herstelgraph.publish.site as site_mod

    out = tmp_path / "site"
    store = load(files=FIXTURE_FILES)
    build_site(store, out)
    before = _tree_digest(out)
    assert (out / MARKER).is_file()

    real_write = Path.write_bytes
    calls = {"n": 0}

    def flaky(self, data):
        calls["n"] += 1
        if calls["n"] == 7:
            raise OSError(28, "No space left on device")
        return real_write(self, data)

    monkeypatch.setattr(site_mod.Path, "write_bytes", flaky)
    # a full disk is the user's to fix: one line naming the folder, not an internal error
    with pytest.raises(OutputError, match=r"site: cannot write \(No space left on device\)"):
        build_site(store, out)
    monkeypatch.undo()
    assert _tree_digest(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"], "temporary folder left"


def test_cli_site(tmp_path, capsys):
    from herstelgraph.cli import main

    out = tmp_path / "site"
    assert main(["--lang", "en", "site", "-o", str(out)]) == 0
    assert (out / "index.html").is_file() and "pages" in capsys.readouterr().err
    (tmp_path / "file").write_text("x", encoding="utf-8")
    assert main(["site", "-o", str(tmp_path / "file")]) == 2


# ------------------------------------------------------------------ languages and words
def _html_lang(path: Path) -> str | None:
    for tag, attrs in parse(path).tags:
        if tag == "html":
            return attrs.get("lang")
    return None


def test_two_language_trees_with_lang_set_and_a_switch_that_keeps_the_page(built):
    site, _, _ = built
    for lang, other in (("nl", "en"), ("en", "nl")):
        pages = sorted((site / lang).rglob("*.html"))
        assert len(pages) > 3
        for page in pages:
            rel = page.relative_to(site / lang)
            assert _html_lang(page) == lang, page
            doc = parse(page)
            switch = [a for t, a in doc.tags if t == "a" and "lang-switch" in a.get("class", "")]
            assert len(switch) == 1 and switch[0]["hreflang"] == other
            target = (page.parent / switch[0]["href"]).resolve()
            assert target == (site / other / rel).resolve() and target.is_file()
    # the same pages in both trees
    nl = {p.relative_to(site / "nl") for p in (site / "nl").rglob("*")}
    assert nl == {p.relative_to(site / "en") for p in (site / "en").rglob("*")}


def test_root_index_sends_to_dutch_and_offers_both_without_javascript(built):
    site, _, _ = built
    doc = parse(site / "index.html")
    metas = [a for t, a in doc.tags if t == "meta" and a.get("http-equiv") == "refresh"]
    assert metas and metas[0]["content"].endswith("url=nl/index.html")
    hrefs = {a.get("href") for t, a in doc.tags if t == "a"}
    assert {"nl/index.html", "en/index.html"} <= hrefs
    assert not any(t == "script" for t, _ in doc.tags)


class Visible(HTMLParser):
    """The site's own words: text outside <code>, <script>, <style> and outside any element
    with a lang attribute (data: labels, quotes, comments, notes carry their language)."""

    VOID = frozenset({"meta", "link", "br", "input", "img", "hr", "wbr"})

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[bool] = []
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        a = dict(attrs)
        data = tag in ("code", "script", "style", "title") or ("lang" in a and tag != "html")
        self.stack.append(data or (bool(self.stack) and self.stack[-1]))

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]):
            self.text.append(data)


RAW = re.compile(
    r"\b(?:hg|hgm|hgrule|hgagent|bk|valente|bijlage2|rv|nk|skos|sssom|semapv|ceasn|owl|rdfs|dct)"
    r":[A-Za-z]"
    r"|\b(?:exactMatch|closeMatch|broadMatch|narrowMatch|relatedMatch|noMatch|majorAlignment"
    r"|minorAlignment|KnowledgeItem|ManualMappingCuration|NoTermFound)\b"
)


def test_no_raw_curie_or_rdf_name_in_the_sites_own_words(built):
    site, _, _ = built
    checked = 0
    for page in sorted(site.rglob("*.html")):
        if page.name == "ontology.html":
            continue  # documents the terms themselves: each CURIE there is in <code>
        v = Visible()
        v.feed(page.read_text(encoding="utf-8"))
        text = " ".join(v.text)
        found = RAW.findall(text)
        assert not found, f"{page.relative_to(site)}: {sorted(set(found))[:5]}"
        checked += 1
    assert checked > 3


def test_types_and_relations_in_words(tmp_path):
    out = tmp_path / "site"
    build_site(load(files=FIXTURE_FILES), out)
    fw = (out / "nl" / "frameworks" / "bk-0597-1.html").read_text("utf-8")
    assert ">kennisitem<" in fw and ">competentie<" in fw
    fw_en = (out / "en" / "frameworks" / "bk-0597-1.html").read_text("utf-8")
    assert ">knowledge item<" in fw_en
    page = out / "nl" / "concepts" / "bk-0597-1" / "competentie-01-activiteit-01.html"
    assert "is breder dan" in page.read_text("utf-8")  # narrowMatch, read from its subject


def test_english_tree_shows_translations_marked_beside_the_dutch(built):
    site, _, store = built
    rows = store.select(
        "SELECT ?c ?en ?nl WHERE { ?c skos:prefLabel ?en, ?nl ; skos:inScheme bk:scheme "
        "FILTER(LANG(?en) = 'en' && LANG(?nl) = 'nl') } LIMIT 1"
    )
    if not rows:
        pytest.skip("no English translation in this graph")
    from html import escape

    local = rows[0]["c"].value.rsplit("/", 1)[-1]
    en = (site / "en" / "concepts" / "bk-0597-1" / f"{local}.html").read_text("utf-8")
    assert f'<h1 id="label" lang="en">{escape(rows[0]["en"].value)}</h1>' in en
    assert f'<span lang="nl">{escape(rows[0]["nl"].value)}</span>' in en
    assert "AI-assisted translation, not yet reviewed by a person" in en
    nl = (site / "nl" / "concepts" / "bk-0597-1" / f"{local}.html").read_text("utf-8")
    assert f'<span lang="en">{escape(rows[0]["en"].value)}</span>' in nl
    assert "AI-vertaling" in nl


# ------------------------------------------------------------------ figures
Figures = dict[tuple[str, str], tuple[int, int, int, int, int, str]]


def _site_figures(site: Path) -> Figures:
    """(items, mapped, via an example, no match, not reviewed, share) per pair."""
    html = (site / "nl" / "coverage.html").read_text(encoding="utf-8")
    rows = re.findall(
        r'<tr data-a="([^"]+)" data-b="([^"]+)">.*?'
        + r"<td class='num'>(\d+)</td>" * 5
        + r"<td class='num'>([^<]+)</td></tr>",
        html,
    )
    return {(a, b): (*map(int, n), share) for a, b, *n, share in rows}


def _readme_figures() -> Figures:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = re.findall(r"^\| ([\w-]+) → ([\w-]+)" + r" \| (\d+)" * 5 + r" \| (\d+%) \|$", text, re.M)
    return {(a, b): (*map(int, n), share) for a, b, *n, share in rows}


@pytest.fixture(scope="module")
def shipped_site(tmp_path_factory):
    if not _shipped_has_frameworks():
        pytest.skip("no framework data shipped yet")
    store = load()
    out = tmp_path_factory.mktemp("shipped") / "site"
    build_site(store, out)
    return out, store


def test_site_figures_are_the_readme_figures(shipped_site):
    """Heatmap, coverage table and README's mapping report: one count, the same numbers."""
    site, _ = shipped_site
    figures, readme = _site_figures(site), _readme_figures()
    assert readme and figures == readme
    svg = ET.parse(site / "nl" / "coverage.svg").getroot()
    ns = "{http://www.w3.org/2000/svg}"
    for g in svg.findall(f"{ns}g"):
        share = g.findall(f"{ns}text")[0].text
        assert share == readme[(g.get("data-a"), g.get("data-b"))][5]


def test_site_figures_are_the_cli_coverage_figures(shipped_site, capsys):
    from herstelgraph.cli import main

    site, _ = shipped_site
    assert main(["coverage", "--no-sections", "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    cli = {
        (r["a"], r["b"]): (
            r["items"],
            r["mapped"],
            r["via_example"],
            r["no_match"],
            r["not_reviewed"],
            f"{100 * r['share']:.0f}%",
        )
        for r in rows
        if r["scope"] == "framework"  # the ESCO rows (scope external) are no framework pair
    }
    figures = _site_figures(site)
    assert figures and figures == {k: v for k, v in cli.items() if k in figures}
    # the pairs left out are those of frameworks no mapping reaches (NK), all zeros
    assert all(v[1] == v[2] == v[3] == 0 for k, v in cli.items() if k not in figures)


def test_frameworks_without_mappings_are_left_out_of_the_heatmap_and_named(shipped_site):
    site, _ = shipped_site
    svg = (site / "nl" / "coverage.svg").read_text(encoding="utf-8")
    assert "nk-2017" not in svg
    html = (site / "nl" / "coverage.html").read_text(encoding="utf-8")
    assert re.search(
        r'<p id="not-aligned">Niet afgestemd[^<]*<a href="frameworks/nk-2017.html"', html
    )
    index = (site / "en" / "index.html").read_text(encoding="utf-8")
    row = re.search(r'<tr><td><a href="frameworks/nk-2017.html".*?</tr>', index).group(0)
    assert "not aligned" in row


def test_framework_page_shows_level_version_date_and_licence(shipped_site):
    site, _ = shipped_site
    doc = parse(site / "nl" / "frameworks" / "bk-0597-1.html")
    html = (site / "nl" / "frameworks" / "bk-0597-1.html").read_text(encoding="utf-8")
    assert "<dt>Niveau</dt><dd>VKS 4 · " in html
    assert ("a", {"href": "http://data.europa.eu/snb/eqf/4"}) in doc.tags
    assert "<dt>Versie</dt><dd>1</dd>" in html and "<dt>Datum</dt><dd>2024</dd>" in html
    assert '<dt>Licentie</dt><dd><span class="meta">niet vermeld in de bron</span>' in html
    # a framework whose source leaves the level open says so, not "unknown"
    b2 = (site / "en" / "frameworks" / "bijlage-ii.html").read_text(encoding="utf-8")
    assert "still to be determined (the source says so)" in b2


def test_framework_pages_show_the_esco_share_of_the_cli(shipped_site, capsys):
    """Each framework page with ESCO records states, per item type reviewed against ESCO,
    how many are linked, from the rows `herstelgraph coverage --to esco` prints (one
    function); in Dutch in nl/ and in English in en/. A framework without ESCO records says
    nothing about ESCO."""
    from herstelgraph.cli import main

    site, _ = shipped_site
    assert main(["coverage", "--to", "esco", "--format", "json"]) == 0
    rows = [r for r in json.loads(capsys.readouterr().out) if r["scope"] == "external"]
    plural = {
        "hg:Competency": ("competenties", "competencies"),
        "hg:KnowledgeItem": ("kennisitems", "knowledge items"),
        "hg:Skill": ("vaardigheden", "skills"),
        "hg:Role": ("rollen", "roles"),
    }
    assert {r["a"] for r in rows} == {"bk-0597-1", "valente-2023", "nk-2017"}
    bk = next(r for r in rows if r["a"] == "bk-0597-1" and r["section"] == "hg:Competency")
    assert (bk["mapped"], bk["items"]) == (9, 11)  # issue 21's example
    for r in rows:
        nl, en = plural[r["section"]]
        for lang, text in (
            ("nl", f"{r['mapped']} van {r['items']} {nl} gekoppeld"),
            ("en", f"{r['mapped']} of {r['items']} {en} linked"),
        ):
            html = (site / lang / "frameworks" / f"{r['a']}.html").read_text("utf-8")
            facts = re.search(r"<dt>ESCO</dt><dd>(.*?)</dd>", html).group(1)
            shares = re.findall(r'<span class="esco-share">(.*?) <span', facts + " <span")
            assert text in shares, (lang, r["a"], facts)
    for name in ("bijlage-ii", "randvoorwaarden"):
        assert "<dt>ESCO</dt>" not in (site / "nl" / "frameworks" / f"{name}.html").read_text(
            "utf-8"
        )


def test_concept_pages_list_the_esco_links_with_label_and_uri(shipped_site):
    """The mapping rows of an item list each of its ESCO links: the ESCO concept's vendored
    label, linked to its ESCO URI, in a row that names ESCO; its ESCO no-match record names
    ESCO too."""
    import rdflib

    from herstelgraph.publish.export import mapping_records

    site, store = shipped_site
    esco = rdflib.Graph().parse(ROOT / "ontology" / "external" / "esco.ttl")
    skos = rdflib.namespace.SKOS
    checked = 0
    for rec in mapping_records(store, external=True):
        if rec.object_source != "hgext:esco" or not rec.subject_id.startswith("bk:"):
            continue
        if rec.subject_id == "bk:scheme":  # the qualification against ESCO occupations
            continue
        page = site / "en" / "concepts" / "bk-0597-1" / f"{rec.subject_id[3:]}.html"
        html = page.read_text("utf-8")
        if rec.is_no_match:
            assert "no match in ESCO (external vocabulary)" in html
            continue
        uri = "http://data.europa.eu/esco/skill/" + rec.object_id.split(":", 1)[1]
        label = str(esco.value(rdflib.URIRef(uri), skos.prefLabel))
        row = re.search(rf'<tr><td>[^\n]*?href="{re.escape(uri)}"[^\n]*?</tr>', html)
        assert row, (page.name, uri)
        assert f">{label}</a>" in row.group(0) and "ESCO (external vocabulary)" in row.group(0)
        checked += 1
    assert checked >= 25
    dutch = (site / "nl" / "concepts" / "bk-0597-1" / "competentie-08.html").read_text("utf-8")
    assert "ESCO (externe woordenlijst)" in dutch


# ------------------------------------------------------------------ accessibility (a subset)
def _css_colours(css: str) -> dict[str, str]:
    return dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", css))


def test_accessibility_subset_on_every_page(built):
    """What axe-core checks that can be read from the HTML and CSS alone (tests/test_browser.py
    runs axe-core itself where it is installed): the page language, one h1 and no skipped
    heading level, alt text, a label for every input, a name for every link, and text
    contrast of at least 4.5:1 for every colour pair the stylesheet and the heatmap use."""
    from herstelgraph.publish.site import contrast

    site, _, _ = built
    for page in sorted(site.rglob("*.html")):
        doc = parse(page)
        where = page.relative_to(site)
        assert _html_lang(page) in ("nl", "en"), where
        levels = [int(t[1]) for t, _ in doc.tags if re.fullmatch(r"h[1-6]", t)]
        assert levels.count(1) == 1 and levels[0] == 1, where
        assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), (where, levels)
        assert all("alt" in a for t, a in doc.tags if t == "img"), where
        labels = {a.get("for") for t, a in doc.tags if t == "label"}
        for t, a in doc.tags:
            if t == "input" and a.get("type") != "hidden":
                assert a.get("id") in labels or a.get("aria-label"), (where, a)
        names = Names()
        names.feed(page.read_text(encoding="utf-8"))
        assert not names.empty, (where, names.empty[:3])
    colours = _css_colours((site / "assets" / "style.css").read_text(encoding="utf-8"))
    pairs = [
        ("fg", "bg"), ("muted", "bg"), ("accent", "bg"), ("head-fg", "head"), ("fg", "panel"),
        ("muted", "panel"), ("fg", "badge"), ("accent", "panel"),
    ]  # fmt: skip
    for fg, bg in pairs:
        assert contrast(colours[fg], colours[bg]) >= 4.5, (fg, bg)
    from herstelgraph.publish.site import _blend, _ink

    # every share the heatmap can show, not only the ones this graph has
    assert min(contrast(_ink(_blend(k / 1000)), _blend(k / 1000)) for k in range(1001)) >= 4.5
    for svg in site.rglob("coverage.svg"):
        root = ET.parse(svg).getroot()
        ns = "{http://www.w3.org/2000/svg}"
        for g in root.findall(f"{ns}g"):
            fill = g.find(f"{ns}rect").get("fill")
            for text in g.findall(f"{ns}text"):
                assert contrast(text.get("fill"), fill) >= 4.5, (svg, fill, text.get("fill"))


class Names(HTMLParser):
    """Links with no text and no aria-label/title (a screen reader would say "link")."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open: list[tuple[dict, list[str]]] = []
        self.empty: list[dict] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            self.open.append((dict(attrs), []))

    def handle_data(self, data):
        for _, parts in self.open:
            parts.append(data)

    def handle_endtag(self, tag):
        if tag == "a" and self.open:
            attrs, parts = self.open.pop()
            if not "".join(parts).strip() and not attrs.get("aria-label"):
                self.empty.append(attrs)


def test_downloads_per_framework_are_the_exports(built):
    """The site writes every CASE package from one pass: the same bytes as the export."""
    from herstelgraph.publish.export import export
    from herstelgraph.questions.catalogue import frameworks

    site, _, store = built
    for fw in frameworks(store):
        assert (site / "downloads" / f"{fw.id}.case.json").read_bytes() == export(
            store, "case", fw.iri
        ).data
        assert (site / "downloads" / f"{fw.id}.csv").read_bytes() == export(
            store, "csv", fw.iri
        ).data
