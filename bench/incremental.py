#!/usr/bin/env python3
"""What one change costs at the prompt, against evaluating everything again.

  python3 bench/incremental.py              # main size, 3 runs, about a minute
  python3 bench/incremental.py --size small --runs 1

For each workload it runs one Valley script (as at the prompt) that loads
the rules and the facts, then makes five changes, asking the count after each:

  assert new       :assert of a fact that is not there yet
  retract new      :retract of that fact again
  retract old      :retract of a fact loaded from the data
  assert old       :assert of it again
  assert rule      :assert of a rule over the counted relation (RULES)

`:set timing on` gives each statement's wall time; the table shows medians, each change
beside the time of the first evaluation (loading the facts), which is what a tool that
re-evaluates from scratch would pay for every change. The counts after each change are
checked against evaluating from scratch (a separate run that loads the changed data).
"""

import argparse
import os
import re
import statistics
import subprocess
import sys

BENCH = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH)
sys.path.insert(0, BENCH)
sys.dont_write_bytecode = True
import generate  # noqa: E402

DEFAULT_VALLEY = os.path.join(REPO, ".build-bench", "release", "valley")

# Per workload: the counted relation, a fact to add (from the size parameters), and a fact
# of the data to take away (None: the first fact of the edge relation in facts.kb).
WORKLOADS = {
    "tc_chain": ("tc", "e", lambda p: "e(%d, %d)" % (p["n"] + 1, p["n"] + 2),
                 lambda p: "e(%d, %d)" % (p["n"], p["n"] + 1)),
    "tc_random": ("tc", "e", lambda p: "e(%d, 1)" % (p["nodes"] + 1), None),
    "sg": ("sg", "par", lambda p: "par(%d, 1)" % (p["nodes"] + 1), None),
}

# A rule asserted last, over the counted relation (it defines a new predicate).
RULES = {
    "tc": "near(X, Y) :- tc(X, Y), Y < X + 3",
    "sg": "low(X, Y) :- sg(X, Y), X < 100",
}


def first_fact(path, predicate):
    with open(path) as f:
        for line in f:
            if line.startswith(predicate + "("):
                return line.strip().rstrip(".")
    sys.exit("error: no %s fact in %s" % (predicate, path))


def script(name, relation, changes):
    count = "N = count { X, Y : %s(X, Y) }." % relation
    lines = [":set max_facts 100000000", ":set timeout 0", ":set timing on",
             ':load "%s.kb"' % name, ':load "facts.kb"', count]
    for command, fact in changes:
        lines += ["%s %s." % (command, fact), count]
    return "\n".join(lines) + "\n"


def run(valley, directory, text):
    path = os.path.join(directory, "incremental.q")
    with open(path, "w") as f:
        f.write(text)
    out = subprocess.run([valley, "run", "--empty", "incremental.q"], cwd=directory,
                         capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit("error: valley failed in %s:\n%s" % (directory, out.stderr))
    times = [float(m) for m in re.findall(r"^% (\d+\.\d+) s$", out.stdout, re.M)]
    counts = [int(m) for m in re.findall(r"^(\d+)$", out.stdout, re.M)]
    return times, counts


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--size", choices=["small", "main"], default="main")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--valley", default=DEFAULT_VALLEY)
    args = ap.parse_args(argv)
    args.valley = os.path.abspath(args.valley)
    if not os.access(args.valley, os.X_OK):
        sys.exit("error: no Valley binary at %s (python3 bench/run.py --build builds one)" % args.valley)
    out_dir = os.path.join(BENCH, "out")
    print("| workload | first evaluation | assert new | retract new | retract old | assert old | assert rule |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, (relation, edge, new_fact, old_fact) in WORKLOADS.items():
        directory, _, _ = generate.generate(name, args.size, out_dir)
        for program in os.listdir(os.path.join(BENCH, "programs")):
            if program.startswith(name + "."):
                with open(os.path.join(BENCH, "programs", program)) as src, \
                        open(os.path.join(directory, program), "w") as dst:
                    dst.write(src.read())
        parameters = generate.SIZES[name][args.size]
        facts = os.path.join(directory, "facts.kb")
        old = old_fact(parameters) if old_fact else first_fact(facts, edge)
        new = new_fact(parameters)
        changes = [(":assert", new), (":retract", new), (":retract", old), (":assert", old),
                   (":assert", RULES[relation])]
        samples = []
        counts = None
        for _ in range(args.runs):
            times, found = run(args.valley, directory, script(name, relation, changes))
            # Timed statements (from `:set timing on` itself): the setting, two loads, a
            # count, then (change, count) pairs.
            samples.append([times[2]] + [times[4 + 2 * k] for k in range(len(changes))])
            counts = found
        # From scratch: the data without `old` must give the count after "retract old".
        with open(facts) as f:
            kept = [line for line in f if line.strip().rstrip(".") != old]
        scratch = os.path.join(directory, "scratch")
        os.makedirs(scratch, exist_ok=True)
        with open(os.path.join(scratch, "facts.kb"), "w") as f:
            f.writelines(kept)
        with open(os.path.join(directory, name + ".kb")) as src, \
                open(os.path.join(scratch, name + ".kb"), "w") as dst:
            dst.write(src.read())
        _, fresh = run(args.valley, scratch, script(name, relation, []))
        if fresh[-1] != counts[3]:
            sys.exit("error: %s: %d after retracting %s, %d from scratch" % (name, counts[3], old, fresh[-1]))
        if counts[4] != counts[0] or counts[2] != counts[0] or counts[5] != counts[0]:
            sys.exit("error: %s: counts %s do not return to %d" % (name, counts, counts[0]))
        medians = [statistics.median(column) for column in zip(*samples)]
        cells = ["%.3f s" % medians[0]] + ["%.3f s (%.2f×)" % (m, m / medians[0]) for m in medians[1:]]
        print("| %s %s | %s |" % (name, args.size, " | ".join(cells)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
