package dev.s3batch.handler.response;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a {@link BatchResponse} as the JSON S3 Batch Operations expects: exactly the four
 * top-level fields and, per result, exactly {@code taskId}, {@code resultCode},
 * {@code resultString}. Thread-safe.
 */
public final class ResponseWriter {

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private ResponseWriter() {}

  /** Writes the response as UTF-8 JSON; does not close {@code out}. */
  public static void write(BatchResponse response, OutputStream out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartObject();
      g.writeStringField("invocationSchemaVersion", response.invocationSchemaVersion());
      g.writeStringField("treatMissingKeysAs", response.treatMissingKeysAs().name());
      g.writeStringField("invocationId", response.invocationId());
      g.writeArrayFieldStart("results");
      for (TaskResult r : response.results()) {
        g.writeStartObject();
        g.writeStringField("taskId", r.taskId());
        g.writeStringField("resultCode", r.resultCode().name());
        g.writeStringField("resultString", r.resultString());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
  }

  /** The response as UTF-8 JSON bytes. */
  public static byte[] toBytes(BatchResponse response) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try {
      write(response, out);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
