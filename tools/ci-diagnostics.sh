#!/usr/bin/env bash
# After a failed test run: what the failing tests and the e2e platform's processes logged, so that a red CI run can
# be explained from its own output (the report files stay on the CI machine). Then the failures again, last, where
# a reader of the log's tail looks first. Usage: tools/ci-diagnostics.sh <maven log>
set -uo pipefail
cd "$(dirname "$0")/.."
maven_log="${1:-}"

echo
echo "=================== ci-diagnostics: the failing tests' own output ==================="
for report in */target/failsafe-reports/*.txt */target/surefire-reports/*.txt; do
  [ -f "$report" ] || continue
  grep -qE "FAILURE!|ERROR!" "$report" || continue
  class=$(basename "$report" .txt)
  dir=$(dirname "$report")
  echo "--- $report"
  grep -E "<<< (FAILURE|ERROR)!" -A3 "$report" | head -20
  if [ -f "$dir/$class-output.txt" ]; then
    echo "--- $dir/$class-output.txt (last 60 lines)"
    tail -n 60 "$dir/$class-output.txt" | cut -c1-400
  fi
done

logs=e2e-tests/target/e2e-logs
if [ -d "$logs" ] && grep -qlE "FAILURE!|ERROR!" e2e-tests/target/failsafe-reports/*.txt 2>/dev/null; then
  echo
  echo "=================== ci-diagnostics: e2e processes, last warnings and errors ==================="
  for log in "$logs"/*.log; do
    echo "--- $log (last 25 WARN/ERROR lines; the broker going away at the end is expected)"
    grep -E " (WARN|ERROR) " "$log" | tail -n 25 | cut -c1-400
  done
fi

if [ -n "$maven_log" ] && [ -f "$maven_log" ]; then
  echo
  echo "=================== ci-diagnostics: the failures again ==================="
  grep -E "^\[ERROR\] (Tests run:|Failures:|Errors:|  [A-Za-z])" "$maven_log" | cut -c1-600 | tail -n 40
fi
