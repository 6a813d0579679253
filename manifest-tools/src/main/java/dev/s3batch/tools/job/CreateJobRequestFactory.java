package dev.s3batch.tools.job;

import dev.s3batch.tools.aws.S3Uri;
import software.amazon.awssdk.services.s3control.model.CreateJobRequest;
import software.amazon.awssdk.services.s3control.model.JobOperation;
import software.amazon.awssdk.services.s3control.model.JobReport;
import software.amazon.awssdk.services.s3control.model.JobReportFormat;
import software.amazon.awssdk.services.s3control.model.JobReportScope;

/**
 * Turns a {@link JobDraft} into a CreateJob request. Every local check (ARNs, schema, arguments,
 * URIs, priority, report, manifest-or-generator) runs before S3 is asked anything about the
 * manifest; nothing is ever sent to S3 Control here.
 *
 * <pre>{@code
 * CreateJobRequest request = new CreateJobRequestFactory(new ManifestInspector(s3)).build(draft);
 * String json = CliInputJson.render(request); // what --dry-run prints
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_CreateJob.html">CreateJob</a>
 */
public final class CreateJobRequestFactory {

  /** The priority of a job when none is given. */
  public static final int DEFAULT_PRIORITY = 10;
  /** The report format, the only one CreateJob knows. */
  public static final String REPORT_FORMAT = "Report_CSV_20180820";

  private final ManifestInspector inspector;

  public CreateJobRequestFactory(ManifestInspector inspector) {
    this.inspector = inspector;
  }

  /** The request, with the given client token or one derived from the request. */
  public CreateJobRequest build(JobDraft d) {
    String role = Arns.role("--role-arn", d.roleArn());
    String partition = Arns.rolePartition(role);
    String account = d.accountId() != null ? AccountIds.check("--account-id", d.accountId()) : Arns.roleAccount(role);
    JobOperation operation = LambdaOperations.of(d.functionArn(), d.schema(), d.arguments());
    int priority = d.priority() == null ? DEFAULT_PRIORITY : d.priority();
    if (priority < 0) {
      throw new JobInputException("--priority " + priority + ": a priority is 0 to 2147483647");
    }
    if (d.description() != null && (d.description().isEmpty() || d.description().length() > 256)) {
      throw new JobInputException("--description has 1 to 256 characters, this one " + d.description().length());
    }
    if (d.clientToken() != null && (d.clientToken().isEmpty() || d.clientToken().length() > 64)) {
      throw new JobInputException("--client-token has 1 to 64 characters, this one " + d.clientToken().length());
    }
    JobReport report = report(d, partition);
    if ((d.manifest() == null) == (d.generate() == null)) {
      throw new JobInputException(d.manifest() == null
          ? "give --manifest s3://BUCKET/KEY or --generate s3://BUCKET/PREFIX: the job needs objects to run on"
          : "--manifest and --generate cannot both be given: a job has a manifest or a manifest generator");
    }
    CreateJobRequest.Builder b = CreateJobRequest.builder()
        .accountId(account)
        .confirmationRequired(d.confirmationRequired())
        .operation(operation)
        .report(report)
        .description(d.description())
        .priority(priority)
        .roleArn(role);
    if (d.generate() != null) {
      b.manifestGenerator(ManifestSpecs.generator(d.generate(), partition));
    } else {
      b.manifest(ManifestSpecs.manifest(d.manifest(), partition, inspector));
    }
    String token = d.clientToken() != null ? d.clientToken() : CliInputJson.token(b.build());
    return b.clientRequestToken(token).build();
  }

  private static JobReport report(JobDraft d, String partition) {
    if (d.noReport() && d.report() != null) {
      throw new JobInputException("--report and --no-report cannot both be given");
    }
    if (!d.noReport() && d.report() == null) {
      throw new JobInputException("give --report s3://BUCKET/PREFIX (where the completion report goes) or --no-report");
    }
    JobReportScope scope = JobReportScope.ALL_TASKS;
    if (d.reportScope() != null) {
      scope = JobReportScope.fromValue(d.reportScope());
      if (scope == JobReportScope.UNKNOWN_TO_SDK_VERSION) {
        throw new JobInputException("--report-scope \"" + d.reportScope() + "\" is not AllTasks or FailedTasksOnly");
      }
      if (d.noReport()) {
        throw new JobInputException("--report-scope needs --report, not --no-report");
      }
    }
    if (d.noReport()) {
      return JobReport.builder().enabled(false).build();
    }
    S3Uri uri = JobUris.prefix("--report", d.report());
    JobReport.Builder b = JobReport.builder()
        .bucket(uri.bucketArn(partition))
        .format(JobReportFormat.REPORT_CSV_20180820)
        .enabled(true)
        .reportScope(scope);
    String prefix = uri.key().endsWith("/") ? uri.key().substring(0, uri.key().length() - 1) : uri.key();
    if (!prefix.isEmpty()) {
      b.prefix(prefix);
    }
    return b.build();
  }
}
