package dev.s3batch.tools.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3batch.testkit.NastyKeys;
import dev.s3batch.tools.csv.CsvFormatException;
import dev.s3batch.tools.csv.CsvParser;
import dev.s3batch.tools.csv.CsvWriter;
import dev.s3batch.tools.manifest.KeyEncoder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The byte-level path of {@code report review} ({@link ReportRows} over {@link ReportScanner}) against the
 * path it replaced, kept here as the reference: {@link CsvParser} records turned into {@link ReportRow}s
 * and fed to {@link ReportReview#accept} one by one. Same rows, same summary, same failed rows, same
 * error message, on the nasty-key corpus, on seeded random rows and on seeded random bytes, through
 * buffers small enough that records cross their ends.
 */
class ReportRowsTest {

  private static final int[] BUFFERS = {1, 3, 64, 4096};

  @Test
  void rows_nastyKeysAsReportsHoldThem_sameRowsAndReviewAsCsvParser() throws IOException {
    StringBuilder csv = new StringBuilder();
    int i = 0;
    for (String key : NastyKeys.all()) {
      boolean failed = i++ % 3 == 0;
      // the key as a report holds it (URL-encoded), and raw in the message and the version id field
      CsvWriter.record(csv, "bucket-" + (i % 2), KeyEncoder.encode(key), i % 5 == 0 ? key : "", failed ? "failed" : "succeeded",
          "200", failed ? "PermanentFailure" : "", failed ? "S3 error NoSuchKey: " + key : "exists " + key);
    }
    assertSameAsCsvParser(csv.toString().getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void rows_seededRandomRows_sameRowsAndReviewAsCsvParser() throws IOException {
    SplittableRandom random = new SplittableRandom(12);
    for (int file = 0; file < 100; file++) {
      assertSameAsCsvParser(randomRows(random, 1 + random.nextInt(40)));
    }
  }

  @Test
  void rows_seededRandomBytes_sameRowsOrSameErrorAsCsvParser() throws IOException {
    SplittableRandom random = new SplittableRandom(7);
    byte[] alphabet = ",,,,\"\"\"\n\r\r\nabc7é\u00ff".getBytes(StandardCharsets.ISO_8859_1);
    int readable = 0;
    for (int file = 0; file < 1500; file++) {
      byte[] input;
      if (file % 2 == 0) {
        input = new byte[random.nextInt(60)];
        for (int j = 0; j < input.length; j++) {
          input[j] = alphabet[random.nextInt(alphabet.length)];
        }
      } else {
        input = randomRows(random, 1 + random.nextInt(4));
        for (int flips = random.nextInt(3); flips > 0; flips--) {
          input[random.nextInt(input.length)] = alphabet[random.nextInt(alphabet.length)];
        }
      }
      if (assertSameAsCsvParser(input)) {
        readable++;
      }
    }
    assertThat(readable).as("inputs read without error").isGreaterThan(150);
  }

  @Test
  void rows_lineEndsAndEmptyLines_sameRowsAndLinesAsCsvParser() throws IOException {
    String rows = "\n\r\nb,k1,,succeeded,200,,ok\r\n\r\rb,\"k\r\n2\",,failed,200,PermanentFailure,\"a\r\rb\"\r"
        + "b,k3,,failed,PermanentFailure,200,\"doc \"\"order\"\"\"\n\nb,k4,v,\"succ\"\"eeded\",200,,x\n"
        + "b,k\"5,,succeeded,200,,\"\",\"\nb,k6,,failed,200,TemporaryFailure,\"x\"y\n";
    assertSameAsCsvParser(rows.getBytes(StandardCharsets.UTF_8));
    assertSameAsCsvParser("b,k,,succeeded,200,,last row without line end".getBytes(StandardCharsets.UTF_8));
    assertSameAsCsvParser("b,k,,failed,200,PermanentFailure,\"open quote\n\n".getBytes(StandardCharsets.UTF_8));
    assertSameAsCsvParser("b,k,,failed,200,PermanentFailure,".getBytes(StandardCharsets.UTF_8));
    assertSameAsCsvParser(new byte[] {'b', ',', (byte) 0xC3, ',', ',', 's', ',', '2', ',', ',', (byte) 0xFF, '\n'});
  }

  private static byte[] randomRows(SplittableRandom random, int rows) {
    String[] statuses = {"succeeded", "failed", "succeeded", "weird"};
    String[] texts = {"", "a", "é", "a,b", "q\"q", "\"", "line\nbreak", "cr\rlf\r\n", "S3 error NoSuchKey", "200", "x y"};
    StringBuilder csv = new StringBuilder();
    for (int r = 0; r < rows; r++) {
      String status = statuses[random.nextInt(statuses.length)];
      String code = status.equals("succeeded") ? "" : random.nextBoolean() ? "PermanentFailure" : "TemporaryFailure";
      String http = random.nextInt(10) == 0 ? "" : "200";
      String fifth = http;
      String sixth = code;
      if (random.nextInt(4) == 0) { // the documented column order
        fifth = code;
        sixth = http;
      }
      String key = texts[random.nextInt(texts.length)] + r;
      String message = texts[random.nextInt(texts.length)] + texts[random.nextInt(texts.length)];
      String version = random.nextInt(4) == 0 ? texts[random.nextInt(texts.length)] : "";
      int fields = random.nextInt(20) == 0 ? 6 + 2 * random.nextInt(2) : 7;
      List<String> row = new ArrayList<>(List.of("bkt", key, version, status, fifth, sixth, message));
      while (row.size() > fields) {
        row.remove(row.size() - 1);
      }
      while (row.size() < fields) {
        row.add("extra");
      }
      CsvWriter.record(csv, row.toArray(String[]::new));
      if (random.nextInt(10) == 0) {
        csv.setLength(csv.length() - 1);
        csv.append(random.nextBoolean() ? "\r\n" : "\r");
      }
      if (random.nextInt(10) == 0) {
        csv.append('\n');
      }
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Asserts both paths agree on {@code input} through every buffer size; true when it reads without error. */
  private static boolean assertSameAsCsvParser(byte[] input) throws IOException {
    Result expected = slow(input);
    for (int size : BUFFERS) {
      assertThat(fast(input, size)).as("rows through a buffer of %d bytes, input %s", size, printable(input))
          .isEqualTo(expected);
    }
    return expected.error() == null;
  }

  /** The rows, the review's summary and failed rows, or the error message. */
  private record Result(List<ReportRow> rows, ReportReview.Summary summary, List<ReportRow> failed, String error) {}

  private static Result slow(byte[] input) throws IOException {
    List<ReportRow> rows = new ArrayList<>();
    CsvParser csv = new CsvParser(new ByteArrayInputStream(input));
    List<String> f = new ArrayList<>(8);
    try {
      while (csv.next(f)) {
        if (f.size() != 7) {
          throw new InvalidReportException("f:" + csv.line() + ": a report row has 7 fields; this one has " + f.size());
        }
        boolean documentedOrder = !isNumber(f.get(4)) && isNumber(f.get(5));
        rows.add(new ReportRow(f.get(0), f.get(1), f.get(2), f.get(3), f.get(documentedOrder ? 5 : 4),
            f.get(documentedOrder ? 4 : 5), f.get(6)));
      }
    } catch (CsvFormatException e) {
      return new Result(null, null, null, "f:" + e.getMessage().substring("line ".length()));
    } catch (InvalidReportException e) {
      return new Result(null, null, null, e.getMessage());
    }
    ReportReview review = new ReportReview();
    List<ReportRow> failed = new ArrayList<>();
    for (ReportRow row : rows) {
      review.accept(row);
      if (row.failed()) {
        failed.add(row);
      }
    }
    return new Result(rows, review.summary(10), failed, null);
  }

  private static Result fast(byte[] input, int bufferSize) throws IOException {
    List<ReportRow> rows = new ArrayList<>();
    String error = null;
    try {
      new ReportRows(bufferSize).rows(new ByteArrayInputStream(input), "f", rows::add);
    } catch (InvalidReportException e) {
      error = e.getMessage();
    }
    ReportReview review = new ReportReview();
    List<ReportRow> failed = new ArrayList<>();
    String reviewError = null;
    try {
      new ReportRows(bufferSize).review(new ByteArrayInputStream(input), "f", review, failed::add);
    } catch (InvalidReportException e) {
      reviewError = e.getMessage();
    }
    assertThat(reviewError).as("the review's error").isEqualTo(error);
    return error != null ? new Result(null, null, null, error) : new Result(rows, review.summary(10), failed, null);
  }

  private static boolean isNumber(String s) {
    return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static String printable(byte[] input) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte b : input) {
      if (b >= 0x20 && b < 0x7f && b != '"') {
        out.write(b);
      } else {
        out.writeBytes(String.format("\\x%02x", b & 0xFF).getBytes(StandardCharsets.US_ASCII));
      }
    }
    return out.toString(StandardCharsets.US_ASCII);
  }
}
