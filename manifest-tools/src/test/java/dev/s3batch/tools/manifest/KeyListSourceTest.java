package dev.s3batch.tools.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3batch.testkit.NastyKeys;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The byte path of {@code --keys} (KeyLines, ManifestWriter.rowUtf8) against the String path it replaced. */
class KeyListSourceTest {

  @TempDir Path dir;

  /** What the String path writes for these keys: ManifestWriter.row per key, each key as KeyEncoder encodes it. */
  private static String stringPath(List<String> keys) throws IOException {
    StringWriter out = new StringWriter();
    ManifestWriter w = new ManifestWriter(out);
    for (String k : keys) {
      w.row("bkt", k, null);
    }
    w.finish();
    return out.toString();
  }

  private String bytePath(byte[] file) throws IOException {
    Path keys = Files.write(dir.resolve("keys-" + System.nanoTime() + ".txt"), file);
    Path target = dir.resolve("out-" + System.nanoTime() + ".csv");
    KeyListSource source = new KeyListSource(new InputFile("--keys", keys.toString(), null), "bkt", ProgressListener.NONE);
    ManifestBuilder.build(source, FileManifestOutput.of(target, false, "-o"), Long.MAX_VALUE, ProgressListener.NONE);
    return Files.readString(target, StandardCharsets.US_ASCII);
  }

  private static boolean fits(String key) {
    return !key.isEmpty() && key.indexOf('\n') < 0 && key.indexOf('\r') < 0
        && KeyEncoder.encode(key).length() <= ManifestWriter.MAX_KEY_FIELD_CHARS;
  }

  /** Keys of random code points: ASCII (every reserved character), Latin-1, the rest of the BMP, emoji. */
  private static List<String> randomKeys(long seed, int count) {
    Random rnd = new Random(seed);
    List<String> keys = new ArrayList<>();
    while (keys.size() < count) {
      StringBuilder k = new StringBuilder();
      int n = 1 + rnd.nextInt(rnd.nextInt(10) == 0 ? 400 : 60);
      for (int i = 0; i < n; i++) {
        int cp = switch (rnd.nextInt(5)) {
          case 0, 1 -> 0x20 + rnd.nextInt(0x5F);
          case 2 -> 0x80 + rnd.nextInt(0x780);
          case 3 -> 0x800 + rnd.nextInt(0xF800);
          default -> 0x10000 + rnd.nextInt(0x100000);
        };
        if (cp < 0xD800 || cp > 0xDFFF) {
          k.appendCodePoint(cp);
        }
      }
      if (fits(k.toString())) {
        keys.add(k.toString());
      }
    }
    return keys;
  }

  private static byte[] lines(List<String> keys, String lineEnd) {
    return (String.join(lineEnd, keys) + lineEnd).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void forEach_nastyKeyCorpus_sameBytesAsStringPath() throws IOException {
    List<String> keys = NastyKeys.all().stream().filter(KeyListSourceTest::fits).toList();
    assertThat(keys).hasSizeGreaterThan(20);
    assertThat(bytePath(lines(keys, "\n"))).isEqualTo(stringPath(keys));
  }

  @Test
  void forEach_seededRandomKeysOverManyBuffers_sameBytesAsStringPath() throws IOException {
    for (long seed = 1; seed <= 3; seed++) {
      List<String> keys = randomKeys(seed, 40_000);
      String expected = stringPath(keys);
      assertThat(bytePath(lines(keys, "\n"))).as("LF, seed %d", seed).isEqualTo(expected);
      assertThat(bytePath(lines(keys, "\r\n"))).as("CRLF, seed %d", seed).isEqualTo(expected);
    }
  }

  @Test
  void forEach_crlfSplitAtEveryBufferEdge_oneRowPerLine() throws IOException {
    // keys of 9 bytes + CRLF = 11 bytes a line, so line ends fall at every offset of the 1 MiB buffer edges
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 300_000; i++) {
      keys.add(String.format("k/%07d", i));
    }
    assertThat(bytePath(lines(keys, "\r\n"))).isEqualTo(stringPath(keys));
  }

  @Test
  void forEach_byteOrderMarkLoneCrAndEmptyLines_likeReadLine() throws IOException {
    byte[] file = "\uFEFFa b\rc\r\n\n\r\nd+e\n\uFEFFf".getBytes(StandardCharsets.UTF_8);
    assertThat(bytePath(file)).isEqualTo(stringPath(List.of("a b", "c", "d+e", "\uFEFFf")));
  }

  @Test
  void forEach_keyLongerThanTheBufferAfterCrlf_failsWithByteCountAndLine() throws IOException {
    byte[] file = ("a\r\n" + "k".repeat(3 << 20) + "\r\nb\r\n").getBytes(StandardCharsets.UTF_8);
    Path keys = Files.write(dir.resolve("long.txt"), file);
    KeyListSource source = new KeyListSource(new InputFile("--keys", keys.toString(), null), "bkt", ProgressListener.NONE);
    assertThatThrownBy(() -> source.forEach(new ManifestWriter(new StringWriter())))
        .isInstanceOf(ManifestException.class)
        .hasMessage(keys + " line 2: key \"" + "k".repeat(60) + "...\" is " + (3 << 20) + " bytes of UTF-8; S3 keys have at most 1,024");
  }

  @Test
  void forEach_notUtf8AfterCrlfLines_namesTheLine() throws IOException {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.writeBytes("a\r\nb\r\ncaf".getBytes(StandardCharsets.UTF_8));
    file.write(0xE9);
    file.writeBytes("\r\nd\n".getBytes(StandardCharsets.UTF_8));
    Path keys = Files.write(dir.resolve("latin1.txt"), file.toByteArray());
    KeyListSource source = new KeyListSource(new InputFile("--keys", keys.toString(), null), "bkt", ProgressListener.NONE);
    assertThatThrownBy(() -> source.forEach(new ManifestWriter(new StringWriter())))
        .isInstanceOf(ManifestException.class)
        .hasMessage(keys + " line 3: not valid UTF-8");
  }

  @Test
  void forEach_notUtf8AfterManyBatchesOfLines_namesTheLineAndWritesNoManifest() throws IOException {
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    for (int i = 1; i <= 300_000; i++) {
      file.writeBytes((i % 7 == 0 ? "\n" : "photos/day " + i + "/caf\u00e9.jpg\n").getBytes(StandardCharsets.UTF_8));
    }
    file.writeBytes("bad".getBytes(StandardCharsets.UTF_8));
    file.write(0xC3);
    file.writeBytes("\nafter\n".getBytes(StandardCharsets.UTF_8));
    Path keys = Files.write(dir.resolve("many.txt"), file.toByteArray());
    Path target = dir.resolve("many.csv");
    KeyListSource source = new KeyListSource(new InputFile("--keys", keys.toString(), null), "bkt", ProgressListener.NONE);
    assertThatThrownBy(() -> ManifestBuilder.build(
            source, FileManifestOutput.of(target, false, "-o"), Long.MAX_VALUE, ProgressListener.NONE))
        .isInstanceOf(ManifestException.class)
        .hasMessage(keys + " line 300001: not valid UTF-8");
    try (var left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).containsExactly("many.txt");
    }
  }
}
