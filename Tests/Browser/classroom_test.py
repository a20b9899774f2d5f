#!/usr/bin/env python3
"""A classroom in headless Chromium: a student solves an exercise, the teacher sees it.

Usage: python3 Tests/Browser/classroom_test.py URL TEACHERTOKEN [EXERCISES.q ...]

URL is the address `valley serve --exercises ...` printed; TEACHERTOKEN its teacher token.
EXERCISES.q are the exercise files the server was started with (default: the bundled
Queries/exercises/beginner.q and intermediate.q); the test reads their solutions to give one
right answer, and to make sure no solution reaches the browser. Needs Debian's chromium and
chromium-driver and PyPI's selenium. Prints one line per check and a closing
`N passed, N failed`; exits 0 only when every check passed.
"""

import os
import re
import sys
import time
import traceback
import urllib.request

from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

sys.dont_write_bytecode = True  # no __pycache__ in the repository for the import below
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from page_test import WAIT, CheckFailed, Page, expect  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_FILES = [os.path.join(ROOT, "Queries", "exercises", name) for name in ("beginner.q", "intermediate.q")]
STUDENT = "Classroom Test Student"
WRONG = "X = not_the_answer_zq."

# Statements the playground shows whatever the exercises are (its examples and ten-line tour).
# A solution that happens to equal one of them is not a leak.
PLAYGROUND_EXAMPLES = {
    "factor(F, limiting).", "unaddressed_limit(F).", "why_less_favoured(Reason, Claim).",
    "qualified_claim(S), claim_text(S, T).", ":why unaddressed_limit(crime_image).",
    ":whynot addressed(crime_image).", ":assume addresses(amenity_plan, lack_of_lifestyle_amenities).",
    ":diff", ":list factor", ":help",
}


def unquote(text):
    return re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), text)


def read_exercises(path):
    """{id: {"solution": text, "shown": prompt and hints}} of one exercise file."""
    exercises = {}
    current = None
    in_solution = False
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            stripped = line.strip()
            directive = re.match(r'@(\w+)\s*(.*)$', stripped)
            if directive:
                word, rest = directive.group(1), directive.group(2)
                in_solution = word == "solution"
                if word == "exercise":
                    name = rest.split()[0]
                    current = exercises.setdefault(name, {"solution": "", "shown": ""})
                elif current is not None and word in ("prompt", "hint"):
                    quoted = re.match(r'"((?:[^"\\]|\\.)*)"', rest)
                    current["shown"] += unquote(quoted.group(1) if quoted else rest) + "\n"
                elif in_solution and current is not None and rest:
                    current["solution"] += rest + "\n"
            elif in_solution and current is not None:
                current["solution"] += line
    return exercises


def statements(solution):
    """The statements of a solution, comments dropped and spaces made single."""
    text = re.sub(r"%[^\n]*", "", solution)
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r"\s+", " ", text).strip()
    return [part.strip() + "." for part in re.split(r"\.(?=\s|$)", text) if part.strip()]


def fetch_text(url):
    with urllib.request.urlopen(url, timeout=WAIT) as response:
        return response.read().decode("utf-8")


def wait_until(page, condition, message):
    try:
        return WebDriverWait(page.driver, WAIT).until(condition)
    except TimeoutException:
        raise CheckFailed(message)


class Classroom:
    def __init__(self, url, token, files):
        self.page = Page(url)
        self.url = self.page.url
        self.token = token
        self.exercises = {}
        for path in files:
            for name, exercise in read_exercises(path).items():
                self.exercises.setdefault(name, exercise)
        self.chosen = None  # (set, id, title)

    def find(self, css):
        return self.page.driver.find_element(By.CSS_SELECTOR, css)

    def verdict(self, before):
        def changed(driver):
            box = driver.find_element(By.ID, "exercise-result")
            text = driver.find_element(By.ID, "exercise-verdict").text
            cls = box.get_attribute("class")
            done = box.is_displayed() and "pending" not in cls and text != before
            return (cls, text, driver.find_element(By.ID, "exercise-feedback").text) if done else False
        return wait_until(self.page, changed, "no verdict appeared after Check")

    def check_answer(self, answer):
        before = self.page.driver.find_element(By.ID, "exercise-verdict").text
        self.page.clear_input()
        self.page.input().send_keys(answer.replace("\n", " ").strip())
        button = self.find("#check-button")
        self.page.script("arguments[0].scrollIntoView({block: 'center'})", button)
        button.click()
        return self.verdict(before)


def check_name(room):
    page = room.page
    page.driver.get(room.url)
    dialog = wait_until(page, lambda d: d.find_element(By.ID, "name-dialog").is_displayed()
                        and d.find_element(By.ID, "name-dialog"), "the name dialog did not open on the first visit")
    field = page.driver.find_element(By.ID, "name-input")
    field.send_keys(STUDENT)
    page.driver.find_element(By.ID, "name-save").click()
    wait_until(page, lambda d: not dialog.is_displayed(), "the name dialog stayed open")
    wait_until(page, lambda d: d.execute_script("return document.documentElement.dataset.ready") == "true", "no ready page")
    shown = room.find("#student-name").text
    expect(shown == STUDENT, f"the panel shows the name {shown!r}")
    stored = page.script("return localStorage.getItem('valley.name')")
    expect(stored == STUDENT, f"localStorage holds {stored!r}")
    return f"asked once, shown as {shown!r}, kept in localStorage"


def check_pick(room):
    panel = room.find("#exercises")
    expect(panel.is_displayed(), "no exercise panel")
    items = wait_until(room.page, lambda d: d.find_elements(By.CSS_SELECTOR, "#exercise-list .ex-item"), "no exercises listed")
    first = items[0]
    first.click()
    room.chosen = (first.get_attribute("data-set"), first.get_attribute("data-id"), first.text)
    expect(first.get_attribute("aria-current") == "true", "the first exercise is not marked as chosen")
    title = room.find("#exercise-title").text
    prompt = room.find("#exercise-prompt").text
    expect(title and title in first.text, f"title {title!r} for item {first.text!r}")
    expect(prompt.strip(), "the prompt is empty")
    expect(room.chosen[1] in room.exercises, f"exercise {room.chosen[1]} is not in the exercise files given")
    progress = room.find("#exercise-progress").text
    expect(re.fullmatch(r"Solved \d+ of \d+", progress), f"progress line {progress!r}")
    return f"{room.chosen[0]}/{room.chosen[1]} {title!r}; {progress!r}; {len(items)} exercises listed"


def check_wrong(room):
    cls, verdict, feedback = room.check_answer(WRONG)
    expect("incorrect" in cls.split(), f"verdict class {cls!r} ({verdict!r})")
    expect("incorrect" in verdict.lower(), f"verdict {verdict!r}")
    expect(feedback.strip(), "no feedback with the incorrect verdict")
    expect(not room.page.driver.find_elements(By.CSS_SELECTOR, "#exercises b, #exercises i"), "feedback became markup")
    progress = wait_until(room.page, lambda d: "attempt" in d.find_element(By.ID, "exercise-attempts").text
                          and d.find_element(By.ID, "exercise-attempts").text, "the attempts line was not refreshed")
    return f"{verdict!r}; feedback {feedback.splitlines()[0]!r}; {progress!r}"


def check_right(room):
    solution = room.exercises[room.chosen[1]]["solution"].strip()
    cls, verdict, feedback = room.check_answer(solution)
    expect("correct" in cls.split(), f"verdict class {cls!r} ({verdict!r}, {feedback!r})")
    expect("correct" in verdict.lower() and "incorrect" not in verdict.lower(), f"verdict {verdict!r}")
    selector = f'#exercise-list .ex-item[data-id="{room.chosen[1]}"]'
    wait_until(room.page, lambda d: "solved" in d.find_element(By.CSS_SELECTOR, selector).get_attribute("class"),
               "the exercise got no solved mark")
    mark = room.find(selector + " .ex-mark").text
    expect(mark == "✓", f"the mark reads {mark!r}")
    progress = room.find("#exercise-progress").text
    expect(re.fullmatch(r"Solved [1-9]\d* of \d+", progress), f"progress line {progress!r}")
    return f"{verdict!r}; mark {mark}; {progress!r}"


def check_hint(room):
    button = room.find("#hint-button")
    hints = room.find("#exercise-hints")
    before = len(hints.find_elements(By.TAG_NAME, "li"))
    if button.get_attribute("disabled") is not None and before == 0:
        return f"{room.chosen[1]} has no hints (the button says {button.text!r})"
    room.page.script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()
    items = wait_until(room.page, lambda d: len(hints.find_elements(By.TAG_NAME, "li")) == before + 1
                       and hints.find_elements(By.TAG_NAME, "li"), "Hint revealed nothing")
    first = items[0].text
    expect(first.strip(), "the hint is empty")
    expect(first in room.exercises[room.chosen[1]]["shown"], f"hint {first!r} is not the file's first hint")
    return f"hint 1: {first!r}; the button now says {button.text!r}"


def check_teacher(room):
    page = room.page
    page.driver.get(room.url + "teacher")
    wait_until(page, lambda d: d.execute_script("return document.documentElement.dataset.ready") == "true", "no teacher page")
    field = page.driver.find_element(By.ID, "token-input")
    field.send_keys("certainly-not-the-token")
    page.driver.find_element(By.CSS_SELECTOR, "#token-form button[type=submit]").click()
    error = wait_until(page, lambda d: d.find_element(By.ID, "token-error").is_displayed()
                       and d.find_element(By.ID, "token-error").text, "a wrong token was not refused")
    expect("wrong" in error.lower(), f"the refusal says {error!r}")
    field = page.driver.find_element(By.ID, "token-input")
    field.send_keys(room.token)
    page.driver.find_element(By.CSS_SELECTOR, "#token-form button[type=submit]").click()
    row_css = "#board-wrap tbody tr"

    def student_row(driver):
        for row in driver.find_elements(By.CSS_SELECTOR, row_css):
            if row.get_attribute("data-student") == STUDENT:
                return row
        return False
    row = wait_until(page, student_row, f"no row for {STUDENT!r}")
    cell = row.find_element(By.CSS_SELECTOR, f'td[data-set="{room.chosen[0]}"][data-id="{room.chosen[1]}"]')
    mark = cell.text
    expect(mark == "✓", f"the cell for {room.chosen[1]} reads {mark!r}")
    when = row.find_element(By.CSS_SELECTOR, "td.when").text
    expect(when.strip(), "no last activity")
    stored = page.script("return [sessionStorage.getItem('valley.teacherToken'), localStorage.getItem('valley.teacherToken')]")
    expect(stored[0] == room.token and stored[1] is None, "the token is not kept in sessionStorage only")
    link = page.driver.find_element(By.ID, "csv-link")
    expect(link.is_displayed() and "CSV" in link.text, "no Download CSV link")
    link.click()
    wait_until(page, lambda d: "CSV saved" in d.find_element(By.ID, "teacher-status").text,
               "Download CSV did not fetch the CSV with the token")
    time.sleep(5.5)  # the table is drawn again every 5 s; the row is still there
    expect(student_row(page.driver), "the row went away after a refresh")
    status = page.driver.find_element(By.ID, "teacher-status").text
    expect(status.startswith("Updated"), f"the status line reads {status!r}")
    return f"wrong token refused ({error!r}); row {STUDENT!r}: {mark} for {room.chosen[1]}, last activity {when!r}"


def check_no_solutions(room):
    texts = {path: fetch_text(room.url + path.lstrip("/")) for path in ("/", "/app.js", "/teacher", "/teacher.js")}
    squeeze = {path: re.sub(r"\s+", " ", text) for path, text in texts.items()}
    found, tolerated, counted = [], [], 0
    for name, exercise in room.exercises.items():
        shown = re.sub(r"\s+", " ", exercise["shown"])
        for statement in statements(exercise["solution"]):
            counted += 1
            where = [path for path, text in squeeze.items() if statement in text]
            if not where:
                continue
            if statement in PLAYGROUND_EXAMPLES or statement in shown:
                tolerated.append(f"{name}: {statement}")
            else:
                found.append(f"{name}: {statement!r} in {', '.join(where)}")
    expect(counted > 0, "no solutions read from the exercise files")
    expect(not found, "solution text served: " + "; ".join(found))
    note = f" ({len(tolerated)} equal to a playground example or the exercise's own text)" if tolerated else ""
    return f"{counted} solution statements, none in /, /app.js, /teacher, /teacher.js{note}"


def check_console(room):
    # The wrong token's 401 (and a session's 401 before it exists) are logged by the browser itself.
    errors = [e for e in room.page.console_errors() if "status of 401" not in e]
    expect(not errors, f"console errors: {errors}")
    return "none besides the expected 401 answers"


def main(argv):
    if len(argv) < 3:
        print(__doc__.strip())
        return 2
    files = argv[3:] or DEFAULT_FILES
    room = Classroom(argv[1], argv[2], files)
    checks = [
        ("the first visit asks the student's name", check_name),
        ("the panel lists exercises; the first is picked", check_pick),
        ("a wrong answer is incorrect, with feedback", check_wrong),
        ("the solution is correct and marked solved", check_right),
        ("Hint reveals the first hint", check_hint),
        ("the teacher page shows the student's row", check_teacher),
        ("no solution text in the page's HTML and JS", check_no_solutions),
        ("no console errors", check_console),
    ]
    passed = failed = 0
    try:
        for name, check in checks:
            try:
                detail = check(room)
                passed += 1
                print(f"PASS {name}: {detail}", flush=True)
            except CheckFailed as failure:
                failed += 1
                print(f"FAIL {name}: {failure}", flush=True)
            except Exception as error:
                failed += 1
                print(f"FAIL {name}: {type(error).__name__}: {error}", flush=True)
                traceback.print_exc(limit=3)
    finally:
        room.page.driver.quit()
    print(f"{passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
