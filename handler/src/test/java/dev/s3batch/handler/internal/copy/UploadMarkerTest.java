package dev.s3batch.handler.internal.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UploadMarkerTest {

  @Test
  void compositeETag_twoParts_matchesWhatS3Computes() {
    // Parts and completed ETag as S3Mock (and S3) reported them for a two-part upload.
    String etag = UploadMarker.compositeETag(
        List.of("\"6b3eb8eabfe5a639d06b8f19cfa1bb56\"", "\"d8bb48a00ce1a6f8061510521cc11099\""));

    assertThat(etag).isEqualTo("\"072bb973bd9033d81214483729796969-2\"");
  }

  @Test
  void eTag_isTheQuotedMd5OfTheContent() {
    assertThat(UploadMarker.eTag("marker".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isEqualTo("\"b272bda9bf0c1cdcba614b5ed99c4d62\"");
  }
}
