package dev.s3batch.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3batch.tools.job.FakeS3Control;
import dev.s3batch.tools.job.FakeS3Control.State;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code job status}, {@code job list}, {@code job confirm}, {@code job cancel} against a fake S3 Control. */
class JobControlCommandsTest {

  static final String ACCOUNT = "123456789012";

  FakeS3Control control;

  @BeforeEach
  void start() throws Exception {
    control = new FakeS3Control();
  }

  @AfterEach
  void stop() {
    control.close();
  }

  List<String> cmd(String name) {
    return List.of("job", name, "--region", "us-east-1", "--endpoint-url", control.endpoint().toString(),
        "--account-id", ACCOUNT);
  }

  @Test
  void status_completeWithFailedTasksAndNoReasons_exits3AndShowsProgressAndReport() {
    control.script("job-7", State.of("Complete", 10, 8, 2));
    control.report("arn:aws:s3:::reports-bucket", "batch", "AllTasks");

    CliRun run = JobCli.run(JobCli.args(cmd("status"), "job-7"));

    assertThat(run.exitCode()).as(run.err()).isEqualTo(3);
    assertThat(run.out()).contains("Job:       job-7")
        .contains("Status:    Complete")
        .contains("Progress:  10 of 10 tasks done: 8 succeeded, 2 failed")
        .contains("Report:    s3://reports-bucket/batch/job-job-7/ (AllTasks)")
        .contains("Ended:     2026-11-21T09:05:00Z")
        .doesNotContain("Failure:");
    FakeS3Control.Request r = control.requests().get(0);
    assertThat(r.method()).isEqualTo("GET");
    assertThat(r.path()).isEqualTo("/v20180820/jobs/job-7");
    assertThat(r.header("x-amz-account-id")).isEqualTo(ACCOUNT);
  }

  @Test
  void status_completeAllSucceeded_exits0() {
    control.script("job-1", State.of("Complete", 3, 3, 0));

    CliRun run = JobCli.run(JobCli.args(cmd("status"), "job-1"));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).contains("3 of 3 tasks done: 3 succeeded, 0 failed");
  }

  @Test
  void status_failedJobJson_exits1WithFailureReasons() throws Exception {
    control.script("job-2", new State("Failed", 0, 0, 0,
        List.<String[]>of(new String[] {"ManifestReadFailure", "Reading the manifest failed: 403 Forbidden"})));

    CliRun run = JobCli.run(JobCli.args(cmd("status"), "job-2", "--json"));

    assertThat(run.exitCode()).isEqualTo(1);
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
    assertThat(json.get("jobId").asText()).isEqualTo("job-2");
    assertThat(json.get("status").asText()).isEqualTo("Failed");
    assertThat(json.get("failureReasons").get(0).asText())
        .isEqualTo("ManifestReadFailure: Reading the manifest failed: 403 Forbidden");
    assertThat(json.get("created").asText()).isEqualTo("2026-11-21T09:00:00Z");
    assertThat(json.get("priority").asInt()).isEqualTo(10);
  }

  @Test
  void status_unknownJob_exits1NamingTheJobAndError() {
    CliRun run = JobCli.run(JobCli.args(cmd("status"), "job-404"));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("DescribeJob job job-404: no such job in this account and Region "
        + "(NotFoundException: The specified job does not exist, HTTP 404");
  }

  @Test
  void status_tooManyRequestsEveryTime_exits1SayingThrottled() {
    control.script("job-1", State.of("Active", 3, 1, 0));
    for (int i = 0; i < 8; i++) {
      control.failNext(429, "TooManyRequestsException", "Rate exceeded");
    }

    CliRun run = JobCli.run(JobCli.args(cmd("status"), "job-1"));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("DescribeJob job job-1: S3 Control is throttling requests; try again later "
        + "(TooManyRequestsException: Rate exceeded, HTTP 429");
    assertThat(control.requests().size()).as("the SDK retries throttling before giving up").isGreaterThan(1);
  }

  @Test
  void status_malformedAccountId_exits2AndSendsNothing() {
    CliRun run = JobCli.run("job", "status", "job-1", "--region", "us-east-1",
        "--endpoint-url", control.endpoint().toString(), "--account-id", "12345");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--account-id \"12345\" is not a 12-digit AWS account id");
    assertThat(control.requests()).isEmpty();
  }

  @Test
  void list_morePagesThanOne_listsEveryJobFollowingNextToken() {
    for (int i = 1; i <= 5; i++) {
      control.script("job-" + i, State.of(i % 2 == 0 ? "Active" : "Complete", 10, i, 0));
    }
    control.pageSize(2);

    CliRun run = JobCli.run(JobCli.args(cmd("list")));

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines).hasSize(6);
    assertThat(lines.get(0)).startsWith("JOB ID");
    assertThat(lines.subList(1, 6)).extracting(l -> l.split("\\s+")[0])
        .containsExactly("job-1", "job-2", "job-3", "job-4", "job-5");
    assertThat(lines.get(2)).contains("Active").contains("2 of 10 tasks done");
    assertThat(control.requests()).hasSize(3);
    assertThat(control.requests()).allSatisfy(r -> {
      assertThat(r.query().get("maxResults")).isEqualTo("1000");
      assertThat(r.header("x-amz-account-id")).isEqualTo(ACCOUNT);
    });
    assertThat(control.requests().get(0).query()).doesNotContainKey("nextToken");
    assertThat(control.requests().get(1).query().get("nextToken")).isEqualTo("2");
    assertThat(control.requests().get(2).query().get("nextToken")).isEqualTo("4");
  }

  @Test
  void list_statusFilterJson_sendsJobStatusesAndPrintsArray() throws Exception {
    control.script("job-1", State.of("Complete", 1, 1, 0));
    control.script("job-2", State.of("Active", 1, 0, 0));

    CliRun run = JobCli.run(JobCli.args(cmd("list"), "--status", "Complete", "--json"));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(control.requests().get(0).query().get("jobStatuses")).isEqualTo("Complete");
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
    assertThat(json.size()).isEqualTo(1);
    assertThat(json.get(0).get("jobId").asText()).isEqualTo("job-1");
  }

  @Test
  void list_unknownStatus_exits2AndSendsNothing() {
    CliRun run = JobCli.run(JobCli.args(cmd("list"), "--status", "Done"));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--status \"Done\" is not a job status");
    assertThat(control.requests()).isEmpty();
  }

  @Test
  void confirm_suspendedJob_requestsReady() {
    CliRun run = JobCli.run(JobCli.args(cmd("confirm"), "job-3"));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().trim()).isEqualTo("job job-3: Ready");
    FakeS3Control.Request r = control.requests().get(0);
    assertThat(r.method()).isEqualTo("POST");
    assertThat(r.path()).isEqualTo("/v20180820/jobs/job-3/status");
    assertThat(r.query()).containsEntry("requestedJobStatus", "Ready").doesNotContainKey("statusUpdateReason");
    assertThat(r.header("x-amz-account-id")).isEqualTo(ACCOUNT);
  }

  @Test
  void cancel_withReason_requestsCancelledAndPrintsJson() throws Exception {
    CliRun run = JobCli.run(JobCli.args(cmd("cancel"), "job-4", "--reason", "wrong manifest", "--json"));

    assertThat(run.exitCode()).as(run.err()).isZero();
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
    assertThat(json.get("jobId").asText()).isEqualTo("job-4");
    assertThat(json.get("status").asText()).isEqualTo("Cancelled");
    assertThat(control.requests().get(0).query())
        .containsEntry("requestedJobStatus", "Cancelled").containsEntry("statusUpdateReason", "wrong manifest");
  }

  @Test
  void cancel_jobAlreadyComplete_exits1WithJobStatusException() {
    control.failNext(400, "JobStatusException", "Job cannot be cancelled in its current state: Complete");

    CliRun run = JobCli.run(JobCli.args(cmd("cancel"), "job-5"));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("UpdateJobStatus Cancelled job job-5: the job's status does not allow this change "
        + "(JobStatusException: Job cannot be cancelled in its current state: Complete, HTTP 400");
  }
}
