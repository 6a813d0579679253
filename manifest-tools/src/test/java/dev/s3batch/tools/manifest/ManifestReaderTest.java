package dev.s3batch.tools.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestReaderTest {

  static Path fixture(String name) {
    try {
      return Path.of(ManifestReaderTest.class.getResource("/manifests/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<ManifestTask> readAll(String location) throws IOException {
    List<ManifestTask> tasks = new ArrayList<>();
    try (ManifestReader r = ManifestReader.open(location, () -> null)) {
      for (Optional<ManifestTask> t = r.next(); t.isPresent(); t = r.next()) {
        tasks.add(t.get());
      }
    }
    return tasks;
  }

  @Test
  void next_csvWithoutVersions_keepsKeysEncodedAsWritten() throws IOException {
    assertThat(readAll(fixture("csv-two-columns.csv").toString())).containsExactly(
        new ManifestTask("bucket1", "plain.txt", null, 1),
        new ManifestTask("bucket1", "my%20photo.jpg", null, 2),
        new ManifestTask("bucket1", "quoted%2Ckey", null, 3));
  }

  @Test
  void next_csvWithVersions_readsVersionIds(@TempDir Path dir) throws IOException {
    Path m = Files.writeString(dir.resolve("m.csv"), "bkt,k1,v1\r\nbkt,k%2B2,v2\r\n");
    assertThat(readAll(m.toString())).containsExactly(new ManifestTask("bkt", "k1", "v1", 1), new ManifestTask("bkt", "k%2B2", "v2", 2));
  }

  @Test
  void next_someRowsWithVersionsSomeWithout_failsNamingFileAndLine() {
    String file = fixture("csv-mixed-versions.csv").toString();
    assertThatThrownBy(() -> readAll(file))
        .isInstanceOf(InvalidManifestException.class)
        .hasMessageStartingWith(file + " line 2: 2 fields after rows of 3; a manifest has a version id on every row or on none");
  }

  @Test
  void next_rowWithOneField_failsNamingFileAndLine(@TempDir Path dir) throws IOException {
    Path m = Files.writeString(dir.resolve("m.csv"), "bkt,k\nheader-only\n", StandardCharsets.UTF_8);
    assertThatThrownBy(() -> readAll(m.toString()))
        .isInstanceOf(InvalidManifestException.class)
        .hasMessageContaining(m + " line 2: 1 field; a manifest row is bucket,key or bucket,key,versionId");
  }

  @Test
  void next_inventoryManifestJson_readsEveryGzippedFileByFileSchema() throws IOException {
    String manifest = fixture("inventory/src-bucket/config1/2024-01-01T00-00Z/manifest.json").toString();
    assertThat(readAll(manifest)).containsExactly(
        new ManifestTask("src-bucket", "photos/my%20cat.jpg", "v1", 1),
        new ManifestTask("src-bucket", "a%2Bb%2C1.txt", "v2", 2),
        new ManifestTask("src-bucket", "z%C3%BC.txt", "v3", 1));
  }

  @Test
  void open_inventoryInParquet_failsSayingOnlyCsv(@TempDir Path dir) throws IOException {
    Path m = Files.writeString(dir.resolve("manifest.json"),
        "{\"fileFormat\":\"Parquet\",\"fileSchema\":\"message s3.inventory {}\",\"files\":[]}");
    assertThatThrownBy(() -> readAll(m.toString()))
        .isInstanceOf(InvalidManifestException.class)
        .hasMessageContaining("inventory fileFormat \"Parquet\" is not supported");
  }

  @Test
  void open_missingFile_failsNamingIt() {
    assertThatThrownBy(() -> readAll("/nonexistent/m.csv"))
        .isInstanceOf(InvalidManifestException.class)
        .hasMessage("/nonexistent/m.csv: no such file");
  }
}
