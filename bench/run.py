#!/usr/bin/env python3
"""Benchmark runner: Valley against SWI-Prolog (tabling), clingo and, when SOUFFLE= names a
`souffle` built by hand, Soufflé (interpreter and compiled).

  python3 bench/run.py --size main
  python3 bench/run.py --size small --only tc_chain,neg --engines valley,swi --runs 1
  SOUFFLE=/opt/souffle/bin/souffle python3 bench/run.py --size main --engines valley,souffle,souffle_compiled

What it does, in order:
  1. installs the peers that are missing (SWI-Prolog: `apt-get install -y
     swi-prolog-nox`; clingo: `pip install clingo`) unless --no-install;
  2. builds Valley in release (`swift build -c release --static-swift-stdlib
     --scratch-path .build-bench`) when the binary is missing, or always with --build;
  3. generates the data (bench/generate.py) into bench/out/<name>-<size>/ and
     copies the programs of bench/programs/ beside it;
  4. runs every engine --runs times per workload (one process per run, in the
     workload's folder) under `/usr/bin/time -f "%e %M"`, for the peak
     resident memory of the engine's process (wall time is taken here, with
     perf_counter); a run longer than --timeout seconds is killed and
     reported as a timeout;
  5. checks that every run of every engine gives the answer that
     bench/generate.py computed independently in Python; any disagreement is
     printed loudly and makes the exit status 1;
  6. prints a Markdown table of medians, with Valley's time ratio to each peer
     (above 1: Valley is slower), and writes it to bench/out/results-<size>.md
     (and the raw runs to results-<size>.json).

It is a benchmark: no time makes it fail.  Only a wrong answer, an engine
error or a missing engine does (exit status 1).
"""

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(BENCH)
sys.path.insert(0, BENCH)
sys.dont_write_bytecode = True  # no __pycache__ beside the sources
import generate  # noqa: E402

ENGINES = ["valley", "valley_empty", "souffle", "souffle_compiled", "swi", "clingo"]
ENGINE_TITLES = {"valley": "Valley", "valley_empty": "Valley --empty", "swi": "SWI", "clingo": "clingo",
                 "souffle": "Soufflé interpreter", "souffle_compiled": "Soufflé compiled"}
SOUFFLE_ENGINES = ("souffle", "souffle_compiled")
VALLEY_ENGINES = ("valley", "valley_empty")
DEFAULT_VALLEY = os.path.join(REPO, ".build-bench", "release", "valley")


def log(msg):
    print(msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- engines
def clingo_command():
    """The clingo command line: an executable on PATH (or beside this Python),
    else the CLI of the pip package, `python3 -m clingo`."""
    beside = os.path.join(os.path.dirname(sys.executable), "clingo")
    if os.access(beside, os.X_OK):
        return [beside]
    found = shutil.which("clingo")
    if found:
        return [found]
    try:
        import importlib.util

        if importlib.util.find_spec("clingo") is not None and importlib.util.find_spec("clingo.__main__"):
            return [sys.executable, "-m", "clingo"]
    except (ImportError, ValueError):
        pass
    return None


def swi_command():
    found = shutil.which("swipl")
    return [found] if found else None


def run_quiet(cmd, **kw):
    log("$ " + " ".join(cmd))
    return subprocess.run(cmd, **kw)


def install_swi():
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    run_quiet(sudo + ["apt-get", "update"], env=env)
    r = run_quiet(sudo + ["apt-get", "install", "-y", "swi-prolog-nox"], env=env)
    return r.returncode == 0


def install_clingo():
    base = [sys.executable, "-m", "pip", "install", "--disable-pip-version-check"]
    for extra in ([], ["--user"], ["--break-system-packages"]):
        if run_quiet(base + extra + ["clingo"]).returncode == 0:
            import importlib

            importlib.invalidate_caches()
            return True
    return False


def souffle_command():
    """Soufflé is not packaged by Debian: it is used only when SOUFFLE= names a binary built by
    hand from its public source (64-bit numbers: cmake -DSOUFFLE_DOMAIN_64BIT=ON)."""
    path = os.environ.get("SOUFFLE")
    return [path] if path and os.access(path, os.X_OK) else None


def ensure_peers(engines, allow_install):
    # engine: (how to find its command, what the log says, how to install it)
    peers = {
        "swi": (swi_command, "SWI-Prolog is missing: installing swi-prolog-nox", install_swi),
        "clingo": (clingo_command, "clingo is missing: installing it with pip", install_clingo),
    }
    commands = {}
    for engine, (find, message, install) in peers.items():
        if engine not in engines:
            continue
        cmd = find()
        if cmd is None and allow_install:
            log(message)
            install()
            cmd = find()
        commands[engine] = cmd
    for engine in SOUFFLE_ENGINES:
        if engine in engines:
            commands[engine] = souffle_command()
    missing = [e for e, c in commands.items() if c is None]
    if missing:
        sys.exit("error: cannot find %s (run without --no-install, or install by hand; Soufflé: set SOUFFLE=)"
                 % ", ".join(missing))
    return commands


def ensure_valley(path, force_build):
    if force_build or not os.access(path, os.X_OK):
        if path != DEFAULT_VALLEY:
            sys.exit("error: no Valley binary at %s" % path)
        # The Swift runtime linked into the binary, as for an installed valley (README): about
        # 4 ms less start-up and 3 MB less resident memory than loading its shared libraries.
        cmd = ["swift", "build", "-c", "release", "--static-swift-stdlib", "--scratch-path",
               os.path.join(REPO, ".build-bench"), "--product", "valley"]
        if run_quiet(cmd, cwd=REPO).returncode != 0 or not os.access(path, os.X_OK):
            sys.exit("error: building Valley failed")
    return [path]


def version_of(cmd):
    try:
        out = subprocess.run(cmd + ["--version"], capture_output=True, text=True, timeout=30).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "?"
    lines = [line.strip() for line in out.splitlines() if line.strip().strip("-")]
    if lines and lines[0].startswith("Version:"):  # souffle: a rule of dashes, then "Version: ..."
        return "souffle " + (lines[0][len("Version:"):].strip() or "(built from source)")
    return lines[0] if lines else "?"


# ---------------------------------------------------------------- one run
def engine_argv(engine, base, name):
    if engine == "valley":  # as a user runs it: the bundled knowledge base is loaded first
        return base + ["run", "--format", "json", name + ".q"]
    if engine == "valley_empty":
        return base + ["run", "--empty", "--format", "json", name + ".q"]
    if engine == "swi":
        return base + [name + ".pl"]
    if engine == "souffle":
        return base + ["-j1", "-F", ".", name + ".dl"]
    if engine == "souffle_compiled":
        return ["./" + name + "-souffle", "-j1", "-F", "."]
    return base + [name + ".lp", "facts.lp"]


def parse_answer(engine, stdout):
    """The answer an engine printed, as an int, or None."""
    if engine in VALLEY_ENGINES:
        for line in reversed(stdout.splitlines()):
            line = line.strip()
            if not line.startswith("{"):
                continue
            obj = json.loads(line)
            if "rows" in obj:
                rows = obj["rows"]
                if len(rows) == 1 and len(rows[0]) == 1 and isinstance(rows[0][0], int):
                    return rows[0][0]
                return None
        return None
    if engine in SOUFFLE_ENGINES:
        m = re.findall(r"^(-?\d+)\s*$", stdout, re.M)  # the one row of `answer`, printed as a table
    elif engine == "swi":
        m = re.findall(r"^answer (-?\d+)\s*$", stdout, re.M)
    else:
        m = re.findall(r"\banswer\((-?\d+)\)", stdout)
    return int(m[-1]) if m else None


TIME = "/usr/bin/time"


def ensure_time(allow_install):
    """GNU time, which reports the peak memory of the engine alone.

    (os.wait4 on a child of this script is no good: on Linux a child's
    ru_maxrss counts the resident set it had between fork and exec, i.e. a
    copy of this Python process with the reference answers it computed.)"""
    if not os.access(TIME, os.X_OK) and allow_install:
        log("GNU time is missing: installing it")
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        run_quiet(sudo + ["apt-get", "update"], env=env)
        run_quiet(sudo + ["apt-get", "install", "-y", "time"], env=env)
    if not os.access(TIME, os.X_OK):
        sys.exit("error: %s is missing (apt-get install time)" % TIME)


def measure(argv, cwd, timeout, log_prefix):
    """Runs argv in cwd under `/usr/bin/time -f "%e %M"`; returns
    dict(status, wall, rss_kb, rc, stdout, stderr).

    wall is measured here (perf_counter, finer than time's %e); rss_kb is
    time's %M, the peak resident set of the engine's process in KiB."""
    out_path = log_prefix + ".out"
    err_path = log_prefix + ".err"
    time_path = log_prefix + ".time"
    if os.path.exists(time_path):
        os.remove(time_path)
    with open(out_path, "w") as out, open(err_path, "w") as err:
        start = time.perf_counter()
        proc = subprocess.Popen([TIME, "-o", time_path, "-f", "%e %M"] + argv, cwd=cwd, stdout=out,
                                stderr=err, stdin=subprocess.DEVNULL, start_new_session=True)
        timed_out = threading.Event()

        def kill():
            timed_out.set()
            try:
                os.killpg(proc.pid, signal.SIGKILL)  # time and the engine
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout, kill) if timeout and timeout > 0 else None
        if timer:
            timer.start()
        try:
            proc.wait()
        finally:
            if timer:
                timer.cancel()
        wall = time.perf_counter() - start
    with open(out_path) as f:
        stdout = f.read()
    with open(err_path) as f:
        stderr = f.read()
    rss_kb = 0
    try:
        with open(time_path) as f:
            fields = f.read().split()
        # GNU time writes "Command exited with non-zero status N" first when the engine fails.
        rss_kb = int(fields[-1])
    except (OSError, ValueError, IndexError):
        pass
    return {
        "status": "timeout" if timed_out.is_set() else "done",
        "wall": wall,
        "rss_kb": rss_kb,
        "rc": proc.returncode,
        "stdout": stdout,
        "stderr": stderr,
    }


def ok_exit(engine, rc):
    if engine == "clingo":
        return rc in (0, 10, 30)  # SAT, SAT + exhausted
    return rc == 0


# ---------------------------------------------------------------- table
def fmt_seconds(s):
    return "%.2f" % s if s < 100 else "%.0f" % s


def fmt_cell(cell):
    if cell is None:
        return "–"
    if cell["status"] == "timeout":
        return "timeout (>%ss)" % fmt_seconds(cell["timeout"])
    if cell["status"] != "ok":
        return cell["status"]
    return "%s s, %d MB" % (fmt_seconds(cell["wall"]), round(cell["rss_kb"] / 1024))


def fmt_ratio(v, p):
    if v is None or p is None:
        return "–"
    if v["status"] == "ok" and p["status"] == "ok":
        return "%.2f×" % (v["wall"] / p["wall"])
    if v["status"] == "timeout" and p["status"] == "ok":
        return "> %.1f×" % (v["timeout"] / p["wall"])
    if v["status"] == "ok" and p["status"] == "timeout":
        return "< %.2f×" % (v["wall"] / p["timeout"])
    return "–"


def fmt_memory_ratio(v, p):
    if v is None or p is None or v["status"] != "ok" or p["status"] != "ok" or not p["rss_kb"]:
        return "–"
    return "%.2f×" % (v["rss_kb"] / p["rss_kb"])


def markdown_table(rows, engines):
    """One column per engine run; then, for each Valley variant, its time ratio to each peer
    (and its memory ratio to the first peer: Soufflé's interpreter when it ran)."""
    shown = [e for e in ENGINES if e in engines]
    mine = [e for e in shown if e in VALLEY_ENGINES]
    peers = [e for e in shown if e not in VALLEY_ENGINES]
    head = ["workload", "answer"] + ["%s s, MB" % ENGINE_TITLES[e] for e in shown]
    for v in mine:
        head += ["%s/%s time" % (ENGINE_TITLES[v], ENGINE_TITLES[e]) for e in peers]
        head += ["%s/%s memory" % (ENGINE_TITLES[v], ENGINE_TITLES[e]) for e in peers[:1]]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join(["---"] + ["---:"] * (len(head) - 1)) + "|"]
    for row in rows:
        cells = [row["label"], "{:,}".format(row["answer"]) if row["answer"] is not None else "?"]
        for e in shown:
            cells.append(fmt_cell(row["cells"].get(e)))
        for v in mine:
            for e in peers:
                cells.append(fmt_ratio(row["cells"].get(v), row["cells"].get(e)))
            for e in peers[:1]:
                cells.append(fmt_memory_ratio(row["cells"].get(v), row["cells"].get(e)))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def label(name, size):
    p = generate.SIZES[name][size]
    if size == "startup":
        return "start-up (%s %d)" % (name, p["n"])
    if name == "tc_chain":
        return "tc_chain %d" % p["n"]
    if name in ("tc_random", "neg", "agg"):
        return "%s %d nodes, %d edges" % (name, p["nodes"], p["edges"])
    if name == "sg":
        return "sg %d nodes" % p["nodes"]
    return name


# ---------------------------------------------------------------- main
def main(argv=None):
    ap = argparse.ArgumentParser(description="Valley vs SWI-Prolog vs clingo benchmark")
    ap.add_argument("--size", choices=["small", "main", "startup"], default="small",
                    help="data size; startup: tc_chain with one edge, for start-up time")
    ap.add_argument("--only", help="comma-separated workloads (default: all of %s)" % ", ".join(generate.WORKLOADS))
    default_engines = [e for e in ENGINES if e not in SOUFFLE_ENGINES or souffle_command()]
    ap.add_argument("--engines", default=",".join(default_engines),
                    help="comma-separated, from %s (Soufflé's by default when SOUFFLE= is set)" % ",".join(ENGINES))
    ap.add_argument("--runs", type=int, default=3, help="runs per engine and workload (default 3)")
    ap.add_argument("--timeout", type=float, default=120.0,
                    help="seconds before a run is killed and reported as a timeout (default 120; 0: none)")
    ap.add_argument("--valley", default=DEFAULT_VALLEY, help="the valley binary (default: %(default)s)")
    ap.add_argument("--build", action="store_true", help="rebuild Valley in release first")
    ap.add_argument("--no-install", action="store_true", help="do not install missing peers")
    args = ap.parse_args(argv)

    engines = [e.strip() for e in args.engines.split(",") if e.strip()]
    for e in engines:
        if e not in ENGINES:
            ap.error("unknown engine %r (have %s)" % (e, ", ".join(ENGINES)))
    names = args.only.split(",") if args.only else [w for w in generate.WORKLOADS if args.size in generate.SIZES[w]]
    for n in names:
        if n not in generate.SIZES:
            ap.error("unknown workload %r (have %s)" % (n, ", ".join(generate.WORKLOADS)))
        if args.size not in generate.SIZES[n]:
            ap.error("workload %r has no size %r" % (n, args.size))
    if args.runs < 1:
        ap.error("--runs must be at least 1")

    ensure_time(not args.no_install)
    commands = ensure_peers(engines, not args.no_install)
    for e in VALLEY_ENGINES:
        if e in engines:
            commands[e] = ensure_valley(os.path.abspath(args.valley), args.build)
    versions = {e: version_of(commands[e]) for e in engines}

    out_dir = os.path.join(BENCH, "out")
    # Valley, as a user runs it, starts from the image of the bundled knowledge base that its
    # first start saved (README, "Performance"). The benchmark keeps that image in a folder of
    # its own, saved by one start before anything is timed.
    os.environ["VALLEY_IMAGE_CACHE"] = os.path.join(out_dir, "image-cache")
    if "valley" in engines:
        os.makedirs(out_dir, exist_ok=True)
        prime = os.path.join(out_dir, "prime.q")
        with open(prime, "w") as f:
            f.write("N = 1.\n")
        if run_quiet(commands["valley"] + ["run", prime], capture_output=True).returncode != 0:
            sys.exit("error: valley could not run %s" % prime)
    rows, problems, raw = [], [], []
    for name in names:
        directory, facts, expected = generate.generate(name, args.size, out_dir)
        for ext in ("q", "kb", "pl", "lp", "dl"):
            src = os.path.join(BENCH, "programs", "%s.%s" % (name, ext))
            if os.path.exists(src):
                shutil.copyfile(src, os.path.join(directory, os.path.basename(src)))
        log("== %s (%s): %d facts, expected answer %d" % (name, args.size, facts, expected))
        if "souffle_compiled" in engines:  # compiled once, outside the timed runs
            started = time.perf_counter()
            built = run_quiet(commands["souffle_compiled"] + ["-o", name + "-souffle", name + ".dl"], cwd=directory)
            if built.returncode != 0:
                sys.exit("error: souffle could not compile %s.dl" % name)
            log("   souffle compiled %s.dl in %.1f s (not counted)" % (name, time.perf_counter() - started))
        results = {e: [] for e in engines}
        gave_up = set()
        for i in range(args.runs):
            for e in engines:  # interleaved, so drift hits every engine alike
                if e in gave_up:
                    continue
                r = measure(engine_argv(e, commands[e], name), directory, args.timeout,
                            os.path.join(directory, "run-%s-%d" % (e, i + 1)))
                r["answer"] = parse_answer(e, r["stdout"]) if r["status"] == "done" else None
                if r["status"] == "done":
                    if not ok_exit(e, r["rc"]):
                        r["status"] = "error (exit %d)" % r["rc"]
                    elif r["answer"] is None:
                        r["status"] = "error (no answer)"
                    elif r["answer"] != expected:
                        r["status"] = "WRONG ANSWER %d" % r["answer"]
                    else:
                        r["status"] = "ok"
                log("   %-6s run %d: %-10s %7.2f s %8d KB  answer %s" %
                    (e, i + 1, r["status"], r["wall"], r["rss_kb"], r["answer"]))
                if r["status"] != "ok" and r["status"] != "timeout":
                    problems.append("%s/%s run %d: %s; stderr: %s" %
                                    (name, e, i + 1, r["status"], r["stderr"].strip()[-500:] or "(empty)"))
                if r["status"] != "ok":
                    gave_up.add(e)  # a timeout or an error will not get better
                results[e].append(r)
                raw.append({"workload": name, "size": args.size, "engine": e, "run": i + 1,
                            "status": r["status"], "wall_s": round(r["wall"], 4), "peak_kb": r["rss_kb"],
                            "answer": r["answer"]})
        cells = {}
        for e in engines:
            rs = results[e]
            good = [r for r in rs if r["status"] == "ok"]
            if rs and len(good) == len(rs):
                cells[e] = {"status": "ok", "wall": statistics.median(r["wall"] for r in good),
                            "rss_kb": statistics.median(r["rss_kb"] for r in good)}
            elif any(r["status"] == "timeout" for r in rs):
                cells[e] = {"status": "timeout", "timeout": args.timeout}
            else:
                bad = next(r for r in rs if r["status"] != "ok")
                cells[e] = {"status": bad["status"]}
        answers = {e: {r["answer"] for r in results[e] if r["answer"] is not None} for e in engines}
        seen = set().union(*answers.values()) if answers else set()
        if len(seen | {expected}) > 1:
            problems.append("%s: answers disagree: expected %d, %s" % (
                name, expected, ", ".join("%s %s" % (e, sorted(a)) for e, a in answers.items())))
        rows.append({"label": label(name, args.size), "answer": expected, "cells": cells})

    stamp = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    mem_gib = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2 ** 30
    header = [
        "Size `%s`, %s; median of %d run%s; wall seconds and peak resident memory (MB = MiB) per process; "
        "timeout %s s." % (args.size, stamp, args.runs, "" if args.runs == 1 else "s",
                           fmt_seconds(args.timeout) if args.timeout else "none"),
        "Machine: %s, %d cores, %.0f GiB. %s." % (
            platform.machine(), os.cpu_count() or 0, mem_gib,
            "; ".join("%s: %s" % (ENGINE_TITLES[e], versions[e]) for e in engines)),
    ]
    table = markdown_table(rows, engines)
    text = "\n".join(header) + "\n\n" + table + "\n"
    print(text)
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, "results-%s.md" % args.size), "w") as f:
        f.write(text)
    with open(os.path.join(out_dir, "results-%s.json" % args.size), "w") as f:
        json.dump({"date": stamp, "size": args.size, "versions": versions, "runs": raw}, f, indent=1)
    if problems:
        print("\n!!! PROBLEMS — the engines do not all give the expected answer:", file=sys.stderr)
        for p in problems:
            print("!!! " + p, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
