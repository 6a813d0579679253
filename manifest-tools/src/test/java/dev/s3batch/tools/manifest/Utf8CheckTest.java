package dev.s3batch.tools.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8CheckTest {

  private static boolean jdkAccepts(byte[] a) {
    try {
      StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(a));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** Bytes near the edges of Unicode's table 3-7: ASCII, continuations, every lead byte, boundary values. */
  private static final int[] INTERESTING = {
    'a', '/', 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF,
    0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF8, 0xFF
  };

  @Test
  void firstInvalid_randomSequences_agreesWithStrictJdkDecoder() {
    Random rnd = new Random(7);
    int invalid = 0;
    for (int n = 0; n < 300_000; n++) {
      byte[] a = new byte[1 + rnd.nextInt(20)];
      for (int i = 0; i < a.length; i++) {
        a[i] = (byte) (rnd.nextInt(3) == 0 ? rnd.nextInt(256) : INTERESTING[rnd.nextInt(INTERESTING.length)]);
      }
      boolean valid = Utf8Check.firstInvalid(a, 0, a.length) < 0;
      assertThat(valid).as("%s", java.util.HexFormat.ofDelimiter(" ").formatHex(a)).isEqualTo(jdkAccepts(a));
      invalid += valid ? 0 : 1;
    }
    assertThat(invalid).as("sequences refused").isBetween(1_000, 299_000);
  }

  @Test
  void firstInvalid_everyCodePointEncoded_valid() {
    for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
      if (cp >= 0xD800 && cp <= 0xDFFF) {
        continue;
      }
      byte[] a = ("ab" + Character.toString(cp) + "0123456789").getBytes(StandardCharsets.UTF_8);
      assertThat(Utf8Check.firstInvalid(a, 0, a.length)).as("U+%04X", cp).isEqualTo(-1);
    }
  }

  @Test
  void firstInvalid_encodedSurrogateAndOverlongAndTruncated_pointsAtTheLeadByte() {
    byte[] a = {'a', 'b', (byte) 0xED, (byte) 0xA0, (byte) 0x80};
    assertThat(Utf8Check.firstInvalid(a, 0, a.length)).isEqualTo(2);
    byte[] b = {'x', (byte) 0xC0, (byte) 0xAF};
    assertThat(Utf8Check.firstInvalid(b, 0, b.length)).isEqualTo(1);
    byte[] c = {'1', '2', '3', '4', '5', '6', '7', '8', '9', (byte) 0xF0, (byte) 0x9F, (byte) 0x98};
    assertThat(Utf8Check.firstInvalid(c, 0, c.length)).isEqualTo(9);
  }
}
