#!/usr/bin/env python3
"""Plays a class against `valley serve`: many students at once, each running the tour's
queries one after another, optionally with one student whose rule never ends.

    python3 scripts/serve_load.py --students 100 [--runaway] [--valley .build/release/valley]

It starts the server itself (on a free port), checks every answer against the answer the
same statement gives a fresh session run alone, and prints the latency of the queries
(median, p95, max), the server's peak memory (VmHWM from /proc) and, with --runaway, the
runaway statement's outcome. Exit status 1 when any answer is wrong or any request fails.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import valley_server

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def tour_statements():
    """The queries of Queries/tour.q (commands left out: they print help and tables)."""
    statements = []
    with open(os.path.join(ROOT, "Queries", "tour.q"), encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if line and not line.startswith("%") and not line.startswith(":"):
                statements.append(line)
    return statements


class Client:
    def __init__(self, base, name):
        self.base = base
        response = self.post("/api/sessions", {"name": name}, auth=False)
        self.token = response["session"]

    def post(self, path, body, auth=True):
        data = json.dumps(body).encode()
        request = urllib.request.Request(self.base + path, data=data, method="POST")
        request.add_header("Content-Type", "application/json")
        if auth:
            request.add_header("Authorization", "Bearer " + self.token)
        for attempt in range(50):
            try:
                with urllib.request.urlopen(request, timeout=120) as response:
                    return json.loads(response.read())
            except urllib.error.HTTPError as error:
                if error.code == 429:
                    time.sleep(float(error.headers.get("Retry-After", "1")) / 10)
                    continue
                raise
        raise RuntimeError("still busy after 50 tries")

    def run(self, text):
        return self.post("/api/run", {"input": text})["results"]


def start_server(valley, timeout):
    return valley_server.start(valley, ["--timeout", str(timeout), "--max-sessions", "1000"])


def resident_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def peak_memory_mb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--students", type=int, default=100)
    parser.add_argument("--runaway", action="store_true", help="one more student runs a rule that never ends")
    parser.add_argument("--timeout", type=float, default=10)
    parser.add_argument("--idle", type=int, default=200, help="idle sessions to measure memory per session")
    parser.add_argument("--valley", default=os.path.join(ROOT, ".build", "release", "valley"))
    args = parser.parse_args()
    statements = tour_statements()
    process, base = start_server(args.valley, args.timeout)
    try:
        reference = Client(base, "reference")
        expected = [reference.run(s) for s in statements]
        memory_idle = peak_memory_mb(process.pid)
        # Idle sessions: each has asked one query, so it holds what a query builds.
        before = resident_mb(process.pid)
        idle = [Client(base, f"idle-{k}") for k in range(args.idle)]
        for client in idle:
            client.run("unaddressed_limit(F).")
        after = resident_mb(process.pid)
        if args.idle:
            print(f"idle sessions: {args.idle} took {after - before:.1f} MB, "
                  f"{(after - before) * 1024 / args.idle:.0f} KB each (resident memory, after one query each)")
        latencies, failures = [], []
        lock = threading.Lock()
        runaway_result = {}

        def student(k):
            try:
                client = Client(base, f"student-{k}")
                for statement, answer in zip(statements, expected):
                    started = time.perf_counter()
                    got = client.run(statement)
                    elapsed = time.perf_counter() - started
                    with lock:
                        latencies.append(elapsed)
                        if got != answer:
                            failures.append(f"student {k}: {statement} gave {got!r:.200}")
            except Exception as error:  # noqa: BLE001 - report every failure
                with lock:
                    failures.append(f"student {k}: {error}")

        def runaway():
            client = Client(base, "runaway")
            started = time.perf_counter()
            result = client.run(":assert grow(0).\n:assert grow(N) :- grow(M), N = M + 1.")
            runaway_result["seconds"] = time.perf_counter() - started
            runaway_result["answer"] = result[-1]
            runaway_result["after"] = client.run("grow(X).")[0].get("rows")

        threads = [threading.Thread(target=student, args=(k,)) for k in range(args.students)]
        if args.runaway:
            threads.insert(0, threading.Thread(target=runaway))
        started = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - started
        latencies.sort()
        p95 = latencies[int(len(latencies) * 0.95) - 1] if latencies else 0
        print(f"students: {args.students}, statements each: {len(statements)}, answers: {len(latencies)}, "
              f"wrong or failed: {len(failures)}")
        print(f"latency per query: median {statistics.median(latencies) * 1000:.1f} ms, "
              f"p95 {p95 * 1000:.1f} ms, max {latencies[-1] * 1000:.1f} ms; wall {wall:.1f} s")
        print(f"server memory: {memory_idle:.0f} MB after loading, {peak_memory_mb(process.pid):.0f} MB peak")
        if args.runaway:
            answer = runaway_result.get("answer", {})
            print(f"runaway: answered after {runaway_result.get('seconds', 0):.1f} s with "
                  f"{answer.get('error', answer)!r}; afterwards grow(X) gives {runaway_result.get('after')}")
        for failure in failures[:10]:
            print("FAIL", failure)
        return 1 if failures else 0
    finally:
        process.terminate()
        try:
            code = process.wait(timeout=10)
            print(f"server stopped on SIGTERM with status {code}")
        except subprocess.TimeoutExpired:
            process.kill()
            print("server did not stop on SIGTERM")


if __name__ == "__main__":
    sys.exit(main())
