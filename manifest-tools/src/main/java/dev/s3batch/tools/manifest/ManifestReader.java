package dev.s3batch.tools.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3batch.tools.aws.Location;
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
 * Keys are kept exactly as written (URL-encoded). A CSV manifest is read by the rules of
 * {@link ManifestRows}, the ones {@code manifest upload} checks, with the same messages: UTF-8
 * only (no byte-order mark), no header row, a valid bucket name and a key field of 1 to 1,024
 * characters on every row; an inventory's rows need a valid bucket name and a key. A manifest
 * without rows is refused at its end, as S3 Batch Operations refuses it. A fault is an
 * {@link InvalidManifestException} naming the file and line ({@code NAME line N: problem}), so a
 * reader that reads the manifest through once before a job runs finds every fault before the
 * first task. Not thread-safe.
 *
 * <pre>{@code
 * try (ManifestReader manifest = ManifestReader.open("manifest.csv", () -> s3)) {
 *   for (Optional<ManifestTask> t = manifest.next(); t.isPresent(); t = manifest.next()) { ... }
 * }
 * }</pre>
 */
public final class ManifestReader implements Closeable {

  /** Built on first use: most runs never need it, and building it loads databind (a tenth of a second). */
  private static final class Lazy {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private final String name;
  private final Deque<Part> parts;
  private final List<String> row = new ArrayList<>();
  private final ManifestRows rules = new ManifestRows();
  private Part part;
  private CsvParser csv;
  private long rows;

  /** A part of the manifest: one CSV file and where its columns are. */
  private record Part(String name, Opener opener, boolean gzip, int bucket, int key, int versionId, int columns) {}

  @FunctionalInterface
  private interface Opener {
    InputStream open() throws IOException;
  }

  private ManifestReader(String name, Deque<Part> parts) {
    this.name = name;
    this.parts = parts;
  }

  /**
   * Opens a manifest: a local file or {@code s3://bucket/key}, CSV or an inventory {@code manifest.json}.
   *
   * @param location the file or S3 URI ({@link S3Uri#location}: a mistyped {@code s3:/b/k} is refused)
   * @param s3 the S3 client, asked for only when an S3 location is read
   * @throws InvalidManifestException when the location names no object, or the manifest starts
   *     with a byte-order mark or is not CSV nor an inventory manifest.json
   */
  public static ManifestReader open(String location, Supplier<S3Client> s3) throws IOException {
    Opener opener = opener(location, s3);
    try (BufferedInputStream in = new BufferedInputStream(opener.open())) {
      if (startsWithBom(in)) {
        throw new InvalidManifestException(location + " line 1: " + ManifestRows.BYTE_ORDER_MARK);
      }
      if (!startsWithBrace(in)) {
        Deque<Part> parts = new ArrayDeque<>();
        parts.add(new Part(location, opener, false, 0, 1, 2, -1));
        return new ManifestReader(location, parts);
      }
      return new ManifestReader(location, inventory(location, Lazy.MAPPER.readTree(in), s3));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new InvalidManifestException(location + ": not a CSV manifest and not an inventory manifest.json: "
          + e.getOriginalMessage());
    } catch (java.io.CharConversionException e) {
      // Bytes Jackson took for UTF-16 or UTF-32 that are not (found by ManifestReaderFuzzTest).
      throw new InvalidManifestException(location + ": not a CSV manifest and not an inventory manifest.json: "
          + e.getMessage());
    }
  }

  /**
   * The next task, empty at the end of the manifest.
   *
   * @throws InvalidManifestException on a row that breaks a rule, or at the end of a manifest without rows
   */
  public Optional<ManifestTask> next() throws IOException {
    while (true) {
      if (csv == null) {
        part = parts.poll();
        if (part == null) {
          if (rows == 0) {
            throw new InvalidManifestException(name + ": " + ManifestRows.NO_ROWS);
          }
          return Optional.empty();
        }
        InputStream in = part.opener().open();
        csv = CsvParser.strict(part.gzip() ? new GZIPInputStream(in, 1 << 16) : in);
      }
      boolean more;
      try {
        more = csv.next(row);
      } catch (CsvFormatException e) {
        throw new InvalidManifestException(part.name() + " line " + e.line() + ": " + e.problem(), e);
      }
      if (more) {
        rows++;
        return Optional.of(task());
      }
      csv.close();
      csv = null;
    }
  }

  private ManifestTask task() {
    String where = part.name() + " line " + csv.line() + ": ";
    if (part.columns() < 0) {
      rules.problem(row, csv.line()).ifPresent(p -> {
        throw new InvalidManifestException(where + p);
      });
    } else if (row.size() < part.columns()) {
      throw new InvalidManifestException(where + "the inventory's fileSchema names " + part.columns()
          + " fields; this row has " + row.size());
    } else {
      rules.bucketProblem(row.get(part.bucket()), false).ifPresent(p -> {
        throw new InvalidManifestException(where + p);
      });
      if (row.get(part.key()).isEmpty()) {
        throw new InvalidManifestException(where + "the key is empty");
      }
    }
    String bucket = row.get(part.bucket());
    String key = row.get(part.key());
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
          S3Uri.location(location) instanceof Location.S3
              ? s3Opener("s3://" + destinationBucket + "/" + fileKey, inventoryFile(location, destinationBucket, fileKey), s3)
              : localInventoryFile(location, fileKey);
      parts.add(new Part(fileKey, opener, fileKey.endsWith(".gz"), bucket, key, schema.indexOf("VersionId"), schema.size()));
    }
    if (parts.isEmpty()) {
      throw new InvalidManifestException(location + ": the inventory manifest lists no files");
    }
    return parts;
  }

  /** An inventory's data file in its destination bucket. */
  private static S3Uri inventoryFile(String manifest, String bucket, String fileKey) {
    if (S3Uri.bucketNameProblem(bucket).isPresent() || fileKey.isEmpty()) {
      throw new InvalidManifestException(manifest + ": inventory file \"" + fileKey + "\" in destinationBucket \""
          + bucket + "\" cannot be read: it names no bucket or no key");
    }
    return new S3Uri(bucket, fileKey);
  }

  /** A local inventory's data file: its key resolved against the manifest's folder or one of its parents. */
  private static Opener localInventoryFile(String manifest, String fileKey) {
    Path dir = Path.of(manifest).toAbsolutePath().getParent();
    for (Path p = dir; p != null; p = p.getParent()) {
      Path candidate = p.resolve(fileKey);
      if (Files.isRegularFile(candidate)) {
        return fileOpener(candidate.toString(), candidate);
      }
    }
    throw new InvalidManifestException(manifest + ": inventory file " + fileKey + " is not found under "
        + dir + " or its parent folders");
  }

  private static Opener opener(String location, Supplier<S3Client> s3) {
    Location l = S3Uri.location(location);
    if (l instanceof Location.Invalid i) {
      throw new InvalidManifestException("\"" + location + "\": " + i.reason());
    }
    if (l instanceof Location.S3 s) {
      if (s.uri().key().isEmpty()) {
        throw new InvalidManifestException(location + ": names no object; write s3://BUCKET/KEY");
      }
      return s3Opener(location, s.uri(), s3);
    }
    return fileOpener(location, Path.of(((Location.Local) l).path()));
  }

  private static Opener s3Opener(String name, S3Uri l, Supplier<S3Client> s3) {
    return () -> {
      try {
        return s3.get().getObject(b -> b.bucket(l.bucket()).key(l.key()));
      } catch (NoSuchKeyException e) {
        throw new InvalidManifestException(name + ": no such object");
      }
    };
  }

  private static Opener fileOpener(String name, Path file) {
    return () -> {
      try {
        return Files.newInputStream(file);
      } catch (NoSuchFileException e) {
        throw new InvalidManifestException(name + ": no such file");
      }
    };
  }

  private static boolean startsWithBom(BufferedInputStream in) throws IOException {
    in.mark(3);
    try {
      byte[] b = in.readNBytes(3);
      return b.length == 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF;
    } finally {
      in.reset();
    }
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
