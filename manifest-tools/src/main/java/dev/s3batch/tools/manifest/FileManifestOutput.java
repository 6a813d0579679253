package dev.s3batch.tools.manifest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Manifest files written to temporary files beside the target ({@code .out.csv.*.tmp}) and renamed
 * to their final names only on {@link #commit()}; {@link #abort()} deletes them. With
 * {@code numbered}, part {@code n} of {@code out.csv} is {@code out-0000n.csv} (five digits).
 *
 * <pre>{@code
 * FileManifestOutput out = FileManifestOutput.of(Path.of("manifest.csv"), true, "-o");
 * }</pre>
 */
public final class FileManifestOutput implements ManifestOutput {

  private final Path target;
  private final boolean numbered;
  private final List<Path> temps = new ArrayList<>();
  private final List<Path> finals = new ArrayList<>();

  private FileManifestOutput(Path target, boolean numbered) {
    this.target = target;
    this.numbered = numbered;
  }

  /**
   * An output to {@code target}, checked before anything is read.
   *
   * @param option the option that named the target, for messages
   * @throws ManifestException when the target's directory is missing or the target is a directory
   */
  public static FileManifestOutput of(Path target, boolean numbered, String option) {
    return of(target, numbered, option, "manifest.csv");
  }

  /**
   * An output to {@code target}, checked before anything is read.
   *
   * @param option the option that named the target, for messages
   * @param example a file name to suggest when {@code target} is a directory
   * @throws ManifestException when the target's directory is missing or the target is a directory
   */
  static FileManifestOutput of(Path target, boolean numbered, String option, String example) {
    Path absolute = target.toAbsolutePath();
    if (Files.isDirectory(absolute)) {
      throw new ManifestException(option + " " + target + ": is a directory; give a file name such as " + example);
    }
    Path dir = absolute.getParent();
    if (dir == null || !Files.isDirectory(dir)) {
      throw new ManifestException(option + " " + target + ": the directory " + dir + " does not exist");
    }
    if (!Files.isWritable(dir)) {
      throw new ManifestException(option + " " + target + ": the directory " + dir + " is not writable");
    }
    return new FileManifestOutput(absolute, numbered);
  }

  /** The final path of part {@code number}. */
  public Path partPath(int number) {
    if (!numbered) {
      return target;
    }
    String name = target.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    String ext = dot > 0 ? name.substring(dot) : "";
    return target.resolveSibling(String.format("%s-%05d%s", base, number, ext));
  }

  @Override
  public OutputStream open(int number) throws IOException {
    Path finalPath = partPath(number);
    Path temp = Files.createTempFile(finalPath.getParent(), "." + finalPath.getFileName() + ".", ".tmp");
    temp.toFile().deleteOnExit();
    temps.add(temp);
    finals.add(finalPath);
    return Files.newOutputStream(temp);
  }

  @Override
  public void commit() throws IOException {
    for (int i = 0; i < temps.size(); i++) {
      try {
        Files.move(temps.get(i), finals.get(i), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temps.get(i), finals.get(i), StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  @Override
  public void abort() {
    for (Path temp : temps) {
      try {
        Files.deleteIfExists(temp);
      } catch (IOException e) {
        // deleteOnExit (set in open) is the fallback; abort must go on with the other parts
      }
    }
  }

  @Override
  public List<String> names() {
    return finals.stream().map(Path::toString).toList();
  }

  /** The final paths of the parts opened so far. */
  public List<Path> paths() {
    return List.copyOf(finals);
  }
}
