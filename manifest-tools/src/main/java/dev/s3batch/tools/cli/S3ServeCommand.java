package dev.s3batch.tools.cli;

import dev.s3batch.tools.local.LocalS3Server;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code s3batch s3 serve}: a local S3 server (S3Mock) on 127.0.0.1, in the foreground until Ctrl-C. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Start a local S3 server (Adobe S3Mock) on 127.0.0.1 and keep it running until Ctrl-C.",
      "Point s3batch at it with --endpoint-url http://127.0.0.1:PORT (path-style; any credentials)."
    })
public final class S3ServeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--port", defaultValue = "9090", paramLabel = "PORT", description = "HTTP port (default ${DEFAULT-VALUE}; 0 for a free one).")
  int port;

  @Option(names = "--dir", paramLabel = "DIR", description = "Keep the server's files in DIR (default: a temporary folder, deleted on exit).")
  Path dir;

  @Option(names = "--bucket", paramLabel = "NAME", description = "Create this bucket at start; repeatable.")
  java.util.List<String> buckets = new java.util.ArrayList<>();

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (port < 0 || port > 65535) {
      throw CliException.usage("--port " + port + " is not a TCP port (0 to 65535)");
    }
    PrintWriter out = spec.commandLine().getOut();
    LocalS3Server server;
    try {
      server = LocalS3Server.start(port, dir);
    } catch (IOException e) {
      throw CliException.failed(e.getMessage());
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "s3batch-s3-stop"));
    try (var s3 = server.client()) {
      for (String bucket : buckets) {
        s3.createBucket(b -> b.bucket(bucket));
      }
    }
    out.println("S3 server on " + server.endpoint() + " (files in " + server.store() + "); Ctrl-C to stop.");
    out.println("Try: AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test ./s3batch invoke --endpoint-url "
        + server.endpoint() + " --region us-east-1 --action head --bucket BUCKET --key KEY");
    out.flush();
    return server.waitFor() == 0 ? ExitCodes.OK : ExitCodes.FAILED;
  }
}
