package dev.s3batch.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3batch.tools.iam.PolicyValidator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IamRenderCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String FUNCTION = "arn:aws:lambda:us-east-2:123456789012:function:s3batch:live";

  private static CliRun run(String... args) {
    return CliRun.of(args);
  }

  private static String[] args(String... extra) {
    return Stream.concat(Stream.of("iam", "render", "--function-arn", FUNCTION, "--manifest",
        "s3://my-manifests/jobs/manifest.csv", "--report", "s3://my-reports/batch", "--source-bucket", "photos"),
        Stream.of(extra)).toArray(String[]::new);
  }

  @Test
  void render_copy_printsFourNamedPolicies() throws IOException {
    CliRun r = run(args("--action", "copy", "--destination-bucket", "photos-archive"));
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("# job-role-trust.json", "# job-role-permissions.json", "# function-role-trust.json",
        "# function-role-permissions.json", "arn:aws:s3:::photos-archive/*",
        "arn:aws:lambda:us-east-2:123456789012:function:s3batch:*");
    String[] parts = r.out().split("(?m)^# .*\\.json$");
    assertThat(parts).hasSize(5);
    for (int i = 1; i < parts.length; i++) {
      assertThat(PolicyValidator.problems(JSON.readTree(parts[i]))).isEmpty();
    }
  }

  @Test
  void render_write_writesTheFilesTheAwsCliReads(@TempDir Path dir) throws IOException {
    Path target = dir.resolve("policies");
    CliRun r = run(args("--action", "head", "--manifest-generator", "--write", target.toString()));
    assertThat(r.exitCode()).as(r.err()).isZero();
    try (Stream<Path> files = Files.list(target)) {
      assertThat(files.map(p -> p.getFileName().toString()).sorted().toList()).containsExactly(
          "function-role-permissions.json", "function-role-trust.json", "job-role-permissions.json",
          "job-role-trust.json");
    }
    JsonNode job = JSON.readTree(target.resolve("job-role-permissions.json").toFile());
    assertThat(job.toString()).contains("s3:ListBucket", "arn:aws:s3:::photos\"");
    JsonNode trust = JSON.readTree(target.resolve("function-role-trust.json").toFile());
    assertThat(trust.path("Statement").get(0).path("Principal").path("Service").asText()).isEqualTo("lambda.amazonaws.com");
  }

  @Test
  void render_badInput_exitsTwoNamingTheOption() {
    List<String[]> bad = List.of(
        new String[] {"iam", "render", "--function-arn", "not-an-arn", "--manifest", "s3://m1/k", "--report",
            "s3://r1", "--source-bucket", "photos", "--action", "head"},
        args("--action", "nope"),
        new String[] {"iam", "render", "--function-arn", FUNCTION, "--manifest", "s3://my-manifests", "--report",
            "s3://r1", "--source-bucket", "photos", "--action", "head"});
    List<String> options = List.of("--function-arn", "--action", "--manifest");
    for (int i = 0; i < bad.size(); i++) {
      CliRun r = run(bad.get(i));
      assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
      assertThat(r.err()).startsWith("s3batch: " + options.get(i) + ": ");
      assertThat(r.out()).isEmpty();
    }
  }

  @Test
  void render_missingRequiredOption_exitsTwo() {
    CliRun r = run("iam", "render", "--function-arn", FUNCTION);
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--action");
  }

  @Test
  void render_writeToAFile_exitsTwoAndWritesNothing(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("taken"), "keep");
    CliRun r = run(args("--action", "head", "--write", file.toString()));
    assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(r.err()).contains("--write");
    assertThat(Files.readString(file)).isEqualTo("keep");
  }
}
