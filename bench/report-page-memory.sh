#!/usr/bin/env bash
# `s3batch report serve` on a 1 GB report in a 32 MB heap: the page's flat-memory check at full size.
#
# usage (from the project root): bench/report-page-memory.sh [BYTES]     (default 1073741824: 1 GB)
#
# Runs manifest-tools' ReportPageMemoryTest with -Ds3batch.page.memoryTestBytes=BYTES (the normal
# suite runs it on 128 MB): it writes a report of BYTES (half succeeded rows, half failed rows in
# two files), starts `report serve` in its own JVM with -Xmx32m and a GC log, asks for the summary,
# pages of failed rows at the start, middle and end, a search, and downloads the merged result
# files, checking their MD5; then prints the largest heap a young GC saw and the time in all, with
# the CPU seconds (user+sys) of the whole Maven run from `time`. A server that held the report or its
# rows would fail with OutOfMemoryError. The GC log is left in manifest-tools/target/report-page-gc.log.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bytes="${1:-1073741824}"
cd "$root"
time mvn -B -q -o -pl manifest-tools -am test -Dtest=ReportPageMemoryTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Ds3batch.page.memoryTestBytes="$bytes"
grep -E '^(report of|served) ' manifest-tools/target/surefire-reports/dev.s3batch.tools.page.ReportPageMemoryTest-output.txt
