#!/bin/sh
# The report page in a Lambda function (iam/report-page.yaml): the AWS Lambda Web Adapter layer
# (AWS_LAMBDA_EXEC_WRAPPER=/opt/bootstrap) starts this handler script, then forwards API
# Gateway's requests to 127.0.0.1:$PORT and streams the answers back (AWS_LWA_INVOKE_MODE=response_stream).
# S3BATCH_REPORT is the report's s3:// location; the function role may read only that prefix.
exec java -XX:+TieredCompilation -XX:TieredStopAtLevel=1 -jar "${LAMBDA_TASK_ROOT:-$(dirname "$0")}/s3batch.jar" \
  report serve "$S3BATCH_REPORT" --port "${PORT:-8080}"
