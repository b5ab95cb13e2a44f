#!/usr/bin/env bash
# The fault suites in full (docs/testing.md, "Faults"): the same set-up as test.sh, then only the tests of category
# Faults, with DSAR_FAULTS=full (the test command runs their short versions). Ends with "N passed, N failed".
# Extra arguments go to dotnet test, for example eng/faults.sh --filter "Category=Faults&FullyQualifiedName~NodeKill".
source "$(dirname "${BASH_SOURCE[0]}")/test-env.sh"
export DSAR_FAULTS=full
results="$DSAR_LOCAL/fault-results"
rm -rf "$results"; mkdir -p "$results"
project="$DSAR_ROOT/tests/DsarEngine.Server.Tests/DsarEngine.Server.Tests.csproj"

say "building"
if ! dotnet build "$project" -c Release -nologo -v q; then
  echo "0 passed, 1 failed"; exit 1
fi

filter="Category=Faults"
[ "$#" -gt 0 ] && [ "$1" = "--filter" ] && { filter="$2"; shift 2; }
say "running the fault suites in full (DSAR_FAULTS=full, filter $filter)"
# Detailed console output: the suites print what they measured (kills, takeover time, throughput per node count).
dotnet test "$project" -c Release --no-build -nologo --filter "$filter" --logger "trx;LogFileName=faults.trx" \
  --logger "console;verbosity=detailed" --results-directory "$results" "$@" 2>&1 | tee "$results/faults.log" \
  | grep -vE '^\s*$' | tail -n 60
rc=${PIPESTATUS[0]}
summary=$(grep -oE '<Counters [^>]*>' "$results/faults.trx" 2>/dev/null | head -n 1)
passed=$(sed -nE 's/.* passed="([0-9]+)".*/\1/p' <<<"$summary"); failed=$(sed -nE 's/.* failed="([0-9]+)".*/\1/p' <<<"$summary")
if [ -z "$summary" ]; then passed=0; failed=1; say "the run produced no results"; fi
# An aborted run (a crashed test host) reports what it finished as passed: count it as one failure.
if [ "$rc" -ne 0 ] && [ "${failed:-0}" -eq 0 ]; then failed=1; say "dotnet test exited with $rc without a failed test: counted as 1 failed"; fi
echo "${passed:-0} passed, ${failed:-0} failed"
[ "$rc" -eq 0 ]
