package dev.s3batch.tools.cli;

import static dev.s3batch.handler.internal.ControlCharacters.escape;

import dev.s3batch.tools.aws.S3Uri;
import dev.s3batch.tools.page.PageReport;
import dev.s3batch.tools.page.ReportPage;
import dev.s3batch.tools.report.InvalidReportException;
import dev.s3batch.tools.report.ReportReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * {@code s3batch report serve}: the report as a page in a browser, with the downloads a team hands
 * on. The numbers are {@code report review}'s own; the work is in {@code dev.s3batch.tools.page}.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    description = {
      "Serve a completion report as a web page on 127.0.0.1 until Ctrl-C.",
      "The page shows report review's totals and charts (by status, by error code and HTTP status, by message",
      "class), a searchable, paged table of the failed tasks (keys decoded), and streamed downloads: every result",
      "file merged, the failed rows, and the retry manifest. REPORT is what report review takes.",
      "Exit code 2 when --port is in use or REPORT is not a report (nothing is served); 1 when it cannot be read."
    })
public final class ReportServeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Parameters(paramLabel = "REPORT",
      description = "The report's manifest.json, the folder or s3:// prefix that holds it (job-<id>/), or the one "
          + "that holds the jobs' folders (the newest job is served).")
  String location;

  @Option(names = "--port", paramLabel = "P", defaultValue = "8080",
      description = "HTTP port (default ${DEFAULT-VALUE}; 0 for a free one).")
  int port;

  @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
      description = "The address to listen on (default ${DEFAULT-VALUE}: this machine only).")
  String host;

  @Mixin AwsOptions aws;

  private S3Client s3;

  @Override
  public Integer call() throws Exception {
    S3Uri.requireLocation("REPORT", location, CliException::usage);
    if (port < 0 || port > 65535) {
      throw CliException.usage("--port " + port + " is not a TCP port (0 to 65535)");
    }
    requireFree();
    PrintWriter err = spec.commandLine().getErr();
    PageReport report;
    try {
      ReportReader reader = ReportReader.open(location, this::s3);
      reader.jobChoice().ifPresent(c -> ReviewPrinter.jobChoice(err, c));
      err.println("reading " + escape(reader.manifestLocation()) + " ...");
      err.flush();
      report = PageReport.read(reader);
    } catch (InvalidReportException e) {
      throw CliException.usage(e.getMessage());
    } catch (IOException | RuntimeException e) {
      throw CliException.failed("cannot read the report: " + e.getMessage());
    }
    ReportPage page;
    try {
      page = ReportPage.start(report, host, port);
    } catch (IOException e) {
      throw CliException.usage("--port " + port + ": " + e.getMessage() + "; choose another, or --port 0 for a free one");
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(page), "s3batch-report-serve-stop"));
    PrintWriter out = spec.commandLine().getOut();
    out.println("report page of " + escape(report.reader().manifestLocation()) + " at " + page.uri()
        + " (Ctrl-C stops it)");
    out.flush();
    page.join();
    return ExitCodes.OK;
  }

  /** Refuses a port in use before the report is read (which can take a while for a large one). */
  private void requireFree() {
    try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName(host))) {
      probe.setReuseAddress(true);
    } catch (IOException e) {
      throw CliException.usage("--port " + port + " on " + host + ": " + e.getMessage()
          + "; choose another, or --port 0 for a free one");
    }
  }

  private static void stop(ReportPage page) {
    try {
      page.close();
    } catch (Exception ignored) {
      // stopping anyway
    }
  }

  /** One S3 client for the whole serve, built when first needed. */
  private S3Client s3() {
    if (s3 == null) {
      s3 = aws.clients().s3();
    }
    return s3;
  }
}
