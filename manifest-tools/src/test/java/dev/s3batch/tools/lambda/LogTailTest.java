package dev.s3batch.tools.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogTailTest {

  @Test
  void last4k_moreThan4KBOfMultibyteLines_keepsTheLast4096BytesOnWholeCharacters() {
    LogTail tail = new LogTail();
    for (int i = 0; i < 500; i++) {
      tail.line("line " + i + " ünïcødé €");
    }

    String kept = tail.last4k();

    assertThat(kept.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096).isGreaterThan(4090);
    assertThat(kept).endsWith("line 499 ünïcødé €\n").doesNotContain("\uFFFD");
  }

  @Test
  void last4k_shortLog_keepsEveryLine() {
    LogTail tail = new LogTail();
    tail.line("START RequestId: r");
    tail.line("END RequestId: r");

    assertThat(tail.last4k()).isEqualTo("START RequestId: r\nEND RequestId: r\n");
  }
}
