"""The review app in a real browser: headless Debian Chromium against ``herstelgraph review``
started on a free port of 127.0.0.1. Confirm one mapping, reject one with a reason and change
the relation of a third, all with the keyboard; reload; the screen and the SSSOM file on disk
both hold the three decisions.

Screenshots go to artifacts/screenshots/review-*.png (git-ignored). Skips, with the reason,
where chromium or chromedriver is not installed (``.ci/run`` installs both).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from conftest import ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
SHOTS = ROOT / "artifacts" / "screenshots"

pytestmark = pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
    reason="headless browser test needs Debian's chromium and chromium-driver "
    "(apt-get install -y chromium chromium-driver; .ci/run does this)",
)


@pytest.fixture
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
        "--window-size=1280,1300",
    ):
        opts.add_argument(flag)
    drv = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=opts)
    drv.set_page_load_timeout(30)
    yield drv
    drv.quit()
    shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture
def app(tmp_path):
    """``review`` on a free port of 127.0.0.1, in this process (it stops with the test)."""
    from herstelgraph.curation.review.app import ReviewApp, ReviewServer
    from herstelgraph.curation.review.loading import load
    from herstelgraph.curation.review.records import parse_reviewer
    from herstelgraph.curation.review.session import ReviewSession

    session = ReviewSession(load(reviews=()), parse_reviewer("jansen", "Jan Jansen"), tmp_path)
    server = ReviewServer(ReviewApp(session), 0)
    server.start()
    yield server
    server.shutdown()
    server.server_close()


def _shot(drv, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"review-{name}.png"
    drv.save_screenshot(str(path))
    return path


def test_confirm_reject_change_reload_and_the_file_on_disk(app, driver):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    from herstelgraph.curation.review.records import read_file

    session = app.app.session
    first = [c for c in session.queue() if not c.is_no_match][:3]
    assert [c.key for c in first] == [c.key for c in session.queue()[:3]], "links come first"
    wait = WebDriverWait(driver, 15)

    def idle(d) -> bool:
        return d.execute_script("return !document.body.dataset.busy")

    driver.get(app.url + "#key=" + first[0].key)
    wait.until(lambda d: d.find_elements(By.ID, "relation-words"))
    wait.until(idle)
    assert driver.find_element(By.ID, "progress-text").text.startswith("0 van")
    from herstelgraph.words import relation_word

    # the relation in words, whichever relation the first record in the queue has
    assert driver.find_element(By.ID, "relation-words").text == relation_word(
        first[0].curated.predicate, "nl"
    )
    assert "niet gereviewd" in driver.find_element(By.ID, "relation").text
    _shot(driver, "1-first-record")

    def keys(*ks: str, progress: str) -> None:
        for k in ks:
            wait.until(idle)  # keys wait while a record loads or a decision is saved
            ActionChains(driver).send_keys(k).perform()
        wait.until(lambda d: d.find_element(By.ID, "progress-text").text.startswith(progress))
        wait.until(idle)

    keys("1", progress="1 van")  # confirm, and on to the next record
    from urllib.parse import parse_qs, urlparse

    assert parse_qs(urlparse(driver.current_url).fragment)["key"] == [first[1].key]
    keys("2", progress="1 van")  # reject: the reasons appear
    assert driver.find_element(By.ID, "reasons").is_displayed()
    _shot(driver, "2-reject-reasons")
    keys("1", progress="2 van")  # reason 1: only a shared theme
    keys("3", progress="2 van")  # change: the relations appear (not the current one)
    buttons = driver.find_elements(By.CSS_SELECTOR, "#relation-buttons button")
    assert buttons[1].get_attribute("data-stance") == "skos:closeMatch"
    _shot(driver, "3-change-relations")
    keys("2", progress="3 van")  # closeMatch

    driver.refresh()
    wait.until(lambda d: d.find_element(By.ID, "progress-text").text.startswith("3 van"))
    expected = [
        ("confirm", "bevestigd", None),
        ("reject", "afgewezen", "alleen een gedeeld thema"),
        ("change", "relatie gewijzigd in", "komt grotendeels overeen met"),
    ]
    for n, (claim, (decision, word, extra)) in enumerate(zip(first, expected, strict=True), 4):
        driver.get(app.url + "#key=" + claim.key)
        driver.refresh()
        wait.until(
            lambda d, decision=decision: (
                d.find_elements(By.ID, "mine-decision")
                and d.find_element(By.ID, "mine-decision").get_attribute("data-decision")
                == decision
            )
        )
        mine = driver.find_element(By.ID, "mine").text
        assert word in mine and (extra is None or extra in mine), mine
        _shot(driver, f"{n}-after-reload-{decision}")
    # the file on disk, read back
    rf = read_file(session.file.path, protect=False)
    got = sorted(
        (r.subject_id, r.predicate_id, r.object_id, r.predicate_modifier, r.review_reason)
        for r in rf.records
    )
    c0, c1, c2 = (c.curated for c in first)
    assert got == sorted(
        [
            (c0.subject, c0.predicate, c0.object, "", ""),
            (c1.subject, c1.predicate, c1.object, "Not", "theme-only"),
            (c2.subject, c2.predicate, c2.object, "Not", ""),
            (c2.subject, "skos:closeMatch", c2.object, "", ""),
        ]
    )
    print(f"screenshots in {SHOTS}")


def test_no_match_record_matches_an_item_found_by_search(app, driver):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select, WebDriverWait

    session = app.app.session
    nomatch = next(c for c in session.queue() if c.is_no_match)
    wait = WebDriverWait(driver, 15)
    driver.get(app.url + "#key=" + nomatch.key)
    wait.until(lambda d: d.find_element(By.ID, "nomatch-buttons").is_displayed())
    ActionChains(driver).send_keys("2").perform()  # this item matches …
    box = driver.find_element(By.ID, "match-q")
    wait.until(lambda d: box.is_displayed())
    box.send_keys("reflectie")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#match-results li"))
    hit = driver.find_element(By.CSS_SELECTOR, "#match-results li").get_attribute("data-id")
    _shot(driver, "7-no-match-search")
    # no relation and rubric rule chosen yet: refused on the screen, nothing written
    driver.find_element(By.CSS_SELECTOR, "#match-results li").click()
    wait.until(lambda d: "rubricregel" in d.find_element(By.ID, "toast").text)
    assert session.mine == {}
    Select(driver.find_element(By.ID, "match-rel")).select_by_value(
        "skos:relatedMatch|hgrule:R-REL-2"
    )
    driver.find_element(By.CSS_SELECTOR, "#match-results li").click()
    wait.until(lambda d: d.find_element(By.ID, "progress-text").text.startswith("1 van"))
    mine = session.mine
    assert mine[nomatch.key].stance == "disagree"
    assert any(
        hit in key and d.stance == "skos:relatedMatch" and d.rule == "hgrule:R-REL-2"
        for key, d in mine.items()
    )


def test_translations_view_confirm_reject_correct_reload_and_the_file(app, driver):
    """The translations view (issue 20): confirm one translation, reject the next and
    correct the third with the keyboard; reload; the screen, the progress and the
    reviewer's translations file on disk hold the three decisions."""
    from urllib.parse import parse_qs, urlencode, urlparse

    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import WebDriverWait

    from herstelgraph.curation.review import translations as T

    tsession = app.app.session.translations
    first = tsession.queue()[:4]

    def short(prop: str) -> str:
        return {v: k for k, v in T.PROPERTIES.items()}[prop]

    wait = WebDriverWait(driver, 15)

    def idle(d) -> bool:
        return d.execute_script("return !document.body.dataset.busy")

    def progress(d) -> str:
        return d.find_element(By.ID, "t-progress-text").text

    driver.get(app.url)
    wait.until(lambda d: d.find_elements(By.ID, "relation-words"))
    driver.find_element(By.ID, "mode-translations").click()  # the view beside the mappings
    wait.until(lambda d: d.find_element(By.ID, "t-english").text == first[0].english)
    wait.until(idle)
    assert driver.find_element(By.ID, "title").text == "Vertalingen reviewen"
    assert progress(driver).startswith(f"0 van {len(tsession.units)} vertalingen beoordeeld")
    assert driver.find_element(By.ID, "t-dutch").text == first[0].dutch
    assert driver.find_element(By.ID, "t-badge").text == "niet beoordeeld"
    _shot(driver, "t1-first-translation")

    def keys(*ks: str, done: int) -> None:
        for k in ks:
            wait.until(idle)
            ActionChains(driver).send_keys(k).perform()
        wait.until(lambda d: progress(d).startswith(f"{done} van"))
        wait.until(idle)

    keys("1", done=1)  # confirm, and on to the next
    wait.until(lambda d: d.find_element(By.ID, "t-english").text == first[1].english)
    keys("2", done=2)  # reject
    wait.until(lambda d: d.find_element(By.ID, "t-english").text == first[2].english)
    ActionChains(driver).send_keys("3").perform()  # correct: the text field, prefilled
    box = driver.find_element(By.ID, "t-corrected")
    wait.until(lambda d: box.is_displayed())
    assert box.get_attribute("value") == first[2].english, "the key is not typed into it"
    box.clear()
    box.send_keys("A corrected English text")
    _shot(driver, "t2-correct")
    ActionChains(driver).key_down(Keys.CONTROL).send_keys(Keys.ENTER).key_up(Keys.CONTROL).perform()
    wait.until(lambda d: progress(d).startswith("3 van"))

    # after a decision the next translation shows; its address names it
    fragment = parse_qs(urlparse(driver.current_url).fragment)
    assert fragment["view"] == ["translations"]
    assert fragment["unit"] == [f"{first[3].subject_id}|{short(first[3].property)}"]
    # reload the third: the view, the decision and the progress come back
    unit = f"{first[2].subject_id}|{short(first[2].property)}"
    driver.get(app.url + "#" + urlencode({"view": "translations", "unit": unit}))
    driver.refresh()
    wait.until(lambda d: progress(d).startswith("3 van"))
    wait.until(
        lambda d: (
            d.find_elements(By.ID, "t-mine-decision")
            and d.find_element(By.ID, "t-mine-decision").get_attribute("data-decision") == "correct"
        )
    )
    assert "A corrected English text" in driver.find_element(By.ID, "t-mine").text
    assert driver.find_element(By.ID, "t-badge").text == "verbeterd"
    _shot(driver, "t3-after-reload")
    # in English with the page's switch
    driver.find_element(By.ID, "lang-en").click()
    assert progress(driver).startswith(f"3 of {len(tsession.units)} translations reviewed")
    assert driver.find_element(By.ID, "t-badge").text == "corrected"
    driver.find_element(By.ID, "lang-nl").click()

    got = {
        d.unit: (d.decision, d.corrected_text)
        for d in T.read_file(tsession.path, protect=False).decisions
    }
    assert got == {
        (first[0].subject_id, first[0].property): ("confirm", ""),
        (first[1].subject_id, first[1].property): ("reject", ""),
        (first[2].subject_id, first[2].property): ("correct", "A corrected English text"),
    }
