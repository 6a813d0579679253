package dev.s3batch.tools.local;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds what the local S3 server runs from: S3Mock's runnable jar and the folder with
 * {@code LoopbackConnectors}'s class. The build puts both in {@code manifest-tools/target/s3mock/};
 * {@code S3BATCH_S3MOCK_JAR} and {@code S3BATCH_S3MOCK_LOOPBACK} override.
 */
final class S3MockJars {

  private S3MockJars() {}

  /** {@code [s3mock-exec.jar, loopback folder]}. */
  static Path[] locate() throws IOException {
    Path dir = besideThisCode().resolve("s3mock");
    Path exec = fromEnvOr("S3BATCH_S3MOCK_JAR", dir.resolve("s3mock-exec.jar"));
    Path loopback = fromEnvOr("S3BATCH_S3MOCK_LOOPBACK", dir.resolve("loopback"));
    Path loopbackClass = loopback.resolve("dev/s3batch/testkit/LoopbackConnectors.class");
    for (Path p : new Path[] {exec, loopbackClass}) {
      if (!Files.isRegularFile(p)) {
        throw new IOException("the local S3 server's " + p + " is missing: build the project first "
            + "(mvn -B -DskipTests package) or set S3BATCH_S3MOCK_JAR and S3BATCH_S3MOCK_LOOPBACK");
      }
    }
    return new Path[] {exec, loopback};
  }

  private static Path fromEnvOr(String name, Path fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : Path.of(value);
  }

  /** The folder that holds this code: {@code target/} for both the jar and {@code target/classes}. */
  private static Path besideThisCode() throws IOException {
    try {
      Path source = Path.of(S3MockJars.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return source.getParent();
    } catch (URISyntaxException e) {
      throw new IOException("cannot tell where s3batch runs from: " + e.getMessage(), e);
    }
  }
}
