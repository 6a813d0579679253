#!/usr/bin/env bash
# bench/lambda-serve.sh: `s3batch lambda serve`'s cold start and warm overhead, in one run.
#
# Cold start, spawn to first result: the shipped lambda jar through the service (a fresh service
# per run; the first Invoke spawns the environment), one HeadObject task against `./s3batch s3
# serve`; beside it the peer, the same jar and event started directly under AWS's runtime client
# by the shared harness (../shared/bench/coldstart/run.sh fn, no service in between).
# Warm overhead: Invoke round trip minus the function's own time, at concurrency 1 and 8.
#
# Usage, from the project root after `mvn -B -DskipTests package`:
#   bench/lambda-serve.sh [RUNS] [INVOCATIONS]     (defaults 7 and 2000)
# Environment: S3BATCH_SHARED_BENCH = the shared bench directory (default ../shared/bench).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-7}"
invocations="${2:-2000}"
shared="${S3BATCH_SHARED_BENCH:-../shared/bench}"
jar=$(ls handler/target/s3batch-handler-*-lambda.jar 2>/dev/null | head -n 1)
bench=bench/target/benchmarks.jar
[ -n "$jar" ] && [ -f "$bench" ] || { echo "lambda-serve.sh: build first: mvn -B -DskipTests package" >&2; exit 1; }
export S3BATCH_LAMBDA_RUNTIME_DIR="$PWD/manifest-tools/target/lambda-runtime"

work=$(mktemp -d); s3pid=""
trap '[ -n "$s3pid" ] && kill "$s3pid" 2>/dev/null; rm -rf "$work"' EXIT
mkdir -p "$work/seed/bench"; printf 'twelve bytes' > "$work/seed/bench/key.txt"
./s3batch s3 serve --port 0 --bucket "bench=$work/seed" > "$work/s3.log" 2>&1 & s3pid=$!
for _ in $(seq 600); do grep -q "S3 server on" "$work/s3.log" && break; sleep 0.1; done
endpoint=$(sed -n 's/^S3 server on \(http:[^ ]*\) .*/\1/p' "$work/s3.log")
[ -n "$endpoint" ] || { cat "$work/s3.log" >&2; exit 1; }
cat > "$work/event.json" <<JSON
{"invocationSchemaVersion":"1.0","invocationId":"YmVuY2g","job":{"id":"bench"},
 "tasks":[{"taskId":"dGFzaw","s3Key":"bench/key.txt","s3VersionId":null,"s3BucketArn":"arn:aws:s3:::bench"}]}
JSON
fnenv=(AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test "AWS_ENDPOINT_URL=$endpoint" S3BATCH_ACTION=head)

echo "=== cold start through lambda serve (lambda jar $jar, $runs runs)"
java -XX:+UseSerialGC -cp "$bench" dev.s3batch.bench.LambdaServeBench cold "$jar" \
  dev.s3batch.handler.S3BatchHandler::handleRequest "$work/event.json" "$runs" "${fnenv[@]}" | tee "$work/cold.txt"
if [ -x "$shared/coldstart/run.sh" ]; then
  echo "=== peer: the same jar and event directly under the runtime client (shared harness, --unpack)"
  envopts=(); for e in "${fnenv[@]}"; do envopts+=(--env "$e"); done
  "$shared/coldstart/run.sh" fn --handler dev.s3batch.handler.S3BatchHandler::handleRequest --classpath "$jar" \
    --event "$work/event.json" --unpack --runs "$runs" "${envopts[@]}" | tee "$work/peer.txt" | tail -n 4
else
  echo "=== peer skipped: no $shared/coldstart/run.sh (set S3BATCH_SHARED_BENCH)"
fi
echo "=== warm overhead of the service (round trip minus the function's own time)"
for c in 1 8; do
  java -XX:+UseSerialGC -cp "$bench" dev.s3batch.bench.LambdaServeBench warm "$c" "$invocations" bench/target/classes
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); cores: $(nproc)"
