package dev.s3batch.handler.action;

import dev.s3batch.handler.internal.KeyFormat;
import dev.s3batch.handler.spi.ActionContext;
import dev.s3batch.handler.spi.ObjectAction;
import dev.s3batch.handler.spi.ObjectTask;
import dev.s3batch.handler.spi.TaskOutcome;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * {@code revise}: AWS's pipe-delimited key example. Each manifest key is {@code key|revision};
 * the text object (UTF-8) is read, transformed and written back:
 *
 * <ul>
 *   <li>{@code lower}, {@code upper} (locale-independent), {@code reverse} (by code point);
 *   <li>{@code delete} deletes the object (or the task's version);
 *   <li>a missing object is Succeeded ("not found, assuming it was deleted in an earlier
 *       revision"), as in AWS's example; an unknown revision or non-UTF-8 content is a
 *       PermanentFailure.
 * </ul>
 *
 * <p>Reads pipe keys under the default {@code keyFormat} {@code auto} (its provider declares the
 * key format {@code pipe}) or {@code pipe}: the revision arrives as the task parameter
 * {@code argument}; a JSON key may carry it as {@code argument} or {@code revision}.
 * With a version id the named version is read and the result becomes the new current version.
 * Objects over {@value #MAX_BYTES} bytes are refused (the text is transformed in memory).
 *
 * <p>IAM: {@code s3:GetObject} and {@code s3:PutObject}; {@code delete} needs
 * {@code s3:GetObject} and {@code s3:DeleteObject}; versioned tasks {@code s3:GetObjectVersion}
 * (and {@code s3:DeleteObjectVersion} for {@code delete}).
 */
public final class ReviseAction implements ObjectAction {

  /** The largest object revised (64 MiB). */
  public static final long MAX_BYTES = 64L * 1024 * 1024;

  @Override
  public TaskOutcome perform(ObjectTask task, ActionContext context) throws IOException {
    Optional<String> revision = task.parameter(KeyFormat.PIPE_ARGUMENT).or(() -> task.parameter("revision"));
    if (revision.isEmpty()) {
      String format = context.setting("keyFormat").orElse("auto");
      return TaskOutcome.permanentFailure("revise needs key|revision manifest keys (or a JSON key with a \"revision\""
          + " field) and key " + task.encodedKey() + " carries no revision"
          + (format.equals("plain") || format.equals("json")
              ? "; keyFormat is " + format + ": leave it at auto (the default) or set pipe (S3BATCH_KEY_FORMAT=pipe"
                  + " or the job's keyFormat argument)"
              : ""));
    }
    String rev = revision.get();
    if (!rev.equals("lower") && !rev.equals("upper") && !rev.equals("reverse") && !rev.equals("delete")) {
      return TaskOutcome.permanentFailure("can't handle revision type '" + rev + "' for " + task.location()
          + " (known: lower, upper, reverse, delete)", "UnknownRevision");
    }
    try {
      return rev.equals("delete") ? delete(task, context) : rewrite(task, context, rev);
    } catch (NoSuchKeyException e) {
      return notFound(task);
    }
  }

  private static TaskOutcome notFound(ObjectTask task) {
    return TaskOutcome.succeeded(
        "stanza " + task.location() + " not found, assuming it was deleted in an earlier revision");
  }

  private static TaskOutcome delete(ObjectTask task, ActionContext context) {
    if (S3Answers.probe(context.s3(), task) != S3Answers.Presence.OBJECT) {
      return notFound(task);
    }
    context.s3().deleteObject(b -> b.bucket(task.bucket()).key(task.key()).versionId(task.versionId()));
    return TaskOutcome.succeeded("deleted stanza " + task.location());
  }

  private static TaskOutcome rewrite(ObjectTask task, ActionContext context, String rev) throws IOException {
    String text;
    String contentType;
    try (ResponseInputStream<GetObjectResponse> in =
        context.s3().getObject(b -> b.bucket(task.bucket()).key(task.key()).versionId(task.versionId()))) {
      Long length = in.response().contentLength();
      if (length != null && length > MAX_BYTES) {
        in.abort();
        return TaskOutcome.permanentFailure(
            task.location() + " has " + length + " bytes: revise handles text objects up to " + MAX_BYTES, "TooLarge");
      }
      contentType = in.response().contentType();
      text = utf8(in, task);
    }
    String revised = switch (rev) {
      case "lower" -> text.toLowerCase(Locale.ROOT);
      case "upper" -> text.toUpperCase(Locale.ROOT);
      default -> new StringBuilder(text).reverse().toString();
    };
    byte[] body = revised.getBytes(StandardCharsets.UTF_8);
    context.s3().putObject(
        b -> b.bucket(task.bucket()).key(task.key()).contentType(contentType), RequestBody.fromBytes(body));
    return TaskOutcome.succeeded("applied revision type '" + rev + "' to stanza " + task.location()
        + " (" + body.length + " bytes written)");
  }

  private static String utf8(InputStream in, ObjectTask task) throws IOException {
    byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw new IllegalArgumentException(task.location() + " is larger than " + MAX_BYTES + " bytes");
    }
    try {
      CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes));
      return chars.toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(task.location() + " is not UTF-8 text: revise changes only text objects");
    }
  }
}
