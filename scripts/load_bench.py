#!/usr/bin/env python3
"""How fast and in how much memory `valley` loads a large file of facts, and a large CSV.

    scripts/load_bench.py [--facts N] [--rows N] [--valley PATH] [--keep DIR]

Writes N facts `edge(A, B).` with random 7-digit numbers (seed 1) to a .kb file and N rows
of two such numbers to a .csv file, then runs a script that loads the file (`:load`) or
imports the table (`:import`) and counts the facts, under /usr/bin/time. Prints, for each:
the file's size, seconds, peak resident memory in KB, facts a second and peak / size.

Build first: `swift build -c release` (the default --valley is .build/release/valley).
Timing belongs here, not in `swift test`: the numbers depend on the machine.
"""

import argparse
import os
import random
import subprocess
import sys
import tempfile


def write_facts(path, count):
    r = random.Random(1)
    with open(path, "w") as f:
        for _ in range(count):
            f.write(f"edge({r.randrange(10**7)}, {r.randrange(10**7)}).\n")


def write_table(path, count):
    r = random.Random(1)
    with open(path, "w") as f:
        f.write("a,b\n")
        for _ in range(count):
            f.write(f"{r.randrange(10**7)},{r.randrange(10**7)}\n")


def measure(valley, script, data, count, label):
    result = subprocess.run(
        ["/usr/bin/time", "-f", "%e %M", valley, "run", "--empty", script],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0:
        sys.exit(f"{label}: valley failed:\n{result.stdout}\n{result.stderr}")
    seconds, peak = result.stderr.strip().splitlines()[-1].split()
    seconds = float(seconds)
    peak = int(peak)
    size = os.path.getsize(data)
    print(
        f"{label}: {count} facts, {size / 1e6:.1f} MB, {seconds:.2f} s, peak {peak} KB, "
        f"{count / seconds:,.0f} facts/s, peak/size {peak * 1024 / size:.1f}"
    )
    print("  output: " + " | ".join(result.stdout.strip().splitlines()))


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--facts", type=int, default=4_000_000)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--valley", default=".build/release/valley")
    parser.add_argument("--keep", help="a folder to write the files to (and keep them)")
    args = parser.parse_args()
    folder = args.keep or tempfile.mkdtemp(prefix="valley-load-")
    os.makedirs(folder, exist_ok=True)
    if args.facts > 0:
        run_case(args.valley, folder, f"facts-{args.facts}.kb", write_facts, args.facts, ":load", ":load \"{}\"")
    if args.rows > 0:
        run_case(args.valley, folder, f"rows-{args.rows}.csv", write_table, args.rows, ":import",
                 ":import edge \"{}\"")


def run_case(valley, folder, name, write, count, label, statement):
    """Writes `count` facts to folder/name with `write` (unless it is there), then measures a
    script of `statement` (the file's path in its braces) followed by the count."""
    data = os.path.join(folder, name)
    if not os.path.exists(data):
        write(data, count)
    script = os.path.join(folder, label.lstrip(":") + ".q")
    with open(script, "w") as f:
        f.write(statement.format(data) + "\nN = count { X, Y : edge(X, Y) }.\n")
    measure(valley, script, data, count, label)


if __name__ == "__main__":
    main()
