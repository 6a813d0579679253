package dev.s3batch.tools.cli;

import dev.s3batch.handler.S3BatchHandler;
import dev.s3batch.handler.action.ActionRegistry;
import dev.s3batch.handler.event.SchemaVersion;
import dev.s3batch.tools.aws.S3Uri;
import dev.s3batch.tools.local.JobResult;
import dev.s3batch.tools.local.JobStatus;
import dev.s3batch.tools.local.LocalJobRunner;
import dev.s3batch.tools.local.ManifestSample;
import dev.s3batch.tools.local.RunSettings;
import dev.s3batch.tools.manifest.InvalidManifestException;
import dev.s3batch.tools.manifest.ManifestReader;
import dev.s3batch.tools.report.ReportDestinationException;
import dev.s3batch.tools.report.ReportNotWrittenException;
import dev.s3batch.tools.report.ReportScope;
import dev.s3batch.tools.report.ReportStore;
import dev.s3batch.tools.report.ReportWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code s3batch job run-local}: runs a job's tasks in this process, through the function's
 * {@code RequestStreamHandler} exactly as S3 Batch Operations and Lambda would, and writes the
 * completion report as AWS does.
 */
@Command(
    name = "run-local",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Run a job in this process, as S3 Batch Operations runs it, and write its completion report as AWS does.",
      "One invocation of the function per manifest row, then <report>/job-<id>/manifest.json and results/*.csv.",
      "With --function, each task goes through Lambda's Invoke API to a deployed function (or lambda serve's).",
      "Exit code 3 when tasks failed; 1 when the job failed (more than half of at least 1,000 tasks failed); 130 when",
      "cancelled with Ctrl-C."
    })
public final class RunLocalCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--manifest", required = true, paramLabel = "s3://BUCKET/KEY|FILE",
      description = "The manifest: S3BatchOperations_CSV_20180820 CSV, or an S3 Inventory manifest.json.")
  String manifest;

  @Option(names = "--report", required = true, paramLabel = "s3://BUCKET/PREFIX|DIR",
      description = "Where the completion report goes (under job-<id>/); probed with a write (then removed) before"
          + " the first task. A job that stops early lists the tasks that never ran in job-<id>/unprocessed.csv.")
  String report;

  @Option(names = "--report-scope", paramLabel = "AllTasks|FailedTasksOnly", defaultValue = "AllTasks",
      description = "Which tasks the report lists (default ${DEFAULT-VALUE}).")
  ReportScope scope;

  @Option(names = "--schema", paramLabel = "1.0|2.0", description = "Invocation schema (default 1.0; 2.0 when --arg is given).")
  String schema;

  @Option(names = "--arg", paramLabel = "KEY=VALUE", description = "A job user argument (schema 2.0); repeatable.")
  Map<String, String> args = new LinkedHashMap<>();

  @Mixin FunctionOptions function;

  @Mixin LambdaOptions lambda;

  @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8", description = "Invocations at once (default ${DEFAULT-VALUE}).")
  int concurrency;

  @Option(names = "--max-attempts", paramLabel = "N", defaultValue = "5",
      description = "Invocations of a task answered TemporaryFailure, in all (default ${DEFAULT-VALUE}).")
  int maxAttempts;

  @Option(names = "--sample", paramLabel = "N",
      description = "Run only N tasks drawn at random from the manifest (every row as likely), as a rehearsal of the"
          + " job; the report says it is a sample (job-<id>/sample.json).")
  Integer sample;

  @Option(names = "--seed", paramLabel = "S",
      description = "The seed of --sample's draw: the same seed draws the same rows (default: a random one, printed).")
  Long seed;

  @Option(names = "--log", paramLabel = "FILE", description = "Write the function's log lines to FILE (default: discarded).")
  java.nio.file.Path log;

  @Option(names = "--progress-every", paramLabel = "SECONDS",
      description = "Progress on stderr every SECONDS: one line redrawn on a terminal (default 1), a line each time"
          + " otherwise (default 5); 0 for none.")
  Double progressEvery;

  @Mixin AwsOptions aws;

  @Override
  public Integer call() throws IOException {
    S3Uri.requireLocation("--manifest", manifest, CliException::usage);
    S3Uri.requireLocation("--report", report, CliException::usage);
    if (log != null) {
      S3Uri.requireLocal("--log", log.toString(), CliException::usage);
    }
    if (seed != null && sample == null) {
      throw CliException.usage("--seed " + seed + " needs --sample N: it seeds the draw of the sample");
    }
    if (progressEvery != null && !(progressEvery >= 0 && progressEvery < Double.POSITIVE_INFINITY)) {
      throw CliException.usage("--progress-every " + progressEvery + ": give a number of seconds, or 0 for none");
    }
    lambda.check(spec, java.util.List.of(), java.util.List.of());
    ManifestSample drawn = sample();
    Supplier<S3Client> s3 = memoize(() -> aws.clients().s3());
    if (lambda.deployed()) {
      return runDeployed(s3, drawn);
    }
    Map<String, String> environment = function.environment(aws, args);
    RunSettings settings = settings().withS3Endpoint(s3Endpoint(environment));
    checkAction(environment);
    aws.preflightFunction(environment);
    S3BatchHandler handler = InProcessFunction.handler(environment);
    try (FunctionLog functionLog = FunctionLog.open(log)) {
      LocalJobRunner runner = new LocalJobRunner(handler, settings, functionLog);
      ReportWriter writer = new ReportWriter(ReportStore.of(report, s3), runner.jobId(), scope);
      return runWithCancel(runner, writer, s3, drawn);
    }
  }

  /** The job with each task sent through Lambda's Invoke API to the deployed function ({@code --function}). */
  private int runDeployed(Supplier<S3Client> s3, ManifestSample drawn) throws IOException {
    RunSettings settings = settings().withS3Endpoint("the deployed function's S3 endpoint");
    try (DeployedFunction.Target target = DeployedFunction.open(lambda, aws);
        FunctionLog functionLog = FunctionLog.open(log)) {
      LocalJobRunner runner = new LocalJobRunner(target.functions(functionLog), settings);
      ReportWriter writer = new ReportWriter(ReportStore.of(report, s3), runner.jobId(), scope);
      return runWithCancel(runner, writer, s3, drawn);
    }
  }

  /** An action named in the environment must exist; one named by {@code --arg action=} is the function's to check. */
  private void checkAction(Map<String, String> environment) {
    if (args.containsKey("action")) {
      return;
    }
    String name = environment.get("S3BATCH_ACTION");
    ActionRegistry registry = new ActionRegistry();
    if (name == null) {
      throw CliException.usage("no action: give --action NAME (one of " + registry.names() + ")");
    }
    if (registry.find(name).isEmpty()) {
      throw CliException.usage("--action " + name + ": no such action (known: " + registry.names() + ")");
    }
  }

  private int runWithCancel(LocalJobRunner runner, ReportWriter writer, Supplier<S3Client> s3, ManifestSample drawn)
      throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    CountDownLatch reported = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      runner.cancel();
      try {
        reported.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "s3batch-cancel");
    Runtime.getRuntime().addShutdownHook(hook);
    boolean terminal = System.console() != null;
    double every = progressEvery != null ? progressEvery : terminal ? 1 : 5;
    Progress progress = every > 0
        ? Progress.start(runner::progress, err, Duration.ofMillis((long) (every * 1000)), terminal) : null;
    try {
      JobResult result = runner.run(() -> ManifestReader.open(manifest, s3), drawn, manifest, writer);
      if (progress != null) {
        progress.stop();
        progress = null;
      }
      return summarise(result);
    } catch (InvalidManifestException e) {
      throw CliException.usage("--manifest " + e.getMessage());
    } catch (ReportDestinationException e) {
      throw CliException.usage(e.temporaryFolder()
          ? e.getMessage() + "; choose another with JAVA_TOOL_OPTIONS=-Djava.io.tmpdir=DIR" : "--report " + e.getMessage());
    } catch (ReportNotWrittenException e) {
      throw new CliException(ExitCodes.FAILED, e.getMessage(), e);
    } finally {
      if (progress != null) {
        progress.stop();
      }
      reported.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it returns now that the summary is printed
      }
    }
  }

  private int summarise(JobResult r) {
    PrintWriter out = spec.commandLine().getOut();
    var p = r.progress();
    out.printf("Job %s %s: %d tasks, %d succeeded, %d failed, %d retried%s, in %.1f s%n",
        r.jobId(), r.status(), p.done(), p.succeeded(), p.failed(), p.retried(),
        r.unprocessed() > 0 ? ", " + r.unprocessed() + " never ran" : "", p.elapsedNanos() / 1e9);
    if (r.sample() != null) {
      out.println("Sample: " + r.sample().describe());
    }
    if (!r.failureReason().isEmpty()) {
      out.println("Reason: " + r.failureReason());
    }
    if (r.unprocessed() > 0) {
      out.println("Never ran: " + r.unprocessed() + " tasks, listed in " + r.unprocessedReport()
          + " (a manifest; report review --retry-manifest includes them)");
    }
    out.println("Report: " + r.report());
    out.flush();
    if (r.status() != JobStatus.Complete) {
      return ExitCodes.FAILED;
    }
    return p.failed() > 0 ? ExitCodes.TASKS_FAILED : ExitCodes.OK;
  }

  /** The S3 endpoint the function talks to, for messages. */
  private static String s3Endpoint(Map<String, String> environment) {
    String endpoint = environment.getOrDefault("AWS_ENDPOINT_URL_S3", environment.get("AWS_ENDPOINT_URL"));
    if (endpoint != null) {
      return endpoint;
    }
    String region = environment.getOrDefault("AWS_REGION", environment.get("AWS_DEFAULT_REGION"));
    return region != null ? "the AWS endpoint of " + region : "the AWS endpoint";
  }

  /** The sample {@code --sample}/{@code --seed} ask for, or null for every row. */
  private ManifestSample sample() {
    if (sample == null) {
      return null;
    }
    try {
      return new ManifestSample(sample, seed != null ? seed : new java.security.SecureRandom().nextLong());
    } catch (IllegalArgumentException e) {
      throw CliException.usage("--sample " + sample + ": " + e.getMessage());
    }
  }

  private RunSettings settings() {
    SchemaVersion version = SchemaChoice.of(schema, args);
    try {
      return RunSettings.defaults()
          .withSchema(version, args)
          .withConcurrency(concurrency)
          .withTimeout(Duration.ofSeconds(function.timeoutSeconds()))
          .withMaxAttempts(maxAttempts);
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage());
    }
  }

  private static <T> Supplier<T> memoize(Supplier<T> factory) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = factory.get();
        }
        return value;
      }
    };
  }
}
