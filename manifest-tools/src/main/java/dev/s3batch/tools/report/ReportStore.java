package dev.s3batch.tools.report;

import dev.s3batch.tools.aws.Location;
import dev.s3batch.tools.aws.S3Uri;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * Where report files live: a local folder or an S3 prefix. Files are published whole: a local
 * file is copied to a temporary name and moved into place, an S3 object is one PUT. Thread-safe.
 */
public sealed interface ReportStore permits ReportStore.Folder, ReportStore.Bucket {

  /**
   * A store for {@code s3://bucket/prefix} or a local folder, read by {@link S3Uri#location}.
   *
   * @throws InvalidReportException when {@code location} is a mistyped S3 address ({@code s3:/b/p})
   */
  static ReportStore of(String location, Supplier<S3Client> s3) {
    Location l = S3Uri.location(location);
    if (l instanceof Location.Invalid i) {
      throw new InvalidReportException("\"" + location + "\": " + i.reason());
    }
    return l instanceof Location.S3 s ? new Bucket(s.uri(), s3) : new Folder(Path.of(((Location.Local) l).path()));
  }

  /** Publishes a copy of {@code file} under {@code name} (a path relative to the store's root); the file stays. */
  void publish(Path file, String name) throws IOException;

  /**
   * Checks that {@code name} can be written: writes it (empty), then removes it; a folder this
   * created for it is removed too. The removal is best effort (writing is what a report needs).
   *
   * @throws ReportDestinationException when it cannot be written, naming the location and why
   */
  void probe(String name) throws ReportDestinationException;

  /** Opens the file {@code name} (relative to the root). */
  InputStream open(String name) throws IOException;

  /** Opens the file {@code name} (relative to the root); empty when there is none. */
  Optional<InputStream> openIfPresent(String name) throws IOException;

  /** The {@code Bucket} field of a result file in {@code manifest.json}. */
  String bucketField();

  /** The {@code Key} field of the result file {@code name} in {@code manifest.json}. */
  String keyField(String name);

  /** The file {@code name} as a user would type it. */
  String describe(String name);

  /** A local folder. */
  record Folder(Path root) implements ReportStore {
    @Override
    public void publish(Path file, String name) throws IOException {
      Path target = root.resolve(name);
      Files.createDirectories(target.getParent());
      Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
      Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING);
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void probe(String name) throws ReportDestinationException {
      Path target = root.resolve(name);
      java.util.List<Path> created = new java.util.ArrayList<>(); // deepest first
      try {
        for (Path p = target.toAbsolutePath().getParent(); p != null && !Files.isDirectory(p); p = p.getParent()) {
          created.add(p);
        }
        Files.createDirectories(target.getParent());
        Files.write(target, new byte[0]);
        Files.delete(target);
      } catch (IOException e) {
        throw new ReportDestinationException(root + ": cannot write the report there: " + e, e);
      } finally {
        for (Path p : created) {
          try {
            Files.deleteIfExists(p);
          } catch (IOException ignored) {
            // not empty or not ours to remove: left as it is
          }
        }
      }
    }

    @Override
    public InputStream open(String name) throws IOException {
      try {
        return Files.newInputStream(root.resolve(name));
      } catch (NoSuchFileException e) {
        throw new InvalidReportException(describe(name) + ": no such file");
      }
    }

    @Override
    public Optional<InputStream> openIfPresent(String name) throws IOException {
      Path file = root.resolve(name);
      return Files.isRegularFile(file) ? Optional.of(Files.newInputStream(file)) : Optional.empty();
    }

    @Override
    public String bucketField() {
      return root.toAbsolutePath().normalize().toString();
    }

    @Override
    public String keyField(String name) {
      return name;
    }

    @Override
    public String describe(String name) {
      return root.resolve(name).toString();
    }
  }

  /** An S3 prefix. */
  record Bucket(S3Uri prefix, Supplier<S3Client> s3) implements ReportStore {
    @Override
    public void publish(Path file, String name) throws IOException {
      S3Uri l = prefix.child(name);
      s3.get().putObject(b -> b.bucket(l.bucket()).key(l.key()), RequestBody.fromFile(file));
    }

    @Override
    public void probe(String name) throws ReportDestinationException {
      S3Uri l = prefix.child(name);
      try {
        s3.get().putObject(b -> b.bucket(l.bucket()).key(l.key()), RequestBody.empty());
      } catch (SdkException e) {
        throw new ReportDestinationException(prefix + ": cannot write the report there (a probe write of " + l
            + " failed): " + e.getMessage(), e);
      }
      try {
        s3.get().deleteObject(b -> b.bucket(l.bucket()).key(l.key()));
      } catch (SdkException e) {
        // writing is what a report needs; the probe object, clearly named, stays
      }
    }

    @Override
    public InputStream open(String name) {
      S3Uri l = prefix.child(name);
      try {
        return s3.get().getObject(b -> b.bucket(l.bucket()).key(l.key()));
      } catch (NoSuchKeyException e) {
        throw new InvalidReportException(l + ": no such object");
      }
    }

    @Override
    public Optional<InputStream> openIfPresent(String name) {
      S3Uri l = prefix.child(name);
      try {
        return Optional.of(s3.get().getObject(b -> b.bucket(l.bucket()).key(l.key())));
      } catch (NoSuchKeyException e) {
        return Optional.empty();
      }
    }

    @Override
    public String bucketField() {
      return prefix.bucket();
    }

    @Override
    public String keyField(String name) {
      return prefix.child(name).key();
    }

    @Override
    public String describe(String name) {
      return prefix.child(name).toString();
    }
  }
}
