#!/bin/sh
# Lays out target/report-page/, the report page's Lambda code (CodeUri of iam/report-page.yaml):
# the runnable s3batch.jar and run.sh, the handler script the Web Adapter starts, executable.
# Run by Maven in the package phase, after the shade plugin wrote target/s3batch.jar.
set -eu
target="$1"
rm -rf "$target/report-page"
mkdir -p "$target/report-page"
cp "$target/s3batch.jar" "$target/report-page/s3batch.jar"
cp "$(dirname "$0")/run.sh" "$target/report-page/run.sh"
chmod 755 "$target/report-page/run.sh"
