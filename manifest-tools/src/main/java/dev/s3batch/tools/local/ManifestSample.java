package dev.s3batch.tools.local;

import dev.s3batch.tools.manifest.ManifestReader;
import dev.s3batch.tools.manifest.ManifestTask;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * A uniform random sample of a manifest's rows, for a rehearsal of a big job on a few tasks:
 * reservoir sampling (Vitter's algorithm R) over the row stream, so memory holds {@code size}
 * rows however long the manifest is, and every row has the same chance, {@code size/rows}, to be
 * drawn. The same seed on the same manifest draws the same rows. The drawn rows keep their
 * manifest order.
 *
 * <pre>{@code
 * ManifestSample.Drawn drawn = new ManifestSample(100, 7).draw(ManifestReader.open("manifest.csv", s3));
 * drawn.tasks();        // 100 rows, in manifest order
 * drawn.manifestRows(); // how many rows they were drawn from
 * }</pre>
 *
 * @param size how many rows to draw, 1 to {@value #MAX_SIZE}
 * @param seed the seed of the draw
 */
public record ManifestSample(int size, long seed) {

  /** The largest sample: the drawn rows are held in memory. */
  public static final int MAX_SIZE = 1_000_000;

  public ManifestSample {
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("the sample size must be 1 to " + MAX_SIZE + ", not " + size);
    }
  }

  /**
   * The rows drawn.
   *
   * @param tasks the drawn rows, in manifest order (all of them when the manifest has no more than the sample size)
   * @param manifestRows how many rows the manifest has
   */
  public record Drawn(List<ManifestTask> tasks, long manifestRows) {
    public Drawn {
      tasks = List.copyOf(tasks);
    }
  }

  private record Indexed(long index, ManifestTask task) {}

  /**
   * Reads {@code reader} to its end (so every rule of the manifest is checked, as for a whole job)
   * and draws the sample; closes the reader.
   *
   * @throws dev.s3batch.tools.manifest.InvalidManifestException on a bad row
   */
  public Drawn draw(ManifestReader reader) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    List<Indexed> reservoir = new ArrayList<>(Math.min(size, 1 << 16));
    long seen = 0;
    try (reader) {
      for (Optional<ManifestTask> t = reader.next(); t.isPresent(); t = reader.next()) {
        if (seen < size) {
          reservoir.add(new Indexed(seen, t.get()));
        } else {
          long slot = random.nextLong(seen + 1);
          if (slot < size) {
            reservoir.set((int) slot, new Indexed(seen, t.get()));
          }
        }
        seen++;
      }
    }
    reservoir.sort(Comparator.comparingLong(Indexed::index));
    return new Drawn(reservoir.stream().map(Indexed::task).toList(), seen);
  }
}
