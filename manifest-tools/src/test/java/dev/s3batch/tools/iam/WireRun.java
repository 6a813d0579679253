package dev.s3batch.tools.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3batch.handler.S3BatchHandler;
import dev.s3batch.handler.event.SchemaVersion;
import dev.s3batch.testkit.FaultProxy;
import dev.s3batch.testkit.S3MockServer;
import dev.s3batch.tools.local.EventWriter;
import dev.s3batch.tools.manifest.KeyEncoder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Runs the real handler on one {@link WireScenario.Task}, as a one-task Batch Operations invocation. */
final class WireRun {

  private static final ObjectMapper JSON = new ObjectMapper();

  private WireRun() {}

  /** Runs {@code action} on the task against the S3 endpoint; returns the task's result object. */
  static JsonNode invoke(URI endpoint, String action, WireScenario.Task task) {
    Map<String, String> env = new HashMap<>(task.environment());
    env.put("AWS_ENDPOINT_URL", endpoint.toString());
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_ACCESS_KEY_ID", "test");
    env.put("AWS_SECRET_ACCESS_KEY", "test");
    env.put("S3BATCH_ACTION", action);
    if (task.destinationBucket() != null) {
      env.put("S3BATCH_DESTINATION_BUCKET", task.destinationBucket());
    }
    byte[] event = EventWriter.singleTask(SchemaVersion.V1_0, EventWriter.randomId(), UUID.randomUUID().toString(),
        Map.of(), EventWriter.randomId(), task.sourceBucket(), KeyEncoder.encode(task.key()), task.versionId());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      new S3BatchHandler(env).handleRequest(new ByteArrayInputStream(event), out, null);
      return JSON.readTree(out.toByteArray()).path("results").path(0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs {@code action} on the task straight against S3Mock, through a proxy of its own that injects
   * the task's fault: for a setup that needs an earlier, interrupted run (a copy left half done).
   */
  static JsonNode invokeBeforehand(String action, WireScenario.Task task) {
    try (FaultProxy own = FaultProxy.start(S3MockServer.get().endpoint())) {
      if (task.fault() != null) {
        own.inject(task.fault().when(), task.fault().fault(), task.fault().times());
      }
      return invoke(own.endpoint(), action, task);
    }
  }
}
