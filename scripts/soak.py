#!/usr/bin/env python3
"""Soak test for Valley: one long session of random queries and assert/retract cycles.

    scripts/soak.py [--statements 10000] [--seed 1] [--valley PATH] [--knowledge DIR]

Runs `valley run --format json -` once, with the bundled knowledge base, and pipes it a
generated script of about --statements statements:

- queries over every predicate of the knowledge base (open, with a bound argument, counts),
  each run once at the start to record its baseline answers;
- cycles that assert a new fact, check that it holds, retract it, and check that a baseline
  query answers exactly as at the start;
- cycles that retract a stored fact and assert it back; what-if cycles (:assume ... :reset);
- statements that must fail (unknown predicate, wrong arity, division by zero, runaway
  recursion under a small :set max_facts) and must change nothing.

While it runs, the process's resident memory (VmRSS in /proc/PID/status) is sampled. The run
passes when every checked answer equals its expectation, no statement fails that should not,
and memory stays flat: the median RSS over the last fifth of the run is at most 10% (and
10 MB) above the median over the second fifth. Prints a summary; exit status 0 on a pass.

Not part of CI: it takes about 10 seconds with a release build (swift build -c release), 40
with a debug one.
"""

import argparse
import json
import os
import random
import re
import subprocess
import sys
import threading
import time

sys.dont_write_bytecode = True  # no __pycache__ beside the scripts
from common import ROOT, find_valley  # noqa: E402


def run_json(valley, env, script):
    """Runs a short script and returns its JSON objects."""
    done = subprocess.run(
        [valley, "run", "--format", "json", "-"], input=script.encode(), env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
    return [json.loads(line) for line in done.stdout.decode().splitlines() if line.strip()]


def source(value):
    """A value as Valley source text."""
    if isinstance(value, bool):
        raise ValueError("no booleans in Valley")
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value) if value == value else "0.0"
    if re.fullmatch(r"[a-z][A-Za-z0-9_]*", value) and value not in ("not", "mod", "count", "sum", "min", "max"):
        return value
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")
    return '"' + escaped + '"'


def discover(valley, env):
    """Every predicate with its arity, its answers, and its stored facts as source text."""
    objects = run_json(valley, env, ":preds\n")
    table = objects[0]["message"]
    predicates = []
    for line in table.splitlines()[2:]:
        match = re.match(r"(\S+)/(\d+)\s+(\d+)", line)
        if match:
            predicates.append((match.group(1), int(match.group(2)), int(match.group(3))))
    script = []
    for name, arity, _ in predicates:
        goal = name if arity == 0 else "%s(%s)" % (name, ", ".join("V%d" % i for i in range(arity)))
        script.append("?- %s." % goal)
        script.append(":list %s" % name)
    objects = run_json(valley, env, "\n".join(script) + "\n")
    info = {}
    for (name, arity, _), answers, listing in zip(predicates, objects[0::2], objects[1::2]):
        rows = answers.get("rows", [])
        stored = []
        for line in listing.get("message", "").splitlines():
            if line.startswith(name + "(") and line.endswith(").") and ":-" not in line:
                stored.append(line[:-1])
            elif line == name + ".":
                stored.append(name)
        info[name] = {"arity": arity, "rows": rows, "stored": stored}
    return info


class Generator:
    """Builds the statement list and, for each statement, what to check about its output."""

    def __init__(self, info, rng):
        self.info = info
        self.rng = rng
        self.statements = []  # (text, check); check is a tuple or None
        self.pool = []  # baseline queries
        names = sorted(info)
        self.with_rows = [n for n in names if info[n]["rows"] and info[n]["arity"] > 0]
        self.with_stored = [n for n in names if info[n]["stored"]]
        self.constants = sorted({source(v) for n in names for row in info[n]["rows"] for v in row})

    def add(self, text, check):
        self.statements.append((text, check))

    def baseline_queries(self, count):
        rng = self.rng
        for _ in range(count):
            name = rng.choice(self.with_rows)
            arity = self.info[name]["arity"]
            kind = rng.random()
            args = ["V%d" % i for i in range(arity)]
            if kind < 0.4:
                text = "?- %s(%s)." % (name, ", ".join(args))
            elif kind < 0.8:
                row = rng.choice(self.info[name]["rows"])
                k = rng.randrange(arity)
                args[k] = source(row[k])
                if all(a != "V%d" % i for i, a in enumerate(args)):
                    args.append("")
                text = "?- %s(%s)." % (name, ", ".join(a for a in args if a))
            else:
                other = rng.choice(self.with_rows)
                oarity = self.info[other]["arity"]
                text = "?- N = count { %s : %s(%s) }, M = count { %s : %s(%s) }." % (
                    ", ".join(args), name, ", ".join(args),
                    ", ".join("W%d" % i for i in range(oarity)), other,
                    ", ".join("W%d" % i for i in range(oarity)))
            if text not in self.pool:
                self.pool.append(text)
        for text in self.pool:
            self.add(text, ("record", text))

    def check_baseline(self):
        self.add(self.rng.choice(self.pool), ("baseline",))

    def fresh_fact(self):
        """A fact that is not in the knowledge base: one argument is a soak-only value from a
        small set (so memory stays bounded), a number in a column of numbers."""
        name = self.rng.choice(self.with_rows)
        rows = self.info[name]["rows"]
        args = [source(v) for v in self.rng.choice(rows)]
        k = self.rng.randrange(len(args))
        numeric = all(isinstance(row[k], (int, float)) and not isinstance(row[k], bool) for row in rows)
        args[k] = str(7_000_000 + self.rng.randrange(50)) if numeric else "soak_%d" % self.rng.randrange(50)
        return "%s(%s)" % (name, ", ".join(args))

    def cycle(self):
        rng = self.rng
        kind = rng.random()
        if kind < 0.45:
            fact = self.fresh_fact()
            self.add(":assert %s." % fact, ("message", "asserted 1 fact"))
            self.add("?- %s." % fact, ("holds", True))
            if rng.random() < 0.5:
                self.add(rng.choice(self.pool), ("ok",))
            self.add(":retract %s." % fact, ("message", "retracted 1 fact"))
            self.add("?- %s." % fact, ("holds", False))
            self.check_baseline()
        elif kind < 0.6 and self.with_stored:
            fact = rng.choice(self.info[rng.choice(self.with_stored)]["stored"])
            self.add(":retract %s." % fact, ("message", "retracted 1 fact"))
            self.add("?- %s." % fact, ("ok",))  # may still be derived by a rule
            self.add(":assert %s." % fact, ("message", "asserted 1 fact"))
            self.check_baseline()
        elif kind < 0.72:
            fact = self.fresh_fact()
            name = fact.split("(")[0]
            arity = self.info[name]["arity"]
            args = ", ".join("V%d" % i for i in range(arity))
            self.add(":assume %s." % fact, ("ok",))
            self.add(":assume soak_view(V0) :- %s(%s)." % (name, args), ("ok",))
            self.add("?- soak_view(X).", ("ok",))
            self.add(":diff", ("ok",))
            self.add(":reset", ("ok",))
            self.check_baseline()
        elif kind < 0.85:
            name = rng.choice(self.with_rows)
            arity = self.info[name]["arity"]
            bad = rng.choice([
                "?- soak_no_such_predicate(X).",
                ":assert %s(%s)." % (name, ", ".join(["a"] * (arity + 1))),
                "?- %s(%s), Y = 1 / 0." % (name, ", ".join("V%d" % i for i in range(arity))),
                ":assert soak_bad(X) :- %s(%s), X = 9223372036854775807 + 1." % (
                    name, ", ".join("V%d" % i for i in range(arity))),
                ":nosuchcommand",
            ])
            self.add(bad, ("error",))
            self.check_baseline()
        else:
            self.add(":set max_facts 2000", ("ok",))
            self.add(":assert soak_n(0).", ("message", "asserted 1 fact"))
            self.add(":assert soak_n(Y) :- soak_n(X), Y = X + 1.", ("error",))
            self.add(":retract soak_n(0).", ("message", "retracted 1 fact"))
            self.add(":set max_facts 20000000", ("ok",))
            self.check_baseline()


def sample_memory(pid, samples, progress, stop):
    while not stop.is_set():
        try:
            with open("/proc/%d/status" % pid) as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        samples.append((time.monotonic(), progress[0], int(line.split()[1])))
        except OSError:
            return
        time.sleep(0.1)


def median(values):
    values = sorted(values)
    return values[len(values) // 2] if values else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--statements", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--valley")
    parser.add_argument("--knowledge", default=os.path.join(ROOT, "Knowledge"))
    args = parser.parse_args()

    valley = find_valley(args.valley)
    env = dict(os.environ, VALLEY_KNOWLEDGE=args.knowledge, NO_COLOR="1")
    rng = random.Random(args.seed)
    info = discover(valley, env)
    generator = Generator(info, rng)
    generator.baseline_queries(150)
    while len(generator.statements) < args.statements:
        generator.cycle()
    statements = generator.statements
    script = "".join(text + "\n" for text, _ in statements)

    started = time.monotonic()
    process = subprocess.Popen(
        [valley, "run", "--format", "json", "-"], env=env,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    samples, progress, stop = [], [0], threading.Event()
    sampler = threading.Thread(target=sample_memory, args=(process.pid, samples, progress, stop))
    sampler.start()
    feeder = threading.Thread(target=lambda: (process.stdin.write(script.encode()), process.stdin.close()))
    feeder.start()
    lines = []
    for raw in process.stdout:
        lines.append(raw.decode())
        progress[0] = len(lines)
    stderr = process.stderr.read().decode()
    status = process.wait()
    stop.set()
    sampler.join()
    feeder.join()
    elapsed = time.monotonic() - started

    # Pair outputs with statements: each statement prints one object (warnings aside).
    objects = [json.loads(line) for line in lines if line.strip()]
    objects = [o for o in objects if "warning" not in o]
    problems = []
    baseline = {}
    checked = 0
    position_of_output = []
    index = 0
    for number, (text, check) in enumerate(statements, start=1):
        if index >= len(objects):
            problems.append("line %d: no output for %s" % (number, text))
            break
        obj = objects[index]
        index += 1
        position_of_output.append(index)
        kind = check[0]
        error = obj.get("error")
        if "query" in obj and text.startswith("?-") and obj["query"].strip() != text[2:].strip():
            problems.append("line %d: output out of step: %r for %r" % (number, obj["query"], text))
            break
        if kind == "error":
            if error is None:
                problems.append("line %d: should have failed: %s" % (number, text))
            continue
        if error is not None:
            problems.append("line %d: %s" % (number, error))
            continue
        if kind == "record":
            baseline[check[1]] = obj.get("rows")
        elif kind == "baseline":
            checked += 1
            if obj.get("rows") != baseline.get(text):
                problems.append("line %d: %s answered differently from its baseline" % (number, text))
        elif kind == "holds":
            checked += 1
            if (obj.get("rows") == [[]]) != check[1]:
                problems.append("line %d: %s should %s" % (number, text, "hold" if check[1] else "not hold"))
        elif kind == "message":
            checked += 1
            if obj.get("message") != check[1]:
                problems.append("line %d: %s printed %r" % (number, text, obj.get("message")))
    if index != len(objects):
        problems.append("%d outputs left over after the last statement" % (len(objects) - index))

    # Memory: compare the second fifth of the run with the last fifth, by output lines seen.
    total = max(len(lines), 1)
    second = [rss for _, seen, rss in samples if total * 0.2 <= seen < total * 0.4]
    last = [rss for _, seen, rss in samples if seen >= total * 0.8]
    early, late = median(second), median(last)
    peak = max((rss for _, _, rss in samples), default=0)
    flat = not second or not last or late <= max(early * 1.10, early + 10_240)
    if not flat:
        problems.append("memory grew from %d kB to %d kB" % (early, late))
    if status not in (0, 1):
        problems.append("valley exited with status %d: %s" % (status, stderr[-2000:]))

    print("soak: %d statements (%d baseline queries, %d checked answers) in %.1f s, exit status %d"
          % (len(statements), len(generator.pool), checked, elapsed, status))
    print("memory (VmRSS): %d samples, %d kB in the second fifth, %d kB in the last fifth, peak %d kB: %s"
          % (len(samples), early, late, peak, "flat" if flat else "GREW"))
    if len(second) < 3 or len(last) < 3:
        print("memory: too few samples for a firm verdict (the run was short); try more --statements")
    for problem in problems[:20]:
        print("PROBLEM " + problem)
    if len(problems) > 20:
        print("... and %d more problems" % (len(problems) - 20))
    print("soak: %s" % ("PASS" if not problems else "FAIL (%d problems)" % len(problems)))
    return 0 if not problems else 1


if __name__ == "__main__":
    sys.exit(main())
