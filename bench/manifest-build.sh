#!/usr/bin/env bash
# `s3batch manifest build --keys` end to end, side by side with the Python peer, in one run.
#
# usage (from the project root, after `mvn -B -q -DskipTests package`):
#   bench/manifest-build.sh [--runs N] [--peer-max COUNT] [COUNT ...]     (default: --runs 3 1000000 10000000)
#
# For each COUNT: generates COUNT keys with the peer's genkeys.py (seeded, once, cached in $BENCH_DIR),
# then runs `./s3batch manifest build --keys KEYS --bucket my-bucket -o OUT` and
# `python3 manifest_build.py my-bucket KEYS OUT` alternately N times each (the output file deleted
# before every run, outside the timing), checks that the two outputs are byte-identical, and prints
# every run and the medians: wall and CPU (user+sys) seconds, keys/s, peak RSS, and the ratio
# peer/s3batch. The peer is skipped above --peer-max keys (default 1000000: it needs about 50 s per
# run on 10 M keys); s3batch's output is still compared with a single peer run at those sizes
# unless --no-check. First, the median of N 3-key builds: the JVM and CLI start-up inside every figure.
#
# Environment: S3BATCH_JAVA_OPTS is passed to the JVM as by ./s3batch; PEERS (default
# ../shared/bench/peers) holds genkeys.py and manifest_build.py; BENCH_DIR (default
# ${TMPDIR:-/tmp}/s3batch-manifest-bench) holds the keys and the outputs.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
peers="${PEERS:-$root/../shared/bench/peers}"
dir="${BENCH_DIR:-${TMPDIR:-/tmp}/s3batch-manifest-bench}"
runs=3
peer_max=1000000
check=1
counts=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --peer-max) peer_max="$2"; shift 2 ;;
    --no-check) check=0; shift ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    [0-9]*) counts+=("$1"); shift ;;
    *) echo "manifest-build.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ ${#counts[@]} -gt 0 ] || counts=(1000000 10000000)
for f in genkeys.py manifest_build.py; do
  [ -f "$peers/$f" ] || { echo "manifest-build.sh: no $peers/$f (set PEERS)" >&2; exit 2; }
done
[ -f "$root/manifest-tools/target/s3batch.jar" ] || { echo "manifest-build.sh: build first: mvn -B -q -DskipTests package" >&2; exit 2; }
mkdir -p "$dir"

# one timed run: prints "wall user sys maxrss_kb"
timed() {
  local t="$dir/time.txt"
  /usr/bin/time -o "$t" -f '%e %U %S %M' "$@" >/dev/null 2>"$dir/stderr.txt" || { cat "$dir/stderr.txt" >&2; exit 1; }
  cat "$t"
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo "S3BATCH_JAVA_OPTS=${S3BATCH_JAVA_OPTS:-}"
printf 'a\nb\nc\n' >"$dir/keys-3.txt"
: >"$dir/start.txt"
for i in $(seq 1 "$runs"); do
  rm -f "$dir/out-3.csv"
  (cd "$root" && timed ./s3batch manifest build --keys "$dir/keys-3.txt" --bucket my-bucket -o "$dir/out-3.csv") >>"$dir/start.txt"
done
awk '{print $1}' "$dir/start.txt" | median | awk '{printf "start-up floor (3-key build, median): %.2f s wall", $1}'
awk '{print $2 + $3}' "$dir/start.txt" | median | awk '{printf ", %.2f s CPU\n", $1}'
for n in "${counts[@]}"; do
  keys="$dir/keys-$n.txt"
  [ -f "$keys" ] || python3 "$peers/genkeys.py" "$n" "$keys"
  echo
  echo "== $n keys ($(du -m "$keys" | cut -f1) MB of keys)"
  printf '%-8s %3s %8s %8s %8s %8s %12s %9s\n' side run wall user sys cpu keys/s rss_MB
  : >"$dir/s3batch-$n.txt"; : >"$dir/peer-$n.txt"
  peer=$([ "$n" -le "$peer_max" ] && echo 1 || echo 0)
  for i in $(seq 1 "$runs"); do
    rm -f "$dir/out-s3batch.csv"
    r=$(cd "$root" && timed ./s3batch manifest build --keys "$keys" --bucket my-bucket -o "$dir/out-s3batch.csv")
    echo "$r" >>"$dir/s3batch-$n.txt"
    read -r w u s m <<<"$r"
    awk -v w="$w" -v u="$u" -v s="$s" -v m="$m" -v n="$n" -v i="$i" 'BEGIN {printf "%-8s %3d %8.2f %8.2f %8.2f %8.2f %12.0f %9.0f\n", "s3batch", i, w, u, s, u+s, n/w, m/1024}'
    if [ "$peer" = 1 ]; then
      rm -f "$dir/out-peer.csv"
      r=$(timed python3 "$peers/manifest_build.py" my-bucket "$keys" "$dir/out-peer.csv")
      echo "$r" >>"$dir/peer-$n.txt"
      read -r w u s m <<<"$r"
      awk -v w="$w" -v u="$u" -v s="$s" -v m="$m" -v n="$n" -v i="$i" 'BEGIN {printf "%-8s %3d %8.2f %8.2f %8.2f %8.2f %12.0f %9.0f\n", "python", i, w, u, s, u+s, n/w, m/1024}'
    fi
  done
  if [ "$check" = 1 ]; then
    [ -f "$dir/out-peer.csv" ] && [ "$peer" = 1 ] || python3 "$peers/manifest_build.py" my-bucket "$keys" "$dir/out-peer.csv"
    if cmp -s "$dir/out-s3batch.csv" "$dir/out-peer.csv"; then
      echo "outputs: byte-identical ($(du -m "$dir/out-s3batch.csv" | cut -f1) MB)"
    else
      echo "outputs DIFFER: $dir/out-s3batch.csv $dir/out-peer.csv" >&2
      exit 1
    fi
  fi
  sw=$(cut -d' ' -f1 "$dir/s3batch-$n.txt" | median)
  sc=$(awk '{print $2 + $3}' "$dir/s3batch-$n.txt" | median)
  sm=$(cut -d' ' -f4 "$dir/s3batch-$n.txt" | median)
  awk -v w="$sw" -v c="$sc" -v m="$sm" -v n="$n" 'BEGIN {printf "median s3batch: %.2f s wall, %.2f s CPU, %.2f M keys/s, peak RSS %.0f MB\n", w, c, n/w/1e6, m/1024}'
  if [ "$peer" = 1 ]; then
    pw=$(cut -d' ' -f1 "$dir/peer-$n.txt" | median)
    pc=$(awk '{print $2 + $3}' "$dir/peer-$n.txt" | median)
    pm=$(cut -d' ' -f4 "$dir/peer-$n.txt" | median)
    awk -v w="$pw" -v c="$pc" -v m="$pm" -v n="$n" 'BEGIN {printf "median python:  %.2f s wall, %.2f s CPU, %.2f M keys/s, peak RSS %.0f MB\n", w, c, n/w/1e6, m/1024}'
    awk -v sw="$sw" -v sc="$sc" -v pw="$pw" -v pc="$pc" 'BEGIN {printf "ratio python/s3batch: %.1fx wall, %.1fx CPU\n", pw/sw, pc/sc}'
  fi
done
