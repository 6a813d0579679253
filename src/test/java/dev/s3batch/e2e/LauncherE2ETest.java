package dev.s3batch.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./s3batch} launcher as a user runs it (a separate process, from another directory):
 * it starts with the class-data archive the build made, builds nothing the command does not use,
 * and an archive that does not fit (another jar, garbage, none) changes nothing a user sees.
 */
class LauncherE2ETest {

  private static final Path ROOT = Path.of("").toAbsolutePath();
  private static final Path TARGET = ROOT.resolve("manifest-tools/target");

  @Test
  void version_archiveMadeByTheBuild_loadsTheCliFromTheArchive(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("classes.txt");
    Result r = run(ROOT.resolve("s3batch"), dir, "-Xlog:class+load:file=" + log, "--version");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).matches("s3batch \\S+\n");
    assertThat(r.err()).isEmpty();
    assertThat(Files.readString(log)).contains("dev.s3batch.tools.cli.Main source: shared objects file");
  }

  @Test
  void help_archiveMadeByTheBuild_neverOpensTheJar(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("classes.txt");
    Result r = run(ROOT.resolve("s3batch"), dir, "-Xlog:class+load:file=" + log, "--help");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("Exit codes:");
    assertThat(Files.readString(log)).as("every class from the archive, so the jar's 8,600 entries are never indexed")
        .contains("dev.s3batch.tools.cli.Main source: shared objects file")
        .doesNotContain("java.util.zip.ZipFile$Source ");
  }

  @Test
  void version_anyDirectory_buildsNoOtherCommandNoSdkClientNoJacksonMapper(@TempDir Path dir) throws Exception {
    Path log = dir.resolve("classes.txt");
    Result r = run(ROOT.resolve("s3batch"), dir, "-Xlog:class+load:file=" + log, "--version");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(Files.readString(log))
        .doesNotContain("dev.s3batch.tools.cli.AwsOptions ")
        .doesNotContain("software.amazon.awssdk.services.s3.S3Client ")
        .doesNotContain("com.fasterxml.jackson.databind.ObjectMapper ");
  }

  @Test
  void launcher_helpOrVersion_runsOnC1AloneWhileACommandKeepsC2(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("keys.txt"), "a.txt\n");

    Result version = run(ROOT.resolve("s3batch"), dir, "-XX:+PrintFlagsFinal", "--version");
    Result help = run(ROOT.resolve("s3batch"), dir, "-XX:+PrintFlagsFinal", "manifest", "build", "--help");
    Result build = run(ROOT.resolve("s3batch"), dir, "-XX:+PrintFlagsFinal",
        "manifest", "build", "--keys", "keys.txt", "--bucket", "launcher-bucket", "-o", "m.csv");

    assertThat(version.exit()).as(version.err()).isZero();
    assertThat(help.exit()).as(help.err()).isZero();
    assertThat(build.exit()).as(build.err()).isZero();
    assertThat(tieredStopAtLevel(version.out())).as("--version").isEqualTo(1);
    assertThat(tieredStopAtLevel(help.out())).as("manifest build --help").isEqualTo(1);
    assertThat(tieredStopAtLevel(build.out())).as("manifest build").isEqualTo(4);
    assertThat(Files.readString(dir.resolve("m.csv"))).isEqualTo("launcher-bucket,a.txt\n");
  }

  private static int tieredStopAtLevel(String printFlagsFinal) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\bTieredStopAtLevel\\s+= (\\d+)").matcher(printFlagsFinal);
    assertThat(m.find()).as("TieredStopAtLevel in -XX:+PrintFlagsFinal's output").isTrue();
    return Integer.parseInt(m.group(1));
  }

  @Test
  void version_archiveMadeForAnotherJar_printsOnlyTheVersion(@TempDir Path dir) throws Exception {
    Path launcher = copyOfLauncher(dir.resolve("copy"));
    Files.copy(TARGET.resolve("s3batch.jsa"), dir.resolve("copy/manifest-tools/target/s3batch.jsa"));
    Path log = dir.resolve("classes.txt");

    Result r = run(launcher, dir, "-Xlog:class+load:file=" + log, "--version");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo(versionLine());
    assertThat(r.err()).isEmpty();
    assertThat(Files.readString(log)).as("the JVM refused the archive: it was made for the other jar")
        .doesNotContain("dev.s3batch.tools.cli.Main source: shared objects file");
  }

  @Test
  void help_garbageArchive_printsTheSameHelp(@TempDir Path dir) throws Exception {
    Path launcher = copyOfLauncher(dir.resolve("copy"));
    byte[] garbage = new byte[64 * 1024];
    new Random(12).nextBytes(garbage);
    Files.write(dir.resolve("copy/manifest-tools/target/s3batch.jsa"), garbage);

    Result broken = run(launcher, dir, "", "--help");
    Result built = run(ROOT.resolve("s3batch"), dir, "", "--help");

    assertThat(broken.exit()).as(broken.err()).isZero();
    assertThat(broken.err()).isEmpty();
    assertThat(broken.out()).startsWith("Usage: s3batch").isEqualTo(built.out());
  }

  @Test
  void manifestBuild_noArchive_writesTheManifest(@TempDir Path dir) throws Exception {
    Path launcher = copyOfLauncher(dir.resolve("copy"));
    Files.writeString(dir.resolve("keys.txt"), "a.jpg\nb c.jpg\nd+e.jpg\n");

    Result r = run(launcher, dir, "", "manifest", "build", "--keys", "keys.txt", "--bucket", "my-bucket", "-o", "m.csv");

    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.err()).isEqualTo("wrote 3 rows to " + dir.resolve("m.csv") + "\n");
    assertThat(Files.readString(dir.resolve("m.csv")))
        .isEqualTo("my-bucket,a.jpg\nmy-bucket,b%20c.jpg\nmy-bucket,d%2Be.jpg\n");
  }

  /** The launcher and the jar, laid out as in a checkout, in {@code copy} (no archive). */
  private static Path copyOfLauncher(Path copy) throws IOException {
    Files.createDirectories(copy.resolve("manifest-tools/target"));
    Files.copy(ROOT.resolve("s3batch"), copy.resolve("s3batch"));
    Files.copy(TARGET.resolve("s3batch.jar"), copy.resolve("manifest-tools/target/s3batch.jar"));
    return copy.resolve("s3batch");
  }

  private static String versionLine() throws Exception {
    return run(ROOT.resolve("s3batch"), ROOT, "", "--version").out();
  }

  private record Result(int exit, String out, String err) {}

  private static Result run(Path launcher, Path workDir, String javaOpts, String... args) throws Exception {
    String[] command = new String[args.length + 2];
    command[0] = "bash";
    command[1] = launcher.toString();
    System.arraycopy(args, 0, command, 2, args.length);
    Path out = Files.createTempFile(workDir, "out", ".txt");
    Path err = Files.createTempFile(workDir, "err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectOutput(out.toFile()).redirectError(err.toFile());
    Map<String, String> env = builder.environment();
    env.put("S3BATCH_JAVA_OPTS", javaOpts);
    Process p = builder.start();
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + String.join(" ", command));
    }
    Result r = new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
    Files.delete(out);
    Files.delete(err);
    return r;
  }
}
