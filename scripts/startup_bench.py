#!/usr/bin/env python3
"""How long `valley` takes to answer its first query, against Soufflé's interpreter starting.

    scripts/startup_bench.py [--runs N] [--valley PATH]
    SOUFFLE=/opt/souffle/bin/souffle scripts/startup_bench.py --runs 15

Times, one process each, N runs interleaved (so drift of a shared machine hits all alike):

  bundled   `valley run s.q` with the bundled knowledge base, restored from its image (a
            cache folder of this run's own, filled by one run before the timing starts);
  no-image  the same with VALLEY_IMAGE_CACHE=off: the 14 files read, checked, evaluated;
  kb-query  `valley run k.q` from the image, k.q asking the knowledge base itself
            (`factor(F, limiting).`), so a first query that needs the knowledge is timed too;
  prompt    `valley` at its prompt on a pseudo-terminal, timed until its first answer
            (`N = 1 + 1.`) is on the screen; it is then told `:quit`;
  piped     `valley` reading s.q on standard input (no terminal);
  empty     `valley run --empty s.q` (the process alone, for reference);
  souffle   Soufflé's interpreter on bench/programs/tc_chain.dl with one edge (`1 2`),
            only when SOUFFLE names its binary.

s.q is `N = 1 + 1.`. Each run's answer is checked (valley's table must show 2, or the
limiting factors for k.q; Soufflé's count must be 1); a wrong answer stops the script.
Prints, per command, the median wall time and the median CPU time (user + system, children
included) in milliseconds, and the ratios of `bundled`, `no-image` and `kb-query` to
`souffle` (above 1: valley is slower).

Build first: `swift build -c release --product valley`. Timing belongs here, not in
`swift test`: the numbers depend on the machine and on what else runs on it.
"""

import argparse
import os
import pty
import select
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True  # no __pycache__ beside the sources
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import ROOT, find_valley  # noqa: E402

QUERY = "N = 1 + 1.\n"
KB_QUERY = "factor(F, limiting).\n"


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(argv, cwd, stdin_text=None, env=None):
    """Runs argv once; returns (wall ms, CPU ms, stdout)."""
    cpu_before = children_cpu()
    started = time.perf_counter()
    result = subprocess.run(
        argv, cwd=cwd, input=stdin_text, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env
    )
    wall = (time.perf_counter() - started) * 1000
    cpu = (children_cpu() - cpu_before) * 1000
    if result.returncode != 0:
        sys.exit("error: %s exited with %d:\n%s" % (" ".join(argv), result.returncode, result.stderr))
    return wall, cpu, result.stdout


def timed_prompt(valley, cwd, env):
    """Starts valley's prompt on a pseudo-terminal, types the query, and returns (wall ms
    until the answer shows, CPU ms of the whole run, what the terminal showed)."""
    controller, terminal = pty.openpty()
    env = dict(env, XDG_STATE_HOME=cwd)  # history goes to the temporary folder
    cpu_before = children_cpu()
    started = time.perf_counter()
    process = subprocess.Popen([valley], cwd=cwd, stdin=terminal, stdout=terminal, stderr=terminal, env=env)
    os.close(terminal)
    os.write(controller, QUERY.encode())  # waits in the terminal until readline reads it
    shown = b""
    wall = None
    deadline = started + 30
    try:
        while wall is None and time.perf_counter() < deadline:
            ready, _, _ = select.select([controller], [], [], 1)
            if not ready:
                continue
            try:
                chunk = os.read(controller, 65536)
            except OSError:  # the terminal closed: valley ended
                break
            if not chunk:
                break
            shown += chunk
            if b"1 answer" in shown:
                wall = (time.perf_counter() - started) * 1000
        os.write(controller, b":quit\n")
        while True:  # drain until valley closes the terminal
            ready, _, _ = select.select([controller], [], [], 5)
            if not ready:
                break
            try:
                if not os.read(controller, 65536):
                    break
            except OSError:
                break
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        os.close(controller)
    cpu = (children_cpu() - cpu_before) * 1000
    if wall is None:
        sys.exit("error: valley's prompt showed no answer:\n%s" % shown.decode(errors="replace"))
    return wall, cpu, shown.decode(errors="replace")


def valley_answered(stdout):
    lines = [line.strip() for line in stdout.splitlines()]
    return "2" in lines and "1 answer" in lines


def prompt_answered(shown):
    lines = [line.strip() for line in shown.splitlines()]
    return "2" in lines and "1 answer" in lines


def kb_answered(stdout):
    lines = [line.strip() for line in stdout.splitlines()]
    return lines[:1] == ["F"] and lines[-1].endswith("answers")


def souffle_answered(stdout):
    lines = [line.strip() for line in stdout.splitlines()]
    return "1" in lines


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="runs per command (default 15)")
    parser.add_argument("--valley", help="the valley binary (default: .build/release/valley)")
    args = parser.parse_args()
    valley = os.path.abspath(find_valley(args.valley))
    souffle = os.environ.get("SOUFFLE")
    if souffle and not os.access(souffle, os.X_OK):
        sys.exit("error: SOUFFLE=%s is not an executable" % souffle)

    work = tempfile.mkdtemp(prefix="valley-startup-")
    try:
        with open(os.path.join(work, "s.q"), "w") as f:
            f.write(QUERY)
        shutil.copy(os.path.join(ROOT, "bench", "programs", "tc_chain.dl"), work)
        with open(os.path.join(work, "e.facts"), "w") as f:
            f.write("1\t2\n")

        with open(os.path.join(work, "k.q"), "w") as f:
            f.write(KB_QUERY)
        imaged = dict(os.environ, NO_COLOR="1", VALLEY_IMAGE_CACHE=os.path.join(work, "cache"))
        plain = dict(imaged, VALLEY_IMAGE_CACHE="off")
        timed([valley, "run", "s.q"], work, env=imaged)  # saves the image
        if not os.listdir(os.path.join(work, "cache")):
            sys.exit("error: valley saved no image of the bundled knowledge base")

        commands = {
            "bundled": ([valley, "run", "s.q"], None, valley_answered, imaged),
            "no-image": ([valley, "run", "s.q"], None, valley_answered, plain),
            "kb-query": ([valley, "run", "k.q"], None, kb_answered, imaged),
            "prompt": (None, None, prompt_answered, imaged),
            "piped": ([valley], QUERY, valley_answered, imaged),
            "empty": ([valley, "run", "--empty", "s.q"], None, valley_answered, imaged),
        }
        if souffle:
            commands["souffle"] = ([souffle, "-j1", "-F", ".", "-D-", "tc_chain.dl"], None, souffle_answered, None)
        else:
            print("SOUFFLE is not set: Soufflé is skipped", file=sys.stderr)

        times = {name: ([], []) for name in commands}
        for _ in range(args.runs):
            for name, (argv, stdin_text, answered, env) in commands.items():
                if argv is None:
                    wall, cpu, stdout = timed_prompt(valley, work, env)
                else:
                    wall, cpu, stdout = timed(argv, work, stdin_text, env)
                if not answered(stdout):
                    sys.exit("error: wrong answer from %s:\n%s" % (name, stdout))
                times[name][0].append(wall)
                times[name][1].append(cpu)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    print("| command | median wall (ms) | median CPU (ms) |")
    print("| --- | ---: | ---: |")
    medians = {}
    for name, (walls, cpus) in times.items():
        medians[name] = (statistics.median(walls), statistics.median(cpus))
        print("| %s | %.1f | %.1f |" % (name, medians[name][0], medians[name][1]))
    if "souffle" in medians:
        print()
        for name in ("bundled", "no-image", "kb-query"):
            print(
                "%s / souffle: %.2f (wall), %.2f (CPU), median of %d runs"
                % (
                    name,
                    medians[name][0] / medians["souffle"][0],
                    medians[name][1] / medians["souffle"][1],
                    args.runs,
                )
            )


if __name__ == "__main__":
    main()
