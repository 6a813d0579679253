package dev.s3batch.testkit;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The nasty-key corpus ({@code nasty-keys.json}): object keys that break naive manifest writers
 * and decoders: spaces, {@code +}, {@code %}, commas, quotes, CR/LF/TAB, non-ASCII and emoji,
 * JSON-looking and pipe keys, and keys of exactly 1,024 UTF-8 bytes. Every key is a valid S3 key.
 */
public final class NastyKeys {

  private NastyKeys() {}

  /** Every key of the corpus. */
  public static List<String> all() {
    try (InputStream in = NastyKeys.class.getResourceAsStream("nasty-keys.json")) {
      return List.copyOf(new ObjectMapper().readValue(in, new TypeReference<List<String>>() {}));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
