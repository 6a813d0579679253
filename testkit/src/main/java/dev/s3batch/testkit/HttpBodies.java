package dev.s3batch.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Copies HTTP/1.1 bodies as framed by their heads, byte for byte; builds S3 error answers. */
final class HttpBodies {

  private HttpBodies() {}

  /** Copies a request's body (Content-Length or chunked; none otherwise). */
  static void copyRequestBody(HttpHead head, InputStream in, OutputStream out) throws IOException {
    if (head.chunked()) {
      copyChunked(in, out);
    } else if (head.contentLength() > 0) {
      copyExactly(in, out, head.contentLength());
    }
  }

  /**
   * Copies a response's body; true when it was framed by the end of the stream (the connection
   * cannot be reused).
   */
  static boolean copyResponseBody(HttpHead request, HttpHead response, InputStream in, OutputStream out)
      throws IOException {
    int status = response.status();
    if (request.method().equals("HEAD") || status == 204 || status == 304 || (status >= 100 && status < 200)) {
      return false;
    }
    if (response.chunked()) {
      copyChunked(in, out);
      return false;
    }
    if (response.contentLength() >= 0) {
      copyExactly(in, out, response.contentLength());
      return false;
    }
    in.transferTo(out);
    return true;
  }

  private static void copyExactly(InputStream in, OutputStream out, long length) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long left = length;
    while (left > 0) {
      int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
      if (n < 0) {
        throw new IOException("body ended " + left + " bytes early");
      }
      out.write(buffer, 0, n);
      left -= n;
    }
  }

  private static void copyChunked(InputStream in, OutputStream out) throws IOException {
    while (true) {
      String sizeLine = line(in, out);
      int semi = sizeLine.indexOf(';');
      long size = Long.parseLong((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).strip(), 16);
      if (size == 0) {
        while (!line(in, out).isEmpty()) {
          // trailers, copied by line()
        }
        return;
      }
      copyExactly(in, out, size);
      line(in, out);
    }
  }

  /** Reads one CRLF-terminated line, copying it (terminator included); returns it without the CRLF. */
  private static String line(InputStream in, OutputStream out) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream(32);
    int prev = -1;
    while (true) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("stream ended inside a chunked body");
      }
      out.write(b);
      if (prev == '\r' && b == '\n') {
        byte[] bytes = buf.toByteArray();
        return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
      }
      buf.write(b);
      prev = b;
    }
  }

  /** A complete S3 error answer: status line, headers and XML body (no body for HEAD, as S3). */
  static byte[] errorAnswer(Fault.ErrorAnswer answer, int sequence, boolean headRequest) {
    String requestId = "FAULT" + sequence;
    String body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + answer.code() + "</Code><Message>"
        + answer.message() + "</Message><RequestId>" + requestId + "</RequestId><HostId>fault-proxy</HostId></Error>";
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    String reason = switch (answer.status()) {
      case 200 -> "OK";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 500 -> "Internal Server Error";
      case 503 -> "Slow Down";
      default -> "Error";
    };
    String head = "HTTP/1.1 " + answer.status() + " " + reason + "\r\n"
        + "Content-Type: application/xml\r\n"
        + "Content-Length: " + bytes.length + "\r\n"
        + "x-amz-request-id: " + requestId + "\r\n"
        + "x-amz-id-2: fault-proxy\r\n\r\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
    if (!headRequest) {
      out.writeBytes(bytes);
    }
    return out.toByteArray();
  }
}
