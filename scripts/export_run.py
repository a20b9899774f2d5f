#!/usr/bin/env python3
"""Runs scripts written by `valley export` on a real SQL engine and prints what they stored.

    python3 scripts/export_run.py --engine sqlite|duckdb|postgresql|souffle SCRIPT ...

Each script runs in a fresh database (SQLite and DuckDB: in memory; PostgreSQL: a schema of
its own in a temporary cluster this script starts, as an unprivileged user when run as root,
and stops at the end). For each script one JSON line follows, in order:

    {"script": PATH, "seconds": S, "tables": {"pred": [[VALUE, ...], ...], ...}}
    {"script": PATH, "error": "the engine's message"}

`seconds` is the time the engine took to run the script. Every predicate the script's
catalogue (`valley_predicates`, `valley_columns`) lists is read back and decoded into Valley
values: ["i", "12"] an integer, ["d", "0.5"] a decimal (Python's shortest repr), ["s", "text"]
a symbol. A zero-arity predicate that holds has one empty row.

With --compare, each SCRIPT.sql has Valley's model beside it in SCRIPT.expected.json (the
same form: {"pred": [[VALUE, ...], ...]}), and the line holds "differences" (a list of
sentences, empty when every predicate holds exactly Valley's rows) instead of "tables".

Needs: SQLite through Python's sqlite3 module; DuckDB through the `duckdb` module
(pip install duckdb); PostgreSQL's server programs (Debian's `postgresql` package; found with
pg_config, in /usr/lib/postgresql/*/bin, or given with --pg-bin); Soufflé built with 64-bit
values (--souffle PATH or $SOUFFLE), whose interpreter runs each program (`souffle -D DIR`).
"""

import argparse
import glob
import json
import os
import pwd
import shutil
import subprocess
import sys
import tempfile
import time


def decode_row(row, columns):
    """A table row as Valley values, by the catalogue's columns of its predicate.

    `columns` is a list, per Valley column, of (encoding, {part: index in the row})."""
    values = []
    for encoding, parts in columns:
        if encoding == "mixed":
            kind = int(row[parts["kind"]])
            encoding = ("integer", "decimal", "symbol")[kind]
            raw = row[parts[encoding]]
        else:
            raw = row[parts["value"]]
        if encoding == "integer":
            values.append(["i", str(int(raw))])
        elif encoding == "decimal":
            values.append(["d", repr(float(raw))])
        else:
            values.append(["s", raw])
    return values


def catalogue(rows_predicates, rows_columns):
    """{predicate: (table, arity, [(encoding, {part: sql column})])} from the catalogue rows."""
    result = {}
    for name, table, arity in rows_predicates:
        result[name] = (table, int(arity), [])
    by_position = {}
    for predicate, position, encoding, part, sql in rows_columns:
        by_position.setdefault((predicate, int(position)), (encoding, {}))[1][part] = sql
    for (predicate, position), column in sorted(by_position.items()):
        result[predicate][2].append(column)
    return result


def read_tables(cat, fetch):
    """Every predicate's rows, decoded; `fetch(table, sql columns)` returns the raw rows."""
    tables = {}
    for name, (table, arity, columns) in cat.items():
        if arity == 0:
            tables[name] = [[] for _ in fetch(table, ["valley_true"])][:1]
            continue
        sql_columns = []
        layout = []
        for encoding, parts in columns:
            indices = {}
            for part, sql in parts.items():
                indices[part] = len(sql_columns)
                sql_columns.append(sql)
            layout.append((encoding, indices))
        tables[name] = [decode_row(row, layout) for row in fetch(table, sql_columns)]
    return tables


def quote(name):
    return '"' + name.replace('"', '""') + '"'


CATALOGUE_PREDICATES = 'SELECT "predicate", "table_name", "arity" FROM "valley_predicates"'
CATALOGUE_COLUMNS = 'SELECT "predicate", "position", "encoding", "part", "sql_column" FROM "valley_columns"'


def normal(value):
    """A decoded value in a form that compares as Valley compares values."""
    kind, text = value
    if kind == "i":
        return (kind, int(text))
    if kind == "d":
        return (kind, float(text))
    return (kind, text)


def differences(expected, tables):
    """Sentences naming each predicate whose rows differ between Valley and the engine."""
    found = []
    for name in sorted(set(expected) | set(tables)):
        want = {tuple(map(normal, row)) for row in expected.get(name, [])}
        got = {tuple(map(normal, row)) for row in tables.get(name, [])}
        if want != got:
            missing = sorted(want - got, key=repr)[:3]
            extra = sorted(got - want, key=repr)[:3]
            found.append(f"{name}: {len(want)} rows in Valley, {len(got)} in the engine; "
                         f"missing {missing}, extra {extra}")
    return found


# ---------------------------------------------------------------- SQLite and DuckDB


def run_sqlite(path, text):
    import sqlite3

    connection = sqlite3.connect(":memory:", isolation_level=None)
    return run_in_memory(path, connection, lambda: connection.executescript(text))


def run_duckdb(path, text):
    import duckdb

    connection = duckdb.connect(":memory:")
    return run_in_memory(path, connection, lambda: connection.execute(text))


def run_in_memory(path, connection, run_script):
    """Runs a script on an in-memory database (SQLite or DuckDB, which share the DB-API
    calls used here) and reads every table back; closes the connection."""
    try:
        start = time.perf_counter()
        run_script()
        seconds = time.perf_counter() - start
        cat = catalogue(connection.execute(CATALOGUE_PREDICATES).fetchall(),
                        connection.execute(CATALOGUE_COLUMNS).fetchall())

        def fetch(table, columns):
            return connection.execute(
                "SELECT " + ", ".join(map(quote, columns)) + " FROM " + quote(table)).fetchall()

        return {"script": path, "seconds": seconds, "tables": read_tables(cat, fetch)}
    except Exception as error:  # the engine's own message is the report
        return {"script": path, "error": str(error).strip()}
    finally:
        connection.close()


# ---------------------------------------------------------------- PostgreSQL


def postgres_bin(explicit):
    """The folder of PostgreSQL's server programs (initdb, pg_ctl), or None."""
    candidates = [explicit] if explicit else []
    if shutil.which("pg_config"):
        out = subprocess.run(["pg_config", "--bindir"], capture_output=True, text=True).stdout.strip()
        candidates.append(out)
    candidates += sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]), reverse=True)
    for folder in candidates:
        if folder and os.access(os.path.join(folder, "initdb"), os.X_OK):
            return folder
    return None


class Cluster:
    """A throwaway PostgreSQL cluster in a temporary folder, reached by its Unix socket only.

    PostgreSQL refuses to run as root, so under root the server runs as the `postgres` user
    (or `nobody`), which owns the folder."""

    def __init__(self, bindir):
        self.bindir = bindir
        self.folder = tempfile.mkdtemp(prefix="valley-pg-")
        self.port = "5432"
        self.user = None
        if os.geteuid() == 0:
            for name in ("postgres", "nobody"):
                try:
                    self.user = pwd.getpwnam(name)
                    break
                except KeyError:
                    continue
            if self.user is None:
                raise RuntimeError("running as root and there is no postgres or nobody user to run PostgreSQL")
            os.chown(self.folder, self.user.pw_uid, self.user.pw_gid)
        os.chmod(self.folder, 0o755)
        data = os.path.join(self.folder, "data")
        self.server(["initdb", "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--no-locale"])
        self.server(["pg_ctl", "-D", data, "-l", os.path.join(self.folder, "log"), "-w", "-o",
                     f"-p {self.port} -k {self.folder} -c listen_addresses='' -c fsync=off", "start"])
        self.data = data

    def server(self, command):
        argv = [os.path.join(self.bindir, command[0])] + command[1:]
        if self.user is not None:
            argv = ["runuser", "-u", self.user.pw_name, "--"] + argv
        result = subprocess.run(argv, capture_output=True, text=True, cwd=self.folder)
        if result.returncode != 0:
            raise RuntimeError(f"{command[0]} failed: {result.stderr.strip() or result.stdout.strip()}")

    def psql(self, arguments, stdin=None):
        psql = os.path.join(self.bindir, "psql")
        if not os.access(psql, os.X_OK):
            psql = shutil.which("psql") or "psql"
        argv = [psql, "-X", "-q", "-A", "-t", "-h", self.folder, "-p", self.port,
                "-U", "postgres", "-d", "postgres"] + arguments
        return subprocess.run(argv, capture_output=True, text=True, input=stdin)

    def stop(self):
        try:
            self.server(["pg_ctl", "-D", self.data, "-m", "immediate", "stop"])
        except Exception:
            pass
        shutil.rmtree(self.folder, ignore_errors=True)


def run_postgresql(cluster, paths):
    """Runs every script in one psql session, each in a schema of its own, then reads every
    table back in a second one; a script's error is told by the file psql names with it."""
    driver = ["SET client_min_messages = warning;"]
    for number, path in enumerate(paths):
        schema = f"valley_script_{number}"
        driver += [
            f"CREATE SCHEMA {schema};",
            f"SET search_path TO {schema};",
            f"SELECT 'start {number} ' || extract(epoch from clock_timestamp());",
            "\\i " + path,
            f"SELECT 'end {number} ' || extract(epoch from clock_timestamp());",
            f"SELECT 'catalogue {number} ' || json_build_array("
            f"(SELECT json_agg(json_build_array(predicate, table_name, arity)) FROM {schema}.valley_predicates), "
            f"(SELECT json_agg(json_build_array(predicate, position, encoding, part, sql_column)) "
            f"FROM {schema}.valley_columns));",
        ]
    result = cluster.psql(["-v", "ON_ERROR_STOP=0"], stdin="\n".join(driver) + "\n")
    errors = {}
    for line in result.stderr.splitlines():
        for number, path in enumerate(paths):
            if line.startswith(f"psql:{path}:") and number not in errors:
                errors[number] = line[len(f"psql:{path}:"):].split(":", 1)[-1].strip()
    started, ended, catalogues = {}, {}, {}
    for line in result.stdout.splitlines():
        word, _, rest = line.partition(" ")
        number, _, value = rest.partition(" ")
        if word in ("start", "end", "catalogue") and number.isdigit():
            {"start": started, "end": ended, "catalogue": catalogues}[word][int(number)] = value
    queries, order, cats = [], [], {}
    for number, path in enumerate(paths):
        if number in errors or number not in catalogues:
            continue
        predicates, columns = json.loads(catalogues[number])
        cat = catalogue(predicates or [], columns or [])
        cats[number] = cat
        for name, (table, arity, layout) in cat.items():
            sql = ["valley_true"] if arity == 0 else [c for _, parts in layout for c in parts.values()]
            queries.append(f"SELECT json_build_array({len(order)}, json_agg(json_build_array("
                           + ", ".join(f"t.{quote(c)}" for c in sql)
                           + f"))) FROM valley_script_{number}.{quote(table)} AS t;")
            order.append((number, table, sql))
    dump = cluster.psql([], stdin="\n".join(queries) + "\n") if queries else None
    rows_by_table = {}
    if dump is not None:
        for line in dump.stdout.splitlines():
            if line.strip():
                index, rows = json.loads(line)
                number, table, sql = order[index]
                rows_by_table[(number, table)] = (sql, rows or [])
    results = []
    for number, path in enumerate(paths):
        if number in errors:
            results.append({"script": path, "error": errors[number]})
            continue
        if number not in cats:
            results.append({"script": path, "error": (result.stderr + (dump.stderr if dump else "")).strip()
                            or "the script left no catalogue"})
            continue

        def fetch(table, wanted, number=number):
            sql, rows = rows_by_table.get((number, table), ([], []))
            positions = [sql.index(c) for c in wanted]
            return [[row[p] for p in positions] for row in rows]

        results.append({"script": path, "seconds": float(ended[number]) - float(started[number]),
                        "tables": read_tables(cats[number], fetch)})
    return results


# ---------------------------------------------------------------- Soufflé


def run_souffle(souffle, path):
    """Runs a program from `valley export --to souffle` with Soufflé's interpreter and reads
    its outputs (one tab-separated file per predicate) by the program's declarations."""
    import re

    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    declarations = re.findall(r'^// predicate (".*")\n\.decl (\w+)\((.*)\)$', text, re.M)
    out = tempfile.mkdtemp(prefix="valley-souffle-")
    try:
        start = time.perf_counter()
        run = subprocess.run([souffle, "-D", out, path], capture_output=True, text=True)
        seconds = time.perf_counter() - start
        if run.returncode != 0 or "Error" in run.stderr:  # warnings (singletons) are no failure
            return {"script": path, "error": (run.stderr or run.stdout).strip() or f"souffle exited with {run.returncode}"}
        tables = {}
        for name_json, relation, attributes in declarations:
            types = [a.split(":")[1].strip() for a in attributes.split(",")] if attributes.strip() else []
            try:
                with open(os.path.join(out, relation + ".csv"), encoding="utf-8") as handle:
                    lines = handle.read().splitlines()
            except FileNotFoundError:
                lines = []
            rows = []
            for line in lines:
                if not types:
                    rows.append([])
                    continue
                fields = line.split("\t")
                row = []
                for kind, field in zip(types, fields):
                    if kind == "number":
                        row.append(["i", str(int(field))])
                    elif kind == "float":
                        row.append(["d", repr(float(field))])
                    else:
                        row.append(["s", field])
                rows.append(row)
            tables[json.loads(name_json)] = rows[:1] if not types else rows
        return {"script": path, "seconds": seconds, "tables": tables}
    finally:
        shutil.rmtree(out, ignore_errors=True)


# ---------------------------------------------------------------- main


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engine", required=True, choices=["sqlite", "duckdb", "postgresql", "souffle"])
    parser.add_argument("--souffle", default=os.environ.get("SOUFFLE") or "souffle",
                        help="Soufflé's program (default: $SOUFFLE, else souffle on PATH)")
    parser.add_argument("--pg-bin", help="the folder of PostgreSQL's initdb and pg_ctl")
    parser.add_argument("--compare", action="store_true",
                        help="compare with SCRIPT.expected.json instead of printing the tables")
    parser.add_argument("scripts", nargs="+")
    options = parser.parse_args()

    def report(result):
        if options.compare and "tables" in result:
            stem = os.path.splitext(result["script"])[0]
            with open(stem + ".expected.json", encoding="utf-8") as handle:
                expected = json.load(handle)
            result["differences"] = differences(expected, result.pop("tables"))
        print(json.dumps(result), flush=True)

    if options.engine == "postgresql":
        bindir = postgres_bin(options.pg_bin)
        if bindir is None:
            sys.exit("export_run.py: PostgreSQL's server programs (initdb, pg_ctl) are not installed")
        cluster = Cluster(bindir)
        try:
            for result in run_postgresql(cluster, [os.path.abspath(p) for p in options.scripts]):
                report(result)
        finally:
            cluster.stop()
        return
    if options.engine == "souffle":
        for path in options.scripts:
            report(run_souffle(options.souffle, path))
        return
    run = run_sqlite if options.engine == "sqlite" else run_duckdb
    for path in options.scripts:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        report(run(path, text))


if __name__ == "__main__":
    main()
