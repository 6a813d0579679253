package dev.s3batch.tools.cli;

import dev.s3batch.tools.lambda.FunctionSpec;
import dev.s3batch.tools.lambda.LambdaService;
import dev.s3batch.tools.local.LocalS3Server;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * {@code s3batch demo}: the whole loop on one machine, with no AWS account. It starts a local S3
 * server, uploads objects whose keys break naive tools, and then runs the same {@code s3batch}
 * commands a user types (shown as it runs them): build manifests, run local jobs with built-in
 * actions (copy with per-key renames; remove delete markers; retry the failed tasks), write AWS's
 * completion reports and review them. It checks the objects end up as promised and exits 0 only
 * then.
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Run a complete S3 Batch Operations flow on this machine, against a local S3 server, with no AWS account.",
      "It covers manifests (JSON rename keys, delete markers), local jobs (copy, remove-delete-marker, a retry of the failures),",
      "completion reports written as AWS writes them, and their review; then a job through Lambda's Invoke API,",
      "the shipped lambda jar hosted by lambda serve. Prints each s3batch command as it runs it."
    })
public final class DemoCommand implements Callable<Integer> {

  private static final String PHOTOS = "demo-photos";
  private static final String ARCHIVE = "demo-archive";
  private static final String MANIFESTS = "demo-manifests";
  private static final String DELETED = "summer/pier, dusk.jpg";
  private static final List<String> KEYS =
      List.of(
          "summer/beach day+1.jpg",
          DELETED,
          "notes/readme 100%.txt",
          "notes/café menu.txt",
          "quotes/\"best\" of 2024.txt",
          "ファイル/日本語 ノート.txt",
          "math/a+b=c & d.txt");

  @Spec CommandSpec spec;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "s3batch-demo",
      description = "Where the manifests and completion reports go (default ${DEFAULT-VALUE}); each run adds a folder.")
  Path out;

  private PrintWriter stdout;
  private final List<String> problems = new ArrayList<>();
  private final java.util.Map<String, String> latest = new java.util.HashMap<>();

  @Override
  public Integer call() throws IOException {
    stdout = spec.commandLine().getOut();
    dev.s3batch.tools.aws.S3Uri.requireLocal("--out", out.toString(), CliException::usage);
    Path run = Files.createDirectories(out.resolve(LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))));
    // The local server accepts any credentials; these keep real ones out of its requests.
    System.setProperty("aws.accessKeyId", "test");
    System.setProperty("aws.secretAccessKey", "test");
    long started = System.nanoTime();
    try (LocalS3Server server = LocalS3Server.start(0, null, this::starting); S3Client s3 = server.client()) {
      String endpoint = server.endpoint().toString();
      say(String.format(java.util.Locale.ROOT, "S3 server on %s (ready in %.1f s)", endpoint,
          (System.nanoTime() - started) / 1e9));
      upload(s3);
      renameJob(s3, endpoint, run);
      markerJob(s3, endpoint, run);
      retryJob(s3, endpoint, run);
      lambdaJob(endpoint, run);
      say("");
      say("Archive bucket now holds:");
      archiveKeys(s3).forEach(k -> say("  s3://" + ARCHIVE + "/" + k));
      say("");
      say("Manifests and completion reports are in " + run.toAbsolutePath());
      say("The local S3 server is stopped now; its objects are gone.");
    }
    if (!problems.isEmpty()) {
      problems.forEach(p -> spec.commandLine().getErr().println("s3batch demo: " + p));
      return ExitCodes.FAILED;
    }
    say("Demo finished: every check passed.");
    return ExitCodes.OK;
  }

  private void starting(java.net.URI endpoint) {
    say("Starting the local S3 server (S3Mock) on " + endpoint.getHost() + ":" + endpoint.getPort()
        + " ... (a separate JVM; it takes a few seconds)");
  }

  private void upload(S3Client s3) {
    say("");
    say("== Objects: keys with spaces, '+', '%', ',', quotes, '&', '=' and non-ASCII, in a versioned bucket");
    s3.createBucket(b -> b.bucket(PHOTOS));
    s3.putBucketVersioning(b -> b.bucket(PHOTOS).versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
    s3.createBucket(b -> b.bucket(ARCHIVE));
    s3.createBucket(b -> b.bucket(MANIFESTS));
    for (String key : KEYS) {
      put(s3, key, "content of " + key);
      say("  put s3://" + PHOTOS + "/" + key);
    }
    put(s3, "notes/café menu.txt", "a second version of the menu");
    say("  put s3://" + PHOTOS + "/notes/café menu.txt (a second version)");
    s3.deleteObject(b -> b.bucket(PHOTOS).key(DELETED));
    say("  delete s3://" + PHOTOS + "/" + DELETED + " (versioned: leaves a delete marker)");
  }

  private void put(S3Client s3, String key, String content) {
    s3.putObject(b -> b.bucket(PHOTOS).key(key).contentType("text/plain"), RequestBody.fromString(content));
    latest.put(key, content);
  }

  private void renameJob(S3Client s3, String endpoint, Path run) throws IOException {
    say("");
    say("== Job 1: copy every object to the archive bucket under 2024/, one JSON rename key per object");
    Path renames = run.resolve("renames.jsonl");
    StringBuilder lines = new StringBuilder();
    for (String key : KEYS) {
      lines.append("{\"origKey\": ").append(json(key)).append(", \"newKey\": ").append(json("2024/" + key)).append("}\n");
    }
    Files.writeString(renames, lines, StandardCharsets.UTF_8);
    say("  wrote " + renames + " (" + KEYS.size() + " lines)");
    command(0, "manifest", "build", "--jsonl", renames.toString(), "--bucket", PHOTOS,
        "--upload", "s3://" + MANIFESTS + "/renames.csv", "--endpoint-url", endpoint, "--region", "us-east-1");
    Path reports = run.resolve("reports/1-copy");
    command(ExitCodes.TASKS_FAILED, "job", "run-local", "--manifest", "s3://" + MANIFESTS + "/renames.csv",
        "--action", "copy", "--env", "S3BATCH_DESTINATION_BUCKET=" + ARCHIVE, "--report", reports.toString(),
        "--endpoint-url", endpoint, "--region", "us-east-1");
    say("  (one task failed on purpose: " + DELETED + " is behind a delete marker)");
    command(ExitCodes.TASKS_FAILED, "report", "review", jobFolder(reports).toString(), "--failed",
        "--retry-manifest", run.resolve("retry.csv").toString());
    expectArchive(s3, KEYS.size() - 1);
  }

  private void markerJob(S3Client s3, String endpoint, Path run) throws IOException {
    say("");
    say("== Job 2: remove the delete markers (AWS's \"Removing delete markers\" example), restoring the object");
    Path markers = run.resolve("delete-markers.csv");
    command(0, "manifest", "build", "--list", "s3://" + PHOTOS + "/", "--versions", "delete-markers",
        "-o", markers.toString(), "--endpoint-url", endpoint, "--region", "us-east-1");
    Path reports = run.resolve("reports/2-remove-delete-marker");
    command(0, "job", "run-local", "--manifest", markers.toString(), "--action", "remove-delete-marker",
        "--report", reports.toString(), "--endpoint-url", endpoint, "--region", "us-east-1");
    command(0, "report", "review", jobFolder(reports).toString());
    try {
      s3.headObject(b -> b.bucket(PHOTOS).key(DELETED));
      say("  s3://" + PHOTOS + "/" + DELETED + " is back");
    } catch (RuntimeException e) {
      problems.add(DELETED + " was not restored: " + e.getMessage());
    }
  }

  private void retryJob(S3Client s3, String endpoint, Path run) throws IOException {
    say("");
    say("== Job 3: run job 1's failed tasks again, from the retry manifest its review wrote");
    Path reports = run.resolve("reports/3-retry");
    command(0, "job", "run-local", "--manifest", run.resolve("retry.csv").toString(), "--action", "copy",
        "--env", "S3BATCH_DESTINATION_BUCKET=" + ARCHIVE, "--report", reports.toString(),
        "--endpoint-url", endpoint, "--region", "us-east-1");
    expectArchive(s3, KEYS.size());
  }

  private void lambdaJob(String endpoint, Path run) throws IOException {
    say("");
    say("== Job 4: the same kind of job through Lambda's Invoke API: lambda serve hosts the shipped lambda jar");
    Path jar = lambdaJar();
    if (jar == null) {
      problems.add("no handler/target/s3batch-handler-*-lambda.jar: build it with mvn -B -q -DskipTests package");
      return;
    }
    String handler = "s3batch=dev.s3batch.handler.S3BatchHandler::handleRequest@" + jar;
    Map<String, String> env = new LinkedHashMap<>();
    env.put("S3BATCH_ACTION", "head");
    env.put("AWS_ENDPOINT_URL", endpoint);
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_ACCESS_KEY_ID", "test");
    env.put("AWS_SECRET_ACCESS_KEY", "test");
    List<String> shown = new ArrayList<>(List.of("lambda", "serve", "--port", "0", "--function", handler));
    env.forEach((k, v) -> shown.addAll(List.of("--env", k + "=" + v)));
    say("");
    say("$ s3batch " + String.join(" ", shown.stream().map(DemoCommand::shellQuote).toList()) + " &");
    try (LambdaService lambda = LambdaService.start(List.of(FunctionSpec.parse(handler).withEnv(env)), 0)) {
      String url = lambda.endpoint().toString();
      say("  Lambda service on " + url + " (each execution environment a child JVM under AWS's runtime client)");
      Path manifest = run.resolve("archive.csv");
      command(0, "manifest", "build", "--list", "s3://" + ARCHIVE + "/", "-o", manifest.toString(),
          "--endpoint-url", endpoint, "--region", "us-east-1");
      command(0, "invoke", "--function", "s3batch", "--lambda-endpoint-url", url, "--region", "us-east-1",
          "--bucket", ARCHIVE, "--key", "2024/" + KEYS.get(0));
      command(0, "job", "run-local", "--manifest", manifest.toString(), "--function", "s3batch",
          "--lambda-endpoint-url", url, "--region", "us-east-1", "--report", run.resolve("reports/4-lambda").toString());
    }
  }

  /** The shipped lambda jar, beside this build's CLI ({@code handler/target/}), or null. */
  private static Path lambdaJar() throws IOException {
    Path here;
    try {
      here = Path.of(DemoCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException | RuntimeException e) {
      return null;
    }
    for (Path dir = here; dir != null; dir = dir.getParent()) {
      Path target = dir.resolve("handler").resolve("target");
      if (Files.isDirectory(target)) {
        try (Stream<Path> files = Files.list(target)) {
          return files.filter(p -> p.getFileName().toString().matches("s3batch-handler-.*-lambda\\.jar"))
              .map(Path::toAbsolutePath).findFirst().orElse(null);
        }
      }
    }
    return null;
  }

  /** Runs one s3batch command in this process, shows it and its output, and checks its exit code. */
  private void command(int expected, String... args) {
    List<String> function = new ArrayList<>(List.of(args));
    if (args[0].equals("job") && !List.of(args).contains("--function")) {
      // The function's own S3 client reads credentials from its environment.
      function.addAll(List.of("--env", "AWS_ACCESS_KEY_ID=test", "--env", "AWS_SECRET_ACCESS_KEY=test",
          "--env", "AWS_SESSION_TOKEN="));
    }
    say("");
    say("$ s3batch " + String.join(" ", Stream.of(args).map(DemoCommand::shellQuote).toList()));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code;
    try (PrintWriter o = new PrintWriter(out, true); PrintWriter e = new PrintWriter(err, true)) {
      code = Main.run(o, e, function.toArray(String[]::new));
    }
    indent(out.toString());
    indent(err.toString());
    say("  (exit code " + code + ")");
    if (code != expected) {
      problems.add("s3batch " + String.join(" ", args) + " exited " + code + ", expected " + expected);
    }
  }

  private void expectArchive(S3Client s3, int count) {
    TreeSet<String> keys = archiveKeys(s3);
    if (keys.size() != count || !keys.stream().allMatch(k -> k.startsWith("2024/"))) {
      problems.add("the archive holds " + keys + ", expected " + count + " keys under 2024/");
    }
    for (String key : keys) {
      String original = key.substring("2024/".length());
      String copied = s3.getObjectAsBytes(b -> b.bucket(ARCHIVE).key(key)).asUtf8String();
      if (!copied.equals(latest.get(original))) {
        problems.add("s3://" + ARCHIVE + "/" + key + " holds \"" + copied + "\", not the latest content of " + original);
      }
    }
  }

  private static TreeSet<String> archiveKeys(S3Client s3) {
    TreeSet<String> keys = new TreeSet<>();
    s3.listObjectsV2Paginator(b -> b.bucket(ARCHIVE)).contents().stream().map(S3Object::key).forEach(keys::add);
    return keys;
  }

  private static Path jobFolder(Path reports) throws IOException {
    try (Stream<Path> jobs = Files.list(reports)) {
      return jobs.filter(p -> p.getFileName().toString().startsWith("job-")).findFirst()
          .orElseThrow(() -> new IOException("no job-<id> folder in " + reports));
    }
  }

  private void indent(String text) {
    text.lines().filter(l -> !l.isBlank()).forEach(l -> say("  " + l));
  }

  private void say(String line) {
    stdout.println(line);
    stdout.flush();
  }

  private static String json(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        default -> sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  private static String shellQuote(String arg) {
    return arg.matches("[A-Za-z0-9_./:=@%+-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
  }
}
