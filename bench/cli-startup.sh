#!/usr/bin/env bash
# CLI start-up as a user runs it: `./s3batch --version`, `./s3batch --help` and a 3-key
# `./s3batch manifest build`, each a whole process, against the same jar started plainly
# (`java -jar manifest-tools/target/s3batch.jar`: no class-data archive, default JVM flags).
# Runs alternate (launcher, plain, then plain, launcher, ...); prints every command's medians of
# wall and CPU (user + system) seconds, peak RSS, and the ratios ./s3batch/peer.
#
#   bench/cli-startup.sh [--runs N] [--old-jar JAR] [--launcher SCRIPT]
#
# From anywhere; default 9 runs; builds the jar if missing. --old-jar adds a side,
# `java -jar JAR`, for example the s3batch.jar of an older commit built in a clone. --launcher adds
# a side that runs SCRIPT, for example an older launcher saved in the project root (it finds the jar
# beside itself): git show COMMIT:s3batch >old-s3batch && chmod +x old-s3batch.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)"
runs=9
old=""
launcher=""
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --old-jar) old="$(cd "$(dirname "$2")" && pwd -P)/$(basename "$2")"; shift 2 ;;
    --launcher) launcher="$(cd "$(dirname "$2")" && pwd -P)/$(basename "$2")"; shift 2 ;;
    *) echo "usage: bench/cli-startup.sh [--runs N] [--old-jar JAR] [--launcher SCRIPT]" >&2; exit 2 ;;
  esac
done
"$root/s3batch" --version >/dev/null   # builds jar and archive on first use
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
printf 'photos/2024/pier.jpg\nphotos/2024/pier, dusk.jpg\nphotos/2024/a+b.jpg\n' >"$work/keys.txt"
cd "$work"
exec python3 - "$root" "$runs" "$old" "$launcher" <<'PY'
import os, statistics, subprocess, sys, time
root, runs, old, launcher = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
sides = {"./s3batch": [os.path.join(root, "s3batch")],
         "java -jar": ["java", "-jar", os.path.join(root, "manifest-tools/target/s3batch.jar")]}
if old:
    sides["old jar"] = ["java", "-jar", old]
if launcher:
    sides["old launcher"] = [launcher]
commands = {"--version": ["--version"], "--help": ["--help"],
            "manifest build (3 keys)": ["manifest", "build", "--keys", "keys.txt", "--bucket", "bench-bucket", "-o", "m.csv"]}
results = {(c, s): [] for c in commands for s in sides}

def run(argv):
    t0 = time.monotonic()
    p = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.monotonic() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("failed: " + " ".join(argv))
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024

for i in range(runs):
    order = list(sides) if i % 2 == 0 else list(reversed(sides))
    for c, args in commands.items():
        for s in order:
            results[(c, s)].append(run(sides[s] + args))

med = lambda xs: statistics.median(xs)
print(f"{runs} alternated runs each, medians; load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
print(f"{'command':<24} {'side':<18} {'wall s':>7} {'cpu s':>7} {'rss MB':>7}")
for c in commands:
    m = {}
    for s in sides:
        r = results[(c, s)]
        m[s] = (med(x[0] for x in r), med(x[1] for x in r), med(x[2] for x in r))
        print(f"{c:<24} {s:<18} {m[s][0]:7.3f} {m[s][1]:7.3f} {m[s][2]:7.0f}")
    a = m["./s3batch"]
    for peer in [s for s in sides if s != "./s3batch"]:
        b = m[peer]
        label = "ratio to " + peer
        print(f"{c:<24} {label:<18} {a[0]/b[0]:6.2f}x {a[1]/b[1]:6.2f}x {a[2]/b[2]:6.2f}x")
PY
