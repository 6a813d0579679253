#!/usr/bin/env bash
# The soak run at a size too big for the test suite: `job run-local` jobs of copy and move under
# 20% injected faults, then every must-hold checked (SoakE2ETest, the same test the suite runs
# with 500 tasks in-process and 100 through `lambda serve`).
#
# usage (from the project root):
#   bench/soak.sh [TASKS] [SEED] [FUNCTION_TASKS]     (default: 10000 13 100)
#
# Runs `mvn -B -o verify -Dtest=SoakE2ETest -Ds3batch.soak.tasks=TASKS` (the reactor is built
# first, offline) and prints the test's figures, once for the in-process run (TASKS) and once for
# the run through `lambda serve` (`run-local --function`, FUNCTION_TASKS): tasks, requests through
# the fault proxy, faults injected by kind, the two jobs' summaries, tasks redriven, "already
# copied" finds, the reruns from the retry manifests, rows and objects checked, and the test JVM's
# CPU seconds beside the wall time (the machine may be shared; the environments of `lambda serve`
# are processes of their own, not counted). Exit code: the test's (0 when every must-hold held).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
tasks="${1:-10000}"
seed="${2:-13}"
function_tasks="${3:-100}"
case "$tasks" in -h|--help) sed -n '2,15p' "$0"; exit 0 ;; esac
[[ "$tasks" =~ ^[0-9]+$ && "$seed" =~ ^-?[0-9]+$ && "$function_tasks" =~ ^[0-9]+$ ]] || {
  echo "soak.sh: give TASKS, SEED and FUNCTION_TASKS as numbers (see --help)" >&2; exit 2; }
figures="$(mktemp "${TMPDIR:-/tmp}/s3batch-soak-XXXXXX.txt")"
trap 'rm -f "$figures"' EXIT
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
start=$(date +%s.%N)
status=0
(cd "$root" && mvn -B -q -o verify -Dtest=SoakE2ETest -Dsurefire.failIfNoSpecifiedTests=false \
  -Ds3batch.soak.tasks="$tasks" -Ds3batch.soak.functionTasks="$function_tasks" -Ds3batch.soak.seed="$seed" \
  -Ds3batch.soak.figures="$figures") >"$figures.log" 2>&1 || status=$?
end=$(date +%s.%N)
if [ -s "$figures" ]; then cat "$figures"; else echo "no figures: the test failed before it reported (log below)"; fi
[ "$status" -eq 0 ] || tail -60 "$figures.log"
rm -f "$figures.log"
awk -v s="$start" -v e="$end" 'BEGIN {printf "mvn verify in all (build included): %.0f s wall\n", e - s}'
exit "$status"
