package dev.s3batch.handler.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.code_intelligence.jazzer.mutation.annotation.NotNull;
import dev.s3batch.handler.internal.KeyDecoder;
import dev.s3batch.handler.internal.KeyDecoding;
import dev.s3batch.handler.internal.KeyFormat;
import dev.s3batch.handler.internal.MalformedKeyException;
import dev.s3batch.handler.testing.Invoke;
import dev.s3batch.testkit.FuzzCount;
import org.junit.jupiter.api.AfterAll;

/**
 * Key decoding and every key format on any text: a decoded key or a {@link MalformedKeyException}
 * naming the raw key; a parsed key, its object key or a {@link MalformedKeyException};
 * empty only for an empty plain key; never another exception. And a key that is valid UTF-16 comes back unchanged from the
 * manifest's percent-encoding under both decodings.
 */
class KeyFuzzTest {

  private static final FuzzCount COUNT = FuzzCount.of("KeyFuzzTest");

  @AfterAll
  static void report() {
    System.out.println(COUNT.summary());
  }

  @FuzzTest
  void decodeAndParse_anyKey_givesAKeyOrMalformedKey(@NotNull String raw, boolean plusAsSpace) {
    COUNT.add();
    KeyDecoding decoding = plusAsSpace ? KeyDecoding.PLUS_AS_SPACE : KeyDecoding.PERCENT_ONLY;
    String decoded;
    try {
      decoded = KeyDecoder.decode(raw, decoding);
    } catch (MalformedKeyException e) {
      assertThat(e.getMessage()).startsWith("malformed key: ").endsWith("; key \"" + raw + "\"");
      decoded = raw;
    }
    for (KeyFormat format : KeyFormat.values()) {
      for (KeyFormat otherKeys : new KeyFormat[] {KeyFormat.PLAIN, KeyFormat.PIPE}) {
        try {
          KeyFormat.ParsedKey parsed = format.parse(decoded, otherKeys);
          assertThat(parsed.key()).isNotNull();
          if (!decoded.isEmpty() || format == KeyFormat.JSON) {
            assertThat(parsed.key()).as("object key under %s", format).isNotEmpty();
          }
        } catch (MalformedKeyException e) {
          assertThat(format).as("format that refused %s", decoded).isNotEqualTo(KeyFormat.PLAIN);
          assertThat(e.getMessage()).isNotBlank();
        }
      }
    }
    if (isValidUtf16(raw)) {
      String encoded = Invoke.encode(raw);
      try {
        assertThat(KeyDecoder.decode(encoded, decoding)).isEqualTo(raw);
      } catch (MalformedKeyException e) {
        throw new AssertionError("the encoding of a valid key was refused: " + e.getMessage(), e);
      }
    }
  }

  private static boolean isValidUtf16(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
