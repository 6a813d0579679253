#!/usr/bin/env bash
# `s3batch job run-local --action head` end to end, side by side with a plain SDK v2 loop doing the
# same HeadObject calls at the same concurrency (dev.s3batch.bench.HeadLoop), in one run.
#
# usage (from the project root, after `mvn -B -q -DskipTests package`, which builds bench/target/benchmarks.jar):
#   bench/run-local.sh [--runs N] [--concurrency C] [TASKS ...]      (default: --runs 3 --concurrency 8 20000)
#   bench/run-local.sh --memory [--concurrency C] [TASKS ...]        (default: 20000 200000)
#   bench/run-local.sh --together [--runs N] [--concurrency C] [TASKS ...]
#   add --threads to any: each run's CPU split by the client's threads as well
#
# Starts `./s3batch s3 serve` with a bucket of 1,000 small objects (keys with spaces, `+` and
# non-ASCII), writes a manifest of TASKS rows over them (every 20th row a key that does not
# exist: a PermanentFailure), then runs `./s3batch job run-local --manifest M --report DIR
# --action head --concurrency C` and `java -XX:+UseSerialGC -cp benchmarks.jar HeadLoop ENDPOINT M C`
# alternately N times each (the report deleted between runs), checks that both found the same
# objects and missing keys, and prints every run and the medians: wall and CPU (user+sys) seconds
# of the client process (the server is another process), tasks/s, CPU milliseconds per task, peak
# RSS, and the ratios s3batch/loop. The loop gets the launcher's collector (-XX:+UseSerialGC), so
# the two differ in their per-task work only.
#
# --memory: one run per side and TASKS (default 20,000 and 200,000; at the 200 to 300 tasks/s of
# a shared 2-core machine, 1,000,000 takes an hour or more per side), then both sides' peak RSS
# by TASKS and the growth from the first TASKS to the last: flat memory does not grow with TASKS.
#
# --together: each run starts both sides at the same moment on the one server, for a machine whose
# other tenants come and go: both then see the same noise, and the ratio of their CPU per task holds
# still from run to run where alternated runs' figures spread by 15% or more. The server serves the
# two by turns, so their wall times are tied to each other and only the CPU compares.
#
# --threads: the client's threads' CPU seconds, read from /proc every half second while it runs
# (the last reading before a thread ends): the JIT compiler threads, the main thread, the task
# threads (s3batch's lanes, the loop's threads) and the JVM's other threads. JFR and
# other Java samplers do not see the compiler, which at these job sizes is a large part of both
# sides.
#
# Environment: S3BATCH_JAVA_OPTS is passed to the JVM as by ./s3batch; BENCH_DIR (default
# ${TMPDIR:-/tmp}/s3batch-run-local-bench) holds the objects, manifests and reports.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${BENCH_DIR:-${TMPDIR:-/tmp}/s3batch-run-local-bench}"
runs=3
concurrency=8
memory=0
threads=0
together=0
counts=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --concurrency) concurrency="$2"; shift 2 ;;
    --memory) memory=1; runs=1; shift ;;
    --threads) threads=1; shift ;;
    --together) together=1; shift ;;
    -h|--help) sed -n '2,37p' "$0"; exit 0 ;;
    [0-9]*) counts+=("$1"); shift ;;
    *) echo "run-local.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[ ${#counts[@]} -gt 0 ] || { [ "$memory" = 1 ] && counts=(20000 200000) || counts=(20000); }
bench_jar="$root/bench/target/benchmarks.jar"
for f in "$root/manifest-tools/target/s3batch.jar" "$bench_jar"; do
  [ -f "$f" ] || { echo "run-local.sh: no $f: build first: mvn -B -q -DskipTests package" >&2; exit 2; }
done
mkdir -p "$dir"
export AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test AWS_REGION=us-east-1

objects="$dir/objects"
if [ ! -d "$objects/data" ]; then
  python3 - "$objects" <<'PY'
import os, sys
for i in range(1000):
    d = os.path.join(sys.argv[1], "data", "day %d" % (i % 10))
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "photo+%d é.jpg" % i), "wb") as f:
        f.write(b"x" * (100 + i))
PY
fi
log="$dir/s3.log"
(cd "$root" && exec ./s3batch s3 serve --port 0 --bucket bench="$objects") >"$log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
until grep -qs 'S3 server on' "$log"; do kill -0 $server || { cat "$log" >&2; exit 1; }; sleep 0.5; done
endpoint=$(grep -o 'http://127.0.0.1:[0-9]*' "$log" | head -1)

# threads.py SPLIT CMD ...: runs CMD (its output passed through) and writes its threads' CPU seconds
# to SPLIT: "compiler main task other". Linux keeps 15 characters of a thread's name, so s3batch's
# lanes (s3batch-function-N) show as s3batch-functio.
cat >"$dir/threads.py" <<'PY'
import os, re, subprocess, sys, time
child = subprocess.Popen(sys.argv[2:])
last = {}
while child.poll() is None:
    try:
        for tid in os.listdir("/proc/%d/task" % child.pid):
            try:
                stat = open("/proc/%d/task/%s/stat" % (child.pid, tid)).read()
            except OSError:
                continue
            name = stat[stat.index("(") + 1:stat.rindex(")")]
            fields = stat[stat.rindex(")") + 2:].split()
            last[tid] = (name, int(fields[11]) + int(fields[12]))
    except OSError:
        pass
    time.sleep(0.5)
split = {"compiler": 0, "main": 0, "task": 0, "other": 0}
hz = os.sysconf("SC_CLK_TCK")
for name, ticks in last.values():
    kind = ("compiler" if "CompilerThre" in name else "main" if name == "java"
            else "task" if re.match(r"(s3batch-functio|Thread-\d+$)", name) else "other")
    split[kind] += ticks / hz
open(sys.argv[1], "w").write("%.2f %.2f %.2f %.2f\n" % tuple(split[k] for k in ("compiler", "main", "task", "other")))
sys.exit(child.returncode)
PY
timed() { # timed SIDE CMD...: one timed run, "wall user sys maxrss_kb" to $dir/SIDE.time; output to $dir/SIDE.out
  local side="$1"; shift
  local sampler=()
  [ "$threads" = 1 ] && sampler=(python3 "$dir/threads.py" "$dir/$side.split")
  /usr/bin/time -o "$dir/$side.time" -f '%e %U %S %M' "${sampler[@]}" "$@" >"$dir/$side.out" 2>"$dir/$side.err" || {
    grep -q 'non-zero status 3' "$dir/$side.time" || { cat "$dir/$side.err" "$dir/$side.out" >&2; exit 1; }
  }
}
run_side() { # run_side SIDE MANIFEST: one run of SIDE over the manifest
  if [ "$1" = s3batch ]; then
    rm -rf "$dir/reports"
    (cd "$root" && timed s3batch ./s3batch job run-local --manifest "$2" --report "$dir/reports/" --action head \
        --endpoint-url "$endpoint" --concurrency "$concurrency" --progress-every 0)
  else
    timed loop java -XX:+UseSerialGC -cp "$bench_jar" dev.s3batch.bench.HeadLoop "$endpoint" "$2" "$concurrency"
  fi
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
echo "S3BATCH_JAVA_OPTS=${S3BATCH_JAVA_OPTS:-}; server $endpoint; concurrency $concurrency"
for n in "${counts[@]}"; do
  manifest="$dir/manifest-$n.csv"
  [ -f "$manifest" ] || python3 - "$n" >"$manifest" <<'PY'
import sys, urllib.parse
for i in range(int(sys.argv[1])):
    o = i % 1000
    key = "data/day %d/photo+%d é.jpg" % (o % 10, o) if i % 20 else "data/missing %d.jpg" % i
    print("bench," + urllib.parse.quote(key, safe="/"))
PY
  echo
  echo "== $n tasks"
  printf '%-8s %3s %8s %8s %8s %8s %9s %9s %8s\n' side run wall user sys cpu tasks/s cpu_ms/task rss_MB
  : >"$dir/s3batch-$n.txt"; : >"$dir/loop-$n.txt"
  for i in $(seq 1 "$runs"); do
    order=$([ $((i % 2)) = 1 ] && echo "s3batch loop" || echo "loop s3batch")
    if [ "$together" = 1 ]; then # both at once, each in its own subshell: they share the machine's noise
      (run_side s3batch "$manifest") & a=$!
      (run_side loop "$manifest") & b=$!
      wait $a && wait $b || exit 1
    fi
    for side in $order; do
      [ "$together" = 1 ] || run_side "$side" "$manifest" || exit 1
      if [ "$side" = s3batch ]; then
        seen=$(grep -o 'Complete: [0-9]* tasks, [0-9]* succeeded, [0-9]* failed' "$dir/s3batch.out" | awk '{print $4, $6}')
      else
        seen=$(awk '/exist/ {print $3, $5}' "$dir/loop.out")
      fi
      [ "$seen" = "$(( n - (n + 19) / 20 )) $(( (n + 19) / 20 ))" ] || { echo "$side: unexpected counts '$seen'" >&2; cat "$dir/$side.out" >&2; exit 1; }
      r=$(tail -1 "$dir/$side.time")
      echo "$r" >>"$dir/$side-$n.txt"
      read -r w u s m <<<"$r"
      awk -v w="$w" -v u="$u" -v s="$s" -v m="$m" -v n="$n" -v i="$i" -v side="$side" \
        'BEGIN {printf "%-8s %3d %8.2f %8.2f %8.2f %8.2f %9.0f %11.3f %8.0f\n", side, i, w, u, s, u+s, n/w, (u+s)*1000/n, m/1024}'
      if [ "$threads" = 1 ]; then
        read -r tc tm tt to <"$dir/$side.split"
        awk -v c="$tc" -v m="$tm" -v t="$tt" -v o="$to" -v n="$n" \
          'BEGIN {printf "         threads: compiler %.2f s, main %.2f s, task threads %.2f s (%.3f ms/task), other %.2f s\n", c, m, t, t*1000/n, o}'
      fi
    done
  done
  for side in s3batch loop; do
    w=$(cut -d' ' -f1 "$dir/$side-$n.txt" | median)
    c=$(awk '{print $2 + $3}' "$dir/$side-$n.txt" | median)
    m=$(cut -d' ' -f4 "$dir/$side-$n.txt" | median)
    awk -v w="$w" -v c="$c" -v m="$m" -v n="$n" -v side="$side" \
      'BEGIN {printf "median %-8s %.2f s wall, %.2f s CPU, %.0f tasks/s, %.3f CPU ms/task, peak RSS %.0f MB\n", side ":", w, c, n/w, c*1000/n, m/1024}'
    eval "${side}_w=$w ${side}_c=$c"
  done
  if [ "$together" = 1 ]; then # one server for both: their throughputs are tied, only the CPU compares
    awk -v sc="$s3batch_c" -v lc="$loop_c" \
      'BEGIN {printf "s3batch/loop, run together: %.2fx the CPU per task (goal: at most 1.1x)\n", sc/lc}'
  else
    awk -v sw="$s3batch_w" -v sc="$s3batch_c" -v lw="$loop_w" -v lc="$loop_c" \
      'BEGIN {printf "s3batch/loop: %.2fx the throughput, %.2fx the CPU per task (goal: at least 0.95x, at most 1.1x)\n", lw/sw, sc/lc}'
  fi
done
if [ "$memory" = 1 ]; then
  echo
  echo "== peak RSS by job size (one run each)"
  printf '%10s %14s %14s\n' tasks s3batch_MB loop_MB
  for n in "${counts[@]}"; do
    awk -v n="$n" -v a="$(cut -d' ' -f4 "$dir/s3batch-$n.txt")" -v b="$(cut -d' ' -f4 "$dir/loop-$n.txt")" \
      'BEGIN {printf "%10d %14.0f %14.0f\n", n, a/1024, b/1024}'
  done
  first="${counts[0]}"; last="${counts[${#counts[@]}-1]}"
  for side in s3batch loop; do
    awk -v a="$(cut -d' ' -f4 "$dir/$side-$first.txt")" -v b="$(cut -d' ' -f4 "$dir/$side-$last.txt")" -v side="$side" \
      -v f="$first" -v l="$last" 'BEGIN {printf "%s: peak RSS %.0f MB at %d tasks, %.0f MB at %d (%+.0f MB, %.2fx)\n", side, a/1024, f, b/1024, l, (b-a)/1024, b/a}'
  done
fi
