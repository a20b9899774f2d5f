#!/usr/bin/env bash
# The long differential run: thousands of random programs over the whole language, each
# loaded, asserted, queried, changed and explained, against the plain reference evaluator of
# the tests (Tests/ValleyEngineTests/Support/ReferenceEvaluator.swift); then, when SWI-Prolog
# is installed (or --swi is given, which installs it), the same programs against SWI-Prolog
# as a second oracle (scripts/swi_oracle.py).
#
#   scripts/differential.sh [--programs N] [--first SEED] [--swi]
#
# Defaults: 3000 programs from seed 1000. Run it before resolving any change to planning,
# evaluation or the store. It prints one closing line per oracle.
set -euo pipefail
cd "$(dirname "$0")/.."

programs=3000
first=1000
swi=auto
while [ $# -gt 0 ]; do
  case "$1" in
    --programs) programs="$2"; shift 2 ;;
    --first) first="$2"; shift 2 ;;
    --swi) swi=yes; shift ;;
    --no-swi) swi=no; shift ;;
    *) echo "usage: $0 [--programs N] [--first SEED] [--swi|--no-swi]" >&2; exit 2 ;;
  esac
done

dump=""
if [ "$swi" = yes ] || { [ "$swi" = auto ] && command -v swipl >/dev/null 2>&1; }; then
  dump=$(mktemp -d)
  trap 'rm -rf "$dump"' EXIT
fi

log=$(mktemp)
status=0
VALLEY_DIFFERENTIAL_PROGRAMS="$programs" VALLEY_DIFFERENTIAL_FIRST="$first" \
  VALLEY_DIFFERENTIAL_DUMP="$dump" \
  swift test --filter DifferentialLongRun >"$log" 2>&1 || status=$?
failed=$({ grep -o 'programAgreesWithTheReference(seed:) recorded an issue with 1 argument seed → [0-9]*' "$log" || true; } | sort -u | wc -l)
grep -A30 'recorded an issue' "$log" | head -200 || true
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  tail -40 "$log"
  echo "differential: the test run failed (status $status) before it could count"
  exit 1
fi
echo "reference: $((programs - failed)) passed, $failed failed"
rm -f "$log"

if [ -n "$dump" ]; then
  python3 scripts/swi_oracle.py "$dump" || status=1
fi
exit "$status"
