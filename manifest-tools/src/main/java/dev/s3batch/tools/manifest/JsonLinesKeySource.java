package dev.s3batch.tools.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.util.Iterator;

/**
 * One JSON object per line, in either of two shapes:
 *
 * <ul>
 *   <li>an object: {@code {"bucket": "b", "key": "photos/cat.jpg", "versionId": "3HL4kqtJ"}}
 *       ({@code bucket} may come from the default bucket, {@code versionId} is optional);
 *   <li>task parameters, any object without a {@code key} field:
 *       {@code {"origKey": "a.txt", "newKey": "b.txt"}}. The object (less a {@code bucket} field,
 *       which names the bucket) written as compact JSON becomes the key, URL-encoded like any key,
 *       as AWS's task-parameter examples do.
 * </ul>
 *
 * Blank lines are skipped.
 */
public final class JsonLinesKeySource implements KeySource {

  /** Text after a line's object is refused: a second object on one line would be dropped unseen. */
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

  private final InputFile input;
  private final String defaultBucket;
  private final ProgressListener progress;

  /**
   * @param input the JSON Lines file
   * @param defaultBucket the bucket of lines without a {@code bucket} field, or null
   * @param progress hears how many lines were read
   */
  public JsonLinesKeySource(InputFile input, String defaultBucket, ProgressListener progress) {
    if (defaultBucket != null) {
      BucketNames.check(defaultBucket);
    }
    this.input = input;
    this.defaultBucket = defaultBucket;
    this.progress = progress;
  }

  @Override
  public void forEach(RowSink sink) throws IOException {
    long line = 0;
    try (BufferedReader reader = input.open()) {
      String text;
      while ((text = reader.readLine()) != null) {
        line++;
        if ((line & 0xFFFF) == 0) {
          progress.listed(line);
        }
        if (text.isBlank()) {
          continue;
        }
        try {
          row(text, sink);
        } catch (ManifestException e) {
          throw e.at(name() + " line " + line);
        }
      }
    }
    progress.listed(line);
  }

  private void row(String text, RowSink sink) {
    JsonNode node;
    try {
      node = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw new ManifestException("not valid JSON: " + e.getOriginalMessage());
    }
    if (!(node instanceof ObjectNode object)) {
      throw new ManifestException("not a JSON object: each line is one {...} object");
    }
    String bucket = text(object, "bucket");
    if (bucket == null) {
      bucket = defaultBucket;
    }
    if (bucket == null) {
      throw new ManifestException("no bucket: give the line a \"bucket\" field or give --bucket");
    }
    if (object.has("key")) {
      for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
        String field = it.next();
        if (!field.equals("bucket") && !field.equals("key") && !field.equals("versionId")) {
          throw new ManifestException(
              "unknown field \"" + field + "\": an object line has bucket, key and versionId; "
                  + "task parameters have no \"key\" field");
        }
      }
      String key = text(object, "key");
      if (key == null) {
        throw new ManifestException("\"key\" must be a string");
      }
      sink.row(bucket, key, text(object, "versionId"));
    } else {
      object.remove("bucket");
      if (object.isEmpty()) {
        throw new ManifestException("an empty object: give {\"key\": ...} or task parameters");
      }
      sink.row(bucket, object.toString(), null);
    }
  }

  private static String text(ObjectNode object, String field) {
    JsonNode value = object.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new ManifestException("\"" + field + "\" must be a string, not " + value.getNodeType().name().toLowerCase());
    }
    return value.textValue();
  }

  @Override
  public String name() {
    return input.name();
  }
}
