package dev.s3batch.tools.aws;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one {@code s3://} URI type: lenient parsing, bucket-name rules, derived keys and ARNs. */
class S3UriTest {

  @Test
  void parse_bucketAndKey_splitsAtFirstSlashVerbatim() {
    assertThat(S3Uri.parse("s3://b-1/a/b%20c/")).contains(new S3Uri("b-1", "a/b%20c/"));
    assertThat(S3Uri.parse("s3://b-1")).contains(new S3Uri("b-1", ""));
  }

  @Test
  void parse_notAnS3Uri_isEmpty() {
    assertThat(S3Uri.parse("reports/out")).isEmpty();
    assertThat(S3Uri.parse("S3://b/k")).isEmpty();
    assertThat(S3Uri.parse("s3://")).isEmpty();
    assertThat(S3Uri.parse("s3:///k")).isEmpty();
    assertThat(S3Uri.parse(null)).isEmpty();
  }

  @Test
  void bucketNameProblem_generalPurposeRules_sayWhy() {
    assertThat(S3Uri.bucketNameProblem("my.bucket-1")).isEmpty();
    assertThat(S3Uri.bucketNameProblem("ab")).contains("a bucket name has 3 to 63 characters");
    assertThat(S3Uri.bucketNameProblem("My_Bucket")).contains("only lowercase letters, digits, '.' and '-' are allowed");
    assertThat(S3Uri.bucketNameProblem("-ab")).contains("it must start and end with a letter or digit");
    assertThat(S3Uri.bucketNameProblem("a..b")).contains("it must not contain \"..\"");
    assertThat(S3Uri.bucketNameProblem("192.168.1.1")).contains("it must not look like an IP address");
  }

  @Test
  void childPrefixAndArns_fromBucketAndKey_joinWithOneSlash() {
    S3Uri root = new S3Uri("b", "");
    assertThat(root.child("x.csv")).hasToString("s3://b/x.csv");
    assertThat(new S3Uri("b", "p/").child("x")).isEqualTo(new S3Uri("b", "p/x"));
    assertThat(new S3Uri("b", "p").child("x")).isEqualTo(new S3Uri("b", "p/x"));
    assertThat(root.prefix()).isEmpty();
    assertThat(new S3Uri("b", "p").prefix()).isEqualTo("p/");
    assertThat(new S3Uri("b", "k").bucketArn("aws")).isEqualTo("arn:aws:s3:::b");
    assertThat(new S3Uri("b", "k").objectArn("aws-us-gov")).isEqualTo("arn:aws-us-gov:s3:::b/k");
  }
}
