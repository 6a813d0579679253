package dev.s3batch.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3batch.testkit.S3TestServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

class S3ServeCommandTest {

  @Test
  void serve_portTakenBySilentSocket_exit2NamingPortBeforeReady() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();

      CliRun run = CliRun.of("s3", "serve", "--port", String.valueOf(port), "--bucket", "seeded");

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
      assertThat(run.err()).contains("--port " + port + ": port " + port + " is in use");
      assertThat(run.out()).doesNotContain("S3 server on").doesNotContain("bucket seeded");
    }
  }

  @Test
  void serve_portOfAnotherS3Server_createsNoBucketThere() {
    S3TestServer other = S3TestServer.get();
    int port = other.endpoint().getPort();

    CliRun run = CliRun.of("s3", "serve", "--port", String.valueOf(port), "--bucket", "not-in-the-other-server");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("port " + port + " is in use");
    assertThat(run.out()).doesNotContain("S3 server on");
    assertThat(other.client().listBuckets().buckets()).extracting(Bucket::name)
        .doesNotContain("not-in-the-other-server");
  }

  @Test
  void serve_help_listsExitCodeOfPortInUse() {
    CliRun run = CliRun.of("s3", "serve", "--help");

    assertThat(run.out().replaceAll("\\s+", " ")).contains("Exit code 2 when --port is in use");
  }

  @Test
  void serve_killedWithSigkill_childServerStopsAndPortFrees(@TempDir Path dir) throws Exception {
    Process serve = CliProcess.builder(dir, Map.of(), "s3", "serve", "--port", "0").start();
    try {
      int port = awaitReadyPort(dir.resolve("out.txt"), serve);
      List<ProcessHandle> children = serve.toHandle().children().toList();
      assertThat(children).as("the S3 child JVM").hasSize(1);
      ProcessHandle child = children.get(0);
      assertThat(bindable(port)).as("port %d held by the server", port).isFalse();

      serve.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

      assertThat(child.onExit().get(20, TimeUnit.SECONDS).isAlive()).as("child alive").isFalse();
      assertThat(awaitBindable(port, Duration.ofSeconds(10))).as("port %d free again", port).isTrue();
    } finally {
      serve.destroyForcibly();
      serve.descendants().forEach(ProcessHandle::destroyForcibly);
    }
  }

  @Test
  void serve_bucketSeededFromDir_firstAnswerOfThePortListsEveryFile(@TempDir Path dir) throws Exception {
    Path files = Files.createDirectories(dir.resolve("files"));
    int count = 300;
    for (int i = 0; i < count; i++) {
      Path f = files.resolve(String.format("part-%02d/file %03d.txt", i % 7, i));
      Files.createDirectories(f.getParent());
      Files.writeString(f, "file " + i);
    }
    int port;
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      port = probe.getLocalPort();
    }
    Process serve = CliProcess.builder(dir, Map.of(), "s3", "serve", "--port", String.valueOf(port),
        "--bucket", "seeded=" + files).start();
    try (S3Client s3 = S3Client.builder()
        .endpointOverride(URI.create("http://127.0.0.1:" + port)).forcePathStyle(true).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofMillis(200))
            .socketTimeout(Duration.ofSeconds(20)).build())
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build()) {
      ListObjectsV2Response first = null;
      int refused = 0;
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (first == null && System.nanoTime() < deadline) {
        assertThat(serve.isAlive()).as("s3 serve running; stderr: %s", CliProcess.read(dir.resolve("err.txt"))).isTrue();
        try {
          // an S3 error (NoSuchBucket) is an answer too: it fails the test, as a short listing does
          first = s3.listObjectsV2(b -> b.bucket("seeded"));
        } catch (SdkClientException notListening) {
          refused++;
          Thread.sleep(10);
        } catch (S3Exception e) {
          throw new AssertionError("the port answered before the seeding was done: " + e.getMessage(), e);
        }
      }

      assertThat(refused).as("polls before the port answered").isPositive();
      assertThat(first).as("an answer within 2 minutes").isNotNull();
      assertThat(first.keyCount()).as("objects in the first listing").isEqualTo(count);
      assertThat(first.contents()).extracting(S3Object::key).contains("part-03/file 010.txt", "part-05/file 299.txt");
      assertThat(awaitReadyPort(dir.resolve("out.txt"), serve)).isEqualTo(port);
      assertThat(CliProcess.read(dir.resolve("out.txt"))).contains("bucket seeded: " + count + " objects from " + files);
    } finally {
      serve.destroyForcibly();
      serve.descendants().forEach(ProcessHandle::destroyForcibly);
    }
  }

  private static int awaitReadyPort(Path out, Process serve) throws Exception {
    Pattern ready = Pattern.compile("S3 server on http://127\\.0\\.0\\.1:(\\d+) ");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
    while (System.nanoTime() < deadline) {
      Matcher m = ready.matcher(CliProcess.read(out));
      if (m.find()) {
        return Integer.parseInt(m.group(1));
      }
      assertThat(serve.isAlive()).as("s3 serve still running; stderr: %s", CliProcess.read(out.resolveSibling("err.txt")))
          .isTrue();
      Thread.sleep(200);
    }
    throw new AssertionError("s3 serve printed no ready line within 2 minutes");
  }

  private static boolean awaitBindable(int port, Duration within) throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      if (bindable(port)) {
        return true;
      }
      Thread.sleep(200);
    }
    return bindable(port);
  }

  private static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(false);
      socket.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
