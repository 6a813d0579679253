package dev.s3batch.handler.internal;

import static dev.s3batch.handler.internal.KeyDecoding.PERCENT_ONLY;
import static dev.s3batch.handler.internal.KeyDecoding.PLUS_AS_SPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class KeyDecoderTest {

  private static final String SPECIALS = " +%,\"'\n\r\t/|{}:";
  private static final Pattern POSITION = Pattern.compile("at position (\\d+)");

  // ---- valid keys -------------------------------------------------------------------------

  @ParameterizedTest
  @EnumSource(KeyDecoding.class)
  void decode_keyWithoutEscapes_returnsItUnchanged(KeyDecoding mode) throws Exception {
    assertThat(KeyDecoder.decode("photos/2024/cat.jpg", mode)).isEqualTo("photos/2024/cat.jpg");
    assertThat(KeyDecoder.decode("", mode)).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(KeyDecoding.class)
  void decode_percent20_isSpaceInBothModes(KeyDecoding mode) throws Exception {
    assertThat(KeyDecoder.decode("my%20photo.jpg", mode)).isEqualTo("my photo.jpg");
    assertThat(KeyDecoder.decode("%20lead%20and%20trail%20", mode)).isEqualTo(" lead and trail ");
  }

  @ParameterizedTest
  @EnumSource(KeyDecoding.class)
  void decode_rawSpace_staysSpace(KeyDecoding mode) throws Exception {
    assertThat(KeyDecoder.decode("my photo.jpg", mode)).isEqualTo("my photo.jpg");
  }

  @Test
  void decode_plusInPlusAsSpace_becomesSpace() throws Exception {
    assertThat(KeyDecoder.decode("my+photo+1.jpg", PLUS_AS_SPACE)).isEqualTo("my photo 1.jpg");
    assertThat(KeyDecoder.decode("+", PLUS_AS_SPACE)).isEqualTo(" ");
    assertThat(KeyDecoder.decode("a++b", PLUS_AS_SPACE)).isEqualTo("a  b");
  }

  @Test
  void decode_plusInPercentOnly_staysPlus() throws Exception {
    assertThat(KeyDecoder.decode("my+photo+1.jpg", PERCENT_ONLY)).isEqualTo("my+photo+1.jpg");
    assertThat(KeyDecoder.decode("a+b%20c", PERCENT_ONLY)).isEqualTo("a+b c");
  }

  @ParameterizedTest
  @EnumSource(KeyDecoding.class)
  void decode_percent2B_isPlusInBothModes(KeyDecoding mode) throws Exception {
    assertThat(KeyDecoder.decode("a%2Bb", mode)).isEqualTo("a+b");
    assertThat(KeyDecoder.decode("a%2bb", mode)).isEqualTo("a+b");
    assertThat(KeyDecoder.decode("c%2B%2B.txt", mode)).isEqualTo("c++.txt");
  }

  @ParameterizedTest
  @EnumSource(KeyDecoding.class)
  void decode_percent25_isPercentAndIsDecodedOnce(KeyDecoding mode) throws Exception {
    assertThat(KeyDecoder.decode("100%25.txt", mode)).isEqualTo("100%.txt");
    assertThat(KeyDecoder.decode("%2520", mode)).isEqualTo("%20");
    assertThat(KeyDecoder.decode("percent%252Bencoded", mode)).isEqualTo("percent%2Bencoded");
  }

  @ParameterizedTest
  @EnumSource(KeyDecoding.class)
  void decode_commasAndQuotes_decodeEncodedAndKeepRaw(KeyDecoding mode) throws Exception {
    assertThat(KeyDecoder.decode("a%2Cb%2Cc.csv", mode)).isEqualTo("a,b,c.csv");
    assertThat(KeyDecoder.decode("a,b,c.csv", mode)).isEqualTo("a,b,c.csv");
    assertThat(KeyDecoder.decode("quote%22inside%27.txt", mode)).isEqualTo("quote\"inside'.txt");
    assertThat(KeyDecoder.decode("quote\"raw'.txt", mode)).isEqualTo("quote\"raw'.txt");
  }

  @ParameterizedTest
  @EnumSource(KeyDecoding.class)
  void decode_controlCharacters_becomeNewlinesAndTabs(KeyDecoding mode) throws Exception {
    assertThat(KeyDecoder.decode("line%0Abreak", mode)).isEqualTo("line\nbreak");
    assertThat(KeyDecoder.decode("carriage%0dreturn", mode)).isEqualTo("carriage\rreturn");
    assertThat(KeyDecoder.decode("crlf%0D%0Akey", mode)).isEqualTo("crlf\r\nkey");
    assertThat(KeyDecoder.decode("tab%09here", mode)).isEqualTo("tab\there");
    assertThat(KeyDecoder.decode("nul%00byte", mode)).isEqualTo("nul\0byte");
  }

  @ParameterizedTest
  @EnumSource(KeyDecoding.class)
  void decode_utf8Escapes_becomeNonAsciiCharacters(KeyDecoding mode) throws Exception {
    assertThat(KeyDecoder.decode("%C3%BCber", mode)).isEqualTo("über");
    assertThat(KeyDecoder.decode("caf%c3%a9", mode)).isEqualTo("café");
    assertThat(KeyDecoder.decode("%E6%97%A5%E6%9C%AC/%E6%96%87", mode)).isEqualTo("日本/文");
    assertThat(KeyDecoder.decode("%EF%BF%BF", mode)).isEqualTo("\uFFFF");
  }

  @ParameterizedTest
  @EnumSource(KeyDecoding.class)
  void decode_fourByteEmoji_becomesSurrogatePair(KeyDecoding mode) throws Exception {
    String decoded = KeyDecoder.decode("emoji-%F0%9F%98%80-%F0%9F%9A%80.png", mode);
    assertThat(decoded).isEqualTo("emoji-😀-🚀.png");
    assertThat(decoded.codePoints().filter(Character::isSupplementaryCodePoint).count()).isEqualTo(2);
    assertThat(KeyDecoder.decode("%F4%8F%BF%BF", mode)).isEqualTo(new String(Character.toChars(0x10FFFF)));
  }

  @ParameterizedTest
  @EnumSource(KeyDecoding.class)
  void decode_rawNonAsciiAndEmoji_passThroughAndMixWithEscapes(KeyDecoding mode) throws Exception {
    assertThat(KeyDecoder.decode("ünïcödé/ファイル.txt", mode)).isEqualTo("ünïcödé/ファイル.txt");
    assertThat(KeyDecoder.decode("😀%20😀", mode)).isEqualTo("😀 😀");
    assertThat(KeyDecoder.decode("é%C3%A9é", mode)).isEqualTo("ééé");
  }

  @ParameterizedTest
  @EnumSource(KeyDecoding.class)
  void decode_keyOf1024Utf8Bytes_decodesWhole(KeyDecoding mode) throws Exception {
    String ascii = "k".repeat(1023) + "%20";
    assertThat(KeyDecoder.decode(ascii, mode)).isEqualTo("k".repeat(1023) + " ");

    String emoji = "%F0%9F%98%80".repeat(256);
    String decoded = KeyDecoder.decode(emoji, mode);
    assertThat(decoded).isEqualTo("😀".repeat(256));
    assertThat(decoded.getBytes(StandardCharsets.UTF_8)).hasSize(1024);
  }

  @Test
  void decode_urlEncodedJsonKey_decodesToTheJsonText() throws Exception {
    String raw = "%7B%22origKey%22%3A%20%22a%22%2C%20%22newKey%22%3A%20%22b%22%7D";
    String json = "{\"origKey\": \"a\", \"newKey\": \"b\"}";
    assertThat(KeyDecoder.decode(raw, PLUS_AS_SPACE)).isEqualTo(json);
    assertThat(KeyDecoder.decode(raw, PERCENT_ONLY)).isEqualTo(json);
  }

  @Test
  void decode_jsonKeyEncodedWithPlusForSpace_needsPlusAsSpace() throws Exception {
    // Python's quote_plus writes spaces as '+': only plus-as-space restores the JSON text.
    String raw = "%7B%22origKey%22%3A+%22my+file%22%7D";
    assertThat(KeyDecoder.decode(raw, PLUS_AS_SPACE)).isEqualTo("{\"origKey\": \"my file\"}");
    assertThat(KeyDecoder.decode(raw, PERCENT_ONLY)).isEqualTo("{\"origKey\":+\"my+file\"}");
  }

  @Test
  void decode_validKeysInPlusAsSpace_agreeWithUrlDecoder() throws Exception {
    List<String> keys = List.of(
        "plain.txt", "my+photo.jpg", "my%20photo.jpg", "a%2Bb", "100%25", "%2C%22%27", "%0A%0D%09",
        "%C3%BC", "%F0%9F%98%80", "ü+😀", "%7B%22origKey%22%3A+%22a%22%7D", "key%7Cupper", "++%2B%2b");
    for (String key : keys) {
      assertThat(KeyDecoder.decode(key, PLUS_AS_SPACE))
          .as(key)
          .isEqualTo(URLDecoder.decode(key, StandardCharsets.UTF_8));
    }
  }

  /**
   * Random keys, each character written raw or as {@code %XX} of its UTF-8 bytes (random hex
   * case), {@code +} always escaped and space raw, escaped or {@code +}: percent-only gives the
   * key back when no space was written as {@code +}, and plus-as-space always agrees with
   * {@link URLDecoder}.
   */
  @Test
  void decode_randomValidEncodings_roundTripAndAgreeWithUrlDecoder() throws Exception {
    long seed = 0x5EED_0001L;
    SplittableRandom random = new SplittableRandom(seed);
    for (int n = 0; n < 5_000; n++) {
      String key = randomKey(random);
      StringBuilder raw = new StringBuilder();
      boolean plusForSpace = false;
      for (int i = 0; i < key.length(); ) {
        int cp = key.codePointAt(i);
        i += Character.charCount(cp);
        if (cp == ' ' && random.nextInt(3) == 0) {
          raw.append('+');
          plusForSpace = true;
        } else if (cp == '+' || cp == '%' || random.nextBoolean()) {
          for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
            String hex = String.format("%%%02X", b & 0xFF);
            raw.append(random.nextBoolean() ? hex : hex.toLowerCase());
          }
        } else {
          raw.appendCodePoint(cp);
        }
      }
      String encoded = raw.toString();
      String why = "seed " + seed + ", case " + n + ", raw \"" + encoded + "\"";
      assertThat(KeyDecoder.decode(encoded, PLUS_AS_SPACE)).as(why).isEqualTo(key)
          .isEqualTo(URLDecoder.decode(encoded, StandardCharsets.UTF_8));
      if (!plusForSpace) {
        assertThat(KeyDecoder.decode(encoded, PERCENT_ONLY)).as(why).isEqualTo(key);
      }
    }
  }

  private static String randomKey(SplittableRandom random) {
    StringBuilder sb = new StringBuilder();
    int length = random.nextInt(0, 40);
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(5)) {
        case 0 -> sb.append(SPECIALS.charAt(random.nextInt(SPECIALS.length())));
        case 1 -> sb.append((char) random.nextInt(0x20, 0x7F));
        case 2 -> sb.append((char) random.nextInt(0, 0x20));
        case 3 -> {
          int cp = random.nextInt(0x80, 0x10000);
          sb.appendCodePoint(Character.isSurrogate((char) cp) ? 0xFFFD : cp);
        }
        default -> sb.appendCodePoint(random.nextInt(0x10000, 0x110000));
      }
    }
    return sb.toString();
  }

  // ---- malformed keys ---------------------------------------------------------------------

  @ParameterizedTest(name = "[{index}] \"{0}\" fails at {1}")
  @CsvSource(delimiter = ';', quoteCharacter = '`', value = {
      "%;         0;  \"%\"",
      "100%;      3;  \"%\"",
      "%2;        0;  \"%2\"",
      "%z;        0;  \"%z\"",
      "a%zz;      1;  \"%zz\"",
      "ab%2z%41;  2;  \"%2z\"",
      "a b%g0;    3;  \"%g0\"",
      "%C3%28;    0;  \"%C3\" at position 0 is not valid UTF-8",
      "x%FF;      1;  \"%FF\" at position 1 is not valid UTF-8",
      "ab%E2%82;  2;  \"%E2%82\" at position 2 is not valid UTF-8",
      "%E2%82x;   0;  \"%E2%82\" at position 0 is not valid UTF-8",
      "ok/%80;    3;  \"%80\" at position 3 is not valid UTF-8",
      "%C0%AF;    0;  is not valid UTF-8",
      "%ED%A0%80; 0;  is not valid UTF-8",
      "%F4%90%80%80; 0; is not valid UTF-8",
      "é%A9;      1;  \"%A9\" at position 1 is not valid UTF-8",
      "%F0%9F%98é; 0; \"%F0%9F%98\" at position 0 is not valid UTF-8",
  })
  void decode_malformedKey_namesRawKeyAndPosition(String raw, int position, String detail) {
    for (KeyDecoding mode : KeyDecoding.values()) {
      assertThatThrownBy(() -> KeyDecoder.decode(raw, mode))
          .as("%s in %s", raw, mode)
          .isInstanceOf(MalformedKeyException.class)
          .hasMessageContaining("\"" + raw + "\"")
          .hasMessageContaining(detail)
          .satisfies(e -> assertThat(position(e.getMessage())).isEqualTo(position));
    }
  }

  @Test
  void decode_bareTrailingPercent_failsLikeUrlDecoderButSaysWhere() {
    assertThatThrownBy(() -> URLDecoder.decode("100%", StandardCharsets.UTF_8))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> KeyDecoder.decode("100%", PLUS_AS_SPACE))
        .hasMessage("malformed key: \"%\" at position 3 is not a %XX escape with two hex digits; key \"100%\"");
  }

  @Test
  void decode_invalidUtf8_failsWhereUrlDecoderWouldSubstitute() {
    assertThat(URLDecoder.decode("%C3%28", StandardCharsets.UTF_8)).isEqualTo("\uFFFD(");
    assertThatThrownBy(() -> KeyDecoder.decode("%C3%28", PLUS_AS_SPACE))
        .hasMessage("malformed key: \"%C3\" at position 0 is not valid UTF-8; key \"%C3%28\"");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 4})
  void decode_loneSurrogate_failsAtItsPosition(int at) {
    String[] surrogates = {"\uD800", "\uDBFF", "\uDC00", "\uDFFF"};
    for (String s : surrogates) {
      String raw = "abcd".substring(0, at) + s + "x";
      for (KeyDecoding mode : KeyDecoding.values()) {
        assertThatThrownBy(() -> KeyDecoder.decode(raw, mode))
            .isInstanceOf(MalformedKeyException.class)
            .hasMessageContaining("lone UTF-16 surrogate")
            .hasMessageContaining("\"" + raw + "\"")
            .satisfies(e -> assertThat(position(e.getMessage())).isEqualTo(at));
      }
    }
  }

  @Test
  void decode_loneSurrogateAmongEscapes_failsAtItsPosition() {
    assertThatThrownBy(() -> KeyDecoder.decode("%41\uD83D", PERCENT_ONLY))
        .satisfies(e -> assertThat(position(e.getMessage())).isEqualTo(3));
    assertThatThrownBy(() -> KeyDecoder.decode("😀\uDE00\uDE00", PLUS_AS_SPACE))
        .satisfies(e -> assertThat(position(e.getMessage())).isEqualTo(2));
  }

  @Test
  void decode_faultDeepInLongKey_positionSurvivesTheReportsLengthCut() {
    String raw = "k".repeat(1020) + "%zz";
    try {
      KeyDecoder.decode(raw, PLUS_AS_SPACE);
      fail("no exception for " + raw);
    } catch (MalformedKeyException e) {
      assertThat(e.getMessage()).contains(raw);
      String reported = ResultStrings.oneLine(e.getMessage());
      assertThat(reported).endsWith(ResultStrings.TRUNCATION_MARK);
      assertThat(position(reported)).isEqualTo(1020);
    }
  }

  // ---- settings ---------------------------------------------------------------------------

  @Test
  void fromSetting_knownAndUnknownValues_mapToDecodingOrEmpty() {
    assertThat(KeyDecoding.fromSetting("plus-as-space")).contains(PLUS_AS_SPACE);
    assertThat(KeyDecoding.fromSetting("percent-only")).contains(PERCENT_ONLY);
    assertThat(KeyDecoding.fromSetting("PLUS_AS_SPACE")).isEmpty();
    assertThat(KeyDecoding.fromSetting("")).isEmpty();
  }

  private static int position(String message) {
    Matcher m = POSITION.matcher(message);
    assertThat(m.find()).as("a position in: %s", message).isTrue();
    return Integer.parseInt(m.group(1));
  }
}
