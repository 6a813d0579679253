package dev.s3batch.tools.cli;

import static dev.s3batch.tools.cli.JobSubmitCommandTest.FUNCTION;
import static dev.s3batch.tools.cli.JobSubmitCommandTest.ROLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A mistyped S3 address given to any option that takes a location is exit 2 naming the option,
 * and nothing is written: no local folder named {@code s3:} (issue 9, point 3).
 */
class LocationTypoTest {

  @TempDir Path dir;

  static Stream<String> typos() {
    return Stream.of("s3:/rep/x", "S3://rep/x", "s3:rep/x", "s3://", "s3:///prefix", "s3a://rep/x",
        "https://rep.s3.amazonaws.com/x", "s3://Rep_Bucket/x");
  }

  @AfterEach
  void noFolderNamedLikeTheTypo() {
    typos().forEach(t -> assertThat(Path.of(t).getName(0)).as("a local folder made of " + t).doesNotExist());
  }

  private CliRun refused(String option, String typo, String... args) throws IOException {
    CliRun run = CliRun.of(args);
    assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(run.err()).as(run.toString()).startsWith("s3batch: " + option + " \"" + typo + "\": ");
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).as("files written").containsOnly("m.csv", "keys.txt");
    }
    return run;
  }

  private String manifest() throws IOException {
    Files.writeString(dir.resolve("keys.txt"), "a.txt\n");
    return Files.writeString(dir.resolve("m.csv"), "photos,a.txt\n").toString();
  }

  private String[] runLocal(String manifest, String report) {
    return new String[] {"job", "run-local", "--manifest", manifest, "--report", report, "--action", "head",
        "--endpoint-url", "http://127.0.0.1:1", "--region", "us-east-1"};
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("typos")
  void runLocal_typoInReportOrManifest_exit2NamingTheOption(String typo) throws IOException {
    String m = manifest();
    refused("--report", typo, runLocal(m, typo));
    refused("--manifest", typo, runLocal(typo, dir.resolve("reports").toString()));
    List<String> log = new ArrayList<>(List.of(runLocal(m, dir.resolve("reports").toString())));
    log.addAll(List.of("--log", typo));
    refused("--log", Path.of(typo).toString(), log.toArray(String[]::new));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("typos")
  void reportReview_typoInReportOrRetryManifest_exit2NamingTheOption(String typo) throws IOException {
    manifest();
    refused("REPORT", typo, "report", "review", typo);
    refused("--retry-manifest", Path.of(typo).toString(), "report", "review", dir.toString(), "--retry-manifest", typo);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("typos")
  void manifestBuild_typoInListUploadOrOutput_exit2NamingTheOption(String typo) throws IOException {
    manifest();
    String keys = dir.resolve("keys.txt").toString();
    refused("--list", typo, "manifest", "build", "--list", typo, "-o", dir.resolve("out.csv").toString());
    refused("--upload", typo, "manifest", "build", "--keys", keys, "--bucket", "photos", "--upload", typo,
        "--endpoint-url", "http://127.0.0.1:1", "--region", "us-east-1");
    refused("-o", typo, "manifest", "build", "--keys", keys, "--bucket", "photos", "-o", typo);
    refused("--keys", typo, "manifest", "build", "--keys", typo, "--bucket", "photos", "-o", dir.resolve("o.csv").toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("typos")
  void manifestUpload_typoInFileOrTarget_exit2NamingTheOption(String typo) throws IOException {
    String m = manifest();
    refused("S3URI", typo, "manifest", "upload", m, typo, "--endpoint-url", "http://127.0.0.1:1", "--region", "us-east-1");
    refused("FILE", typo, "manifest", "upload", typo, "s3://photos/m.csv", "--endpoint-url", "http://127.0.0.1:1",
        "--region", "us-east-1");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("typos")
  void jobSubmit_typoInManifestOrReport_exit2NamingTheOption(String typo) throws IOException {
    manifest();
    refused("--manifest", typo, "job", "submit", "--function-arn", FUNCTION, "--role-arn", ROLE, "--manifest", typo,
        "--no-report");
    refused("--report", typo, "job", "submit", "--function-arn", FUNCTION, "--role-arn", ROLE, "--manifest",
        "s3://photos/m.csv", "--report", typo);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("typos")
  void iamRender_typoInManifestOrReport_exit2NamingTheOption(String typo) throws IOException {
    manifest();
    CliRun m = CliRun.of("iam", "render", "--function-arn", FUNCTION, "--manifest", typo, "--report", "s3://rep/x",
        "--source-bucket", "photos", "--action", "head");
    assertThat(m.exitCode()).as(m.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(m.err()).as(m.toString()).startsWith("s3batch: --manifest: \"" + typo + "\": ");
    CliRun r = CliRun.of("iam", "render", "--function-arn", FUNCTION, "--manifest", "s3://man/m.csv", "--report", typo,
        "--source-bucket", "photos", "--action", "head");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).as(r.toString()).startsWith("s3batch: --report: \"" + typo + "\": ");
  }
}
