package dev.s3batch.handler.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.s3batch.handler.response.ResultCode;
import dev.s3batch.handler.response.TaskResult;
import dev.s3batch.handler.testing.Invoke;
import dev.s3batch.testkit.S3MockServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

class ReviseActionTest {

  private static final String STANZA = "Ça Va, 👍 World";

  private final S3Client s3 = S3MockServer.get().client();

  private Invoke revise() {
    return Invoke.action("revise").env("S3BATCH_KEY_FORMAT", "pipe");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {"upper;ÇA VA, 👍 WORLD", "lower;ça va, 👍 world", "reverse;dlroW 👍 ,aV aÇ"})
  void revise_knownRevision_rewritesTheText(String revision, String expected) {
    String bucket = S3MockServer.get().newBucket("revise");
    s3.putObject(b -> b.bucket(bucket).key("poems/stanza 1.txt").contentType("text/markdown"),
        RequestBody.fromString(STANZA));

    TaskResult r = revise().on(bucket, "poems/stanza 1.txt|" + revision).run(s3).only();

    assertThat(r.resultCode()).isEqualTo(ResultCode.Succeeded);
    assertThat(r.resultString()).startsWith(
        "applied revision type '" + revision + "' to stanza s3://" + bucket + "/poems/stanza 1.txt");
    var written = s3.getObjectAsBytes(b -> b.bucket(bucket).key("poems/stanza 1.txt"));
    assertThat(written.asUtf8String()).isEqualTo(expected);
    assertThat(written.response().contentType()).isEqualTo("text/markdown");
  }

  @Test
  void revise_jsonKeyWithRevisionField_rewritesTheText() {
    String bucket = S3MockServer.get().newBucket("revise");
    s3.putObject(b -> b.bucket(bucket).key("s.txt"), RequestBody.fromString("abc"));

    TaskResult r = Invoke.action("revise").on(bucket, "{\"key\": \"s.txt\", \"revision\": \"reverse\"}").run(s3).only();

    assertThat(r.resultCode()).isEqualTo(ResultCode.Succeeded);
    assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("s.txt")).asUtf8String()).isEqualTo("cba");
  }

  @Test
  void revise_delete_deletesTheObject() {
    String bucket = S3MockServer.get().newBucket("revise");
    s3.putObject(b -> b.bucket(bucket).key("s.txt"), RequestBody.fromString(STANZA));

    TaskResult r = revise().on(bucket, "s.txt|delete").run(s3).only();

    assertThat(r.resultCode()).isEqualTo(ResultCode.Succeeded);
    assertThat(r.resultString()).isEqualTo("deleted stanza s3://" + bucket + "/s.txt");
    assertThatThrownBy(() -> s3.headObject(b -> b.bucket(bucket).key("s.txt"))).isInstanceOf(NoSuchKeyException.class);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"upper", "delete"})
  void revise_missingObject_succeedsAssumingEarlierDeletion(String revision) {
    String bucket = S3MockServer.get().newBucket("revise");

    TaskResult r = revise().on(bucket, "gone.txt|" + revision).run(s3).only();

    assertThat(r.resultCode()).isEqualTo(ResultCode.Succeeded);
    assertThat(r.resultString()).isEqualTo(
        "stanza s3://" + bucket + "/gone.txt not found, assuming it was deleted in an earlier revision");
  }

  @Test
  void revise_unknownRevision_failsPermanentlyAndLeavesObject() {
    String bucket = S3MockServer.get().newBucket("revise");
    s3.putObject(b -> b.bucket(bucket).key("s.txt"), RequestBody.fromString(STANZA));

    TaskResult r = revise().on(bucket, "s.txt|frobnicate").run(s3).only();

    assertThat(r.resultCode()).isEqualTo(ResultCode.PermanentFailure);
    assertThat(r.resultString()).startsWith("can't handle revision type 'frobnicate'");
    assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("s.txt")).asUtf8String()).isEqualTo(STANZA);
  }

  @Test
  void revise_awsPipeKeyWithDefaultKeyFormat_rewritesTheText() {
    String bucket = S3MockServer.get().newBucket("revise");
    s3.putObject(b -> b.bucket(bucket).key("poems/stanza 1.txt"), RequestBody.fromString(STANZA));

    TaskResult r = Invoke.action("revise").onEncoded(bucket, "poems/stanza%201.txt%7Cupper", null).run(s3).only();

    assertThat(r.resultCode()).as(r.resultString()).isEqualTo(ResultCode.Succeeded);
    assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("poems/stanza 1.txt")).asUtf8String())
        .isEqualTo(STANZA.toUpperCase(java.util.Locale.ROOT));
  }

  @Test
  void revise_keyFormatSetToPlain_failsPermanentlyTellingToLeaveItAtAuto() {
    String bucket = S3MockServer.get().newBucket("revise");
    s3.putObject(b -> b.bucket(bucket).key("s.txt|upper"), RequestBody.fromString(STANZA));

    TaskResult r = Invoke.action("revise").env("S3BATCH_KEY_FORMAT", "plain").on(bucket, "s.txt|upper").run(s3).only();

    assertThat(r.resultCode()).isEqualTo(ResultCode.PermanentFailure);
    assertThat(r.resultString()).contains("carries no revision").contains("keyFormat is plain")
        .contains("S3BATCH_KEY_FORMAT=pipe");
    assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("s.txt|upper")).asUtf8String()).isEqualTo(STANZA);
  }

  @Test
  void revise_keyWithoutRevision_failsPermanentlyAndLeavesObject() {
    String bucket = S3MockServer.get().newBucket("revise");
    s3.putObject(b -> b.bucket(bucket).key("s.txt"), RequestBody.fromString(STANZA));

    TaskResult r = Invoke.action("revise").on(bucket, "s.txt").run(s3).only();

    assertThat(r.resultCode()).isEqualTo(ResultCode.PermanentFailure);
    assertThat(r.resultString()).isEqualTo("revise needs key|revision manifest keys (or a JSON key with a \"revision\""
        + " field) and key s.txt carries no revision");
    assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("s.txt")).asUtf8String()).isEqualTo(STANZA);
  }

  @Test
  void revise_binaryObject_failsPermanentlyAndLeavesObject() {
    String bucket = S3MockServer.get().newBucket("revise");
    byte[] binary = {(byte) 0xff, (byte) 0xfe, 0x00, (byte) 0xc3};
    s3.putObject(b -> b.bucket(bucket).key("blob.bin"), RequestBody.fromBytes(binary));

    TaskResult r = revise().on(bucket, "blob.bin|upper").run(s3).only();

    assertThat(r.resultCode()).isEqualTo(ResultCode.PermanentFailure);
    assertThat(r.resultString()).contains("is not UTF-8 text");
    assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("blob.bin")).asByteArray()).isEqualTo(binary);
  }
}
