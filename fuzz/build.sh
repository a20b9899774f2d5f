#!/usr/bin/env bash
# Builds Valley's libFuzzer targets with address sanitizer: fuzz/out/bin/fuzz-<target>.
#
#   fuzz/build.sh [TARGET...]      targets: script knowledge (default: both)
#
# FUZZ_OPT=-Onone builds without optimisation: stack frames then are as large as in the debug
# build that `swift run valley` runs (plus address sanitizer's red zones), which finds deep
# recursion that only overflows there. Default: -O (several times more executions per second).
#
# Each binary is one module named ValleyEngine: every Sources/ValleyEngine file plus
# fuzz/FuzzSupport.swift and fuzz/<Target>Target.swift, so the targets may use internal API.
set -euo pipefail
cd "$(dirname "$0")/.."

targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(script knowledge)

mkdir -p fuzz/out/bin
# Compile a snapshot, so that edits made while the build runs cannot break it.
rm -rf fuzz/out/src && mkdir -p fuzz/out/src
cp -R Sources/ValleyEngine fuzz/out/src/ValleyEngine
cp fuzz/FuzzSupport.swift fuzz/ScriptTarget.swift fuzz/KnowledgeTarget.swift fuzz/out/src/
mapfile -t engine < <(find fuzz/out/src/ValleyEngine -name '*.swift' | sort)
for target in "${targets[@]}"; do
  case "$target" in
    script) file=fuzz/out/src/ScriptTarget.swift ;;
    knowledge) file=fuzz/out/src/KnowledgeTarget.swift ;;
    *) echo "unknown fuzz target '$target' (script, knowledge)" >&2; exit 2 ;;
  esac
  echo "building fuzz/out/bin/fuzz-$target" >&2
  # ld.gold warns that it cannot export ASan's local helper symbols; the warnings are harmless.
  swiftc -sanitize=fuzzer,address -parse-as-library "${FUZZ_OPT:--O}" -g \
    -module-name ValleyEngine -swift-version 6 \
    "${engine[@]}" fuzz/out/src/FuzzSupport.swift "$file" \
    -o "fuzz/out/bin/fuzz-$target" 2>&1 | { grep -v "Cannot export local symbol" || true; } >&2
  test -x "fuzz/out/bin/fuzz-$target"
done
