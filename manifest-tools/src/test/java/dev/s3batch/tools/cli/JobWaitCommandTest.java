package dev.s3batch.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3batch.tools.job.FakeS3Control;
import dev.s3batch.tools.job.FakeS3Control.State;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code job wait} polling a fake S3 Control job through its states. */
class JobWaitCommandTest {

  FakeS3Control control;

  @BeforeEach
  void start() throws Exception {
    control = new FakeS3Control();
  }

  @AfterEach
  void stop() {
    control.close();
  }

  List<String> waitFor(String jobId) {
    return List.of("job", "wait", jobId, "--region", "us-east-1", "--endpoint-url", control.endpoint().toString(),
        "--account-id", "123456789012", "--interval", "10ms", "--max-interval", "40ms", "--progress");
  }

  @Test
  void wait_preparingActiveComplete_exits0AfterPollingEachState() {
    control.script("job-1", State.of("Preparing", 0, 0, 0), State.of("Active", 4, 2, 0), State.of("Complete", 4, 4, 0));

    CliRun run = JobCli.run(JobCli.args(waitFor("job-1")));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err().lines().toList()).containsExactly(
        "job job-1: Preparing, 0 of 0 tasks done: 0 succeeded, 0 failed",
        "job job-1: Active, 2 of 4 tasks done: 2 succeeded, 0 failed",
        "job job-1: Complete, 4 of 4 tasks done: 4 succeeded, 0 failed");
    assertThat(run.out()).contains("Status:    Complete").contains("4 of 4 tasks done");
    assertThat(control.requests()).hasSize(3)
        .allSatisfy(r -> assertThat(r.path()).isEqualTo("/v20180820/jobs/job-1"));
  }

  @Test
  void wait_completeWithFailedTasks_exits3() {
    control.script("job-2", State.of("Active", 4, 1, 1), State.of("Complete", 4, 3, 1));

    CliRun run = JobCli.run(JobCli.args(waitFor("job-2")));

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.out()).contains("4 of 4 tasks done: 3 succeeded, 1 failed");
  }

  @Test
  void wait_failedJob_exits1WithItsFailureReasons() {
    control.script("job-3", State.of("Preparing", 0, 0, 0),
        new State("Failed", 0, 0, 0, List.<String[]>of(new String[] {"ManifestReadFailure", "Access Denied"})));

    CliRun run = JobCli.run(JobCli.args(waitFor("job-3")));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("Status:    Failed").contains("Failure:   ManifestReadFailure: Access Denied");
  }

  @Test
  void wait_cancelledJob_exits1() {
    control.script("job-4", State.of("Cancelled", 10, 2, 0));

    CliRun run = JobCli.run(JobCli.args(waitFor("job-4")));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("Status:    Cancelled");
  }

  @Test
  void wait_jobStillActiveAtTimeout_exits1SayingSo() {
    control.script("job-5", State.of("Active", 10, 3, 0));

    CliRun run = JobCli.run(JobCli.args(waitFor("job-5"), "--timeout", "400ms"));

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("job job-5 is still Active after 400ms (--timeout); 3 of 10 tasks done");
    assertThat(control.requests().size()).isGreaterThan(1);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void wait_withoutProgressOffTerminal_printsOnlyTheFinalStatus() {
    control.script("job-6", State.of("Active", 1, 0, 0), State.of("Complete", 1, 1, 0));
    List<String> args = new java.util.ArrayList<>(waitFor("job-6"));
    args.remove("--progress");

    CliRun run = JobCli.run(args.toArray(String[]::new));

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out()).contains("Status:    Complete");
  }

  @Test
  void wait_badInterval_exits2() {
    CliRun run = JobCli.run("job", "wait", "job-1", "--region", "us-east-1",
        "--endpoint-url", control.endpoint().toString(), "--account-id", "123456789012", "--interval", "soon");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("--interval \"soon\" is not a duration");
    assertThat(control.requests()).isEmpty();
  }
}
