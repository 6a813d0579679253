package dev.s3batch.tools.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.s3batch.testkit.S3MockServer;
import dev.s3batch.tools.report.ReportReader;
import dev.s3batch.tools.report.ReportRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;

/** {@code job run-local --sample N --seed S}: a rehearsal on N rows drawn from the manifest. */
class RunLocalSampleTest {

  @TempDir Path dir;

  private Path manifest(String bucket, int n) throws IOException {
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String key = "obj-" + i;
      S3MockServer.get().client().putObject(b -> b.bucket(bucket).key(key), RequestBody.fromString("x"));
      rows.add(bucket + "," + key);
    }
    return Files.write(dir.resolve("manifest.csv"), rows, StandardCharsets.UTF_8);
  }

  private CliRun runLocal(Path manifest, String... more) {
    List<String> args = new ArrayList<>(List.of("job", "run-local", "--manifest", manifest.toString(), "--action", "head",
        "--report", dir.resolve("reports").toString(), "--endpoint-url", S3MockServer.get().endpoint().toString()));
    args.addAll(List.of(more));
    return CliRun.of(args.toArray(String[]::new));
  }

  private static List<String> reportKeys(CliRun run) throws IOException {
    Matcher m = Pattern.compile("Report: (.*)").matcher(run.out());
    assertThat(m.find()).as(run.toString()).isTrue();
    List<ReportRow> rows = new ArrayList<>();
    ReportReader.open(m.group(1).strip(), () -> null).read(false, rows::add);
    return rows.stream().map(ReportRow::key).sorted().toList();
  }

  @Test
  void runLocal_sampleWithSeed_runsThatManyDrawnRowsAndSaysItIsASample() throws IOException {
    Path manifest = manifest(S3MockServer.get().newBucket("sample"), 60);

    CliRun run = runLocal(manifest, "--sample", "8", "--seed", "5");
    CliRun again = runLocal(manifest, "--sample", "8", "--seed", "5");

    assertThat(run.exitCode()).as(run.toString()).isZero();
    assertThat(run.out()).contains(": 8 tasks, 8 succeeded, 0 failed")
        .contains("Sample: a sample of 8 tasks drawn from 60 manifest rows of " + manifest + " (--seed 5)");
    assertThat(reportKeys(run)).hasSize(8).isEqualTo(reportKeys(again));
    Path note = Path.of(run.out().replaceAll("(?s).*Report: (\\S+).*", "$1")).resolveSibling("sample.json");
    assertThat(Files.readString(note)).contains("\"Tasks\":8", "\"ManifestRows\":60", "\"Seed\":5");
  }

  @Test
  void runLocal_sampleWithoutSeed_printsTheSeedThatRepeatsTheDraw() throws IOException {
    Path manifest = manifest(S3MockServer.get().newBucket("sample"), 40);

    CliRun run = runLocal(manifest, "--sample", "5");
    Matcher seed = Pattern.compile("\\(--seed (-?\\d+)\\)").matcher(run.out());
    assertThat(seed.find()).as(run.toString()).isTrue();
    CliRun repeat = runLocal(manifest, "--sample", "5", "--seed", seed.group(1));

    assertThat(reportKeys(repeat)).hasSize(5).isEqualTo(reportKeys(run));
  }

  @Test
  void runLocal_seedWithoutSampleOrSampleZero_exit2BeforeAnything() throws IOException {
    Path manifest = Files.writeString(dir.resolve("m.csv"), "b,k\n");

    CliRun seedOnly = runLocal(manifest, "--seed", "3");
    CliRun zero = runLocal(manifest, "--sample", "0");

    assertThat(seedOnly.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(seedOnly.err()).contains("--seed 3 needs --sample N");
    assertThat(zero.exitCode()).isEqualTo(ExitCodes.USAGE);
    assertThat(zero.err()).contains("--sample 0: the sample size must be 1 to 1000000");
    assertThat(dir.resolve("reports")).doesNotExist();
  }
}
