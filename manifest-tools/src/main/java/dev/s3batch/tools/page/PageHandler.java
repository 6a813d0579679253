package dev.s3batch.tools.page;

import dev.s3batch.handler.internal.ControlCharacters;
import dev.s3batch.tools.report.FailedRows;
import dev.s3batch.tools.report.ReportReview;
import dev.s3batch.tools.report.ReportRow;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * The page's routes: the page and its assets, its JSON ({@code /api/summary},
 * {@code /api/failed?from=&size=&q=}) and the downloads ({@code /download/...}). Every answer
 * carries a Content-Security-Policy that allows scripts and styles from the page's own origin
 * only (no inline script, no {@code eval}), so a key that reads {@code <script>} stays text even
 * if it were ever put in the document as markup.
 */
final class PageHandler extends Handler.Abstract {

  static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
      + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

  /** The largest page of failed rows a client may ask for. */
  static final int MAX_PAGE = 500;

  private static final String ASSETS = "/dev/s3batch/tools/page/";
  private static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
  private static final Map<String, String> FILES = Map.of(
      "/", "index.html", "/page.js", "page.js", "/page.css", "page.css");

  private final PageReport report;
  private final Downloads downloads;
  private final byte[] summary;

  PageHandler(PageReport report) throws IOException {
    this.report = report;
    this.downloads = new Downloads(report);
    this.summary = PageJson.summary(report);
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    response.getHeaders().put("Content-Security-Policy", CSP);
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.getHeaders().put("Referrer-Policy", "no-referrer");
    String method = request.getMethod();
    if (!"GET".equals(method) && !"HEAD".equals(method)) {
      response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
      plain(response, callback, 405, method + " is not served here; GET or HEAD");
      return true;
    }
    String path = Request.getPathInContext(request);
    switch (path) {
      case "/api/summary" -> bytes(response, callback, "application/json", summary);
      case "/api/failed" -> failed(request, response, callback);
      case "/download/results.csv" -> downloads.serve(Downloads.Kind.RESULTS, request, response, callback);
      case "/download/failed.csv" -> downloads.serve(Downloads.Kind.FAILED, request, response, callback);
      case "/download/retry-manifest.csv" ->
          downloads.serve(Downloads.Kind.RETRY_MANIFEST, request, response, callback);
      case "/vendor/echarts.min.js" -> resource(response, callback, ECHARTS, "text/javascript");
      default -> {
        String file = FILES.get(path);
        if (file == null) {
          plain(response, callback, 404, "no such page: " + ControlCharacters.escape(path));
        } else {
          resource(response, callback, ASSETS + file, type(file));
        }
      }
    }
    return true;
  }

  private void failed(Request request, Response response, Callback callback) throws IOException {
    Fields query = Request.extractQueryParameters(request);
    long from;
    int size;
    try {
      from = Long.parseLong(value(query, "from", "0"));
      size = Integer.parseInt(value(query, "size", "50"));
    } catch (NumberFormatException e) {
      plain(response, callback, 400, "from and size are whole numbers");
      return;
    }
    if (from < 0 || size < 1 || size > MAX_PAGE) {
      plain(response, callback, 400, "from is 0 or more, size 1 to " + MAX_PAGE);
      return;
    }
    String q = value(query, "q", "").strip();
    FailedRows.Page page;
    try {
      page = q.isEmpty() ? report.failed().page(from, size) : report.failed().search(matching(q), from, size);
    } catch (IOException | RuntimeException e) {
      plain(response, callback, 502, "cannot read the failed rows: " + e.getMessage());
      return;
    }
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    bytes(response, callback, "application/json", PageJson.failed(page, q));
  }

  /** A row matches when its decoded key, its key as encoded, its error code or its message holds {@code q}, ignoring case. */
  static Predicate<ReportRow> matching(String q) {
    String needle = q.toLowerCase(Locale.ROOT);
    return r -> contains(ReportReview.decoded(r.key()), needle) || contains(r.key(), needle)
        || contains(r.errorCode(), needle) || contains(r.resultMessage(), needle);
  }

  private static boolean contains(String text, String needle) {
    return text.toLowerCase(Locale.ROOT).contains(needle);
  }

  private static String value(Fields query, String name, String otherwise) {
    String v = query.getValue(name);
    return v == null ? otherwise : v;
  }

  private static String type(String file) {
    return file.endsWith(".html") ? "text/html; charset=utf-8"
        : file.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
  }

  private static void resource(Response response, Callback callback, String name, String type) throws IOException {
    InputStream in = PageHandler.class.getResourceAsStream(name);
    if (in == null) {
      plain(response, callback, 500, "the page's " + name + " is not in this build");
      return;
    }
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    try (in; OutputStream out = Content.Sink.asOutputStream(response)) {
      in.transferTo(out);
    } catch (IOException e) {
      callback.failed(e);
      return;
    }
    callback.succeeded();
  }

  private static void bytes(Response response, Callback callback, String type, byte[] body) {
    response.setStatus(200);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }

  /** A plain-text answer of one line, control characters escaped. */
  static void plain(Response response, Callback callback, int status, String message) {
    String line = ControlCharacters.escapeKeepingBackslashes(message) + "\n";
    byte[] body = line.getBytes(StandardCharsets.UTF_8);
    response.setStatus(status);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
    response.getHeaders().put(HttpHeader.CONTENT_LENGTH, body.length);
    response.write(true, ByteBuffer.wrap(body), callback);
  }
}
