package dev.s3batch.tools.manifest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.s3batch.handler.internal.KeyDecoder;
import dev.s3batch.handler.internal.KeyDecoding;
import dev.s3batch.testkit.NastyKeys;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyEncoderTest {

  private static final String UNRESERVED =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
  private static final String SPECIALS = " +%,\"'\n\r\t/\\|{}:;?#&=@$^[]*<>`!()";

  // ---- unit cases -------------------------------------------------------------------------

  @Test
  void encode_space_isPercent20NotPlus() {
    assertThat(KeyEncoder.encode("my photo.jpg")).isEqualTo("my%20photo.jpg");
  }

  @Test
  void encode_plus_isPercent2B() {
    assertThat(KeyEncoder.encode("a+b.txt")).isEqualTo("a%2Bb.txt");
  }

  @Test
  void encode_slash_stays() {
    assertThat(KeyEncoder.encode("/photos//2024/")).isEqualTo("/photos//2024/");
  }

  @Test
  void encode_unreservedCharacters_stayAsTheyAre() {
    assertThat(KeyEncoder.encode(UNRESERVED)).isEqualTo(UNRESERVED);
  }

  @Test
  void encode_everyOtherAsciiCharacter_isPercentXxInUppercaseHex() {
    for (char c = 0; c < 128; c++) {
      if (UNRESERVED.indexOf(c) >= 0 || c == '/') {
        continue;
      }
      assertThat(KeyEncoder.encode(String.valueOf(c)))
          .as("char %d", (int) c)
          .isEqualTo(String.format("%%%02X", (int) c));
    }
    assertThat(KeyEncoder.encode("a,b\"c\n\r\t%")).isEqualTo("a%2Cb%22c%0A%0D%09%25");
  }

  @ParameterizedTest
  @CsvSource({
      "ü,          %C3%BC",
      "\u0080,     %C2%80",
      "\u07FF,     %DF%BF",
      "\u0800,     %E0%A0%80",
      "日本,       %E6%97%A5%E6%9C%AC",
      "\uFFFD,     %EF%BF%BD",
      "\uFFFF,     %EF%BF%BF",
      "😀,         %F0%9F%98%80",
      "\uD800\uDC00, %F0%90%80%80",
      "\uDBFF\uDFFF, %F4%8F%BF%BF",
  })
  void encode_nonAscii_isPercentXxOfItsUtf8Bytes(String key, String expected) {
    assertThat(KeyEncoder.encode(key)).isEqualTo(expected);
    String utf8 = new String(key.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    StringBuilder fromBytes = new StringBuilder();
    utf8.chars().forEach(b -> fromBytes.append(String.format("%%%02X", b)));
    assertThat(expected).isEqualTo(fromBytes.toString());
  }

  @Test
  void encode_awsDocumentedJsonKey_isOneCsvField() {
    assertThat(KeyEncoder.encode("{\"origKey\": \"a\", \"newKey\": \"b\"}"))
        .isEqualTo("%7B%22origKey%22%3A%20%22a%22%2C%20%22newKey%22%3A%20%22b%22%7D");
  }

  @ParameterizedTest
  @CsvSource(delimiter = ';', value = {"\uD800; 0", "ab\uD83D; 2", "a\uD83Dx; 1", "\uDE00x; 0", "😀\uDE00; 2"})
  void encode_unpairedSurrogate_isRejectedWithItsPosition(String key, int position) {
    assertThatThrownBy(() -> KeyEncoder.encode(key))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unpaired UTF-16 surrogate at position " + position + ":");
    assertThatThrownBy(() -> KeyEncoder.encodeTo(key, new StringBuilder()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void encodeTo_existingBuffer_appendsAfterItsContent() {
    StringBuilder row = new StringBuilder("bucket,");
    KeyEncoder.encodeTo("a b+c", row);
    row.append('\n');
    KeyEncoder.encodeTo("plain", row);
    assertThat(row).hasToString("bucket,a%20b%2Bc\nplain");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "plain.txt", "photos/2024/cat.jpg"})
  void encode_keyWithNothingToEscape_isTheSameText(String key) {
    assertThat(KeyEncoder.encode(key)).isEqualTo(key);
  }

  // ---- round trip -------------------------------------------------------------------------

  @Test
  void encode_nastyKeyCorpus_decodesBackInBothModesAndWithUrlDecoder() throws Exception {
    List<String> keys = NastyKeys.all();
    assertThat(keys).isNotEmpty();
    for (String key : keys) {
      assertRoundTrip(key, () -> "nasty key \"" + key + "\"");
    }
  }

  /**
   * Property: every valid key (random mixes of ASCII specials, controls, BMP and supplementary
   * code points, up to 1,024 UTF-8 bytes) encodes to manifest-safe text that decodes back to the
   * key in both decodings and with {@link URLDecoder}, and matches {@link URLEncoder}'s bytes
   * once its form-encoding differences are undone.
   */
  @Test
  void encode_randomValidKeys_decodeBackInBothModesAndWithUrlDecoder() throws Exception {
    long seed = Long.getLong("s3batch.test.seed", 0x5EED_C0DEL);
    SplittableRandom random = new SplittableRandom(seed);
    int atLimit = 0;
    for (int n = 0; n < 10_000; n++) {
      String key = randomKey(random);
      int bytes = key.getBytes(StandardCharsets.UTF_8).length;
      assertTrue(bytes <= 1024, "generator made a key over 1,024 bytes");
      atLimit += bytes >= 1020 ? 1 : 0;
      int index = n;
      Supplier<String> why = () -> "seed " + seed + " (rerun with -Ds3batch.test.seed=" + seed + "), case " + index
          + ", key \"" + key + "\"";
      assertRoundTrip(key, why);
      assertEquals(urlEncoderReference(key), KeyEncoder.encode(key), () -> why.get() + ": URLEncoder reference");
    }
    assertThat(atLimit).as("keys near 1,024 bytes generated").isGreaterThan(100);
  }

  /** Checks one key; {@code why} is built only when a check fails (the loop runs thousands of keys). */
  private static void assertRoundTrip(String key, Supplier<String> why) throws Exception {
    String encoded = KeyEncoder.encode(key);
    assertTrue(manifestSafe(encoded), () -> why.get() + ": encoded \"" + encoded + "\" holds more than unreserved, / and %XX");
    StringBuilder appended = new StringBuilder("x,");
    KeyEncoder.encodeTo(key, appended);
    assertEquals(encoded, appended.substring(2), () -> why.get() + ": encodeTo");
    assertEquals(key, KeyDecoder.decode(encoded, KeyDecoding.PLUS_AS_SPACE), () -> why.get() + ": plus-as-space");
    assertEquals(key, KeyDecoder.decode(encoded, KeyDecoding.PERCENT_ONLY), () -> why.get() + ": percent-only");
    assertEquals(key, URLDecoder.decode(encoded, StandardCharsets.UTF_8), () -> why.get() + ": URLDecoder");
  }

  /** Whether the text holds only unreserved characters, '/' and %XX with uppercase hex digits. */
  private static boolean manifestSafe(String encoded) {
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '%') {
        if (i + 2 >= encoded.length() || !upperHex(encoded.charAt(i + 1)) || !upperHex(encoded.charAt(i + 2))) {
          return false;
        }
        i += 2;
      } else if (c != '/' && UNRESERVED.indexOf(c) < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean upperHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
  }

  /** URLEncoder's output with its form-encoding undone: space {@code +}, {@code *} kept, {@code ~} and {@code /} escaped. */
  private static String urlEncoderReference(String key) {
    return URLEncoder.encode(key, StandardCharsets.UTF_8)
        .replace("+", "%20").replace("*", "%2A").replace("%7E", "~").replace("%2F", "/");
  }

  /** A key of up to 1,024 UTF-8 bytes; one in four is filled to the limit. */
  private static String randomKey(SplittableRandom random) {
    int budget = random.nextInt(4) == 0 ? 1024 : random.nextInt(0, 1025);
    int flavour = random.nextInt(4);
    StringBuilder sb = new StringBuilder();
    int used = 0;
    while (true) {
      int cp = randomCodePoint(random, flavour);
      int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (used + size > budget) {
        return sb.toString();
      }
      sb.appendCodePoint(cp);
      used += size;
    }
  }

  /** Flavour 0 mixes everything; 1 is mostly ASCII; 2 mostly BMP; 3 mostly supplementary. */
  private static int randomCodePoint(SplittableRandom random, int flavour) {
    int kind = flavour == 0 || random.nextInt(4) == 0 ? random.nextInt(5) : flavour + 1;
    return switch (kind) {
      case 0 -> SPECIALS.charAt(random.nextInt(SPECIALS.length()));
      case 1 -> random.nextInt(3) == 0 ? random.nextInt(0, 0x20) : random.nextInt(0x20, 0x80);
      case 2 -> random.nextInt(2) == 0 ? random.nextInt(0x80, 0x800) : bmp(random);
      case 3 -> bmp(random);
      default -> random.nextInt(0x10000, 0x110000);
    };
  }

  private static int bmp(SplittableRandom random) {
    int cp = random.nextInt(0x800, 0x10000);
    return Character.isSurrogate((char) cp) ? 0xE000 + (cp & 0xFF) : cp;
  }
}
