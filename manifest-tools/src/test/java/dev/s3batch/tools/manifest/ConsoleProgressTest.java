package dev.s3batch.tools.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ConsoleProgressTest {

  @Test
  void progress_afterOneSecond_drawsListedWrittenAndRateThenEndsLine() {
    AtomicLong now = new AtomicLong(0);
    StringWriter err = new StringWriter();
    ConsoleProgress p = new ConsoleProgress(new PrintWriter(err), now::get);

    p.listed(1_000);
    p.written(900);
    assertThat(err.toString()).as("nothing within the first second").isEmpty();
    now.set(2_000_000_000L);
    p.written(4_000);
    p.done();

    assertThat(err.toString())
        .isEqualTo(String.format("\rlisted %,d keys, wrote %,d rows (%,d rows/s)  ", 1_000, 4_000, 2_000).repeat(2)
            + System.lineSeparator());
  }

  @Test
  void done_shortBuild_printsNothing() {
    StringWriter err = new StringWriter();
    ConsoleProgress p = new ConsoleProgress(new PrintWriter(err), () -> 5L);
    p.listed(10);
    p.written(10);
    p.done();
    assertThat(err.toString()).isEmpty();
  }
}
