package dev.s3batch.tools.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void next_default_growsFrom2sByHalfAndStopsAt30s() {
    List<Long> millis = new ArrayList<>();
    Duration d = Backoff.DEFAULT.initial();
    for (int i = 0; i < 10; i++) {
      millis.add(d.toMillis());
      d = Backoff.DEFAULT.next(d);
    }

    assertThat(millis).containsExactly(2000L, 3000L, 4500L, 6750L, 10125L, 15187L, 22781L, 30000L, 30000L, 30000L);
  }

  @Test
  void new_maxBelowInitial_isRejected() {
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(1), 2))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
