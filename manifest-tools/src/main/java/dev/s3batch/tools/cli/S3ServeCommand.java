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
      "Point s3batch at it with --endpoint-url http://127.0.0.1:PORT (path-style; any credentials).",
      "The server stops with this command, even when the command is killed.",
      "With --bucket, the port opens only once every bucket is created and seeded.",
      "Exit code 2 when --port is in use (nothing is started) or an option is wrong; 1 when the server cannot start."
    })
public final class S3ServeCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--port", defaultValue = "9090", paramLabel = "PORT", description = "HTTP port (default ${DEFAULT-VALUE}; 0 for a free one).")
  int port;

  @Option(names = "--dir", paramLabel = "DIR", description = "Keep the server's files in DIR (default: a temporary folder, deleted on exit).")
  Path dir;

  @Option(
      names = "--bucket",
      paramLabel = "NAME[=DIR]",
      description = "Create this bucket at start and, with =DIR, upload every file under DIR (keys are the relative paths); repeatable.")
  java.util.List<String> buckets = new java.util.ArrayList<>();

  @Override
  public Integer call() throws IOException, InterruptedException {
    if (port < 0 || port > 65535) {
      throw CliException.usage("--port " + port + " is not a TCP port (0 to 65535)");
    }
    PrintWriter out = spec.commandLine().getOut();
    java.util.List<BucketSeed> seeds = buckets.stream().map(BucketSeed::parse).toList();
    LocalS3Server server;
    try {
      // with buckets, the port opens only once they are seeded (through a port no one is told)
      server = seeds.isEmpty() ? LocalS3Server.start(port, dir) : LocalS3Server.startSeeded(port, dir, s3 -> {
        for (BucketSeed seed : seeds) {
          int n = seed.apply(s3);
          out.println("bucket " + seed.bucket() + (seed.dir() == null ? "" : ": " + n + " objects from " + seed.dir()));
          out.flush();
        }
      });
    } catch (LocalS3Server.PortInUseException e) {
      throw CliException.usage("--port " + port + ": " + e.getMessage() + "; choose another port, or --port 0 for a free one");
    } catch (IOException e) {
      throw CliException.failed(e.getMessage());
    }
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "s3batch-s3-stop"));
    out.println("S3 server on " + server.endpoint() + " (files in " + server.store() + "); Ctrl-C to stop.");
    out.println("Try: AWS_ACCESS_KEY_ID=test AWS_SECRET_ACCESS_KEY=test ./s3batch invoke --endpoint-url "
        + server.endpoint() + " --region us-east-1 --action head --bucket BUCKET --key KEY");
    out.flush();
    return server.waitFor() == 0 ? ExitCodes.OK : ExitCodes.FAILED;
  }

  /** A {@code --bucket NAME[=DIR]} value. */
  record BucketSeed(String bucket, Path dir) {
    static BucketSeed parse(String value) {
      int eq = value.indexOf('=');
      String name = eq < 0 ? value : value.substring(0, eq);
      Path dir = eq < 0 ? null : Path.of(value.substring(eq + 1));
      if (!name.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
        throw CliException.usage("--bucket " + value + ": \"" + name + "\" is not a valid bucket name");
      }
      if (dir != null && !java.nio.file.Files.isDirectory(dir)) {
        throw CliException.usage("--bucket " + value + ": " + dir + " is not a folder");
      }
      return new BucketSeed(name, dir);
    }

    int apply(software.amazon.awssdk.services.s3.S3Client s3) throws IOException {
      s3.createBucket(b -> b.bucket(bucket));
      if (dir == null) {
        return 0;
      }
      java.util.List<Path> files;
      try (var walk = java.nio.file.Files.walk(dir)) {
        files = walk.filter(java.nio.file.Files::isRegularFile).sorted().toList();
      }
      for (Path file : files) {
        String key = dir.relativize(file).toString().replace(java.io.File.separatorChar, '/');
        s3.putObject(b -> b.bucket(bucket).key(key), file);
      }
      return files.size();
    }
  }
}
