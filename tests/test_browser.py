"""The static site in a real browser: headless Debian Chromium opens index.html from disk,
searches "empowerment", opens a result, follows a mapping link and checks the target page.

Screenshots go to artifacts/screenshots/ (git-ignored). Skips, with the reason, where
chromium or chromedriver is not installed (``.ci/run`` installs both).
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
    driver.get(index)
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
    driver.get((out / "index.html").resolve().as_uri() + "?q=cooperatie")
    WebDriverWait(driver, 10).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "#results a.result-link")
    )
    texts = [a.text for a in driver.find_elements(By.CSS_SELECTOR, "#results a.result-link")]
    assert texts == ["Kennis van coöperatie en naïeve herstelverhalen"]
    _shot(driver, "4-search-diacritics")


def test_coverage_and_ontology_pages_render(site, driver):
    from selenium.webdriver.common.by import By

    _, out = site
    driver.get((out / "coverage.html").resolve().as_uri())
    assert driver.find_elements(By.CSS_SELECTOR, "svg g.cell")
    _shot(driver, "5-coverage")
    driver.get((out / "ontology.html").resolve().as_uri())
    assert driver.find_element(By.ID, "Competency")
    _shot(driver, "6-ontology")
