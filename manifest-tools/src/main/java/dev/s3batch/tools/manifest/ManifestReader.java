package dev.s3batch.tools.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3batch.tools.aws.S3Uri;
import dev.s3batch.tools.csv.CsvFormatException;
import dev.s3batch.tools.csv.CsvParser;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Streams the tasks of a job's manifest, one row at a time, in constant memory. Reads both
 * formats S3 Batch Operations accepts, from a local file or {@code s3://bucket/key}:
 *
 * <ul>
 *   <li>{@code S3BatchOperations_CSV_20180820}: rows {@code bucket,key} or
 *       {@code bucket,key,versionId}, no header; either every row has a version id or none;
 *   <li>an S3 Inventory report's {@code manifest.json}: its {@code files[].key} are gzipped CSV
 *       files in the destination bucket, with the columns its {@code fileSchema} names.
 * </ul>
 *
 * Keys are kept exactly as written (URL-encoded). A fault is an {@link InvalidManifestException}
 * naming the file and line. Not thread-safe.
 *
 * <pre>{@code
 * try (ManifestReader manifest = ManifestReader.open("manifest.csv", () -> s3)) {
 *   for (Optional<ManifestTask> t = manifest.next(); t.isPresent(); t = manifest.next()) { ... }
 * }
 * }</pre>
 */
public final class ManifestReader implements Closeable {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Deque<Part> parts;
  private final List<String> row = new ArrayList<>();
  private Part part;
  private CsvParser csv;
  private final ManifestRowShape shape = new ManifestRowShape();

  /** A part of the manifest: one CSV file and where its columns are. */
  private record Part(String name, Opener opener, boolean gzip, int bucket, int key, int versionId, int columns) {}

  @FunctionalInterface
  private interface Opener {
    InputStream open() throws IOException;
  }

  private ManifestReader(Deque<Part> parts) {
    this.parts = parts;
  }

  /**
   * Opens a manifest: a local file or {@code s3://bucket/key}, CSV or an inventory {@code manifest.json}.
   *
   * @param location the file or S3 URI
   * @param s3 the S3 client, asked for only when an S3 location is read
   */
  public static ManifestReader open(String location, Supplier<S3Client> s3) throws IOException {
    Opener opener = opener(location, s3);
    try (BufferedInputStream in = new BufferedInputStream(opener.open())) {
      if (!startsWithBrace(in)) {
        Deque<Part> parts = new ArrayDeque<>();
        parts.add(new Part(location, opener, false, 0, 1, 2, -1));
        return new ManifestReader(parts);
      }
      return new ManifestReader(inventory(location, MAPPER.readTree(in), s3));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InvalidManifestException(location + ": not a CSV manifest and not an inventory manifest.json: "
          + e.getOriginalMessage());
    }
  }

  /** The next task, empty at the end of the manifest. */
  public Optional<ManifestTask> next() throws IOException {
    while (true) {
      if (csv == null) {
        part = parts.poll();
        if (part == null) {
          return Optional.empty();
        }
        InputStream in = part.opener().open();
        csv = new CsvParser(part.gzip() ? new GZIPInputStream(in, 1 << 16) : in);
      }
      boolean more;
      try {
        more = csv.next(row);
      } catch (CsvFormatException e) {
        throw new InvalidManifestException(part.name() + ": " + e.getMessage());
      }
      if (more) {
        return Optional.of(task());
      }
      csv.close();
      csv = null;
    }
  }

  private ManifestTask task() {
    String where = part.name() + ":" + csv.line();
    if (part.columns() < 0) {
      Optional<ManifestRowShape.Fault> fault = shape.next(row.size());
      if (fault.isPresent()) {
        throw new InvalidManifestException(where + switch (fault.get()) {
          case NOT_TWO_OR_THREE -> ": a CSV manifest row is bucket,key or bucket,key,versionId; this row has "
              + row.size() + " field(s)";
          case VERSION_ON_SOME_ROWS -> ": either every row has a version id or none; this row has "
              + (row.size() == 3 ? "one" : "none") + " and earlier rows do not";
        });
      }
    } else if (row.size() < part.columns()) {
      throw new InvalidManifestException(where + ": the inventory's fileSchema names " + part.columns()
          + " fields; this row has " + row.size());
    }
    String bucket = row.get(part.bucket());
    String key = row.get(part.key());
    if (bucket.isEmpty() || key.isEmpty()) {
      throw new InvalidManifestException(where + ": the bucket or the key is empty");
    }
    String version = part.versionId() >= 0 && part.versionId() < row.size() ? row.get(part.versionId()) : null;
    return new ManifestTask(bucket, key, version, csv.line());
  }

  private static Deque<Part> inventory(String location, JsonNode manifest, Supplier<S3Client> s3) {
    String format = manifest.path("fileFormat").asText("");
    if (!"CSV".equalsIgnoreCase(format)) {
      throw new InvalidManifestException(location + ": inventory fileFormat \"" + format
          + "\" is not supported; only CSV inventories can be read");
    }
    List<String> schema = new ArrayList<>();
    for (String f : manifest.path("fileSchema").asText("").split(",")) {
      schema.add(f.strip());
    }
    int bucket = schema.indexOf("Bucket");
    int key = schema.indexOf("Key");
    if (bucket < 0 || key < 0) {
      throw new InvalidManifestException(location + ": inventory fileSchema \"" + manifest.path("fileSchema").asText()
          + "\" names no Bucket or no Key field");
    }
    String destination = manifest.path("destinationBucket").asText("");
    String destinationBucket = destination.substring(destination.lastIndexOf(':') + 1);
    Deque<Part> parts = new ArrayDeque<>();
    for (JsonNode file : manifest.path("files")) {
      String fileKey = file.path("key").asText("");
      Opener opener =
          S3Uri.parse(location).isPresent()
              ? opener("s3://" + destinationBucket + "/" + fileKey, s3)
              : localInventoryFile(location, fileKey);
      parts.add(new Part(fileKey, opener, fileKey.endsWith(".gz"), bucket, key, schema.indexOf("VersionId"), schema.size()));
    }
    if (parts.isEmpty()) {
      throw new InvalidManifestException(location + ": the inventory manifest lists no files");
    }
    return parts;
  }

  /** A local inventory's data file: its key resolved against the manifest's folder or one of its parents. */
  private static Opener localInventoryFile(String manifest, String fileKey) {
    Path dir = Path.of(manifest).toAbsolutePath().getParent();
    for (Path p = dir; p != null; p = p.getParent()) {
      Path candidate = p.resolve(fileKey);
      if (Files.isRegularFile(candidate)) {
        return opener(candidate.toString(), null);
      }
    }
    throw new InvalidManifestException(manifest + ": inventory file " + fileKey + " is not found under "
        + dir + " or its parent folders");
  }

  private static Opener opener(String location, Supplier<S3Client> s3) {
    Optional<S3Uri> s3Location = S3Uri.parse(location);
    if (s3Location.isPresent()) {
      S3Uri l = s3Location.get();
      return () -> {
        try {
          return s3.get().getObject(b -> b.bucket(l.bucket()).key(l.key()));
        } catch (NoSuchKeyException e) {
          throw new InvalidManifestException(location + ": no such object");
        }
      };
    }
    return () -> {
      try {
        return Files.newInputStream(Path.of(location));
      } catch (NoSuchFileException e) {
        throw new InvalidManifestException(location + ": no such file");
      }
    };
  }

  private static boolean startsWithBrace(BufferedInputStream in) throws IOException {
    in.mark(1024);
    try {
      for (int i = 0; i < 1024; i++) {
        int b = in.read();
        if (b == -1 || !Character.isWhitespace(b)) {
          return b == '{';
        }
      }
      return false;
    } finally {
      in.reset();
    }
  }

  @Override
  public void close() throws IOException {
    if (csv != null) {
      csv.close();
      csv = null;
    }
  }
}
