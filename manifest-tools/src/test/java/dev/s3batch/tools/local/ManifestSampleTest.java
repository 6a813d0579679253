package dev.s3batch.tools.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3batch.tools.manifest.InvalidManifestException;
import dev.s3batch.tools.manifest.ManifestReader;
import dev.s3batch.tools.manifest.ManifestTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestSampleTest {

  @TempDir Path dir;

  private Path manifest(int rows) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < rows; i++) {
      sb.append("bucket1,key-").append(i).append('\n');
    }
    return Files.writeString(dir.resolve("m" + rows + ".csv"), sb);
  }

  private static ManifestSample.Drawn draw(Path manifest, int size, long seed) throws IOException {
    return new ManifestSample(size, seed).draw(ManifestReader.open(manifest.toString(), () -> null));
  }

  private static List<Integer> indexes(ManifestSample.Drawn drawn) {
    return drawn.tasks().stream().map(t -> Integer.parseInt(t.encodedKey().substring(4))).toList();
  }

  @Test
  void draw_sameSeed_sameRowsInManifestOrder() throws IOException {
    Path m = manifest(1000);
    ManifestSample.Drawn first = draw(m, 50, 42);
    ManifestSample.Drawn again = draw(m, 50, 42);

    assertThat(first.manifestRows()).isEqualTo(1000);
    assertThat(first.tasks()).hasSize(50).isEqualTo(again.tasks());
    assertThat(indexes(first)).isSorted().doesNotHaveDuplicates();
    assertThat(indexes(first).get(49)).as("rows past the first 50 are drawn too").isGreaterThan(49);
  }

  @Test
  void draw_otherSeed_otherRows() throws IOException {
    Path m = manifest(1000);
    assertThat(indexes(draw(m, 50, 1))).isNotEqualTo(indexes(draw(m, 50, 2)));
  }

  @Test
  void draw_manySeeds_everyRowAsLikely() throws IOException {
    int rows = 100;
    int size = 10;
    int draws = 4000;
    Path m = manifest(rows);
    int[] hits = new int[rows];
    for (int seed = 0; seed < draws; seed++) {
      for (int i : indexes(draw(m, size, seed))) {
        hits[i]++;
      }
    }
    double expected = (double) draws * size / rows;
    double chiSquare = 0;
    for (int h : hits) {
      chiSquare += (h - expected) * (h - expected) / expected;
    }
    // 99 degrees of freedom: mean 99, standard deviation 14; 170 is beyond p = 1e-6.
    assertThat(chiSquare).as("chi-square of the hits per row %s", java.util.Arrays.toString(hits)).isLessThan(170);
    assertThat(hits[0]).as("the first rows are not favoured").isLessThan((int) (expected * 1.3));
    assertThat(hits[rows - 1]).as("the last rows are not favoured").isLessThan((int) (expected * 1.3));
  }

  @Test
  void draw_sampleAsBigAsTheManifest_everyRowOnce() throws IOException {
    ManifestSample.Drawn drawn = draw(manifest(7), 10, 3);
    assertThat(drawn.manifestRows()).isEqualTo(7);
    assertThat(indexes(drawn)).containsExactly(0, 1, 2, 3, 4, 5, 6);
  }

  @Test
  void draw_badRowAfterTheSample_isStillFound() throws IOException {
    Path m = Files.writeString(dir.resolve("bad.csv"), "bucket1,a\nbucket1,b\nbucket1,c\nBAD_BUCKET,d\n");
    assertThatThrownBy(() -> draw(m, 1, 5)).isInstanceOf(InvalidManifestException.class).hasMessageContaining("line 4");
  }

  @Test
  void new_sizeZeroOrTooBig_refused() {
    assertThatThrownBy(() -> new ManifestSample(0, 1)).hasMessageContaining("1 to 1000000");
    assertThatThrownBy(() -> new ManifestSample(ManifestSample.MAX_SIZE + 1, 1)).hasMessageContaining("1 to 1000000");
  }

  @Test
  void drawn_tasksAreCopied() {
    List<ManifestTask> tasks = new java.util.ArrayList<>(List.of(new ManifestTask("b", "k", null, 1)));
    ManifestSample.Drawn drawn = new ManifestSample.Drawn(tasks, 1);
    tasks.clear();
    assertThat(drawn.tasks()).hasSize(1);
  }
}
