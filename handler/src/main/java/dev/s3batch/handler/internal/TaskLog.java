package dev.s3batch.handler.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The one structured log line per task: job id, task id, bucket, key (as S3 sent it, URL-encoded),
 * action, result code, duration and error code. Never object contents or credentials. Every
 * character that {@link ControlCharacters#isEscaped} names (C0 and C1 controls, DEL, line
 * separators, bidirectional controls) is written as a JSON {@code &#92;uXXXX} escape, so the line
 * carries none of them raw, and reads back as exactly what S3 sent.
 *
 * <p>Jackson's own escapes already cover the C0 controls; only a line with one of the others (rare:
 * the key is URL-encoded in most manifests) is written through the custom escapes, which take
 * Jackson off its fast path for every character. The two give the same bytes for any line.
 */
public final class TaskLog {

  private static final JsonFactory FACTORY = JsonFactory.builder().build();
  private static final CharacterEscapes ESCAPES = new JsonControlEscapes();

  private TaskLog() {}

  /** The line, as one JSON object. */
  public static String line(
      String jobId, String taskId, String bucket, String s3Key, String action, String resultCode,
      long durationMillis, String errorCode) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      if (JsonControlEscapes.needed(jobId) || JsonControlEscapes.needed(taskId) || JsonControlEscapes.needed(bucket)
          || JsonControlEscapes.needed(s3Key) || JsonControlEscapes.needed(action) || JsonControlEscapes.needed(resultCode)
          || JsonControlEscapes.needed(errorCode)) {
        g.setCharacterEscapes(ESCAPES);
      }
      g.writeStartObject();
      g.writeStringField("level", "Succeeded".equals(resultCode) ? "INFO" : "WARN");
      g.writeStringField("event", "task");
      g.writeStringField("jobId", jobId);
      g.writeStringField("taskId", taskId);
      g.writeStringField("bucket", bucket);
      g.writeStringField("s3Key", s3Key);
      g.writeStringField("action", action);
      g.writeStringField("resultCode", resultCode);
      g.writeNumberField("durationMs", durationMillis);
      g.writeStringField("errorCode", errorCode);
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
