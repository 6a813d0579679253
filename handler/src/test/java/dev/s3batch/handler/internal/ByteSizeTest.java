package dev.s3batch.handler.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ByteSizeTest {

  @Test
  void parse_plainBytes_returnsThem() {
    assertThat(ByteSize.parse("partSize", "5368709120")).isEqualTo(5_368_709_120L);
  }

  @Test
  void parse_binaryAndDecimalUnits_multiplyAccordingly() {
    assertThat(ByteSize.parse("s", "64MiB")).isEqualTo(64L << 20);
    assertThat(ByteSize.parse("s", "5 GiB")).isEqualTo(5L << 30);
    assertThat(ByteSize.parse("s", "5gib")).isEqualTo(5L << 30);
    assertThat(ByteSize.parse("s", "5TiB")).isEqualTo(5L << 40);
    assertThat(ByteSize.parse("s", "8KiB")).isEqualTo(8192);
    assertThat(ByteSize.parse("s", "5GB")).isEqualTo(5_000_000_000L);
    assertThat(ByteSize.parse("s", "100 B")).isEqualTo(100);
  }

  @Test
  void parse_notASize_failsNamingTheSetting() {
    assertThatThrownBy(() -> ByteSize.parse("multipartThreshold", "big"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("multipartThreshold").hasMessageContaining("\"big\"");
    assertThatThrownBy(() -> ByteSize.parse("partSize", "-5MiB")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ByteSize.parse("partSize", "1.5GiB")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void parse_overflow_failsInsteadOfWrapping() {
    assertThatThrownBy(() -> ByteSize.parse("partSize", "99999999999TiB"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too large");
  }
}
