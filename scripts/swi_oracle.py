#!/usr/bin/env python3
"""swi_oracle.py: check Valley's answers on random programs against SWI-Prolog.

Usage:
    python3 scripts/swi_oracle.py DIR [--jobs N] [--timeout SECONDS] [--keep-pl DIR2]

DIR holds pairs `NNNNN.kb` (a Valley program) and `NNNNN.model` (Valley's answers: every
fact of every predicate that has at least one rule, one per line as `name(v1, v2).` or
`name.`, sorted). For each pair the script translates the program into Prolog with the same
semantics as Valley, runs `swipl` on it (time limit per program, default 20 s), prints the
derived facts in the same format and compares the two as sets of lines.

It reports `N agreed, N disagreed, N skipped`, then for each disagreement the file and the
lines only in Valley / only in SWI, the reason for each skip (time-out, a Prolog error, a
missing .model), and ends with `swi-oracle: N passed, N failed`. Exit status 0 when nothing
disagreed, 1 otherwise, 2 for usage. When `swipl` is missing it installs `swi-prolog-nox`
with apt-get (as root). Standard library only.

Only the subset of Valley that the random-program generator writes is read (anything else
is a loud error, reported as a skip with the reason "translation error"):
  - one clause per line: facts `p(c1, ..., cn).` / `p.` over integers, decimals and bare
    lower-case symbols; `@pred name(cols)` / `@pred name` declarations; `%` comments;
  - rules `head :- lit, ..., lit.` whose head arguments may be expressions
    (`+ - * / mod`, unary minus, parentheses);
  - body literals in any order: atoms (arguments may be expressions), `not` atoms (`_` is
    "any value"), comparisons `= != < <= > >=` (`X = Expr` assigns when no positive atom
    binds X), aggregates `V = count|sum|min|max { T1, ..., Tk : lit, ... }`.

How the translation keeps Valley's semantics in Prolog:
  - values: integers, floats, atoms; an atom argument matches by identity, which Prolog
    unification gives (1 \\= 1.0). Every float result 0.0 / -0.0 is written as 0.0 (Valley's
    value pool treats the two as one value), on both sides of the comparison.
  - comparisons use `vcmp/3`: numbers numerically and EXACTLY (SWI compares a mixed
    integer/float pair as floats, so 2**53+1 =:= 2.0**53 holds there; we convert the float to
    a rational first), every number before every symbol, symbols by code points.
  - arithmetic: int op int is int (`/` is `//` toward zero, `mod` is `rem`); any float
    operand gives float; float `mod` is the exact truncating remainder (fmod) computed with
    rationals. What Valley reports as a runtime error (int results outside 64 bits, division
    by zero, arithmetic or sum on a symbol) makes the literal fail here, with a note printed
    beside a disagreement: Valley meets such values only when its join order reaches them,
    so a .model (an error-free run) means that its order never did.
  - literals are ordered like Valley's planner: a literal runs once the variables it needs
    are bound (negations, comparisons, expressions, aggregates' grouping variables), an
    assignment only for a variable that no positive atom binds; positive atoms otherwise,
    the one with the most bound arguments first. An aggregate always binds a hidden variable,
    and `V = <hidden>` is then an assignment or a numeric comparison by the same rule.
  - aggregates: findall, distinct tuples by identity (sort/2, list_to_set/2), count =
    length, sum folds from integer 0 in the order found, min/max in value order with an integer before an equal
    float. Empty group: count 0, sum 0, min/max fail.
  - every predicate with a rule is tabled (`:- table`), and is always called with fresh
    arguments that are unified afterwards (one table per predicate). Negation is `\\+`,
    sound because the programs are stratified.

Known limit: Valley adds a sum's tuples in the order it found them, and so does this script
(first occurrences, in Prolog's order), but the two orders need not be the same (joins,
tabled predicates), so a sum of decimals that are not exact (0.1 + 0.2) may differ in the last
bits; such disagreements are marked "float rounding only".
"""

import argparse
import concurrent.futures
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile


class TranslateError(Exception):
    """The program is outside the subset this oracle reads, or cannot be ordered."""


class Sym:
    """A symbol value."""

    __slots__ = ("name",)

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Sym({self.name})"


# ---------------------------------------------------------------------------------------
# Lexer and parser

TOKEN_RE = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<comment>%[^\n]*|/\*.*?\*/)
  | (?P<num>\d+\.\d+(?:[eE][+-]?\d+)?|\d+[eE][+-]?\d+|\d+)
  | (?P<name>[a-z][A-Za-z0-9_]*)
  | (?P<var>[A-Z_][A-Za-z0-9_]*)
  | (?P<punct>:-|\\\+|\\=|!=|<=|>=|=<|[=<>(),.{}:+\-*/])
    """,
    re.VERBOSE | re.DOTALL,
)

AGG_KINDS = ("count", "sum", "min", "max")
CMP_OPS = {"=": "eq", "!=": "ne", "\\=": "ne", "<": "lt", "<=": "le", "=<": "le", ">": "gt", ">=": "ge"}
ARITH_OPS = {"+": ("add", 1), "-": ("sub", 1), "*": ("mul", 2), "/": ("div", 2), "mod": ("mod", 2)}


def tokenize(text, where):
    tokens = []
    pos = 0
    while pos < len(text):
        m = TOKEN_RE.match(text, pos)
        if not m:
            raise TranslateError(f"{where}: unexpected character {text[pos]!r}")
        pos = m.end()
        kind = m.lastgroup
        if kind in ("ws", "comment"):
            continue
        tokens.append((kind, m.group(kind)))
    tokens.append(("eof", ""))
    return tokens


class Parser:
    """Terms: ('var', name) | ('anon',) | ('const', value) | ('bin', op, l, r) |
    ('neg', t) | ('agg', kind, [terms], [lits]).
    Literals: ('pos', name, [args]) | ('not', name, [args]) | ('cmp', op, l, r)."""

    def __init__(self, tokens, where):
        self.toks = tokens
        self.i = 0
        self.where = where

    def peek(self, k=0):
        return self.toks[min(self.i + k, len(self.toks) - 1)]

    def advance(self):
        t = self.toks[self.i]
        self.i += 1
        return t

    def fail(self, what):
        kind, text = self.peek()
        raise TranslateError(f"{self.where}: expected {what}, found {text or kind!r}")

    def expect(self, text):
        if self.peek()[1] != text or self.peek()[0] not in ("punct",):
            self.fail(repr(text))
        return self.advance()

    def is_punct(self, text, k=0):
        t = self.peek(k)
        return t[0] == "punct" and t[1] == text

    def at_eof(self):
        return self.peek()[0] == "eof"

    # clauses
    def clause(self):
        head = self.atom("a clause head")
        if self.is_punct("."):
            self.advance()
            return head, None
        self.expect(":-")
        body = self.body()
        self.expect(".")
        return head, body

    def atom(self, what):
        kind, name = self.peek()
        if kind != "name":
            self.fail(what)
        self.advance()
        args = []
        if self.is_punct("("):
            self.advance()
            args.append(self.term())
            while self.is_punct(","):
                self.advance()
                args.append(self.term())
            self.expect(")")
        return name, args

    def body(self):
        lits = [self.literal()]
        while self.is_punct(","):
            self.advance()
            lits.append(self.literal())
        return lits

    def literal(self):
        if self.is_punct("\\+") or (self.peek() == ("name", "not") and self.peek(1)[0] == "name"):
            self.advance()
            name, args = self.atom("a predicate after 'not'")
            return ("not", name, args)
        kind, text = self.peek()
        nxt = self.peek(1)
        starts_expr = (nxt[0] == "punct" and (nxt[1] in CMP_OPS or nxt[1] in "+-*/")) or nxt == ("name", "mod")
        is_agg = kind == "name" and text in AGG_KINDS and self.is_punct("{", 1)
        if kind == "name" and not starts_expr and not is_agg:
            name, args = self.atom("a literal")
            return ("pos", name, args)
        left = self.term()
        op = self.peek()
        if op[0] != "punct" or op[1] not in CMP_OPS:
            self.fail("a comparison operator")
        self.advance()
        right = self.term()
        return ("cmp", CMP_OPS[op[1]], left, right)

    def term(self, min_prec=1):
        left = self.unary()
        while True:
            kind, text = self.peek()
            if (kind == "punct" and text in "+-*/" and len(text) == 1) or (kind, text) == ("name", "mod"):
                op, prec = ARITH_OPS[text]
                if prec < min_prec:
                    break
                self.advance()
                right = self.term(prec + 1)
                left = ("bin", op, left, right)
            else:
                break
        return left

    def unary(self):
        if self.is_punct("-"):
            self.advance()
            kind, text = self.peek()
            if kind == "num":
                self.advance()
                v = parse_number(text)
                return ("const", -v)
            return ("neg", self.unary())
        return self.primary()

    def primary(self):
        kind, text = self.peek()
        if kind == "var":
            self.advance()
            return ("anon",) if text == "_" else ("var", text)
        if kind == "num":
            self.advance()
            return ("const", parse_number(text))
        if kind == "name":
            if text in AGG_KINDS and self.is_punct("{", 1):
                self.advance()
                self.advance()
                terms = [self.term()]
                while self.is_punct(","):
                    self.advance()
                    terms.append(self.term())
                self.expect(":")
                lits = self.body()
                self.expect("}")
                return ("agg", text, terms, lits)
            self.advance()
            if self.is_punct("("):
                raise TranslateError(f"{self.where}: compound term {text}(...) as a value")
            return ("const", Sym(text))
        if self.is_punct("("):
            self.advance()
            t = self.term()
            self.expect(")")
            return t
        self.fail("a value, a variable or '('")


def parse_number(text):
    if re.fullmatch(r"\d+", text):
        v = int(text)
        if v > 2**63:
            raise TranslateError(f"integer literal {text} out of range")
        return v
    v = float(text)
    if not math.isfinite(v):
        raise TranslateError(f"decimal literal {text} out of range")
    return v


PRED_RE = re.compile(r"@pred\s+([a-z][A-Za-z0-9_]*)\s*(?:\(([^)]*)\))?\s*(?:\"(?:[^\"\\]|\\.)*\")?\s*$")


class Program:
    def __init__(self):
        self.arity = {}        # name -> arity
        self.facts = {}        # name -> list of tuples of values
        self.rules = []        # (head_name, head_args, body)
        self.derived = set()   # names with at least one rule

    def use(self, name, n, where):
        old = self.arity.setdefault(name, n)
        if old != n:
            raise TranslateError(f"{where}: {name} used with arity {n} and {old}")


def parse_program(text, fname):
    prog = Program()
    clause_lines = []
    for lineno, line in enumerate(text.splitlines(), 1):
        stripped = line.strip()
        if stripped.startswith("@"):
            m = PRED_RE.match(stripped)
            if not m:
                raise TranslateError(f"{fname}:{lineno}: unsupported annotation: {stripped}")
            cols = m.group(2)
            n = 0 if cols is None else len([c for c in cols.split(",")])
            if cols is not None and not cols.strip():
                raise TranslateError(f"{fname}:{lineno}: empty parentheses in @pred")
            prog.use(m.group(1), n, f"{fname}:{lineno}")
            clause_lines.append("")
        else:
            clause_lines.append(line)
    # Line structure kept so that messages name lines; clauses end at '.'.
    tokens = tokenize("\n".join(clause_lines), fname)
    p = Parser(tokens, fname)
    while not p.at_eof():
        head, body = p.clause()
        name, args = head
        prog.use(name, len(args), fname)
        if body is None and all(a[0] == "const" for a in args):
            prog.facts.setdefault(name, []).append(tuple(a[1] for a in args))
            continue
        body = body or []
        for lit in walk_literals(body):
            if lit[0] in ("pos", "not"):
                prog.use(lit[1], len(lit[2]), fname)
        prog.rules.append((name, args, body))
        prog.derived.add(name)
    return prog


def walk_literals(lits):
    for lit in lits:
        yield lit
        terms = list(lit[2]) if lit[0] in ("pos", "not") else [lit[2], lit[3]]
        for t in terms:
            for agg in aggregates_in(t):
                yield from walk_literals(agg[3])


def aggregates_in(t):
    if t[0] == "agg":
        yield t
    elif t[0] == "bin":
        yield from aggregates_in(t[2])
        yield from aggregates_in(t[3])
    elif t[0] == "neg":
        yield from aggregates_in(t[1])


# ---------------------------------------------------------------------------------------
# Translation to Prolog

def pl_const(v):
    if isinstance(v, Sym):
        return "'" + v.name.replace("\\", "\\\\").replace("'", "\\'") + "'"
    if isinstance(v, bool):
        raise TranslateError("boolean value")
    if isinstance(v, int):
        return f"({v})" if v < 0 else str(v)
    if v == 0.0:
        return "0.0"
    s = repr(v)
    if "e" in s:
        mant, exp = s.split("e")
        if "." not in mant:
            mant += ".0"
        s = f"{mant}e{exp}"
    return f"({s})" if v < 0 else s


def pl_pred(name):
    return "'p_" + name + "'"


def term_vars(t, out=None):
    """Named variables of a term (not '_'), including inside aggregates."""
    if out is None:
        out = set()
    k = t[0]
    if k == "var":
        out.add(t[1])
    elif k == "bin":
        term_vars(t[2], out)
        term_vars(t[3], out)
    elif k == "neg":
        term_vars(t[1], out)
    elif k == "agg":
        for x in t[2]:
            term_vars(x, out)
        for lit in t[3]:
            lit_vars(lit, out)
    return out


def lit_vars(lit, out=None):
    if out is None:
        out = set()
    k = lit[0]
    if k in ("pos", "not"):
        for a in lit[2]:
            term_vars(a, out)
    elif k == "cmp":
        term_vars(lit[2], out)
        term_vars(lit[3], out)
    elif k == "agg":  # ('agg', hidden, kind, terms, lits, grouping)
        out.add(lit[1])
        for x in lit[3]:
            term_vars(x, out)
        for sub in lit[4]:
            lit_vars(sub, out)
    elif k == "match":  # ('match', tmpname, expr)
        term_vars(lit[2], out)
    return out


def rename(t, mapping):
    k = t[0]
    if k == "var":
        return ("var", mapping.get(t[1], t[1]))
    if k == "bin":
        return ("bin", t[1], rename(t[2], mapping), rename(t[3], mapping))
    if k == "neg":
        return ("neg", rename(t[1], mapping))
    if k == "agg":
        return ("agg", t[1], [rename(x, mapping) for x in t[2]], [rename_lit(l, mapping) for l in t[3]])
    return t


def rename_lit(lit, mapping):
    k = lit[0]
    if k in ("pos", "not"):
        return (k, lit[1], [rename(a, mapping) for a in lit[2]])
    if k == "cmp":
        return ("cmp", lit[1], rename(lit[2], mapping), rename(lit[3], mapping))
    raise TranslateError(f"cannot rename {k}")


class ClauseTranslator:
    def __init__(self, prog):
        self.prog = prog
        self.tmp = 0

    def fresh(self, prefix="T"):
        self.tmp += 1
        return f"{prefix}{self.tmp}"

    @staticmethod
    def pv(name):
        """Prolog variable for a Valley variable or a hidden one (hidden names start '#')."""
        if name.startswith("#"):
            return "H_" + name[1:]
        return "V_" + name

    def value(self, t, goals):
        """Prolog text for the value of a term (all its variables bound); goals computing it
        are appended."""
        k = t[0]
        if k == "var":
            return self.pv(t[1])
        if k == "const":
            return pl_const(t[1])
        if k == "bin":
            a = self.value(t[2], goals)
            b = self.value(t[3], goals)
            r = self.fresh()
            goals.append(f"v{t[1]}({a}, {b}, {r})")
            return r
        if k == "neg":
            a = self.value(t[1], goals)
            r = self.fresh()
            goals.append(f"vneg({a}, {r})")
            return r
        if k == "anon":
            raise TranslateError("'_' where a value is needed")
        raise TranslateError(f"aggregate where it is not supported: {t}")

    def call_atom(self, name, args, bound, goals, pending):
        """A positive atom: derived predicates are called with fresh arguments, unified after."""
        n = len(args)
        if name in self.prog.derived:
            fresh = [self.fresh("A") for _ in range(n)]
            goals.append(pl_pred(name) + (f"({', '.join(fresh)})" if n else ""))
            for f, a in zip(fresh, args):
                if a[0] == "anon":
                    continue
                if a[0] == "var":
                    goals.append(f"{f} = {self.pv(a[1])}")
                elif a[0] == "const":
                    goals.append(f"{f} = {pl_const(a[1])}")
                elif term_vars(a) <= bound:
                    v = self.value(a, goals)
                    goals.append(f"{f} == {v}")
                else:
                    pending.append(("match", f, a))
        else:
            pre, texts = [], []
            for a in args:
                if a[0] == "anon":
                    texts.append("_")
                elif a[0] == "var":
                    texts.append(self.pv(a[1]))
                elif a[0] == "const":
                    texts.append(pl_const(a[1]))
                elif term_vars(a) <= bound:
                    texts.append(self.value(a, pre))
                else:
                    f = self.fresh("A")
                    texts.append(f)
                    pending.append(("match", f, a))
            goals.extend(pre)
            goals.append(pl_pred(name) + (f"({', '.join(texts)})" if n else ""))
        for a in args:
            if a[0] == "var":
                bound.add(a[1])

    def negation(self, name, args, goals):
        pre, inner = [], []
        n = len(args)
        fresh = [self.fresh("A") for _ in range(n)]
        for f, a in zip(fresh, args):
            if a[0] == "anon":
                continue
            inner.append(f"{f} == {self.value(a, pre)}")
        goals.extend(pre)
        call = pl_pred(name) + (f"({', '.join(fresh)})" if n else "")
        goals.append("\\+ (" + ", ".join([call] + inner) + ")")

    def schedule(self, lits, bound, assignable):
        """Orders `lits` (modifying `bound`) and returns Prolog goals."""
        goals = []
        pending = list(lits)

        def ready(lit):
            k = lit[0]
            if k == "not":
                return set().union(*[term_vars(a) for a in lit[2]]) <= bound
            if k == "match":
                return term_vars(lit[2]) <= bound
            if k == "agg":
                return lit[5] <= bound
            if k == "cmp":
                if term_vars(lit[2]) | term_vars(lit[3]) <= bound:
                    return True
                if lit[1] == "eq":
                    for side, other in ((lit[2], lit[3]), (lit[3], lit[2])):
                        if side[0] == "var" and side[1] not in bound and side[1] in assignable \
                                and term_vars(other) <= bound:
                            return True
                return False
            return False

        while pending:
            pick = next((l for l in pending if l[0] != "pos" and ready(l)), None)
            if pick is not None:
                pending.remove(pick)
                self.emit(pick, bound, assignable, goals, pending)
                continue
            atoms = [l for l in pending if l[0] == "pos"]
            if not atoms:
                raise TranslateError("cannot order the body: literals never ready: " + repr(pending))

            def score(l):
                s = 0
                for a in l[2]:
                    if a[0] == "const" or (a[0] == "var" and a[1] in bound):
                        s += 1
                    elif a[0] in ("bin", "neg") and term_vars(a) <= bound:
                        s += 1
                return s

            best = max(atoms, key=score)  # first of the best on ties
            pending.remove(best)
            self.call_atom(best[1], best[2], bound, goals, pending)
        return goals

    def emit(self, lit, bound, assignable, goals, pending):
        k = lit[0]
        if k == "not":
            self.negation(lit[1], lit[2], goals)
        elif k == "match":
            v = self.value(lit[2], goals)
            goals.append(f"{lit[1]} == {v}")
        elif k == "cmp":
            op, l, r = lit[1], lit[2], lit[3]
            lv, rv = term_vars(l), term_vars(r)
            if not (lv | rv <= bound):  # an assignment
                if l[0] == "var" and l[1] not in bound and l[1] in assignable and rv <= bound:
                    var, other = l[1], r
                else:
                    var, other = r[1], l
                v = self.value(other, goals)
                goals.append(f"{self.pv(var)} = {v}")
                bound.add(var)
            else:
                a = self.value(l, goals)
                b = self.value(r, goals)
                goals.append(f"vtest({op}, {a}, {b})")
        elif k == "agg":
            _, hidden, kind, terms, inner, grouping = lit
            inner_bound = set(grouping)
            inner_assignable = set()
            for il in inner:
                inner_assignable |= lit_vars(il)
            for il in inner:
                if il[0] == "pos":
                    for a in il[2]:
                        if a[0] == "var":
                            inner_assignable.discard(a[1])
            inner_assignable -= inner_bound
            igoals = self.schedule(inner, inner_bound, inner_assignable)
            tvals = [self.value(t, igoals) for t in terms]
            for t in terms:
                if not term_vars(t) <= inner_bound:
                    raise TranslateError(f"aggregate term {t} not bound by its body")
            tup = f"t({', '.join(tvals)})" if tvals else "t"
            res = self.fresh("R")
            goals.append(f"findall({tup}, ({', '.join(igoals) or 'true'}), {res}L)")
            goals.append(f"v{kind}({res}L, {res})")
            goals.append(f"{self.pv(hidden)} = {res}")
            bound.add(hidden)
        else:
            raise TranslateError(f"unexpected literal {lit}")

    def rule(self, head_name, head_args, body):
        self.tmp = 0
        for a in head_args:
            if list(aggregates_in(a)):
                raise TranslateError("aggregate in a rule head")
        # Hoist aggregates out of comparisons into hidden variables.
        lits, aggs = [], []
        for lit in body:
            if lit[0] in ("pos", "not"):
                for a in lit[2]:
                    if list(aggregates_in(a)):
                        raise TranslateError("aggregate inside an atom")
                lits.append(lit)
            else:
                l, r = lit[2], lit[3]
                l = self.hoist(l, aggs)
                r = self.hoist(r, aggs)
                lits.append(("cmp", lit[1], l, r))
        # Grouping variables: those of an aggregate that occur outside every aggregate.
        outside = set()
        for a in head_args:
            term_vars(a, outside)
        for lit in lits:
            lit_vars(lit, outside)
        agg_lits = []
        for hidden, (_, kind, terms, inner) in aggs:
            inside = set()
            for t in terms:
                term_vars(t, inside)
            for il in inner:
                lit_vars(il, inside)
                if il[0] == "cmp" and (list(aggregates_in(il[2])) or list(aggregates_in(il[3]))):
                    raise TranslateError("aggregate inside an aggregate")
            grouping = inside & outside
            mapping = {v: f"{v}__{hidden[1:]}" for v in inside - grouping}
            agg_lits.append(("agg", hidden, kind, [rename(t, mapping) for t in terms],
                             [rename_lit(il, mapping) for il in inner], grouping))
        all_lits = lits + agg_lits
        assignable = set()
        for lit in all_lits:
            lit_vars(lit, assignable)
        for lit in lits:
            if lit[0] == "pos":
                for a in lit[2]:
                    if a[0] == "var":
                        assignable.discard(a[1])
        # Only its aggregate binds a hidden variable.
        assignable = {v for v in assignable if not v.startswith("#")}
        bound = set()
        goals = self.schedule(all_lits, bound, assignable)
        hv = set()
        for a in head_args:
            term_vars(a, hv)
        if not hv <= bound:
            raise TranslateError(f"head variables not bound: {sorted(hv - bound)}")
        heads = [self.fresh("HD") for _ in head_args]
        for h, a in zip(heads, head_args):
            v = self.value(a, goals)
            goals.append(f"{h} = {v}")
        head = pl_pred(head_name) + (f"({', '.join(heads)})" if heads else "")
        return f"{head} :-\n    " + ",\n    ".join(goals or ["true"]) + "."

    def hoist(self, t, aggs):
        k = t[0]
        if k == "agg":
            hidden = f"#{len(aggs) + 1}"
            aggs.append((hidden, t))
            return ("var", hidden)
        if k == "bin":
            return ("bin", t[1], self.hoist(t[2], aggs), self.hoist(t[3], aggs))
        if k == "neg":
            return ("neg", self.hoist(t[1], aggs))
        return t


PRELUDE = r"""
:- style_check(-singleton).
:- style_check(-discontiguous).
:- set_prolog_flag(prefer_rationals, false).

vnorm(X, Y) :- ( float(X), X =:= 0.0 -> Y = 0.0 ; Y = X ).
% What Valley reports as a runtime error (arithmetic on a symbol, division by zero, 64-bit
% overflow) fails here, with a note: Valley meets such a value only if its join order reaches
% it, so an error-free Valley run means its plan never did.
vnote(W) :- ( nb_current(vnotes, N) -> true ; N = 0 ),
    ( N < 5 -> write('NOTE\t'), writeq(W), nl, N1 is N + 1, nb_setval(vnotes, N1) ; true ).
vnum(X) :- ( number(X) -> true ; vnote(arithmetic_on_symbol(X)), fail ).
vint(R) :- ( integer(R), ( R > 9223372036854775807 ; R < -9223372036854775808 )
           -> vnote(integer_overflow(R)), fail ; true ).
vnonzero(B) :- ( B =:= 0 -> vnote(division_by_zero), fail ; true ).
vadd(A, B, R) :- vnum(A), vnum(B), R0 is A + B, vint(R0), vnorm(R0, R).
vsub(A, B, R) :- vnum(A), vnum(B), R0 is A - B, vint(R0), vnorm(R0, R).
vmul(A, B, R) :- vnum(A), vnum(B), R0 is A * B, vint(R0), vnorm(R0, R).
vdiv(A, B, R) :- vnum(A), vnum(B), vnonzero(B),
    ( integer(A), integer(B) -> R is A // B, vint(R)
    ; R0 is float(A) / float(B), vnorm(R0, R) ).
vmod(A, B, R) :- vnum(A), vnum(B), vnonzero(B),
    ( integer(A), integer(B) -> R is A rem B
    ; FA is float(A), FB is float(B), RA is rational(FA), RB is rational(FB),
      Q is truncate(RA rdiv RB), R0 is float(RA - RB * Q), vnorm(R0, R) ).
vneg(A, R) :- vnum(A), R0 is -A, vint(R0), vnorm(R0, R).

% Value order: numbers numerically and exactly, numbers before symbols, symbols by code.
vcmp(O, A, B) :- number(A), number(B), !,
    ( integer(A), float(B) -> RB is rational(B), vncmp(O, A, RB)
    ; float(A), integer(B) -> RA is rational(A), vncmp(O, RA, B)
    ; vncmp(O, A, B) ).
vcmp(O, A, B) :- compare(O, A, B).
vncmp(O, A, B) :- ( A < B -> O = (<) ; A > B -> O = (>) ; O = (=) ).
vtest(eq, A, B) :- vcmp(=, A, B).
vtest(ne, A, B) :- \+ vcmp(=, A, B).
vtest(lt, A, B) :- vcmp(<, A, B).
vtest(le, A, B) :- \+ vcmp(>, A, B).
vtest(gt, A, B) :- vcmp(>, A, B).
vtest(ge, A, B) :- \+ vcmp(<, A, B).
% Sorting order for min/max: the value order, an integer before an equal decimal.
vbefore(A, B) :- vcmp(O, A, B), ( O == (<) -> true ; O == (=), integer(A), float(B) ).

vcount(L, N) :- sort(L, S), length(S, N).
% Distinct tuples in the order found (often Valley's order too: it adds in the order it finds).
vsum(L, R) :- list_to_set(L, S), vsum_(S, 0, R).
vsum_([], A, A).
vsum_([T|Ts], A, R) :- arg(1, T, E),
    ( number(E) -> true ; vnote(sum_over_symbol(E)), fail ),
    vadd(A, E, A1), vsum_(Ts, A1, R).
vmin(L, R) :- sort(L, [T|Ts]), arg(1, T, E), vmin_(Ts, E, R).
vmin_([], B, B).
vmin_([T|Ts], B, R) :- arg(1, T, E), ( vbefore(E, B) -> vmin_(Ts, E, R) ; vmin_(Ts, B, R) ).
vmax(L, R) :- sort(L, [T|Ts]), arg(1, T, E), vmax_(Ts, E, R).
vmax_([], B, B).
vmax_([T|Ts], B, R) :- arg(1, T, E), ( vbefore(B, E) -> vmax_(Ts, E, R) ; vmax_(Ts, B, R) ).

vval(A) :- integer(A), !, write(i), write(A).
vval(A) :- float(A), !, write(f), write(A).
vval(A) :- atom(A), !, write(s), write(A).
vval(A) :- throw(valley_error(unexpected_value(A))).
vout(Name, Args) :- write('F\t'), write(Name), forall(member(A, Args), (write('\t'), vval(A))), nl.
"""


def translate(prog):
    out = [PRELUDE]
    names = sorted(prog.arity)
    for name in names:
        n = prog.arity[name]
        if name in prog.derived:
            out.append(f":- table {pl_pred(name)}/{n}.")
        else:
            out.append(f":- dynamic {pl_pred(name)}/{n}.")
    for name in names:
        for tup in prog.facts.get(name, []):
            args = ", ".join(pl_const(v) for v in tup)
            out.append(pl_pred(name) + (f"({args})" if tup else "") + ".")
    for head_name, head_args, body in prog.rules:
        out.append(ClauseTranslator(prog).rule(head_name, head_args, body))
    runs = []
    for name in names:
        if name in prog.derived:
            n = prog.arity[name]
            vs = [f"X{i}" for i in range(n)]
            call = pl_pred(name) + (f"({', '.join(vs)})" if vs else "")
            runs.append(f"forall({call}, vout('{name}', [{', '.join(vs)}]))")
    out.append("run :- " + ",\n    ".join(runs or ["true"]) + ".")
    out.append(
        "main :- catch(run, E, (format(user_error, 'prolog-error: ~q~n', [E]), halt(3))), "
        "write('DONE'), nl, halt(0).")
    out.append(":- initialization(main, main).")
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------
# Running and comparing

def format_value(tok):
    tag, text = tok[0], tok[1:]
    if tag == "i":
        return str(int(text))
    if tag == "f":
        v = float(text)
        if v == 0.0:
            v = 0.0
        return repr(v)
    if tag == "s":
        return text
    raise ValueError(f"bad value token {tok!r}")


def normalize_line(line):
    """-0.0 and 0.0 are one value in Valley; print both as 0.0."""
    m = re.fullmatch(r"([a-z][A-Za-z0-9_]*)\((.*)\)\.", line)
    if not m:
        return line
    vals = ["0.0" if v == "-0.0" else v for v in m.group(2).split(", ")]
    return f"{m.group(1)}({', '.join(vals)})."


def run_swi(pl_text, timeout, keep_path=None):
    """Returns (lines, None) or (None, reason)."""
    with tempfile.TemporaryDirectory(prefix="swi_oracle_") as tmp:
        path = os.path.join(tmp, "prog.pl")
        with open(path, "w") as f:
            f.write(pl_text)
        if keep_path:
            shutil.copyfile(path, keep_path)
        try:
            proc = subprocess.run(
                ["swipl", "--on-error=halt", "--on-warning=status", "-q", path],
                capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            return None, f"time-out after {timeout} s"
    if proc.returncode != 0 or not proc.stdout.endswith("DONE\n"):
        err = (proc.stderr.strip() or proc.stdout.strip()[-300:]).splitlines()
        return None, f"swipl exit {proc.returncode}: " + " | ".join(err[:4])[:400]
    if proc.stderr.strip():
        return None, "swipl warning: " + " | ".join(proc.stderr.strip().splitlines()[:4])[:400]
    lines, notes = set(), []
    for raw in proc.stdout.splitlines():
        if raw.startswith("NOTE\t"):
            notes.append(raw[5:])
        if not raw.startswith("F\t"):
            continue
        parts = raw.split("\t")[1:]
        name, vals = parts[0], [format_value(t) for t in parts[1:]]
        lines.add(f"{name}({', '.join(vals)})." if vals else f"{name}.")
    return (lines, notes), None


FLOAT_RE = re.compile(r"^-?(\d+\.\d*(e[+-]?\d+)?|\d+e[+-]?\d+)$")


def float_rounding_only(only_v, only_s):
    """Whether the two sides pair up line by line, differing only in decimals that are
    within a relative 1e-9 (what a different summation order can do)."""
    if len(only_v) != len(only_s):
        return False

    def key(line):
        m = re.fullmatch(r"([a-z][A-Za-z0-9_]*)\((.*)\)\.", line)
        if not m:
            return None
        vals = m.group(2).split(", ")
        return m.group(1), tuple("#" if FLOAT_RE.match(v) else v for v in vals), vals

    rest = [key(l) for l in only_s]
    for line in only_v:
        kv = key(line)
        if kv is None:
            return False
        for i, ks in enumerate(rest):
            if ks and ks[:2] == kv[:2] and all(
                    a == b or (FLOAT_RE.match(a) and math.isclose(float(a), float(b), rel_tol=1e-9))
                    for a, b in zip(kv[2], ks[2])):
                rest[i] = None
                break
        else:
            return False
    return True


def check_one(kb_path, timeout, keep_dir):
    """Returns (status, detail): status in agreed / disagreed / skipped."""
    base = os.path.splitext(os.path.basename(kb_path))[0]
    model_path = os.path.splitext(kb_path)[0] + ".model"
    if not os.path.exists(model_path):
        return "skipped", "no .model file"
    try:
        with open(kb_path, encoding="utf-8") as f:
            prog = parse_program(f.read(), os.path.basename(kb_path))
        pl = translate(prog)
    except TranslateError as e:
        return "skipped", f"translation error: {e}"
    keep = os.path.join(keep_dir, base + ".pl") if keep_dir else None
    swi, reason = run_swi(pl, timeout, keep)
    if swi is None:
        return "skipped", reason
    swi, notes = swi
    with open(model_path, encoding="utf-8") as f:
        valley = {normalize_line(l.strip()) for l in f if l.strip()}
    swi = {normalize_line(l) for l in swi}
    if valley == swi:
        return "agreed", None
    only_v, only_s = sorted(valley - swi), sorted(swi - valley)
    return "disagreed", (only_v, only_s, float_rounding_only(only_v, only_s), notes)


def ensure_swipl():
    if shutil.which("swipl"):
        return
    print("swi-oracle: swipl not found; installing swi-prolog-nox", file=sys.stderr)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    cmd = ["apt-get", "install", "-y", "swi-prolog-nox"]
    if subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL).returncode != 0:
        subprocess.run(["apt-get", "update"], env=env, stdout=subprocess.DEVNULL)
        subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL)
    if not shutil.which("swipl"):
        sys.exit("swi-oracle: could not install swipl (apt-get install swi-prolog-nox)")


def main():
    ap = argparse.ArgumentParser(description="Check Valley's .model files against SWI-Prolog.")
    ap.add_argument("dir", help="folder with NNNNN.kb and NNNNN.model pairs")
    ap.add_argument("--jobs", type=int, default=1, help="programs run at once (default 1)")
    ap.add_argument("--timeout", type=float, default=20.0, help="seconds per program (default 20)")
    ap.add_argument("--keep-pl", metavar="DIR", help="keep the generated Prolog files here")
    args = ap.parse_args()
    if not os.path.isdir(args.dir):
        ap.error(f"not a folder: {args.dir}")
    if args.keep_pl:
        os.makedirs(args.keep_pl, exist_ok=True)
    ensure_swipl()
    kbs = sorted(os.path.join(args.dir, f) for f in os.listdir(args.dir) if f.endswith(".kb"))
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        results = list(pool.map(lambda p: check_one(p, args.timeout, args.keep_pl), kbs))
    counts = {"agreed": 0, "disagreed": 0, "skipped": 0}
    for kb, (status, detail) in zip(kbs, results):
        counts[status] += 1
        name = os.path.basename(kb)
        if status == "skipped":
            print(f"SKIPPED {name}: {detail}")
        elif status == "disagreed":
            only_v, only_s, rounding, notes = detail
            note = " (float rounding only: possibly the order of a sum)" if rounding else ""
            print(f"DISAGREED {name}{note}")
            for l in only_v:
                print(f"  only in Valley: {l}")
            for l in only_s:
                print(f"  only in SWI:    {l}")
            for n in notes:
                print(f"  note: SWI met a Valley runtime error and failed that literal: {n}")
    print(f"{counts['agreed']} agreed, {counts['disagreed']} disagreed, {counts['skipped']} skipped")
    print(f"swi-oracle: {counts['agreed']} passed, {counts['disagreed']} failed")
    return 1 if counts["disagreed"] else 0


if __name__ == "__main__":
    sys.exit(main())
