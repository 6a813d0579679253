package dev.s3batch.tools.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A Java function's code laid out as Lambda lays it out in {@code /var/task}: a folder is used as
 * it is; a jar (a zip) is unpacked into a fresh folder, as Lambda unpacks a deployment package.
 */
final class TaskRoot {

  private TaskRoot() {}

  /** The task root of {@code code}; a jar is unpacked under {@code work}. */
  static Path of(String function, Path code, Path work) throws IOException {
    if (Files.isDirectory(code)) {
      return code.toAbsolutePath();
    }
    if (!Files.isRegularFile(code)) {
      throw new IOException("function " + function + ": " + code + " is neither a jar nor a folder");
    }
    Path root = Files.createDirectories(work.resolve("task-" + function));
    try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(code))) {
      ZipEntry entry;
      boolean any = false;
      while ((entry = zip.getNextEntry()) != null) {
        any = true;
        Path target = root.resolve(entry.getName()).normalize();
        if (!target.startsWith(root)) {
          throw new IOException("function " + function + ": " + code + " holds an entry outside its root: " + entry.getName());
        }
        if (entry.isDirectory()) {
          Files.createDirectories(target);
        } else {
          Files.createDirectories(target.getParent());
          copy(zip, target);
        }
      }
      if (!any) {
        throw new IOException("function " + function + ": " + code + " is not a jar (no zip entries)");
      }
    }
    return root;
  }

  private static void copy(InputStream in, Path target) throws IOException {
    Files.copy(in, target);
  }
}
