package dev.s3batch.tools.local;

import static dev.s3batch.tools.local.LocalJobRunnerTest.answer;
import static dev.s3batch.tools.local.LocalJobRunnerTest.answering;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.s3batch.handler.event.SchemaVersion;
import dev.s3batch.tools.manifest.ManifestReader;
import dev.s3batch.tools.manifest.ManifestTask;
import dev.s3batch.tools.report.ReportReader;
import dev.s3batch.tools.report.ReportRow;
import dev.s3batch.tools.report.ReportScope;
import dev.s3batch.tools.report.ReportStore;
import dev.s3batch.tools.report.ReportWriter;
import dev.s3batch.tools.report.SampleNote;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A job run on a sample of its manifest ({@code --sample}): only the drawn rows run, redrives and stops as for any job. */
class SampledJobTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  private Path manifest(int rows) throws IOException {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < rows; i++) {
      sb.append("bucket1,key-").append(i).append('\n');
    }
    return Files.writeString(dir.resolve("manifest.csv"), sb);
  }

  private JobResult run(RequestStreamHandler handler, RunSettings settings, Path manifest, ManifestSample sample)
      throws IOException {
    LocalJobRunner runner = new LocalJobRunner(handler, settings, line -> {});
    ReportWriter report = new ReportWriter(ReportStore.of(dir.resolve("reports").toString(), () -> null), runner.jobId(),
        ReportScope.AllTasks);
    return runner.run(() -> ManifestReader.open(manifest.toString(), () -> null), sample, manifest.toString(), report);
  }

  private static List<String> drawnKeys(Path manifest, ManifestSample sample) throws IOException {
    return sample.draw(ManifestReader.open(manifest.toString(), () -> null)).tasks().stream()
        .map(ManifestTask::encodedKey).toList();
  }

  private static List<ReportRow> rows(JobResult result) throws IOException {
    List<ReportRow> rows = new ArrayList<>();
    ReportReader.open(result.report(), () -> null).read(false, rows::add);
    return rows;
  }

  @Test
  void run_sampleWithTemporaryFailures_redrivesTheDrawnRowsOnlyAndMarksTheReport() throws IOException {
    Path manifest = manifest(500);
    ManifestSample sample = new ManifestSample(20, 99);
    Set<String> seen = ConcurrentHashMap.newKeySet();
    RequestStreamHandler firstTimeTemporary = (in, out, context) -> {
      JsonNode event = MAPPER.readTree(in);
      String key = event.path("tasks").get(0).path("s3Key").asText();
      answer(out, event, seen.add(key) ? "TemporaryFailure" : "Succeeded", "done " + key);
    };

    JobResult result = run(firstTimeTemporary, RunSettings.defaults().withConcurrency(4)
        .withInitialBackoff(Duration.ofMillis(10)), manifest, sample);

    assertThat(result.status()).isEqualTo(JobStatus.Complete);
    assertThat(result.progress().succeeded()).isEqualTo(20);
    assertThat(result.progress().retried()).isEqualTo(20);
    assertThat(rows(result)).extracting(ReportRow::key).containsExactlyInAnyOrderElementsOf(drawnKeys(manifest, sample));
    assertThat(seen).hasSize(20);
    assertThat(result.sample()).isEqualTo(new SampleNote(20, 500, 99, manifest.toString()));
    Path note = Path.of(result.report()).resolveSibling(SampleNote.NAME);
    assertThat(SampleNote.parse(Files.readAllBytes(note), note.toString())).isEqualTo(result.sample());
  }

  @Test
  void run_sampleCrossesTheThreshold_unprocessedListsTheDrawnRowsThatNeverRan() throws IOException {
    Path manifest = manifest(300);
    ManifestSample sample = new ManifestSample(50, 7);
    RunSettings settings = new RunSettings(SchemaVersion.V1_0, Map.of(), 1, Duration.ofSeconds(900), 1,
        Duration.ofMillis(10), 10, Duration.ofSeconds(10), "the AWS endpoint");

    JobResult result = run(answering("PermanentFailure", "no"), settings, manifest, sample);

    assertThat(result.status()).isEqualTo(JobStatus.Failed);
    assertThat(result.progress().done() + result.unprocessed()).isEqualTo(50);
    assertThat(result.unprocessed()).isPositive();
    List<String> never = Files.readAllLines(Path.of(result.unprocessedReport())).stream()
        .map(l -> l.substring(l.indexOf(',') + 1)).toList();
    List<String> ran = rows(result).stream().map(ReportRow::key).toList();
    List<String> both = new ArrayList<>(ran);
    both.addAll(never);
    assertThat(both).containsExactlyInAnyOrderElementsOf(drawnKeys(manifest, sample));
  }

  @Test
  void run_noSample_noNoteBesideTheReport() throws IOException {
    JobResult result = run(answering("Succeeded", ""), RunSettings.defaults(), manifest(3), null);
    assertThat(result.sample()).isNull();
    assertThat(Path.of(result.report()).resolveSibling(SampleNote.NAME)).doesNotExist();
  }
}
