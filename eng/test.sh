#!/usr/bin/env bash
# Sets up everything run.sh does, then runs every test project against the real PostgreSQL and RabbitMQ (and smtp4dev).
# Ends with one line "N passed, N failed" (summed over all test projects). Extra arguments go to dotnet test.
source "$(dirname "${BASH_SOURCE[0]}")/test-env.sh"
results="$DSAR_LOCAL/test-results"
rm -rf "$results"; mkdir -p "$results"

say "building"
if ! dotnet build "$DSAR_ROOT/DsarEngine.sln" -c Release -nologo -v q; then
  echo "0 passed, 1 failed"; exit 1
fi

passed=0; failed=0; status=0
for project in "$DSAR_ROOT"/tests/*.Tests/*.csproj; do
  name=$(basename "$project" .csproj)
  say "testing $name"
  dotnet test "$project" -c Release --no-build -nologo --logger "trx;LogFileName=$name.trx" \
    --results-directory "$results" "$@" 2>&1 | tee "$results/$name.log" | grep -vE '^\s*$' | tail -n 25
  rc=${PIPESTATUS[0]}
  [ "$rc" -eq 0 ] || status=1
  summary=$(grep -oE '<Counters [^>]*>' "$results/$name.trx" 2>/dev/null | head -n 1)
  p=$(sed -nE 's/.* passed="([0-9]+)".*/\1/p' <<<"$summary"); f=$(sed -nE 's/.* failed="([0-9]+)".*/\1/p' <<<"$summary")
  if [ -z "$summary" ]; then f=1; p=0; status=1; say "$name produced no results"; fi
  # A run that aborted (a crashed test host: a stack overflow, an OOM kill) reports the tests it finished as passed and
  # none failed: the tests it never ran are counted as one failure, so the last line cannot say all is well.
  if [ "$rc" -ne 0 ] && [ "${f:-0}" -eq 0 ]; then f=1; say "$name exited with $rc without a failed test (the run aborted): counted as 1 failed"; fi
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
echo "$passed passed, $failed failed"
exit $status
