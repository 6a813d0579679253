package dev.s3batch.tools.job;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for S3 Control's job API (no real one can run here), for the REAL SDK client to talk
 * to over HTTP on 127.0.0.1: it records every request and answers CreateJob, DescribeJob, ListJobs
 * and UpdateJobStatus with the XML S3 Control sends (namespace
 * {@code http://awss3control.amazonaws.com/doc/2018-08-20/}), or with an injected error in S3
 * Control's {@code <ErrorResponse><Error>...} shape.
 */
public final class FakeS3Control implements AutoCloseable {

  static final String NS = "http://awss3control.amazonaws.com/doc/2018-08-20/";

  /** One request as received. */
  public record Request(String method, String path, Map<String, String> query, Map<String, String> headers, String body) {
    public String header(String name) {
      return headers.get(name.toLowerCase());
    }
  }

  /** A job state DescribeJob answers. */
  public record State(String status, long total, long succeeded, long failed, List<String[]> failures) {
    public static State of(String status, long total, long succeeded, long failed) {
      return new State(status, total, succeeded, failed, List.of());
    }
  }

  private record Failure(int status, String code, String message) {}

  private final HttpServer server;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final Map<String, String> jobsByToken = new ConcurrentHashMap<>();
  private final Map<String, Deque<State>> states = new ConcurrentHashMap<>();
  private final Deque<Failure> failures = new ArrayDeque<>();
  private final AtomicInteger created = new AtomicInteger();
  private volatile int pageSize = 1000;
  private volatile String reportXml = "";

  public FakeS3Control() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  /** How many distinct jobs CreateJob made. */
  public int jobsCreated() {
    return created.get();
  }

  /** The states DescribeJob answers for a job, one per call; the last one stays. */
  public void script(String jobId, State... sequence) {
    states.put(jobId, new ArrayDeque<>(List.of(sequence)));
  }

  /** The next request is answered with this error. */
  public synchronized void failNext(int status, String code, String message) {
    failures.add(new Failure(status, code, message));
  }

  public void pageSize(int size) {
    pageSize = size;
  }

  /** The {@code <Report>} element DescribeJob includes. */
  public void report(String bucketArn, String prefix, String scope) {
    reportXml = "<Report><Bucket>" + bucketArn + "</Bucket><Format>Report_CSV_20180820</Format><Enabled>true</Enabled>"
        + "<Prefix>" + prefix + "</Prefix><ReportScope>" + scope + "</ReportScope></Report>";
  }

  private void handle(HttpExchange ex) throws IOException {
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Map<String, String> headers = new LinkedHashMap<>();
    ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
    Request r = new Request(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), query(ex.getRequestURI()), headers, body);
    requests.add(r);
    Failure failure;
    synchronized (this) {
      failure = failures.poll();
    }
    if (failure != null) {
      send(ex, failure.status, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ErrorResponse><Error><Code>" + failure.code
          + "</Code><Message>" + failure.message + "</Message></Error><RequestId>REQ-" + requests.size()
          + "</RequestId><HostId>host</HostId></ErrorResponse>");
      return;
    }
    String path = r.path();
    if (r.method().equals("POST") && path.equals("/v20180820/jobs")) {
      String token = element(body, "ClientRequestToken");
      String id = jobsByToken.computeIfAbsent(token, t -> "job-" + created.incrementAndGet());
      send(ex, 200, xml("CreateJobResult", "<JobId>" + id + "</JobId>"));
    } else if (r.method().equals("GET") && path.equals("/v20180820/jobs")) {
      list(ex, r);
    } else if (r.method().equals("POST") && path.matches("/v20180820/jobs/[^/]+/status")) {
      String id = path.split("/")[3];
      String status = r.query().get("requestedJobStatus");
      String reason = r.query().get("statusUpdateReason");
      send(ex, 200, xml("UpdateJobStatusResult", "<JobId>" + id + "</JobId><Status>" + status + "</Status>"
          + (reason == null ? "" : "<StatusUpdateReason>" + reason + "</StatusUpdateReason>")));
    } else if (r.method().equals("GET") && path.matches("/v20180820/jobs/[^/]+")) {
      String id = path.substring(path.lastIndexOf('/') + 1);
      Deque<State> seq = states.get(id);
      if (seq == null) {
        send(ex, 404, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ErrorResponse><Error><Code>NotFoundException</Code>"
            + "<Message>The specified job does not exist</Message></Error><RequestId>REQ-404</RequestId></ErrorResponse>");
        return;
      }
      State s;
      synchronized (seq) {
        s = seq.size() > 1 ? seq.poll() : seq.peek();
      }
      send(ex, 200, xml("DescribeJobResult", "<Job>" + descriptor(id, s) + "</Job>"));
    } else {
      send(ex, 400, "<ErrorResponse><Error><Code>InvalidRequest</Code><Message>no route " + path
          + "</Message></Error></ErrorResponse>");
    }
  }

  private String descriptor(String id, State s) {
    StringBuilder failuresXml = new StringBuilder();
    if (!s.failures().isEmpty()) {
      failuresXml.append("<FailureReasons>");
      for (String[] f : s.failures()) {
        failuresXml.append("<member><FailureCode>").append(f[0]).append("</FailureCode><FailureReason>").append(f[1])
            .append("</FailureReason></member>");
      }
      failuresXml.append("</FailureReasons>");
    }
    return "<JobId>" + id + "</JobId><ConfirmationRequired>false</ConfirmationRequired>"
        + "<Description>nightly resize</Description><JobArn>arn:aws:s3:us-east-1:123456789012:job/" + id + "</JobArn>"
        + "<Status>" + s.status() + "</Status><Priority>10</Priority>"
        + "<ProgressSummary><TotalNumberOfTasks>" + s.total() + "</TotalNumberOfTasks><NumberOfTasksSucceeded>"
        + s.succeeded() + "</NumberOfTasksSucceeded><NumberOfTasksFailed>" + s.failed()
        + "</NumberOfTasksFailed><Timers><ElapsedTimeInActiveSeconds>12</ElapsedTimeInActiveSeconds></Timers>"
        + "</ProgressSummary>" + failuresXml + reportXml
        + "<CreationTime>2026-11-21T09:00:00Z</CreationTime>"
        + (s.status().equals("Complete") || s.status().equals("Failed") ? "<TerminationDate>2026-11-21T09:05:00Z</TerminationDate>" : "")
        + "<RoleArn>arn:aws:iam::123456789012:role/batch</RoleArn>";
  }

  private void list(HttpExchange ex, Request r) throws IOException {
    List<String> ids = new ArrayList<>(states.keySet());
    ids.sort(null);
    String statusFilter = r.query().get("jobStatuses");
    if (statusFilter != null) {
      ids.removeIf(id -> !statusFilter.equals(states.get(id).peekLast().status()));
    }
    int from = r.query().containsKey("nextToken") ? Integer.parseInt(r.query().get("nextToken")) : 0;
    int to = Math.min(ids.size(), from + pageSize);
    StringBuilder jobs = new StringBuilder("<Jobs>");
    for (String id : ids.subList(from, to)) {
      State s = states.get(id).peekLast();
      jobs.append("<member><JobId>").append(id).append("</JobId><Description>nightly resize</Description>")
          .append("<Operation>LambdaInvoke</Operation><Priority>10</Priority><Status>").append(s.status())
          .append("</Status><CreationTime>2026-11-21T09:00:00Z</CreationTime><ProgressSummary><TotalNumberOfTasks>")
          .append(s.total()).append("</TotalNumberOfTasks><NumberOfTasksSucceeded>").append(s.succeeded())
          .append("</NumberOfTasksSucceeded><NumberOfTasksFailed>").append(s.failed())
          .append("</NumberOfTasksFailed></ProgressSummary></member>");
    }
    jobs.append("</Jobs>");
    String next = to < ids.size() ? "<NextToken>" + to + "</NextToken>" : "";
    send(ex, 200, xml("ListJobsResult", next + jobs));
  }

  private static String xml(String root, String content) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><" + root + " xmlns=\"" + NS + "\">" + content + "</" + root + ">";
  }

  private static void send(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/xml");
    ex.getResponseHeaders().add("x-amz-request-id", "REQ-" + status);
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  private static Map<String, String> query(URI uri) {
    Map<String, String> q = new LinkedHashMap<>();
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        int eq = pair.indexOf('=');
        String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
        String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        q.merge(k, v, (a, b) -> a + "," + b);
      }
    }
    return q;
  }

  /** The text of the first element with this name in an XML document, or null. */
  public static String element(String xml, String name) {
    Matcher m = Pattern.compile("<" + name + ">(.*?)</" + name + ">", Pattern.DOTALL).matcher(xml);
    return m.find() ? m.group(1) : null;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
