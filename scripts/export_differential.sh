#!/usr/bin/env bash
# The long differential run of `valley export`: thousands of random programs over the whole
# language, each exported to SQLite, DuckDB and PostgreSQL (and Soufflé when SOUFFLE names
# one built with 64-bit values), run on the real engine (scripts/export_run.py) and compared,
# predicate by predicate, with Valley's model (Tests/ValleyExportTests/ExportDifferentialLongRun.swift).
#
#   scripts/export_differential.sh [--programs N] [--first SEED] [--engines sqlite,duckdb,postgresql,souffle]
#
# Defaults: 2000 programs from seed 10000, every engine available. It prints one closing line
# per engine, and the first differences when there are any.
set -euo pipefail
cd "$(dirname "$0")/.."

programs=2000
first=10000
engines=""
while [ $# -gt 0 ]; do
  case "$1" in
    --programs) programs="$2"; shift 2 ;;
    --first) first="$2"; shift 2 ;;
    --engines) engines="$2"; shift 2 ;;
    *) echo "usage: $0 [--programs N] [--first SEED] [--engines LIST]" >&2; exit 2 ;;
  esac
done

log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
VALLEY_EXPORT_PROGRAMS="$programs" VALLEY_EXPORT_FIRST="$first" VALLEY_EXPORT_ENGINES="$engines" \
  swift test --filter ExportDifferentialLongRun >"$log" 2>&1 || status=$?
grep -A12 'recorded an issue' "$log" | head -120 || true
if ! grep -q '^export differential:' "$log"; then
  tail -40 "$log"
  echo "export differential: the test run failed (status $status) before it could count"
  exit 1
fi
grep '^export differential:' "$log"
exit "$status"
