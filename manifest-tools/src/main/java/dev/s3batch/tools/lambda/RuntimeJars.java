package dev.s3batch.tools.lambda;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * AWS's Java runtime interface client as the Java execution environments run it: its jars, which
 * the build copies to {@code manifest-tools/target/lambda-runtime/} (kept out of s3batch.jar, so
 * that the function's classpath holds the client and nothing of the CLI), and its JNI library.
 * {@code S3BATCH_LAMBDA_RUNTIME_DIR} names another folder of jars.
 */
final class RuntimeJars {

  static final String MAIN_CLASS = "com.amazonaws.services.lambda.runtime.api.client.AWSLambda";
  /** The system property the client reads its JNI library's path from (its README shows it). */
  static final String JNI_PROPERTY = "com.amazonaws.services.lambda.runtime.api.client.runtimeapi.NativeClient.JNI";

  private RuntimeJars() {}

  /** The client's jars, sorted, the first being the client itself. */
  static List<Path> locate() throws IOException {
    String override = System.getenv("S3BATCH_LAMBDA_RUNTIME_DIR");
    Path dir = override == null || override.isBlank() ? besideThisCode().resolve("lambda-runtime") : Path.of(override);
    List<Path> jars;
    try (Stream<Path> files = Files.list(dir)) {
      jars = files.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
    } catch (IOException e) {
      jars = List.of();
    }
    Path client = jars.stream().filter(p -> p.getFileName().toString().startsWith("aws-lambda-java-runtime-interface-client"))
        .findFirst().orElseThrow(() -> new IOException("no AWS Lambda runtime interface client jar in " + dir
            + ": build the project first (mvn -B -DskipTests package) or set S3BATCH_LAMBDA_RUNTIME_DIR"));
    return Stream.concat(Stream.of(client), jars.stream().filter(p -> !p.equals(client))).toList();
  }

  /**
   * Copies the client's JNI library for this machine out of its jar into {@code dir}, once for the
   * whole service: children started together would otherwise race on the client's shared
   * default copy, /tmp/.libaws-lambda-jni.so.
   */
  static Path extractJni(Path clientJar, Path dir) throws IOException {
    String arch = System.getProperty("os.arch").matches("amd64|x86_64") ? "x86_64" : "aarch_64";
    String name = "libaws-lambda-jni.linux-" + arch + ".so";
    Path target = dir.resolve(name);
    try (JarFile jar = new JarFile(clientJar.toFile())) {
      var entry = jar.getJarEntry("jni/" + name);
      if (entry == null) {
        throw new IOException("no jni/" + name + " in " + clientJar + ": this machine's platform is not supported");
      }
      try (InputStream in = jar.getInputStream(entry)) {
        Files.copy(in, target);
      }
    }
    return target;
  }

  private static Path besideThisCode() throws IOException {
    try {
      return Path.of(RuntimeJars.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IOException("cannot tell where s3batch runs from: " + e.getMessage(), e);
    }
  }
}
