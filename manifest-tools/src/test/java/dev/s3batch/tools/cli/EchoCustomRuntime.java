package dev.s3batch.tools.cli;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * A custom runtime for {@code lambda serve}'s command tests: it speaks the Runtime API and answers
 * each event with {@code {"function": NAME, "greeting": $GREETING, "event": EVENT}}; it ends when
 * the Runtime API is gone.
 */
public final class EchoCustomRuntime {

  public static void main(String[] args) throws Exception {
    String api = "http://" + System.getenv("AWS_LAMBDA_RUNTIME_API") + "/2018-06-01/runtime/invocation/";
    HttpClient http = HttpClient.newHttpClient();
    while (true) {
      HttpResponse<String> next = http.send(HttpRequest.newBuilder(URI.create(api + "next")).build(),
          HttpResponse.BodyHandlers.ofString());
      String id = next.headers().firstValue("Lambda-Runtime-Aws-Request-Id").orElseThrow();
      System.out.println("custom runtime answers " + id);
      String answer = "{\"function\":\"" + System.getenv("AWS_LAMBDA_FUNCTION_NAME") + "\",\"greeting\":\""
          + System.getenv("GREETING") + "\",\"event\":" + next.body() + "}";
      http.send(HttpRequest.newBuilder(URI.create(api + id + "/response")).POST(HttpRequest.BodyPublishers.ofString(answer)).build(),
          HttpResponse.BodyHandlers.discarding());
    }
  }
}
