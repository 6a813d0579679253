package dev.s3batch.tools.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * What a report of a sampled job ({@code job run-local --sample N}) says about the sample, so it
 * is never read as the report of the whole manifest: published beside {@code manifest.json} as
 * {@code job-<id>/sample.json} (beyond AWS, which has no samples):
 *
 * <pre>{@code
 * {"Sample":true,"Tasks":100,"ManifestRows":250000,"Seed":7,"Manifest":"s3://bucket/manifest.csv"}
 * }</pre>
 *
 * @param tasks how many rows were drawn (the job's tasks)
 * @param manifestRows how many rows the manifest has
 * @param seed the seed of the draw (the same seed draws the same rows)
 * @param manifest the manifest's location, as given
 */
public record SampleNote(long tasks, long manifestRows, long seed, String manifest) {

  /** The name, under {@code job-<id>/}, of the note. */
  public static final String NAME = "sample.json";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  public SampleNote {
    if (tasks < 0 || manifestRows < tasks) {
      throw new IllegalArgumentException("a sample of " + tasks + " tasks cannot come from " + manifestRows + " rows");
    }
    java.util.Objects.requireNonNull(manifest, "manifest");
  }

  /** One line for people: {@code a sample of 100 tasks drawn from 250000 manifest rows (seed 7)}. */
  public String describe() {
    return "a sample of " + tasks + " tasks drawn from " + manifestRows + " manifest rows of " + manifest
        + " (--seed " + seed + ")";
  }

  /** The JSON bytes. */
  public byte[] toJson() {
    return MAPPER.createObjectNode().put("Sample", true).put("Tasks", tasks).put("ManifestRows", manifestRows)
        .put("Seed", seed).put("Manifest", manifest).toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads a {@code sample.json}.
   *
   * @throws InvalidReportException when it is not the note's JSON
   */
  public static SampleNote parse(byte[] json, String where) {
    try {
      JsonNode root = MAPPER.readTree(json);
      if (root == null || !root.path("Tasks").canConvertToLong() || !root.path("ManifestRows").canConvertToLong()
          || !root.path("Seed").canConvertToLong() || !root.path("Manifest").isTextual()) {
        throw new InvalidReportException(where + ": not a sample note (Tasks, ManifestRows, Seed, Manifest)");
      }
      return new SampleNote(root.get("Tasks").asLong(), root.get("ManifestRows").asLong(), root.get("Seed").asLong(),
          root.get("Manifest").asText());
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidReportException(where + ": not a sample note: " + e.getMessage());
    }
  }
}
