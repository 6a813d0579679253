package dev.s3batch.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3batch.testkit.S3MockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.StorageClass;

/** {@code manifest build --list} against S3Mock over several pages. */
class ManifestListingTest {

  private static final int KEYS = 2_500;
  private static S3Client s3;
  private static String bucket;

  @TempDir Path out;

  /** 2,500 objects in a versioned bucket: under big/ sizes 0, 100, 2,000 bytes; .jpg every 5th. */
  @BeforeAll
  static void fill() throws Exception {
    s3 = S3MockServer.get().client();
    bucket = S3MockServer.get().newVersionedBucket("listing");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> puts = new ArrayList<>();
      for (int i = 0; i < KEYS; i++) {
        int n = i;
        puts.add(pool.submit(() -> s3.putObject(
            r -> r.bucket(bucket).key(key(n)), RequestBody.fromBytes(new byte[size(n)]))));
      }
      for (Future<?> f : puts) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  static String key(int i) {
    return String.format("big/%04d %s", i, i % 5 == 0 ? "photo+1.jpg" : "doc.txt");
  }

  static int size(int i) {
    return new int[] {0, 100, 2_000}[i % 3];
  }

  private static String[] args(String... extra) {
    List<String> all = new ArrayList<>(List.of("manifest", "build", "--endpoint-url", S3MockServer.get().endpoint().toString()));
    all.addAll(Arrays.asList(extra));
    return all.toArray(String[]::new);
  }

  private static List<String> expectedRows(java.util.function.IntPredicate keep) {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < KEYS; i++) {
      if (keep.test(i)) {
        rows.add(bucket + "," + key(i).replace(" ", "%20").replace("+", "%2B"));
      }
    }
    return rows;
  }

  @Test
  void buildList_2500KeysOverThreePages_writesEveryKeyOnceInOrder() throws Exception {
    Path manifest = out.resolve("m.csv");
    CliRun run = CliRun.of(args("--list", "s3://" + bucket + "/big/", "-o", manifest.toString()));

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(Files.readAllLines(manifest)).containsExactlyElementsOf(expectedRows(i -> true));
    assertThat(run.err()).isEqualTo("wrote 2,500 rows to " + manifest + System.lineSeparator());
  }

  @Test
  void buildListVersionsLatest_2500Keys_writesEveryKeyWithItsVersionId() throws Exception {
    Path manifest = out.resolve("m.csv");
    CliRun run = CliRun.of(args("--list", "s3://" + bucket + "/big", "--versions", "latest", "-o", manifest.toString()));

    assertThat(run.exitCode()).as(run.toString()).isZero();
    List<String> rows = Files.readAllLines(manifest);
    assertThat(rows).hasSize(KEYS);
    for (int i = 0; i < KEYS; i += 97) {
      int n = i;
      String version = s3.headObject(r -> r.bucket(bucket).key(key(n))).versionId();
      assertThat(rows).contains(expectedRows(k -> k == n).get(0) + "," + version);
    }
  }

  @Test
  void buildList_suffixAndSizeFilters_keepOnlyMatchingObjects() throws Exception {
    CliRun run = CliRun.of(args("--list", "s3://" + bucket + "/big/", "--suffix", ".jpg",
        "--min-size", "100", "--max-size", "1KiB", "--quiet"));

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out().lines().toList()).containsExactlyElementsOf(expectedRows(i -> i % 5 == 0 && i % 3 == 1));
    assertThat(run.err()).isEmpty();
  }

  @Test
  void buildList_modifiedRange_keepsObjectsInTheHalfOpenRange() throws Exception {
    String tomorrow = LocalDate.now(java.time.ZoneOffset.UTC).plusDays(1).toString();
    String yesterday = LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1).toString();

    CliRun recent = CliRun.of(args("--list", "s3://" + bucket + "/big/", "--modified-after", yesterday,
        "--modified-before", tomorrow, "--quiet"));
    CliRun future = CliRun.of(args("--list", "s3://" + bucket + "/big/", "--modified-after", tomorrow, "--quiet",
        "-o", out.resolve("none.csv").toString()));

    assertThat(recent.exitCode()).as(recent.toString()).isZero();
    assertThat(recent.out().lines()).hasSize(KEYS);
    assertThat(future.exitCode()).as(future.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(future.err()).contains("no rows; nothing matched");
    assertThat(out.resolve("none.csv")).doesNotExist();
  }

  @Test
  void buildList_storageClassFilter_keepsOnlyThatClass() {
    String b = S3MockServer.get().newBucket("classes");
    s3.putObject(r -> r.bucket(b).key("std.txt"), RequestBody.fromString("a"));
    s3.putObject(r -> r.bucket(b).key("ia.txt").storageClass(StorageClass.STANDARD_IA), RequestBody.fromString("b"));
    s3.putObject(r -> r.bucket(b).key("rr.txt").storageClass(StorageClass.REDUCED_REDUNDANCY), RequestBody.fromString("c"));

    CliRun ia = CliRun.of(args("--list", "s3://" + b, "--storage-class", "STANDARD_IA,reduced_redundancy"));
    CliRun std = CliRun.of(args("--list", "s3://" + b, "--storage-class", "STANDARD"));

    assertThat(ia.exitCode()).as(ia.toString()).isZero();
    assertThat(ia.out()).isEqualTo(b + ",ia.txt\n" + b + ",rr.txt\n");
    assertThat(std.out()).isEqualTo(b + ",std.txt\n");
  }

  @Test
  void buildListVersions_selections_pickLatestNoncurrentAndDeleteMarkers() {
    String b = S3MockServer.get().newVersionedBucket("versions");
    String a1 = s3.putObject(r -> r.bucket(b).key("a"), RequestBody.fromString("1")).versionId();
    String a2 = s3.putObject(r -> r.bucket(b).key("a"), RequestBody.fromString("2")).versionId();
    String b1 = s3.putObject(r -> r.bucket(b).key("b"), RequestBody.fromString("1")).versionId();
    String c1 = s3.putObject(r -> r.bucket(b).key("c"), RequestBody.fromString("1")).versionId();
    s3.deleteObject(r -> r.bucket(b).key("c"));
    String marker = s3.listObjectVersions(r -> r.bucket(b)).deleteMarkers().get(0).versionId();

    assertThat(versions(b, "latest")).containsExactlyInAnyOrder(b + ",a," + a2, b + ",b," + b1);
    assertThat(versions(b, "noncurrent")).containsExactlyInAnyOrder(b + ",a," + a1, b + ",c," + c1);
    assertThat(versions(b, "delete-markers")).containsExactly(b + ",c," + marker);
    assertThat(versions(b, "all")).containsExactlyInAnyOrder(
        b + ",a," + a1, b + ",a," + a2, b + ",b," + b1, b + ",c," + c1, b + ",c," + marker);
  }

  @Test
  void buildList_missingBucket_failsWithExit1AndNoFile() {
    CliRun run = CliRun.of(args("--list", "s3://no-such-bucket-here/", "-o", out.resolve("m.csv").toString()));

    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.err()).startsWith("s3batch: S3 answered an error: ").contains("does not exist");
    assertThat(out.resolve("m.csv")).doesNotExist();
  }

  private static List<String> versions(String b, String which) {
    CliRun run = CliRun.of(args("--list", "s3://" + b + "/", "--versions", which));
    assertThat(run.exitCode()).as(which + ": " + run).isZero();
    return run.out().lines().toList();
  }
}
