package dev.s3batch.e2e;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A custom runtime for {@code lambda serve}'s test of an event whose delivery fails: it answers its
 * first invocation (an echo), then sends one more {@code invocation/next} on a connection of its
 * own and resets that connection before any answer, as a runtime that dies in its long poll does,
 * and says so with the file {@code dropped} in {@code $DROP_DIR}. Once the test creates
 * {@code go} there, it polls again as runtimes do and echoes every event it gets.
 */
public final class DroppingTestRuntime {

  private DroppingTestRuntime() {}

  public static void main(String[] args) throws Exception {
    String api = System.getenv("AWS_LAMBDA_RUNTIME_API");
    Path dir = Path.of(System.getenv("DROP_DIR"));
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    echoOne(http, api);

    int colon = api.lastIndexOf(':');
    try (Socket poll = new Socket(api.substring(0, colon), Integer.parseInt(api.substring(colon + 1)))) {
      poll.getOutputStream().write(("GET /2018-06-01/runtime/invocation/next HTTP/1.1\r\nHost: " + api + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      poll.getOutputStream().flush();
      Thread.sleep(2_000); // the service has read the poll (a few milliseconds) and holds it for the next event
      poll.setSoLinger(true, 0); // close() now resets the connection
    }
    Files.createFile(dir.resolve("dropped"));
    while (!Files.exists(dir.resolve("go"))) {
      Thread.sleep(20);
    }
    while (true) {
      echoOne(http, api);
    }
  }

  private static void echoOne(HttpClient http, String api) throws Exception {
    HttpResponse<byte[]> next = http.send(
        HttpRequest.newBuilder(URI.create("http://" + api + "/2018-06-01/runtime/invocation/next")).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    String id = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
    System.out.println("dropping runtime got request " + id);
    http.send(HttpRequest.newBuilder(URI.create("http://" + api + "/2018-06-01/runtime/invocation/" + id + "/response"))
        .POST(HttpRequest.BodyPublishers.ofByteArray(next.body())).build(), HttpResponse.BodyHandlers.discarding());
  }
}
