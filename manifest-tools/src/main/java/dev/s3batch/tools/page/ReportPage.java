package dev.s3batch.tools.page;

import java.net.URI;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The report page's HTTP server (Jetty, its core API): one report, read when it starts, served at
 * {@link #uri()} until {@link #close()}. The same app runs on a laptop ({@code s3batch report
 * serve}) and in a Lambda function behind the AWS Lambda Web Adapter, which forwards API
 * Gateway's requests to {@code 127.0.0.1:$PORT} and streams the answers back.
 *
 * <pre>{@code
 * try (ReportPage page = ReportPage.start(PageReport.read(reader), "127.0.0.1", 0)) {
 *   System.out.println(page.uri());
 *   page.join();
 * }
 * }</pre>
 */
public final class ReportPage implements AutoCloseable {

  private final Server server;
  private final ServerConnector connector;

  private ReportPage(Server server, ServerConnector connector) {
    this.server = server;
    this.connector = connector;
  }

  /**
   * Serves {@code report} on {@code host}:{@code port} (0: a free port).
   *
   * @throws Exception when the port cannot be bound
   */
  public static ReportPage start(PageReport report, String host, int port) throws Exception {
    QueuedThreadPool threads = new QueuedThreadPool(32, 2);
    threads.setName("report-page");
    threads.setDaemon(true);
    Server server = new Server(threads);
    HttpConfiguration http = new HttpConfiguration();
    http.setSendServerVersion(false);
    ServerConnector connector = new ServerConnector(server, 1, 1, new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);
    server.setHandler(new PageHandler(report));
    server.setStopTimeout(2_000);
    try {
      server.start();
    } catch (Exception e) {
      server.stop();
      throw e;
    }
    return new ReportPage(server, connector);
  }

  /** Where the page is: {@code http://host:port/}. */
  public URI uri() {
    String host = connector.getHost();
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + connector.getLocalPort() + "/");
  }

  /** Waits until the server stops. */
  public void join() throws InterruptedException {
    server.join();
  }

  @Override
  public void close() throws Exception {
    server.stop();
  }
}
