package dev.s3batch.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The peer of {@code s3batch job run-local --action head} in {@code bench/run-local.sh}: what a
 * user would write instead, a plain SDK v2 loop that sends the same HeadObject calls on as many
 * threads, one client, with the HTTP client the function uses (URL connection) so that only the
 * per-task work differs. Reads the same manifest ({@code bucket,key} rows, keys URL-encoded, no
 * quoted fields), decodes each key as the function does ({@code +} as a space) and prints how many
 * objects exist and how many are missing.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.s3batch.bench.HeadLoop ENDPOINT MANIFEST CONCURRENCY
 * </pre>
 */
public final class HeadLoop {

  private HeadLoop() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    URI endpoint = URI.create(args[0]);
    List<String[]> tasks = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(Path.of(args[1]), StandardCharsets.UTF_8)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        int comma = line.indexOf(',');
        tasks.add(new String[] {line.substring(0, comma), URLDecoder.decode(line.substring(comma + 1), StandardCharsets.UTF_8)});
      }
    }
    int concurrency = Integer.parseInt(args[2]);
    S3Client s3 = S3Client.builder()
        .httpClient(UrlConnectionHttpClient.create())
        .endpointOverride(endpoint)
        .forcePathStyle(true)
        .region(Region.of(System.getenv().getOrDefault("AWS_REGION", "us-east-1")))
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
            System.getenv().getOrDefault("AWS_ACCESS_KEY_ID", "test"),
            System.getenv().getOrDefault("AWS_SECRET_ACCESS_KEY", "test"))))
        .build();
    AtomicInteger next = new AtomicInteger();
    AtomicLong exist = new AtomicLong();
    AtomicLong missing = new AtomicLong();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < concurrency; t++) {
      Thread thread = new Thread(() -> {
        for (int i = next.getAndIncrement(); i < tasks.size(); i = next.getAndIncrement()) {
          String[] task = tasks.get(i);
          try {
            s3.headObject(b -> b.bucket(task[0]).key(task[1]));
            exist.incrementAndGet();
          } catch (S3Exception e) {
            if (e.statusCode() != 404) {
              throw e;
            }
            missing.incrementAndGet();
          }
        }
      });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    s3.close();
    System.out.printf("%d tasks: %d exist, %d missing%n", tasks.size(), exist.get(), missing.get());
  }
}
