package dev.s3batch.tools.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentDispositionTest {

  @Test
  void attachment_asciiName_isTheSameInBothForms() {
    assertThat(ContentDisposition.attachment("job-1a2b-results.csv"))
        .isEqualTo("attachment; filename=\"job-1a2b-results.csv\"; filename*=UTF-8''job-1a2b-results.csv");
  }

  @Test
  void attachment_quotesBackslashesAndControls_neverBreakThePlainName() {
    String header = ContentDisposition.attachment("a\"b\\c\r\nd;e %.csv");

    assertThat(header).startsWith("attachment; filename=\"a_b_c__d;e _.csv\"; filename*=UTF-8''")
        .doesNotContain("\r").doesNotContain("\n");
    String ext = header.substring(header.indexOf("UTF-8''") + 7);
    assertThat(ext).matches("[A-Za-z0-9!#$&+.^_`|~%-]+");
    assertThat(URLDecoder.decode(ext.replace("+", "%2B"), StandardCharsets.UTF_8)).isEqualTo("a\"b\\c\r\nd;e %.csv");
  }

  @Test
  void extValue_nonAscii_isUtf8PercentEncoded() {
    assertThat(ContentDisposition.extValue("Größe 東.csv")).isEqualTo("Gr%C3%B6%C3%9Fe%20%E6%9D%B1.csv");
  }
}
