package dev.s3batch.handler.internal.copy;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.s3batch.handler.internal.ByteSize;
import dev.s3batch.handler.internal.JsonTree;
import dev.s3batch.handler.internal.Setting;
import dev.s3batch.handler.spi.ActionContext;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.model.TaggingDirective;

/**
 * The settings of {@code copy} and {@code move}, read and checked once per task (a bad value fails
 * the task permanently, naming the setting). Each may come from the job's {@code userArguments}
 * or from the function's environment ({@code storageClass} is {@code S3BATCH_STORAGE_CLASS}).
 *
 * @param destinationBucket the configured destination bucket, or null (then the task's bucket)
 * @param destinationPrefix put before each key (not before a JSON key's {@code newKey})
 * @param storageClass the copies' storage class, or null to keep the source's
 * @param metadataDirective COPY (keep metadata and content headers) or REPLACE
 * @param metadata the user metadata with REPLACE (setting {@code metadata}, a JSON object)
 * @param contentType the content type with REPLACE, or null
 * @param taggingDirective COPY (keep tags) or REPLACE
 * @param tags the tags with REPLACE, as {@code k1=v1&k2=v2} (URL-encoded)
 * @param serverSideEncryption SSE for the copies, or null for the bucket's default
 * @param sseKmsKeyId the KMS key with {@code aws:kms}, or null
 * @param acl {@code bucket-owner-full-control} or null; no other ACL can be set by a job
 * @param noOverwrite whether an existing different object at the destination fails the task
 * @param multipartThreshold objects larger than this are copied in parts
 * @param partSize the wanted part size
 * @param copyConcurrency parts copied at the same time
 */
public record CopySettings(
    String destinationBucket, String destinationPrefix, StorageClass storageClass,
    MetadataDirective metadataDirective, Map<String, String> metadata, String contentType,
    TaggingDirective taggingDirective, String tags, ServerSideEncryption serverSideEncryption,
    String sseKmsKeyId, ObjectCannedACL acl, boolean noOverwrite, long multipartThreshold, long partSize,
    int copyConcurrency) {

  /** The settings the copy and move providers declare (besides the toolkit's own). */
  public static final Set<String> NAMES = Set.of(
      "storageClass", "metadataDirective", "metadata", "contentType", "taggingDirective", "tags",
      "serverSideEncryption", "sseKmsKeyId", "acl", "noOverwrite", "multipartThreshold", "partSize",
      "copyConcurrency");

  /** CopyObject copies at most 5 GiB: the default and the largest threshold. */
  public static final long MAX_THRESHOLD = 5L << 30;

  /** The default part size. */
  public static final long DEFAULT_PART_SIZE = 256L << 20;

  /** The default number of parts copied at once. */
  public static final int DEFAULT_CONCURRENCY = 8;

  public CopySettings {
    metadata = Map.copyOf(metadata);
  }

  /** The settings of this task's context. */
  public static CopySettings from(ActionContext c) {
    long threshold = size(c, "multipartThreshold", MAX_THRESHOLD);
    if (threshold > MAX_THRESHOLD) {
      throw new IllegalArgumentException(
          "invalid multipartThreshold " + threshold + ": CopyObject copies at most 5 GiB (5368709120 bytes)");
    }
    long partSize = size(c, "partSize", DEFAULT_PART_SIZE);
    if (partSize < PartPlan.MIN_PART || partSize > PartPlan.MAX_PART) {
      throw new IllegalArgumentException("invalid partSize " + partSize + ": S3 parts are 5 MiB to 5 GiB");
    }
    int concurrency = c.setting("copyConcurrency").map(v -> integer("copyConcurrency", v)).orElse(DEFAULT_CONCURRENCY);
    if (concurrency < 1 || concurrency > 64) {
      throw new IllegalArgumentException("invalid copyConcurrency " + concurrency + ": give 1 to 64");
    }
    return new CopySettings(
        c.setting(Setting.DESTINATION_BUCKET.argument()).orElse(null),
        c.setting(Setting.DESTINATION_PREFIX.argument()).orElse(""),
        c.setting("storageClass").map(v -> known("storageClass", v, StorageClass.fromValue(v))).orElse(null),
        c.setting("metadataDirective").map(v -> known("metadataDirective", v, MetadataDirective.fromValue(v)))
            .orElse(MetadataDirective.COPY),
        c.setting("metadata").map(CopySettings::metadata).orElse(Map.of()),
        c.setting("contentType").orElse(null),
        c.setting("taggingDirective").map(v -> known("taggingDirective", v, TaggingDirective.fromValue(v)))
            .orElse(TaggingDirective.COPY),
        c.setting("tags").orElse(""),
        c.setting("serverSideEncryption")
            .map(v -> known("serverSideEncryption", v, ServerSideEncryption.fromValue(v))).orElse(null),
        c.setting("sseKmsKeyId").orElse(null),
        c.setting("acl").map(CopySettings::acl).orElse(null),
        c.setting("noOverwrite").map(v -> bool("noOverwrite", v)).orElse(false),
        threshold, partSize, concurrency);
  }

  /** Whether metadata and content headers are replaced rather than kept. */
  public boolean replacesMetadata() {
    return metadataDirective == MetadataDirective.REPLACE;
  }

  /** Whether tags are replaced rather than kept. */
  public boolean replacesTags() {
    return taggingDirective == TaggingDirective.REPLACE;
  }

  /**
   * The settings that shape a new object, for the upload marker: the same text in every JVM
   * (metadata sorted, since {@code Map.copyOf} iterates in a per-JVM order).
   */
  String shape() {
    return "storageClass=" + storageClass + " metadataDirective=" + metadataDirective
        + " metadata=" + new java.util.TreeMap<>(metadata)
        + " contentType=" + contentType + " taggingDirective=" + taggingDirective + " tags=" + tags
        + " sse=" + serverSideEncryption + " kms=" + sseKmsKeyId + " acl=" + acl;
  }

  private static long size(ActionContext c, String name, long fallback) {
    return c.setting(name).map(v -> ByteSize.parse(name, v)).orElse(fallback);
  }

  private static int integer(String name, String value) {
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid " + name + " \"" + value + "\": give a whole number");
    }
  }

  private static boolean bool(String name, String value) {
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "1" -> true;
      case "false", "no", "0" -> false;
      default -> throw new IllegalArgumentException("invalid " + name + " \"" + value + "\": give true or false");
    };
  }

  private static <E extends Enum<E>> E known(String name, String value, E parsed) {
    if (parsed.name().equals("UNKNOWN_TO_SDK_VERSION")) {
      throw new IllegalArgumentException("invalid " + name + " \"" + value + "\"");
    }
    return parsed;
  }

  private static ObjectCannedACL acl(String value) {
    if (!ObjectCannedACL.BUCKET_OWNER_FULL_CONTROL.toString().equals(value)) {
      throw new IllegalArgumentException(
          "invalid acl \"" + value + "\": only bucket-owner-full-control may be set on copies");
    }
    return ObjectCannedACL.BUCKET_OWNER_FULL_CONTROL;
  }

  /** A JSON object of scalars; numbers and booleans become their JSON text, as jackson-databind read them. */
  private static Map<String, String> metadata(String json) {
    Object node;
    try {
      node = JsonTree.read(json);
    } catch (JsonProcessingException e) {
      throw invalidMetadata(json);
    }
    if (!(node instanceof Map<?, ?> object)) {
      throw invalidMetadata(json);
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    for (Map.Entry<?, ?> e : object.entrySet()) {
      if (!JsonTree.isScalar(e.getValue()) || e.getValue() == JsonTree.NULL) {
        throw invalidMetadata(json);
      }
      metadata.put((String) e.getKey(), JsonTree.text(e.getValue()));
    }
    return metadata;
  }

  private static IllegalArgumentException invalidMetadata(String json) {
    return new IllegalArgumentException(
        "invalid metadata " + json + ": give a JSON object of strings, e.g. {\"owner\":\"team-a\"}");
  }
}
