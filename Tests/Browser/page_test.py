#!/usr/bin/env python3
"""Checks the playground page of `valley serve` in headless Chromium, as a person would use it.

Usage: python3 Tests/Browser/page_test.py URL [SCREENSHOT.png]

URL is the address `valley serve` printed (http://127.0.0.1:PORT/). When the server has
exercise sets, the name is given on the first visit and the exercise panel is checked too. With SCREENSHOT.png, a
desktop screenshot is written there and a phone-width one beside it (NAME-phone.png).
Needs Debian's chromium and chromium-driver and PyPI's selenium. Prints one line per check and
a closing `N passed, N failed`; exits 0 only when every check passed.
"""

import os
import shutil
import sys
import time
import traceback
import urllib.parse

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

WAIT = 20  # seconds for anything the server computes


class CheckFailed(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise CheckFailed(message)


class Page:
    """The page in one browser, with the few moves a person makes on it."""

    def __init__(self, url):
        self.url = url if url.endswith("/") else url + "/"
        options = webdriver.ChromeOptions()
        binary = shutil.which("chromium") or shutil.which("chromium-browser")
        if binary:
            options.binary_location = binary
        for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                         "--window-size=1280,900", "--lang=en-US", "--no-first-run"):
            options.add_argument(argument)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        driver_path = os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")
        self.driver = webdriver.Chrome(service=Service(driver_path), options=options)
        self.driver.set_page_load_timeout(WAIT)

    def open(self, query=None):
        address = self.url if query is None else self.url + "?q=" + urllib.parse.quote(query, safe="")
        self.driver.get(address)
        WebDriverWait(self.driver, WAIT).until(lambda d: d.execute_script("return document.documentElement.dataset.ready") == "true")
        # With exercises the first visit asks for a name; the checks below then work as a student.
        WebDriverWait(self.driver, WAIT).until(lambda d: d.execute_script("return document.documentElement.dataset.exercises"))
        if self.exercises() and self.driver.find_element(By.ID, "name-dialog").is_displayed():
            self.driver.find_element(By.ID, "name-input").send_keys("Page Test")
            self.driver.find_element(By.ID, "name-save").click()
            WebDriverWait(self.driver, WAIT).until(lambda d: not d.find_element(By.ID, "name-dialog").is_displayed())

    def exercises(self):
        """True when the server has exercise sets (the page then shows its exercise panel)."""
        return self.driver.execute_script("return document.documentElement.dataset.exercises") == "shown"

    def input(self):
        return self.driver.find_element(By.ID, "input")

    def clear_input(self):
        box = self.input()
        box.send_keys(Keys.CONTROL, "a")
        box.send_keys(Keys.DELETE)

    def entries(self):
        return self.driver.find_elements(By.CSS_SELECTOR, "#log .entry")

    def wait_for_entry(self, count):
        """Waits until there are `count` entries and the last one has its answer."""
        def done(driver):
            entries = driver.find_elements(By.CSS_SELECTOR, "#log .entry")
            return len(entries) >= count and not entries[-1].find_elements(By.CSS_SELECTOR, ".pending")
        try:
            WebDriverWait(self.driver, WAIT).until(done)
        except TimeoutException:
            raise CheckFailed(f"no answer appeared (entries: {len(self.entries())})")
        return self.entries()[-1]

    def run(self, statement):
        """Types `statement` into the input and presses Enter; returns its entry."""
        before = len(self.entries())
        self.clear_input()
        self.input().send_keys(statement)
        self.input().send_keys(Keys.ENTER)
        return self.wait_for_entry(before + 1)

    def console_errors(self):
        return [entry["message"] for entry in self.driver.get_log("browser") if entry.get("level") == "SEVERE"]

    def script(self, text, *arguments):
        return self.driver.execute_script(text, *arguments)


def check_loads(page):
    page.open()
    expect("Valley" in page.driver.title, f"title is {page.driver.title!r}")
    label = page.driver.find_element(By.CSS_SELECTOR, "label[for=input]")
    expect(label.is_displayed(), "the input has no visible label")
    expect(page.driver.find_element(By.CSS_SELECTOR, "[aria-live]") is not None, "no live region")
    time.sleep(0.5)  # let the session start
    errors = page.console_errors()
    expect(not errors, f"console errors: {errors}")
    return "title, labelled input, live region, no console errors"


def check_table(page):
    entry = page.run("factor(F, limiting).")
    rows = entry.find_elements(By.CSS_SELECTOR, "table.answers tbody tr")
    expect(len(rows) > 0, "no table rows")
    headers = [th.text for th in entry.find_elements(By.CSS_SELECTOR, "table.answers th")]
    expect(headers == ["F"], f"headers {headers}")
    count = entry.find_element(By.CSS_SELECTOR, ".count").text
    expect(count == f"{len(rows)} answers", f"count line {count!r} for {len(rows)} rows")
    expect(any(r.text == "crime_image" for r in rows), "crime_image is not among the rows")
    expect(page.input().get_attribute("value") == "", "the input was not emptied after running")
    return f"{len(rows)} rows, count line {count!r}"


def check_shift_enter(page):
    before = len(page.entries())
    page.clear_input()
    box = page.input()
    box.send_keys("factor(F,")
    ActionChains(page.driver).key_down(Keys.SHIFT).send_keys(Keys.ENTER).key_up(Keys.SHIFT).perform()
    box.send_keys("limiting).")
    time.sleep(0.5)
    value = box.get_attribute("value")
    expect(value == "factor(F,\nlimiting).", f"input holds {value!r}")
    expect(len(page.entries()) == before, "Shift+Enter ran the statement")
    box.send_keys(Keys.ENTER)
    entry = page.wait_for_entry(before + 1)
    expect(entry.find_elements(By.CSS_SELECTOR, "table.answers tbody tr"), "the two-line query gave no table")
    return "a new line in the input, then Enter ran both lines"


def check_error_caret(page):
    entry = page.run("factor(F limiting).")
    diagnostic = entry.find_element(By.CSS_SELECTOR, ".diagnostic.error")
    expect("E110" in diagnostic.text, f"error text {diagnostic.text!r}")
    source = entry.find_element(By.CSS_SELECTOR, "pre.source")
    expect("factor(F limiting)." in source.text, f"source line {source.text!r}")
    # The caret stands under the column the headline names (line 1, column 10: 'limiting').
    offset = page.script("""
        const pre = arguments[0];
        const text = Array.from(pre.childNodes).find((n) => n.nodeType === 3);
        const column = text.textContent.indexOf("limiting");
        const range = document.createRange();
        range.setStart(text, column); range.setEnd(text, column + 1);
        return range.getBoundingClientRect().left - pre.querySelector(".caret").getBoundingClientRect().left;
    """, source)
    expect(abs(offset) < 2, f"the caret is {offset:.1f}px away from the column")
    return "error shown with its line and a caret under 'limiting'"


def check_why(page):
    entry = page.run(":why unaddressed_limit(F).")
    proofs = entry.find_elements(By.CSS_SELECTOR, "details.proof")
    expect(len(proofs) >= 2, f"{len(proofs)} proofs")
    closed = [p for p in proofs if p.get_attribute("open") is None]
    expect(closed, "every proof is open: nothing to unfold")
    target = closed[0]
    expect(not target.find_element(By.CSS_SELECTOR, ".node-fact").is_displayed(), "a closed proof shows its facts")
    summary = target.find_element(By.TAG_NAME, "summary")
    page.script("arguments[0].scrollIntoView({block: 'center'})", summary)  # clear of the input bar
    time.sleep(0.3)
    summary.click()
    expect(target.get_attribute("open") is not None, "clicking the summary did not open the proof")
    fact = target.find_element(By.CSS_SELECTOR, ".node-fact")
    expect(fact.is_displayed(), "the opened proof does not show its fact")
    expect("source:" in fact.text, f"the fact shows no source: {fact.text!r}")
    expect(entry.find_elements(By.CSS_SELECTOR, ".rules-used li"), "no rules used listed")
    return f"{len(proofs)} proofs; opened '{target.find_element(By.TAG_NAME, 'summary').text}', fact with source"


def check_history(page):
    page.clear_input()
    box = page.input()
    box.click()
    box.send_keys(Keys.ARROW_UP)
    value = box.get_attribute("value")
    expect(value == ":why unaddressed_limit(F).", f"Up brought back {value!r}")
    box.send_keys(Keys.ARROW_UP)
    value = box.get_attribute("value")
    expect(value == "factor(F limiting).", f"Up again brought back {value!r}")
    box.send_keys(Keys.ARROW_DOWN, Keys.ARROW_DOWN)
    expect(box.get_attribute("value") == "", "Down past the newest did not return to the empty draft")
    return "Up, Up, Down, Down walk the history"


def check_completion(page):
    page.clear_input()
    box = page.input()
    box.send_keys("unaddr")
    box.send_keys(Keys.TAB)
    WebDriverWait(page.driver, WAIT).until(lambda d: box.get_attribute("value") != "unaddr")
    seen = [box.get_attribute("value")]
    for _ in range(6):
        if box.get_attribute("value") == "unaddressed_limit":
            break
        choices = page.driver.find_element(By.ID, "choices")
        expect(choices.is_displayed(), f"several completions but no list; input {seen[-1]!r}")
        box.send_keys(Keys.TAB)
        time.sleep(0.2)
        seen.append(box.get_attribute("value"))
    expect(box.get_attribute("value") == "unaddressed_limit", f"Tab gave {seen}")
    expect(page.driver.switch_to.active_element == box, "Tab moved the focus out of the input")
    box.send_keys("(F).", Keys.ENTER)
    entry = page.wait_for_entry(len(page.entries()))
    expect(entry.find_elements(By.CSS_SELECTOR, "table.answers tbody tr"), "the completed query gave no table")
    return " -> ".join(["unaddr"] + seen)


def check_markup_is_text(page):
    entry = page.run('X = "<b>x</b>".')
    cells = [td.text for td in entry.find_elements(By.CSS_SELECTOR, "table.answers td")]
    expect(cells == ["<b>x</b>"], f"cells {cells}")
    expect('"<b>x</b>"' in entry.find_element(By.CSS_SELECTOR, ".echo").text, "the echo lost the markup text")
    bold = page.driver.find_elements(By.CSS_SELECTOR, "#log b, #status b")
    expect(not bold, f"{len(bold)} <b> elements were created")
    return "the cell reads <b>x</b> and no <b> element exists"


def check_hangul(page):
    entry = page.run("alias(E, N), N = \"안산테크노파크\".")
    cells = entry.find_elements(By.CSS_SELECTOR, "table.answers td")
    texts = [td.text for td in cells]
    expect(texts == ["gtp", "안산테크노파크"], f"cells {texts}")
    width = page.script("return arguments[0].getBoundingClientRect().width", cells[1])
    expect(width > 40, f"the Hangul cell is {width}px wide")
    return f"{texts[1]} shown ({width:.0f}px wide)"


def check_share_and_q(page):
    first = page.entries()[0]
    href = first.find_element(By.CSS_SELECTOR, "a.share").get_attribute("href")
    expected = page.url + "?q=" + urllib.parse.quote("factor(F, limiting).", safe="")
    expect(urllib.parse.unquote(href) == urllib.parse.unquote(expected), f"share link {href}")
    page.open("unaddressed_limit(F).")
    entry = page.wait_for_entry(1)
    rows = entry.find_elements(By.CSS_SELECTOR, "table.answers tbody tr")
    expect(rows, "the query of ?q= did not run")
    value = page.input().get_attribute("value")
    expect(value == "unaddressed_limit(F).", f"the input holds {value!r}")
    return f"share link ok; ?q= ran unaddressed_limit(F). ({len(rows)} rows)"


def check_tour(page):
    page.driver.find_element(By.ID, "tour-button").click()
    panel = page.driver.find_element(By.ID, "tour")
    expect(panel.is_displayed(), "the tour did not open")
    expect(page.input().get_attribute("value") == "factor(F, limiting).", "step 1 is not in the input")
    page.driver.find_element(By.ID, "tour-next").click()
    expect(page.input().get_attribute("value") == "unaddressed_limit(F).", "Next did not put step 2 in the input")
    step = page.driver.find_element(By.ID, "tour-step").text
    page.driver.find_element(By.ID, "tour-prev").click()
    expect(page.input().get_attribute("value") == "factor(F, limiting).", "Previous did not go back")
    page.driver.find_element(By.ID, "tour-close").click()
    expect(not panel.is_displayed(), "the tour did not close")
    return f"opens, {step!r}, Previous, Close"


def check_exercise_panel(page):
    panel = page.driver.find_element(By.ID, "exercises")
    if not page.exercises():
        expect(not panel.is_displayed(), "the exercise panel shows without exercise sets")
        expect(not page.driver.find_element(By.ID, "name-dialog").is_displayed(), "a name was asked without exercises")
        return "no exercise sets: no panel, no name asked"
    expect(panel.is_displayed(), "the server has exercises but the panel is hidden")
    expect(page.driver.find_element(By.ID, "student-name").text == "Page Test", "the panel does not show the name")
    items = page.driver.find_elements(By.CSS_SELECTOR, "#exercise-list .ex-item")
    expect(items, "no exercises listed")
    progress = page.driver.find_element(By.ID, "exercise-progress").text
    expect(progress.startswith("Solved ") and progress.endswith(f" of {len(items)}"), f"progress line {progress!r}")
    side = page.script("""
        const a = document.getElementById("exercises").getBoundingClientRect();
        const b = document.getElementById("input").getBoundingClientRect();
        return [a.left, b.right];
    """)
    expect(side[0] >= side[1], f"at 1280px the panel is not beside the input ({side})")
    page.script("arguments[0].scrollIntoView({block: 'center'})", items[-1])
    items[-1].click()
    title = page.driver.find_element(By.ID, "exercise-title").text
    expect(title and title in items[-1].text, f"title {title!r}")
    expect(page.driver.find_element(By.ID, "exercise-prompt").text.strip(), "empty prompt")
    hints = page.driver.find_element(By.ID, "exercise-hints")
    hint_button = page.driver.find_element(By.ID, "hint-button")
    shown = 0
    while hint_button.is_enabled() and shown < 10:
        hint_button.click()
        shown += 1
        expect(len(hints.find_elements(By.TAG_NAME, "li")) == shown, f"hint {shown} did not appear")
    expect(not hint_button.is_enabled(), "the Hint button stays enabled after every hint")
    page.clear_input()
    page.driver.find_element(By.ID, "check-button").click()
    verdict = page.driver.find_element(By.ID, "exercise-verdict").text
    expect("Type your answer" in verdict, f"Check with an empty input says {verdict!r}")
    page.input().send_keys('X = "<i>no</i>".')
    page.driver.find_element(By.ID, "check-button").click()
    WebDriverWait(page.driver, WAIT).until(
        lambda d: "incorrect" in d.find_element(By.ID, "exercise-result").get_attribute("class").split())
    expect(not page.driver.find_elements(By.CSS_SELECTOR, "#exercises i, #exercises b"), "feedback became markup")
    WebDriverWait(page.driver, WAIT).until(lambda d: "1 attempt" in d.find_element(By.ID, "exercise-attempts").text)
    page.clear_input()
    return f"{len(items)} exercises, {progress!r}; {title!r}: {shown} hints, Check says incorrect, 1 attempt"


def screenshot_path(base, suffix):
    root, ext = os.path.splitext(base)
    return root + suffix + (ext or ".png")


def check_phone_width(page, screenshot):
    if screenshot:
        page.driver.save_screenshot(screenshot)
    page.driver.set_window_size(375, 812)
    page.run("qualified_claim(S), claim_text(S, T).")
    page.run(":why unaddressed_limit(crime_image).")
    page.run(":whynot addressed(crime_image).")
    time.sleep(0.3)
    sizes = page.script("return [document.documentElement.scrollWidth, window.innerWidth, document.body.scrollWidth]")
    expect(sizes[0] <= sizes[1] and sizes[2] <= sizes[1], f"page scrolls sideways: scrollWidth {sizes[0]}/{sizes[2]} > {sizes[1]}")
    if page.exercises():
        below = page.script("""
            const a = document.getElementById("exercises").getBoundingClientRect();
            const b = document.querySelector(".play").getBoundingClientRect();
            return a.top >= b.bottom - 1;
        """)
        expect(below, "at 375px the exercise panel is not below the prompt")
    if screenshot:
        page.driver.save_screenshot(screenshot_path(screenshot, "-phone"))
    return f"scrollWidth {sizes[0]} <= {sizes[1]}"


def check_no_console_errors(page):
    errors = page.console_errors()
    expect(not errors, f"console errors: {errors}")
    return "none during the whole run"


def main(argv):
    if len(argv) < 2:
        print(__doc__.strip())
        return 2
    screenshot = argv[2] if len(argv) > 2 else None
    page = Page(argv[1])
    checks = [
        ("page loads", check_loads),
        ("Enter runs a query and shows a table", check_table),
        ("Shift+Enter adds a line", check_shift_enter),
        ("an error shows the caret line", check_error_caret),
        (":why shows a proof tree that folds", check_why),
        ("arrow keys walk the history", check_history),
        ("Tab completes unaddr", check_completion),
        ("markup in a query is shown as text", check_markup_is_text),
        ("a Hangul symbol renders", check_hangul),
        ("share link and ?q= run the query", check_share_and_q),
        ("the guided tour", check_tour),
        ("the exercise panel (only with exercise sets)", check_exercise_panel),
        ("no horizontal scroll at 375px", lambda p: check_phone_width(p, screenshot)),
        ("no console errors", check_no_console_errors),
    ]
    passed = failed = 0
    try:
        for name, check in checks:
            try:
                detail = check(page)
                passed += 1
                print(f"PASS {name}: {detail}", flush=True)
            except CheckFailed as failure:
                failed += 1
                print(f"FAIL {name}: {failure}", flush=True)
            except Exception as error:  # a check that crashed fails, the others still run
                failed += 1
                print(f"FAIL {name}: {type(error).__name__}: {error}", flush=True)
                traceback.print_exc(limit=3)
    finally:
        page.driver.quit()
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
