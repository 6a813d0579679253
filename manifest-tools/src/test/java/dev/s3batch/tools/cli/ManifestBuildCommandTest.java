package dev.s3batch.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3batch.handler.internal.KeyDecoder;
import dev.s3batch.handler.internal.KeyDecoding;
import dev.s3batch.handler.internal.MalformedKeyException;
import dev.s3batch.testkit.NastyKeys;
import dev.s3batch.tools.manifest.KeyEncoder;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestBuildCommandTest {

  @TempDir Path in;
  @TempDir Path out;

  // ---- round trip -------------------------------------------------------------------------

  @Test
  void buildCsv_nastyKeys_decodeToOriginalInBothDecodings() throws Exception {
    List<String> keys = fitting(NastyKeys.all());
    assertThat(keys).hasSizeGreaterThan(55);
    Path csv = write("keys.csv", csvRows("nasty-bucket", keys));

    CliRun run = CliRun.of("manifest", "build", "--csv", csv.toString(), "-o", out.resolve("m.csv").toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertRoundTrip(out.resolve("m.csv"), "nasty-bucket", keys, "nasty corpus");
  }

  @Test
  void buildCsv_seededRandomKeys_decodeToOriginalInBothDecodings() throws Exception {
    long seed = System.nanoTime();
    SplittableRandom random = new SplittableRandom(seed);
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      keys.add(randomKey(random));
    }
    Path csv = write("random.csv", csvRows("random-bucket", keys));

    CliRun run = CliRun.of("manifest", "build", "--csv", csv.toString(), "-o", out.resolve("m.csv").toString());

    assertThat(run.exitCode()).as("seed " + seed + "\n" + run).isZero();
    assertRoundTrip(out.resolve("m.csv"), "random-bucket", keys, "seed " + seed);
  }

  @Test
  void buildJsonl_objectLines_decodeToOriginal() throws Exception {
    List<String> keys = fitting(NastyKeys.all());
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    StringBuilder lines = new StringBuilder();
    for (String key : keys) {
      lines.append(json.writeValueAsString(java.util.Map.of("key", key))).append('\n');
    }
    Path jsonl = write("keys.jsonl", lines.toString());

    CliRun run = CliRun.of("manifest", "build", "--jsonl", jsonl.toString(), "--bucket", "json-bucket",
        "-o", out.resolve("m.csv").toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertRoundTrip(out.resolve("m.csv"), "json-bucket", keys, "jsonl");
  }

  @Test
  void buildJsonl_taskParameters_becomeUrlEncodedJsonKey() throws Exception {
    Path jsonl = write("params.jsonl",
        "{\"origKey\": \"a b.txt\", \"newKey\": \"c+d.txt\"}\n\n{\"bucket\": \"other-bucket\", \"origKey\": \"x\"}\n");

    CliRun run = CliRun.of("manifest", "build", "--jsonl", jsonl.toString(), "--bucket", "jobs-bucket");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo(
        "jobs-bucket," + KeyEncoder.encode("{\"origKey\":\"a b.txt\",\"newKey\":\"c+d.txt\"}") + "\n"
            + "other-bucket," + KeyEncoder.encode("{\"origKey\":\"x\"}") + "\n");
    assertThat(KeyDecoder.decode(run.out().split("\n")[0].split(",")[1], KeyDecoding.PLUS_AS_SPACE))
        .isEqualTo("{\"origKey\":\"a b.txt\",\"newKey\":\"c+d.txt\"}");
  }

  @Test
  void buildKeys_keyListWithCrlfAndSuffix_writesMatchingKeysToStdout() throws Exception {
    Path keys = write("keys.txt", "a.jpg\r\nb.png\r\n\r\nc d.jpg\r\n");

    CliRun run = CliRun.of("manifest", "build", "--keys", keys.toString(), "--bucket", "pics", "--suffix", ".jpg");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo("pics,a.jpg\npics,c%20d.jpg\n");
  }

  @Test
  void buildCsv_versionColumnOnEveryRow_writesIt() throws Exception {
    Path csv = write("v.csv", "bkt,a,v1\nbkt,\"b,c\",v2\n");

    CliRun run = CliRun.of("manifest", "build", "--csv", csv.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo("bkt,a,v1\nbkt,b%2Cc,v2\n");
  }

  @Test
  void buildCsv_leadingByteOrderMark_isSkipped() throws Exception {
    Path csv = write("bom.csv", "\uFEFFbkt,a\r\nbkt,b\r\n");

    CliRun run = CliRun.of("manifest", "build", "--csv", csv.toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).isEqualTo("bkt,a\nbkt,b\n");
  }

  @Test
  void buildKeys_dashReadsStdin_writesRows() {
    java.io.InputStream saved = System.in;
    try {
      System.setIn(new java.io.ByteArrayInputStream("x y.txt\nz.txt\n".getBytes(StandardCharsets.UTF_8)));
      CliRun run = CliRun.of("manifest", "build", "--keys", "-", "--bucket", "bkt");
      assertThat(run.exitCode()).as(run.toString()).isZero();
      assertThat(run.out()).isEqualTo("bkt,x%20y.txt\nbkt,z.txt\n");
      assertThat(run.err()).isEqualTo("wrote 2 rows to stdout" + System.lineSeparator());
    } finally {
      System.setIn(saved);
    }
  }

  // ---- splitting --------------------------------------------------------------------------

  @Test
  void build_maxRows_writesNumberedFilesOfAtMostNRows() throws Exception {
    StringBuilder keys = new StringBuilder();
    for (int i = 0; i < 25; i++) {
      keys.append("k").append(i).append('\n');
    }
    Path list = write("keys.txt", keys.toString());

    CliRun run = CliRun.of("manifest", "build", "--keys", list.toString(), "--bucket", "bkt", "--max-rows", "10",
        "-o", out.resolve("part.csv").toString());

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(files(out)).containsExactly("part-00001.csv", "part-00002.csv", "part-00003.csv");
    assertThat(Files.readAllLines(out.resolve("part-00001.csv"))).hasSize(10).startsWith("bkt,k0");
    assertThat(Files.readAllLines(out.resolve("part-00003.csv"))).containsExactly("bkt,k20", "bkt,k21", "bkt,k22",
        "bkt,k23", "bkt,k24");
    assertThat(run.err()).contains("wrote 25 rows");
  }

  @Test
  void build_oneMillionKeys_writesOneMillionRows() throws Exception {
    Path list = in.resolve("million.txt");
    try (BufferedWriter w = Files.newBufferedWriter(list)) {
      for (int i = 0; i < 1_000_000; i++) {
        w.write("photos/2024/06/img " + i + "+raw.jpg\n");
      }
    }

    CliRun run = CliRun.of("manifest", "build", "--keys", list.toString(), "--bucket", "big",
        "-o", out.resolve("m.csv").toString(), "--quiet");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    long rows;
    String last = null;
    try (BufferedReader r = Files.newBufferedReader(out.resolve("m.csv"))) {
      rows = 0;
      for (String line; (line = r.readLine()) != null; ) {
        rows++;
        last = line;
      }
    }
    assertThat(rows).isEqualTo(1_000_000);
    assertThat(last).isEqualTo("big,photos/2024/06/img%20999999%2Braw.jpg");
    assertThat(run.err()).isEmpty();
  }

  // ---- helpers ------------------------------------------------------------------------------

  /** Keys whose URL-encoded field fits the 1,024-character limit (all but the long non-ASCII ones). */
  static List<String> fitting(List<String> keys) {
    return keys.stream().filter(k -> KeyEncoder.encode(k).length() <= 1024).toList();
  }

  static String csvRows(String bucket, List<String> keys) {
    StringBuilder sb = new StringBuilder();
    for (String key : keys) {
      sb.append(bucket).append(",\"").append(key.replace("\"", "\"\"")).append("\"\r\n");
    }
    return sb.toString();
  }

  private static void assertRoundTrip(Path manifest, String bucket, List<String> keys, String context)
      throws IOException, MalformedKeyException {
    String text = Files.readString(manifest, StandardCharsets.US_ASCII);
    assertThat(text).as(context).endsWith("\n").doesNotContain("\r").doesNotContain("+").doesNotContain(" ");
    String[] rows = text.split("\n", -1);
    assertThat(rows).as(context).hasSize(keys.size() + 1);
    for (int i = 0; i < keys.size(); i++) {
      String[] fields = rows[i].split(",", -1);
      assertThat(fields).as(context + " row " + (i + 1)).hasSize(2);
      assertThat(fields[0]).isEqualTo(bucket);
      for (KeyDecoding decoding : KeyDecoding.values()) {
        assertThat(KeyDecoder.decode(fields[1], decoding))
            .as(context + ", row " + (i + 1) + ", " + decoding + ", raw " + fields[1])
            .isEqualTo(keys.get(i));
      }
    }
  }

  private static String randomKey(SplittableRandom r) {
    StringBuilder sb = new StringBuilder();
    int n = 1 + r.nextInt(80);
    for (int i = 0; i < n; i++) {
      int kind = r.nextInt(10);
      int cp;
      if (kind < 5) {
        cp = 0x20 + r.nextInt(0x5F); // printable ASCII, all the specials
      } else if (kind == 5) {
        cp = 1 + r.nextInt(0x1F); // control characters, CR and LF included
      } else if (kind < 8) {
        cp = 0x80 + r.nextInt(0x800 - 0x80); // two-byte UTF-8
      } else if (kind == 8) {
        do {
          cp = 0x800 + r.nextInt(0x10000 - 0x800);
        } while (Character.isSurrogate((char) cp)); // three-byte UTF-8
      } else {
        cp = 0x10000 + r.nextInt(0x10FFFF - 0x10000); // four-byte UTF-8 (surrogate pairs in Java)
      }
      sb.appendCodePoint(cp);
    }
    return sb.toString();
  }

  Path write(String name, String content) throws IOException {
    return Files.writeString(in.resolve(name), content, StandardCharsets.UTF_8);
  }

  static List<String> files(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
