#!/bin/sh
# Makes target/s3batch.jsa, the class-data-sharing archive the ./s3batch launcher starts with
# (run by Maven in the package phase, after the shade plugin wrote target/s3batch.jar).
#
# Four training runs record the classes that --version, --help, a small `manifest build` and a
# `report review` of a two-file report (report/: AWS's example, one task failed, so exit code 3)
# load; one dump writes them, parsed and verified, into a static archive. The archive fits only
# this jar at this path and the JVM that made it: `java` from PATH, the one the launcher starts.
# Anything else makes the JVM ignore it (the launcher passes -Xshare:auto and silences the
# cds log), so a missing or stale archive only costs speed. A failure here never fails the build.
set -u
target="$(cd "$1" && pwd -P)"
jar="$target/s3batch.jar"
work="$target/cds"
keys="$(cd "$(dirname "$0")" && pwd -P)/keys.txt"
report="$(cd "$(dirname "$0")" && pwd -P)/report"
rm -rf "$work" "$target/s3batch.jsa"
mkdir -p "$work"
archive() {
  java -XX:DumpLoadedClassList="$work/version.classlist" -jar "$jar" --version >/dev/null &&
  java -XX:DumpLoadedClassList="$work/help.classlist" -jar "$jar" --help >/dev/null &&
  java -XX:DumpLoadedClassList="$work/build.classlist" -jar "$jar" \
    manifest build --keys "$keys" --bucket training-bucket -o "$work/manifest.csv" -q &&
  { java -XX:DumpLoadedClassList="$work/review.classlist" -jar "$jar" report review "$report" >/dev/null; [ $? -eq 3 ]; } &&
  cat "$work/version.classlist" "$work/help.classlist" "$work/build.classlist" "$work/review.classlist" |
    sort -u >"$work/s3batch.classlist" &&
  java -Xshare:dump -XX:SharedClassListFile="$work/s3batch.classlist" \
    -XX:SharedArchiveFile="$target/s3batch.jsa" -cp "$jar" >"$work/dump.log" 2>&1
}
if ! archive; then
  rm -f "$target/s3batch.jsa"
  echo "[WARNING] no class-data archive for ./s3batch (see $work): it starts without one, slower" >&2
fi
exit 0
