package dev.s3batch.tools.page;

import static dev.s3batch.tools.report.TestReports.failed;
import static dev.s3batch.tools.report.TestReports.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessageClassesTest {

  @Test
  void classOf_s3Errors_dropTheirParticulars() {
    assertThat(MessageClasses.classOf("S3 error NoSuchKey (HTTP 404, request id 4F2A): gone")).isEqualTo("S3 error NoSuchKey");
    assertThat(MessageClasses.classOf("Timed out after 30000 ms")).isEqualTo("Timed out after # ms");
    assertThat(MessageClasses.classOf("")).isEqualTo("(no message)");
  }

  @Test
  void top_countsFailedRowsOnly_largestFirst() {
    MessageClasses classes = new MessageClasses();
    classes.accept(failed("a", "S3 error AccessDenied (HTTP 403, request id 1)"));
    classes.accept(failed("b", "S3 error NoSuchKey (HTTP 404, request id 2)"));
    classes.accept(failed("c", "S3 error NoSuchKey (HTTP 404, request id 3)"));
    classes.accept(succeeded("d"));

    assertThat(classes.top(10)).containsExactly(
        java.util.Map.entry("S3 error NoSuchKey", 2L), java.util.Map.entry("S3 error AccessDenied", 1L));
  }

  @Test
  void accept_pastCapacity_countsTheRestAsOther() {
    MessageClasses classes = new MessageClasses();
    for (int i = 0; i < MessageClasses.CAPACITY + 5; i++) {
      classes.accept(failed("k", "class " + Integer.toString(i, 26).replaceAll("[0-9]", "x") + i));
    }
    assertThat(classes.top(MessageClasses.CAPACITY + 10)).hasSizeLessThanOrEqualTo(MessageClasses.CAPACITY + 1);
  }
}
