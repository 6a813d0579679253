package dev.s3batch.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;

/**
 * A custom runtime for {@code lambda serve}'s tests ({@code --command "java -cp ... StreamingTestRuntime"}):
 * it speaks the Runtime API itself and answers in streaming mode
 * ({@code Lambda-Runtime-Function-Response-Mode: streaming}, chunked). The event says what to do:
 * <ul>
 *   <li>{@code {"bytes": N, "signal": "PATH"}}: stream N bytes of {@code 'x'}; after the first
 *       64 KB it waits until the file PATH exists (the test creates it once it has the first
 *       chunk), so the first chunk provably reached the caller before the function finished;
 *   <li>{@code {"error": "TYPE"}}: stream a few bytes, then end with the error trailers
 *       {@code Lambda-Runtime-Function-Error-Type} and {@code -Body} (a raw socket: the JDK's
 *       HTTP client cannot send trailers).
 * </ul>
 */
public final class StreamingTestRuntime {

  private static final int FIRST = 64 * 1024;

  public static void main(String[] args) throws Exception {
    String api = System.getenv("AWS_LAMBDA_RUNTIME_API");
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    while (true) {
      HttpResponse<String> next = http.send(
          HttpRequest.newBuilder(URI.create("http://" + api + "/2018-06-01/runtime/invocation/next")).build(),
          HttpResponse.BodyHandlers.ofString());
      String id = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
      String event = next.body();
      System.out.println("streaming runtime got request " + id);
      String response = "http://" + api + "/2018-06-01/runtime/invocation/" + id + "/response";
      if (event.contains("\"error\"")) {
        String type = event.replaceAll(".*\"error\"\\s*:\\s*\"([^\"]*)\".*", "$1");
        streamWithErrorTrailers(api, id, type);
        continue;
      }
      long bytes = Long.parseLong(event.replaceAll(".*\"bytes\"\\s*:\\s*(\\d+).*", "$1").trim());
      Path signal = Path.of(event.replaceAll(".*\"signal\"\\s*:\\s*\"([^\"]*)\".*", "$1"));
      HttpRequest post = HttpRequest.newBuilder(URI.create(response))
          .header("Lambda-Runtime-Function-Response-Mode", "streaming")
          .header("Content-Type", "application/octet-stream")
          .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new Payload(bytes, signal)))
          .build();
      http.send(post, HttpResponse.BodyHandlers.discarding());
      System.out.println("streaming runtime finished request " + id);
    }
  }

  /** {@code bytes} of 'x'; blocks after the first 64 KB until {@code signal} exists. */
  private static final class Payload extends InputStream {
    private final long bytes;
    private final Path signal;
    private long sent;

    Payload(long bytes, Path signal) {
      this.bytes = bytes;
      this.signal = signal;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0];
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (sent >= bytes) {
        return -1;
      }
      if (sent >= FIRST) {
        awaitSignal();
      }
      int n = (int) Math.min(len, Math.min(bytes - sent, sent < FIRST ? FIRST - sent : Long.MAX_VALUE));
      Arrays.fill(b, off, off + n, (byte) 'x');
      sent += n;
      return n;
    }

    private void awaitSignal() {
      long deadline = System.currentTimeMillis() + 60_000;
      while (!Files.exists(signal) && System.currentTimeMillis() < deadline) {
        try {
          Thread.sleep(5);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private static void streamWithErrorTrailers(String api, String id, String type) throws IOException {
    int colon = api.lastIndexOf(':');
    String errorBody = "{\"errorMessage\":\"stream broke for " + id + "\",\"errorType\":\"" + type + "\"}";
    try (Socket socket = new Socket(api.substring(0, colon), Integer.parseInt(api.substring(colon + 1)))) {
      OutputStream out = socket.getOutputStream();
      String chunk = "partial";
      String request = "POST /2018-06-01/runtime/invocation/" + id + "/response HTTP/1.1\r\n"
          + "Host: " + api + "\r\n"
          + "Lambda-Runtime-Function-Response-Mode: streaming\r\n"
          + "Transfer-Encoding: chunked\r\n"
          + "Trailer: Lambda-Runtime-Function-Error-Type, Lambda-Runtime-Function-Error-Body\r\n"
          + "Connection: close\r\n\r\n"
          + Integer.toHexString(chunk.length()) + "\r\n" + chunk + "\r\n"
          + "0\r\n"
          + "Lambda-Runtime-Function-Error-Type: " + type + "\r\n"
          + "Lambda-Runtime-Function-Error-Body: "
          + Base64.getEncoder().encodeToString(errorBody.getBytes(StandardCharsets.UTF_8)) + "\r\n\r\n";
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      socket.getInputStream().readAllBytes();
    }
  }
}
