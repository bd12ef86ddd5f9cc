"""The static site in a real browser: headless Debian Chromium opens index.html from disk,
lands on the Dutch tree, searches "empowerment", opens a result, follows a mapping link and
checks the target page; switches language; renders every kind of page at 390 px (a phone)
and 1280 px with nothing cut off; and runs axe-core on them where it is installed.

Screenshots go to artifacts/screenshots/ (git-ignored). Skips, with the reason, where
chromium or chromedriver is not installed (``.ci/run`` installs both, and axe-core from the
npm registry into .cache/axe; HERSTELGRAPH_AXE_JS names another axe.min.js).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from herstelgraph.publish.site import build_site
from herstelgraph.store import load

from conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SHOTS = ROOT / "artifacts" / "screenshots"
FIXTURE = ROOT / "tests" / "fixtures" / "publish"
FIXTURE_FILES = [ROOT / "ontology" / "herstelgraph.ttl", FIXTURE / "frameworks.ttl"]
FIXTURE_FILES.append(FIXTURE / "mappings.ttl")

pytestmark = pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
    reason="headless browser test needs Debian's chromium and chromium-driver "
    "(apt-get install -y chromium chromium-driver; .ci/run does this)",
)


def _site_store():
    """The real graph when it has "empowerment" mapped across frameworks, else the fixture."""
    store = load()
    rows = store.select(
        "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { ?c skos:prefLabel ?l ; skos:inScheme ?s ; "
        "skos:mappingRelation ?o . FILTER(CONTAINS(LCASE(STR(?l)), 'empowerment')) }",
        entailment=True,
    )
    if rows and int(rows[0]["n"].value) >= 2:
        return "shipped", store
    return "fixture", load(files=FIXTURE_FILES)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    which, store = _site_store()
    out = tmp_path_factory.mktemp("browser") / "site"
    build_site(store, out)
    return which, out


@pytest.fixture(scope="module")
def driver():
    pytest.importorskip("selenium")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must not download drivers
    profile = tempfile.mkdtemp(prefix="hg-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--user-data-dir={profile}",
        "--window-size=1280,1000",
    ):
        opts.add_argument(flag)
    drv = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=opts)
    drv.set_page_load_timeout(30)
    yield drv
    drv.quit()
    shutil.rmtree(profile, ignore_errors=True)


def _shot(drv, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    drv.save_screenshot(str(SHOTS / f"{name}.png"))


def test_search_open_result_and_follow_a_mapping(site, driver, record_property):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    which, out = site
    record_property("site_data", which)
    print(f"browser test runs on the {which} site")  # shown with -s / in the report
    wait = WebDriverWait(driver, 10)
    index = (out / "index.html").resolve().as_uri()
    driver.get(index)  # the front door sends the browser to the Dutch tree
    wait.until(lambda d: d.current_url.endswith("/nl/index.html"))
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "nl"
    assert driver.execute_script("return (window.HERSTELGRAPH_INDEX || []).length") > 0
    box = driver.find_element(By.ID, "search")
    box.send_keys("EMPOWERMENT")
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "#results a.result-link")))
    _shot(driver, "1-search-empowerment")
    hits = [
        (a.text, a.get_attribute("href"))
        for a in driver.find_elements(By.CSS_SELECTOR, "#results a.result-link")
    ]
    assert hits and any("empowerment" in t.lower() for t, _ in hits), hits[:5]

    # open results until one has a mapping into another framework
    for label, href in hits[:25]:
        driver.get(href)
        assert driver.find_element(By.ID, "label").text == label
        links = driver.find_elements(By.CSS_SELECTOR, "a.mapping-link")
        if links:
            break
    else:
        pytest.fail("no search result for 'empowerment' has a curated mapping")
    origin = driver.current_url
    _shot(driver, "2-result-with-mappings")
    link = links[0]
    target_label = link.text
    link.click()
    wait.until(lambda d: d.current_url != origin)
    _shot(driver, "3-mapping-target")
    assert driver.find_element(By.ID, "label").text == target_label
    assert driver.find_element(By.CSS_SELECTOR, "table.mappings")
    back = [
        a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "a.mapping-link")
    ]
    assert origin in back, "the target page must show the same mapping from its side"


def test_search_ignores_diacritics(site, driver):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    which, out = site
    if which != "fixture":
        pytest.skip("diacritics probe uses the fixture's 'coöperatie' label")
    driver.get((out / "nl" / "index.html").resolve().as_uri() + "?q=cooperatie")
    WebDriverWait(driver, 10).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "#results a.result-link")
    )
    texts = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "#results a.result-link")]
    assert texts == ["Kennis van coöperatie en naïeve herstelverhalen"]
    _shot(driver, "4-search-diacritics")


def test_coverage_and_ontology_pages_render(site, driver):
    from selenium.webdriver.common.by import By

    _, out = site
    driver.get((out / "nl" / "coverage.html").resolve().as_uri())
    assert driver.find_elements(By.CSS_SELECTOR, "svg g.cell")
    _shot(driver, "5-coverage")
    driver.get((out / "en" / "ontology.html").resolve().as_uri())
    assert driver.find_element(By.ID, "Competency")
    _shot(driver, "6-ontology")


def test_one_click_to_english_keeps_the_page(site, driver):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    _, out = site
    page = out / "nl" / "concepts" / "bk-0597-1" / "competentie-01.html"
    driver.get(page.resolve().as_uri())
    driver.find_element(By.CSS_SELECTOR, "a.lang-switch").click()
    WebDriverWait(driver, 10).until(lambda d: "/en/" in d.current_url)
    assert driver.current_url.endswith("/en/concepts/bk-0597-1/competentie-01.html")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    # English search finds the item by its Dutch words too
    driver.get((out / "en" / "index.html").resolve().as_uri() + "?q=empowerment")
    WebDriverWait(driver, 10).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "#results a.result-link")
    )


# ------------------------------------------------------------------ phone and desktop
WIDTHS = (390, 1280)


def _pages(out: Path) -> dict[str, Path]:
    """One page of each kind, the concept page the one with the most mapping rows."""
    concepts = sorted((out / "nl" / "concepts").rglob("*.html"))
    busiest = max(concepts, key=lambda p: p.read_text(encoding="utf-8").count("<tr>"))
    framework = max((out / "nl" / "frameworks").glob("*.html"), key=lambda p: p.stat().st_size)
    return {
        "index": out / "nl" / "index.html",
        "framework": framework,
        "concept": busiest,
        "concept-en": out / "en" / busiest.relative_to(out / "nl"),
        "coverage": out / "nl" / "coverage.html",
        "ontology": out / "nl" / "ontology.html",
    }


@pytest.mark.parametrize("width", WIDTHS)
def test_nothing_is_cut_off_on_a_phone_or_a_desktop(site, driver, width):
    """At 390 px and 1280 px no page is wider than the window: wide tables scroll inside
    their own box, the concept facts stack and long IRIs wrap. Screenshots of each."""
    _, out = site
    driver.set_window_size(width, 900)
    inner = driver.execute_script("return window.innerWidth")
    assert abs(inner - width) <= 20, f"window is {inner} px wide, not {width}"
    try:
        for name, page in _pages(out).items():
            driver.get(page.resolve().as_uri())
            wide = driver.execute_script(
                "return document.documentElement.scrollWidth - window.innerWidth"
            )
            _shot(driver, f"layout-{width}-{name}")
            assert wide <= 0, f"{name} at {width} px: {wide} px cut off ({page.name})"
            # every fact and cell ends inside the window or inside a scrolling box
            out_of_view = driver.execute_script(
                """
                const w = window.innerWidth, bad = [];
                for (const el of document.querySelectorAll('dl.facts dd, main p, main h1')) {
                  if (el.closest('.scroll')) continue;
                  const r = el.getBoundingClientRect();
                  if (r.right > w + 1) bad.push(el.tagName + ' ' + el.textContent.slice(0, 40));
                }
                return bad;"""
            )
            assert not out_of_view, (name, width, out_of_view[:3])
    finally:
        driver.set_window_size(1280, 1000)


AXE_JS = Path(
    os.environ.get("HERSTELGRAPH_AXE_JS")
    or ROOT / ".cache" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
)


@pytest.mark.skipif(
    not AXE_JS.is_file(),
    reason=f"axe-core is not installed ({AXE_JS}); .ci/run installs it from the npm registry "
    "(npm install --prefix .cache/axe axe-core); tests/test_site.py checks a subset without it",
)
@pytest.mark.parametrize("width", WIDTHS)
def test_axe_core_finds_no_wcag_a_or_aa_violation(site, driver, width):
    """axe-core (MPL-2.0, run from the test, never shipped in the site) on one page of each
    kind, WCAG 2.x A and AA rules."""
    _, out = site
    driver.set_window_size(width, 900)
    axe = AXE_JS.read_text(encoding="utf-8")
    found = {}
    try:
        for name, page in _pages(out).items():
            driver.get(page.resolve().as_uri())
            driver.execute_script(axe)
            result = driver.execute_async_script(
                "const done = arguments[arguments.length - 1];"
                "axe.run(document, {runOnly: {type: 'tag', values: "
                "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})"
                ".then(r => done(r.violations.map(v => [v.id, v.nodes.length, "
                "v.nodes.slice(0, 2).map(n => n.target.join(' '))])))"
                ".catch(e => done([['axe-error', 0, [String(e)]]]));"
            )
            if result:
                found[name] = result
    finally:
        driver.set_window_size(1280, 1000)
    assert not found, found
