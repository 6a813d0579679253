package dev.s3batch.tools.iam;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OperationPermissionsTest {

  @ParameterizedTest(name = "{0} versionId={1}")
  @CsvSource(nullValues = "null", textBlock = """
      HeadObject,              null, s3:GetObject,                 arn:aws:s3:::b/k
      HeadObject,              v1,   s3:GetObjectVersion,          arn:aws:s3:::b/k
      GetObjectTagging,        v1,   s3:GetObjectVersionTagging,   arn:aws:s3:::b/k
      PutObjectTagging,        null, s3:PutObjectTagging,          arn:aws:s3:::b/k
      PutObjectTagging,        v1,   s3:PutObjectVersionTagging,   arn:aws:s3:::b/k
      DeleteObject,            null, s3:DeleteObject,              arn:aws:s3:::b/k
      DeleteObject,            v1,   s3:DeleteObjectVersion,       arn:aws:s3:::b/k
      ListParts,               null, s3:ListMultipartUploadParts,  arn:aws:s3:::b/k
      AbortMultipartUpload,    null, s3:AbortMultipartUpload,      arn:aws:s3:::b/k
      CompleteMultipartUpload, null, s3:PutObject,                 arn:aws:s3:::b/k
      ListMultipartUploads,    null, s3:ListBucketMultipartUploads, arn:aws:s3:::b
      """)
  void required_operation_mapsToItsIamAction(String operation, String versionId, String action, String resource) {
    String key = OperationPermissions.entry(operation).orElseThrow().bucketLevel() ? null : "k";
    assertThat(OperationPermissions.required(S3Call.of(operation, "b", key, versionId)))
        .containsExactly(new Permission(action, resource));
  }

  @Test
  void required_copyOfAVersionWithTagsAndAcl_needsSourceReadAndDestinationWrites() {
    S3Call copy = new S3Call("CopyObject", "dst", "k2", null, new S3Call.CopySource("src", "k1", "v9"), true, true);
    assertThat(OperationPermissions.required(copy)).containsExactly(
        new Permission("s3:PutObject", "arn:aws:s3:::dst/k2"),
        new Permission("s3:GetObjectVersion", "arn:aws:s3:::src/k1"),
        new Permission("s3:PutObjectTagging", "arn:aws:s3:::dst/k2"),
        new Permission("s3:PutObjectAcl", "arn:aws:s3:::dst/k2"));
  }

  @Test
  void required_copyThatCopiesTheSourceTags_needsToReadThem() {
    S3Call copy = new S3Call("CopyObject", "dst", "k2", null, new S3Call.CopySource("src", "k1", null, true), false,
        false);
    assertThat(OperationPermissions.required(copy)).containsExactly(
        new Permission("s3:PutObject", "arn:aws:s3:::dst/k2"),
        new Permission("s3:GetObject", "arn:aws:s3:::src/k1"),
        new Permission("s3:GetObjectTagging", "arn:aws:s3:::src/k1"));
  }

  @Test
  void required_unknownOperation_failsNamingIt() {
    assertThatThrownBy(() -> OperationPermissions.required(S3Call.of("SelectObjectContent", "b", "k", null)))
        .hasMessageContaining("SelectObjectContent");
  }

  @Test
  void table_everyIamActionItNames_isKnownToTheValidator() {
    for (String op : OperationPermissions.operations()) {
      OperationPermissions.Entry e = OperationPermissions.entry(op).orElseThrow();
      assertThat(IamVocabulary.ACTIONS).as(op).contains(e.action(), e.versionAction());
    }
  }
}
