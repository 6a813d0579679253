package dev.s3batch.tools.cli;

import dev.s3batch.tools.aws.AwsClients;
import dev.s3batch.tools.job.CliInputJson;
import dev.s3batch.tools.job.CreateJobRequestFactory;
import dev.s3batch.tools.job.JobControl;
import dev.s3batch.tools.job.JobDraft;
import dev.s3batch.tools.job.ManifestInspector;
import java.io.PrintWriter;
import java.net.URI;
import java.util.LinkedHashMap;

import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.s3control.model.CreateJobRequest;

/**
 * {@code s3batch job submit}: creates an S3 Batch Operations job that invokes a Lambda function
 * (CreateJob), or with {@code --dry-run} prints the request as {@code aws s3control create-job
 * --cli-input-json} JSON and sends nothing.
 */
@Command(
    name = "submit",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Create a job that invokes a Lambda function on every object of a manifest (CreateJob); print its id.",
      "The manifest's ETag, version id and fields are read from S3 unless given. --endpoint-url applies to S3 Control,",
      "--s3-endpoint-url to S3 (as with the AWS CLI, each service has its own endpoint).",
      "Bad input exits 2 and sends nothing."
    })
public final class JobSubmitCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--function-arn", required = true, paramLabel = "ARN", description = "Lambda function ARN (an alias or version is kept as given).")
  String functionArn;

  @Option(names = "--role-arn", required = true, paramLabel = "ARN", description = "IAM role S3 Batch Operations assumes.")
  String roleArn;

  @Option(names = "--schema", paramLabel = "1.0|2.0", description = "Invocation schema (default 1.0; 2.0 when --arg is given).")
  String schema;

  @Option(names = "--arg", paramLabel = "KEY=VALUE", description = "A user argument (schema 2.0), at most 10; repeatable.")
  Map<String, String> arguments = new LinkedHashMap<>();

  @Option(names = "--manifest", paramLabel = "S3_URI", description = "CSV manifest, s3://BUCKET/KEY.")
  String manifest;

  @Option(names = "--manifest-etag", paramLabel = "ETAG", description = "The manifest's ETag (checked against S3).")
  String manifestEtag;

  @Option(names = "--manifest-version-id", paramLabel = "ID", description = "The manifest's version (default: the latest).")
  String manifestVersionId;

  @Option(names = "--manifest-fields", paramLabel = "FIELDS", description = "Bucket,Key or Bucket,Key,VersionId (default: from the first line).")
  String manifestFields;

  @Mixin GeneratorOptions generator;

  @Option(names = "--report", paramLabel = "S3_URI", description = "Where the completion report goes, s3://BUCKET/PREFIX.")
  String report;

  @Option(names = "--no-report", description = "No completion report.")
  boolean noReport;

  @Option(names = "--report-scope", paramLabel = "SCOPE", description = "AllTasks (default) or FailedTasksOnly.")
  String reportScope;

  @Option(names = "--priority", paramLabel = "N", description = "0 to 2147483647 (default 10).")
  Integer priority;

  @Option(names = "--description", paramLabel = "TEXT", description = "Up to 256 characters.")
  String description;

  @Option(names = "--confirmation-required", description = "The job waits (Suspended) for `s3batch job confirm`.")
  boolean confirmationRequired;

  @Option(names = "--account-id", paramLabel = "ID", description = "Account the job belongs to (default: the role ARN's).")
  String accountId;

  @Option(names = "--client-token", paramLabel = "TOKEN", description = "Idempotency token (default: SHA-256 of the request, so a repeat creates no second job).")
  String clientToken;

  @Option(names = "--dry-run", description = "Print the request as `aws s3control create-job --cli-input-json` JSON; send nothing.")
  boolean dryRun;

  @Option(names = "--json", description = "Print {\"jobId\": ...} instead of the bare id.")
  boolean json;

  @Option(names = "--s3-endpoint-url", paramLabel = "URL", description = "S3 endpoint for reading the manifest (default: AWS).")
  String s3EndpointUrl;

  @Mixin AwsOptions aws;

  @Override
  public Integer call() {
    JobDraft draft = draft();
    URI s3Endpoint = AwsOptions.endpoint("--s3-endpoint-url", s3EndpointUrl);
    aws.endpoint();
    CreateJobRequest request;
    try (S3Client s3 = manifest == null ? null : s3Clients(s3Endpoint).s3()) {
      ManifestInspector inspector = s3 == null ? null : new ManifestInspector(s3);
      request = JobCalls.run(() -> new CreateJobRequestFactory(inspector).build(draft));
    }
    PrintWriter out = spec.commandLine().getOut();
    if (dryRun) {
      out.println(CliInputJson.render(request));
      return ExitCodes.OK;
    }
    try (S3ControlClient client = aws.clients().s3Control()) {
      String jobId = JobCalls.run(() -> new JobControl(client).create(request));
      out.println(json ? JobCalls.json(Map.of("jobId", jobId)) : jobId);
    }
    return ExitCodes.OK;
  }

  private JobDraft draft() {
    if (manifest == null && (manifestEtag != null || manifestVersionId != null || manifestFields != null)) {
      throw CliException.usage("--manifest-etag, --manifest-version-id and --manifest-fields need --manifest");
    }
    JobDraft.ManifestDraft m =
        manifest == null ? null : new JobDraft.ManifestDraft(manifest, manifestEtag, manifestVersionId, manifestFields);
    return new JobDraft(accountId, functionArn, schema, arguments, m, generator.draft(), report, noReport,
        reportScope, roleArn, priority, description, confirmationRequired, clientToken);
  }

  private AwsClients s3Clients(URI s3Endpoint) {
    return AwsOptions.preflighted(new AwsClients(aws.region(), aws.profile, s3Endpoint));
  }
}
