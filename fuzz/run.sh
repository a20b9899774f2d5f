#!/usr/bin/env bash
# Fuzzes Valley with libFuzzer and address sanitizer. Not part of CI.
#
#   fuzz/run.sh SECONDS [TARGET...]      targets: script knowledge (default: both, one after the other)
#
# Builds the targets (fuzz/build.sh), seeds each working corpus fuzz/out/corpus/TARGET from
# Tests/Golden, Knowledge, Queries and fuzz/seeds, and runs each target for SECONDS: the first
# two thirds with libFuzzer's default input sizes, the last third with inputs up to 100 kB
# (deep nesting and long lines). Crashes, leaks and timeouts go to fuzz/out/crashes/TARGET/;
# reproduce one with   fuzz/out/bin/fuzz-TARGET fuzz/out/crashes/TARGET/crash-...
# Exit status: 0 when no target crashed, 1 otherwise.
#
# Environment: FUZZ_NO_BUILD=1 reuses the built binaries; FUZZ_JOBS=N runs N processes per
# target (default 1; the machine may be shared); FUZZ_OPT=-Onone builds without optimisation
# (see build.sh); FUZZ_KEEP_GOING=1 keeps fuzzing after a crash (libFuzzer's fork mode), to
# find more than one.
set -uo pipefail
cd "$(dirname "$0")/.."

seconds=${1:?usage: fuzz/run.sh SECONDS [TARGET...]}
shift
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(script knowledge)
jobs=${FUZZ_JOBS:-1}
# Swift's own crash backtracer hangs when it runs inside a libFuzzer process; libFuzzer and
# address sanitizer print the stack instead.
export SWIFT_BACKTRACE=enable=no

if [ "${FUZZ_NO_BUILD:-0}" != 1 ]; then
  fuzz/build.sh "${targets[@]}" || exit 2
fi

status=0
summary=""
for target in "${targets[@]}"; do
  binary=fuzz/out/bin/fuzz-$target
  corpus=fuzz/out/corpus/$target
  crashes=fuzz/out/crashes/$target
  logs=fuzz/out/logs/$target
  mkdir -p "$corpus" "$crashes" "$logs"
  for seed in Tests/Golden/*.q Tests/Golden/files/*.kb Knowledge/*.kb Queries/*.q \
    Queries/exercises/*.q Queries/exercises/*.kb fuzz/seeds/*; do
    [ -f "$seed" ] && cp "$seed" "$corpus/seed-$(basename "$seed")"
  done
  parallel=""
  [ "$jobs" -le 1 ] || parallel="-jobs=$jobs -workers=$jobs"
  if [ "${FUZZ_KEEP_GOING:-0}" = 1 ]; then
    parallel="-fork=$jobs -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1"
  fi
  before=$(find "$crashes" -type f | wc -l)
  first=$(( seconds * 2 / 3 ))
  second=$(( seconds - first ))
  executions=0
  phase=0
  for spec in "$first:" "$second:-max_len=100000"; do
    phase=$((phase + 1))
    time=${spec%%:*}
    extra=${spec#*:}
    [ "$time" -gt 0 ] || continue
    log=$logs/run-$(date +%Y%m%d-%H%M%S)-$phase.log
    echo "fuzzing $target for ${time}s ${extra:+($extra) }-> $log" >&2
    # -rss_limit_mb: the knowledge base of one input may grow to the 10,000-fact budget;
    # more than 2 GB means a leak or runaway growth.
    # shellcheck disable=SC2086
    "$binary" "$corpus" -dict=fuzz/valley.dict -max_total_time="$time" -timeout=30 \
      -rss_limit_mb=2048 -artifact_prefix="$crashes/" -print_final_stats=1 \
      $parallel $extra >"$log" 2>&1
    code=$?
    # With -jobs, libFuzzer writes each worker's output to fuzz-N.log in the current folder.
    for worker in fuzz-*.log; do [ -f "$worker" ] && cat "$worker" >>"$log" && rm -f "$worker"; done
    runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | awk '{s += $1} END {print s + 0}')
    executions=$(( executions + ${runs:-0} ))
    if [ $code -ne 0 ]; then
      echo "fuzz-$target stopped with status $code; see $log" >&2
      status=1
    fi
  done
  after=$(find "$crashes" -type f | wc -l)
  new=$(( after - before ))
  [ $new -eq 0 ] || status=1
  summary+="$target: ${seconds}s, $executions executions, $new new crash file(s) in $crashes, corpus $(find "$corpus" -type f | wc -l) inputs"$'\n'
done
printf '%s' "$summary" >&2
exit $status
