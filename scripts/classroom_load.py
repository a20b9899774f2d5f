#!/usr/bin/env python3
"""Plays a class working through an exercise set against `valley serve --exercises`, then
kills the server with SIGKILL, restarts it on the same state folder and checks that nothing
it acknowledged was lost.

    python3 scripts/classroom_load.py --students 30 [--valley .build/release/valley]

Each student makes a session, answers every exercise of Queries/exercises/beginner.q (first a
wrong answer for every other exercise, then the worked answer from
Queries/exercises/answers/beginner-solutions.answers), all students at once. The script
counts what the server acknowledged and compares it with the teacher's CSV, before and after
`kill -9` and a restart. Exit status 1 on any difference.
"""
import argparse
import csv
import io
import json
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request

import valley_server

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXERCISES = os.path.join(ROOT, "Queries", "exercises", "beginner.q")
ANSWERS = os.path.join(ROOT, "Queries", "exercises", "answers", "beginner-solutions.answers")
TOKEN = "classroom-load-token"


def worked_answers():
    """{exercise id: answer text} from the teachers' answer file."""
    answers, current = {}, None
    with open(ANSWERS, encoding="utf-8") as f:
        for line in f:
            match = re.match(r"@answer\s+(\S+)", line)
            if match:
                current = match.group(1)
                answers[current] = ""
            elif current and not line.lstrip().startswith("%"):
                answers[current] += line
    return {k: v.strip() for k, v in answers.items()}


def request(base, path, body=None, token=None, method=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(base + path, data=data, method=method or ("POST" if data else "GET"))
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("Authorization", "Bearer " + token)
    for _ in range(100):
        try:
            with urllib.request.urlopen(req, timeout=120) as response:
                return response.read().decode()
        except urllib.error.HTTPError as error:
            if error.code == 429:
                time.sleep(0.05)
                continue
            raise
    raise RuntimeError("busy")


def start(valley, state):
    env = dict(os.environ, VALLEY_TEACHER_TOKEN=TOKEN)
    return valley_server.start(valley, ["--exercises", EXERCISES, "--state", state], env=env)


def teacher_rows(base):
    text = request(base, "/api/teacher/progress.csv", token=TOKEN)
    rows = list(csv.reader(io.StringIO(text)))
    return {(r[0], r[1], r[2]): (int(r[3]), r[4] == "true") for r in rows[1:]}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--students", type=int, default=30)
    parser.add_argument("--valley", default=os.path.join(ROOT, ".build", "release", "valley"))
    args = parser.parse_args()
    answers = worked_answers()
    exercises = re.findall(r"^@exercise\s+(\S+)", open(EXERCISES, encoding="utf-8").read(), re.M)
    state = tempfile.mkdtemp(prefix="valley-classroom-")
    process, base = start(args.valley, state)
    acknowledged, failures, lock = {}, [], threading.Lock()

    def student(k):
        name = f"student-{k:02d}"
        try:
            token = json.loads(request(base, "/api/sessions", {"name": name}))["session"]
            for n, exercise in enumerate(exercises):
                tries = (["factor(F, nothing_of_the_kind)."] if n % 2 == 0 else []) + [answers[exercise]]
                for answer in tries:
                    verdict = json.loads(request(base, f"/api/exercises/beginner/{exercise}/check",
                                                 {"answer": answer}, token=token))
                    with lock:
                        count, solved = acknowledged.get((name, "beginner", exercise), (0, False))
                        acknowledged[(name, "beginner", exercise)] = (count + 1, solved or verdict["correct"])
                if not verdict["correct"]:
                    with lock:
                        failures.append(f"{name} {exercise}: the worked answer was judged wrong: {verdict}")
        except Exception as error:  # noqa: BLE001
            with lock:
                failures.append(f"{name}: {error}")

    started = time.perf_counter()
    threads = [threading.Thread(target=student, args=(k,)) for k in range(args.students)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - started
    attempts = sum(c for c, _ in acknowledged.values())
    before = teacher_rows(base)
    print(f"{args.students} students, {len(exercises)} exercises, {attempts} acknowledged checks in {wall:.1f} s")
    print(f"teacher's CSV before the crash: {len(before)} rows, equal to what was acknowledged: {before == acknowledged}")
    process.send_signal(signal.SIGKILL)
    process.wait()
    process, base = start(args.valley, state)
    after = teacher_rows(base)
    print(f"after kill -9 and a restart: {len(after)} rows, equal: {after == acknowledged}")
    second, _ = None, None
    try:
        second = subprocess.run(
            [args.valley, "serve", "--port", "0", "--exercises", EXERCISES, "--state", state],
            capture_output=True, text=True, timeout=30, env=dict(os.environ, VALLEY_TEACHER_TOKEN=TOKEN))
        print(f"a second server on the same state folder: exit {second.returncode}: {second.stderr.strip()}")
    except subprocess.TimeoutExpired:
        failures.append("a second server started on the same state folder")
    process.terminate()
    process.wait(timeout=10)
    for failure in failures[:10]:
        print("FAIL", failure)
    ok = not failures and before == acknowledged and after == acknowledged and second and second.returncode != 0
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
