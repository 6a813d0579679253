package dev.s3batch.tools.lambda;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.eventstream.HeaderValue;
import software.amazon.eventstream.Message;

/**
 * The body of an InvokeWithResponseStream answer ({@code application/vnd.amazon.eventstream}):
 * {@code PayloadChunk} events, each flushed as it is written, then one {@code InvokeComplete}.
 * Frames are encoded by the SDK's own {@code software.amazon.eventstream} library. Thread-safe:
 * the function's chunks (a Runtime API thread) and the final event (the caller's thread) may
 * race, so writes are serialised and nothing is written after {@link #complete}.
 */
final class EventStreamWriter implements Invocation.ChunkSink {

  /** The largest PayloadChunk written (frames are at most 16 MB; smaller keeps the stream moving). */
  static final int CHUNK = 64 * 1024;

  private final OutputStream out;
  private boolean completed;

  EventStreamWriter(OutputStream out) {
    this.out = out;
  }

  @Override
  public synchronized void chunk(byte[] bytes, int offset, int length) throws IOException {
    if (completed) {
      throw new IOException("the stream is complete");
    }
    for (int at = offset; at < offset + length; at += CHUNK) {
      int n = Math.min(CHUNK, offset + length - at);
      event("PayloadChunk", "application/octet-stream", Arrays.copyOfRange(bytes, at, at + n)).encode(out);
    }
    out.flush();
  }

  /**
   * Writes the final {@code InvokeComplete} and closes the stream.
   *
   * @param errorCode null when the function returned
   * @param errorDetails the function error's JSON, or null
   * @param logResult base64 of the log tail, or null without Tail
   */
  synchronized void complete(String errorCode, String errorDetails, String logResult) throws IOException {
    if (completed) {
      return;
    }
    completed = true;
    StringBuilder json = new StringBuilder("{");
    append(json, "ErrorCode", errorCode);
    append(json, "ErrorDetails", errorDetails);
    append(json, "LogResult", logResult);
    json.append('}');
    event("InvokeComplete", "application/json", json.toString().getBytes(StandardCharsets.UTF_8)).encode(out);
    out.close();
  }

  private static void append(StringBuilder json, String name, String value) {
    if (value != null) {
      if (json.length() > 1) {
        json.append(',');
      }
      json.append(Json.quote(name)).append(':').append(Json.quote(value));
    }
  }

  private static Message event(String type, String contentType, byte[] payload) {
    Map<String, HeaderValue> headers = new LinkedHashMap<>();
    headers.put(":event-type", HeaderValue.fromString(type));
    headers.put(":content-type", HeaderValue.fromString(contentType));
    headers.put(":message-type", HeaderValue.fromString("event"));
    return new Message(headers, payload);
  }
}
