#!/usr/bin/env bash
# bench/coldstart.sh: the function's cold start side by side with its peers, in one run.
#
# Runs the shared cold-start harness (../shared/bench/coldstart/run.sh project: AWS's Lambda Java
# runtime client, Lambda's JVM flags, one-task HeadObject event against `./s3batch s3 serve`) on
# the built lambda jar, alternating with the naive function and with the empty-handler floor,
# then prints the medians (wall and CPU), the ratios, the goals, and the lambda jar's size.
#
# Usage, from the project root after `mvn -B -DskipTests package`:
#   bench/coldstart.sh [RUNS]          RUNS alternated pairs per peer (default 9)
# Environment: S3BATCH_SHARED_BENCH = the shared bench directory (default ../shared/bench).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-9}"
shared="${S3BATCH_SHARED_BENCH:-../shared/bench}"
[ -x "$shared/coldstart/run.sh" ] || { echo "coldstart.sh: no $shared/coldstart/run.sh (set S3BATCH_SHARED_BENCH)" >&2; exit 1; }
jar=$(ls handler/target/s3batch-handler-*-lambda.jar 2>/dev/null | head -n 1)
[ -n "$jar" ] || { echo "coldstart.sh: no handler/target/s3batch-handler-*-lambda.jar: run mvn -B -DskipTests package" >&2; exit 1; }

log=$(mktemp); trap 'rm -f "$log"' EXIT
"$shared/coldstart/run.sh" project --runs "$runs" | tee "$log"

# summary: A=ours B=naive pairs=9 median_ratio=0.866 median_A_total_ms=... median_B_total_ms=... median_init_ratio=... median_cpu_ratio=...
field() { grep "^summary: A=ours B=$1 " "$log" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
# per-run rows: "N  A-total B-total A/B A-init B-init A-cpu B-cpu cpuA/B"; the cpu medians are on the "median" row.
cpu() { awk -v peer="$1" -v col="$2" '/^=== ours vs /{cur=$4} /^median /{if (cur==peer) print $col}' "$log"; }
echo
echo "=== cold start, spawn to first result (medians of $runs alternated pairs; machine shared: see load)"
printf "%-8s %10s %10s %8s %9s %9s %8s\n" peer "ours ms" "peer ms" "wall" "ours cpu" "peer cpu" "cpu"
for peer in naive floor; do
  printf "%-8s %10s %10s %7sx %9s %9s %7sx\n" "$peer" "$(field "$peer" median_A_total_ms)" "$(field "$peer" median_B_total_ms)" \
    "$(field "$peer" median_ratio)" "$(cpu "$peer" 7)" "$(cpu "$peer" 8)" "$(field "$peer" median_cpu_ratio)"
done
echo "goal: at most 0.5x naive and 2.5x floor, wall and CPU"
printf "lambda jar: %s, %.1f MB (goal: at most 8 MB)\n" "$jar" "$(echo "$(stat -c %s "$jar") / 1000000" | bc -l)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
