#!/usr/bin/env bash
# `s3batch report review` end to end on a big report, side by side with the Python peer, in one run.
#
# usage (from the project root, after `mvn -B -q -DskipTests package`):
#   bench/report-review.sh [--runs N] [MB]          (default: --runs 5 1000)
#
# Makes a real report once (cached in $BENCH_DIR): `./s3batch s3 serve` with examples/photos,
# `./s3batch job run-local --action head` on 100 tasks (80 objects that exist, 20 missing keys with
# spaces, commas, quotes, `+` and non-ASCII), then scales it to about MB megabytes with the peer's
# scale_report.py (distinct keys, MD5s recomputed). Then runs `./s3batch report review REPORT` and
# `python3 report_review.py REPORT` alternately N times each, checks that both count the same tasks,
# failed tasks and MD5 verdict, and prints every run and the medians: wall and CPU (user+sys) seconds,
# MB/s, peak RSS, and the ratio peer/s3batch. First, the median of N reviews of the 100-task report:
# the JVM and CLI start-up inside every figure.
#
# Environment: S3BATCH_JAVA_OPTS is passed to the JVM as by ./s3batch; PEERS (default
# ../shared/bench/peers) holds scale_report.py and report_review.py; BENCH_DIR (default
# ${TMPDIR:-/tmp}/s3batch-review-bench) holds the reports.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
peers="${PEERS:-$root/../shared/bench/peers}"
dir="${BENCH_DIR:-${TMPDIR:-/tmp}/s3batch-review-bench}"
runs=5
mb=1000
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    [0-9]*) mb="$1"; shift ;;
    *) echo "report-review.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
for f in scale_report.py report_review.py; do
  [ -f "$peers/$f" ] || { echo "report-review.sh: no $peers/$f (set PEERS)" >&2; exit 2; }
done
[ -f "$root/manifest-tools/target/s3batch.jar" ] || { echo "report-review.sh: build first: mvn -B -q -DskipTests package" >&2; exit 2; }
mkdir -p "$dir"
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1

small=$(ls -d "$dir"/small/job-* 2>/dev/null | head -1 || true)
if [ -z "$small" ]; then
  echo "making a 100-task report with job run-local against ./s3batch s3 serve ..."
  rm -rf "$dir/small"
  (cd "$root" && exec ./s3batch s3 serve --port 0 --bucket photos=examples/photos) >"$dir/s3.log" 2>&1 &
  server=$!
  trap 'kill $server 2>/dev/null || true' EXIT
  until grep -qs 'S3 server on' "$dir/s3.log"; do kill -0 $server || { cat "$dir/s3.log" >&2; exit 1; }; sleep 0.5; done
  endpoint=$(grep -o 'http://127.0.0.1:[0-9]*' "$dir/s3.log" | head -1)
  python3 - >"$dir/manifest.csv" <<'PY'
import urllib.parse
keys = ["summer/beach day+1.jpg", "summer/pier, dusk.jpg", "notes/café menu.txt", "notes/readme 100%.txt"]
for i in range(20):
    for k in keys:
        print("photos," + urllib.parse.quote(k, safe="/"))
for i in range(20):
    print("photos," + urllib.parse.quote('missing/gone %d, "quoted" ünï+.jpg' % i, safe="/"))
PY
  (cd "$root" && ./s3batch job run-local --manifest "$dir/manifest.csv" --report "$dir/small/" --action head \
      --endpoint-url "$endpoint" --progress-every 0) || [ $? -eq 3 ]
  kill $server
  wait $server 2>/dev/null || true
  trap - EXIT
  small=$(ls -d "$dir"/small/job-* | head -1)
fi
job=$(basename "$small")
big="$dir/big-$mb/$job"
if [ ! -f "$big/manifest.json" ]; then
  base=$(cat "$small"/results/*.csv | wc -c)
  copies=$(( (mb * 1000000 + base - 1) / base ))
  echo "scaling it to about $mb MB ($copies copies) with scale_report.py ..."
  python3 "$peers/scale_report.py" "$small" "$copies" "$dir/big-$mb" >/dev/null
fi
bytes=$(cat "$big"/results/*.csv | wc -c)

# one timed run: prints "wall user sys maxrss_kb"; exit 3 (failed tasks) is the expected verdict
timed() {
  local t="$dir/time.txt"
  /usr/bin/time -o "$t" -f '%e %U %S %M' "$@" >"$dir/out.txt" 2>"$dir/stderr.txt" || {
    grep -q 'non-zero status 3' "$t" || { cat "$dir/stderr.txt" >&2; exit 1; }
  }
  tail -1 "$t"
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
verdict() { # tasks, failed tasks, MD5 verdict, from either side's output
  grep -m1 '^Tasks:' "$dir/out.txt" | sed -E 's/,? succeeded: [0-9]+//; s/, MD5 .*//'
  grep -q 'MD5 ok' "$dir/out.txt" && echo "MD5 ok" || echo "MD5 NOT ok"
}

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo "S3BATCH_JAVA_OPTS=${S3BATCH_JAVA_OPTS:-}"
: >"$dir/start.txt"
for i in $(seq 1 "$runs"); do
  (cd "$root" && timed ./s3batch report review "$small") >>"$dir/start.txt"
done
awk '{print $1}' "$dir/start.txt" | median | awk '{printf "start-up floor (review of the 100-task report, median): %.2f s wall", $1}'
awk '{print $2 + $3}' "$dir/start.txt" | median | awk '{printf ", %.2f s CPU\n", $1}'
echo
echo "== report of $bytes bytes ($(ls "$big"/results | wc -l) result files): $big"
printf '%-8s %3s %8s %8s %8s %8s %8s %9s\n' side run wall user sys cpu MB/s rss_MB
: >"$dir/s3batch.txt"; : >"$dir/peer.txt"
for i in $(seq 1 "$runs"); do
  for side in s3batch python; do
    if [ "$side" = s3batch ]; then
      r=$(cd "$root" && timed ./s3batch report review "$big")
    else
      r=$(timed python3 "$peers/report_review.py" "$big")
    fi
    v=$(verdict)
    if [ "$side" = s3batch ]; then ours="$v"; echo "$r" >>"$dir/s3batch.txt"; else echo "$r" >>"$dir/peer.txt"
      [ "$v" = "$ours" ] || { echo "the two sides DIFFER: s3batch '$ours', python '$v'" >&2; exit 1; }
    fi
    read -r w u s m <<<"$r"
    awk -v w="$w" -v u="$u" -v s="$s" -v m="$m" -v b="$bytes" -v i="$i" -v side="$side" \
      'BEGIN {printf "%-8s %3d %8.2f %8.2f %8.2f %8.2f %8.0f %9.0f\n", side, i, w, u, s, u+s, b/1e6/w, m/1024}'
  done
done
echo "both sides: $(echo "$ours" | tr '\n' ' ')"
for side in s3batch python; do
  w=$(cut -d' ' -f1 "$dir/$([ $side = s3batch ] && echo s3batch || echo peer).txt" | median)
  c=$(awk '{print $2 + $3}' "$dir/$([ $side = s3batch ] && echo s3batch || echo peer).txt" | median)
  m=$(cut -d' ' -f4 "$dir/$([ $side = s3batch ] && echo s3batch || echo peer).txt" | median)
  awk -v w="$w" -v c="$c" -v m="$m" -v b="$bytes" -v side="$side" \
    'BEGIN {printf "median %-8s %.2f s wall, %.2f s CPU, %.0f MB/s, peak RSS %.0f MB\n", side ":", w, c, b/1e6/w, m/1024}'
  eval "${side}_w=$w ${side}_c=$c"
done
awk -v sw="$s3batch_w" -v sc="$s3batch_c" -v pw="$python_w" -v pc="$python_c" \
  'BEGIN {printf "ratio python/s3batch: %.1fx wall, %.1fx CPU (goal: 300 MB/s, 10x)\n", pw/sw, pc/sc}'
