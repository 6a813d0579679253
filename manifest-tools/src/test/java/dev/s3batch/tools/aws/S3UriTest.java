package dev.s3batch.tools.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The one location parser: strict S3 URIs, local paths, mistyped addresses, bucket-name rules, derived keys and ARNs. */
class S3UriTest {

  @Test
  void location_bucketAndKey_splitsAtFirstSlashVerbatim() {
    assertThat(S3Uri.location("s3://b-1/a/b%20c/")).isEqualTo(new Location.S3(new S3Uri("b-1", "a/b%20c/")));
    assertThat(S3Uri.location("s3://b-1")).isEqualTo(new Location.S3(new S3Uri("b-1", "")));
  }

  @Test
  void location_pathsWithoutScheme_areLocal() {
    for (String path : new String[] {"reports/out", "/tmp/x", "./s3:odd name", "C:\\reports", "c:/reports", "", "-"}) {
      assertThat(S3Uri.location(path)).as(path).isEqualTo(new Location.Local(path));
    }
  }

  @Test
  void location_mistypedS3Addresses_areInvalidWithAReason() {
    assertThat(S3Uri.location("s3:/rep/x")).isEqualTo(new Location.Invalid("write s3:// with two slashes, as in s3://BUCKET/KEY"));
    assertThat(S3Uri.location("s3:rep/x")).isEqualTo(new Location.Invalid("write s3:// with two slashes, as in s3://BUCKET/KEY"));
    assertThat(S3Uri.location("S3://rep/x")).isEqualTo(new Location.Invalid("write the scheme in lower case: s3://rep/x"));
    assertThat(S3Uri.location("s3://")).isEqualTo(new Location.Invalid("no bucket name after s3://; write s3://BUCKET/KEY"));
    assertThat(S3Uri.location("s3:///prefix")).isEqualTo(new Location.Invalid("no bucket name after s3://; write s3://BUCKET/KEY"));
    assertThat(S3Uri.location("s3://My_Bucket/x"))
        .isEqualTo(new Location.Invalid("\"My_Bucket\" is not a bucket name: only lowercase letters, digits, '.' and '-' are allowed"));
    for (String other : new String[] {"s3a://b/k", "https://b.s3.amazonaws.com/k", "file:///tmp/x", "arn:aws:s3:::b/k", "Ftp+x.y-z:k"}) {
      assertThat(S3Uri.location(other)).as(other).isInstanceOf(Location.Invalid.class);
      assertThat(((Location.Invalid) S3Uri.location(other)).reason()).contains("is not a location s3batch reads");
    }
  }

  @Test
  void requireS3_localOrMistyped_namesOptionAndText() {
    assertThatThrownBy(() -> S3Uri.requireS3("--list", "photos/2024", IllegalStateException::new))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("--list \"photos/2024\": not an s3:// URI; write s3://BUCKET/KEY");
    assertThatThrownBy(() -> S3Uri.requireS3("--list", "s3:/photos", IllegalStateException::new))
        .hasMessage("--list \"s3:/photos\": write s3:// with two slashes, as in s3://BUCKET/KEY");
  }

  @Test
  void requireLocal_s3OrMistyped_namesOptionAndText() {
    assertThat(S3Uri.requireLocal("-o", "out/m.csv", IllegalStateException::new)).isEqualTo("out/m.csv");
    assertThatThrownBy(() -> S3Uri.requireLocal("-o", "s3://b/m.csv", IllegalStateException::new))
        .hasMessage("-o \"s3://b/m.csv\": -o takes a local path, not an S3 location");
    assertThatThrownBy(() -> S3Uri.requireLocal("-o", "s3:/b/m.csv", IllegalStateException::new))
        .hasMessage("-o \"s3:/b/m.csv\": -o takes a local path, not an S3 location");
  }

  @Test
  void requireLocation_mistyped_isRefusedAndTheRestPassesThrough() {
    assertThat(S3Uri.requireLocation("--report", "reports", IllegalStateException::new)).isEqualTo(new Location.Local("reports"));
    assertThat(S3Uri.requireLocation("--report", "s3://rep/x", IllegalStateException::new))
        .isEqualTo(new Location.S3(new S3Uri("rep", "x")));
    assertThatThrownBy(() -> S3Uri.requireLocation("--report", "s3:/rep/x", IllegalStateException::new))
        .hasMessage("--report \"s3:/rep/x\": write s3:// with two slashes, as in s3://BUCKET/KEY");
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
