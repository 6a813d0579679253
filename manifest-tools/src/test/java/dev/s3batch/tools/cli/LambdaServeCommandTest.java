package dev.s3batch.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;

class LambdaServeCommandTest {

  private static final String RUNTIME = "'" + ProcessHandle.current().info().command().orElse("java") + "' -cp '"
      + System.getProperty("java.class.path") + "' " + EchoCustomRuntime.class.getName();

  @Test
  void serve_twoFunctionsEachWithItsOwnOptions_answersEachThroughTheSdkAndStopsItsChildrenOnExit(@TempDir Path dir)
      throws Exception {
    Process serve = CliProcess.builder(dir, Map.of(), "lambda", "serve", "--port", "0",
        "--function", "first", "--command", RUNTIME, "--env", "GREETING=one", "--timeout", "20",
        "--function", "second", "--command", RUNTIME, "--env", "GREETING=two", "--qualifier", "live").start();
    try {
      URI endpoint = awaitEndpoint(dir.resolve("out.txt"), serve);
      try (LambdaClient lambda = LambdaClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
          .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
          .httpClientBuilder(UrlConnectionHttpClient.builder()).build()) {
        String first = lambda.invoke(b -> b.functionName("first").payload(SdkBytes.fromUtf8String("[1]")))
            .payload().asUtf8String();
        String second = lambda.invoke(b -> b.functionName("second:live").payload(SdkBytes.fromUtf8String("[2]")))
            .payload().asUtf8String();

        assertThat(first).isEqualTo("{\"function\":\"first\",\"greeting\":\"one\",\"event\":[1]}");
        assertThat(second).isEqualTo("{\"function\":\"second\",\"greeting\":\"two\",\"event\":[2]}");
      }
      List<ProcessHandle> children = serve.toHandle().children().toList();
      assertThat(children).as("one environment per function").hasSize(2);
      assertThat(Files.readString(dir.resolve("out.txt"))).contains("[first] custom runtime answers ",
          "[second] START RequestId: ");

      serve.destroy();

      assertThat(serve.waitFor(30, TimeUnit.SECONDS)).as("serve stopped").isTrue();
      for (ProcessHandle child : children) {
        assertThat(child.onExit().get(20, TimeUnit.SECONDS).isAlive()).as("environment alive").isFalse();
      }
    } finally {
      serve.descendants().forEach(ProcessHandle::destroyForcibly);
      serve.destroyForcibly();
    }
  }

  @Test
  void serve_functionWithoutCode_exit2NamingIt() {
    CliRun run = CliRun.of("lambda", "serve", "--port", "0", "--function", "orphan");

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).contains("function orphan has no code");
    assertThat(run.out()).doesNotContain("Lambda service on");
  }

  @Test
  void serve_badFunctionValues_exit2NamingTheValue() {
    assertUsage("function name \"bad name\"", "--function", "bad name=a.B::handle@x.jar");
    assertUsage("is not NAME=HANDLER@JAR_OR_FOLDER", "--function", "f=a.B::handle");
    assertUsage("/no/such.jar does not exist", "--function", "f=a.B::handle@/no/such.jar");
    assertUsage("timeout 901 is not between 1 and 900", "--function", "f", "--command", "true", "--timeout", "901");
    assertUsage("memory 64 is not between 128 and 10240", "--function", "f", "--command", "true", "--memory", "64");
    assertUsage("AWS_LAMBDA_RUNTIME_API is set by the service", "--function", "f", "--command", "true",
        "--env", "AWS_LAMBDA_RUNTIME_API=elsewhere:1");
    assertUsage("not both", "--function", "f=a.B::handle@x.jar", "--command", "true");
    assertUsage("function f is given twice", "--function", "f", "--command", "true", "--function", "f", "--command", "true");
  }

  @Test
  void serve_portInUse_exit2NamingThePort() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      int port = taken.getLocalPort();

      CliRun run = CliRun.of("lambda", "serve", "--port", String.valueOf(port), "--function", "f", "--command", "true");

      assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
      assertThat(run.err()).contains("--port " + port + ": port " + port + " is in use");
    }
  }

  private static void assertUsage(String message, String... options) {
    String[] args = new String[options.length + 4];
    args[0] = "lambda";
    args[1] = "serve";
    args[2] = "--port";
    args[3] = "0";
    System.arraycopy(options, 0, args, 4, options.length);
    CliRun run = CliRun.of(args);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(2);
    assertThat(run.err()).as(run.toString()).contains(message);
    assertThat(run.out()).doesNotContain("Lambda service on");
  }

  private static URI awaitEndpoint(Path out, Process serve) throws Exception {
    Pattern ready = Pattern.compile("Lambda service on (http://127\\.0\\.0\\.1:\\d+) ");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
    while (System.nanoTime() < deadline) {
      Matcher m = ready.matcher(Files.exists(out) ? Files.readString(out) : "");
      if (m.find()) {
        return URI.create(m.group(1));
      }
      assertThat(serve.isAlive()).as("serve exited early: %s", Files.readString(out.resolveSibling("err.txt"))).isTrue();
      Thread.sleep(50);
    }
    throw new AssertionError("lambda serve did not say it was ready");
  }
}
