#!/usr/bin/env python3
"""Checks `valley export` on the bundled knowledge base and the benchmark workloads (small
size) against Valley, row for row, and prints the time each engine took.

    python3 scripts/export_compare.py [--valley PATH] [--engines sqlite,duckdb,postgresql[,souffle]]
                                      [--size small|main] [--runs 3]

For each workload, Valley's model is read with one query per predicate (`valley run
--format json`); the workload is exported to each engine, the script is run there
(scripts/export_run.py, which reads every predicate back) and every predicate is compared
with Valley's rows. The table gives the median of --runs runs of each: for Valley, loading
and evaluating (the wall time of `valley run` less that of a run that loads nothing); for
an engine, running the script (not starting the engine or reading the tables back). A
build with `swift build -c release` is used when there is one.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ROOT, find_valley  # noqa: E402

WORKLOADS = ["tc_chain", "tc_random", "sg", "neg", "agg"]


def tagged(value):
    """A value of Valley's JSON answers in export_run.py's form."""
    if isinstance(value, bool):
        raise ValueError("unexpected boolean")
    if isinstance(value, int):
        return ["i", str(value)]
    if isinstance(value, float):
        return ["d", repr(value)]
    return ["s", value]


def timed(argv, **kwargs):
    start = time.perf_counter()
    result = subprocess.run(argv, capture_output=True, text=True, **kwargs)
    return time.perf_counter() - start, result


def valley_model(valley, files, folder):
    """Every predicate's rows in Valley's model, by the catalogue of an SQLite export."""
    import sqlite3

    script = subprocess.run([valley, "export", "--to", "sqlite"] + files, capture_output=True, text=True, check=True)
    connection = sqlite3.connect(":memory:")
    connection.executescript(script.stdout)
    predicates = connection.execute('SELECT "predicate", "arity" FROM "valley_predicates"').fetchall()
    connection.close()
    queries = []
    for name, arity in predicates:
        args = ", ".join(f"A{i}" for i in range(arity))
        queries.append(f"{name}({args})." if arity else f"{name}.")
    path = os.path.join(folder, "model.q")
    loads = "".join(f':load "{os.path.abspath(f)}"\n' for f in files)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(":set max_facts 100000000\n:set timeout 0\n" + loads + "\n".join(queries) + "\n")
    empty = ["--empty"] if files else []
    out = subprocess.run([valley, "run", "--format", "json"] + empty + [path], capture_output=True, text=True)
    answers = [json.loads(line) for line in out.stdout.splitlines() if line.startswith('{"query"')]
    if len(answers) != len(predicates):
        sys.exit(f"valley answered {len(answers)} of {len(predicates)} queries:\n{out.stderr[-2000:]}")
    return {name: [[tagged(v) for v in row] for row in answer["rows"]]
            for (name, _), answer in zip(predicates, answers)}


def valley_seconds(valley, files, folder, runs):
    """Median wall time of loading and evaluating, less a run that loads nothing."""
    empty_script = os.path.join(folder, "empty.q")
    load_script = os.path.join(folder, "load.q")
    with open(empty_script, "w") as handle:
        handle.write("")
    with open(load_script, "w", encoding="utf-8") as handle:
        handle.write(":set max_facts 100000000\n:set timeout 0\n"
                     + "".join(f':load "{os.path.abspath(f)}"\n' for f in files))
    work = [valley, "run", "--empty", load_script] if files else [valley, "run", empty_script]
    base = [valley, "run", "--empty", empty_script]
    loads = [timed(work)[0] for _ in range(runs)]
    nothing = [timed(base)[0] for _ in range(runs)]
    return max(0.0, statistics.median(loads) - statistics.median(nothing))


def engine_results(valley, engine, files, model, folder, runs, souffle):
    """(median seconds, agreement) of the export on one engine; seconds is None when refused."""
    extension = "dl" if engine == "souffle" else "sql"
    script = os.path.join(folder, f"{engine}.{extension}")
    export = subprocess.run([valley, "export", "--to", engine, "--output", script] + files,
                            capture_output=True, text=True)
    if export.returncode != 0:
        first = export.stderr.splitlines()[0] if export.stderr else "refused"
        return None, "refused: " + first
    with open(os.path.join(folder, f"{engine}.expected.json"), "w", encoding="utf-8") as handle:
        json.dump(model, handle)
    helper = os.path.join(ROOT, "scripts", "export_run.py")
    extra = ["--souffle", souffle] if engine == "souffle" and souffle else []
    run = subprocess.run([sys.executable, helper, "--compare", "--engine", engine] + extra + [script] * runs,
                         capture_output=True, text=True)
    results = [json.loads(line) for line in run.stdout.splitlines() if line.startswith("{")]
    if len(results) != runs:
        return None, "failed: " + (run.stderr.strip().splitlines() or ["no result"])[-1]
    for result in results:
        if "error" in result:
            return None, "error: " + result["error"].splitlines()[0]
        if result["differences"]:
            return None, "differs: " + result["differences"][0]
    return statistics.median(r["seconds"] for r in results), "same rows"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--valley", help="the valley binary (default: a release build, else a debug one)")
    parser.add_argument("--engines", default="sqlite,duckdb,postgresql" + (",souffle" if os.environ.get("SOUFFLE") else ""))
    parser.add_argument("--size", default="small", choices=["small", "main"])
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()
    valley = find_valley(options.valley)
    engines = [e for e in options.engines.split(",") if e]
    souffle = os.environ.get("SOUFFLE")

    with tempfile.TemporaryDirectory(prefix="valley-compare-") as folder:
        data = os.path.join(folder, "bench")
        subprocess.run([sys.executable, os.path.join(ROOT, "bench", "generate.py"), "--size", options.size,
                        "--out", data], check=True, capture_output=True)
        workloads = [("bundled knowledge base", [])]
        workloads += [(f"{name} ({options.size})",
                       [os.path.join(ROOT, "bench", "programs", f"{name}.kb"),
                        os.path.join(data, f"{name}-{options.size}", "facts.kb")]) for name in WORKLOADS]
        names = {"sqlite": "SQLite", "duckdb": "DuckDB", "postgresql": "PostgreSQL", "souffle": "Soufflé"}
        print(f"valley: {valley}")
        print()
        print("| workload | predicates | rows | Valley s | " + " | ".join(f"{names[e]} s" for e in engines) + " |")
        print("| --- | ---: | ---: | ---: | " + " | ".join("---:" for _ in engines) + " |")
        notes = []
        all_same = True
        for title, files in workloads:
            work = os.path.join(folder, title.split()[0])
            os.makedirs(work, exist_ok=True)
            model = valley_model(valley, files, work)
            rows = sum(len(v) for v in model.values())
            cells = [title, str(len(model)), f"{rows:,}", f"{valley_seconds(valley, files, work, options.runs):.3f}"]
            for engine in engines:
                seconds, verdict = engine_results(valley, engine, files, model, work, options.runs, souffle)
                if seconds is None:
                    cells.append("—")
                    notes.append(f"{title} on {names[engine]}: {verdict}")
                    if not verdict.startswith("refused"):
                        all_same = False
                else:
                    cells.append(f"{seconds:.3f}")
            print("| " + " | ".join(cells) + " |", flush=True)
        print()
        for note in notes:
            print("- " + note)
        print("every engine stored Valley's rows for every predicate of every workload it ran"
              if all_same else "SOME ENGINE DIFFERS FROM VALLEY (see above)")
        sys.exit(0 if all_same else 1)


if __name__ == "__main__":
    main()
