"""Browser tests in real headless Chromium (Selenium): click through search → article →
speaker → story → claim, take screenshots, and prove injected markup does not execute.

Needs the Debian packages ``chromium`` and ``chromium-driver`` and ``pip install selenium``;
skips with a reason otherwise. Screenshots go to ``$RAWI_SCREENSHOTS`` or
``tests/browser/screenshots/``. Selenium Manager is never used: the driver path is explicit.
"""

from __future__ import annotations

import os
import shutil
import socket
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
pytestmark = [
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is absent (apt-get install chromium)"),
    pytest.mark.skipif(not Path(CHROMEDRIVER).exists(),
                       reason="chromedriver is absent (apt-get install chromium-driver)"),
]
selenium = pytest.importorskip("selenium", reason="selenium is not installed (pip install selenium)")
uvicorn = pytest.importorskip("uvicorn")

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from browser.webcorpus import XSS_ID, built_store  # noqa: E402
from rawi.web.app import create_app  # noqa: E402

SHOTS = Path(os.environ.get("RAWI_SCREENSHOTS") or Path(__file__).resolve().parent / "screenshots")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server():
    port = _free_port()
    config = uvicorn.Config(create_app(built_store(), rate_limit=None), host="127.0.0.1", port=port,
                            log_level="warning", lifespan="on")
    srv = uvicorn.Server(config)
    t = threading.Thread(target=srv.run, daemon=True)
    t.start()
    deadline = time.monotonic() + 20
    while not srv.started:
        if time.monotonic() > deadline or not t.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    t.join(10)


@pytest.fixture(scope="module")
def driver():
    os.environ["SE_OFFLINE"] = "true"  # belt and braces: Selenium Manager must not download
    profile = tempfile.mkdtemp(prefix="rawi-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-extensions", "--window-size=1280,1000",
                f"--user-data-dir={profile}", "--lang=ar"):
        opts.add_argument(arg)
    try:
        d = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=opts)
    except Exception as exc:  # noqa: BLE001 - an unusable browser is a skip, not a failure
        shutil.rmtree(profile, ignore_errors=True)
        pytest.skip(f"chromium could not start: {str(exc).splitlines()[0]}")
    d.set_page_load_timeout(30)
    SHOTS.mkdir(parents=True, exist_ok=True)
    yield d
    d.quit()
    shutil.rmtree(profile, ignore_errors=True)


def shot(driver, name: str) -> Path:
    path = SHOTS / f"{name}.png"
    driver.save_screenshot(str(path))
    assert path.stat().st_size > 1000
    return path


def wait_url(driver, part: str) -> None:
    WebDriverWait(driver, 30).until(EC.url_contains(part))
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")


def no_xss(driver) -> None:
    assert driver.execute_script("return typeof window.__xss") == "undefined"
    assert driver.title != "XSS"


def test_browser_click_through_search_article_speaker_story_claim(server, driver):
    driver.get(server + "/")
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("dir") == "rtl"
    box = driver.find_element(By.NAME, "q")
    box.send_keys("تصدعات")
    box.submit()
    wait_url(driver, "/search?")
    assert driver.find_elements(By.TAG_NAME, "mark"), "highlighted snippets"
    shot(driver, "1-search")

    driver.find_element(By.CSS_SELECTOR, 'a[href="/article/nour-2026-04-02-dam"]').click()
    wait_url(driver, "/article/")
    assert driver.find_elements(By.CSS_SELECTOR, ".body span.speaker")
    assert driver.find_elements(By.CSS_SELECTOR, ".body span.cue")
    assert driver.find_elements(By.CSS_SELECTOR, ".body span.content")
    span = driver.find_element(By.CSS_SELECTOR, ".body span.speaker")
    assert "source:" in span.get_attribute("title"), "details on hover via title"
    # the text runs right to left
    assert driver.execute_script("return getComputedStyle(document.body).direction") == "rtl"
    shot(driver, "2-article")

    driver.find_element(By.CSS_SELECTOR, "td a.who").click()
    wait_url(driver, "/speaker?")
    assert "مزيج المواقف" in driver.page_source
    shot(driver, "3-speaker")

    driver.get(server + "/article/nour-2026-04-02-dam")
    driver.find_element(By.CSS_SELECTOR, 'a[href^="/story/"]').click()
    wait_url(driver, "/story/")
    assert "الخط الزمني" in driver.page_source
    assert len(driver.find_elements(By.CSS_SELECTOR, ".timeline li")) >= 2
    shot(driver, "4-story")

    driver.find_element(By.CSS_SELECTOR, '.timeline a[href="/article/fajr-2026-04-02-dam"]').click()
    wait_url(driver, "/article/fajr")
    driver.find_element(By.CSS_SELECTOR, 'td a[href^="/claim?doc_id=fajr-2026-04-02-dam&idx=0"]').click()
    wait_url(driver, "/claim?")
    assert driver.find_elements(By.CSS_SELECTOR, ".hop.via")
    assert driver.find_elements(By.CSS_SELECTOR, ".rel-denies")
    shot(driver, "5-claim")

    driver.get(server + "/outlets")
    assert driver.find_elements(By.TAG_NAME, "meter")
    shot(driver, "6-outlets")


def test_browser_article_with_injected_markup_does_not_execute(server, driver):
    driver.get(server + "/article/" + quote(XSS_ID))
    no_xss(driver)
    assert "<script>" in driver.find_element(By.CSS_SELECTOR, ".body").text, "shown as text"
    for el in driver.find_elements(By.CSS_SELECTOR, ".body span, .meta a, .meta span")[:40]:
        try:
            ActionChains(driver).move_to_element(el).perform()
        except Exception:  # noqa: BLE001 - an element off screen cannot be hovered; others can
            continue
    no_xss(driver)
    assert not driver.find_elements(By.CSS_SELECTOR, ".body script, .body img, .body b, .body i")
    shot(driver, "7-xss-article")
    for url in ("/search?q=" + quote("بيان"), "/outlets", "/claims", "/speakers"):
        driver.get(server + url)
        no_xss(driver)
    logs = [e for e in driver.get_log("browser") if "Content Security Policy" in e.get("message", "")] \
        if hasattr(driver, "get_log") else []
    assert not logs, f"the pages themselves violate the CSP: {logs[:2]}"


def test_browser_analyse_page_and_phone_layout(server, driver):
    driver.get(server + "/analyse")
    driver.find_element(By.NAME, "text").send_keys(
        "زيارة رسمية\n\nوقال وزير الخارجية سمير النمر إن الزيارة <script>window.__xss=1</script> ناجحة.")
    driver.find_element(By.CSS_SELECTOR, "form.analyse button").click()
    WebDriverWait(driver, 60).until(lambda d: d.find_elements(By.CSS_SELECTOR, ".body span.cue"))
    assert driver.find_elements(By.CSS_SELECTOR, ".body span.cue")
    no_xss(driver)
    shot(driver, "8-analyse")
    driver.set_window_size(390, 844)
    try:
        driver.get(server + "/article/fajr-2026-04-02-dam")
        width = driver.execute_script("return document.documentElement.scrollWidth")
        assert width <= 400, f"the article page scrolls sideways on a phone ({width}px)"
        shot(driver, "9-article-phone")
    finally:
        driver.set_window_size(1280, 1000)
