package dev.s3batch.tools.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TopMessagesTest {

  @Test
  void top_fewerMessagesThanCapacity_countsExactlyMostFrequentFirst() {
    TopMessages top = new TopMessages(10);
    for (int i = 0; i < 5; i++) {
      top.add("NoSuchKey", "k" + i);
    }
    top.add("AccessDenied", "x");
    top.add("AccessDenied", "y");
    assertThat(top.top(5)).containsExactly(
        new TopMessages.Entry("NoSuchKey", 5, 0, "k0"), new TopMessages.Entry("AccessDenied", 2, 0, "x"));
  }

  @Test
  void top_manyUniqueMessagesAndOneFrequent_keepsTheFrequentOneFirst() {
    long seed = System.nanoTime();
    SplittableRandom random = new SplittableRandom(seed);
    TopMessages top = new TopMessages(100);
    for (int i = 0; i < 100_000; i++) {
      if (random.nextInt(10) == 0) {
        top.add("SlowDown", "k");
      } else {
        top.add("unique " + i, "k" + i);
      }
    }
    assertThat(top.top(1)).as("seed %d", seed).singleElement()
        .satisfies(e -> assertThat(e.message()).isEqualTo("SlowDown"));
  }

  @Test
  void top_seededRandomMessagesUnderCapacity_matchesExactCountsInOrder() {
    for (long seed = 1; seed <= 5; seed++) {
      SplittableRandom random = new SplittableRandom(seed);
      TopMessages top = new TopMessages(100);
      java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
      for (int i = 0; i < 20_000; i++) {
        // a skewed mix: the most frequent message changes hands as the counts grow
        String m = "m" + (random.nextInt(4) == 0 ? random.nextInt(50) : random.nextInt(3));
        top.add(m, "k" + i);
        counts.merge(m, 1L, Long::sum);
      }
      java.util.List<String> order = new java.util.ArrayList<>(counts.keySet());
      order.sort(java.util.Comparator.comparing((String m) -> counts.get(m)).reversed());
      assertThat(top.top(100)).as("seed %d", seed).extracting(TopMessages.Entry::count)
          .containsExactlyElementsOf(order.stream().map(counts::get).toList());
      assertThat(top.top(100)).as("seed %d", seed)
          .allSatisfy(e -> assertThat(e.count()).isEqualTo(counts.get(e.message())));
    }
  }
}
