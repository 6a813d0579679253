package dev.s3batch.tools.lambda;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.IteratingCallback;

/**
 * Writes a whole body held in memory as the response, {@link #SLICE} bytes at a time, with its
 * {@code Content-Length}:
 *
 * <pre>{@code
 * response.setStatus(200);
 * SlicedWrite.send(response, payload, callback);
 * }</pre>
 *
 * <p>Why not one {@code response.write(true, ByteBuffer.wrap(body), callback)}: the JDK writes a
 * heap buffer to a socket through a temporary direct buffer as large as what is left of it, and
 * keeps that buffer cached in the writing thread for good. Every pool thread that once wrote a
 * 3 MB answer then holds 3 MB of direct memory, whose limit is the heap's size; with a 64 MB heap
 * the twentieth such thread failed its write ({@code OutOfMemoryError: Cannot reserve 3145730
 * bytes of direct buffer memory}), Jetty closed the connection, and the caller, whose invocation
 * had run, got no answer ({@code Unexpected end of file from server}; found by
 * {@code LambdaServeBurstE2ETest}). In slices, a thread's temporary buffer is one slice at most.
 */
final class SlicedWrite extends IteratingCallback {

  /** The most given to one socket write. */
  static final int SLICE = 64 * 1024;

  private final Response response;
  private final byte[] body;
  private final Callback callback;
  private int written;
  private boolean last;

  private SlicedWrite(Response response, byte[] body, Callback callback) {
    this.response = response;
    this.body = body;
    this.callback = callback;
  }

  /** Sends {@code body} as the whole response (status and headers set before), then completes {@code callback}. */
  static void send(Response response, byte[] body, Callback callback) {
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    new SlicedWrite(response, body, callback).iterate();
  }

  @Override
  protected Action process() {
    if (last) {
      return Action.SUCCEEDED;
    }
    int n = Math.min(SLICE, body.length - written);
    ByteBuffer slice = ByteBuffer.wrap(body, written, n);
    written += n;
    last = written == body.length;
    response.write(last, slice, this);
    return Action.SCHEDULED;
  }

  @Override
  protected void onCompleteSuccess() {
    callback.succeeded();
  }

  @Override
  protected void onCompleteFailure(Throwable cause) {
    callback.failed(cause);
  }

  @Override
  public InvocationType getInvocationType() {
    return callback.getInvocationType();
  }
}
