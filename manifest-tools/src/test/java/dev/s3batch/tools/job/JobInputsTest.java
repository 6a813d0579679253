package dev.s3batch.tools.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3batch.tools.aws.S3Uri;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The small parsers of the job commands: S3 URIs, account ids, durations, ARNs, CSV columns. */
class JobInputsTest {

  @Test
  void s3Uri_objectAndPrefix_splitBucketAndKey() {
    assertThat(JobUris.object("--manifest", "s3://my-bucket/a/b c.csv")).isEqualTo(new S3Uri("my-bucket", "a/b c.csv"));
    assertThat(JobUris.prefix("--report", "s3://my-bucket")).isEqualTo(new S3Uri("my-bucket", ""));
    assertThat(JobUris.object("--manifest", "s3://b.x-1/k").objectArn("aws-cn")).isEqualTo("arn:aws-cn:s3:::b.x-1/k");
  }

  @Test
  void s3Uri_badBucketName_namesTheOption() {
    assertThatThrownBy(() -> JobUris.prefix("--report", "s3://My_Bucket/x"))
        .isInstanceOf(JobInputException.class)
        .hasMessage("--report \"s3://My_Bucket/x\": \"My_Bucket\" is not a bucket name: only lowercase letters, digits, '.' and '-' are allowed");
  }

  @Test
  void accountIds_optionThenS3batchThenAws_inThatOrder() {
    Map<String, String> env = Map.of("S3BATCH_ACCOUNT_ID", "111111111111", "AWS_ACCOUNT_ID", "222222222222");

    assertThat(AccountIds.resolve("333333333333", env)).isEqualTo("333333333333");
    assertThat(AccountIds.resolve(null, env)).isEqualTo("111111111111");
    assertThat(AccountIds.resolve(null, Map.of("AWS_ACCOUNT_ID", "222222222222"))).isEqualTo("222222222222");
    assertThatThrownBy(() -> AccountIds.resolve(null, Map.of()))
        .hasMessageStartingWith("--account-id is required (or set S3BATCH_ACCOUNT_ID or AWS_ACCOUNT_ID)");
    assertThatThrownBy(() -> AccountIds.resolve(null, Map.of("AWS_ACCOUNT_ID", "abc")))
        .hasMessage("AWS_ACCOUNT_ID \"abc\" is not a 12-digit AWS account id");
  }

  @Test
  void durations_unitsAndBareSeconds_parse() {
    assertThat(Durations.parse("--interval", "500ms")).isEqualTo(Duration.ofMillis(500));
    assertThat(Durations.parse("--interval", "2")).isEqualTo(Duration.ofSeconds(2));
    assertThat(Durations.parse("--timeout", "1.5m")).isEqualTo(Duration.ofSeconds(90));
    assertThat(Durations.parse("--timeout", "2h")).isEqualTo(Duration.ofHours(2));
    assertThatThrownBy(() -> Durations.parse("--timeout", "0ms")).hasMessageContaining("at least 1ms");
  }

  @Test
  void arns_functionWithAliasOrVersion_keptAsGiven() {
    for (String arn : new String[] {
        "arn:aws:lambda:eu-west-1:123456789012:function:resize",
        "arn:aws:lambda:eu-west-1:123456789012:function:resize:live",
        "arn:aws:lambda:eu-west-1:123456789012:function:resize:7",
        "arn:aws:lambda:us-gov-west-1:123456789012:function:resize:$LATEST",
        "arn:aws-cn:lambda:cn-north-1:123456789012:function:re_size-2"}) {
      assertThat(Arns.function("--function-arn", arn)).isEqualTo(arn);
    }
    assertThatThrownBy(() -> Arns.function("--function-arn", "arn:aws:lambda:eu-west-1:123456789012:resize"))
        .hasMessageContaining("is not a Lambda function ARN");
  }

  @Test
  void arns_role_givesAccountAndPartition() {
    String role = "arn:aws-us-gov:iam::123456789012:role/service-role/batch";
    assertThat(Arns.roleAccount(Arns.role("--role-arn", role))).isEqualTo("123456789012");
    assertThat(Arns.rolePartition(role)).isEqualTo("aws-us-gov");
  }

  @Test
  void csvColumns_randomRowsWithQuotedCommas_countsFields() {
    long seed = System.nanoTime();
    SplittableRandom random = new SplittableRandom(seed);
    String alphabet = "ab%2C,\" ";
    for (int n = 0; n < 5000; n++) {
      int columns = 1 + random.nextInt(4);
      StringBuilder line = new StringBuilder();
      for (int c = 0; c < columns; c++) {
        if (c > 0) {
          line.append(',');
        }
        StringBuilder field = new StringBuilder();
        for (int i = random.nextInt(6); i > 0; i--) {
          field.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        String f = field.toString();
        line.append(f.contains(",") || f.contains("\"") ? "\"" + f.replace("\"", "\"\"") + "\"" : f);
      }
      assertThat(CsvColumns.count(line.toString())).as("seed %d, line %s", seed, line).isEqualTo(columns);
    }
  }
}
