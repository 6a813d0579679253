package dev.s3batch.tools.job;

import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.s3control.model.CreateJobRequest;
import software.amazon.awssdk.services.s3control.model.JobStatus;
import software.amazon.awssdk.services.s3control.model.ListJobsRequest;
import software.amazon.awssdk.services.s3control.model.RequestedJobStatus;
import software.amazon.awssdk.services.s3control.model.S3ControlException;

/**
 * The S3 Control calls of the {@code job} commands, with every error turned into a
 * {@link JobServiceException} whose message names the call, the job and S3 Control's error code.
 * Thread-safe if the client is.
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/API/API_Operations_AWS_S3_Control.html">S3 Control API</a>
 */
public final class JobControl {

  /** ListJobs' largest page. */
  public static final int MAX_PAGE = 1000;

  private final S3ControlClient client;

  public JobControl(S3ControlClient client) {
    this.client = client;
  }

  /** CreateJob; returns the job id. */
  public String create(CreateJobRequest request) {
    return call("CreateJob", null, () -> client.createJob(request).jobId());
  }

  /** DescribeJob. */
  public JobSummary describe(String accountId, String jobId) {
    return call("DescribeJob", jobId,
        () -> JobSummary.of(client.describeJob(b -> b.accountId(accountId).jobId(jobId)).job()));
  }

  /** ListJobs, every page, optionally only jobs in the given statuses. */
  public List<JobSummary> list(String accountId, List<String> statuses) {
    List<String> checked = statuses.stream().map(JobControl::status).toList();
    ListJobsRequest.Builder request = ListJobsRequest.builder().accountId(accountId).maxResults(MAX_PAGE);
    if (!checked.isEmpty()) {
      request.jobStatusesWithStrings(checked);
    }
    return call("ListJobs", null,
        () -> client.listJobsPaginator(request.build()).stream().flatMap(page -> page.jobs().stream()).map(JobSummary::of).toList());
  }

  /** UpdateJobStatus to {@code Ready} (confirm) or {@code Cancelled}; returns the status S3 answers. */
  public String update(String accountId, String jobId, RequestedJobStatus status, String reason) {
    return call("UpdateJobStatus " + status, jobId,
        () -> client.updateJobStatus(b -> b.accountId(accountId).jobId(jobId).requestedJobStatus(status)
            .statusUpdateReason(reason)).statusAsString());
  }

  private static String status(String value) {
    if (JobStatus.fromValue(value) == JobStatus.UNKNOWN_TO_SDK_VERSION) {
      throw new JobInputException("--status \"" + value + "\" is not a job status: one of " + JobStatus.knownValues());
    }
    return value;
  }

  private static <T> T call(String operation, String jobId, Supplier<T> call) {
    try {
      return call.get();
    } catch (S3ControlException e) {
      throw new JobServiceException(S3ControlErrors.describe(operation, jobId, e), e);
    } catch (SdkClientException e) {
      throw new JobServiceException(operation + ": cannot reach S3 Control: " + e.getMessage(), e);
    }
  }
}
