package dev.s3batch.tools.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.s3batch.handler.internal.JsonControlEscapes;
import static dev.s3batch.handler.internal.ControlCharacters.escape;
import static dev.s3batch.handler.internal.ControlCharacters.escapeKeepingBackslashes;

import dev.s3batch.tools.report.ReportReader;
import dev.s3batch.tools.report.ReportReview;
import dev.s3batch.tools.report.ReportRow;
import dev.s3batch.tools.report.TopMessages;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Prints {@code report review}'s output, as text or as one JSON object; failed tasks are streamed.
 * In text, everything read from the report is shown with its control characters escaped, so a key
 * or message cannot move the cursor, clear the terminal or forge a line: keys, buckets, version ids
 * and places by {@link dev.s3batch.handler.internal.ControlCharacters#escape} (backslashes doubled,
 * so a key reads back unambiguously), result messages by {@code escapeKeepingBackslashes} (their
 * backslashes are content: JSON from the function). JSON output escapes them JSON's way, the
 * ones JSON allows raw (DEL, C1, bidi controls, line separators) too.
 */
final class ReviewPrinter {

  private static final JsonFactory FACTORY = JsonFactory.builder().build();

  private final PrintWriter out;
  private final JsonGenerator json;

  ReviewPrinter(PrintWriter out, boolean asJson) throws IOException {
    this.out = out;
    this.json = asJson
        ? FACTORY.createGenerator(out).useDefaultPrettyPrinter().setCharacterEscapes(new JsonControlEscapes())
        : null;
  }

  /** Says on {@code err} which job's report is reviewed, when the location held several (or one). */
  static void jobChoice(PrintWriter err, ReportReader.JobChoice choice) {
    List<ReportReader.JobReport> jobs = choice.jobs();
    ReportReader.JobReport chosen = jobs.get(0);
    if (jobs.size() == 1) {
      err.println("reviewing " + escape(chosen.manifest()) + ", the one job report under " + escape(choice.under()));
      return;
    }
    err.println(jobs.size() + " job reports under " + escape(choice.under()) + "; reviewing the newest, "
        + escape(chosen.manifest()) + " (created " + chosen.created() + "); the others (give one to review it):");
    jobs.stream().skip(1)
        .forEach(j -> err.println("  " + escape(j.manifest()) + " (created " + j.created() + ")"));
  }

  void summary(ReportReader reader, ReportReview.Summary s, List<String> problems) throws IOException {
    if (json != null) {
      json.writeStartObject();
      json.writeStringField("manifest", reader.manifestLocation());
      json.writeStringField("reportCreationDate", reader.manifest().reportCreationDate());
      json.writeNumberField("resultFiles", reader.manifest().results().size());
      json.writeArrayFieldStart("md5Problems");
      for (String p : problems) {
        json.writeString(p);
      }
      json.writeEndArray();
      json.writeNumberField("total", s.total());
      json.writeNumberField("failed", s.failed());
      counts("byStatus", s.byStatus());
      counts("byErrorCode", s.byErrorCode());
      json.writeArrayFieldStart("topFailureMessages");
      for (TopMessages.Entry e : s.topFailureMessages()) {
        json.writeStartObject();
        json.writeStringField("message", e.message());
        json.writeNumberField("count", e.count());
        json.writeStringField("exampleKey", e.exampleKey());
        json.writeEndObject();
      }
      json.writeEndArray();
      return;
    }
    out.printf("Report %s (created %s, %d result files, MD5 %s)%n", escape(reader.manifestLocation()),
        escape(reader.manifest().reportCreationDate()), reader.manifest().results().size(),
        problems.isEmpty() ? "ok" : problems.size() + " MISMATCH");
    problems.forEach(p -> out.println("  " + escape(p)));
    out.printf("Tasks: %d, succeeded: %d, failed: %d%n", s.total(), s.total() - s.failed(), s.failed());
    out.println("By status:");
    s.byStatus().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> out.printf("  %-30s %,d%n", escape(e.getKey()), e.getValue()));
    out.println("By error code/HTTP status:");
    s.byErrorCode().entrySet().stream().sorted(Map.Entry.comparingByKey())
        .forEach(e -> out.printf("  %-30s %,d%n", escape(e.getKey()), e.getValue()));
    if (!s.topFailureMessages().isEmpty()) {
      out.println("Most frequent failure messages:");
      for (TopMessages.Entry e : s.topFailureMessages()) {
        out.printf("  %,10d  %s%n", e.count(), escapeKeepingBackslashes(e.message()));
        out.printf("              e.g. key: %s%n", escape(e.exampleKey()));
      }
    }
  }

  /** The tasks a stopped job never ran ({@code unprocessed.csv}), when there are any. */
  void unprocessed(String location, long tasks) throws IOException {
    if (tasks == 0) {
      return;
    }
    if (json != null) {
      json.writeObjectFieldStart("unprocessed");
      json.writeStringField("file", location);
      json.writeNumberField("tasks", tasks);
      json.writeEndObject();
    } else {
      out.printf("Never ran: %d tasks (the job stopped early), listed in %s%n", tasks, location);
    }
  }

  void failedTasks(ReportReader reader) throws IOException {
    if (json != null) {
      json.writeArrayFieldStart("failedTasks");
    } else {
      out.println("Failed tasks (bucket, key, version id, error code, message):");
    }
    reader.read(true, row -> {
      if (row.failed()) {
        failedTask(row);
      }
    });
    if (json != null) {
      json.writeEndArray();
    }
  }

  private void failedTask(ReportRow row) {
    String key = ReportReview.decoded(row.key());
    try {
      if (json != null) {
        json.writeStartObject();
        json.writeStringField("bucket", row.bucket());
        json.writeStringField("key", key);
        json.writeStringField("encodedKey", row.key());
        json.writeStringField("versionId", row.versionId());
        json.writeStringField("errorCode", row.errorCode());
        json.writeStringField("httpStatusCode", row.httpStatusCode());
        json.writeStringField("resultMessage", row.resultMessage());
        json.writeEndObject();
      } else {
        out.printf("  %s\t%s\t%s\t%s\t%s%n", escape(row.bucket()), escape(key), escape(row.versionId()),
            escape(row.errorCode()), escapeKeepingBackslashes(row.resultMessage()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void end(Path retryManifest, long retryRows) throws IOException {
    if (json != null) {
      if (retryManifest != null) {
        json.writeObjectFieldStart("retryManifest");
        json.writeStringField("file", retryManifest.toString());
        json.writeNumberField("tasks", retryRows);
        json.writeEndObject();
      }
      json.writeEndObject();
      json.flush();
      out.println();
    } else if (retryManifest != null) {
      out.printf("Retry manifest: %s (%d tasks)%n", escape(retryManifest.toString()), retryRows);
    }
    out.flush();
  }

  private void counts(String name, Map<String, Long> counts) throws IOException {
    json.writeObjectFieldStart(name);
    for (Map.Entry<String, Long> e : new java.util.TreeMap<>(counts).entrySet()) {
      json.writeNumberField(e.getKey(), e.getValue());
    }
    json.writeEndObject();
  }
}
