package dev.s3batch.tools.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestWriterTest {

  @TempDir Path dir;

  private static String write(String[]... rows) throws IOException {
    StringWriter out = new StringWriter();
    ManifestWriter w = new ManifestWriter(out);
    for (String[] r : rows) {
      w.row(r[0], r[1], r.length > 2 ? r[2] : null);
    }
    w.finish();
    return out.toString();
  }

  @Test
  void row_specialCharacters_percentEncodesAllButUnreservedAndSlash() throws IOException {
    assertThat(write(new String[] {"my-bucket", "dir/my cat+dog,1~_.-é.jpg"}))
        .isEqualTo("my-bucket,dir/my%20cat%2Bdog%2C1~_.-%C3%A9.jpg\n");
  }

  @Test
  void row_versionIds_writesThirdColumn() throws IOException {
    assertThat(write(new String[] {"b-1", "a", "v1"}, new String[] {"b-1", "b", "v2"}))
        .isEqualTo("b-1,a,v1\nb-1,b,v2\n");
  }

  @Test
  void row_versionAfterRowsWithout_fails() {
    assertThatThrownBy(() -> write(new String[] {"bkt", "a"}, new String[] {"bkt", "b", "v2"}))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("version id on every row or on none");
  }

  @Test
  void row_keyOf1024AsciiBytes_isWritten() throws IOException {
    String key = "k".repeat(1024);
    assertThat(write(new String[] {"bkt", key})).isEqualTo("bkt," + key + "\n");
  }

  @Test
  void row_keyOver1024Bytes_failsWithByteCount() {
    assertThatThrownBy(() -> write(new String[] {"bkt", "k".repeat(1025)}))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("1025 bytes of UTF-8");
  }

  @Test
  void row_encodedFieldOver1024Chars_failsWithFieldLength() {
    assertThatThrownBy(() -> write(new String[] {"bkt", " ".repeat(342)}))
        .isInstanceOf(ManifestException.class)
        .hasMessageContaining("1026 characters URL-encoded");
  }

  @Test
  void row_badBucketOrEmptyKeyOrLoneSurrogate_fails() {
    assertThatThrownBy(() -> write(new String[] {"Bad_Bucket", "k"})).hasMessageContaining("is not a bucket name");
    assertThatThrownBy(() -> write(new String[] {"bkt", ""})).hasMessageContaining("an empty key");
    assertThatThrownBy(() -> write(new String[] {"bkt", "a\uD800b"})).hasMessageContaining("unpaired UTF-16 surrogate");
    assertThatThrownBy(() -> write(new String[] {"bkt", "k", "v,1"})).hasMessageContaining("version id");
  }

  @Test
  void row_maxRows_splitsIntoNumberedFilesOnCommit() throws IOException {
    FileManifestOutput output = FileManifestOutput.of(dir.resolve("out.csv"), true, "-o");
    ManifestWriter w = new ManifestWriter(output, 2, ProgressListener.NONE);
    for (int i = 0; i < 5; i++) {
      w.row("bkt", "k" + i, null);
    }
    w.finish();
    assertThat(files()).allMatch(name -> name.endsWith(".tmp")).hasSize(3);
    output.commit();
    assertThat(files()).containsExactly("out-00001.csv", "out-00002.csv", "out-00003.csv");
    assertThat(Files.readString(dir.resolve("out-00002.csv"))).isEqualTo("bkt,k2\nbkt,k3\n");
    assertThat(Files.readString(dir.resolve("out-00003.csv"))).isEqualTo("bkt,k4\n");
  }

  @Test
  void abort_afterPartsWritten_leavesNoFile() throws IOException {
    FileManifestOutput output = FileManifestOutput.of(dir.resolve("out.csv"), true, "-o");
    ManifestWriter w = new ManifestWriter(output, 1, ProgressListener.NONE);
    w.row("bkt", "a", null);
    w.row("bkt", "b", null);
    w.discard();
    output.abort();
    assertThat(files()).isEmpty();
  }

  private java.util.List<String> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
