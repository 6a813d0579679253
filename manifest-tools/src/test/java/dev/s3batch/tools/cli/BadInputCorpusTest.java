package dev.s3batch.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3batch.tools.cli.BadInputCorpus.Case;
import dev.s3batch.tools.lambda.FunctionSpec;
import dev.s3batch.tools.lambda.LambdaService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.LambdaException;

/**
 * Every row of {@link BadInputCorpus}, run as a user types it: the exit code and the message the
 * row names (on stderr, or as a task's resultString in the response on stdout), and nothing
 * written or sent: the case's folder holds exactly the files it started
 * with, and the local endpoint every S3 option points at saw no connection. And every row of
 * {@link LambdaRequestCorpus}, sent to {@code lambda serve} with the SDK's {@code LambdaClient}:
 * Lambda's status, error type and message, and no execution environment ever started.
 */
class BadInputCorpusTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static ServerSocket endpoint;
  private static final AtomicInteger CONNECTIONS = new AtomicInteger();

  @TempDir Path dir;

  @BeforeAll
  static void listen() throws IOException {
    endpoint = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread t = new Thread(() -> {
      while (!endpoint.isClosed()) {
        try (Socket s = endpoint.accept()) {
          CONNECTIONS.incrementAndGet();
        } catch (IOException closed) {
          return;
        }
      }
    }, "corpus-endpoint");
    t.setDaemon(true);
    t.start();
  }

  @AfterAll
  static void close() throws IOException {
    endpoint.close();
    if (lambda != null) {
      lambda.close();
    }
    if (lambdaService != null) {
      lambdaService.close();
    }
  }

  private static final Queue<String> LAMBDA_LOG = new ConcurrentLinkedQueue<>();
  private static LambdaService lambdaService;
  private static LambdaClient lambda;

  /** {@code lambda serve} with the function {@code echo}, whose runtime only exits: any start of it is logged. */
  @BeforeAll
  static void serveLambda() throws IOException {
    lambdaService = LambdaService.start(List.of(FunctionSpec.parse("echo").withCommand("exit 0")
        .withQualifiers(List.of("live", "7"))), 0, LAMBDA_LOG::add);
    lambda = LambdaClient.builder().endpointOverride(lambdaService.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .build();
  }

  static Stream<LambdaRequestCorpus.Case> requests() {
    return LambdaRequestCorpus.all().stream();
  }

  static Stream<Case> cases() {
    return BadInputCorpus.all().stream();
  }

  @Test
  void corpus_hasAtLeast150CasesAcrossEveryArea() {
    List<Case> all = BadInputCorpus.all();
    assertThat(all).hasSizeGreaterThanOrEqualTo(150);
    assertThat(all.stream().map(Case::area).distinct()).containsExactlyInAnyOrder(
        "CLI arguments", "events", "keys", "manifests (CSV)", "manifests (inventory)", "manifests (JSON lines)", "reports");
    assertThat(all.stream().map(Case::toString).distinct()).as("case names").hasSameSizeAs(all);
    List<LambdaRequestCorpus.Case> requests = LambdaRequestCorpus.all();
    assertThat(requests).hasSizeGreaterThanOrEqualTo(10);
    assertThat(requests.stream().map(LambdaRequestCorpus.Case::toString).distinct()).as("request names").hasSameSizeAs(requests);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("requests")
  void invoke_badRequest_givesLambdasStatusTypeAndMessageAndNeverStartsTheFunction(LambdaRequestCorpus.Case c)
      throws Exception {
    int status;
    String type;
    String message;
    if (c.streaming()) {
      HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              lambdaService.endpoint().resolve("/2021-11-15/functions/" + c.function() + "/response-streaming-invocations"))
          .header("X-Amz-Invocation-Type", c.invocationType())
          .POST(HttpRequest.BodyPublishers.ofByteArray(c.payload())).build(), HttpResponse.BodyHandlers.ofString());
      status = response.statusCode();
      type = response.headers().firstValue("x-amzn-ErrorType").orElse("");
      message = JSON.readTree(response.body()).path("message").asText();
    } else {
      try {
        lambda.invoke(b -> b.functionName(c.function()).qualifier(c.qualifier()).invocationType(c.invocationType())
            .logType(c.logType()).clientContext(c.clientContext()).payload(SdkBytes.fromByteArray(c.payload()))
            .overrideConfiguration(o -> {
              if (c.contentType() != null) {
                o.putHeader("Content-Type", c.contentType());
              }
            }));
        throw new AssertionError("the request was accepted");
      } catch (LambdaException e) {
        status = e.statusCode();
        type = e.awsErrorDetails().errorCode();
        message = e.awsErrorDetails().errorMessage();
      }
    }
    assertThat(status).as("status").isEqualTo(c.status());
    assertThat(type).as("error type").isEqualTo(c.type());
    assertThat(message).as("message").isEqualTo(c.message());
    assertThat(LAMBDA_LOG).as("lines of lambda serve: an environment started").noneMatch(l -> l.contains("environment"));
  }

  /** The check above can fail: a request Lambda accepts starts the function (which exits at once). */
  @Test
  void invoke_goodRequest_startsTheFunction() throws Exception {
    Queue<String> log = new ConcurrentLinkedQueue<>();
    try (LambdaService other = LambdaService.start(List.of(FunctionSpec.parse("echo").withCommand("exit 0")), 0, log::add);
         LambdaClient client = LambdaClient.builder().endpointOverride(other.endpoint()).region(Region.US_EAST_1)
             .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
             .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
      var response = client.invoke(b -> b.functionName("echo").payload(SdkBytes.fromUtf8String("{}")));
      assertThat(response.functionError()).isEqualTo("Unhandled");
      assertThat(log).anyMatch(l -> l.contains("environment 1 exited"));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void run_badInput_givesItsExitCodeAndMessageAndWritesAndSendsNothing(Case c) throws IOException {
    for (Map.Entry<String, byte[]> f : c.files().entrySet()) {
      Path file = dir.resolve(f.getKey());
      Files.createDirectories(file.getParent());
      Files.write(file, f.getValue());
    }
    List<Path> before = files(dir);
    int connections = CONNECTIONS.get();

    CliRun run = CliRun.of(c.args().stream().map(this::fill).toArray(String[]::new));

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(c.exit());
    assertThat(shown(run)).as(run.toString()).contains(fill(c.message()));
    assertThat(files(dir)).as("files in the case's folder afterwards").containsExactlyElementsOf(before);
    assertThat(CONNECTIONS.get() - connections).as("connections to the S3 endpoint").isZero();
  }

  /** What a user reads: stderr, and each task's resultString when stdout is a function's response. */
  private static String shown(CliRun run) throws IOException {
    StringBuilder text = new StringBuilder(run.err()).append('\n');
    if (run.out().strip().startsWith("{")) {
      for (JsonNode result : JSON.readTree(run.out()).path("results")) {
        text.append(result.path("resultString").asText()).append('\n');
      }
    } else {
      text.append(run.out());
    }
    return text.toString();
  }

  private String fill(String text) {
    return text.replace("{dir}", dir.toString())
        .replace("{endpoint}", "http://127.0.0.1:" + endpoint.getLocalPort());
  }

  static List<Path> files(Path dir) {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
