#!/usr/bin/env python3
"""Deterministic data generators for the Valley benchmark.

Writes, for each workload and size, bench/out/<name>-<size>/ with
  facts.kb   Valley facts
  facts.pl   Prolog facts
  facts.lp   clingo facts
  NAME.facts tab-separated rows of each relation, for Soufflé
  expected.txt  the answer, computed here independently in plain Python
                (a fourth opinion the runner checks every engine against)

No randomness comes from the clock or from Python's `random` module: every
pseudo-random choice is drawn from SplitMix64 (implemented below, so the
stream is the same on every Python version and platform) with a fixed seed
per workload.  Running this twice gives byte-identical files.

Usage: python3 bench/generate.py [--size small|main|all] [--only NAME] [--out DIR]
"""

import argparse
import collections
import os
import sys

BENCH = os.path.dirname(os.path.abspath(__file__))
MASK64 = (1 << 64) - 1


class SplitMix64:
    """SplitMix64 (Steele, Lea, Flood 2014); `below(n)` is `next() % n`."""

    def __init__(self, seed):
        self.state = seed & MASK64

    def next(self):
        self.state = (self.state + 0x9E3779B97F4A7C15) & MASK64
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
        return z ^ (z >> 31)

    def below(self, n):
        return self.next() % n


# ---------------------------------------------------------------- parameters
# name -> size -> parameters.  "small" is about 1/10 of "main"; "startup" (one edge) times
# what an engine takes to start, read a program and answer.
SIZES = {
    "tc_chain": {"small": {"n": 200}, "main": {"n": 2000}, "startup": {"n": 1}},
    "tc_random": {"small": {"nodes": 200, "edges": 400}, "main": {"nodes": 2000, "edges": 4000}},
    "sg": {"small": {"nodes": 6000, "tree": 300}, "main": {"nodes": 60000, "tree": 300}},
    "neg": {"small": {"nodes": 300, "edges": 300}, "main": {"nodes": 3000, "edges": 3000}},
    "agg": {"small": {"nodes": 200, "edges": 400}, "main": {"nodes": 2000, "edges": 4000}},
}
WORKLOADS = list(SIZES)

SEED_RANDOM_GRAPH = 20240601  # tc_random and agg (the same graph)
SEED_NEG = 20240602
SEED_SG = 20240603


# ---------------------------------------------------------------- generators
def random_edges(nodes, edges, seed):
    """`edges` distinct directed edges (a, b), a != b, over nodes 1..nodes.

    Draw a = 1 + below(nodes), then b = 1 + below(nodes); skip self loops and
    repeats; stop at `edges` distinct edges.  Edges are kept in draw order."""
    if edges > nodes * (nodes - 1):
        raise ValueError("too many edges for a simple graph")
    rng = SplitMix64(seed)
    seen = set()
    out = []
    while len(out) < edges:
        a = 1 + rng.below(nodes)
        b = 1 + rng.below(nodes)
        if a == b or (a, b) in seen:
            continue
        seen.add((a, b))
        out.append((a, b))
    return out


def chain_edges(n):
    """1 -> 2 -> ... -> n+1: n edges."""
    return [(i, i + 1) for i in range(1, n + 1)]


def forest_parents(nodes, tree, seed):
    """A forest of random recursive trees, `tree` nodes each (the last one
    smaller if `tree` does not divide `nodes`), node ids 1..nodes.

    Tree t holds ids t*tree+1 .. t*tree+tree; its first id is the root; the
    k-th node of a tree (k = 1, 2, ...) gets as parent the j-th node with
    j = below(k), i.e. uniform among the nodes of its tree made before it.
    Returns par facts (child, parent)."""
    rng = SplitMix64(seed)
    out = []
    for base in range(0, nodes, tree):
        size = min(tree, nodes - base)
        for k in range(1, size):
            j = rng.below(k)
            out.append((base + k + 1, base + j + 1))
    return out


# ---------------------------------------------------------------- reference answers
def reach_sets(nodes, edges):
    """reach[x] = the set of y with a path of length >= 1 from x to y."""
    succ = collections.defaultdict(list)
    for a, b in edges:
        succ[a].append(b)
    reach = {}
    for x in range(1, nodes + 1):
        seen = set()
        stack = list(succ[x])
        while stack:
            y = stack.pop()
            if y in seen:
                continue
            seen.add(y)
            stack.extend(succ[y])
        reach[x] = seen
    return reach


def same_generation_count(parents):
    """|sg| = ordered pairs of distinct nodes at the same depth >= 1 of the same tree.

    (Two distinct nodes at depth d >= 1 of one tree are either siblings or have
    distinct parents at depth d - 1 that are themselves in sg; roots never are.)"""
    depth, root = {}, {}
    levels = collections.Counter()
    for child, par in parents:  # parents come before their children
        depth[child] = depth.get(par, 0) + 1
        root[child] = root.get(par, par)
        levels[(root[child], depth[child])] += 1
    return sum(c * (c - 1) for c in levels.values())


# ---------------------------------------------------------------- writing
def write_facts(directory, relations):
    """relations: list of (name, rows) with rows of integer tuples."""
    os.makedirs(directory, exist_ok=True)
    for ext, sep in (("kb", ", "), ("pl", ","), ("lp", ",")):
        lines = []
        for name, rows in relations:
            for row in rows:
                lines.append("%s(%s).\n" % (name, sep.join(str(v) for v in row)))
        path = os.path.join(directory, "facts." + ext)
        with open(path + ".tmp", "w") as f:
            if ext == "pl":
                # Let Prolog load the facts without "clauses not together" noise.
                f.write(":- style_check(-discontiguous).\n")
            f.writelines(lines)
        os.replace(path + ".tmp", path)
    for name, rows in relations:
        path = os.path.join(directory, name + ".facts")
        with open(path + ".tmp", "w") as f:
            f.writelines("\t".join(str(v) for v in row) + "\n" for row in rows)
        os.replace(path + ".tmp", path)


def build(name, size):
    p = SIZES[name][size]
    if name == "tc_chain":
        edges = chain_edges(p["n"])
        n = p["n"]
        return [("e", edges)], n * (n + 1) // 2
    if name == "tc_random":
        edges = random_edges(p["nodes"], p["edges"], SEED_RANDOM_GRAPH)
        reach = reach_sets(p["nodes"], edges)
        return [("e", edges)], sum(len(s) for s in reach.values())
    if name == "agg":
        edges = random_edges(p["nodes"], p["edges"], SEED_RANDOM_GRAPH)
        reach = reach_sets(p["nodes"], edges)
        nodes = [(x,) for x in range(1, p["nodes"] + 1)]
        return [("node", nodes), ("e", edges)], max(len(s) for s in reach.values())
    if name == "neg":
        edges = random_edges(p["nodes"], p["edges"], SEED_NEG)
        reach = reach_sets(p["nodes"], edges)
        nodes = [(x,) for x in range(1, p["nodes"] + 1)]
        total = p["nodes"] * p["nodes"] - sum(len(s) for s in reach.values())
        return [("node", nodes), ("e", edges)], total
    if name == "sg":
        parents = forest_parents(p["nodes"], p["tree"], SEED_SG)
        return [("par", parents)], same_generation_count(parents)
    raise KeyError(name)


def generate(name, size, out_dir):
    directory = os.path.join(out_dir, "%s-%s" % (name, size))
    relations, expected = build(name, size)
    write_facts(directory, relations)
    with open(os.path.join(directory, "expected.txt"), "w") as f:
        f.write("%d\n" % expected)
    facts = sum(len(rows) for _, rows in relations)
    return directory, facts, expected


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", choices=["small", "main", "all"], default="all")
    ap.add_argument("--only", help="comma-separated workload names")
    ap.add_argument("--out", default=os.path.join(BENCH, "out"))
    args = ap.parse_args(argv)
    names = args.only.split(",") if args.only else WORKLOADS
    for n in names:
        if n not in SIZES:
            ap.error("unknown workload %r (have %s)" % (n, ", ".join(WORKLOADS)))
    sizes = ["small", "main"] if args.size == "all" else [args.size]
    for size in sizes:
        for name in names:
            directory, facts, expected = generate(name, size, args.out)
            print("%-28s %8d facts  expected answer %d" % (os.path.relpath(directory), facts, expected))


if __name__ == "__main__":
    sys.exit(main())
