package dev.s3batch.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The head of an HTTP/1.1 message (request or response) exactly as read, and what it says. */
record HttpHead(byte[] raw, String startLine, Map<String, List<String>> headers) {

  private static final int MAX_HEAD = 64 * 1024;

  /** Reads a head up to and including the empty line; null at end of stream before any byte. */
  static HttpHead read(InputStream in) throws IOException {
    ByteArrayOutputStream raw = new ByteArrayOutputStream(1024);
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        if (raw.size() == 0) {
          return null;
        }
        throw new IOException("stream ended inside an HTTP head");
      }
      raw.write(b);
      matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
          ? matched + 1 : (b == '\r' ? 1 : 0);
      if (raw.size() > MAX_HEAD) {
        throw new IOException("HTTP head longer than " + MAX_HEAD + " bytes");
      }
    }
    String text = raw.toString(StandardCharsets.ISO_8859_1);
    String[] lines = text.split("\r\n");
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.computeIfAbsent(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
            .add(lines[i].substring(colon + 1).strip());
      }
    }
    return new HttpHead(raw.toByteArray(), lines[0], headers);
  }

  Optional<String> header(String name) {
    List<String> v = headers.get(name);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
  }

  String method() {
    return startLine.substring(0, startLine.indexOf(' '));
  }

  /** The status of a response head. */
  int status() {
    String[] parts = startLine.split(" ", 3);
    return Integer.parseInt(parts[1]);
  }

  boolean expectsContinue() {
    return header("expect").map(v -> v.equalsIgnoreCase("100-continue")).orElse(false);
  }

  boolean chunked() {
    return header("transfer-encoding").map(v -> v.toLowerCase(Locale.ROOT).contains("chunked")).orElse(false);
  }

  long contentLength() {
    return header("content-length").map(String::strip).map(Long::parseLong).orElse(-1L);
  }

  boolean closes() {
    return header("connection").map(v -> v.equalsIgnoreCase("close")).orElse(false);
  }

  RecordedRequest toRequest() {
    String target = startLine.split(" ", 3)[1];
    int q = target.indexOf('?');
    return new RecordedRequest(
        method(), q < 0 ? target : target.substring(0, q), q < 0 ? "" : target.substring(q + 1), headers);
  }
}
