package dev.s3batch.tools.page;

import static dev.s3batch.handler.internal.ControlCharacters.escape;
import static dev.s3batch.handler.internal.ControlCharacters.escapeKeepingBackslashes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.s3batch.tools.report.FailedRows;
import dev.s3batch.tools.report.ReportReview;
import dev.s3batch.tools.report.ReportRow;
import dev.s3batch.tools.report.TopMessages;
import java.util.Map;

/**
 * The page's JSON: the summary and pages of failed rows. Every text read from the report is sent
 * as {@code report review} prints it, control characters escaped (keys and places by
 * {@code escape}, messages by {@code escapeKeepingBackslashes}); the page puts it in the document
 * as text, never as markup.
 */
final class PageJson {

  private static final ObjectMapper JSON = new ObjectMapper();

  private PageJson() {}

  static byte[] summary(PageReport report) throws java.io.IOException {
    ReportReview.Summary s = report.summary();
    ObjectNode o = JSON.createObjectNode();
    o.put("manifest", escape(report.reader().manifestLocation()));
    o.put("job", escape(report.jobName()));
    o.put("reportCreationDate", escape(report.reader().manifest().reportCreationDate()));
    o.put("resultFiles", report.reader().manifest().results().size());
    ArrayNode problems = o.putArray("md5Problems");
    report.problems().forEach(p -> problems.add(escape(p)));
    o.put("total", s.total());
    o.put("failed", s.failed());
    o.put("unprocessed", report.unprocessed());
    counts(o.putObject("byStatus"), s.byStatus());
    counts(o.putObject("byErrorCode"), s.byErrorCode());
    counts(o.putObject("byMessageClass"), report.messageClasses());
    ArrayNode top = o.putArray("topFailureMessages");
    for (TopMessages.Entry e : s.topFailureMessages()) {
      top.addObject().put("message", escapeKeepingBackslashes(e.message())).put("count", e.count())
          .put("exampleKey", escape(e.exampleKey()));
    }
    return JSON.writeValueAsBytes(o);
  }

  static byte[] failed(FailedRows.Page page, String query) throws java.io.IOException {
    ObjectNode o = JSON.createObjectNode();
    o.put("total", page.total());
    o.put("from", page.from());
    o.put("query", query);
    ArrayNode rows = o.putArray("rows");
    for (ReportRow r : page.rows()) {
      rows.addObject()
          .put("bucket", escape(r.bucket()))
          .put("key", escape(ReportReview.decoded(r.key())))
          .put("encodedKey", escape(r.key()))
          .put("versionId", escape(r.versionId()))
          .put("httpStatusCode", escape(r.httpStatusCode()))
          .put("errorCode", escape(r.errorCode()))
          .put("message", escapeKeepingBackslashes(r.resultMessage()));
    }
    return JSON.writeValueAsBytes(o);
  }

  private static void counts(ObjectNode o, Map<String, Long> counts) {
    counts.forEach((k, v) -> o.put(escape(k), v));
  }
}
