"""The static site: no broken internal links, proper escaping, deterministic, atomic,
nothing loaded from the network. Built from the publish fixture and, where framework data is
shipped, from the real graph."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from herstelgraph.errors import InputError
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
    from rdflib import Graph

    from herstelgraph.questions.catalogue import concepts, frameworks

    for fw in frameworks(store):
        for c in concepts(store, fw.id):
            local = c.iri.rsplit("/", 1)[-1]
            page = site / "concepts" / fw.id / f"{local}.html"
            doc = parse(page)
            assert doc.text_by_id["label"] == c.label  # escaped in HTML, exact as text
            for suffix, fmt in ((".ttl", "turtle"), (".jsonld", "json-ld")):
                g = Graph()
                g.parse(page.with_suffix(suffix), format=fmt)
                assert any(str(o) == c.label for o in g.objects()), f"{page} {suffix}"


def test_html_escapes_quotes_ampersands_and_brackets(tmp_path):
    out = tmp_path / "site"
    build_site(load(files=FIXTURE_FILES), out)
    html = (out / "concepts" / "bk-0597-1" / "competentie-01-activiteit-01.html").read_text("utf-8")
    assert "Stimuleert &#x27;eigen regie&#x27; &lt;en&gt; empowerment" in html
    assert "<en>" not in html
    page = (out / "concepts" / "bk-0597-1" / "competentie-01.html").read_text("utf-8")
    assert "Werkt aan “empowerment” &amp; herstel" in page


def test_concept_page_shows_source_hierarchy_and_mappings_both_ways(tmp_path):
    out = tmp_path / "site"
    build_site(load(files=FIXTURE_FILES), out)
    bk = (out / "concepts" / "bk-0597-1" / "competentie-01.html").read_text("utf-8")
    assert "Competenties &gt; Competentie 1" in bk and "source-quote" in bk
    assert "competentie-01-activiteit-01.html" in bk  # narrower
    assert 'class="mapping-link" href="../../concepts/valente-2023/competentie-01.html"' in bk
    assert "0.80" in bk and "semapv:ManualMappingCuration" in bk
    valente = (out / "concepts" / "valente-2023" / "competentie-01.html").read_text("utf-8")
    # the same records seen from the other side, with the inverse relation
    assert 'href="../../concepts/bk-0597-1/competentie-01.html"' in valente
    assert "broadMatch" in valente and "recorded from the other side" in valente
    kennis = (out / "concepts" / "bk-0597-1" / "kennis-01.html").read_text("utf-8")
    assert "Reviewed: no match in" in kennis


def test_search_index_covers_every_concept(built):
    site, _, store = built
    from herstelgraph.questions.catalogue import concepts, frameworks

    text = (site / "search-index.js").read_text(encoding="utf-8")
    prefix = "window.HERSTELGRAPH_INDEX = "
    assert text.startswith(prefix) and text.rstrip().endswith(";")
    index = json.loads(text[len(prefix) :].rstrip().rstrip(";"))
    expected = {c.id for f in frameworks(store) for c in concepts(store, f.id)}
    assert {e["id"] for e in index} == expected
    assert all((site / e["url"]).is_file() for e in index)
    js = (site / "assets" / "search.js").read_text(encoding="utf-8")
    assert 'normalize("NFD")' in js and "\\p{M}" in js and "innerHTML" not in js.split("*/", 1)[1]


def test_heatmap_is_valid_svg_with_a_cell_per_pair(built):
    site, _, store = built
    from herstelgraph.questions.catalogue import frameworks

    root = ET.parse(site / "coverage.svg").getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    n = len(frameworks(store))
    cells = root.findall("{http://www.w3.org/2000/svg}g")
    assert len(cells) == n * (n - 1)
    assert "<svg" in (site / "coverage.html").read_text(encoding="utf-8")


def test_coverage_page_counts_as_the_coverage_question(built):
    """One definition of an item that counts: the site's table is coverage's framework rows
    (requirement items; via an example and no match apart; prerequisites are no mapping)."""
    import re

    from herstelgraph.questions.alignment import coverage

    site, _, store = built
    html = (site / "coverage.html").read_text(encoding="utf-8")
    cells = re.findall(
        r"<tr><td>([^<]+)</td><td>([^<]+)</td>" + r"<td class='num'>(\d+)</td>" * 5, html
    )
    shown = {(a, b): tuple(map(int, n)) for a, b, *n in cells}
    for r in coverage(store):
        if r.scope == "framework":
            expected = (r.items, r.mapped, r.via_example, r.no_match, r.not_reviewed)
            assert shown[(r.a, r.b)] == expected, (r.a, r.b)


def test_ontology_page_documents_classes_and_properties(built):
    site, _, store = built
    doc = parse(site / "ontology.html")
    html = (site / "ontology.html").read_text(encoding="utf-8")
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
    with pytest.raises(OSError):
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
