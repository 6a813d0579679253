package dev.s3batch.handler.action;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.s3batch.handler.internal.JsonTree;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Object tags as the {@code tag} action reads and checks them: from URL-query text
 * ({@code k1=v1&k2=v2}, as S3's {@code x-amz-tagging} header) or a JSON object
 * ({@code {"k1": "v1"}}), within S3's limits: at most {@value #MAX_TAGS} tags per object, keys
 * of 1 to {@value #MAX_KEY} characters, values up to {@value #MAX_VALUE}, no {@code aws:} prefix.
 * Every fault is an {@link IllegalArgumentException} naming it, so the task fails permanently.
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-tagging.html">Categorizing
 *     your storage using tags</a>
 */
final class TagSet {

  static final int MAX_TAGS = 10;
  static final int MAX_KEY = 128;
  static final int MAX_VALUE = 256;


  private TagSet() {}

  /** Tags from {@code k1=v1&k2=v2} (URL-encoded, {@code +} is a space) or a JSON object. */
  static Map<String, String> parse(String text, String where) {
    String t = text.strip();
    return t.startsWith("{") ? json(t, where) : query(t, where);
  }

  private static Map<String, String> query(String text, String where) {
    Map<String, String> tags = new LinkedHashMap<>();
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq), where);
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1), where);
      put(tags, key, value, where);
    }
    return tags;
  }

  private static String decode(String s, String where) {
    try {
      return URLDecoder.decode(s, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("tags in " + where + ": \"" + s + "\" is not URL-encoded: " + e.getMessage());
    }
  }

  private static Map<String, String> json(String text, String where) {
    Object node;
    try {
      node = JsonTree.read(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("tags in " + where + " are not a JSON object: " + e.getOriginalMessage());
    }
    if (!(node instanceof Map<?, ?> object)) {
      throw new IllegalArgumentException("tags in " + where + " are not a JSON object");
    }
    Map<String, String> tags = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : object.entrySet()) {
      if (!JsonTree.isScalar(e.getValue()) || e.getValue() == JsonTree.NULL) {
        throw new IllegalArgumentException(
            "tag \"" + e.getKey() + "\" in " + where + " has no text value: " + JsonTree.toJson(e.getValue()));
      }
      put(tags, (String) e.getKey(), JsonTree.text(e.getValue()), where);
    }
    return tags;
  }

  private static void put(Map<String, String> tags, String key, String value, String where) {
    if (tags.put(key, value) != null) {
      throw new IllegalArgumentException("tag key \"" + key + "\" appears twice in " + where);
    }
  }

  /** Checks tags against S3's limits; {@code where} names their source in the message. */
  static void check(Map<String, String> tags, String where) {
    if (tags.size() > MAX_TAGS) {
      throw new IllegalArgumentException(
          where + " has " + tags.size() + " tags: S3 allows at most " + MAX_TAGS + " per object");
    }
    for (Map.Entry<String, String> e : tags.entrySet()) {
      int keyLength = e.getKey().codePointCount(0, e.getKey().length());
      if (keyLength < 1 || keyLength > MAX_KEY) {
        throw new IllegalArgumentException("tag key \"" + abbreviate(e.getKey()) + "\" in " + where + " has "
            + keyLength + " characters: S3 allows 1 to " + MAX_KEY);
      }
      if (e.getKey().regionMatches(true, 0, "aws:", 0, 4)) {
        throw new IllegalArgumentException(
            "tag key \"" + e.getKey() + "\" in " + where + " uses the reserved prefix aws:");
      }
      int valueLength = e.getValue().codePointCount(0, e.getValue().length());
      if (valueLength > MAX_VALUE) {
        throw new IllegalArgumentException("value of tag \"" + abbreviate(e.getKey()) + "\" in " + where + " has "
            + valueLength + " characters: S3 allows at most " + MAX_VALUE);
      }
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }
}
